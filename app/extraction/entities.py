"""Named entities: capitalised chunks typed by gazetteers and head words, resolved to one
record per entity within the article (aliases, acronyms, surnames, possessives).
"""

import re
from dataclasses import dataclass, field

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.chunks import Chunk, chunks_of
from app.extraction.document import Sentence, Token, name_tokens
from app.extraction.people import NOT_NAME, TITLE_WORDS, PersonMatch, find_person
from app.extraction.posts import lower_case_bodies, post_of, posts_of_body
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
LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")
CUE_CHARS = 60  # the longest cue above, its "the" and a few spaces
# Right after an untyped name: what only an organisation does or is.
ORG_AFTER = re.compile(
    r"[)’'s]{0,3}\s(?:reported|reports|reporting|terrorists?|militants?|fighters|insurgents?"
    r"|rebels?|jihadists?|militia|militiamen|gunmen|extremists|group)\b"
)
# Right before an untyped name: what kind of body it is ("defence firm Babcock").
BODY_NOUNS = (
    r"company|firm|group|giant|maker|manufacturer|contractor|conglomerate|agency|broadcaster"
    r"|newspaper|daily|outlet|network|party|bank|lender|insurer|airline"
    r"|watchdog|think[- ]tank|militia|movement|shipbuilder|shipyard|startup|start-up"
    r"|subsidiary|supplier|developer|producer|regulator|exchange|university|institute"
)
ORG_BEFORE = re.compile(rf"\b(?:{BODY_NOUNS})\s$")
ORG_APPOSITION = re.compile(rf",\s(?:a|an|the)\s(?:[\w’'-]{{1,20}}\s){{0,3}}?(?:{BODY_NOUNS})\b")
ACRONYM_ACTS = re.compile(
    r"[’']?s?\s(?:said|says|reported|reports|announced|stated|added|confirmed|denied|told"
    r"|spokes(?:man|woman|person)|chief|head|officials?)\b"
)
TERM_BEFORE = re.compile(r"\b[a-z][a-z-]+\s\($")  # "combat ship (LCS)"
ACRONYM_CITED = re.compile(r"\b(?:told|by|from|with|at)\s(?:the\s)?$")
# Right before: what names a drill or an operation ("exercise Iron Defender").
PROGRAM_BEFORE = re.compile(
    r"\b(?:exercises?|drills?|manoeuvres|maneuvers|operation|codenamed|dubbed)\s[\"“‘]?$"
)
# Right after: "Cobra Gold military exercise", "the Vanguard programme".
PROGRAM_AFTER = re.compile(
    r"(?:\s\d{1,4})?\s(?:(?:military|naval|joint|air|annual|multinational)\s)?"
    r"(?:exercises?|drills?|war\sgames|manoeuvres|maneuvers|programme|program|initiative)\b"
)
COMPASS = {"S": "South", "N": "North", "E": "East", "W": "West"}
PROGRAM_WORD = re.compile(r"\s(programme|program)\b")  # "Next-Generation Interceptor program"
# Right before: a preposition of place ("in Gwoza", "near Bama").
PLACE_BEFORE = re.compile(
    r"""(?<![A-Z]\w\w\s)(?<![A-Z]\w\s)\b
    (?:in|near|outside|around|towards?|into|at|between|off|capital
      |(?:province|city|town|village|region|state|district|county|island|port)\sof
      |(?:north|south|east|west)(?:east|west)?\sof)\s(?:the\s)?$""",
    re.VERBOSE,
)
PLURAL_NOUN = re.compile(r"(?:ies|ers|ists|ions|ants|ents|ives)$")  # "Allies", "Partners"
NUMBER_AFTER = re.compile(r"[ -](\d{1,4})\b(?![.,]\d)")  # "Iron Defender 25", "West 2025"


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


def classify(chunk: Chunk) -> EntityType | None:
    text = chunk.text
    if text in gz.country_by_surface():
        return EntityType.country
    if text in gz.capital_to_country() or text in gz.PLACES:
        return EntityType.place
    if text in gz.KNOWN_ORGANIZATIONS:
        return EntityType.organization
    return gz.type_from_head(chunk.head)


