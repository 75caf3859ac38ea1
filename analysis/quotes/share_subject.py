"""A share of people as the subject of a speech cue: "About four in 10 voters say ...".

Poll reports give the words of a share of the people asked: ``About four in 10 South
Carolina voters say``, ``At least half of voters in each state say``, ``25 percent of
likely voters say``, ``About four in 10 said``. The speaker rules read a speaker back
from the cue and stop at the number or at "of"; :func:`share_subject` reads the share
forwards instead, from where its clause opens to the cue. Word lists: ``subj_share_lead``
("About", "At least") and ``subj_share_number`` ("four", "half") in
``resources/quotes/quote_words.csv``.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.phrases import Phrase
from analysis.quotes.words import alternation

__all__ = ["share_subject"]

#: Most characters of the people a share is of ("South Carolina Republican primary voters").
SHARE_REST_MAX_CHARS = 60
#: Characters before a cue searched for the share.
SHARE_LOOKBACK = 120


def share_subject(text: str, start: int, cue_start: int) -> Phrase | None:
    """Return the share of people that ends right before a cue and opens its clause.

    Examples
    --------
    >>> text = "About four in 10 Tern Valley voters say the tax is fair."
    >>> share_subject(text, 0, text.index("say")).text
    'About four in 10 Tern Valley voters'
    >>> text = "At least half of voters in each county say"
    >>> share_subject(text, 0, text.index("say")).text
    'At least half of voters in each county'
    >>> text = "a question to which 30 percent said yes"
    >>> share_subject(text, 0, text.index("said")).text
    '30 percent'
    >>> share_subject("Lund said voters say", 0, 16) is None
    True
    """
    lo = max(start, cue_start - SHARE_LOOKBACK)
    end = cue_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    for match in _share_head().finditer(text, lo, end):
        rest = text[match.end() : end]
        if len(rest) > SHARE_REST_MAX_CHARS or _PUNCTUATION.search(rest):
            continue
        if _opens_clause(text, start, match.start()):
            return Phrase(match.start(), end, text[match.start() : end], "description")
    return None


def _opens_clause(text: str, start: int, at: int) -> bool:
    """Tell whether a clause opens at ``at``: the region's start, punctuation or a conjunction."""
    before = text[start:at].rstrip()
    return not before or before.endswith((",", ";", ":", "—", "–", "(")) or bool(
        _CONJUNCTION_END.search(before))


#: Punctuation that a share phrase never holds.
_PUNCTUATION = re.compile(r"[,;:.!?()“”\"—–]")
#: A conjunction that ends the words before a share ("... and half of voters say"), or
#: a relative pronoun that opens a clause for it ("a question, to which 21 percent said").
_CONJUNCTION_END = re.compile(r"\b(?:and|but|while|which|whom)$")


@cache
def _share_head() -> re.Pattern[str]:
    """A share's head: a lead, then "N in 10", "N percent" or a number word before "of"."""
    lead = alternation("subj_share_lead")
    number = alternation("subj_share_number")
    return re.compile(
        rf"\b(?i:(?:{lead})\s+)?(?:(?:\d+|(?i:{number}))\s+in\s+(?:10|ten)\b"
        rf"|\d+(?:\.\d+)?\s*(?:percent\b|%)|(?i:{number})\s+of\b)"
    )
