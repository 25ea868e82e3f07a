"""The shapes that both the curated seed and the extraction pipeline hand to ingestion."""

from dataclasses import dataclass, field

from app.claims import FactClaim
from app.enums import EntityType


@dataclass(frozen=True)
class Span:
    """A stretch of the article: `text[start:end] == quote`."""

    start: int
    end: int
    quote: str


@dataclass
class EntityCandidate:
    """An entity as an article shows it; `key` is its slug, the identity across articles."""

    key: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    wikidata_id: str | None = None
    mentions: list[Span] = field(default_factory=list)


class FactCandidate(FactClaim):
    """One claim of the article; entity references are entity keys."""

    subject: str
    evidence: Span
    object: str | None = None
    attributed_to: str | None = None
    replaces: str | None = None
    # Whether an analyst would want the fact first (corpus annotations mark it; evaluation
    # measures recall on headline facts). Not a claim field: nothing stores it.
    headline: bool = True

    def entity_keys(self) -> list[str]:
        return [
            key for key in (self.subject, self.object, self.attributed_to, self.replaces) if key
        ]


@dataclass
class ArticleCandidates:
    entities: list[EntityCandidate] = field(default_factory=list)
    facts: list[FactCandidate] = field(default_factory=list)
