"""The development corpus: its manifest matches its annotations, its make-up is what the
extraction issue asks for, and, where the texts are at hand (they stay out of git), every
annotation grounds in its text and every extracted fact quotes it exactly."""

import csv

import pytest

from app.corpus import MANIFEST_FILE, annotation_files, manifest_table, read_corpus
from app.extraction.pipeline import extract
from tests.conftest import REPO_ROOT

CORPUS = REPO_ROOT / "corpus"


def manifest() -> list[dict[str, str]]:
    with open(CORPUS / MANIFEST_FILE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_manifest_is_made_from_the_annotations():
    assert (CORPUS / MANIFEST_FILE).read_text(encoding="utf-8") == manifest_table(CORPUS)


def test_the_corpus_has_the_make_up_the_issue_asks_for():
    rows = manifest()
    defence = [row for row in rows if row["topic"] == "defence"]
    assert len(defence) >= 40 and len(rows) - len(defence) >= 10
    assert len({row["outlet"] for row in defence}) >= 25
    assert len({row["outlet_country"] for row in defence}) >= 15
    assert {row["split"] for row in rows} == {"dev", "heldout"}
    assert all(len(row["sha256"]) == 64 and row["url"].startswith("http") for row in rows)


TEXTS = sorted((CORPUS / "texts").glob("*.txt")) if (CORPUS / "texts").is_dir() else []


@pytest.mark.skipif(len(TEXTS) < len(annotation_files(CORPUS)),
                    reason="the corpus texts are not at hand (third-party copyright)")  # fmt: skip
def test_every_annotation_grounds_and_every_extracted_fact_quotes_its_text():
    for entry in read_corpus(CORPUS):
        assert entry.seed is not None, entry.problem
        text = entry.seed.text
        for fact in extract(text, published_at=entry.seed.meta.published_at).facts:
            assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.quote
