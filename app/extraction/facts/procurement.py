"""Procurement: who buys what, how many, from whom, for how much ('India signed a Rs 62,370
crore contract with HAL for 97 Tejas jets', 'Poland ordered 96 Apache helicopters from the
US', 'Manila will buy 12 more FA-50 fighters for $700 million', 'Japan signed a contract to
buy Tomahawk cruise missiles'). Contracts by value are in `contracts`, shares of a
country's arms imports in `arms_flows`.
"""

import re
from dataclasses import replace

from app.enums import FactType
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.facts import arms_flows, contracts
from app.extraction.facts import deal_parties as parties
from app.extraction.facts import deal_terms as terms
from app.extraction.facts.deal_items import (
    CONTRACTS,
    COUNTLESS,
    ELLIPSIS,
    ITEM,
    ITEM_AFTER_TRIGGER,
    WEAPONS_AFTER,
    generic,
    nearest_item,
)
from app.extraction.quantities import parse_number

TRIGGER = lexicon.word_pattern(lexicon.PROCURE_VERBS + lexicon.PROCURE_NOUNS
                               + lexicon.TRADE_NOUNS)  # fmt: skip
# Flows and agreements count only weapons: "an agreement on 5 projects" is no purchase.
WEAK = {"agreement", *lexicon.TRADE_NOUNS}
# "a contract to design a new radar" buys work, not the radar (read by `contracts`).
STUDY = re.compile(rf"\b(?:{lexicon.alternation(lexicon.CONTRACT_STUDY)})\s+$", re.IGNORECASE)
CLAUSE_START = lexicon.CLAUSE_START
CLAUSE_END = re.compile(r";|,\s+(?:and|but|while|which|who)\b|\.\s")
COUNTLESS_VERBS = re.compile(r"^(?:buy|buys|bought|buying|purchased?|purchases|purchasing|"
                             r"procured?|procures|acquired?|acquires|acquiring|ordered|"
                             r"received|imports)$", re.IGNORECASE)  # fmt: skip
# "a contract with Lockheed Martin to produce guided missiles": what the contract buys.
WORK_AFTER = re.compile(rf"\bto\s+(?:{lexicon.alternation(lexicon.CONTRACT_WORK)})\b",
                        re.IGNORECASE)  # fmt: skip
WORK_REACH = 90
WON = re.compile(rf"\b(?:{lexicon.alternation(lexicon.WIN_VERBS)})\b[^,;.]*$", re.IGNORECASE)
# "Turkey will supply drones to Pakistan": the seller acts, the buyer comes after "to".
SUPPLY = re.compile(r"^(?:to supply|will supply|supplied|supplies|delivered|delivers|deliver|"
                    r"approved the sale|sale|transfers?|exports|deliver(?:y|ies))$",
                    re.IGNORECASE)  # fmt: skip
FLOW_TO = re.compile(r"\b(?:transfers?|exports?|deliveries|supplies|sales)\s+to\s+(?:the\s+)?$",
                     re.IGNORECASE)  # fmt: skip
TO_BUYER = re.compile(r"\bto\s+(?:the\s+)?", re.IGNORECASE)
APPROVAL = re.compile(r"\b(?:approved|cleared|green-?lit|authori[sz]ed)\b", re.IGNORECASE)
# "Its imports included ...": the country the article was speaking of.
ITS = re.compile(r"\b(?:its|their)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "bidding for the procurement of two helicopters was set to begin": a plan said after it.
PLANNED_AFTER = re.compile(r"[^,;.]{0,30}?\b(?:(?:is|are|was|were)\s+(?:also\s+)?(?:set|expected|"
                           r"due|scheduled|slated|to\s+be)|will)\b", re.IGNORECASE)  # fmt: skip
# "36 combat aircraft from France, 36 from the USA and 8 from the UK": the list goes on.
AND_SELLER = re.compile(r"\.?,?\s+(?:and|or)\s+(?:from\s+)?(?:the\s+)?", re.IGNORECASE)
LIST_NEXT = re.compile(r",?\s+(?:and|as\s+well\s+as|plus)\s+|,\s+", re.IGNORECASE)
BY_BUYER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:ordered|bought|purchased|procured|acquired|"
                      r"commissioned)\s+by\s+(?:the\s+)?", re.IGNORECASE)  # fmt: skip
