"""Named entities: capitalised chunks typed by gazetteers, head words and context, resolved
to one record per entity within the article (aliases, acronyms, surnames, possessives).
"""

import re

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.bodies import body_after, other_form, same_body
from app.extraction.chunks import Chunk, chunks_of
from app.extraction.company_posts import company_posts
from app.extraction.countries import (
    country_mention,
    hyphenated_countries,
    main_country,
    ranked_countries,
)
from app.extraction.cues import (
    COMPASS,
    CUE_CHARS,
    CURRENCY_AFTER,
    NUMBER_AFTER,
    ORG_AFTER,
    PLACE_BEFORE,
    PROGRAM_WORD,
    classify,
    plain_name,
    type_from_context,
)
from app.extraction.document import Sentence, name_tokens
from app.extraction.lower_case import lower_case_bodies
from app.extraction.people import PERSON_AFTER, PersonMatch, find_person, name_shaped
from app.extraction.posts import post_of, posts_of_body
from app.extraction.sites import site_after
from app.extraction.table import PREFIX_CHARS, EntityRecord, EntityTable, MentionSpan
from app.extraction.text import slugify

__all__ = ["EntityRecord", "EntityTable", "MentionSpan", "armed_forces_of", "classify",
           "find_entities", "main_country"]  # fmt: skip


