"""Spending: 'spent $22,7bn on X in 2009-2016', 'allocated AZN 5 million', 'a defence budget
of £2.3 billion', '$4bn a year', 'military spending rose by 699 percent'.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_for, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.facts import procurement
from app.extraction.facts.changes import percent_changes
from app.extraction.gates import Gated, holds_any
from app.extraction.quantities import Period, find_money, find_percent

SPEND_VERB = lexicon.word_pattern(lexicon.SPEND_VERBS, 0)
BUDGET_NOUN = re.compile(
    r"\b(?:(?P<kind>defen[cs]e|military|security|arms|procurement)\s+)?"
    rf"(?:{lexicon.alternation(lexicon.BUDGET_NOUNS)})\b(?:\s+(?:of|was|is|reached|amounted to|"
    r"totall?ed|stood at|rose to|increased to|will be|at|hit))?"
)
# "raise spending by $37bn", "a $3bn increase": the amount is a change, not a total.
CHANGE_BEFORE = re.compile(r"\b(?P<dir>rais\w*|increas\w*|boost\w*|add\w*|cut\w*|reduc\w*|"
                           r"slash\w*|lower\w*)\b[^.;$€£]{0,40}\bby\s+$", re.IGNORECASE)  # fmt: skip
CHANGE_AFTER = re.compile(r"\s*(?:increase|rise|hike|boost|cut|reduction)\b", re.IGNORECASE)
# "$1.2bn (€1.1bn)", "Rs 5,000 crore (about $600 million)": the same amount again.
EQUIVALENT = re.compile(r"\s*(?:\(\s*(?:about|around|roughly|some|approximately|nearly|or|"
                        r"equivalent to|worth)?\s*$|,?\s*(?:or|about|roughly)\s+$)", re.IGNORECASE)  # fmt: skip
# Weapons imports and purchases are procurement or trade, not a budget's spending.
NOT_SPENDING = re.compile(r"\b(?:imported|bought|purchased|ordered|acquired|exports?|imports?)\b")
# Both are used with match() where an amount ends (no slice of the rest copied each time);
# what the money was spent on is a few words, not the rest of a long sentence.
ON_WHAT = re.compile(
    r"\s*(?:a year|per year|annually)?\s*(?:on|for|to)\s+(?P<what>[a-zA-Z][\w\s-]{0,80}?)"
    r"(?=\s+(?:in|during|between|since|from|over)\s|[,.;]|\s+thereby|$)"
)
PER_YEAR = re.compile(r"\s*(?:a year|per year|annually|a-year)\b")
CHANGE = re.compile(
    r"\b(?P<kind>(?:defen[cs]e |military |arms )?(?:spending|budget|expenditures?|imports|exports))\b[^.;]{0,60}?"
    r"\b(?P<dir>rose|increased|grew|jumped|climbed|fell|decreased|dropped|declined|shrank|"
    r"(?:were|was) (?:down|up))\s+by\s+"
)


# Cheap first look: most sentences name no spending at all.
# Literal words, tested with `in`: as an alternation they cost several times as much.
CUES = ("spend", "spent", "budget", "expenditure", "outlay", "allocat", "earmark", "invest",
        "paid", "pays", "set aside", "committed", "fund", "appropriat", "pegged", "request",
        "propos", "sought", "raise", "increas", "boost", "cut", "total", "amount", "reached",
        "stood at", "rose to", "import", "export", "bought", "purchas")  # fmt: skip


DIGIT = re.compile(r"\d")


def _recipient(ctx: SentenceContext) -> Ref | None:
    """A sentence that opens with the amount given ('$5bn has been allocated to the Navy'):
    the body it goes to is the one whose budget it is."""
    if ctx.subject is not None:
        return None
    money = next(iter(find_money(ctx.body[:80])), None)
    passive = SPENT_AFTER.match(ctx.body, money.end) if money and money.start <= 4 else None
    whom = FOR_WHOM.match(ctx.body, passive.end()) if passive else None
    if whom is None:
        return None
    found = ctx.first_entity(whom.end(), min(len(ctx.body), whom.end() + 60), *SPENDERS)
    if found is None or found.start != ctx.absolute(whom.end()):
        return None
    # "... has been requested for Israel by the White House": given, not its own budget
    return None if AGENT_AFTER.search(ctx.body, whom.end(), whom.end() + 80) else found


def find(ctx: SentenceContext) -> list:
    # Every amount and percentage has a digit: the cheapest test comes first.
    if not DIGIT.search(ctx.body) or not holds_any(ctx.body, CUES):
        return []
    subject = _recipient(ctx) or ctx.subject or _article_spender(ctx)
    if subject is None:
        return _changes(ctx)
    spender = _spender(ctx, subject)
    facts = []
    previous_end = -1
    counted_arms = None  # whether the sentence counts weapons: looked up once, if asked
    first_noun = None
    for money in find_money(ctx.body):
        if previous_end >= 0 and EQUIVALENT.fullmatch(ctx.body, previous_end, money.start):
            previous_end = money.end
            continue  # the amount just read, in another currency
        previous_end = money.end
        before = ctx.body[max(0, money.start - 60) : money.start]
        verb = list(SPEND_VERB.finditer(before))
        noun = list(BUDGET_NOUN.finditer(before))
        passive = SPENT_AFTER.match(ctx.body, money.end) or NOUN_AFTER.match(ctx.body, money.end)
        if not verb and not noun and not passive:
            continue
        if NOT_SPENDING.search(before) and not noun:
            if counted_arms is None:
                counted_arms = procurement.ITEM.search(ctx.body) is not None
            if counted_arms:
                continue  # a purchase of counted weapons: a procurement fact says it
        if first_noun is None:  # where the sentence first names a budget: looked up once
            found = BUDGET_NOUN.search(ctx.body)
            first_noun = found.start() if found else len(ctx.body)
        if (
            verb
            and not noun
            and WEAK_VERB.match(verb[-1].group(0))
            and (ctx.subject is None or first_noun >= money.start)
        ):
            continue  # "to boost trade volume to $100M", "bought by Paris": not a budget's
        if DEAL_AFTER.match(ctx.body, money.end) and not noun:
            continue  # "the $5.5 billion order": a deal's price, a procurement fact says it
        if BASELINE_AMOUNT.search(before):
            continue  # "compared with $50bn in 2021": the baseline, not a claim
        # "France spent €5bn and Germany spent €6bn": each amount is its own spender's
        own = ctx.entities_in(max(0, money.start - 60), money.start, *SPENDERS)
        payer = _spender(ctx, max(own, key=lambda ref: ref.start)) if own else spender
        if (not own and noun and ctx.type_of(subject.key) is not EntityType.organization
                and ITS.search(before, max(0, noun[-1].start() - 30), noun[-1].start())
                and ctx.state.last_organization_subject in ctx.table.records):  # fmt: skip
            payer = Ref(ctx.state.last_organization_subject)  # "the chairman said its budget"
        draft = FactDraft(FactType.spending, payer, "spent_on", value=money.value,
                          unit=money.unit, value_qualifier=money.qualifier, attributed=True,
                          confidence=0.8)  # fmt: skip
        # "adopted a defence budget of $5bn": the noun nearest the amount says what it is.
        budget = bool(noun) and (not verb or noun[-1].start() > verb[-1].start())
        offset = max(0, money.start - 60)
        if verb or noun:
            trigger_start = offset + (verb or noun)[-1].start()
            draft.anchor(ctx.absolute(trigger_start), ctx.absolute(money.end))
        else:  # "$5bn will be spent on ..."
            trigger_start = money.start
            draft.anchor(ctx.absolute(money.start), ctx.absolute(passive.end()))
        if passive is not None and passive.re is NOUN_AFTER and not (verb or noun):
            draft.metric, draft.predicate = passive.group("what"), "budget"
            if passive.group("plan"):
                draft.modality = "planned"  # "a 413-billion-euro procurement plan"
        elif budget:
            kind = noun[-1].group("kind")
            draft.metric = f"{kind} budget" if kind else "budget"
            draft.predicate = "budget"
        elif on := ON_WHAT.match(ctx.body, money.end):
            draft.metric = on.group("what").strip()
        change = CHANGE_BEFORE.search(before)
        if change or CHANGE_AFTER.match(ctx.body, money.end):
            word = (change.group("dir") if change else ctx.body[money.end : money.end + 12]).lower()
            down = word.startswith(("cut", "reduc", "slash", "lower"))
            draft.predicate = "decreased_by" if down else "increased_by"
        if PER_YEAR.match(ctx.body, money.end):
            draft.metric = f"{draft.metric or 'spending'} per year"
        end = passive.end() if passive and not (verb or noun) else money.start
        draft.modality = draft.modality or lexicon.modality_of(ctx.body, trigger_start, end)
        draft.period = _claim_period(ctx, trigger_start, money.end)
        _presented(ctx, draft, verb[-1].group(0) if verb else "")
        facts.append(build_fact(ctx, draft, statement(say.named(ctx, draft), draft)))
    facts.extend(_gdp_shares(ctx, spender))
    facts.extend(_changes(ctx))
    facts.extend(percent_changes(ctx, spender, [f for f in facts if f is not None]))
    for fact in facts:
        if fact is not None and fact.unit != "percent":
            ctx.state.last_spender = fact.subject
    return facts


def _article_spender(ctx: SentenceContext) -> Ref | None:
    """'The allocation was Tk 5bn', 'He unveiled a budget of ...': no one named in the
    sentence, the article's country speaks."""
    if ctx.state.last_spender in ctx.table.records:
        return Ref(ctx.state.last_spender)  # the same budget's next line
    country = _country(ctx)
    return Ref(country) if country is not None else None


