"""The person a colon introduction names as moved by something: "... doesn't surprise X:".

"The timing of the surge doesn't surprise pollster Ann Vale: “...”": the sentence's
subject is a thing, and the quote is the words of the person the verb of feeling has as
its object. The verbs are the ``experiencer_verb`` list of
``resources/quotes/quote_words.csv`` (every form written out).
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.heads import forward_head
from analysis.quotes.phrases import Phrase, noun_phrase_after
from analysis.quotes.speaker_phrase import is_subject_phrase
from analysis.quotes.words import alternation, words

__all__ = ["experiencer_before_colon"]

#: Characters before the colon searched for the verb of feeling.
EXPERIENCER_WINDOW = 120


def experiencer_before_colon(text: str, start: int, colon: int) -> Phrase | None:
    """Return the object of a verb of feeling that runs up to the colon at ``colon``, or None.

    Examples
    --------
    >>> text = "The delay doesn't surprise pollster Ann Vale: “We saw it coming.”"
    >>> experiencer_before_colon(text, 0, text.index(":")).text
    'pollster Ann Vale'
    >>> text = "None of it worried the harbour chief, Eli Moen: “We planned for it.”"
    >>> experiencer_before_colon(text, 0, text.index(":")).text  # the name in apposition
    'Eli Moen'
    >>> text = "The delay surprised everyone at the dock, and Eli Moen said: “Fine.”"
    >>> experiencer_before_colon(text, 0, text.index(":")) is None
    True
    """
    lo = max(start, colon - EXPERIENCER_WINDOW)
    verb = next(reversed(list(_verb().finditer(text, lo, colon))), None)  # the last one
    if verb is None:
        return None
    phrase = forward_head(text, noun_phrase_after(text, verb.end(), colon, titles=True), colon)
    if phrase is None or not is_subject_phrase(phrase.text) or phrase.kind == "pronoun":
        return None
    rest = text[phrase.end : colon]
    return phrase if _only_apposition(rest) else None


def _only_apposition(rest: str) -> bool:
    """Tell whether what follows the object up to the colon is nothing or an apposition."""
    stripped = rest.strip()
    return not stripped or (stripped.startswith(",") and not any(
        word.lower() in words("coordinator") for word in stripped.split()))


@cache
def _verb() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('experiencer_verb')})\s+", re.IGNORECASE)
