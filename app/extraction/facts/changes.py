"""Percent changes of a budget stated beside its amount: 'marking a 6% increase', 'an 8
percent on-year hike in its budget', 'increase the military budget by 3.6%', 'which is 2.4%
more than this year'. Spending facts with `unit = "percent"`; imports nothing but context.
"""

import re
from bisect import bisect_right

from app.enums import FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.candidates import FactCandidate
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.quantities import find_percent

_PCT = r"(?P<pct>(?:(?:about|around|nearly|almost|over|more than|some)\s+)?\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b|percent\b))"
_UP = r"increase|hike|rise|jump|growth|boost"
_DOWN = r"cut|reduction|decrease|decline|drop|fall"
# "a 6% increase in allocation", "an 8 percent on-year hike in its budget"
AS_NOUN = re.compile(rf"\ban?\s+{_PCT}\s+(?:on-year\s+|year-on-year\s+|annual\s+)?"
                     rf"(?P<dir>{_UP}|{_DOWN})\b(?P<what>\s+in\s+(?:its\s+|the\s+)?"
                     r"(?:\w+\s+){0,2}?(?:budget|allocation|spending|expenditure)s?\b)?",
                     re.IGNORECASE)  # fmt: skip
# "an on-year growth of 7.4 percent", "an increase of 40 percent"
OF_NOUN = re.compile(rf"\ban?\s+(?:on-year\s+|annual\s+)?(?P<dir>{_UP}|{_DOWN})\s+of\s+{_PCT}",
                     re.IGNORECASE)  # fmt: skip
# "proposes to increase the military budget by 3.6%"
AS_VERB = re.compile(rf"\b(?P<dir>increas|rais|boost|cut|reduc|slash|lower)\w*\s+(?:the\s+|its\s+|their\s+)?"
                     r"(?:\w+\s+){0,2}?(?:budget|spending|expenditure|allocation)s?\s+by\s+"
                     rf"{_PCT}", re.IGNORECASE)  # fmt: skip
# "18 trillion won ..., which is 2.4% more than this year", "up 9.3 percent from this year"
AFTER_AMOUNT = re.compile(rf"(?:\bwhich\s+is\s+|\bup\s+|\bdown\s+){_PCT}(?:\s+(?P<dir>more|higher|"
                          r"less|lower)\s+than\b|\s+(?:from|on|over)\b)", re.IGNORECASE)  # fmt: skip
SPENDING_WORD = re.compile(r"budget|allocat|spend|expenditure|outlay|earmark", re.IGNORECASE)
DOWN = re.compile(rf"^(?:{_DOWN}|cut|reduc|slash|lower|less|down)", re.IGNORECASE)
NEAR = 120  # characters back to the amount a change after it describes


def percent_changes(ctx: SentenceContext, spender: Ref, amounts: list[FactCandidate]) -> list:
    """A change in percent of the spending the sentence is about; it takes the modality and
    period of the amount it follows, when one does."""
    if "%" not in ctx.body and "cent" not in ctx.body:
        return []
    if not SPENDING_WORD.search(ctx.body):
        return []
    facts = []
    amounts = sorted((f for f in amounts if f.unit != "percent"), key=lambda f: f.evidence.end)
    ends = [f.evidence.end for f in amounts]
    for pattern in (AS_NOUN, OF_NOUN, AS_VERB, AFTER_AMOUNT):
        for match in pattern.finditer(ctx.body):
            amount = _amount_before(ctx, amounts, ends, match.start())
            if pattern in (AFTER_AMOUNT, OF_NOUN) and not amount:
                continue  # "up 5% from 2019" with no amount: another rule's, or none
            fact = _change(ctx, spender, amount, match)
            if fact is not None:
                facts.append(fact)
    return facts


def _amount_before(ctx: SentenceContext, amounts: list[FactCandidate], ends: list[int], at: int):
    """The amount whose evidence ends last, at most NEAR characters before `at`."""
    position = ctx.absolute(at)
    index = bisect_right(ends, position + 1) - 1
    if index < 0 or position - ends[index] > NEAR:
        return None
    return amounts[index]


def _change(ctx: SentenceContext, spender: Ref, amount: FactCandidate | None, match: re.Match):
    percent = find_percent(match.group("pct"))
    if percent is None:
        return None
    word = match.group("dir") or "more"
    down = DOWN.match(word) is not None
    draft = FactDraft(FactType.spending, spender, "decreased_by" if down else "increased_by",
                      value=percent.value, unit="percent", value_qualifier=percent.qualifier,
                      metric="budget", attributed=True, confidence=0.75)  # fmt: skip
    draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end()))
    if amount is not None:
        draft.modality = amount.modality.value if amount.modality else None
        draft.subject = Ref(amount.subject)
        if amount.period_start is not None:
            span = ctx.periods(amount.evidence.start - ctx.sentence.start,
                               amount.evidence.end - ctx.sentence.start)  # fmt: skip
            draft.period = next((p for p in span if p.start_year == amount.period_start
                                 and p.end_year == amount.period_end), None)  # fmt: skip
    else:
        draft.modality = lexicon.modality_of(ctx.body, match.start(), match.start())
        draft.period = period_near(ctx, match.start(), match.end())
    direction = "cut" if down else "raise"
    verb = say.tense(draft.modality, f"{direction}s", f"plans to {direction}",
                     f"proposed to {direction}")  # fmt: skip
    statement = (f"{ctx.name_of(draft.subject.key)} {verb} its budget by "
                 f"{say.quantity(percent.value, percent.qualifier)} percent"
                 f"{say.period(draft.period)}.")  # fmt: skip
    return build_fact(ctx, draft, statement)
