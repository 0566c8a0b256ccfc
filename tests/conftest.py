from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "mdma-ptsd-product-page.txt"
BENCH = Path(__file__).resolve().parent.parent / "bench"


def load_bench(name: str):
    """A script of bench/ as a module (``<name>_bench``), loaded once. bench/ is not a package
    and its scripts import each other by name, so it goes on sys.path."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    key = f"{name}_bench"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[key]


@pytest.fixture(scope="session")
def checker():
    """One checker for the session: building the pipeline is the slow part."""
    from checker import Checker

    return Checker()


@pytest.fixture(scope="session")
def check(checker):
    """check("text", format="text") -> DocumentReport"""
    from checker.ingest import from_text

    def run(text: str, format: str = "text"):
        return checker.check_document(from_text(text, format=format))

    return run
