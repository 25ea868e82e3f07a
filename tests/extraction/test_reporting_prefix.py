"""The walk over 'According to X, Y and Z, ...' ends where the single pattern it
replaced (exponential on long lists of names) ended, on many small texts."""

import random
import re

from app.extraction.pipeline import extract
from app.extraction.subjects import reporting_prefix_end

# The pattern as it was: right, but it backtracked exponentially on "A and B and ...".
OLD_REPORTING_PREFIX = re.compile(
    r"^(?:(?:a|the|an)\s+(?:new\s+|recent\s+|latest\s+)?(?:report|study|survey|analysis)\s+"
    r"(?:by|from)\s+[^,]+?\s+(?:finds|found|says|said|shows|showed|notes|noted)\s+(?:that\s+)?"
    r"|(?:according to|based on reporting by|based on reports by|citing)\s+"
    r"(?:[^,]+?(?:,\s+|\s+and\s+)(?=[A-Z]))*[^,]+,\s+)",
    re.IGNORECASE,
)
LEADS = ["According to ", "citing  ", "A report by ", "The new study from ", "Based on reports by "]
PIECES = ["Alpha", "bravo", " and ", ", ", ",", "  ", "1,000", "\n", " finds that ", " said ", "x"]


def test_the_walk_ends_where_the_old_pattern_ended():
    rng = random.Random(7)
    for _ in range(5000):
        text = rng.choice(LEADS) + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 7)))
        old = OLD_REPORTING_PREFIX.match(text)
        assert reporting_prefix_end(text) == (old.end() if old else 0), text


def test_a_long_list_of_sources_joined_by_and_is_read_at_once():
    text = "According to Alpha" + " and Bravo" * 60 + ", Azerbaijan spent $5bn on arms."
    result = extract(text)  # the old pattern took seconds for 20 names, forever for 60
    assert any(fact.predicate == "spent_on" for fact in result.facts)


def test_a_speaker_with_a_time_before_and_an_acronym_after_leaves_the_subject_after():
    from tests.extraction.helpers import facts

    text = ("On Tuesday, the Joint Staff (JS) reported that Chilean Air Force F-5 jets carried "
            "out airstrikes on a camp.")  # fmt: skip
    [fact] = facts(text, "event")
    assert fact["subject"] == "Chilean Air Force"
