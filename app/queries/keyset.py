"""Keyset pagination: opaque cursors and the WHERE/ORDER BY that resume after them.

A cursor is URL-safe base64 of a small JSON object: the sort it belongs to, the
sort value of the last row sent (null included) and that row's id. Rows with a
null sort value come last in both directions; ties are broken by id ascending.
"""

import base64
import binascii
import math
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import orjson
import sqlalchemy as sa
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from app.errors import InvalidCursor

T = TypeVar("T")


@dataclass(frozen=True)
class SortKey:
    """How a list is ordered: `column` (None for the id itself) and its direction."""

    name: str
    id_column: Any
    column: Any = None
    descending: bool = False

    def order_by(self) -> list[Any]:
        if self.column is None:
            return [self.id_column.desc() if self.descending else self.id_column.asc()]
        primary = self.column.desc() if self.descending else self.column.asc()
        return [primary.nulls_last(), self.id_column.asc()]

    def after(self, cursor: "Cursor") -> ColumnElement[bool]:
        """The rows that come after the cursor's row in this order."""
        if self.column is None:
            return self.id_column < cursor.id if self.descending else self.id_column > cursor.id
        later_in_ties = self.id_column > cursor.id
        if cursor.value is None:
            return sa.and_(self.column.is_(None), later_in_ties)
        beyond = self.column < cursor.value if self.descending else self.column > cursor.value
        return sa.or_(
            beyond,
            sa.and_(self.column == cursor.value, later_in_ties),
            self.column.is_(None),
        )

    def value_of(self, row: Any) -> Any:
        return None if self.column is None else getattr(row, self.column.key)


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
    # bool is an int subclass; and SQLite integers stop at 64 bits.
    return type(value) is int and -(2**63) <= value < 2**63


def is_storable_number(value: Any) -> bool:
    return is_storable_int(value) or (type(value) is float and math.isfinite(value))


@dataclass
class Listing(Generic[T]):
    """What a list query answers: one page of rows, the total, the next page's cursor."""

    rows: list[T]
    total: int
    next_cursor: str | None


@dataclass
class Slice:
    """One page of rows and the cursor of the page after it (None on the last page)."""

    rows: list[Any]
    next_cursor: str | None


def fetch_page(
    session: Session, statement: Any, sort: SortKey, limit: int, cursor: str | None
) -> Slice:
    """Run `statement` (a SELECT of one table) ordered by `sort`, `limit` rows after `cursor`."""
    if cursor is not None:
        statement = statement.where(sort.after(Cursor.decode(cursor, sort.name)))
    rows = list(session.exec(statement.order_by(*sort.order_by()).limit(limit + 1)))
    if len(rows) <= limit:
        return Slice(rows, None)
    rows = rows[:limit]
    last = rows[-1]
    next_cursor = Cursor(sort.name, sort.value_of(last), last.id).encode()
    return Slice(rows, next_cursor)


def count_rows(session: Session, statement: Any) -> int:
    """How many rows `statement` selects (without ordering or paging)."""
    counted = sa.select(sa.func.count()).select_from(statement.order_by(None).subquery())
    return session.scalar(counted)