def _country(ctx: SentenceContext) -> str | None:
    """The country named last, else the article's main one (the table keeps its name)."""
    if ctx.state.last_country in ctx.table.records:
        return ctx.state.last_country
    main = ctx.table.main_country
    return ctx.table.resolve(main) if main else None


# Allocating money in a budget presented for a fiscal year not yet over is a proposal: the
# parliament has still to pass it ("allocated Rs 3.37 lakh crore for the next financial
# year", "unveiled a Tk 5.23 trillion budget for fiscal 2019-20").
ALLOCATING = ("allocat", "earmark", "set aside", "sets aside", "pegged", "unveil", "provid")


def _presented(ctx: SentenceContext, draft: FactDraft, verb: str) -> None:
    """A budget's line for a fiscal year to come, or read after one, is proposed (`verb`
    is empty where a budget noun, not a verb, introduced the amount)."""
    if draft.modality != "asserted" or (verb and not verb.lower().startswith(ALLOCATING)):
        return
    period, year = draft.period, ctx.state.published_year
    if year is None:
        return
    if period is not None and period.end_year == period.start_year + 1:
        if period.start_year >= year:
            ctx.state.budget_presented = True
            draft.modality = "proposed"
    elif ctx.state.budget_presented and (period is None or period.start_year >= year):
        draft.modality = "proposed"  # the same budget's other lines


