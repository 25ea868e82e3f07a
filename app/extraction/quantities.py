"""Numbers as news writes them: money, counts, qualifiers, ordinals, percentages and periods.

Every finder returns matches with offsets relative to the string it was given, so
callers can shift them into article offsets. Pure functions, no state.
"""

import re
from dataclasses import dataclass

from app.bounds import MAX_ID, MAX_VALUE
from app.extraction.gates import Gated, fold, holds_any

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozens of": 24,
}  # fmt: skip
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "crore": 1e7, "crores": 1e7, "lakh crore": 1e12, "lakh crores": 1e12, "lakh": 1e5,
}  # fmt: skip
QUALIFIERS = {
    "about": "approximate", "around": "approximate", "approximately": "approximate",
    "some": "approximate", "roughly": "approximate", "nearly": "approximate",
    "almost": "approximate", "an estimated": "approximate", "estimated": "approximate",
    "close to": "approximate", "more than": "more_than", "over": "more_than",
    "above": "more_than", "in excess of": "more_than", "upwards of": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "at most": "at_most", "up to": "at_most", "no more than": "at_most",
}  # fmt: skip
# Symbols and words before or after an amount, and the ISO 4217 code each means.
CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
                    "₹": "INR", "₺": "TRY", "₼": "AZN", "Rs.": "INR", "Rs": "INR", "₩": "KRW",
                    "NT$": "TWD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
                    "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "R$": "BRL", "₦": "NGN",
                    "₱": "PHP", "₴": "UAH", "zł": "PLN", "Tk.": "BDT", "Tk": "BDT",
                    "P": "PHP"}  # fmt: skip
CURRENCY_WORDS = {
    "us dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rubles": "RUB", "roubles": "RUB", "manats": "AZN", "manat": "AZN", "rupees": "INR",
    "lira": "TRY", "liras": "TRY", "won": "KRW", "hryvnias": "UAH", "tenge": "KZT",
    "lari": "GEL", "drams": "AMD", "shekels": "ILS", "riyals": "SAR", "dirhams": "AED",
    "naira": "NGN", "rand": "ZAR", "pesos": "MXN", "reais": "BRL", "zlotys": "PLN",
    "kroner": "NOK", "kronor": "SEK", "francs": "CHF", "rupiah": "IDR", "baht": "THB",
    "ringgit": "MYR", "taiwan dollars": "TWD", "new taiwan dollars": "TWD", "rials": "IRR",
    "pakistani rupees": "PKR", "egyptian pounds": "EGP", "australian dollars": "AUD",
    "canadian dollars": "CAD", "dinars": "DZD", "shillings": "KES", "philippine pesos": "PHP",
    "taka": "BDT", "danish kroner": "DKK", "danish krone": "DKK", "norwegian kroner": "NOK",
    "swedish kronor": "SEK", "swedish krona": "SEK", "swiss francs": "CHF",
    "mexican pesos": "MXN", "chilean pesos": "CLP", "colombian pesos": "COP",
    "argentine pesos": "ARS", "indian rupees": "INR", "sri lankan rupees": "LKR",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "new zealand dollars": "NZD",
    "saudi riyals": "SAR", "qatari riyals": "QAR", "iranian rials": "IRR",
    "algerian dinars": "DZD", "iraqi dinars": "IQD", "jordanian dinars": "JOD",
    "kuwaiti dinars": "KWD", "turkish lira": "TRY", "south african rand": "ZAR",
    "kenyan shillings": "KES", "ugandan shillings": "UGX", "tanzanian shillings": "TZS",
    "forint": "HUF", "lei": "RON", "leva": "BGN", "dong": "VND", "philippine peso": "PHP",
}  # fmt: skip
ISO_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "AZN", "INR", "TRY", "KRW", "UAH", "KZT",
    "GEL", "AMD", "ILS", "SAR", "AED", "CHF", "CAD", "AUD", "SEK", "NOK", "PLN", "BRL",
    "IRR", "PKR", "EGP", "ZAR", "NGN", "MXN", "IDR", "THB", "TWD", "HKD", "SGD", "NZD",
    "PHP", "MYR", "DZD", "KES", "ETB", "COP", "ARS", "CLP", "DKK", "CZK", "HUF", "RON",
    "BDT", "LKR", "QAR", "IQD", "JOD", "KWD", "UGX", "TZS", "BGN", "VND",
}  # fmt: skip

