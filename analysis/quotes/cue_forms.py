"""Cue verbs that report speech only where their clause ends: "“...,” Hollis started.".

Some verbs of beginning are speech cues only right after a quote, with nothing after
them but punctuation ("“We start now,” Hollis started."); elsewhere they are ordinary
verbs ("Hollis started Monday with a “unity” breakfast"). Their lemmas are
:data:`CLAUSE_END_LEMMAS`; :func:`not_clause_end_cue` tells the cue finder
(:mod:`analysis.quotes.attributions`) to skip them when words follow.
:func:`is_participle` reads a cue form as an "-ing" participle, multi-word forms
("referring to", "pointing out") included.
"""

from __future__ import annotations

import re

__all__ = ["CLAUSE_END_LEMMAS", "is_participle", "not_clause_end_cue"]

#: Lemmas (``speech_verbs.csv``) that are cues only when punctuation or the text's end follows.
CLAUSE_END_LEMMAS = frozenset({"start"})

_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?—–)”\"]|$)")


def not_clause_end_cue(text: str, lemma: str, cue_end: int) -> bool:
    """Tell whether a cue of :data:`CLAUSE_END_LEMMAS` has words after it, so is no cue.

    Examples
    --------
    >>> not_clause_end_cue("“We start now,” Hollis started.", "start", 30)
    False
    >>> not_clause_end_cue("Hollis started Monday with a breakfast.", "start", 14)
    True
    >>> not_clause_end_cue("Hollis said so.", "say", 11)
    False
    """
    return lemma in CLAUSE_END_LEMMAS and not _CLAUSE_END.match(text, cue_end)


def is_participle(form: str) -> bool:
    """Tell whether a cue form is an "-ing" participle, a multi-word one included.

    Examples
    --------
    >>> is_participle("saying"), is_participle("referring to"), is_participle("pointing out")
    (True, True, True)
    >>> is_participle("said"), is_participle("ing"), is_participle("went on")
    (False, False, False)
    """
    first = form.split()[0] if form.split() else ""
    return len(first) > len("ing") and first.endswith("ing")
