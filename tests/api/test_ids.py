"""Ids a client holds are never given to another row: not after a delete, not after an import."""

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from app.config import Settings
from app.main import create_app
from tests.helpers import ARTICLE, AUTH, KEY

runner = CliRunner()


def held_ids(article: dict) -> tuple[int, set[int], dict[str, int]]:
    """The article's id, its facts' ids, and the ids of the entities they name, by name."""
    entities = {
        ref["name"]: ref["id"]
        for fact in article["facts"]
        for ref in (fact["subject"], fact["object"], fact["attributed_to"])
        if ref
    }
    return article["id"], {fact["id"] for fact in article["facts"]}, entities


def test_ids_of_a_deleted_article_its_facts_and_entities_are_never_given_again(writer):
    first = writer.post("/articles", json={"text": ARTICLE}, headers=AUTH).json()
    article_id, fact_ids, entity_ids = held_ids(first)
    assert writer.delete(f"/articles/{article_id}", headers=AUTH).status_code == 204
    pruned = {name for name, id_ in entity_ids.items()
              if writer.get(f"/entities/{id_}").status_code == 404}  # fmt: skip
    assert pruned, "the deleted article named no entity of its own"

    second = writer.post("/articles", json={"text": ARTICLE + " Again."}, headers=AUTH).json()
    new_article_id, new_fact_ids, new_entity_ids = held_ids(second)
    assert new_article_id > article_id
    assert min(new_fact_ids) > max(fact_ids)
    for name in pruned & set(new_entity_ids):
        assert new_entity_ids[name] > entity_ids[name], name
    for fact_id in fact_ids:
        assert writer.get(f"/facts/{fact_id}").status_code == 404


def test_an_imported_store_gives_new_rows_ids_past_the_imported_ones(
    db_url, empty_db_url, monkeypatch, tmp_path
):
    export = tmp_path / "store.jsonl"
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert runner.invoke(cli, ["export", str(export)]).exit_code == 0
    monkeypatch.setenv("DATABASE_URL", empty_db_url)
    assert runner.invoke(cli, ["import", str(export)]).exit_code == 0
    settings = Settings(database_url=empty_db_url, data_dir=tmp_path, auto_migrate=False,
                        auto_seed=False, api_keys=KEY, rate_limit_reads="",
                        rate_limit_writes="")  # fmt: skip
    with TestClient(create_app(settings)) as client:
        imported_facts = client.get("/facts", params={"limit": 100}).json()["items"]
        imported_entities = client.get("/entities", params={"limit": 100}).json()["items"]
        [imported_article] = client.get("/articles").json()["items"]
        created = client.post("/articles", json={"text": ARTICLE}, headers=AUTH).json()
    article_id, fact_ids, entity_ids = held_ids(created)
    assert article_id > imported_article["id"]
    assert min(fact_ids) > max(fact["id"] for fact in imported_facts)
    new_entities = set(entity_ids.values()) - {entity["id"] for entity in imported_entities}
    assert new_entities and min(new_entities) > max(e["id"] for e in imported_entities)