_QUALIFIER = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
# A number is read whole: it starts where no digit (or digit and separator) comes before
# (from inside one, each failing try scanned on to its end again: quadratic in a long run
# of digits), and it ends where no separator and digit follow ("$1.2.3bn" is no $1.2).
_NUMBER = r"(?<!\d)(?<!\d[.,])\d++(?:[.,]\d{3})*(?:[.,]\d+)?(?![.,]\d)"
_SCALE = r"trillion|billion|million|thousand|lakh crores?|crores?|lakh|bn|mn|mln|trn|tn|k|m|b"
_WORD_NUMBER = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
# "P" is the peso only before an amount with its scale ("P15.7 billion"), as Manila's press
# writes it; alone it is a letter.
_SYMBOL = "|".join(re.escape(s) if s != "P" else r"P(?=\d[\d.,]*\s?(?:trillion|billion|million|bn|mn)\b)"
                   for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))  # fmt: skip
_CURRENCY_WORD = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))
_ISO = "|".join(sorted(ISO_CODES))

MONEY = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?"
    # Symbols and codes are case-sensitive and start no later than a word does ("years 5"
    # holds no "rs 5", "members 30" no "RS 30").
    rf"(?<![^\W\d_])(?-i:(?P<symbol>{_SYMBOL})\s?|(?P<code_before>{_ISO})\s?)"
    rf"(?P<amount>{_NUMBER})(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"|(?:(?P<qualifier2>{_QUALIFIER})\s+)?(?P<amount2>{_NUMBER})(?:[\s-]?(?P<scale2>{_SCALE})\b)?"
    rf"[\s-]?(?:(?-i:(?P<code_after>{_ISO}))\b|(?P<word>{_CURRENCY_WORD})\b)",
    re.IGNORECASE,
)
COUNT = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<amount>{_NUMBER}|{_WORD_NUMBER})\b"
    rf"(?:\s?(?P<scale>thousand|million|billion)\b)?",
    re.IGNORECASE,
)
PERCENT = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?(?P<amount>{_NUMBER})\s?(?:%|per ?cent\b|percent\b)",
    re.IGNORECASE,
)
ORDINAL = re.compile(
    r"\b(?P<digits>\d+)(?:st|nd|rd|th)\b|\b(?P<word>" + "|".join(ORDINAL_WORDS) + r")\b",
    re.IGNORECASE,
)
YEAR = r"(?:19|20)\d\d"
DASH = r"\s?[-–—]\s?"


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None
    qualifier: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Period:
    start_year: int | None
    end_year: int | None
    start: int
    end: int


GROUPED = re.compile(r"\d{1,3}(?:(?P<sep>[.,])\d{3})(?:(?P=sep)\d{3})*")


def parse_number(token: str) -> float | None:
    """'22,7' -> 22.7; '3,000,000' -> 3000000; '1.234,5' -> 1234.5; words -> their value.

    A comma followed by exactly three digits groups thousands, as do repeated dots;
    any other separator is the decimal mark. With both, the last one is the decimal mark,
    and what comes before it must be grouped in threes. Anything else ('1.234.5',
    '1,234,5') is no number: None, as is a number above MAX_VALUE.
    """
    text = token.strip().lower()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    text = text.replace(" ", "").replace("\u00a0", "")
    if len(text.lstrip("0")) > 40:  # digits beyond MAX_VALUE and any sane decimal
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        whole, _, fraction = text.rpartition(decimal)
        if not GROUPED.fullmatch(whole) or not fraction.isdecimal():
            return None
        return _finite(float(re.sub(r"\D", "", whole) + "." + fraction))
    for separator in (",", "."):
        if separator in text:
            whole, *groups = text.split(separator)
            # "1.234" in English is a decimal; "1,234" and "1.234.567" group thousands.
            grouping = all(len(group) == 3 for group in groups) and (
                separator == "," or len(groups) > 1
            )
            digits = whole + "".join(groups)
            if grouping and whole and digits.isdecimal():
                return _finite(float(digits))
            if len(groups) == 1 and whole.isdecimal() and groups[0].isdecimal():
                return _finite(float(f"{whole}.{groups[0]}"))
            return None
    return _finite(float(text)) if text.isdecimal() else None


def _finite(value: float) -> float | None:
    return value if value <= MAX_VALUE else None


def bounded_int(digits: str) -> int | None:
    """A rank or a total as an int, None when it is above MAX_ID (an INTEGER column)."""
    if not digits.isdecimal() or len(digits.lstrip("0")) > len(str(MAX_ID)):
        return None
    value = int(digits)
    return value if value <= MAX_ID else None


