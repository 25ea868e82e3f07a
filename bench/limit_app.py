"""The limit: a minimal ASGI app answering a precomputed JSON body of a given size.

    BENCH_BODY=/path/to/body.json uvicorn bench.limit_app:app

What any API on the same server could at best do with a response of that size.
"""

import os
from pathlib import Path

BODY = (
    Path(os.environ.get("BENCH_BODY", "")).read_bytes() if os.environ.get("BENCH_BODY") else b"{}"
)
START = {
    "type": "http.response.start",
    "status": 200,
    "headers": [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(BODY)).encode()),
    ],
}
END = {"type": "http.response.body", "body": BODY}


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send(START)
    await send(END)
