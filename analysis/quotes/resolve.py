"""Resolution: the actor each speaker and addressee mention stands for, and its office.

The article's actor mentions (``registry.find_mentions(text, on=published)``, with the
researchers' ``actors`` corrections applied) are found once, by the caller, and decide
first, so a quote's speaker resolves to the same actor as the same span in the
``actors`` table:

1. **A mention heads the phrase.** When actor mentions overlap the speaker (or
   addressee) phrase, the last one that holds the phrase's last word is its head and
   gives the actor ("first lady Kim" -> the mention "Kim", dated: Kim Keon-hee;
   "NATO Secretary General Jens Stoltenberg" -> "Jens Stoltenberg"). A mention followed
   by more words of the phrase is a modifier and decides nothing: "NATO" in "the NATO
   chief", "Trump" in "Trump campaign manager Corey Lewandowski" or in "Trump's
   spokeswoman" (the speaker is the head noun, which the registry may not hold).
2. Otherwise the earlier rules, in this order. **Names** resolve through the article
   (a surname to the full name of the last speaker, or person, who bears it: "Kim
   added" after "said Kim Eun-hye"), then the registry on the article's date
   (``registry.resolve``), else the name without its titles. **Pronouns** ("he",
   "she") take the actor of the name that opens the latest sentence, or of the last
   named speaker, whichever is later; "who" takes the name before its comma.
   **Descriptions** ("the senator") take the one actor the registry says they denote
   on the date, else the most recently mentioned actor they may denote, else the last
   "Senator Name" written before them.

The registry is never searched again for spans here: spans are looked up in the
mentions given.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from functools import cache

from analysis.actors.gender import PLURAL, agrees, pronoun_gender
from analysis.actors.registry import ActorMention, ActorRegistry
from analysis.actors.titles import strip_titles, title_before, title_fits
from analysis.quotes.addressees import is_addressee, is_group_addressee
from analysis.quotes.context import DATELINE, WORDS, Found
from analysis.quotes.described_speakers import DescribedSpeakers
from analysis.quotes.head_mentions import head_mention
from analysis.quotes.name_forms import (
    ACRONYM,
    name_part,
    possessed_name,
    run_openers,
    spelled_out,
    unregistered_name,
    without_leading_stops,
)
from analysis.quotes.organisation_speakers import BACK_REFERENCE_WINDOW
from analysis.quotes.phrases import Phrase
from analysis.quotes.pronouns import PRONOUN_CANDIDATES, Genders
from analysis.quotes.records import SPEECH_KINDS
from analysis.quotes.speaker_index import AppositiveNames, Speakers, TitledNames
from analysis.quotes.speaker_kinds import (
    anonymous_heads,
    anonymous_words,
    is_anonymous,
    named_after,
    speaker_kind,
    withheld_after,
)
from analysis.quotes.words import document_nouns, words
from analysis.text.document import Document
from analysis.text.patterns import NAME_RUN_RE

__all__ = ["Resolver", "dated_role", "head_mention", "unregistered_name"]

#: Most words of a definite description that goes back to an anonymous source
#: ("the official", "the senior diplomat").
BACK_REFERENCE_MAX_WORDS = 3
#: Name runs on each side of a surname searched for the full name it stands for.
EXPANSION_CANDIDATES = 8
#: Sentences before a pronoun searched for a person named but not yet quoted.
MENTION_SENTENCES = 2
#: Characters of an introductory phrase before the comma that a sentence's subject follows
#: ("Back at the map stand, Kovaite was ...").
INTRO_PHRASE_CHARS = 60
#: A capitalised word followed by a lower-case one: a one-word subject ("Kovaite was").
_ONE_WORD_SUBJECT = re.compile(r"([A-Z][a-z][\w’'-]*)(?:\s+[a-z]|,\s+(?:an?\s|the\s|\d))")
#: An organisation named as "Head of Name[, Name] [and Name]": the whole is its name
#: ("Ministry of Trade, Industry and Energy", "Bank of Valdor"), not its last word.
_ORGANISATION_OF = re.compile(
    r"\b(?:Ministry|Department|Office|Bank|Council|Court|Institute|University|Academy|"
    r"Committee|Commission|Agency|Bureau|Federation|Association|Union|Chamber|League|"
    r"Secretariat|Organi[sz]ation)\s+of\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:(?:,\s+|\s+and\s+|\s+)[A-Z][\w’'-]*)*$")
#: Characters before "who" searched for the name it stands for ("Kim, who said").
ANTECEDENT_WINDOW = 80


@cache
def _antecedent() -> re.Pattern[str]:
    """A name right before a comma: the antecedent of "who" ("Kim, who ...")."""
    return re.compile(r"(" + NAME_RUN_RE.pattern + r"),\s*$")


def dated_role(
    registry: ActorRegistry, actor: str | None, on: date | None
) -> tuple[str | None, str | None]:
    """Return ``(role, affiliation)`` of ``actor`` on the date ``on`` (Nones when unknown).

    An undated article gives no office, as in the ``actors`` table: none is attributed
    out of time.

    Examples
    --------
    >>> from analysis.actors.registry import default_registry
    >>> dated_role(default_registry(), "Jens Stoltenberg", date(2023, 7, 11))
    ('Secretary General', 'NATO')
    >>> dated_role(default_registry(), "Jens Stoltenberg", None)
    (None, None)
    """
    if actor is None or on is None:
        return None, None
    record = registry.get(actor)
    role = record.role_on(on) if record is not None else None
    if role is None:
        return None, None
    return role.title, role.affiliation


class Resolver(DescribedSpeakers):
    """Resolve speaker and addressee mentions to actors, in text order.

    Parameters
    ----------
    doc : Document
    registry : ActorRegistry
        Resolves names and descriptions that no mention heads, on the article's date.
    mentions : sequence of ActorMention
        The article's actor mentions (dated, corrected), found once by the caller.
    """

    def __init__(
        self, doc: Document, registry: ActorRegistry, mentions: Sequence[ActorMention]
    ) -> None:
        self.doc = doc
        self.registry = registry
        self.on: date | None = doc.article.published
        self.mentions = sorted(mentions, key=lambda mention: (mention.start, mention.end))
        self._mention_starts = [mention.start for mention in self.mentions]
        self._by_actor: dict[str, list[int]] | None = None
        self._names: list[tuple[int, str]] | None = None
        self._names_by_word: dict[str, tuple[list[int], list[str]]] | None = None
        self._subjects: list[tuple[int, str]] | None = None
        self._subject_starts: list[int] = []
        self._titled: TitledNames | None = None
        self._appositive = AppositiveNames("")
        self._in_full: dict[str, bool] = {}
        self._home_sets: dict[str, frozenset[str]] = {}
        self.speakers = Speakers()
        #: offsets of the anonymous speakers found so far, in text order
        self.anonymous: list[int] = []
        #: head nouns of the anonymous speakers so far ("official" of "a senior official")
        self.anonymous_heads: dict[str, None] = {}
        #: speaker kind of each quote, by (start, end, kind)
        self.kinds: dict[tuple[int, int, str], str | None] = {}
        self.genders = Genders(doc.text, registry)

    # -- data built lazily, once per article

    def names(self) -> list[tuple[int, str]]:
        """Runs of capitalised words in the article, as (offset, name)."""
        if self._names is None:
            self._names = [(m.start(), m.group()) for m in NAME_RUN_RE.finditer(self.doc.text)]
        return self._names

    def names_by_word(self) -> dict[str, tuple[list[int], list[str]]]:
        """Each word of a name run -> (offsets, runs) of the runs holding it, but not as all of it."""
        if self._names_by_word is None:
            index: dict[str, tuple[list[int], list[str]]] = {}
            for offset, run in self.names():
                for word in dict.fromkeys(run.split()):
                    if run != word:
                        offsets, runs = index.setdefault(word, ([], []))
                        offsets.append(offset)
                        runs.append(run)
            self._names_by_word = index
        return self._names_by_word

    def subjects(self) -> list[tuple[int, str]]:
        """Names that open a sentence (likely its subject), as (offset, name).

        The name opens the sentence, after an opener ("For Lina Kovaite, ...") or after
        an introductory phrase and its comma ("Back at the stand, Kovaite was ...").
        A one-word name counts when the article writes it in full elsewhere.
        """
        if self._subjects is None:
            self._subjects = []
            for sentence in self.doc.sentences:
                subject = self._sentence_subject(sentence.start, sentence.end)
                if subject is not None:
                    self._subjects.append(subject)
            self._subject_starts = [offset for offset, _ in self._subjects]
        return self._subjects

    def _sentence_subject(self, start: int, end: int) -> tuple[int, str] | None:
        text = self.doc.text
        dateline = DATELINE.match(text, start, end)
        if dateline is not None:
            start = dateline.end()
        match = NAME_RUN_RE.match(text, start, end)
        if match is not None:
            name = without_leading_stops(match.group())
            if name == match.group() or len(name.split()) > 1:
                return match.end() - len(name), name  # "For Lina Kovaite, ..." -> her
        comma = text.find(", ", start, min(end, start + INTRO_PHRASE_CHARS))
        if match is None and comma < 0:
            return self._one_word_subject(start, end)
        if comma >= 0:
            after = NAME_RUN_RE.match(text, comma + 2, end)
            if after is not None:
                return after.start(), after.group()
            # "Back at the stand, Kovaite was ..."; else "Reyes, a history teacher, sat ..."
            return self._one_word_subject(comma + 2, end) or self._one_word_subject(start, end)
        return None

    def _one_word_subject(self, start: int, end: int) -> tuple[int, str] | None:
        """A one-word name before a lower-case word ("Kovaite was") or an appositive or age
        ("Reyes, a teacher,", "Reyes, 44,"), written in full elsewhere."""
        match = _ONE_WORD_SUBJECT.match(self.doc.text, start, end)
        if match is None or match.group(1).lower() in run_openers():
            return None
        name = match.group(1)
        if len(unregistered_name(self.expand(name, match.start())).split()) > 1:
            return match.start(), name
        return None

    def mentions_by_actor(self) -> dict[str, list[int]]:
        """Each actor -> the indexes in :attr:`mentions` of its mentions, in order."""
        if self._by_actor is None:
            self._by_actor = {}
            for number, mention in enumerate(self.mentions):
                self._by_actor.setdefault(mention.actor, []).append(number)
        return self._by_actor

    # -- resolution

    def resolve(self, found: Sequence[Found]) -> None:
        """Set ``actor`` and ``addressee_actor`` of every speech quote (in place).

        The kind of each speaker (:mod:`analysis.quotes.speaker_kinds`) is kept in
        :attr:`kinds`, keyed by the quote's ``(start, end, kind)``.
        """
        self.speakers = Speakers(item.attribution.speaker.start for item in found
                                 if item.attribution is not None
                                 and item.attribution.speaker is not None)
        for item in sorted(found, key=lambda x: x.start):
            attribution = item.attribution
            if attribution is None or item.kind not in SPEECH_KINDS:
                continue
            speaker = attribution.speaker
            if speaker is not None:
                anonymous = self.anonymous_source(speaker, item.start)
                item.actor = None if anonymous else self.actor_for(speaker, item.start)
                self.kinds[(item.start, item.end, item.kind)] = speaker_kind(
                    self.registry, item.actor, speaker.kind, anonymous,
                    self.genders.organisations())
                if anonymous and speaker.kind != "pronoun":
                    self.anonymous.append(speaker.start)
                    self.anonymous_heads.update(dict.fromkeys(anonymous_heads(speaker.text)))
                elif item.actor is not None and speaker.kind != "pronoun":
                    self.speakers.add(speaker.start, speaker.text, item.actor)
                elif item.actor is not None and speaker.text.lower() == "who":
                    # "Choi Hyun-seo, who told reporters ...": the name has spoken
                    self.speakers.add(speaker.start, item.actor, item.actor)
            if is_addressee(attribution.addressee):
                item.addressee_actor = self.actor_for(attribution.addressee, item.start,
                                                      addressee=True)

    def kind_of(self, item: Found) -> str | None:
        """Return the speaker kind :meth:`resolve` found for ``item`` (None: no speaker)."""
        return self.kinds.get((item.start, item.end, item.kind))

    def anonymous_source(self, phrase: Phrase, before: int) -> bool:
        """Tell whether a speaker is an anonymous source, or a pronoun going on from one.

        A phrase is anonymous when :func:`~analysis.quotes.speaker_kinds.is_anonymous`
        says so and no person mention heads it; "he" or "she" is when the latest
        speaker or sentence subject before it is an anonymous source.
        """
        if phrase.kind == "pronoun":
            if phrase.text.lower() not in words("person_pronoun"):
                return False
            latest = self._latest_anonymous(min(before, phrase.start))
            return latest is not None and latest > self._named_before(phrase, before)
        if self._back_to_anonymous(phrase):
            return True
        if not (is_anonymous(phrase.text)
                or withheld_after(phrase.text, self.doc.text, phrase.end)):
            return False
        if named_after(self.doc.text, phrase.end):
            return False
        head = head_mention(self.doc.text, self.mentions, phrase.start, phrase.end,
                            self._mention_starts)
        return head is None or head.kind != "person"

    def _back_to_anonymous(self, phrase: Phrase) -> bool:
        """Tell whether "the official" goes back to an anonymous "a senior official" before it."""
        parts = phrase.text.lower().split()
        if phrase.kind != "description" or not 2 <= len(parts) <= BACK_REFERENCE_MAX_WORDS:
            return False
        if parts[0] != "the" or parts[-1] not in anonymous_words("head"):
            return False
        if parts[-1] in self.anonymous_heads:
            return True
        window_start = max(0, phrase.start - BACK_REFERENCE_WINDOW)
        matches = list(_indefinite(parts[-1]).finditer(self.doc.text, window_start,
                                                       phrase.start))
        indefinite = matches[-1] if matches else None
        if indefinite is None:
            return False
        # "Park Ji-won, an independent lawmaker, ... the lawmaker said": a named person
        return not self._appositive_of(parts[-1], window_start, indefinite.start(), phrase.start)

    def _appositive_of(self, head: str, window_start: int, at: int, before: int) -> bool:
        """Tell whether the indefinite description at ``at`` is in apposition with a name."""
        self._ensure_titled()
        found = self._appositive.last_before(head, before)
        if found is None:
            return False
        name, start = found
        between = self.doc.text[start + len(name):at]
        return window_start <= start < at and between.strip() == ","

    def _latest_anonymous(self, limit: int) -> int | None:
        earlier = [offset for offset in self.anonymous[-PRONOUN_CANDIDATES:] if offset < limit]
        return max(earlier) if earlier else None

    def _named_before(self, phrase: Phrase, before: int) -> int:
        """Offset of the person a pronoun would otherwise take (-1: none)."""
        found = self.pronoun_candidate(phrase, before)
        return found[0] if found is not None else -1

    def actor_for(self, phrase: Phrase, before: int, addressee: bool = False) -> str | None:
        """Return the actor of a speaker (or addressee) phrase of a quote at ``before``."""
        if phrase.kind == "pronoun" and phrase.text.lower() == "who":
            window = max(0, phrase.start - ANTECEDENT_WINDOW)
            antecedent = _antecedent().search(self.doc.text, window, phrase.start)
            if antecedent is None:
                return None
            name = antecedent.group(1)
            start = antecedent.start(1)
            return self.named(Phrase(start, start + len(name), name, "name"))
        if addressee and is_group_addressee(phrase):
            return None  # "urged European allies": a group spoken to, not an actor
        if phrase.kind == "pronoun":
            if addressee:
                return None
            if pronoun_gender(phrase.text) == PLURAL or phrase.text.lower() == "it":
                return self.group_before(min(before, phrase.start))
            if phrase.text.lower() not in words("person_pronoun"):
                return None
            found = self.pronoun_candidate(phrase, before)
            return found[1] if found is not None else None
        if phrase.text.split()[-1] in document_nouns():  # lower case: "Ada Letter" is a name
            return self.document_issuer(phrase)  # "a NATO summary": its issuer, no person
        if phrase.kind == "name":
            return self.named(phrase)
        return self.described(phrase)

    def pronoun_candidate(self, phrase: Phrase, before: int) -> tuple[int, str] | None:
        """Return ``(offset, actor)`` of the person "he" or "she" stands for, or None.

        The candidates are the name that opens the latest sentence before the pronoun
        and the latest named speakers before it, latest first; the first that is a
        person (:meth:`Genders.is_person`) of a gender that agrees with the pronoun's
        (:func:`analysis.actors.gender.agrees`) is taken. A subject name that is no
        person ("Article Continued Below", a product) is passed over.
        """
        limit = min(before, phrase.start)
        gender = pronoun_gender(phrase.text)
        candidates: list[tuple[int, str, bool, bool]] = [
            (offset, actor, True, False) for offset, _, actor in self.speakers.recent_before(
                limit, PRONOUN_CANDIDATES)]
        subject = bisect_left(self._subject_starts_ready(), limit) - 1
        if subject >= 0:
            offset, name = self.subjects()[subject]
            actor = self.named(Phrase(offset, offset + len(name), name, "name"))
            if actor is not None:
                candidates.append((offset, actor, False, self._titled_subject(offset, name, limit)))
        described = self._office_subject(limit)
        if described is not None:
            candidates.append((*described, False, True))
        candidates.sort(key=lambda candidate: -candidate[0])
        for offset, actor, spoke, titled in candidates:
            if self.genders.is_person(actor, spoke, self.speakers, titled) and agrees(
                    gender, self.genders.of(actor)):
                return offset, actor
        if candidates and gender is not None:
            return self.mentioned_person(limit, gender)
        return None

    def _office_subject(self, limit: int) -> tuple[int, str] | None:
        """``(offset, person)`` of an office that opens the sentence before ``limit``.

        "The secretary general praised Tokyo. “...,” he said.": the description is
        resolved as a speaker's would be (its holder on the date), in the sentence
        holding ``limit`` or the one before it; only a registry person counts.
        """
        sentence = self.doc.sentence_at(limit)
        if sentence is None:
            return None
        for index in (sentence.index, sentence.index - 1):
            if index < 0:
                break
            opening = _OFFICE_SUBJECT.match(self.doc.text, self.doc.sentences[index].start, limit)
            heads = [] if opening is None else [
                match for match in WORDS.finditer(self.doc.text, opening.start(1), opening.end())
                if match.group().lower() in words("title_word")]
            if not heads:  # "The secretary general praised": the office ends at "general"
                continue
            phrase = Phrase(opening.start(), heads[-1].end(),
                            self.doc.text[opening.start():heads[-1].end()], "description")
            actor = self.described(phrase)
            record = self.registry.get(actor) if actor is not None else None
            if record is not None and record.kind == "person":
                return opening.start(), actor
        return None

    def _titled_subject(self, offset: int, name: str, limit: int) -> bool:
        """Tell whether a subject name just before ``limit`` is written after a title.

        Only the subject of the sentence holding ``limit`` or of the one before it
        counts (a titled name paragraphs back is no sign for "she" here).
        """
        here = self.doc.sentence_at(limit)
        there = self.doc.sentence_at(offset)
        if here is None or there is None or there.index < here.index - 1:
            return False
        return strip_titles(name) != name or title_before(self.doc.text, offset) is not None

    def mentioned_person(self, limit: int, gender: str) -> tuple[int, str] | None:
        """The latest person named (not yet quoted) in the two sentences before ``limit``
        whose known gender is the pronoun's: "Lea Vogt met Tomas Berg. He said" -> Berg.
        """
        sentence = self.doc.sentence_at(limit)
        first = sentence.index - MENTION_SENTENCES if sentence is not None else 0
        window = self.doc.sentences[max(0, first)].start if self.doc.sentences else 0
        names = self.names()
        position = bisect_left(names, (limit, ""))
        while position > 0 and names[position - 1][0] >= window:
            position -= 1
            offset, name = names[position]
            if len(name.split()) < 2:
                continue
            actor = self.named(Phrase(offset, offset + len(name), name, "name"))
            if actor is not None and self.genders.is_person(actor, False, self.speakers) \
                    and self.genders.of(actor) == gender:
                return offset, actor
        return None

    def _subject_starts_ready(self) -> list[int]:
        self.subjects()
        return self._subject_starts

    def mentioned(self, start: int, end: int) -> str | None:
        """Return the actor of the mention heading ``text[start:end]`` (see :func:`head_mention`)."""
        head = head_mention(self.doc.text, self.mentions, start, end, self._mention_starts)
        return head.actor if head is not None else None

    def named(self, phrase: Phrase) -> str | None:
        """Resolve a name: its head mention, else the article's fuller name, the registry."""
        if phrase.text.lower() in words("anonymous"):
            return None  # "Analysts said": a group nobody names, not an actor
        if phrase.text.split()[0].lower() in words("determiner") \
                and not any(word[:1].isupper() for word in phrase.text.split()[1:]):
            return self.described(phrase)  # "The mayor" opening a sentence: no name
        holder = self.registry_resolve(phrase.text) if _office_of(phrase.text) else None
        if holder is not None and self._office_in_context(holder, phrase):
            return holder  # "the secretary general of NATO": its holder on the date, not NATO
        actor = self.mentioned(phrase.start, phrase.end)
        owned = self._owned_by_country(phrase) if actor is None else None
        if owned is not None:
            return self.named(owned)  # "Britain's Halberd Marine": the firm
        organisation = _ORGANISATION_OF.search(phrase.text)
        if actor is None and organisation is not None:  # "the Ministry of Trade, Industry and Energy"
            whole = organisation.group()
            return self.registry_resolve(whole) or whole
        name = name_part(phrase.text)
        if actor is not None and not self._other_bearer(phrase.text, actor, phrase.start):
            return actor
        if ACRONYM.fullmatch(name):
            spelled = spelled_out(self.doc.text, name)
            if spelled is not None:  # "the JCS" after "The Joint Chiefs of Staff (JCS)"
                return self.registry_resolve(spelled) or unregistered_name(spelled)
        expanded = self.expand(name, phrase.start)
        if expanded != name and not self._title_allows(expanded, phrase.start):
            expanded = name  # "first lady Kim" is not the "Kim Jong Un" named earlier
        # a surname the article gives in full ("Yoon Ha-eun") is not the registry's "Yoon"
        for candidate in ((expanded,) if expanded != name else (name,)):
            actor = self.registry_resolve(candidate)
            if actor is not None:
                return actor
        resolved = unregistered_name(expanded)
        if len(resolved.split()) == 1 and resolved.lower() in words("anonymous"):
            return None
        return resolved

    def _owned_by_country(self, phrase: Phrase) -> Phrase | None:
        """The name after a country's possessive that opens ``phrase``, if it is a name."""
        index = bisect_left(self._mention_starts, phrase.start)
        if index == len(self.mentions) or self.mentions[index].start != phrase.start:
            return None
        country = self.mentions[index]
        if country.kind != "country" or country.end >= phrase.end:
            return None
        start = possessed_name(phrase.text, country.end - phrase.start)
        if start is None:
            return None
        return Phrase(phrase.start + start, phrase.end, phrase.text[start:], "name")

    def _other_bearer(self, name: str, actor: str, at: int) -> bool:
        """Tell whether a bare surname the registry gives ``actor`` is someone else's here.

        "Yoon said" in a story that names only "Yoon Ha-eun" is her, not the registry's
        Yoon Suk Yeol: the surname belongs to the article's own full name when the
        registry actor is never written in full in the article.
        """
        if len(name.split()) != 1 or self._written_in_full(actor):
            return False
        if title_before(self.doc.text, at) is not None:
            return False  # "first lady Kim": the title chose the registry actor
        expanded = self.expand(name, at)
        return expanded != name and self.registry_resolve(expanded) != actor

    def _written_in_full(self, actor: str) -> bool:
        """Tell whether some mention of ``actor`` in the article is more than one word."""
        if actor not in self._in_full:  # once per actor: an article may name it 1,000 times
            self._in_full[actor] = any(len(self.mentions[number].text.split()) > 1
                                       for number in self.mentions_by_actor().get(actor, ()))
        return self._in_full[actor]

    def _title_allows(self, name: str, start: int) -> bool:
        """Tell whether an office title right before ``start`` fits the registry actor ``name``.

        No title, or a name the registry does not know, allows it; a title that fits none
        of the actor's roles (the rule of :meth:`ActorRegistry.find_mentions`) does not.
        """
        title = title_before(self.doc.text, start)
        actor = self.registry.get(name) if title is not None else None
        return actor is None or title_fits(actor, title.group())

    def expand(self, name: str, at: int) -> str:
        """Return the fullest name in the article that a short mention stands for.

        A surname alone or with a title ("Ms. Delgado") stands for the article's full name.
        """
        name = without_leading_stops(name)
        parts = name.split()
        if len(parts) > 1 and len(unregistered_name(name).split()) > 1:
            return name
        if len(parts) > 1:
            parts = unregistered_name(name).split()
        surname = parts[-1] if parts else name
        actor = self.speakers.latest_with_word(surname)
        if actor is not None:
            return actor
        # the last full name holding the surname before ``at``, else the first after it
        # ("Mr. Halvorsen" is passed over for "Erik Halvorsen")
        offsets, runs = self.names_by_word().get(surname, ((), ()))
        position = bisect_left(offsets, at)
        before = runs[max(0, position - EXPANSION_CANDIDATES):position][::-1]
        after = runs[position:position + EXPANSION_CANDIDATES]
        for run in (*before, *after):
            run = without_leading_stops(run)
            if len(unregistered_name(run).split()) > 1:
                return run
        return name

    def registry_resolve(self, mention: str) -> str | None:
        """Return the one actor the registry says ``mention`` denotes on the date."""
        actor = self.registry.resolve(mention, on=self.on)
        return actor.name if actor is not None else None


