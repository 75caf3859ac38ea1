"""Clauses reported without "that" whose first word alone does not make them a clause.

"A NATO official said several allies had questioned the cost" reports a clause with no
"that" whose subject opens with a quantifier ("several", "many", "two"). That opening
may as well start an object or an adjunct ("said several times", "said many things"), so the
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

__all__ = ["VERB_WINDOW_WORDS", "is_finite_verb", "quantified_clause"]

#: Most words after a clause's first word searched for its finite verb.
VERB_WINDOW_WORDS = 8
#: Shortest "-ed" word read as a past form ("had" is listed; "led", "fed" are too short).
_PAST_MIN_CHARS = 5
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")


@cache
def _quantity_start() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation('quantity_opener')})\b", re.IGNORECASE)


@cache
def _finite_verbs() -> frozenset[str]:
    return words("auxiliary") | words("modal") | words("clause_verb")


def is_finite_verb(word: str) -> bool:
    """Whether ``word`` reads as a finite verb: an auxiliary, a modal, "didn't", a past in "-ed".

    Examples
    --------
    >>> is_finite_verb("would"), is_finite_verb("questioned"), is_finite_verb("allies")
    (True, True, False)
    """
    lowered = word.lower().replace("’", "'")
    return (lowered in _finite_verbs() or lowered.endswith("n't")
            or (lowered.endswith("ed") and len(lowered) >= _PAST_MIN_CHARS))


def _verb_follows(after: str) -> bool:
    """Whether a finite verb follows the first word of ``after`` within the window."""
    tokens = _WORD.findall(after[:VERB_WINDOW_WORDS * 20])[1:VERB_WINDOW_WORDS + 1]
    for token in tokens:
        if not (token[0].isalnum() or token[0] == "_"):
            return False  # punctuation ends the subject's reach
        if is_finite_verb(token):
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

