"""The speaker of a cue in a sentence-opening phrase: the subject after the phrase's comma.

``In calling the levy a “tax on farmers,” the council chair again sided with Lund`` and
``Waving flags that called Berg “a thief,” the marchers sang``: the cue ("calling",
"called") stands in a phrase that opens the sentence on a preposition or a participle
and has no subject of its own. The speaker read back from the cue is then that opening
word ("In", "Waving"); the phrase's subject is the main clause's, after the comma that
closes the phrase. Word list: ``opener_subject_lead`` ("in", "by",
"after") in ``resources/quotes/quote_words.csv``.
"""

from __future__ import annotations

import re

from analysis.quotes.main_clause import main_clause_subject
from analysis.quotes.phrases import Phrase
from analysis.quotes.words import words
from analysis.text.segmentation import Sentence

__all__ = ["opener_subject"]

#: The comma that closes the opening phrase, closing quote marks and space after it.
_CLOSING_COMMA = re.compile(r",[\"”’']*\s+")


def opener_subject(text: str, sentence: Sentence, cue_end: int,
                   speaker: Phrase | None) -> Phrase | None:
    """Return the main clause's subject when ``speaker`` is the word opening the sentence.

    Only when ``speaker`` is one word that opens the sentence and is a preposition of
    ``opener_subject_lead`` or a capitalised "-ing" participle; the subject is that of
    the clause after the first comma past the cue
    (:func:`~analysis.quotes.main_clause.main_clause_subject`). None otherwise (keep ``speaker``).

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> doc = as_document("In calling the levy a “tax on farmers,” the council chair "
    ...                   "again sided with Lund.")
    >>> text, sentence = doc.text, doc.sentences[0]
    >>> opening = Phrase(0, 2, "In", "name")
    >>> opener_subject(text, sentence, text.index(" the levy"), opening).text
    'the council chair'
    >>> opener_subject(text, sentence, 10, Phrase(3, 10, "calling", "name")) is None
    True
    """
    if speaker is None or " " in speaker.text.strip():
        return None
    if text[sentence.start : speaker.start].strip():
        return None
    word = speaker.text.strip()
    if word.lower() not in words("opener_subject_lead") and not (
            word[:1].isupper() and word.lower().endswith("ing")):
        return None
    comma = _CLOSING_COMMA.search(text, cue_end, sentence.end)
    if comma is None:
        return None
    return main_clause_subject(text, comma.end(), sentence.end)
