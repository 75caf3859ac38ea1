"""Organisations as speakers: what "they" and "it" go back to, and who issued a text.

A mixin of :class:`analysis.quotes.resolve.Resolver` (one concern: resolving a speaker
to an organisation); it reads the resolver's article, registry, mentions and speakers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from analysis.quotes.phrases import Phrase
from analysis.quotes.pronouns import PRONOUN_CANDIDATES
from analysis.quotes.speaker_kinds import speaker_kind

if TYPE_CHECKING:
    from analysis.actors.registry import ActorMention, ActorRegistry
    from analysis.quotes.pronouns import Genders
    from analysis.quotes.speaker_index import Speakers
    from analysis.text.document import Document

__all__ = ["BACK_REFERENCE_WINDOW", "OrganisationSpeakers"]

#: Characters before "the official" (or "the statement") searched for what it goes back to.
BACK_REFERENCE_WINDOW = 600


class OrganisationSpeakers:
    """Resolution of organisation speakers, mixed into the resolver."""

    doc: Document
    registry: ActorRegistry
    mentions: list[ActorMention]
    _mention_starts: list[int]
    speakers: Speakers
    genders: Genders

    # Hooks the resolver defines (its sentence subjects and name resolution).
    def subjects(self) -> list[tuple[int, str]]:
        """``(offset, name)`` of the name opening each sentence."""
        raise NotImplementedError

    def _subject_starts_ready(self) -> list[int]:
        raise NotImplementedError

    def named(self, phrase: Phrase) -> str | None:
        """The actor a name phrase resolves to."""
        raise NotImplementedError

    def names_by_word(self) -> dict[str, tuple[list[int], list[str]]]:
        """Each word of a name run -> (offsets, runs) of the runs holding it."""
        raise NotImplementedError

    def organisation_described(self, phrase: Phrase) -> str | None:
        """The organisation a definite description speaks for ("the bank", "the company").

        The latest name before it headed by the description's noun ("Harlow Bank ... the
        bank said", "the Ministry of Unification ... the ministry said"), else what "it" would go back to (:meth:`group_before`: "Hanbit
        Robotics unveiled a robot. ... the company said"); None when neither is an
        organisation.
        """
        noun = phrase.text.split()[-1].capitalize()
        offsets, runs = self.names_by_word().get(noun, ([], []))
        position = bisect_left(offsets, phrase.start) - 1
        while position >= 0:
            run = runs[position]
            if _headed_by(run, noun):
                start = offsets[position]
                end = start + len(run)
                complement = _OF_NAME.match(self.doc.text, end)  # "the Ministry of Fisheries"
                end = complement.end() if complement is not None else end
                actor = self.named(Phrase(start, end, self.doc.text[start:end], "name"))
                if actor is not None and self._is_organisation(actor):
                    return actor
            position -= 1
        return self.group_before(phrase.start)

    def group_before(self, limit: int) -> str | None:
        """"they" or "it": the latest of the organisation that spoke last before ``limit``
        and the organisation that opens the sentence before ("The Rice Growers'
        Association staged a rally. ... they said"), else None. An organisation is one by
        the registry, or a name the registry lacks that the article describes as one
        ("Fair Harbor Trust, a watchdog group") or that ends in an organisation's head noun.
        """
        found: list[tuple[int, str]] = []
        for offset, _, actor in self.speakers.recent_before(limit, PRONOUN_CANDIDATES):
            record = self.registry.get(actor)
            if (record.kind == "organisation" if record is not None
                    else self._is_organisation(actor)):
                found.append((offset, actor))
                break
        subject = self._organisation_subject_before(limit)
        if subject is not None:
            found.append(subject)
        return max(found)[1] if found else None

    def _organisation_subject_before(self, limit: int) -> tuple[int, str] | None:
        """``(offset, actor)`` of the organisation opening the sentence before ``limit``."""
        sentence = self.doc.sentence_at(limit)
        if sentence is None or sentence.index == 0:
            return None
        window = self.doc.sentences[sentence.index - 1].start
        subject = bisect_left(self._subject_starts_ready(), limit) - 1
        if subject < 0 or self.subjects()[subject][0] < window:
            return None
        offset, name = self.subjects()[subject]
        actor = self.named(Phrase(offset, offset + len(name), name, "name"))
        if actor is not None and self._is_organisation(actor):
            return offset, actor
        return None

    def document_issuer(self, phrase: Phrase) -> str | None:
        """The organisation that issued a text quoted as a speaker ("the statement said").

        An organisation or country named inside the phrase ("NATO's final communique",
        "Japan's statement"), else the latest organisation or country quoted before it
        ("The company said in a statement ... the statement said"), else the latest
        registry organisation the article named in the :data:`BACK_REFERENCE_WINDOW`
        characters before it; None when there is none (a text is never a person's).
        """
        inside = bisect_left(self._mention_starts, phrase.start)
        for mention in self.mentions[inside:]:
            if mention.start >= phrase.end:
                break
            if self._is_organisation(mention.actor):
                return mention.actor
        for _, _, actor in self.speakers.recent_before(phrase.start, PRONOUN_CANDIDATES):
            if self._is_organisation(actor):
                return actor
        for mention in reversed(self.mentions[:inside]):
            if mention.start < phrase.start - BACK_REFERENCE_WINDOW:
                break
            record = self.registry.get(mention.actor)
            if record is not None and record.kind == "organisation":
                return mention.actor
        return None

    def _is_organisation(self, actor: str) -> bool:
        """An organisation or a country (a government issues statements too)."""
        return speaker_kind(self.registry, actor, "name",
                            organisations=self.genders.organisations()) == "organisation"


#: The "of" complement of a body's name right after its head ("Ministry" + " of Fisheries").
_OF_NAME = re.compile(r" of (?:the )?[A-Z][\w’'-]*(?: (?:and |of |for )?[A-Z][\w’'-]*)*")


def _headed_by(name: str, noun: str) -> bool:
    """Tell whether ``noun`` heads ``name``: its last word, or its first before "of".

    Examples
    --------
    >>> _headed_by("Harlow Bank", "Bank"), _headed_by("Ministry of Unification", "Ministry")
    (True, True)
    >>> _headed_by("Bank Street Partners", "Bank")
    False
    """
    parts = name.split()
    return parts[-1] == noun or (len(parts) > 2 and parts[0] == noun and parts[1] == "of")
