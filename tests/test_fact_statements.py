"""The fact list's statements kept per shape: one shape's statements are never another's,
they hold no request's value, and requests of one shape each read their own values."""

import itertools

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from app.queries.fact_statements import FILTERS, FactShape, fact_statements
from app.queries.keyset import NULL_CURSOR, TOTAL_CAP, VALUE_CURSOR
from app.schemas import FactSort
from tests.helpers import get_all

DIALECTS = {"sqlite": sqlite.dialect(), "postgresql": postgresql.dialect()}


def shapes(dialect: str):
    """A spread of shapes: each filter alone (in two orders), the scopes and searches with
    every order and kind of cursor."""
    alone = [(filters, None, 0, False, orders) for filters in (
        *((name,) for name in FILTERS), ("type", "year"), ("subject", "from_", "to")
    ) for orders in ((FactSort.id, FactSort.value_desc),)]  # fmt: skip
    varied = [((), words, entities, article, tuple(FactSort)) for words, entities, article in
              itertools.product((None, 0, 1), (0, 1, 2), (False, True))]  # fmt: skip
    for filters, words, entities, article, orders in [*alone, *varied]:
        for order, after in itertools.product(orders, (None, NULL_CURSOR, VALUE_CURSOR)):
            if order is FactSort.relevance and not words:
                continue  # relevance without words is the id order, under the name "id"
            if after == VALUE_CURSOR and order in (FactSort.id, FactSort.id_desc):
                continue  # an id cursor's value is always null
            from_index = dialect == "sqlite" and bool(words) and order in (
                FactSort.id, FactSort.id_desc, FactSort.relevance)  # fmt: skip
            yield FactShape(dialect, filters, words, from_index, entities, article, order, after)


def compiled(statement, dialect: str):
    return statement.compile(dialect=DIALECTS[dialect])


def signature(statement, dialect: str) -> tuple | None:
    """A statement's SQL and the names of the values it binds, in order (the same SQL can
    bind different values: an article's facts and the article_id filter)."""
    if statement is None:
        return None
    found = compiled(statement, dialect)
    return str(found), tuple(found.positiontup or found.params)


def signatures(statements, dialect: str) -> tuple:
    return tuple(signature(statement, dialect) for statement in
                 (statements.page.valued, statements.page.nulls, statements.count))  # fmt: skip


@pytest.mark.parametrize("dialect", DIALECTS)
def test_two_shapes_never_share_a_statement(dialect):
    seen: dict[tuple, FactShape] = {}
    for shape in shapes(dialect):
        kept = signatures(fact_statements(shape), dialect)
        if shape.words != 0:  # a q without words matches nothing, cursor or not: WHERE false
            assert kept[:2] not in seen, (shape, seen.get(kept[:2]))
            seen[kept[:2]] = shape
        # The kept statements are the ones the shape builds.
        assert kept == signatures(fact_statements.__wrapped__(shape), dialect)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_kept_statement_holds_no_value_and_binds_exactly_its_shape_s(dialect):
    for shape in shapes(dialect):
        statements = fact_statements(shape)
        lookup = statements.sort.value_lookup
        reads = (statements.page.valued, statements.page.nulls, statements.count)
        for statement in (*reads, lookup):
            if statement is None:
                continue
            params = compiled(statement, dialect).params
            # Every value is bound: written in are only SQLAlchemy's own constants (the
            # count's cap, and SQLite's OFFSET 0 after a LIMIT).
            written = {name: value for name, value in params.items() if value is not None}
            assert all(name.startswith("param_") and value in (0, TOTAL_CAP + 1)
                       for name, value in written.items()), (shape, written)  # fmt: skip
            if statement is not lookup and shape.words != 0:  # (WHERE false binds nothing)
                bound = {name for name in FILTERS if name in params}
                assert bound == set(shape.filters), (shape, params)


# Lists of one shape each, with values that select different facts.
SAME_SHAPE = [
    [{"type": kind} for kind in ("ranking", "spending", "event", "alliance")],
    [{"entity": key, "limit": 2} for key in ("azerbaijan", "nato", "1", "bloomberg")],
    [{"subject": key, "sort": "-id"} for key in ("azerbaijan", "3", "president-of-azerbaijan")],
    [{"min_value": low, "sort": "value", "limit": 3} for low in (0, 5, 1000, 1e9)],
    [{"year": year, "sort": "-period_start", "limit": 4} for year in (2015, 2016, 2020)],
    [{"from": start, "to": end} for start, end in ((2014, 2015), (2016, 2020), (1990, 2000))],
]  # fmt: skip


