"""Appointments: who takes which post, replacing whom ('Ruto appointed General X as Chief of
the Defence Forces, replacing Y', 'X was named the new defence minister', 'X, who succeeds
Y as army chief, was sworn in').
"""

import re

from app.enums import EntityType, FactType
from app.extraction import gazetteer as gz
from app.extraction import lexicon
from app.extraction import statements as say
from app.extraction.context import Ref, SentenceContext, period_near
from app.extraction.drafts import FactDraft, build_fact
from app.extraction.gates import holds_any
from app.extraction.quantities import Period

VERB = lexicon.word_pattern(lexicon.APPOINT_VERBS)
SUCCESSION = lexicon.word_pattern(lexicon.SUCCESSION_CUES)
CUES = ("appoint", "named", "names", "nominat", "sworn", "promot", "elevat", "picked", "tapped",
        "chose", "becom", "take over", "selected", "installed", "designat", "confirmed",
        "took over", "takes over", "assum", "replac", "succe", "inaugurat")  # fmt: skip
REACH = 120  # characters from the verb within which the person and the post are named
POSTS_OF, HOLDERS_OF = "posts_of", "holders_of"  # ArticleState.notes: person <-> posts given


def find(ctx: SentenceContext) -> list:
    if not holds_any(ctx.body, CUES):
        return []
    # A succession cue wins over the verb inside it ("take over from X as Y": X left).
    cues = [(m, True) for m in SUCCESSION.finditer(ctx.body)]
    taken = bytearray(len(ctx.body))
    for match, _ in cues:
        taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    cues += [(m, False) for m in VERB.finditer(ctx.body) if not taken[m.start()]]
    facts, people = [], set()
    saying = SAYING.search(ctx.body)  # where the sentence's saying verb is, found once
    for verb, succession in sorted(cues, key=lambda cue: cue[0].start()):
        fact = _appointment(ctx, verb, succession, saying.start() if saying else len(ctx.body))
        if fact is None or fact.subject in people:
            continue
        # The same change of post told again later in the article is one claim.
        said = (fact.subject, fact.object, fact.replaces)
        if said not in ctx.state.appointed:
            ctx.state.appointed.add(said)
            # who was given which post, both ways, for "X succeeds Y" and "the new CDS" later
            ctx.state.notes.setdefault(POSTS_OF, {}).setdefault(fact.subject, set()).add(
                fact.object
            )
            ctx.state.notes.setdefault(HOLDERS_OF, {}).setdefault(fact.object, set()).add(
                fact.subject
            )
            people.add(fact.subject)
            facts.append(fact)
    return facts


def _appointment(ctx: SentenceContext, verb: re.Match, succession_cue: bool, saying: int):
    """The post must follow the verb as its complement ('appointed X as Y', 'was named the
    new Y', 'took over as Y'); the person is the verb's object, or its subject when passive."""
    post = _post_after(ctx, verb)
    if post is None and succession_cue:
        post = _post_given(ctx, verb)  # "X succeeds Y": the post X was given earlier
    if post is None:
        return None
    predecessor = None
    if succession_cue:  # "X, who succeeds Y as Z": Y left the post
        stop = post.start - ctx.sentence.start if post.start is not None else verb.end() + 60
        between = ctx.entities_in(verb.end(), min(stop, len(ctx.body)), EntityType.person)
        before = _people_before(ctx, verb)
        if not before:
            return None
        person, predecessor = before[-1], (between[0] if between else None)
    else:
        person = _appointee(ctx, verb, post)
    if person is None:
        return None
    draft = FactDraft(FactType.appointment, person, "appointed_as", object=post,
                      attributed=True, confidence=0.7)  # fmt: skip
    draft.anchor(ctx.absolute(verb.start()), ctx.absolute(verb.end()))
    if predecessor is not None:
        draft.replaces = predecessor
    succession = (
        None
        if predecessor is not None
        else SUCCESSION.search(
            ctx.body, max(0, verb.start() - REACH), min(len(ctx.body), verb.end() + REACH)
        )
    )
    if succession is not None and succession.start() != verb.start():
        after = ctx.first_entity(succession.end(), min(len(ctx.body), succession.end() + 60),
                                 EntityType.person)  # fmt: skip
        after = after or _holder_of_post_at(ctx, succession.end())
        if after is not None and after.key != person.key:
            draft.replaces = after
            draft.anchor(ctx.absolute(succession.start()), ctx.absolute(succession.end()))
    if draft.replaces is None:
        draft.replaces = _leaving(ctx, verb, person) or _predecessor_after(ctx, person)
    draft.modality = lexicon.modality_of(ctx.body, verb.start(), verb.end())
    if verb.group(0).lower().startswith("nominat"):
        draft.modality = "proposed"  # a nominee is not yet in post
    elif INFINITIVE.search(ctx.body, max(0, verb.start() - 4), verb.start()):
        draft.modality = "planned"  # "selected X to become", "leaving the bank to become"
    post_end = post.end - ctx.sentence.start if post.end is not None else verb.end()
    draft.period = _period(ctx, verb, post_end, saying)
    return build_fact(ctx, draft, statement(say.named(ctx, draft), draft))


