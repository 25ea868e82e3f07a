"""A full export of the store as JSON Lines, streamed: memory stays flat however large.

The first line names the format and its version; then one line per row, tagged with
its kind, in dependency order: entities (with their aliases), articles, mentions, facts.
Rows are read in id order through server-side cursors in batches, never all at once.
"""

from collections.abc import Iterator
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