MAX_QUANTITY = 100_000  # more "units" than this is a budget line, not a count of weapons
MAX_LIST = 8
TRIGGER_REACH = 80
# Case-sensitive, capitals spelt out (a title says "Signs Contract"): a case-blind
# alternation costs a pass as slow as a rule.
CUES = lexicon.cue_gate("buy", "bought", "purchas", "procur", "order", "acqui", "deliver",
                           "contract", "deal", "suppl", "receiv", "inked", "sealed", "award",
                           "sale", "agreement", "import", "transfer", "export")  # fmt: skip


def find(ctx: SentenceContext) -> list:
    flows = arms_flows.find(ctx)
    if not CUES.search(ctx.body):
        return flows
    triggers = list(TRIGGER.finditer(ctx.body))
    if not triggers:
        return flows
    found = _counted(ctx, triggers) or _countless(ctx, triggers) or contracts.find(ctx)
    for fact in found:
        if fact is not None:
            # "X won a contract" next: X's buyer (where this sentence ends bounds how far)
            ctx.state.notes["buyer"] = (fact.subject, ctx.sentence.end)
    return found + flows


def _counted(ctx: SentenceContext, triggers: list[re.Match]) -> list:
    item = nearest_item(ctx.body, triggers[0]) or _item_after(ctx.body, triggers)
    if (
        item is None
        or CONTRACTS.search(item.group("item"))
        or STUDY.search(ctx.body, max(0, item.start() - 20), item.start())
    ):
        return []  # no weapons counted: a budget line, contracts counted, a design ordered
    if _trigger_for(triggers, item.start()).group(0).lower() in WEAK and generic(item):
        return []  # "an agreement for 2,044 units": of what, the sentence does not say
    facts, draft = [], None
    while item is not None and len(facts) < MAX_LIST:
        count = item.group("count").lower()
        quantity = 1 if count in ("a", "an") else parse_number(count.replace(".", ","))
        if quantity is None or not 1 <= quantity <= MAX_QUANTITY:
            break
        text = " ".join((item.groupdict().get("item") or draft.item).split())
        draft = _deal(ctx, _trigger_for(triggers, item.start()), item, text, draft, triggers[0])
        if draft is None:
            break
        draft.quantity = int(quantity)
        facts.append(build_fact(ctx, draft, statement(say.named(ctx, draft), draft)))
        item = _next_item(ctx, draft)
    return facts


def _countless(ctx: SentenceContext, triggers: list[re.Match]) -> list:
    for trigger in triggers:
        at = trigger.end()
        if trigger.group(0).lower() in ("contract", "contracts", "deal", "agreement"):
            work = WORK_AFTER.search(ctx.body, at, at + WORK_REACH)
            won = WON.search(ctx.body, max(0, trigger.start() - 30), trigger.start())
            at = work.end() if work and not won else -1  # a contract won: `contracts`
        elif not COUNTLESS_VERBS.match(trigger.group(0)):
            at = -1
        item = COUNTLESS.match(ctx.body, at) if at >= 0 else None
        if item is None:
            continue
        if generic(item):
            continue
        draft = _deal(ctx, trigger, item, " ".join(item.group("item").split()), None, triggers[0])
        return _each_seller(ctx, draft) if draft else []
    return []


def _each_seller(ctx: SentenceContext, draft: FactDraft) -> list:
    """'purchases of military equipment from the US and South Korea': each one sells."""
    facts = [build_fact(ctx, draft, statement(say.named(ctx, draft), draft))]
    while draft.object is not None and draft.object.end is not None and len(facts) < MAX_LIST:
        glue = AND_SELLER.match(ctx.text, draft.object.end)
        other = parties.named_at(ctx, glue.end() - ctx.sentence.start) if glue else None
        if other is None or other.key in (draft.subject.key, draft.object.key):
            break
        anchors = [*draft.anchors[:2], (other.start, other.end)]
        draft = replace(draft, object=other, anchors=anchors)
        facts.append(build_fact(ctx, draft, statement(say.named(ctx, draft), draft)))
    return facts


