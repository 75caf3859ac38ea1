"""Titles and descriptions: how offices are written before names, and how they compare.

Titles (``resources/actors/titles.txt``: "Sen.", "first lady", "NATO Secretary General",
each with the role title it stands for, or ``*`` for a courtesy title such as "Mr." that
says nothing about an office) match case-insensitively as whole words. A description
("the NATO chief") is compared by its key (:func:`description_key`): lower case, "the"
dropped, curly apostrophes straightened and hyphens read as spaces. :func:`strip_titles`
takes a name out of the titles and apposition around it; :func:`title_fits` tells whether
a title may stand before an actor ("Admiral Harris" is not Kamala Harris).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from analysis._resources import read_lines
from analysis.actors.records import Actor

__all__ = [
    "FORMER",
    "FORMER_KEY",
    "LEADING_ARTICLE",
    "clean",
    "description_key",
    "previous_word",
    "starts_sentence",
    "strip_titles",
    "title_before",
    "title_fits",
    "title_meaning",
    "title_meanings",
    "title_pattern",
]

_SPACES = re.compile(r"\s+")
#: "the", "a" or "an" opening a description or a name behind titles.
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
#: "former" or "ex-" in a title ("former first lady Kim").
FORMER = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
#: "former" or "ex" opening a description key ("former nato chief").
FORMER_KEY = re.compile(r"(?:former|ex) ")
# How far before a name :func:`previous_word` and :func:`title_before` look.
_PREVIOUS_WORD_CHARS = 40
_TITLE_CHARS = 80


def clean(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends.

    Examples
    --------
    >>> clean("  Jens\\n Stoltenberg ")
    'Jens Stoltenberg'
    """
    return _SPACES.sub(" ", text).strip()


def description_key(text: str) -> str:
    """Return the comparison key of a description: lower case, "the" dropped, "-" as space.

    Examples
    --------
    >>> description_key("The NATO Secretary-General’s office.")
    "nato secretary general's office"
    """
    text = text.replace("’", "'").replace("‘", "'").replace("-", " ").lower()
    text = clean(text).strip(" .,;:")
    return LEADING_ARTICLE.sub("", text)


@cache
def title_meanings() -> Mapping[str, str]:
    """Map each shipped title (lower case) to the role title it stands for."""
    meanings: dict[str, str] = {}
    for line in read_lines("actors/titles.txt"):
        written, _, meaning = line.partition(" = ")
        meanings[written.strip().lower()] = description_key(meaning or written)
    return meanings


@cache
def title_pattern() -> re.Pattern[str]:
    """Every shipped title, longest first, as whole words (case-insensitive)."""
    titles = sorted(title_meanings(), key=len, reverse=True)
    body = "|".join(re.escape(title) for title in titles)
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])", re.IGNORECASE)


@cache
def _title_before_pattern() -> re.Pattern[str]:
    """A title that ends right before a name ("first lady Kim": "first lady ")."""
    return re.compile(rf"(?:(?:former|ex-)\s*)?(?:{title_pattern().pattern})\s+$", re.IGNORECASE)


@cache
def _title_last_words() -> frozenset[str]:
    return frozenset(title.split()[-1] for title in title_meanings())


def previous_word(text: str, position: int) -> tuple[int, str] | None:
    """Return (start, word) of the word one space before ``position``, else None.

    Examples
    --------
    >>> previous_word("said Sen. Shaheen", 10)
    (5, 'Sen.')
    """
    if position < 2 or text[position - 1] != " " or text[position - 2].isspace():
        return None
    limit = max(0, position - _PREVIOUS_WORD_CHARS)
    start = max(text.rfind(" ", limit, position - 1), text.rfind("\n", limit, position - 1))
    start = start + 1 if start >= 0 else limit
    return start, text[start : position - 1]


def title_before(text: str, position: int) -> re.Match[str] | None:
    """Return the title that ends right before ``position`` ("first lady Kim"), if any.

    Examples
    --------
    >>> title_before("He met first lady Kim.", 18).group()
    'first lady '
    """
    previous = previous_word(text, position)
    if previous is None or previous[1].lower() not in _title_last_words():
        return None  # cheap test first: most names follow "said", "and", "," ...
    return _title_before_pattern().search(text, max(0, position - _TITLE_CHARS), position)


def title_meaning(title: str) -> str:
    """Return the role title a written title stands for ("Sen." -> "senator")."""
    return title_meanings().get(clean(title).lower(), description_key(title))


def title_fits(actor: Actor, title: str) -> bool:
    """Tell whether ``title`` (e.g. "Sen.", "Admiral") may be written before ``actor``.

    Courtesy titles and actors without roles always fit; an office title fits when its
    words are among the words of one of the actor's role titles or descriptions.
    """
    meanings = [title_meaning(match.group()) for match in title_pattern().finditer(title)]
    if not actor.roles or not meanings or "*" in meanings:
        return True
    for role in actor.roles:
        words = set(description_key(" ".join((role.title, *role.descriptions))).split())
        if any(set(meaning.split()) <= words for meaning in meanings):
            return True
    return False


def strip_titles(name: str) -> str:
    """Return ``name`` without the titles, honorifics and apposition around it.

    The name is what follows the last title (``resources/actors/titles.txt``, case-insensitive)
    that is followed by a capitalised word; a trailing apposition (", a Republican of
    Nebraska", ", NATO Secretary General") is dropped. A string that is nothing but titles
    ("the senator") is returned cleaned but otherwise unchanged.

    Examples
    --------
    >>> strip_titles("U.S. Senator Pete Ricketts")
    'Pete Ricketts'
    >>> strip_titles("NATO Secretary General Jens Stoltenberg")
    'Jens Stoltenberg'
    >>> strip_titles("first lady Kim Keon-hee")
    'Kim Keon-hee'
    >>> strip_titles("Pete Ricketts, a Republican of Nebraska")
    'Pete Ricketts'
    >>> strip_titles("the senator")
    'the senator'
    """
    text = clean(name)
    head, comma, tail = text.partition(", ")
    if comma and head and (tail[:1].islower() or title_pattern().search(tail)):
        text = head
    name_start = 0
    for match in title_pattern().finditer(text):
        rest = text[match.end() :].lstrip()
        if rest[:1].isupper():
            name_start = len(text) - len(rest)
    stripped = LEADING_ARTICLE.sub("", text[name_start:]) if name_start else text
    return stripped or text


# A capitalised word right after a sentence end, a colon, an opening quote mark or a
# parenthesis is capitalised for that reason, not because it is a name.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"‘(\n]\s*)$")
# The abbreviation (a title such as "Col." or "Dr.") ending right before a position.
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])(\w+)\.\s*$")


@cache
def _title_abbreviations() -> frozenset[str]:
    return frozenset(read_lines("text/title_abbreviations.txt"))


def starts_sentence(text: str, position: int) -> bool:
    """Tell whether the word at ``position`` opens a sentence (or a quote, a parenthesis).

    The period of a title abbreviation ("Lt. Col. Ji-ho Moon", "Dr. Ann Lee") ends no
    sentence: the name word after it is capitalised because it is a name.
    """
    if not _SENTENCE_START.search(text, max(0, position - 3), position):
        return False
    abbreviation = _ABBREVIATION_BEFORE.search(text, max(0, position - 12), position)
    return abbreviation is None or abbreviation.group(1).lower() not in _title_abbreviations()