PERCENT_ANYWHERE = Gated(
    "%|cent",
    re.compile(
        r"(?:(?:about|around|over|more than|nearly|almost|at least|some|roughly)\s+)?"
        r"\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b|percent\b)",
        re.IGNORECASE,
    ),
)
BASELINE_AMOUNT = re.compile(r"(?:compared (?:with|to)|than|versus|up from|down from|from)\s+$")
# "186 billion zlotys ($48.5 billion) will be spent next year": the verb after the amount.
SPENT_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:will|would|is|are|was|were|has|have|had|"
                         r"to)\s+(?:been\s+|be\s+)+(?:\w+ly\s+)?(?:spent|allocated|earmarked|set aside|invested|"
                         r"budgeted|provided|devoted|proposed|approved)\b")  # fmt: skip
# "Tk 4,200 crore has been proposed for the Defence Ministry": whose money it is.
FOR_WHOM = re.compile(r"\s+(?:for|to)\s+(?:the\s+)?")
AGENT_AFTER = re.compile(r"\bby\s+(?:the\s+)?[A-Z]")


# "a 413-billion-euro military procurement plan", "its $5bn defence budget": the noun after.
NOUN_AFTER = re.compile(r"\s+(?P<what>(?:(?:defen[cs]e|military|procurement|spending|investment|"
                        r"capital|state)\s+){0,3}(?:budget|(?P<plan>plan|programme|program)))\b")  # fmt: skip
SPENDERS = (EntityType.country, EntityType.organization)
DEAL_AFTER = re.compile(r"\)?\s*(?:\([^()]{0,40}\)\s*)?(?:(?!(?:for|on|to|of|in|the)\b)[\w-]+\s+){0,2}?"
                        r"(?:order|deal|contract|"
                        r"purchase|sale)s?\b")  # fmt: skip
