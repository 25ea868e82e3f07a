"""Pages to read the store: home, an article with its evidence highlighted, a fact, an
entity, and the facts browser; each links to the JSON of what it shows."""

from urllib.parse import urlencode

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
from app.queries.facets import fact_facets
from app.queries.facts import get_fact, list_facts, referenced_entities
from app.queries.lookup import get_article
from app.queries.overview import article_mentions, latest_articles, store_counts
from app.schemas.facets import FactFacet, FactFacetParams
from app.schemas.params import FactConditions, FactFilters
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
    facets = browser_facets(session, filters)
    context = {"filters": filters, "query": filters_query(filters, "cursor"),
               "facets": facets, **listed(session, filters)}  # fmt: skip
    return render(request, "facts.html", context)


# Matches the browser's counts are over: the list and its counts are one page, which must
# answer in well under 200 ms on a million facts (`/facets/facts` counts 5,000).
BROWSER_SAMPLE = 2_000
# What the browser counts beside the list, and how each facet is headed.
BROWSER_FACETS = {FactFacet.type: "Type", FactFacet.review_status: "Review status",
                  FactFacet.origin: "Origin", FactFacet.subject: "Subject",
                  FactFacet.year: "Year"}  # fmt: skip


def browser_facets(session: Session, filters: FactFilters) -> dict:
    """The counts of `/facets/facts` for the browser's filters, each value with the query
    that narrows the list to it (an entity by its slug)."""
    given = {name: getattr(filters, name) for name in FactConditions.model_fields}
    params = FactFacetParams(**given, facet=list(BROWSER_FACETS), facet_size=8)
    counted = fact_facets(session, params, sample=BROWSER_SAMPLE)
    groups = []
    for facet, heading in BROWSER_FACETS.items():
        links = []
        for item in counted["facets"][facet.value]:
            value = item.get("slug", item["value"])
            kept = filters_query(filters, "cursor", facet.value)
            narrowed = "&".join(part for part in (kept, urlencode({facet.value: value})) if part)
            links.append({"label": item.get("name", item["value"]), "count": item["count"],
                          "query": narrowed,
                          "current": getattr(filters, facet.value) == value})  # fmt: skip
        groups.append({"heading": heading, "links": links})
    # /facets/facts takes the filters alone (no paging, order or format).
    as_json = filters_query(filters, "cursor", "limit", "sort", "format")
    return {"groups": groups, "counted": counted["counted"],
            "approximate": counted["approximate"], "json_query": as_json}  # fmt: skip
