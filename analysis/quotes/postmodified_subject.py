"""A bare noun opening the sentence with a postmodifier: "Officials close to the mayor say".

With a determiner the noun-phrase reader keeps "A source close to the talks said"; a bare
capitalised noun that opens the sentence ("Officials familiar with the plan said",
"Source familiar with the ad says") it loses. :func:`postmodified_subject` reads such a
subject, from the region's start to the cue, when an adjective of the
``cue_postmodifier`` list of ``resources/quotes/quote_words.csv`` ("close", "familiar")
and its preposition follow the noun.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.phrases import Phrase
from analysis.quotes.speaker_phrase import is_speaker_phrase
from analysis.quotes.words import alternation, leading_stops

__all__ = ["POSTMODIFIER_MAX_CHARS", "postmodified_subject"]

#: Longest prepositional object after the adjective ("to the mayor's office").
POSTMODIFIER_MAX_CHARS = 80


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\s*(?P<head>[A-Z][a-z]+(?:\s+[a-z]+){{0,2}})\s+(?:{alternation('cue_postmodifier')})"
        rf"\s+(?:to|with)\s+[^,;:“”\"()]{{1,{POSTMODIFIER_MAX_CHARS}}}?\s*$"
    )


def postmodified_subject(text: str, region_start: int, cue_start: int) -> Phrase | None:
    """Return a bare noun subject with its postmodifier that opens the region before a cue.

    Examples
    --------
    >>> text = "Officials close to the mayor say"
    >>> postmodified_subject(text, 0, text.index("say")).text
    'Officials close to the mayor'
    >>> text = "But close to the mayor say"
    >>> postmodified_subject(text, 0, text.index("say")) is None
    True
    """
    match = _pattern().match(text[region_start:cue_start])
    if match is None:
        return None
    head = match.group("head")
    if head.split()[0].lower() in leading_stops() or not is_speaker_phrase(head):
        return None
    start = region_start + match.start("head")
    end = region_start + len(text[region_start:cue_start].rstrip())
    return Phrase(start, end, text[start:end], "description")