ITS = re.compile(r"\bits\s+(?:[\w-]+\s+){0,2}$")
# Verbs that say money moved or changed, not that a budget gave it: a budget noun must be in
# the sentence before the amount for them to be spending.
WEAK_VERB = re.compile(
    r"rais|increas|boost|cut|slash|reduc|"
    r"reached|hit|totall?|amount|stood|rose|climbed|grew|provid"
)
GOVERNMENT = re.compile(r"\b(?:[Gg]overnment|[Gg]ovt)\b")


def _spender(ctx: SentenceContext, subject: Ref) -> Ref:
    """People and posts do not spend a budget: a minister's or leader's figures are the
    country's, and a spokesman's those of the body his post names."""
    kind = ctx.type_of(subject.key)
    if kind not in (EntityType.person, EntityType.position):
        return subject
    if subject.start is not None:
        inside = [m for m in ctx.mentions_within(subject.start, subject.end)
                  if m.key in ctx.table.records and ctx.type_of(m.key) in SPENDERS]  # fmt: skip
        if inside:  # "the Spokesperson of the Armed Forces of the Philippines said ..."
            first = min(inside, key=lambda m: m.start)
            return Ref(first.key, first.start, first.end)
    body = ctx.state.last_organization_subject
    if body in ctx.table.records and GOVERNMENT.search(ctx.name_of(body)):
        return Ref(body)  # "Sitharaman earmarked ...": the government she presented it for
    country = _country(ctx)
    return Ref(country) if country is not None else subject


# "defence spending accounts for over 4% of its GDP", "will reach 4.7% of GDP": a share.
GDP_SHARE = re.compile(r"\s*of\s+(?:its\s+|the\s+country['’]s\s+|[A-Z][\w-]*['’]s\s+)?"
                       r"(?:GDP|gross domestic product)\b", re.IGNORECASE)  # fmt: skip
SPENDING_NOUN = re.compile(
    r"\b(?:spending|budget|expenditures?|outlays?|allocation)\b", re.IGNORECASE
)


def _gdp_shares(ctx: SentenceContext, spender: Ref) -> list:
    """A budget or spending stated as a share of GDP, read where 'of GDP' follows a percent."""
    facts = []
    for found in PERCENT_ANYWHERE.finditer(ctx.body):
        share = GDP_SHARE.match(ctx.body, found.end())
        noun = SPENDING_NOUN.search(ctx.body, max(0, found.start() - 80), found.start())
        percent = find_percent(found.group(0))
        if share is None or noun is None or percent is None:
            continue
        owner = ctx.first_entity(share.start(), share.end(), EntityType.country)
        draft = FactDraft(FactType.spending, owner or spender, "share_of_gdp", value=percent.value,
                          unit="percent", value_qualifier=percent.qualifier,
                          metric="share of GDP", attributed=True)  # fmt: skip
        draft.anchor(ctx.absolute(noun.start()), ctx.absolute(share.end()))
        draft.modality = lexicon.modality_of(ctx.body, noun.start(), found.start())
        draft.period = period_near(ctx, noun.start(), share.end())
        _presented(ctx, draft, "")
        verb = say.tense(draft.modality, "was", "is to be", "was proposed at")
        statement = (f"{ctx.name_of(draft.subject.key)}'s {noun.group(0).lower()} {verb} "
                     f"{say.quantity(percent.value, percent.qualifier)} percent of GDP"
                     f"{say.period(draft.period)}.")  # fmt: skip
        facts.append(build_fact(ctx, draft, statement))
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
                                                          "climbed", "was up", "were up") else "decreased"  # fmt: skip
        noun = match.group("kind").split()[-1]
        measure = noun if noun in ("imports", "exports") else "spending"
        owner = _owner_of(ctx, match)  # "exports by Russia", "German arms exports"
        draft = FactDraft(FactType.spending, owner or subject, f"{measure}_{direction}_by",
                          modality=_change_modality(ctx, match),
                          value=percent.value, unit="percent", value_qualifier=percent.qualifier,
                          metric=match.group("kind"), attributed=True, confidence=0.8)  # fmt: skip
        draft.anchor(ctx.absolute(match.start()), ctx.absolute(match.end() + percent.end))
        draft.period = _compared_period(ctx) or period_for(ctx)
        statement = (f"{ctx.name_of(draft.subject.key)}'s {draft.metric} {direction} by "
                     f"{say.quantity(percent.value, percent.qualifier)} percent"
                     f"{say.period(draft.period)}.")  # fmt: skip
        facts.append(build_fact(ctx, draft, statement))
    return facts


