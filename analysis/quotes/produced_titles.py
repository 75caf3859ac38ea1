"""Titles of an ad or a memo the sentence's subject puts out: its words, not a title.

``The Hale campaign launched an ad on Monday titled “Broken Promises.”``: the title of
campaign material (an ad, a memo, a letter, a statement) that the subject launches,
releases or sends is the subject's own wording, a partial quote of theirs. The title of
a song, a book or a film stays a title whoever is said to write it. The verbs of putting
material out and the nouns of such material are the lists ``scare_release_verb`` and
``scare_material_noun`` of ``resources/quotes/quote_words.csv``.
"""

from __future__ import annotations

import re

from analysis.quotes.context import WORDS, Attribution, Context, Found, sentence_of
from analysis.quotes.phrases import Phrase, sentence_subject
from analysis.quotes.scare import stance_words
from analysis.quotes.words import words

__all__ = ["MATERIAL_WINDOW_WORDS", "NAMING_LOOKBACK_CHARS", "produced_title"]

#: Most words between the verb of putting out and the material noun ("launched a radio ad").
MATERIAL_WINDOW_WORDS = 5
#: Most words between the material noun and "titled" ("an ad in Indiana on Saturday titled").
NAMING_WINDOW_WORDS = 6
#: Characters before a title read for "titled", the material noun and the verb putting it
#: out: the two windows' words and those three, at a generous 30 characters a word.
#: Reading no farther keeps a long sentence with many titles linear.
NAMING_LOOKBACK_CHARS = (MATERIAL_WINDOW_WORDS + NAMING_WINDOW_WORDS + 3) * 30
#: The word that names the title, with a comma after it, at the end of the words before it.
_NAMING = re.compile(r"\b(?:titled|entitled|called)\s*,?\s*$", re.IGNORECASE)


def produced_title(context: Context, item: Found) -> Attribution | None:
    """Return an attribution to the subject who put out the material a title names, else None.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "The Hale campaign launched an ad on Monday titled “Broken Promises.”"
    >>> [(q.kind, q.speaker) for q in extract_quotes(text)]
    [('partial', 'The Hale campaign')]
    >>> [(q.kind, q.speaker) for q in extract_quotes("Lee wrote a book titled “Salt Roads.”")]
    [('title', None)]
    """
    sentence = sentence_of(context, item.start)
    if sentence is None or context.attributions.get(sentence.index):
        return None
    text = context.doc.text
    window_start = max(sentence.start, item.start - NAMING_LOOKBACK_CHARS)
    before = text[window_start : item.start]
    naming = _NAMING.search(before)
    if naming is None:
        return None
    verb_start = _release_verb_start(before[: naming.start()])
    if verb_start is None:
        return None
    subject = sentence_subject(text, sentence.start, item.start)
    if subject is None or subject.end > window_start + verb_start or not _may_release(subject):
        return None
    return Attribution(subject.start, subject.end, "", "", False, subject, None, False, sentence.index)


def _may_release(subject: Phrase) -> bool:
    """Tell whether a subject may put out material: a name or description, or "she" (not "it")."""
    if subject.kind == "pronoun":
        return subject.text.lower() in stance_words("pronoun")
    return subject.text.lower() not in words("not_subject")


def _release_verb_start(before: str) -> int | None:
    """Return where the verb putting out the material before "titled" starts, else None.

    Examples
    --------
    >>> _release_verb_start("The group launched a radio ad in Ohio ")
    10
    >>> _release_verb_start("The group liked a radio ad ") is None
    True
    """
    found = list(WORDS.finditer(before))
    lowered = [match.group().lower() for match in found]
    nouns = [index for index, word in enumerate(lowered) if word in words("scare_material_noun")]
    if not nouns or len(found) - 1 - nouns[-1] > NAMING_WINDOW_WORDS:
        return None
    noun = nouns[-1]
    for index in range(noun - 1, max(-1, noun - 1 - MATERIAL_WINDOW_WORDS), -1):
        if lowered[index] in words("scare_release_verb"):
            return found[index].start()
    return None
