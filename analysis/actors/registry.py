"""Actors: who is named in an article, resolved against a dated registry.

The registry ships as data (``resources/actors/actors.csv``, ``resources/actors/actor_roles.csv``; each row
cites its source) and is extended with user CSV files in the same two formats (see
:meth:`ActorRegistry.load`). Persons, organisations and countries have a canonical name,
aliases, optional descriptions and demonyms, and (persons mostly) roles dated by
``valid_from`` / ``valid_to``.

Rules (decided here; every other module relies on them)
-------------------------------------------------------
**Names are case-sensitive, descriptions are not.** An alias ("NATO", "Stoltenberg",
"U.S.") matches only as written, so "nato" or "us" in running text are not mentions
("Nato", the British house style, is an alias of its own). A description ("the NATO
chief", "the South Korean president", "the presidential office") is compared lower-cased,
with "the" optional, curly apostrophes straightened and hyphens read as spaces.

**Whole words, longest match.** :meth:`ActorRegistry.find_mentions` scans with one
compiled regular expression built as a character trie over every alias, so a corpus of
millions of articles costs one pass each. A match must not start or end inside a word:
"Korea" is not found in "Koreans" and "UN" not in "UNESCO". At a position the longest
alias wins ("South Korea" over "Korea", "North Korea" is never South Korea), and phrases
listed in ``resources/actors/non_actors.txt`` ("Latin America", "Korean Peninsula") are consumed
without a mention. Demonyms ("Korean", "Japanese") are not mentions unless asked for
(``demonyms=True``): as adjectives they usually modify another target ("Japanese Prime
Minister Fumio Kishida").

**Countries and capitals.** "Korea" alone is South Korea, the convention of English-language
news. Capitals ("Seoul", "Pyongyang", "Washington", "Beijing") are places, not aliases of
their countries: "Yoon met Michel in Seoul" names a place, and reading the capital as the
government is left to the researcher.

**Surnames.** An alias shared by several registry actors ("Kim": Kim Keon-hee, Kim Eun-hye,
Kim Jong Un, ...; "Lee"; "Sullivan") is ambiguous and never resolved by itself.
:meth:`~ActorRegistry.find_mentions` resolves it in a text when (1) a title right before it
picks out one holder ("first lady Kim", "Sen. Sullivan", "President Lee" on the article's
date), or else (2) exactly one of the candidates is named unambiguously somewhere in the
same text ("Lee Do-woon ... said Lee"); otherwise the mention is left out. A one-word person
alias glued to another capitalised word ("Kim Jong Un" when only "Kim" were known, "Michel
Barnier", "Robert E. Lee") is part of someone else's name and is not a mention, and so is
one behind an office title that fits none of the person's roles ("Admiral Harris" is not
Kamala Harris; courtesy titles such as "Mr." say nothing).
:meth:`~ActorRegistry.resolve` and :meth:`~ActorRegistry.candidates` take an optional
``context`` (canonical names of actors or affiliations present in the article) for the same
purpose.

**Dates.** A role is valid from ``valid_from`` to ``valid_to`` inclusive (empty: open). On a
handover day both holders are valid and the one whose term starts that day wins, so "the NATO
chief" is Jens Stoltenberg up to 30 Sep 2024 and Mark Rutte from 1 Oct 2024. A description
that several actors fit on the date ("the president": the South Korean, U.S., European Council
and European Commission presidents in July 2023; "the senator"; "the secretary general" of
NATO and of the UN) is ambiguous: ``resolve`` returns None and ``candidates`` lists them all.
When no one holds the office (South Korea between Yoon Suk Yeol's removal on 4 Apr 2025 and
Lee Jae-myung's inauguration on 4 Jun 2025; acting presidents are not in the registry) the
description resolves to None. Without a date every role ever held counts. "former" before a
title or description ("former first lady Kim", "the former NATO chief") asks for holders whose
term ended before the date.

**Known limits.** Case-sensitivity means ALL-CAPS text (some headlines, "BY SARAH KIM") is
not searched. "Senate", "Congress" and "National Assembly" alone are read as the U.S.
Senate, the U.S. Congress and South Korea's National Assembly (the usual referents in the
news this package was built for; "state Senate" is excluded). A namesake who is not in the
registry (a reporter called Costa) is reported as the registry actor: fix such rows with
an overrides file (:func:`actors_frame`'s ``overrides``) or add the namesake to a user CSV.

**Speed.** Loading the shipped registry takes about 10 ms; scanning runs at about 5-8 MB of
text per second on one core (the seed article repeated 100 times, 0.6 MB: about 0.07 s;
840 news articles, 3.8 MB: about 0.7 s).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from os import PathLike
from pathlib import Path
from typing import Literal

import pandas as pd

from analysis._resources import read_lines, read_text
from analysis.actors.overrides import Override, apply_overrides, load_overrides
from analysis.errors import AnalysisError
from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.document import Document, as_documents

__all__ = [
    "ACTOR_COLUMNS",
    "KINDS",
    "ROLE_COLUMNS",
    "Actor",
    "ActorMention",
    "ActorRegistry",
    "Role",
    "actor_mentions",
    "actors_frame",
    "default_registry",
    "strip_titles",
]

Kind = Literal["person", "organisation", "country"]
KINDS: tuple[str, ...] = ("person", "organisation", "country")
ACTOR_COLUMNS: tuple[str, ...] = (
    "name",
    "kind",
    "aliases",
    "descriptions",
    "demonyms",
    "country",
    "source",
)
ROLE_COLUMNS: tuple[str, ...] = (
    "actor",
    "title",
    "affiliation",
    "valid_from",
    "valid_to",
    "descriptions",
    "source",
)
_REQUIRED_ACTOR_COLUMNS = ("name", "kind", "source")
_REQUIRED_ROLE_COLUMNS = ("actor", "title", "source")
_SHIPPED_ACTORS = "actors/actors.csv"
_SHIPPED_ROLES = "actors/actor_roles.csv"


# --- records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Role:
    """An office held by an actor between two dates (both inclusive; None = open).

    Examples
    --------
    >>> role = Role("Secretary General", "NATO", date(2014, 10, 1), date(2024, 10, 1), "nato.int")
    >>> role.valid_on(date(2023, 7, 11)), role.valid_on(date(2025, 1, 1))
    (True, False)
    """

    title: str
    affiliation: str | None
    valid_from: date | None
    valid_to: date | None
    source: str
    descriptions: tuple[str, ...] = ()

    def valid_on(self, on: date) -> bool:
        """Tell whether the role was held on ``on`` (bounds inclusive)."""
        started = self.valid_from is None or self.valid_from <= on
        not_ended = self.valid_to is None or on <= self.valid_to
        return started and not_ended


def _start_key(role: Role) -> date:
    return role.valid_from or date.min


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or country with its aliases and dated roles.

    Examples
    --------
    >>> yoon = default_registry().get("Yoon Suk Yeol")
    >>> yoon.kind, yoon.country
    ('person', 'South Korea')
    >>> yoon.role_on(date(2023, 7, 11)).title
    'President'
    >>> yoon.role_on(date(2025, 5, 1)) is None
    True
    """

    name: str
    kind: Kind
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    country: str | None
    source: str
    descriptions: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()

    def roles_on(self, on: date | None) -> tuple[Role, ...]:
        """Return every role held on ``on`` (all roles when ``on`` is None)."""
        if on is None:
            return self.roles
        return tuple(role for role in self.roles if role.valid_on(on))

    def role_on(self, on: date | None = None) -> Role | None:
        """Return the role held on ``on``, or the latest role when ``on`` is None.

        Of several roles held that day, the one that started last is returned (on a
        handover day that is the incoming office). None when no role was held.
        """
        roles = self.roles_on(on)
        if not roles:
            return None
        return max(roles, key=_start_key)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A registry actor named in a text: the span, the words as written and the actor."""

    start: int
    end: int
    text: str
    actor: str
    kind: str


# --- text normalisation ------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _description_key(text: str) -> str:
    """Return the comparison key of a description: lower case, "the" dropped, "-" as space."""
    text = text.replace("’", "'").replace("‘", "'").replace("-", " ").lower()
    text = _clean(text).strip(" .,;:")
    return _LEADING_ARTICLE.sub("", text)


@cache
def _title_meanings() -> Mapping[str, str]:
    """Map each shipped title (lower case) to the role title it stands for."""
    meanings: dict[str, str] = {}
    for line in read_lines("actors/titles.txt"):
        written, _, meaning = line.partition(" = ")
        meanings[written.strip().lower()] = _description_key(meaning or written)
    return meanings


@cache
def _title_pattern() -> re.Pattern[str]:
    titles = sorted(_title_meanings(), key=len, reverse=True)
    body = "|".join(re.escape(title) for title in titles)
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])", re.IGNORECASE)


@cache
def _title_before_pattern() -> re.Pattern[str]:
    """A title that ends right before a name ("first lady Kim": "first lady ")."""
    return re.compile(rf"(?:(?:former|ex-)\s*)?(?:{_title_pattern().pattern})\s+$", re.IGNORECASE)


@cache
def _title_last_words() -> frozenset[str]:
    return frozenset(title.split()[-1] for title in _title_meanings())


def _previous_word(text: str, position: int) -> tuple[int, str] | None:
    """Return (start, word) of the word one space before ``position``, else None."""
    if position < 2 or text[position - 1] != " " or text[position - 2].isspace():
        return None
    limit = max(0, position - 40)
    start = max(text.rfind(" ", limit, position - 1), text.rfind("\n", limit, position - 1))
    start = start + 1 if start >= 0 else limit
    return start, text[start : position - 1]


def _title_before(text: str, position: int) -> re.Match[str] | None:
    """Return the title that ends right before ``position`` ("first lady Kim"), if any."""
    previous = _previous_word(text, position)
    if previous is None or previous[1].lower() not in _title_last_words():
        return None  # cheap test first: most names follow "said", "and", "," ...
    return _title_before_pattern().search(text, max(0, position - 80), position)


def _title_meaning(title: str) -> str:
    return _title_meanings().get(_clean(title).lower(), _description_key(title))


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
    text = _clean(name)
    head, comma, tail = text.partition(", ")
    if comma and head and (tail[:1].islower() or _title_pattern().search(tail)):
        text = head
    name_start = 0
    for match in _title_pattern().finditer(text):
        rest = text[match.end() :].lstrip()
        if rest[:1].isupper():
            name_start = len(text) - len(rest)
    stripped = _LEADING_ARTICLE.sub("", text[name_start:]) if name_start else text
    return stripped or text


# --- the trie regex --------------------------------------------------------------------


def _trie_regex(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` factored as a character trie.

    Greedy optional groups try the longer continuation first, so at any position the
    longest word that is followed by a word boundary wins.

    Examples
    --------
    >>> _trie_regex(["Korea", "Kim", "Korea JoongAng Daily"])
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


# --- the registry ----------------------------------------------------------------------


class ActorRegistry:
    """Actors with their aliases, descriptions and dated roles; immutable once built.

    Build it with :meth:`load` (shipped data plus user CSV files) or, for a custom set,
    from :class:`Actor` records. See the module documentation for the matching rules.

    Examples
    --------
    >>> registry = default_registry()
    >>> registry.resolve("the NATO chief", date(2023, 7, 11)).name
    'Jens Stoltenberg'
    >>> registry.resolve("the NATO chief", date(2025, 3, 1)).name
    'Mark Rutte'
    >>> registry.resolve("Sen. Shaheen").name
    'Jeanne Shaheen'
    >>> registry.resolve("the senator", date(2023, 7, 11)) is None
    True
    >>> [m.actor for m in registry.find_mentions("South Korea and NATO met; North Korea did not.")]
    ['South Korea', 'NATO', 'North Korea']
    """

    def __init__(self, actors: Iterable[Actor], non_actors: Iterable[str] = ()) -> None:
        self._actors: tuple[Actor, ...] = tuple(actors)
        self._by_name: dict[str, Actor] = {}
        for actor in self._actors:
            if actor.name in self._by_name:
                raise ValueError(f"two actors are named {actor.name!r}; names must be unique")
            self._by_name[actor.name] = actor
        self._non_actors: tuple[str, ...] = tuple(non_actors)
        self._aliases: dict[str, tuple[str, ...]] = _index_aliases(self._actors)
        self._demonyms: dict[str, tuple[str, ...]] = _index_demonyms(self._actors)
        self._descriptions: dict[str, tuple[tuple[str, Role | None], ...]] = (
            self._index_descriptions()
        )

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        extra: str | PathLike[str] | Sequence[str | PathLike[str]] | None = None,
    ) -> ActorRegistry:
        """Return the shipped registry extended with the user CSV file(s) ``extra``.

        A user file has the columns of ``resources/actors/actors.csv`` (``name, kind, source`` are
        required; ``aliases, descriptions, demonyms, country`` optional) or of
        ``resources/actors/actor_roles.csv`` (``actor, title, source`` required; ``affiliation,
        valid_from, valid_to, descriptions`` optional); the header says which. Lists inside
        a cell are separated by ``|``, dates are ``YYYY-MM-DD``, lines starting with ``#``
        are comments. Actor files are read before role files, whatever the order given. A
        user actor with a shipped canonical name replaces the shipped actor's fields and
        keeps its roles; user roles are added to the actor's roles.

        Raises
        ------
        AnalysisError
            When a file is missing or malformed; the message names the file, the line and
            what to fix.

        Examples
        --------
        >>> len(ActorRegistry.load()) > 100
        True
        """
        tables = [(_SHIPPED_ACTORS, read_text(_SHIPPED_ACTORS))]
        tables.append((_SHIPPED_ROLES, read_text(_SHIPPED_ROLES)))
        for path in _as_paths(extra):
            tables.append((str(path), _read_user_file(path)))
        parsed = [(label, *_parse_table(label, text)) for label, text in tables]
        builder = _Builder()
        for label, table_kind, rows in parsed:
            if table_kind == "actors":
                builder.add_actors(label, rows)
        for label, table_kind, rows in parsed:
            if table_kind == "roles":
                builder.add_roles(label, rows)
        return cls(builder.actors(), read_lines("actors/non_actors.txt"))

    def _index_descriptions(self) -> dict[str, tuple[tuple[str, Role | None], ...]]:
        index: dict[str, list[tuple[str, Role | None]]] = {}
        for actor in self._actors:
            for description in actor.descriptions:
                _add_unique(index, _description_key(description), (actor.name, None))
            for role in actor.roles:
                for phrase in self._role_phrases(role):
                    _add_unique(index, _description_key(phrase), (actor.name, role))
        return {key: tuple(entries) for key, entries in index.items()}

    def _role_phrases(self, role: Role) -> Iterator[str]:
        yield role.title
        yield from role.descriptions
        title = role.title.lower()
        names, adjectives = self._affiliation_words(role.affiliation)
        for name in names:
            yield f"{name} {title}"
            yield f"{title} of {name}"
            yield f"{title} of the {name}"
            yield f"{name}'s {title}"
        for adjective in adjectives:
            yield f"{adjective} {title}"

    def _affiliation_words(self, affiliation: str | None) -> tuple[list[str], list[str]]:
        if not affiliation:
            return [], []
        body = self._by_name.get(affiliation)
        if body is None:
            return [affiliation], []
        names, adjectives = [body.name, *body.aliases], list(body.demonyms)
        home = self._by_name.get(body.country or "")
        if home is not None and home is not body:
            names += [home.name, *home.aliases]
            adjectives += list(home.demonyms)
        return names, adjectives

    # -- access ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __repr__(self) -> str:
        return f"<ActorRegistry: {len(self._actors)} actors>"

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every actor, in file order."""
        return self._actors

    def get(self, name: str) -> Actor | None:
        """Return the actor with canonical name or unambiguous alias ``name``, else None.

        Examples
        --------
        >>> default_registry().get("Stoltenberg").name
        'Jens Stoltenberg'
        >>> default_registry().get("Kim") is None   # several actors share it
        True
        """
        name = _clean(name)
        if name in self._by_name:
            return self._by_name[name]
        names = self._aliases.get(name, ())
        return self._by_name[names[0]] if len(names) == 1 else None

    # -- resolution -----------------------------------------------------------------------

    def candidates(
        self,
        description: str,
        on: date | None = None,
        *,
        context: Iterable[str] | None = None,
    ) -> tuple[Actor, ...]:
        """Return every actor ``description`` may denote on ``on``, in registry order.

        ``description`` is a name or alias ("Stoltenberg", "Kim"), a name behind titles
        ("Sen. Shaheen", "first lady Kim": the title narrows a shared surname to the holders
        of that title), or a description ("the senator", "the NATO chief", "the presidential
        office"). ``context`` (canonical names of actors or affiliations present in the
        article) narrows an ambiguous answer to the candidates it names, or whose role on
        the date belongs to an affiliation it names, when any does.

        Examples
        --------
        >>> registry = default_registry()
        >>> [a.name for a in registry.candidates("the secretary general", date(2023, 7, 11))]
        ['Jens Stoltenberg', 'Antonio Guterres']
        >>> [a.name for a in registry.candidates("the secretary general", date(2023, 7, 11),
        ...                                      context=["NATO"])]
        ['Jens Stoltenberg']
        >>> [a.name for a in registry.candidates("first lady Kim", date(2023, 7, 11))]
        ['Kim Keon-hee']
        """
        text = _clean(description)
        if not text:
            return ()
        names = self._aliases.get(text)
        if names is None:
            names = self._candidates_behind_title(text, on)
        if names is None:
            names = self._described(_description_key(text), on)
        actors = tuple(self._by_name[name] for name in names)
        if context is not None and len(actors) > 1:
            actors = _narrow_by_context(actors, set(context), on) or actors
        return actors

    def resolve(
        self,
        mention: str,
        on: date | None = None,
        *,
        context: Iterable[str] | None = None,
    ) -> Actor | None:
        """Return the one actor ``mention`` denotes on ``on``, or None (unknown or ambiguous).

        Examples
        --------
        >>> registry = default_registry()
        >>> registry.resolve("President Yoon").name
        'Yoon Suk Yeol'
        >>> registry.resolve("the South Korean president", date(2025, 7, 1)).name
        'Lee Jae-myung'
        >>> registry.resolve("the South Korean president", date(2025, 5, 1)) is None
        True
        >>> registry.resolve("the president", date(2023, 7, 11)) is None  # several countries
        True
        >>> registry.resolve("Seoul") is None
        True
        """
        found = self.candidates(mention, on, context=context)
        return found[0] if len(found) == 1 else None

    def _candidates_behind_title(self, text: str, on: date | None) -> tuple[str, ...] | None:
        """Resolve "Title Name": None when what is left after the titles is not an alias."""
        name = strip_titles(text)
        if name == text:
            name = _LEADING_ARTICLE.sub("", text)
        names = self._aliases.get(name)
        if names is None:
            return None
        title = text[: max(text.find(name), 0)].strip()
        if not title:
            return names
        names = tuple(n for n in names if _title_fits(self._by_name[n], title))  # "Admiral Harris"
        if len(names) > 1:
            return self._narrow_by_title(names, title, on) or names
        return names

    def _narrow_by_title(
        self, names: Sequence[str], title: str, on: date | None
    ) -> tuple[str, ...]:
        """Keep the ``names`` that hold an office the ``title`` (e.g. "first lady") names."""
        keys = [_description_key(title)]
        keys += [_title_meaning(match.group()) for match in _title_pattern().finditer(title)]
        if on is not None and _FORMER.search(title):  # "former first lady Kim"
            holders = {holder for key in keys for holder in self._former_holders(key, on)}
            return tuple(name for name in names if name in holders)
        for when in (on, None) if on is not None else (None,):
            holders = {holder for key in keys for holder in self._holders(key, when)}
            narrowed = tuple(name for name in names if name in holders)
            if narrowed:  # holders on the date, else anyone who ever held it ("former")
                return narrowed
        return ()

    def _described(self, key: str, on: date | None) -> tuple[str, ...]:
        former = _FORMER_KEY.match(key)
        if former is None or on is None:
            return self._holders(key, on)
        holders = self._former_holders(key[former.end() :], on)
        return tuple(name for name in self._holders(key[former.end() :], None) if name in holders)

    def _former_holders(self, key: str, on: date) -> set[str]:
        return {
            name
            for name, role in self._descriptions.get(key, ())
            if role is not None and role.valid_to is not None and role.valid_to < on
        }

    def _holders(self, key: str, on: date | None) -> tuple[str, ...]:
        names: list[str] = []
        for name, role in self._descriptions.get(key, ()):
            if (role is None or on is None or role.valid_on(on)) and name not in names:
                names.append(name)
        if on is not None and len(names) > 1:
            names = _prefer_incoming(names, key, on, self._descriptions.get(key, ()))
        return tuple(names)

    # -- mentions in text -----------------------------------------------------------------

    @cached_property
    def _one_word_person_aliases(self) -> frozenset[str]:
        return frozenset(
            alias
            for alias, names in self._aliases.items()
            if " " not in alias and all(self._by_name[n].kind == "person" for n in names)
        )

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        return _compile_mentions([*self._aliases, *self._non_actors])

    @cached_property
    def _pattern_with_demonyms(self) -> re.Pattern[str]:
        return _compile_mentions([*self._aliases, *self._demonyms, *self._non_actors])

    def find_mentions(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        on: date | None = None,
        demonyms: bool = False,
    ) -> list[ActorMention]:
        """Return the registry actors named in ``text[start:end]``, in text order.

        Mentions are whole-word, longest-match, non-overlapping and case-sensitive; a
        surname shared by several actors is kept only when a title before it or the rest of
        ``text`` settles it (see the module documentation). ``on`` (the article's date)
        lets a title pick the holder of that day; ``demonyms=True`` also reports
        nationality words ("Japanese") as mentions of their country.

        Examples
        --------
        >>> text = "Lee Do-woon said Korea’s talks with Koreans abroad went well, Lee added."
        >>> [(m.text, m.actor, m.start) for m in default_registry().find_mentions(text)]
        [('Lee Do-woon', 'Lee Do-woon', 0), ('Korea', 'South Korea', 17), ('Lee', 'Lee Do-woon', 62)]
        """
        end = len(text) if end is None else end
        pattern = self._pattern_with_demonyms if demonyms else self._pattern
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for match in pattern.finditer(text, start, end):
            names = self._aliases.get(match.group())
            if names is None and demonyms:
                names = self._demonyms.get(match.group())
            if names is None or self._inside_other_name(text, match, names):
                continue
            found.append((match.start(), match.end(), names))
        named = {names[0] for _, _, names in found if len(names) == 1}
        mentions = []
        for begin, finish, names in found:
            actor = self._settle(text, begin, names, named, on)
            if actor is not None:
                mentions.append(
                    ActorMention(begin, finish, text[begin:finish], actor.name, actor.kind)
                )
        return mentions

    def _inside_other_name(self, text: str, match: re.Match[str], names: tuple[str, ...]) -> bool:
        """Tell whether a one-word person alias is someone else's name.

        It is when it is glued to another capitalised name word ("Michel Barnier", "Robert
        E. Lee") or when an office title before it fits none of the candidates' roles
        ("Admiral Harris").
        """
        if match.group() not in self._one_word_person_aliases:
            return False
        if _NEXT_NAME_WORD.match(text, match.end()):
            return True
        title = _title_before(text, match.start())
        if title is not None:
            return not any(_title_fits(self._by_name[name], title.group()) for name in names)
        previous = _previous_word(text, match.start())
        if previous is None:
            return False
        word_start, word = previous
        if not _NAME_WORD.fullmatch(word) or word.lower() in _title_meanings():
            return False
        return not _SENTENCE_START.search(text, max(0, word_start - 3), word_start)

    def _settle(
        self, text: str, begin: int, names: tuple[str, ...], named: set[str], on: date | None
    ) -> Actor | None:
        if len(names) == 1:
            return self._by_name[names[0]]
        title = _title_before(text, begin)
        if title is not None:
            names = self._narrow_by_title(names, title.group(), on) or names
        if len(names) > 1:
            names = tuple(name for name in names if name in named)
        return self._by_name[names[0]] if len(names) == 1 else None


