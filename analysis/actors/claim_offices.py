"""Offices written beside a person's name, read and checked against the registry's roles.

:class:`OfficeReader` reads an office right before a name ("NATO Secretary General Jens
Stoltenberg", "Japanese Prime Minister", "first lady") or as an apposition after it
(", senior presidential secretary for public affairs,") and checks it against the person's
dated roles: the rules are those of :mod:`analysis.actors.claims` ("Precision first",
"Dates"). The words it reads are data (:mod:`analysis.actors.claim_words`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from analysis.actors.claim_words import ClaimVocabulary
from analysis.actors.records import Actor, ActorMention, Role
from analysis.actors.registry import ActorRegistry
from analysis.actors.titles import (
    FORMER,
    description_key,
    previous_word,
    title_before,
    title_meaning,
    title_pattern,
)
from analysis.text.document import Document

__all__ = ["Office", "OfficeCheck", "OfficeReader", "RegistryFacts", "registry_facts", "title_key"]

_OPEN_APPOSITION = re.compile(r",\s+(?:(?:the|a|an)\s+)?")
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
_FORMER_AT = re.compile(r"(?:former|ex-)\s*", re.IGNORECASE)
# The meaning titles.txt gives a courtesy title ("Mr. = *"): no office.
_COURTESY = "*"
_POSSESSIVE = re.compile(r"['’]s\s+")
_SUFFIX_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_AFTER_TITLE_OK = re.compile(r"\s*(?:[,.;:)]|$)|\s+[a-z]")
# "then-Arkansas Gov.", "ex-President": a hedge glued to the word before a title.
_HEDGED_WORD = re.compile(r"(?:then|ex)-", re.IGNORECASE)
# A year written in a sentence (a term's years make a title retrospective).
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True, slots=True)
class Office:
    """An office written beside a name: title meaning, body (if written), span, former.

    ``key`` is the role title the words stand for ("Sen." -> "senator"), ``body`` the
    organisation or country written with it ("NATO", "Japanese": Japan), ``start:end`` the
    words in the text and ``rule`` "title" (before the name) or "title-after".
    """

    key: str
    body: Actor | None
    body_text: str
    start: int
    end: int
    former: bool
    rule: str


@dataclass(frozen=True, slots=True)
class OfficeCheck:
    """What the registry says of an office: its value, the roles it rests on, the verdict."""

    registry_value: str
    roles: tuple[Role, ...]
    contradicts: bool


class OfficeReader:
    """Read and check the offices written beside the names of one document.

    Examples
    --------
    >>> from datetime import date
    >>> from analysis.actors.claim_words import claim_vocabulary
    >>> from analysis.actors.mentions import extract_actors
    >>> from analysis.actors.registry import default_registry
    >>> from analysis.text.articles import Article
    >>> from analysis.text.document import as_document
    >>> doc = as_document(Article(article_id="a", published=date(2023, 7, 11),
    ...                           text="He met Japanese Prime Minister Fumio Kishida."))
    >>> mentions = extract_actors(doc)
    >>> reader = OfficeReader(doc, mentions, default_registry(), claim_vocabulary())
    >>> office = reader.after(mentions[0]) or reader.before(*reader.title_of(mentions[0]))
    >>> doc.text[office.start:office.end], reader.check(office, mentions[0],
    ...     default_registry().get("Fumio Kishida")).contradicts
    ('Japanese Prime Minister', False)
    """

    def __init__(
        self,
        doc: Document,
        mentions: Sequence[ActorMention],
        registry: ActorRegistry,
        words: ClaimVocabulary,
    ) -> None:
        self.doc, self.text, self.registry, self.words = doc, doc.text, registry, words
        self.on: date | None = doc.article.published
        self.facts = registry_facts(registry)
        self.ends = {m.end: m for m in mentions}
        self.starts = {m.start: m for m in mentions}

    def title_of(self, mention: ActorMention) -> tuple[re.Match[str], str] | tuple[None, None]:
        """Return the title right before ``mention`` and its meaning, or (None, None)."""
        title = title_before(self.text, mention.start)
        return (title, title_key(title.group())) if title is not None else (None, None)

    def before(self, title: re.Match[str], key: str) -> Office | None:
        written = title.group()
        if self.words.title_hedges.search(written):
            return None
        start, end = title.start(), title.start() + len(written.rstrip())
        former = bool(FORMER.match(written))
        body, body_text, start = self._body_before(start)
        if _FORMER_BEFORE.search(self.text, max(0, start - 10), start):
            former = True
            start = _FORMER_BEFORE.search(self.text, max(0, start - 10), start).start()
        if self._hedged_or_unknown(start, body):
            return None
        return Office(key, body, body_text, start, end, former, "title")

    def _body_before(self, start: int) -> tuple[Actor | None, str, int]:
        """Return the body written before a title ("NATO", "Japanese", "Korea's"), if any."""
        possessive = re.search(r"['’]s\s+$", self.text[max(0, start - 4) : start])
        end = start - len(possessive.group()) if possessive else start - 1
        mention = self.ends.get(end)
        if mention is not None and mention.kind != "person" and (
                possessive or self.text[end:start].isspace()):
            return self.registry.get(mention.actor), self.text[mention.start:end], mention.start
        demonym = self.facts.demonym_before.search(self.text, max(0, start - 40), start)
        if demonym is not None:
            country = self.facts.demonyms[demonym.group("word")]
            return self.registry.get(country), demonym.group("word"), demonym.start()
        return None, "", start

    def _hedged_or_unknown(self, start: int, body: Actor | None) -> bool:
        """Tell whether a title is hedged ("acting", "then-Arkansas Gov.") or follows an unknown name.

        The state and party words before a title ("New Hampshire Sen.") are passed over; a
        capitalised word that is neither they nor a function word ("House Minority Leader",
        "Samsung President") makes another office of the title, so it is not checked.
        """
        left, previous = start, previous_word(self.text, start)
        while previous is not None and self.words.is_modifier(previous[1]):
            left, previous = previous[0], previous_word(self.text, previous[0])
        if previous is not None and _HEDGED_WORD.match(previous[1]):
            return True
        if self.words.hedges.search(self.text, max(0, left - 12), left):
            return True
        if body is not None or previous is None:
            return False
        word = previous[1]
        return (word[:1].isupper() and word[-1] not in ",;:"
                and word.lower() not in self.words.function_words)


    def after(self, mention: ActorMention) -> Office | None:
        opened = _OPEN_APPOSITION.match(self.text, mention.end)
        if opened is None:
            return None
        start = opened.end()
        former = _FORMER_AT.match(self.text, start)
        position = former.end() if former else start
        body_text, body = "", None
        mentioned = self.starts.get(position)
        if mentioned is not None and mentioned.kind != "person":
            tail = _POSSESSIVE.match(self.text, mentioned.end) or re.compile(" ").match(
                self.text, mentioned.end)
            if tail is not None:
                body, body_text, position = (self.registry.get(mentioned.actor), mentioned.text,
                                             tail.end())
        title = title_pattern().match(self.text, position)
        if title is None or self.words.title_hedges.search(title.group()):
            return None
        end = title.end()
        suffix = _SUFFIX_OF.match(self.text, end)
        if body is None and suffix is not None and suffix.end() in self.starts:
            mentioned = self.starts[suffix.end()]
            if mentioned.kind != "person":
                body, body_text, end = self.registry.get(mentioned.actor), mentioned.text, mentioned.end
        if not _AFTER_TITLE_OK.match(self.text, end):
            return None  # "Stoltenberg, President Yoon said": a title before another name
        return Office(title_key(title.group()), body, body_text, start, end, bool(former),
                       "title-after")


    def check(self, office: Office, mention: ActorMention, actor: Actor) -> OfficeCheck | None:
        """Check an office against the person's dated roles (see the module's "Dates")."""
        if not actor.roles or not self._checkable(office):
            return None
        fitting = [role for role in actor.roles if self._fits(role, office)]
        held = [role for role in fitting if _held(role, self.on, office.former)]
        if held:
            return OfficeCheck(_describe(held), tuple(held), False)
        if fitting:  # held at another time: wrong unless the words look back (or ahead)
            if self._retrospective(office, mention, fitting):
                return None
            return OfficeCheck(_describe(fitting), tuple(fitting), True)
        holders = [(name, role) for name, role in self._holders(office) if name != actor.name]
        if not holders:  # nobody the registry knows held it then: it cannot tell
            return None
        value = "; ".join(f"{name}: {_describe_role(role)}" for name, role in holders)
        return OfficeCheck(value, tuple(role for _, role in holders), True)

    def _checkable(self, office: Office) -> bool:
        """Tell whether an office word says enough to be checked (not "Mr.", not "leader" alone)."""
        if office.key == _COURTESY:
            return False
        return office.key not in self.words.ambiguous_titles or office.body is not None

    def _holders(self, office: Office) -> list[tuple[str, Role]]:
        """Return the registry's holders of ``office`` on the article's date (any date: undated)."""
        keys = {office.key, description_key(f"{office.body_text} {office.key}")}
        found = []
        for key in keys:
            for name, role in self.facts.roles_by_key.get(key, ()):
                if self._fits(role, office) and _held(role, self.on, office.former):
                    found.append((name, role))
        return list(dict.fromkeys(found))

    def _retrospective(self, office: Office, mention: ActorMention, roles: Sequence[Role]) -> bool:
        """Tell whether a title held at another time is used for that time.

        "under President Bill Clinton", "a President Trump", "President Bill Clinton's crime
        bill", "In 2018, President Moon": a word of ``retrospective`` before the title, a
        possessive after the name, or a year of the term in the sentence.
        """
        previous = previous_word(self.text, office.start)
        if previous is not None and previous[1].lower() in self.words.retrospective:
            return True
        if _POSSESSIVE.match(self.text, mention.end):
            return True
        sentence = self.doc.sentence_at(office.start)
        if sentence is None:
            return False
        years = {int(year) for year in _YEAR.findall(self.text, sentence.start, sentence.end)}
        return any(_first_year(role) <= year <= _last_year(role) for role in roles for year in years)

    def _fits(self, role: Role, office: Office) -> bool:
        keys = _role_keys(role)
        if office.body_text and description_key(f"{office.body_text} {office.key}") in keys:
            return True  # "NATO chief"
        if office.key not in keys:
            return False
        return office.body is None or self._of_body(role, office.body)

    def _of_body(self, role: Role, body: Actor) -> bool:
        if role.affiliation == body.name:
            return True
        affiliation = self.registry.get(role.affiliation or "")
        return affiliation is not None and affiliation.country == body.name


def title_key(written: str) -> str:
    """Return the role title a written title stands for, "former" left out ("Sen." -> "senator")."""
    return title_meaning(FORMER.sub("", written).strip())


def _held(role: Role, on: date | None, former: bool) -> bool:
    if on is None:
        return True
    if former:
        return role.valid_to is not None and role.valid_to < on
    return role.valid_on(on)


def _first_year(role: Role) -> int:
    return role.valid_from.year if role.valid_from else date.min.year


def _last_year(role: Role) -> int:
    return role.valid_to.year if role.valid_to else date.max.year


def _role_keys(role: Role) -> frozenset[str]:
    return frozenset(description_key(phrase) for phrase in (role.title, *role.descriptions))


def _describe(roles: Sequence[Role]) -> str:
    return "; ".join(dict.fromkeys(_describe_role(role) for role in roles))


def _describe_role(role: Role) -> str:
    where = f", {role.affiliation}" if role.affiliation else ""
    if role.valid_from and role.valid_to:
        span = f"{role.valid_from} to {role.valid_to}"
    elif role.valid_from:
        span = f"from {role.valid_from}"
    elif role.valid_to:
        span = f"to {role.valid_to}"
    else:
        span = "dates not recorded"
    return f"{role.title}{where} ({span})"


@dataclass(frozen=True, slots=True)
class RegistryFacts:
    """What the checks read from a whole registry, computed once per registry."""

    demonyms: dict[str, str]
    demonym_before: re.Pattern[str]
    roles_by_key: dict[str, tuple[tuple[str, Role], ...]]


@lru_cache(maxsize=8)
def registry_facts(registry: ActorRegistry) -> RegistryFacts:
    demonyms = {d: a.name for a in registry if a.kind == "country" for d in a.demonyms}
    words = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True)) or "(?!)"
    by_key: dict[str, list[tuple[str, Role]]] = {}
    for actor in registry:
        for role in actor.roles:
            for key in _role_keys(role):
                by_key.setdefault(key, []).append((actor.name, role))
    return RegistryFacts(
        demonyms=demonyms,
        demonym_before=re.compile(rf"(?<![\w.])(?P<word>{words})\s+$"),
        roles_by_key={key: tuple(roles) for key, roles in by_key.items()},
    )


