"""Shared test fixtures. Tests never read ../shared: fixtures are hand-written here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis profiles (docs/robustness.md). "short", the default, runs in `make test`:
# derandomized, so CI sees the same examples every time, and no example database is
# written into the checkout. "long" (HYPOTHESIS_PROFILE=long) runs the properties that
# set no max_examples of their own (tests/test_totality.py) on 10,000 examples each,
# new ones every run (--hypothesis-seed=N repeats one).
settings.register_profile("short", max_examples=60, deadline=None, derandomize=True,
                          database=None)
settings.register_profile("long", max_examples=10_000, deadline=None, database=None,
                          print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "short"))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "data" / "raw" / "articles" / "joongang-2023-07-11-yoon-stoltenberg-itpp.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article as committed in data/raw (the project's own research input)."""
    return SEED


@pytest.fixture(scope="session")
def seed_article():
    """The seed article loaded through the library."""
    from analysis import load_article

    return load_article(SEED)


@pytest.fixture(scope="session")
def seed_document(seed_article):
    """The seed article as a Document."""
    from analysis import as_document

    return as_document(seed_article)
