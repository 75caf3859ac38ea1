"""Quote marks: pair the marks of an article into quotation spans, paragraph by paragraph.

Decided here:

* Double marks (straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``) delimit
  quotations. Whether a mark opens or closes is read from its neighbours (space before
  and a letter after: opening), and from its shape only when the neighbours do not say.
* Single marks (``‘ ’`` and ``'``) delimit a quotation only when an opening one (space
  or start before it, a letter after it) finds a closing one in the same paragraph; an
  apostrophe inside or after a word (``Korea’s``, ``workers’``), before a number
  (``’90s``) or in an elision (``'em``, ``'til``: the ``elision`` list of
  ``resources/quotes/quote_words.csv``) never opens one. Single marks inside a
  double-quoted span are a nested quotation and belong to it; double marks inside a
  single-quoted span (British style) likewise belong to the outer one.
* A paragraph that ends inside an open quotation, followed by a paragraph that starts
  with an opening mark, continues it (the news convention for multi-paragraph quotes:
  each paragraph opens, only the last closes).
* A closing-shaped mark that opens a paragraph, with nothing open, opens a quotation
  (``” … the train has left,” wrote the paper.``); invisible format characters (a
  left-to-right mark) count as spaces around a mark. A quotation left open at the end of a
  paragraph that is not continued ends with that paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from analysis.quotes.words import alternation
from analysis.text.patterns import (
    ALL_MARKS,
    DOUBLE_CLOSING,
    DOUBLE_MARKS,
    DOUBLE_OPENING,
    SINGLE_MARKS,
)

__all__ = ["ALL_MARKS", "DOUBLE_MARKS", "SINGLE_MARKS", "Marked", "find_marked"]

#: Characters after a single mark read for the next word's first letter: a lower-case
#: letter after "s’" ("the players’ union") shows a possessive, not a closing mark.
POSSESSIVE_LOOKAHEAD_CHARS = 2
_BEFORE_OPENING = set("([{—–-/\u00a0") | set(DOUBLE_OPENING) | set("‘")
_AFTER_CLOSING = set(".,;:!?)]}—–-…/\u00a0") | set(DOUBLE_CLOSING) | set("’'\"")


@cache
def _elision() -> re.Pattern[str]:
    """A decade ("’90s") or an elided word ("'em") right after an apostrophe."""
    return re.compile(rf"(?:\d\d?s?|{alternation('elision')})\b", re.IGNORECASE)



@dataclass(frozen=True, slots=True)
class Marked:
    """A span delimited by quote marks: ``start`` at the opening mark, ``end`` after the closing one.

    ``closed`` is False when no closing mark was found (the span then ends with its
    paragraph); ``family`` is "double" or "single"; ``paragraphs`` counts the
    paragraphs it spans.
    """

    start: int
    end: int
    closed: bool
    family: str
    paragraphs: int = 1


def _is_space(char: str) -> bool:
    """Tell whether ``char`` separates words: a space, the text's edge, or an invisible format
    character (a left-to-right mark before a pasted comment: ``\u202a”Sorry, Sarah``)."""
    return char == "" or char.isspace() or unicodedata.category(char) == "Cf"


def _opens_paragraph(text: str, start: int, i: int) -> bool:
    """Tell whether only spaces stand between ``start`` (a paragraph's start) and the mark at ``i``."""
    return all(_is_space(char) for char in text[start:i])


def _double_role(text: str, i: int) -> str:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    opens_context = _is_space(before) or before in _BEFORE_OPENING
    closes_context = _is_space(after) or after in _AFTER_CLOSING
    if opens_context and not closes_context:
        return "open"
    if closes_context and not opens_context:
        return "close"
    mark = text[i]
    if mark in DOUBLE_OPENING:
        return "open"
    if mark in DOUBLE_CLOSING:
        return "close"
    return "toggle"


def _double_spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair double marks in ``text[start:end]``; return closed pairs and an unclosed opener."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    depth = 0
    for i in range(start, end):
        if text[i] not in DOUBLE_MARKS:
            continue
        role = _double_role(text, i)
        if role == "toggle":
            role = "open" if opened is None else "close"
        if role == "close" and opened is None and _opens_paragraph(text, start, i):
            role = "open"  # "” … and then we won,” she wrote.": a closing mark misused to open
        if role == "open":
            if opened is None:
                opened, depth = i, 1
            else:
                depth += 1
        elif opened is not None:
            depth -= 1
            if depth <= 0:
                pairs.append((opened, i + 1))
                opened, depth = None, 0
    return pairs, opened


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not (_is_space(before) or before in _BEFORE_OPENING or before in DOUBLE_MARKS):
        return False
    if not after.isalnum():
        return False
    return not _elision().match(text, i + 1)


def _single_closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if _is_space(before):
        return False
    return _is_space(after) or after in _AFTER_CLOSING or after in DOUBLE_MARKS


def _single_spans(
    text: str, start: int, end: int, blocked: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pair single marks outside the ``blocked`` spans of ``text[start:end]``."""
    pairs: list[tuple[int, int]] = []
    position = start
    block_index = 0
    while position < end:
        i = _next_single(text, position, end)
        if i < 0:
            break
        while block_index < len(blocked) and blocked[block_index][1] <= i:
            block_index += 1
        if block_index < len(blocked) and blocked[block_index][0] <= i:
            position = blocked[block_index][1]
            continue
        if text[i] != "’" and _single_opens(text, i):
            close = _single_close_after(text, i + 1, end)
            if close is not None:
                pairs.append((i, close + 1))
                position = close + 1
                continue
        position = i + 1
    return pairs


def _next_single(text: str, position: int, end: int) -> int:
    best = -1
    for mark in "‘'’":
        found = text.find(mark, position, end)
        if found >= 0 and (best < 0 or found < best):
            best = found
    return best


def _single_close_after(text: str, position: int, end: int) -> int | None:
    """Return the closing single mark after an opener, skipping likely possessives."""
    candidates = [
        i for i in range(position, end) if text[i] in "’'" and _single_closes(text, i)
    ]
    for index, i in enumerate(candidates):
        possessive = text[i - 1] == "s" and text[i + 1 : i + 1 + POSSESSIVE_LOOKAHEAD_CHARS].strip()[:1].islower()
        if possessive and index + 1 < len(candidates):
            continue
        if text[i - 1].isalnum() and i + 1 < end and text[i + 1].isalnum():
            continue
        return i
    return None


def _starts_with_opening(text: str, paragraph: tuple[int, int]) -> bool:
    first = text[paragraph[0]] if paragraph[0] < paragraph[1] else ""
    return first in DOUBLE_OPENING or (first == '"' and _double_role(text, paragraph[0]) != "close")


def find_marked(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Marked]:
    """Return the quote-mark spans of ``text``, paragraph by paragraph, in text order.

    Parameters
    ----------
    text : str
    paragraphs : sequence of (start, end)
        Paragraph spans (quotations never cross one, except multi-paragraph quotes).

    Examples
    --------
    >>> text = "“It is Korea’s turn,” he said of the ’90s.\\n“One.\\n“Two,” she said 'loudly'."
    >>> found = find_marked(text, [(0, 42), (43, 48), (49, 74)])
    >>> [(text[m.start:m.end], m.family, m.paragraphs) for m in found]
    [('“It is Korea’s turn,”', 'double', 1), ('“One.\\n“Two,”', 'double', 2), ("'loudly'", 'single', 1)]
    """
    found: list[Marked] = []
    carried: int | None = None
    carried_paragraphs = 0
    previous_end = 0
    for p_start, p_end in paragraphs:
        position = p_start
        if carried is not None:
            if _starts_with_opening(text, (p_start, p_end)):
                close = _first_close(text, p_start + 1, p_end)
                if close is None:
                    carried_paragraphs += 1
                    previous_end = p_end
                    continue
                found.append(Marked(carried, close + 1, True, "double", carried_paragraphs + 1))
                position = close + 1
            else:
                found.append(Marked(carried, previous_end, False, "double", carried_paragraphs))
            carried = None
        pairs, opened = _double_spans(text, position, p_end)
        blocked = pairs + ([(opened, p_end)] if opened is not None else [])
        spans = [Marked(s, e, True, "double") for s, e in pairs]
        for s, e in _single_spans(text, position, p_end, blocked):
            spans = [m for m in spans if not (s <= m.start and m.end <= e)]
            spans.append(Marked(s, e, True, "single"))
        found.extend(sorted(spans, key=lambda m: m.start))
        if opened is not None:
            carried, carried_paragraphs = opened, 1
        previous_end = p_end
    if carried is not None:
        found.append(Marked(carried, previous_end, False, "double", carried_paragraphs))
    return found


def _first_close(text: str, start: int, end: int) -> int | None:
    """Return the first closing double mark in ``text[start:end]`` (nested pairs skipped)."""
    depth = 0
    for i in range(start, end):
        if text[i] not in DOUBLE_MARKS:
            continue
        role = _double_role(text, i)
        if role == "toggle":
            role = "close" if depth == 0 else "open"
        if role == "open":
            depth += 1
        elif depth == 0:
            return i
        else:
            depth -= 1
    return None
