"""The Korean word lists of the quote rules, read once from ``resources/quotes/korean``.

Every list is data (see each file's header for its rule and source): the endings after a
closing quotation mark (``endings.csv``), the speech verbs of indirect speech
(``speech_verbs.txt``), the words of a speaker phrase (``speaker_words.csv``) and the
common family names (``surnames.txt``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from analysis._resources import read_csv_rows, read_lines

__all__ = ["KoreanWords", "korean_words"]

_FOLDER = "quotes/korean"


@dataclass(frozen=True, slots=True)
class KoreanWords:
    """The Korean word lists, one attribute per kind of word.

    Examples
    --------
    >>> words = korean_words()
    >>> dict(words.endings)["라며"], "관계자" in words.anonymous, words.english_titles["대통령"]
    ('continuation', True, 'president')
    """

    endings: tuple[tuple[str, str], ...]
    speech_verbs: tuple[str, ...]
    titles: frozenset[str]
    english_titles: dict[str, str]
    anonymous: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    speech_nouns: frozenset[str]
    title_nouns: frozenset[str]
    organisation_suffixes: frozenset[str]
    naming_verbs: frozenset[str]
    surnames: frozenset[str]


@cache
def korean_words() -> KoreanWords:
    """Return the Korean word lists (read once per process)."""
    endings = tuple((row["ending"], row["role"])
                    for row in read_csv_rows(f"{_FOLDER}/endings.csv"))
    endings = tuple(sorted(endings, key=lambda item: len(item[0]), reverse=True))
    by_kind: dict[str, set[str]] = {}
    english: dict[str, str] = {}
    for row in read_csv_rows(f"{_FOLDER}/speaker_words.csv"):
        by_kind.setdefault(row["kind"], set()).add(row["word"])
        if row["kind"] == "title" and row["english"]:
            english[row["word"]] = row["english"]
    verbs = tuple(sorted(read_lines(f"{_FOLDER}/speech_verbs.txt"), key=len, reverse=True))
    return KoreanWords(
        endings=endings,
        speech_verbs=verbs,
        titles=frozenset(by_kind.get("title", ())),
        english_titles=english,
        anonymous=frozenset(by_kind.get("anonymous", ())),
        determiners=frozenset(by_kind.get("determiner", ())),
        pronouns=frozenset(by_kind.get("pronoun", ())),
        speech_nouns=frozenset(by_kind.get("speech_noun", ())),
        title_nouns=frozenset(by_kind.get("title_noun", ())),
        organisation_suffixes=frozenset(by_kind.get("organisation_suffix", ())),
        naming_verbs=frozenset(by_kind.get("naming_verb", ())),
        surnames=frozenset(read_lines(f"{_FOLDER}/surnames.txt")),
    )
