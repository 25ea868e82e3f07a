"""Structured logs: one JSON object a line, with the id of the request being served.

The request id lives in a context variable that the response-headers middleware sets,
so every line logged while a request is handled carries it, whoever logs it.
"""

import logging
from contextvars import ContextVar
from datetime import UTC, datetime

import orjson

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


class RequestIdFilter(logging.Filter):
    """Stamps each record with the request being served when it was logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if (current := getattr(record, "request_id", None)) is not None:
            line["request_id"] = current
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return orjson.dumps(line).decode()


PLAIN_FORMAT = "%(levelname)-9s %(name)s: %(message)s"


def uvicorn_log_config(level: str, json_lines: bool) -> dict:
    """A `logging.config` dictionary for uvicorn's own lines (start-up, shutdown, errors),
    in the service's format; uvicorn applies it in every worker process it starts."""
    formatter = {"()": "app.logs.JsonFormatter"} if json_lines else {"format": PLAIN_FORMAT}
    handler = {"class": "logging.StreamHandler", "formatter": "service",
               "stream": "ext://sys.stderr"}  # fmt: skip
    logger = {"handlers": ["stderr"], "level": level.upper(), "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"service": formatter},
        "handlers": {"stderr": handler},
        "loggers": {"uvicorn": logger, "uvicorn.access": logger},
    }


def configure(level: str, json_lines: bool) -> None:
    """Send the service's own lines to stderr at `level`, as JSON or as plain text."""
    logger = logging.getLogger("app")
    logger.setLevel(level.upper())
    if not logger.handlers:
        handler = logging.StreamHandler()
        # On the handler, not the logger: a logger's filters skip its children's records.
        handler.addFilter(RequestIdFilter())
        logger.addHandler(handler)
    formatter = JsonFormatter() if json_lines else logging.Formatter(PLAIN_FORMAT)
    for handler in logger.handlers:
        handler.setFormatter(formatter)
