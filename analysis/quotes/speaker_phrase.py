"""Whether a phrase found before or after a speech cue can be a speaker at all.

A speaker phrase is a noun phrase headed by a noun or a name. The rules that read one
back from a cue, or take a sentence's subject, sometimes stop on something else: a
capitalised adverb opening the sentence ("Perhaps"), a time phrase ("the days when ...
said", "two weeks ago said"), a clause running past a modal verb ("the board must
decide", "the fears being voiced"), or a speech verb itself ("told Perez"). :func:`is_speaker_phrase` says no to
these, so the caller looks for another speaker instead of giving the quote to them.
"""

from __future__ import annotations

from analysis.quotes.clause_openers import is_participle
from analysis.quotes.cues import cues
from analysis.quotes.words import words

__all__ = ["is_speaker_phrase", "is_subject_phrase"]

#: The word that ends a time phrase read as a noun phrase ("two weeks ago").
_AGO = "ago"
#: Words opening a relative clause, inside which a modal or "been" is no sign of a clause.
_RELATIVES = frozenset({"who", "whose", "whom", "which", "that"})


def is_speaker_phrase(phrase: str) -> bool:
    """Tell whether ``phrase`` may be a speaker: a noun phrase headed by a noun or a name.

    Examples
    --------
    >>> [is_speaker_phrase(p) for p in ("Perhaps", "the days", "three weeks ago")]
    [False, False, False]
    >>> [is_speaker_phrase(p) for p in ("the board must decide", "told Lund", "The fears being")]
    [False, False, False]
    >>> [is_speaker_phrase(p) for p in ("Lund", "the board", "The Times", "Early")]
    [True, True, True, True]
    >>> is_speaker_phrase("the pilots whose licences have been suspended")
    True
    >>> is_speaker_phrase("County Chairman Will Rogers")
    True
    """
    parts = phrase.split()
    if not parts:
        return False
    first, last = parts[0], parts[-1]
    if len(parts) == 1 and first.lower() in words("not_a_head"):
        return False
    if last.islower() and (last in words("time_noun") or last == _AGO):
        return False
    lowered = [part.lower() for part in parts]
    if any(part in _RELATIVES for part in lowered):
        return True  # "the officials whose laws have been struck down": a relative clause
    if any(part in words("modal") for part in parts[1:]):
        return False  # lower case only: "Chairman Will Rogers" is a name
    return not (first.islower() and first in cues())


def is_subject_phrase(phrase: str) -> bool:
    """Tell whether ``phrase`` may be a sentence's subject: a speaker phrase, no participle.

    Examples
    --------
    >>> is_subject_phrase("citing her"), is_subject_phrase("Perhaps"), is_subject_phrase("Lund")
    (False, False, True)
    """
    return not is_participle(phrase) and is_speaker_phrase(phrase)
