"""The words the fact rules share, declared once: the verbs and nouns that signal each kind
of claim, and the cues of modality. Add "earmark" or "war games" here and every rule that
reads spending or exercises knows it.

Each list is turned into one compiled alternation (`alternation`), longest first, so that
"set aside" wins over "set".
"""

import re
from collections.abc import Iterable

from app.enums import Modality
from app.extraction.gates import Gated

# Money put to a purpose, as done or decided.
SPEND_VERBS = (
    "spent", "spends", "spend", "spending", "allocated", "allocates", "allocate", "allocating",
    "earmarked", "earmarks", "earmark", "budgeted", "invested", "invests", "invest", "paid",
    "pays", "set aside", "sets aside", "committed", "commits", "pegged at", "approved",
    "approves", "approve", "requested", "requests", "request", "proposed", "proposes",
    "propose", "sought", "seeks", "seek", "asked for", "plans to spend", "will spend",
    "will allocate", "will be allocated", "has been allocated", "was allocated", "provides",
    "provided", "provide", "raised", "raise", "raises", "raising", "increased", "increase",
    "increases", "boosted", "boost", "boosts", "cut", "cuts", "slashed", "reduced", "totalled",
    "totaled", "totalling", "totaling", "amounted to", "amounting to", "reached", "stood at",
    "rose to", "climbed to", "grew to", "hit", "unveiled", "submitted", "passed", "adopted",
    "imported", "bought", "purchased",
)  # fmt: skip
BUDGET_NOUNS = (
    "budget", "budgets", "spending", "expenditure", "expenditures", "outlay", "outlays",
    "allocation", "allocations", "funding", "appropriation", "appropriations",
    "spending plan", "defence bill", "defense bill", "capital outlay", "investment",
    "investments",
)  # fmt: skip
# Buying arms: the deal and its verbs.
PROCURE_VERBS = (
    "bought", "buy", "buys", "buying", "purchased", "purchase", "purchases", "purchasing",
    "procured", "procure", "procures", "procuring", "ordered", "order", "orders", "ordering",
    "acquired", "acquire", "acquires", "acquiring", "received", "receives", "took delivery of",
    "take delivery of", "taken delivery of", "signed a contract", "signed contracts",
    "signed a deal", "inked a deal", "inked", "sealed a deal", "sealed", "awarded",
    "signed an agreement to buy", "signed a contract for", "to supply", "will supply",
    "supplied", "supplies", "delivered", "delivers", "deliver", "approved the sale",
    "approved the purchase", "approved the acquisition", "cleared the purchase",
)  # fmt: skip
PROCURE_NOUNS = ("deal", "contract", "order", "purchase", "acquisition", "procurement", "sale",
                 "agreement", "contracts", "deals")  # fmt: skip
# What a procurement buys: a count followed by one of these ends the item's phrase.
ARMS_NOUNS = (
    "aircraft", "jets", "jet", "fighters", "fighter jets", "fighter aircraft", "helicopters",
    "drones", "tanks", "missiles", "missile systems", "systems", "ships", "warships",
    "frigates", "corvettes", "submarines", "vessels", "boats", "howitzers", "guns", "rifles",
    "launchers", "rockets", "radars", "engines", "vehicles", "armoured vehicles",
    "armored vehicles", "planes", "trainers", "transport aircraft", "interceptors", "units",
    "batteries", "shells", "rounds", "munitions", "torpedoes", "patrol vessels",
    "destroyers", "bombs", "carriers", "tankers", "military equipment", "defence equipment",
    "defense equipment", "weapons systems", "weapon systems",
)  # fmt: skip
# One of them ("an additional frigate"): an item's head only after "a", "an" or "one".
SINGULAR_ARMS_NOUNS = ("frigate", "corvette", "submarine", "ship", "warship", "vessel",
                       "destroyer", "helicopter", "tank", "missile", "drone", "howitzer",
                       "fighter jet", "fighter", "radar", "interceptor", "carrier")  # fmt: skip
