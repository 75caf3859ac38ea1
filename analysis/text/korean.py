"""Korean text: which paragraphs are Korean, and their sentences.

Rules (relied on by :mod:`analysis.text.segmentation` and :mod:`analysis.quotes.korean`):

* **Script per paragraph.** A paragraph is Korean when at least
  :data:`KOREAN_PARAGRAPH_SHARE` of its letters are Hangul (:func:`is_korean_text`;
  e-mail and web addresses, as in a reporter's byline, do not count), so an
  English article with a Korean paragraph, or a Korean article with an English one, is
  read paragraph by paragraph in the language of each.
* **Sentences** of a Korean paragraph come from Kiwi (``kiwipiepy`` with the model of
  ``kiwipiepy-model``, both Apache-2.0, the model inside the package; nothing is
  downloaded). It is imported on the first Korean paragraph only, so an English-only run
  never loads it (about 2 s and 100 MB). Chosen over kss by measurement on the hand-made
  fixture ``tests/fixtures/segmentation/korean_passages.txt`` (``docs/evaluation.md``,
  "Korean sentences"): the same accuracy before repairs, a tenth of the import time, and no
  warnings or console banner.
* **Repairs** after Kiwi, each a category Kiwi gets wrong on the fixture: an ellipsis
  after a sentence-final ending ("…않았다… 다음") ends a sentence; a Han-character
  abbreviation that opens the next sentence ("…냈다. 英 정부도") is not left at the end of
  the one before.

Examples
--------
>>> is_korean_text("윤석열 대통령은 말했다."), is_korean_text("Yoon said 안녕.")
(True, False)
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

from analysis.text.patterns import HANGUL

__all__ = ["KOREAN_PARAGRAPH_SHARE", "Morpheme", "is_korean_text", "korean_morphemes",
           "korean_sentence_spans"]

#: Share of a paragraph's letters that must be Hangul for it to be read as Korean.
KOREAN_PARAGRAPH_SHARE = 0.5

_HANGUL_CHAR = re.compile(f"[{HANGUL}]")
# E-mail addresses and web addresses: not prose, so their letters do not count.
_ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
# An ellipsis right after a sentence-final ending (다, 요, 까), then a space: a sentence end.
_ELLIPSIS_END = re.compile(rf"[다요까](?:…|\.\.\.)[\"”’']*(?=\s+[{HANGUL}A-Za-z\d(“\"])")
# What Kiwi leaves at the end of a sentence that belongs to the next one: a run of Han
# characters (美, 英, 北) after the sentence's final punctuation.
_TRAILING_HAN = re.compile(r"(?<=[.?!])(\s+)([\u4e00-\u9fff]+)$")


def is_korean_text(text: str) -> bool:
    """Tell whether Hangul makes up at least :data:`KOREAN_PARAGRAPH_SHARE` of the letters.

    Examples
    --------
    >>> is_korean_text("나토(NATO)는 1949년 창설됐다."), is_korean_text("12.5%")
    (True, False)
    >>> is_korean_text("회의는 폐막한다. reporter@example.co.kr")
    True
    """
    if not _HANGUL_CHAR.search(text):
        return False  # the usual case in an English article, without a loop over letters
    letters = 0
    hangul = 0
    for ch in _ADDRESSES.sub(" ", text):
        if ch.isalpha():
            letters += 1
            if _HANGUL_CHAR.match(ch):
                hangul += 1
    return bool(letters) and hangul / letters >= KOREAN_PARAGRAPH_SHARE


class Morpheme(NamedTuple):
    """One morpheme of Kiwi's analysis: its form, part-of-speech tag and text offsets.

    Tags are Kiwi's (Sejong tag set): ``NNG`` common noun, ``NNP`` proper noun, ``NP``
    pronoun, ``MM`` determiner, ``JX`` topic particle (은, 는, 도), ``JKS`` subject particle
    (이, 가), ``SN`` number and so on.
    """

    form: str
    tag: str
    start: int
    end: int


def korean_morphemes(text: str, start: int = 0, end: int | None = None) -> list[Morpheme]:
    """Return Kiwi's morphemes of ``text[start:end]``, with offsets into ``text``.

    Examples
    --------
    >>> [(m.form, m.tag) for m in korean_morphemes("윤 대통령은 말했다", 0, 6)]
    [('윤', 'NNP'), ('대통령', 'NNG'), ('은', 'JX')]
    """
    end = len(text) if end is None else end
    if start >= end:
        return []
    return [Morpheme(t.form, t.tag, start + t.start, start + t.end)
            for t in _kiwi().tokenize(text[start:end])]


@cache
def _kiwi() -> Any:
    """Load Kiwi once per process, on the first Korean paragraph."""
    from kiwipiepy import Kiwi

    return Kiwi()


def korean_sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the sentence spans of the Korean block ``text[start:end]``, as offsets into ``text``.

    Examples
    --------
    >>> text = "외교부는 “협의가 끝났다.”라고 밝혔다. 회의는 12.5분 만에 끝났다…  다음은 미정."
    >>> [text[s:e] for s, e in korean_sentence_spans(text, 0, len(text))]
    ['외교부는 “협의가 끝났다.”라고 밝혔다.', '회의는 12.5분 만에 끝났다…', '다음은 미정.']
    """
    block = text[start:end]
    spans = [(start + s.start, start + s.end) for s in _kiwi().split_into_sents(block)]
    spans = _split_after_ellipses(text, spans)
    return _move_trailing_han(text, spans)


def _split_after_ellipses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut a span after every "…" that follows a sentence-final ending.

    Examples
    --------
    >>> text = "끝나지 않았다… 다음 회의는 열린다."
    >>> _split_after_ellipses(text, [(0, len(text))])
    [(0, 8), (9, 20)]
    """
    result: list[tuple[int, int]] = []
    for start, end in spans:
        position = start
        for match in _ELLIPSIS_END.finditer(text, start, end):
            result.append((position, match.end()))
            position = match.end()
            while position < end and text[position].isspace():
                position += 1
        result.append((position, end))
    return result


def _move_trailing_han(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give a Han abbreviation left at the end of a span to the span after it.

    Examples
    --------
    >>> text = "입장을 냈다. 英 정부도 지지했다."
    >>> _move_trailing_han(text, [(0, 9), (10, 19)])
    [(0, 7), (8, 19)]
    """
    result = list(spans)
    for index in range(len(result) - 1):
        start, end = result[index]
        match = _TRAILING_HAN.search(text, start, end)
        if match:
            result[index] = (start, match.start())
            result[index + 1] = (match.start(2), result[index + 1][1])
    return result
