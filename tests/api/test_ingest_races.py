"""Concurrent ingests that collide on what must be unique: the same slug base (articles
opening with the same sentence) and the same new entities. Each is retried until stored."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.helpers import AUTH

pytestmark = pytest.mark.slow

OPENING = "Zembla and Quorvia signed a defence pact."


def article(n: int) -> dict:
    # One first sentence (one slug base) and the same two new countries' names in each.
    return {"text": f"{OPENING} Zembla spent ${n + 1}mn on air defence in 2021, said official {n}."}


def test_concurrent_ingests_with_one_slug_base_are_all_stored(writer):
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda n: writer.post("/articles", json=article(n),
                                                         headers=AUTH), range(48)))  # fmt: skip
    assert [r.status_code for r in responses] == [201] * 48, [
        r.text for r in responses if r.status_code != 201
    ][:3]
    slugs = {r.json()["slug"] for r in responses}
    assert len(slugs) == 48
