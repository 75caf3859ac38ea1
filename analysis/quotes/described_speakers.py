"""Speakers given by a description: "the senator", "the company's chief executive".

A mixin of :class:`analysis.quotes.resolve.Resolver` (one concern: the actor a
description stands for): a head mention, the registry's one holder of the office on the
article's date when the story names the office's country or body, the organisation the
description speaks for, the last titled name ("Senator X") or name in apposition with
the same head noun before it, or one named in apposition just after it. It reads the
resolver's article, registry and mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from analysis.quotes.name_forms import run_openers, without_leading_stops
from analysis.quotes.organisation_speakers import OrganisationSpeakers
from analysis.quotes.phrases import Phrase
from analysis.quotes.speaker_index import AppositiveNames, Speakers, TitledNames
from analysis.quotes.speaker_kinds import (
    DEFINITE_OPENERS,
    looks_like_person,
    organisation_description,
)
from analysis.quotes.words import role_synonyms

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "COUNTERPART_WINDOW",
    "RECENT_SPEAKERS_SEARCHED",
    "ROLE_NAMED_LATER_WINDOW",
    "TITLED_NAMES_SEARCHED",
    "TITLE_COUNTRY_CHARS",
    "DescribedSpeakers",
]

#: Characters after a definite description searched for "The <head>, NAME," that names it.
ROLE_NAMED_LATER_WINDOW = 240
#: Latest speakers before a description looked at for an earlier holder of its office.
RECENT_SPEAKERS_SEARCHED = 8
#: Characters before a titled name read for the country its title names.
TITLE_COUNTRY_CHARS = 60
#: Characters before a description searched for "his Japanese counterpart, NAME".
COUNTERPART_WINDOW = 600
#: "his Japanese counterpart, Yoko Kamikawa" / "her Finnish counterpart Aino Virtanen".
_COUNTERPART = re.compile(
    r"\b(?:his|her|their|its)\s+(?P<demonym>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+"
    r"counterparts?,?\s+(?:(?:Gen|Adm|Dr|Mr|Ms|Mrs)\.?\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})")
#: Titled names before a description looked at for one of the description's country.
TITLED_NAMES_SEARCHED = 4


class DescribedSpeakers(OrganisationSpeakers):
    """Resolution of description speakers, mixed into the resolver."""

    on: date | None
    speakers: Speakers
    _home_sets: dict[str, frozenset[str]]
    _titled: TitledNames | None
    _appositive: AppositiveNames

    # Hooks the resolver defines (its mentions and the registry on the article's date).
    def mentioned(self, start: int, end: int) -> str | None:
        """The actor of the mention that heads ``text[start:end]``."""
        raise NotImplementedError

    def registry_resolve(self, mention: str) -> str | None:
        """The one actor the registry says ``mention`` denotes on the date."""
        raise NotImplementedError

    def mentions_by_actor(self) -> dict[str, list[int]]:
        """Each actor -> the indices of its mentions, in text order."""
        raise NotImplementedError

    def described(self, phrase: Phrase) -> str | None:
        """Resolve a description ("the senator"): head mention, registry, context."""
        actor = self.mentioned(phrase.start, phrase.end)
        if actor is None:
            actor = self.registry_resolve(phrase.text)
            if actor is not None and not self._office_in_context(actor, phrase):
                actor = None  # "the foreign minister" in a story naming no country of theirs
        if actor is not None:
            return actor
        if organisation_description(phrase.text):
            actor = self.organisation_described(phrase)
            if actor is not None:
                return actor
        candidates = {a.name for a in self.registry.candidates(phrase.text, on=self.on)}
        if candidates:
            actor = self._latest_candidate(candidates, phrase.start)
            if actor is None:
                actor = self._only_candidate_in_context(candidates, phrase)
            if actor is not None:
                return actor
        return self.titled_name_before(phrase)

    def _latest_candidate(self, candidates: set[str], before: int) -> str | None:
        """The candidate actor mentioned, or quoted as a speaker, last before ``before``.

        "The NATO chief said ... “...,” the secretary general said.": the speaker of the
        first quote is also a holder of the second's office, so the second is the same
        person, though no mention of the name comes before it.
        """
        by_actor = self.mentions_by_actor()
        limit = bisect_left(self._mention_starts, before)
        latest_offset, latest_actor = -1, None
        for name in candidates:
            numbers = by_actor.get(name, ())
            position = bisect_left(numbers, limit) - 1
            if position >= 0 and self.mentions[numbers[position]].start > latest_offset:
                latest_offset = self.mentions[numbers[position]].start
                latest_actor = self.mentions[numbers[position]].actor
        for offset, _, actor in self.speakers.recent_before(before, RECENT_SPEAKERS_SEARCHED):
            if actor in candidates:
                if offset > latest_offset:
                    latest_actor = actor
                break
        return latest_actor

    def _only_candidate_in_context(self, candidates: set[str], phrase: Phrase) -> str | None:
        """The one candidate whose country or body the phrase or the article names.

        "the secretary general" in 2025 is NATO's or the UN's: a story that names NATO and
        not the UN means NATO's (the rule of :meth:`_office_in_context`, for several
        holders of a bare title).
        """
        fitting = [name for name in sorted(candidates)
                   if self._homes(name) and self._office_in_context(name, phrase)]
        return fitting[0] if len(fitting) == 1 else None

    def _homes(self, actor: str) -> frozenset[str]:
        """The bodies and countries a registry person's roles on the date belong to."""
        if actor not in self._home_sets:  # once per actor and article
            self._home_sets[actor] = self._read_homes(actor)
        return self._home_sets[actor]

    def _read_homes(self, actor: str) -> frozenset[str]:
        record = self.registry.get(actor)
        if record is None or record.kind != "person":
            return frozenset()
        roles = record.roles_on(self.on) if self.on is not None else record.roles
        homes = {role.affiliation for role in roles if role.affiliation}
        homes |= {self.registry.get(home).country for home in list(homes)
                  if self.registry.get(home) is not None and self.registry.get(home).country}
        return frozenset(homes)

    def _office_in_context(self, actor: str, phrase: Phrase) -> bool:
        """Tell whether a bare title the registry resolved to a person fits the story.

        A title resolves to the one registry person who holds it (on the article's date,
        or ever when it has none); that is a guess unless the phrase or the article names
        the country or body the office belongs to ("the foreign minister" is Japan's only
        in a story that names Japan or one of its bodies).
        """
        homes = self._homes(actor)
        if not homes:
            return True
        if self._named_in(phrase.text) & homes:
            return True
        by_actor = self.mentions_by_actor()
        if any(home in by_actor for home in homes):
            return True
        return any(self.registry.get(other) is not None
                   and self.registry.get(other).country in homes for other in by_actor)

    def titled_name_before(self, phrase: Phrase) -> str | None:
        """"the senator" -> the last "Senator Pete Ricketts" written before the mention.

        Or the last name in apposition with a description of that head noun, when it is
        later: "Japan's defense minister, Gen Nakatani, ..." or "Ingrid Solberg, a defense
        economist, ..." (:class:`~analysis.quotes.speaker_index.AppositiveNames`), when that
        name is a person's.
        """
        head = phrase.text.split()[-1]
        if not head.isalpha() or head[:1].isupper():
            return None
        self._ensure_titled()
        countries = self._countries_in(phrase.text)
        counterpart = self._counterpart_before(phrase.start, countries) if countries else None
        if counterpart is not None:
            return counterpart  # "met his Japanese counterpart, Yoko Kamikawa ... the Japanese minister"
        last = appositive = None
        for noun in role_synonyms(head):  # "the envoy": "Ambassador X" or "its ambassador, X"
            titled = self._fitting_titled(noun.capitalize(), phrase.start, countries)
            if titled is not None and (last is None or titled.start(1) > last.start(1)):
                last = titled
            named = self._appositive.last_before(noun, phrase.start)
            if named is not None and (appositive is None or named[1] > appositive[1]):
                appositive = named
        if appositive is not None and (last is None or appositive[1] > last.start(1)):
            actor = self._appositive_person(*appositive)
            if actor is not None and self._of_countries(actor, appositive[1], countries):
                return actor
            if actor is not None:
                return None  # "the Japanese minister" is not the Australian named before
        if last is None:
            return self._named_later(phrase, head) if appositive is None else None
        return self._titled_actor(last)

    def _counterpart_before(self, before: int, countries: set[str]) -> str | None:
        """The person last named "<demonym> counterpart(,) NAME" of one of ``countries``.

        Searched in the :data:`COUNTERPART_WINDOW` characters before ``before``.
        """
        start = max(0, before - COUNTERPART_WINDOW)
        for match in reversed(list(_COUNTERPART.finditer(self.doc.text, start, before))):
            if self._countries_in(match.group("demonym")) & countries:
                name = match.group("name")
                offset = match.start("name")
                return self._appositive_person(name, offset)
        return None

    def _titled_actor(self, titled: re.Match[str]) -> str:
        """The actor of a titled name ("Senator Pete Ricketts")."""
        name = titled.group(1).strip()
        start = titled.start(1)
        return self.mentioned(start, start + len(name)) or self.registry_resolve(name) or name

    def _fitting_titled(self, title: str, before: int, countries: set[str]) -> re.Match[str] | None:
        """The last name written after ``title`` before ``before`` of one of ``countries``.

        "The Australian minister" passes over "Japanese Defense Minister Gen Nakatani" to
        the "Defence Minister Richard Marles" before it; at most
        :data:`TITLED_NAMES_SEARCHED` names are looked at.
        """
        titled = self._titled.last_before(title, before)
        for _ in range(TITLED_NAMES_SEARCHED):
            if titled is None or self._of_countries(self._titled_actor(titled),
                                                    titled.start(1), countries):
                return titled
            titled = self._titled.last_before(title, titled.start())
        return None

    def _named_in(self, words_: str, kind: str | None = None) -> set[str]:
        """The registry actors ``words_`` names (of ``kind``), countries by demonym too."""
        return {mention.actor for mention in self.registry.find_mentions(
            words_, on=self.on, demonyms=True) if kind is None or mention.kind == kind}

    def _countries_in(self, words_: str) -> set[str]:
        """The countries ``words_`` names, by name or demonym ("the Japanese minister")."""
        return self._named_in(words_, "country")

    def _of_countries(self, actor: str, start: int, countries: set[str]) -> bool:
        """Tell whether the person named at ``start`` may belong to one of ``countries``.

        Any does when ``countries`` is empty. A registry person belongs to the countries of
        its roles; a person the registry lacks, to the countries its title names
        ("Australian Defence Minister Richard Marles": Australia), when it names any.
        """
        if not countries:
            return True
        homes = self._homes(actor)
        if not homes:
            line_start = self.doc.text.rfind("\n", 0, start) + 1
            title = self.doc.text[max(line_start, start - TITLE_COUNTRY_CHARS):start]
            homes = self._countries_in(title.rsplit(".", 1)[-1])
        return not homes or bool(homes & countries)

    def _named_later(self, phrase: Phrase, head: str) -> str | None:
        """"The company's chief executive said ... The executive, Han Ji-won, ...": Han.

        A definite description no name before it explains takes the person a
        back-reference with the same head noun names in apposition within
        :data:`ROLE_NAMED_LATER_WINDOW` characters after it.
        """
        first = phrase.text.split()[0]
        if first.lower() not in DEFINITE_OPENERS and not first.endswith(("'s", "’s")):
            return None
        for noun in role_synonyms(head):
            named = self._appositive.first_after(noun, phrase.end, ROLE_NAMED_LATER_WINDOW)
            if named is not None:
                return self._appositive_person(*named)
        return None

    def _ensure_titled(self) -> None:
        if self._titled is None:
            self._titled = TitledNames(self.doc.text)
            self._appositive = AppositiveNames(self.doc.text)

    def _appositive_person(self, name: str, start: int) -> str | None:
        """The person an appositive's name stands for, or None when it names no person."""
        name = without_leading_stops(name)
        start = self.doc.text.find(name, start)
        if start < 0 or name.split()[0].lower() in run_openers():
            return None
        actor = self.named(Phrase(start, start + len(name), name, "name"))
        if actor is None:
            return None
        record = self.registry.get(actor)
        if record is not None:
            return actor if record.kind == "person" else None
        return actor if looks_like_person(actor) else None
