"""Entity resolution on the write side: which stored entity each candidate names.

A candidate names a stored entity of the same type when it has the same slug, when its
name is the stored name or one of its aliases, or when the stored name is one of its
aliases. Alias-to-alias is not enough ("Defense Ministry" is an alias of many ministries).
A whole article is resolved in a handful of statements, however many entities it names.
"""

import sqlalchemy as sa
from sqlmodel import Session, select

from app.extraction.candidates import EntityCandidate
from app.models import Entity, EntityAlias
from app.writes.slugs import unique_slug


def resolve_entities(session: Session, candidates: list[EntityCandidate]) -> dict[str, int]:
    """Candidate key -> stored entity id; new entities are created, new aliases added."""
    if not candidates:
        return {}
    found = _match_stored(session, candidates)
    missing = [c for c in candidates if c.key not in found]
    for candidate, entity in zip(missing, _create(session, missing), strict=True):
        found[candidate.key] = entity
    _add_aliases(session, candidates, found)
    for candidate in candidates:
        entity = found[candidate.key]
        if entity.wikidata_id is None and candidate.wikidata_id:
            entity.wikidata_id = candidate.wikidata_id
    return {key: entity.id for key, entity in found.items()}


def _match_stored(session: Session, candidates: list[EntityCandidate]) -> dict[str, Entity]:
    keys = [c.key for c in candidates]
    names = {c.name.lower() for c in candidates}
    surfaces = names | {alias.lower() for c in candidates for alias in c.aliases}
    by_slug = {e.slug: e for e in session.exec(select(Entity).where(Entity.slug.in_(keys)))}
    named = session.exec(select(Entity).where(sa.func.lower(Entity.name).in_(surfaces))).all()
    aliased_ids = select(EntityAlias.entity_id).where(sa.func.lower(EntityAlias.alias).in_(names))
    aliases: dict[int, set[str]] = {}
    for entity_id, alias in session.exec(
        select(EntityAlias.entity_id, sa.func.lower(EntityAlias.alias)).where(
            EntityAlias.entity_id.in_(aliased_ids)
        )
    ):
        aliases.setdefault(entity_id, set()).add(alias)
    aliased = session.exec(select(Entity).where(Entity.id.in_(list(aliases)))).all()
    pool = sorted({e.id: e for e in [*named, *aliased]}.values(), key=lambda e: e.id)
    found = {}
    for candidate in candidates:
        entity = by_slug.get(candidate.key)
        if entity is None or entity.type != candidate.type:
            entity = next((e for e in pool if _names(candidate, e, aliases)), None)
        if entity is not None:
            found[candidate.key] = entity
    return found


def _names(candidate: EntityCandidate, entity: Entity, aliases: dict[int, set[str]]) -> bool:
    if entity.type != candidate.type:
        return False
    name, stored = candidate.name.lower(), entity.name.lower()
    return (
        name == stored
        or name in aliases.get(entity.id, ())
        or stored in {alias.lower() for alias in candidate.aliases}
    )


def _create(session: Session, candidates: list[EntityCandidate]) -> list[Entity]:
    wanted = [c.key for c in candidates]
    taken = set(session.exec(select(Entity.slug).where(Entity.slug.in_(wanted))))
    entities = []
    for candidate in candidates:
        # Taken by an entity of another type ("georgia" the person): rare, so asked one by one.
        slug = (
            unique_slug(session, Entity, candidate.key) if candidate.key in taken else candidate.key
        )
        taken.add(slug)
        entity = Entity(slug=slug, name=candidate.name, type=candidate.type,
                        wikidata_id=candidate.wikidata_id)  # fmt: skip
        session.add(entity)
        entities.append(entity)
    session.flush()
    return entities


def _add_aliases(session: Session, candidates: list[EntityCandidate], found: dict) -> None:
    ids = {entity.id for entity in found.values()}
    known = set(
        session.exec(
            select(EntityAlias.entity_id, EntityAlias.alias).where(EntityAlias.entity_id.in_(ids))
        )
    )
    rows = []
    for candidate in candidates:
        entity = found[candidate.key]
        for alias in dict.fromkeys([candidate.name, *candidate.aliases]):
            if alias != entity.name and (entity.id, alias) not in known:
                known.add((entity.id, alias))
                rows.append({"entity_id": entity.id, "alias": alias})
    if rows:
        session.connection().execute(sa.insert(EntityAlias), rows)
