"""Shared test fixtures. Tests never read ../shared: fixtures are hand-written here."""

from __future__ import annotations

from pathlib import Path

import pytest

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
