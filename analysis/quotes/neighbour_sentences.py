"""Speakers from the sentence next to a quote: a bare cue after it, reported speech before.

``“Would the tax go?” Berg pressed.`` (the sentence after holds only the speaker and
cue), ``Trump isn't a conservative, he said. “He's a liberal!”`` (the sentence before
reports one speaker's words) and ``Ono disagreed. “They are choosing already.”`` (the
sentence before is that speaker's reaction): :func:`analysis.quotes.attribution.attribute`
asks these rules (moved out of it to keep it short) when no cue of the quote's own
sentence takes it. Word list:
``reaction`` in ``resources/quotes/quote_words.csv``.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.context import (
    WORDS,
    Attribution,
    Context,
    Found,
    marked_in,
    sentence_of,
    sentence_opened_by,
)
from analysis.quotes.cues import ACCORDING_TO
from analysis.quotes.heads import is_section_label
from analysis.quotes.phrases import sentence_subject
from analysis.quotes.words import alternation

__all__ = ["NEXT_SENTENCE_MAX_WORDS", "REACTION_TAIL_CHARS", "after_reaction", "after_reported_speech",
           "long_after_reported_speech", "next_sentence_cue", "split_tail"]

#: Most words after the cue of an attribution-only sentence following a quote.
NEXT_SENTENCE_MAX_WORDS = 6
#: Most characters after the reaction word of a reaction sentence before a quote
#: ("Becker conceded shortly after 11 p.m.").
REACTION_TAIL_CHARS = 30


def next_sentence_cue(context: Context, item: Found) -> Attribution | None:
    """Return the cue of an attribution-only sentence right after a quote, else None.

    The sentence after, in the same paragraph, opens with its speaker or cue, holds no
    quotation mark before the cue, and has at most :data:`NEXT_SENTENCE_MAX_WORDS` words
    after the cue (and no "that": a clause of its own); an "according to" is left out.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "“Would the tax go?” Berg pressed."
    >>> [q.speaker for q in extract_quotes(text)]
    ['Berg']
    """
    sentence = sentence_of(context, item.end - 1)
    doc = context.doc
    if sentence is None or sentence.index + 1 >= len(doc.sentences):
        return None
    following = doc.sentences[sentence.index + 1]
    if following.paragraph != sentence.paragraph:
        return None
    marks = marked_in(context, following.start, following.end)
    for attribution in context.attributions.get(following.index, []):
        speaker = attribution.speaker
        if speaker is None or attribution.lemma == ACCORDING_TO:
            continue
        if any(m.start < attribution.cue_start for m in marks):
            return None
        lead = doc.text[following.start : min(speaker.start, attribution.cue_start)]
        rest = doc.text[attribution.cue_end : following.end]
        if lead.strip() == "" and len(rest.split()) <= NEXT_SENTENCE_MAX_WORDS and " that " not in f" {rest} ":
            return attribution
    return None


def split_tail(context: Context, item: Found) -> Attribution | None:
    """Return the attribution-only sentence's cue right after a question or exclamation.

    ``“Would the tax go?” Berg pressed.``: after "?" or "!" the sentence ends, so the
    speaker and cue stand in a sentence of their own; they attribute the quote before
    the speaker of an earlier quote in the paragraph can go on with it. A participle
    ("telling") opens no such sentence.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "“It holds,” Kim said. “Would the tax go?” Berg pressed."
    >>> [q.speaker for q in extract_quotes(text)]
    ['Kim', 'Berg']
    """
    if not item.text.rstrip(_CLOSING_MARKS).endswith(("?", "!")):
        return None
    attribution = next_sentence_cue(context, item)
    if attribution is None or attribution.cue.endswith("ing"):
        return None
    return attribution


#: Closing quotation marks and spaces a quote's text may end with.
_CLOSING_MARKS = " ”\"’'"


def after_reported_speech(context: Context, item: Found) -> Attribution | None:
    """Return the speaker's cue of reported speech just before a quote opening its sentence.

    ``Trump isn't a conservative, he said. “He's a liberal!”`` and a quote paragraph right
    after ``Rather, he said, the effort will grow.``: the sentence before holds one
    speech cue with a speaker and no quotation marks, and the quote begins a sentence in
    the same paragraph or begins the next paragraph. The cue is marked shared
    (``context.shared``): it attributes more than its own sentence.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Trump isn't a conservative, he said. “He's a liberal!”"
    >>> [(q.kind, q.speaker) for q in extract_quotes(text)]
    [('indirect', 'he'), ('direct', 'he')]
    """
    attribution = _reported_speech_before(context, item)
    if attribution is not None:
        context.shared.add(id(attribution))
    return attribution


def _reported_speech_before(context: Context, item: Found) -> Attribution | None:
    """The one speech cue of the sentence before, for :func:`after_reported_speech`."""
    doc = context.doc
    sentence = sentence_opened_by(context, item)
    if sentence is None:
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        starts_paragraph = doc.paragraphs[sentence.paragraph].start == sentence.start
        if not starts_paragraph or previous.paragraph != sentence.paragraph - 1:
            return None
    if any(m.start not in context.non_speech for m in marked_in(context, previous.start, previous.end)):
        return None
    speech = [a for a in context.attributions.get(previous.index, [])
              if a.speech and a.speaker is not None]
    if len(speech) != 1:
        return None
    return speech[0]


def long_after_reported_speech(context: Context, item: Found,
                               short_max_words: int) -> Attribution | None:
    """Return the cue of reported speech before a long partial quote opening its sentence.

    ``Lund argues that the permit was never needed. “The city is asking us to file
    forms for a garden” were her words.``: as :func:`after_reported_speech`, for a
    partial quote of more than ``short_max_words`` words (the caller's bound for a short
    quote, :data:`analysis.quotes.attribution.SCARE_MAX_WORDS`) that is not in capitals
    (a headline), and only for a named or pronoun speaker (a group's reported speech is
    often followed by one member's words).

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = ("Lund argues that the permit was never needed. “The city is asking us to "
    ...         "file forms for a garden” were her words.")
    >>> [(q.kind, q.speaker) for q in extract_quotes(text)]
    [('indirect', 'Lund'), ('partial', 'Lund')]
    """
    if len(WORDS.findall(item.text)) <= short_max_words or item.text.isupper():
        return None
    attribution = _reported_speech_before(context, item)
    if attribution is None or attribution.speaker is None or attribution.speaker.kind == "description":
        return None  # "local leaders say ... “He just stopped and said ...”": one of them, not all
    context.shared.add(id(attribution))
    return attribution


def after_reaction(context: Context, item: Found) -> Attribution | None:
    """Return the subject of a short reaction sentence before a quote opening its sentence.

    ``Ono disagreed. “They are choosing already.”`` and ``Choi was unconvinced. “...”``:
    the sentence before, in the same paragraph, is a name or pronoun and a reaction word
    (``reaction`` in ``quote_words.csv``: agreed, conceded, was skeptical, ...) with at
    most a few words after it, and holds no quotation marks. The sentence may also end
    the paragraph before when the quote opens its own (``Asked about it, she laughed.``
    then a paragraph ``“...”``).

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> [q.speaker for q in extract_quotes("Ono disagreed. “They are choosing already.”")]
    ['Ono']
    """
    doc = context.doc
    sentence = sentence_opened_by(context, item)
    if sentence is None:
        return None
    previous = doc.sentences[sentence.index - 1]
    opens_paragraph = doc.paragraphs[sentence.paragraph].start == sentence.start
    if previous.paragraph != sentence.paragraph and not (
        opens_paragraph and previous.paragraph == sentence.paragraph - 1
    ):
        return None
    if marked_in(context, previous.start, previous.end):
        return None
    subject = sentence_subject(doc.text, previous.start, previous.end)
    if subject is None or subject.kind == "description" or is_section_label(doc.text, subject):
        return None
    if not _reaction().match(doc.text, subject.end, previous.end):
        return None
    return Attribution(subject.start, subject.end, "", "", False, subject, None, False,
                       previous.index)


@cache
def _reaction() -> re.Pattern[str]:
    """After the subject: (was|were)? (more|less)? REACTION, a few words, the sentence end."""
    return re.compile(
        rf"\s+(?:(?:was|were|is|are|seemed|remained)\s+)?(?:(?:more|less|far|much|also)\s+)?"
        rf"(?:{alternation('reaction')})\b[^.!?;:,“”\"]{{0,{REACTION_TAIL_CHARS}}}[.!?]?\s*$"
    )