def _trigger_for(triggers: list[re.Match], start: int) -> re.Match:
    """The deal's word nearest before the item ('Under the deal, Japan will pay ... to
    purchase 400 Tomahawks': 'purchase', whose clause says 'will'), else the first."""
    before = [t for t in triggers if t.end() <= start]
    return before[-1] if before else triggers[0]


def _deal(ctx: SentenceContext, trigger: re.Match, item: re.Match, text: str,
          previous: FactDraft | None, first: re.Match) -> FactDraft | None:  # fmt: skip
    """The draft of one deal: buyer, seller, price, modality, period around its words; a
    list's later items keep the first one's buyer and modality."""
    if previous is None:
        buyer = _buyer(ctx, trigger, first)
        if buyer is None:
            return None
    else:
        buyer = previous.subject
    draft = FactDraft(FactType.procurement, buyer, _predicate(trigger.group(0)), item=text,
                      attributed=True, confidence=0.75)  # fmt: skip
    draft.anchor(ctx.absolute(trigger.start()), ctx.absolute(trigger.end()))
    draft.anchor(ctx.absolute(item.start()), ctx.absolute(item.end()))
    low, high = min(trigger.start(), item.start()), max(trigger.end(), item.end())
    # "signed a contract with the US on Thursday to buy": the deal's first words, if in
    # the clause, start the search for its seller
    opening = first.start() if not CLAUSE_START.search(ctx.body, first.end(), low) else low
    draft.object = parties.seller(ctx, min(low, opening) if previous is None else item.end(),
                                  buyer, high + parties.CUE_REACH)  # fmt: skip
    by = BY_BUYER.match(ctx.body, item.end()) if item.end() < len(ctx.body) else None
    if by:  # "vessels ordered by the Navy": right after the item, and nothing said of a seller
        receiver = ctx.first_entity(by.end(), min(len(ctx.body), by.end() + 60), *parties.BUYERS)
        if receiver is not None and receiver.key != buyer.key:
            draft.subject, draft.object = receiver, None
    elif draft.object is None:
        start = min(first.start(), trigger.start()) if previous is None else item.start()
        draft.object = parties.maker(ctx, start, item.end(), buyer)
        if (
            draft.object is None
            and previous is None
            and SIGNED.search(ctx.body, max(0, first.start() - 40), first.end())
        ):  # "The Army and Iveco signed an agreement for 2,044 vehicles": the firm sells
            draft.object = parties.pair_second(ctx, buyer)
    if draft.object is not None and previous is None:
        pair = parties.pair_first(ctx, buyer) if trigger.group(0).lower().startswith(
            ("signed", "inked", "sealed")) else None  # fmt: skip
        if pair is not None:  # "The Army and Iveco signed ...": the buyer named first
            draft.subject, draft.object = pair, buyer
    flow = FLOW_TO.search(ctx.text, max(0, draft.subject.start - 30), draft.subject.start) if (
        draft.subject.start is not None and draft.object is None) else None  # fmt: skip
    if flow is not None:  # "The US arms transfers to Saudi Arabia": the US sells
        local = flow.start() - ctx.sentence.start
        sellers = ctx.entities_in(max(0, local - 30), local, *parties.BUYERS)
        if sellers:
            draft.object = max(sellers, key=lambda ref: ref.start)
    supply = next((t for t in (first, trigger) if SUPPLY.match(" ".join(t.group(0).split()))),
                  None)  # fmt: skip
    if supply is not None and previous is None:
        receiver = parties.after_cue(ctx, TO_BUYER, supply.end(), buyer,
                                     min(len(ctx.body), item.end() + 60))  # fmt: skip
        if receiver is not None:
            draft.subject, draft.object = receiver, buyer
    if previous is not None:
        draft.modality, draft.period = previous.modality, previous.period
        return draft
    terms.price(ctx, draft, low, high)
    draft.modality = lexicon.modality_of(ctx.body, trigger.start(), trigger.end())
    if draft.modality == "asserted" and APPROVAL.search(ctx.body, 0, item.start()):
        draft.modality = "planned"  # approved, not yet bought
    if (
        draft.modality == "asserted"
        and PLANNED_AFTER.match(ctx.body, item.end())
        and (trigger.group(0).lower() in lexicon.PROCURE_NOUNS)
    ):
        draft.modality = "planned"
    draft.period = terms.dated(ctx, period_near(ctx, low, high), low, high)
    return draft


