"""Concurrent requests against a real multi-worker server: reviews guarded by one ETag
let exactly one through, concurrent deletes of one article delete it once, and reads,
reviews, deletes and re-ingests racing each other never answer 5xx.

Slow system tests (`-m slow` selects them, `-m "not slow"` skips them), on each backend.
"""

import contextlib
import os
import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.helpers import ARTICLE, AUTH, KEY, assert_problem, free_port, running_server

pytestmark = pytest.mark.slow

CLIENTS = 8
WORKERS = 4
ROUNDS = 20
MIXED_SECONDS = 20
MIXED_OPERATIONS = 150  # per client: the loop ends at this count or at the time limit
# What the churners ingest and delete again and again: two articles whose titles and new
# entities differ (Poland's forces; Estonia), so their deletes prune entities that the
# lists and reviews are reading, while the two ingests do not race each other for a slug.
CHURNED = [ARTICLE, "Estonia joined NATO in 2004. Estonia spent €1.2bn on defence in 2023."]


@contextlib.contextmanager
def serving(db_url: str, tmp_path, **environment: str) -> Iterator[str]:
    """A server of WORKERS processes on a copy of the seeded database; its base URL."""
    port = free_port()
    env = {
        **os.environ, "DATABASE_URL": db_url, "API_KEYS": KEY, "AUTO_MIGRATE": "false",
        "AUTO_SEED": "false", "RATE_LIMIT_READS": "", "RATE_LIMIT_WRITES": "",
        "LOG_LEVEL": "warning", **environment,
    }  # fmt: skip
    command = [sys.executable, "-m", "app", "serve", "--port", str(port),
               "--workers", str(WORKERS)]  # fmt: skip
    with running_server(command, port=port, env=env, cwd=tmp_path) as base:
        yield base


@contextlib.contextmanager
def clients(base: str) -> Iterator[list[httpx.Client]]:
    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(httpx.Client(base_url=base, headers=AUTH, timeout=60))
            for _ in range(CLIENTS)
        ]


def at_once(
    pool: ThreadPoolExecutor, group: list[httpx.Client], send: Callable[[httpx.Client], object]
) -> list:
    """`send(client)` for every client at once (a barrier releases them together); `pool`
    has a thread for each."""
    barrier = threading.Barrier(len(group))

    def run(client: httpx.Client):
        barrier.wait()
        return send(client)

    return list(pool.map(run, group))


def test_reviews_with_one_etag_let_exactly_one_through(db_url, tmp_path):
    with (
        serving(db_url, tmp_path) as base,
        clients(base) as group,
        ThreadPoolExecutor(CLIENTS) as pool,
    ):
        fact_id = httpx.get(f"{base}/facts").json()["items"][0]["id"]
        url = f"/facts/{fact_id}"
        for round_number in range(ROUNDS):
            current = group[0].get(url)
            status = current.json()["review_status"]
            body = {"review_status": "rejected" if status == "accepted" else "accepted"}
            headers = {"If-Match": current.headers["etag"]}
            answers = at_once(
                pool, group, lambda c, b=body, h=headers: c.patch(url, json=b, headers=h)
            )
            codes = Counter(answer.status_code for answer in answers)
            assert codes == {200: 1, 412: CLIENTS - 1}, (round_number, codes)
            for answer in answers:
                if answer.status_code == 412:
                    assert_problem(answer, 412)
                else:
                    accepted = answer
            final = group[0].get(url)
            assert final.json() == accepted.json()
            assert final.json()["review_status"] == body["review_status"]
            assert final.headers["etag"] == accepted.headers["etag"]


def test_concurrent_deletes_of_one_article_delete_it_once(db_url, tmp_path):
    with (
        serving(db_url, tmp_path) as base,
        clients(base) as group,
        ThreadPoolExecutor(CLIENTS) as pool,
    ):
        for round_number in range(5):
            created = group[0].post("/articles", json={"text": f"{ARTICLE} Round {round_number}."})
            assert created.status_code == 201, created.text
            url = f"/articles/{created.json()['id']}"
            answers = at_once(pool, group, lambda c, u=url: c.delete(u))
            codes = Counter(answer.status_code for answer in answers)
            assert codes == {204: 1, 404: CLIENTS - 1}, (round_number, codes)
            for answer in answers:
                if answer.status_code == 404:
                    assert_problem(answer, 404)
            assert_problem(group[0].get(url), 404)
            for fact in created.json()["facts"]:
                assert_problem(group[0].get(f"/facts/{fact['id']}"), 404)


