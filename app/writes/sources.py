"""Reads articles to ingest from files, directories, standard input and JSON Lines.

Each input yields either an article or the reason it cannot be one, so a batch goes on
past bad inputs. JSON articles are validated by the same schema as POST /articles.
"""

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from app.schemas import ArticleCreate
from app.writes.articles import ArticleMeta

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True)
class ArticleInput:
    origin: str
    text: str
    meta: ArticleMeta


@dataclass(frozen=True)
class BadInput:
    origin: str
    reason: str


def read_inputs(names: list[str], stdin: TextIO | None = None) -> Iterator[ArticleInput | BadInput]:
    for name in names:
        if name == "-":
            yield from _from_stream("<stdin>", (stdin or sys.stdin).read())
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
            for file in files:
                yield from _from_file(file)
        elif path.is_file():
            yield from _from_file(path)
        else:
            yield BadInput(name, "no such file or directory")


def _readable(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


def _from_file(path: Path) -> Iterator[ArticleInput | BadInput]:
    try:
        # newline="" keeps the text as written: offsets count its characters exactly.
        with open(path, encoding="utf-8", newline="") as handle:
            content = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        yield BadInput(str(path), f"cannot read it as UTF-8 text: {error}")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _json_lines(str(path), content)
    elif suffix in JSON_SUFFIXES:
        yield from _json_document(str(path), content)
    else:
        yield from _plain(str(path), content)


def _from_stream(origin: str, content: str) -> Iterator[ArticleInput | BadInput]:
    """Standard input: JSON Lines when it starts with '{', else one plain-text article."""
    if content.lstrip().startswith("{"):
        yield from _json_lines(origin, content)
    else:
        yield from _plain(origin, content)


def _plain(origin: str, content: str) -> Iterator[ArticleInput | BadInput]:
    yield _validated(origin, {"text": content})


def _json_document(origin: str, content: str) -> Iterator[ArticleInput | BadInput]:
    try:
        document = json.loads(content)
    except json.JSONDecodeError as error:
        yield BadInput(origin, f"not valid JSON: {error}")
        return
    items = document if isinstance(document, list) else [document]
    for index, item in enumerate(items, 1):
        yield _validated(f"{origin}[{index}]" if isinstance(document, list) else origin, item)


def _json_lines(origin: str, content: str) -> Iterator[ArticleInput | BadInput]:
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield BadInput(where, f"not valid JSON: {error}")
            continue
        yield _validated(where, item)


def _validated(origin: str, item: object) -> ArticleInput | BadInput:
    if not isinstance(item, dict):
        return BadInput(origin, "not a JSON object with a 'text' field")
    try:
        article = ArticleCreate.model_validate(item)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'article'}: {e['msg']}" for e in error.errors()
        )
        return BadInput(origin, problems)
    return ArticleInput(origin, article.text, meta_of(article))


def meta_of(article: ArticleCreate) -> ArticleMeta:
    """The stored metadata of a validated article (dates as ISO 8601 text)."""
    return ArticleMeta(
        title=article.title,
        url=article.url,
        source=article.source,
        published_at=article.published_at.isoformat() if article.published_at else None,
        language=article.language,
    )
