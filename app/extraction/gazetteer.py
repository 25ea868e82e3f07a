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


@cache
def country_or_capital() -> dict[str, Country]:
    return {**country_by_surface(), **capital_to_country()}


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


def _listed_places() -> set[str]:
    rows = resources.files("app.extraction").joinpath("data/places.txt").read_text("utf-8")
    return {
        name.strip()
        for line in rows.splitlines()
        if not line.startswith("#")
        for name in line.split("|")
        if name.strip()
    }


# Regions and waters: a hyphen between two of them makes one name ("Maghreb-Europe pipeline"),
# not two places as between two cities ("the Algiers-Oran line").
REGIONS = {*PLACES, "Maghreb", "Levant", "Sahara", "Caribbean", "Pacific", "Atlantic", "Nordic",
           "Baltics", "Anatolia", "Siberia", "Patagonia", "Himalayas", "Scandinavia"}  # fmt: skip
PLACES |= _listed_places()
# Short forms of places: the same place as the long form when both are named.
PLACE_SHORT_FORMS = {"Karabakh": "Nagorno-Karabakh", "Gaza Strip": "Gaza"}
KNOWN_ORGANIZATIONS = {
    "NATO", "OSCE", "UN", "EU", "CSTO", "SCO", "CIS", "ASEAN", "OPEC", "IMF", "AU", "GCC",
    "SIPRI", "IISS", "Bloomberg", "Reuters", "Associated Press", "AFP", "TASS", "Interfax",
    "BBC", "CNN", "Xinhua", "Al Jazeera", "Global Firepower", "Global Fire Power",
    "Janes", "Jane's", "Defense News", "Financial Times", "The Economist", "RAND",
    "Pentagon", "Kremlin", "White House", "Blue House", "North Atlantic Alliance", "Bundeswehr", "Luftwaffe", "Tatmadaw", "House of Commons", "House of Lords",
    "House of Representatives", "European Commission", "European Parliament", "European Council",
    "Security Council", "World Bank", "United Nations", "European Union", "Trend",
    "APA", "Azertac", "Anadolu", "Lockheed Martin", "Boeing", "Rosoboronexport", "Elbit",
    # News agencies and outlets cited as sources.
    "AP", "PTI", "ANI", "IANS", "UNI", "NAN", "Yonhap", "Kyodo", "Kyodo News", "RIA Novosti",
    "Sputnik", "IRNA", "Tasnim", "ISNA", "WAM", "SPA", "KUNA", "QNA", "MENA", "Bernama",
    "Antara", "KCNA", "EFE", "ANSA", "DPA", "dpa", "Ukrinform", "UNIAN", "NHK", "Nikkei",
    "Politico", "Axios", "Breaking Defense", "Army Recognition", "Al Arabiya", "Dawn",
    "The Hindu", "Kyiv Independent", "Haaretz", "Yle", "NRK", "SVT", "Deutsche Welle", "DW",
    "Euronews", "Sky News", "Fox News", "NBC", "CBS", "ABC", "Newsweek", "Forbes", "Agence France-Presse",
    # Armed groups.
    # Parties named bare.
    "Sinn Féin", "Sinn Fein", "Fianna Fáil", "Fine Gael", "BJP", "AKP", "CHP", "Likud", "ANC",
    "Kuomintang", "KMT", "LDP", "CDU", "CSU", "SPD", "AfD", "Fidesz", "Awami League", "BNP",
    "Hamas", "Hezbollah", "Houthis", "Houthi", "Taliban", "Al-Shabaab", "al-Shabaab",
    "Boko Haram", "ISIS", "ISIL", "Islamic State", "Daesh", "Al-Qaeda", "al-Qaeda", "ISWAP",
    "Wagner", "Wagner Group", "PKK", "YPG", "SDF", "M23", "TTP", "Polisario", "Janjaweed",
    "Lashkar-e-Taiba", "Jaish-e-Mohammed", "Islamic Jihad", "Ansar Allah",
    # Defence and aerospace companies, and other big firms named bare.
    "Northrop Grumman", "Northrop", "Raytheon", "RTX", "General Dynamics", "BAE Systems",
    "Airbus", "Thales", "Leonardo", "Saab", "Rheinmetall", "KNDS", "Hanwha", "Hyundai Rotem",
    "Embraer", "Dassault", "Dassault Aviation", "MBDA", "Naval Group", "Fincantieri",
    "Kongsberg", "Babcock", "Rolls-Royce", "Safran", "Lockheed", "Rafael", "IAI",
    "Israel Aerospace Industries", "Hindustan Aeronautics", "HAL", "BrahMos", "Rostec",
    "Almaz-Antey", "Uralvagonzavod", "Baykar", "Aselsan", "Roketsan", "TUSAS", "AVIC",
    "Norinco", "CSSC", "Mitsubishi Heavy Industries", "Kawasaki", "Austal", "Navantia",
    "Iveco", "Oshkosh", "Textron", "Sikorsky", "Huntington Ingalls", "L3Harris", "Honeywell",
    "Anduril", "Palantir", "SpaceX", "Denel", "Patria", "Nammo", "Diehl", "Hensoldt", "Indra",
    "Google", "Meta", "Facebook", "Microsoft", "Apple", "Huawei", "ZTE", "Samsung", "Nvidia",
    "China Mobile", "China Unicom", "China Telecom", "Gazprom", "Rosneft", "Rosatom",
    "Credit Suisse", "UBS", "HSBC", "Barclays", "JPMorgan", "Goldman Sachs", "Citigroup",
    "Deutsche Bank", "BlackRock", "Tesla", "Toyota", "Volkswagen", "ASX", "NYSE", "Nasdaq",
    # Alliances and bodies often named bare.
    "AUKUS", "Quad", "BRICS", "G7", "G20", "WTO", "IAEA", "ICC", "OIC", "ECOWAS", "SADC",
    "Interpol", "Europol", "Frontex", "OECD", "WHO", "UNESCO", "UNICEF", "NORAD",
}  # fmt: skip
# Acronyms and their long forms: one body whichever the article writes.
EXPANSIONS = {
    "NATO": "North Atlantic Treaty Organization", "EU": "European Union", "UN": "United Nations",
    "ASEAN": "Association of Southeast Asian Nations", "AU": "African Union",
    "CSTO": "Collective Security Treaty Organization", "SCO": "Shanghai Cooperation Organisation",
    "OSCE": "Organization for Security and Co-operation in Europe", "GCC": "Gulf Cooperation Council",
    "IMF": "International Monetary Fund", "WTO": "World Trade Organization",
    "IAEA": "International Atomic Energy Agency", "SIPRI": "Stockholm International Peace Research Institute",
    "IISS": "International Institute for Strategic Studies", "CIS": "Commonwealth of Independent States",
    "OPEC": "Organization of the Petroleum Exporting Countries", "ECOWAS": "Economic Community of West African States",
    "AFP": "Agence France-Presse", "AP": "Associated Press", "PTI": "Press Trust of India",
    "NAN": "News Agency of Nigeria", "IRGC": "Islamic Revolutionary Guard Corps",
    "PLA": "People's Liberation Army", "IDF": "Israel Defense Forces", "DoD": "Department of Defense",
}  # fmt: skip
ACRONYMS_OF = {long_form: acronym for acronym, long_form in EXPANSIONS.items()}
# Other names of one body, either way round: "the Pentagon" is the Department of Defense.
OTHER_NAMES = {"Pentagon": "Department of Defense", "North Atlantic Alliance": "NATO",
               "Atlantic Alliance": "NATO"}  # fmt: skip
