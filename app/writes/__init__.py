"""The write side, mirroring `app.queries`: articles (ingest, re-extract, delete), facts
(review), entities (resolution), slugs, the seed, backups, ingest sources, and the
retried write transaction the callers run them in (`transactions.in_transaction`).

Functions here add and flush but never commit: the caller owns the transaction.
Never imports FastAPI.
"""
