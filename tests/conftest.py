"""Shared fixtures: the spaCy pipeline loaded once per test run, and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The workplace's shared folder (seed article, public gold data); the tests that need it fail without it."""
    from sitrep.evaluate import shared_dir as locate

    found = locate()
    assert found is not None, "the shared folder is missing: set SITREP_SHARED to its path"
    return found


@pytest.fixture(scope="session")
def seed_extraction(shared_dir):
    from datetime import date

    import sitrep

    text = (shared_dir / "seed" / "000_0be5bf4a73db792e.txt").read_text(encoding="utf-8")
    return text, sitrep.extract(text, published=date(2016, 9, 22))
