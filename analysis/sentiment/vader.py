"""NLTK's VADER analyzer with the lexicon shipped inside this package, fully offline.

``nltk.download`` is never called. NLTK's own loader (``nltk.data.load``) is bypassed
too: it searches ``NLTK_DATA`` and the user's folders, and nltk 3.10 ignores data
folders that group or others can write to, which is how packages end up installed on
shared servers (umask 002). Instead the lexicon is read from
``analysis/resources/sentiment/vader_lexicon.zip`` (NLTK's ``sentiment/vader_lexicon.zip``, VADER
by C.J. Hutto and E. Gilbert, MIT licence) through :mod:`importlib.resources` and handed
to NLTK's :class:`~nltk.sentiment.vader.SentimentIntensityAnalyzer`.

:func:`polarity_scores` is this package's own implementation of NLTK 3.10's VADER
scoring, written for speed: NLTK builds, for every text, a dictionary of every word
joined with every punctuation mark, and lower-cases the same words again and again.
Here each token is cleaned once and every rule reads precomputed lower-case forms.
The rules, their order and their arithmetic are NLTK's, quirks included (a repeated
word is scored at the position of its first occurrence), so the four scores are
identical to NLTK's, float for float; ``tests/test_vader_fast.py`` compares the two on
hand-written cases for every rule and on generated text. Constants (boosters,
negations, idioms, punctuation) are read from NLTK's ``VaderConstants``, so they
cannot drift. About 3-4 times faster than NLTK's analyzer (``benchmarks/bench_vader.py``).
"""

from __future__ import annotations

import io
import math
import re
import string
import zipfile
from collections.abc import Sequence
from functools import cache

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from analysis._resources import read_bytes

__all__ = [
    "LEXICON_MEMBER",
    "RULE_WORDS",
    "analyzer",
    "lexicon_text",
    "polarity_scores",
    "vader_vocabulary",
    "vader_words",
]

LEXICON_MEMBER = "vader_lexicon/vader_lexicon.txt"

#: Lower-case words VADER's rules look for besides its lexicon, boosters, negations and
#: idioms: "but" (:func:`_but_check`), "kind of", "at least" / "very least"
#: (:func:`_least_check`), "never so" / "never this" (:func:`_never_check`), and "no".
RULE_WORDS: frozenset[str] = frozenset(
    ("but", "kind", "of", "least", "at", "very", "never", "so", "this", "no")
)


def lexicon_text() -> str:
    """Return the text of the shipped VADER lexicon (one ``word<TAB>score...`` a line).

    Examples
    --------
    >>> [line.split("\\t")[:2] for line in lexicon_text().splitlines() if line.startswith("good\\t")]
    [['good', '1.9']]
    """
    with zipfile.ZipFile(io.BytesIO(read_bytes("sentiment/vader_lexicon.zip"))) as archive:
        return archive.read(LEXICON_MEMBER).decode("utf-8")


class _OfflineAnalyzer(SentimentIntensityAnalyzer):
    """NLTK's analyzer, given its lexicon text directly instead of an NLTK resource path."""

    def __init__(self, lexicon: str) -> None:
        self.lexicon_file = lexicon
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """Return the shared VADER analyzer (built once per process; it is read-only).

    Examples
    --------
    >>> analyzer().polarity_scores("NATO is a very highly valued partner.")["compound"]
    0.5379
    """
    return _OfflineAnalyzer(lexicon_text())


@cache
def vader_words() -> frozenset[str]:
    """Return the lower-case words VADER reacts to: lexicon, booster and negation words.

    Examples
    --------
    >>> {"good", "very", "never"} <= vader_words(), "nato" in vader_words()
    (True, False)
    """
    words = set(analyzer().lexicon)
    words.update(VaderConstants.BOOSTER_DICT, VaderConstants.NEGATE)
    return frozenset(words)


@cache
def vader_vocabulary() -> frozenset[str]:
    """Return the lower-case words whose presence or position can change a VADER score.

    :func:`vader_words`, the words of VADER's idioms, and :data:`RULE_WORDS`.

    Examples
    --------
    >>> {"but", "least", "bomb"} <= vader_vocabulary()
    True
    """
    words = set(vader_words())
    for idiom in VaderConstants.SPECIAL_CASE_IDIOMS:
        words.update(idiom.split())
    words.update(RULE_WORDS)
    return frozenset(words)