# "The Rear Admiral, who succeeded X as ...": a rank alone stands for the person of that
# rank named last.
RANK_ANAPHOR = re.compile(
    rf"\b[Tt]he\s+(?P<rank>(?:(?:{'|'.join(sorted(gz.RANK_WORDS, key=len, reverse=True))})[\s-]?)+)"
    r"\s*,?\s*(?:who\s+(?:has\s+|had\s+)?)?$"
)


def _people_before(ctx: SentenceContext, verb: re.Match) -> list[Ref]:
    """The people named in the REACH before the verb, or the one a rank alone stands for."""
    named = ctx.entities_in(max(0, verb.start() - REACH), verb.start(), EntityType.person)
    return named or _ranked_anaphor(ctx, verb)


def _ranked_anaphor(ctx: SentenceContext, verb: re.Match) -> list[Ref]:
    found = RANK_ANAPHOR.search(ctx.body, max(0, verb.start() - 60), verb.start())
    if found is None:
        return []
    rank = found.group("rank").strip().lower()
    for mention in ctx.table.mentions_before(ctx.absolute(found.start()), ANAPHOR_REACH):
        record = ctx.table.records.get(mention.key)
        if (
            record is not None
            and record.type is EntityType.person
            and any(alias.lower().startswith(rank + " ") for alias in record.aliases)
        ):
            return [
                Ref(record.key, ctx.absolute(found.start("rank")), ctx.absolute(found.end("rank")))
            ]
    return []


ANAPHOR_REACH = 200  # mentions back that a rank alone may look for its person


def _post_given(ctx: SentenceContext, verb: re.Match) -> Ref | None:
    """The one post the article already gave the person named before `verb`, if any."""
    before = _people_before(ctx, verb)
    if not before:
        return None
    posts = set(ctx.state.notes.get(POSTS_OF, {}).get(before[-1].key, ()))
    return Ref(posts.pop()) if len(posts) == 1 else None


# "to take over from the new CDS": the post names the person just appointed to it.
HOLDER_DESCRIPTION = re.compile(r"\s+(?:the\s+)?(?:(?:new|newly\s+appointed|incoming)\s+)?$")


def _holder_of_post_at(ctx: SentenceContext, start: int) -> Ref | None:
    post = ctx.first_entity(start, min(len(ctx.body), start + 40), EntityType.position)
    if post is None or not HOLDER_DESCRIPTION.fullmatch(ctx.text, ctx.absolute(start), post.start):
        return None
    holders = set(ctx.state.notes.get(HOLDERS_OF, {}).get(post.key, ()))
    return Ref(holders.pop(), post.start, post.end) if len(holders) == 1 else None