class MixedLoad:
    """Clients that churn articles (ingest, delete, ingest again), review facts and read
    lists, each recording every answer, until a count or a time limit."""

    def __init__(self, base: str, group: list[httpx.Client]) -> None:
        self.base, self.group = base, group
        self.deadline = time.monotonic() + MIXED_SECONDS
        self.articles: dict[int, int | None] = {}  # churner -> its current article id
        self.answers: list[tuple[str, httpx.Response]] = []
        self.lock = threading.Lock()

    def record(self, label: str, response: httpx.Response) -> httpx.Response:
        with self.lock:
            self.answers.append((label, response))
        return response

    def running(self, count: int) -> bool:
        return count < MIXED_OPERATIONS and time.monotonic() < self.deadline

    def churn(self, client: httpx.Client, number: int) -> None:
        text = CHURNED[number]
        count = 0
        while self.running(count):
            created = self.record("POST /articles", client.post("/articles", json={"text": text}))
            if created.status_code in (200, 201):
                article_id = created.json()["id"]
                self.articles[number] = article_id
                self.record("DELETE /articles/{id}", client.delete(f"/articles/{article_id}"))
            count += 1

    def review(self, client: httpx.Client, rng: random.Random) -> None:
        count = 0
        while self.running(count):
            page = self.record("GET /facts", client.get("/facts", params={"sort": "-id"}))
            items = page.json()["items"] if page.status_code == 200 else []
            if items:
                fact_id = rng.choice(items)["id"]
                fact = self.record("GET /facts/{id}", client.get(f"/facts/{fact_id}"))
                if fact.status_code == 200:
                    status = rng.choice(["accepted", "rejected", "unreviewed"])
                    self.record("PATCH /facts/{id}", client.patch(
                        f"/facts/{fact_id}", json={"review_status": status},
                        headers={"If-Match": fact.headers["etag"]},
                    ))  # fmt: skip
            count += 1

    def read(self, client: httpx.Client, rng: random.Random) -> None:
        count = 0
        while self.running(count):
            article_ids = [value for value in self.articles.values() if value is not None]
            urls = ["/facts?sort=-id&limit=100", "/entities?limit=100", "/facts?entity=poland",
                    "/entities/poland/facts", "/facts?entity=estonia", "/articles"]  # fmt: skip
            if article_ids:
                article_id = rng.choice(article_ids)
                urls += [f"/articles/{article_id}/facts", f"/articles/{article_id}/entities"]
            url = rng.choice(urls)
            self.record(f"GET {url}", client.get(url))
            count += 1

    def run(self) -> None:
        rng = random.Random(2026)
        jobs = [lambda c, n=n: self.churn(c, n) for n in range(len(CHURNED))]
        jobs += [lambda c, r=random.Random(rng.random()): self.review(c, r) for _ in range(3)]
        jobs += [lambda c, r=random.Random(rng.random()): self.read(c, r) for _ in range(3)]
        with ThreadPoolExecutor(CLIENTS) as pool:
            for future in [
                pool.submit(job, client) for job, client in zip(jobs, self.group, strict=True)
            ]:
                future.result()


@pytest.mark.parametrize("cache", ["512", "0"], ids=["cached", "uncached"])
def test_reads_and_reviews_racing_deletes_never_fail(db_url, tmp_path, cache):
    with serving(db_url, tmp_path, RESPONSE_CACHE_SIZE=cache) as base, clients(base) as group:
        load = MixedLoad(base, group)
        load.run()
    failures = [(label, r.status_code, r.text[:300]) for label, r in load.answers
                if r.status_code >= 500]  # fmt: skip
    assert not failures, failures[:5]
    kinds = Counter(label.split(" ")[0] for label, _ in load.answers)
    assert kinds["DELETE"] and kinds["PATCH"] and kinds["GET"], kinds  # every kind ran
    for _, response in load.answers:
        if response.status_code >= 400:
            assert_problem(response, response.status_code)
