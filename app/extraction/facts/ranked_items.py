"""Numbered lists of ranks: after a sentence about a ranking, the lines '1. Egypt',
'2 . Algeria' rank the entity each names, in the ranking's year when that sentence states
one (a Global Firepower table reproduced as a list).
"""

import re

from app.enums import EntityType, FactType
from app.extraction import statements as say
from app.extraction.context import SentenceContext
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.quantities import Period, bounded_int

# The whole line: its number, then one name (and nothing but a score after a dash or colon).
ITEM = re.compile(r"(?P<n>\d{1,3})\s?\.\s?(?=\S)")
ITEM_REST = re.compile(r"\s*(?:[-–—:(][^\n]{0,40})?")
# A sentence that introduces a ranking, and may name its year.
RANKING_WORDS = re.compile(r"\b(?:ranking|rankings|ranked|ranks|league table)\b", re.I)
REACH = 400  # characters from the ranking's sentence, or the last item, to the next item
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
RANKED = (EntityType.country, EntityType.organization, EntityType.person, EntityType.place)
NOTE = "ranked_list"  # ArticleState.notes: (year or None, the last item's number, its end)


def find(ctx: SentenceContext) -> list:
    item = ITEM.match(ctx.body)
    if item is None:
        # (A sentence, not a label between the items: "Power index: 0.2".)
        if len(ctx.body.split()) >= 6 and RANKING_WORDS.search(ctx.body):
            years = {int(y) for y in YEAR.findall(ctx.body)}
            # "this year's list" after "the 2020 ranking": the year already stated holds
            earlier = ctx.state.notes.get(NOTE, (None, 0, 0))[0]
            year = years.pop() if len(years) == 1 else earlier
            ctx.state.notes[NOTE] = (year, 0, ctx.sentence.end)
        return []
    context = ctx.state.notes.get(NOTE)
    rank = bounded_int(item.group("n"))
    if context is None or rank is None:
        return []
    year, last, end = context
    if rank != last + 1 or ctx.sentence.start - end > REACH:
        return []  # a list in order, right after its ranking: "1.", "2.", ...
    ref = ctx.first_entity(item.end(), len(ctx.body), *RANKED)
    if ref is None or ref.start != ctx.absolute(item.end()):
        return []
    rest = ITEM_REST.match(ctx.text, ref.end, ctx.sentence.end)
    if rest.end() != ctx.sentence.end:
        return []  # a numbered sentence or point, not a list's name
    ctx.state.notes[NOTE] = (year, rank, ctx.sentence.end)
    draft = FactDraft(FactType.ranking, ref, "ranked_in", rank=rank, confidence=0.8)
    draft.anchor(ctx.absolute(item.start()), ref.end)
    if year is not None:
        draft.period = Period(year, year, ref.start, ref.end)
    name = ctx.name_of(ref.key)
    return [build_fact(ctx, draft, f"{name} ranked {say.ordinal(rank)}{say.period(draft.period)}.")]
