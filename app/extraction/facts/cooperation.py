"""Cooperation: 'cooperates with about 60 countries', 'has an agreement on military-technical
cooperation with more than 30 countries', 'signed an agreement on defence cooperation with X'.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import FactDraft, SentenceContext, build_fact, period_for, runs_to_end
from app.extraction.quantities import find_count

PARTNERS = r"(?P<count>(?:[^,.;]|(?<=\d)[.,](?=\d)){1,30}?)\s+(?P<noun>countries|states|nations|partners)\b"
# Runs between cue words are bounded: unbounded, each failing cue scanned on to the end
# of the sentence, quadratic in a long one.
COUNTED = [
    (re.compile(rf"\bcooperat(?:es|ed|e|ing)\s+with\s+{PARTNERS}(?P<sphere>\s+in the [\w\s-]{{1,80}}?sphere)?"),
     "cooperates_with"),
    (re.compile(rf"\b(?:has|have|had|signed|concluded)\s+(?:an?\s+)?(?:agreements?|treaties|"
                rf"accords?)\s+on\s+[\w\s-]{{0,80}}?cooperation\s+with\s+{PARTNERS}"), "has_agreement_with"),
]  # fmt: skip
# Each is followed by the partner, somewhere in the rest of the sentence (see runs_to_end).
NAMED = [
    (re.compile(r"\b(?:signed|concluded|inked)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:agreement|"
                r"memorandum|deal|contract|accord|treaty)\b[^.;]{0,200}?\bwith\s+"),
     "signed_agreement_with"),
    (re.compile(r"\bcooperat(?:es|ed|e|ing)\s+(?:closely\s+)?with\s+"), "cooperates_with"),
    # "is to strengthen military and defence ties with X", "expanded its defence cooperation
    # with X": a bounded run of words between the verb, the noun and "with"
    (re.compile(rf"\b(?:{lexicon.alternation(lexicon.TIES_VERBS)})\s+(?:[\w-]+\s+){{0,5}}?"
                rf"(?:{lexicon.alternation(lexicon.TIES_NOUNS)})\s+with\s+(?:the\s+)?"), "cooperates_with"),
]  # fmt: skip
PARTNER_TYPES = (EntityType.country, EntityType.organization)


def find(ctx: SentenceContext) -> list:
    if ctx.subject is None:
        return []
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
    for pattern, predicate in NAMED:
        match = runs_to_end(pattern, ctx.body)
        if match is None:
            continue
        start, end = match.end(), len(ctx.body)
        partner = ctx.first_entity(start, min(end, start + 80), *PARTNER_TYPES)
        if partner is None or partner.key == ctx.subject.key:
            continue
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
        break
    return facts
