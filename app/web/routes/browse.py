"""Pages to read the store: home, an article with its evidence highlighted, a fact, an
entity, and the facts browser; each links to the JSON of what it shows."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from app.api.caching import fact_etag
from app.api.deps import SessionDep
from app.api.present import present_fact
from app.api.render import fact_dict, fact_json
from app.api.routes.facts import public_etag
from app.queries.articles import article_contents, describe_articles
from app.queries.entities import get_entity_detail
from app.queries.facts import get_fact, list_facts, referenced_entities
from app.queries.lookup import get_article
from app.queries.overview import article_mentions, latest_articles, store_counts
from app.web.forms import fact_filters, filters_query
from app.web.history import review_history
from app.web.marking import Span, in_context, marked_text
from app.web.templating import PageRoute, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def listed(session: Session, filters, **scope) -> dict:
    """A page of facts for a template: each as its JSON dict with its ETag, and the paging."""
    listing = list_facts(session, filters, **scope)
    facts = [(fact_dict(row), fact_etag(fact_json(row), row.review_count))
             for row in listing.rows]  # fmt: skip
    return {"facts": facts, "total": listing.total, "total_exact": listing.total_exact,
            "next_cursor": listing.next_cursor}  # fmt: skip


@router.get("/")
def home(request: Request, session: SessionDep) -> HTMLResponse:
    """The store's counts, a search box and the latest articles."""
    context = {"counts": store_counts(session), "articles": latest_articles(session)}
    return render(request, "home.html", context)


@router.get("/ui/articles/{key}")
def article_page(request: Request, key: str, session: SessionDep) -> HTMLResponse:
    """The verbatim text with every fact's evidence and every mention marked; facts beside."""
    article = get_article(session, key)
    [row] = describe_articles(session, [article])
    facts, entities = article_contents(session, article.id)
    references = referenced_entities(session, facts)
    public = [present_fact(fact, references) for fact in facts]
    spans = [Span(f.evidence.start, f.evidence.end, "fact", f.id) for f in public]
    spans += [Span(m.start_offset, m.end_offset, "entity", m.entity_id)
              for m in article_mentions(session, article.id)]  # fmt: skip
    context = {"article": row, "text": marked_text(article.text, spans), "facts": public,
               "entities": entities}  # fmt: skip
    return render(request, "article.html", context)


@router.get("/ui/facts/{key}")
def fact_page(
    request: Request, key: str, session: SessionDep, notice: str | None = None
) -> HTMLResponse:
    """Every field of a fact, its evidence in context and its review history."""
    fact, references = get_fact(session, key)
    public = present_fact(fact, references)
    article = get_article(session, fact.article_id)
    context = {
        "fact": public.model_dump(mode="json"),
        "etag": public_etag(fact, references),
        "article": article,
        "context": in_context(article.text, fact.evidence_start, fact.evidence_end),
        "history": review_history(session, fact.id),
        "notice": notice if notice in ("decided", "conflict") else None,
    }
    return render(request, "fact.html", context)


@router.get("/ui/entities/{key}")
def entity_page(request: Request, key: str, session: SessionDep) -> HTMLResponse:
    """An entity's aliases, its mentions across articles, and its facts (paged)."""
    filters, _ = fact_filters(request.query_params.multi_items())
    found = get_entity_detail(session, key)
    entity = found.entity
    context = {"entity": entity, "aliases": found.aliases, "mentions": found.mentions,
               "query": filters_query(filters, "cursor"), "filters": filters,
               **listed(session, filters, involving=entity.id)}  # fmt: skip
    return render(request, "entity.html", context)


@router.get("/ui/facts")
def facts_browser(request: Request, session: SessionDep) -> HTMLResponse:
    """The facts the /facts filters select, paged by cursor; bulk decisions when signed in."""
    filters, _ = fact_filters(request.query_params.multi_items())
    context = {"filters": filters, "query": filters_query(filters, "cursor"),
               **listed(session, filters)}  # fmt: skip
    return render(request, "facts.html", context)
