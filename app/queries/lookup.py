"""Resolves the keys clients use (an integer id or a slug) to rows, or raises NotFound."""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from app.errors import NotFound
from app.models import Article, Entity
from app.schemas import MAX_ID


def parse_id(key: str | int) -> int | None:
    """`key` as a row id, or None when it is not one (too large, or not ASCII digits)."""
    if isinstance(key, int):
        return key if 0 < key <= MAX_ID else None
    if key.isascii() and key.isdigit() and len(key) <= len(str(MAX_ID)):
        number = int(key)
        return number if 0 < number <= MAX_ID else None
    return None


def key_condition(table: type[Article] | type[Entity], key: str | int) -> sa.ColumnElement[bool]:
    """Digits mean an id (slugs are never all digits); anything else is a slug."""
    if isinstance(key, str) and "\x00" in key:
        return sa.false()  # no slug holds NUL, and PostgreSQL cannot even compare one
    if isinstance(key, int) or (key.isascii() and key.isdigit()):
        row_id = parse_id(key)
        return table.id == row_id if row_id is not None else sa.false()
    return table.slug == key


def get_article(session: Session, key: str | int, *, for_update: bool = False) -> Article:
    """`for_update`: the row is locked (SELECT ... FOR UPDATE) until the transaction ends."""
    statement = select(Article).where(key_condition(Article, key))
    article = session.exec(statement.with_for_update() if for_update else statement).first()
    if article is None:
        raise NotFound(f"No article {key!r}.")
    return article


# Prebuilt, per table, by id and by slug: the filters resolve a key on every list request.
ID_LOOKUPS = {
    table: (
        sa.select(table.id).where(table.id == sa.bindparam("key")),
        sa.select(table.id).where(table.slug == sa.bindparam("key")),
    )
    for table in (Article, Entity)
}


def first_by_key(connection: sa.Connection, by_id: Any, by_slug: Any, key: str | int) -> Any:
    """The first row of `by_id` or `by_slug` (statements binding `key`) for the key a
    client gave, as `key_condition` reads it: digits are an id (slugs never are), anything
    else a slug; None when it names nothing (no slug holds NUL, and PostgreSQL cannot even
    compare one)."""
    if isinstance(key, int) or (key.isascii() and key.isdigit()):
        row_id = parse_id(key)
        return connection.execute(by_id, {"key": row_id}).first() if row_id else None
    return None if "\x00" in key else connection.execute(by_slug, {"key": key}).first()


def id_of(session: Session, table: type[Article] | type[Entity], key: str | int) -> int:
    """The id of the row `key` names, reading nothing else; NotFound if there is none."""
    found = first_by_key(session.connection(), *ID_LOOKUPS[table], key)
    if found is None:
        raise NotFound(f"No {table.__tablename__} {key!r}.")
    return found.id


def entity_id_of(session: Session, key: str | int) -> int:
    return id_of(session, Entity, key)


def article_id_of(session: Session, key: str | int) -> int:
    return id_of(session, Article, key)
