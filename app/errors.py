"""The service's error types, each carrying its HTTP status and a problem `type` slug.

Plain exceptions with no web-framework import, so queries and the write path can
raise them; `app.api.errors` turns every error into RFC 9457 problem+json.
"""

from typing import Any


class AppError(Exception):
    status: int = 500
    title: str = "Internal Server Error"
    slug: str = "internal-error"
    headers: dict[str, str] | None = None

    def __init__(self, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extensions = extensions


class BadRequest(AppError):
    status, title, slug = 400, "Bad Request", "bad-request"


class InvalidCursor(BadRequest):
    title, slug = "Invalid cursor", "invalid-cursor"


class NotFound(AppError):
    status, title, slug = 404, "Not Found", "not-found"


class ServiceUnavailable(AppError):
    status, title, slug = 503, "Service Unavailable", "service-unavailable"


class Unauthorized(AppError):
    status, title, slug = 401, "Unauthorized", "unauthorized"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.headers = {"WWW-Authenticate": 'Bearer realm="article-facts"'}


class Forbidden(AppError):
    status, title, slug = 403, "Forbidden", "forbidden"


class PayloadTooLarge(AppError):
    status, title, slug = 413, "Content Too Large", "payload-too-large"


class UnsupportedMediaType(AppError):
    status, title, slug = 415, "Unsupported Media Type", "unsupported-media-type"


class RequestTimeout(AppError):
    status, title, slug = 408, "Request Timeout", "request-timeout"


class HeadersTooLarge(AppError):
    status, title, slug = 431, "Request Header Fields Too Large", "headers-too-large"


class PreconditionFailed(AppError):
    status, title, slug = 412, "Precondition Failed", "precondition-failed"


class PreconditionRequired(AppError):
    status, title, slug = 428, "Precondition Required", "precondition-required"


class InvalidRequest(AppError):
    """Parameters or a body that fail validation; `errors` lists each."""

    status, title, slug = 422, "Invalid request", "validation-error"


class Unprocessable(AppError):
    status, title, slug = 422, "Unprocessable Content", "unprocessable"


class TooManyRequests(AppError):
    status, title, slug = 429, "Too Many Requests", "rate-limited"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail, retry_after=retry_after)
        self.headers = {"Retry-After": str(retry_after)}
