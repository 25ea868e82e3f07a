"""The fast read path sends exactly what the documented models would: the same bytes for
the same request, on every filter and sort, and the same ETags."""

import pytest
from sqlmodel import Session

from app.api.caching import representation_etag
from app.api.present import present_fact
from app.db import create_db_engine
from app.queries.facts import get_fact
from app.schemas import FactPage, FactSort
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
            model = present_fact(*get_fact(session, str(fact_id)))
            assert response.content == model.model_dump_json().encode()
            assert response.headers["etag"] == representation_etag(model)
    engine.dispose()
