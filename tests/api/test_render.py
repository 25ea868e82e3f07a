"""The fast read path sends exactly what the documented models would: the same bytes for
the same request, on every filter and sort, and the same ETags."""

import pytest
from sqlmodel import Session, select

from app.api.caching import fact_etag
from app.api.present import present_fact
from app.api.render import entity_detail_json
from app.api.routes.facts import public_etag
from app.db import create_db_engine
from app.models import Entity, EntityAlias, Mention
from app.queries.entities import get_entity_detail
from app.queries.facts import get_fact
from app.schemas import EntityDetail, FactPage, FactSort, MentionPublic
from tests.helpers import AUTH

# Our own sentences: amounts with fractions, a percentage, a planned purchase, an
# appointment, text beyond ASCII (quotes, dashes, accents), so the encoders meet what the
# seed lacks.
ARTICLE = (
    "Poland will buy 96 Apache helicopters from the United States for $12.5bn, the Polish "
    "Ministry of National Defence said. Poland’s military outlays are set to climb to 4.2% "
    "of GDP in 2026. General Tomasz Wirski was appointed Chief of the General Staff of "
    "Poland in 2023, succeeding General Adam Rolak. Poland ranked 21st among 145 countries "
    "in the Global Firepower index 2024 — up from 24th."
)
LISTS = [
    "", "type=ranking", "type=spending", "entity=azerbaijan", "entity=poland",
    "subject=azerbaijan", "object=south-caucasus", "attributed_to=global-fire-power",
    "replaces=adam-rolak", "modality=planned", "modality=asserted", "article_id=1",
    "article_id=2", "year=2015", "from=2014", "to=2018", "from=2010&to=2020",
    "min_value=1", "max_value=10", "min_value=0.5&max_value=100000000000", "origin=curated",
    "origin=extracted", "review_status=accepted", "review_status=unreviewed", "q=weapons",
    "q=army+strongest", "q=helicopters", "type=ranking&entity=azerbaijan&sort=rank",
    "limit=1", "limit=3&sort=-value", "limit=500",
    *(f"sort={sort.value}" for sort in FactSort if sort is not FactSort.relevance),
    "q=army&sort=relevance", "entity=azerbaijan&sort=-period_start&limit=4",
]  # fmt: skip


@pytest.fixture
def store(writer, db_url):
    created = writer.post("/articles", json={"text": ARTICLE, "title": "Poland’s helicopters",
                                             "source": "our own words"}, headers=AUTH)  # fmt: skip
    assert created.status_code == 201, created.text
    return writer, db_url


def model_bytes(db_url: str, body: dict) -> bytes:
    """The page `body` describes, built from ORM rows by the documented models."""
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        items = [present_fact(*get_fact(session, str(item["id"]))) for item in body["items"]]
    engine.dispose()
    page = FactPage(items=items, total=body["total"], total_exact=body["total_exact"],
                    limit=body["limit"], next_cursor=body["next_cursor"])  # fmt: skip
    return page.model_dump_json().encode()


@pytest.mark.parametrize("query", LISTS)
def test_every_list_sends_the_models_bytes(store, query):
    client, db_url = store
    for path in (f"/facts?{query}", f"/entities/poland/facts?{query}",
                 f"/articles/2/facts?{query}"):  # fmt: skip
        response = client.get(path)
        if response.status_code == 404:  # a filter naming what the scoped list lacks
            continue
        assert response.status_code == 200, (path, response.text)
        assert response.headers["content-type"] == "application/json"
        assert response.content == model_bytes(db_url, response.json()), path
        if response.json()["next_cursor"]:  # the next page too
            following = client.get(f"{path}&cursor={response.json()['next_cursor']}")
            assert following.content == model_bytes(db_url, following.json()), path


def test_every_fact_sends_the_models_bytes_and_etag(store):
    client, db_url = store
    engine = create_db_engine(db_url)
    ids = [item["id"] for item in client.get("/facts?limit=500").json()["items"]]
    assert len(ids) > 35
    with Session(engine) as session:
        for fact_id in ids:
            response = client.get(f"/facts/{fact_id}")
            fact, entities = get_fact(session, str(fact_id))
            model = present_fact(fact, entities)
            assert response.content == model.model_dump_json().encode()
            # The ETag PATCH compares (the fact's JSON and its review count).
            assert response.headers["etag"] == public_etag(fact, entities)
            assert response.headers["etag"] == fact_etag(response.content, fact.review_count)
    engine.dispose()


def entity_detail_model(session: Session, entity: Entity, cap: int = 100) -> EntityDetail:
    """The entity page as the documented models build it from ORM rows."""
    aliases = session.exec(
        select(EntityAlias.alias).where(EntityAlias.entity_id == entity.id).order_by(EntityAlias.id)
    ).all()
    mentions = session.exec(
        select(Mention)
        .where(Mention.entity_id == entity.id)
        .order_by(Mention.article_id, Mention.start_offset)
    ).all()
    return EntityDetail(
        id=entity.id, slug=entity.slug, name=entity.name, type=entity.type,
        aliases=list(aliases), wikidata_id=entity.wikidata_id, mention_count=len(mentions),
        mentions=[MentionPublic(article_id=m.article_id, start=m.start_offset, end=m.end_offset,
                                text=m.text) for m in mentions[:cap]],
        mentions_complete=len(mentions) <= cap,
    )  # fmt: skip


def test_every_entity_sends_the_models_bytes(store):
    client, db_url = store
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        entities = session.exec(select(Entity)).all()
        assert len(entities) > 15
        for entity in entities:
            expected = entity_detail_model(session, entity).model_dump_json().encode()
            for key in (entity.id, entity.slug):
                response = client.get(f"/entities/{key}")
                assert response.status_code == 200, response.text
                assert response.headers["content-type"] == "application/json"
                assert response.content == expected, key
    engine.dispose()


def test_an_entity_with_more_mentions_than_listed_says_so(store):
    """`mentions_complete` is false, and `mention_count` still counts them all."""
    _, db_url = store
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        entity = session.exec(select(Entity).where(Entity.slug == "azerbaijan")).one()
        found = get_entity_detail(session, "azerbaijan", cap=2)
        expected = entity_detail_model(session, entity, cap=2)
    engine.dispose()
    assert not expected.mentions_complete and expected.mention_count > 2
    assert entity_detail_json(found.entity, found.aliases, found.mentions) == (
        expected.model_dump_json().encode()
    )
