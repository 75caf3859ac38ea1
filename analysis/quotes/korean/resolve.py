"""Korean speakers: from a speaker phrase to the speaker as written, its actor and its kind.

A phrase (:mod:`analysis.quotes.korean.phrases`) is read in this order, each step a rule
of Korean news usage (word lists in ``resources/quotes/korean/speaker_words.csv``):

1. a pronoun alone ("그는", "그녀는") goes on from the speaker before it;
2. a phrase headed by an anonymous noun ("외교부 당국자", "한 소식통", "나토 관계자들") names
   nobody: kind ``anonymous``, actor None, whatever organisation it names;
3. a Korean alias of the actor registry (``resources/actors/actors.csv``: 윤석열, 옌스
   스톨텐베르그, 나토, 대통령실, 외교부 ...) names its actor; a person's name wins over the
   organisation and country words around it ("옌스 스톨텐베르그 나토 사무총장");
4. a name before a title that the registry does not know ("이상현 세종연구소 연구위원")
   is a named person: kind ``person``, its actor the name as written ("이상현"), as an
   English name the registry lacks is its own actor; a family name before a title ("윤
   대통령", "김 차장", "이 대변인") goes back to the latest full name with that family name,
   else to the one registry person of that family name holding that title on the date;
5. a title alone ("대통령은", "리투아니아 대통령은", "이 대변인은" with no 이 before) goes
   back to the latest speaker with that title, else resolves by the article's date through
   the registry's roles (kind ``description``);
6. an organisation or country alone is that actor (kind ``organisation``);
7. anything else is kept as written, kind ``unresolved``.

Titles and role nouns are stripped: the speaker as written is the name ("윤석열"), the
family name ("윤"), the title alone, or the anonymous phrase without its determiner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from analysis.actors.registry import ActorRegistry
from analysis.quotes.korean.phrases import Phrase
from analysis.quotes.korean.words import korean_words
from analysis.text.patterns import HANGUL

__all__ = ["KoreanResolver", "Speaker"]

_HANGUL_WORD = re.compile(f"[{HANGUL}]+")
_TITLE_NUMBER = re.compile(r"^\d+")
_PLURAL = "들"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: as written (text and span), its actor and its kind."""

    text: str
    start: int
    end: int
    actor: str | None
    kind: str
    surname: str | None = None
    titles: frozenset[str] = frozenset()


@lru_cache(maxsize=8)
def _all_aliases(registry: ActorRegistry) -> dict[str, tuple[str, str]]:
    """Every alias of ``registry`` (Korean or Latin, "NATO는" too): alias -> (actor, kind).

    An alias several actors share is left out (it resolves only in context).
    """
    seen: dict[str, set[tuple[str, str]]] = {}
    for actor in registry.actors:
        for alias in (actor.name, *actor.aliases):
            seen.setdefault(alias, set()).add((actor.name, actor.kind))
    return {alias: next(iter(found)) for alias, found in seen.items() if len(found) == 1}


@lru_cache(maxsize=8)
def _korean_aliases(registry: ActorRegistry) -> dict[str, tuple[str, str]]:
    """The Hangul aliases of ``registry``: alias -> (actor name, actor kind)."""
    return {alias: found for alias, found in _all_aliases(registry).items()
            if _HANGUL_WORD.search(alias)}


@lru_cache(maxsize=8)
def _alias_pattern(registry: ActorRegistry) -> re.Pattern[str] | None:
    aliases = sorted(_korean_aliases(registry), key=len, reverse=True)
    if not aliases:
        return None
    return re.compile(rf"(?<![{HANGUL}])(?:{'|'.join(map(re.escape, aliases))})")


