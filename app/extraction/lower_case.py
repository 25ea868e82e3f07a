"""Bodies and posts named in lower case after a demonym, a possessive country or 'the':
"Azerbaijan's parliament", "the Swedish prime minister", "the finance ministry", "the
government said"; and a counterpart's post ("his Australian counterpart"). One sentence at a
time, bounded windows only.

Works on the entity table it is handed (duck-typed); imports posts and the gazetteer.
"""

import re

from app.enums import EntityType
from app.extraction import gazetteer as gz
from app.extraction.document import Sentence
from app.extraction.gates import Gated
from app.extraction.posts import add_post

# In lower case, after a demonym or a possessive country (or "the"): bodies and posts.
LOWER_NOUNS = {
    "parliament": ("Parliament of {c}", EntityType.organization),
    "government": ("Government of {c}", EntityType.organization),
    "cabinet": ("Cabinet of {c}", EntityType.organization),
    "army": ("{d} Army", EntityType.organization),
    "navy": ("{d} Navy", EntityType.organization),
    "air force": ("{d} Air Force", EntityType.organization),
    "armed forces": ("{d} Armed Forces", EntityType.organization),
    "military": ("{d} Armed Forces", EntityType.organization),
    "defence ministry": ("Ministry of Defence of {c}", EntityType.organization),
    "defense ministry": ("Ministry of Defense of {c}", EntityType.organization),
    "foreign ministry": ("Ministry of Foreign Affairs of {c}", EntityType.organization),
    "finance ministry": ("Ministry of Finance of {c}", EntityType.organization),
    "interior ministry": ("Ministry of Interior of {c}", EntityType.organization),
    "president": ("President of {c}", EntityType.position),
    "prime minister": ("Prime Minister of {c}", EntityType.position),
    "defence minister": ("Defence Minister of {c}", EntityType.position),
    "defense minister": ("Defense Minister of {c}", EntityType.position),
    "foreign minister": ("Foreign Minister of {c}", EntityType.position),
    "finance minister": ("Finance Minister of {c}", EntityType.position),
    "interior minister": ("Interior Minister of {c}", EntityType.position),
    "home minister": ("Home Minister of {c}", EntityType.position),
    "deputy prime minister": ("Deputy Prime Minister of {c}", EntityType.position),
    "vice president": ("Vice President of {c}", EntityType.position),
    "foreign secretary": ("Foreign Secretary of {c}", EntityType.position),
    "defence secretary": ("Defence Secretary of {c}", EntityType.position),
    "defense secretary": ("Defense Secretary of {c}", EntityType.position),
    "army chief": ("Army Chief of {c}", EntityType.position),
    "chief of staff": ("Chief of Staff of {c}", EntityType.position),
    "national security adviser": ("National Security Adviser of {c}", EntityType.position),
    "ambassador": ("Ambassador of {c}", EntityType.position),
    "king": ("King of {c}", EntityType.position),
    "supreme leader": ("Supreme Leader of {c}", EntityType.position),
    "leader": ("Leader of {c}", EntityType.position),
}
LOWER_NOUN = Gated(
    "parliament|government|cabinet|army|navy|air force|armed forces|military|ministry|president|minister|secretary|chief|adviser|ambassador|king|leader",
    re.compile(
        r"\b(?:(?P<owner>(?:[A-Z][a-z]{1,12}\s)?[A-Z][\w-]{1,30})(?P<poss>[’']s)?"
        r"|(?P<the>the|a|by|in|to|from|before))\s"
        r"(?P<noun>" + "|".join(sorted(LOWER_NOUNS, key=len, reverse=True)) + r")\b(?![-’'])"
        # Not the noun used as an adjective: "the government ministry", "government bonds".
        r"(?!\s(?:ministry|ministries|bonds?|debt|spending|budget)\b)"
    ),
)
# Bare "the president", "the army" name the article's own country only when it dominates;
# these nouns are too common to take even that on their own.
NEEDS_OWNER = {"army", "navy", "air force", "armed forces", "military", "president", "government",
               "cabinet", "vice president", "ambassador", "king", "chief of staff",
               "army chief", "leader"}  # fmt: skip