def find_entities(text: str, sentences: list[Sentence]) -> EntityTable:
    table = EntityTable()
    table.text = text
    sentence_chunks = []
    for number, sentence in enumerate(sentences):
        chunks = chunks_of(name_tokens(sentence.text, sentence.start), text)
        if number < 3 and _title_case(sentence.text):
            chunks = _known_parts(chunks)
        sentence_chunks.append(chunks)
    table.main_country, table.post_country = ranked_countries(sentence_chunks)
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
    company_posts(table, text)
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
    if entity_type is EntityType.country and CURRENCY_AFTER.match(after):
        return None  # "40 million US dollars"
    if entity_type is EntityType.organization:
        site_after(table, text, chunk, after, entity_type)  # "NATO headquarters", a place too
    if entity_type in (None, EntityType.position):
        following = chunks[position + 1] if position + 1 < len(chunks) else None
        next_is_post = (
            following is not None
            and text[chunk.end : following.start] == ", "
            and classify(following) is EntityType.position
        )
        # "Ethiopia's Gotytom Gebreslase": a country's own, named like a person.
        after_owner = _possessive_owner(table, previous, chunk) is not None or (
            # "Ana Soto, Lena Haugen and Tom Reid": a list goes on in the kind it began with.
            previous is not None
            and previous[2] is EntityType.person
            and (
                text[previous[0].end : chunk.start] in (" and ", ", and ")
                or (
                    text[previous[0].end : chunk.start] == ", "
                    and after.startswith((", ", " and "))
                )
            )
        )
        person = find_person(chunk, text, next_is_post, after_owner)
        if person is not None and table.records.get(table.resolve(chunk.text) or "") is None:
            return _person(table, text, chunk, person, previous)
    if len(chunk.tokens) == 1 and chunk.tokens[0].is_acronym:
        if chunk.text in gz.NON_ENTITY_ACRONYMS:
            return None
        if _acronym_alias(table, text, chunk, previous):
            return previous[1]
        if (listed := _ticker_of(table, text, chunks, position)) is not None:
            return listed
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
    if entity_type is None and len(chunk.tokens) == 1:
        firm = table.canonical(table.firms.get(chunk.text))
        if firm in table.records:
            table.alias(firm, chunk.text)
            table.mention(chunk.start, chunk.end, text, firm)
            return firm
        if (person := table.canonical(table.first_names.get(chunk.text))) in table.records:
            table.alias(person, chunk.text)  # "Yang said", after "Yang Jie"
            table.mention(chunk.start, chunk.end, text, person)
            return person
        if (
            (SAYS.match(after) or PERSON_AFTER.match(text, chunk.end, chunk.end + CUE_CHARS))
            and name_shaped(chunk.tokens[0])
            and chunk.text.lower() not in table.common_words()
            and not NOT_A_SURNAME.search(chunk.text)
            and not PLACE_BEFORE.search(before)
        ):
            return _person(table, text, chunk, PersonMatch([], chunk.tokens), previous)
    if entity_type is None:
        entity_type = type_from_context(table, chunk, before, after, previous)
    if (
        entity_type in (None, EntityType.place)
        and plain_name(table, chunk)
        and (site := site_after(table, text, chunk, after, entity_type)) is not None
    ):
        return site  # "the Porsanger garrison"
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
    elif entity_type is EntityType.place and chunk.text[1:3] == ". " and chunk.text[0] in COMPASS:
        full = f"{COMPASS[chunk.text[0]]} {chunk.text[3:]}"  # the initial joined the name
        if full in gz.PLACES:
            chunk = Chunk(chunk.tokens, full, chunk.start, chunk.end)
            program_aliases.append(" ".join(text[chunk.start : chunk.end].split()))
    if entity_type is EntityType.place and chunk.text in gz.PLACE_SHORT_FORMS:
        long_form = table.resolve(gz.PLACE_SHORT_FORMS[chunk.text])
        if long_form is not None:
            table.alias(long_form, chunk.text)
            table.mention(chunk.start, chunk.end, text, long_form)
            return long_form
    name, country = _canonical(chunk, entity_type)
    written = text[chunk.start : chunk.end]
    expanded = written[1:3] == ". " != name[1:3]  # "S. China Sea" is "South China Sea"
    if name == chunk.text and "." in written and not expanded:
        name = " ".join(written.split())  # "U.S. Army First Corps", as written
    owner = _possessive_owner(table, previous, chunk)
    if owner is not None and entity_type in (EntityType.organization, EntityType.position):
        if entity_type is EntityType.position:
            key = post_of(table, text, chunk.tokens, owner)
        else:
            aliases = [chunk.text, *(f"{d} {chunk.text}" for d in _demonyms(owner.name)[:1])]
            key = table.add(f"{chunk.text} of {owner.name}", entity_type, aliases=aliases)
            table.mention(previous[0].start, chunk.end, text, key)
            if chunk.head in LEGISLATURES:
                table.legislature = table.legislature or key
        if key is not None:
            table.alias(key, text[previous[0].start : chunk.end])
            _nested(table, text, chunk)
        return key
    if entity_type is EntityType.position:
        following = chunks[position + 1] if position + 1 < len(chunks) else None
        return _position_chunk(table, text, chunk, name, previous, following)
    qualified = _qualified(table, name, entity_type)
    if (
        entity_type is EntityType.organization
        and len(chunk.tokens) == 2
        and chunk.tokens[1].text in ("Government", "Administration")
        and name_shaped(chunk.tokens[0])
        and table.post_country is not None
    ):  # "the Albanese Government": a leader's is the country's government
        qualified = f"Government of {table.post_country}"
        program_aliases.append(chunk.text)
    if entity_type is EntityType.organization and (same := same_body(table, chunk)):
        table.alias(same, chunk.text)
        table.mention(chunk.start, chunk.end, text, same)
        return same
    if entity_type is EntityType.organization:
        other = other_form(qualified)
        if other is not None and (same := table.resolve(other)):
            table.alias(same, qualified)
            table.mention(chunk.start, chunk.end, text, same)
            return same  # "Defense Department" after "Department of Defense"
    if (
        entity_type is EntityType.organization
        and len(chunk.tokens) > 2
        and chunk.tokens[-1].text in COMPANY_SUFFIXES
    ):
        program_aliases.append(chunk.text.rsplit(" ", 1)[0])  # "Bank of Queensland Ltd"
    key = table.add(
        qualified, entity_type, country=country, aliases=[*_of_forms(chunk), *program_aliases]
    )
    if entity_type is EntityType.organization and chunk.head in LEGISLATURES:
        table.legislature = table.legislature or key
    short = chunk.tokens[0].text
    if entity_type is EntityType.organization and len(chunk.tokens) == 2:
        if short in gz.KNOWN_ORGANIZATIONS:
            table.firms.setdefault(short, key)
            if table.resolve(short) is None:
                table.alias(key, short)  # "Lockheed" later, or nested, is "Lockheed Martin"
        elif name_shaped(chunk.tokens[0]):
            table.firms.setdefault(short, key)  # "Tawazun said", after "Tawazun Council"
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
    if len(name) > 1:
        table.first_names.setdefault(name[0].text, key)
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


