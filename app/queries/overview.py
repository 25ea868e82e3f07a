"""Reads for the pages' overviews: the store's counts, the latest articles, an article's
mentions. Never imports FastAPI."""

import sqlalchemy as sa
from sqlmodel import Session, select

from app.models import Article, Entity, Fact, Mention
from app.queries.articles import ArticleRow, describe_articles
from app.queries.keyset import count_rows


def store_counts(session: Session) -> dict[str, tuple[int, bool]]:
    """(count, exact) of articles, facts and entities: capped counts, as the lists' totals."""
    return {
        "articles": count_rows(session, select(Article.id)),
        "facts": count_rows(session, select(Fact.id)),
        "entities": count_rows(session, select(Entity.id)),
    }


def latest_articles(session: Session, limit: int = 10) -> list[ArticleRow]:
    """The most recently stored articles (highest ids first), without their text."""
    statement = (
        select(Article)
        .options(sa.orm.defer(Article.text, raiseload=True))
        .order_by(Article.id.desc())
        .limit(limit)
    )
    return describe_articles(session, list(session.exec(statement)))


def article_mentions(session: Session, article_id: int) -> list[sa.Row]:
    """Every entity mention of the article: (entity_id, start_offset, end_offset), in order."""
    statement = (
        sa.select(Mention.entity_id, Mention.start_offset, Mention.end_offset)
        .where(Mention.article_id == article_id)
        .order_by(Mention.start_offset, Mention.id)
    )
    return list(session.connection().execute(statement))