def find_entities(text: str, sentences: list[Sentence]) -> EntityTable:
    table = EntityTable()
    table.text = text
    sentence_chunks = []
    for number, sentence in enumerate(sentences):
        chunks = chunks_of(name_tokens(sentence.text, sentence.start), text)
        if number < 3 and _title_case(sentence.text):
            chunks = _known_parts(chunks)
        sentence_chunks.append(chunks)
    table.main_country, table.post_country = _ranked_countries(sentence_chunks)
    pending: list[tuple[Sentence, Chunk]] = []
    for sentence, chunks in zip(sentences, sentence_chunks, strict=True):
        previous: tuple[Chunk, str, EntityType] | None = None
        for position, chunk in enumerate(chunks):
            key = _register(table, text, sentence, chunks, position, chunk, previous)
            if key is None:
                pending.append((sentence, chunk))
                previous = None
            else:
                previous = (chunk, key, table.records[key].type)
        lower_case_bodies(table, text, sentence)
    for _, chunk in pending:
        _late_resolve(table, text, chunk)
    table.finish()
    return table


def _title_case(sentence: str) -> bool:
    """A headline In Title Case: its capitals say nothing about names (a byline's do)."""
    if sentence.endswith((".", "!", "?", '"', "”")) or re.search(r"\b[Bb]y [A-Z]", sentence):
        return False
    words = [word for word in sentence.split() if len(word) > 3]
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.7 * len(words)


def _known_parts(chunks: list[Chunk]) -> list[Chunk]:
    """In a Title Case line, only the words the gazetteers know: countries, known bodies."""
    known = []
    for chunk in chunks:
        if chunk.text in gz.country_by_surface() or chunk.text in gz.KNOWN_ORGANIZATIONS:
            known.append(chunk)
            continue
        for token in chunk.tokens:
            if token.text in gz.country_by_surface() or token.text in gz.KNOWN_ORGANIZATIONS:
                known.append(Chunk([token], token.text, token.start, token.end))
    return known


