"""What the fact rules see of a sentence: its entities, the article's state so far, and
the periods a claim states.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from app.enums import EntityType
from app.extraction.document import Sentence
from app.extraction.entities import EntityTable, MentionSpan
from app.extraction.gates import Gated
from app.extraction.quantities import Period, find_periods
from app.extraction.spans import SpanIndex

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

    def first_period(self, start: int = 0, end: int | None = None, keep=None) -> Period | None:
        """`periods(start, end)[0]` (the first that `keep` keeps), without listing the others."""
        self.periods(0, 0)  # finds them, once a sentence
        end = len(self.body) if end is None else end
        return self._periods.first_within(self.absolute(start), self.absolute(end), keep)

    def mentions_within(self, start: int, end: int) -> list[MentionSpan]:
        """Every mention (nested ones too) inside [start, end) (article offsets)."""
        return self._all().within(start, end)

    def has_periods(self) -> bool:
        self.periods(0, 0)  # finds them, once a sentence
        return len(self._periods) > 0

    def in_aside(self, position: int, claim: int) -> bool:
        """Whether `position` and the claim's words at `claim` (sentence offsets) lie in
        different relative clauses (", which spent $5bn in 2020,"), or one in one and the other
        outside."""
        if self._asides is None:  # found once; they never overlap, so one bisect finds one
            self._asides = [m.span() for m in ASIDE.finditer(self.body)]
        return self._aside_of(position) != self._aside_of(claim)

    def _aside_of(self, position: int) -> int:
        """The index of the aside holding `position`, or -1 (the two may not share one:
        ", which provided for three frigates," does not take the year written before it)."""
        at = bisect_right(self._asides, (position, len(self.body) + 1)) - 1
        if at < 0:
            return -1
        start, end = self._asides[at]
        return at if start <= position < end else -1

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
# ", which spent $5bn in 2020,", ", who had held the post since 2018": bounded asides (a
# date's comma, "on August 25, 2021", is inside).
ASIDE = re.compile(r",\s+(?:which|who|whose|where|when)\b(?:[^,;]|,(?=\s\d{4}\b)){0,120}(?:,|$)")


# ", and the switch is taking place at the end of 2025": another clause's year.
COORDINATED = re.compile(r"[;]|,\s+(?:and|but|while|whereas)\s+(?:the|its|their|it|they|this)\b")


def _coordinated_apart(ctx: SentenceContext, period: Period, start: int, end: int) -> bool:
    """Whether a clause boundary of coordination stands between the claim and `period`."""
    low, high = sorted((end, period.start - ctx.sentence.start)) if period.start - ctx.sentence.start >= end \
        else sorted((period.end - ctx.sentence.start, start))  # fmt: skip
    return COORDINATED.search(ctx.body, low, high) is not None


def period_near(ctx: SentenceContext, start: int, end: int) -> Period | None:
    """The period written closest to the claim's words at [start, end) (sentence offsets),
    within PERIOD_REACH and outside an aside: in "X bought 13 drones in 2019 and was set to
    receive more in 2021", 2019 is the purchase's year. A sentence with no period at all
    falls back on `period_for` (editions, 'this year', 'the same period')."""
    if not ctx.has_periods():
        return period_for(ctx)
    low, high = ctx.absolute(start), ctx.absolute(end)
    window = ctx.periods(max(0, start - PERIOD_REACH), end + PERIOD_REACH)
    window = [p for p in window if not ctx.in_aside(p.start - ctx.sentence.start, start)
              and not _coordinated_apart(ctx, p, start, end)]  # fmt: skip

    def distance(period: Period) -> int:
        return max(low - period.end, period.start - high, 0)

    return min(window, key=distance) if window else None
