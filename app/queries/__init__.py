"""The read side: SELECT statements and keyset fetches per resource. Never imports FastAPI."""