def _next_item(ctx: SentenceContext, draft: FactDraft) -> re.Match | None:
    """The list's next item after the one just drafted (and its 'from X'), if it goes on."""
    end = max(end for _, end in draft.anchors[1:2]) - ctx.sentence.start
    if draft.object is not None and draft.object.end is not None:
        end = max(end, draft.object.end - ctx.sentence.start)
    glue = LIST_NEXT.match(ctx.body, end)
    if glue is None:
        return None
    return ELLIPSIS.match(ctx.body, glue.end()) or ITEM.match(ctx.body, glue.end())


def _item_after(body: str, triggers: list[re.Match]) -> re.Match | None:
    for found in triggers:
        if found.group(0).lower() in WEAK:
            continue
        stop = found.end() + TRIGGER_REACH
        clause = CLAUSE_END.search(body, found.end(), stop)
        item = ITEM_AFTER_TRIGGER.search(body, found.end(), clause.start() if clause else stop)
        if item is not None:
            return item
    return None


SIGNED = re.compile(r"\b(?:signed|inked|sealed)\b", re.IGNORECASE)


def _buyer(ctx: SentenceContext, trigger: re.Match, first: re.Match) -> Ref | None:
    """The buyer before the deal's first words ('Morocco took delivery of Turkish drones,
    the purchase of 13 drones'), else before its words nearest the item; 'its imports'
    are the last subject's. A demonym of the weapons ('Turkish drones') buys nothing."""

    def of_weapons(ref: Ref) -> bool:
        return (ref.end is not None and WEAPONS_AFTER.match(ctx.text, ref.end) is not None
                and any(m.role == "demonym" for m in ctx.mentions_at(ref.start)))  # fmt: skip

    if ITS.search(ctx.body, max(0, trigger.start() - 20), trigger.start()):
        before = parties.named_before(ctx, trigger.start(), of_weapons)
        last = ctx.state.last_subject
        if not before and last and ctx.type_of(last) in parties.BUYERS:
            return Ref(last)
    if first.start() < trigger.start() and parties.named_before(ctx, first.start(), of_weapons):
        trigger = first
    return parties.buyer(ctx, trigger.start(), of_weapons)


def _predicate(trigger: str) -> str:
    word = trigger.lower().split()[0]
    if word in ("signed", "inked", "sealed", "awarded", "deal", "contract", "agreement"):
        return "contracted"
    if word.startswith(("deliver", "receiv", "took", "take", "taken", "suppl", "transfer")):
        return "received"
    if word.startswith(("import", "export")):
        return "imported_from"
    return "ordered"


def statement(named: say.Named, draft) -> str:
    """A purchase said from its fields (extraction, and again after a correction)."""
    buyer = named.subject
    done = "received" if draft.predicate == "received" else "ordered"
    verb = say.tense(draft.modality, done, "plans to buy", "proposed buying")
    count = f"{draft.quantity} " if draft.quantity is not None else ""
    seller = f" from {named.object}" if named.object else ""
    price = f" for {say.money(draft.value, draft.unit)}" if draft.value is not None else ""
    return f"{buyer} {verb} {count}{draft.item}{seller}{price}{say.period(draft.period)}."
