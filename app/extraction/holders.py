"""People and posts as the entity pass records them: a person's titles become aliases and the
post they name, 'the Narendra Modi government', a post named on its own, and the appositions
('Minister of X, General Y') that pair a person with a post.
"""

import re

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.bodies import body_after
from app.extraction.chunks import Chunk
from app.extraction.naming import of_forms, unique_prefix_match
from app.extraction.nested import nested_mentions
from app.extraction.people import PersonMatch
from app.extraction.posts import post_of
from app.extraction.table import EntityRecord

SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


def record_person(table, text, chunk: Chunk, person: PersonMatch, previous) -> str:
    """Record the person a chunk names; titles and ranks become aliases, a post the
    titles name becomes a position the person holds."""
    name = person.name
    name_text = " ".join(text[name[0].start : name[-1].end].split())
    # "Gilbert Teodoro Jr.": the surname is the word before a generational suffix
    surname = name[-2].text if len(name) > 2 and name[-1].text in SUFFIXES else name[-1].text
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
    nested_mentions(table, text, chunk, posts=False)
    leaders_government(table, text, chunk)
    if person.titles:
        owner = possessive_owner(table, previous, chunk)
        post = post_of(table, text, person.titles, owner)
        if post is not None:
            table.appositions.append((key, post, person.titles[0].start, chunk.end))
        else:
            _body_in_titles(table, text, person.titles)
    apposition(table, text, previous, key, chunk)
    return key


def _body_in_titles(table, text: str, titles: list) -> None:
    """'Vietnam People's Army General Phan Van Giang': the body before the rank is named."""
    end = len(titles)
    while end and titles[end - 1].text in gz.PERSON_TITLES:
        end -= 1  # the ranks and honorifics after the body
    body = titles[:end]
    if len(body) < 2 or gz.type_from_head(body[-1].text) is not EntityType.organization:
        return
    if any(t.text in gz.POSITION_HEADS for t in body):
        return  # a post's words: "Defence Minister"
    run = Chunk(body, " ".join(t.text for t in body), body[0].start, body[-1].end)
    key = table.resolve(run.text) or table.add(run.text, EntityType.organization,
                                               aliases=of_forms(run))  # fmt: skip
    table.mention(run.start, run.end, text, key)
    nested_mentions(table, text, run, posts=False)


def leaders_government(table, text: str, chunk: Chunk) -> None:
    """'The Narendra Modi government': the government of the article's country."""
    after = GOVERNMENT_AFTER.match(text, chunk.end, chunk.end + 20)
    if after is None or table.main_country is None:
        return
    surface = text[chunk.start : after.end()]
    key = table.add(f"Government of {table.main_country}", EntityType.organization,
                    aliases=[" ".join(surface.split())])  # fmt: skip
    table.mention(chunk.start, after.end(), text, key)


GOVERNMENT_AFTER = re.compile(r"\s(?:government|govt|administration)\b")


def possessive_owner(table, previous, chunk) -> "EntityRecord | None":
    """'Georgia's Defense Ministry': the country or place right before, in the possessive."""
    if previous is None or not previous[0].tokens[-1].possessive:
        return None
    if previous[0].end + 3 < chunk.start or chunk.text in gz.KNOWN_ORGANIZATIONS:
        return None
    owner = table.records.get(previous[1])
    if owner is None or owner.type not in (EntityType.country, EntityType.place):
        return None
    return owner


def position_chunk(table, text, chunk: Chunk, name: str, previous, following) -> str | None:
    """A post named on its own: 'President of Azerbaijan', 'Defence Minister'."""
    key = None
    if len(chunk.tokens) <= 2 and " of " not in name:
        key = unique_prefix_match(table, name)
    if key is None:
        body = body_after(text, chunk, following)
        key = post_of(table, text, chunk.tokens, body)
        if key is None:
            return None
        if body is not None:  # "Vice Chancellor, National Defence University"
            table.alias(key, " ".join(text[chunk.start : following.end].split()))
    table.mention(chunk.start, chunk.end, text, key)
    nested_mentions(table, text, chunk)
    apposition(table, text, previous, key, chunk)
    return key


def apposition(table, text, previous, key, chunk) -> None:
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
