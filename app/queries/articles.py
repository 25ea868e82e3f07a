"""Article reads: keyset pages with fact and entity counts loaded per page."""

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from app.models import Article, Entity, Fact, Mention
from app.queries.counts import CountCache
from app.queries.entities import EntityRow, describe_entities, escape_like, mentioned_in
from app.queries.keyset import Listing, SortKey, count_rows, fetch_page
from app.schemas.params import WORD, ArticleConditions, ArticleFilters

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


def article_conditions(filters: ArticleConditions) -> list[sa.ColumnElement[bool]]:
    """The WHERE conditions of the article filters. `published_at` is ISO 8601 text, so a
    day's bounds compare as text: from its first instant to before the next day's."""
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.source is not None:
        conditions.append(Article.source == filters.source)
    if filters.published_from is not None:
        conditions.append(Article.published_at >= filters.published_from.isoformat())
    if filters.published_to is not None and filters.published_to < date.max:
        # (To 9999-12-31 is no bound: no four-digit year comes after it.)
        day_after = filters.published_to + timedelta(days=1)
        conditions.append(Article.published_at < day_after.isoformat())
    for word in WORD.findall(filters.q or ""):
        # A scan of the articles' text (no full-text index holds articles): bounded by the
        # page and the count's cap, not by an index.
        pattern = f"%{escape_like(word.lower())}%"
        title, text = sa.func.lower(Article.title), sa.func.lower(Article.text)
        conditions.append(sa.or_(title.like(pattern, escape="\\"), text.like(pattern, escape="\\")))
    if filters.q is not None and not WORD.search(filters.q):
        conditions.append(sa.false())  # a q without words finds nothing, as for facts
    return conditions


def list_articles(
    session: Session, filters: ArticleFilters, counts: CountCache | None = None
) -> Listing[ArticleRow]:
    conditions = article_conditions(filters)
    # The list never sends the text, so it is not read either.
    statement = select(Article).options(sa.orm.defer(Article.text, raiseload=True))
    page = fetch_page(session, statement.where(*conditions), BY_ID, filters.limit,
                      filters.cursor)  # fmt: skip
    total, exact = count_rows(session, select(Article.id).where(*conditions), counts=counts)
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
