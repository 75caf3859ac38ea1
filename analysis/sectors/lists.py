"""Reading lists in a sentence: enumerations of sectors, list cues and stated counts.

* **Enumerations.** Sector matches in one sentence separated only by list punctuation
  and connectors ("A; B; and C", "from A to B", "A, B and C", "A와 B", "▲A ▲B") form a chain
  (:func:`chains`); the gap between two items is at most :data:`MAX_GAP` characters.
* **List cues.** A single item counts as a list when the words before it introduce one
  ("areas including", "covers", ":"; :func:`is_cued`).
* **Bullets.** A sentence ending in a colon opens a bulleted list when the lines after it
  start with a bullet (``-``, ``•``, ``*``, ``–``, ``·``, a Korean item mark such as ``▲``
  or a number: ``1.``, ``2)``;
  :func:`is_bullet`, :func:`opens_list`).
* **Counts.** A sentence states a count of areas when a number (digits or a spelled-out
  number) comes before an area noun ("11 sectors", "seven areas", "16개 분야", "11대 분야",
  "열한 개 분야"), or is
  joined to it by a hyphen as a modifier ("the 11-area ITPP", "a seven-sector plan";
  :func:`stated_count`).

The words (connectors, area nouns, list cues, spelled-out numbers) are data:
``resources/sectors/sector_cues.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis._resources import read_csv_rows
from analysis.actors.trie import trie_regex
from analysis.sectors.matching import Match
from analysis.text.patterns import HYPHENS

__all__ = [
    "MAX_GAP",
    "chains",
    "colon_list_start",
    "count_spans",
    "has_area_noun",
    "is_bullet",
    "is_cued",
    "is_list_gap",
    "opens_list",
    "stated_count",
]


@dataclass(frozen=True, slots=True)
class _Cues:
    connectors: frozenset[str]
    area_nouns: frozenset[str]
    list_cues: frozenset[str]
    numbers: tuple[tuple[str, int], ...]

    @property
    def joiners(self) -> frozenset[str]:
        """Words that may stand between two items of a list."""
        return self.connectors | self.list_cues


@cache
def _cues() -> _Cues:
    kinds: dict[str, set[str]] = {"connector": set(), "area_noun": set(), "list_cue": set()}
    numbers: list[tuple[str, int]] = []
    for row in read_csv_rows("sectors/sector_cues.csv"):
        if row["kind"] == "number":
            numbers.append((row["word"], int(row["value"])))
        else:
            kinds[row["kind"]].update(row["word"].casefold().split())
    return _Cues(
        frozenset(kinds["connector"]),
        frozenset(kinds["area_noun"]),
        frozenset(kinds["list_cue"]),
        tuple(numbers),
    )


_GAP_TOKEN = re.compile(r"\w+|[^\w\s]")
#: Signs Korean news sets before each item of an inline list ("▲대화와 협의 ▲대테러 협력").
ITEM_MARKS = "▲△■□●○◆◇▶▷"
_GAP_PUNCTUATION = frozenset(",;:·ㆍ、/&()–—-" + ITEM_MARKS)
#: The longest gap (characters) between two items of one enumeration.
MAX_GAP = 60


def is_list_gap(gap: str) -> bool:
    """Tell whether ``gap`` (text between two sector matches) only joins list items."""
    if len(gap) > MAX_GAP:
        return False
    joiners = _joiners()
    return all(
        token in _GAP_PUNCTUATION or token.casefold() in joiners
        for token in _GAP_TOKEN.findall(gap)
    )


@cache
def _joiners() -> frozenset[str]:
    return _cues().joiners


@cache
def _count_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word, _ in _cues().numbers if word.isascii())
    native = "|".join(sorted((re.escape(word) for word, _ in _cues().numbers
                              if not word.isascii()), key=len, reverse=True)) or "(?!)"
    nouns = "|".join(sorted((n for n in _cues().area_nouns if n.isascii()), key=len, reverse=True))
    korean = "|".join(n for n in _cues().area_nouns if not n.isascii())
    # a number inside a name ("COVID-19", "F-16") counts nothing
    hyphens = re.escape(HYPHENS)
    return re.compile(
        rf"(?<![\w{hyphens}])(?P<n>\d{{1,2}}|{words})\s+(?:[a-z-]+\s+)?(?:{nouns})(?!\w)"
        rf"|(?<![\w{hyphens}])(?P<h>\d{{1,2}}|{words})[{hyphens}](?:{nouns})(?![\w{hyphens}])"
        # digits take the counter 개 or 대 ("11대 분야"); native numerals only 개, since
        # "세대" (generation) and "열대" (tropics) are words of their own
        rf"|(?:(?<!\d)(?P<k>\d{{1,2}})\s*(?:개|대)|(?<!\w)(?P<kw>{native})\s*개)\s*"
        rf"(?:협력\s*|주요\s*)?(?:{korean})",
        re.IGNORECASE,
    )


def stated_count(sentence_text: str) -> int | None:
    """Return the count of areas a sentence states ("11 sectors", "seven areas"), or None.

    Examples
    --------
    >>> stated_count("The ITPP covers 11 sectors."), stated_count("seven areas")
    (11, 7)
    """
    spans = count_spans(sentence_text)
    return spans[0][1] if spans else None


def count_spans(sentence_text: str) -> list[tuple[int, int]]:
    """Return (offset, count) of every count of areas a sentence states, in order.

    Examples
    --------
    >>> count_spans("Unlike the seven areas of 2012, the ITPP has 11 areas.")
    [(11, 7), (45, 11)]
    >>> count_spans("The 11-area ITPP replaced a seven-sector plan.")
    [(4, 11), (28, 7)]
    """
    if _noun_regex().search(sentence_text) is None:
        return []  # every count ends in an area noun: most sentences hold none
    return [(m.start(), _count_value(m)) for m in _count_regex().finditer(sentence_text)]


@cache
def _noun_regex() -> re.Pattern[str]:
    """Any area noun, anywhere, matched as the count regex matches it (ignoring case).

    A necessary condition of a count, tested several times faster than the count regex.
    """
    return re.compile(trie_regex(sorted(_cues().area_nouns)) or "(?!)", re.IGNORECASE)


def _count_value(match: re.Match[str]) -> int:
    value = match.group("n") or match.group("h") or match.group("k") or match.group("kw")
    if value.isdigit():
        return int(value)
    # the regex matched the word ignoring case, so look it up the same way: casefold()
    # alone misses what re's case folding accepts ("fİve", "fıve" match "five")
    return next(n for word, n in _cues().numbers
                if re.fullmatch(re.escape(word), value, re.IGNORECASE))



#: A line that is an item of a bulleted list: a bullet sign or a number, then a space.
_BULLET = re.compile(rf"^\s*(?:(?:[-•*–·▪◦]|\d{{1,2}}[.)])\s+|[{ITEM_MARKS}]\s*)\S")


def is_bullet(sentence_text: str) -> bool:
    """Tell whether a sentence is an item of a bulleted list ("- cyber defence", "2. space").

    Examples
    --------
    >>> is_bullet("- cyber defence"), is_bullet("• space"), is_bullet("3) logistics")
    (True, True, True)
    >>> is_bullet("▲사이버방위")
    True
    >>> is_bullet("2023 was a year of cyber attacks")
    False
    """
    return _BULLET.match(sentence_text) is not None


def opens_list(sentence_text: str) -> bool:
    """Tell whether a sentence ends in a colon, so that bullet lines after it are its items.

    Examples
    --------
    >>> opens_list("The ITPP lists four priorities:"), opens_list("It covers space.")
    (True, False)
    """
    return sentence_text.rstrip().endswith((":", "："))


#: How many words before a colon may hold the area noun or cue that makes it open a list
#: ("a range of cooperation areas:", "areas of cooperation:").
COLON_CUE_WORDS = 4


def colon_list_start(sentence_text: str) -> int | None:
    """Return the offset just after a colon that opens a list of areas, or None.

    The colon opens a list when one of the few words before it is an area noun or a list
    cue; every sector after it is then an item, however long the words between.

    Examples
    --------
    >>> colon_list_start("It sets out a range of cooperation areas: space, and more.")
    41
    >>> colon_list_start("The minister said: space matters.") is None
    True
    """
    colon = sentence_text.find(":")
    if colon < 0:
        return None
    cues = _cues()
    words = [w.casefold() for w in _GAP_TOKEN.findall(sentence_text[:colon])][-COLON_CUE_WORDS:]
    if any(w in cues.area_nouns or w in cues.list_cues for w in words):
        return colon + 1
    return None


def chains(text: str, raws: list[Match]) -> list[list[Match]]:
    """Group the matches of one sentence into enumerations (a lone match is a chain of one)."""
    found: list[list[Match]] = []
    for raw in raws:
        if found and is_list_gap(text[found[-1][-1].end : raw.start]):
            found[-1].append(raw)
        else:
            found.append([raw])
    return found


def is_cued(prefix: str) -> bool:
    """Tell whether the words just before a chain introduce a list of areas."""
    cues = _cues()
    stoppers = cues.connectors | cues.list_cues | cues.area_nouns
    tokens = _GAP_TOKEN.findall(prefix)
    for token in reversed(tokens):
        word = token.casefold()
        if word in cues.list_cues or word in cues.area_nouns:
            return True
        if not (word in stoppers or token in _GAP_PUNCTUATION or word.isdigit()):
            return False
    return False


def has_area_noun(sentence_text: str) -> bool:
    """Tell whether a sentence holds an area noun ("areas", "priorities", "분야").

    Examples
    --------
    >>> has_area_noun("It has seven areas."), has_area_noun("우주 분야가 포함됐다.")
    (True, True)
    >>> has_area_noun("It covers space.")
    False
    """
    nouns = _cues().area_nouns
    if any(w.casefold() in nouns for w in _GAP_TOKEN.findall(sentence_text)):
        return True
    # Korean nouns take particles ("분야가", "분야에서"), so they are looked for as text
    return any(noun in sentence_text for noun in _korean_area_nouns())


@cache
def _korean_area_nouns() -> tuple[str, ...]:
    return tuple(noun for noun in _cues().area_nouns if not noun.isascii())