def _position_chunk(table, text, chunk: Chunk, name: str, previous, following) -> str | None:
    """A post named on its own: 'President of Azerbaijan', 'Defence Minister'."""
    key = None
    if len(chunk.tokens) <= 2 and " of " not in name:
        key = _unique_prefix_match(table, name)
    if key is None:
        body = body_after(text, chunk, following)
        key = post_of(table, text, chunk.tokens, body)
        if key is None:
            return None
        if body is not None:  # "Vice Chancellor, National Defence University"
            table.alias(key, " ".join(text[chunk.start : following.end].split()))
    table.mention(chunk.start, chunk.end, text, key)
    _nested(table, text, chunk)
    _apposition(table, text, previous, key, chunk)
    return key


GENERIC_WORDS = {
    "Ministry", "Minister", "Defence", "Defense", "Armed", "Forces", "Force", "Army", "Navy",
    "Air", "General", "Staff", "Foreign", "Affairs", "Interior", "National", "Guard", "Border",
    "Service", "Security", "State", "Committee", "of", "the", "for", "and", "Chief",
    "Parliament", "Government", "Cabinet", "Assembly", "Senate", "Court", "Supreme",
    "Police", "Intelligence", "Joint", "Headquarters", "Command", "Land", "Special",
    "Presidential", "Administration", "Office",
}  # fmt: skip


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


# After a lone surname: what people say ("Stoltenberg said"); bodies say it too, so the
# name must be no body's first word and no word the article writes in lower case.
LEGISLATURES = {"Assembly", "Parliament", "Congress", "Senate", "Duma", "Knesset", "Sejm",
                "Bundestag", "Rada", "Majlis", "Storting", "Riksdag", "Seimas", "Saeima"}  # fmt: skip
NOT_A_SURNAME = re.compile(r"(?:ies|ers|ists|ions|ants|ents|ives|erts|ards|wise|ly)$")
SAYS = re.compile(r",?\s(?:said|says|told|added|wrote|stated|insisted|argued|believes)\b")
COMPANY_SUFFIXES = {"Ltd", "Limited", "Inc", "Corp", "Co", "PLC", "Plc", "LLC", "AG", "SA", "NV",
                    "GmbH", "Holdings", "Group"}  # fmt: skip
TICKER_BEFORE = re.compile(r"\((?:ASX|NYSE|Nasdaq|NASDAQ|LSE|TSX|NSE|BSE|HKEX|SGX|KRX|TSE):\s?$")


def _ticker_of(table, text: str, chunks: list[Chunk], position: int) -> str | None:
    """'Bank of Queensland Ltd (ASX: BOQ)': the ticker names the listed company."""
    chunk = chunks[position]
    window = text[max(0, chunk.start - 12) : chunk.start]
    if not TICKER_BEFORE.search(window) or text[chunk.end : chunk.end + 1] != ")":
        return None
    opening = chunk.start - len(window) + window.rindex("(")
    company = next((c for c in reversed(chunks[:position]) if c.end < opening), None)
    if company is None or text[company.end : opening].strip():
        return None
    key = table.resolve(company.text)
    if key is None or table.records[key].type is not EntityType.organization:
        return None
    table.alias(key, chunk.text)
    table.mention(chunk.start, chunk.end, text, key)
    return key


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
    if chunk.text in gz.country_by_surface():
        return  # "North Korea" names no "Korea"
    for index, token in enumerate(tokens):
        if "-" in token.text:
            hyphenated_countries(table, text, token)
        if len(tokens) == 1:
            return
        surface = token.text
        if surface in gz.country_by_surface():
            country_mention(table, text, surface, token.start)
        elif surface in gz.KNOWN_ORGANIZATIONS or (token.is_acronym and table.resolve(surface)):
            key = table.resolve(surface) or table.add(surface, EntityType.organization)
            table.mention(token.start, token.end, text, key, "nested")
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if posts and following is not None and following.text in gz.POSITION_HEADS:
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
