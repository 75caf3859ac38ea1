"""The addressee after a cue that takes one: "told reporters", "urged European allies".

The noun phrase right after the cue (read by :func:`noun_phrase_after`) is trimmed to
the person or group spoken to:

* an article after its first word opens the reported clause, not more of the phrase:
  "told reporters the president would not attend" is said to "reporters";
* a capitalised modifier goes on to the group noun after it ("urged European allies to
  act": "European allies", not "European"), the ``addressee_group`` and
  ``common_plural`` lists of ``resources/quotes/quote_words.csv``;
* a venue is where the words were said, not to whom ("told a news conference", "told
  the meeting"): a phrase headed by a ``venue_noun`` is no addressee. It is kept on the
  attribution as a phrase of kind :data:`VENUE`, so the reported content still starts
  after it, but the quotes table (which has no venue column; its ``addressee`` is
  "whom the words were addressed to") shows no addressee and resolution skips it.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.phrase_tokens import Phrase
from analysis.quotes.phrases import noun_phrase_after
from analysis.quotes.verb_led_clauses import is_finite_verb
from analysis.quotes.words import alternation, words

__all__ = ["ADDRESSEE_MAX_WORDS", "VENUE", "addressee_after", "is_addressee", "is_group_addressee"]

#: Words of an addressee read after its cue ("told reporters", "urged lawmakers").
ADDRESSEE_MAX_WORDS = 5
#: ``Phrase.kind`` of a venue read where an addressee goes: kept on the attribution (the
#: content starts after it), never reported as the quote's addressee.
VENUE = "venue"
#: Characters read after a group noun for the word that follows it.
NEXT_WORD_CHARS = 40


@cache
def _article_inside() -> re.Pattern[str]:
    """An article after the phrase's first word, with the word before it."""
    return re.compile(rf"(?P<before>[\w’'-]+)\s+(?:{alternation('article')})\s", re.IGNORECASE)


@cache
def _goes_on() -> frozenset[str]:
    """Words after which an article goes on with the phrase ("the head of the panel")."""
    return (words("preposition") | words("forward_stop") | words("breaker") | words("auxiliary")
            | words("modal") | words("addressee_goes_on"))


def _clause_article(written: str) -> int | None:
    """Where an article opens the reported clause inside a phrase read as the addressee."""
    if written.split()[0].lower() in _goes_on():
        return None  # "promises is now the baseline": no addressee phrase to trim
    for match in _article_inside().finditer(written):
        before = match.group("before").lower()
        if before in _goes_on() or before.endswith("ly"):
            return None  # "reporters outside a polling place": the article goes on with it
        return match.end("before")
    return None


@cache
def _group_after() -> re.Pattern[str]:
    groups = words("addressee_group") | words("common_plural")
    listed = "|".join(sorted(groups, key=lambda word: (-len(word), word)))
    return re.compile(rf"\s+(?:{listed})\b")


def addressee_after(text: str, start: int, end: int) -> Phrase | None:
    """Return the addressee of a cue whose words after it start at ``start``.

    Examples
    --------
    >>> text = "told reporters the port would reopen."
    >>> addressee_after(text, 5, len(text)).text
    'reporters'
    >>> text = "urged European allies to act."
    >>> addressee_after(text, 6, len(text)).text
    'European allies'
    >>> addressee_after("told a news conference on Monday", 5, 32).kind
    'venue'
    """
    phrase = noun_phrase_after(text, start, end, ADDRESSEE_MAX_WORDS)
    if phrase is None or phrase.kind == "pronoun":
        return phrase
    article = _clause_article(phrase.text)
    if article is not None:
        phrase = _phrase(text, phrase.start, phrase.start + article)
    group = _group_after().match(text, phrase.end, end)
    if group is not None and phrase.kind == "name" and not _verb_next(text, group.end(), end):
        # "European" + "allies": a group described, not the name of an actor
        phrase = Phrase(phrase.start, group.end(), text[phrase.start:group.end()], "description")
    if phrase.text.split()[-1].lower() in words("venue_noun"):
        return Phrase(phrase.start, phrase.end, phrase.text, VENUE)  # where, not to whom
    return phrase


def is_addressee(phrase: Phrase | None) -> bool:
    """Whether a phrase read after a cue is its addressee (not None, not a venue).

    Examples
    --------
    >>> is_addressee(Phrase(0, 4, "Yoon", "name")), is_addressee(Phrase(0, 11, "the meeting", VENUE))
    (True, False)
    """
    return phrase is not None and phrase.kind != VENUE


def is_group_addressee(phrase: Phrase) -> bool:
    """Whether an addressee is a group of people ("European allies"), so no actor.

    The group noun is written in lower case: "People" (the magazine) is a name.

    Examples
    --------
    >>> is_group_addressee(Phrase(0, 15, "European allies", "description"))
    True
    >>> is_group_addressee(Phrase(0, 4, "Yoon", "name"))
    False
    """
    last = phrase.text.split()[-1] if phrase.text.split() else ""
    return last.islower() and last in words("addressee_group") | words("common_plural")


def _verb_next(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start`` is a finite verb ("told Yoon officials would ...")."""
    following = text[start:min(end, start + NEXT_WORD_CHARS)].split(None, 1)
    return bool(following) and is_finite_verb(following[0].strip(",.;:"))


def _phrase(text: str, start: int, end: int) -> Phrase:
    """A phrase over ``text[start:end]``: a name when a word in it is capitalised."""
    written = text[start:end]
    named = any(word[:1].isupper() for word in written.split())
    return Phrase(start, end, written, "name" if named else "description")
