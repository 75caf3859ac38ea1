"""A quantified group as the subject of a cue: "About four in 10 voters say", "21 percent said".

Poll copy makes a share of a group the speaker: "About four in 10 Ohio primary voters
say that ...", "At least half of voters in each county say ...", "Just shy of half,
49%, say ...". The noun-phrase reader stops at the number or the preposition; this
module reads the whole phrase instead, from the start of its clause (the start of the
sentence's region, a comma, or a clause opener such as "and" or "which") up to the cue.

The words are lists of ``resources/quotes/quote_words.csv``: ``cue_quantity_lead``
("about", "at least"), ``cue_quantity_share`` ("half", "a majority") and
``cue_quantity_opener`` ("and", "which"), and ``clause_stop`` (words that open another
clause, so never stand in the group's phrase: "that", "who"); numbers ("four in 10", "49%", "21 percent")
are read by :data:`SHARE_NUMBER`.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.phrases import Phrase
from analysis.quotes.words import words

__all__ = ["QUANTITY_LOOKBACK", "QUANTITY_TAIL_MAX_WORDS", "SHARE_NUMBER", "quantified_subject"]

#: Characters before a cue searched for a quantified subject.
QUANTITY_LOOKBACK = 160
#: Most words after the share ("of voters in each county") before the cue.
QUANTITY_TAIL_MAX_WORDS = 8

#: A share written with numbers: "four in 10", "six out of 10", "49%", "21 percent".
SHARE_NUMBER = (r"(?:(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+"
           r"(?:10|ten|\d+)|\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))")


def _listed(kind: str) -> str:
    listed = sorted(words(kind), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in listed)


@cache
def _pattern() -> re.Pattern[str]:
    """The clause opening, then lead words, the share, its tail, and the end before the cue."""
    share = rf"(?:{SHARE_NUMBER}|(?:{_listed('cue_quantity_share')})\b)"
    apposition = rf"(?:,\s*{SHARE_NUMBER},)"
    # a tail word never opens another clause ("half of the boats left port and officials")
    stop = rf"(?:{_listed('cue_quantity_opener')}|{_listed('clause_stop')})\b"
    tail = rf"(?:\s+(?!{stop})[\w’'.-]+){{0,{QUANTITY_TAIL_MAX_WORDS}}}"
    return re.compile(
        rf"(?:(?P<opening>^)|.*?(?:[,;:(—–]|\b(?:{_listed('cue_quantity_opener')}))\s+)"
        rf"(?P<group>(?:(?:{_listed('cue_quantity_lead')})\s+)*{share}{apposition}?{tail})"
        rf"(?:\s+(?:{_listed('between')}))?\s*$",
        re.IGNORECASE | re.DOTALL,
    )


def quantified_subject(text: str, region_start: int, cue_start: int) -> Phrase | None:
    """Return the quantified group that is the subject of a cue at ``cue_start``, if any.

    Parameters
    ----------
    text
        The article text.
    region_start
        Where the sentence's region (outside quotation marks) holding the cue starts.
    cue_start
        Where the cue starts.

    Returns
    -------
    Phrase | None
        The group ("description"), from its lead word to the word before the cue.

    Examples
    --------
    >>> text = "About four in 10 Ohio primary voters say that it matters."
    >>> quantified_subject(text, 0, text.index("say")).text
    'About four in 10 Ohio primary voters'
    >>> text = "Most liked it, and just shy of half, 52%, say they would go back."
    >>> quantified_subject(text, 0, text.index("say")).text
    'just shy of half, 52%,'
    >>> quantified_subject("The harbour board said", 0, 17) is None
    True
    >>> text = "Half of the boats left and officials said"
    >>> quantified_subject(text, 0, text.index("said")) is None
    True
    """
    start = max(region_start, cue_start - QUANTITY_LOOKBACK)
    match = _pattern().match(text[start:cue_start])
    if match is None or (match.group("opening") is not None and start > region_start):
        return None  # the look-back window opens mid-clause (or mid-word: "be|half of"), not the clause
    begin = start + match.start("group")
    end = start + match.end("group")
    return Phrase(begin, end, text[begin:end], "description")
