"""Who a sentence is about and whom it cites: the leading entity or the anaphor it
resolves to, after any reporting prefix ("According to X, ...", "A report by X finds").
"""

import re
from functools import lru_cache

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.chunks import NAME_CHARS
from app.extraction.context import Ref, SentenceContext
from app.extraction.entities import armed_forces_of
from app.extraction.gates import Gated
from app.extraction.lexicon import cue_gate

# Sentence adverbs before the subject ("Thus, Belarus became ...").
_ADVERBS = ("meanwhile|however|also|moreover|now|today|thus|therefore|hence|furthermore|"
            "additionally|in addition|separately|indeed|finally|overall|besides|as such|"
            "accordingly|subsequently|consequently|in turn")  # fmt: skip
# Or one fronted phrase of place or time: "At the summit in Astana on Thursday, Belarus ...",
# "On Monday, October 14, 2024, ..." (a date's own commas).
_WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december")  # fmt: skip
_DATE = rf"(?:on\s+)?(?:(?:{_WEEKDAY}),?\s+)?(?:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}"
# (A phrase, not a clause: "After Finland joined NATO, Sweden ..." lends its verb to no one.)
LEADING_FILLER = re.compile(
    r"^(?:\d{1,3}\s?\.\s+)?"  # "3. Finland joined NATO": a numbered item's own number
    rf"(?:{_DATE},\s+|(?:at|in|on|during|amid|under|despite)\s"
    r"(?:(?!\b(?:where|which|who|whom|that|when|while|whether)\b)[^,;]){1,150}?,\s+)?"
    rf"(?:(?:the|in \d{{4}},?|(?:{_ADVERBS}),?)\s+)*$",
    re.IGNORECASE,
)
FILLER_PREFIX = re.compile(
    rf"(?:(?:in \d{{4}}|{_ADVERBS}|later|earlier|last year|this year),?\s+)*",
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
# ("On Tuesday, the Joint Operations Command (JOC) reported that X ...": a time and "the"
# before the speaker, its acronym after.)
SPEAKER_SAID = re.compile(
    r"(?:On\s+[A-Z]\w+,\s+)?(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,6}(?:\([A-Z]{2,8}\)\s+)?"
    r"(?:has\s+|had\s+)?(?:said|says|told\s+\w+|announced|confirmed|"
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
    words = [
        word for word in text.split() if word not in gz.PERSON_TITLES and word not in gz.RANK_WORDS
    ]  # "Field Marshal"
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
