"""Tokens of a speaker phrase: the :class:`Phrase` record, the tokeniser and word tests.

The phrase readers (:mod:`analysis.quotes.phrases` reads backwards from a cue,
:mod:`analysis.quotes.phrase_forward` forwards) share these small pure functions over a
text and token offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.quotes.words import abbreviations

__all__ = ["NUMBER_SIGN", "PARTY_TAG", "Phrase", "is_abbreviation", "is_capitalised",
           "is_possessive", "is_word", "token_text", "tokens", "word_at"]

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\d+/\d+|\w+(?:[’'\-.&]\w+)*(?:[’']s?)?|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase found near a cue: offsets, text and what it is.

    ``kind`` is "pronoun", "name" (it contains a capitalised name) or "description";
    "venue" for the occasion read where an addressee goes ("told a news conference",
    :mod:`analysis.quotes.addressees`).
    """

    start: int
    end: int
    text: str
    kind: str


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of the tokens (words and punctuation) in ``text[start:end]``.

    Examples
    --------
    >>> text = "Sen. Jeanne Shaheen, D-N.H., said U.S. ties’ value"
    >>> [text[s:e] for s, e in tokens(text, 0, len(text))]
    ['Sen', '.', 'Jeanne', 'Shaheen', ',', 'D-N.H', '.', ',', 'said', 'U.S.', 'ties’', 'value']
    """
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def word_at(text: str, toks: list[tuple[int, int]], index: int) -> str:
    """Return token ``index`` in lower case.

    Examples
    --------
    >>> text = "Said Lund"
    >>> word_at(text, tokens(text, 0, len(text)), 0)
    'said'
    """
    return text[toks[index][0] : toks[index][1]].lower()


def token_text(text: str, toks: list[tuple[int, int]], index: int) -> str:
    """Return token ``index`` as written.

    Examples
    --------
    >>> text = "Said Lund"
    >>> token_text(text, tokens(text, 0, len(text)), 1)
    'Lund'
    """
    return text[toks[index][0] : toks[index][1]]


#: A US party-and-state tag written after a name: "R-Ky.", "D-Tex.", "I-Vt.".
PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z]{0,4}")


#: "No." inside a phrase is the number sign ("the No. 2 Democrat"); "no." may end a sentence.
NUMBER_SIGN = "No"


def is_abbreviation(word: str) -> bool:
    """Tell whether a word before a period is an abbreviation, an initial or "No" ("Sen", "J", "No. 2").

    Examples
    --------
    >>> is_abbreviation("Sen"), is_abbreviation("J"), is_abbreviation("R-Ky"), is_abbreviation("rain")
    (True, True, True, False)
    """
    return (word.lower() in abbreviations() or (len(word) == 1 and word.isupper())
            or PARTY_TAG.fullmatch(word) is not None or word == NUMBER_SIGN)


def is_capitalised(word: str) -> bool:
    """Tell whether a word opens with a capital letter.

    Examples
    --------
    >>> is_capitalised("Lund"), is_capitalised("said")
    (True, False)
    """
    return word[:1].isupper()


def is_word(word: str) -> bool:
    """Tell whether a token is a word or number, not punctuation.

    Examples
    --------
    >>> is_word("Lund"), is_word("2024"), is_word(",")
    (True, True, False)
    """
    return word[:1].isalnum()


def is_possessive(word: str) -> bool:
    """Tell whether a word carries a possessive "'s" or "s'" (and is more than that).

    Examples
    --------
    >>> is_possessive("Lund’s"), is_possessive("allies'"), is_possessive("'s"), is_possessive("Lund")
    (True, True, False, False)
    """
    return word.endswith(("’s", "'s", "s’", "s'")) and len(word) > 2
