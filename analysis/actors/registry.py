"""The actor registry: who is named in an article, resolved against dated roles.

The registry ships as data (``resources/actors/actors.csv``, ``resources/actors/actor_roles.csv``; each row
cites its source) and is extended with user CSV files in the same two formats (see
:meth:`ActorRegistry.load` and :mod:`analysis.actors.tables`). Persons, organisations and countries have a canonical name,
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
an overrides file (:func:`~analysis.actors.mentions.actors_frame`'s ``overrides``) or add the namesake to a user CSV.

**Speed.** Loading the shipped registry takes about 10 ms; scanning runs at about 5-8 MB of
text per second on one core (the seed article repeated 100 times, 0.6 MB: about 0.07 s;
840 news articles, 3.8 MB: about 0.7 s).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import cache, cached_property

from analysis._resources import read_lines
from analysis.actors.records import Actor, ActorMention, Role
from analysis.actors.tables import UserPaths, read_actors
from analysis.actors.titles import (
    FORMER,
    FORMER_KEY,
    LEADING_ARTICLE,
    clean,
    description_key,
    previous_word,
    starts_sentence,
    strip_titles,
    title_before,
    title_fits,
    title_meaning,
    title_meanings,
    title_pattern,
)
from analysis.actors.trie import compile_words

# Actor, ActorMention, Role and strip_titles are re-exported: they were defined here before.
__all__ = ["LEADER_TITLES", "Actor", "ActorMention", "ActorRegistry", "Role", "default_registry",
           "strip_titles"]

#: Titles of a country's head of state or government: their holders are also that
#: country's "leader" ("the Lithuanian leader", "Japan's leader"); with two holders on a
#: date the description is ambiguous and resolves in context.
LEADER_TITLES = frozenset({"president", "prime minister", "chancellor", "premier",
                           "supreme leader", "leader"})


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
        extra: UserPaths = None,
    ) -> ActorRegistry:
        """Return the shipped registry extended with the user CSV file(s) ``extra``.

        A user file has the columns of ``resources/actors/actors.csv`` (``name, kind, source`` are
        required; ``aliases, descriptions, demonyms, country, gender`` optional) or of
        ``resources/actors/actor_roles.csv`` (``actor, title, source`` required; ``affiliation,
        valid_from, valid_to, descriptions, constituency, party`` optional); the header says
        which. Lists inside a cell are separated by ``|``, dates are ``YYYY-MM-DD``, lines
        starting with ``#`` are comments. Actor files are read before role files, whatever
        the order given. A user actor with a shipped canonical name replaces the shipped
        actor's fields and keeps its roles; user roles are added to the actor's roles.

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
        return cls(read_actors(extra), read_lines("actors/non_actors.txt"))

    def _index_descriptions(self) -> dict[str, tuple[tuple[str, Role | None], ...]]:
        index: dict[str, list[tuple[str, Role | None]]] = {}
        for actor in self._actors:
            for description in actor.descriptions:
                _add_unique(index, description_key(description), (actor.name, None))
            for role in actor.roles:
                for phrase in self._role_phrases(role):
                    _add_unique(index, description_key(phrase), (actor.name, role))
        return {key: tuple(entries) for key, entries in index.items()}

    def _role_phrases(self, role: Role) -> Iterator[str]:
        yield role.title
        yield from role.descriptions
        title = role.title.lower()
        names, adjectives = self._affiliation_words(role.affiliation)
        titles = [title]
        leads_country = (title in LEADER_TITLES and role.affiliation in self._by_name
                         and self._by_name[role.affiliation].kind == "country")
        if leads_country:
            titles.append("leader")  # "the Lithuanian leader": its president or premier
        for name in names:
            for said in titles:
                yield f"{name} {said}"
                yield f"{said} of {name}"
                yield f"{said} of the {name}"
                yield f"{name}'s {said}"
        for adjective in adjectives:
            for said in titles:
                yield f"{adjective} {said}"

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
        name = clean(name)
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
        text = clean(description)
        if not text:
            return ()
        names = self._aliases.get(text)
        if names is None:
            names = self._candidates_behind_title(text, on)
        if names is None:
            names = self._described(description_key(text), on)
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
            name = LEADING_ARTICLE.sub("", text)
        names = self._aliases.get(name)
        if names is None:
            return None
        title = text[: max(text.find(name), 0)].strip()
        if not title:
            return names
        names = tuple(n for n in names if title_fits(self._by_name[n], title))  # "Admiral Harris"
        if len(names) > 1:
            return self._narrow_by_title(names, title, on) or names
        return names

    def _narrow_by_title(
        self, names: Sequence[str], title: str, on: date | None
    ) -> tuple[str, ...]:
        """Keep the ``names`` that hold an office the ``title`` (e.g. "first lady") names."""
        keys = [description_key(title)]
        keys += [title_meaning(match.group()) for match in title_pattern().finditer(title)]
        if on is not None and FORMER.search(title):  # "former first lady Kim"
            holders = {holder for key in keys for holder in self._former_holders(key, on)}
            return tuple(name for name in names if name in holders)
        for when in (on, None) if on is not None else (None,):
            holders = {holder for key in keys for holder in self._holders(key, when)}
            narrowed = tuple(name for name in names if name in holders)
            if narrowed:  # holders on the date, else anyone who ever held it ("former")
                return narrowed
        return ()

    def _described(self, key: str, on: date | None) -> tuple[str, ...]:
        former = FORMER_KEY.match(key)
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
        return compile_words([*self._aliases, *self._non_actors])

    @cached_property
    def _pattern_with_demonyms(self) -> re.Pattern[str]:
        return compile_words([*self._aliases, *self._demonyms, *self._non_actors])

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
        title = title_before(text, match.start())
        if title is not None:
            return not any(title_fits(self._by_name[name], title.group()) for name in names)
        previous = previous_word(text, match.start())
        if previous is None:
            return False
        word_start, word = previous
        if not _NAME_WORD.fullmatch(word) or word.lower() in title_meanings():
            return False
        return not starts_sentence(text, word_start)

    def _settle(
        self, text: str, begin: int, names: tuple[str, ...], named: set[str], on: date | None
    ) -> Actor | None:
        if len(names) == 1:
            return self._by_name[names[0]]
        title = title_before(text, begin)
        if title is not None:
            names = self._narrow_by_title(names, title.group(), on) or names
        if len(names) > 1:
            names = tuple(name for name in names if name in named) or self._by_home(names, named)
        return self._by_name[names[0]] if len(names) == 1 else None

    def _by_home(self, names: tuple[str, ...], named: set[str]) -> tuple[str, ...]:
        """Organisations that share an alias, narrowed to the one whose country the text names.

        "the Democratic Party" in a story that names South Korea (or a Korean organisation)
        and not the United States (nor an American one) is the Democratic Party of Korea. Persons are never narrowed so ("Kim" in a story
        naming North Korea is not therefore Kim Jong Un).
        """
        if any(self._by_name[name].kind != "organisation" for name in names):
            return ()
        countries = {name if self._by_name[name].kind == "country" else self._by_name[name].country
                     for name in named if self._by_name[name].kind != "person"}
        return tuple(name for name in names if self._by_name[name].country in countries)


# These differ on purpose from analysis.text.patterns.NAME_WORD (any capitalised word):
# a person alias is someone else's name only when glued to a word that looks like a
# given name or surname, so the word must hold a lower-case letter (not "NATO", "U.S.")
# or be an initial ("Robert E. Lee").
_NEXT_NAME_WORD = re.compile(r" [A-Z][a-z]")
_NAME_WORD = re.compile(r"[A-Z](?:[\w\-]*[a-z][\w\-]*|\.)")


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


@cache
def default_registry() -> ActorRegistry:
    """Return the registry of shipped data only (cached; build others with ``load``).

    Examples
    --------
    >>> default_registry() is default_registry()
    True
    """
    return ActorRegistry.load()
