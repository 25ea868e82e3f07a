"""The matching rule of the evaluation, and the quality bar the pipeline must keep."""

from pathlib import Path

import pytest

from app.enums import EntityType, FactType
from app.evaluation import default_annotated_dirs, evaluate, facts_match, map_entities
from app.extraction.candidates import EntityCandidate, FactCandidate, Span
from tests.conftest import REPO_ROOT

ANNOTATED = REPO_ROOT / "tests" / "data" / "annotated"


def fact(**overrides) -> FactCandidate:
    fields = {"type": FactType.spending, "statement": "s", "subject": "a", "predicate": "p",
              "evidence": Span(10, 20, "x" * 10), "value": 5.0}  # fmt: skip
    return FactCandidate(**{**fields, **overrides})


def test_entities_match_by_type_and_any_name():
    found = [EntityCandidate("x1", "PFP", EntityType.program),
             EntityCandidate("x2", "Azerbaijan", EntityType.place)]  # fmt: skip
    gold = [EntityCandidate("pfp", "Partnership for Peace", EntityType.program, aliases=["PFP"]),
            EntityCandidate("az", "Azerbaijan", EntityType.country)]  # fmt: skip
    assert map_entities(found, gold) == {"x1": "pfp"}  # the place is not the country


@pytest.mark.parametrize(
    ("change", "matches"),
    [
        ({}, True),
        ({"evidence": Span(19, 30, "y" * 11)}, True),  # overlapping evidence
        ({"evidence": Span(20, 30, "y" * 10)}, False),  # touching is not overlapping
        ({"value": 6.0}, False),
        ({"type": FactType.ranking}, False),
        ({"period_start": 2019}, False),
        ({"object": "a"}, False),
        ({"predicate": "other", "statement": "other"}, True),  # wording is not scored
    ],
)
def test_fact_matching_rule(change, matches):
    assert facts_match(fact(**change), fact(subject="A"), {"a": "A"}) is matches


def test_the_seed_meets_the_quality_bar():
    report = evaluate([REPO_ROOT / "seed"])
    assert report.facts.f1 >= 0.85
    assert report.entities.f1 >= 0.9


def test_every_annotated_article_meets_the_bar():
    directories = default_annotated_dirs()
    assert len(directories) >= 4 and all(isinstance(d, Path) for d in directories)
    report = evaluate(directories)
    assert report.facts.f1 >= 0.85 and report.entities.f1 >= 0.9
    for fact_type, score in report.by_type.items():
        assert score.f1 >= 0.6, fact_type


def test_entity_names_match_whatever_their_articles():
    from app.evaluation import normal_name

    assert normal_name("Commander of the Armed Forces") == normal_name("commander of Armed Forces")
    assert normal_name("The Defense Ministry's") == normal_name("Defence Ministry")
    assert normal_name("Chief of the General Staff") != normal_name("Chief of Staff")
