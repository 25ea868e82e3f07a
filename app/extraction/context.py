"""What the fact rules see of a sentence: its entities, subject, attribution and periods,
and a builder that turns the spans a rule used into a grounded FactCandidate.
"""

import re
from dataclasses import dataclass, field

from app.enums import EntityType, FactType, ValueQualifier
from app.extraction import gazetteer as gz
from app.extraction.candidates import FactCandidate, Span
from app.extraction.document import Sentence
from app.extraction.entities import EntityTable, MentionSpan, armed_forces_of
from app.extraction.quantities import Period, find_periods

EXTRACTOR_VERSION = "rules-1"

LEADING_FILLER = re.compile(
    r"^(?:(?:the|in \d{4},?|meanwhile,?|however,?|also,?|moreover,?|now,?|today,?)\s+)*$",
    re.IGNORECASE,
)
FILLER_PREFIX = re.compile(
    r"(?:(?:in \d{4}|meanwhile|however|also|moreover|now|today|later|earlier|last year|"
    r"this year),?\s+)*",
    re.IGNORECASE,
)
ANAPHOR = re.compile(
    r"^(?P<phrase>(?:the|this) (?P<noun>country|state|nation|republic|ministry|agency|"
    r"alliance|organi[sz]ation|army|military|company|bloc)|it'?s (?P<its>army|armed forces|"
    r"military)|its (?P<its2>army|armed forces|military)|it)\b",
    re.IGNORECASE,
)
# "It was reported that ...": "it" stands for no one.
EXPLETIVE = re.compile(r"^it\s+(?:is|was|has been)\s+(?:reported|said|announced|noted|expected|"
                       r"believed|known|claimed|estimated|understood)\b", re.IGNORECASE)  # fmt: skip
ATTRIBUTION = [
    re.compile(r"\b(?i:according to) (?:the |a |an )?(?:[a-z]+ )*(?P<source>[A-Z][\w’'\- ]*)"),
    re.compile(r"\b(?i:based on|citing) (?:reporting|reports|data) (?:by|from) (?P<source>[A-Z][\w’'\- ]*)"),
    re.compile(r"\b(?i:a |the )?(?i:report|study|survey|ranking|index) (?:by|from) (?P<source>[A-Z][\w’'\- ]*)"),
    re.compile(r"\b(?:for|in|by) the (?:annual |latest |new |\d{4} )?(?P<source>[A-Z][\w’'\- ]*?) "
               r"(?:review|ranking|index|report|survey|study)\b"),
    re.compile(r"(?P<source>[A-Z][\w’'\- ]*?),? (?:said|says|reported|reports|estimates|found|finds)\b"),
]  # fmt: skip
REPORTING_PREFIX = re.compile(
    r"^(?:(?:a|the|an)\s+(?:new\s+|recent\s+|latest\s+)?(?:report|study|survey|analysis)\s+"
    r"(?:by|from)\s+[^,]+?\s+(?:finds|found|says|said|shows|showed|notes|noted)\s+(?:that\s+)?"
    r"|(?:according to|based on reporting by|based on reports by|citing)\s+"
    r"(?:[^,]+?(?:,\s+|\s+and\s+)(?=[A-Z]))*[^,]+,\s+)",
    re.IGNORECASE,
)
SAME_SOURCE = re.compile(
    r"\b(?:as per|according to|based on|citing) the (?:same )?(?:report|study|data|survey|figures)\b"
)
ATTRIBUTION_CUES = re.compile(
    r"(?i:according|based on|citing|report|study|survey|ranking|index|review|said|says|"
    r"estimates|found|finds|as per)"
)
EDITION = re.compile(r"\b(?:ranking|index|review|report|edition|survey)\s+((?:19|20)\d\d)\b")


@dataclass
class ArticleState:
    """What earlier sentences established: the last subject and country, ranking editions."""

    published_year: int | None = None
    last_subject: str | None = None
    last_country: str | None = None
    last_organization_subject: str | None = None
    last_source: str | None = None
    editions: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Ref:
    """An entity as a rule uses it: its key and the span that names it (None if inferred)."""

    key: str
    start: int | None = None
    end: int | None = None


@dataclass
class SentenceContext:
    text: str
    sentence: Sentence
    table: EntityTable
    state: ArticleState
    subject: Ref | None = None
    attribution: Ref | None = None
    mentions: list[MentionSpan] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.sentence.text

    def absolute(self, offset: int) -> int:
        return self.sentence.start + offset

    def type_of(self, key: str) -> EntityType:
        return self.table.records[key].type

    def name_of(self, key: str) -> str:
        return self.table.records[key].name

    def entities_in(self, start: int, end: int, *types: EntityType) -> list[Ref]:
        """Top-level entity mentions inside [start, end) (sentence offsets), demonyms last."""
        found = []
        for mention in self.mentions:
            if not (self.absolute(start) <= mention.start and mention.end <= self.absolute(end)):
                continue
            if mention.role == "nested" or mention.key not in self.table.records:
                continue
            if types and self.type_of(mention.key) not in types:
                continue
            if any(o is not mention and o.start <= mention.start and mention.end <= o.end
                   and o.role != "nested" and (o.end - o.start) > (mention.end - mention.start)
                   for o in self.mentions):  # fmt: skip
                continue
            found.append(mention)
        found.sort(key=lambda m: (m.role == "demonym", m.start))
        return [Ref(m.key, m.start, m.end) for m in found]

    def first_entity(self, start: int, end: int, *types: EntityType) -> Ref | None:
        found = self.entities_in(start, end, *types)
        return found[0] if found else None

    def periods(self, start: int = 0, end: int | None = None) -> list[Period]:
        """Periods in the sentence span, not counting years inside entity names."""
        end = len(self.body) if end is None else end
        found = []
        for period in find_periods(self.body[start:end], self.state.published_year):
            absolute = (self.absolute(start + period.start), self.absolute(start + period.end))
            if any(m.start <= absolute[0] and absolute[1] <= m.end for m in self.mentions):
                continue
            found.append(Period(period.start_year, period.end_year, *absolute))
        return found


