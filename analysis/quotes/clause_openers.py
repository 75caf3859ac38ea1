"""What opens a clause before or after a speaker: participles, adverbs, time phrases, "with".

Small tests the speaker-phrase rules of :mod:`analysis.quotes.phrases` ask of the words
around a candidate subject: a lower-case participle after a comma opens a clause whose
subject is the sentence's ("Brown endorsed her, citing ..."), a capitalised adverb or a
time phrase opens a sentence whose subject follows its comma ("Early in the race, X
..."), and "with" before a participle cue opens an absolute clause whose own subject
speaks ("..., with Senator Lund calling it ...").
"""

from __future__ import annotations

import re

from analysis.quotes.words import words

__all__ = ["absolute_with", "auxiliary_after", "is_participle", "opens_with_adverb_or_time"]

#: Shortest "-ly" word read as an adverb opening a sentence ("Early", "Hastily"; not "Ely").
LY_OPENER_MIN_CHARS = 5
#: Shortest "-ing" or "-ed" word read as a participle ("citing", "obtained"; not "red").
PARTICIPLE_MIN_CHARS = 5
#: Endings of the participles that open a clause after a comma.
_PARTICIPLE_ENDINGS = ("ing", "ed")
#: A cue in "-ing" ("calling", "saying"), read at the cue's start.
_PARTICIPLE_CUE = re.compile(r"[a-z]+ing\b")
#: "with" and spaces right before a phrase.
_WITH_BEFORE = re.compile(r"\bwith\s+$", re.IGNORECASE)
#: An auxiliary right after a phrase: the phrase is a clause's subject ("the man had posted").
_AUXILIARY_AFTER = re.compile(r"\s+(?:had|has|have|was|were|is|are)\b")
#: The first word of a phrase.
_FIRST_WORD = re.compile(r"[\w’'-]+")
#: Characters before a phrase searched for "with".
WITH_WINDOW = 10


def is_participle(phrase: str) -> bool:
    """Tell whether a phrase opens with a lower-case participle ("citing her", "obtained by").

    Examples
    --------
    >>> is_participle("citing her"), is_participle("obtained by"), is_participle("the mayor")
    (True, True, False)
    """
    first = phrase.split()[0] if phrase.split() else ""
    return (first.islower() and first.endswith(_PARTICIPLE_ENDINGS)
            and len(first) >= PARTICIPLE_MIN_CHARS)


def opens_with_adverb_or_time(first: str, second: str) -> bool:
    """Tell whether a sentence's first two words open with an adverb or a time phrase.

    Examples
    --------
    >>> opens_with_adverb_or_time("early", "in"), opens_with_adverb_or_time("eight", "years")
    (True, True)
    >>> opens_with_adverb_or_time("kim", "said")
    False
    """
    first, second = first.lower(), second.lower()
    if first.endswith("ly") and len(first) >= LY_OPENER_MIN_CHARS:
        return True
    return second in words("time_noun")


def absolute_with(text: str, phrase_start: int, cue_start: int) -> bool:
    """Tell whether a phrase is the subject of an absolute "with" before a participle cue.

    Examples
    --------
    >>> text = "The council voted, with Senator Lund calling it a sham."
    >>> absolute_with(text, text.index("Senator"), text.index("calling"))
    True
    >>> text = "Kim met with Senator Lund, saying little."
    >>> absolute_with(text, text.index("Senator"), text.index("met"))
    False
    """
    before = _WITH_BEFORE.search(text, max(0, phrase_start - WITH_WINDOW), phrase_start)
    return before is not None and _PARTICIPLE_CUE.match(text, cue_start) is not None


def auxiliary_after(text: str, phrase_start: int, phrase_end: int) -> bool:
    """Tell whether a phrase opening with a determiner is a clause's subject: an auxiliary follows.

    ``a fine after the man had posted``: "after" opens a clause whose subject ("the
    man") has its own verb group, so the phrase is no prepositional object.

    Examples
    --------
    >>> text = "a fine after the man had posted"
    >>> auxiliary_after(text, text.index("the"), text.index(" had"))
    True
    >>> auxiliary_after("Kim after the talks said", 10, 19)
    False
    """
    first = _FIRST_WORD.match(text, phrase_start, phrase_end)
    if first is None or first.group().lower() not in words("determiner"):
        return False  # "after CNBC's Lund said the aide had ...": no clean subject
    return _AUXILIARY_AFTER.match(text, phrase_end) is not None
