"""The limit: a minimal ASGI app answering a precomputed JSON body of a given size.

    BENCH_BODY=/path/to/body.json [BENCH_HEADERS=/path/to/headers.json] uvicorn bench.limit_app:app

What any API on the same server could at best do with a response of that size; with
BENCH_HEADERS (a JSON list of [name, value] pairs, those of one of our answers), with
the same headers too, which the server has to check and write for every response.
"""

import json
import os
from pathlib import Path

BODY = (
    Path(os.environ.get("BENCH_BODY", "")).read_bytes() if os.environ.get("BENCH_BODY") else b"{}"
)
HEADERS = [
    (b"content-type", b"application/json"),
    (b"content-length", str(len(BODY)).encode()),
]
if os.environ.get("BENCH_HEADERS"):
    pairs = json.loads(Path(os.environ["BENCH_HEADERS"]).read_text())
    HEADERS = [(name.encode(), value.encode()) for name, value in pairs]
START = {"type": "http.response.start", "status": 200, "headers": HEADERS}
END = {"type": "http.response.body", "body": BODY}


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send(START)
    await send(END)