_FORMER = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)
_FORMER_KEY = re.compile(r"(?:former|ex) ")
_NEXT_NAME_WORD = re.compile(r" [A-Z][a-z]")
_NAME_WORD = re.compile(r"[A-Z](?:[\w\-]*[a-z][\w\-]*|\.)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"‘(\n]\s*)$")


def _title_fits(actor: Actor, title: str) -> bool:
    """Tell whether ``title`` (e.g. "Sen.", "Admiral") may be written before ``actor``.

    Courtesy titles and actors without roles always fit; an office title fits when its
    words are among the words of one of the actor's role titles or descriptions.
    """
    meanings = [_title_meaning(match.group()) for match in _title_pattern().finditer(title)]
    if not actor.roles or not meanings or "*" in meanings:
        return True
    for role in actor.roles:
        words = set(_description_key(" ".join((role.title, *role.descriptions))).split())
        if any(set(meaning.split()) <= words for meaning in meanings):
            return True
    return False


def _compile_mentions(words: Iterable[str]) -> re.Pattern[str]:
    words = sorted(set(words))
    return re.compile(rf"(?<!\w)(?:{_trie_regex(words)})(?!\w)")


def _add_unique(index: dict[str, list], key: str, entry: tuple) -> None:
    entries = index.setdefault(key, [])
    if entry not in entries:
        entries.append(entry)


