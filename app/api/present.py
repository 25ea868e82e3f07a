"""Maps rows from the read queries to the wire shapes of `app.schemas`."""

from app.claims import FACT_CLAIM_FIELDS
from app.models import Article, Entity, Fact
from app.queries.articles import ArticleRow
from app.queries.entities import EntityRow
from app.schemas import (
    ArticleDetail,
    ArticlePublic,
    EntityPublic,
    EntityRef,
    Evidence,
    FactPublic,
)


def entity_ref(entities: dict[int, Entity], entity_id: int | None) -> EntityRef | None:
    if entity_id is None:
        return None
    entity = entities[entity_id]
    return EntityRef(id=entity.id, name=entity.name, type=entity.type)


def present_fact(fact: Fact, entities: dict[int, Entity]) -> FactPublic:
    return FactPublic(
        **{name: getattr(fact, name) for name in FACT_CLAIM_FIELDS},
        id=fact.id,
        article_id=fact.article_id,
        subject=entity_ref(entities, fact.subject_id),
        object=entity_ref(entities, fact.object_id),
        attributed_to=entity_ref(entities, fact.attributed_to_id),
        replaces=entity_ref(entities, fact.replaces_id),
        evidence=Evidence(quote=fact.quote, start=fact.evidence_start, end=fact.evidence_end),
    )


def present_entity(row: EntityRow) -> EntityPublic:
    entity = row.entity
    return EntityPublic(
        id=entity.id,
        slug=entity.slug,
        name=entity.name,
        type=entity.type,
        aliases=row.aliases,
        wikidata_id=entity.wikidata_id,
        mention_count=row.mention_count,
    )


def article_fields(row: ArticleRow) -> dict:
    article: Article = row.article
    return {
        "id": article.id,
        "slug": article.slug,
        "title": article.title,
        "language": article.language,
        "source": article.source,
        "url": article.url,
        "published_at": article.published_at,
        "sha256": article.sha256,
        "fact_count": row.fact_count,
        "entity_count": row.entity_count,
    }


def present_article(row: ArticleRow) -> ArticlePublic:
    return ArticlePublic(**article_fields(row))


def present_article_detail(row: ArticleRow) -> ArticleDetail:
    return ArticleDetail(**article_fields(row), text=row.article.text)
