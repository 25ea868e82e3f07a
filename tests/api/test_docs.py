"""The interactive docs work offline, and the OpenAPI document describes everything."""

import re

import pytest

from app.schemas import FactReview, Problem
from tests.helpers import AUTH, assert_problem

ASSET = re.compile(r"""(?:src|href)=["']([^"']+)["']""")
SPEC_URL = re.compile(r"""(?:url:\s*|spec-url=)["']([^"']+)["']""")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_every_asset_from_the_app(client, page):
    response = client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assets = ASSET.findall(html)
    assert any(asset.endswith(".js") for asset in assets)
    for asset in assets + SPEC_URL.findall(html):
        assert asset.startswith("/"), asset
        fetched = client.get(asset)
        assert fetched.status_code == 200, asset
        assert fetched.content


def test_redoc_does_not_ask_for_web_fonts(client):
    assert "fonts.googleapis" not in client.get("/redoc").text


def test_swagger_ui_has_no_external_validator(client):
    assert "validatorUrl" in client.get("/docs").text


@pytest.fixture
def openapi(client):
    return client.get("/openapi.json").json()


CONTRACT_ROUTES = {
    "/facts", "/facts/{id}", "/entities", "/entities/{id}", "/entities/{id}/facts",
    "/articles", "/articles/{id}", "/articles/{id}/facts", "/articles/{id}/entities", "/health",
    "/ready", "/facets/facts", "/facets/entities", "/facets/articles",
}  # fmt: skip
# Routes beyond the contract (README, "Decisions where the contract is silent").
EXTENSION_ROUTES = {"/facts/{id}/reviews"}


def test_every_contract_route_is_documented(openapi):
    assert set(openapi["paths"]) == CONTRACT_ROUTES | EXTENSION_ROUTES
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            assert operation.get("description") or operation.get("summary"), (method, path)
            assert operation["tags"], (method, path)


