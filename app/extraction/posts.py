"""Posts (position entities), each qualified by its own country or body: 'Polish Prime
Minister' -> 'Prime Minister of Poland', 'NATO Secretary General' -> 'Secretary General of
NATO', 'Bank of Ireland chairman' -> 'Chairman of Bank of Ireland'. A post whose phrase names
no country takes the article's dominant country, or is dropped: it is never given another
country's name.

Works on the entity table it is handed (duck-typed); imports only the gazetteer.
"""

import re

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.document import Token

HONORIFICS = ("Mr", "Mrs", "Ms", "Dr", "Sir", "Prof", "The", "His", "Her", "Excellency")
# "Minister of Defence" <-> "Defence Minister": one post, either way round.
OF_FORM = re.compile(r"((?:First |Deputy |Vice )*)Minister of (?:the )?(\w+)(?: Affairs)?")
HEAD_FORM = re.compile(r"((?:First |Deputy |Vice )*)(\w+) Minister")
AFFAIRS = {"Foreign", "Home", "Internal", "External", "Veterans"}  # "... Minister of X Affairs"


def post_of(table, text: str, tokens: list[Token], owner) -> str | None:
    """The key of the post that title words name, or None (ranks alone, no country)."""
    words = [t.text for t in tokens]
    while words and words[0] in HONORIFICS:
        words = words[1:]
    while words and _is_rank(words[-1]) and not _general_post(words):
        words = words[:-1]
    qualifier = owner.name if owner is not None else None
    if len(words) > 2 and qualifier is None and " ".join(words[:2]) in gz.country_by_surface():
        qualifier = qualifier_of(table, " ".join(words[:2]))  # "South Korean President"
        words = words[2:]
    if words and qualifier is None:
        qualifier = qualifier_of(table, words[0])
        if qualifier is not None:
            words = words[1:]
    if not words or not any(_is_post_word(word) for word in words):
        return None
    title = " ".join(words)
    if qualifier is None and " of " in title:
        last = title.rsplit(" of ", 1)[1].removeprefix("the ")
        if qualifier_of(table, last) is not None:
            qualifier = ""  # already qualified: "President of France"
        elif (
            len(last.split()) > 1
            and last.split()[-1] != "Staff"  # "Chief of Defence Staff": a post of a country
            and gz.type_from_head(last.split()[-1]) is EntityType.organization
        ):
            qualifier = ""  # by a body: "Head of the Armament Authority of the Egyptian Army"
            _named_body(table, text, tokens, last)
    if qualifier is None:
        qualifier = table.post_country
    if qualifier is None:
        return None
    surface = " ".join(text[tokens[0].start : tokens[-1].end].split())
    aliases = [surface]
    if (republic := REPUBLIC.fullmatch(title)) and qualifier_of(table, republic.group(2)):
        aliases.append(title)  # "President of the Republic of Kenya" is "President of Kenya"
        title = f"{republic.group(1)} of {qualifier_of(table, republic.group(2))}"
    key = add_post(table, title, qualifier, aliases)
    table.mention(tokens[0].start, tokens[-1].end, text, key)
    _body_in_title(table, text, tokens, title, qualifier)
    return key


REPUBLIC = re.compile(r"(.+?) of (?:the )?Republic of (.+)")
# The heads of armed units, which name a body before a post that commands it ("Naval Forces
# Commander").
COMMANDS = {"Commander", "Chief", "Head", "Commander-in-Chief", "Commander-in-chief"}
UNIT_HEADS = {"Forces", "Force", "Army", "Navy", "Command", "Corps", "Guard", "Fleet",
              "Division", "Brigade"}  # fmt: skip


def _body_in_title(table, text: str, tokens: list[Token], title: str, qualifier: str) -> None:
    """'Commander of the Air Force', 'Air Forces Commander': the body the post heads is an
    entity too."""
    if not qualifier:
        return
    if " of " not in title:
        words = title.split()[:-1]  # "1st Army Commander": a unit's name before the post
        if len(words) < 2 or words[-1] not in UNIT_HEADS or title.split()[-1] not in COMMANDS:
            return  # "Naval Forces Commander", not "Armed Forces Minister"
        body = " ".join(words)
    elif title.count(" of ") == 1:
        body = title.split(" of ", 1)[1].removeprefix("the ")
        words = body.split()
    else:
        return
    if len(words) < 2 or gz.type_from_head(words[-1]) is not EntityType.organization:
        return
    if words[-1] == "Staff":
        return  # "Chief of Defence Staff" is a post; its staff is seldom meant
    same = SAME_UNIT.get(body)  # "Naval Forces" after "Navy": one body
    key = (
        table.resolve(body)
        or (same and (table.resolve(f"{same} of {qualifier}") or table.resolve(same)))
        or table.add(f"{body} of {qualifier}", EntityType.organization, aliases=[body])
    )
    table.alias(key, body)
    _body_mention(table, text, tokens, words, key)


SAME_UNIT = {"Naval Forces": "Navy", "Navy": "Naval Forces", "Air Forces": "Air Force",
             "Air Force": "Air Forces"}  # fmt: skip


def _named_body(table, text: str, tokens: list[Token], body: str) -> None:
    """The body that already qualifies a post ('... of the Egyptian Armed Forces')."""
    words = body.split()
    country = gz.demonym_to_country().get(words[0])
    aliases = [f"{' '.join(words[1:])} of {country.name}"] if country else []
    key = table.resolve(body) or table.add(body, EntityType.organization, aliases=aliases)
    _body_mention(table, text, tokens, words, key)


