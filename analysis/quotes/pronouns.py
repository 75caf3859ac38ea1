"""Who "he" and "she" may stand for: the gender and person-hood of candidate speakers.

:class:`Genders` answers the two questions :meth:`analysis.quotes.resolve.Resolver.pronoun_candidate`
asks of each candidate, once per article: is it a person (a pronoun never resolves to an
organisation, web boilerplate or a product name), and what gender is it known to have
(:mod:`analysis.actors.gender`: the registry, the article's honorifics, the first name,
the article's pronouns)?
"""

from __future__ import annotations

import re
from functools import cache

from analysis.actors.gender import ArticleGenders, first_name_gender, registry_gender
from analysis.actors.registry import ActorRegistry
from analysis.quotes.speaker_index import Speakers
from analysis.quotes.speaker_kinds import (
    anonymous_words,
    described_organisations,
    looks_like_person,
    self_referring_organisations,
)
from analysis.quotes.words import words

__all__ = ["PRONOUN_CANDIDATES", "Genders"]

#: A speaker quoted by one name word only ("Berg"), not a possessive ("Chile's").
_SURNAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")

#: An age after a name, the news sign of a person: "Lina Kovaite, a 34-year-old
#: volunteer", "Erik Halvorsen, 52,".
_AGE_AFTER = r",\s+(?:an?\s+)?\d{1,3}(?:-year-old\b|,)"

#: Most words of an apposition read for a person's noun ("Ruiz, a Democrat and former
#: school principal running for ...").
PERSON_APPOSITION_MAX_WORDS = 6

#: Most earlier speakers a pronoun is checked against (latest first).
PRONOUN_CANDIDATES = 8


class Genders:
    """Gender and person-hood of the actors one article's pronouns may stand for.

    Examples
    --------
    >>> from analysis.actors.registry import default_registry
    >>> genders = Genders("Ms. Vogt spoke. Article Continued Below", default_registry())
    >>> genders.of("Lea Vogt"), genders.of("Kamala Harris"), genders.of("Peter Hale")
    ('female', 'female', 'male')
    >>> genders.is_person("Lea Vogt", False, Speakers()), genders.is_person("NATO", True, Speakers())
    (True, False)
    >>> genders.is_person("Article Continued Below", False, Speakers())
    False
    """

    def __init__(self, text: str, registry: ActorRegistry) -> None:
        self.registry = registry
        self.article = ArticleGenders(text)
        self.text = text
        self._aged: dict[str, bool] = {}
        self._apposed: dict[str, bool] = {}
        self._organisations: frozenset[str] | None = None

    def organisations(self) -> frozenset[str]:
        """Names the article describes as organisations ("X, a watchdog group"), read once."""
        if self._organisations is None:
            self._organisations = (described_organisations(self.text)
                                   | self_referring_organisations(self.text))
        return self._organisations

    def aged(self, actor: str) -> bool:
        """Tell whether the article gives ``actor`` an age ("Lina Kovaite, a 34-year-old")."""
        if actor not in self._aged:
            pattern = re.compile(rf"\b{re.escape(actor)}{_AGE_AFTER}")
            self._aged[actor] = pattern.search(self.text) is not None
        return self._aged[actor]

    def apposed_person(self, actor: str) -> bool:
        """Tell whether the article describes ``actor`` as a person in apposition.

        "Ruiz, a Democrat and former principal", "Ruiz, who was elected in 2022": the
        surname, a comma and a relative "who" or an article and, within
        :data:`PERSON_APPOSITION_MAX_WORDS` words, a person's noun (an office word, a
        source or party member's noun of ``actors/anonymous_speakers.csv``); or such a
        noun and a comma right before the name ("Her deputy, Callum Reid").

        Examples
        --------
        >>> from analysis.actors.registry import default_registry
        >>> genders = Genders("Ruiz, a Democrat and former principal, spoke. "
        ...                   "Hale, who was elected in 2022, agreed. Nuvio, a firm, hired. "
        ...                   "Her deputy, Cal Reid, left.", default_registry())
        >>> [genders.apposed_person(n) for n in ("Ana Ruiz", "Hale", "Nuvio", "Cal Reid")]
        [True, True, False, True]
        """
        if actor not in self._apposed:
            surname = re.escape(actor.split()[-1])
            pattern = re.compile(rf"\b{surname},\s+(?:who\b|(?:an?|the)\s+(?P<words>"
                                 rf"(?:[\w’'-]+\s+){{0,{PERSON_APPOSITION_MAX_WORDS - 1}}}[\w’'-]+))")
            before = re.compile(rf"\b(?P<noun>[\w’'-]+),\s+(?:[A-Z][\w’'.-]*\s+){{0,2}}{surname}\b")
            self._apposed[actor] = any(
                match.group("words") is None
                or _person_nouns() & set(match.group("words").lower().split())
                for match in pattern.finditer(self.text)) or any(
                match.group("noun").lower() in _person_nouns()
                for match in before.finditer(self.text))
        return self._apposed[actor]

    def of(self, actor: str) -> str | None:
        """Return the gender known for ``actor``, or None (nothing barred)."""
        return (registry_gender(self.registry, actor) or self.article.of(actor, pronouns=False)
                or first_name_gender(actor) or self.article.of(actor))

    def is_person(self, actor: str, spoke: bool, speakers: Speakers,
                  titled: bool = False) -> bool:
        """Tell whether ``actor`` may be the person a pronoun stands for.

        A registry actor is a person when the registry says so. Otherwise a speaker
        already quoted (``spoke``) is one when it is written as a person's name; a
        sentence's subject name only with some sign of a person: an office or
        courtesy title written before it (``titled``: "Philippine President Ferdinand
        Marcos Jr."), a first name of the list, a gender the article gives it, a
        surname already quoted, an age after the name, or a person's apposition
        (:meth:`apposed_person`).
        """
        record = self.registry.get(actor)
        if record is not None:
            return record.kind == "person"
        if actor in self.organisations():
            return False
        if spoke:
            return looks_like_person(actor) or _SURNAME.fullmatch(actor) is not None
        if not looks_like_person(actor):
            return False
        return (titled or first_name_gender(actor) is not None
                or self.article.of(actor) is not None
                or speakers.latest_with_word(actor.split()[-1]) is not None
                or self.aged(actor) or self.apposed_person(actor))


@cache
def _person_nouns() -> frozenset[str]:
    """Nouns that make an apposition a person's: offices, sources, party members."""
    return words("title_word") | anonymous_words("head") | anonymous_words("member")
