"""Korean indirect speech: a reported clause with its quotative ending and speech verb.

A sentence with no quotation mark reports speech when a quotative ending (…다고, …라고 /
…이라고, …자고, …냐고, with 도 or not) is followed, within two words, by a speech verb
of ``resources/quotes/korean/speech_verbs.txt`` ("…계속하겠다고 밝혔다", "…위협이라고
규정했다"). The speaker is the topic-marked phrase of the sentence (a subject-marked one
is the subject of the reported clause: "나토는 러시아가 … 위협이라고 규정했다"); with no
topic-marked phrase the sentence is not read as speech. The clause runs from after the
speaker's particle to the ending (the copula 이 of …이라고 and the 고 left out).

Two more forms report speech: the connective …다며 / …라며 / …다면서 (다고 하며: "관계자는
사업이 정해지지 않았다며 말을 아꼈다", the clause up to 다), whatever verb ends the
sentence, and "X에 따르면 …" (according to X), where the clause after it is X's, X being
the noun phrase straight before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis.quotes.korean.phrases import Phrase, bare_phrase, find_phrase
from analysis.quotes.korean.words import korean_words

__all__ = ["Reported", "reported_speech"]


@dataclass(frozen=True, slots=True)
class Reported:
    """Reported speech in a sentence: the clause, its speaker phrase and the verb."""

    start: int
    end: int
    phrase: Phrase
    cue: str


@cache
def _pattern() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, korean_words().speech_verbs))
    return re.compile(
        rf"(?P<ending>이라고|라고|다고|자고|냐고)도?\s+(?:\S+\s+){{0,2}}?"
        rf"(?P<verb>(?:{verbs})(?:다|습니다|고|으며|며|다고)?)(?=[\s.,!?]|$)"
    )


@cache
def _connective_pattern() -> re.Pattern[str]:
    # …다며 / …라며 / …다면서: 다고 하며, always quotative; not the verbs 바라며 (hoping)
    # and 자라며 (growing), which end the same way
    return re.compile(r"(?<![바자])(?P<ending>이라며|라며|다며|이라면서|라면서|다면서)(?=\s)")


_ACCORDING_TO = re.compile(r"에 따르면[,\s]+")
# What ends a sentence reported by 에 따르면: the final ending's period and hearsay 고 한다.
_REPORTED_END = re.compile(r"(?:고 한다|고 합니다)?[.!?]?[\s\"'”’]*$")


def reported_speech(text: str, start: int, end: int) -> Reported | None:
    """Return the reported speech of the sentence ``text[start:end]``, or None.

    Examples
    --------
    >>> text = "국방부는 나토와의 훈련을 늘릴 계획이라고 밝혔다."
    >>> found = reported_speech(text, 0, len(text))
    >>> text[found.start:found.end], text[found.phrase.start:found.phrase.end], found.cue
    ('나토와의 훈련을 늘릴 계획', '국방부', '밝혔다')
    >>> reported_speech("그는 회의에 갔다고 한다.", 0, 14) is None
    True
    """
    match = _pattern().search(text, start, end) or _connective_pattern().search(text, start, end)
    if match is None:
        return _according_to(text, start, end)
    phrase = find_phrase(text, start, match.start(), subject=False)
    if phrase is None:
        return None
    clause_start = phrase.particle_end
    while clause_start < match.start() and text[clause_start].isspace():
        clause_start += 1
    ending = match.group("ending")
    clause_end = match.start() + (1 if ending in {"다고", "자고", "냐고", "다며", "다면서"} else 0)
    if clause_end <= clause_start:
        return None
    cue = match.group("verb") if "verb" in match.re.groupindex else _last_word(text, start, end)
    return Reported(clause_start, clause_end, phrase, cue)


def _last_word(text: str, start: int, end: int) -> str:
    """The sentence's last word without its punctuation: the verb a -다며 clause goes with."""
    words = text[start:end].split()
    return words[-1].rstrip(".!?\"'”’") if words else ""


def _according_to(text: str, start: int, end: int) -> Reported | None:
    """Reported speech "X에 따르면 …": the clause after it is X's (X the phrase before it).

    Examples
    --------
    >>> text = "국방부에 따르면 훈련은 다음 달 시작된다."
    >>> found = _according_to(text, 0, len(text))
    >>> text[found.start:found.end], text[found.phrase.start:found.phrase.end], found.cue
    ('훈련은 다음 달 시작된다', '국방부', '따르면')
    """
    match = _ACCORDING_TO.search(text, start, end)
    if match is None:
        return None
    phrase = bare_phrase(text, start, match.start())
    if phrase is None:
        return None
    ending = _REPORTED_END.search(text, match.end(), end)
    clause_end = ending.start() if ending is not None else end
    if clause_end <= match.end():
        return None
    return Reported(match.end(), clause_end, phrase, "따르면")
