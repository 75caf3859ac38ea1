"""A time phrase ending in "ago" between a subject and its cue: "The office two weeks ago said".

News copy puts "less than two weeks ago" or "a year ago" between the subject and the
cue; the noun-phrase reader takes the time phrase for the subject, which names no one.
:func:`subject_before_ago` reads the subject before it, for the cue finder
(:mod:`analysis.quotes.attributions`).
"""

from __future__ import annotations

import re

from analysis.quotes.phrases import Phrase, subject_before
from analysis.quotes.speaker_phrase import is_speaker_phrase

__all__ = ["AGO_LOOKBACK_CHARS", "AGO_MAX_WORDS", "subject_before_ago"]

#: Most words of the time phrase before "ago" ("less than two weeks").
AGO_MAX_WORDS = 5
#: Characters before a cue searched for the time phrase ending in "ago" (its
#: :data:`AGO_MAX_WORDS` words fit well inside).
AGO_LOOKBACK_CHARS = 80

_AGO = re.compile(rf"\s+(?:[a-z0-9][\w-]*\s+){{1,{AGO_MAX_WORDS}}}ago\s*$")
_UNIT = re.compile(r"\b(?:second|minute|hour|day|week|month|year|decade)s?\b")


def subject_before_ago(text: str, region_start: int, cue_start: int) -> Phrase | None:
    """Return the subject before a time phrase ending in "ago" right before a cue.

    Examples
    --------
    >>> text = "The Harbour Office less than two weeks ago said"
    >>> subject_before_ago(text, 0, text.index("said")).text
    'The Harbour Office'
    >>> subject_before_ago("The Harbour Office said", 0, 19) is None
    True
    """
    window = max(region_start, cue_start - AGO_LOOKBACK_CHARS)
    match = _AGO.search(text, window, cue_start)
    if match is None or not _UNIT.search(text, match.start(), match.end()):
        return None
    subject = subject_before(text, region_start, match.start())
    if subject is None or not is_speaker_phrase(subject.text):
        return None
    return subject
