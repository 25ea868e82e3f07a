"""What the fact rules see of a sentence: its entities, subject, attribution and periods,
and a builder that turns the spans a rule used into a grounded FactCandidate.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from app.enums import MODAL_FACT_TYPES, EntityType, FactType, Modality, ValueQualifier
from app.extraction import gazetteer as gz
from app.extraction.calibration import CONFIDENCE
from app.extraction.candidates import FactCandidate, Span
from app.extraction.chunks import NAME_CHARS
from app.extraction.document import Sentence
from app.extraction.entities import EntityTable, MentionSpan, armed_forces_of
from app.extraction.gates import Gated
from app.extraction.lexicon import cue_gate, modality_of, negated
from app.extraction.quantities import Period, find_periods
from app.extraction.spans import SpanIndex

EXTRACTOR_VERSION = "rules-3"

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
    r"(?P<phrase>(?:(?:the|this) (?:(?:defen[cs]e|foreign|finance|interior|country's|"
    r"nation's) )?|(?=government\b))(?P<noun>country|state|nation|republic|ministry|agency|"
    r"alliance|organi[sz]ation|army|military|company|bloc|government|navy)|it'?s (?P<its>army|armed forces|"
    r"military)|its (?P<its2>army|armed forces|military)|it)\b",
    re.IGNORECASE,
)
# "It was reported that ...": "it" stands for no one. (Both are used with match().)
EXPLETIVE = re.compile(r"it\s+(?:is|was|has been)\s+(?:reported|said|announced|noted|expected|"
                       r"believed|known|claimed|estimated|understood)\b", re.IGNORECASE)  # fmt: skip
# A source's name is at most NAME_CHARS long, and at most a few words stand between a
# cue and the name: unbounded, a pattern that fails tries every later position in turn,
# and a long sentence of names or cue words cost quadratic time.
_SOURCE = rf"[A-Z][\w’'\- ]{{0,{NAME_CHARS}}}"
_STUDY_BY = "|".join(f"{noun} {by} " for noun in ("report", "study", "survey", "ranking", "index")
                    for by in ("by", "from"))  # fmt: skip
# Each behind the words it cannot match without (lower-cased where part of it ignores case).
ATTRIBUTION = [
    Gated("according to", re.compile(rf"\b(?i:according to) (?:the |a |an )?(?:[a-z]+ ){{0,8}}(?P<source>{_SOURCE})"), fold=True),
    Gated("based on|citing", re.compile(rf"\b(?i:based on|citing) (?:reporting|reports|data) (?:by|from) (?P<source>{_SOURCE})"), fold=True),
    Gated(_STUDY_BY, re.compile(rf"\b(?i:a |the )?(?i:report|study|survey|ranking|index) (?:by|from) (?P<source>{_SOURCE})"), fold=True),
    Gated("review|ranking|index|report|survey|study", re.compile(rf"\b(?:for|in|by) the (?:annual |latest |new |\d{{4}} )?(?P<source>{_SOURCE}?) "
               r"(?:review|ranking|index|report|survey|study)\b")),
    Gated("said|says|reported|reports|estimates|found|finds", re.compile(rf"(?<![\w’'\-])(?P<source>{_SOURCE}?),? (?:said|says|reported|reports|estimates|found|finds)\b")),
]  # fmt: skip
# "A report by X finds that Y ...": the subject comes after the verb. (The lookbehind
# tries the verb only after the last letter of a name, not at every space of a run.)
REPORT_FINDS = re.compile(
    r"(?:a|the|an)\s+(?:new\s+|recent\s+|latest\s+)?(?:report|study|survey|analysis)\s+"
    r"(?:by|from)(?:\s++[^,]+?(?<=[^\s,])\s++|\s{3,}+)(?:finds|found|says|said|shows|showed|"
    r"notes|noted)\s+(?:that\s+)?",
    re.IGNORECASE,
)
# "Defence Minister Florence Parly said Indonesia orders ...": a speaker's words; the claim's
# subject is named after the verb. At most six capitalised words, then the verb.
SPEAKER_SAID = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){1,6}(?:has\s+|had\s+)?(?:said|says|told\s+\w+|announced|confirmed|"
    r"stated|revealed|reported)(?:\s+on\s+[A-Z]\w+)?(?:,)?\s+(?:that\s+)?(?=[A-Z])"
)
# "According to X, Y and Z, ...": a list of sources, walked in Python (as one pattern,
# names joined by "and" backtracked exponentially).
REPORTING_CUE = re.compile(
    r"(?:according to|based on reporting by|based on reports by|citing)\s", re.IGNORECASE
)
SPACES = re.compile(r"\s+")
# Under IGNORECASE, as the pattern it replaces had it: any letter continues the list.
LETTER = re.compile(r"[A-Z]", re.IGNORECASE)
SAME_SOURCE = re.compile(
    r"\b(?:as per|according to|based on|citing) the (?:same )?(?:report|study|data|survey|figures)\b"
)
# Case-sensitive, capitals spelt out: a case-blind alternation was a tenth of extraction.
ATTRIBUTION_CUES = cue_gate("according", "based on", "citing", "report", "study", "survey",
                               "ranking", "index", "review", "estimates", "as per",
                               as_written=("REPORT", "said", "says", "found", "finds"))  # fmt: skip
THIS_YEAR = re.compile(r"\bthis year\b")
RANGE_HINT = Gated(
    "19|20", re.compile(r"(?:19|20)\d\d\s?[-–—]\s?\d\d|(?:between|from) (?:19|20)\d\d")
)
# "over the past five years", "in the same period": the span of years stated before.
SAME_PERIOD = re.compile(r"\b(?:the (?:past|last|previous) (?:five|four|ten|three|\d+) years|"
                         r"the same (?:period|years)|this period|that period|(?:this|that|the same) time ?frame)\b",
                         re.IGNORECASE)  # fmt: skip
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
    last_range: Period | None = None  # the last span of years stated ("2018-2022")
    # (person, post, predecessor) of the appointments read: a change told twice is one fact
    appointed: set[tuple] = field(default_factory=set)
    budget_presented: bool = False  # a budget for a fiscal year to come was read
    last_spender: str | None = None  # whose spending the article stated last
    # the ranks read so far (entity key -> rank, period), "followed by" lists count on
    ranks: dict[str, tuple] = field(default_factory=dict)
    last_rank: tuple | None = None  # (rank, period) of the ranking read last
    # A rule's own memory of earlier sentences (the last buyer, the exercise just named).
    notes: dict[str, object] = field(default_factory=dict)


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
    # The sentence's text: a plain attribute, as rules read it hundreds of times a sentence.
    body: str = field(init=False, repr=False)
    # Built on first use: sorted lookups over the mentions, and the sentence's periods.
    _index: SpanIndex | None = field(default=None, init=False, repr=False)
    _indexed: int = field(default=0, init=False, repr=False)
    _top_index: SpanIndex | None = field(default=None, init=False, repr=False)
    _periods: SpanIndex | None = field(default=None, init=False, repr=False)
    _this_year: int | None = field(default=None, init=False, repr=False)
    _same_periods: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)
    _asides: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.body = self.sentence.text

    def absolute(self, offset: int) -> int:
        return self.sentence.start + offset

    def type_of(self, key: str) -> EntityType:
        return self.table.records[key].type

    def name_of(self, key: str) -> str:
        return self.table.records[key].name

    def entities_in(self, start: int, end: int, *types: EntityType) -> list[Ref]:
        """Top-level entity mentions inside [start, end) (sentence offsets), demonyms last."""
        found, demonyms, records = [], [], self.table.records  # each group by start
        for m in self._top().within(self.sentence.start + start, self.sentence.start + end):
            record = records.get(m.key)
            if record is not None and (not types or record.type in types):
                (demonyms if m.role == "demonym" else found).append(Ref(m.key, m.start, m.end))
        return found + demonyms if demonyms else found

    def first_entity(self, start: int, end: int, *types: EntityType) -> Ref | None:
        """The first of `entities_in(start, end, *types)`, found without listing them all."""
        top, stop = self._top(), self.absolute(end)
        demonym = None
        for index in range(top.from_position(self.absolute(start)), len(top)):
            mention = top.items[index]
            if mention.start >= stop:
                break
            if mention.end > stop or not self._fits(mention, types):
                continue
            if mention.role != "demonym":
                return Ref(mention.key, mention.start, mention.end)
            demonym = demonym or mention
        return Ref(demonym.key, demonym.start, demonym.end) if demonym else None

    def covered(self, start: int, end: int) -> bool:
        """Some mention (nested ones too) contains [start, end) (article offsets)."""
        return self._all().covers(start, end)

    def mentions_at(self, start: int) -> list[MentionSpan]:
        """The sentence's mentions that start at `start` (article offset)."""
        return self._all().starting_at(start)

    def periods(self, start: int = 0, end: int | None = None) -> list[Period]:
        """Periods in the sentence span, not counting years inside entity names."""
        if self._periods is None:
            found = []
            for period in find_periods(self.body, self.state.published_year):
                absolute = (self.absolute(period.start), self.absolute(period.end))
                if not self.covered(*absolute):
                    found.append(Period(period.start_year, period.end_year, *absolute))
            self._periods = SpanIndex(found)
        end = len(self.body) if end is None else end
        return self._periods.within(self.absolute(start), self.absolute(end))

    def first_period(self, start: int = 0, end: int | None = None) -> Period | None:
        """`periods(start, end)[0]`, without listing the others."""
        self.periods(0, 0)  # finds them, once a sentence
        end = len(self.body) if end is None else end
        return self._periods.first_within(self.absolute(start), self.absolute(end))

    def has_periods(self) -> bool:
        self.periods(0, 0)  # finds them, once a sentence
        return len(self._periods) > 0

    def in_aside(self, position: int, claim: int) -> bool:
        """Whether `position` lies in a relative clause (", which spent $5bn in 2020,") that
        does not hold the claim's words at `claim` (sentence offsets)."""
        if self._asides is None:  # found once; they never overlap, so one bisect finds one
            self._asides = [m.span() for m in ASIDE.finditer(self.body)]
        at = bisect_right(self._asides, (position, len(self.body) + 1)) - 1
        if at < 0:
            return False
        start, end = self._asides[at]
        return start <= position < end and not start <= claim < end

    def same_periods(self) -> list[tuple[int, int]]:
        """Where the sentence says 'the past five years' or 'the same period' (found once:
        a search per claim from its start on was quadratic in a long sentence)."""
        if self._same_periods is None:
            self._same_periods = [m.span() for m in SAME_PERIOD.finditer(self.body)]
        return self._same_periods

    def this_year(self) -> int | None:
        """Where the sentence says 'this year' (a sentence offset), if it does."""
        if self._this_year is None:
            self._this_year = self.body.index("this year") if THIS_YEAR.search(self.body) else -1
        return None if self._this_year < 0 else self._this_year

    def _fits(self, mention: MentionSpan, types: tuple[EntityType, ...]) -> bool:
        record = self.table.records.get(mention.key)
        return record is not None and (not types or record.type in types)

    def _all(self) -> SpanIndex[MentionSpan]:
        if self._index is None or self._indexed != len(self.mentions):
            self._index, self._top_index = SpanIndex(self.mentions), None
            self._indexed = len(self.mentions)
        return self._index

    def _top(self) -> SpanIndex[MentionSpan]:
        """Mentions that are not nested and that no longer non-nested mention contains."""
        everything = self._all()
        if self._top_index is None:
            top, reach, position = [], -1, 0
            items = everything.items
            while position < len(items):  # one group of mentions with the same span at a time
                group_end = position
                while group_end < len(items) and (items[group_end].start, items[group_end].end) == (
                    items[position].start, items[position].end):  # fmt: skip
                    group_end += 1
                group = items[position:group_end]
                if reach < group[0].end:
                    top.extend(m for m in group if m.role != "nested")
                for mention in group:
                    if mention.role != "nested":
                        reach = max(reach, mention.end)
                position = group_end
            self._top_index = SpanIndex(top)
        return self._top_index


