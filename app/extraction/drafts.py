"""A fact under construction and the builder that grounds it: evidence from the first to
the last span the rule used, modality read at the claim, the calibrated confidence.
"""

from dataclasses import dataclass, field

from app.enums import MODAL_FACT_TYPES, FactType, Modality, ValueQualifier
from app.extraction.calibration import CONFIDENCE
from app.extraction.candidates import FactCandidate, Span
from app.extraction.context import Ref, SentenceContext
from app.extraction.lexicon import modality_of, negated
from app.extraction.quantities import Period

EXTRACTOR_VERSION = "rules-4"


@dataclass
class FactDraft:
    """A fact under construction; `anchors` are the spans that support its fields."""

    type: FactType
    subject: Ref
    predicate: str
    object: Ref | None = None
    value: float | None = None
    unit: str | None = None
    value_qualifier: str | None = None
    rank: int | None = None
    rank_total: int | None = None
    scope: str | None = None
    metric: str | None = None
    period: Period | None = None
    modality: str | None = None
    quantity: int | None = None
    item: str | None = None
    replaces: Ref | None = None
    attributed: bool = False
    confidence: float = 0.8
    anchors: list[tuple[int, int]] = field(default_factory=list)

    def anchor(self, start: int, end: int) -> "FactDraft":
        self.anchors.append((start, end))
        return self


# Evidence runs from the first to the last span a claim rests on; spread wider than
# this, the spans are not one claim (and quotes that long, one per fact, add up).
MAX_EVIDENCE = 1000


def build_fact(ctx: SentenceContext, draft: FactDraft, statement: str) -> FactCandidate | None:
    """Ground the draft: evidence spans from the first to the last supporting span;
    None when that is longer than MAX_EVIDENCE."""
    spans = list(draft.anchors)
    for ref in (draft.subject, draft.object, draft.replaces):
        if ref is not None and ref.start is not None:
            spans.append((ref.start, ref.end))
    if draft.period is not None:
        spans.append((draft.period.start, draft.period.end))
    attributed_to = None
    if draft.attributed and ctx.attribution is not None:
        attributed_to = ctx.attribution.key
        spans.append((ctx.attribution.start, ctx.attribution.end))
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if end - start > MAX_EVIDENCE:
        return None
    modality = draft.modality
    first = max(
        0, (min(s for s, _ in draft.anchors) if draft.anchors else start) - ctx.sentence.start
    )
    if draft.type not in MODAL_FACT_TYPES:
        modality = None
    elif negated(ctx.body, first, first):
        return None  # "will not buy", "cancelled the order": not a claim of that kind
    elif modality is None:  # read from the words before the claim's first span
        modality = modality_of(ctx.body, first, first)
    return FactCandidate(
        type=draft.type,
        statement=statement,
        subject=draft.subject.key,
        predicate=draft.predicate,
        evidence=Span(start, end, ctx.text[start:end]),
        object=draft.object.key if draft.object else None,
        value=draft.value,
        unit=draft.unit,
        value_qualifier=ValueQualifier(draft.value_qualifier) if draft.value_qualifier else None,
        rank=draft.rank,
        rank_total=draft.rank_total,
        scope=draft.scope,
        metric=draft.metric,
        period_start=draft.period.start_year if draft.period else None,
        period_end=draft.period.end_year if draft.period else None,
        modality=Modality(modality) if modality else None,
        quantity=draft.quantity,
        item=draft.item,
        replaces=draft.replaces.key if draft.replaces else None,
        attributed_to=attributed_to,
        confidence=CONFIDENCE.get(draft.type, draft.confidence),
        extractor_version=EXTRACTOR_VERSION,
    )