def find_subject(ctx: SentenceContext) -> Ref | None:
    """The sentence's subject: a leading named entity, or an anaphor resolved backwards."""
    # "A report by X finds that Y ...", "According to X, Y ...": the subject comes after.
    reported = REPORTING_PREFIX.match(ctx.body)
    begin = ctx.sentence.start + (reported.end() if reported else 0)
    leading = ctx.entities_in(begin - ctx.sentence.start, len(ctx.body))
    leading = [ref for ref in leading if _only_filler(ctx.text[begin : ref.start])]
    if leading:
        ref = min(leading, key=lambda r: r.start)
        record = ctx.table.records[ref.key]
        for person, position, start, end in ctx.table.appositions:
            if position == ref.key and start == ref.start:
                return Ref(person, start, end)  # "Minister of X, General Y took part ..."
        if record.type is EntityType.place and record.country in ctx.table.records:
            return Ref(record.country, ref.start, ref.end)  # "Baku has ..." speaks for the country
        return ref
    lead = FILLER_PREFIX.match(ctx.body).end()
    rest = ctx.body[lead:]
    match = ANAPHOR.match(rest)
    if match is None or EXPLETIVE.match(rest):
        return None
    span = (ctx.absolute(lead + match.start()), ctx.absolute(lead + match.end()))
    noun = (match.group("noun") or "").lower()
    if match.group("its") or match.group("its2") or noun in ("army", "military"):
        key = armed_forces_of(ctx.table, ctx.state.last_country) if ctx.state.last_country else None
    elif noun in ("country", "state", "nation", "republic"):
        key = ctx.state.last_country
    elif noun:
        key = _last_named(ctx, noun)
    else:
        key = ctx.state.last_subject
    return Ref(key, *span) if key else None


def _only_filler(text: str) -> bool:
    """Nothing but 'The', 'In 2020,' and a person's titles ('Colonel General') before a name."""
    words = [word for word in text.split() if word not in gz.PERSON_TITLES]
    return bool(LEADING_FILLER.match(" ".join(words) + " " if words else ""))


def _last_named(ctx: SentenceContext, noun: str) -> str | None:
    """The entity most recently mentioned before the sentence whose name has `noun` in it."""
    earlier = [m for m in ctx.table.mentions if m.end <= ctx.sentence.start]
    for mention in sorted(earlier, key=lambda m: m.start, reverse=True):
        record = ctx.table.records.get(mention.key)
        if record and noun[:5] in record.name.lower():
            return record.key
    return None


def find_attribution(ctx: SentenceContext) -> Ref | None:
    """Who the sentence cites; 'as per the report' means the source cited last."""
    if not ATTRIBUTION_CUES.search(ctx.body):
        return None
    for pattern in ATTRIBUTION:
        for match in pattern.finditer(ctx.body):
            start, end = match.span("source")
            ref = ctx.first_entity(start, end + 1, EntityType.organization, EntityType.person)
            if ref is not None:
                ctx.state.last_source = ref.key
                return Ref(ref.key, ref.start, ref.end)
    match = SAME_SOURCE.search(ctx.body)
    if match and ctx.state.last_source:
        return Ref(ctx.state.last_source, ctx.absolute(match.start()), ctx.absolute(match.end()))
    return None


def note_editions(ctx: SentenceContext) -> None:
    """'Global Fire Power ranking 2020': remember the edition year for 'this year' later."""
    if ctx.attribution is None:
        return
    match = EDITION.search(ctx.body)
    if match:
        ctx.state.editions[ctx.attribution.key] = int(match.group(1))


def period_for(ctx: SentenceContext, start: int = 0, end: int | None = None) -> Period | None:
    """The period a claim states in [start, end), else a ranking edition, else 'this year'."""
    periods = ctx.periods(start, end)
    if periods:
        return periods[0]
    if re.search(r"\bthis year\b", ctx.body) and ctx.attribution is not None:
        year = ctx.state.editions.get(ctx.attribution.key)
        if year is not None:
            at = ctx.body.index("this year")
            return Period(year, year, ctx.absolute(at), ctx.absolute(at + 9))
    return None


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
    attributed: bool = False
    confidence: float = 0.8
    anchors: list[tuple[int, int]] = field(default_factory=list)

    def anchor(self, start: int, end: int) -> "FactDraft":
        self.anchors.append((start, end))
        return self


def build_fact(ctx: SentenceContext, draft: FactDraft, statement: str) -> FactCandidate:
    """Ground the draft: evidence spans from the first to the last supporting span."""
    spans = list(draft.anchors)
    for ref in (draft.subject, draft.object):
        if ref is not None and ref.start is not None:
            spans.append((ref.start, ref.end))
    if draft.period is not None:
        spans.append((draft.period.start, draft.period.end))
    attributed_to = None
    if draft.attributed and ctx.attribution is not None:
        attributed_to = ctx.attribution.key
        spans.append((ctx.attribution.start, ctx.attribution.end))
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
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
        attributed_to=attributed_to,
        confidence=draft.confidence,
        extractor_version=EXTRACTOR_VERSION,
    )