def _register(table, text, sentence, chunks, position, chunk, previous) -> str | None:
    """Type and record one chunk; None when it is not recognisably an entity."""
    # Cue words right before the chunk (not the whole sentence before it: that is quadratic).
    before = text[max(sentence.start, chunk.start - CUE_CHARS) : chunk.start]
    after = text[chunk.end : min(sentence.end, chunk.end + CUE_CHARS)]
    entity_type = classify(chunk)
    if entity_type in (None, EntityType.position):
        following = chunks[position + 1] if position + 1 < len(chunks) else None
        next_is_post = (
            following is not None
            and text[chunk.end : following.start] == ", "
            and classify(following) is EntityType.position
        )
        # "Ethiopia's Gotytom Gebreslase": a country's own, named like a person.
        after_owner = _possessive_owner(table, previous, chunk) is not None
        person = find_person(chunk, text, next_is_post, after_owner)
        if person is not None and table.records.get(table.resolve(chunk.text) or "") is None:
            return _person(table, text, chunk, person, previous)
    if len(chunk.tokens) == 1 and chunk.tokens[0].is_acronym:
        if chunk.text in gz.NON_ENTITY_ACRONYMS:
            return None
        if _acronym_alias(table, text, chunk, previous):
            return previous[1]
        long_form = chunks[position - 1] if position else None
        if (
            previous is None
            and long_form is not None
            and after[:1] == ")"
            and re.fullmatch(r"[\"”’']?\s*\(", text[long_form.end : chunk.start])
        ):
            return None  # 'Rocket Propelled Grenade (RPG)': the long form is no entity
    if entity_type is None and (known := table.resolve(chunk.text)):
        table.mention(chunk.start, chunk.end, text, known)
        _nested(table, text, chunk)
        return known
    if entity_type is None:
        entity_type = _type_from_context(table, chunk, before, after, previous)
    if entity_type is None:
        return None
    if (
        len(chunk.tokens) == 1
        and chunk.text not in gz.KNOWN_ORGANIZATIONS
        and gz.type_from_head(chunk.text)
        and chunk.text not in GENERIC_WORDS
    ):
        return None  # "the Council", "Alliance": a head word alone names nothing
    program_aliases = []
    if entity_type is EntityType.program and (word := PROGRAM_WORD.match(after)):
        program_aliases.append(chunk.text)
        chunk = Chunk(chunk.tokens, f"{chunk.text} {word.group(1)}", chunk.start,
                      chunk.end + word.end())  # fmt: skip
    elif entity_type is EntityType.program and (number := NUMBER_AFTER.match(after)):
        chunk = Chunk(chunk.tokens, f"{chunk.text} {number.group(1)}", chunk.start,
                      chunk.end + number.end())  # fmt: skip
    if entity_type is EntityType.place and before[-3:] in ("S. ", "N. ", "E. ", "W. "):
        full = f"{COMPASS[before[-3]]} {chunk.text}"  # "S. China Sea"
        if full in gz.PLACES:
            chunk = Chunk(chunk.tokens, full, chunk.start - 3, chunk.end)
    if entity_type is EntityType.place and chunk.text in gz.PLACE_SHORT_FORMS:
        long_form = table.resolve(gz.PLACE_SHORT_FORMS[chunk.text])
        if long_form is not None:
            table.alias(long_form, chunk.text)
            table.mention(chunk.start, chunk.end, text, long_form)
            return long_form
    name, country = _canonical(chunk, entity_type)
    if name == chunk.text and "." in (written := text[chunk.start : chunk.end]):
        name = " ".join(written.split())  # "U.S. Army First Corps", as written
    owner = _possessive_owner(table, previous, chunk)
    if owner is not None and entity_type in (EntityType.organization, EntityType.position):
        if entity_type is EntityType.position:
            key = post_of(table, text, chunk.tokens, owner)
        else:
            aliases = [chunk.text, *(f"{d} {chunk.text}" for d in _demonyms(owner.name)[:1])]
            key = table.add(f"{chunk.text} of {owner.name}", entity_type, aliases=aliases)
            table.mention(previous[0].start, chunk.end, text, key)
        if key is not None:
            table.alias(key, text[previous[0].start : chunk.end])
            _nested(table, text, chunk)
        return key
    if entity_type is EntityType.position:
        following = chunks[position + 1] if position + 1 < len(chunks) else None
        return _position_chunk(table, text, chunk, name, previous, following)
    qualified = _qualified(table, name, entity_type)
    if entity_type is EntityType.organization and (same := _same_body(table, chunk)):
        table.alias(same, chunk.text)
        table.mention(chunk.start, chunk.end, text, same)
        return same
    if entity_type is EntityType.organization:
        other = _other_form(qualified)
        if other is not None and (same := table.resolve(other)):
            table.alias(same, qualified)
            table.mention(chunk.start, chunk.end, text, same)
            return same  # "Defense Department" after "Department of Defense"
    key = table.add(
        qualified, entity_type, country=country, aliases=[*_of_forms(chunk), *program_aliases]
    )
    short = chunk.tokens[0].text
    if (
        entity_type is EntityType.organization
        and len(chunk.tokens) == 2
        and short in gz.KNOWN_ORGANIZATIONS
    ):
        table.firms.setdefault(short, key)
        if table.resolve(short) is None:
            table.alias(key, short)  # "Lockheed" later, or nested, is "Lockheed Martin"
    if (country and name != chunk.text) or qualified != name:
        table.alias(key, chunk.text)
    role = "demonym" if chunk.text in gz.demonym_to_country() else "name"
    if role == "demonym":
        table.alias(key, chunk.text)
    if chunk.text in gz.capital_to_country():
        role = "capital"
    table.mention(chunk.start, chunk.end, text, key, role)
    if entity_type is not EntityType.place or len(chunk.tokens) == 1:
        _nested(table, text, chunk)  # "South China Sea", "Panama City" name no country
    if entity_type is EntityType.organization:
        posts_of_body(table, text, chunk.start, chunk.end, key)
    return key