@lru_cache(maxsize=8)  # the sentence being read: the subject and events rules both ask
def reporting_prefix_end(body: str) -> int:
    """Where 'A report by X finds that' or 'According to X, Y and Z,' ends; 0 without one.

    The sources run to the last comma of a chain of commas each followed by a letter,
    or to a comma followed by anything else; as the single pattern it replaces did.
    """
    if found := REPORT_FINDS.match(body):
        return found.end()
    if found := SPEAKER_SAID.match(body):
        return found.end()
    cue = REPORTING_CUE.match(body)
    if cue is None:
        return 0
    position, passed = cue.end(), 0
    while True:
        comma = body.find(",", position)
        if comma <= position:  # no comma left, or an empty name before it
            return passed
        spaces = SPACES.match(body, comma + 1)
        if spaces is None:
            return passed
        if not LETTER.match(body, spaces.end()):
            return spaces.end()
        passed = position = spaces.end()


# 'The', 'In 2020,' and titles before the subject: never more than this many characters.
FILLER_CHARS = 200
# How many mentions back 'the ministry' may look for the ministry it means.
ANAPHOR_REACH = 200


def find_subject(ctx: SentenceContext) -> Ref | None:
    """The sentence's subject: a leading named entity, or an anaphor resolved backwards."""
    # "A report by X finds that Y ...", "According to X, Y ...": the subject comes after.
    begin = ctx.sentence.start + reporting_prefix_end(ctx.body)
    named = sorted(ctx.entities_in(begin - ctx.sentence.start, len(ctx.body)),
                   key=lambda r: r.start)  # fmt: skip
    # The first name that only filler precedes (stably sorted: the one min() picked of all
    # such names), without reading what precedes every later name.
    ref = next((r for r in named if r.start - begin <= FILLER_CHARS
                and _only_filler(ctx.text[begin : r.start])), None)  # fmt: skip
    if ref is not None:
        record = ctx.table.records[ref.key]
        for person, position, start, end in ctx.table.appositions_at(ref.start):
            if position == ref.key:
                return Ref(person, start, end)  # "Minister of X, General Y took part ..."
        if record.type is EntityType.place and record.country in ctx.table.records:
            return Ref(record.country, ref.start, ref.end)  # "Baku has ..." speaks for the country
        return ref
    lead = FILLER_PREFIX.match(ctx.body).end()
    match = ANAPHOR.match(ctx.body, lead)
    if match is None or EXPLETIVE.match(ctx.body, lead):
        return None
    span = (ctx.absolute(match.start()), ctx.absolute(match.end()))
    noun = (match.group("noun") or "").lower()
    if match.group("its") or match.group("its2") or noun in ("army", "military"):
        key = armed_forces_of(ctx.table, ctx.state.last_country) if ctx.state.last_country else None
    elif noun in ("country", "state", "nation", "republic"):
        key = ctx.state.last_country
    elif noun:
        key = _last_named(ctx, noun)
        if key is None and noun == "government":
            key = ctx.state.last_country  # no government named: the country acts
    else:
        key = ctx.state.last_subject
    return Ref(key, *span) if key else None


