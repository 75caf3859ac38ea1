"""Where the content starts when a partial quote's speaker is a subject without a speech cue.

``Ruiz blamed the delays on “sloppy planning”``: no speech verb attributes the quote,
its speaker is the sentence's subject (see
:func:`analysis.quotes.attribution.assign_attributions`), and what the sentence says the
speaker said is the verb's object with the quote: ``the delays on “sloppy planning”``.
PolNeAR annotates the content so, from right after the verb (and a particle: "rails
against", "talked up") to the quote. :func:`content_after_verb` finds that start.

Word lists: ``between`` (adverbs and auxiliaries between a subject and its verb, "has
also") and ``verb_particle`` in ``resources/quotes/quote_words.csv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from analysis.quotes.context import Attribution
from analysis.quotes.words import alternation, words

__all__ = ["content_after_verb"]


def content_after_verb(text: str, attribution: Attribution | None, sentence: int,
                       quote_start: int) -> int | None:
    """Return where the object of the speaker's verb starts, for a quote with no cue.

    The speaker (the attribution's subject, in the quote's ``sentence``) must be right
    before a verb: a word ending in "-ed" or "-s" after adverbs and auxiliaries ("has
    also pushed"; a progressive "is describing" is left out, its object often inverted). None when there is no such verb, or when the
    words from it to the quote hold a clause break (a comma, a colon, a dash, "that"):
    the quote is then its own content, as it is when a preposition, not an object,
    follows the verb ("marched through the city against “...”"). After a coordinated verb ("reviewed it and
    deemed him “fit”"), the object of the last verb starts the content.

    Examples
    --------
    >>> from analysis.quotes.phrases import Phrase
    >>> text = "Ruiz blamed the delays on “sloppy planning.”"
    >>> ruiz = Attribution(0, 4, "", "", False, Phrase(0, 4, "Ruiz", "name"), None, False, 0)
    >>> text[content_after_verb(text, ruiz, 0, text.index("“")):]
    'the delays on “sloppy planning.”'
    >>> text = "Ruiz, in a rare mood, praised “the crew.”"
    >>> content_after_verb(text, ruiz, 0, text.index("“")) is None
    True
    """
    if attribution is None or attribution.speaker is None or attribution.sentence != sentence:
        return None
    if attribution.speaker.end > quote_start:
        return None
    verb = _subject_verb().match(text, attribution.speaker.end, quote_start)
    if verb is None or _has_gap_break(text, verb.end(), quote_start):
        return None
    if _adverbial().match(text, verb.end()):
        return None  # "marched through the city against “...”": no object, an adverbial
    coordinated = _last_coordinated_end(text, verb.end(), quote_start)
    return coordinated if coordinated is not None else verb.end()


#: What parts the object of the subject's verb from the quote: a new clause or an aside.
_GAP_BREAK = re.compile(r"[,;:()—–]|\bthat\b|\s-\s")
#: Every place a gap break starts (overlapping ones too: " - - "), to bisect.
_GAP_BREAK_START = re.compile(r"(?=[,;:()—–]|\bthat\b|\s-\s)")
#: Characters of the longest gap break ("that"): one ending at a window's end starts
#: no earlier, so only that tail is read with the window's own edge.
_GAP_BREAK_MAX_CHARS = len("that")
#: A verb coordinated with the subject's first one ("... and deemed").
_COORDINATED_VERB = re.compile(r"\band\s+[a-z]{3,}ed\s+")


def _has_gap_break(text: str, start: int, end: int) -> bool:
    """Tell whether ``_GAP_BREAK`` matches in ``text`` between ``start`` and ``end``.

    The same answer as ``_GAP_BREAK.search(text, start, end)``, read in time independent
    of the distance: a break that starts more than its longest length before ``end``
    ends inside the window whatever follows, so the text's break starts
    (:func:`_gap_break_starts`) are bisected for those, and only the last few characters
    are searched with the window's edge.
    """
    tail = max(start, end - _GAP_BREAK_MAX_CHARS)
    starts = _gap_break_starts(text)
    if bisect_left(starts, tail) > bisect_left(starts, start):
        return True
    return _GAP_BREAK.search(text, tail, end) is not None


def _last_coordinated_end(text: str, start: int, end: int) -> int | None:
    """Return the end of the last ``_COORDINATED_VERB`` of ``text[start:end]``, or None.

    Those matches never overlap, and one cannot run past ``end`` when the character
    there is neither a letter nor white space (a quote mark, as at a quote's start), so
    the text's matches (:func:`_coordinated_verbs`) are bisected then; otherwise the
    window is searched as before.
    """
    if end < len(text) and (text[end].isspace() or "a" <= text[end] <= "z"):
        found = list(_COORDINATED_VERB.finditer(text, start, end))
        return found[-1].end() if found else None
    matches = _coordinated_verbs(text)
    index = bisect_right(matches, (end, end)) - 1
    while index >= 0 and matches[index][1] > end:
        index -= 1
    return matches[index][1] if index >= 0 and matches[index][0] >= start else None


@lru_cache(maxsize=4)
def _gap_break_starts(text: str) -> tuple[int, ...]:
    """Return where every gap break of ``text`` starts, in order (read once per text)."""
    return tuple(match.start() for match in _GAP_BREAK_START.finditer(text))


@lru_cache(maxsize=4)
def _coordinated_verbs(text: str) -> tuple[tuple[int, int], ...]:
    """Return the ``(start, end)`` of every coordinated verb of ``text`` (once per text)."""
    return tuple(match.span() for match in _COORDINATED_VERB.finditer(text))


@cache
def _adverbial() -> re.Pattern[str]:
    """A preposition right after the verb: the verb takes no object ("marched through").

    Not "to", which also opens an infinitive object ("declined to detail “...”").
    """
    listed = sorted(words("preposition") - {"to"}, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, listed))})\s")


@cache
def _subject_verb() -> re.Pattern[str]:
    """The subject's verb (and a particle) right after the speaker phrase."""
    between = alternation("between")
    particle = alternation("verb_particle")
    return re.compile(rf"\s+(?:(?:{between})\s+)*(?!(?:{between})\b)[a-z]{{2,}}(?:ed|s)"
                      rf"\s+(?:(?:{particle})\s+)?")
