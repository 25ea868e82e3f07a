"""A fact's statement said again after a reviewer corrected its fields, so that the sentence
never contradicts them.

Pure: a claim is anything with the claim fields as attributes (a stored fact), `Named` the
names of its entities. Three ways, the first that fits:
1. the type's own wording (the function extraction used), when it says the old fields as
   exactly the old statement (the statement was made by it), says every changed field and
   has what it needs;
2. the old statement with each changed piece (a name, an amount, a rank, a period) put in
   place of the old one, when every old piece is found in it;
3. a plain sentence from the fields: subject, predicate, object, then the rest.
"""

from types import SimpleNamespace

from app.extraction import statements as say
from app.extraction.facts import appointments, exercise_troops, procurement, rankings, spending
from app.extraction.quantities import Period

# Per type: the wording extraction used, the fields it says (beyond the subject) and the
# ones it cannot do without. A correction of a field it does not say (a ranking's
# modality, say) is said plainly instead: the wording would leave it unsaid.
PERIOD = {"period_start", "period_end"}
TYPED = {
    "ranking": (rankings.statement, {"predicate", "rank", "rank_total", "scope", "metric",
                                     "attributed_to", *PERIOD}, {"rank"}),
    "spending": (spending.statement, {"predicate", "value", "unit", "value_qualifier",
                                      "modality", "metric", *PERIOD}, {"value"}),
    "procurement": (procurement.statement, {"predicate", "modality", "quantity", "item",
                                            "object", "value", "unit", *PERIOD}, {"item"}),
    "exercise": (exercise_troops.statement, {"modality", "item", "object", "scope",
                                             "quantity", *PERIOD}, set()),
    "appointment": (appointments.statement, {"modality", "object", "replaces", *PERIOD},
                    {"object"}),
}  # fmt: skip
# The fields a statement says; a correction of any other field leaves it as it was.
SAID = ("predicate", "value", "unit", "modality", "value_qualifier", "rank", "rank_total",
        "scope", "metric", "quantity", "item", "period_start", "period_end")  # fmt: skip
NAMES = ("subject", "object", "replaces", "source")
# The wire field each name comes from.
NAME_FIELDS = {"subject": "subject", "object": "object", "replaces": "replaces",
               "source": "attributed_to"}  # fmt: skip
UNPLACED = ("predicate", "modality", "value_qualifier", "rank_total")
# How a plain sentence joins the object to the predicate, by type.
OBJECT_WORDS = {"procurement": "from", "appointment": "as", "exercise": "with"}


def needs_restating(changed: set[str]) -> bool:
    """Whether a correction of these fields (claim fields and entity roles) changes what
    the statement says."""
    return bool(changed & {*SAID, "subject", "object", "replaces", "attributed_to"})


def restate(old, old_names: say.Named, new, new_names: say.Named, changed: set[str]) -> str:
    """The statement of `new` (the corrected claim, `changed` the fields that differ),
    worded like `old.statement` was."""
    typed = TYPED.get(str(old.type))
    if typed is not None and _said(typed[0], old, old_names) == old.statement:
        wording, says, needs = typed
        has_needed = all(_value(new, new_names, name) is not None for name in needs)
        if changed - {"subject"} <= says and has_needed:
            return _said(wording, new, new_names)
        return plain(new, new_names)
    substituted = _substituted(old, old_names, new, new_names)
    return substituted if substituted is not None else plain(new, new_names)


def plain(claim, named: say.Named) -> str:
    """A claim said plainly from its fields: who, the relation, the object, then every
    other field it has in parentheses."""
    head = [named.subject, claim.predicate.replace("_", " ")]
    if named.object:
        head += [OBJECT_WORDS.get(str(claim.type), ""), named.object]
    details = []
    if claim.value is not None:
        amount = say.money(claim.value, claim.unit)
        details.append(f"{say.QUALIFIER_WORDS.get(claim.value_qualifier or '', '')} {amount}")
    if claim.quantity is not None:
        details.append(f"{say.number(claim.quantity)} {claim.item or 'items'}")
    elif claim.item:
        details.append(claim.item)
    if claim.rank is not None:
        among = f" of {claim.rank_total}" if claim.rank_total else ""
        details.append(f"{say.ordinal(claim.rank)}{among}")
    details += [f"{label} {value}" for label, value in
                (("scope", claim.scope), ("metric", claim.metric),
                 ("replacing", named.replaces)) if value]  # fmt: skip
    if str(claim.modality or "") in ("planned", "proposed"):
        details.append(str(claim.modality))
    said = " ".join(word for word in head if word)
    if details:
        said += " (" + "; ".join(detail.strip() for detail in details) + ")"
    return f"{said}{_period(claim)}{say.source(named.source)}."


def _value(claim, named: say.Named, name: str):
    return getattr(named, name) if name in NAMES else getattr(claim, name)


def _said(wording, claim, named: say.Named) -> str:
    view = SimpleNamespace(**{name: getattr(claim, name) for name in SAID},
                           period=_period_of(claim))  # fmt: skip
    try:
        return wording(named, view)
    except (TypeError, ValueError, AttributeError):  # fields this wording cannot say
        return plain(claim, named)


def _substituted(old, old_names: say.Named, new, new_names: say.Named) -> str | None:
    """The old statement with each changed piece replaced, or None if a piece is missing
    or what changed is said by no piece of it (a predicate, a modality, a qualifier)."""
    if any(getattr(old, name) != getattr(new, name) for name in UNPLACED):
        return None
    statement = old.statement
    for before, after in _pieces(old, old_names, new, new_names):
        if before == after:
            continue
        if not before or not after or before not in statement:
            return None  # a piece added or cleared: no old words to put it in
        statement = statement.replace(before, after, 1)
    return statement


def _pieces(old, old_names, new, new_names):
    for role in NAMES:
        yield getattr(old_names, role), getattr(new_names, role)
    for render in (_money, _rank, _count, _period):
        yield render(old), render(new)
    for text_field in ("item", "metric", "scope"):
        yield getattr(old, text_field), getattr(new, text_field)


def _money(claim) -> str | None:
    return None if claim.value is None else say.money(claim.value, claim.unit)


def _rank(claim) -> str | None:
    return None if claim.rank is None else say.ordinal(claim.rank)


def _count(claim) -> str | None:
    return None if claim.quantity is None else say.number(claim.quantity)


def _period(claim) -> str:
    return say.period(_period_of(claim))


def _period_of(claim) -> Period | None:
    if claim.period_start is None and claim.period_end is None:
        return None
    start = claim.period_start if claim.period_start is not None else claim.period_end
    return Period(start, claim.period_end, 0, 0)
