"""The review queue: unreviewed facts one at a time, lowest confidence first, decided with
one key or button; a correction form; bulk decisions on a filtered list. Every decision
goes through the API's guarded review: a fact changed since the form was made is not
overwritten, and the reviewer is shown what the other decided."""

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.api.caching import fact_etag
from app.api.deps import SessionDep
from app.api.present import present_fact
from app.api.render import fact_dict, fact_json
from app.api.routes.facts import public_etag, review_if_unchanged
from app.enums import ReviewStatus
from app.errors import NotFound, PreconditionFailed
from app.queries.facts import get_fact
from app.queries.lookup import get_article
from app.queries.queue import next_in_queue, queue_progress
from app.schemas import FactReview
from app.web.forms import fact_filters, filters_query, parse_after, queue_query, review_of
from app.web.guard import form_texts, writer_form
from app.web.marking import in_context
from app.web.templating import PAGE_HEADERS, PageRoute, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)
NOTICES = ("decided", "conflict")
BULK_DECISIONS = {"accepted": ReviewStatus.accepted, "rejected": ReviewStatus.rejected}
MAX_BULK = 100


def shown_fact(session: Session, key: str | int) -> tuple[dict, str]:
    """The fact as its JSON dict and its ETag (what a decision form carries)."""
    # Not get_fact_row: that read must be a session's first statement, and here it may not be.
    fact, references = get_fact(session, str(key))
    return present_fact(fact, references).model_dump(mode="json"), public_etag(fact, references)


@router.get("/ui/review")
def queue_page(request: Request, session: SessionDep) -> HTMLResponse:
    """The next unreviewed fact the filters select, with its passage and progress."""
    filters, own = fact_filters(request.query_params.multi_items(), ("after", "notice", "fact"))
    after = parse_after(own.get("after"))
    row = next_in_queue(session, filters, after)
    context = {"filters": filters, "progress": queue_progress(session, filters),
               "query": filters_query(filters, "cursor", "review_status"),
               "after": own.get("after"), "fact": None}  # fmt: skip
    if row is not None:
        fact = fact_dict(row)
        text = get_article(session, fact["article_id"]).text
        evidence = fact["evidence"]
        context.update(fact=fact, etag=fact_etag(fact_json(row), row.review_count),
                       context=in_context(text, evidence["start"], evidence["end"]),
                       skip=f"{fact['confidence']}:{fact['id']}")  # fmt: skip
    context["notice"] = notice_of(session, own)
    return render(request, "review.html", context)


def notice_of(session: Session, own: dict[str, str]) -> dict | None:
    """What the last decision did, read from the store (never echoed from the URL)."""
    kind, key = own.get("notice"), own.get("fact", "")
    if kind not in NOTICES or not key.isdigit():
        return None
    try:
        fact, _ = shown_fact(session, key)
    except NotFound:
        return None
    return {"kind": kind, "fact": fact}


def decided_url(queue: str, notice: str, fact_id: int, back: str | None) -> str:
    if back == "fact":
        return f"/ui/facts/{fact_id}?{urlencode({'notice': notice})}"
    filters, own = queue_query(queue)
    query = filters_query(filters, "cursor", "review_status")
    extra = urlencode({**({"after": own["after"]} if "after" in own else {}),
                       "notice": notice, "fact": fact_id})  # fmt: skip
    return f"/ui/review?{'&'.join(part for part in (query, extra) if part)}"


def decide(session: Session, key: str, form: dict[str, str], reviewer: str) -> str:
    """Apply the form's decision unless the fact changed since; "decided" or "conflict"."""
    fact, _ = shown_fact(session, key)
    review = review_of(form, fact)
    session.rollback()  # the read's snapshot ends; the write opens its own transaction
    try:
        review_if_unchanged(session, key, form.get("etag", ""), review, reviewer=reviewer)
    except PreconditionFailed:
        return "conflict"
    return "decided"


def decide_many(
    session: Session, status: ReviewStatus, tagged: list[str], reviewer: str
) -> list[dict]:
    """Each `id:etag` decided in its own guarded transaction; what became of each."""
    results = []
    review = FactReview(review_status=status)
    for item in tagged:
        key, _, etag = item.partition(":")
        try:
            public, _ = review_if_unchanged(session, key, etag, review, reviewer=reviewer)
            results.append({"id": public.id, "applied": True, "status": public.review_status})
        except PreconditionFailed:
            fact, _ = shown_fact(session, key)
            results.append({"id": fact["id"], "applied": False,
                            "status": fact["review_status"]})  # fmt: skip
        except NotFound:
            results.append({"id": key, "applied": False, "status": None})
        session.rollback()
    return results


@router.post("/ui/review/bulk")
async def decide_bulk(request: Request, session: SessionDep) -> HTMLResponse:
    """Accept or reject the facts ticked on a filtered list, each guarded by its ETag."""
    viewer, sent = await writer_form(request)
    status = BULK_DECISIONS.get(str(sent.get("decision", "")))
    tagged = [value for value in sent.getlist("fact") if isinstance(value, str)]
    if status is None or not 0 < len(tagged) <= MAX_BULK:
        return render(request, "error.html", {
            "status": 422, "title": "Invalid request",
            "detail": f"Tick 1 to {MAX_BULK} facts and choose accept or reject."}, 422)  # fmt: skip
    results = await run_in_threadpool(decide_many, session, status, tagged, viewer.label)
    back = str(sent.get("back", ""))
    filters, _ = queue_query(back)
    context = {"results": results, "decision": status, "query": filters_query(filters)}
    return render(request, "bulk_result.html", context)


# After /ui/review/bulk: a route is matched in the order it was added.
@router.post("/ui/review/{key}")
async def decide_fact(request: Request, key: str, session: SessionDep) -> Response:
    """One decision (accept, reject, correct) on one fact, then back to the queue."""
    viewer, sent = await writer_form(request)
    form = form_texts(sent)
    queue = form.get("queue", "")
    queue_query(queue)  # refused before anything is written when it is not a queue's
    notice = await run_in_threadpool(decide, session, key, form, viewer.label)
    target = decided_url(queue, notice, int(key), form.get("back"))
    response = RedirectResponse(target, status_code=303)
    response.headers.update(PAGE_HEADERS)
    return response
