"""Find the data folders (rules/, corpus/) the same way in every kind of install.

In a wheel they sit inside the package at ``checker/_data/<name>`` (hatchling's
force-include puts them there). In a checkout or an editable install they sit at the
top of the repository, next to the package. We check the packaged place first, then
the repository, and recognise the repository by its pyproject naming healthlint —
never by counting parent folders blindly.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import DataError

_PACKAGE_DIR = Path(__file__).resolve().parent


def _repository_root() -> Path | None:
    root = _PACKAGE_DIR.parent
    pyproject = root / "pyproject.toml"
    try:
        if 'name = "healthlint"' in pyproject.read_text(encoding="utf-8"):
            return root
    except OSError:
        return None
    return None


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """Return the folder holding the shipped data called ``name`` ("rules" or "corpus")."""
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    root = _repository_root()
    if root is not None and (root / name).is_dir():
        return root / name
    raise DataError(f"healthlint data folder '{name}' not found (looked in {packaged})")