OWNER_AFTER = re.compile(r"\s+(?:by|of)\s+(?:the\s+)?")  # ("imports from X": X supplies)
OWNER_BEFORE = re.compile(r"(?:['’]s)?\s+$")


def _owner_of(ctx: SentenceContext, match: re.Match) -> Ref | None:
    """Whose spending, imports or exports changed, named with the noun: 'exports by Russia',
    'Germany's arms exports', 'German arms exports'."""
    after = OWNER_AFTER.match(ctx.body, match.end("kind"))
    if after is not None:
        found = ctx.first_entity(after.end(), min(len(ctx.body), after.end() + 60), *SPENDERS)
        if found is not None and found.start == ctx.absolute(after.end()):
            return found
    before = ctx.entities_in(max(0, match.start("kind") - 60), match.start("kind"), *SPENDERS)
    if before and OWNER_BEFORE.fullmatch(
        ctx.text, before[-1].end, ctx.absolute(match.start("kind"))
    ):
        return before[-1]
    return None


# "... increased by 3.6% in the draft": a change a proposal makes.
DRAFTED = re.compile(r"\bin the (?:draft|project|proposal|bill)\b", re.IGNORECASE)
# "when comparing 2013-2017 and 2018-2022", "between the two time periods": the later one.
COMPARING = re.compile(r"\b(?:compar\w*|between)\b", re.IGNORECASE)
TWO_PERIODS = re.compile(r"\bthe two (?:time )?periods\b", re.IGNORECASE)


def _change_modality(ctx: SentenceContext, match: re.Match) -> str:
    if DRAFTED.search(ctx.body, match.start(), match.end()):
        return "proposed"
    return lexicon.modality_of(ctx.body, match.start(), match.start()).value


def _compared_period(ctx: SentenceContext) -> Period | None:
    if not COMPARING.search(ctx.body):
        return None
    periods = ctx.periods()
    if len(periods) >= 2:
        return periods[-1]
    found = TWO_PERIODS.search(ctx.body)
    earlier = ctx.state.last_range
    if found and not periods and earlier is not None:
        return Period(earlier.start_year, earlier.end_year, ctx.absolute(found.start()),
                      ctx.absolute(found.end()))  # fmt: skip
    return None


# Dates of the news rather than of a budget ("on Saturday", "today"): a fiscal year or a
# year written near the amount is the claim's period before them.
NEWS_DATE = re.compile(r"(?:on|last|this|next|from|by|until)?\s*(?:Monday|Tuesday|Wednesday|"
                       r"Thursday|Friday|Saturday|Sunday)|(?:yesterday|today|this week|last week)",
                       re.IGNORECASE)  # fmt: skip


def _claim_period(ctx: SentenceContext, start: int, end: int) -> Period | None:
    period = period_near(ctx, start, end)
    if period is None or not NEWS_DATE.match(ctx.text, period.start, period.end):
        return period
    others = [p for p in ctx.periods(max(0, start - 60), end + 60)
              if not NEWS_DATE.match(ctx.text, p.start, p.end)]  # fmt: skip
    return others[0] if others else period


def statement(named: say.Named, draft) -> str:
    """Spending said from its fields (extraction, and again after a correction)."""
    subject = named.subject
    amount = say.money(draft.value, draft.unit)
    qualifier = say.QUALIFIER_WORDS.get(draft.value_qualifier or "", "")
    amount = f"{qualifier} {amount}".strip()
    when = say.period(draft.period)
    if draft.predicate in ("increased_by", "decreased_by"):
        change = "raise" if draft.predicate == "increased_by" else "cut"
        done = "raised spending by" if change == "raise" else "cut spending by"
        said = say.tense(draft.modality, done, f"plans to {change} spending by",
                         f"proposed to {change} spending by")  # fmt: skip
        what = f" on {draft.metric}" if draft.metric else ""
        return f"{subject} {said} {amount}{what}{when}."
    if draft.predicate == "budget":
        verb = say.tense(draft.modality, "was", "is to be", "was proposed at")
        return f"{subject}'s {draft.metric} {verb} {amount}{when}."
    verb = say.tense(draft.modality, "spent", "plans to spend", "proposed spending")
    what = f" on {draft.metric}" if draft.metric else ""
    return f"{subject} {verb} {amount}{what}{when}."
