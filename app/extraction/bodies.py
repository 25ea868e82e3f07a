"""One body named several ways within an article: an acronym and its long form, a firm's
short name, 'Defense Department' and 'Department of Defense', a post's body after a comma.
"""

import re
from dataclasses import dataclass

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.chunks import Chunk
from app.extraction.cues import classify


def body_after(text: str, chunk: Chunk, following: Chunk | None):
    """'Deputy Commander, Kenya Army': the body a bare post is followed by."""
    if following is None or text[chunk.end : following.start] != ", ":
        return None
    if classify(following) is not EntityType.organization or " of " in following.text:
        return None
    return _Named(following.text)


@dataclass(frozen=True)
class _Named:
    name: str


def same_body(table, chunk: Chunk) -> str | None:
    """A body the article already named another way: 'Kyodo' then 'Kyodo News', 'ASEAN'
    then 'Association of Southeast Asian Nations'."""
    acronym = gz.ACRONYMS_OF.get(chunk.text)
    if acronym is not None and (key := table.resolve(acronym)):
        return key
    for other in (gz.EXPANSIONS.get(chunk.text), gz.OTHER_NAMES.get(chunk.text)):
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


def other_form(name: str) -> str | None:
    """'Department of Defense' <-> 'Defense Department', 'Foreign Ministry' <-> 'Ministry
    of Foreign Affairs': the same body put the other way round."""
    if (of := BODY_OF_FORM.fullmatch(name)) is not None:
        return f"{of.group(2)} {of.group(1)}"
    if (head := BODY_HEAD_FORM.fullmatch(name)) is not None:
        affairs = " Affairs" if head.group(1) in ("Foreign", "Internal", "Home") else ""
        return f"{head.group(2)} of {head.group(1)}{affairs}"
    return None
