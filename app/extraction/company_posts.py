"""A company's posts named in lower case after 'its' or 'the bank's' ("its new chairman",
"the group's chief financial officer", "as chairman"): posts of the company meant, the one
named last in the sentence or else the article's main company. One linear pass of the text.

Works on the entity table it is handed (duck-typed); imports only posts and spans.
"""

import re

from app.enums import EntityType
from app.extraction.posts import add_post, title_case
from app.extraction.spans import SpanIndex

# The words that make an organisation's name a company's ("Bank of Queensland Ltd").
COMPANY_WORDS = {"Bank", "Ltd", "Limited", "Inc", "Corp", "Corporation", "Company", "Group",
                 "Holdings", "Plc", "PLC", "LLC", "AG", "SA", "Mobile", "Telecom", "Airlines",
                 "Airways", "Motors", "Insurance", "Securities", "Capital"}  # fmt: skip
COMPANY_NOUN = r"(?:bank|company|group|firm|lender|operator|insurer|carrier)"
# "its", "the bank's", "the state-owned operator's", "as": whose post the title is.
OWNER = rf"(?:[Ii]ts|[Tt]he\s(?:[a-z]{{1,12}}-[a-z]{{1,12}}\s)?{COMPANY_NOUN}[’']s|as)"
# Words before the title that are the holder's, not the post's.
PASSING = r"(?:(?:current|new|next|former|interim|acting|outgoing|incoming|permanent)\s){0,2}"
# Longest first: "chief financial officer" before "chief".
TITLE = (
    r"(?:(?:group|deputy|vice|senior|executive|first)\s){0,2}"
    r"(?:chief\sexecutive(?:\sofficer)?|chief\sfinancial\sofficer|chief\soperating\sofficer"
    r"|managing\sdirector(?:\sand\s(?:ceo|CEO|chief\sexecutive))?|chairman|chairwoman"
    r"|chairperson|ceo|CEO|cfo|CFO|coo|COO|president)"
)
COMPANY_POST = re.compile(rf"\b(?P<owner>{OWNER})\s{PASSING}(?P<title>{TITLE})\b(?![-’'])")
CUES = ("chairman", "chairwoman", "chief", "ceo", "CEO", "director", "president")
RECENT = 40  # mentions looked back over for the company a title's 'its' means: a bound
SENTENCE_REACH = 600  # characters looked back over for that sentence's start: a bound


def company_posts(table, text: str) -> None:
    """Add the posts of companies that the text names in lower case."""
    if not any(cue in text for cue in CUES):
        return
    main = _main_company(table)
    if main is None:
        return
    covered = SpanIndex(table.mentions)  # the names already found: "Bank of Ireland chairman"
    posts: dict[str, set[str]] = {}  # what follows an " of " in a post's name -> its keys
    for key, record in table.records.items():
        if record.type is EntityType.position:
            _index_post(posts, key, record.name)
    for match in COMPANY_POST.finditer(text):
        title = match.group("title")
        if match.group("owner") == "as" and title.endswith("president"):
            continue  # "served as president" is seldom a company's post
        company = (
            _named_before(table, covered, text, match.start())
            if match.group("owner") in ("its", "Its")
            else None
        )
        body = table.records[company or main].name
        key = _known_post(table, posts, title_case(title), body)
        if key is None:
            key = add_post(table, title_case(title), body, [title])
            _index_post(posts, key, table.records[key].name)
        table.alias(key, title)
        if not covered.covers(match.start("title"), match.end()):
            table.mention(match.start("title"), match.end(), text, key)


def _index_post(posts: dict[str, set[str]], key: str, name: str) -> None:
    """Index a post under each tail after ' of ' (a scan of all records per title was
    quadratic): 'Chief of Bank of Ireland' under 'bank of ireland' and 'ireland'."""
    lowered = name.lower()
    at = lowered.find(" of ")
    while at >= 0:
        posts.setdefault(lowered[at + 4 :], set()).add(key)
        at = lowered.find(" of ", at + 1)


def _known_post(table, posts: dict[str, set[str]], title: str, body: str) -> str | None:
    """The company's post already named, in full or longer: 'chief executive officer' and
    'chief executive' after 'Group Chief Executive' are that post."""
    short = title.removesuffix(" Officer")
    for form in (title, short):
        if (key := table.resolve(f"{form} of {body}")) is not None:
            return key
    suffix = f" {short} of {body}".lower()
    records = [table.records.get(key) for key in posts.get(body.lower(), ())]
    found = {r.key for r in records
             if r is not None and r.type is EntityType.position and r.name.lower().endswith(suffix)}  # fmt: skip
    return found.pop() if len(found) == 1 else None


def _main_company(table) -> str | None:
    """The company the article names most often (at least twice), if it names one."""
    counts: dict[str, int] = {}
    for mention in table.mentions:
        key = table.canonical(mention.key)
        record = table.records.get(key or "")
        if record is not None and record.type is EntityType.organization and _company(record.name):
            counts[key] = counts.get(key, 0) + 1
    best = max(counts, key=counts.get, default=None)
    return best if best is not None and counts[best] >= 2 else None


def _company(name: str) -> bool:
    return any(word in COMPANY_WORDS for word in name.split())


def _named_before(table, names: SpanIndex, text: str, offset: int) -> str | None:
    """The company named last before `offset` in the same sentence. The mentions before
    `offset` come from the sorted index (the table's last ones are the article's end), and
    the sentence start is looked for only SENTENCE_REACH back (else quadratic)."""
    low = max(0, offset - SENTENCE_REACH)
    sentence_start = max(text.rfind(". ", low, offset), text.rfind("\n", low, offset), low - 1)
    count = names.before(offset)
    for mention in reversed(names.items[max(0, count - RECENT) : count]):
        if sentence_start < mention.start < offset:
            key = table.canonical(mention.key)
            record = table.records.get(key or "")
            if record is not None and record.type is EntityType.organization:
                return key if _company(record.name) else None
    return None
