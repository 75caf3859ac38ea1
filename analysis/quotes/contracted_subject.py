"""A pronoun subject fused with its auxiliary before a cue: "he’s predicting", "they’ve said".

The noun-phrase reader takes "he’s" as one word that is no pronoun, so the cue after it
finds no speaker. :func:`contracted_subject` reads the pronoun before the contracted
auxiliary (``'s``, ``'ve``, ``'d``, ``'ll``, ``'re``; straight or curly apostrophe), for the
cue finder (:mod:`analysis.quotes.attributions`). The pronouns are the ``pronoun`` list of
``resources/quotes/quote_words.csv``.
"""

from __future__ import annotations

import re

from analysis.quotes.phrases import Phrase
from analysis.quotes.words import words

__all__ = ["CONTRACTION_LOOKBACK_CHARS", "contracted_subject"]

#: Characters before a cue searched for the contracted pronoun and the adverbs after it
#: ("they’ve also long since said"); reading no farther keeps a long region linear.
CONTRACTION_LOOKBACK_CHARS = 60

_CONTRACTION = re.compile(
    r"(?<![\w’'-])(?P<pronoun>[A-Za-z]+)[’'](?:s|ve|d|ll|re)"
    r"(?:\s+(?:[a-z]+ly|not|also|just|now|still|already|long|since|been))*\s+$"
)


def contracted_subject(text: str, region_start: int, cue_start: int) -> Phrase | None:
    """Return the pronoun of a contracted pronoun and auxiliary right before a cue.

    Examples
    --------
    >>> text = "And he’s predicting"
    >>> contracted_subject(text, 0, text.index("predicting"))
    Phrase(start=4, end=6, text='he', kind='pronoun')
    >>> text = "They've long argued"
    >>> contracted_subject(text, 0, text.index("argued")).text
    'They'
    >>> contracted_subject("The port’s said", 0, 11) is None  # not a pronoun
    True
    """
    match = _CONTRACTION.search(text, max(region_start, cue_start - CONTRACTION_LOOKBACK_CHARS), cue_start)
    if match is None or match.group("pronoun").lower() not in words("pronoun"):
        return None
    start, end = match.span("pronoun")
    return Phrase(start, end, text[start:end], "pronoun")