def matches(fact: dict, filters: dict) -> bool:
    """The filters as the contract states them, in Python."""
    refs = {name: (fact[name] or {}).get("id") for name in
            ("subject", "object", "attributed_to", "replaces")}  # fmt: skip
    start, end = fact["period_start"], fact["period_end"]
    first, last = filters.get("year", filters.get("from")), filters.get("year", filters.get("to"))
    checks = {
        "type": lambda value: fact["type"] == value,
        "min_value": lambda value: fact["value"] is not None and fact["value"] >= value,
        "year": lambda _: start is not None,
        "from": lambda _: start is not None,
        "to": lambda _: start is not None,
    }
    for name, value in filters.items():
        if name in ("entity", "subject"):
            ids = {refs["subject"]} if name == "subject" else set(refs.values())
            if value not in ids:
                return False
        elif name in checks and not checks[name](value):
            return False
    if last is not None and (start is None or start > last):
        return False
    return first is None or end is None or end >= first


def sort_facts(facts: list[dict], sort: str) -> list[dict]:
    column, descending = sort.lstrip("-"), sort.startswith("-")
    if column == "id":
        return sorted(facts, key=lambda fact: fact["id"], reverse=descending)
    valued = sorted((fact for fact in facts if fact[column] is not None),
                    key=lambda fact: (fact[column], fact["id"]), reverse=descending)  # fmt: skip
    nulls = sorted((fact for fact in facts if fact[column] is None),
                   key=lambda fact: fact["id"], reverse=descending)  # fmt: skip
    return valued + nulls


@pytest.mark.parametrize("lists", SAME_SHAPE, ids=lambda lists: ",".join(lists[0]))
def test_lists_of_one_shape_each_read_their_own_values(client, lists):
    everything = get_all(client, "/facts", limit=500)
    ids = {entity["slug"]: entity["id"] for entity in get_all(client, "/entities", limit=500)}
    found = set()
    for params in lists:
        wanted = {name: (ids[value] if value in ids else int(value))
                  if name in ("entity", "subject") else value
                  for name, value in params.items() if name not in ("limit", "sort")}  # fmt: skip
        expected = sort_facts([fact for fact in everything if matches(fact, wanted)],
                              params.get("sort", "id"))  # fmt: skip
        listed = get_all(client, "/facts", **params)  # every page, each a request of the shape
        assert [fact["id"] for fact in listed] == [fact["id"] for fact in expected], params
        first = client.get("/facts", params=params).json()
        assert first["total"] == len(expected), params
        found.add(tuple(fact["id"] for fact in listed))
    assert len(found) > 1, "the values chosen select the same facts: the test shows nothing"


def test_a_shape_s_statements_are_built_once(client):
    client.get("/facts", params={"type": "ranking", "limit": 2})
    before = fact_statements.cache_info()
    for kind in ("spending", "event", "alliance"):
        client.get("/facts", params={"type": kind, "limit": 2})
    after = fact_statements.cache_info()
    assert after.currsize == before.currsize and after.hits >= before.hits + 3
    assert isinstance(fact_statements(FactShape("sqlite", ("type",), None, False, 0, False,
                                                FactSort.id, None)).count, sa.Select)  # fmt: skip


@pytest.mark.parametrize("q", ["army", "weapons importer", "azerbaijan"])
def test_a_search_alone_is_counted_in_its_index_and_the_total_is_the_list_s(client, q):
    shape = FactShape("sqlite", (), 1, True, 0, False, FactSort.id, None)
    assert "JOIN fact" not in str(compiled(fact_statements(shape).count, "sqlite"))
    for sort in ("id", "-id", "relevance", "value"):  # from the index, and not
        listed = get_all(client, "/facts", q=q, sort=sort, limit=2)
        assert client.get("/facts", params={"q": q, "sort": sort}).json()["total"] == len(listed)
        assert listed, q
