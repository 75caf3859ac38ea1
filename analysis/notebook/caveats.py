"""Warnings met while a notebook reads its articles, said once as rows of its problems list.

Reading a researcher's corpus warns: bytes that are not UTF-8 (:class:`UnicodeWarning`,
:mod:`analysis.text.decoding`), an article not in English (the extractors'
:class:`~analysis.text.english.NotEnglishWarning`, once per table). Printed by Python, each
is a traceback beside the notebook's own tidy list of problems, and the same article is
named several times. :func:`listing_warnings` catches them in a block as
:class:`ReadWarning` rows instead, an article not in English once with all that was done
about it; :func:`not_english_warnings` lists such articles before any table is built
(:func:`analysis.notebook.open_run` builds its tables without re-warning). Any other
warning is warned again, unchanged.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from analysis.text.document import Document
from analysis.text.english import NotEnglishWarning, is_english

__all__ = [
    "LISTED_WARNINGS",
    "NOT_ENGLISH_NOTE",
    "ReadWarning",
    "listing_warnings",
    "not_english_warnings",
    "warning_rows",
]

#: Warnings that become rows (the rest pass on): text decoding, and the package's own.
LISTED_WARNINGS: tuple[type[Warning], ...] = (UnicodeWarning, NotEnglishWarning)
#: The row for an article not in English, listed before its tables are built.
NOT_ENGLISH_NOTE = ("language {language!r} is not English: its tone is not scored (VADER "
                    "and the target model are English-only) and quotes are extracted only "
                    "from Korean text")
#: How :func:`analysis.text.english.warn_not_english` words its message.
_NOT_ENGLISH = re.compile(r"^(?P<article>.+?): (?P<language>language .+? is not English); "
                          r"(?P<what>.+)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """A caveat about an article that was read: where (a file or an article), and what."""

    where: str | None
    message: str


def _listed(warning: warnings.WarningMessage) -> bool:
    category = warning.category
    return issubclass(category, LISTED_WARNINGS) or category.__module__.startswith("analysis.")


def _located(message: str) -> tuple[str | None, str]:
    """A message opening with an existing file's path is listed under that path."""
    where, _, rest = message.partition(": ")
    if rest and Path(where).is_file():
        return where, rest
    return None, message


def warning_rows(caught: Sequence[warnings.WarningMessage]) -> list[ReadWarning]:
    """Turn caught warnings into rows, each once; an article not in English is one row.

    Examples
    --------
    >>> from analysis.text.articles import Article
    >>> from analysis.text.document import as_document
    >>> from analysis.text.english import warn_not_english
    >>> doc = as_document(Article("k.txt", "안녕.", language="ko"))
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_not_english(doc, "sentences not scored")
    ...     warn_not_english(doc, "targets not scored")
    ...     warn_not_english(doc, "targets not scored")
    >>> warning_rows(caught)
    [ReadWarning(where='k.txt', message="language 'ko' is not English; sentences not scored; targets not scored")]
    """
    rows: dict[tuple[str | None, str], list[str]] = {}
    for warning in caught:
        if not _listed(warning):
            warnings.warn_explicit(warning.message, warning.category, warning.filename,
                                   warning.lineno)
            continue
        message = str(warning.message)
        found = _NOT_ENGLISH.match(message)
        if issubclass(warning.category, NotEnglishWarning) and found:
            whats = rows.setdefault((found["article"], found["language"]), [])
            if found["what"] not in whats:
                whats.append(found["what"])
        else:
            rows.setdefault(_located(message), [])
    return [ReadWarning(where, "; ".join([message, *whats]))
            for (where, message), whats in rows.items()]


@contextmanager
def listing_warnings() -> Iterator[list[ReadWarning]]:
    """Catch the warnings of a block as :class:`ReadWarning` rows (filled when it ends).

    For a notebook cell that reads or annotates articles, e.g. a corpus run: its
    warnings reach the problems list (:func:`analysis.notebook.problems_markdown`), not
    the cell's output.

    Examples
    --------
    >>> with listing_warnings() as rows:
    ...     warnings.warn("a.txt: 2 invalid UTF-8 sequences replaced", UnicodeWarning)
    >>> rows
    [ReadWarning(where=None, message='a.txt: 2 invalid UTF-8 sequences replaced')]
    """
    rows: list[ReadWarning] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield rows
    rows.extend(warning_rows(caught))


def not_english_warnings(documents: Iterable[Document]) -> list[ReadWarning]:
    """Return one row per article not in English (:func:`analysis.text.english.is_english`).

    The extractors would each warn about such an article, once per table; a notebook
    lists it once instead (:data:`NOT_ENGLISH_NOTE`).

    Examples
    --------
    >>> from analysis.text.articles import Article
    >>> from analysis.text.document import as_document
    >>> [row.where for row in not_english_warnings([as_document(Article("k", "안녕.", language="ko")),
    ...                                             as_document("Hello.")])]
    ['k']
    """
    return [ReadWarning(d.article_id, NOT_ENGLISH_NOTE.format(language=d.article.language))
            for d in documents if not is_english(d)]
