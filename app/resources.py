"""Locates the migrations and seed directories, in a checkout or an installed wheel.

The repository keeps them at the top level; the wheel bundles copies in `app/_bundled`.
"""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The directory `name` (`migrations` or `seed`), bundled copy first."""
    for candidate in (_PACKAGE_DIR / "_bundled" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"cannot find the {name!r} directory next to {_PACKAGE_DIR}")
