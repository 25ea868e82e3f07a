"""Keyset pagination: opaque cursors and the WHERE/ORDER BY that resume after them.

A cursor is URL-safe base64 of a small JSON object: the sort it belongs to, the
sort value of the last row sent (null included) and that row's id. Ties are broken by
id in the sort's direction, and rows with a null sort value come last in both
directions, themselves in id order of that direction.

Every page is one or two index range scans whatever its depth: rows with a value are
read with a row-value comparison `(value, id) > (v, i)` that an index on the column
serves in order, and only when they run out are the null rows read, by id.
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


@dataclass(frozen=True)
class SortKey:
    """How a list is ordered: `column` (None for the id itself) and its direction."""

    name: str
    id_column: Any
    column: Any = None
    descending: bool = False
    # For a computed column (a relevance score), how to get a fetched row's value.
    value_getter: Any = None

    def _direct(self, expression: Any) -> Any:
        return expression.desc() if self.descending else expression.asc()

    def _beyond(self, left: Any, right: Any) -> ColumnElement[bool]:
        return left < right if self.descending else left > right

    def valued(self, cursor: "Cursor | None") -> tuple[list, list]:
        """(WHERE, ORDER BY) for the rows with a value, after the cursor."""
        if self.column is None:
            where = [self._beyond(self.id_column, cursor.id)] if cursor else []
            return where, [self._direct(self.id_column)]
        where = [self.column.is_not(None)]
        if cursor is not None:
            where.append(
                self._beyond(sa.tuple_(self.column, self.id_column), (cursor.value, cursor.id))
            )
        return where, [self._direct(self.column), self._direct(self.id_column)]

    def nulls(self, cursor: "Cursor | None") -> tuple[list, list]:
        """(WHERE, ORDER BY) for the rows without a value, after the cursor."""
        where = [self.column.is_(None)]
        if cursor is not None and cursor.value is None:
            where.append(self._beyond(self.id_column, cursor.id))
        return where, [self._direct(self.id_column)]

    def value_of(self, row: Any) -> Any:
        """The sort value of a fetched row, for the next cursor."""
        if self.column is None:
            return None
        if self.value_getter is not None:
            return self.value_getter(row)
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


def fetch_page(
    session: Session,
    statement: Any,
    sort: SortKey,
    limit: int,
    cursor: str | None,
    branches: Sequence[ColumnElement[bool]] = (),
) -> Slice:
    """Run `statement` (a SELECT of one table) ordered by `sort`, `limit` rows after `cursor`.

    `branches` are alternatives (`a OR b OR c`) kept out of `statement`: each is read on its
    own index up to the page size and the union sorted, so a page costs what the page
    holds, not what the OR matches (an entity in a hundred thousand facts).
    """
    after = Cursor.decode(cursor, sort.name) if cursor is not None else None

    def read(where: list, order: list, count: int) -> list[Any]:
        if not branches:
            return list(session.exec(statement.where(*where).order_by(*order).limit(count)))
        # One statement: each branch's first ids in its own subquery (its own index, its
        # own LIMIT), their union, and the page read from it.
        chosen = sa.union_all(*(
            statement.with_only_columns(sort.id_column).where(branch, *where)
            .order_by(*order).limit(count).subquery().select()
            for branch in branches
        ))  # fmt: skip
        final = statement.where(sort.id_column.in_(chosen), *where).order_by(*order).limit(count)
        return list(session.exec(final))

    rows: list[Any] = []
    if after is None or after.value is not None or sort.column is None:
        rows = read(*sort.valued(after), limit + 1)
    if sort.column is not None and len(rows) <= limit:
        rows += read(*sort.nulls(after), limit + 1 - len(rows))
    if len(rows) <= limit:
        return Slice(rows, None)
    rows = rows[:limit]
    last = rows[-1]
    return Slice(rows, Cursor(sort.name, sort.value_of(last), last.id).encode())


TOTAL_CAP = 10_000


def count_rows(
    session: Session, statement: Any, cap: int = TOTAL_CAP, counts: CountCache | None = None
) -> tuple[int, bool]:
    """(how many rows `statement` selects, whether that is exact): counting stops past `cap`,
    so a list of millions costs what a list of ten thousand costs; with `counts`, a total
    already counted at the store's current version is not counted again."""
    limited = statement.order_by(None).limit(cap + 1).subquery()
    counting = sa.select(sa.func.count()).select_from(limited)
    key = counts.key(counting) if counts is not None else None
    if key is not None:
        version, total = counts.get(session, key)
        if total is not None:
            return total
    counted = session.scalar(counting)
    total = (counted, True) if counted <= cap else (cap, False)
    if key is not None:
        counts.put(key, version, total)
    return total