def _person(table, text, chunk: Chunk, person: PersonMatch, previous) -> str:
    """Record the person a chunk names; titles and ranks become aliases, a post the
    titles name becomes a position the person holds."""
    name = person.name
    name_text = " ".join(text[name[0].start : name[-1].end].split())
    surname = name[-1].text
    existing = table.resolve(name_text)
    if existing is None and len(name) > 1:
        # "President Putin" then "Vladimir Putin", "Francis Ogolla" then "Francis Omondi
        # Ogolla": one person.
        same = table.records.get(table.resolve(surname) or "")
        if same is not None and same.type is EntityType.person:
            if " " not in same.name:
                full = table.add(name_text, EntityType.person)
                table.merge(same.key, full)
                existing = full
            elif same.name.split()[0] == name[0].text or same.name.endswith(" " + name_text):
                table.alias(same.key, name_text)
                existing = same.key
            elif name_text.endswith(" " + same.name):  # "Martins Peri", "Enzo Martins Peri"
                full = table.add(name_text, EntityType.person)
                table.merge(same.key, full)
                existing = full
    if existing is not None and table.records[existing].type is EntityType.person:
        name_text = table.records[existing].name
    key = table.add(name_text, EntityType.person)
    surface = " ".join(text[chunk.start : chunk.end].split())
    if surface != name_text:
        table.alias(key, surface)
    if len(name) > 1:
        table.alias(key, surname)
    table.mention(name[0].start, name[-1].end, text, key)
    _nested(table, text, chunk, posts=False)
    _leaders_government(table, text, chunk)
    if person.titles:
        owner = _possessive_owner(table, previous, chunk)
        post = post_of(table, text, person.titles, owner)
        if post is not None:
            table.appositions.append((key, post, person.titles[0].start, chunk.end))
    _apposition(table, text, previous, key, chunk)
    return key


def _leaders_government(table, text: str, chunk: Chunk) -> None:
    """'The Narendra Modi government': the government of the article's country."""
    after = GOVERNMENT_AFTER.match(text, chunk.end, chunk.end + 20)
    if after is None or table.main_country is None:
        return
    surface = text[chunk.start : after.end()]
    key = table.add(f"Government of {table.main_country}", EntityType.organization,
                    aliases=[" ".join(surface.split())])  # fmt: skip
    table.mention(chunk.start, after.end(), text, key)


GOVERNMENT_AFTER = re.compile(r"\s(?:government|administration)\b")


def _possessive_owner(table, previous, chunk) -> "EntityRecord | None":
    """'Georgia's Defense Ministry': the country or place right before, in the possessive."""
    if previous is None or not previous[0].tokens[-1].possessive:
        return None
    if previous[0].end + 3 < chunk.start or chunk.text in gz.KNOWN_ORGANIZATIONS:
        return None
    owner = table.records.get(previous[1])
    if owner is None or owner.type not in (EntityType.country, EntityType.place):
        return None
    return owner


def _body_after(text: str, chunk: Chunk, following: Chunk | None):
    """'Deputy Commander, Kenya Army': the body a bare post is followed by."""
    if following is None or text[chunk.end : following.start] != ", ":
        return None
    if classify(following) is not EntityType.organization or " of " in following.text:
        return None
    return _Named(following.text)


@dataclass(frozen=True)
class _Named:
    name: str


def _same_body(table: EntityTable, chunk: Chunk) -> str | None:
    """A body the article already named another way: 'Kyodo' then 'Kyodo News', 'ASEAN'
    then 'Association of Southeast Asian Nations'."""
    acronym = gz.ACRONYMS_OF.get(chunk.text)
    if acronym is not None and (key := table.resolve(acronym)):
        return key
    other = gz.EXPANSIONS.get(chunk.text)
    if other is not None and (key := table.resolve(other)):
        return key
    if len(chunk.tokens) >= 2 and chunk.tokens[-1].text in OUTLET_SUFFIXES:
        key = table.resolve(chunk.text.rsplit(" ", 1)[0])
        record = table.records.get(key or "")
        if record is not None and record.type is EntityType.organization:
            return key
    first = chunk.tokens[0].text
    if len(chunk.tokens) == 1:  # "Dassault" after "Dassault Aviation"
        key = table.canonical(table.firms.get(first))
        return key if key in table.records else None
    if len(chunk.tokens) == 2 and first in gz.KNOWN_ORGANIZATIONS:  # "Dassault Aviation"
        key = table.resolve(first)
        record = table.records.get(key or "")
        if record is not None and record.type is EntityType.organization:
            return key
    return None


OUTLET_SUFFIXES = {"News", "Agency", "Group", "Inc", "Ltd", "Corp", "Corporation", "Company",
                   "Limited", "Plc", "PLC", "Holdings", "Media"}  # fmt: skip


