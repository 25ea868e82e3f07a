"""Backups: the whole store as JSON Lines and back, streamed both ways.

The first line names the format and its version; then one line per row, tagged with
its kind, in dependency order: entities, their aliases, articles, mentions, facts.
Export reads rows in id order in batches; import writes them, ids kept, in batches,
into an empty database, in one transaction. Export -> import -> export is byte-identical.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.models import Article, Entity, EntityAlias, Fact, Mention

FORMAT = "article-facts-export"
FORMAT_VERSION = 1
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
        for table, kind in ((Entity, "entity"), (EntityAlias, "alias"), (Article, "article"),
                            (Mention, "mention"), (Fact, "fact")):  # fmt: skip
            yield from _rows(connection, table, kind)


KINDS = {"entity": Entity, "alias": EntityAlias, "article": Article, "mention": Mention,
         "fact": Fact}  # fmt: skip


class BackupError(ValueError):
    """The input is not an export this version can load, or the database is not empty."""


def import_lines(engine: Engine, lines: Iterable[bytes]) -> dict[str, int]:
    """Load an export into an empty database; how many rows of each kind."""
    stream = iter(lines)
    header = orjson.loads(next(stream, b"{}"))
    if header != {"format": FORMAT, "version": FORMAT_VERSION}:
        raise BackupError(f"not an {FORMAT} version {FORMAT_VERSION} file: {header}")
    counts = dict.fromkeys(KINDS, 0)
    with engine.begin() as connection:
        for table in KINDS.values():
            if connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one():
                raise BackupError("the database is not empty; import loads into an empty one")
        batch: list[dict] = []
        kind = None
        for number, line in enumerate(stream, 2):
            record = orjson.loads(line)
            row_kind = record.pop("kind", None)
            if row_kind not in KINDS:
                raise BackupError(f"line {number}: unknown kind {row_kind!r}")
            if row_kind != kind or len(batch) >= BATCH:
                _insert(connection, kind, batch)
                batch, kind = [], row_kind
            if "created_at" in record:
                record["created_at"] = datetime.fromisoformat(record["created_at"])
            batch.append(record)
            counts[row_kind] += 1
        _insert(connection, kind, batch)
        if connection.dialect.name == "postgresql":
            for table in KINDS.values():  # ids were given: move each sequence past them
                name = table.__table__.name
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"coalesce(max(id), 0) + 1, false) FROM {name}"
                )
    return counts


def _insert(connection: sa.Connection, kind: str | None, rows: list[dict]) -> None:
    if kind is not None and rows:
        connection.execute(sa.insert(KINDS[kind]), rows)
