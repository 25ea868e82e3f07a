"""Canonical names of the entity pass: a country for its demonym, a generic body named after
the article's country ('Ministry of Defence' -> 'Ministry of Defence of Azerbaijan'), the 'of'
form of a demonym's body, and the one record a short post's name expands to.
"""

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.chunks import Chunk
from app.extraction.table import PREFIX_CHARS, EntityTable
from app.extraction.text import slugify

GENERIC_WORDS = {
    "Ministry", "Minister", "Defence", "Defense", "Armed", "Forces", "Force", "Army", "Navy",
    "Air", "General", "Staff", "Foreign", "Affairs", "Interior", "National", "Guard", "Border",
    "Service", "Security", "State", "Committee", "of", "the", "for", "and", "Chief",
    "Parliament", "Government", "Cabinet", "Assembly", "Senate", "Court", "Supreme",
    "Police", "Intelligence", "Joint", "Headquarters", "Command", "Land", "Special",
    "Presidential", "Administration", "Office",
}  # fmt: skip


def qualified_name(table: EntityTable, name: str, entity_type: EntityType) -> str:
    """'Ministry of Defence' alone is every country's: name it after the article's country."""
    generic = all(word in GENERIC_WORDS for word in name.split())
    if not generic or entity_type not in (EntityType.organization, EntityType.position):
        return name
    return f"{name} of {table.main_country}" if table.main_country else name


def demonyms_of(country_name: str) -> tuple[str, ...]:
    country = gz.country_by_surface().get(country_name)
    return country.demonyms if country is not None and country.name == country_name else ()


def of_forms(chunk: Chunk) -> list[str]:
    """'Azerbaijani Ministry of Defense' is also 'Ministry of Defense of Azerbaijan'."""
    first = chunk.tokens[0].text
    country = gz.demonym_to_country().get(first)
    if country is None or len(chunk.tokens) < 2 or chunk.tokens[0].possessive:
        return []
    rest = chunk.text[len(first) + 1 :]
    return [f"{rest} of {country.name}"] if gz.type_from_head(chunk.head) else []


def canonical_name(chunk: Chunk, entity_type: EntityType) -> tuple[str, str | None]:
    """The canonical name: a country for its demonym or alias; a capital stays a place."""
    if entity_type is EntityType.country:
        country = gz.country_by_surface()[chunk.text]
        return country.name, None
    if entity_type is EntityType.place and chunk.text in gz.capital_to_country():
        return chunk.text, slugify(gz.capital_to_country()[chunk.text].name)
    return chunk.text, None


def unique_prefix_match(table: EntityTable, name: str) -> str | None:
    """'Defense Minister' -> the one entity named 'Defense Minister of ...', if exactly one."""
    if len(name) > PREFIX_CHARS:
        return None
    matches = {key for key in table.of_prefixes.get(name.lower(), ()) if key in table.records}
    return matches.pop() if len(matches) == 1 else None


LEGISLATURES = {"Assembly", "Parliament", "Congress", "Senate", "Duma", "Knesset", "Sejm",
                "Bundestag", "Rada", "Majlis", "Storting", "Riksdag", "Seimas", "Saeima"}  # fmt: skip


COMPANY_SUFFIXES = {"Ltd", "Limited", "Inc", "Corp", "Co", "PLC", "Plc", "LLC", "AG", "SA", "NV",
                    "GmbH", "Holdings", "Group"}  # fmt: skip
