"""Resolves the keys clients use (an integer id or a slug) to rows, or raises NotFound."""

from sqlmodel import Session, select

from app.errors import NotFound
from app.models import Article, Entity


def key_condition(table: type[Article] | type[Entity], key: str | int):
    """Digits mean an id (slugs are never all digits); anything else is a slug."""
    if isinstance(key, int) or key.isdigit():
        return table.id == int(key)
    return table.slug == key


def get_article(session: Session, key: str | int) -> Article:
    article = session.exec(select(Article).where(key_condition(Article, key))).first()
    if article is None:
        raise NotFound(f"No article {key!r}.")
    return article


def get_entity(session: Session, key: str | int) -> Entity:
    entity = session.exec(select(Entity).where(key_condition(Entity, key))).first()
    if entity is None:
        raise NotFound(f"No entity {key!r}.")
    return entity


def entity_id_of(session: Session, key: str | int) -> int:
    return get_entity(session, key).id
