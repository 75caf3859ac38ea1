"""Quotation marks of Korean copy and what follows them.

Pairs (inside one paragraph): curly double marks “…”, straight double marks "…", corner
brackets 「…」 and white corner brackets 『…』 (double marks and corner brackets are the
marks of speech), and single marks ‘…’ / '…' outside a double quotation (emphasis, terms,
headlines: never speech unless a quotative ending follows). A single mark inside a double
quotation is a quote within the quote and is left to it.

What follows a closing mark decides its role (``resources/quotes/korean/endings.csv``):
:func:`ending_after` returns the longest listed ending written right after the mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.quotes.korean.words import korean_words

__all__ = ["Marked", "ending_after", "find_marked"]

_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’"}
_SINGLE = frozenset("‘'")


@dataclass(frozen=True, slots=True)
class Marked:
    """A quotation: ``start`` at its opening mark, ``end`` after its closing mark."""

    start: int
    end: int
    single: bool

    @property
    def inner(self) -> tuple[int, int]:
        """The span of the quoted words, without the marks."""
        return self.start + 1, self.end - 1


def find_marked(text: str, start: int, end: int) -> list[Marked]:
    """Return the quotations inside ``text[start:end]`` (one paragraph), in order.

    Examples
    --------
    >>> text = '그는 “좋다”며 "함께 가자"고 말했다. 이를 \\'새 출발\\'로 봤다.'
    >>> [(text[m.start:m.end], m.single) for m in find_marked(text, 0, len(text))]
    [('“좋다”', False), ('"함께 가자"', False), ("'새 출발'", True)]
    """
    found: list[Marked] = []
    position = start
    while position < end:
        ch = text[position]
        closing = _PAIRS.get(ch) or (ch if ch in "\"'" else None)
        if closing is None:
            position += 1
            continue
        close = _closing(text, position, end, ch, closing)
        if close < 0:
            position += 1
            continue
        found.append(Marked(position, close + 1, ch in _SINGLE))
        position = close + 1
    return found


def _closing(text: str, opening: int, end: int, mark: str, closing: str) -> int:
    """Offset of the mark that closes the one at ``opening``, or -1."""
    if mark == "'":
        # an apostrophe-like straight single mark closes before a non-letter or Hangul
        close = text.find("'", opening + 1, end)
        return close if close > opening + 1 else -1
    close = text.find(closing, opening + 1, end)
    return close if close > opening + 1 else -1


def ending_after(text: str, position: int, end: int) -> tuple[str, str] | None:
    """Return ``(ending, role)`` written right after a closing mark at ``position``, or None.

    Examples
    --------
    >>> text = '"위협"이라며 말했다'
    >>> ending_after(text, 4, len(text))
    ('이라며', 'continuation')
    >>> ending_after('"좋다". 끝', 4, 8) is None
    True
    """
    for ending, role in korean_words().endings:
        if text.startswith(ending, position) and position + len(ending) <= end:
            return ending, role
    return None
