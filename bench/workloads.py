"""Distinct-query workloads for bench.http: thousands of random URLs a run, drawn from the
store, each with the closest Datasette URL for the same draw; and the wrk script that sends
one at random per request, so a response cache helps only as much as real traffic lets it.
"""

import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from app.queries.keyset import Cursor
from bench.store import WORDS


@dataclass
class Workload:
    name: str
    ours: list[str]
    peer: list[str]  # the same draws, as Datasette (`datasette serve -i STORE`) asks them


def distinct_workloads(store: Path, count: int = 20_000, seed: int = 11) -> list[Workload]:
    """One workload per kind of read an analyst's client makes, `count` draws each."""
    rng = random.Random(seed)
    engine = sa.create_engine(f"sqlite:///{store}")
    with engine.connect() as connection:
        last_fact = connection.exec_driver_sql("SELECT max(id) FROM fact").scalar_one()
        last_article = connection.exec_driver_sql("SELECT max(id) FROM article").scalar_one()
        last_entity = connection.exec_driver_sql("SELECT max(id) FROM entity").scalar_one()
        # Deep pages of one type: a cursor at a random ranking fact, as a client paging on.
        rankings = [row[0] for row in connection.exec_driver_sql(
            "SELECT id FROM fact WHERE type = 'ranking' ORDER BY id")]  # fmt: skip
    engine.dispose()
    db = f"/{store.stem}"
    facts, articles, entities, deep, words = ([] for _ in range(5))
    for _ in range(count):
        fact, article, entity = (rng.randint(1, last) for last in (last_fact, last_article,
                                                                    last_entity))  # fmt: skip
        facts.append((f"/facts/{fact}", f"{db}/fact/{fact}.json?_shape=array"))
        articles.append((f"/facts?article_id={article}&limit=50",
                         f"{db}/fact.json?article_id={article}&_size=50&_shape=array"))  # fmt: skip
        entities.append((f"/facts?entity={entity}&limit=50",
                         f"{db}/fact.json?subject_id={entity}&_size=50&_shape=array"))  # fmt: skip
        after = rankings[rng.randrange(len(rankings) - 50)]
        cursor = Cursor("id", None, after).encode()
        peer_page = f"{db}/fact.json?type=ranking&_size=50&_next={after}&_shape=array"
        deep.append((f"/facts?type=ranking&limit=50&cursor={cursor}", peer_page))
        query = "+".join(rng.sample(WORDS, rng.randint(1, 2)))
        # In id order on both sides: Datasette's search sorts so (ours, by default, ranks by
        # relevance, which scores every match; the same-URL table has that case).
        words.append((f"/facts?q={query}&sort=id&limit=50",
                      f"{db}/fact.json?_search={query}&_size=50&_shape=array"))  # fmt: skip
    entity_items = [(f"/entities/{n}", f"{db}/entity/{n}.json?_shape=array")
                    for n in (rng.randint(1, last_entity) for _ in range(count))]  # fmt: skip
    kinds = [("/facts/{random id}", facts), ("/entities/{random id}", entity_items),
             ("/facts?article_id=random", articles), ("/facts?entity=random", entities),
             ("/facts?type=ranking, random deep cursor", deep),
             ("/facts?q=random words&sort=id", words)]  # fmt: skip
    return [Workload(name, [o for o, _ in pairs], [p for _, p in pairs]) for name, pairs in kinds]


# wrk's Lua: each request takes a random line of the paths file (seeded: the same sequence
# for ours and the peer), and responses other than 200 are counted, so a figure made of
# errors cannot pass for a read.
SCRIPT = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
math.randomseed(7)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


@contextmanager
def wrk_script(paths: list[str]) -> Iterator[str]:
    """A wrk script file sending `paths` in random order; removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "paths.txt"
        listing.write_text("\n".join(paths) + "\n")
        script = Path(folder) / "random.lua"
        script.write_text(SCRIPT % listing)
        yield str(script)
