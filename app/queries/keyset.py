"""Keyset pagination: opaque cursors and the WHERE/ORDER BY that resume after them.

A cursor is URL-safe base64 of a small JSON object: the sort it belongs to, the
sort value of the last row sent (null included) and that row's id. Ties are broken by
id in the sort's direction, and rows with a null sort value come last in both
directions, themselves in id order of that direction.

Every page is one or two index range scans whatever its depth: rows with a value are
read with a row-value comparison `(value, id) > (v, i)` that an index on the column
serves in order, and only when they run out are the null rows read, by id. The
statements bind the cursor's values and the page size, so that one statement serves every
cursor of its kind (`cursor_kind`).
"""

import base64
import binascii
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import orjson
import sqlalchemy as sa
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from app.errors import InvalidCursor
from app.queries.counts import CountCache
from app.schemas import MAX_ID

T = TypeVar("T")


# The bound parameters of a page's statements: where the cursor left off, how many rows.
AFTER_VALUE = "after_value"
AFTER_ID = "after_id"
PAGE_LIMIT = "page_limit"
# And of a sort's score lookup: the row whose score is looked up.
SCORED_ID = "scored_id"
# What a page's statements depend on of its cursor (`cursor_kind`): none (None); one past
# the rows with a value, its value null; one among them.
NULL_CURSOR = "null"
VALUE_CURSOR = "value"


@dataclass(frozen=True)
class SortKey:
    """How a list is ordered: `column` (None for the id itself) and its direction."""

    name: str
    id_column: Any
    column: Any = None
    descending: bool = False
    # For a computed column (a relevance score): a SELECT of one row's score, binding the
    # row's id as SCORED_ID (and whatever the score itself binds).
    value_lookup: Any = None

    def _direct(self, expression: Any) -> Any:
        return expression.desc() if self.descending else expression.asc()

    def _beyond(self, left: Any, right: Any) -> ColumnElement[bool]:
        return left < right if self.descending else left > right

    def _after_id(self) -> Any:
        return sa.bindparam(AFTER_ID, type_=self.id_column.type)

    def valued(self, after: str | None) -> tuple[list, list]:
        """(WHERE, ORDER BY) for the rows with a value, after a cursor of kind `after`
        (`cursor_kind`), whose values are bound as AFTER_VALUE and AFTER_ID."""
        if self.column is None:
            where = [self._beyond(self.id_column, self._after_id())] if after else []
            return where, [self._direct(self.id_column)]
        where = [self.column.is_not(None)]
        if after is not None:
            value = sa.bindparam(AFTER_VALUE, type_=self.column.type)
            where.append(
                self._beyond(sa.tuple_(self.column, self.id_column), sa.tuple_(value,
                                                                            self._after_id()))
            )  # fmt: skip
        return where, [self._direct(self.column), self._direct(self.id_column)]

    def nulls(self, after: str | None) -> tuple[list, list]:
        """(WHERE, ORDER BY) for the rows without a value, after a cursor of kind `after`."""
        where = [self.column.is_(None)]
        if after == NULL_CURSOR:
            where.append(self._beyond(self.id_column, self._after_id()))
        return where, [self._direct(self.id_column)]

    def value_of(self, row: Any, lookup: Any) -> Any:
        """The sort value of a fetched row, for the next cursor; `lookup(statement, params)`
        runs the score lookup of a computed column."""
        if self.column is None:
            return None
        if self.value_lookup is not None:
            return lookup(self.value_lookup, {SCORED_ID: row.id})
        return getattr(row, self.column.key)


@dataclass(frozen=True)
class Cursor:
    sort: str
    value: int | float | None
    id: int

    def encode(self) -> str:
        payload = orjson.dumps({"s": self.sort, "v": self.value, "i": self.id})
        return base64.urlsafe_b64encode(payload).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str, sort: str) -> "Cursor":
        """Parse a cursor made for `sort`; anything else raises InvalidCursor."""
        try:
            payload = orjson.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        except (binascii.Error, ValueError, orjson.JSONDecodeError) as error:
            raise InvalidCursor("The cursor is not one this service issued.") from error
        if not isinstance(payload, dict) or set(payload) != {"s", "v", "i"}:
            raise InvalidCursor("The cursor is not one this service issued.")
        value, row_id = payload["v"], payload["i"]
        if not (is_storable_int(row_id) and (value is None or is_storable_number(value))):
            raise InvalidCursor("The cursor is not one this service issued.")
        if payload["s"] != sort:
            raise InvalidCursor(
                f"The cursor belongs to sort {payload['s']!r}, not {sort!r}; "
                "start again without a cursor when changing the sort."
            )
        return cls(sort=sort, value=value, id=row_id)


def is_storable_int(value: Any) -> bool:
    # bool is an int subclass; the integer columns are 32-bit on PostgreSQL.
    return type(value) is int and -MAX_ID - 1 <= value <= MAX_ID


def is_storable_number(value: Any) -> bool:
    return is_storable_int(value) or (type(value) is float and math.isfinite(value))


@dataclass
class Listing(Generic[T]):
    """What a list query answers: one page of rows, the total, the next page's cursor."""

    rows: list[T]
    total: int
    next_cursor: str | None
    total_exact: bool = True


