"""A real server with one worker answers POST /articles of nearly a mebibyte of any
adversarial shape within seconds, and keeps answering /health while it works."""

import json
import os
import sys
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.extraction.test_linear_time import RULE_LEADS, SHAPES, text_of
from tests.helpers import AUTH, KEY, free_port, running_server

PAIRS = [
    ("none", "said_names"),
    ("none", "countries"),
    ("none", "possessive"),
    ("none", "acronyms"),
    ("attribution", "according"),
    ("attribution", "and_names"),
    ("report", "spaces"),
    ("rankings", "ordinals"),
    ("spending", "money"),
    ("mandates", "positions"),
    ("structure", "lines"),
    ("none", "sentences"),
]
BODY_BYTES = 1_000_000  # within the default MAX_BODY_BYTES of 1 MiB
ANSWER_SECONDS = 30  # a few seconds on a quiet machine; the budget allows for a busy one
HEALTH_SECONDS = 2.0  # the old patterns held the interpreter for 17 s and more


def body_of(lead: str, unit: str) -> bytes:
    """The largest text of this shape whose JSON body fits BODY_BYTES."""
    size = 900_000
    while len(body := json.dumps({"text": text_of(lead, unit, size)}).encode()) > BODY_BYTES:
        size -= 50_000
    return body


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("big")
    port = free_port()
    env = {
        **os.environ, "DATA_DIR": str(folder), "DATABASE_URL": f"sqlite:///{folder / 'facts.db'}",
        "API_KEYS": KEY, "RATE_LIMIT_READS": "", "RATE_LIMIT_WRITES": "", "AUTO_SEED": "false",
    }  # fmt: skip
    command = [sys.executable, "-m", "app", "serve", "--port", str(port), "--workers", "1"]
    with running_server(command, port=port, env=env, cwd=folder) as base:
        yield base


@pytest.mark.slow
@pytest.mark.parametrize(("rule", "shape"), PAIRS)
def test_a_big_article_is_answered_while_health_keeps_answering(server, rule, shape):
    body, outcome = body_of(RULE_LEADS[rule], SHAPES[shape]), {}

    def post() -> None:
        start = time.monotonic()
        try:
            response = httpx.post(f"{server}/articles", content=body, timeout=ANSWER_SECONDS,
                                  headers={**AUTH, "Content-Type": "application/json"})  # fmt: skip
        except httpx.TimeoutException:
            outcome.update(status="no answer", seconds=time.monotonic() - start, problem=False)
            return
        kind = response.headers["content-type"]
        outcome.update(status=response.status_code, seconds=time.monotonic() - start,
                       problem=kind.startswith("application/problem+json"))  # fmt: skip

    writer = threading.Thread(target=post)
    writer.start()
    slowest = 0.0
    while writer.is_alive():
        start = time.monotonic()
        assert httpx.get(f"{server}/health", timeout=HEALTH_SECONDS * 5).status_code == 200
        slowest = max(slowest, time.monotonic() - start)
        time.sleep(0.05)
    writer.join()
    assert outcome["status"] in (200, 201) or (
        400 <= outcome["status"] < 500 and outcome["problem"]
    )
    assert outcome["seconds"] < ANSWER_SECONDS, outcome
    assert slowest < HEALTH_SECONDS, slowest
    print(f"{rule}-{shape}: {outcome['status']} in {outcome['seconds']:.1f} s, "
          f"slowest /health {slowest * 1000:.0f} ms")  # fmt: skip
