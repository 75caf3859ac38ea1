"""NLTK's VADER analyzer with the lexicon shipped inside this package, fully offline.

``nltk.download`` is never called. NLTK's own loader (``nltk.data.load``) is bypassed
too: it searches ``NLTK_DATA`` and the user's folders, and nltk 3.10 ignores data
folders that group or others can write to, which is how packages end up installed on
shared servers (umask 002). Instead the lexicon is read from
``analysis/resources/vader_lexicon.zip`` (NLTK's ``sentiment/vader_lexicon.zip``, VADER
by C.J. Hutto and E. Gilbert, MIT licence) through :mod:`importlib.resources` and handed
to NLTK's :class:`~nltk.sentiment.vader.SentimentIntensityAnalyzer`, whose scoring code
is used unchanged: scores are exactly NLTK's.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from analysis._resources import read_bytes

__all__ = ["LEXICON_MEMBER", "analyzer", "lexicon_text", "polarity_scores"]

LEXICON_MEMBER = "vader_lexicon/vader_lexicon.txt"


def lexicon_text() -> str:
    """Return the text of the shipped VADER lexicon (one ``word<TAB>score...`` a line).

    Examples
    --------
    >>> [line.split("\\t")[:2] for line in lexicon_text().splitlines() if line.startswith("good\\t")]
    [['good', '1.9']]
    """
    with zipfile.ZipFile(io.BytesIO(read_bytes("vader_lexicon.zip"))) as archive:
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


def polarity_scores(text: str) -> dict[str, float]:
    """Return VADER's ``neg``, ``neu``, ``pos`` and ``compound`` for ``text``.

    Examples
    --------
    >>> polarity_scores("The war in Ukraine has global ramifications.")["compound"]
    -0.5994
    """
    return analyzer().polarity_scores(text)
