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


def search_words(q: str) -> list[str]:
    return [word for word in WORD.findall(q) if word.lower() not in STOP_WORDS]


def fts_match(q: str) -> sa.ColumnElement[bool]:
    """The FTS5 MATCH for `q`, each word quoted so operators are plain words."""
    match = " ".join('"' + word.replace('"', '""') + '"' for word in search_words(q))
    return sa.text("fact_fts MATCH :match").bindparams(match=match)


def matches_text(session: Session, q: str) -> sa.ColumnElement[bool]:
    """Facts whose statement or quote contain every word of `q` (stemmed)."""
    words = search_words(q)
    if not words:
        return sa.false()
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return Fact.id.in_(sa.select(FTS.c.rowid).where(fts_match(q)))
    if dialect == "postgresql":
        # plainto_tsquery joins the words with AND and treats every character as text.
        return sa.text(
            f"{POSTGRES_DOCUMENT} @@ plainto_tsquery('english'::regconfig, :search_words)"
        ).bindparams(search_words=" ".join(words))
    return sa.and_(
        *(sa.or_(Fact.statement.ilike(f"%{w}%"), Fact.quote.ilike(f"%{w}%")) for w in words)
    )


def relevance(session: Session, q: str) -> tuple[Any, bool, Any]:
    """(score expression, whether higher is better, score of one fact by id) for `q`.

    SQLite: FTS5's bm25 over `fact_fts` (lower is better; the query must read from
    `fact_fts` joined to `fact`). PostgreSQL: ts_rank of the same document as the index,
    as double precision so a score survives the trip through a cursor unchanged.
    """
    if session.get_bind().dialect.name == "sqlite":
        score = sa.func.bm25(sa.literal_column("fact_fts"))
        lookup = sa.select(score).select_from(FTS).where(fts_match(q))

        def score_of(fact: Fact) -> float:
            return session.exec(lookup.where(FTS.c.rowid == fact.id)).one()[0]

        return score, False, score_of
    query = sa.func.plainto_tsquery(
        sa.literal_column("'english'::regconfig"), " ".join(search_words(q))
    )
    score = sa.cast(sa.func.ts_rank(sa.literal_column(POSTGRES_DOCUMENT), query), sa.Double)

    def score_of(fact: Fact) -> float:
        return session.exec(sa.select(score).where(Fact.id == fact.id)).one()[0]

    return score, True, score_of
