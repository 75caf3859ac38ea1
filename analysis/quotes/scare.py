"""Short partial quotes: the words of the sentence's subject, or a scare quote.

A partial quote of a few words that no speech cue attributes is, by default, a scare
quote (``a “tough-on-crime” image``). It is instead the words of the sentence's subject
when the stretch between that subject and the quote reads as the subject saying,
judging or characterising something: a stance verb (``Ortiz has long derided the “bridge
to nowhere”``, ``She portrays the plan as “reckless”``) or, after a possessive subject,
a noun of what was said (``Kim's claim that the vote was “rigged”``). The verbs and
nouns are ``resources/quotes/stance_words.csv``, hand-written from English grammar.

Not speech, whatever the verb: a quote in a headline (a sentence with no closing
punctuation), a subject that is not a person's pronoun ("it", "you"), and a quote the
subject's clause does not reach (a semicolon, colon or dash between them, or more than
:data:`STANCE_WINDOW_WORDS` words).
"""

from __future__ import annotations

import re
from functools import cache

from analysis._resources import read_csv_rows
from analysis.quotes.context import WORDS, Attribution, Context, Found, sentence_of
from analysis.quotes.words import words
from analysis.text.document import Sentence

__all__ = ["STANCE_WINDOW_WORDS", "is_headline", "sentence_is_headline", "stance_words", "subject_speech",
           "uses_wording"]

#: Most words between the subject and a short quote it may have said.
STANCE_WINDOW_WORDS = 20
#: Most words between a possessive subject and the noun of what it said ("Kim's recent claim").
NOUN_WINDOW_WORDS = 4
#: What ends a clause between the subject and the quote.
_CLAUSE_BREAK = re.compile(r"[;:—–]|\s-\s")
#: A sentence's closing punctuation, with closing quote marks or brackets after it.
_CLOSED = re.compile(r"[.!?…][\"”’'»)\]]*\s*$")
#: Most characters read at a sentence's end for its closing punctuation, and between the
#: subject and the quote per word of the window (reading stays linear in a long sentence).
_TAIL_CHARS = 40
_CHARS_PER_WORD = 30
#: The possessive ending of a subject ("Kim's", "Kim’s").
_POSSESSIVE = ("'s", "’s", "s'", "s’")


@cache
def stance_words(kind: str) -> frozenset[str]:
    """Return every form of one kind of ``quotes/stance_words.csv`` ("verb", "noun", "pronoun").

    Examples
    --------
    >>> "derided" in stance_words("verb"), "claim" in stance_words("noun")
    (True, True)
    >>> "it" in stance_words("pronoun")
    False
    """
    found = frozenset(
        form.strip()
        for row in read_csv_rows("quotes/stance_words.csv") if row["kind"] == kind
        for form in row["forms"].split("|")
    )
    if not found:
        raise KeyError(f"quotes/stance_words.csv has no kind {kind!r}")
    return found


def is_headline(sentence_text: str) -> bool:
    """Tell whether a sentence reads as a headline: no closing punctuation.

    Examples
    --------
    >>> is_headline("Mayor slams “reckless” budget"), is_headline("He slammed it.")
    (True, False)
    """
    return _CLOSED.search(sentence_text) is None


def sentence_is_headline(text: str, sentence: Sentence) -> bool:
    """Tell whether ``sentence`` of ``text`` reads as a headline, reading only its tail.

    The closing punctuation sits at the sentence's end, so :data:`_TAIL_CHARS` characters
    decide: a rule that asks this for every quote of a long sentence stays linear.

    Examples
    --------
    >>> from analysis.text.document import Sentence
    >>> text = "Mayor slams “reckless” budget"
    >>> sentence_is_headline(text, Sentence(0, len(text)))
    True
    """
    return is_headline(text[max(sentence.start, sentence.end - _TAIL_CHARS) : sentence.end])


def subject_speech(context: Context, item: Found,
                   subject: Attribution | None) -> Attribution | None:
    """Return ``subject`` when a short partial quote reads as that subject's words, else None.

    ``subject`` is the cue-less attribution to the sentence's subject that the caller
    found (:func:`analysis.quotes.attribution.attribute`); None stays None.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Ortiz has long derided the “bridge to nowhere” and its cost."
    >>> [(q.kind, q.speaker) for q in extract_quotes(text)]
    [('partial', 'Ortiz')]
    >>> [(q.kind, q.speaker) for q in extract_quotes("Ortiz drove past the “bridge” at noon.")]
    [('scare', None)]
    """
    if subject is None or subject.speaker is None:
        return None
    sentence = sentence_of(context, item.start)
    text = context.doc.text
    if sentence is None or sentence_is_headline(text, sentence):
        return None
    speaker = subject.speaker
    if not _may_speak(speaker.text, speaker.kind) or speaker.end > item.start:
        return None
    if item.start - speaker.end > STANCE_WINDOW_WORDS * _CHARS_PER_WORD:
        return None
    between = text[speaker.end : item.start]
    if _CLAUSE_BREAK.search(between):
        return None
    gap = [word.lower() for word in WORDS.findall(between)]
    if len(gap) > STANCE_WINDOW_WORDS:
        return None
    if stance_words("verb").intersection(gap) or _claim_noun(speaker.text, gap) or uses_wording(between):
        return subject
    return None


def _may_speak(phrase: str, kind: str) -> bool:
    """Tell whether a subject may be a speaker: not "it", "this" or "you" (capitalised or not)."""
    lowered = phrase.lower()
    if lowered in stance_words("pronoun"):
        return True
    return kind != "pronoun" and lowered not in words("pronoun") | words("not_subject")


def _claim_noun(speaker: str, gap: list[str]) -> bool:
    """Tell whether a possessive subject is followed by a noun of saying ("Kim's claim")."""
    if not speaker.endswith(_POSSESSIVE):
        return False
    return bool(stance_words("noun").intersection(gap[:NOUN_WINDOW_WORDS]))


def uses_wording(before: str) -> bool:
    """Tell whether the words before a quote end in a wording someone uses or says.

    ``Lund refused to use the term “fair deal”`` and ``her aides have all used the
    phrase “kitchen table”``: a ``wording`` noun (term, phrase, words) right before the
    quote and a ``wording_verb`` (use, say, prefer) earlier in the same stretch. Such a
    quote is the user's wording, not a scare quote, though "term" marks one elsewhere.

    Examples
    --------
    >>> uses_wording("Lund refused to use the term "), uses_wording("It is the term ")
    (True, False)
    """
    gap = [word.lower() for word in WORDS.findall(before)]
    if not gap or gap[-1] not in stance_words("wording"):
        return False
    return bool(stance_words("wording_verb").intersection(gap[:-1]))
