"""Abbreviation dots in the words between a quote and its speaker.

A period between a quote and the speaker after it ends a sentence, so the two are
not kept together (:func:`analysis.quotes.attribution._adjacent_gap`); but the dot of
an initial or a title abbreviation ends no sentence: ``“...,” former George W. Bush
speechwriter Ivo Dorn wrote``, ``“...,” U.S. envoy Ana Lund said``.
"""

from __future__ import annotations

import re

from analysis.quotes.phrase_tokens import is_abbreviation

__all__ = ["without_abbreviation_dots"]

#: A word and the period right after it, the next word capitalised ("W. Bush", "Gov. Lee").
_DOTTED_WORD = re.compile(r"\b(?P<word>[A-Za-z]+)\.(?=\s+[A-Z])")
#: Dotted capitals ("U.S.", "D.C.") before a space.
_DOTTED_CAPITALS = re.compile(r"\b(?:[A-Z]\.){2,}(?=\s)")


def without_abbreviation_dots(gap: str) -> str:
    """Return ``gap`` with the periods of initials and abbreviations removed.

    Examples
    --------
    >>> without_abbreviation_dots(" former George W. Bush speechwriter ")
    ' former George W Bush speechwriter '
    >>> without_abbreviation_dots(" U.S. envoy ")
    ' US envoy '
    >>> without_abbreviation_dots(" he left. Then ")
    ' he left. Then '
    """
    gap = _DOTTED_CAPITALS.sub(lambda m: m.group().replace(".", ""), gap)
    return _DOTTED_WORD.sub(lambda m: m.group("word") if is_abbreviation(m.group("word")) else m.group(), gap)
