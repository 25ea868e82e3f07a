"""Scores the extraction pipeline against gold annotations: precision, recall and F1.

Matching rule (one-to-one, greedy in text order):
- entities: an extracted entity matches a gold one of the same type when any of their
  names (canonical name or alias) is the same, compared case-insensitively, without a
  leading "the" and with "defense" read as "defence";
- facts: an extracted fact matches a gold one when the type is the same, the subject,
  object and predecessor (`replaces`) are the same entities (by the entity rule above; both
  empty also counts), the key numbers (value, rank, rank_total, quantity), the period (start
  and end) and the modality are equal, and the two evidence spans overlap.

Recall counts the gold facts marked `headline` (every curated fact of the seed is one);
precision counts every extracted fact, matched against all gold facts.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.extraction.candidates import ArticleCandidates, EntityCandidate, FactCandidate
from app.extraction.pipeline import extract
from app.resources import resource_dir
from app.writes.seed import read_seed


@dataclass
class Score:
    matched_predicted: int = 0
    matched_gold: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.matched_predicted += other.matched_predicted
        self.matched_gold += other.matched_gold
        self.predicted += other.predicted
        self.gold += other.gold


@dataclass
class Report:
    entities: Score = field(default_factory=Score)
    facts: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    articles: list[tuple[str, Score, Score]] = field(default_factory=list)  # name, facts, entities
    judged: list[tuple[float, bool]] = field(default_factory=list)  # confidence, right

    def merge(self, name: str, article: "Report") -> None:
        """Add one article's report to this total."""
        self.articles.append((name, article.facts, article.entities))
        self.entities.add(article.entities)
        for fact_type, score in article.by_type.items():
            self.by_type.setdefault(fact_type, Score()).add(score)
        self.facts.add(article.facts)
        self.missed.extend(f"{name}: {line}" for line in article.missed)
        self.spurious.extend(f"{name}: {line}" for line in article.spurious)
        self.judged.extend(article.judged)


def normal_name(name: str) -> str:
    # "the" says nothing about which entity: "Chief of the General Staff" is "Chief of
    # General Staff" (and "The Hague" is "Hague").
    words = [word for word in name.replace("’", "'").casefold().split() if word != "the"]
    return " ".join(words).replace("defense", "defence").removesuffix("'s")


def names(entity: EntityCandidate) -> set[str]:
    return {normal_name(entity.name), *(normal_name(alias) for alias in entity.aliases)}


def map_entities(predicted: list[EntityCandidate], gold: list[EntityCandidate]) -> dict[str, str]:
    """Extracted entity key -> curated entity key, one-to-one."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for entity in predicted:
        for candidate in gold:
            if candidate.key in taken or candidate.type != entity.type:
                continue
            if names(entity) & names(candidate):
                mapping[entity.key] = candidate.key
                taken.add(candidate.key)
                break
    return mapping


def differences(found: FactCandidate, gold: FactCandidate, mapping: dict[str, str]) -> list[str]:
    """The scored fields in which `found` differs from `gold` (empty: they match)."""

    def same(left: str | None, right: str | None) -> bool:
        return (left is None and right is None) or (left is not None and mapping.get(left) == right)

    checks = {
        "type": found.type == gold.type,
        "subject": same(found.subject, gold.subject),
        "object": same(found.object, gold.object),
        "replaces": same(found.replaces, gold.replaces),
        "value": _same_number(found.value, gold.value),
        "rank": found.rank == gold.rank and found.rank_total == gold.rank_total,
        "quantity": found.quantity == gold.quantity,
        "modality": found.modality == gold.modality,
        "period": (found.period_start, found.period_end) == (gold.period_start, gold.period_end),
        "evidence": found.evidence.start < gold.evidence.end
        and gold.evidence.start < found.evidence.end,
    }
    return [name for name, equal in checks.items() if not equal]


def facts_match(found: FactCandidate, gold: FactCandidate, mapping: dict[str, str]) -> bool:
    return not differences(found, gold, mapping)


def nearest(found: FactCandidate, gold: list[FactCandidate], mapping: dict[str, str],
            *, reverse: bool = False) -> str:  # fmt: skip
    """Why `found` matched nothing: the fields in which the closest overlapping fact of its
    type on the other side (gold, or with `reverse` the extracted) differs, or that none
    overlaps it."""
    near = [differences(g, found, mapping) if reverse else differences(found, g, mapping)
            for g in gold]  # fmt: skip
    near = [d for d in near if "type" not in d and "evidence" not in d]
    return f" [differs in {', '.join(min(near, key=len))}]" if near else " [no gold fact here]"


def _same_number(left: float | None, right: float | None) -> bool:
    if left is None or right is None:
        return left is right
    return abs(left - right) <= 1e-9 * max(abs(left), abs(right), 1)


def is_headline(fact: FactCandidate) -> bool:
    return fact.headline


def score_article(predicted: ArticleCandidates, gold: ArticleCandidates, report: Report) -> None:
    mapping = map_entities(predicted.entities, gold.entities)
    report.entities.add(
        Score(len(mapping), len(mapping), len(predicted.entities), len(gold.entities))
    )
    unmatched = list(gold.facts)
    for fact in predicted.facts:
        score = report.by_type.setdefault(fact.type.value, Score())
        score.predicted += 1
        # A headline fact first: an equal body fact must not take its place in the recall.
        matches = [g for g in unmatched if facts_match(fact, g, mapping)]
        match = next((g for g in matches if is_headline(g)), matches[0] if matches else None)
        report.judged.append((fact.confidence, match is not None))
        if match is None:
            why = nearest(fact, gold.facts, mapping)
            report.spurious.append(f"{fact.type.value}: {fact.statement}{why}")
            continue
        unmatched.remove(match)
        score.matched_predicted += 1
        if is_headline(match):
            report.by_type.setdefault(match.type.value, Score()).matched_gold += 1
    for fact in gold.facts:
        if is_headline(fact):
            report.by_type.setdefault(fact.type.value, Score()).gold += 1
    report.missed.extend(
        f"{fact.type.value}: {fact.statement}"
        + nearest(fact, predicted.facts, mapping, reverse=True).replace("gold fact", "extraction")
        for fact in unmatched
        if is_headline(fact)
    )
    report.facts = Score()
    for score in report.by_type.values():
        report.facts.add(score)


def score(name: str, text: str, gold: ArticleCandidates, published_at: str | None) -> Report:
    """One article's report: the pipeline's output on `text` against its gold."""
    article = Report()
    score_article(extract(text, published_at=published_at), gold, article)
    return article


def evaluate(directories: Iterable[Path]) -> Report:
    """Score the pipeline on every annotated directory (article text plus annotations.toml)."""
    total = Report()
    for directory in directories:
        seed = read_seed(directory)
        total.merge(directory.name, score(directory.name, seed.text, seed.candidates,
                                          seed.meta.published_at))  # fmt: skip
    return total


def default_annotated_dirs() -> list[Path]:
    """The seed, plus the annotated test articles when run from a checkout."""
    seed = resource_dir("seed")
    extra = seed.parent / "tests" / "data" / "annotated"
    return [seed, *sorted(p for p in extra.iterdir() if p.is_dir())] if extra.is_dir() else [seed]
