from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "mdma-ptsd-product-page.txt"


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