def _only_filler(text: str) -> bool:
    """Nothing but 'The', 'In 2020,' and a person's titles ('Colonel General') before a name."""
    words = [word for word in text.split() if word not in gz.PERSON_TITLES]
    return bool(LEADING_FILLER.match(" ".join(words) + " " if words else ""))


def _last_named(ctx: SentenceContext, noun: str) -> str | None:
    """The entity recently mentioned before the sentence whose name has `noun` in it."""
    for mention in ctx.table.mentions_before(ctx.sentence.start, ANAPHOR_REACH):
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


def runs_to_end(pattern: re.Pattern, body: str) -> re.Match | None:
    """The first match of `pattern` after which the sentence goes on, on one line, to its end.

    Stands for `pattern` followed by `(?P<items>.+)$` (the items are `body[match.end():]`):
    that tail backtracked at every match when a line break came later, in quadratic time.
    """
    last_break = body.rfind("\n")
    for match in pattern.finditer(body):
        if last_break < match.end() < len(body):
            return match
    return None


def note_editions(ctx: SentenceContext) -> None:
    """'Global Fire Power ranking 2020': remember the edition year for 'this year' later;
    and the span of years the article's figures cover ('in 2018-2022'), for 'the past five
    years' later."""
    if RANGE_HINT.search(ctx.body):  # most sentences state no span: skip reading periods
        for period in ctx.periods():
            if period.end_year is not None and period.end_year > period.start_year:
                ctx.state.last_range = period
    if ctx.attribution is None:
        return
    match = EDITION.search(ctx.body)
    if match:
        ctx.state.editions[ctx.attribution.key] = int(match.group(1))


