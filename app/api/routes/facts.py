"""Routes for facts: the filtered list, one fact, its review and its audit trail."""

from typing import Annotated

from fastapi import APIRouter, Body, Header, Path, Request, Response
from sqlmodel import Session

from app.api.auth import WriteKey
from app.api.caching import etag_matches, fact_etag
from app.api.csv_lists import VARY, csv_asked, csv_response
from app.api.deps import FactFiltersDep, JsonBody, NoParamsDep, PageParamsDep, SessionDep
from app.api.pagination import page_json_response
from app.api.present import present_fact
from app.api.reads import run_read
from app.api.render import fact_dict, fact_json, json_response
from app.api.responses import CSV_LIST, ITEM_ERRORS, LIST_ERRORS, REVIEW_ERRORS
from app.errors import PreconditionFailed
from app.models import Fact
from app.queries.exports import export_facts
from app.queries.facts import get_fact, get_fact_row, list_facts
from app.queries.reviews import list_reviews
from app.schemas import FactFilters, FactPage, FactPublic, FactReview, ReviewPage, ReviewPublic
from app.writes.facts import apply_review
from app.writes.transactions import in_transaction

router = APIRouter(prefix="/facts", tags=["facts"])

FactIdPath = Annotated[str, Path(description="Fact id.", examples=["9"])]
REVIEW_EXAMPLES = {
    "accept": {"summary": "Accept the fact", "value": {"review_status": "accepted"}},
    "reject": {"summary": "Reject the fact", "value": {"review_status": "rejected"}},
    "correct": {
        "summary": "Correct its value",
        "value": {"review_status": "corrected", "value": 22700000000, "unit": "USD"},
    },
    "correct_appointment": {
        "summary": "Correct an appointment: who was replaced, and that it happened",
        "value": {
            "review_status": "corrected",
            "modality": "asserted",
            "replaces": "zakir-hasanov",
        },
    },
}


def fact_page(
    request: Request,
    session: Session,
    filters: FactFilters,
    *,
    article: int | None = None,
    involving: int | None = None,
) -> Response:
    """A page of facts as the list routes answer it (`FactPage`), `Link` header included;
    or the whole list as CSV, when the request asks for it."""
    if csv_asked(request, filters):
        scope = f"article-{article}-" if article else f"entity-{involving}-" if involving else ""
        rows = export_facts(session, filters, article=article, involving=involving)
        return csv_response(request, f"{scope}facts", FactPublic, rows, fact_dict)
    counts = request.state.runtime.count_cache
    listing = list_facts(session, filters, article=article, involving=involving, counts=counts)
    return page_json_response(request, listing, [fact_dict(fact) for fact in listing.rows],
                              filters.limit, VARY)  # fmt: skip


@router.get(
    "",
    response_model=FactPage,
    summary="List facts",
    responses={**LIST_ERRORS, **CSV_LIST},
    operation_id="list_facts",
)
async def read_facts(request: Request, session: SessionDep, filters: FactFiltersDep) -> Response:
    """List facts, filtered, sorted and paged with a cursor."""
    return await run_read(session, fact_page, request, session, filters)


@router.get(
    "/{id}",
    response_model=FactPublic,
    summary="Get a fact",
    responses=ITEM_ERRORS,
    operation_id="get_fact",
)
async def read_fact(id: FactIdPath, session: SessionDep, _: NoParamsDep) -> Response:
    """One fact with its evidence; its ETag is what a review's If-Match must name."""
    row = await run_read(session, get_fact_row, session, id)
    body = fact_json(row)
    return json_response(body, {"ETag": fact_etag(body, row.review_count)})


@router.patch(
    "/{id}",
    response_model=FactPublic,
    summary="Review a fact",
    responses=REVIEW_ERRORS,
    operation_id="review_fact",
)
def review_fact(
    id: FactIdPath,
    review: Annotated[FactReview, Body(openapi_examples=REVIEW_EXAMPLES)],
    response: Response,
    session: SessionDep,
    reviewer: WriteKey,
    _json: JsonBody,
    _: NoParamsDep,
    # Required, and its absence is a 428 rather than a 422 (app.api.errors).
    if_match: Annotated[
        str,
        Header(
            alias="If-Match",
            description="The fact's ETag, from GET /facts/{id}; without it, 428.",
            examples=['"2c26b46b68ffc68ff99b453c1d304134"'],
        ),
    ],
) -> FactPublic:
    """Accept, reject or correct a fact, guarded by its ETag (`If-Match`)."""
    public, etag = review_if_unchanged(session, id, if_match, review, reviewer=reviewer)
    response.headers["ETag"] = etag
    return public


def review_if_unchanged(
    session: Session, id: str, if_match: str, review: FactReview, *, reviewer: str
) -> tuple[FactPublic, str]:
    """Apply `review` by `reviewer` (a key's label) to the fact in its own transaction if
    its ETag is still `if_match` (else PreconditionFailed); the fact as stored after, and
    its ETag. The API's and the pages' one way to review."""

    def review_current(session: Session) -> tuple[FactPublic, str]:
        # The ETag is compared and the review written while the fact is held (a write
        # transaction, the row FOR UPDATE): of concurrent reviews naming one ETag, one
        # passes; a fact deleted meanwhile is a 404 here, before anything is written.
        fact, entities = get_fact(session, id, for_update=True)
        if not etag_matches(if_match, public_etag(fact, entities), weak=False):
            raise PreconditionFailed("The fact changed since you read it; GET it again.")
        apply_review(session, fact, review, reviewer=reviewer)
        fact, entities = get_fact(session, id)  # as stored, before anyone else writes
        return present_fact(fact, entities), public_etag(fact, entities)

    return in_transaction(session, review_current)


def public_etag(fact: Fact, entities: dict) -> str:
    """The ETag GET /facts/{id} sends for this stored fact."""
    return fact_etag(present_fact(fact, entities).model_dump_json().encode(), fact.review_count)


def review_page(request: Request, session: Session, id: str, params) -> Response:
    listing = list_reviews(session, id, params.limit, params.cursor)
    items = [ReviewPublic.model_validate(row, from_attributes=True).model_dump(mode="json")
             for row in listing.rows]  # fmt: skip
    return page_json_response(request, listing, items, params.limit)


@router.get(
    "/{id}/reviews",
    response_model=ReviewPage,
    summary="List a fact's reviews",
    responses=LIST_ERRORS,
    operation_id="list_fact_reviews",
)
async def read_fact_reviews(
    id: FactIdPath, request: Request, session: SessionDep, params: PageParamsDep
) -> Response:
    """The fact's audit trail: every review, oldest first (who, when, decision, note, the
    fields before and after)."""
    return await run_read(session, review_page, request, session, id, params)
