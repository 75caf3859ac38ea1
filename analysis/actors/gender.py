"""Gender and number of speakers, for pronoun agreement ("he" is never a woman named).

What is known about a person's gender comes, in this order of trust, from:

1. the actor registry (the optional ``gender`` column of an actors file, filled for
   persons whose source states it);
2. the article's firm cues (:class:`ArticleGenders`): an honorific before the surname
   ("Mr. Berg", "Ms. Hart"), a spouse named with the possessive ("Berg's wife": Berg is
   a man);
3. the first name, from ``resources/actors/first_names.csv`` (hand-compiled; names
   given to both genders are left out, so a name not listed gives no gender);
4. the article's pronouns: the first third-person pronoun after a mention of the name
   in its sentence, when no other name comes between ("Hart arrived late; she said").

The cues of an article are counted per surname and the majority kept; a tie gives
nothing.

Nothing known means nothing barred: a pronoun agrees with a speaker of unknown gender.
Pronouns have a gender or are plural (:func:`pronoun_gender`); the words are those of
``resources/actors/gender_words.csv``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from analysis._resources import read_csv_rows
from analysis.actors.registry import ActorRegistry

__all__ = [
    "FEMALE",
    "MALE",
    "PLURAL",
    "ArticleGenders",
    "agrees",
    "first_name_gender",
    "gender_words",
    "pronoun_gender",
    "registry_gender",
]

FEMALE = "female"
MALE = "male"
#: The number of "they", "them", "their": an organisation or a group.
PLURAL = "plural"
#: Characters after a name searched for the first pronoun that tells its gender.
PRONOUN_WINDOW = 120
#: A capitalised word (a name word) or a sentence end: what stops the pronoun search.
_NAME_OR_END = re.compile(r"(?<![\w’'])[A-Z][a-z][\w’'-]*|[.!?]\s|\n")
_WORD = re.compile(r"[A-Za-z]+")


@cache
def gender_words(kind: str) -> dict[str, str]:
    """Return the words of one ``kind`` (honorific, pronoun, relation) -> their gender.

    Examples
    --------
    >>> gender_words("honorific")["ms"], gender_words("pronoun")["they"]
    ('female', 'plural')
    """
    return {row["word"]: row["gender"] for row in read_csv_rows("actors/gender_words.csv")
            if row["kind"] == kind}


@cache
def _first_names() -> dict[str, str]:
    return {row["name"]: row["gender"] for row in read_csv_rows("actors/first_names.csv")}


def pronoun_gender(pronoun: str) -> str | None:
    """Return "female", "male" or "plural" for a third-person pronoun, else None.

    Examples
    --------
    >>> pronoun_gender("She"), pronoun_gender("him"), pronoun_gender("they"), pronoun_gender("I")
    ('female', 'male', 'plural', None)
    """
    return gender_words("pronoun").get(pronoun.lower())


def first_name_gender(name: str) -> str | None:
    """Return the gender the first word of ``name`` is given to, or None when unlisted.

    Examples
    --------
    >>> first_name_gender("Maria Lopez"), first_name_gender("Tomas Berg"), first_name_gender("Kim")
    ('female', None, None)
    >>> first_name_gender("Peter Hale")
    'male'
    """
    parts = name.split()
    return _first_names().get(parts[0]) if len(parts) > 1 else None


def registry_gender(registry: ActorRegistry, actor: str) -> str | None:
    """Return the gender the registry gives ``actor`` (persons whose source states it).

    Examples
    --------
    >>> from analysis.actors.registry import default_registry
    >>> registry_gender(default_registry(), "Kamala Harris"), registry_gender(default_registry(), "NATO")
    ('female', None)
    """
    record = registry.get(actor)
    return record.gender if record is not None else None


def agrees(pronoun: str | None, gender: str | None) -> bool:
    """Tell whether a pronoun's gender (:func:`pronoun_gender`) fits a person's ``gender``.

    Unknown on either side agrees; "he" never fits a woman, "she" never a man.

    Examples
    --------
    >>> agrees("male", "female"), agrees("male", None), agrees("female", "female")
    (False, True, True)
    """
    return pronoun is None or gender is None or pronoun == gender


class ArticleGenders:
    """What one article says about the gender of the names it holds, read once.

    :meth:`of` gives the gender of a name (a surname, or a full name: its last word is
    looked up) from honorifics, possessive spouses and the pronouns that follow its
    mentions (see the module docstring), or None.

    Examples
    --------
    >>> genders = ArticleGenders("Ms. Hart spoke first. Tomas Berg said he agreed. "
    ...                          "Berg's wife was there.")
    >>> genders.of("Lena Hart"), genders.of("Berg"), genders.of("Vogt")
    ('female', 'male', None)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._votes: dict[str, Counter[str]] | None = None
        self._firm: dict[str, Counter[str]] | None = None

    def of(self, name: str, pronouns: bool = True) -> str | None:
        """Return the gender the article gives the last word of ``name``, or None.

        With ``pronouns`` False only the firm cues count (honorifics, spouses), not
        the pronouns that follow the name.
        """
        parts = name.split()
        if not parts:
            return None
        self.votes()
        table = self._votes if pronouns else self._firm
        votes = table.get(parts[-1]) if table is not None else None
        if not votes:
            return None
        ranked = votes.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    def votes(self) -> dict[str, Counter[str]]:
        """Each capitalised word of the article -> the gender cues counted for it."""
        if self._votes is None:
            self._votes = {}
            self._count_honorifics()
            self._count_relations()
            self._firm = {word: Counter(votes) for word, votes in self._votes.items()}
            self._count_pronouns()
        return self._votes

    def _vote(self, word: str, gender: str) -> None:
        if gender in (FEMALE, MALE):
            self._votes.setdefault(word, Counter())[gender] += 1  # type: ignore[union-attr]

    def _count_honorifics(self) -> None:
        titles = "|".join(sorted(map(re.escape, gender_words("honorific")), key=len, reverse=True))
        pattern = re.compile(rf"\b({titles})\.?\s+([A-Z][\w’'-]+)", re.IGNORECASE)
        honorifics = gender_words("honorific")
        for match in pattern.finditer(self.text):
            if match.group(2)[:1].isupper() and match.group(1)[:1].isupper():
                self._vote(match.group(2), honorifics[match.group(1).lower()])

    def _count_relations(self) -> None:
        relations = "|".join(map(re.escape, gender_words("relation")))
        pattern = re.compile(rf"\b([A-Z][\w-]+)[’']s\s+(?:former\s+|late\s+)?({relations})\b")
        for match in pattern.finditer(self.text):
            self._vote(match.group(1), gender_words("relation")[match.group(2)])

    def _count_pronouns(self) -> None:
        pronouns = gender_words("pronoun")
        for name in re.finditer(r"\b[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*)*", self.text):
            end = name.end()
            stop = _NAME_OR_END.search(self.text, end, end + PRONOUN_WINDOW)
            limit = stop.start() if stop is not None else min(len(self.text), end + PRONOUN_WINDOW)
            for word in _WORD.finditer(self.text, end, limit):
                gender = pronouns.get(word.group().lower())
                if gender is not None:
                    last = name.group().split()[-1]
                    self._vote(last, gender)
                    break
