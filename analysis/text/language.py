"""Cheap language detection from letters and function words.

An article's language comes from its file when given there; else :func:`detect_language`
guesses it from the first :data:`SAMPLE_CHARS` characters: the share of Hangul, kana and
Han letters decides Korean, Japanese and Chinese (thresholds below), and for Latin-script
text English function words (``resources/text/function_words.csv``) must not be
outnumbered by those of languages often confused with English.
"""

from __future__ import annotations

import re
from functools import cache

from analysis._resources import read_csv_rows
from analysis.text.patterns import HANGUL, LETTERS_RE

__all__ = ["SAMPLE_CHARS", "detect_language", "is_cjk", "is_hangul", "is_kana"]

#: How many characters of a text :func:`detect_language` reads.
SAMPLE_CHARS = 5000
#: Share of the letters that must be Hangul for "ko".
HANGUL_SHARE = 0.2
#: Share of the letters that must be kana for "ja".
KANA_SHARE = 0.1
#: Share of the letters that must be Han characters for "zh".
HAN_SHARE = 0.3

_HANGUL_CHAR = re.compile(f"[{HANGUL}]")


def is_hangul(ch: str) -> bool:
    """Tell whether the character ``ch`` is Hangul (syllable or jamo).

    Examples
    --------
    >>> is_hangul("한"), is_hangul("K")
    (True, False)
    """
    return _HANGUL_CHAR.match(ch) is not None


def is_kana(ch: str) -> bool:
    """Tell whether ``ch`` is Japanese hiragana or katakana."""
    return "\u3040" <= ch <= "\u30ff"


def is_cjk(ch: str) -> bool:
    """Tell whether ``ch`` is a CJK unified ideograph (Han character)."""
    return "\u4e00" <= ch <= "\u9fff"


@cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """English function words, and those of languages often confused with English."""
    english: set[str] = set()
    other: set[str] = set()
    for row in read_csv_rows("text/function_words.csv"):
        (english if row["language"] == "en" else other).add(row["word"])
    return frozenset(english), frozenset(other - english)


def detect_language(text: str, sample_chars: int = SAMPLE_CHARS) -> str:
    """Guess the language cheaply from letters and function words.

    Returns "ko" when Hangul makes up at least a fifth of the letters, "ja" for kana,
    "zh" for Han characters, "en" when English function words among the
    words of Latin-script text outnumber those of other languages, else "und"
    (undetermined). Only the first ``sample_chars`` characters are
    read, so the cost does not grow with article length.

    Examples
    --------
    >>> detect_language("The president said the alliance would grow.")
    'en'
    >>> detect_language("윤석열 대통령은 나토와 협력을 강화하기로 했다.")
    'ko'
    >>> detect_language("Le président a dit que l'alliance allait croître.")
    'und'
    """
    sample = text[:sample_chars]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "und"
    hangul = sum(1 for ch in letters if is_hangul(ch))
    kana = sum(1 for ch in letters if is_kana(ch))
    han = sum(1 for ch in letters if is_cjk(ch))
    total = len(letters)
    if hangul / total >= HANGUL_SHARE:
        return "ko"
    if kana / total >= KANA_SHARE:
        return "ja"
    if han / total >= HAN_SHARE:
        return "zh"
    words = [w.lower() for w in LETTERS_RE.findall(sample)]
    if not words:
        return "und"
    english_words, other_words = _function_words()
    english = sum(1 for w in words if w in english_words)
    other = sum(1 for w in words if w in other_words)
    return "und" if other > english else "en"
