"""Full-text search over a fact's statement and quote, one interface for both backends.

SQLite: the FTS5 table `fact_fts` (porter stemming) from migration 0001. PostgreSQL: an
English `tsvector` stored in a generated column, with a GIN index (migrations 0002, 0009).
Every word of the query must match, except common English words, which PostgreSQL's
English dictionary drops and SQLite therefore drops too; operators typed by a client are
plain words on both.
"""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.models import Fact
from app.queries.keyset import SCORED_ID
from app.schemas.params import WORD

# PostgreSQL's English stop words (snowball), so both backends ignore the same words.
ENGLISH_STOP_WORDS = """
a about above after again against all am an and any are as at be because been before being
below between both but by can did do does doing don down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own s same she should so some such t than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with you your yours yourself yourselves
"""
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS.split())
# PostgreSQL's stored search vector (migration 0009: a generated column of
# to_tsvector('english', statement || ' ' || quote), with the GIN index on it).
POSTGRES_DOCUMENT = "fact.search_document"


FTS = sa.table("fact_fts", sa.column("rowid", sa.Integer))
# The bound parameters of a search: the FTS5 query (SQLite), the words (PostgreSQL), or
# each word as a LIKE pattern (other backends).
MATCH = "match"
SEARCH_WORDS = "search_words"
FTS_MATCH = sa.text(f"fact_fts MATCH :{MATCH}").bindparams(sa.bindparam(MATCH, type_=sa.String))


def search_words(q: str) -> list[str]:
    return [word for word in WORD.findall(q) if word.lower() not in STOP_WORDS]


def fts_query(q: str) -> str:
    """`q` as an FTS5 query: each word quoted, so operators are plain words."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in search_words(q))


def fts_match(q: str) -> sa.ColumnElement[bool]:
    """The FTS5 MATCH for `q`, each word quoted so operators are plain words."""
    return FTS_MATCH.bindparams(**{MATCH: fts_query(q)})


def text_search(dialect: str, words: int) -> sa.ColumnElement[bool]:
    """Facts whose statement or quote contain every word of a query (stemmed); `words` is
    the query's `search_shape`, and the words are bound as `text_values` gives them."""
    if not words:
        return sa.false()
    if dialect == "sqlite":
        return Fact.__table__.c.id.in_(sa.select(FTS.c.rowid).where(FTS_MATCH))
    if dialect == "postgresql":
        # plainto_tsquery joins the words with AND and treats every character as text.
        return sa.text(
            f"{POSTGRES_DOCUMENT} @@ plainto_tsquery('english'::regconfig, :{SEARCH_WORDS})"
        ).bindparams(sa.bindparam(SEARCH_WORDS, type_=sa.String))
    columns = Fact.__table__.c
    return sa.and_(*(
        sa.or_(columns.statement.ilike(sa.bindparam(f"word_{n}", type_=sa.String)),
               columns.quote.ilike(sa.bindparam(f"word_{n}", type_=sa.String)))
        for n in range(words)
    ))  # fmt: skip


def search_shape(dialect: str, q: str) -> int:
    """What `text_search` needs to know of `q`: on SQLite and PostgreSQL whether it has a
    word to search (the words are one bound value), elsewhere how many."""
    words = len(search_words(q))
    return min(words, 1) if dialect in ("sqlite", "postgresql") else words


def text_values(dialect: str, q: str) -> dict[str, str]:
    """The values `text_search` (and `relevance`) bind for `q`."""
    words = search_words(q)
    if not words:
        return {}
    if dialect == "sqlite":
        return {MATCH: fts_query(q)}
    if dialect == "postgresql":
        return {SEARCH_WORDS: " ".join(words)}
    return {f"word_{n}": f"%{word}%" for n, word in enumerate(words)}


def matches_text(session: Session, q: str) -> sa.ColumnElement[bool]:
    """`text_search` for `q` with its values in place, for a statement of its own."""
    dialect = session.get_bind().dialect.name
    values = text_values(dialect, q)

    def with_value(element: Any) -> Any:
        if isinstance(element, sa.BindParameter) and element.key in values:
            return sa.bindparam(element.key, values[element.key], type_=element.type)
        return None

    condition = text_search(dialect, search_shape(dialect, q))
    return sa.sql.visitors.replacement_traverse(condition, {}, with_value)


def relevance(dialect: str) -> tuple[Any, bool, Any]:
    """(score expression, whether higher is better, SELECT of one fact's score) for the
    words `text_values` binds; the fact's id is bound as SCORED_ID.

    SQLite: FTS5's bm25 over `fact_fts` (lower is better; the query must read from
    `fact_fts` joined to `fact`). PostgreSQL: ts_rank of the same document as the index,
    as double precision so a score survives the trip through a cursor unchanged.
    """
    scored = sa.bindparam(SCORED_ID, type_=sa.Integer)
    if dialect == "sqlite":
        score = sa.func.bm25(sa.literal_column("fact_fts"))
        lookup = sa.select(score).select_from(FTS).where(FTS_MATCH, FTS.c.rowid == scored)
        return score, False, lookup
    query = sa.func.plainto_tsquery(
        sa.literal_column("'english'::regconfig"), sa.bindparam(SEARCH_WORDS, type_=sa.String)
    )
    score = sa.cast(sa.func.ts_rank(sa.literal_column(POSTGRES_DOCUMENT), query), sa.Double)
    return score, True, sa.select(score).where(Fact.__table__.c.id == scored)
