"""Two API processes on one database serve the same data and see each other's writes.

The topology of compose.yaml, without Docker: both processes start against one empty
database at once (one migrates and seeds under the lock), on each backend under test.
"""

import contextlib
import os
import sys

import httpx
import pytest

from tests.helpers import AUTH, KEY, free_port, running_server

pytestmark = pytest.mark.slow
TEXT = "Estonia joined NATO in 2004. Estonia spent €1.2bn on defence in 2023."


def test_two_processes_share_one_database(tmp_path, empty_db_url):
    env = {**os.environ, "DATABASE_URL": empty_db_url, "API_KEYS": KEY}
    ports = [free_port(), free_port()]
    commands = [[sys.executable, "-m", "app", "serve", "--port", str(port)] for port in ports]
    with contextlib.ExitStack() as stack:
        first, second = (
            stack.enter_context(running_server(command, port=port, env=env, cwd=tmp_path))
            for command, port in zip(commands, ports, strict=True)
        )
        assert httpx.get(f"{first}/facts").json() == httpx.get(f"{second}/facts").json()
        created = httpx.post(f"{first}/articles", json={"text": TEXT}, headers=AUTH)
        assert created.status_code == 201
        article = created.json()
        seen = httpx.get(f"{second}/articles/{article['id']}")
        assert seen.status_code == 200 and seen.json()["fact_count"] == article["fact_count"]
        assert httpx.get(f"{second}/articles").json()["total"] == 2
        etag = httpx.get(f"{second}/facts/{article['facts'][0]['id']}").headers["etag"]
        reviewed = httpx.patch(f"{second}/facts/{article['facts'][0]['id']}",
                               json={"review_status": "accepted"},
                               headers={**AUTH, "If-Match": etag})  # fmt: skip
        assert reviewed.status_code == 200
        fact = httpx.get(f"{first}/facts/{article['facts'][0]['id']}").json()
        assert fact["review_status"] == "accepted"
