"""The article's entity table: records, the surfaces that name them, mentions and
appositions, and the lookups the fact rules make. Data structures only; imports no rules.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.enums import EntityType
from app.extraction.spans import SpanIndex
from app.extraction.text import slugify

LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")


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
        self.post_country: str | None = None  # names a bare "President", when dominant
        self.text = ""
        self.terms: set[str] = set()  # acronyms of lower-case terms: "LCS"
        self.legislature: str | None = None  # the first parliament the article names
        self.first_names: dict[str, str] = {}  # "Yang" -> the key of "Yang Jie"
        self.firms: dict[str, str] = {}  # "Dassault" -> the key of "Dassault Aviation"
        self._common_words: set[str] | None = None
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
        if self.canonical(self.by_surface.setdefault(folded(surface), key)) != key:
            record.foreign.add(surface)

    def resolve(self, surface: str) -> str | None:
        return self.canonical(self.by_surface.get(folded(surface)))

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
            self.by_surface[folded(surface)] = key

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

    def common_words(self) -> set[str]:
        """The article's words in lower case ('ground' tells 'Ground' is no town's name);
        collected once, on first use."""
        if self._common_words is None:
            self._common_words = set(LOWER_WORD.findall(self.text))
        return self._common_words

    def _index_prefixes(self, record: EntityRecord) -> None:
        name = record.name.lower()
        position = name.find(" of ")
        while 0 < position <= PREFIX_CHARS:
            self.of_prefixes.setdefault(name[:position], set()).add(record.key)
            position = name.find(" of ", position + 1)


@lru_cache(maxsize=4096)  # pure, and the same names are looked up again and again
def folded(surface: str) -> str:
    """A surface as lookups compare it: case, 'the', apostrophes and defence/defense aside."""
    lowered = surface.lower().replace("’", "'").replace("defense", "defence")
    return lowered.removeprefix("the ").replace(" the ", " ")


# A short name is expanded to a longer one that starts with it ("Defence Minister" ->
# "Defence Minister of X"); names longer than this are never such a short form.
PREFIX_CHARS = 100


@dataclass(frozen=True)
class _Apposition:
    start: int
    end: int
    order: int
