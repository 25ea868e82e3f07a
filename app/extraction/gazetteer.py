"""Word lists the entity rules rely on: countries with demonyms and capitals, known places,
organisations and outlets, and the head words that tell an entity's type.

Shipped with the package (`data/countries.tsv`); nothing is downloaded.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from app.enums import EntityType


@dataclass(frozen=True)
class Country:
    name: str
    demonyms: tuple[str, ...]
    capital: str | None
    aliases: tuple[str, ...] = field(default=())


@cache
def countries() -> tuple[Country, ...]:
    rows = resources.files("app.extraction").joinpath("data/countries.tsv").read_text("utf-8")
    parsed = []
    for line in rows.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, demonyms, capital, aliases = [*line.split("\t"), "", "", ""][:4]
        parsed.append(
            Country(
                name=name,
                demonyms=tuple(filter(None, demonyms.split(","))),
                capital=capital or None,
                aliases=tuple(filter(None, aliases.split(","))),
            )
        )
    return tuple(parsed)


@cache
def country_by_surface() -> dict[str, Country]:
    """A country by its name, alias or demonym (exact case)."""
    table: dict[str, Country] = {}
    for country in countries():
        for surface in (country.name, *country.aliases, *country.demonyms):
            table.setdefault(surface, country)
    return table


@cache
def demonym_to_country() -> dict[str, Country]:
    return {demonym: c for c in countries() for demonym in c.demonyms}


@cache
def capital_to_country() -> dict[str, Country]:
    return {c.capital: c for c in countries() if c.capital and c.capital != c.name}


PLACES = {
    "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Oceania",
    "Middle East", "South Caucasus", "North Caucasus", "Caucasus", "Central Asia",
    "South Asia", "East Asia", "Southeast Asia", "Balkans", "Western Balkans", "Baltic",
    "Scandinavia", "Eastern Europe", "Western Europe", "Central Europe", "Sub-Saharan Africa",
    "North Africa", "West Africa", "East Africa", "Horn of Africa", "Sahel", "Arctic",
    "Antarctica", "Indo-Pacific", "Asia-Pacific", "Black Sea", "Caspian Sea",
    "Mediterranean", "Baltic Sea", "Red Sea", "South China Sea", "Persian Gulf", "Gulf",
    "Nagorno-Karabakh", "Karabakh", "Crimea", "Donbas", "Kashmir", "Gaza", "West Bank",
}  # fmt: skip
KNOWN_ORGANIZATIONS = {
    "NATO", "OSCE", "UN", "EU", "CSTO", "SCO", "CIS", "ASEAN", "OPEC", "IMF", "AU", "GCC",
    "SIPRI", "IISS", "Bloomberg", "Reuters", "Associated Press", "AFP", "TASS", "Interfax",
    "BBC", "CNN", "Xinhua", "Al Jazeera", "Global Firepower", "Global Fire Power",
    "Janes", "Jane's", "Defense News", "Financial Times", "The Economist", "RAND",
    "Pentagon", "Kremlin", "World Bank", "United Nations", "European Union", "Trend",
    "APA", "Azertac", "Anadolu", "Lockheed Martin", "Boeing", "Rosoboronexport", "Elbit",
}  # fmt: skip
ORGANIZATION_HEADS = {
    "Ministry", "Forces", "Force", "Army", "Navy", "Guard", "Troops", "Service", "Services",
    "Agency", "Organization", "Organisation", "Office", "Council", "Committee", "Commission",
    "Institute", "Bank", "Fund", "Union", "Alliance", "Corporation", "Company", "Group",
    "Parliament", "Assembly", "Government", "Department", "Directorate", "Command", "Corps",
    "Academy", "University", "Association", "Federation", "Center", "Centre", "Bureau",
    "Authority", "Court", "Party", "Industries", "Systems", "Technologies", "Inc", "Ltd",
    "Fleet", "Brigade", "Division", "Regiment", "Battalion", "Staff", "Police", "Cabinet",
    "Secretariat", "Mission", "Review", "Times", "Post", "News", "Herald", "Institution",
    "League", "Gendarmerie", "Coalition", "Bloc", "Network", "Dialogue",
}  # fmt: skip
PROGRAM_HEADS = {
    "Programme", "Program", "Plan", "Process", "Partnership", "Initiative", "Strategy",
    "Treaty", "Agreement", "Project", "Doctrine", "Framework", "Pact", "Accord",
    "Convention", "Concept", "Roadmap",
}  # fmt: skip
PLACE_HEADS = {
    "Sea", "Ocean", "Gulf", "Strait", "River", "Mountains", "Region", "Province", "Line",
    "Peninsula", "Valley", "Island", "Islands", "Bay", "Desert", "Corridor", "Basin",
    "District", "City", "Oblast", "Lake", "Coast", "Canal", "Channel", "Border", "Zone",
    "Heights", "Plateau", "Pass",
}  # fmt: skip
POSITION_HEADS = {
    "Minister", "President", "Commander", "Commander-in-chief", "Commander-in-Chief", "Chief",
    "Chairman", "Chairperson", "Chairperson-in-Office", "Chair", "Secretary",
    "Secretary-General", "Ambassador", "Representative", "Director", "Governor", "King",
    "Queen", "Chancellor", "Spokesperson", "Spokesman", "Envoy", "Premier", "Attaché",
}  # fmt: skip
# Words before a person's name that are a rank or honorific, not part of the name.
PERSON_TITLES = {
    "General", "Colonel", "Lieutenant", "Major", "Captain", "Admiral", "Vice", "Rear",
    "Marshal", "Brigadier", "Sergeant", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr",
    "Dr.", "Sir", "President", "Minister", "Prime", "Defense", "Defence", "Foreign",
    "Secretary", "Chancellor", "King", "Queen", "Prince", "Ambassador", "Deputy", "Chief",
    "Commander", "Spokesman", "Spokesperson", "Director", "Governor", "Senator", "Finance",
    "Economy", "Interior", "Justice", "Trade", "Industry", "Energy", "Home",
}  # fmt: skip
# Capitalised words that start sentences or name times, never entities on their own.
NON_ENTITY_WORDS = {
    "The", "A", "An", "It", "Its", "It's", "This", "That", "These", "Those", "He", "She",
    "They", "We", "I", "In", "On", "At", "As", "For", "But", "And", "Or", "According",
    "However", "Also", "Associated", "Meanwhile", "Moreover", "Earlier", "Later", "After",
    "Before", "During", "While", "Since", "When", "Where", "With", "By", "From", "To", "Of",
    "Last", "Next", "Such", "Some", "Many", "Most", "All", "Both", "Each", "Other", "Their",
    "His", "Her", "Our", "There", "Here", "Today", "Yesterday", "Tomorrow", "Currently",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "If", "Although", "Despite", "Under", "Over", "Among",
    "Based", "Following", "Overall", "Total", "Now", "Then", "Thus", "Yet", "So", "Still",
}  # fmt: skip


def type_from_head(head: str) -> EntityType | None:
    """The entity type a head word implies ('Ministry' -> organization), if any."""
    for heads, entity_type in (
        (POSITION_HEADS, EntityType.position),
        (PROGRAM_HEADS, EntityType.program),
        (PLACE_HEADS, EntityType.place),
        (ORGANIZATION_HEADS, EntityType.organization),
    ):
        if head in heads:
            return entity_type
    return None