INFINITIVE = re.compile(r"\bto\s+$")
NEWLY = re.compile(r"\bnewly[\s-]\w+$", re.IGNORECASE)
# "said on Friday that X would become ...": a date before the verb is the saying's.
SAYING = re.compile(r"\b(?:said|says|told|reported|announced|introduced|confirmed)\b")


def _period(ctx: SentenceContext, verb: re.Match, end: int, saying: int) -> Period | None:
    if NEWLY.search(ctx.body, max(0, verb.start() - 8), verb.end()):
        return None  # "X, the newly appointed Y, was introduced on Friday": not its date
    period = period_near(ctx, verb.start(), max(verb.end(), end))
    if period is not None and period.end <= ctx.absolute(verb.start()) and saying < verb.start():
        return None
    return period


# "will become X from Saturday, after Y leaves the bank": Y leaves the post.
LEAVES = re.compile(r"\s+(?:leaves|left|steps down|stepped down|departs|departed|retires|"
                    r"retired|resigns|resigned|exits|exited)\b")  # fmt: skip
AFTER = re.compile(r"\bafter\s+$")


def _leaving(ctx: SentenceContext, verb: re.Match, person: Ref) -> Ref | None:
    for ref in ctx.entities_in(
        verb.end(), min(len(ctx.body), verb.end() + REACH), EntityType.person
    ):
        at = ref.start - ctx.sentence.start
        if (ref.key != person.key and AFTER.search(ctx.body, max(0, at - 8), at)
                and LEAVES.match(ctx.text, ref.end)):  # fmt: skip
            return ref
    return None


# Between the verb and the post: the appointee's name at most, then "as", "to" or "the new";
# or the post right after the verb ("was named MD and CEO of X", "appointed him the new Y").
COMPLEMENT = re.compile(r"^(?:[^,;.]{0,80}?\s)?(?:as|to(?: the (?:post|position|office) of)?)\s+"
                        r"(?:(?:the|its)\s+)?(?:new\s+|next\s+|acting\s+|interim\s+)?(?:[\w’']+\s+)?$"
                        r"|^\s+(?:(?:him|her)\s+)?(?:(?:the|its)\s+)?(?:(?:new|next|acting|interim)\s+)?$",
                        re.IGNORECASE)  # fmt: skip
# A post in lower case after the verb: "will become its interim group chief executive",
# "as the new commander-in-chief of the Guards". Case-sensitive: a capitalised post is an
# entity the entity pass already found.
LOWER_POST = re.compile(
    r"\b(?P<title>(?:(?:group|deputy|vice|senior)\s+)?"
    rf"(?:{lexicon.alternation(lexicon.POST_HEADS)}))\b"
    r"(?:\s+of\s+(?P<of>(?:the\s+)?(?:[A-Z][\w’'-]*+\s?){1,4}(?:division|unit|region)?))?"
    r"(?P<more>,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3},?\s+and\s)?"
)


BARE_COMPLEMENT = re.compile(r"^\s+(?:(?:him|her)\s+)?(?:(?:the|its)\s+)?(?:(?:new|next|acting|"
                             r"interim)\s+)?$", re.IGNORECASE)  # fmt: skip
# "appointed the Chief of Army Staff, General X as the new Chief of Defence Staff": the
# first post is the one X holds; the post after "as" is the new one.
APPOSED_AS = re.compile(r"^,\s+[^,;.]{1,60}?\s(?:as|to)\s+(?:the\s+)?(?:(?:new|next|acting|"
                        r"interim)\s+)?$")  # fmt: skip


