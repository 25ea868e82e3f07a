"""Plain-English sentences for extracted facts: money, periods, ordinals, sources."""

from dataclasses import dataclass

from app.extraction.quantities import Period

SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
QUALIFIER_WORDS = {
    "approximate": "about", "more_than": "more than", "at_least": "at least",
    "less_than": "less than", "at_most": "at most",
}  # fmt: skip


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def money(value: float, unit: str | None) -> str:
    for scale, word in SCALE_WORDS:
        if value >= scale:
            return f"{value / scale:g} {word} {unit or ''}".strip()
    return f"{number(value)} {unit or ''}".strip()


def quantity(value: float, qualifier: str | None, noun: str | None = None) -> str:
    words = [QUALIFIER_WORDS.get(qualifier or "", ""), number(value), noun or ""]
    return " ".join(word for word in words if word)


def period(found: Period | None) -> str:
    if found is None or found.start_year is None:
        return ""
    if found.end_year is None:
        return f" since {found.start_year}"
    if found.end_year == found.start_year:
        return f" in {found.start_year}"
    return f" in {found.start_year}–{found.end_year}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def source(name: str | None) -> str:
    return f", according to {name}" if name else ""


def tense(modality: str | None, done: str, planned: str, proposed: str) -> str:
    """The verb phrase for a claim's modality: a plan or a proposal is never said as done."""
    return {"planned": planned, "proposed": proposed}.get(modality or "", done)


@dataclass(frozen=True)
class Named:
    """The names a statement says: its entities' canonical names and its source's."""

    subject: str
    object: str | None = None
    replaces: str | None = None
    source: str | None = None


def named(ctx, draft) -> Named:
    """The names of a draft's entities in its sentence's context."""

    def name(ref) -> str | None:
        return ctx.name_of(ref.key) if ref is not None else None

    return Named(name(draft.subject), name(draft.object), name(draft.replaces),
                 name(ctx.attribution))  # fmt: skip
