"""Fact reads: the filtered, keyset-paged SELECT and the entity references of a page."""

from dataclasses import dataclass, field
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlmodel import Session, select

from app.db import one_statement_options
from app.errors import NotFound
from app.models import ENTITY_ROLES, Entity, Fact
from app.queries.counts import CountCache
from app.queries.keyset import Listing, SortKey, count_rows, fetch_page
from app.queries.lookup import article_id_of, entity_id_of, parse_id
from app.queries.search import FTS, fts_match, matches_text, relevance, search_words
from app.schemas import FactFilters, FactSort

SORT_KEYS = {
    FactSort.id: SortKey("id", Fact.id),
    FactSort.id_desc: SortKey("-id", Fact.id, descending=True),
    FactSort.value: SortKey("value", Fact.id, Fact.value),
    FactSort.value_desc: SortKey("-value", Fact.id, Fact.value, descending=True),
    FactSort.period_start: SortKey("period_start", Fact.id, Fact.period_start),
    FactSort.period_start_desc: SortKey(
        "-period_start", Fact.id, Fact.period_start, descending=True
    ),
    FactSort.rank: SortKey("rank", Fact.id, Fact.rank),
}


# A page reads plain rows of these columns (SQLAlchemy Core): no ORM instance, identity
# map or change tracking for what is only sent out.
FACT_COLUMNS = tuple(Fact.__table__.columns)


class EntityRefRow(NamedTuple):
    id: int
    name: str
    type: Any


# Each role's entity, as its own alias of the entity table, and the columns read from it.
ROLE_ENTITIES = {role: Entity.__table__.alias(f"{role}_entity") for role in ENTITY_ROLES}
REFERENCE_COLUMNS = [
    column
    for role, entity in ROLE_ENTITIES.items()
    for column in (entity.c.name.label(f"{role}_name"), entity.c.type.label(f"{role}_type"))
]


def with_references(source: Any = Fact.__table__) -> Any:
    """`source` (the fact table, or a join holding it) joined to the entity of each role:
    one round trip reads the facts with the names and types of what they refer to. An
    unused join on a primary key costs nothing: SQLite and PostgreSQL both drop it."""
    for role, column in ENTITY_ROLES.items():
        entity = ROLE_ENTITIES[role]
        source = source.outerjoin(entity, entity.c.id == Fact.__table__.c[column])
    return source


# Built once: a statement made per request costs more to build and key for the statement
# cache than SQLite takes to run it. Pages start from FACT_ROWS (its columns coerced once).
FACT_WITH_REFERENCES = with_references()
FACT_ROWS = sa.select(*FACT_COLUMNS, *REFERENCE_COLUMNS)
FACT_BY_ID = FACT_ROWS.select_from(FACT_WITH_REFERENCES).where(Fact.id == sa.bindparam("fact_id"))


def joined_references(row: Any) -> dict[int, EntityRefRow]:
    """The entities a row of FACT_ROWS names, by id, from its joined columns."""
    return {
        entity_id: EntityRefRow(
            entity_id, getattr(row, f"{role}_name"), getattr(row, f"{role}_type")
        )
        for role, column in ENTITY_ROLES.items()
        if (entity_id := getattr(row, column)) is not None
    }


@dataclass
class FactListing(Listing[sa.Row]):
    """A page of fact rows with every entity they refer to (id, name and type)."""

    entities: dict[int, EntityRefRow] = field(default_factory=dict)


def fact_conditions(
    session: Session, filters: FactFilters, *, text: bool = True, entity: bool = True
) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions for `filters` (`q` unless not `text`, `entity` unless not `entity`);
    unknown entities and articles raise NotFound."""
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.type is not None:
        conditions.append(Fact.type == filters.type)
    if filters.entity is not None and entity:
        conditions.append(involves_entity(entity_id_of(session, filters.entity)))
    for key, column in (
        (filters.subject, Fact.subject_id),
        (filters.object, Fact.object_id),
        (filters.attributed_to, Fact.attributed_to_id),
        (filters.replaces, Fact.replaces_id),
    ):
        if key is not None:
            conditions.append(column == entity_id_of(session, key))
    if filters.article_id is not None:
        conditions.append(Fact.article_id == article_id_of(session, filters.article_id))
    if filters.year is not None:
        conditions.append(overlaps(filters.year, filters.year))
    if filters.from_ is not None or filters.to is not None:
        conditions.append(overlaps(filters.from_, filters.to))
    if filters.min_value is not None:
        conditions.append(Fact.value >= filters.min_value)
    if filters.max_value is not None:
        conditions.append(Fact.value <= filters.max_value)
    if filters.modality is not None:
        conditions.append(Fact.modality == filters.modality)
    if filters.origin is not None:
        conditions.append(Fact.origin == filters.origin)
    if filters.review_status is not None:
        conditions.append(Fact.review_status == filters.review_status)
    if filters.q is not None and text:
        conditions.append(matches_text(session, filters.q))
    return conditions


def entity_roles(entity_id: int) -> list[sa.ColumnElement[bool]]:
    """The entity is the fact's subject; its object; its cited source; the one it replaces."""
    return [getattr(Fact, column) == entity_id for column in ENTITY_ROLES.values()]


