"""A quoted phrase that is the object of a weak cue after it: "the “loopholes” he cited".

A weak cue (``strength`` "weak" in ``resources/quotes/speech_verbs.csv``: "cited",
"called", "listed") whose subject follows a partial quote with nothing but a space, or
one lower-case noun ("the “wise Latina” phrase Ada Lund cited"), between them opens a
relative clause on the quoted phrase: the quote is what the cue is about, not words
its subject spoke after the quote. :func:`is_relative_object` tells the attribution
rules (:mod:`analysis.quotes.attribution`) to leave such a cue alone.

A weak cue's object also ends at a semicolon or a dash: in "Ortiz criticised the council;
the “reform” stalled", the quote after it is no longer the cue's (:func:`beyond_weak_cue`);
a reported "that" clause goes on across a dash.
"""

from __future__ import annotations

import re

from analysis.quotes.context import Attribution

__all__ = ["RELATIVE_GAP_MAX_WORDS", "beyond_weak_cue", "is_relative_object"]

#: Most lower-case words between the quote and the cue's subject ("the “X” phrase Lund cited").
RELATIVE_GAP_MAX_WORDS = 1

#: What ends a weak cue's clause before a later quote: a semicolon or a dash.
_CLAUSE_BREAK = re.compile(r"[;—–]|\s-\s")
#: Farthest a weak cue's object reaches (characters from the cue to the quote): a quote
#: farther on is beyond it, and no clause break is searched for over a longer stretch.
WEAK_OBJECT_MAX_CHARS = 400
#: "that" right after the cue: a reported clause, which goes on across a dash.
_THAT_AFTER = re.compile(r"\s+that\b")
_LOWER_WORD = re.compile(r"[a-z][\w’'-]*")
#: Closing marks (a nested one included: "‘the comeback,’”") read past for the quote's last character.
_MARKS = "”\"’'"
#: Punctuation right inside the closing marks: the quote ends as spoken words do.
_CLOSING_PUNCTUATION = frozenset(",.;:?!…—-")


def is_relative_object(text: str, quote_end: int, attribution: Attribution) -> bool:
    """Tell whether a weak cue after a quote reads the quote as its object.

    Parameters
    ----------
    text
        The article text.
    quote_end
        Where the quote (closing mark included) ends.
    attribution
        The first cue after the quote in its sentence.

    Returns
    -------
    bool
        True when the cue is weak, has its speaker before it, the quote closes with no
        punctuation inside its marks, and only a space or :data:`RELATIVE_GAP_MAX_WORDS`
        lower-case words stand between quote and speaker.

    Examples
    --------
    >>> from analysis.quotes.phrases import Phrase
    >>> text = "The four “loopholes” he cited are legal."
    >>> he = Phrase(21, 23, "he", "pronoun")
    >>> cue = Attribution(24, 29, "cited", "cite", False, he, None, False, 0)
    >>> is_relative_object(text, 20, cue)
    True
    >>> said = Attribution(24, 29, "cited", "cite", True, he, None, False, 0)
    >>> is_relative_object(text, 20, said)  # a verb of saying: left to the other rules
    False
    >>> is_relative_object("The “best,” he cited.", 12, cue)  # closed by a comma
    False
    """
    speaker = attribution.speaker
    if attribution.speech or attribution.inverted or speaker is None or speaker.start < quote_end:
        return False
    inside = text[max(0, quote_end - len(_MARKS)) : quote_end].rstrip(_MARKS)
    if inside and inside[-1] in _CLOSING_PUNCTUATION:
        return False  # "“...,” the article read": punctuation inside the marks closes words spoken
    gap = text[quote_end : speaker.start]
    words = gap.split()
    return (len(words) <= RELATIVE_GAP_MAX_WORDS
            and all(_LOWER_WORD.fullmatch(word) for word in words))


def beyond_weak_cue(text: str, attribution: Attribution, quote_start: int) -> bool:
    """Tell whether a quote after a weak cue stands past a semicolon or dash, out of its reach.

    Examples
    --------
    >>> from analysis.quotes.phrases import Phrase
    >>> text = "Ortiz criticised the council; the “reform” stalled."
    >>> ortiz = Phrase(0, 5, "Ortiz", "name")
    >>> cue = Attribution(6, 16, "criticised", "criticize", False, ortiz, None, False, 0)
    >>> beyond_weak_cue(text, cue, 34)
    True
    >>> beyond_weak_cue("Ortiz criticised the “reform” plan.", cue, 21)
    False
    >>> beyond_weak_cue("Ortiz criticised that the plan — “a reform” — failed.", cue, 32)
    False
    """
    if attribution.speech:
        return False
    if quote_start - attribution.cue_end > WEAK_OBJECT_MAX_CHARS:
        return True
    if _THAT_AFTER.match(text, attribution.cue_end):
        return ";" in text[attribution.cue_end : quote_start]  # "recognized that X — “...”"
    return bool(_CLAUSE_BREAK.search(text, attribution.cue_end, quote_start))
