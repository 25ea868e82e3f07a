"""Mentions nested in a longer name: countries, demonyms and known bodies inside it
('Chinese AVIC', 'NATO Secretary General'), and the parts of 'Russian-Ukrainian'.
"""

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.chunks import Chunk
from app.extraction.countries import country_mention, hyphenated_countries
from app.extraction.table import EntityTable


def nested_mentions(table: EntityTable, text: str, chunk: Chunk, *, posts: bool = True) -> None:
    """Countries, demonyms and known organisations inside a longer name are mentions too,
    and the parts of 'Russian-Ukrainian'."""
    tokens = chunk.tokens
    countries = gz.country_by_surface()
    if chunk.text in countries:
        return  # "North Korea" names no "Korea"
    inside = -1  # the last token of a two-word country ("South Korean") already mentioned
    for index, token in enumerate(tokens):
        if "-" in token.text:
            hyphenated_countries(table, text, token)
        if len(tokens) == 1:
            return
        if index <= inside:
            continue
        surface = token.text
        pair = f"{surface} {tokens[index + 1].text}" if index + 1 < len(tokens) else ""
        if pair in countries and tokens[index + 1].start == token.end + 1:
            country_mention(table, text, pair, token.start)
            inside = index + 1
        elif surface in countries:
            country_mention(table, text, surface, token.start)
        elif surface in gz.KNOWN_ORGANIZATIONS or (token.is_acronym and table.resolve(surface)):
            key = table.resolve(surface) or table.add(surface, EntityType.organization)
            table.mention(token.start, token.end, text, key, "nested")
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if posts and following is not None and following.text in gz.POSITION_HEADS:
                title = f"{surface} {following.text}"
                position = table.add(title, EntityType.position)
                table.mention(token.start, following.end, text, position, "nested")
