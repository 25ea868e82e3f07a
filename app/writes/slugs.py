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
