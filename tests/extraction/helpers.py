"""Run the pipeline on a small text and look its results up by name."""

from app.extraction.candidates import ArticleCandidates, FactCandidate
from app.extraction.pipeline import extract


def run(text: str, published_at: str | None = None) -> ArticleCandidates:
    result = extract(text, published_at=published_at)
    for fact in result.facts:  # every fact grounded, whatever the rule
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.quote
    for entity in result.entities:
        for span in entity.mentions:
            assert text[span.start : span.end] == span.quote
    return result


def names(result: ArticleCandidates) -> dict[str, str]:
    """Entity key -> canonical name."""
    return {entity.key: entity.name for entity in result.entities}


def facts(text: str, fact_type: str, published_at: str | None = None) -> list[dict]:
    """The facts of one type, with entity keys replaced by names."""
    result = run(text, published_at)
    named = names(result)
    return [_flat(fact, named) for fact in result.facts if fact.type.value == fact_type]


def _flat(fact: FactCandidate, named: dict[str, str]) -> dict:
    return {
        "subject": named.get(fact.subject),
        "object": named.get(fact.object) if fact.object else None,
        "attributed_to": named.get(fact.attributed_to) if fact.attributed_to else None,
        "predicate": fact.predicate,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.value_qualifier.value if fact.value_qualifier else None,
        "rank": fact.rank,
        "rank_total": fact.rank_total,
        "scope": fact.scope,
        "period": (fact.period_start, fact.period_end),
        "quote": fact.evidence.quote,
        "statement": fact.statement,
    }
