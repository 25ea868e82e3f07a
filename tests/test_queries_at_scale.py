"""What keeps reads fast as the store grows: a fixed number of statements per request,
index-served filters and pages, capped counts."""

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings
from app.db import create_db_engine
from app.main import create_app
from app.models import Entity, Fact
from app.queries.counts import CountCache
from app.queries.fact_statements import SORT_KEYS, fact_statements
from app.queries.facts import fact_shape
from app.queries.keyset import count_rows
from app.schemas import FactFilters, FactSort
from bench.store import build


@pytest.fixture
def statements(client):
    """The SQL statements the app runs, collected per request."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    engine = client.app.state.runtime.engine
    sa.event.listen(engine, "before_cursor_execute", record)
    yield seen
    sa.event.remove(engine, "before_cursor_execute", record)


@pytest.mark.parametrize(
    "path",
    ["/facts", "/facts?entity=azerbaijan&sort=-value", "/entities", "/articles",
     "/articles/1/facts", "/entities/azerbaijan/facts?type=ranking", "/articles/1/entities"],
)  # fmt: skip
def test_statements_per_list_do_not_grow_with_the_page(client, statements, path):
    joiner = "&" if "?" in path else "?"
    counts = []
    for limit in (50, 500):
        statements.clear()
        assert client.get(f"{path}{joiner}limit={limit}").status_code == 200
        counts.append(len(statements))
    # Reading an entity's facts takes one statement per role (subject, object, source) and
    # one to fetch the page, twice when a nullable sort reaches the rows without a value.
    # The data version, which the kept totals are checked against, is one more; the second
    # request's total was counted by the first (app.queries.counts).
    assert counts[1] <= counts[0] <= 15, counts


def test_one_entity_and_one_fact_take_few_statements(client, statements):
    client.get("/entities/azerbaijan")
    assert len(statements) <= 5  # the data version, the entity, aliases, counts, mentions
    statements.clear()
    client.get("/facts/12")
    assert len(statements) <= 3


def test_a_repeated_request_is_served_from_the_cache(client, statements):
    first = client.get("/facts?type=ranking")
    statements.clear()
    again = client.get("/facts?type=ranking")
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    # At most the data version is read (on SQLite through a connection of its own).
    assert all("data_version" in statement for statement in statements) and len(statements) <= 1
    statements.clear()
    assert client.get("/facts?type=ranking", headers={"If-None-Match": first.headers["etag"]}
                      ).status_code == 304  # fmt: skip
    assert len(statements) <= 1


def test_a_write_by_any_process_invalidates_the_cache(client, db_url):
    before = client.get("/facts/12").json()
    other = create_db_engine(db_url)  # another replica, writing to the same database
    with other.begin() as connection:
        connection.execute(sa.update(Fact).where(Fact.id == 12).values(statement="Changed."))
    other.dispose()
    assert client.get("/facts/12").json()["statement"] == "Changed." != before["statement"]


def test_counts_stop_at_the_cap(db_url):
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        assert count_rows(session, select(Fact.id), cap=10) == (10, False)
        assert count_rows(session, select(Fact.id), cap=100) == (35, True)
    engine.dispose()


FILTERS = {
    "type": {"type": "ranking"}, "entity": {"entity": "1"}, "subject": {"subject": "1"},
    "object": {"object": "1"}, "attributed_to": {"attributed_to": "1"},
    "replaces": {"replaces": "1"}, "modality": {"modality": "planned"},
    "article_id": {"article_id": 1}, "year": {"year": 2015}, "from": {"from": 2014},
    "to": {"to": 2018}, "min_value": {"min_value": 1}, "max_value": {"max_value": 10},
    "origin": {"origin": "curated"}, "review_status": {"review_status": "accepted"},
    "q": {"q": "weapons"},
}  # fmt: skip


def plan_of(session, backend, statement) -> str:
    engine = session.get_bind()
    compiled = str(statement.compile(engine, compile_kwargs={"literal_binds": True}))
    connection = session.connection()
    if backend == "postgresql":
        connection.exec_driver_sql("SET enable_seqscan = off")  # tiny tables: force the choice
        return "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {compiled}"))
    return "\n".join(
        row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
    )


@pytest.mark.parametrize("name", FILTERS)
def test_every_fact_filter_is_served_by_an_index(db_url, backend, name):
    engine = create_db_engine(db_url)
    with Session(engine) as session:
        filters = FactFilters.model_validate(FILTERS[name])
        # The list's total, as it runs (its conditions alone), with the values bound.
        shape, values = fact_shape(session, filters, None, None)
        plan = plan_of(session, backend, fact_statements(shape).count.params(values))
    engine.dispose()
    if backend == "postgresql":
        assert "Seq Scan on fact" not in plan, plan
    else:
        assert "SCAN fact\n" not in plan + "\n" and not plan.endswith("SCAN fact"), plan


@pytest.mark.parametrize("sort", [FactSort.value, FactSort.value_desc, FactSort.rank,
                                  FactSort.period_start_desc])  # fmt: skip
def test_sorted_pages_read_an_index_in_order(db_url, backend, sort):
    engine = create_db_engine(db_url)
    key = SORT_KEYS[sort]
    with Session(engine) as session:
        where, order = key.valued(None)
        statement = select(Fact).where(*where).order_by(*order).limit(51)
        plan = plan_of(session, backend, statement)
    engine.dispose()
    if backend == "postgresql":
        assert "Index" in plan and "Sort" not in plan.split("->")[0], plan
    else:
        assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, plan


def test_an_entity_s_facts_use_indexes_once_the_planner_has_statistics(tmp_path):
    """On SQLite, ANALYZE counts every NULL as one shared value: an index of a column that
    is mostly NULL (who a fact replaces: only appointments say) looked like it matched every
    row, and one entity's facts became a scan of the whole fact table. The indexes of the
    nullable references hold only the rows that have one."""
    store = tmp_path / "store.db"
    build(f"sqlite:///{store}", articles=2000, facts_per_article=10, entities=500, seed=7)
    settings = Settings(database_url=f"sqlite:///{store}", data_dir=tmp_path,
                        auto_migrate=False, auto_seed=False, response_cache_size=0,
                        rate_limit_reads="")  # fmt: skip
    seen: list[tuple[str, tuple]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    with TestClient(create_app(settings)) as client:
        engine = client.app.state.runtime.engine
        sa.event.listen(engine, "before_cursor_execute", record)
        for path in ("/facts?entity=321", "/entities/321/facts", "/facts?replaces=321"):
            assert client.get(path).status_code == 200
        sa.event.remove(engine, "before_cursor_execute", record)
        with engine.connect() as connection:
            plans = [
                "\n".join(row[-1] for row in
                          connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))
                for sql, params in seen if "FROM fact" in sql
            ]  # fmt: skip
    assert plans
    for plan in plans:
        assert not any(line.strip() == "SCAN fact" for line in plan.splitlines()), plan


def test_a_deeper_page_of_the_same_list_is_not_counted_again(client, statements):
    """A total depends on the list's filters only: the next page (a new cursor, a new URL
    the response cache has never seen) reuses the total counted for the first."""
    first = client.get("/facts?limit=2")
    assert first.json()["next_cursor"]
    statements.clear()
    following = client.get(f"/facts?limit=2&cursor={first.json()['next_cursor']}")
    assert following.json()["total"] == first.json()["total"]
    assert not [statement for statement in statements if "count(" in statement.lower()]
    statements.clear()
    client.get("/facts?limit=2&type=ranking")  # other filters: another total
    assert [statement for statement in statements if "count(" in statement.lower()]


def test_a_total_is_counted_again_after_any_process_writes(client, db_url):
    first = client.get("/facts?limit=1&type=ranking").json()
    other = create_db_engine(db_url)  # another replica, writing to the same database
    with other.begin() as connection:
        connection.execute(sa.update(Fact).where(Fact.id == first["items"][0]["id"])
                           .values(type="event"))  # fmt: skip
    other.dispose()
    again = client.get(f"/facts?limit=1&type=ranking&cursor={first['next_cursor']}").json()
    assert again["total"] == first["total"] - 1


def test_a_kept_total_is_keyed_by_a_hash_and_the_values_not_the_whole_statement():
    """4,096 keys of SQLAlchemy's statement description held 23 MiB a worker."""

    def conditions():
        return [Entity.type == "organization", Entity.name.ilike("%nato%")]

    statement = sa.select(sa.func.count()).select_from(
        select(Entity.id).where(*conditions()).limit(10_001).subquery()
    )
    key = CountCache.key(statement)
    assert isinstance(key[0], int) and len(repr(key)) < 200, key
    again = sa.select(sa.func.count()).select_from(
        select(Entity.id).where(*conditions()).limit(10_001).subquery()
    )
    assert CountCache.key(again) == key  # the same list, built anew, finds its total