def _index_aliases(actors: Sequence[Actor]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for actor in actors:
        for written in (actor.name, *actor.aliases):
            # "People's" and "People’s": both apostrophes are written in news.
            for alias in dict.fromkeys((written, *_apostrophe_twins(written))):
                names = index.setdefault(alias, [])
                if actor.name not in names:
                    names.append(actor.name)
    return {alias: tuple(names) for alias, names in index.items()}


def _apostrophe_twins(alias: str) -> tuple[str, ...]:
    return (alias.replace("'", "’"), alias.replace("’", "'"))


def _index_demonyms(actors: Sequence[Actor]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for actor in actors:
        for demonym in actor.demonyms:
            index.setdefault(demonym, []).append(actor.name)
    return {word: tuple(names) for word, names in index.items()}


def _prefer_incoming(
    names: list[str], key: str, on: date, entries: Sequence[tuple[str, Role | None]]
) -> list[str]:
    """On a handover day keep the holder whose term starts that day."""
    incoming = [name for name, role in entries if role is not None and role.valid_from == on]
    outgoing = {name for name, role in entries if role is not None and role.valid_to == on}
    if incoming and outgoing:
        return [name for name in names if name not in outgoing or name in incoming]
    return names


def _narrow_by_context(
    actors: Sequence[Actor], context: set[str], on: date | None
) -> tuple[Actor, ...]:
    kept = []
    for actor in actors:
        affiliations = {role.affiliation for role in actor.roles_on(on)}
        if actor.name in context or affiliations & context:
            kept.append(actor)
    return tuple(kept)


# --- reading and validating CSV files --------------------------------------------------


def _as_paths(extra: str | PathLike[str] | Sequence[str | PathLike[str]] | None) -> list[Path]:
    if extra is None:
        return []
    if isinstance(extra, str | PathLike):
        return [Path(extra)]
    return [Path(item) for item in extra]


def _read_user_file(path: Path) -> str:
    if not path.is_file():
        raise AnalysisError("no such actors file; check the path", path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise AnalysisError("not UTF-8 text; save the CSV as UTF-8", path) from None


def _parse_table(label: str, text: str) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    """Return ("actors" | "roles", [(line number, row)]) for one CSV file."""
    numbered = [
        (n, line) for n, line in enumerate(text.splitlines(), 1) if not line.startswith("#")
    ]
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if not numbered:
        raise AnalysisError(f"no header line; start with {','.join(ACTOR_COLUMNS)}", label)
    reader = csv.reader(io.StringIO("\n".join(line for _, line in numbered)))
    header = [column.strip() for column in next(reader)]
    table_kind = _table_kind(label, header)
    rows = []
    for cells in reader:
        line = numbered[min(reader.line_num, len(numbered)) - 1][0]
        if len(cells) > len(header):
            raise AnalysisError(
                f"line {line}: {len(cells)} cells but {len(header)} columns; "
                "quote cells that contain commas",
                label,
            )
        row = {
            column: unicodedata.normalize("NFC", cell.strip())
            for column, cell in zip(header, cells, strict=False)
        }
        rows.append((line, row))
    return table_kind, rows


def _table_kind(label: str, header: list[str]) -> str:
    """Return "actors" or "roles" from the header, which must name known columns only."""
    if "title" in header or "actor" in header:
        table_kind, known, required = "roles", ROLE_COLUMNS, _REQUIRED_ROLE_COLUMNS
    elif "name" in header or "kind" in header:
        table_kind, known, required = "actors", ACTOR_COLUMNS, _REQUIRED_ACTOR_COLUMNS
    else:
        raise AnalysisError(
            f"header {','.join(header)!r} is neither an actors file ({','.join(ACTOR_COLUMNS)}) "
            f"nor a roles file ({','.join(ROLE_COLUMNS)}); fix the first line",
            label,
        )
    unknown = [column for column in header if column not in known]
    missing = [column for column in required if column not in header]
    if unknown or missing:
        problems = []
        if missing:
            problems.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            problems.append(f"unknown column(s) {', '.join(unknown)}")
        raise AnalysisError(
            f"{'; '.join(problems)} in the header of a {table_kind} file; "
            f"the columns are {','.join(known)}",
            label,
        )
    return table_kind


def _split_list(cell: str | None) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(dict.fromkeys(_clean(item) for item in cell.split("|") if item.strip()))


def _parse_date(label: str, line: int, column: str, cell: str | None) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        raise AnalysisError(
            f"line {line}: {column} {cell!r} is not a date; write it as YYYY-MM-DD or leave it empty",
            label,
        ) from None


def _required(label: str, line: int, row: Mapping[str, str], column: str, what: str) -> str:
    value = _clean(row.get(column) or "")
    if not value:
        raise AnalysisError(f"line {line}: {column} is empty; {what}", label)
    return value


class _Builder:
    """Collect actors and roles from validated rows, in order."""

    def __init__(self) -> None:
        self._fields: dict[str, dict] = {}
        self._roles: dict[str, list[Role]] = {}

    def add_actors(self, label: str, rows: Sequence[tuple[int, dict[str, str]]]) -> None:
        seen: set[str] = set()
        for line, row in rows:
            name = _required(label, line, row, "name", "give the actor's canonical name")
            if name in seen:
                raise AnalysisError(
                    f"line {line}: actor {name!r} is listed twice; merge the rows", label
                )
            seen.add(name)
            kind = _clean(row.get("kind") or "").lower().replace("organization", "organisation")
            if kind not in KINDS:
                raise AnalysisError(
                    f"line {line}: kind {row.get('kind')!r} is not one of {', '.join(KINDS)}; "
                    "fix the kind column",
                    label,
                )
            source = _required(label, line, row, "source", "give a URL, or outlet, date and title")
            self._fields[name] = {
                "name": name,
                "kind": kind,
                "aliases": tuple(a for a in _split_list(row.get("aliases")) if a != name),
                "country": _clean(row.get("country") or "") or None,
                "source": source,
                "descriptions": _split_list(row.get("descriptions")),
                "demonyms": _split_list(row.get("demonyms")),
                "_where": (label, line),
            }
            self._roles.setdefault(name, [])

    def add_roles(self, label: str, rows: Sequence[tuple[int, dict[str, str]]]) -> None:
        for line, row in rows:
            name = _required(label, line, row, "actor", "give the canonical name of the actor")
            if name not in self._fields:
                raise AnalysisError(
                    f"line {line}: actor {name!r} is not in the registry; add it to an actors "
                    f"file (columns {','.join(ACTOR_COLUMNS)}) or use its canonical name",
                    label,
                )
            valid_from = _parse_date(label, line, "valid_from", row.get("valid_from"))
            valid_to = _parse_date(label, line, "valid_to", row.get("valid_to"))
            if valid_from and valid_to and valid_to < valid_from:
                raise AnalysisError(
                    f"line {line}: valid_to {valid_to} is before valid_from {valid_from}; "
                    "swap or fix the dates",
                    label,
                )
            role = Role(
                title=_required(label, line, row, "title", "give the office, e.g. President"),
                affiliation=_clean(row.get("affiliation") or "") or None,
                valid_from=valid_from,
                valid_to=valid_to,
                source=_required(
                    label, line, row, "source", "give a URL, or outlet, date and title"
                ),
                descriptions=_split_list(row.get("descriptions")),
            )
            self._roles[name].append(role)

    def actors(self) -> list[Actor]:
        countries = {name for name, fields in self._fields.items() if fields["kind"] == "country"}
        actors = []
        for name, fields in self._fields.items():
            label, line = fields.pop("_where")
            if fields["country"] and fields["country"] not in countries:
                raise AnalysisError(
                    f"line {line}: country {fields['country']!r} is not a country in the registry; "
                    "use a country's canonical name (e.g. South Korea) or add the country",
                    label,
                )
            roles = tuple(sorted(self._roles[name], key=_start_key))
            actors.append(Actor(roles=roles, **fields))
        return actors


# --- the shipped registry and the frames -------------------------------------------------


@cache
def default_registry() -> ActorRegistry:
    """Return the registry of shipped data only (cached; build others with ``load``).

    Examples
    --------
    >>> default_registry() is default_registry()
    True
    """
    return ActorRegistry.load()


def actor_mentions(
    articles: str | Article | Document | Iterable[str | Article | Document],
    registry: ActorRegistry | None = None,
) -> list[tuple[str, ActorMention]]:
    """Return ``(article_id, mention)`` for every registry actor named in ``articles``.

    The article's publication date settles titled surnames ("first lady Kim").

    Examples
    --------
    >>> [(aid, m.actor) for aid, m in actor_mentions("Stoltenberg met Yoon in Vilnius.")]
    [('text', 'Jens Stoltenberg'), ('text', 'Yoon Suk Yeol')]
    """
    registry = registry or default_registry()
    found = []
    for doc in as_documents(articles):
        for mention in registry.find_mentions(doc.text, on=doc.article.published):
            found.append((doc.article_id, mention))
    return found


def actors_frame(
    articles: str | Article | Document | Iterable[str | Article | Document],
    registry: ActorRegistry | None = None,
    overrides: str | PathLike[str] | Iterable[Override] | None = None,
) -> pd.DataFrame:
    """Return one row per actor mention: offsets, actor, kind, and role on the article's date.

    ``role`` and ``affiliation`` are those of the role held on the article's publication
    date (empty for an undated article, so no office is attributed out of time).
    ``overrides`` (a CSV path or :class:`~analysis.actors.overrides.Override` records, ``what`` =
    ``actors``, offset = the mention's ``start``) fixes or drops mentions on every run: set
    ``actor`` (and ``kind``) of a mention, or ``drop`` a false one.

    Examples
    --------
    >>> from analysis.text.articles import Article
    >>> article = Article(article_id="a1", text="NATO chief Stoltenberg met Yoon.",
    ...                   published=date(2023, 7, 11))
    >>> actors_frame(article)[["mention", "actor", "role", "affiliation"]].values.tolist()
    [['NATO', 'NATO', <NA>, <NA>], ['Stoltenberg', 'Jens Stoltenberg', 'Secretary General', 'NATO'], ['Yoon', 'Yoon Suk Yeol', 'President', 'South Korea']]
    """
    registry = registry or default_registry()
    corrections = _overrides(overrides)
    rows = []
    for doc in as_documents(articles):
        published = doc.article.published
        mentions = registry.find_mentions(doc.text, on=published)
        if corrections:
            mentions = apply_overrides(
                mentions, corrections, article_id=doc.article_id, what="actors"
            )
        for mention in mentions:
            actor = registry.get(mention.actor) if mention.actor else None
            role = actor.role_on(published) if actor is not None and published else None
            rows.append(
                {
                    "article_id": doc.article_id,
                    "start": mention.start,
                    "end": mention.end,
                    "mention": mention.text,
                    "actor": mention.actor,
                    "kind": mention.kind,
                    "role": role.title if role else None,
                    "affiliation": role.affiliation if role else None,
                    "country": actor.country if actor else None,
                }
            )
    return conform(rows, "actors")


def _overrides(
    overrides: str | PathLike[str] | Iterable[Override] | None,
) -> tuple[Override, ...]:
    if overrides is None:
        return ()
    if isinstance(overrides, str | PathLike):
        return load_overrides(overrides)
    return tuple(overrides)
