"""Cooperation: 'cooperates with about 60 countries', 'has an agreement on military-technical
cooperation with more than 30 countries', 'signed an agreement on defence cooperation with X',
'X and Y agreed a defence pact', 'expanded its co-operation with partners such as X and Y',
'endorsed the plan of cooperation for 2018-2019'.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_for, period_near, runs_to_end
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.gates import Gated
from app.extraction.quantities import find_count

PARTNERS = r"(?P<count>(?:[^,.;]|(?<=\d)[.,](?=\d)){1,30}?)\s+(?P<noun>countries|states|nations|partners)\b"
# Runs between cue words are bounded: unbounded, each failing cue scanned on to the end
# of the sentence, quadratic in a long one.
COUNTED = [
    (Gated("cooperat", re.compile(rf"\bcooperat(?:es|ed|e|ing)\s+with\s+{PARTNERS}(?P<sphere>\s+in the [\w\s-]{{1,80}}?sphere)?")),
     "cooperates_with"),
    (Gated("cooperation", re.compile(rf"\b(?:has|have|had|signed|concluded)\s+(?:an?\s+)?(?:agreements?|treaties|"
                rf"accords?)\s+on\s+[\w\s-]{{0,80}}?cooperation\s+with\s+{PARTNERS}")), "has_agreement_with"),
]  # fmt: skip
# Each is followed by the partner, somewhere in the rest of the sentence (see runs_to_end).
TIES_GATE = "|".join(noun.split()[0] for noun in lexicon.TIES_NOUNS)  # every word is in a match
NAMED = [
    # (a contract or a deal signed with a firm or a country is a purchase, not cooperation)
    (Gated("agreement|memorandum|accord|treaty", re.compile(r"\b(?:signed|concluded|inked)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:agreement|"
                r"memorandum|accord|treaty)\b[^.;]{0,200}?\bwith\s+")),
     "signed_agreement_with"),
    (Gated("cooperat", re.compile(r"\bcooperat(?:es|ed|e|ing)\s+(?:closely\s+)?with\s+")), "cooperates_with"),
    # "is to strengthen military and defence ties with X", "expanded its defence cooperation
    # with X": a bounded run of words between the verb, the noun and "with"
    (Gated(TIES_GATE, re.compile(rf"\b(?:{lexicon.alternation(lexicon.TIES_VERBS)})\s+(?:[\w-]+\s+){{0,5}}?"
                rf"(?:{lexicon.alternation(lexicon.TIES_NOUNS)})\s+with\s+(?:the\s+)?")), "cooperates_with"),
]  # fmt: skip
PARTNER_TYPES = (EntityType.country, EntityType.organization)
# "with strategic partners such as the US and Japan", "with Azerbaijan, Ghana": the list
# of partners ends where a lower-case word or a preposition starts the rest of the clause.
PARTNERS_SUCH_AS = Gated("partners", re.compile(r"(?:(?:strategic|key|other|regional)\s+)?partners\s+(?:such\s+as|"
                              r"including|like)\s+(?:the\s+)?"))  # fmt: skip
LIST_END = re.compile(r"[;:()]|\s(?:to|for|in|on|at|of|from|which|who|that|as|amid|after|while|but|"
                      r"over|during|since|by|through|under)\s|,\s+(?!and\b)(?![A-Z])|\.(?:\s|$)")  # fmt: skip
# "Japan and Australia agreed a breakthrough defence pact": both parties before the verb.
# ("The American and Philippine defence chiefs signed ...": the parties' people sign; "have
# signed 10 MoUs on defence collaboration".)
PACT = re.compile(r"(?:\s+(?:[a-z]+\s+)?(?:chiefs|ministers|leaders|officials|governments|"
                  r"delegations|navies|militaries|armies|forces))?"
                  r"\s+(?:have\s+|had\s+|has\s+)?(?:agreed|signed|sealed|concluded|inked|struck|reached)\s+"
                  r"(?:on\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?P<noun>pacts?|agreements?|accords?|"
                  r"treat(?:y|ies)|memorand(?:um|a|ums)|MoUs?|MOUs?|declaration|partnership)\b")  # fmt: skip
# "endorsed the plan of cooperation for 2018-2019": a joint plan adopted, with its years.
PLAN = Gated("plan|program|roadmap", re.compile(r"\b(?:endorsed|adopted|approved|signed|agreed on)\s+(?:the\s+|a\s+|an\s+)?"
                  r"(?:[\w-]+\s+){0,2}?(?:(?:plan|programme|program|roadmap)\s+of\s+(?:[\w-]+\s+)?"
                  r"co-?operation|co-?operation\s+(?:plan|programme|program|roadmap))\b"))  # fmt: skip


# 'To help establish a posture, the Philippines has ...': an opening clause before the
# subject, which find_subject leaves unread.
OPENING_CLAUSE = re.compile(r"[^,;:]{1,120},\s+(?:the\s+)?")


def find(ctx: SentenceContext) -> list:
    subject = ctx.subject or opening_clause_subject(ctx)
    if subject is None:
        return _pact(ctx)  # "the attaché said X and Y have signed ...": parties named later
    saved, ctx.subject = ctx.subject, subject  # this rule's reading only
    try:
        return _find(ctx)
    finally:
        ctx.subject = saved


def opening_clause_subject(ctx: SentenceContext) -> Ref | None:
    """The country or body named first after a leading clause and its comma."""
    match = OPENING_CLAUSE.match(ctx.body)
    if match is None:
        return None
    found = ctx.first_entity(match.end(), match.end() + 40, *PARTNER_TYPES)
    return found if found is not None and found.start == ctx.absolute(match.end()) else None


def _find(ctx: SentenceContext) -> list:
    facts = []
    for pattern, predicate in COUNTED:
        for match in pattern.finditer(ctx.body):
            count = find_count(match.group("count"))
            if count is None:
                continue
            draft = FactDraft(FactType.cooperation, ctx.subject, predicate, value=count.value,
                              unit="country", value_qualifier=count.qualifier, attributed=True,
                              confidence=0.9)  # fmt: skip
            draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
            draft.metric = ("military-technical cooperation partners"
                            if "military-technical" in match.group(0) else "cooperation partners")  # fmt: skip
            draft.period = period_for(ctx, match.start(), match.end())
            verb = "cooperates with" if predicate == "cooperates_with" else (
                "has cooperation agreements with")  # fmt: skip
            statement = (f"{ctx.name_of(ctx.subject.key)} {verb} "
                         f"{say.quantity(count.value, count.qualifier, 'countries')}"
                         f"{say.period(draft.period)}.")  # fmt: skip
            facts.append(build_fact(ctx, draft, statement))
    if facts:
        return facts
    facts = _pact(ctx) + _plan(ctx)
    if facts:
        return facts
    for pattern, predicate in NAMED:
        match = runs_to_end(pattern, ctx.body)
        if match is None:
            continue
        for partner in _partners(ctx, match.end()):
            draft = FactDraft(FactType.cooperation, ctx.subject, predicate, object=partner,
                              attributed=True, confidence=0.8)  # fmt: skip
            draft.anchor(ctx.absolute(match.start()), partner.end)
            draft.period = period_for(ctx)
            draft.modality = lexicon.modality_of(ctx.body, match.start(), match.end())
            verb = "signed an agreement with" if predicate == "signed_agreement_with" else (
                say.tense(draft.modality, "cooperates with", "plans to cooperate with",
                          "proposed to cooperate with"))  # fmt: skip
            statement = (f"{ctx.name_of(ctx.subject.key)} {verb} {ctx.name_of(partner.key)}"
                         f"{say.period(draft.period)}.")  # fmt: skip
            facts.append(build_fact(ctx, draft, statement))
        if facts:
            break
    return facts


def _partners(ctx: SentenceContext, start: int) -> list:
    """The partner named right after 'with', or each of a list of them."""
    such_as = PARTNERS_SUCH_AS.match(ctx.body, start)
    if such_as:
        start = such_as.end()
    first = ctx.first_entity(start, min(len(ctx.body), start + 80), *PARTNER_TYPES)
    if first is None or first.key == ctx.subject.key:
        return []
    end = LIST_END.search(ctx.body, first.end - ctx.sentence.start)
    listed = ctx.entities_in(start, end.start() if end else len(ctx.body), *PARTNER_TYPES)
    partners = [first] + [ref for ref in listed if ref.start > first.start]
    seen = {ctx.subject.key}
    return [ref for ref in partners if ref.key not in seen and not seen.add(ref.key)]


AND_PARTY = re.compile(r" and (?:the )?")
TOLD = re.compile(r"\b(?:said|says|announced|reported|stated|added|noted|confirmed)\s+(?:that\s+)?"
                  r"(?:the\s+)?$")  # fmt: skip


def _pact(ctx: SentenceContext) -> list:
    """'X and Y agreed a defence pact on Tuesday' (also after a speaker: 'the attaché said X
    and Y have signed ...'): X cooperates with Y."""
    for first in ctx.entities_in(0, len(ctx.body), *PARTNER_TYPES):
        is_subject = ctx.subject is not None and first.key == ctx.subject.key
        if not is_subject and not TOLD.search(ctx.text, max(0, first.start - 40), first.start):
            continue  # "asked whether X and Y signed ...", "officials from X and Y signed"
        joined = AND_PARTY.match(ctx.body, first.end - ctx.sentence.start)
        if joined is None:
            continue
        other = ctx.first_entity(joined.end(), joined.end() + 80, *PARTNER_TYPES)
        if other is None or other.start != ctx.absolute(joined.end()) or other.key == first.key:
            continue
        match = PACT.match(ctx.body, other.end - ctx.sentence.start)
        if match is not None:
            return [_pact_fact(ctx, first, other, match)]
    return []


def _pact_fact(ctx: SentenceContext, first: Ref, other: Ref, match: re.Match):
    draft = FactDraft(FactType.cooperation, first, "agreed_pact_with", object=other,
                      attributed=True, confidence=0.8)  # fmt: skip
    draft.anchor(first.start, ctx.absolute(match.end()))
    draft.period = period_near(ctx, match.start(), match.end())
    draft.modality = lexicon.modality_of(ctx.body, match.start(), match.end())
    noun = match.group("noun")
    article = "" if noun.endswith("s") or noun.isupper() else "an " if noun[0] in "aeiou" else "a "
    statement = (f"{ctx.name_of(first.key)} and {ctx.name_of(other.key)} "
                 f"{say.tense(draft.modality, 'agreed', 'plan to agree', 'proposed')} "
                 f"{article}{noun}{say.period(draft.period)}.")  # fmt: skip
    return build_fact(ctx, draft, statement)


def _plan(ctx: SentenceContext) -> list:
    """'X endorsed the plan of cooperation for 2018-2019': no partner named, the years."""
    match = PLAN.search(ctx.body)
    if match is None:
        return []
    draft = FactDraft(FactType.cooperation, ctx.subject, "adopted_cooperation_plan",
                      attributed=True, confidence=0.8)  # fmt: skip
    draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
    draft.period = period_near(ctx, match.start(), match.end())
    statement = (f"{ctx.name_of(ctx.subject.key)} adopted a plan of cooperation"
                 f"{say.period(draft.period)}.")  # fmt: skip
    return [build_fact(ctx, draft, statement)]