def _body_mention(table, text: str, tokens: list[Token], words: list[str], key: str) -> None:
    last = next((t for t in reversed(tokens) if t.text == words[-1]), None)
    first = next((t for t in tokens if t.text == words[0]), None)
    if first is not None and last is not None and first.start < last.end:
        table.mention(first.start, last.end, text, key, "nested")


def add_post(table, title: str, qualifier: str, aliases: list[str]) -> str:
    """Record 'title of qualifier' under one key whichever way round the title is put."""
    name = f"{title} of {qualifier}" if qualifier else title
    if qualifier and " to " in title:  # "Ambassador of the United States to Japan"
        head, _, where = title.partition(" to ")
        name = f"{head} of {qualifier} to {where}"
        aliases = [*aliases, f"{title} of {qualifier}"]
    forms = [title]
    if (of := OF_FORM.fullmatch(title)) is not None:
        forms.append(f"{of.group(1)}{of.group(2)} Minister")
    elif (head := HEAD_FORM.fullmatch(title)) is not None and head.group(2) != "Prime":
        # "Foreign Minister" is the Minister of Foreign Affairs, not "of Foreign"
        field = f"{head.group(2)} Affairs" if head.group(2) in AFFAIRS else head.group(2)
        forms.append(f"{head.group(1)}Minister of {field}")
    names = [f"{form} of {qualifier}" if qualifier else form for form in forms]
    known = next((key for form in names if (key := table.resolve(form))), None)
    if known is not None:
        name = table.records[known].name
    return table.add(name, EntityType.position, aliases=[*names, *forms, *aliases])


def _general_post(words: list[str]) -> bool:
    """'Secretary General', 'Attorney General': 'General' is the post's, not a rank."""
    return len(words) >= 2 and words[-1] == "General" and words[-2] in GENERAL_POSTS


GENERAL_POSTS = {"Secretary", "Attorney", "Director", "Inspector", "Governor", "Surgeon",
                 "Solicitor", "Auditor", "Consul", "Postmaster"}  # fmt: skip


def _is_rank(word: str) -> bool:
    return all(part in gz.RANK_WORDS for part in word.split("-"))


def _is_post_word(word: str) -> bool:
    return word in gz.POSITION_HEADS or any(part in gz.POSITION_HEADS for part in word.split("-"))


def qualifier_of(table, word: str) -> str | None:
    """The country or body a word names ('Polish', 'US', 'NATO'), if it names one."""
    country = gz.country_by_surface().get(word)
    if country is not None:
        return country.name
    if word in gz.KNOWN_ORGANIZATIONS or (word.isupper() and len(word) >= 2 and word.isalpha()):
        return word
    known = table.records.get(table.resolve(word) or "")
    if known is not None and known.type is EntityType.organization:
        return known.name
    return None


LOWER_TITLE = (
    r"(?:(?:acting|interim|deputy|vice|group|chief|senior|executive|managing|general|first)\s)"
    r"{0,3}(?:chairman|chairwoman|chairperson|chief\sexecutive(?:\sofficer)?|ceo|cfo|coo|CEO"
    r"|CFO|COO|MD|managing\sdirector|md|president|director|head|commander(?:\sin\schief)?"
    r"|chief|governor|secretary|spokes(?:man|woman|person)|chief\sfinancial\sofficer"
    r"|chief\soperating\sofficer)"
    r"(?:\s(?:and|&)\s(?:ceo|CEO|md|MD|managing\sdirector|chief\sexecutive))?"
)
# "managing director and CEO of Vijaya Bank", "commander of the U.S. Army First Corps".
TITLE_BEFORE_BODY = re.compile(rf"(?<![\w-])(?P<title>{LOWER_TITLE})\s(?:of|at)\s(?:the\s)?$")
# "Bank of Ireland chairman", "the Kenya Army commander".
TITLE_AFTER_BODY = re.compile(rf"\s(?P<title>{LOWER_TITLE})\b(?!\s(?:of|at|for)\b)")
BODY_TYPES = (EntityType.organization,)


def posts_of_body(table, text: str, start: int, end: int, body_key: str) -> None:
    """A post written in lower case around an organisation's name is that body's post."""
    body = table.records.get(body_key)
    if body is None or body.type not in BODY_TYPES:
        return
    window = text[max(0, start - 60) : start]
    # The window must end in "of " or "of the " (or "at"): tested first, a scan is dearer.
    may_end_in_title = window[-3:-1] in ("of", "at") or window[-7:-5] in ("of", "at")
    if may_end_in_title and (before := TITLE_BEFORE_BODY.search(window)) is not None:
        title = before.group("title")
        surface = " ".join(text[start - len(window) + before.start() : end].split())
        _body_post(table, text, title, body.name, surface, end - len(surface), end)
        return
    if (after := TITLE_AFTER_BODY.match(text, end, end + 40)) is not None:
        title = after.group("title")
        surface = " ".join(text[start : after.end()].split())
        known = table.resolve(surface)  # "Land Forces commander" after "Land Forces Commander"
        if known is not None and table.records[known].type is EntityType.position:
            table.alias(known, surface)
            table.mention(start, after.end(), text, known)
            return
        _body_post(table, text, title, body.name, surface, start, after.end())


def title_case(title: str) -> str:
    """'managing director and ceo' -> 'Managing Director and CEO'."""
    return " ".join(w.upper() if w.lower() in ("ceo", "cfo", "coo", "md") else w.capitalize()
                    for w in title.split()).replace(" And ", " and ")  # fmt: skip


def _body_post(table, text: str, title: str, body: str, surface: str, start, end) -> None:
    words = title.split()
    key = add_post(table, title_case(title), body, [surface, " ".join(words)])
    table.mention(start, end, text, key)
