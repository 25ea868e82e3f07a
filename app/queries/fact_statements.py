"""A fact list's statements, built once per shape of request and kept; a request binds values.

Building a page's SELECT per request (its conditions, the joined entities, the union of an
entity's roles) and computing its key for SQLAlchemy's compiled cache cost more CPU than
SQLite takes to run it. What the statements look like depends only on the request's shape
(`FactShape`): which filters are given, the order, the kind of cursor, the backend. Every
value is a bound parameter, so no request's value is kept in a statement another reuses.
Must not import FastAPI.
"""

import functools
from typing import Any, NamedTuple

import sqlalchemy as sa

from app.models import ENTITY_ROLES, Entity, Fact
from app.queries.keyset import PageReads, SortKey, counting, page_reads
from app.queries.search import FTS, FTS_MATCH, relevance, text_search
from app.schemas import FactSort

FACT = Fact.__table__
COLUMNS = FACT.c

# FactFilters' filters (the entity filter apart), in the order their conditions are written
# and their keys looked up; each value is bound under the filter's own name.
FILTERS = ("type", "subject", "object", "attributed_to", "replaces", "article_id", "year",
           "from_", "to", "min_value", "max_value", "modality", "origin",
           "review_status")  # fmt: skip
# Those compared with one column.
EQUALS = {
    "type": COLUMNS.type,
    "subject": COLUMNS.subject_id,
    "object": COLUMNS.object_id,
    "attributed_to": COLUMNS.attributed_to_id,
    "replaces": COLUMNS.replaces_id,
    "article_id": COLUMNS.article_id,
    "modality": COLUMNS.modality,
    "origin": COLUMNS.origin,
    "review_status": COLUMNS.review_status,
}
# The entity a fact must involve (the entity's facts route, or the filter): one branch per
# role; and a second one (both given), a condition. The article a route is scoped to.
ENTITY = "entity"
ALSO_ENTITY = "also_entity"
SCOPE_ARTICLE = "scope_article"

SORT_KEYS = {
    FactSort.id: SortKey("id", COLUMNS.id),
    FactSort.id_desc: SortKey("-id", COLUMNS.id, descending=True),
    FactSort.value: SortKey("value", COLUMNS.id, COLUMNS.value),
    FactSort.value_desc: SortKey("-value", COLUMNS.id, COLUMNS.value, descending=True),
    FactSort.period_start: SortKey("period_start", COLUMNS.id, COLUMNS.period_start),
    FactSort.period_start_desc: SortKey(
        "-period_start", COLUMNS.id, COLUMNS.period_start, descending=True
    ),
    FactSort.rank: SortKey("rank", COLUMNS.id, COLUMNS.rank),
}


def as_stored(column: Any, name: str) -> Any:
    """`column` selected as `name`; an enum column as the text it stores: every enum
    column's CHECK constraint (app.enums.enum_column_type) holds it to the enum's values,
    so the JSON is the same without an enum member built for each column of each row (a
    quarter of the read of a page of 50)."""
    if isinstance(column.type, sa.Enum):
        return sa.type_coerce(column, sa.String).label(name)
    return column if name == column.key else column.label(name)


# Each role's entity, as its own alias of the entity table, and the columns read from it.
ROLE_ENTITIES = {role: Entity.__table__.alias(f"{role}_entity") for role in ENTITY_ROLES}
REFERENCE_COLUMNS = [
    column
    for role, entity in ROLE_ENTITIES.items()
    for column in (
        as_stored(entity.c.name, f"{role}_name"),
        as_stored(entity.c.type, f"{role}_type"),
    )
]
# A page reads plain rows of these columns (SQLAlchemy Core): no ORM instance, identity
# map or change tracking for what is only sent out.
FACT_ROWS = sa.select(*(as_stored(column, column.key) for column in FACT.columns),
                      *REFERENCE_COLUMNS)  # fmt: skip


def with_references(source: Any = FACT) -> Any:
    """`source` (the fact table, or a join holding it) joined to the entity of each role:
    one round trip reads the facts with the names and types of what they refer to. An
    unused join on a primary key costs nothing: SQLite and PostgreSQL both drop it."""
    for role, column in ENTITY_ROLES.items():
        entity = ROLE_ENTITIES[role]
        source = source.outerjoin(entity, entity.c.id == COLUMNS[column])
    return source


class FactShape(NamedTuple):
    """What a fact list's statements depend on; every value of the request is bound."""

    dialect: str
    filters: tuple[str, ...]  # the FILTERS given, in that order
    words: int | None  # q's words to search (None: no q)
    from_index: bool  # read from SQLite's full-text index (a search in id or relevance order)
    entities: int  # how many entities a fact must involve: 0, 1 or 2
    article: bool  # scoped to an article
    order: FactSort
    after: str | None  # the cursor's kind (app.queries.keyset.cursor_kind)

    @property
    def counted(self) -> "FactShape":
        """The shape of the list's total, which no order or cursor changes."""
        return self._replace(order=None, after=None)


class FactStatements(NamedTuple):
    sort: SortKey
    page: PageReads
    count: Any


