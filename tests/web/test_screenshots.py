"""The README's screenshots are made by a script in the repository: it runs, and makes them."""

import pytest

from bench.pages import chromium

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed"),
]


def test_the_screenshot_script_makes_both_pictures(tmp_path):
    from bench.screenshots import FOLDER, take

    shots = take(tmp_path)
    assert [shot.name for shot in shots] == ["article.png", "review.png"]
    for shot in shots:
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and 10_000 < len(data) < 500_000
        assert (FOLDER / shot.name).is_file()  # the committed ones the README shows
