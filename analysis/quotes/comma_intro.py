"""A direct quote after a person's clause ending in a comma: that person's words.

``Mira Holt shared her worry with the crowd in Ostend, “I do not know what comes next.”``:
the sentence has no speech cue, its main clause (a name or "he"/"she" as subject) runs up
to a comma, and the quote closes the sentence. The colon form ("...: “...”") is read by
:func:`analysis.quotes.attribution.attribute`; this is its comma twin. A clause opened by
a subordinator ("When Holt used the words, “...”") is not a main clause and gives nothing.
"""

from __future__ import annotations

from analysis.quotes.context import (
    ONLY_PUNCTUATION,
    WORDS,
    Attribution,
    Context,
    Found,
    marked_in,
    sentence_of,
)
from analysis.quotes.heads import is_section_label, names_person
from analysis.quotes.phrases import sentence_subject
from analysis.quotes.words import gap_breakers

__all__ = ["comma_intro_subject"]

#: Pronoun subjects that may introduce a quote with a comma.
INTRO_PRONOUNS = frozenset({"he", "she"})
#: Characters before a one-word name searched for the full name it shortens ("Holt" after
#: "Dana Holt"): more than a long article, and a bound that keeps a book-length text linear.
NAME_LOOKBACK_CHARS = 20_000


def comma_intro_subject(context: Context, item: Found) -> Attribution | None:
    """Return the subject of a cue-less clause that leads into a quote with a comma.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Intro.\\n\\nMira Holt shared her worry with the crowd, “I do not know what comes next.”"
    >>> [q.speaker for q in extract_quotes(text)]
    ['Mira Holt']
    """
    text = context.doc.text
    sentence = sentence_of(context, item.start)
    if sentence is None or not text[sentence.start : item.start].rstrip().endswith(","):
        return None
    if not ONLY_PUNCTUATION.match(text[item.end : sentence.end]):
        return None  # words after the quote: a cue there, or the quote is inside a clause
    if marked_in(context, sentence.start, item.start - 1) or any(
            a.speaker is not None for a in context.attributions.get(sentence.index, [])):
        return None
    first = WORDS.match(text, sentence.start)
    if first is None or first.group().lower() in gap_breakers():
        return None  # "When Holt used the words, “...”": a subordinate clause
    comma = text.rindex(",", sentence.start, item.start)
    subject = sentence_subject(text, sentence.start, comma)
    if subject is None or is_section_label(text, subject):
        return None
    if subject.kind == "pronoun":
        if subject.text.lower() not in INTRO_PRONOUNS:
            return None
    elif subject.kind != "name" or not names_person(
            subject.text, text[max(0, subject.start - NAME_LOOKBACK_CHARS) : subject.start]):
        return None
    return Attribution(subject.start, subject.end, "", "", False, subject, None, False,
                       sentence.index)
