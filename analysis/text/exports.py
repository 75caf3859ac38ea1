"""Exports: a text file that holds many articles, told apart and split.

News databases export a search as one long text file: LexisNexis (Nexis Uni) ends every
article with a line ``End of Document``; Factiva ends every article with a trailer line
``Document <ID>``, the ID being letters and digits (e.g. ``Document WIRE000020230711ej7b0005l``).
Read as one article, such a file mixes the speakers and sectors of hundreds of stories.

:func:`split_export` looks for those separator lines (a whole line each, surrounding
spaces allowed) and, when there are at least :data:`MIN_EXPORT_ARTICLES` articles,
returns the text of each (stripped of the blank lines around it; the separator lines
themselves are dropped; text after the last separator is kept as one more article, so
nothing is lost). The check costs one substring search on a text without separators.
Repeated headline or byline blocks are not used as separators: no rule tells them apart
soundly from an article's own sub-headings.

:data:`LONG_TEXT_CHARS` is the length past which the loaders warn about a single
article that is not an export (it is read whole).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LONG_TEXT_CHARS", "MIN_EXPORT_ARTICLES", "Export", "split_export"]

#: Characters of text past which one article is "long": the loaders warn, naming its size.
LONG_TEXT_CHARS = 1_000_000
#: Fewest articles a text must hold, separator-ended, to be split as an export.
MIN_EXPORT_ARTICLES = 2

# name of the export format, a cheap substring every separator line holds, the line
_FORMATS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("LexisNexis", "End of Document",
     re.compile(r"^[ \t]*End of Document[ \t]*$", re.MULTILINE)),
    ("Factiva", "Document ",
     re.compile(r"^[ \t]*Document (?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{16,40}"
                r"[ \t]*$", re.MULTILINE)),
)


@dataclass(frozen=True, slots=True)
class Export:
    """The articles of a multi-article export: its format and each article's text."""

    format: str
    texts: tuple[str, ...]


def split_export(text: str) -> Export | None:
    """Split a LexisNexis or Factiva export into its articles, or return None.

    Examples
    --------
    >>> export = split_export("NATO met.\\nEnd of Document\\n\\nKorea joined.\\nEnd of Document\\n")
    >>> export.format, export.texts
    ('LexisNexis', ('NATO met.', 'Korea joined.'))
    >>> split_export("One article.\\nEnd of Document\\n") is None
    True
    """
    for name, needle, line in _FORMATS:
        if needle not in text:
            continue
        texts = _pieces(text, line)
        if len(texts) >= MIN_EXPORT_ARTICLES:
            return Export(name, tuple(texts))
    return None


def _pieces(text: str, line: re.Pattern[str]) -> list[str]:
    pieces = []
    start = 0
    for match in line.finditer(text):
        piece = text[start:match.start()].strip()
        if piece:
            pieces.append(piece)
        start = match.end()
    if len(pieces) < MIN_EXPORT_ARTICLES:
        return pieces
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces
