"""A direct quote joined by "and" to reported words that a sentence-final cue closes.

``"The port is quiet now," and trade picked up again last month, Ada Berg said.``: the
quote ends on a comma inside its marks, a coordinated clause follows ("and trade ..."),
and the cue closing the sentence (", Ada Berg said") attributes both. The speaker is
Berg, not the speaker of an earlier quote that the quote would otherwise continue.
Word list: ``coordinator`` ("and", "but") in ``resources/quotes/quote_words.csv``.
"""

from __future__ import annotations

from analysis.quotes.context import WORDS, Attribution, Context, Found
from analysis.quotes.sentence_final_cue import sentence_final_cue
from analysis.quotes.words import words

__all__ = ["CONJUNCTION_LOOKAHEAD_CHARS", "conjunct_tail"]

#: Characters after a quote read for the conjunction that joins it to more words
#: ("," and trade ..."): the first word there must be a ``coordinator``.
CONJUNCTION_LOOKAHEAD_CHARS = 20


def conjunct_tail(context: Context, item: Found) -> Attribution | None:
    """Return the sentence-final cue of a direct quote that "and" joins to more words.

    The quote must end on a comma inside its marks and be followed at once by a
    conjunction of ``coordinator``; the cue is then the one
    :func:`~analysis.quotes.sentence_final_cue.sentence_final_cue` finds (the
    sentence's last cue, after a comma, with its speaker, closing the sentence).

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = ('Sales were "flat for about a month" as buyers waited, he said.\\n\\n'
    ...         '"There is a sense of calm now," and orders began to pick up again '
    ...         'last week, Hadley said.')
    >>> [q.speaker for q in extract_quotes(text)]
    ['he', 'Hadley']
    """
    if not _ends_on_comma(context.doc.text[item.start : item.end]):
        return None
    following = WORDS.findall(context.doc.text[item.end : item.end + CONJUNCTION_LOOKAHEAD_CHARS])
    if not following or following[0].lower() not in words("coordinator"):
        return None
    return sentence_final_cue(context, item)


def _ends_on_comma(quoted: str) -> bool:
    """Tell whether quoted words end on a comma inside their closing mark ("now,”").

    >>> _ends_on_comma('“The port is quiet now,”'), _ends_on_comma('“Quiet.”')
    (True, False)
    """
    return quoted.rstrip().rstrip(_MARKS).rstrip().endswith(",")


#: Closing quote marks stripped before looking for the comma.
_MARKS = "\"”»’'"
