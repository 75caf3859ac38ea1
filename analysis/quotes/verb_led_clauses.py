"""Clauses reported without "that" whose first word alone does not make them a clause.

"A NATO official said several allies had questioned the cost" and "Wi told reporters the
president would not attend" report a clause with no "that": its subject opens with a
quantifier ("several", "many", "two") or follows the addressee of "tell". Either opening
may as well start an object ("said several times", "told reporters the news"), so the
clause is taken only when a finite verb follows within :data:`VERB_WINDOW_WORDS` words
before any punctuation: an auxiliary or modal (``auxiliary``, ``modal``, ``clause_verb``
in ``resources/quotes/quote_words.csv``), a negated auxiliary ("didn't") or a past form
in "-ed". The window is bounded, so the test reads a few words, never the sentence.

The quantifiers are the ``quantity_opener`` list; a time noun right after one ("said two
weeks ago", ``time_noun``) is an adjunct, not a subject.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.words import alternation, words

__all__ = ["VERB_WINDOW_WORDS", "addressed_clause", "quantified_clause"]

#: Most words after a clause's first word searched for its finite verb.
VERB_WINDOW_WORDS = 8
#: Shortest "-ed" word read as a past form ("had" is listed; "led", "fed" are too short).
_PAST_MIN_CHARS = 5
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")


@cache
def _quantity_start() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation('quantity_opener')})\b", re.IGNORECASE)


@cache
def _clause_start() -> re.Pattern[str]:
    return re.compile(rf"^(?:(?:{alternation('clause_opener')})\b|{_quantity_start().pattern[1:]}"
                      r"|[A-Z])")


@cache
def _finite_verbs() -> frozenset[str]:
    return words("auxiliary") | words("modal") | words("clause_verb")


def _is_finite(word: str) -> bool:
    lowered = word.lower().replace("’", "'")
    return (lowered in _finite_verbs() or lowered.endswith("n't")
            or (lowered.endswith("ed") and len(lowered) >= _PAST_MIN_CHARS))


def _verb_follows(after: str) -> bool:
    """Whether a finite verb follows the first word of ``after`` within the window."""
    tokens = _WORD.findall(after[:VERB_WINDOW_WORDS * 20])[1:VERB_WINDOW_WORDS + 1]
    for token in tokens:
        if not (token[0].isalnum() or token[0] == "_"):
            return False  # punctuation ends the subject's reach
        if _is_finite(token):
            return True
    return False


def quantified_clause(after: str) -> bool:
    """Whether ``after`` (the words right after a cue) is a clause whose subject a quantifier opens.

    Examples
    --------
    >>> quantified_clause("several allies had questioned the cost.")
    True
    >>> quantified_clause("two weeks ago the port reopened.")
    False
    >>> quantified_clause("several times before.")
    False
    """
    match = _quantity_start().match(after)
    if match is None:
        return False
    following = after[match.end():].split(None, 1)
    if following and following[0].lower().strip(",.") in words("time_noun") | {"times"}:
        return False
    return _verb_follows(after)


def addressed_clause(after: str) -> bool:
    """Whether ``after`` (the words after "told X") is a clause reported without "that".

    Examples
    --------
    >>> addressed_clause("the president would not attend.")
    True
    >>> addressed_clause("the news on Monday.")
    False
    """
    if _clause_start().match(after) is None:
        return False
    if _quantity_start().match(after):
        return quantified_clause(after)
    return _verb_follows(after)
