"""A cue closing its sentence after a comma: the whole sentence is that speaker's.

``Lund called the levy a “tax on farmers,” and it has cost them dearly, said Ada Berg``:
the cue before the quote ("called") stands inside what the sentence-final cue ("said
Ada Berg") attributes, so the quoted words are reported by Berg.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.context import Attribution, Context, Found, cues_in, sentence_of
from analysis.quotes.cues import ACCORDING_TO

__all__ = ["sentence_final_cue"]


def sentence_final_cue(context: Context, item: Found) -> Attribution | None:
    """Return the speech cue that closes the sentence of a partial quote after a comma.

    The cue must be the sentence's last, after the quote (other quoted words may stand
    between: the cue attributes them all), follow a comma, have a speaker written with
    it (", Berg said", ", said Berg"), be no "according to" (a relay), and leave
    nothing but punctuation (or an apposition after a comma) up to the sentence end.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = ("Lund called the levy a “tax on farmers” and it has cost them dearly, "
    ...         "said Ada Berg.")
    >>> [q.speaker for q in extract_quotes(text)]
    ['Ada Berg']
    """
    text = context.doc.text
    sentence = sentence_of(context, item.end - 1)
    if sentence is None:
        return None
    numbers = cues_in(context, sentence.index, item.end, sentence.end)
    if not numbers:
        return None
    cue = context.attributions[sentence.index][numbers[-1]]
    if cue.speaker is None or not cue.speech or cue.lemma == ACCORDING_TO:
        return None
    first = cue.cue_start if cue.inverted else min(cue.cue_start, cue.speaker.start)
    last = cue.speaker.end if cue.inverted else cue.cue_end
    if not _comma_before(text, item.end, first):
        return None
    return cue if _closing().match(text[last : sentence.end]) else None


def _comma_before(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` ends on a comma, white space after it allowed.

    Reads back from ``end`` over the white space only, so a rule asking this for every
    quote of a long sentence stays linear.

    Examples
    --------
    >>> _comma_before("“tax,”  , said Berg", 6, 10), _comma_before("“tax” said", 5, 6)
    (True, False)
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == ","


@cache
def _closing() -> re.Pattern[str]:
    """Closing punctuation up to the sentence end, an apposition after a comma allowed."""
    return re.compile(r"\s*(?:,[^“”\";:]*)?[.!?]?\s*$")
