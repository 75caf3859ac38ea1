"""A speaker written as a lone quantifier after an inverted cue: "“...,” tweeted another."

``“Count every vote,” wrote one. “Not again,” tweeted another.``: the speaker is a noun
phrase whose noun is left out ("one [supporter]", "another [user]"). The noun-phrase
reader wants a noun, so these come here: a word of the ``para_elliptic`` list of
``resources/quotes/para_words.csv`` right after the cue, closing the clause.
"""

from __future__ import annotations

import re
from functools import cache

from analysis._resources import read_csv_rows
from analysis.quotes.phrases import Phrase

__all__ = ["elliptic_speaker_after"]


def elliptic_speaker_after(text: str, start: int, end: int) -> Phrase | None:
    """Return the lone quantifier at ``start`` that ends its clause, as a speaker phrase.

    Examples
    --------
    >>> text = "“Not again,” tweeted another."
    >>> elliptic_speaker_after(text, 21, len(text))
    Phrase(start=21, end=28, text='another', kind='description')
    >>> elliptic_speaker_after("“No,” said one official.", 11, 24) is None
    True
    """
    match = _elliptic().match(text, start, end)
    if match is None:
        return None
    word = match.group("word")
    return Phrase(start, start + len(word), word, "description")


@cache
def _elliptic() -> re.Pattern[str]:
    forms = sorted((row["word"] for row in read_csv_rows("quotes/para_words.csv")
                    if row["type"] == "para_elliptic"), key=len, reverse=True)
    if not forms:
        raise KeyError("quotes/para_words.csv has no word list 'para_elliptic'")
    return re.compile(rf"(?P<word>(?:{'|'.join(map(re.escape, forms))}))(?=\s*(?:[.,;:!?]|$))",
                      re.IGNORECASE)