def period_for(ctx: SentenceContext, start: int = 0, end: int | None = None) -> Period | None:
    """The period a claim states in [start, end), else a ranking edition, else 'this year'."""
    first = ctx.first_period(start, end)
    if first is not None:
        return first
    stop = len(ctx.body) if end is None else end
    spans = ctx.same_periods() if ctx.state.last_range is not None else []
    at = bisect_left(spans, (start, -1))
    same = spans[at] if at < len(spans) and spans[at][1] <= stop else None
    if same is not None:
        earlier = ctx.state.last_range
        return Period(earlier.start_year, earlier.end_year, ctx.absolute(same[0]),
                      ctx.absolute(same[1]))  # fmt: skip
    at = ctx.this_year()
    if at is not None and ctx.attribution is not None:
        year = ctx.state.editions.get(ctx.attribution.key)
        if year is not None:
            return Period(year, year, ctx.absolute(at), ctx.absolute(at + 9))
    return None


PERIOD_REACH = 60
# ", which spent $5bn in 2020,", ", who had held the post since 2018": bounded asides.
ASIDE = re.compile(r",\s+(?:which|who|whose|where|when)\b[^,;]{0,120}(?:,|$)")


def period_near(ctx: SentenceContext, start: int, end: int) -> Period | None:
    """The period written closest to the claim's words at [start, end) (sentence offsets),
    within PERIOD_REACH and outside an aside: in "X bought 13 drones in 2019 and was set to
    receive more in 2021", 2019 is the purchase's year. A sentence with no period at all
    falls back on `period_for` (editions, 'this year', 'the same period')."""
    if not ctx.has_periods():
        return period_for(ctx)
    low, high = ctx.absolute(start), ctx.absolute(end)
    window = ctx.periods(max(0, start - PERIOD_REACH), end + PERIOD_REACH)
    window = [p for p in window if not ctx.in_aside(p.start - ctx.sentence.start, start)]

    def distance(period: Period) -> int:
        return max(low - period.end, period.start - high, 0)

    return min(window, key=distance) if window else None


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