def _post_after(ctx: SentenceContext, verb: re.Match) -> Ref | None:
    end = min(len(ctx.body), verb.end() + REACH)
    posts = ctx.entities_in(verb.end(), end, EntityType.position)
    for number, post in enumerate(posts):
        between = ctx.text[ctx.absolute(verb.end()) : post.start]
        if COMPLEMENT.match(between):
            for later in posts[number + 1 :] if BARE_COMPLEMENT.match(between) else ():
                apposed = ctx.text[post.end : later.start]
                if APPOSED_AS.match(apposed) and ctx.entities_in(
                    post.end - ctx.sentence.start, later.start - ctx.sentence.start,
                    EntityType.person,
                ):  # fmt: skip
                    return later
            return post
    return _lower_post(ctx, verb)


ITS = re.compile(r"\b(?:its|their)\s+(?:\w+\s+)?$")
# "as Chilean Air Force (FACh) commander": the body named right before a lower-case title.
AS_BODY = re.compile(r"\s+as\s+(?:the\s+)?(?:new\s+)?$")
ACRONYM_AFTER = re.compile(r"\s*(?:\([A-Z][A-Za-z]{1,7}\)\s*)?")


def _body_before_title(ctx: SentenceContext, verb: re.Match, title_at: int) -> Ref | None:
    """The organisation that fills the words between 'as' and a lower-case title."""
    body = ctx.first_entity(verb.end(), title_at, EntityType.organization)
    if body is None or not AS_BODY.fullmatch(ctx.text, ctx.absolute(verb.end()), body.start):
        return None
    rest = ACRONYM_AFTER.match(ctx.text, body.end)
    return body if rest.end() == ctx.absolute(title_at) else None


def _lower_post(ctx: SentenceContext, verb: re.Match) -> Ref | None:
    """The post a lower-case phrase names, qualified by its body: the one 'of' names, else
    the organisation named last before the verb (or the sentence's subject, for 'its')."""
    found = LOWER_POST.search(ctx.body, verb.end(), min(len(ctx.body), verb.end() + REACH))
    if found is None or (found.group("more") and found.group("of")):
        return None  # none, or a name that goes on ("of the Europe, Middle East and ...")
    body_before = _body_before_title(ctx, verb, found.start())
    if body_before is not None and not found.group("of"):
        title = found.group("title")
        name = f"{title.title()} of {ctx.name_of(body_before.key)}"
        key = ctx.table.add(name, EntityType.position, aliases=[title])
        return Ref(key, body_before.start, ctx.absolute(found.end("title")))
    if not COMPLEMENT.match(ctx.body[verb.end() : found.start()]):
        return None
    if ctx.covered(ctx.absolute(found.start("title")), ctx.absolute(found.end("title"))):
        return None
    title = found.group("title")
    if found.group("of"):
        surface = f"{title} of {found.group('of').strip()}"
        key = ctx.table.add(surface[0].upper() + surface[1:], EntityType.position)
    else:
        # "its next chief executive": the body the sentence is about before the outlet cited
        its = ITS.search(ctx.body, max(0, found.start() - 20), found.start())
        source = ctx.attribution.key if ctx.attribution else None
        owners = [ref.key for ref in ctx.entities_in(0, verb.start(), EntityType.organization)]
        if its and source is not None:
            owners = [key for key in owners if key != source]
            owners += [ctx.state.last_organization_subject or source]
        owner = owners[-1] if owners else ctx.state.last_organization_subject
        if owner is None or owner not in ctx.table.records:
            return None
        plain = title.removeprefix("group ")  # "group chief executive" is the chief executive
        name = f"{plain.title()} of {ctx.name_of(owner)}"
        key = ctx.table.add(name, EntityType.position, aliases=[title, plain])
    return Ref(
        key,
        ctx.absolute(found.start("title")),
        ctx.absolute(found.end("title") if not found.group("of") else found.end("of")),
    )


