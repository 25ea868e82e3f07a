"""The shapes that both the curated seed and the extraction pipeline hand to ingestion."""

from dataclasses import dataclass, field

from app.enums import EntityType, FactType, Origin, ReviewStatus, ValueQualifier


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


@dataclass
class FactCandidate:
    """One claim of the article; entity references are entity keys."""

    type: FactType
    statement: str
    subject: str
    predicate: str
    evidence: Span
    object: str | None = None
    value: float | None = None
    unit: str | None = None
    value_qualifier: ValueQualifier | None = None
    rank: int | None = None
    rank_total: int | None = None
    scope: str | None = None
    metric: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    attributed_to: str | None = None
    origin: Origin = Origin.extracted
    confidence: float = 1.0
    review_status: ReviewStatus = ReviewStatus.unreviewed
    extractor_version: str | None = None

    def entity_keys(self) -> list[str]:
        return [key for key in (self.subject, self.object, self.attributed_to) if key]


@dataclass
class ArticleCandidates:
    entities: list[EntityCandidate] = field(default_factory=list)
    facts: list[FactCandidate] = field(default_factory=list)