def polarity_scores(text: str) -> dict[str, float]:
    """Return VADER's ``neg``, ``neu``, ``pos`` and ``compound`` for ``text``.

    Exactly what NLTK's ``SentimentIntensityAnalyzer.polarity_scores`` returns with the
    shipped lexicon, computed faster (see the module docstring).

    Examples
    --------
    >>> polarity_scores("The war in Ukraine has global ramifications.")["compound"]
    -0.5994
    >>> polarity_scores("NATO is NOT a bad partner, but it is very GOOD!!")
    {'neg': 0.0, 'neu': 0.503, 'pos': 0.497, 'compound': 0.8359}
    """
    if not isinstance(text, str):
        return analyzer().polarity_scores(text)  # NLTK's own handling of odd input
    words = _words_and_emoticons(text)
    rules = _rules()
    lowered = [word.lower() for word in words]
    cap_diff = _allcap_differential(words)
    first_index: dict[str, int] = {}
    for index, word in enumerate(words):
        first_index.setdefault(word, index)
    sentiments: list[float] = []
    last = len(words) - 1
    for word in words:
        i = first_index[word]
        lower = lowered[i]
        if lower in rules.boosters or (i < last and lower == "kind" and lowered[i + 1] == "of"):
            sentiments.append(0)
            continue
        sentiments.append(_valence(words, lowered, i, cap_diff, rules))
    _but_check(lowered, sentiments)
    return _score(sentiments, text)


# ---------------------------------------------------------------------------
# the rules, in NLTK's order


class _Rules:
    """VADER's lexicon and constants, gathered once (read-only)."""

    def __init__(self) -> None:
        constants = VaderConstants()
        self.lexicon: dict[str, float] = analyzer().lexicon
        self.boosters: dict[str, float] = constants.BOOSTER_DICT
        self.negations: frozenset[str] = frozenset(constants.NEGATE)
        self.idioms: dict[str, float] = constants.SPECIAL_CASE_IDIOMS
        self.punctuation: frozenset[str] = frozenset(constants.PUNC_LIST)
        self.c_incr: float = constants.C_INCR
        self.n_scalar: float = constants.N_SCALAR
        self.b_decr: float = constants.B_DECR
        self.normalize = constants.normalize


@cache
def _rules() -> _Rules:
    return _Rules()


_ASCII_PUNCTUATION = frozenset(string.punctuation)
_HAS_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}]").search


def _strip_run(word: str) -> str:
    """Map ``word`` as NLTK does: drop a leading or trailing punctuation mark of its list.

    NLTK maps ``p + w`` and ``w + p`` to ``w`` for every mark ``p`` of ``PUNC_LIST`` and
    every punctuation-free word ``w`` (longer than one letter) of the text; a token
    with marks on both sides stays as it is.
    """
    if word[0] not in _ASCII_PUNCTUATION and word[-1] not in _ASCII_PUNCTUATION:
        return word  # most words: nothing to strip
    punctuation = _rules().punctuation
    lead = 0
    while lead < len(word) and word[lead] in _ASCII_PUNCTUATION:
        lead += 1
    trail = len(word)
    while trail > lead and word[trail - 1] in _ASCII_PUNCTUATION:
        trail -= 1
    core = word[lead:trail]
    if len(core) < 2 or _HAS_PUNCTUATION(core):
        return word
    if lead and trail == len(word) and word[:lead] in punctuation:
        return core
    if trail < len(word) and lead == 0 and word[trail:] in punctuation:
        return core
    return word


def _words_and_emoticons(text: str) -> list[str]:
    return [_strip_run(word) for word in text.split() if len(word) > 1]


def _allcap_differential(words: Sequence[str]) -> bool:
    allcaps = sum(1 for word in words if word.isupper())
    return 0 < len(words) - allcaps < len(words)


def _negated(lower: str, negations: frozenset[str]) -> bool:
    return lower in negations or "n't" in lower