def involves_entity(entity_id: int) -> sa.ColumnElement[bool]:
    """The entity is the fact's subject, object, cited source or predecessor."""
    return sa.or_(*entity_roles(entity_id))


def overlaps(first: int | None, last: int | None) -> sa.ColumnElement[bool]:
    """The fact's period [start, end] (end null: ongoing) meets the years [first, last]."""
    conditions = [Fact.period_start.is_not(None)]
    if last is not None:
        conditions.append(Fact.period_start <= last)
    if first is not None:
        conditions.append(sa.or_(Fact.period_end.is_(None), Fact.period_end >= first))
    return sa.and_(*conditions)


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


def list_facts(
    session: Session,
    filters: FactFilters,
    *within: sa.ColumnElement[bool],
    involving: int | None = None,
    counts: CountCache | None = None,
) -> FactListing:
    """A page of facts matching `filters`, the extra conditions `within` and, when given,
    involving the entity `involving` (a path's scope); `counts` keeps totals counted."""
    roles: list[sa.ColumnElement[bool]] = []
    for entity_id in (involving, entity_id_of(session, filters.entity) if filters.entity else None):
        if entity_id is not None:
            if roles:  # two entities: keep the first as branches, the second as a condition
                within = (*within, involves_entity(entity_id))
            else:
                roles = entity_roles(entity_id)
    source, conditions, sort = read_plan(session, filters)
    conditions = [*within, *conditions]
    joined = FACT_WITH_REFERENCES if source is Fact else with_references(source)
    rows = FACT_ROWS.select_from(joined).where(*conditions)
    page = fetch_page(session, rows, sort, filters.limit, filters.cursor, branches=roles)
    counted = select(Fact.id).select_from(source).where(*conditions)
    total, exact = count_rows(
        session, counted.where(sa.or_(*roles)) if roles else counted, counts=counts
    )
    return FactListing(
        rows=page.rows,
        total=total,
        total_exact=exact,
        next_cursor=page.next_cursor,
        entities={key: ref for row in page.rows for key, ref in joined_references(row).items()},
    )


def read_plan(session: Session, filters: FactFilters) -> tuple[Any, list, SortKey]:
    """Where the page is read from, its conditions and its order (the entity filter apart)."""
    order = filters.order
    searching = filters.q is not None and bool(search_words(filters.q))
    sqlite = session.get_bind().dialect.name == "sqlite"
    if searching and sqlite and order in (FactSort.id, FactSort.id_desc, FactSort.relevance):
        # Read from the full-text index itself: in id order it stops at the page (a common
        # word matches hundreds of thousands of facts, which an IN (...) would gather first);
        # by relevance it scores the matches where they are.
        conditions = [
            *fact_conditions(session, filters, text=False, entity=False),
            fts_match(filters.q),
        ]
        source = FTS.join(Fact, Fact.id == FTS.c.rowid)
        if order is FactSort.relevance:
            return source, conditions, relevance_key(session, filters.q)
        return (
            source,
            conditions,
            SortKey(order.value, FTS.c.rowid, descending=order is FactSort.id_desc),
        )
    conditions = fact_conditions(session, filters, entity=False)
    if order is FactSort.relevance:
        key = relevance_key(session, filters.q) if searching else SORT_KEYS[FactSort.id]
        return Fact, conditions, key
    return Fact, conditions, SORT_KEYS[order]


def relevance_key(session: Session, q: str) -> SortKey:
    score, higher_first, score_of = relevance(session, q)
    return SortKey("relevance", Fact.id, score, descending=higher_first, value_getter=score_of)


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


def get_fact_row(session: Session, key: str) -> tuple[sa.Row, dict[int, EntityRefRow]]:
    """`get_fact` as one plain row, for reading only: the fact's columns, and the id, name
    and type of each entity it refers to."""
    row_id = parse_id(key)
    # On the session's connection (a Core row without the ORM's result machinery), as the
    # one statement it is: the session must not have begun.
    options = one_statement_options(session.get_bind())
    connection = session.connection(execution_options=options)
    fact = connection.execute(FACT_BY_ID, {"fact_id": row_id}).first() if row_id else None
    if fact is None:
        raise NotFound(f"No fact {key!r}.")
    return fact, joined_references(fact)