# Heads too general to be weapons unless a word before says so ("air defence systems").
GENERIC_ARMS_NOUNS = ("systems", "units", "vehicles", "engines", "boats", "rounds", "shells",
                      "batteries", "planes", "aircraft", "carriers", "tankers", "vessels",
                      "ships", "ship", "vessel", "radars", "radar")  # fmt: skip
MILITARY_WORDS = ("military", "combat", "missile", "missiles", "defence", "defense", "air",
                  "armoured", "armored", "fighter", "attack", "naval", "strike", "rocket",
                  "artillery", "weapon", "weapons", "guided", "war", "patrol", "anti-aircraft",
                  "anti-ship", "anti-tank", "transport", "surveillance", "landing", "amphibious",
                  "replenishment", "tactical", "ballistic", "cruise", "radar")  # fmt: skip
# Flows of arms between countries: their words, which count only weapons ("imports of 36
# combat aircraft"), never a bare number.
TRADE_NOUNS = ("imports", "transfers", "transfer", "delivery", "deliveries", "exports")
# A contract's own verbs: given out by the buyer, won by the seller.
AWARD_VERBS = ("awarded", "awards", "award", "gave out", "gives out", "give out", "signed",
               "signs", "sign", "sealed", "seals", "inked", "inks", "placed", "issued",
               "granted")  # fmt: skip
WIN_VERBS = ("won", "wins", "win", "secured", "secures", "landed", "clinched", "bagged",
             "was awarded", "were awarded", "has been awarded", "have been awarded", "gets",
             "got", "received", "receives")  # fmt: skip
# What a contract buys: "a contract ... to produce guided missiles" (a contract to design
# or develop one buys work, read by its value).
CONTRACT_WORK = ("produce", "manufacture", "build", "supply", "deliver", "buy", "purchase",
                 "acquire", "construct")  # fmt: skip
CONTRACT_STUDY = ("design", "develop")
EXERCISE_NOUNS = ("exercise", "exercises", "drill", "drills", "war games", "wargames",
                  "manoeuvres", "maneuvers", "war game")  # fmt: skip
EXERCISE_VERBS = ("held", "hold", "holds", "holding", "conducted", "conduct", "conducts",
                  "conducting", "launched", "launch", "launches", "began", "begin", "begins",
                  "begun", "starts", "start",
                  "kicked off", "started", "staged", "stage", "stages", "took part",
                  "take part", "takes part", "taking part", "participate", "participated",
                  "participating", "joined", "will hold", "will conduct", "involving",
                  "involved", "concluded", "wrapped up", "ended")  # fmt: skip
TROOP_NOUNS = ("troops", "soldiers", "personnel", "servicemen", "service members",
               "servicemembers", "military personnel", "sailors", "marines", "participants")  # fmt: skip
APPOINT_VERBS = ("appointed", "appoints", "appoint", "named", "names", "name", "nominated",
                 "nominates", "nominate", "sworn in", "promoted", "elevated", "picked",
                 "tapped", "chose", "chosen", "selected", "installed", "designated",
                 "confirmed", "takes over", "took over", "assumed", "assumes", "become",
                 "becomes", "became", "take over", "will take over", "inaugurated")  # fmt: skip
SUCCESSION_CUES = ("replacing", "replaces", "replaced", "succeeding", "succeeds", "succeeded",
                   "taking over from", "who replaces", "in place of", "will replace",
                   "would replace", "to replace", "take over from", "takes over from",
                   "took over from", "will succeed", "to succeed")  # fmt: skip
# The head words of a post written in lower case ("its interim group chief executive", "the
# new commander-in-chief of the Guards"): an appointment's object even when no entity
# pass named it.
POST_HEADS = ("chief executive officer", "chief executive", "chief operating officer",
              "chief financial officer", "commander-in-chief", "managing director", "chairman",
              "chairwoman", "chairperson", "chief commander", "commander", "director",
              "governor", "chief of staff", "head")  # fmt: skip
