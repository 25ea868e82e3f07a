"""Routes for articles: the list, one article with its text, and its facts and entities."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.api.deps import EntityFiltersDep, FactFiltersDep, NoParamsDep, PageParamsDep, SessionDep
from app.api.pagination import page_response
from app.api.present import present_article, present_article_detail
from app.api.responses import ITEM_ERRORS, LIST_ERRORS
from app.api.routes.entities import entity_page
from app.api.routes.facts import fact_page
from app.models import Fact
from app.queries.articles import describe_articles, list_articles
from app.queries.entities import mentioned_in
from app.queries.lookup import get_article
from app.schemas import (
    KEY_DESCRIPTION,
    ArticleDetail,
    ArticlePage,
    EntityPage,
    FactPage,
)

router = APIRouter(prefix="/articles", tags=["articles"])

ArticleKeyPath = Annotated[
    str,
    Path(
        description=KEY_DESCRIPTION,
        examples=["azerbaijan-is-upgrading-its-military-units-in-line-with-the"],
    ),
]


@router.get("", response_model=ArticlePage, summary="List articles", responses=LIST_ERRORS)
def read_articles(
    request: Request, response: Response, session: SessionDep, paging: PageParamsDep
) -> ArticlePage:
    """List articles (without their text), paged with a cursor."""
    listing = list_articles(session, paging.limit, paging.cursor)
    items = [present_article(row) for row in listing.rows]
    return page_response(ArticlePage, request, response, listing, items, paging.limit)


@router.get("/{id}", response_model=ArticleDetail, summary="Get an article", responses=ITEM_ERRORS)
def read_article(id: ArticleKeyPath, session: SessionDep, _: NoParamsDep) -> ArticleDetail:
    """One article with its verbatim text."""
    [row] = describe_articles(session, [get_article(session, id)])
    return present_article_detail(row)


@router.get(
    "/{id}/facts", response_model=FactPage, summary="List an article's facts", responses=LIST_ERRORS
)
def read_article_facts(
    id: ArticleKeyPath,
    request: Request,
    response: Response,
    session: SessionDep,
    filters: FactFiltersDep,
) -> FactPage:
    """The article's facts; the /facts filters apply."""
    article = get_article(session, id)
    return fact_page(request, response, session, filters, Fact.article_id == article.id)


@router.get(
    "/{id}/entities",
    response_model=EntityPage,
    summary="List an article's entities",
    responses=LIST_ERRORS,
)
def read_article_entities(
    id: ArticleKeyPath,
    request: Request,
    response: Response,
    session: SessionDep,
    filters: EntityFiltersDep,
) -> EntityPage:
    """Entities the article mentions; the /entities filters apply."""
    article = get_article(session, id)
    return entity_page(request, response, session, filters, mentioned_in(article.id))
