"""The seed: the article byte-for-byte, annotations grounded by quote, loading idempotent."""

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

import app.writes.seed as seed_module
from app.db import create_db_engine
from app.extraction.candidates import Span
from app.migrate import upgrade_to_head
from app.models import Article, Entity, EntityAlias, Fact, Mention
from app.writes.articles import ArticleMeta, GroundingError, store_article
from app.writes.seed import SeedError, load_seed, read_seed
from tests.conftest import REPO_ROOT

SEED_DIR = REPO_ROOT / "seed"
SEED_SHA256 = "336e76cb0da50f41d58e2fbe432ed0deaf81ae083d737d890f43f170007bd860"


def test_seed_article_is_byte_for_byte():
    assert hashlib.sha256((SEED_DIR / "article.txt").read_bytes()).hexdigest() == SEED_SHA256


def test_annotations_are_grounded(seed_text):
    seed = read_seed(SEED_DIR)
    assert seed.text == seed_text
    assert len(seed.candidates.facts) >= 35
    for fact in seed.candidates.facts:
        span = fact.evidence
        assert seed_text[span.start : span.end] == span.quote
    for entity in seed.candidates.entities:
        assert entity.mentions, entity.key
        for span in entity.mentions:
            assert seed_text[span.start : span.end] == span.quote


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    directory = tmp_path / "seed"
    shutil.copytree(SEED_DIR, directory)
    return directory


def edit_annotations(directory: Path, old: str, new: str) -> None:
    path = directory / "annotations.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


OPENING = 'predicate = "opened_military_facility"'


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'quote = "Azerbaijan ranked 23rd globally',
            'quote = "Azerbaijan ranked 24th globally',
            "quote not found",
        ),
        (
            'quote = "Azerbaijani Armed Forces have three branches"\n',
            'quote = "Azerbaijani Armed Forces"\n',
            "occurs 2 times",
        ),
        ('attributed_to = "bloomberg"', 'attributed_to = "reuters"', "undeclared entities"),
        ('scope = "Europe"', 'scope = "Europe"\ncolour = "blue"', "unknown fact fields"),
        ('mentions = ["Armenia"]', 'mentions = ["Armenians"]', "mention not found"),
        ('type = "spending"', 'type = "gossip"', "gossip"),
        (OPENING, f'{OPENING}\nreplaces = "nobody"', "undeclared entities"),
        (f'{OPENING}\nmodality = "asserted"', f'{OPENING}\nmodality = "rumoured"', "rumoured"),
        (OPENING, f'{OPENING}\nheadline = "yes"', "headline of .* must be true or false"),
        (OPENING, f'{OPENING}\nitem = "{"x" * 201}"', "at most 200 characters"),
    ],
)
def test_loader_fails_loudly_on_bad_annotations(seed_copy, old, new, message):
    edit_annotations(seed_copy, old, new)
    with pytest.raises(SeedError, match=message):
        read_seed(seed_copy)


def test_annotations_take_every_claim_field_and_a_headline_mark(seed_copy, empty_db_url):
    extra = ('quantity = 1\nitem = "military facility"\n'
             'replaces = "defense-minister-of-azerbaijan"\nheadline = false')  # fmt: skip
    edit_annotations(seed_copy, OPENING, f"{OPENING}\n{extra}")
    facts = read_seed(seed_copy).candidates.facts
    fact = next(f for f in facts if f.predicate == "opened_military_facility")
    assert (fact.modality, fact.quantity, fact.item, fact.replaces, fact.headline) == (
        "asserted", 1, "military facility", "defense-minister-of-azerbaijan", False
    )  # fmt: skip
    assert all(other.headline for other in facts if other is not fact)
    engine = create_db_engine(empty_db_url)
    upgrade_to_head(engine)
    load_seed(engine, directory=seed_copy)
    with Session(engine) as session:
        stored = session.exec(select(Fact).where(Fact.predicate == fact.predicate)).one()
        post = session.exec(select(Entity).where(Entity.slug == fact.replaces)).one()
        assert (stored.modality, stored.quantity, stored.item) == ("asserted", 1, fact.item)
        assert stored.replaces_id == post.id
    engine.dispose()


def test_an_occurrence_index_resolves_an_ambiguous_quote(seed_copy, seed_text):
    edit_annotations(
        seed_copy,
        'quote = "Azerbaijani Armed Forces have three branches"\n',
        'quote = "Azerbaijani Armed Forces"\noccurrence = 2\n',
    )
    fact = next(f for f in read_seed(seed_copy).candidates.facts if f.predicate == "branch_count")
    assert fact.evidence.start == seed_text.index("Azerbaijani Armed Forces, President")


def counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            table.__name__: session.exec(select(func.count()).select_from(table)).one()
            for table in (Article, Entity, EntityAlias, Mention, Fact)
        }


@pytest.fixture
def empty_engine(empty_db_url: str):
    engine = create_db_engine(empty_db_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


def test_loading_twice_adds_nothing(empty_engine):
    assert "stored article" in load_seed(empty_engine)
    first = counts(empty_engine)
    assert first["Article"] == 1 and first["Fact"] >= 35
    assert "nothing added" in load_seed(empty_engine)
    assert counts(empty_engine) == first


def test_replace_applies_edited_annotations(empty_engine, seed_copy):
    load_seed(empty_engine, directory=seed_copy)
    before = counts(empty_engine)
    edit_annotations(
        seed_copy,
        'cooperates with about 60 countries in the military-technical sphere."',
        'cooperates militarily with about 60 countries."',
    )
    assert "nothing added" in load_seed(empty_engine, directory=seed_copy)
    assert "replaced" in load_seed(empty_engine, directory=seed_copy, replace=True)
    assert counts(empty_engine) == before
    with Session(empty_engine) as session:
        statements = set(session.exec(select(Fact.statement)))
    assert "Azerbaijan cooperates militarily with about 60 countries." in statements
    assert not any("military-technical sphere." in statement for statement in statements)


def test_a_failed_load_leaves_the_database_as_it_was(empty_engine, seed_copy, monkeypatch):
    load_seed(empty_engine, directory=seed_copy)
    before = counts(empty_engine)

    # The loader checks every claim up front now, so the failure after the old curated
    # facts were deleted is a database error in the middle of storing the new ones.
    def refused(*args):
        raise sa.exc.IntegrityError("INSERT INTO fact ...", {}, Exception("CHECK failed"))

    monkeypatch.setattr(seed_module, "store_candidates", refused)
    with pytest.raises(sa.exc.IntegrityError):
        load_seed(empty_engine, directory=seed_copy, replace=True)
    assert counts(empty_engine) == before


def test_grounding_is_checked_again_at_write_time(empty_engine):
    seed = read_seed(SEED_DIR)
    seed.candidates.facts[0].evidence = Span(0, 10, "Not there!")
    with pytest.raises(GroundingError), Session(empty_engine) as session, session.begin():
        store_article(session, seed.text, ArticleMeta(), seed.candidates)
    assert counts(empty_engine) == dict.fromkeys(counts(empty_engine), 0)
