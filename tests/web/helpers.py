"""Signing a test client in through the pages' forms, and reading the tokens they carry."""

import re

from tests.helpers import AUTH, KEY

CSRF = re.compile(r'name="csrf" value="([0-9a-f]*)"')
ETAG = re.compile(r'name="etag" value="([^"]*)"')


def csrf_of(html: str) -> str:
    return CSRF.search(html).group(1)


def sign_in(client, key: str = KEY):
    form = client.get("/ui/sign-in")
    return client.post("/ui/sign-in", data={"csrf": csrf_of(form.text), "key": key},
                       follow_redirects=False)  # fmt: skip


def store(client, text: str, **meta) -> dict:
    answer = client.post("/articles", json={"text": text, **meta}, headers=AUTH)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()
