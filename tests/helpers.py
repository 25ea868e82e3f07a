"""Helpers shared by the tests."""

from fastapi.testclient import TestClient


def get_all(client: TestClient, url: str, **params) -> list[dict]:
    """Every item of a paged list, following `next_cursor` to the end."""
    items, cursor = [], None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(url, params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
