"""Spending: 'spent $22,7bn on X in 2009-2016', 'allocated AZN 5 million', 'a defence budget
of £2.3 billion', '$4bn a year', 'military spending rose by 699 percent'.
"""

import re

from app.enums import FactType
from app.extraction import statements as say
from app.extraction.context import FactDraft, Ref, SentenceContext, build_fact, period_for
from app.extraction.quantities import find_money, find_percent

SPEND_VERB = re.compile(
    r"\b(?:spent|spends|spend|spending|allocated|allocates|allocate|earmarked|budgeted|"
    r"invested|invests|paid|pays|set aside|committed|imported|bought|purchased|ordered|"
    r"acquired)\b"
)
BUDGET_NOUN = re.compile(
    r"\b(?:(?P<kind>defen[cs]e|military|security|arms|procurement)\s+)?"
    r"(?:budget|spending|expenditures?|outlays?)\b(?:\s+(?:of|was|is|reached|amounted to|"
    r"totall?ed|stood at|rose to|increased to|will be|at|hit))?"
)
# Both are used with match() where an amount ends (no slice of the rest copied each time);
# what the money was spent on is a few words, not the rest of a long sentence.
ON_WHAT = re.compile(
    r"\s*(?:a year|per year|annually)?\s*(?:on|for|to)\s+(?P<what>[a-zA-Z][\w\s-]{0,80}?)"
    r"(?=\s+(?:in|during|between|since|from|over)\s|[,.;]|\s+thereby|$)"
)
PER_YEAR = re.compile(r"\s*(?:a year|per year|annually|a-year)\b")
CHANGE = re.compile(
    r"\b(?P<kind>(?:defen[cs]e |military |arms )?(?:spending|budget|expenditures?|imports|exports))\b[^.;]{0,60}?"
    r"\b(?P<dir>rose|increased|grew|jumped|climbed|fell|decreased|dropped|declined|shrank)\s+by\s+"
)


# Cheap first look: most sentences name no spending at all.
CUES = re.compile(r"spen[dt]|budget|expenditure|outlay|allocat|earmark|invest|paid|pays|"
                  r"set aside|committed|import|export|bought|purchas|ordered|acquired")  # fmt: skip


def find(ctx: SentenceContext) -> list:
    if not CUES.search(ctx.body):
        return []
    if ctx.subject is None:
        return _changes(ctx)
    facts = []
    for money in find_money(ctx.body):
        before = ctx.body[max(0, money.start - 60) : money.start]
        verb = list(SPEND_VERB.finditer(before))
        noun = list(BUDGET_NOUN.finditer(before))
        if not verb and not noun:
            continue
        draft = FactDraft(FactType.spending, ctx.subject, "spent_on", value=money.value,
                          unit=money.unit, value_qualifier=money.qualifier, attributed=True,
                          confidence=0.9)  # fmt: skip
        trigger = (verb or noun)[-1]
        offset = max(0, money.start - 60)
        draft.anchor(ctx.absolute(offset + trigger.start()), ctx.absolute(money.end))
        if not verb and noun:
            kind = noun[-1].group("kind")
            draft.metric = f"{kind} budget" if kind else "budget"
            draft.predicate = "budget"
        elif on := ON_WHAT.match(ctx.body, money.end):
            draft.metric = on.group("what").strip()
        if PER_YEAR.match(ctx.body, money.end):
            draft.metric = f"{draft.metric or 'spending'} per year"
        draft.period = period_for(ctx, money.end) or period_for(ctx)
        facts.append(build_fact(ctx, draft, _statement(ctx, draft)))
    facts.extend(_changes(ctx))
    return facts


def _changes(ctx: SentenceContext) -> list:
    """'Military spending rose by 12 percent': with no one named, the article's country."""
    subject = ctx.subject or (Ref(ctx.state.last_country) if ctx.state.last_country else None)
    if subject is None:
        return []
    facts = []
    for match in CHANGE.finditer(ctx.body):
        percent = find_percent(ctx.body[match.end() : match.end() + 30])
        if percent is None or percent.start != 0:
            continue
        direction = "increased" if match.group("dir") in ("rose", "increased", "grew", "jumped",
                                                          "climbed") else "decreased"  # fmt: skip
        noun = match.group("kind").split()[-1]
        measure = noun if noun in ("imports", "exports") else "spending"
        draft = FactDraft(FactType.spending, subject, f"{measure}_{direction}_by",
                          value=percent.value, unit="percent", value_qualifier=percent.qualifier,
                          metric=match.group("kind"), attributed=True, confidence=0.8)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end() + percent.end))
        draft.period = period_for(ctx)
        statement = (f"{ctx.name_of(subject.key)}'s {draft.metric} {direction} by "
                     f"{say.quantity(percent.value, percent.qualifier)} percent"
                     f"{say.period(draft.period)}.")  # fmt: skip
        facts.append(build_fact(ctx, draft, statement))
    return facts


def _statement(ctx: SentenceContext, draft: FactDraft) -> str:
    subject = ctx.name_of(draft.subject.key)
    amount = say.money(draft.value, draft.unit)
    qualifier = say.QUALIFIER_WORDS.get(draft.value_qualifier or "", "")
    amount = f"{qualifier} {amount}".strip()
    if draft.predicate == "budget":
        return f"{subject}'s {draft.metric} was {amount}{say.period(draft.period)}."
    what = f" on {draft.metric}" if draft.metric else ""
    return f"{subject} spent {amount}{what}{say.period(draft.period)}."
