"""Facet counts: how many matching facts, entities or articles have each value of a field.

The rows a list's filters select (the same conditions as the list, app.queries.
fact_statements) are read, at most FACET_SAMPLE of them, only the faceted columns, and
counted here: one bounded read whatever the facets asked for. Must not import FastAPI.
"""

import functools
from collections import Counter
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.models import Article, Entity
from app.queries.articles import article_conditions
from app.queries.entities import entity_conditions
from app.queries.fact_statements import COLUMNS, KEPT_SHAPES, FactShape, as_stored, fact_selection
from app.queries.facts import fact_shape
from app.schemas.facets import (
    FACET_SAMPLE,
    ArticleFacetParams,
    EntityFacetParams,
    FactFacet,
    FactFacetParams,
)

# The column each fact facet counts (year apart: a period, counted year by year).
FACT_FACET_COLUMNS = {
    FactFacet.type: COLUMNS.type,
    FactFacet.review_status: COLUMNS.review_status,
    FactFacet.origin: COLUMNS.origin,
    FactFacet.unit: COLUMNS.unit,
    FactFacet.subject: COLUMNS.subject_id,
    FactFacet.attributed_to: COLUMNS.attributed_to_id,
}
ENTITY_FACETS = (FactFacet.subject, FactFacet.attributed_to)
SAMPLE_LIMIT = sa.bindparam("sample_limit", FACET_SAMPLE + 1, type_=sa.Integer)
ENTITY_NAMES = sa.select(Entity.id, Entity.slug, Entity.name).where(
    Entity.id.in_(sa.bindparam("ids", expanding=True))
)


@functools.lru_cache(maxsize=KEPT_SHAPES)
def fact_sample(shape: FactShape) -> Any:
    """The faceted columns of the shape's facts, FACET_SAMPLE + 1 at most, in no order (an
    order would make the database gather every match before the first). The ids are chosen
    first, as the list's count chooses them (on an index, not reading a fact for each
    candidate: 470 -> 95 ms for `year` on the 1M-fact store), then their facts are read."""
    source, conditions, roles = fact_selection(shape)
    chosen = sa.select(COLUMNS.id).select_from(source).where(*conditions)
    chosen = (chosen.where(sa.or_(*roles)) if roles else chosen).limit(SAMPLE_LIMIT)
    columns = [as_stored(column, facet.value) for facet, column in FACT_FACET_COLUMNS.items()]
    return sa.select(*columns, COLUMNS.period_start, COLUMNS.period_end).where(
        COLUMNS.id.in_(chosen.scalar_subquery())
    )


def sampled(rows: Iterable[Any], sample: int = FACET_SAMPLE) -> tuple[list[Any], bool]:
    """(at most `sample` rows, whether more matched)."""
    rows = list(rows)
    return rows[:sample], len(rows) > sample


def top(counts: Counter, size: int) -> list[dict[str, Any]]:
    """The `size` most frequent values, ties in value order; no value (None) is not one."""
    counts.pop(None, None)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:size]
    return [{"value": value, "count": count} for value, count in ranked]


def year_counts(periods: Iterable[tuple[int | None, int | None]]) -> Counter:
    """How many periods contain each year, as the `year` filter counts them: [start, end],
    or from start on when open (counted up to the latest year any period names)."""
    starts: Counter = Counter()
    ends: Counter = Counter()  # the first year after each closed period
    for start, end in periods:
        if start is not None:
            starts[start] += 1
            if end is not None:
                ends[end + 1] += 1
    if not starts:
        return Counter()
    latest = max(max(starts), max(ends, default=0) - 1)
    counts, running = Counter(), 0
    for year in range(min(starts), latest + 1):
        running += starts[year] - ends[year]
        if running:
            counts[year] = running
    return counts


def answer(counts: dict[str, list[dict]], rows: list[Any], approximate: bool) -> dict[str, Any]:
    return {"facets": counts, "counted": len(rows), "approximate": approximate}


def fact_facets(
    session: Session,
    params: FactFacetParams,
    *,
    article: int | None = None,
    involving: int | None = None,
    sample: int = FACET_SAMPLE,
) -> dict[str, Any]:
    """`FacetCounts` of the facts `params` filter (of `article`, involving `involving`),
    over at most `sample` of them."""
    shape, values = fact_shape(session, params, article, involving)
    connection = session.connection()
    result = connection.execute(fact_sample(shape), {**values, SAMPLE_LIMIT.key: sample + 1})
    names = list(result.keys())
    rows, approximate = sampled(result, sample)
    # Column by column (one transposition in C): counting a column is then one C call,
    # where reading each row's field by name took most of a request's 70 ms.
    column = dict(zip(names, zip(*rows, strict=True), strict=True)) if rows else {}
    counts: dict[str, list[dict]] = {}
    for facet in dict.fromkeys(params.facet):  # each once, in the order asked
        if not rows:
            counted = Counter()
        elif facet is FactFacet.year:
            counted = year_counts(zip(column["period_start"], column["period_end"], strict=True))
        else:
            counted = Counter(column[facet.value])
        counts[facet.value] = top(counted, params.facet_size)
    named = [item for facet in ENTITY_FACETS if facet.value in counts
             for item in counts[facet.value]]  # fmt: skip
    if named:
        ids = list({item["value"] for item in named})
        entities = {row.id: row for row in connection.execute(ENTITY_NAMES, {"ids": ids})}
        for item in named:
            entity = entities[item["value"]]
            item.update(slug=entity.slug, name=entity.name)
    return answer(counts, rows, approximate)


def grouped(session: Session, column: Any, conditions: list, size: int) -> list[dict]:
    """The `size` most frequent values of `column` among the rows `conditions` select,
    counted exactly (GROUP BY): entities and articles are tables of thousands, not of
    millions, so their facets need no sample (a sample of the first rows dropped whole
    entity types)."""
    count = sa.func.count().label("count")
    statement = (
        sa.select(column.label("value"), count)
        .where(*conditions, column.is_not(None))
        .group_by(column)
        .order_by(count.desc(), column)
        .limit(size)
    )
    return [
        {"value": row.value, "count": row.count} for row in session.connection().execute(statement)
    ]


def exact_facets(
    session: Session, table: Any, columns: dict[str, Any], conditions: list, size: int
) -> dict[str, Any]:
    """`FacetCounts` of a small table, every count exact."""
    total = sa.select(sa.func.count()).select_from(table).where(*conditions)
    counts = {name: grouped(session, column, conditions, size) for name, column in columns.items()}
    return {"facets": counts, "counted": session.connection().execute(total).scalar_one(),
            "approximate": False}  # fmt: skip


def entity_facets(session: Session, params: EntityFacetParams) -> dict[str, Any]:
    columns = {facet.value: as_stored(Entity.__table__.c.type, "type")
               for facet in dict.fromkeys(params.facet)}  # fmt: skip
    conditions = entity_conditions(session, params)
    return exact_facets(session, Entity, columns, conditions, params.facet_size)


# The year of `published_at` (ISO 8601 text: its first four characters are the year).
PUBLISHED_YEAR = sa.cast(sa.func.substr(Article.published_at, 1, 4), sa.Integer)
ARTICLE_FACETS = {"source": Article.source, "year": PUBLISHED_YEAR}


def article_facets(session: Session, params: ArticleFacetParams) -> dict[str, Any]:
    columns = {facet.value: ARTICLE_FACETS[facet.value] for facet in dict.fromkeys(params.facet)}
    conditions = article_conditions(params)
    return exact_facets(session, Article, columns, conditions, params.facet_size)
