"""One regular expression over many words, factored as a character trie.

The registry finds every alias of every actor in one pass over a text with the pattern
:func:`compile_words` builds: an alternation factored by shared prefixes, so the regex
engine tries each character once per position instead of once per alias, and at any
position the longest word wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["caseless_trie_regex", "compile_words", "trie_regex"]


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


def caseless_trie_regex(words: Iterable[str], *, space: str = r"\s+") -> str | None:
    """Return a trie alternation of ``words`` for a pattern compiled with ``re.IGNORECASE``.

    A space in a word matches ``space``. Like an alternation of the words longest
    first, the pattern matches at any position the longest word that fits, provided no two
    characters branching from one node of the trie match each other ignoring case (then
    one position could be read down two branches, and the first might hold only the
    shorter word); in that case None is returned and the caller keeps its alternation.
    Words are expected without runs of white space (``" ".join(word.split())``).

    Examples
    --------
    >>> caseless_trie_regex(["cyber ambassador", "cyber", "chief"])
    'c(?:hief|yber(?:\\\\s+ambassador)?)'
    >>> caseless_trie_regex(["Korea", "korea"]) is None  # "K" and "k" branch from one node
    True
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _caseless_node_regex(trie, space)


def _caseless_node_regex(node: dict, space: str) -> str | None:
    chars = sorted(char for char in node if char)
    for i, first in enumerate(chars):
        for second in chars[i + 1:]:
            if re.fullmatch(re.escape(first), second, re.IGNORECASE) or re.fullmatch(
                    re.escape(second), first, re.IGNORECASE):
                return None
    if " " in chars and any(re.fullmatch(space, char) for char in chars if char != " "):
        return None
    branches = []
    for char in chars:
        rest = _caseless_node_regex(node[char], space)
        if rest is None:
            return None
        branches.append((space if char == " " else re.escape(char)) + rest)
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
