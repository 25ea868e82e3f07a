"""Named entities: capitalised chunks typed by gazetteers, head words and context, resolved
to one record per entity within the article (aliases, acronyms, surnames, possessives).
"""

import re

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.acronyms import acronym_alias, ticker_of
from app.extraction.bodies import other_form, same_body
from app.extraction.chunks import Chunk, chunks_of
from app.extraction.company_posts import company_posts
from app.extraction.countries import main_country, ranked_countries
from app.extraction.cues import (
    COMPASS,
    CUE_CHARS,
    CURRENCY_AFTER,
    NUMBER_AFTER,
    PLACE_BEFORE,
    PROGRAM_WORD,
    classify,
    plain_name,
    type_from_context,
)
from app.extraction.document import Sentence, name_tokens
from app.extraction.holders import position_chunk, possessive_owner, record_person
from app.extraction.lower_case import lower_case_bodies
from app.extraction.naming import (
    COMPANY_SUFFIXES,
    GENERIC_WORDS,
    LEGISLATURES,
    canonical_name,
    demonyms_of,
    of_forms,
    qualified_name,
    unique_prefix_match,
)
from app.extraction.nested import nested_mentions
from app.extraction.people import PERSON_AFTER, PersonMatch, find_person, name_shaped
from app.extraction.posts import post_of, posts_of_body
from app.extraction.sites import site_after
from app.extraction.table import EntityRecord, EntityTable, MentionSpan

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
        if _weapon_system(chunk):
            return None  # "High Mobility Artillery Rocket Systems" is a product, not a maker
        site_after(table, text, chunk, after, entity_type)  # "NATO headquarters", a place too
    if entity_type in (None, EntityType.position):
        following = chunks[position + 1] if position + 1 < len(chunks) else None
        next_is_post = (
            following is not None
            and text[chunk.end : following.start] == ", "
            and classify(following) is EntityType.position
        )
        # "Ethiopia's Gotytom Gebreslase": a country's own, named like a person.
        after_owner = possessive_owner(table, previous, chunk) is not None or (
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
            return record_person(table, text, chunk, person, previous)
    if len(chunk.tokens) == 1 and chunk.tokens[0].is_acronym:
        if chunk.text in gz.NON_ENTITY_ACRONYMS:
            return None
        if acronym_alias(table, text, chunk, previous):
            return previous[1]
        if (listed := ticker_of(table, text, chunks, position)) is not None:
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
        nested_mentions(table, text, chunk)
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
            return record_person(table, text, chunk, PersonMatch([], chunk.tokens), previous)
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
    name, country = canonical_name(chunk, entity_type)
    written = text[chunk.start : chunk.end]
    expanded = written[1:3] == ". " != name[1:3]  # "S. China Sea" is "South China Sea"
    if name == chunk.text and "." in written and not expanded:
        name = " ".join(written.split())  # "U.S. Army First Corps", as written
    owner = possessive_owner(table, previous, chunk)
    if owner is not None and entity_type in (EntityType.organization, EntityType.position):
        if entity_type is EntityType.position:
            key = post_of(table, text, chunk.tokens, owner)
        else:
            aliases = [chunk.text, *(f"{d} {chunk.text}" for d in demonyms_of(owner.name)[:1])]
            key = table.add(f"{chunk.text} of {owner.name}", entity_type, aliases=aliases)
            table.mention(previous[0].start, chunk.end, text, key)
            if chunk.head in LEGISLATURES:
                table.legislature = table.legislature or key
        if key is not None:
            table.alias(key, text[previous[0].start : chunk.end])
            nested_mentions(table, text, chunk)
        return key
    if entity_type is EntityType.position:
        following = chunks[position + 1] if position + 1 < len(chunks) else None
        return position_chunk(table, text, chunk, name, previous, following)
    qualified = qualified_name(table, name, entity_type)
    if (
        entity_type is EntityType.organization
        and len(chunk.tokens) == 2
        and chunk.tokens[1].text == "Government"
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
        qualified, entity_type, country=country, aliases=[*of_forms(chunk), *program_aliases]
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
        nested_mentions(table, text, chunk)  # "South China Sea", "Panama City" name no country
    if entity_type is EntityType.organization:
        posts_of_body(table, text, chunk.start, chunk.end, key)
    return key


# After a lone surname: what people say ("Stoltenberg said"); bodies say it too, so the
# name must be no body's first word and no word the article writes in lower case.
NOT_A_SURNAME = re.compile(r"(?:ies|ers|ists|ions|ants|ents|ives|erts|ards|ials|wise|ly)$")
SAYS = re.compile(r",?\s(?:said|says|told|added|wrote|stated|insisted|argued|believes)\b")


# Words that make a "... System(s)" name a weapon's rather than a company's.
WEAPON_WORDS = {"Rocket", "Rockets", "Missile", "Missiles", "Artillery", "Launch", "Launcher",
                "Radar", "Weapon", "Weapons", "Interceptor", "Torpedo", "Unmanned", "Counter-Drone"}  # fmt: skip


def _weapon_system(chunk: Chunk) -> bool:
    words = chunk.text.split()
    return (
        words[-1] in ("System", "Systems")
        and words[0] not in gz.KNOWN_ORGANIZATIONS  # "MBDA Missile Systems" is the maker
        and any(word in WEAPON_WORDS for word in words[:-1])
    )


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
    key = table.resolve(chunk.text) or unique_prefix_match(table, chunk.text)
    if key is not None:
        table.mention(chunk.start, chunk.end, text, key)
    else:
        nested_mentions(table, text, chunk, posts=False)  # "Chinese AVIC": still China
