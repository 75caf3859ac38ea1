"""What the tone tools score: one English sentence at a time (the input contract).

VADER and the target model were built and measured on English sentences. Given more,
or something else, they still return numbers, and those numbers look like findings:
a Hangul sentence gets VADER's compound 0.0 ("neutral"), a whole article handed to the
target model gets a confident label from words far from the target. This module
decides, once for every tone tool, what is scored and what is left unscored with a
reason:

* :func:`scored_span`: the part of a passage the target model reads, the sentence
  holding the target (sentences split as everywhere else in the package,
  :func:`analysis.text.segmentation.split_sentences`); a passage of several sentences
  is cut to that sentence with a :class:`MultiSentenceWarning`, never read whole;
* :func:`script_reason`: why a sentence is not scored when most of its letters are not
  Latin (Hangul, kana, Han, Cyrillic...), the reason the tables carry in ``unscored``;
  an article whose language is not English is not scored either
  (:func:`article_reason`).

Examples
--------
>>> script_reason("윤석열 대통령은 나토와 협력을 강화했다.")
'sentence not English (Hangul script)'
>>> script_reason("NATO met in Vilnius.") is None
True
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

from analysis.text.language import is_cjk, is_hangul, is_kana

__all__ = [
    "CROSSES_SENTENCES",
    "NON_LATIN_SHARE",
    "MultiSentenceWarning",
    "article_reason",
    "scored_span",
    "script_reason",
]

#: A sentence is left unscored when at least this share of its letters is not Latin.
NON_LATIN_SHARE = 0.5
#: The last code point of Latin Extended-B: letters up to it count as Latin script.
_LAST_LATIN = 0x024F
#: The ``unscored`` reason of a target mention that runs over a sentence boundary.
CROSSES_SENTENCES = "mention crosses a sentence boundary"
#: The ``unscored`` reason of every sentence and target of an article not in English.
_ARTICLE_REASON = "article not English (language {language!r})"
#: The ``unscored`` reason of a sentence whose letters are mostly of another script.
_SCRIPT_REASON = "sentence not English ({script} script)"
# A full stop, question or exclamation mark (closing marks allowed) followed by more
# text, or a line break: only then can a passage hold more than one sentence.
_MAYBE_SEVERAL = re.compile(r"[.!?…][\"'”’)\]]*\s+\S|\n\s*\S")


class MultiSentenceWarning(UserWarning):
    """Warned when a passage of several sentences is cut to the sentence holding the target."""


def _script(ch: str) -> str:
    if is_hangul(ch):
        return "Hangul"
    if is_kana(ch):
        return "kana"
    if is_cjk(ch):
        return "Han"
    return "non-Latin"


def script_reason(sentence: str) -> str | None:
    """Return why ``sentence`` is not scored, or None when it is (mostly Latin letters).

    A sentence with no letters at all ("2023.") is scored: there is nothing foreign in it.

    Examples
    --------
    >>> script_reason("Путин выступил в Москве.")
    'sentence not English (non-Latin script)'
    >>> script_reason("Yoon met 나토 officials in Vilnius on Tuesday.") is None
    True
    """
    letters = [ch for ch in sentence if ch.isalpha()]
    foreign = [ch for ch in letters if ord(ch) > _LAST_LATIN]
    if not letters or len(foreign) < NON_LATIN_SHARE * len(letters):
        return None
    scripts = [_script(ch) for ch in foreign]
    commonest = max(sorted(set(scripts)), key=scripts.count)
    return _SCRIPT_REASON.format(script=commonest)


def article_reason(language: str | None) -> str:
    """Return the ``unscored`` reason of every sentence and target of a non-English article.

    Examples
    --------
    >>> article_reason("ko")
    "article not English (language 'ko')"
    """
    return _ARTICLE_REASON.format(language=language)


@lru_cache(maxsize=256)
def _sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    from analysis.text.segmentation import split_sentences

    return tuple((s.start, s.end) for s in split_sentences(text))


def scored_span(text: str, start: int, end: int, *, warn: bool = True) -> tuple[int, int]:
    """Return the ``[lo, hi)`` part of ``text`` the target model reads for ``text[start:end]``.

    ``text`` itself when it is one sentence; else the sentence holding the target (the
    sentences it spans, if it spans several), with a :class:`MultiSentenceWarning` when
    ``warn`` is true.

    Examples
    --------
    >>> text = "The talks failed. Seoul praised NATO."
    >>> lo, hi = scored_span(text, 32, 36, warn=False)
    >>> text[lo:hi]
    'Seoul praised NATO.'
    >>> scored_span("Seoul praised U.S. Senator Kim.", 27, 30)
    (0, 31)
    """
    if _MAYBE_SEVERAL.search(text) is None:
        return 0, len(text)
    bounds = _sentence_bounds(text)
    if len(bounds) <= 1:
        return 0, len(text)
    holding = [(lo, hi) for lo, hi in bounds if lo < end and start < hi]
    if not holding:  # a target in the space between two sentences: read both neighbours
        holding = [b for b in bounds if b[1] <= start][-1:] + [b for b in bounds if b[0] >= end][:1]
    lo, hi = holding[0][0], holding[-1][1]
    if warn:
        warnings.warn(
            f"the text holds {len(bounds)} sentences; only the one holding the target "
            f"(characters {lo}-{hi}) is scored. Pass one sentence to classify_target",
            MultiSentenceWarning, stacklevel=3)
    return lo, hi
