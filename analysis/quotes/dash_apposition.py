"""A speaker with an apposition between dashes before its cue: "Ana Ruiz — a teacher — says".

The noun-phrase reader skips an apposition between commas ("Kim, a lawyer, said"); news
copy also sets one off with dashes ("Ana Ruiz — a teacher from Dover — says", "A former
candidate -- Ed Lee, who lost in 2008 -- said"). :func:`dash_apposition_subject` reads the
subject before the first dash, for the cue finder (:mod:`analysis.quotes.attributions`).
"""

from __future__ import annotations

import re

from analysis.quotes.phrases import Phrase, subject_before
from analysis.quotes.speaker_phrase import is_speaker_phrase

__all__ = ["APPOSITION_MAX_CHARS", "dash_apposition_subject"]

#: Longest apposition (characters) between the two dashes.
APPOSITION_MAX_CHARS = 120

_DASH = r"(?:—|–|--)"
_APPOSITION = re.compile(rf"\s+{_DASH}\s*[^—–\n]{{1,{APPOSITION_MAX_CHARS}}}?\s*{_DASH}\s*$")


def dash_apposition_subject(text: str, region_start: int, cue_start: int) -> Phrase | None:
    """Return the subject before an apposition set off by dashes that ends right before a cue.

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
        The subject before the first dash, or None when no such apposition ends at the cue.

    Examples
    --------
    >>> text = "Ana Ruiz — a teacher from Dover — says"
    >>> dash_apposition_subject(text, 0, text.index("says")).text
    'Ana Ruiz'
    >>> text = "A former candidate -- Ed Lee, who lost in 2008 -- said"
    >>> dash_apposition_subject(text, 0, text.index("said")).text
    'A former candidate'
    >>> dash_apposition_subject("Ana Ruiz says", 0, 9) is None
    True
    """
    match = _APPOSITION.search(text, region_start, cue_start)
    if match is None:
        return None
    subject = subject_before(text, region_start, match.start())
    if subject is None or not is_speaker_phrase(subject.text):
        return None
    return subject
