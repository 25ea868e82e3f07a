"""Rankings: '23rd globally', '64th among 138', '48 out of the 137', 'ninth place among the
145', 'the 4th most powerful in Africa', 'the eighth-largest arms importer',
'Europe's largest importer', 'the strongest army in X', 'in the top ten'.
"""

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from app.enums import EntityType, FactType
from app.extraction import statements as say
from app.extraction.chunks import NAME_CHARS
from app.extraction.context import Ref, SentenceContext, period_for
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.gates import Gated, holds_any
from app.extraction.quantities import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    Period,
    bounded_int,
    parse_number,
)

ORD = r"(?P<ord>\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")"
COPULA = r"\b(?:is|was|are|were|became|becoming|become|remains|remained|has|have|had|as)\s+"
SUPERLATIVE = (r"(?:largest|biggest|strongest|most powerful|most capable|leading|"
               r"greatest|highest|best|most advanced|most expensive|most modern)")  # fmt: skip
TOTAL = r"(?:among|out of(?: a total of)?|of)\s+(?:the\s+)?(?P<total>\d[\d,]*)\b(?:\s+(?:countries|nations|states|armies|militaries))?"
# Names are bounded (NAME_CHARS): an unbounded lazy run scanned on to the end of the
# sentence from every cue that then failed, quadratic in a long sentence.
PLACES_AFTER = rf"(?:\s+(?:in|of)\s+(?:the\s+)?(?P<scope>[A-Z][\w\- ]{{0,{NAME_CHARS}}}?)(?=[,.;]|\s+(?:in|for|during|according|with|and|after|since)\b|$))?"
WHAT = (
    r"(?P<what>(?:\s+(?!(?:in|of|among|for|according|with|and|since|during|to)\b)[a-z][\w-]*){0,3})"
)
# Each pattern behind the words it cannot match without (see gates): most sentences that
# pass CUES hold the words of only a few.
ORDINAL_GATE = re.compile(r"\d(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS))
SUPERLATIVE_GATE = "largest|biggest|strongest|most|leading|greatest|highest|best"
PATTERNS = [
    Gated("out of", re.compile(r"\b(?P<n>\d+)\s+out of\s+(?:the\s+)?(?P<total>\d[\d,]*)\b")),
    # "Kazakhstan (54th)", "Georgia - 82nd place": an ordinal that is a list item's own
    Gated(ORDINAL_GATE, re.compile(rf"(?P<tag>\(|\s[-–—:]\s?){ORD}(?:\s+place)?(?=\)|[,;.]|\s+and\b|$)", re.IGNORECASE)),
    # "the second - Russia": the ranked one follows
    Gated(ORDINAL_GATE, re.compile(rf"\bthe\s+{ORD}(?:\s+place)?\s*(?P<after>[-–—:])\s*", re.IGNORECASE)),
    Gated(ORDINAL_GATE, re.compile(rf"\b(?:ranked|ranks|rank|placed|came|finished|stood|ranking|took|takes|secured|secures|holds|held|occupies|occupied)\s+(?:as\s+|at\s+|in\s+)?(?:the\s+)?{ORD}"
               rf"(?:\s+(?:place|position|spot))?(?:\s+{TOTAL})?", re.IGNORECASE)),
    Gated("place|position|spot", re.compile(rf"\b{ORD}\s+(?:place|position|spot)(?:\s+{TOTAL})?", re.IGNORECASE)),
    # "ranked the No.1 batter", "is the world's number one exporter"
    Gated("No|number", re.compile(r"\b(?:ranked|ranks|is|was|as)\s+(?:the\s+)?(?:world['’]s\s+)?(?:No\.?\s?|number\s+)(?P<no>\d{1,3}|one)\b")),
    # "is a global leader in drone production": first in that field
    Gated("leader", re.compile(r"\b(?:is|was|remains|became)\s+(?:a|the)\s+(?:global|world|world['’]s)\s+(?P<leader>leader)\s+in\s+"
               r"(?P<field>[a-z][\w\s-]{0,60}?)(?=\s+and\b|[,.;]|$)")),
    Gated(ORDINAL_GATE, re.compile(rf"\b{ORD}\s+{TOTAL}", re.IGNORECASE)),
    # "Germany is fourth, with ...", "Italy is in eighth with": a place in a list, said bare
    Gated(ORDINAL_GATE, re.compile(rf"\b(?P<bare>is|was|are|were|came|comes|finished)\s+(?:in\s+)?{ORD}(?:\s+place)?(?=\s*(?:[,;]|\.(?:\s|$)|with\b|on the list\b|$))", re.IGNORECASE)),
    # "Ninth on the list is Brazil", "in seventh, India's economy ...": the ranked one follows
    Gated(ORDINAL_GATE, re.compile(rf"\b{ORD}\s+on\s+the\s+list\s+(?P<after>is|was|are|were)\b", re.IGNORECASE)),
    Gated(ORDINAL_GATE, re.compile(rf"\b[Ii]n\s+{ORD}(?P<after2>,)")),
    # "Germany—the fourth largest exporter—", "..., Russia, the second largest exporter": in
    # apposition, the name it follows
    Gated(SUPERLATIVE_GATE, re.compile(rf"(?P<tag>,\s*|\s?[—–]\s?|\s-\s)the\s+{ORD}[\s-]+(?P<sup>{SUPERLATIVE})\b{WHAT}{PLACES_AFTER}")),
    # "China follows, with $14 trillion": the place after the one read last
    Gated("follow", re.compile(r"\b(?P<follows>follows|followed|comes next|came next)(?=\s*,|\s+with\b)")),
    Gated(SUPERLATIVE_GATE, re.compile(rf"{COPULA}the\s+{ORD}[\s-]+(?P<sup>{SUPERLATIVE})\b{WHAT}{PLACES_AFTER}")),
    Gated(SUPERLATIVE_GATE, re.compile(rf"{COPULA}(?:the (?P<world>world['’]s)|the|(?P<owner>[A-Z][\w\- ]{{0,{NAME_CHARS}}}?)[’']s)\s+(?P<sup>{SUPERLATIVE})\b{WHAT}{PLACES_AFTER}")),
    Gated("top", re.compile(r"\b(?:in|among|into)\s+the\s+top\s+(?P<top>\d+|" + "|".join(NUMBER_WORDS) + r")\b")),
    # "identified A, B and C as the top five importers", "as the five biggest exporters"
    Gated("importers|exporters|spenders|buyers|suppliers|producers|armies|powers", re.compile(r"\bas\s+the\s+(?:top\s+)?(?P<top>\d+|" + "|".join(NUMBER_WORDS) + rf")\s+(?:{SUPERLATIVE}\s+)?"
               r"(?:[a-z]+\s+)?(?:importers|exporters|spenders|buyers|suppliers|producers|armies|powers)\b")),
]  # fmt: skip
MAX_RANK = 500  # a higher rank or "top N" is a misreading of some other number
GLOBAL = re.compile(r"\b(?:globally|worldwide|in the world|the world['’]s|of the world)\b")
# Used with match() at the end of a ranking, so no slice of the rest is copied each time.
METRIC_AFTER = re.compile(r"\s*(?:globally\s+|worldwide\s+)?(?:for|in terms of|by|in)\s+(?:the\s+)?"
                          r"(?P<metric>(?!the\b)[a-z][a-z\s-]{0,80}?)(?=\s+in\s+(?:19|20)\d\d|[,.;]|\s+(?:according|among)|$)")  # fmt: skip


# Two patterns, each starting with a literal or a class the engine skips ahead to; as one
# alternation starting with "\d" they cost several times as much.
CUES = ("rank", "place", "out of", "most", "largest", "biggest", "strongest", "leading",
        "greatest", "highest", "best", "top", "follow", "came next", "comes next",
        *ORDINAL_WORDS)  # fmt: skip
ORDINAL_CUE = re.compile(r"\d(?:st|nd|rd|th)\b")


def find(ctx: SentenceContext) -> list:
    body = ctx.body
    if (
        not holds_any(body, CUES)
        and not holds_any(body[:16].lower(), CUES)  # "Seventh on the list is ..."
        and not ORDINAL_CUE.search(body)
        and "followed by" not in body
        and "leader" not in body
    ):
        return []
    facts = _followers(ctx)
    # A list's order is its ranks: "among the top 10" then says nothing more of them.
    used = bytearray(len(ctx.body)) if not facts else bytearray(b"\x01" * len(ctx.body))
    for pattern in PATTERNS:
        for match in pattern.finditer(ctx.body):
            if used.find(1, match.start(), match.end()) != -1:
                continue
            subject = _ranked(ctx, match)
            draft = _draft(ctx, match, subject) if subject is not None else None
            if draft is None:
                continue
            used[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            subjects = [subject]
            if match.groupdict().get("top"):  # "A, B and C ranked among the top ten"
                subjects = _listed(ctx, subject) or subjects
            for ref in subjects:
                draft.subject = ref
                facts.append(build_fact(ctx, draft, statement(say.named(ctx, draft), draft)))
                _remember(ctx, ref.key, draft)
    # The rank read last is the one written last: "the second - Russia, the third - China".
    ranked = [fact for fact in facts if fact is not None and fact.rank is not None]
    if ranked:
        last = max(ranked, key=lambda fact: fact.evidence.end)
        period = Period(last.period_start, last.period_end, 0, 0) if last.period_start else None
        ctx.state.last_rank = (last.rank, period)
    return facts


def _remember(ctx: SentenceContext, key: str, draft: FactDraft) -> None:
    if draft.rank is not None:
        ctx.state.ranks[key] = (draft.rank, draft.period)


LIST_SEP = re.compile(r"(?:\s*\([^()]{0,20}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _listed(ctx: SentenceContext, last: Ref) -> list[Ref]:
    """The names listed with `last` just before it ('Saudi Arabia, Qatar and Egypt')."""
    if last.start is None:
        return []
    before = ctx.entities_in(max(0, last.start - ctx.sentence.start - 300),
                             last.start - ctx.sentence.start, *RANKED)  # fmt: skip
    source = ctx.attribution.key if ctx.attribution else None
    listed = [last]
    for ref in reversed(before):
        if ref.key == source or not LIST_SEP.fullmatch(ctx.text, ref.end, listed[0].start):
            break
        listed.insert(0, ref)
    return listed if len(listed) > 1 else []


FOLLOWED = re.compile(r"\bfollowed by\s+")
LIST_END = re.compile(r"\s(?:among|in|as|accounting|with\s+a\s+total)\b|[;:]")
FOLLOWER_SEP = re.compile(r"(?:\s*\([^()]{0,20}\)|\s+with\s+[\d.,]+\s*(?:%|per\s?cent|percent))?"
                          r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")  # fmt: skip


def _followers(ctx: SentenceContext) -> list:
    """'X is followed by A (9.6%), B and C', 'The list followed by A, B': the ones listed
    rank after X's rank (or after the rank read last), in the order they are named."""
    match = FOLLOWED.search(ctx.body)
    if match is None:
        return []
    leader = ctx.entities_in(0, match.start(), *RANKED)
    base = ctx.state.ranks.get(leader[0].key) if leader else ctx.state.last_rank
    if base is None:
        return []
    stop = LIST_END.search(ctx.body, match.end())
    end = stop.start() if stop else len(ctx.body)
    named = ctx.entities_in(match.end(), end, *RANKED)
    if not named or named[0].start - ctx.absolute(match.end()) > 2:
        return []
    listed = [named[0]]
    for ref in named[1:]:
        if not FOLLOWER_SEP.match(ctx.text, listed[-1].end) or \
                FOLLOWER_SEP.match(ctx.text, listed[-1].end).end() != ref.start:  # fmt: skip
            break
        listed.append(ref)
    rank, period = base
    facts = []
    for offset, ref in enumerate(listed, start=1):
        if rank + offset > MAX_RANK:
            break
        ref = _for_country(ctx, ref)
        draft = FactDraft(FactType.ranking, ref, "ranked_in", rank=rank + offset, confidence=0.75,
                          attributed=True)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ref.end)
        if period is not None:
            draft.period = Period(period.start_year, period.end_year, ref.start, ref.end)
        facts.append(build_fact(ctx, draft, statement(say.named(ctx, draft), draft)))
        _remember(ctx, ref.key, draft)
    return facts


# What a superlative ranks when it is a ranking: "the largest arms importer", "the strongest
# army"; "the largest share" or "the biggest challenge" rank nothing.
RANKED_NOUN = re.compile(r"\b(?:importers?|exporters?|spenders?|buyers?|suppliers?|producers?|"
                         r"manufacturers?|makers?|sellers?|armies|army|militar\w*|forces?|navy|"
                         r"navies|air forces?|powers?|econom\w*|markets?|budgets?|arsenals?|"
                         r"fleets?|operators?|users?|contributors?|donors?|recipients?|"
                         r"countr\w*|nations?|states?)\b")  # fmt: skip
# Before a name, words that make it an object rather than the one ranked ("ahead of X").
OBJECT_CUE = re.compile(r"\b(?:from|with|than|of|to|by|over|ahead of|behind|after|against|"
                        r"for|followed by|which|whose|in|at|on|among|into|across|within)\s+"
                        r"(?:the\s+)?$", re.IGNORECASE)  # fmt: skip
RANKED = (EntityType.country, EntityType.organization, EntityType.person, EntityType.place)
SUBJECT_REACH = 150  # how far back the ranked entity is looked for


def _ranked(ctx: SentenceContext, match: re.Match) -> Ref | None:
    """Who a ranking is about: the entity right after 'the second -', the one a
    parenthesised or dashed ordinal follows, else the nearest entity before the ordinal
    that is no prepositional object and no cited source, else the sentence's subject."""
    groups = match.groupdict()
    if groups.get("after") or groups.get("after2"):
        return ctx.first_entity(match.end(), min(len(ctx.body), match.end() + 40), *RANKED)
    start = max(0, match.start() - SUBJECT_REACH)
    candidates = ctx.entities_in(start, match.start(), *RANKED)
    source = ctx.attribution.key if ctx.attribution else None
    candidates = [ref for ref in candidates if ref.key != source]
    if groups.get("tag"):
        return _for_country(ctx, max(candidates, key=lambda ref: ref.start)) if candidates else None
    for ref in sorted(candidates, key=lambda ref: ref.start, reverse=True):
        before = ctx.text[max(ctx.sentence.start, ref.start - 20) : ref.start]
        between = ctx.text[ref.end : ctx.absolute(match.start())]
        if ";" in between or OBJECT_CUE.search(before):
            continue
        return _for_country(ctx, ref)
    return ctx.subject


def _for_country(ctx: SentenceContext, ref: Ref) -> Ref:
    """'Baku has the strongest army': a capital speaks for its country."""
    record = ctx.table.records[ref.key]
    if record.type is EntityType.place and record.country in ctx.table.records:
        return Ref(record.country, ref.start, ref.end)
    return ref


def _draft(ctx: SentenceContext, match: re.Match, subject: Ref) -> FactDraft | None:
    groups = match.groupdict()
    rank = total = value = None
    if groups.get("top"):
        value = parse_number(groups["top"])
        if value is None or value > MAX_RANK:
            return None
    elif groups.get("no"):
        rank = 1 if groups["no"] == "one" else bounded_int(groups["no"])
    elif groups.get("leader"):
        rank = 1  # "a world leader in drone production"
    elif groups.get("n"):
        rank = bounded_int(groups["n"])
    elif groups.get("follows"):
        if ctx.state.last_rank is None or not _ranking_just_read(ctx) or ctx.subject is None \
                or ctx.subject.key != subject.key:  # fmt: skip
            return None  # "Talks between X and Y followed, with ...": no place in a ranking
        rank = ctx.state.last_rank[0] + 1
    elif groups.get("ord"):
        token = groups["ord"].lower()
        rank = bounded_int(re.sub(r"\D", "", token)) if token[0].isdigit() else ORDINAL_WORDS[token]
    elif groups.get("sup"):
        if not RANKED_NOUN.search(groups.get("what") or ""):
            return None  # "the largest share of the cuts": a superlative, not a ranking
        rank = 1
    if groups.get("sup") and not RANKED_NOUN.search(groups.get("what") or ""):
        return None  # "the second largest attack of the war": no ranking of a measured kind
    if groups.get("bare") and not _ranking_just_read(ctx):
        return None  # "the hostage was fourth": a place in a list only after a ranking
    if groups.get("total"):
        total = bounded_int(groups["total"].replace(",", ""))  # none above the bound: no total
    if (rank is None and value is None) or (rank is not None and rank > MAX_RANK):
        return None
    draft = FactDraft(FactType.ranking, subject, "ranked_in", rank=rank, rank_total=total,
                      confidence=0.85, attributed=True)  # fmt: skip
    draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
    _scope(ctx, match, draft)
    _continued_scope(ctx, draft)
    what = (groups.get("what") or "").strip()
    if value is not None:
        # Among the top N: a bound, not a rank; the annotation guide gives rankings no value.
        draft.predicate, draft.metric = "ranked_among_top", f"top {say.number(value)}"
        earlier = ctx.state.last_range
        if not ctx.has_periods() and earlier is not None:
            # "named A, B and C as the five biggest exporters" in a report on 2018-2022
            draft.period = Period(earlier.start_year, earlier.end_year,
                                  ctx.absolute(match.start()), ctx.absolute(match.end()))  # fmt: skip
        draft.scope = draft.scope or ("global" if _says_global(ctx.body) else None)
    elif groups.get("leader"):
        draft.metric = groups["field"].strip()
    elif groups.get("sup"):
        draft.metric = f"{groups['sup']} {what}".strip()
    elif metric := METRIC_AFTER.match(ctx.body, match.end()):
        draft.metric = metric.group("metric").strip()
    if total is not None and draft.scope is None:
        draft.scope = "global"
    start, end = clause_around(ctx.body, match.start(), match.end())
    # the clause's own year, not one in an aside (", which shows ... last year")
    own = ctx.first_period(
        start, end, keep=lambda p: not ctx.in_aside(p.start - ctx.sentence.start, match.start())
    )
    if own is not None:
        draft.period = own
    elif ctx.first_period(start, end) is None:
        draft.period = period_for(ctx, start, end) or draft.period
    if draft.period is not None and NEWS_DATE.match(ctx.text, draft.period.start):
        draft.period = None  # "ranks 11th, the president said on Sunday": the saying's day
    if draft.period is None and (edition := _edition_in(ctx, start, end)):
        # "the Peace Index 2023, where X came 12th": the year of the edition the rank is in
        # (inside the index's name, so no period of the sentence's own)
        year = int(edition.group(1))
        draft.period = Period(year, year, ctx.absolute(edition.start(1)),
                              ctx.absolute(edition.end(1)))  # fmt: skip
    prior = PRIOR.search(ctx.body, match.end(), min(len(ctx.body), match.end() + 40))
    earlier = ctx.state.last_range
    if prior is not None and earlier is not None and earlier.end_year is not None:
        # "ranked sixth over the prior five-year period": the span before the one stated
        span = earlier.end_year - earlier.start_year + 1
        draft.period = Period(earlier.start_year - span, earlier.start_year - 1,
                              ctx.absolute(prior.start()), ctx.absolute(prior.end()))  # fmt: skip
    return draft


SCOPE_NOTE = "ranking_scope"  # ArticleState.notes: (rank, object, scope, sentence end)
SCOPE_REACH = 600  # characters after the last ranking within which a lower rank continues it


def _ranking_just_read(ctx: SentenceContext) -> bool:
    """Whether a rank was read in this sentence or within SCOPE_REACH before it."""
    note = ctx.state.notes.get(SCOPE_NOTE)
    return note is not None and ctx.sentence.start - note[3] <= SCOPE_REACH


def _continued_scope(ctx: SentenceContext, draft: FactDraft) -> None:
    """'Nigeria is Africa's largest producer ... Libya secured the second spot': the next
    rank soon after, with no place of its own, is in the same ranking."""
    if draft.rank is None:
        return
    note = ctx.state.notes.get(SCOPE_NOTE)
    if draft.object is None and draft.scope is None and note is not None:
        rank, place, scope, end, source = note
        if (
            draft.rank == rank + 1
            and ctx.sentence.start - end <= SCOPE_REACH
            and place in ctx.table.records
            and _source(ctx) in (None, source)  # "... in the Global Firepower index": another
        ):
            draft.object, draft.scope = Ref(place), scope
    # every rank read is the one a next place continues (a rank of no place stops it)
    place = draft.object.key if draft.object is not None else None
    ctx.state.notes[SCOPE_NOTE] = (draft.rank, place, draft.scope, ctx.sentence.end, _source(ctx))


def _source(ctx: SentenceContext) -> str | None:
    return ctx.attribution.key if ctx.attribution is not None else None


NAMED_EDITION = re.compile(
    r"\b(?:[Rr]anking|[Ii]ndex|[Rr]eport|[Ss]urvey|[Ee]dition)\s+((?:19|20)\d\d)\b"
)


def _edition_in(ctx: SentenceContext, start: int, end: int) -> re.Match | None:
    """The first named edition ("Index 2021") in [start, end): the sentence's editions are
    found once, so a sentence of many ranks is not searched once per rank."""
    held = ctx.state.notes.get("editions")
    if held is None or held[0] is not ctx.sentence:
        found = list(NAMED_EDITION.finditer(ctx.body))
        held = (ctx.sentence, found, [m.start() for m in found])
        ctx.state.notes["editions"] = held
    _, found, starts = held
    at = bisect_left(starts, start)
    return found[at] if at < len(found) and found[at].end() <= end else None


PRIOR = re.compile(r"\b(?:the\s+)?(?:prior|previous|preceding)\s+(?:[\w-]+-year\s+)?period\b")


NEWS_DATE = re.compile(r"(?:on|last|this|from)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                       r"Saturday|Sunday)\b|(?:yesterday|today)\b")  # fmt: skip


CLAUSE_BREAK = re.compile(
    r";|\s(?:and|but|while|whereas)\s+(?=(?:is|was|are|were|remains|remained|has|have|had|"
    r"became|becomes|ranks|ranked|rose|fell)\b)"
)


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The coordinated clause holding [start, end): 'X ranked 4th in 2023 and remains ...'."""
    starts, ends = _clause_breaks(text)
    before, after = bisect_right(ends, start), bisect_left(starts, end)
    first = ends[before - 1] if before else 0
    return first, (starts[after] if after < len(starts) else len(text))


@lru_cache(maxsize=4)  # the sentence being read: searched once, not once per ranking
def _says_global(text: str) -> bool:
    return GLOBAL.search(text) is not None


@lru_cache(maxsize=4)  # the sentence being read: found once, not once per ranking in it
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    breaks = [match.span() for match in CLAUSE_BREAK.finditer(text)]
    return [start for start, _ in breaks], [end for _, end in breaks]


def _scope(ctx: SentenceContext, match: re.Match, draft: FactDraft) -> None:
    """Where the ranking applies: a named place (also the object), or 'global'."""
    for group in ("owner", "scope"):
        if match.groupdict().get(group):
            start, end = match.span(group)
            place = ctx.first_entity(start, end, EntityType.place, EntityType.country)
            if place is not None:
                draft.object, draft.scope = place, ctx.name_of(place.key)
                return
    window = ctx.body[max(0, match.start() - 12) : match.end() + 25]
    if match.groupdict().get("world") or GLOBAL.search(window):
        draft.scope = "global"
        found = GLOBAL.search(ctx.body, max(0, match.start() - 12))
        draft.anchor(ctx.absolute(found.start()), ctx.absolute(found.end()))


def statement(named: say.Named, draft) -> str:
    """A ranking said from its fields (extraction, and again after a correction)."""
    subject = named.subject
    source = say.source(named.source)
    scope = " globally" if draft.scope == "global" else f" in {draft.scope}" if draft.scope else ""
    when = say.period(draft.period)
    if draft.predicate == "ranked_among_top":
        return f"{subject} ranked among the {draft.metric}{scope}{when}{source}."
    if draft.metric and draft.rank_total is None and draft.metric.split()[0] in SUPERLATIVE:
        joiner = " " if draft.metric.startswith("most") else "-"
        ordinal = "" if draft.rank == 1 else f"{say.ordinal(draft.rank)}{joiner}"
        return f"{subject} was the {ordinal}{draft.metric}{scope}{when}{source}."
    among = f" among {draft.rank_total}" if draft.rank_total else ""
    metric = f" for {draft.metric}" if draft.metric else ""
    return f"{subject} ranked {say.ordinal(draft.rank)}{among}{scope}{metric}{when}{source}."
