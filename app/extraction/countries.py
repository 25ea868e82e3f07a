"""The article's countries: which it names most (the country a bare post or ministry
belongs to) and the mentions of countries and places inside other names ('Russian-Ukrainian',
'Algiers-Oran').
"""

import re

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.chunks import Chunk
from app.extraction.document import Token
from app.extraction.text import slugify


def main_country(text: str, *, dominant: bool = False) -> str | None:
    """The country the article names most often (by name, demonym or capital); with
    `dominant`, only when it is named at least twice as often as any other."""
    most, dominating = country_counts(text)
    return dominating if dominant else most


def ranked_countries(sentence_chunks: list[list[Chunk]]) -> tuple[str | None, str | None]:
    """main_country's answer, counted over the names already cut out of the article."""
    counts: dict[str, int] = {}
    surfaces = gz.country_or_capital()
    for chunks in sentence_chunks:
        for chunk in chunks:
            tokens = chunk.tokens
            index = 0
            while index < len(tokens):
                pair = (
                    f"{tokens[index].text} {tokens[index + 1].text}"
                    if index + 1 < len(tokens)
                    else ""
                )
                country = surfaces.get(pair)
                if country is not None:
                    index += 1
                else:
                    country = surfaces.get(tokens[index].text)
                if country is not None:
                    counts[country.name] = counts.get(country.name, 0) + 1
                index += 1
    return _top(counts)


def _top(counts: dict[str, int]) -> tuple[str | None, str | None]:
    if not counts:
        return None, None
    top, *others = sorted(counts, key=counts.get, reverse=True)
    return top, (None if others and counts[top] < 2 * counts[others[0]] else top)


def country_counts(text: str) -> tuple[str | None, str | None]:
    """(the country named most often, that country if it dominates the article)."""
    counts: dict[str, int] = {}
    surfaces = gz.country_or_capital()
    for match in re.finditer(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?", text):
        for surface in (match.group(0), match.group(0).split()[0]):
            country = surfaces.get(surface.removesuffix("’s").removesuffix("'s"))
            if country is not None:
                counts[country.name] = counts.get(country.name, 0) + 1
                break
    return _top(counts)


def country_mention(table, text: str, surface: str, start: int) -> str:
    country = gz.country_by_surface()[surface]
    key = table.add(country.name, EntityType.country)
    role = "demonym" if surface in gz.demonym_to_country() else "nested"
    if role == "demonym":
        table.alias(key, surface)
    table.mention(start, start + len(surface), text, key, role)
    return key


def hyphenated_countries(table, text: str, token: Token) -> None:
    """'Russian-Ukrainian war', 'Polish-Lithuanian': each part names its country."""
    parts = token.text.split("-")
    if len(parts) < 2 or token.text in gz.PLACES:
        return  # "Asia-Pacific" is one place
    countries = gz.country_by_surface()
    if not all(part in countries or _known_place(part) for part in parts):
        return
    start = token.start
    for part in parts:
        if part in countries:
            country_mention(table, text, part, start)
        else:  # "the Algiers-Oran line": both ends are places
            capital = gz.capital_to_country().get(part)
            key = table.add(part, EntityType.place,
                            country=slugify(capital.name) if capital else None)  # fmt: skip
            table.mention(start, start + len(part), text, key, "nested")
        start += len(part) + 1


def _known_place(name: str) -> bool:
    if name in gz.REGIONS or name.endswith((" Sea", " Ocean")):
        return False
    return name in gz.PLACES or name in gz.capital_to_country()
