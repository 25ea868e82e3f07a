"""The HTTP/1.1 protocol `article-facts serve` runs: uvicorn's httptools one, bounded.

uvicorn reads a request head of any size and any number of header fields, and has no
deadline for a head or a body (its keep-alive timeout only covers idle time between
requests), so one client could fill a worker's memory or hold sockets open for ever.
This subclass caps the head's bytes and fields (431) and gives each head and each body
a deadline (408), answering in problem+json and closing. The server loads it (see
`article-facts serve`); nothing in the app imports it.
"""

import asyncio
import functools
import logging
from dataclasses import dataclass

import orjson
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from app.api.edge import SERVER_STATUS, request_ids, with_service_headers
from app.api.errors import PROBLEM_MEDIA_TYPE, problem_document
from app.config import Settings
from app.errors import AppError, BadRequest, HeadersTooLarge, RequestTimeout

log = logging.getLogger("app.protocol")

# After a refusal, what the client still sends is read and dropped for a while (this
# long, or this much) before closing: closing with unread input resets the connection,
# and the client's network stack may then discard the answer before it is read.
LINGER_SECONDS = 2.0
LINGER_BYTES = 1024 * 1024


@dataclass(frozen=True)
class HttpLimits:
    max_header_bytes: int
    max_headers: int
    header_timeout: float
    body_timeout: float


@functools.cache
def http_limits() -> HttpLimits:
    """The limits from the environment, read once per worker process (on its first
    connection: nothing is read at import time)."""
    settings = Settings()
    return HttpLimits(settings.http_max_header_bytes, settings.http_max_headers,
                      settings.http_header_timeout, settings.http_body_timeout)  # fmt: skip


class Refused(Exception):
    """Raised from a parser callback to stop parsing; uvicorn then calls send_400_response."""


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limits = http_limits()
        self.reading_head = True  # from the connection's start, or a request's end
        self.head_bytes = self.header_count = 0
        self.deadline: asyncio.TimerHandle | None = None
        self.refusal: AppError | None = None
        self.lingering, self.lingered = False, 0

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self.arm(self.limits.header_timeout, self.head_timed_out)

    def connection_lost(self, exc: Exception | None) -> None:
        self.disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.lingering:
            self.lingered += len(data)
            if self.lingered > LINGER_BYTES:
                self.transport.close()
            return
        limit = self.limits.max_header_bytes
        # A head is parsed up to the limit and no further (httptools holds an unfinished
        # header in memory); what follows a finished head in the same chunk (a body, the
        # next request) is parsed as usual.
        while data and not self.lingering:
            if not self.reading_head:
                super().data_received(data)
                return
            if self.deadline is None:
                # A reused connection: the head's time runs from its first byte, even one
                # the parser starts no message for (a bare CRLF).
                self.arm(self.limits.header_timeout, self.head_timed_out)
            part, data = data[: limit - self.head_bytes], data[limit - self.head_bytes :]
            self.head_bytes += len(part)
            super().data_received(part)
            if self.reading_head and self.head_bytes >= limit and not self.lingering:
                self.refuse(HeadersTooLarge(
                    f"The request head is larger than the {limit} bytes this service reads."
                ))  # fmt: skip
                return

    # Parser callbacks, around uvicorn's own.
    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.header_count = 0
        if self.deadline is None:  # the next request of a pipelined chunk
            self.arm(self.limits.header_timeout, self.head_timed_out)

    def on_header(self, name: bytes, value: bytes) -> None:
        self.header_count += 1
        if self.header_count > self.limits.max_headers:
            self.refusal = HeadersTooLarge(
                f"The request has more than the {self.limits.max_headers} header fields "
                "this service reads."
            )
            raise Refused
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self.reading_head = False
        self.disarm()
        self.arm(self.limits.body_timeout, self.body_timed_out)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self.disarm()
        self.reading_head, self.head_bytes = True, 0

    def send_400_response(self, msg: str) -> None:
        # uvicorn's answer to whatever the parser rejected (plain text there).
        self.refuse(self.refusal or BadRequest("The request is not valid HTTP/1.1."))

    # Deadlines.
    def arm(self, seconds: float, handler) -> None:
        self.deadline = self.loop.call_later(seconds, handler)

    def disarm(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def head_timed_out(self) -> None:
        self.deadline = None
        if self.head_bytes == 0 and self.header_count == 0:
            # Nothing asked, nothing to answer (a client's spare connection, say).
            self.transport.close()
            return
        self.refuse(RequestTimeout(
            f"The request head did not arrive within {self.limits.header_timeout:g} s."
        ))  # fmt: skip

    def body_timed_out(self) -> None:
        self.deadline = None
        self.refuse(RequestTimeout(
            f"The request body did not arrive within {self.limits.body_timeout:g} s."
        ))  # fmt: skip

    def refuse(self, error: AppError) -> None:
        """Answer `error` (unless a response is already under way) and close."""
        if self.transport.is_closing() or self.lingering:
            return
        self.disarm()
        client = self.client[0] if self.client else "unknown"
        log.warning("refused a request from %s: %s", client, error.detail,
                    extra={"fields": {"status": error.status, "client": client}})  # fmt: skip
        cycle, answering, request_id = self.cycle, True, None
        if cycle is not None and not cycle.response_complete:
            answering = not cycle.response_started
            if answering:  # for the access log and the metrics: what the client got
                cycle.scope[SERVER_STATUS] = error.status
                request_id = cycle.scope.get("state", {}).get("request_id")
            # The app, if it waits for the body, hears a disconnect; what it sends is dropped.
            cycle.disconnected = True
            cycle.message_event.set()
        if answering:
            path = (self.scope or {}).get("path", "")
            self.transport.write(problem_answer(error, path, request_id or request_ids.new()))
        self.lingering = True
        self.flow.resume_reading()
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(LINGER_SECONDS, self.transport.close)


def problem_answer(error: AppError, path: str, request_id: str) -> bytes:
    """A whole HTTP/1.1 response with the problem, dressed as the edge layer dresses all."""
    body = orjson.dumps(problem_document(error.status, error.detail, path, title=error.title,
                                         slug=error.slug))  # fmt: skip
    headers = with_service_headers(
        [(b"content-type", PROBLEM_MEDIA_TYPE.encode()),
         (b"content-length", str(len(body)).encode()), (b"connection", b"close")],
        request_id.encode("latin-1"),
    )  # fmt: skip
    fields = [name + b": " + value + b"\r\n" for name, value in headers]
    return b"".join([STATUS_LINE[error.status], *fields, b"\r\n", body])
