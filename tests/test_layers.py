"""The layers stay apart: what each package may import, and an import that reads nothing."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
WEB = ("fastapi", "starlette", "uvicorn")
STORAGE = ("app.db", "app.models", "app.queries", "app.writes", "app.migrate")


def imported_modules(package: str) -> dict[str, set[str]]:
    found = {}
    for path in sorted((APP / package).rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(APP))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    def is_forbidden(name: str) -> bool:
        return any(name == f or name.startswith(f + ".") for f in forbidden)

    return [
        f"{path} imports {name}"
        for path, names in imported_modules(package).items()
        for name in sorted(names)
        if is_forbidden(name)
    ]


@pytest.mark.parametrize("package", ["queries", "writes", "extraction"])
def test_reads_writes_and_extraction_never_import_the_web_framework(package):
    assert offenders(package, WEB) == []


def test_extraction_never_imports_storage_or_other_layers():
    assert offenders("extraction", (*STORAGE, "app.api")) == []


def test_pages_read_and_write_only_through_the_queries_and_writes():
    """app/web builds no SQL of its own: its data comes from app.queries and app.writes."""
    assert offenders("web", ("sqlalchemy", "app.models", "app.db")) == []


def test_importing_the_app_module_reads_no_setting():
    """A bad setting is reported when an app is made (at start-up), never at import."""
    env = {**os.environ, "RATE_LIMIT_READS": "lots", "API_KEYS": "sha256:nothex"}
    code = (
        "import app.main\n"
        "from pydantic import ValidationError\n"
        "try:\n    app.main.create_app()\nexcept ValidationError:\n    print('refused')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "refused"