BODY_OF_FORM = re.compile(r"(Ministry|Department) of (?:the )?(\w+)(?: Affairs)?")
BODY_HEAD_FORM = re.compile(r"(\w+) (Ministry|Department)")


def _other_form(name: str) -> str | None:
    """'Department of Defense' <-> 'Defense Department', 'Foreign Ministry' <-> 'Ministry
    of Foreign Affairs': the same body put the other way round."""
    if (of := BODY_OF_FORM.fullmatch(name)) is not None:
        return f"{of.group(2)} {of.group(1)}"
    if (head := BODY_HEAD_FORM.fullmatch(name)) is not None:
        affairs = " Affairs" if head.group(1) in ("Foreign", "Internal", "Home") else ""
        return f"{head.group(2)} of {head.group(1)}{affairs}"
    return None


def _position_chunk(table, text, chunk: Chunk, name: str, previous, following) -> str | None:
    """A post named on its own: 'President of Azerbaijan', 'Defence Minister'."""
    key = None
    if len(chunk.tokens) <= 2 and " of " not in name:
        key = _unique_prefix_match(table, name)
    if key is None:
        body = _body_after(text, chunk, following)
        key = post_of(table, text, chunk.tokens, body)
        if key is None:
            return None
        if body is not None:  # "Vice Chancellor, National Defence University"
            table.alias(key, " ".join(text[chunk.start : following.end].split()))
    table.mention(chunk.start, chunk.end, text, key)
    _nested(table, text, chunk)
    _apposition(table, text, previous, key, chunk)
    return key


def _type_from_context(table, chunk: Chunk, before: str, after: str, previous) -> EntityType | None:
    """An untyped chunk that the words around it type: a source, a group, a named drill."""
    if chunk.tokens[0].is_acronym and len(chunk.tokens) == 1:
        # An unknown acronym is a body only where it acts or is cited: "NRK reported",
        # "told NRK", "(NAN)" closing a report; "two LCS ships", "a littoral combat ship
        # (LCS)" is no body, and neither are its later mentions.
        if chunk.text in table.terms:
            return None
        if TERM_BEFORE.search(before) and after.startswith(")"):
            table.terms.add(chunk.text)
            return None
        if ACRONYM_ACTS.match(after) or ACRONYM_CITED.search(before) or after.startswith(")"):
            return EntityType.organization
        return None
    if ATTRIBUTION_CUES.search(before) or GROUP_CUES.search(before):
        return EntityType.organization
    if ORG_AFTER.match(after) or ORG_BEFORE.search(before) or ORG_APPOSITION.match(after):
        return EntityType.organization
    if (PROGRAM_BEFORE.search(before) or PROGRAM_AFTER.match(after)) and not all(
        part in gz.country_by_surface() for t in chunk.tokens for part in t.text.split("-")
    ):
        return EntityType.program  # not "the Russian-Belarusian exercise"
    if chunk.tokens[0].text in ("Exercise", "Operation") and len(chunk.tokens) > 1:
        return EntityType.program  # "Exercise Talisman Sabre"
    if (
        len(chunk.tokens) <= 3
        and _plain_name(table, chunk)
        and PLACE_BEFORE.search(before)
        and not PLURAL_NOUN.search(chunk.text)
    ):
        at = before.endswith(("at ", "at the "))
        if not at or (len(chunk.tokens) == 1 and not chunk.tokens[0].possessive):
            return EntityType.place  # "at Sydney", not "at Bank of Ireland" or "at Babcock's"
    if previous is not None and previous[2] is EntityType.place and _plain_name(table, chunk):
        # "at Bama, Dikwa and Gwoza": a list goes on in the kind it began with.
        between = table.text[previous[0].end : chunk.start]
        return EntityType.place if between in (", ", " and ", ", and ") else None
    return None


def _plain_name(table: EntityTable, chunk: Chunk) -> bool:
    """No given name, acronym, title or common word in it: could be a town ('in Gwoza')."""
    return not any(
        t.text in gz.given_names()
        or t.is_acronym
        or t.text in TITLE_WORDS
        or t.text in NOT_NAME
        or t.text.lower() in table.common_words()
        for t in chunk.tokens
    )


