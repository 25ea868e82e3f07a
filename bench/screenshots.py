"""PNGs of the article page and the review queue for the README:
`python -m bench.screenshots [FOLDER]` (default bench/screenshots). Starts its own server on
a fresh store (bench.pages) and needs Debian's chromium; nothing is fetched from outside."""

import sys
import tempfile
from pathlib import Path

from bench.pages import ROOT, demo_server, launch, sign_in

FOLDER = ROOT / "bench" / "screenshots"
# Wide enough for the text and the facts side by side; PNGs stay small at scale 1.
VIEWPORT = {"width": 1100, "height": 720}


def take(folder: Path) -> list[Path]:
    """Make the screenshots in `folder`; the paths written."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    shots = []
    with (
        tempfile.TemporaryDirectory() as data,
        demo_server(Path(data)) as base,
        sync_playwright() as playwright,
    ):
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(f"{base}/ui/articles/1")
            page.locator("a.to-passage").nth(1).click()  # one passage shown as current
            page.evaluate("() => window.scrollTo(0, 0)")
            shots.append(folder / "article.png")
            page.screenshot(path=shots[-1])
            sign_in(page, base)
            page.goto(f"{base}/ui/review")
            shots.append(folder / "review.png")
            page.screenshot(path=shots[-1])
        finally:
            browser.close()
    return shots


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER
    for path in take(folder):
        print(path)


if __name__ == "__main__":
    main()
