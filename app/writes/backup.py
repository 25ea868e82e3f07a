"""Backups: the whole store as JSON Lines and back, streamed both ways.

The first line names the format and its version; then one line per row, tagged with
its kind, in dependency order: entities, their aliases, articles, mentions, facts, and
the facts' reviews (the audit trail, from version 3).
Export reads rows in id order in batches; import writes them, ids kept, in batches,
into an empty database, in one transaction, after checking each against the invariants
ingestion keeps. Export -> import -> export is byte-identical. Import also reads the
versions before: their rows lack only columns added since, which are null for them.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db import write_options
from app.extraction.candidates import Span
from app.models import Article, Entity, EntityAlias, Fact, FactReviewRecord, Mention
from app.writes.articles import text_sha256
from app.writes.invariants import GroundingError, check_claim, check_columns, check_span

FORMAT = "article-facts-export"
FORMAT_VERSION = 3
# The columns each version added, by kind: a row of an older file has none of them.
ADDED_IN = {2: {"fact": ("modality", "quantity", "item", "replaces_id")},
            3: {"fact": ("review_count",)}}  # fmt: skip
# What such a column holds for an older row (otherwise null).
ADDED_DEFAULTS = {"review_count": 0}
# The kinds a version added: an older file has no row of them.
KIND_ADDED_IN = {"review": 3}
BATCH = 2_000


def _rows(connection: sa.Connection, table: Any, kind: str) -> Iterator[bytes]:
    columns = [column for column in table.__table__.columns]
    statement = sa.select(*columns).order_by(table.__table__.c.id)
    result = connection.execution_options(stream_results=True, yield_per=BATCH).execute(statement)
    for row in result:
        record = {"kind": kind, **row._asdict()}
        yield orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE | orjson.OPT_NAIVE_UTC)


def export_lines(engine: Engine) -> Iterator[bytes]:
    """Every line of the export, in one read transaction (a consistent snapshot)."""
    yield orjson.dumps({"format": FORMAT, "version": FORMAT_VERSION},
                       option=orjson.OPT_APPEND_NEWLINE)  # fmt: skip
    with engine.connect() as connection, connection.begin():
        for kind, table in KINDS.items():
            yield from _rows(connection, table, kind)


KINDS = {"entity": Entity, "alias": EntityAlias, "article": Article, "mention": Mention,
         "fact": Fact, "review": FactReviewRecord}  # fmt: skip
ORDER = list(KINDS)
# The columns of each kind that name an entity, and the span each kind quotes.
ENTITY_REFERENCES = {"alias": ("entity_id",), "mention": ("entity_id",),
                     "fact": ("subject_id", "object_id", "attributed_to_id",
                              "replaces_id")}  # fmt: skip
# The columns each kind stores as times (read from ISO 8601).
TIMES = {kind: [column.name for column in table.__table__.columns
                if isinstance(column.type, sa.DateTime)]
         for kind, table in KINDS.items()}  # fmt: skip
SPANS = {"mention": ("start_offset", "end_offset", "text"),
         "fact": ("evidence_start", "evidence_end", "quote")}  # fmt: skip


class BackupError(ValueError):
    """The input is not an export this version can load, or the database is not empty."""


def import_lines(engine: Engine, lines: Iterable[bytes]) -> dict[str, int]:
    """Load an export into an empty database; how many rows of each kind.

    Every row is checked against the invariants ingestion keeps (types and bounds of each
    column, quotes found at their offsets, the text's digest, references to rows before it,
    consistent claims); the first row that breaks one stops the import, nothing stored.
    """
    stream = iter(lines)
    header = parse_line(1, next(stream, b""))
    version = header.get("version")
    if (
        header.keys() != {"format", "version"}
        or header["format"] != FORMAT
        or not (type(version) is int and 1 <= version <= FORMAT_VERSION)
    ):
        raise BackupError(
            f"line 1: not an {FORMAT} file of version 1 to {FORMAT_VERSION}: {header}"
        )
    # A write transaction: the emptiness checked is the one written into (another writer
    # waits for the commit instead of failing the first insert halfway).
    with engine.execution_options(**write_options(engine)).begin() as connection:
        for table in KINDS.values():
            if connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
                raise BackupError("the database is not empty; import loads into an empty one")
        loader = Loader(connection, version)
        for number, line in enumerate(stream, 2):
            loader.add(number, parse_line(number, line))
        loader.flush()
        if connection.dialect.name == "postgresql":
            for table in KINDS.values():  # ids were given: move each sequence past them
                name = table.__table__.name
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"coalesce(max(id), 0) + 1, false) FROM {name}"
                )
    return loader.counts


def parse_line(number: int, line: bytes) -> dict[str, Any]:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        record = None
    if not isinstance(record, dict):
        raise BackupError(f"line {number}: not a JSON object" if line else "the file is empty")
    return record


class Loader:
    """Checks rows one by one and inserts them in batches of one kind.

    Rows come in dependency order and, within a kind, in increasing id order (as export
    writes them), so ids are unique and every reference points to a row already read.
    Quotes are checked a batch at a time against the texts of the articles it cites.
    """

    def __init__(self, connection: sa.Connection, version: int = FORMAT_VERSION) -> None:
        self.connection = connection
        self.missing = {kind: [name for added, kinds in ADDED_IN.items() if added > version
                               for name in kinds.get(kind, ())] for kind in KINDS}  # fmt: skip
        self.version = version
        self.counts = dict.fromkeys(KINDS, 0)
        self.kind: str | None = None
        self.batch: list[tuple[int, dict[str, Any]]] = []
        self.last_id = dict.fromkeys(KINDS, 0)
        self.entities: set[int] = set()
        self.articles: set[int] = set()
        self.facts: set[int] = set()

    def add(self, number: int, record: dict[str, Any]) -> None:
        try:
            kind = self.kind_of(record)
            if kind != self.kind or len(self.batch) >= BATCH:
                self.flush()
                self.kind = kind
            for name in self.missing[kind]:
                if name in record:
                    raise GroundingError(f"{name} is not a field of this file's version")
                record[name] = ADDED_DEFAULTS.get(name)
            self.check(kind, record)
        except GroundingError as error:
            self.check_spans()  # a problem on an earlier line of the batch is reported first
            raise BackupError(f"line {number}: {error}") from None
        for name in TIMES.get(kind, ()):
            record[name] = datetime.fromisoformat(record[name])
        self.batch.append((number, record))
        self.counts[kind] += 1

    def kind_of(self, record: dict[str, Any]) -> str:
        kind = record.pop("kind", None)
        if not isinstance(kind, str) or kind not in KINDS:
            raise GroundingError(f"unknown kind {kind!r}")
        if KIND_ADDED_IN.get(kind, 1) > self.version:
            raise GroundingError(f"kind {kind!r} is not in version {self.version} files")
        if self.kind is not None and ORDER.index(kind) < ORDER.index(self.kind):
            raise GroundingError(f"kind {kind!r} after kind {self.kind!r}; an export lists "
                                 f"{', '.join(ORDER)} rows, in that order")  # fmt: skip
        return kind

    def check(self, kind: str, record: dict[str, Any]) -> None:
        check_columns(KINDS[kind].__table__, record)
        row_id = record["id"]
        if row_id <= self.last_id[kind]:
            raise GroundingError(f"{kind} id {row_id} is not above the one before, "
                                 f"{self.last_id[kind]}: ids are unique, in order")  # fmt: skip
        self.last_id[kind] = row_id
        for name in ENTITY_REFERENCES.get(kind, ()):
            if record[name] is not None and record[name] not in self.entities:
                raise GroundingError(f"{name}: no entity {record[name]} before this line")
        if "article_id" in record and record["article_id"] not in self.articles:
            raise GroundingError(f"article_id: no article {record['article_id']} before this line")
        if kind == "entity":
            self.entities.add(row_id)
        elif kind == "article":
            if record["sha256"] != text_sha256(record["text"]):
                raise GroundingError(f"sha256 {record['sha256']!r} is not the SHA-256 of the "
                                     f"text, {text_sha256(record['text'])!r}")  # fmt: skip
            self.articles.add(row_id)
        elif kind == "fact":
            check_claim(record, f"fact {row_id}")
            self.facts.add(row_id)
        elif kind == "review" and record["fact_id"] not in self.facts:
            raise GroundingError(f"fact_id: no fact {record['fact_id']} before this line")

    def check_spans(self) -> None:
        """Every quote of the batch at its offsets in its article's text."""
        if self.kind not in SPANS or not self.batch:
            return
        start, end, quote = SPANS[self.kind]
        wanted = {record["article_id"] for _, record in self.batch}
        texts = dict(self.connection.execute(
            sa.select(Article.id, Article.text).where(Article.id.in_(wanted))
        ).all())  # fmt: skip
        for number, record in self.batch:
            span = Span(record[start], record[end], record[quote])
            try:
                check_span(texts[record["article_id"]], span, f"{self.kind} {record['id']}")
            except GroundingError as error:
                raise BackupError(f"line {number}: {error}") from None

    def flush(self) -> None:
        if not self.batch:
            return
        self.check_spans()
        try:
            self.connection.execute(sa.insert(KINDS[self.kind]), [row for _, row in self.batch])
        except sa.exc.DBAPIError as error:  # a unique value repeated, say
            first, last = self.batch[0][0], self.batch[-1][0]
            reason = str(error.orig).strip().splitlines()[0]
            raise BackupError(f"lines {first}-{last}: refused by the database: {reason}") from None
        self.batch = []