GENERIC_WORDS = {
    "Ministry", "Minister", "Defence", "Defense", "Armed", "Forces", "Force", "Army", "Navy",
    "Air", "General", "Staff", "Foreign", "Affairs", "Interior", "National", "Guard", "Border",
    "Service", "Security", "State", "Committee", "of", "the", "for", "and", "Chief",
    "Parliament", "Government", "Cabinet", "Assembly", "Senate", "Court", "Supreme",
    "Police", "Intelligence", "Joint", "Headquarters", "Command", "Land", "Special",
    "Presidential", "Administration", "Office",
}  # fmt: skip


def main_country(text: str, *, dominant: bool = False) -> str | None:
    """The country the article names most often (by name, demonym or capital); with
    `dominant`, only when it is named at least twice as often as any other."""
    most, dominating = country_counts(text)
    return dominating if dominant else most


def _ranked_countries(sentence_chunks: list[list[Chunk]]) -> tuple[str | None, str | None]:
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


def _qualified(table: EntityTable, name: str, entity_type: EntityType) -> str:
    """'Ministry of Defence' alone is every country's: name it after the article's country."""
    generic = all(word in GENERIC_WORDS for word in name.split())
    if not generic or entity_type not in (EntityType.organization, EntityType.position):
        return name
    return f"{name} of {table.main_country}" if table.main_country else name


def _demonyms(country_name: str) -> tuple[str, ...]:
    country = gz.country_by_surface().get(country_name)
    return country.demonyms if country is not None and country.name == country_name else ()


def _of_forms(chunk: Chunk) -> list[str]:
    """'Azerbaijani Ministry of Defense' is also 'Ministry of Defense of Azerbaijan'."""
    first = chunk.tokens[0].text
    country = gz.demonym_to_country().get(first)
    if country is None or len(chunk.tokens) < 2 or chunk.tokens[0].possessive:
        return []
    rest = chunk.text[len(first) + 1 :]
    return [f"{rest} of {country.name}"] if gz.type_from_head(chunk.head) else []


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
    earlier = table.resolve(chunk.text)
    if earlier is not None and earlier != previous[1]:
        table.merge(earlier, previous[1])  # "NATO ... North Atlantic Treaty Organization (NATO)"
    table.alias(previous[1], chunk.text)
    table.mention(chunk.start, chunk.end, text, previous[1])
    record = table.records[table.canonical(previous[1])]
    if record.type is EntityType.place and ORG_AFTER.match(text, chunk.end, chunk.end + 40):
        record.type = EntityType.organization  # "Islamic ... Province (ISWAP) fighters"
    return True


def _nested(table: EntityTable, text: str, chunk: Chunk, *, posts: bool = True) -> None:
    """Countries, demonyms and known organisations inside a longer name are mentions too,
    and the parts of 'Russian-Ukrainian'."""
    tokens = chunk.tokens
    for index, token in enumerate(tokens):
        if "-" in token.text:
            _hyphenated_countries(table, text, token)
        if len(tokens) == 1:
            return
        surface = token.text
        if surface in gz.country_by_surface():
            _country_mention(table, text, surface, token.start)
        elif surface in gz.KNOWN_ORGANIZATIONS or (token.is_acronym and table.resolve(surface)):
            key = table.resolve(surface) or table.add(surface, EntityType.organization)
            table.mention(token.start, token.end, text, key, "nested")
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if posts and following is not None and following.text in gz.POSITION_HEADS:
                title = f"{surface} {following.text}"
                position = table.add(title, EntityType.position)
                table.mention(token.start, following.end, text, position, "nested")


def _country_mention(table: EntityTable, text: str, surface: str, start: int) -> str:
    country = gz.country_by_surface()[surface]
    key = table.add(country.name, EntityType.country)
    role = "demonym" if surface in gz.demonym_to_country() else "nested"
    if role == "demonym":
        table.alias(key, surface)
    table.mention(start, start + len(surface), text, key, role)
    return key


def _hyphenated_countries(table: EntityTable, text: str, token: Token) -> None:
    """'Russian-Ukrainian war', 'Polish-Lithuanian': each part names its country."""
    parts = token.text.split("-")
    if len(parts) < 2 or not all(part in gz.country_by_surface() for part in parts):
        return
    start = token.start
    for part in parts:
        _country_mention(table, text, part, start)
        start += len(part) + 1


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
    else:
        _nested(table, text, chunk, posts=False)  # "Chinese AVIC": still China
