"""Article reads: keyset pages with fact and entity counts loaded per page."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from app.models import Article, Entity, Fact, Mention
from app.queries.entities import EntityRow, describe_entities, mentioned_in
from app.queries.keyset import Listing, SortKey, count_rows, fetch_page

BY_ID = SortKey("id", Article.id)


@dataclass
class ArticleRow:
    article: Article
    fact_count: int
    entity_count: int


def describe_articles(session: Session, articles: list[Article]) -> list[ArticleRow]:
    """Fact and distinct-entity counts for `articles`, two queries whatever their number."""
    ids = [article.id for article in articles]
    facts = dict(
        session.exec(
            select(Fact.article_id, sa.func.count())
            .where(Fact.article_id.in_(ids))
            .group_by(Fact.article_id)
        ).all()
    )
    entities = dict(
        session.exec(
            select(Mention.article_id, sa.func.count(sa.distinct(Mention.entity_id)))
            .where(Mention.article_id.in_(ids))
            .group_by(Mention.article_id)
        ).all()
    )
    return [
        ArticleRow(article, facts.get(article.id, 0), entities.get(article.id, 0))
        for article in articles
    ]


def list_articles(session: Session, limit: int, cursor: str | None) -> Listing[ArticleRow]:
    # The list never sends the text, so it is not read either.
    statement = select(Article).options(sa.orm.defer(Article.text, raiseload=True))
    page = fetch_page(session, statement, BY_ID, limit, cursor)
    total, exact = count_rows(session, select(Article.id))
    return Listing(
        rows=describe_articles(session, page.rows),
        total=total,
        total_exact=exact,
        next_cursor=page.next_cursor,
    )


def article_contents(session: Session, article_id: int) -> tuple[list[Fact], list[EntityRow]]:
    """Every fact of the article and every entity it mentions, in id order."""
    facts = list(session.exec(select(Fact).where(Fact.article_id == article_id).order_by(Fact.id)))
    entities = session.exec(
        select(Entity).where(mentioned_in(article_id)).order_by(Entity.id)
    ).all()
    return facts, describe_entities(session, list(entities))
