"""Routes for articles: the list, one article with its text, its facts and entities;
storing a new article (with extraction) and deleting one."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from sqlmodel import Session

from app.api.auth import WriteKey
from app.api.csv_lists import VARY, csv_asked, csv_response
from app.api.deps import (
    ArticleFiltersDep,
    EntityFiltersDep,
    FactFiltersDep,
    JsonBody,
    NoParamsDep,
    SessionDep,
)
from app.api.pagination import page_response
from app.api.present import (
    present_article,
    present_article_detail,
    present_entity,
    present_fact,
)
from app.api.reads import run_read
from app.api.responses import CSV_LIST, DELETE_ERRORS, ITEM_ERRORS, LIST_ERRORS, WRITE_ERRORS
from app.api.routes.entities import entity_page
from app.api.routes.facts import fact_page
from app.models import Article
from app.queries.articles import article_contents, describe_articles, list_articles
from app.queries.entities import mentioned_in
from app.queries.exports import export_articles
from app.queries.facts import referenced_entities
from app.queries.lookup import article_id_of, get_article
from app.schemas import (
    KEY_DESCRIPTION,
    ArticleCreate,
    ArticleDetail,
    ArticleIngested,
    ArticlePage,
    ArticlePublic,
    EntityPage,
    FactPage,
)
from app.writes.articles import delete_article, ingest_article
from app.writes.sources import meta_of
from app.writes.transactions import in_transaction

router = APIRouter(prefix="/articles", tags=["articles"])

ArticleKeyPath = Annotated[
    str,
    Path(
        description=KEY_DESCRIPTION,
        examples=["azerbaijan-is-upgrading-its-military-units-in-line-with-the"],
    ),
]


@router.get(
    "",
    response_model=ArticlePage,
    summary="List articles",
    responses={**LIST_ERRORS, **CSV_LIST},
    operation_id="list_articles",
)
def read_articles(
    request: Request, response: Response, session: SessionDep, filters: ArticleFiltersDep
) -> ArticlePage | Response:
    """List articles (without their text), filtered and paged with a cursor."""
    if csv_asked(request, filters):
        rows = export_articles(session, filters)
        return csv_response(request, "articles", ArticlePublic, rows,
                            lambda row: present_article(row).model_dump(mode="json"))  # fmt: skip
    response.headers.update(VARY)
    listing = list_articles(session, filters, request.state.runtime.count_cache)
    items = [present_article(row) for row in listing.rows]
    return page_response(ArticlePage, request, response, listing, items, filters.limit)


@router.get(
    "/{id}",
    response_model=ArticleDetail,
    summary="Get an article",
    responses=ITEM_ERRORS,
    operation_id="get_article",
)
def read_article(id: ArticleKeyPath, session: SessionDep, _: NoParamsDep) -> ArticleDetail:
    """One article with its verbatim text."""
    [row] = describe_articles(session, [get_article(session, id)])
    return present_article_detail(row)


@router.get(
    "/{id}/facts",
    response_model=FactPage,
    summary="List an article's facts",
    responses={**LIST_ERRORS, **CSV_LIST},
    operation_id="list_article_facts",
)
async def read_article_facts(
    id: ArticleKeyPath,
    request: Request,
    session: SessionDep,
    filters: FactFiltersDep,
) -> Response:
    """The article's facts; the /facts filters apply."""

    def read() -> Response:
        article_id = article_id_of(session, id)
        return fact_page(request, session, filters, article=article_id)

    return await run_read(session, read)


@router.get(
    "/{id}/entities",
    response_model=EntityPage,
    summary="List an article's entities",
    responses={**LIST_ERRORS, **CSV_LIST},
    operation_id="list_article_entities",
)
def read_article_entities(
    id: ArticleKeyPath,
    request: Request,
    response: Response,
    session: SessionDep,
    filters: EntityFiltersDep,
) -> EntityPage | Response:
    """Entities the article mentions; the /entities filters apply."""
    article = get_article(session, id)
    return entity_page(request, response, session, filters, mentioned_in(article.id))


@router.post(
    "",
    status_code=201,
    response_model=ArticleIngested,
    summary="Store an article",
    responses={
        200: {"model": ArticleIngested, "description": "The same text was already stored."},
        **WRITE_ERRORS,
    },
    operation_id="create_article",
)
def create_article(
    article_in: ArticleCreate,
    response: Response,
    session: SessionDep,
    _key: WriteKey,
    _json: JsonBody,
    _: NoParamsDep,
) -> ArticleIngested:
    """Store an article verbatim and extract its entities and facts; the same text again
    answers 200 with the article already stored."""
    # A plain def: FastAPI runs it in a worker thread, so extraction (CPU-bound, outside
    # the write transaction) never blocks the event loop that serves other requests.
    article, created = ingest_article(session, article_in.text, meta_of(article_in))
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"/articles/{article.id}"
    return present_ingested(session, article)


@router.delete(
    "/{id}",
    status_code=204,
    summary="Delete an article",
    responses=DELETE_ERRORS,
    operation_id="delete_article",
)
def remove_article(
    id: ArticleKeyPath, session: SessionDep, _key: WriteKey, _: NoParamsDep
) -> Response:
    """Delete an article with its mentions and facts, and entities no longer mentioned anywhere."""
    # The article is held from its lookup to the commit: of concurrent deletes one finds
    # it, the others find it gone (404).
    in_transaction(session, lambda s: delete_article(s, get_article(s, id, for_update=True)))
    return Response(status_code=204)


def present_ingested(session: Session, article: Article) -> ArticleIngested:
    facts, entity_rows = article_contents(session, article.id)
    [row] = describe_articles(session, [article])
    references = referenced_entities(session, facts)
    return ArticleIngested(
        **present_article_detail(row).model_dump(),
        facts=[present_fact(fact, references) for fact in facts],
        entities=[present_entity(entity) for entity in entity_rows],
    )
