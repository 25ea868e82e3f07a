"""Unique slugs for articles and entities."""

import sqlalchemy as sa
from sqlmodel import Session, select

from app.models import Article, Entity


def unique_slug(session: Session, table: type[Article] | type[Entity], base: str) -> str:
    """`base`, or `base-2`, `base-3`, ... whichever is free in `table`."""
    taken = set(
        session.exec(
            select(table.slug).where(sa.or_(table.slug == base, table.slug.like(f"{base}-%")))
        )
    )
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


# Enough for a burst of writers that all open with the same sentence.
SLUG_ATTEMPTS = 10


def add_with_unique_slug(session: Session, row: Article | Entity, base: str) -> None:
    """Add and flush `row` under the first free slug from `base`.

    On PostgreSQL two writers may both find a slug free and insert it; the second insert
    fails, in a savepoint of its own, and is tried again with the next free slug (SQLite
    writers hold the write lock from their first statement and never meet like that).
    """
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        row.slug = unique_slug(session, type(row), base)
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
            return
        except sa.exc.IntegrityError as error:
            # Another unique value (the same text stored meanwhile) is no slug clash.
            if "slug" not in str(error.orig) or attempt == SLUG_ATTEMPTS:
                raise
