"""The contract, fuzzed: schemathesis generates requests, valid and invalid, for every
operation of the app's own OpenAPI document and sends them to a real server (on a fresh
seeded database, on each backend); every answer is checked against the document.

Checks: no 5xx; status codes, content types, headers and bodies as documented; valid
requests accepted and invalid ones refused; writes refused without the key; and (ours)
every error is an RFC 9457 problem. `FUZZ_EXAMPLES` raises the number of examples per
operation for a longer local run; the default keeps the suite quick and repeatable.
"""

import os
import threading
import time
import zlib
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from app.config import Settings
from app.main import create_app
from tests.helpers import KEY, free_port

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
LISTS = r"^(/facts|/entities|/articles|/articles/\{id\}/(facts|entities)|/entities/\{id\}/facts)$"
ACCEPTED = ["2xx", "304", "401", "403", "404", "429"]
REVIEW_REFUSALS = ["412", "422"]
MISSING_HEADER = ["400", "401", "403", "406", "415", "422", "428"]  # schemathesis's, and 428

# What a request that matches the schema may still get, beyond success and 404: rules
# the schema cannot state. A cursor is opaque (any string fits the schema; one this
# service did not issue is a 400, as API.md says); a review needs the fact's current
# ETag (412 when stale), and some corrections conflict with the stored fact (422:
# `period_start` after `period_end`, `rank` above `rank_total`, a subject that is no
# entity). If-Match is required in the schema, and its absence answers RFC 6585's 428
# (documented) rather than a 422: the check that drops a required header accepts it.
CONFIG = SchemathesisConfig.from_dict(
    {
        "auth": {"openapi": {"WriteKey": {"bearer": KEY}}},
        "operations": [
            {
                "include-path-regex": LISTS,
                "include-method": "GET",
                "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "400"]}},
            },
            {
                "include-path": "/facts/{id}",
                "include-method": "PATCH",
                "checks": {
                    "positive_data_acceptance": {"expected-statuses": ACCEPTED + REVIEW_REFUSALS},
                    "missing_required_header": {"expected-statuses": MISSING_HEADER},
                },
            },
        ],
    }
)
OPENAPI = create_app().openapi()
schema = schemathesis.openapi.from_dict(OPENAPI, config=CONFIG)


@schemathesis.check
def errors_are_problems(ctx, response, case) -> None:
    """Every 4xx and 5xx is application/problem+json with the RFC 9457 members."""
    if response.status_code >= 400:
        assert_is_problem(response)


def assert_is_problem(response) -> None:
    media_type = response.headers.get("content-type", [""])[0]
    assert media_type == "application/problem+json", f"error as {media_type!r}"
    problem = response.json()
    assert problem["status"] == response.status_code, problem
    assert {"type", "title", "detail"} <= problem.keys(), problem


@pytest.fixture
def base_url(db_url, tmp_path) -> Iterator[str]:
    """A uvicorn server on 127.0.0.1 in this process, serving a fresh seeded database.
    Rates unlimited, so the generated writes are all served (the 429 has its own tests)."""
    app = create_app(
        Settings(
            database_url=db_url, data_dir=tmp_path, auto_migrate=False, auto_seed=False,
            api_keys=KEY, log_level="warning", rate_limit_reads="", rate_limit_writes="",
        )
    )  # fmt: skip
    server = uvicorn.Server(uvicorn.Config(app, port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "the server did not start"
        time.sleep(0.01)
    base = f"http://127.0.0.1:{server.config.port}"
    assert httpx.get(f"{base}/openapi.json").json() == OPENAPI  # the document it serves
    yield base
    server.should_exit = True
    thread.join()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_every_operation_keeps_its_contract(case, base_url):
    if case.method == "PATCH" and "If-Match" in (case.headers or {}):
        # Send the fact's current ETag half the time, so bodies get past the 412.
        current = httpx.get(f"{base_url}/facts/{case.path_parameters['id']}")
        if current.status_code == 200 and zlib.crc32(repr(case.body).encode()) % 2:
            case.headers["If-Match"] = current.headers["etag"]
    query = case.query or {}
    days = str(query.get("published_from", "")), str(query.get("published_to", "~"))
    if (query.get("sort") == "relevance" and not query.get("q")) or days[0] > days[1]:
        # A rule between two parameters, which the schema cannot state: 422, as documented
        # (or 404 first, for an article or entity that is not there).
        response = case.call(base_url=base_url)
        assert response.status_code in (404, 422), response.text
        assert_is_problem(response)
        return
    case.call_and_validate(base_url=base_url, additional_checks=[errors_are_problems])