#: A definite office opening a sentence: "The secretary general", "The NATO chief",
#: "The U.S. defense secretary" (its last title word ends the office).
_OFFICE_SUBJECT = re.compile(r"The\s+((?:[\w’'.-]+\s+){0,3}[a-z][\w’'-]*)")
#: "the secretary general of NATO": a determiner, lower-case words, "of" and a name.
_OFFICE_OF = re.compile(r"(?:[Tt]he|[Aa]n?)\s+((?:[a-z][\w’'-]*\s+){1,3})of\s+(?:the\s+)?[A-Z]")


def _office_of(phrase: str) -> bool:
    """Tell whether ``phrase`` is an office of a named body or country, not its name.

    Examples
    --------
    >>> _office_of("the secretary general of NATO"), _office_of("the president of South Korea")
    (True, True)
    >>> _office_of("the Bank of Korea"), _office_of("a friend of Kim")
    (False, False)
    """
    match = _OFFICE_OF.match(phrase)
    return match is not None and match.group(1).split()[-1].lower() in words("title_word")


@cache
def _indefinite(head: str) -> re.Pattern[str]:
    """An indefinite description ending in ``head`` ("a senior European official")."""
    return re.compile(rf"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w’'-]+\s+){{0,{BACK_REFERENCE_MAX_WORDS + 1}}}"
                      rf"{re.escape(head)}\b(?!\s*,\s*[A-Z])")
