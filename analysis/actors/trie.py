"""One regular expression over many words, factored as a character trie.

The registry finds every alias of every actor in one pass over a text with the pattern
:func:`compile_words` builds: an alternation factored by shared prefixes, so the regex
engine tries each character once per position instead of once per alias, and at any
position the longest word wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["compile_words", "trie_regex"]


def trie_regex(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` factored as a character trie.

    Greedy optional groups try the longer continuation first, so at any position the
    longest word that is followed by a word boundary wins.

    Examples
    --------
    >>> trie_regex(["Korea", "Kim", "Korea JoongAng Daily"])
    'K(?:im|orea(?:\\\\ JoongAng\\\\ Daily)?)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node_regex(trie)


def _trie_node_regex(node: dict) -> str:
    branches = [
        re.escape(char) + _trie_node_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


#: Korean particles written onto a noun ("나토와", "윤석열 대통령은", "외교부에서"): a word in
#: Hangul may end before one of them (Korean grammar; longest first).
HANGUL_PARTICLES = ("에서는", "에서", "에게", "께서", "으로", "와의", "과의", "은", "는", "이", "가",
                    "을", "를", "의", "와", "과", "에", "도", "로", "만", "측")
_HANGUL = "\uac00-\ud7a3"


def compile_words(words: Iterable[str]) -> re.Pattern[str]:
    """Compile ``words`` into one pattern matching any of them as a whole word, longest first.

    A match must not start or end inside a word ("Korea" is not found in "Koreans"); a
    word in Hangul may end before a particle (:data:`HANGUL_PARTICLES`), not before
    other syllables ("나토와" holds 나토, "윤리" does not hold 윤).

    Examples
    --------
    >>> pattern = compile_words(["Korea", "South Korea", "Kim"])
    >>> [m.group() for m in pattern.finditer("South Korea, Koreans and Kim")]
    ['South Korea', 'Kim']
    >>> [m.group() for m in compile_words(["나토", "윤"]).finditer("나토와 윤리")]
    ['나토']
    """
    words = sorted(set(words))
    particles = "|".join(HANGUL_PARTICLES)
    end = rf"(?:(?!\w)|(?<=[{_HANGUL}])(?=(?:{particles})(?!\w)))"
    return re.compile(rf"(?<!\w)(?:{trie_regex(words)}){end}")