# "has appointed" is active: only a form of "be" (or "newly") makes the person the subject.
PASSIVE = re.compile(
    r"\b(?:(?:was|were|is|are|been|be|being|newly|just)\s+(?:\w+\s+)?|newly-)$", re.IGNORECASE
)
TAKING = ("took", "takes", "assum", "sworn", "confirmed", "replac", "succe", "becom")
PRONOUN = re.compile(r"\s+(?:him|her)\b", re.IGNORECASE)
SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "Newly appointed Chief of Defence Forces, General X": the one appointed follows the post.
# (Past the post's acronym and body: "Chief of Defence Staff [CDS] of the Defence Force, X".)
AFTER_POST = re.compile(r"(?:\s*[\[(][A-Z]{2,6}[\])])?(?:\s+of\s+the\s+[^,;.\[(]{1,60}"
                        r"(?:\s*[\[(][A-Z]{2,6}[\])])?)?\s*,\s*")  # fmt: skip


def _appointee(ctx: SentenceContext, verb: re.Match, post: Ref) -> Ref | None:
    """'X appointed Y as ...': the person between the verb and the post ('appointed him':
    the person named last before); 'Y was appointed as ...', 'Y takes over as ...': the
    person nearest before the verb; 'she would become ...': the last sentence's person."""
    verb_at = ctx.absolute(verb.start())
    between = ctx.entities_in(verb.end(), post.start - ctx.sentence.start, EntityType.person)
    if between:
        return between[0]
    before = ctx.entities_in(max(0, verb.start() - REACH), verb.start(), EntityType.person)
    before = [ref for ref in before if ref.start < verb_at]
    passive = PASSIVE.search(ctx.body, max(0, verb.start() - 25), verb.start())
    taking = verb.group(0).lower().startswith(TAKING)
    if not (passive or taking or PRONOUN.match(ctx.body, verb.end())):
        return None
    pronoun = SUBJECT_PRONOUN.search(ctx.body, max(0, verb.start() - 30), verb.start())
    if pronoun is not None:
        last = ctx.state.last_subject
        if last in ctx.table.records and ctx.type_of(last) is EntityType.person:
            return Ref(last)
    if before:
        return max(before, key=lambda ref: ref.start)
    comma = AFTER_POST.match(ctx.text, post.end)
    if passive and comma is not None:
        return ctx.first_entity(comma.end() - ctx.sentence.start,
                                min(len(ctx.body), comma.end() - ctx.sentence.start + 40),
                                EntityType.person)  # fmt: skip
    return None


PREDECESSOR = lexicon.word_pattern(lexicon.PREDECESSOR_CUES)
NEXT_SENTENCE = re.compile(r"[.!?](?:\s|$)")
LOOKAHEAD = 300  # characters of the next sentence read for the predecessor


def _predecessor_after(ctx: SentenceContext, person: Ref) -> Ref | None:
    """The one who left the post, named in the next sentence: 'X will replace Y',
    'the outgoing army chief, Y'."""
    start = ctx.sentence.end
    stop = NEXT_SENTENCE.search(ctx.text, start + 1, start + LOOKAHEAD)
    end = stop.end() if stop else min(len(ctx.text), start + LOOKAHEAD)
    people = [m for m in ctx.table.in_span(start, end)
              if m.key in ctx.table.records and ctx.type_of(m.key) is EntityType.person]  # fmt: skip
    for cue in (
        *SUCCESSION.finditer(ctx.text, start, end),
        *PREDECESSOR.finditer(ctx.text, start, end),
    ):
        after = [m for m in people if cue.end() <= m.start < cue.end() + 60]
        if not after or after[0].key == person.key:
            continue
        if SUCCESSION.fullmatch(cue.group(0)):
            doer = [m for m in people if m.end <= cue.start()]
            if not doer or doer[-1].key != person.key:
                continue
        return Ref(after[0].key, after[0].start, after[0].end)
    return None


def statement(named: say.Named, draft) -> str:
    """An appointment said from its fields (extraction, and again after a correction)."""
    person, post = named.subject, named.object
    verb = say.tense(draft.modality, "was appointed", "is to become", "was nominated as")
    replaces = f", replacing {named.replaces}" if named.replaces else ""
    return f"{person} {verb} {post}{replaces}{say.period(draft.period)}."