def _scaled(amount: str, scale: str | None) -> float | None:
    number = parse_number(amount)
    if number is None:
        return None
    value = number * SCALES.get((scale or "").lower(), 1)
    if value > MAX_VALUE:
        return None
    # Round away binary noise: 22.7 * 1e9 is 22699999999.999996 as a float.
    return float(round(value, 6)) if value < 1e6 else float(round(value))


# Every amount names its currency: a symbol or code (case-sensitive) or a word (any case).
# A sentence with none of them is not scanned (most sentences a rule reads for money). The
# marks as one literal alternation (their rare first characters are skipped to), the
# lower-case names tested with `in` (faster for words that start like any other).
# (The peso's "P" only before a digit: any capital P would open the gate.)
_CURRENCY_MARK = re.compile("|".join(
    [re.escape(m) for m in sorted({*CURRENCY_SYMBOLS, *ISO_CODES} - {"P"})] + [r"P\d"]))  # fmt: skip
_CURRENCY_NAMES = tuple(CURRENCY_WORDS)


def find_money(text: str) -> list[Quantity]:
    if not _CURRENCY_MARK.search(text) and not holds_any(fold(text), _CURRENCY_NAMES):
        return []
    found = []
    for match in MONEY.finditer(text):
        groups = match.groupdict()
        if groups["amount"] is not None:
            unit = CURRENCY_SYMBOLS.get(groups["symbol"] or "") or (groups["code_before"] or "")
            amount, scale, qualifier = groups["amount"], groups["scale"], groups["qualifier"]
        else:
            unit = (groups["code_after"] or "").upper() or CURRENCY_WORDS[groups["word"].lower()]
            amount, scale, qualifier = groups["amount2"], groups["scale2"], groups["qualifier2"]
        value = _scaled(amount, scale)
        if value is None:  # an odd grouping or an absurd size: not an amount
            continue
        found.append(
            Quantity(
                value=value,
                unit=unit.upper(),
                qualifier=QUALIFIERS.get((qualifier or "").lower(), "exact"),
                start=match.start(),
                end=match.end(),
            )
        )
    return found


def find_count(text: str) -> Quantity | None:
    """The first plain count in `text` ('about 60', 'more than 30', 'three')."""
    for match in COUNT.finditer(text):
        if re.fullmatch(YEAR, match.group("amount")) and not match.group("qualifier"):
            continue
        value = _scaled(match.group("amount"), match.group("scale"))
        if value is None:
            continue
        qualifier = QUALIFIERS.get((match.group("qualifier") or "").lower(), "exact")
        return Quantity(value, None, qualifier, match.start(), match.end())
    return None


def find_percent(text: str) -> Quantity | None:
    match = PERCENT.search(text)
    value = parse_number(match.group("amount")) if match else None
    if value is None:
        return None
    qualifier = QUALIFIERS.get((match.group("qualifier") or "").lower(), "exact")
    return Quantity(value, "percent", qualifier, *match.span())


def parse_ordinal(token: str) -> int | None:
    match = ORDINAL.fullmatch(token.strip())
    if match is None:
        return None
    if match.group("digits"):
        return bounded_int(match.group("digits"))
    return ORDINAL_WORDS[match.group("word").lower()]