# Words before the one who left a post, in the sentence after an appointment.
PREDECESSOR_CUES = ("outgoing", "predecessor", "departing", "retiring")

# Events: happenings a reader can date, done by a named actor. Sayings ("said",
# "warned", "stressed") and opinions are not events, nor is any verb outside this list.
EVENT_VERBS = (
    "attacked", "attack", "attacks", "struck", "strike", "strikes", "bombed", "shelled",
    "killed", "kill", "kills", "neutralised", "neutralized", "captured", "seized", "arrested",
    "rescued", "destroyed", "shot down", "intercepted", "fired", "launched", "launch",
    "launches", "tested", "test-fired", "test fired", "deployed", "deploys", "deploy",
    "withdrew", "withdraws", "invaded", "visited", "visits", "visit", "met", "meets",
    "held talks", "hosted", "hosts", "opened", "inaugurated", "commissioned", "unveiled",
    "inspected", "took part", "takes part", "got acquainted", "established", "establishes",
    "set up", "upgrading", "upgraded", "upgrades", "modernising", "modernizing", "modernised",
    "modernized", "strengthening", "strengthened", "equipped", "supports", "supported",
    "handed over", "stationed", "retired", "dismissed", "sacked", "resigned", "died",
    "crashed", "sank", "raided", "ambushed", "evacuated", "mobilised", "mobilized",
    "gathered", "discussed", "surrendered", "presented", "signed", "completed", "handed",
    "deposited", "held a meeting", "held its", "held talks", "took delivery", "severed",
    "closed", "introduced", "designated", "won", "beat", "scored", "attended", "attend",
    "endorsed", "transferred", "expelled", "sanctioned", "banned", "suspended", "recalled",
    "condemned", "shot", "detonated", "landed", "docked", "sailed", "flew", "entered",
    "crossed", "occupied", "liberated", "repelled", "downed", "discuss", "discusses",
    "conducted a raid", "conducted raids", "conducted an operation", "convened", "gathered",
    "raided", "severed", "recovered", "apprehended", "smashed", "squared", "clinched",
    "defeated", "test-launched", "test launched", "carried out", "executed", "staged",
    "mounted", "conducted", "arrived", "arrives", "held talks with",
)  # fmt: skip

# "Nigerian Army troops neutralised ...": the people or machines of a named actor, acting.
ACTOR_NOUNS = ("troops", "forces", "soldiers", "officials", "jets", "aircraft", "warships",
               "ships", "units", "fighters", "militants", "police", "delegation", "ministers",
               "leaders", "drones", "artillery", "personnel", "commandos", "officers")  # fmt: skip

# Cooperation: what two parties build together, and the verbs that grow it.
TIES_NOUNS = ("ties", "cooperation", "co-operation", "relations", "partnership", "collaboration", "links",
              "pact", "alliance", "dialogue")  # fmt: skip
TIES_VERBS = ("strengthen", "strengthens", "strengthened", "strengthening", "expand", "expands",
              "expanded", "expanding", "deepen", "deepens", "deepened", "deepening", "boost",
              "boosts", "boosted", "boosting", "enhance", "enhances", "enhanced", "enhancing",
              "develop", "develops", "developed", "developing", "commits to", "committed to",
              "discussed", "discuss", "discusses", "step up", "stepped up", "bolster",
              "bolstered", "bolsters", "forge", "forged", "upgrade", "upgraded")  # fmt: skip