def test_every_parameter_has_a_description_and_an_example(openapi):
    for path, operations in openapi["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                where = (path, parameter["name"])
                assert parameter.get("description"), where
                schema = parameter["schema"]
                assert parameter.get("example") is not None or schema.get("examples"), where


def test_every_schema_field_has_a_description_and_an_example(openapi):
    for name, schema in openapi["components"]["schemas"].items():
        if name in ("HTTPValidationError", "ValidationError"):
            continue
        assert schema.get("description"), name
        for field, spec in schema.get("properties", {}).items():
            assert spec.get("description"), (name, field)
            nested = (
                "$ref" in spec
                or spec.get("type") == "array"
                or ("anyOf" in spec and any("$ref" in option for option in spec["anyOf"]))
            )
            assert nested or "examples" in spec, (name, field)


def test_examples_come_from_the_seed_article(openapi, seed_text):
    schemas = openapi["components"]["schemas"]
    quote = schemas["Evidence"]["properties"]["quote"]["examples"][0]
    start = schemas["Evidence"]["properties"]["start"]["examples"][0]
    end = schemas["Evidence"]["properties"]["end"]["examples"][0]
    assert seed_text[start:end] == quote
    statement = schemas["FactPublic"]["properties"]["statement"]["examples"][0]
    assert "22.7 billion USD" in statement


def test_errors_are_documented_as_problems(openapi):
    # Every error response of every operation, under the media type it is sent as.
    problem = {"$ref": "#/components/schemas/Problem"}
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    where = (method, path, status)
                    assert list(response["content"]) == ["application/problem+json"], where
                    assert response["content"]["application/problem+json"]["schema"] == problem
    limited = openapi["paths"]["/facts"]["get"]["responses"]["429"]
    assert limited["headers"]["Retry-After"]["schema"] == {"type": "integer", "minimum": 1}


def test_writes_declare_their_bearer_key_and_reads_need_none(openapi):
    # Found while fuzzing: the document did not say writes need a key, so neither
    # the docs' "Authorize" button nor a generated client knew to send one.
    assert openapi["components"]["securitySchemes"]["WriteKey"] == {
        "type": "http", "scheme": "bearer", "description": "A key from the service's API_KEYS."
    }  # fmt: skip
    secured = {
        (method.upper(), path)
        for path, operations in openapi["paths"].items()
        for method, operation in operations.items()
        if operation.get("security") == [{"WriteKey": []}]
    }
    assert secured == {("POST", "/articles"), ("DELETE", "/articles/{id}"),
                       ("PATCH", "/facts/{id}")}  # fmt: skip


OPERATION_IDS = {
    ("get", "/facts"): "list_facts", ("get", "/facts/{id}"): "get_fact",
    ("patch", "/facts/{id}"): "review_fact", ("get", "/articles"): "list_articles",
    ("get", "/facts/{id}/reviews"): "list_fact_reviews",
    ("post", "/articles"): "create_article", ("get", "/articles/{id}"): "get_article",
    ("delete", "/articles/{id}"): "delete_article",
    ("get", "/articles/{id}/facts"): "list_article_facts",
    ("get", "/articles/{id}/entities"): "list_article_entities",
    ("get", "/entities"): "list_entities", ("get", "/entities/{id}"): "get_entity",
    ("get", "/entities/{id}/facts"): "list_entity_facts", ("get", "/health"): "check_health",
    ("get", "/ready"): "check_readiness", ("get", "/facets/facts"): "facet_facts",
    ("get", "/facets/entities"): "facet_entities", ("get", "/facets/articles"): "facet_articles",
}  # fmt: skip


def test_operations_have_readable_ids(openapi):
    # Found in review: generated clients got methods like `read_facts_facts_get`.
    ids = {
        (method, path): operation["operationId"]
        for path, operations in openapi["paths"].items()
        for method, operation in operations.items()
    }
    assert ids == OPERATION_IDS


def test_sort_values_have_names_for_generated_clients(openapi):
    # `-value` is no identifier: generators named it VALUE_1 without x-enum-varnames.
    sort = openapi["components"]["schemas"]["FactSort"]
    names = dict(zip(sort["enum"], sort["x-enum-varnames"], strict=True))
    assert names["-value"] == "VALUE_DESC" and names["value"] == "VALUE"
    assert names["-period_start"] == "PERIOD_START_DESC"
    assert len(set(names.values())) == len(names)
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", name) for name in names.values())
    assert sort["x-enumNames"] == sort["x-enum-varnames"]


EXPECTED_TYPES = {
    400: {"urn:article-facts:problem:invalid-cursor", "urn:article-facts:problem:bad-request"},
    401: {"urn:article-facts:problem:unauthorized"}, 403: {"urn:article-facts:problem:forbidden"},
    404: {"urn:article-facts:problem:not-found"},
    412: {"urn:article-facts:problem:precondition-failed"},
    413: {"urn:article-facts:problem:payload-too-large"},
    415: {"urn:article-facts:problem:unsupported-media-type"},
    422: {"urn:article-facts:problem:validation-error"},
    428: {"urn:article-facts:problem:precondition-required"},
    429: {"urn:article-facts:problem:rate-limited"},
    503: {"urn:article-facts:problem:service-unavailable"},
}  # fmt: skip


def test_each_error_status_has_an_example_of_its_own(openapi):
    # Found in review: every error showed the Problem schema's one example, a 404.
    seen = set()
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) < 400:
                    continue
                example = response["content"]["application/problem+json"]["example"]
                Problem.model_validate(example)
                assert example["status"] == int(status), (method, path, status)
                assert example["type"] in EXPECTED_TYPES[int(status)], (method, path, status)
                assert example["instance"].startswith(path.split("{")[0]), (method, path)
                seen.add(int(status))
    assert seen == set(EXPECTED_TYPES)


def test_a_review_declares_if_match_required_and_shows_a_simple_example(openapi):
    review = openapi["paths"]["/facts/{id}"]["patch"]
    [if_match] = [p for p in review["parameters"] if p["name"] == "If-Match"]
    assert if_match["in"] == "header" and if_match["required"] is True
    examples = review["requestBody"]["content"]["application/json"]["examples"]
    assert next(iter(examples.values()))["value"] == {"review_status": "accepted"}
    for example in examples.values():
        FactReview.model_validate(example["value"])


def test_a_review_without_if_match_still_answers_428(writer):
    response = writer.patch("/facts/1", json={"review_status": "accepted"}, headers=AUTH)
    problem = assert_problem(response, 428)
    assert problem["type"] == "urn:article-facts:problem:precondition-required"
    # Before the body is looked at: the precondition is the first thing to fix.
    invalid = writer.patch("/facts/1", json={"review_status": "maybe"}, headers=AUTH)
    assert_problem(invalid, 428)


def test_every_field_of_a_fact_is_required_in_the_answer_schema(client):
    # Found in review: declaring the claim fields once (with the candidate's defaults) had
    # dropped 13 of them from `required`, so generated clients typed them as optional.
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    fact = schema.get("FactPublic-Output", schema.get("FactPublic"))
    assert sorted(fact["required"]) == sorted(fact["properties"])
    assert len(fact["properties"]) == 26