def overlaps(first: Any, last: Any) -> sa.ColumnElement[bool]:
    """The fact's period [start, end] (end null: ongoing) meets the years [first, last]
    (bound parameters; None: unbounded)."""
    conditions = [COLUMNS.period_start.is_not(None)]
    if last is not None:
        conditions.append(COLUMNS.period_start <= last)
    if first is not None:
        conditions.append(sa.or_(COLUMNS.period_end.is_(None), COLUMNS.period_end >= first))
    return sa.and_(*conditions)


def entity_roles(entity_id: Any) -> list[sa.ColumnElement[bool]]:
    """The entity is the fact's subject; its object; its cited source; the one it replaces."""
    return [COLUMNS[column] == entity_id for column in ENTITY_ROLES.values()]


def bound(name: str) -> Any:
    return sa.bindparam(name)


def filter_conditions(shape: FactShape) -> list[sa.ColumnElement[bool]]:
    """The WHERE conditions of the shape's filters, each value bound under its filter's name
    (q's words as `text_values` names them, unless read from the full-text index)."""
    given = shape.filters
    conditions = []
    for name in given:
        if name in EQUALS:
            conditions.append(EQUALS[name] == bound(name))
        elif name == "year":
            year = bound("year")
            conditions.append(overlaps(year, year))
        elif name == "from_" or (name == "to" and "from_" not in given):  # one condition
            conditions.append(overlaps(bound("from_") if "from_" in given else None,
                                       bound("to") if "to" in given else None))  # fmt: skip
        elif name == "min_value":
            conditions.append(COLUMNS.value >= bound(name))
        elif name == "max_value":
            conditions.append(COLUMNS.value <= bound(name))
    if shape.words is not None and not shape.from_index:
        conditions.append(text_search(shape.dialect, shape.words))
    return conditions


def sort_name(shape: FactShape) -> str:
    """The name of the shape's order, which its cursors carry: `sort_key(shape).name`."""
    if shape.order is FactSort.relevance:
        return "relevance" if shape.words else "id"
    return shape.order.value


def sort_key(shape: FactShape) -> SortKey:
    """The order of the shape's pages."""
    if shape.from_index:
        if shape.order is FactSort.relevance:
            return relevance_key(shape.dialect)
        return SortKey(shape.order.value, FTS.c.rowid, descending=shape.order is FactSort.id_desc)
    if shape.order is FactSort.relevance:
        return relevance_key(shape.dialect) if shape.words else SORT_KEYS[FactSort.id]
    return SORT_KEYS[shape.order]


def relevance_key(dialect: str) -> SortKey:
    score, higher_first, lookup = relevance(dialect)
    return SortKey("relevance", COLUMNS.id, score, descending=higher_first, value_lookup=lookup)


# A shape's statements hold about 125 KiB once executed (SQLAlchemy memoises each one's
# cache key on it), so at most 16 MiB: a client cycling through more shapes than this only
# has them built again, as every request did before.
KEPT_SHAPES = 128


class FactSelection(NamedTuple):
    """Where a shape's facts are read from and what selects them: `conditions` all hold,
    and one of `roles` when there are any (the entity a fact must involve)."""

    source: Any
    conditions: list[Any]
    roles: list[Any]


def fact_selection(shape: FactShape) -> FactSelection:
    """The facts a shape's filters select, for its list and its facets alike."""
    conditions: list[Any] = []
    if shape.article:
        conditions.append(COLUMNS.article_id == bound(SCOPE_ARTICLE))
    if shape.entities == 2:  # the first entity is the branches, the second a condition
        conditions.append(sa.or_(*entity_roles(bound(ALSO_ENTITY))))
    conditions += filter_conditions(shape)
    source: Any = FACT
    if shape.from_index:
        # Read from the full-text index itself: in id order it stops at the page (a common
        # word matches hundreds of thousands of facts, which an IN (...) would gather first);
        # by relevance it scores the matches where they are.
        conditions.append(FTS_MATCH)
        source = FTS.join(FACT, COLUMNS.id == FTS.c.rowid)
    roles = entity_roles(bound(ENTITY)) if shape.entities else []
    return FactSelection(source, conditions, roles)


@functools.lru_cache(maxsize=KEPT_SHAPES)
def fact_statements(shape: FactShape) -> FactStatements:
    """The statements of a shape: its page reads and its count (lists of the same shape
    share them; the least recently used shape is dropped past KEPT_SHAPES)."""
    source, conditions, roles = fact_selection(shape)
    sort = sort_key(shape)
    rows = FACT_ROWS.select_from(with_references(source)).where(*conditions)
    page = page_reads(rows, sort, shape.after, branches=roles)
    counted = sa.select(COLUMNS.id).select_from(source).where(*conditions)
    if shape.from_index and len(conditions) == 1 and not roles:  # the MATCH, nothing else
        # A search alone is counted in its index: looking up each match's fact cost ten
        # times the count itself (10,001 matches, 3.9 -> 0.3 ms). The index's triggers
        # (migration 0001) keep its rows those of the facts.
        counted = sa.select(FTS.c.rowid).where(FTS_MATCH)
    count = counting(counted.where(sa.or_(*roles)) if roles else counted)
    return FactStatements(sort, page, count)