@dataclass
class KoreanResolver:
    """Resolve the speaker phrases of one article, in text order (it remembers speakers).

    Examples
    --------
    >>> from analysis.actors.registry import default_registry
    >>> from analysis.quotes.korean.phrases import find_phrase
    >>> text = "윤석열 대통령은 말했다. 윤 대통령은 말했다. 외교부 당국자는 말했다."
    >>> resolver = KoreanResolver(text, default_registry(), None)
    >>> for begin in (0, 14, 26):
    ...     s = resolver.resolve(find_phrase(text, begin, begin + 10))
    ...     print(s.text, s.actor, s.kind)
    윤석열 Yoon Suk Yeol person
    윤 Yoon Suk Yeol person
    외교부 당국자 None anonymous
    """

    text: str
    registry: ActorRegistry
    published: date | None
    history: list[Speaker] = field(default_factory=list)

    def resolve(self, phrase: Phrase) -> Speaker:
        """Return the speaker of ``phrase`` and remember it for the phrases after it."""
        speaker = self._read(phrase)
        self.history.append(speaker)
        return speaker

    def read(self, phrase: Phrase) -> Speaker:
        """Return the speaker of ``phrase`` without remembering it (see :meth:`remember`)."""
        return self._read(phrase)

    def last(self) -> Speaker | None:
        """The latest speaker resolved, or None."""
        return self.history[-1] if self.history else None

    def remember(self, speaker: Speaker) -> None:
        """Count ``speaker`` as the latest one (a quote that goes on from it)."""
        self.history.append(speaker)

    # -- the steps ----------------------------------------------------------------------

    def _read(self, phrase: Phrase) -> Speaker:
        words = korean_words()
        all_words = list(phrase.words)
        determiner = all_words[0][0] if len(all_words) > 1 and all_words[0][0] in (
            words.determiners) else None
        content = all_words[1:] if determiner else all_words
        titles = frozenset(_title(word) for word, _, _ in content if _title(word) in words.titles)
        if len(all_words) == 1 and all_words[0][0] in words.pronouns:
            return self._goes_on(all_words[0])
        if _anonymous(content[-1][0]):
            return self._span(content, None, "anonymous", titles=titles)
        aliases = self._aliases(content)
        person = [found for found in aliases if found[3] == "person"]
        if person:
            first, last, actor, _ = max(person, key=lambda f: (f[1] - f[0], f[0]))
            return self._span(content[first:last], actor, "person",
                              surname=content[first][0][0], titles=titles)
        name_words = _name_words(content, aliases, words.titles, phrase)
        if determiner in words.surnames and not name_words and titles:
            back = self._by_surname(determiner, titles, phrase.start)
            if back is not None:
                return self._copy(back, all_words[:1], titles)
        if name_words:
            if len(name_words) == 1 and name_words[0][0] in words.surnames:
                back = self._by_surname(name_words[0][0], titles, phrase.start)
                if back is not None:
                    return self._copy(back, name_words, titles)
            if _named_person(name_words, phrase):
                name = self.text[name_words[0][1]:name_words[-1][2]]
                return self._span(name_words, name, "person", surname=name_words[0][0][0],
                                  titles=titles)
            return self._span(name_words, None, "unresolved", surname=name_words[0][0][0],
                              titles=titles)
        if titles and content and _title(content[-1][0]) in words.titles:
            return self._by_title(content, aliases, titles)
        if aliases:
            first, last, actor, _ = aliases[-1]
            return self._span(content[first:last], actor, "organisation", titles=titles)
        return self._span(content, None, "unresolved", titles=titles)

    def _goes_on(self, word: tuple[str, int, int]) -> Speaker:
        before = self.last()
        if before is None:
            return Speaker(word[0], word[1], word[2], None, "unresolved")
        return self._copy(before, [word], before.titles)

    def _copy(self, source: Speaker, words: list, titles: frozenset[str]) -> Speaker:
        return Speaker(" ".join(w for w, _, _ in words), words[0][1], words[-1][2],
                       source.actor, source.kind, source.surname, titles | source.titles)

    def _span(self, words: list, actor: str | None, kind: str, *, surname: str | None = None,
              titles: frozenset[str] = frozenset()) -> Speaker:
        return Speaker(self.text[words[0][1]:words[-1][2]], words[0][1], words[-1][2], actor,
                       kind, surname, titles)

    def _aliases(self, words: list) -> list[tuple[int, int, str, str]]:
        """Every run of ``words`` that is a Korean alias: (first, last, actor, kind)."""
        known = _all_aliases(self.registry)
        found = []
        for first in range(len(words)):
            for last in range(first + 1, len(words) + 1):
                alias = " ".join(w for w, _, _ in words[first:last])
                if alias in known:
                    name, kind = known[alias]
                    found.append((first, last, name, kind))
        return found

    def _by_surname(self, surname: str, titles: frozenset[str], before: int) -> Speaker | None:
        """The latest speaker or registry name before ``before`` with that family name."""
        for speaker in reversed(self.history):
            if speaker.surname == surname and speaker.kind in {"person", "unresolved"}:
                return speaker
        pattern = _alias_pattern(self.registry)
        if pattern is None:
            return None
        known = _korean_aliases(self.registry)
        latest = None
        for match in pattern.finditer(self.text, 0, before):
            alias = match.group()
            name, kind = known[alias]
            if kind == "person" and len(alias) > 1 and alias[0] == surname and " " not in alias:
                latest = Speaker(alias, match.start(), match.end(), name, "person", surname)
        return latest if latest is not None else self._office_holder(surname, titles)

    def _office_holder(self, surname: str, titles: frozenset[str]) -> Speaker | None:
        """The one registry person with that family name who holds the title (by date)."""
        english = {korean_words().english_titles.get(title) for title in titles} - {None}
        if not english:
            return None
        holders = {
            name for alias, (name, kind) in _korean_aliases(self.registry).items()
            if kind == "person" and len(alias) > 1 and alias[0] == surname
            and " " not in alias and self._holds(name, english)
        }
        if len(holders) != 1:
            return None
        return Speaker(surname, 0, 0, holders.pop(), "person", surname)

    def _holds(self, name: str, english: set[str | None]) -> bool:
        actor = self.registry.get(name)
        roles = actor.roles_on(self.published) if actor is not None else ()
        titles = [role.title.lower() for role in roles]  # "Presidential Spokesperson" too
        return any(t == e or t.endswith(f" {e}") for t in titles for e in english if e)

    def _by_title(self, content: list, aliases: list, titles: frozenset[str]) -> Speaker:
        """A title alone: the latest speaker with that title, else the registry by date."""
        title_words = [w for w in content if _title(w[0]) in titles]
        for speaker in reversed(self.history):
            if speaker.titles & titles and speaker.actor is not None:
                return self._copy(speaker, title_words, titles)
        english = [korean_words().english_titles.get(_title(w[0])) for w in title_words]
        context = [actor for _, _, actor, _ in aliases] or ["South Korea"]
        for title in filter(None, english):
            actor = self.registry.resolve(title, self.published, context=context)
            if actor is not None:
                return self._span(title_words, actor.name, "description", titles=titles)
        return self._span(content, None, "unresolved", titles=titles)


