"""Shares of a country's arms imports as SIPRI reports them: 'India received 31 percent of
the arms exported by Russia', 'China accounted for 77 percent of Pakistan's arms imports',
'arms transfers to China were 23 percent of Russian arms exports', 'Saudi Arabia's main
suppliers: US (78 percent), France (6.4 percent)'. Each is a procurement of arms: the
importer bought from the exporter. Called by `procurement`.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.gates import Gated

CUE = Gated("arm|uppl", re.compile(r"\barms\s+(?:imports|exports|exported|transfers?)\b|\bsuppliers?\b",
                 re.IGNORECASE))  # fmt: skip
SHARE = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)
# The words around a country that make it the importer or the exporter ("India's largest
# arms supplier", "Russia remained India's largest supplier, accounting for 36 percent").
_TOP = r"(?:largest|main|biggest|top|leading|major)\s+(?:arms\s+)?supplier"
IMPORTER_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:total|overall)\s+)?(?:arms\s+)?imports\b|"
                            rf"['’]s\s+{_TOP}|\s+(?:received|imported|bought)\b",
                            re.IGNORECASE)  # fmt: skip
IMPORTER_BEFORE = re.compile(r"\b(?:transfers?|exports?|deliveries|supplies|sales|suppliers?|"
                             r"arms)\s+to\s+(?:the\s+)?$", re.IGNORECASE)  # fmt: skip
EXPORTER_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:total|overall)\s+)?arms\s+exports\b|"
                            r"\s+(?:accounted\s+for|accounting\s+for|supplied|provided|"
                            r"delivered|made\s+up)\b|"
                            rf"\s+(?:was|is|remained|remains|became)\s+(?:the\s+)?(?:\w+['’]s\s+)?{_TOP}",
                            re.IGNORECASE)  # fmt: skip
EXPORTER_BEFORE = re.compile(r"\b(?:(?:exported|supplied|delivered|sold)\s+by|"
                             r"(?:exports|imports|transfers|arms)\s+from)\s+(?:the\s+)?$",
                             re.IGNORECASE)  # fmt: skip
SUPPLIERS = re.compile(r"\b(?:main|largest|biggest|top|leading|major)\s+(?:arms\s+)?suppliers\b",
                       re.IGNORECASE)  # fmt: skip
OWNER = re.compile(r"(?:['’]s)?\s+$")
POSSESSIVE = re.compile(r"\b(?:its|their|country['’]s)\s+$", re.IGNORECASE)
SHARE_AFTER = re.compile(r"\s*\(\s*\d[\d.,]*\s*(?:%|per ?cent\b)", re.IGNORECASE)
REACH = 40


def find(ctx: SentenceContext) -> list:
    if not CUE.search(ctx.body) or not SHARE.search(ctx.body):
        return []
    countries = ctx.entities_in(0, len(ctx.body), EntityType.country)
    listed = SUPPLIERS.search(ctx.body)
    if listed:
        return _suppliers(ctx, listed, countries)
    importers, exporters = {}, {}
    for ref in countries:
        start, end = ref.start - ctx.sentence.start, ref.end - ctx.sentence.start
        if IMPORTER_AFTER.match(ctx.body, end) or IMPORTER_BEFORE.search(
            ctx.body, max(0, start - REACH), start
        ):
            importers.setdefault(ref.key, ref)
        elif EXPORTER_AFTER.match(ctx.body, end) or EXPORTER_BEFORE.search(
            ctx.body, max(0, start - REACH), start
        ):
            exporters.setdefault(ref.key, ref)
    if len(importers) != 1 or len(exporters) != 1:
        return []
    [importer], [exporter] = importers.values(), exporters.values()
    if importer.key == exporter.key:
        return []
    return [_fact(ctx, importer, exporter)]


def _suppliers(ctx: SentenceContext, listed: re.Match, countries: list[Ref]) -> list:
    """'X's main suppliers ...: US (78 percent), France (6.4 percent)': one fact each.
    (The owner's gap is matched in place: a slice per country was quadratic.)"""
    owner = next((ref for ref in countries if ref.end is not None
                  and ref.end - ctx.sentence.start <= listed.start()
                  and OWNER.fullmatch(ctx.text, ref.end, ctx.absolute(listed.start()))), None)  # fmt: skip
    if owner is None and POSSESSIVE.search(ctx.body, max(0, listed.start() - 20), listed.start()):
        last = ctx.state.last_subject
        if last and ctx.type_of(last) is EntityType.country:
            owner = Ref(last)
    if owner is None:
        return []
    return [_fact(ctx, owner, ref) for ref in countries
            if ref.key != owner.key and ref.start - ctx.sentence.start > listed.end()
            and SHARE_AFTER.match(ctx.body, ref.end - ctx.sentence.start)]  # fmt: skip


def _fact(ctx: SentenceContext, importer: Ref, exporter: Ref):
    draft = FactDraft(FactType.procurement, importer, "imported_from", object=exporter,
                      item="arms", modality="asserted", attributed=True, confidence=0.7)  # fmt: skip
    draft.anchor(exporter.start, exporter.end)
    spans = [(r.start, r.end) for r in (importer, exporter) if r.start is not None]
    low = min(start for start, _ in spans) - ctx.sentence.start
    high = max(end for _, end in spans) - ctx.sentence.start
    draft.period = period_near(ctx, low, high)
    statement = (f"{ctx.name_of(importer.key)} imported arms from {ctx.name_of(exporter.key)}"
                 f"{say.period(draft.period)}.")  # fmt: skip
    return build_fact(ctx, draft, statement)
