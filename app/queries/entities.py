"""Entity reads: filtered keyset pages, with aliases and mention counts loaded per page."""

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from app.errors import NotFound
from app.models import Entity, EntityAlias, Mention
from app.queries.counts import CountCache
from app.queries.keyset import Listing, SortKey, count_rows, fetch_page
from app.queries.lookup import first_by_key, get_article
from app.schemas import EntityFilters
from app.schemas.params import EntityConditions

BY_ID = SortKey("id", Entity.id)


@dataclass
class EntityRow:
    entity: Entity
    aliases: list[str]
    mention_count: int


def entity_conditions(session: Session, filters: EntityConditions) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.type is not None:
        conditions.append(Entity.type == filters.type)
    if filters.q is not None:
        pattern = f"%{escape_like(filters.q.lower())}%"
        conditions.append(
            sa.or_(
                sa.func.lower(Entity.name).like(pattern, escape="\\"),
                sa.exists().where(
                    EntityAlias.entity_id == Entity.id,
                    sa.func.lower(EntityAlias.alias).like(pattern, escape="\\"),
                ),
            )
        )
    if filters.article_id is not None:
        conditions.append(mentioned_in(get_article(session, filters.article_id).id))
    return conditions


def mentioned_in(article_id: int) -> sa.ColumnElement[bool]:
    """The entity has at least one mention in the article."""
    return sa.exists().where(Mention.entity_id == Entity.id, Mention.article_id == article_id)


def escape_like(value: str) -> str:
    """`value` with LIKE wildcards taken literally."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def describe_entities(session: Session, entities: list[Entity]) -> list[EntityRow]:
    """Aliases and mention counts for `entities`, two queries whatever their number."""
    ids = [entity.id for entity in entities]
    aliases: dict[int, list[str]] = defaultdict(list)
    for entity_id, alias in session.exec(
        select(EntityAlias.entity_id, EntityAlias.alias)
        .where(EntityAlias.entity_id.in_(ids))
        .order_by(EntityAlias.id)
    ):
        aliases[entity_id].append(alias)
    counts = dict(
        session.exec(
            select(Mention.entity_id, sa.func.count())
            .where(Mention.entity_id.in_(ids))
            .group_by(Mention.entity_id)
        ).all()
    )
    return [EntityRow(entity, aliases[entity.id], counts.get(entity.id, 0)) for entity in entities]


def list_entities(
    session: Session,
    filters: EntityFilters,
    *within: sa.ColumnElement[bool],
    counts: CountCache | None = None,
) -> Listing[EntityRow]:
    """A page of entities matching `filters` and the extra conditions `within`; `counts`
    keeps totals counted."""
    conditions = [*within, *entity_conditions(session, filters)]
    page = fetch_page(session, select(Entity).where(*conditions), BY_ID, filters.limit,
                      filters.cursor)  # fmt: skip
    total, exact = count_rows(session, select(Entity.id).where(*conditions), counts=counts)
    return Listing(
        rows=describe_entities(session, page.rows),
        total=total,
        total_exact=exact,
        next_cursor=page.next_cursor,
    )


MENTION_CAP = 100

# Built once, for the entity page: a statement made per request costs more to build and key
# for the statement cache than SQLite takes to run it.
ENTITY_COLUMNS = (*Entity.__table__.columns, sa.select(sa.func.count()).where(
    Mention.entity_id == Entity.id).scalar_subquery().label("mention_count"))  # fmt: skip
ENTITY_BY_ID = sa.select(*ENTITY_COLUMNS).where(Entity.id == sa.bindparam("key"))
ENTITY_BY_SLUG = sa.select(*ENTITY_COLUMNS).where(Entity.slug == sa.bindparam("key"))
ALIASES_OF = (
    sa.select(EntityAlias.alias)
    .where(EntityAlias.entity_id == sa.bindparam("entity_id"))
    .order_by(EntityAlias.id)
)
MENTIONS_OF = (
    sa.select(Mention.article_id, Mention.start_offset, Mention.end_offset, Mention.text)
    .where(Mention.entity_id == sa.bindparam("entity_id"))
    .order_by(Mention.entity_id, Mention.article_id, Mention.start_offset)
    .limit(sa.bindparam("cap"))
)


@dataclass
class EntityDetailRows:
    """One entity as plain rows: its columns with `mention_count`, aliases, first mentions."""

    entity: sa.Row
    aliases: list[str]
    mentions: list[sa.Row]


def get_entity_detail(session: Session, key: str, cap: int = MENTION_CAP) -> EntityDetailRows:
    """The entity named by `key` (an id, or a slug), for reading only; NotFound if none."""
    # On the session's connection: Core rows without the ORM's result machinery.
    connection = session.connection()
    entity = first_by_key(connection, ENTITY_BY_ID, ENTITY_BY_SLUG, key)
    if entity is None:
        raise NotFound(f"No entity {key!r}.")
    ids = {"entity_id": entity.id}
    return EntityDetailRows(
        entity,
        list(connection.scalars(ALIASES_OF, ids)),
        list(connection.execute(MENTIONS_OF, {**ids, "cap": cap})),
    )