PERIOD_PATTERNS = [
    (re.compile(rf"\bbetween ({YEAR}) and ({YEAR})\b"), "range"),
    (re.compile(rf"\bfrom ({YEAR}) (?:to|until|till) ({YEAR})\b"), "range"),
    (re.compile(rf"\b({YEAR}){DASH}({YEAR})\b"), "range"),
    (re.compile(rf"\b({YEAR}){DASH}(\d\d)\b(?![-–])"), "short_range"),
    (re.compile(rf"\bsince ({YEAR})\b"), "open"),
    # "from fiscal 2026", "starting in 2025": a start with no end ("from 2018 to 2022" is
    # a range, read first).
    (
        re.compile(
            rf"\b(?:from|starting(?: in| from)?|beginning(?: in| from)?) (?:fiscal (?:year )?)?"
            rf"({YEAR})\b(?!{DASH})"
        ),
        "open",
    ),
    (re.compile(rf"\b({YEAR})\b"), "year"),
]
RELATIVE_YEARS = {"this year": 0, "last year": -1, "next year": 1, "previous year": -1}
RELATIVE = re.compile(r"\b(this|last|next|previous) year\b", re.IGNORECASE)
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")  # fmt: skip
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Dates that name no year: they fall in the year the article was published ("on Monday",
# "on August 4", "in May", "yesterday"). Case-sensitive: "may" is a verb.
DATED = re.compile(
    rf"\b(?:(?:on|last|this|next|from|by|until|early|late|(?:early|late)\s+on)\s+{_WEEKDAY}|{_WEEKDAY},?\s+{_MONTH}\s+\d{{1,2}}\b"
    rf"|(?:on|in|since|by|from|until|of|early|late|mid-?)\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}|{_MONTH})"
    rf"|yesterday|today|this week|last week|earlier this month|this month|last month"
    rf"|(?:on|last|this)\s+(?:weekend))\b(?![,.]?\s*(?:\d{{1,2}}\b|(?:19|20)\d\d|(?:next|last) year\b))"
)
# "up 20% from 2019", "compared with 2010": a baseline's year, not the claim's.
BASELINE = re.compile(r"(?:compared (?:with|to)|(?:in )?comparison (?:with|to)|than(?: in)?|versus|vs\.?|against|up from|down from"
                      r"|(?:rise|increase|decrease|drop|fall|up|down|rose|fell|grew)\b[^.;]{0,40}?\bfrom)"
                      r"\s+(?:the\s+)?(?:same period (?:of|in)\s+|levels? (?:of|in)\s+)?$", re.IGNORECASE)  # fmt: skip
BASELINE_REACH = 60
BASELINE_WORDS = ("compar", "than", "versus", "vs", "against", "from")  # one is in each
_COUNT = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
# "in the five years through 2022": the span that ends in the year written.
YEARS_THROUGH = Gated("year", re.compile(rf"\b(?:the\s+)?{_COUNT}[\s-]years?\s+(?:through|to|until|up to)\s+({YEAR})\b",
                           re.IGNORECASE))  # fmt: skip
# Counted back from the publication: "four years ago"; "the next financial year" is the
# fiscal year that starts in the publication's year, "the last fiscal" the one before.
YEARS_AGO = Gated("ago", re.compile(rf"\b{_COUNT}\s+years?\s+ago\b", re.IGNORECASE))
FISCAL = re.compile(
    r"\b(?P<which>next|last|this)\s+(?:financial|fiscal)(?:\s+year)?\b", re.IGNORECASE
)
FISCAL_START = {"next": 0, "this": 0, "last": -1}  # the span of years each names


def find_periods(text: str, published_year: int | None = None) -> list[Period]:
    """Every period in `text`, in order; overlapping matches keep the widest form; a
    baseline's years ("up 20% from 2019") are left out."""
    found: list[Period] = []
    taken = bytearray(len(text))  # characters a wider period already claimed
    for match in YEARS_THROUGH.finditer(text):
        count, last = parse_number(match.group(1)), int(match.group(2))
        if count is not None and 1 <= count <= 50:
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            found.append(Period(last - int(count) + 1, last, *match.span()))
    for pattern, kind in PERIOD_PATTERNS:
        for match in pattern.finditer(text):
            if taken.find(1, match.start(), match.end()) != -1:
                continue
            first = int(match.group(1))
            if kind == "range":
                last = int(match.group(2))
            elif kind == "short_range":
                last = first // 100 * 100 + int(match.group(2))
            elif kind == "open":
                last = None
            else:
                last = first
            if last is not None and last < first:
                continue
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            low = max(0, match.start() - BASELINE_REACH)
            if holds_any(fold(text[low : match.start()]), BASELINE_WORDS) and BASELINE.search(
                text, low, match.start()
            ):
                continue
            found.append(Period(first, last, *match.span()))
    if published_year is not None and 1 <= published_year <= 9999:
        for match in RELATIVE.finditer(text):
            year = published_year + RELATIVE_YEARS[match.group(0).lower()]
            if 1 <= year <= 9999:  # "next year" of a date in 9999 is no year a date can hold
                found.append(Period(year, year, *match.span()))
        for match in YEARS_AGO.finditer(text):
            count = parse_number(match.group(1))
            if count is not None and count <= 50 and published_year - count >= 1:
                year = published_year - int(count)
                found.append(Period(year, year, *match.span()))
        for match in FISCAL.finditer(text):
            first = published_year + FISCAL_START[match.group("which").lower()]
            if 1 <= first < 9999:
                found.append(Period(first, first + 1, *match.span()))
        for match in DATED.finditer(text):
            # "on Saturday, November 15, 2025": the year written just after is the date's own.
            if taken.find(1, match.start(), match.end() + 20) == -1:
                found.append(Period(published_year, published_year, *match.span()))
    return sorted(found, key=lambda period: period.start)
