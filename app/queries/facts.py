"""Fact reads: the filtered, keyset-paged list, one fact, and the entities they refer to."""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.db import one_statement_options
from app.errors import NotFound
from app.models import ENTITY_ROLES, Entity, Fact
from app.queries.counts import CountCache
from app.queries.fact_statements import (
    ALSO_ENTITY,
    COLUMNS,
    ENTITY,
    FACT_ROWS,
    FILTERS,
    SCOPE_ARTICLE,
    FactShape,
    fact_statements,
    sort_name,
    with_references,
)
from app.queries.keyset import Cursor, Listing, cursor_kind, cursor_values, read_page, run_count
from app.queries.lookup import article_id_of, entity_id_of, parse_id
from app.queries.search import search_shape, text_values
from app.schemas import FactFilters, FactSort

# Built once: a statement made per request costs more to build and key for the statement
# cache than SQLite takes to run it.
FACT_BY_ID = FACT_ROWS.select_from(with_references()).where(COLUMNS.id == sa.bindparam("fact_id"))
# The filters naming an entity or an article, resolved to its id.
ENTITY_FILTERS = ("subject", "object", "attributed_to", "replaces")
# The orders a search reads from SQLite's full-text index in (see fact_statements).
INDEX_ORDERS = (FactSort.id, FactSort.id_desc, FactSort.relevance)


def referenced_ids(facts: list) -> set[int]:
    return {
        entity_id
        for fact in facts
        for column in ENTITY_ROLES.values()
        if (entity_id := getattr(fact, column)) is not None
    }


def referenced_entities(session: Session, facts: list[Fact]) -> dict[int, Entity]:
    """Every entity the facts refer to, in one query."""
    ids = referenced_ids(facts)
    if not ids:
        return {}
    return {entity.id: entity for entity in session.exec(select(Entity).where(Entity.id.in_(ids)))}


def fact_shape(
    session: Session, filters: FactFilters, article: int | None, involving: int | None
) -> tuple[FactShape, dict[str, Any]]:
    """The shape of the list `filters` ask for and the values its statements bind; unknown
    entities and articles raise NotFound (the entity filter first, then in FILTERS order)."""
    dialect = session.get_bind().dialect.name
    entities = [entity_id for entity_id in (
        involving, entity_id_of(session, filters.entity) if filters.entity else None
    ) if entity_id is not None]  # fmt: skip
    values: dict[str, Any] = {}
    if article is not None:
        values[SCOPE_ARTICLE] = article
    if entities:
        values[ENTITY] = entities[0]
    if len(entities) == 2:
        values[ALSO_ENTITY] = entities[1]
    given = []
    for name in FILTERS:
        value = getattr(filters, name)
        if value is None:
            continue
        if name in ENTITY_FILTERS:
            value = entity_id_of(session, value)
        elif name == "article_id":
            value = article_id_of(session, value)
        values[name] = value
        given.append(name)
    words = None
    if filters.q is not None:
        words = search_shape(dialect, filters.q)
        values.update(text_values(dialect, filters.q))
    order = filters.order
    from_index = dialect == "sqlite" and bool(words) and order in INDEX_ORDERS
    shape = FactShape(dialect, tuple(given), words, from_index, len(entities),
                      article is not None, order, None)  # fmt: skip
    return shape, values


def list_facts(
    session: Session,
    filters: FactFilters,
    *,
    article: int | None = None,
    involving: int | None = None,
    counts: CountCache | None = None,
) -> Listing[sa.Row]:
    """A page of facts matching `filters`, of the article `article` and involving the entity
    `involving` when given (a path's scope); `counts` keeps totals counted."""
    shape, values = fact_shape(session, filters, article, involving)
    after = Cursor.decode(filters.cursor, sort_name(shape)) if filters.cursor is not None else None
    statements = fact_statements(shape._replace(after=cursor_kind(after)))
    # On the session's connection: plain Core rows, without the ORM's result machinery.
    connection = session.connection()
    page = read_page(connection.execute, statements.page, statements.sort, filters.limit,
                     {**values, **cursor_values(after)})  # fmt: skip
    key = (shape.counted, tuple(values.items())) if counts is not None else None
    total, exact = run_count(session, statements.count, values, key, counts)
    return Listing(
        rows=page.rows,
        total=total,
        total_exact=exact,
        next_cursor=page.next_cursor,
    )


def get_fact(
    session: Session, key: str, *, for_update: bool = False
) -> tuple[Fact, dict[int, Entity]]:
    """The fact with id `key` and the entities it refers to; facts have no slugs.
    `for_update`: the row is locked (SELECT ... FOR UPDATE) until the transaction ends."""
    row_id = parse_id(key)
    fact = session.get(Fact, row_id, with_for_update=for_update or None) if row_id else None
    if fact is None:
        raise NotFound(f"No fact {key!r}.")
    return fact, referenced_entities(session, [fact])


def get_fact_row(session: Session, key: str) -> sa.Row:
    """`get_fact` as one plain row of FACT_ROWS, for reading only: the fact's columns, and
    the name and type of each entity it refers to."""
    row_id = parse_id(key)
    # On the session's connection (a Core row without the ORM's result machinery), as the
    # one statement it is: the session must not have begun.
    options = one_statement_options(session.get_bind())
    connection = session.connection(execution_options=options)
    fact = connection.execute(FACT_BY_ID, {"fact_id": row_id}).first() if row_id else None
    if fact is None:
        raise NotFound(f"No fact {key!r}.")
    return fact
