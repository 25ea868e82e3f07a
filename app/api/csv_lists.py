"""Lists as CSV: which requests ask for it, the flattened columns, the streamed body.

A list's CSV is its JSON items flattened: a nested object's fields become columns of their
own (`subject_id`, `evidence_quote`), a list is written as its JSON text, null as an empty
cell. Text that a spreadsheet would run as a formula gets a leading apostrophe.
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any, get_args

import orjson
from fastapi import Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from app.api.head import HEAD_ONLY
from app.schemas.params import ListFormat, ListParams

CSV = "text/csv; charset=utf-8"
# A list's JSON and CSV share its URL: a cache must tell them apart by Accept.
VARY = {"Vary": "Accept"}
# What Excel, LibreOffice and Google Sheets start a formula with (OWASP's list), and the
# apostrophe itself, so that taking one leading apostrophe off always gives the value back.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def accepts_csv(accept: str | None) -> bool:
    """Whether `Accept` prefers `text/csv` to JSON (`application/json`, `application/*`,
    `*/*`); a tie is JSON's, the default."""
    best = {"csv": 0.0, "json": 0.0}
    for part in (accept or "").split(","):
        media, *parameters = (piece.strip().lower() for piece in part.split(";"))
        kind = "csv" if media in ("text/csv", "text/*") else "json" if media in (
            "application/json", "application/*", "*/*") else None  # fmt: skip
        if kind is None:
            continue
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
                if not 0.0 <= weight <= 1.0:  # RFC 9110 12.4.2: a qvalue is 0 to 1
                    weight = 0.0
        best[kind] = max(best[kind], weight)
    return best["csv"] > best["json"]


def wants_csv(format_: str | None, accept: str | None) -> bool:
    """`format` decides when given; else `Accept`."""
    return format_ == ListFormat.csv if format_ is not None else accepts_csv(accept)


def csv_asked(request: Request, params: ListParams) -> bool:
    return wants_csv(params.format, request.headers.get("accept"))


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a field typed `Model` or `Model | None`, else None."""
    for candidate in (annotation, *get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def columns_of(model: type[BaseModel]) -> list[tuple[str, str, str | None]]:
    """(column, field, nested field or None) of `model`'s items, in the wire order."""
    found = []
    for name, field in model.model_fields.items():
        nested = nested_model(field.annotation)
        if nested is None:
            found.append((name, name, None))
        else:
            found += [(f"{name}_{inner}", name, inner) for inner in nested.model_fields]
    return found


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        value = orjson.dumps(value).decode()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_rows(model: type[BaseModel], items: Iterable[dict]) -> Iterator[list[Any]]:
    """The cells of each item (a dict of `model`'s JSON)."""
    columns = columns_of(model)
    for item in items:
        row = []
        for _, field, inner in columns:
            value = item[field]
            row.append(cell(value if inner is None else (value or {}).get(inner)))
        yield row


def csv_response(
    request: Request, filename: str, model: type[BaseModel], batches: Iterator[list[Any]],
    item: Callable[[Any], dict],
) -> Response:  # fmt: skip
    """The whole list as CSV, streamed a batch at a time: `item` maps a row of a batch to
    the dict of `model`'s JSON that the list's JSON would hold. A HEAD reads no batch past
    the first (which checked the request): its body would be dropped anyway."""
    if request.scope.get(HEAD_ONLY):
        batches = iter(())

    def body() -> Iterator[bytes]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([column for column, _, _ in columns_of(model)])
        for batch in batches:
            writer.writerows(csv_rows(model, map(item, batch)))
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
        if buffer.tell():
            yield buffer.getvalue().encode()

    headers = {"Content-Disposition": f'attachment; filename="{filename}.csv"', **VARY}
    return StreamingResponse(body(), media_type=CSV, headers=headers)
