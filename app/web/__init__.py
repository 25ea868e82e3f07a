"""Server-rendered pages (Jinja2 templates, app/static/pages): browse and review the store in a
browser. Reads through app.queries, writes through app.writes, as the API does."""
