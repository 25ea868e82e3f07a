"""Places named by the facility after a name: 'the Porsanger garrison', 'Babcock's Rosyth
dockyard', 'NATO headquarters'. Works on the entity table it is handed; bounded windows only.
"""

import re

from app.enums import EntityType
from app.extraction.chunks import Chunk

# Right after a name, in lower case: a site that the name places ("the Rosyth dockyard").
FACILITY_AFTER = re.compile(
    r"\s(garrison|(?:air|naval|military|army)\s?base|airbase|dockyard|shipyard|naval\syard"
    r"|headquarters|training\sground|test\ssite|firing\srange|barracks|airfield|air\sstrip)\b"
)
# An organisation's site: only its headquarters is a place of its own.
BODY_SITES = {"headquarters"}


def site_after(table, text: str, chunk: Chunk, after: str, entity_type) -> str | None:
    """The key of the place a name and the facility noun after it name, if they do."""
    match = FACILITY_AFTER.match(after)
    if match is None:
        return None
    noun = match.group(1)
    if entity_type is EntityType.organization and noun not in BODY_SITES:
        return None
    if entity_type not in (None, EntityType.place, EntityType.organization):
        return None
    end = chunk.end + match.end()
    surface = " ".join(text[chunk.start : end].split())
    known = table.resolve(chunk.text) if entity_type is not EntityType.organization else None
    if known is not None and table.records[known].type is not EntityType.place:
        return None
    aliases = [] if entity_type is EntityType.organization else [chunk.text]
    key = known or table.add(surface, EntityType.place, aliases=aliases)
    table.alias(key, surface)
    table.mention(chunk.start, end, text, key)
    return key