def _title(word: str) -> str:
    """The title a word ends in ("1차장" -> "차장", "책임연구위원" -> "연구위원"), else the word.

    Examples
    --------
    >>> _title("1차장"), _title("책임연구위원"), _title("부대변인"), _title("세종연구소")
    ('차장', '연구위원', '대변인', '세종연구소')
    """
    word = _TITLE_NUMBER.sub("", word)
    titles = korean_words().titles
    if word in titles:
        return word
    endings = [title for title in titles if len(title) > 1 and word.endswith(title)]
    return max(endings, key=len) if endings else word


def _anonymous(head: str) -> bool:
    """Tell whether the head noun of a phrase names nobody ("당국자", "관계자들", "고위관계자")."""
    head = head.removesuffix(_PLURAL)
    return any(head.endswith(noun) for noun in korean_words().anonymous)


def _name_words(content: list, aliases: list, titles: frozenset[str], phrase: Phrase) -> list:
    """The words of a name before a title, or [] (module docs, step 4).

    A Korean name (a proper noun for Kiwi, two to four Hangul syllables after a common
    family name, not an alias, not the name of an organisation) wherever it stands
    ("이상현 세종연구소 연구위원", "국민의힘 김기현 대표"); else the words from the start up
    to the first alias, organisation name or title (a foreign name: "케빈 러드 호주 대사").
    """
    if not content or _title(content[-1][0]) not in titles:
        return []
    words = korean_words()
    alias_words = {index for first, last, _, _ in aliases for index in range(first, last)}
    first_title = next(index for index, word in enumerate(content)
                       if _title(word[0]) in titles)
    names = []
    for index, word in enumerate(content[:first_title]):
        if index in alias_words or _organisation(word[0]):
            break
        names.append(word)
    if len(names) > 1 and phrase.is_proper(names[0]):
        return names  # a foreign name of several words ("마야 린 한국석좌"): not its first word
    for index, word in enumerate(content[:-1]):
        # a name may end like a title ("임수석 대변인"): a proper noun before the last word is
        # read as a name first
        if (index not in alias_words and not _organisation(word[0])
                and _korean_name(word[0]) and phrase.is_proper(word)):
            return [word]
    if len(names) == 1 and len(names[0][0]) == 1 and names[0][0] not in words.surnames:
        return []
    return names


def _named_person(name_words: list, phrase: Phrase) -> bool:
    """Tell whether the words of a name before a title name a person (module docs, step 4).

    A Korean name ("조태열") or a name Kiwi reads as proper nouns ("빅터 차", "케빈 러드"),
    not words such as "이날 현지" before a title.
    """
    first = name_words[0]
    return phrase.is_proper(first)


def _organisation(word: str) -> bool:
    """Tell whether ``word`` ends like the name of an organisation ("세종연구소", "외교부")."""
    return any(word.endswith(suffix) for suffix in korean_words().organisation_suffixes)


def _korean_name(word: str) -> bool:
    """Tell whether ``word`` is shaped like a Korean name: a family name and 1-3 syllables."""
    return (2 <= len(word) <= 4 and _HANGUL_WORD.fullmatch(word) is not None
            and word[0] in korean_words().surnames)