OTHER_NAMES |= {other: name for name, other in OTHER_NAMES.items()}
ORGANIZATION_HEADS = {
    "Ministry", "Forces", "Force", "Army", "Navy", "Guard", "Troops", "Service", "Services",
    "Agency", "Organization", "Organisation", "Office", "Council", "Committee", "Commission",
    "Institute", "Bank", "Fund", "Union", "Alliance", "Corporation", "Company", "Group",
    "Parliament", "Assembly", "Government", "Department", "Directorate", "Command", "Corps",
    "Academy", "University", "Association", "Federation", "Center", "Centre", "Bureau",
    "Authority", "Court", "Party", "Industries", "Systems", "Technologies", "Inc", "Ltd",
    "Fleet", "Brigade", "Division", "Regiment", "Battalion", "Staff", "Police", "Cabinet",
    "Secretariat", "Mission", "Times", "Post", "News", "Herald", "Institution",
    # Legislatures.
    "Congress", "Senate", "Duma", "Knesset", "Sejm", "Bundestag", "Storting", "Riksdag",
    "Majlis", "Rada", "Seimas", "Saeima", "Riigikogu", "Eduskunta", "Folketing", "Oireachtas",
    "Sabha",
    "League", "Gendarmerie", "Coalition", "Bloc", "Network", "Dialogue", "Administration",
    "Intelligence",
    # Company suffixes and the words that end companies' names.
    "Corp", "Co", "Plc", "PLC", "LLC", "GmbH", "AG", "SA", "NV", "Limited", "Holdings",
    "Aerospace", "Dynamics", "Aviation", "Airlines", "Airways", "Electronics", "Motors",
    "Shipyard", "Shipyards", "Dockyard", "Shipbuilding", "Shipbuilders", "Engineering", "Vehicles",
    "Laboratories", "Labs", "Solutions", "Telecom", "Petroleum", "Energy", "Media",
    "Broadcasting", "Foundation", "Society", "Trust", "Board", "Forum", "Headquarters",
    "Partners", "Capital", "Associates", "Ventures", "Consulting", "Investments",
    "Securities", "Insurance", "Logistics", "Resources", "Mining", "Pharmaceuticals",
    # Outlets.
    "Journal", "Gazette", "Tribune", "Telegraph", "Chronicle", "Monitor", "Observer",
    "Express", "Insider", "Daily", "Weekly", "Press", "Radio", "Television",
}  # fmt: skip
PROGRAM_HEADS = {
    "Programme", "Program", "Plan", "Process", "Partnership", "Initiative", "Strategy",
    "Treaty", "Agreement", "Project", "Doctrine", "Framework", "Pact", "Accord",
    "Convention", "Concept", "Roadmap", "Declaration", "Charter", "Communiqué", "Communique",
    "Act", "Protocol", "Accords", "Memorandum", "Olympics",
    # Named contests and indices: "Asian Games", "World Championship", "Global Peace Index".
    "Games", "Championship", "Championships", "Index",
}  # fmt: skip
PLACE_HEADS = {
    "Sea", "Ocean", "Gulf", "Strait", "River", "Mountains", "Region", "Province", "Line",
    "Peninsula", "Valley", "Island", "Islands", "Bay", "Desert", "Corridor", "Basin",
    "District", "City", "Oblast", "Lake", "Coast", "Canal", "Channel", "Border", "Zone",
    "Heights", "Plateau", "Pass", "Reef", "Shoal", "Atoll", "Archipelago", "Airbase", "Airport",
    "Harbour", "Harbor",
}  # fmt: skip
POSITION_HEADS = {
    "Minister", "President", "Commander", "Commander-in-chief", "Commander-in-Chief", "Chief",
    "Chairman", "Chairperson", "Chairperson-in-Office", "Chair", "Secretary",
    "Secretary-General", "Ambassador", "Representative", "Director", "Governor", "King",
    "Queen", "Chancellor", "Spokesperson", "Spokesman", "Envoy", "Premier", "Attaché",
    "Leader", "PM", "Secretary General", "Head", "Speaker", "Mayor", "Prosecutor",
}  # fmt: skip
# Words before a person's name that are a rank or honorific, not part of the name.
PERSON_TITLES = {
    "General", "Colonel", "Lieutenant", "Major", "Captain", "Admiral", "Vice", "Rear",
    "Marshal", "Brigadier", "Sergeant", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr",
    "Dr.", "Sir", "President", "Minister", "Prime", "Defense", "Defence", "Foreign",
    "Secretary", "Chancellor", "King", "Queen", "Prince", "Ambassador", "Deputy", "Chief",
    "Commander", "Spokesman", "Spokesperson", "Director", "Governor", "Senator", "Finance",
    "Economy", "Interior", "Justice", "Trade", "Industry", "Energy", "Home",
    "Gen", "Lt", "Col", "Maj", "Capt", "Brig", "Adm", "Sgt", "Cpl", "Prof", "Ayatollah",
    "Sheikh", "Supreme", "Leader", "PM", "Commodore", "Lady", "Lord", "Dame", "Pope",
    "Cardinal", "Rev", "Speaker", "Mayor", "Vice-President", "Vice-Admiral", "Rear-Admiral",
    "Lieutenant-General", "Major-General", "Colonel-General", "Lieutenant-Colonel",
    "Brigadier-General", "Corporal", "Secretary-General", "Spokeswoman", "MP", "Rep", "Sen",
    "Gov", "Honourable", "Professor", "Associate",
}  # fmt: skip
# Rank and honorific words: aliases of a person, never part of a post's name.
RANK_WORDS = {
    "General", "Colonel", "Lieutenant", "Major", "Captain", "Admiral", "Vice", "Rear",
    "Marshal", "Brigadier", "Sergeant", "Commodore", "Corporal", "Private", "Field", "Mr",
    "Ms", "Mrs", "Dr", "Sir", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Brig", "Adm",
    "Sgt", "Cpl", "Ayatollah", "Sheikh", "Lord", "Dame", "Rev", "Honourable", "Senior",
    "Professor", "Associate",
}  # fmt: skip
# Lower-case particles inside a person's name ("Lula da Silva", "Ursula von der Leyen").
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "di", "du", "del", "della", "van", "von",
                  "der", "den", "ter", "la", "le", "bin", "ibn", "al", "el", "ben"}  # fmt: skip
