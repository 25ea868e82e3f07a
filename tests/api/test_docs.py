"""The interactive docs work offline, and the OpenAPI document describes everything."""

import re

import pytest

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
    "/ready",
}  # fmt: skip


def test_every_contract_route_is_documented(openapi):
    assert set(openapi["paths"]) == CONTRACT_ROUTES
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
    problem = {"schema": {"$ref": "#/components/schemas/Problem"}}
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    assert response["content"] == {"application/problem+json": problem}, (
                        method, path, status,
                    )  # fmt: skip
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
