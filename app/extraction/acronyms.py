"""Acronyms that name an entity already found: 'Partnership for Peace (PFP)', and a listed
company's ticker ('Bank of Queensland Ltd (ASX: BOQ)').
"""

import re

from app.enums import EntityType
from app.extraction.chunks import Chunk
from app.extraction.cues import ORG_AFTER

TICKER_BEFORE = re.compile(r"\((?:ASX|NYSE|Nasdaq|NASDAQ|LSE|TSX|NSE|BSE|HKEX|SGX|KRX|TSE):\s?$")


def ticker_of(table, text: str, chunks: list[Chunk], position: int) -> str | None:
    """'Bank of Queensland Ltd (ASX: BOQ)': the ticker names the listed company."""
    chunk = chunks[position]
    window = text[max(0, chunk.start - 12) : chunk.start]
    if not TICKER_BEFORE.search(window) or text[chunk.end : chunk.end + 1] != ")":
        return None
    opening = chunk.start - len(window) + window.rindex("(")
    # walked back by index: a copy of chunks[:position] per ticker was quadratic
    company = next((chunks[i] for i in range(position - 1, -1, -1) if chunks[i].end < opening),
                   None)  # fmt: skip
    if company is None or text[company.end : opening].strip():
        return None
    key = table.resolve(company.text)
    if key is None or table.records[key].type is not EntityType.organization:
        return None
    table.alias(key, chunk.text)
    table.mention(chunk.start, chunk.end, text, key)
    return key


def acronym_alias(table, text, chunk, previous) -> bool:
    """'Partnership for Peace (PFP)': the acronym in parentheses names the entity before it."""
    if previous is None:
        return False
    between = text[previous[0].end : chunk.start]
    if not re.fullmatch(r"[\"”’']?\s*\(", between) or text[chunk.end : chunk.end + 1] != ")":
        return False
    earlier = table.resolve(chunk.text)
    if earlier is not None and earlier != previous[1]:
        table.merge(earlier, previous[1])  # "NATO ... North Atlantic Treaty Organization (NATO)"
    table.alias(previous[1], chunk.text)
    table.mention(chunk.start, chunk.end, text, previous[1])
    record = table.records[table.canonical(previous[1])]
    if record.type is EntityType.place and ORG_AFTER.match(text, chunk.end, chunk.end + 40):
        record.type = EntityType.organization  # "Islamic ... Province (ISWAP) fighters"
    return True