# Acronyms that are units, currencies or common words, never an entity alone.
NON_ENTITY_ACRONYMS = {
    "UTC", "GMT", "GDP", "GNP", "CEO", "CFO", "COO", "CTO", "MD", "PM", "AM", "TV", "ID",
    "IT", "AI", "PHD", "USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "SUV", "PPP", "VAT",
    "FAQ", "PDF", "HQ", "OK", "UAV", "UAVs", "RPG", "IED", "APC", "MW", "GW", "KM", "MM",
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "ODI", "MP", "MPs", "LGA",
    "ICBM", "SAM", "MRAP", "IFV", "MBT", "CPI", "Q1", "Q2", "Q3", "Q4", "PHOTOS",
    "FY", "AGM", "IPO", "EPS", "YOY", "YTD", "LNG", "EV", "EVs", "MoU", "MOU",
    "DLS", "ETF", "UPDATE", "WATCH", "READ", "MORE", "VIDEO", "PHOTO", "EXCLUSIVE",
}  # fmt: skip


@cache
def given_names() -> frozenset[str]:
    rows = resources.files("app.extraction").joinpath("data/given_names.txt").read_text("utf-8")
    return frozenset(
        word for line in rows.splitlines() if not line.startswith("#") for word in line.split()
    )


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
    "Rs", "Tk", "Mr", "Mrs", "Ms", "No", "Nos",
}  # fmt: skip
# What a post is about to be or has been: no name starts with one ("Newly-appointed Chief of
# Defence Staff"), though one may hold it ("Association of Former Intelligence Officers").
LEADING_MODIFIERS = {"Newly", "Newly-appointed", "Newly-elected", "Newly-named", "Outgoing",
                     "Incoming", "Former"}  # fmt: skip


def type_from_head(head: str) -> EntityType | None:
    """The entity type a head word implies ('Ministry' -> organization), if any."""
    return _head_types().get(head)


@cache
def _head_types() -> dict[str, EntityType]:
    types: dict[str, EntityType] = {}
    for heads, entity_type in (
        (POSITION_HEADS, EntityType.position),
        (PROGRAM_HEADS, EntityType.program),
        (PLACE_HEADS, EntityType.place),
        (ORGANIZATION_HEADS, EntityType.organization),
    ):
        for head in heads:
            types.setdefault(head, entity_type)  # the first list to name a head wins
    return types
