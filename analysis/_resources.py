"""Read the reference data shipped inside the package (``analysis/resources/``).

Everything is read through :mod:`importlib.resources`, so the package works the same
from a source checkout, an editable install, a wheel or a zip: nothing is looked up
relative to the working directory and nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from analysis._userfiles import parse_user_csv

__all__ = [
    "read_bytes",
    "read_csv_numbered",
    "read_csv_rows",
    "read_lines",
    "read_text",
    "resource",
]


def resource(name: str) -> Traversable:
    """Return the shipped resource ``name`` (a path below ``analysis/resources``).

    Examples
    --------
    >>> resource("sentiment/vader_lexicon.zip").is_file()
    True
    """
    return resources.files("analysis").joinpath("resources", *name.split("/"))


def read_bytes(name: str) -> bytes:
    """Return the bytes of the shipped resource ``name``."""
    return resource(name).read_bytes()


def read_text(name: str) -> str:
    """Return the shipped resource ``name`` decoded as UTF-8."""
    return resource(name).read_text(encoding="utf-8")


def read_lines(name: str) -> tuple[str, ...]:
    """Return the non-blank, non-comment (``#``) lines of a shipped word list.

    Examples
    --------
    >>> "mr" in read_lines("text/abbreviations.txt")
    True
    """
    return _read_lines_cached(name)


@cache
def _read_lines_cached(name: str) -> tuple[str, ...]:
    lines = (line.strip() for line in read_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def read_csv_rows(name: str) -> Iterator[dict[str, str]]:
    """Yield the rows of a shipped CSV file as dicts.

    The file is read by the same parser as a user's CSV files
    (:func:`analysis._userfiles.parse_user_csv`): lines starting ``#`` are comments, blank
    lines are skipped, cells are stripped.

    Examples
    --------
    >>> next(read_csv_rows("text/function_words.csv"))
    {'language': 'en', 'word': 'the'}
    """
    for _, row in read_csv_numbered(name):
        yield row


def read_csv_numbered(name: str) -> tuple[tuple[int, dict[str, str]], ...]:
    """Return the rows of a shipped CSV file with the line each starts on."""
    return parse_user_csv(read_text(name), f"analysis/resources/{name}", name).rows
