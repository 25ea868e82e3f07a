"""The development corpus: real published articles (texts kept out of git) and their gold
annotations, with each text checked against the SHA-256 its manifest entry records."""

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.evaluation import Report, score
from app.writes.seed import Seed, SeedError, read_annotations

ANNOTATIONS_DIR = "annotations"
MANIFEST_FILE = "manifest.tsv"
# The manifest's columns, in order: what a reader needs to find and check each text again.
MANIFEST_FIELDS = ("slug", "url", "outlet", "outlet_country", "published_at", "sha256",
                   "split", "topic")  # fmt: skip


@dataclass(frozen=True)
class CorpusEntry:
    """One annotated article: its manifest entry, and the parsed gold (None if unreadable)."""

    slug: str
    manifest: dict[str, str]
    seed: Seed | None
    problem: str | None = None

    @property
    def split(self) -> str:
        return self.manifest.get("split") or "dev"

    @property
    def topic(self) -> str:
        return self.manifest.get("topic") or "defence"


def annotation_files(corpus: Path) -> list[Path]:
    return sorted((corpus / ANNOTATIONS_DIR).glob("*.toml"))


def manifest_entry(path: Path) -> dict[str, str]:
    """The [article] table's manifest fields ("" where absent); an unreadable file has none."""
    try:
        article = tomllib.loads(path.read_text(encoding="utf-8")).get("article", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        article = {}
    entry = {name: str(article.get(name, "")) for name in MANIFEST_FIELDS if name != "slug"}
    return {"slug": path.stem, **entry}


def read_corpus(corpus: Path) -> Iterator[CorpusEntry]:
    """Every annotated article; one whose text is missing or changed carries a `problem`."""
    for path in annotation_files(corpus):
        manifest = manifest_entry(path)
        if not manifest["sha256"]:
            yield CorpusEntry(path.stem, manifest, None, "no sha256 in its [article] table")
            continue
        try:
            seed = read_annotations(path, expected_sha256=manifest["sha256"])
        except FileNotFoundError as error:
            yield CorpusEntry(path.stem, manifest, None, f"text missing: {error.filename}")
        except (SeedError, KeyError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            yield CorpusEntry(path.stem, manifest, None, f"unreadable: {error}")
        else:
            yield CorpusEntry(path.stem, manifest, seed)


def manifest_table(corpus: Path) -> str:
    """The manifest of every annotated article as tab-separated values, header first."""
    rows = [MANIFEST_FIELDS]
    rows += [tuple(manifest_entry(path)[name] for name in MANIFEST_FIELDS)
             for path in annotation_files(corpus)]  # fmt: skip
    return "".join("\t".join(row) + "\n" for row in rows)


@dataclass
class CorpusReport:
    """Scores by group: every article, each split, the non-defence articles; and what was
    skipped (a missing or changed text) and why."""

    groups: dict[str, Report]
    skipped: list[tuple[str, str]]
    other_articles: int = 0


def evaluate_corpus(corpus: Path, *, split: str | None = None) -> CorpusReport:
    """Score the pipeline on the corpus; `split` keeps only "dev" or "heldout" articles."""
    groups: dict[str, Report] = {}
    skipped, other = [], 0
    for entry in read_corpus(corpus):
        if split is not None and entry.split != split:
            continue
        if entry.seed is None:
            skipped.append((entry.slug, entry.problem or "unreadable"))
            continue
        article = score(entry.slug, entry.seed.text, entry.seed.candidates,
                        entry.seed.meta.published_at)  # fmt: skip
        names = ["all", entry.split] + (["other"] if entry.topic == "other" else ["defence"])
        for name in names:
            groups.setdefault(name, Report()).merge(entry.slug, article)
        other += entry.topic == "other"
    return CorpusReport(groups, skipped, other)


# Confidence bins for calibration: a fact at 0.9 should be right about 9 times in 10.
CALIBRATION_BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def calibration(report: Report) -> list[tuple[str, int, float]]:
    """(bin, facts in it, share right) for each confidence bin that holds a fact."""
    rows = []
    for low, high in CALIBRATION_BINS:
        inside = [right for confidence, right in report.judged if low <= confidence < high]
        if inside:
            rows.append((f"{low:.1f}-{min(high, 1.0):.1f}", len(inside), sum(inside) / len(inside)))
    return rows


def calibration_table(report: Report) -> str:
    """The per-type shares of right facts, as the literal of `calibration.CONFIDENCE`."""
    lines = ["CONFIDENCE: dict[FactType, float] = {"]
    for fact_type, counts in sorted(report.by_type.items()):
        share = (counts.matched_predicted + 1) / (counts.predicted + 2)
        lines.append(f"    FactType.{fact_type}: {share:.2g},")
    return "\n".join([*lines, "}"])
