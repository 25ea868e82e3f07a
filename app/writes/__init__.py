"""The write side, mirroring `app.queries`: articles (ingest, re-extract, delete), facts
(review), entities (resolution), slugs, the seed, backups and ingest sources.

Functions here add and flush but never commit: the caller owns the transaction.
Never imports FastAPI.
"""
