"""Loads seed/ (the article verbatim plus curated annotations) through the write path.

Annotations cite facts by quote; offsets are computed here, and a missing or
ambiguous quote stops the load with a message naming it.
"""

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.claims import FACT_CLAIM_FIELDS
from app.db import write_transaction
from app.enums import EntityType, FactType, Modality, Origin, ReviewStatus, ValueQualifier
from app.extraction.candidates import ArticleCandidates, EntityCandidate, FactCandidate, Span
from app.extraction.text import QuoteError, find_all, locate_quote
from app.resources import resource_dir
from app.writes.articles import (
    ArticleMeta,
    create_article,
    delete_article_content,
    find_article_by_text,
    prune_orphan_entities,
    store_candidates,
)
from app.writes.invariants import check_claim

ANNOTATIONS_FILE = "annotations.toml"
# The loader sets a curated fact's provenance itself (curated, accepted, confidence 1).
PROVENANCE_FIELDS = {"origin", "confidence", "review_status", "extractor_version"}
# What an annotation may give: the claim fields, the entity references (entity keys), where
# the quote is, and whether the fact is a headline one (read by evaluation, not stored).
FACT_FIELDS = (set(FACT_CLAIM_FIELDS) - PROVENANCE_FIELDS) | {
    "subject", "object", "attributed_to", "replaces", "quote", "occurrence", "headline",
}  # fmt: skip


class SeedError(ValueError):
    """The annotations do not fit the article text."""


@dataclass(frozen=True)
class Seed:
    text: str
    meta: ArticleMeta
    candidates: ArticleCandidates


def span_at(text: str, quote: str, occurrence: int | None = None) -> Span:
    start, end = locate_quote(text, quote, occurrence)
    return Span(start, end, quote)


def mention_spans(text: str, spec: str | dict[str, Any]) -> list[Span]:
    """Spans for one mention spec: every whole-word occurrence, or one inside a context."""
    if isinstance(spec, str):
        starts = find_all(text, spec, whole_word=True)
        if not starts:
            raise QuoteError(f"mention not found in the text: {spec!r}")
        return [Span(start, start + len(spec), spec) for start in starts]
    context = span_at(text, spec["in"], spec.get("occurrence"))
    inner = locate_quote(context.quote, spec["text"])
    return [Span(context.start + inner[0], context.start + inner[1], spec["text"])]


def drop_nested(spans: list[Span]) -> list[Span]:
    """Spans not strictly inside another span of the list, in text order."""
    unique = sorted(set(spans), key=lambda span: (span.start, -span.end))
    return [
        span
        for span in unique
        if not any(
            other != span and other.start <= span.start and span.end <= other.end
            for other in unique
        )
    ]


def parse_entity(text: str, raw: dict[str, Any]) -> EntityCandidate:
    spans = [span for spec in raw.get("mentions", []) for span in mention_spans(text, spec)]
    return EntityCandidate(
        key=raw["key"],
        name=raw["name"],
        type=EntityType(raw["type"]),
        aliases=list(raw.get("aliases", [])),
        wikidata_id=raw.get("wikidata_id"),
        mentions=drop_nested(spans),
    )


def parse_fact(text: str, raw: dict[str, Any]) -> FactCandidate:
    unknown = set(raw) - FACT_FIELDS
    if unknown:
        raise SeedError(f"unknown fact fields {sorted(unknown)} in {raw.get('quote')!r}")
    fields = {key: value for key, value in raw.items() if key not in ("quote", "occurrence")}
    fields["type"] = FactType(raw["type"])
    if "value_qualifier" in raw:
        fields["value_qualifier"] = ValueQualifier(raw["value_qualifier"])
    if "modality" in raw:
        fields["modality"] = Modality(raw["modality"])
    if not isinstance(raw.get("headline", True), bool):
        raise SeedError(f"headline of {raw.get('quote')!r} must be true or false, "
                        f"not {raw['headline']!r}")  # fmt: skip
    if "value" in raw:
        fields["value"] = float(raw["value"])
    fact = FactCandidate(
        evidence=span_at(text, raw["quote"], raw.get("occurrence")),
        origin=Origin.curated,
        confidence=1.0,
        review_status=ReviewStatus.accepted,
        **fields,
    )
    # The check store_candidates makes again, here so that `seed --check` reports it too.
    check_claim({name: getattr(fact, name) for name in FACT_CLAIM_FIELDS},
                f"fact {fact.statement!r}")  # fmt: skip
    return fact


def read_seed(directory: Path | None = None) -> Seed:
    """Parse and ground the annotations; raises SeedError naming the first problem."""
    return read_annotations((directory or resource_dir("seed")) / ANNOTATIONS_FILE)


def read_annotations(path: Path, *, expected_sha256: str | None = None) -> Seed:
    """Parse an annotation file and the text it names (a path relative to the file); with
    `expected_sha256`, a text that is not the one annotated raises SeedError."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    article = raw["article"]
    directory = path.parent
    # newline="" keeps the file byte-for-byte: no newline translation.
    with open(directory / article["file"], encoding="utf-8", newline="") as handle:
        text = handle.read()
    if expected_sha256 is not None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != expected_sha256:
            raise SeedError(f"{directory / article['file']}: SHA-256 {digest} is not the "
                            f"annotated text's {expected_sha256}")  # fmt: skip
    try:
        entities = [parse_entity(text, entity) for entity in raw.get("entities", [])]
        facts = [parse_fact(text, fact) for fact in raw.get("facts", [])]
    except (QuoteError, KeyError, ValueError) as error:
        raise SeedError(f"{path}: {error}") from error
    keys = {entity.key for entity in entities}
    for fact in facts:
        missing = [key for key in fact.entity_keys() if key not in keys]
        if missing:
            raise SeedError(f"fact {fact.statement!r} names undeclared entities {missing}")
    meta = ArticleMeta(
        title=article.get("title"),
        url=article.get("url"),
        source=article.get("source"),
        published_at=article.get("published_at"),
        language=article.get("language", "en"),
    )
    return Seed(text=text, meta=meta, candidates=ArticleCandidates(entities, facts))


def load_seed(engine: Engine, *, replace: bool = False, directory: Path | None = None) -> str:
    """Store the seed once; with `replace`, swap its curated facts for the current annotations."""
    seed = read_seed(directory)
    with Session(engine) as session, write_transaction(session):
        existing = find_article_by_text(session, seed.text)
        if existing is None:
            article = create_article(session, seed.text, seed.meta, seed.candidates)
            return f"stored article {article.slug!r} with {len(seed.candidates.facts)} facts"
        if not replace:
            return f"article {existing.slug!r} already stored; nothing added"
        delete_article_content(session, existing.id, origin=Origin.curated)
        store_candidates(session, existing, seed.candidates)
        pruned = prune_orphan_entities(session)
        return (
            f"replaced the curated facts of {existing.slug!r} "
            f"({len(seed.candidates.facts)} facts; {pruned} orphan entities removed)"
        )
