"""Events: a named actor doing something ('took part in the opening of ...', 'is upgrading
its units in line with X', 'supports X'). The fallback for sentences no other rule claims.
"""

import re

from app.enums import EntityType, FactType
from app.extraction import lexicon
from app.extraction.context import FactDraft, Ref, SentenceContext, build_fact, period_near
from app.extraction.entities import armed_forces_of

VERB = re.compile(
    # "X on April 8, 2019 designated ...": a short dated phrase may stand before the verb
    r"^[\s,]*(?:on\s+[\w ,]{3,30}?,?\s+(?=[a-z]))?(?:(?:has|have|had)\s+been\s+|(?:is|are|was|were|has|have|had|will|would|"
    r"can|could)\s+)?(?:\w+ly\s+)?(?P<verb>(?:took|got|gave|met|held|made|won|lost|began|"
    r"opened|visited|launched|signed|announced|supports?|supported|hosted|attended|"
    r"received|sent|deployed|conducted|\w+ed|\w+ing|(?!(?:is|has|was|its|as|us|this|thus|"
    r"always|perhaps|sometimes|across|besides)\b)[a-z]{3,}s))\b"
)
# "X is expected to debate ...": a plan or a guess, not something that happened.
SPECULATIVE = re.compile(r"^\s*(?:is|are|was|were)\s+(?:expected|likely|set|due|planned|scheduled|"
                         r"supposed|unlikely|rumoured|rumored)\s+to\b")  # fmt: skip
HAPPENING = re.compile(rf"(?:{lexicon.alternation(lexicon.EVENT_VERBS)})\b", re.IGNORECASE)
ACTORS_ACT = re.compile(
    rf"^[\s,]*(?:{lexicon.alternation(lexicon.ACTOR_NOUNS)})\s+(?:(?:have|has|had|were|was|"
    rf"will)\s+)?(?:\w+ly\s+)?(?P<verb>{lexicon.alternation(lexicon.EVENT_VERBS)})\b"
)
OWN_FORCES = re.compile(r"\b(?:its|their)\s+(?:armed forces|army|military)\b")
OBJECTS = (EntityType.organization, EntityType.program, EntityType.country, EntityType.person,
           EntityType.place)  # fmt: skip


def find(ctx: SentenceContext) -> list:
    subject = ctx.subject
    if subject is None or subject.end is None:
        return []
    after = ctx.body[subject.end - ctx.sentence.start :]
    match = VERB.match(after)
    if match is None or not HAPPENING.match(after, match.start("verb")):
        match = ACTORS_ACT.match(after)  # "X troops neutralised ..."
    if match is None or SPECULATIVE.match(after):
        return []  # no verb right after the actor, or one that names no happening
    verb_end = subject.end - ctx.sentence.start + match.end()
    draft = FactDraft(FactType.event, subject, _predicate(match.group("verb")), confidence=0.6,
                      attributed=True)  # fmt: skip
    draft.object = _object(ctx, verb_end)
    # the date written nearest the verb ('X on Wednesday presented ...'), not the first
    # year of the rest of the sentence ('... next year's budget')
    draft.period = period_near(ctx, subject.end - ctx.sentence.start, verb_end)
    end = len(ctx.body.rstrip(".!? "))
    draft.anchor(subject.start, ctx.absolute(end))
    return [build_fact(ctx, draft, _statement(ctx, subject))]


def _statement(ctx: SentenceContext, subject: Ref) -> str:
    """The sentence itself, with the subject's canonical name where the text names it."""
    sentence = ctx.body.rstrip(".!? ")
    name, surface = ctx.name_of(subject.key), ctx.text[subject.start : subject.end]
    if sentence.startswith(surface):
        return f"{name}{sentence[len(surface) :]}."
    if surface in sentence:
        return sentence.replace(surface, name, 1) + "."
    return f"{sentence} ({name})."


def _object(ctx: SentenceContext, start: int) -> Ref | None:
    own = OWN_FORCES.search(ctx.body, start)
    found = ctx.first_entity(start, len(ctx.body), *OBJECTS)
    if own and (found is None or ctx.absolute(own.start()) < found.start):
        country = ctx.state.last_country
        key = armed_forces_of(ctx.table, country) if country else None
        if key is not None:
            ctx.table.mention(ctx.absolute(own.start()), ctx.absolute(own.end()), ctx.text, key,
                              "anaphor")  # fmt: skip
            return Ref(key, ctx.absolute(own.start()), ctx.absolute(own.end()))
    if found is not None and found.key == ctx.subject.key:
        return None
    return found


def _predicate(verb: str) -> str:
    return re.sub(r"\W+", "_", verb.lower())