def lower_case_bodies(table, text: str, sentence: Sentence) -> None:
    """ "Azerbaijan's parliament", "the Swedish prime minister", "the finance ministry"."""
    for match in LOWER_NOUN.finditer(sentence.text):
        noun = match.group("noun")
        if noun == "military" and _adjective(sentence.text, match.end()):
            continue  # "Chile's military buildup", "US military bases"
        pattern, entity_type = LOWER_NOUNS[noun]
        country = None
        owned = match.group("owner") not in (None, "The")  # "The government said"
        owner_start = match.start()
        if owned:
            owner, possessive = match.group("owner"), match.group("poss") is not None
            if " " in owner and owner not in gz.country_by_surface():
                owner = owner.split(" ", 1)[1]  # "The Swedish", not "North Korean"
                owner_start = match.end("owner") - len(owner)
            country = gz.country_by_surface().get(owner)
            if (
                country is None
                or (owner in country.demonyms and possessive)
                or (owner == country.name and not possessive)
            ):
                continue  # "Sweden parliament" / "Swedish's" are no owners; "US", "Turkiye's" are
        elif noun not in NEEDS_OWNER or (
            noun == "government" and _clause_subject(sentence.text, match)
        ):
            name = table.post_country if entity_type is EntityType.position else table.main_country
            if noun == "government":
                name = table.post_country  # only the country the article is about
            country = gz.country_by_surface().get(name or "")
        if country is None or not country.demonyms:
            continue
        name = pattern.format(c=country.name, d=country.demonyms[0])
        surface = sentence.text[owner_start : match.end()] if owned else noun
        start = sentence.start + (owner_start if owned else match.start("noun"))
        end = sentence.start + match.end()
        if entity_type is EntityType.position:
            title = name.rsplit(" of ", 1)[0]
            key = add_post(table, title, country.name, [surface])
        else:
            key = table.resolve(name)
            if key is None and noun == "army":  # "the Armenian army": its armed forces, if named
                key = table.resolve(f"Armed Forces of {country.name}") or table.resolve(
                    f"{country.demonyms[0]} Armed Forces"
                )
            if key is None and noun == "parliament" and not owned:
                key = table.canonical(table.legislature)  # "the parliament": the Assembly
                key = key if key in table.records else None
            key = key or table.add(name, entity_type)
            table.alias(key, surface)
        if not any(m.start <= start and end <= m.end for m in table.mentions[-8:]):
            table.mention(start, end, text, key)
    for match in COUNTERPART.finditer(sentence.text):
        _counterpart(table, text, sentence, match)


NEXT_WORD = re.compile(r"\s([a-z]{1,20})\b")
# After "military" as a noun: a verb or a word that ends its phrase ("the military said").
NOUN_FOLLOWERS = {
    "is", "was", "has", "had", "have", "are", "were", "said", "says", "will", "would", "could",
    "can", "may", "might", "must", "should", "and", "or", "of", "in", "on", "at", "to", "for",
    "with", "from", "also", "did", "does", "told", "that", "which", "who",
}  # fmt: skip


# Around "the government" that acts in its clause: what may come before the subject, and the
# verbs and adverbs right after it ("the government had prepared", "The government wants").
SUBJECT_BEFORE = re.compile(
    r"(?:^|(?:^|[\s,;:“\"])(?:that|said|says|and|but|when|while|as|because))\s$"
)
SUBJECT_VERBS = {
    "has", "had", "have", "is", "was", "will", "would", "could", "can", "may", "might",
    "must", "should", "wants", "plans", "intends", "said", "says", "also", "instead",
    "already", "now", "still", "soon", "recently", "announced", "approved", "decided",
}  # fmt: skip


def _clause_subject(sentence: str, match: re.Match) -> bool:
    """'the government' as its clause's subject: at the start or after 'that', before a verb."""
    if match.group("the") != "the" and match.group("owner") != "The":
        return False
    word = NEXT_WORD.match(sentence, match.end())
    if word is None or word.group(1) not in SUBJECT_VERBS:
        return False
    start = match.start()
    return start == 0 or SUBJECT_BEFORE.search(sentence, max(0, start - 12), start) is not None


def _adjective(sentence: str, end: int) -> bool:
    """The noun is an adjective when a noun follows it: not a verb, a past form or a link."""
    word = NEXT_WORD.match(sentence, end)
    if word is None:
        return False
    word = word.group(1)
    return word not in NOUN_FOLLOWERS and not word.endswith("ed")


# "his Australian counterpart, Scott Morrison": the post the sentence named before, in the
# other country; the name after it holds that post.
COUNTERPART = Gated(
    "counterpart",
    re.compile(r"\b(?:his|her|their|its)\s(?P<owner>[A-Z][\w-]{1,30})\scounterpart\b"),
)
RECENT = 30  # mentions looked back over for the post a counterpart mirrors: a bound


def _counterpart(table, text: str, sentence: Sentence, match: re.Match) -> None:
    country = gz.demonym_to_country().get(match.group("owner"))
    start = sentence.start + match.start()
    if country is None:
        return
    post = None
    for mention in reversed(table.mentions[-RECENT:]):
        record = table.records.get(table.canonical(mention.key) or "")
        if mention.start < sentence.start:
            break
        if mention.start < start and record is not None and record.type is EntityType.position:
            post = record
            break
    if post is None or " of " not in post.name:
        return
    title, owner = post.name.rsplit(" of ", 1)
    if gz.country_by_surface().get(owner) is None or owner == country.name:
        return  # only a country's post has a counterpart in another country
    surface = text[sentence.start + match.start("owner") : sentence.start + match.end()]
    key = add_post(table, title, country.name, [surface])
    end = sentence.start + match.end()
    table.mention(sentence.start + match.start("owner"), end, text, key)
    after = end + (2 if text.startswith(", ", end) else 1)
    holder = next((m for m in reversed(table.mentions[-RECENT:]) if m.start == after), None)
    record = table.records.get(table.canonical(holder.key) or "") if holder else None
    if record is not None and record.type is EntityType.person:
        table.appositions.append((record.key, key, start, holder.end))