# Modality: what marks a claim as a plan or a proposal rather than something done.
PLANNED_CUES = (
    "will", "would", "shall", "plans to", "planned to", "plan to", "planning to", "intends to",
    "intend to", "intended to", "aims to", "aim to", "is to", "are to", "was to", "set to",
    "is set to", "are set to", "expected to", "is expected to", "due to", "scheduled to",
    "going to", "to be", "slated to", "poised to", "looking to", "hopes to", "wants to",
    "agreed to", "decided to", "planned",
)  # fmt: skip
PROPOSED_CUES = (
    "requested", "requests", "request", "proposed", "proposes", "propose", "proposal",
    "sought", "seeks", "seek", "seeking", "asked for", "asks for", "asked", "asks", "asking",
    "urged", "urges", "urging", "called on", "calls on", "draft", "submitted",
    "submits", "calls for", "called for", "offered", "offers", "pushing for",
    "tabled", "recommended", "recommends", "considering", "considers", "mulling", "weighing",
)  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """`words` as a regex alternation, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def word_pattern(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """One compiled pattern matching any of `words` as whole words."""
    return re.compile(rf"\b(?:{alternation(words)})\b", flags)


def cue_pattern(*cues: str, as_written: Iterable[str] = ()) -> re.Pattern:
    """Any of `cues` (regex fragments starting with a lower-case letter) as written or with
    its first letter capitalised, or any of `as_written`, case-sensitively: literal first
    letters let the engine skip to where a cue can start ("[Bb]uy|[Oo]rder" tried every cue
    at every offset, several times slower)."""
    capitalised = [f"{cue}|{cue[0].upper()}{cue[1:]}" for cue in cues]
    return re.compile("|".join([*capitalised, *as_written]))


def cue_gate(*cues: str, as_written: Iterable[str] = ()) -> Gated:
    """`cue_pattern` of literal cues, run only where the lower-cased text holds one."""
    words = [*cues, *(word.lower() for word in as_written)]
    if any(re.escape(word) != word.replace(" ", r"\ ") for word in words):
        raise ValueError(f"a cue that is no literal: {words}")
    return Gated("|".join(words), cue_pattern(*cues, as_written=as_written), fold=True)


PLANNED = word_pattern(PLANNED_CUES)
PROPOSED = word_pattern(PROPOSED_CUES)
# A clause boundary before the trigger: modal words beyond it belong to another claim.
CLAUSE_START = re.compile(r"[;:]|,\s|\.\s")
# Only names before "to": the headline form of a plan, not "signed a deal to buy".
HEADLINE_TO = re.compile(r"\W*(?:[A-Z][\w’'.-]*\s+){1,6}to\s+$")
MODALITY_REACH = 60  # characters before the trigger that still belong to its verb phrase


# A claim denied or undone is no claim of the kind: "will not buy", "has no plans to",
# "cancelled an order", "rejected a proposal".
NEGATION = re.compile(r"\b(?:not|never|no plans?|n['’]t|cancel\w*|reject\w*|scrap\w*|"
                      r"called off|call off|abandon\w*|halt\w*|refus\w*|denied|denies|deny)\b",
                      re.IGNORECASE)  # fmt: skip


def negated(body: str, start: int, end: int) -> bool:
    """Whether the clause before and at the trigger body[start:end] denies or undoes it."""
    window_start = max(0, start - MODALITY_REACH)
    breaks = list(CLAUSE_START.finditer(body, window_start, start))
    if breaks:
        window_start = breaks[-1].end()
    return NEGATION.search(body, window_start, end) is not None


def modality_of(body: str, start: int, end: int) -> Modality:
    """The modality of the claim whose trigger is body[start:end]: a proposal, a plan, or
    asserted, read from the trigger and the words of its clause just before it."""
    window_start = max(0, start - MODALITY_REACH)
    breaks = list(CLAUSE_START.finditer(body, window_start, start))
    if breaks:
        window_start = breaks[-1].end()
    window = body[window_start:end]
    if HEADLINE_TO.match(body, window_start, start):
        return Modality.planned  # "Turkey to strengthen ties with ...": a headline's plan
    if PROPOSED.search(window):
        return Modality.proposed
    if PLANNED.search(window):
        return Modality.planned
    return Modality.asserted
