"""The quote rules' English word lists, read once from ``resources/quotes/quote_words.csv``.

Every closed list the rules consult (pronouns, determiners, the words that end a speaker
phrase, ...) is a ``type`` of rows in that file, documented in its header; this module
only reads them. Abbreviations are the text wing's (``resources/text/abbreviations.txt``),
so a quote rule and sentence segmentation agree on what "Sen." is.
"""

from __future__ import annotations

import re
from functools import cache

from analysis._resources import read_csv_rows, read_lines

__all__ = ["abbreviations", "alternation", "document_nouns", "gap_breakers", "leading_stops",
           "role_synonyms", "words"]


@cache
def document_nouns() -> frozenset[str]:
    """Return the nouns of a written text quoted as a speaker (``quotes/document_nouns.txt``).

    Examples
    --------
    >>> "communique" in document_nouns(), "minister" in document_nouns()
    (True, False)
    """
    return frozenset(read_lines("quotes/document_nouns.txt"))


@cache
def role_synonyms(head: str) -> tuple[str, ...]:
    """Return ``head`` and the nouns news writes for the same role (``quotes/role_synonyms.csv``).

    Examples
    --------
    >>> role_synonyms("envoy"), role_synonyms("minister")
    (('envoy', 'ambassador'), ('minister',))
    """
    for row in read_csv_rows("quotes/role_synonyms.csv"):
        nouns = tuple(row["nouns"].split())
        if head in nouns:
            return (head, *(noun for noun in nouns if noun != head))
    return (head,)


@cache
def words(kind: str) -> frozenset[str]:
    """Return the lower-case words of one list in ``quotes/quote_words.csv``.

    Raises
    ------
    KeyError
        When the file has no list ``kind`` (a typo in a rule must not read as "no words").

    Examples
    --------
    >>> "he" in words("pronoun"), "song" in words("title_noun")
    (True, True)
    >>> sorted(words("article"))
    ['a', 'an', 'the']
    """
    found = frozenset(row["word"] for row in _rows() if row["type"] == kind)
    if not found:
        raise KeyError(f"quotes/quote_words.csv has no word list {kind!r}")
    return found


@cache
def _rows() -> tuple[dict[str, str], ...]:
    return tuple(read_csv_rows("quotes/quote_words.csv"))


def alternation(kind: str, *, capitalised: bool = False) -> str:
    """Return a regex alternation of one word list, longest words first.

    ``capitalised`` writes each word with a capital initial ("But", "Instead"), for rules
    that match a list only where it opens a sentence.

    Examples
    --------
    >>> alternation("coordinator")
    'and|but'
    >>> alternation("coordinated_adverb", capitalised=True)
    'Also|Then'
    """
    listed = sorted(words(kind), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word.capitalize() if capitalised else word) for word in listed)


@cache
def abbreviations() -> frozenset[str]:
    """Return the shipped abbreviations (lower case, without the period: "sen", "u.s")."""
    return frozenset(read_lines("text/abbreviations.txt"))


@cache
def gap_breakers() -> frozenset[str]:
    """Words that open a subordinate clause between a quote and a speaker ("which", "that").

    The ``clause_stop`` list (words that open another clause) and the ``gap_breaker`` list's
    own words.

    Examples
    --------
    >>> "which" in gap_breakers(), "that" in gap_breakers(), "said" in gap_breakers()
    (True, True, False)
    """
    return words("clause_stop") | words("gap_breaker")


@cache
def leading_stops() -> frozenset[str]:
    """Capitalised words that open a sentence but are not part of a name ("But", "When").

    Examples
    --------
    >>> "but" in leading_stops(), "the" in leading_stops(), "a" in leading_stops()
    (True, False, True)
    """
    return (words("breaker") | words("between") | words("determiner") | words("leading")) - {"the"}