@dataclass
class Slice:
    """One page of rows and the cursor of the page after it (None on the last page)."""

    rows: list[Any]
    next_cursor: str | None


@dataclass(frozen=True)
class PageReads:
    """The statements that read a page: the rows with a sort value, then those without
    (None: not read after such a cursor, or the sort has no nulls)."""

    valued: Any
    nulls: Any


def page_reads(
    statement: Any, sort: SortKey, after: str | None, branches: Sequence[ColumnElement[bool]] = ()
) -> PageReads:
    """`statement` (a SELECT of one table) ordered by `sort`, after a cursor of kind
    `after`, PAGE_LIMIT rows.

    `branches` are alternatives (`a OR b OR c`) kept out of `statement`: each is read on its
    own index up to the page size and the union sorted, so a page costs what the page
    holds, not what the OR matches (an entity in a hundred thousand facts).
    """
    limit = sa.bindparam(PAGE_LIMIT, type_=sa.Integer)

    def read(where: list, order: list) -> Any:
        if not branches:
            return statement.where(*where).order_by(*order).limit(limit)
        # One statement: each branch's first ids in its own subquery (its own index, its
        # own LIMIT), their union, and the page read from it.
        chosen = sa.union_all(*(
            statement.with_only_columns(sort.id_column).where(branch, *where)
            .order_by(*order).limit(limit).subquery().select()
            for branch in branches
        ))  # fmt: skip
        return statement.where(sort.id_column.in_(chosen), *where).order_by(*order).limit(limit)

    valued = read(*sort.valued(after)) if after != NULL_CURSOR or sort.column is None else None
    nulls = read(*sort.nulls(after)) if sort.column is not None else None
    return PageReads(valued, nulls)


def cursor_kind(after: Cursor | None) -> str | None:
    if after is None:
        return None
    return NULL_CURSOR if after.value is None else VALUE_CURSOR


def cursor_values(after: Cursor | None) -> dict[str, Any]:
    """The bound values of a page's statements for the cursor `after`."""
    if after is None:
        return {}
    return {AFTER_ID: after.id} if after.value is None else {AFTER_VALUE: after.value,
                                                              AFTER_ID: after.id}  # fmt: skip


def read_page(
    execute: Any, reads: PageReads, sort: SortKey, limit: int, values: dict[str, Any]
) -> Slice:
    """`limit` rows of `reads` run by `execute(statement, values)`, with the cursor's and
    the statements' `values`, and the next page's cursor."""
    rows: list[Any] = []
    if reads.valued is not None:
        rows = list(execute(reads.valued, {**values, PAGE_LIMIT: limit + 1}))
    if reads.nulls is not None and len(rows) <= limit:
        rows += execute(reads.nulls, {**values, PAGE_LIMIT: limit + 1 - len(rows)})
    if len(rows) <= limit:
        return Slice(rows, None)
    rows = rows[:limit]
    last = rows[-1]

    def lookup(statement: Any, lookup_values: dict[str, Any]) -> Any:
        return execute(statement, {**values, **lookup_values}).scalar_one()

    return Slice(rows, Cursor(sort.name, sort.value_of(last, lookup), last.id).encode())


def fetch_page(
    session: Session,
    statement: Any,
    sort: SortKey,
    limit: int,
    cursor: str | None,
) -> Slice:
    """Run `statement` (an ORM SELECT of one table, built for this request) ordered by
    `sort`, `limit` rows after `cursor`."""
    after = Cursor.decode(cursor, sort.name) if cursor is not None else None
    reads = page_reads(statement, sort, cursor_kind(after))
    return read_page(lambda read, values: session.exec(read, params=values), reads, sort, limit,
                     cursor_values(after))  # fmt: skip


TOTAL_CAP = 10_000


def counting(statement: Any, cap: int = TOTAL_CAP) -> Any:
    """How many rows `statement` selects, counted up to `cap + 1`."""
    limited = statement.order_by(None).limit(cap + 1).subquery()
    return sa.select(sa.func.count()).select_from(limited)


def count_rows(
    session: Session, statement: Any, cap: int = TOTAL_CAP, counts: CountCache | None = None
) -> tuple[int, bool]:
    """(how many rows `statement` selects, whether that is exact): counting stops past `cap`,
    so a list of millions costs what a list of ten thousand costs; with `counts`, a total
    already counted at the store's current version is not counted again."""
    count = counting(statement, cap)
    key = counts.key(count) if counts is not None else None
    return run_count(session, count, {}, key, counts, cap)


def run_count(
    session: Session,
    count: Any,
    values: dict[str, Any],
    key: tuple | None,
    counts: CountCache | None,
    cap: int = TOTAL_CAP,
) -> tuple[int, bool]:
    """`count_rows` of a `counting` statement with its bound `values`, kept in `counts`
    under `key` (None: not kept)."""
    if key is not None:
        version, total = counts.get(session, key)
        if total is not None:
            return total
    counted = session.scalar(count, values)
    total = (counted, True) if counted <= cap else (cap, False)
    if key is not None:
        counts.put(key, version, total)
    return total
