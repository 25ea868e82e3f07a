"""Named entities: capitalised chunks typed by gazetteers and head words, resolved to one
record per entity within the article (aliases, acronyms, surnames, possessives).
"""

import re
from dataclasses import dataclass, field

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.chunks import Chunk, chunks_of
from app.extraction.document import Sentence, Token, name_tokens
from app.extraction.spans import SpanIndex
from app.extraction.text import slugify

# Right before a name that no list knows: what the name must be ("member of the Quad").
GROUP_CUES = re.compile(
    r"(?:member of|members of|part of|joined|join|left|leave|withdrew from|ally of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
ATTRIBUTION_CUES = re.compile(
    r"(?:according to|reported by|reporting by|report by|data from|cited by|as per)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
CUE_CHARS = 60  # the longest cue above, its "the" and a few spaces
DEMONYM_FORCES = re.compile(r"\b([A-Z][a-z]+)\s+(armed forces|army|military)\b")


@dataclass
class MentionSpan:
    start: int
    end: int
    text: str
    key: str
    role: str = "name"  # name, demonym, capital, nested, anaphor


@dataclass
class EntityRecord:
    key: str
    name: str
    type: EntityType
    aliases: set[str] = field(default_factory=set)
    country: str | None = None  # for a demonym or capital: the country's key
    # Its surfaces that another entity had claimed first (a merge reclaims them).
    foreign: set[str] = field(default_factory=set)


class EntityTable:
    """The article's entities and every mention, keyed by slug of the canonical name."""

    def __init__(self) -> None:
        self.records: dict[str, EntityRecord] = {}
        self.by_surface: dict[str, str] = {}
        self.mentions: list[MentionSpan] = []
        self.appositions: list[tuple[str, str, int, int]] = []  # person, position, span
        self.main_country: str | None = None  # names "Ministry of Defence" alone
        self.merged: dict[str, str] = {}  # a key folded into another -> that other key
        # "defence minister" -> keys of the records named "Defence Minister of ...".
        self.of_prefixes: dict[str, set[str]] = {}
        self.index: SpanIndex[MentionSpan] | None = None  # set by finish()
        self._by_apposition_start: dict[int, list[tuple[str, str, int, int]]] = {}
        self._appositions: SpanIndex | None = None

    def add(self, name: str, entity_type: EntityType, aliases=(), country=None) -> str:
        key = self.resolve(name) or slugify(name)
        record = self.records.get(key)
        if record is None:
            record = self.records[key] = EntityRecord(key, name, entity_type, country=country)
            self._index_prefixes(record)
        for surface in (name, *aliases):
            self.alias(key, surface)
        return key

    def alias(self, key: str, surface: str) -> None:
        record = self.records[key]
        if surface != record.name:
            record.aliases.add(surface)
        if self.canonical(self.by_surface.setdefault(surface.lower(), key)) != key:
            record.foreign.add(surface)

    def resolve(self, surface: str) -> str | None:
        return self.canonical(self.by_surface.get(surface.lower()))

    def canonical(self, key: str | None) -> str | None:
        """The key a merged key now goes by (itself when never merged)."""
        path = []
        while key in self.merged:
            path.append(key)
            key = self.merged[key]
        for step in path:  # shortcut the chain for next time
            self.merged[step] = key
        return key

    def merge(self, earlier_key: str, key: str) -> None:
        """Fold `earlier_key` into `key`: its names become `key`'s, its mentions follow
        (in finish()); the bigger set of aliases absorbs the smaller, so chains stay linear."""
        if earlier_key == key or earlier_key not in self.records:
            return
        earlier, record = self.records.pop(earlier_key), self.records[key]
        self.merged[earlier_key] = key
        if len(earlier.aliases) > len(record.aliases):
            record.aliases, earlier.aliases = earlier.aliases, record.aliases
        record.aliases.update(earlier.aliases)
        record.aliases.add(earlier.name)
        record.aliases.discard(record.name)
        for surface in (earlier.name, *earlier.foreign):
            self.by_surface[surface.lower()] = key

    def mention(self, start: int, end: int, text: str, key: str, role: str = "name") -> None:
        self.mentions.append(MentionSpan(start, end, text[start:end], key, role))

    def finish(self) -> None:
        """After the entity pass: merged keys resolved, and the lookups the rules use."""
        for mention in self.mentions:
            mention.key = self.canonical(mention.key)
        self.appositions = [(self.canonical(person), self.canonical(position), start, end)
                            for person, position, start, end in self.appositions]  # fmt: skip
        self.index = SpanIndex(self.mentions)
        for apposition in self.appositions:
            self._by_apposition_start.setdefault(apposition[2], []).append(apposition)
        self._appositions = SpanIndex(
            _Apposition(start, end, order)
            for order, (_, _, start, end) in enumerate(self.appositions)
        )

    def in_span(self, start: int, end: int) -> list[MentionSpan]:
        """Mentions found by the entity pass inside [start, end), by (start, -end)."""
        return self.index.within(start, end)

    def appositions_at(self, start: int) -> list[tuple[str, str, int, int]]:
        return self._by_apposition_start.get(start, [])

    def appositions_in(self, start: int, end: int) -> list[tuple[str, str, int, int]]:
        """Appositions inside [start, end), in the order they were found."""
        found = sorted(span.order for span in self._appositions.within(start, end))
        return [self.appositions[order] for order in found]

    def mentions_before(self, offset: int, reach: int) -> list[MentionSpan]:
        """Up to `reach` mentions (of the entity pass, and anaphors found since) that
        start before `offset`, the latest first."""
        count = self.index.before(offset)
        found = self.index.items[max(0, count - reach) : count]
        later = self.mentions[len(self.index) :]  # anaphors, added in text order
        found += [m for m in later[-reach:] if m.start < offset]
        return sorted(found, key=lambda m: m.start, reverse=True)

    def _index_prefixes(self, record: EntityRecord) -> None:
        name = record.name.lower()
        position = name.find(" of ")
        while 0 < position <= PREFIX_CHARS:
            self.of_prefixes.setdefault(name[:position], set()).add(record.key)
            position = name.find(" of ", position + 1)


# A short name is expanded to a longer one that starts with it ("Defence Minister" ->
# "Defence Minister of X"); names longer than this are never such a short form.
PREFIX_CHARS = 100


@dataclass(frozen=True)
class _Apposition:
    start: int
    end: int
    order: int


def classify(chunk: Chunk) -> EntityType | None:
    text = chunk.text
    if text in gz.country_by_surface():
        return EntityType.country
    if text in gz.capital_to_country() or text in gz.PLACES:
        return EntityType.place
    if text in gz.KNOWN_ORGANIZATIONS:
        return EntityType.organization
    return gz.type_from_head(chunk.head)


def person_in(chunk: Chunk) -> tuple[list[Token], list[Token]] | None:
    """(title tokens, name tokens) when the chunk is a titled name: 'General Zakir Hasanov'."""
    words = [t.text for t in chunk.tokens]
    if any(w in ("of", "for", "and") for w in words):
        return None
    titles = 1 if words[0] in gz.demonym_to_country() else 0  # "Polish Defence Minister X"
    while titles < len(words) and words[titles] in gz.PERSON_TITLES:
        titles += 1
    if titles == 1 and words[0] in gz.demonym_to_country():
        return None
    name = chunk.tokens[titles:]
    if not titles or not 1 <= len(name) <= 3:
        return None
    if any(gz.type_from_head(t.text) or t.is_acronym or t.text in gz.country_by_surface()
           for t in name):  # fmt: skip
        return None
    return chunk.tokens[:titles], name


def find_entities(text: str, sentences: list[Sentence]) -> EntityTable:
    table = EntityTable()
    table.main_country = main_country(text)
    pending: list[tuple[Sentence, Chunk]] = []
    for sentence in sentences:
        tokens = name_tokens(sentence.text, sentence.start)
        chunks = chunks_of(tokens)
        previous: tuple[Chunk, str, EntityType] | None = None
        for position, chunk in enumerate(chunks):
            key = _register(table, text, sentence, chunks, position, chunk, previous)
            if key is None:
                pending.append((sentence, chunk))
                previous = None
            else:
                previous = (chunk, key, table.records[key].type)
        _armed_forces(table, text, sentence)
    for _, chunk in pending:
        _late_resolve(table, text, chunk)
    table.finish()
    return table


def _register(table, text, sentence, chunks, position, chunk, previous) -> str | None:
    """Type and record one chunk; None when it is not recognisably an entity."""
    # Cue words right before the chunk (not the whole sentence before it: that is quadratic).
    before = text[max(sentence.start, chunk.start - CUE_CHARS) : chunk.start]
    entity_type = classify(chunk)
    titled = person_in(chunk)
    if titled is not None and entity_type in (None, EntityType.position):
        titles, name = titled
        name_text = " ".join(t.text for t in name)
        key = table.add(
            name_text, EntityType.person, aliases=[" ".join(t.text for t in chunk.tokens)]
        )
        table.alias(key, name[-1].text)
        table.mention(name[0].start, name[-1].end, text, key)
        _titled_position(table, text, titles, key, chunk)
        _apposition(table, text, previous, key, chunk)
        return key
    if (
        len(chunk.tokens) == 1
        and chunk.tokens[0].is_acronym
        and _acronym_alias(table, text, chunk, previous)
    ):
        return previous[1]
    if entity_type is None and (known := table.resolve(chunk.text)):
        table.mention(chunk.start, chunk.end, text, known)
        _nested(table, text, chunk)
        return known
    if entity_type is None and chunk.tokens[0].is_acronym and len(chunk.tokens) == 1:
        entity_type = EntityType.organization
    if entity_type is None and (ATTRIBUTION_CUES.search(before) or GROUP_CUES.search(before)):
        entity_type = EntityType.organization
    if entity_type is None:
        return None
    name, country = _canonical(chunk, entity_type)
    if previous and previous[0].tokens[-1].possessive and previous[0].end + 3 >= chunk.start:
        owner = table.records[previous[1]]
        if owner.type in (EntityType.country, EntityType.place) and entity_type in (
            EntityType.organization, EntityType.position,
        ):  # fmt: skip
            possessive_name = f"{chunk.text} of {owner.name}"
            key = table.add(possessive_name, entity_type, aliases=[chunk.text])
            table.alias(key, text[previous[0].start : chunk.end])
            table.mention(previous[0].start, chunk.end, text, key)
            _nested(table, text, chunk)
            return key
    if entity_type is EntityType.position and len(chunk.tokens) <= 2 and " of " not in name:
        expanded = _unique_prefix_match(table, name)
        if expanded:
            table.mention(chunk.start, chunk.end, text, expanded)
            return expanded
    qualified = _qualified(table, name, entity_type)
    key = table.add(qualified, entity_type, country=country)
    if (country and name != chunk.text) or qualified != name:
        table.alias(key, chunk.text)
    role = "demonym" if chunk.text in gz.demonym_to_country() else "name"
    if role == "demonym":
        table.alias(key, chunk.text)
    if chunk.text in gz.capital_to_country():
        role = "capital"
    table.mention(chunk.start, chunk.end, text, key, role)
    _nested(table, text, chunk)
    if entity_type is EntityType.position:
        _apposition(table, text, previous, key, chunk)
    return key


GENERIC_WORDS = {
    "Ministry", "Minister", "Defence", "Defense", "Armed", "Forces", "Force", "Army", "Navy",
    "Air", "General", "Staff", "Foreign", "Affairs", "Interior", "National", "Guard", "Border",
    "Service", "Security", "State", "Committee", "of", "the", "for", "and", "Chief",
}  # fmt: skip
RANKS = {"General", "Colonel", "Lieutenant", "Major", "Captain", "Admiral", "Vice", "Rear",
         "Marshal", "Brigadier", "Sergeant", "Mr", "Ms", "Mrs", "Dr", "Sir"}  # fmt: skip


def main_country(text: str) -> str | None:
    """The country the article names most often (by name, demonym or capital)."""
    counts: dict[str, int] = {}
    surfaces = {**gz.country_by_surface(), **gz.capital_to_country()}
    for match in re.finditer(r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?", text):
        for surface in (match.group(0), match.group(0).split()[0]):
            country = surfaces.get(surface.removesuffix("’s").removesuffix("'s"))
            if country is not None:
                counts[country.name] = counts.get(country.name, 0) + 1
                break
    return max(counts, key=counts.get) if counts else None


def _qualified(table: EntityTable, name: str, entity_type: EntityType) -> str:
    """'Ministry of Defence' alone is every country's: name it after the article's country."""
    generic = all(word in GENERIC_WORDS for word in name.split())
    if not generic or entity_type not in (EntityType.organization, EntityType.position):
        return name
    return f"{name} of {table.main_country}" if table.main_country else name


def _titled_position(table, text, titles: list[Token], person: str, chunk: Chunk) -> None:
    """'Defence Minister Nurlan Yermekbayev': the person holds the post the titles name."""
    words = [t.text for t in titles]
    if not any(word in gz.POSITION_HEADS for word in words):
        return
    demonym = next((w for w in words if w in gz.demonym_to_country()), None)
    title = " ".join(w for w in words if w != demonym and w not in RANKS)
    if demonym:
        name = f"{title} of {gz.demonym_to_country()[demonym].name}"
    else:
        name = _qualified(table, title, EntityType.position)
    key = table.add(name, EntityType.position, aliases=[title])
    table.mention(titles[0].start, titles[-1].end, text, key)
    table.appositions.append((person, key, titles[0].start, chunk.end))


def _canonical(chunk: Chunk, entity_type: EntityType) -> tuple[str, str | None]:
    """The canonical name: a country for its demonym or alias; a capital stays a place."""
    if entity_type is EntityType.country:
        country = gz.country_by_surface()[chunk.text]
        return country.name, None
    if entity_type is EntityType.place and chunk.text in gz.capital_to_country():
        return chunk.text, slugify(gz.capital_to_country()[chunk.text].name)
    return chunk.text, None


def _unique_prefix_match(table: EntityTable, name: str) -> str | None:
    """'Defense Minister' -> the one entity named 'Defense Minister of ...', if exactly one."""
    if len(name) > PREFIX_CHARS:
        return None
    matches = {key for key in table.of_prefixes.get(name.lower(), ()) if key in table.records}
    return matches.pop() if len(matches) == 1 else None


def _acronym_alias(table, text, chunk, previous) -> bool:
    """'Partnership for Peace (PFP)': the acronym in parentheses names the entity before it."""
    if previous is None:
        return False
    between = text[previous[0].end : chunk.start]
    if not re.fullmatch(r"[\"”’']?\s*\(", between) or text[chunk.end : chunk.end + 1] != ")":
        return False
    table.alias(previous[1], chunk.text)
    table.mention(chunk.start, chunk.end, text, previous[1])
    return True


def _nested(table: EntityTable, text: str, chunk: Chunk) -> None:
    """Countries, demonyms and known organisations inside a longer name are mentions too."""
    tokens = chunk.tokens
    for index, token in enumerate(tokens):
        if len(tokens) == 1:
            return
        surface = token.text
        if surface in gz.country_by_surface():
            country = gz.country_by_surface()[surface]
            key = table.add(country.name, EntityType.country)
            role = "demonym" if surface in gz.demonym_to_country() else "nested"
            if role == "demonym":
                table.alias(key, surface)
            table.mention(token.start, token.end, text, key, role)
        elif surface in gz.KNOWN_ORGANIZATIONS or (token.is_acronym and table.resolve(surface)):
            key = table.resolve(surface) or table.add(surface, EntityType.organization)
            table.mention(token.start, token.end, text, key, "nested")
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.text in gz.POSITION_HEADS:
                title = f"{surface} {following.text}"
                position = table.add(title, EntityType.position)
                table.mention(token.start, following.end, text, position, "nested")


def _apposition(table, text, previous, key, chunk) -> None:
    """'Minister of X, General Y': Y holds the position; 'A of X, B of X': one position."""
    if previous is None:
        return
    earlier_chunk, earlier_key, earlier_type = previous
    if text[earlier_chunk.end : chunk.start].strip() != ",":
        return
    current = table.records[key]
    if earlier_type is EntityType.position and current.type is EntityType.person:
        table.appositions.append((key, earlier_key, earlier_chunk.start, chunk.end))
    elif earlier_type is EntityType.position and current.type is EntityType.position:
        table.merge(earlier_key, key)


def _armed_forces(table: EntityTable, text: str, sentence: Sentence) -> None:
    """'<Demonym> military' and 'its army' name the country's armed forces."""
    for match in DEMONYM_FORCES.finditer(sentence.text):
        country = gz.demonym_to_country().get(match.group(1))
        if country:
            start = sentence.start + match.start()
            key = table.add(f"{match.group(1)} Armed Forces", EntityType.organization)
            table.alias(key, match.group(0))
            table.mention(start, sentence.start + match.end(), text, key)


def armed_forces_of(table: EntityTable, country_key: str) -> str | None:
    """The key of a country's armed forces ('Azerbaijani Armed Forces'), creating it."""
    record = table.records.get(country_key)
    if record is None or record.type is not EntityType.country:
        return None
    country = gz.country_by_surface().get(record.name)
    if country is None or not country.demonyms:
        return None
    return table.add(f"{country.demonyms[0]} Armed Forces", EntityType.organization,
                     aliases=[f"Armed Forces of {country.name}"])  # fmt: skip


def _late_resolve(table: EntityTable, text: str, chunk: Chunk) -> None:
    """A chunk untyped at first sight that names an entity found later in the article."""
    key = table.resolve(chunk.text) or _unique_prefix_match(table, chunk.text)
    if key is not None:
        table.mention(chunk.start, chunk.end, text, key)
