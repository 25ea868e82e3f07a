"""article-facts: news articles as structured, grounded facts over a REST API."""

__version__ = "0.1.0"
