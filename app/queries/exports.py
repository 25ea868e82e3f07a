"""Whole filtered lists read in batches for export (CSV): keyset pages one after another,
so memory holds one batch whatever the list's length. Must not import FastAPI."""

from collections.abc import Callable, Iterator
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.models import Article, Entity
from app.queries.articles import BY_ID as ARTICLES_BY_ID
from app.queries.articles import article_conditions, describe_articles
from app.queries.entities import BY_ID as ENTITIES_BY_ID
from app.queries.entities import describe_entities, entity_conditions
from app.queries.fact_statements import fact_statements, sort_name
from app.queries.facts import fact_shape
from app.queries.keyset import Cursor, Slice, cursor_kind, cursor_values, fetch_page, read_page
from app.schemas.params import ArticleFilters, EntityFilters, FactFilters, FactSort, ListParams

# Rows a batch reads: large enough that a batch's statements cost little per row, small
# enough that a batch of facts (quotes, statements) stays well under a megabyte.
EXPORT_BATCH = 500


def export_limit(params: ListParams) -> int | None:
    """An export follows `limit` only when the request gives it (the default is a page's)."""
    return params.limit if "limit" in params.model_fields_set else None


def batches(
    session: Session, read: Callable[[str | None, int], Slice], cursor: str | None,
    limit: int | None,
) -> Iterator[list[Any]]:  # fmt: skip
    """Pages of `read(cursor, size)` until the list (or `limit` rows) is done, from
    `cursor`; the session's identity map is emptied after each, so no row is kept."""
    remaining = limit
    while remaining is None or remaining > 0:
        size = EXPORT_BATCH if remaining is None else min(EXPORT_BATCH, remaining)
        page = read(cursor, size)
        yield page.rows
        session.expunge_all()
        if page.next_cursor is None:
            return
        cursor = page.next_cursor
        remaining = None if remaining is None else remaining - len(page.rows)


def export_facts(
    session: Session,
    filters: FactFilters,
    *,
    article: int | None = None,
    involving: int | None = None,
) -> Iterator[list[sa.Row]]:
    """Rows of FACT_ROWS of the whole list `filters` select, in batches; an unknown entity or
    article, or a bad cursor, raises here rather than once the export has begun. A search
    is exported in id order: in relevance order each batch would score and sort every
    match again (quadratic; 351,000 matches took minutes), and an export is the whole
    result, not its best matches first."""
    if filters.order is FactSort.relevance:
        filters = filters.model_copy(update={"sort": FactSort.id})
    shape, values = fact_shape(session, filters, article, involving)
    connection = session.connection()

    def read(cursor: str | None, size: int) -> Slice:
        after = Cursor.decode(cursor, sort_name(shape)) if cursor is not None else None
        statements = fact_statements(shape._replace(after=cursor_kind(after)))
        return read_page(connection.execute, statements.page, statements.sort, size,
                         {**values, **cursor_values(after)})  # fmt: skip

    return checked(batches(session, read, filters.cursor, export_limit(filters)))


def export_entities(
    session: Session, filters: EntityFilters, *within: sa.ColumnElement[bool]
) -> Iterator[list[Any]]:
    """EntityRows of the whole list, in batches (see `export_facts`)."""
    statement = select(Entity).where(*within, *entity_conditions(session, filters))

    def read(cursor: str | None, size: int) -> Slice:
        page = fetch_page(session, statement, ENTITIES_BY_ID, size, cursor)
        return Slice(describe_entities(session, page.rows), page.next_cursor)

    return checked(batches(session, read, filters.cursor, export_limit(filters)))


def export_articles(session: Session, filters: ArticleFilters) -> Iterator[list[Any]]:
    """ArticleRows of the whole list (without their text), in batches (see `export_facts`)."""
    statement = select(Article).options(sa.orm.defer(Article.text, raiseload=True))
    statement = statement.where(*article_conditions(filters))

    def read(cursor: str | None, size: int) -> Slice:
        page = fetch_page(session, statement, ARTICLES_BY_ID, size, cursor)
        return Slice(describe_articles(session, page.rows), page.next_cursor)

    return checked(batches(session, read, filters.cursor, export_limit(filters)))


def checked(rows: Iterator[list[Any]]) -> Iterator[list[Any]]:
    """`rows` with its first batch read already: a bad cursor raises before the export."""
    first = next(rows, [])

    def again() -> Iterator[list[Any]]:
        yield first
        yield from rows

    return again()
