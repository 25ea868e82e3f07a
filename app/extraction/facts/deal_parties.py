"""Who takes part in a deal: the buyer before its words (after any 'X said that'), the
seller or maker after a cue, by a demonym or '-made', or behind a country ('France's Naval
Group', 'Chinese AVIC'). Helpers of the procurement rules; imports none of them.
"""

import re
from collections.abc import Callable

from app.enums import EntityType
from app.extraction.context import Ref, SentenceContext

BUYERS = (EntityType.country, EntityType.organization)
# "President Aquino said that ...", "Army sources revealed that ...": the claim starts after.
REPORTED = re.compile(r"\b(?:said|says|revealed|reported|announced|confirmed|stated|told\s+\w+)"
                      r",?\s+(?:that\s+)?", re.IGNORECASE)  # fmt: skip
# "The ministry also said": the speaker is the sentence's subject, a word or two before.
SPEAKER_GAP = re.compile(r"^\W*(?:\w+\s+){0,2}$")
THE_NOUN = re.compile(r"the\s+(?P<noun>government|ministry|army|navy|air\s+force|military)\b",
                      re.IGNORECASE)  # fmt: skip
ANAPHOR_REACH = 200
# ("to buy 24 of Denmark's F-16s": the owner of the arms sold sells them.)
SELLER_CUE = re.compile(r"\b(?:from|with|by)\s+(?:the\s+)?|\d\s+of\s+(?=[A-Z][\w-]*['’]s\s)",
                        re.IGNORECASE)  # fmt: skip
MADE_BY = re.compile(r"\b(?:produced|made|built|manufactured|developed|designed)\s+by\s+"
                     r"(?:the\s+)?", re.IGNORECASE)  # fmt: skip
MADE_IN = re.compile(r"-(?:made|built|designed|produced)\b")
# "France's Naval Group", "Turkish defence company STM": the company, not its country.
COUNTRY_OF = re.compile(r"^(?:['’]s)?(?:\s+[a-z][\w-]*){0,3}\s+$")
CUE_REACH = 30  # characters after the deal's last word within which its seller's cue stands


# "a contract with the United States to buy": who comes after "with" sells.
SOLD_BY = re.compile(r"\b(?:from|with)\s+(?:the\s+)?$", re.IGNORECASE)


def named_before(ctx: SentenceContext, trigger: int,
                 skip: Callable[[Ref], bool] | None = None) -> list[Ref]:  # fmt: skip
    """The countries and organisations before the trigger and after any reporting verb
    that can buy: not a seller after 'from' or 'with', nor one named in an aside ('Poland,
    which backs Ukraine against Russia's invasion, is buying ...'), nor what `skip` rules
    out."""
    begin = 0
    for said in REPORTED.finditer(ctx.body, 0, trigger):
        begin = said.end()
    return [ref for ref in ctx.entities_in(begin, trigger, *BUYERS)
            if not SOLD_BY.search(ctx.text, max(0, ref.start - 10), ref.start)
            and not ctx.in_aside(ref.start - ctx.sentence.start, trigger)
            and not (skip and skip(ref))]  # fmt: skip


def buyer(ctx: SentenceContext, trigger: int,
          skip: Callable[[Ref], bool] | None = None) -> Ref | None:  # fmt: skip
    """The country or organisation nearest before the trigger and after any reporting
    verb; else the sentence's subject when it is one (and the speaker, if one speaks);
    else the country the article last named."""
    said = None
    for found in REPORTED.finditer(ctx.body, 0, trigger):
        said = found
    before = named_before(ctx, trigger, skip)
    if before:
        return max(before, key=lambda ref: ref.start)
    if said is not None and (the := THE_NOUN.match(ctx.body, said.end())):
        return _last_named(ctx, the.group("noun").lower())  # "... said that the ministry"
    subject = ctx.subject
    if (
        subject is not None
        and ctx.type_of(subject.key) in BUYERS
        and (said is None or subject.start is None
             or SPEAKER_GAP.match(ctx.text[subject.end : ctx.absolute(said.start())]))
    ):  # fmt: skip
        return subject
    if subject is not None and subject.start is not None:
        # "Argentina's defence minister signed a deal": the minister buys for the country
        inside = [m for m in ctx.mentions_within(subject.start, subject.end)
                  if m.key in ctx.table.records and ctx.type_of(m.key) in BUYERS]  # fmt: skip
        if inside and ctx.type_of(subject.key) not in BUYERS:
            return Ref(inside[0].key, inside[0].start, inside[0].end)
    if ctx.state.last_country:
        return Ref(ctx.state.last_country)
    return None