def _scalar(word: str, lower: str, valence: float, cap_diff: bool, rules: _Rules) -> float:
    """Return the booster or dampener effect of ``word`` on ``valence`` (NLTK's scalar_inc_dec)."""
    scalar = 0.0
    if lower in rules.boosters:
        scalar = rules.boosters[lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and cap_diff:
            if valence > 0:
                scalar += rules.c_incr
            else:
                scalar -= rules.c_incr
    return scalar


def _valence(
    words: Sequence[str], lowered: Sequence[str], i: int, cap_diff: bool, rules: _Rules
) -> float:
    """Return the valence of the word at ``i`` after the rules of the three words before it."""
    lexicon = rules.lexicon
    lower = lowered[i]
    if lower not in lexicon:
        return 0
    valence = lexicon[lower]
    if words[i].isupper() and cap_diff:
        valence = valence + rules.c_incr if valence > 0 else valence - rules.c_incr
    for start_i in range(3):
        if i > start_i and lowered[i - (start_i + 1)] not in lexicon:
            s = _scalar(words[i - (start_i + 1)], lowered[i - (start_i + 1)], valence,
                        cap_diff, rules)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _never_check(valence, words, lowered, start_i, i, rules)
            if start_i == 2:
                valence = _idioms_check(valence, words, i, rules)
    return _least_check(valence, lowered, i, rules)


def _never_check(
    valence: float, words: Sequence[str], lowered: Sequence[str], start_i: int, i: int,
    rules: _Rules,
) -> float:
    negations = rules.negations
    if start_i == 0:
        if _negated(lowered[i - 1], negations):
            valence = valence * rules.n_scalar
    elif start_i == 1:
        if words[i - 2] == "never" and words[i - 1] in ("so", "this"):
            valence = valence * 1.5
        elif _negated(lowered[i - 2], negations):
            valence = valence * rules.n_scalar
    elif start_i == 2:
        if (words[i - 3] == "never" and words[i - 2] in ("so", "this")) \
                or words[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif _negated(lowered[i - 3], negations):
            valence = valence * rules.n_scalar
    return valence


def _idioms_check(valence: float, words: Sequence[str], i: int, rules: _Rules) -> float:
    idioms = rules.idioms
    onezero = f"{words[i - 1]} {words[i]}"
    twoonezero = f"{words[i - 2]} {words[i - 1]} {words[i]}"
    twoone = f"{words[i - 2]} {words[i - 1]}"
    threetwoone = f"{words[i - 3]} {words[i - 2]} {words[i - 1]}"
    threetwo = f"{words[i - 3]} {words[i - 2]}"
    for sequence in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if sequence in idioms:
            valence = idioms[sequence]
            break
    if len(words) - 1 > i:
        zeroone = f"{words[i]} {words[i + 1]}"
        if zeroone in idioms:
            valence = idioms[zeroone]
    if len(words) - 1 > i + 1:
        zeroonetwo = f"{words[i]} {words[i + 1]} {words[i + 2]}"
        if zeroonetwo in idioms:
            valence = idioms[zeroonetwo]
    if threetwo in rules.boosters or twoone in rules.boosters:
        valence = valence + rules.b_decr
    return valence


def _least_check(valence: float, lowered: Sequence[str], i: int, rules: _Rules) -> float:
    lexicon = rules.lexicon
    if i > 1 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        if lowered[i - 2] != "at" and lowered[i - 2] != "very":
            valence = valence * rules.n_scalar
    elif i > 0 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        valence = valence * rules.n_scalar
    return valence


def _but_check(lowered: Sequence[str], sentiments: list[float]) -> None:
    if "but" not in lowered:
        return
    but_index = lowered.index("but")
    for index, sentiment in enumerate(sentiments):
        if index < but_index:
            sentiments[index] = sentiment * 0.5
        elif index > but_index:
            sentiments[index] = sentiment * 1.5


def _punctuation_emphasis(text: str) -> float:
    exclamations = min(text.count("!"), 4)
    questions = text.count("?")
    question_emphasis = 0.0
    if questions > 1:
        question_emphasis = questions * 0.18 if questions <= 3 else 0.96
    return exclamations * 0.292 + question_emphasis


def _score(sentiments: list[float], text: str) -> dict[str, float]:
    if not sentiments:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    sum_s = float(sum(sentiments))
    emphasis = _punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += emphasis
    elif sum_s < 0:
        sum_s -= emphasis
    compound = _rules().normalize(sum_s)
    pos_sum, neg_sum, neu_count = 0.0, 0.0, 0
    for sentiment in sentiments:
        if sentiment > 0:
            pos_sum += float(sentiment) + 1
        if sentiment < 0:
            neg_sum += float(sentiment) - 1
        if sentiment == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= emphasis
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }
