"""A fact's statement said again after a reviewer corrected its fields, so that the sentence
never contradicts them.

Pure: a claim is anything with the claim fields as attributes (a stored fact), `Named` the
names of its entities. Three ways, the first that fits:
1. the type's own wording (the function extraction used), when it says the old fields as
   exactly the old statement: the statement was made by it, so the new one is too;
2. the old statement with each changed piece (a name, an amount, a rank, a period) put in
   place of the old one, when every old piece is found in it;
3. a plain sentence from the fields: subject, predicate, object, numbers, period.
"""

from types import SimpleNamespace

from app.extraction import statements as say
from app.extraction.facts import appointments, exercise_troops, procurement, rankings, spending
from app.extraction.quantities import Period

TYPED = {
    "ranking": rankings.statement,
    "spending": spending.statement,
    "procurement": procurement.statement,
    "exercise": exercise_troops.statement,
    "appointment": appointments.statement,
}
# The fields a statement says; a correction of any other field leaves it as it was.
SAID = ("predicate", "value", "unit", "modality", "value_qualifier", "rank", "rank_total",
        "scope", "metric", "quantity", "item", "period_start", "period_end")  # fmt: skip
NAMES = ("subject", "object", "replaces", "source")
UNPLACED = ("predicate", "modality", "value_qualifier", "rank_total")
MODAL_WORDS = {"planned": " (planned)", "proposed": " (proposed)"}


def needs_restating(changed: set[str]) -> bool:
    """Whether a correction of these fields (claim fields and entity roles) changes what
    the statement says."""
    return bool(changed & {*SAID, "subject", "object", "replaces", "attributed_to"})


def restate(old, old_names: say.Named, new, new_names: say.Named) -> str:
    """The statement of `new` (the corrected claim), worded like `old.statement` was."""
    wording = TYPED.get(str(old.type))
    if wording is not None and _said(wording, old, old_names) == old.statement:
        return _said(wording, new, new_names)
    substituted = _substituted(old, old_names, new, new_names)
    return substituted if substituted is not None else plain(new, new_names)


def plain(claim, named: say.Named) -> str:
    """A claim said plainly from its fields."""
    words = [named.subject, claim.predicate.replace("_", " ")]
    if named.object:
        words.append(named.object)
    if claim.value is not None:
        amount = say.money(claim.value, claim.unit)
        words.append(f"{say.QUALIFIER_WORDS.get(claim.value_qualifier or '', '')} {amount}".strip())
    if claim.quantity is not None:
        words.append(f"({say.number(claim.quantity)} {claim.item or 'items'})")
    elif claim.item:
        words.append(f"({claim.item})")
    if claim.rank is not None:
        among = f" of {claim.rank_total}" if claim.rank_total else ""
        words.append(f"{say.ordinal(claim.rank)}{among}")
    if named.replaces:
        words.append(f"replacing {named.replaces}")
    modal = MODAL_WORDS.get(str(claim.modality or ""), "")
    return " ".join(words) + f"{modal}{_period(claim)}{say.source(named.source)}."


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
        if not before or before not in statement:
            return None
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