def _last_named(ctx: SentenceContext, noun: str) -> Ref | None:
    """The organisation named lately whose name has `noun` in it ('the government')."""
    for mention in ctx.table.mentions_before(ctx.sentence.start, ANAPHOR_REACH):
        record = ctx.table.records.get(mention.key)
        if record and record.type in BUYERS and noun[:5] in record.name.lower():
            return Ref(record.key)
    return None


def seller(ctx: SentenceContext, start: int, other: Ref, end: int) -> Ref | None:
    """'from X', 'with X', 'by X' after the deal names the seller or maker."""
    return after_cue(ctx, SELLER_CUE, start, other, end)


def after_cue(ctx: SentenceContext, cue_pattern: re.Pattern, start: int, other: Ref,
              end: int | None = None) -> Ref | None:  # fmt: skip
    """The country or organisation named right after a cue, other than `other`; the cue
    within reach of the deal (a "by X" two clauses on is another deal's)."""
    stop = min(len(ctx.body), start + 2 * CUE_REACH if end is None else end)
    for cue in cue_pattern.finditer(ctx.body, start, stop):
        found = named_at(ctx, cue.end())
        if found is not None and found.key != other.key:
            return company_of(ctx, found)
    return None


def named_at(ctx: SentenceContext, local: int) -> Ref | None:
    """The longest country or organisation mention starting at `local` (sentence offset)."""
    at = [m for m in ctx.mentions_at(ctx.absolute(local))
          if m.key in ctx.table.records and ctx.type_of(m.key) in BUYERS]  # fmt: skip
    if not at:
        return None
    mention = max(at, key=lambda m: (m.end, m.role != "demonym"))
    return Ref(mention.key, mention.start, mention.end)


def company_of(ctx: SentenceContext, ref: Ref) -> Ref:
    """The company a country's name or demonym introduces ('France's Naval Group')."""
    if ref.end is None or ctx.type_of(ref.key) is not EntityType.country:
        return ref
    # nested mentions too: in "Chinese AVIC" the company is inside the country's phrase
    companies = [m for m in ctx.mentions if ref.end < m.start <= ref.end + 50
                 and m.key in ctx.table.records
                 and ctx.type_of(m.key) is EntityType.organization]  # fmt: skip
    company = min(companies, key=lambda m: m.start) if companies else None
    if company is not None and COUNTRY_OF.match(ctx.text[ref.end : company.start]):
        return Ref(company.key, company.start, company.end)
    return ref


def maker(ctx: SentenceContext, start: int, end: int, other: Ref) -> Ref | None:
    """'13 Turkish drones', 'US-made missiles': a country named in the deal's words is the
    weapons' origin; else 'produced by X' later in the sentence names their maker."""
    for mention in ctx.mentions:
        if not ctx.absolute(start) <= mention.start < ctx.absolute(end):
            continue
        if mention.key == other.key or mention.key not in ctx.table.records:
            continue
        if mention.role == "demonym" or (
            ctx.type_of(mention.key) is EntityType.country and MADE_IN.match(ctx.text, mention.end)
        ):
            return Ref(mention.key, mention.start, mention.end)
    for cue in MADE_BY.finditer(ctx.body, end):
        found = named_at(ctx, cue.end())
        if found is not None and found.key != other.key:
            return company_of(ctx, found)
    return None


PAIR = re.compile(r"^\s+and\s+$")


def pair_second(ctx: SentenceContext, first: Ref) -> Ref | None:
    """'The Brazilian Army and Fiat Iveco signed ...': the company named after 'and'."""
    if first.end is None:
        return None
    joined = PAIR_AFTER.match(ctx.text, first.end)
    if joined is None:
        return None
    local = joined.end() - ctx.sentence.start
    second = ctx.first_entity(local, min(len(ctx.body), local + 60), EntityType.organization)
    return second if second is not None and second.start == joined.end() else None


# (A word of the firm's name the entity pass left off may stand before it: "Fiat Iveco".)
PAIR_AFTER = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?")


def pair_first(ctx: SentenceContext, second: Ref) -> Ref | None:
    """'The Brazilian Army and Fiat Iveco signed ...': the party named before 'and'."""
    if second.start is None:
        return None
    local = second.start - ctx.sentence.start
    before = ctx.entities_in(max(0, local - 80), local, *BUYERS)
    first = max(before, key=lambda ref: ref.start) if before else None
    if first is not None and PAIR.match(ctx.text[first.end : second.start]):
        return first
    return None
