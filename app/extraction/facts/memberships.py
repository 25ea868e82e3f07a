"""Member lists of a group (read by alliances): 'X has six full members -- A, B and C',
'X's dialogue partners include A and B', 'A and B are member states of X', 'A and B are
four observer states' (of the bloc last made a subject), 'A and B are acceding states'
(joining, planned).
"""

import re

from app.enums import EntityType, FactType, Modality
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext
from app.extraction.drafts import FactDraft, build_fact

KIND = r"(?P<kind>members|member\s+states|observers|observer\s+states|partners|acceding\s+states)"
HAS_MEMBERS = re.compile(
    rf"\s+(?:currently\s+|now\s+)?(?:has|have|comprises|counts)\s+(?:[\w-]+\s+)?(?:full\s+|"
    rf"dialogue\s+)?{KIND}\s*(?:--|—|–|:)\s*"
)
GROUP_INCLUDE = re.compile(rf"['’]s\s+(?:full\s+|dialogue\s+)?{KIND}\s+(?:include|are|comprise)\s+")
# (only states: "A and B are members" names no group; a number word may stand before)
ARE_KIND = re.compile(r"\s+(?:are|were)\s+(?:the\s+)?(?:[a-z-]+\s+)?"
                      r"(?P<kind>observer\s+states|acceding\s+states|member\s+states)\b")  # fmt: skip
OF_GROUP = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")
LIST_END = re.compile(r";|,\s+(?:and|but|while|which|who)\s+(?![A-Z])|\.(?:\s|$)")
PREDICATES = {"members": "member_of", "member": "member_of", "observers": "observer_of",
              "observer": "observer_of", "partners": "partner_of", "acceding": "joined"}  # fmt: skip
VERBS = {"member_of": "is a member of", "observer_of": "is an observer of",
         "partner_of": "is a partner of", "joined": "is to join"}  # fmt: skip
CUE = re.compile(r"member|observer|partner|acceding")  # also searched in windows: no gate
GROUPS = (EntityType.organization,)
MEMBERS = (EntityType.country,)
# A list runs at most this far (and stops at the next cue): without a bound every match
# read to the sentence's end, quadratic in a long one, with a fact per country each time.
REACH = 400
MAX_LIST = 40
# Only a bloc has member states: the last subject may be a ministry ('the Pentagon said').
BLOC_WORDS = {"Organization", "Organisation", "Union", "Alliance", "Treaty", "Pact", "Bloc",
              "Community", "Association", "League", "Coalition", "Council", "Commonwealth",
              "Nations", "Partnership", "NATO", "OSCE", "UN", "EU", "CSTO", "SCO", "CIS",
              "ASEAN", "OPEC", "AU", "GCC"}  # fmt: skip


def find(ctx: SentenceContext) -> list:
    if not CUE.search(ctx.body):  # most sentences name no membership at all
        return []
    facts = []
    subject = ctx.subject
    if subject is not None and subject.end is not None and _is_group(ctx, subject.key):
        has = HAS_MEMBERS.match(ctx.body, subject.end - ctx.sentence.start)
        if has:
            facts += _listed(ctx, subject, has, has.end(), _list_end(ctx, has.end()))
    for group in ctx.entities_in(0, len(ctx.body), *GROUPS):
        include = GROUP_INCLUDE.match(ctx.body, group.end - ctx.sentence.start)
        if include:
            facts += _listed(ctx, group, include, include.end(), _list_end(ctx, include.end()))
    floor = 0  # a clause's countries start after the previous match: each read once
    for are in ARE_KIND.finditer(ctx.body):
        # "A, B and C are four observer states": the countries just before, of one clause
        low = max(floor, are.start() - REACH)
        start = max(ctx.body.rfind(";", low, are.start()), ctx.body.rfind(". ", low, are.start()))
        start = max(start + 1, ctx.body.rfind(", and ", low, are.start()) + 1, low)
        floor = are.end()
        group = _group_after(ctx, are.end()) or _last_bloc(ctx)
        if group is not None:
            facts += _listed(ctx, group, are, start, are.start())
    return facts


def _group_after(ctx: SentenceContext, position: int) -> Ref | None:
    """'... are member states of the European Union': the group named right after."""
    of = OF_GROUP.match(ctx.body, position)
    if of is None:
        return None
    group = ctx.first_entity(of.end(), min(len(ctx.body), of.end() + 80), *GROUPS)
    return group if group is not None and group.start == ctx.absolute(of.end()) else None


def _last_bloc(ctx: SentenceContext) -> Ref | None:
    key = ctx.state.last_organization_subject
    return Ref(key) if key and is_bloc(ctx, key) else None


def is_bloc(ctx: SentenceContext, key: str) -> bool:
    """A group that has members: its name holds a bloc's word ("Organization", "NATO")."""
    return _is_group(ctx, key) and bool(BLOC_WORDS & set(ctx.name_of(key).split()))


def _list_end(ctx: SentenceContext, start: int) -> int:
    """Where a list read from `start` ends: a clause break, the next cue or REACH."""
    limit = min(len(ctx.body), start + REACH)
    cue = CUE.search(ctx.body, start, limit)
    limit = cue.start() if cue else limit
    stop = LIST_END.search(ctx.body, start, limit)
    return stop.start() if stop else limit


def _is_group(ctx: SentenceContext, key: str) -> bool:
    return ctx.type_of(key) is EntityType.organization


def _listed(ctx: SentenceContext, group: Ref, match: re.Match, start: int, end: int) -> list:
    predicate = PREDICATES[match.group("kind").split()[0]]
    facts = []
    for member in ctx.entities_in(start, end, *MEMBERS)[:MAX_LIST]:
        draft = FactDraft(FactType.alliance, member, predicate, object=group, attributed=True,
                          confidence=0.8)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
        if predicate == "joined":
            draft.modality = Modality.planned  # acceding: on the way in
        facts.append(build_fact(ctx, draft, f"{ctx.name_of(member.key)} {VERBS[predicate]} "
                                            f"{ctx.name_of(group.key)}{say.period(None)}."))  # fmt: skip
    return facts
