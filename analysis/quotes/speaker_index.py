"""Indexes of one article's speakers and titled names, for the resolver's lookups.

:class:`Speakers` holds the speakers resolved so far (who a pronoun or a surname may
stand for); :class:`TitledNames` every "Title Name" ("Senator Pete Ricketts") that a
description ("the senator") may stand for. Both answer in logarithmic time, so an
article with many quotes is not read again for every one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache

__all__ = ["APPOSITIVE_MAX_WORDS", "APPOSITIVE_WINDOW", "TITLED_NAME_MAX_WORDS", "AppositiveNames", "Speakers",
           "TitledNames"]

#: Most words of the name after a title ("Senator Pete Ricketts").
TITLED_NAME_MAX_WORDS = 3
#: Most words between the article of an appositive and its head noun ("Ingrid Solberg, a
#: defense economist"; "Park Ji-won, an independent lawmaker").
APPOSITIVE_MAX_WORDS = 4
# A name of one to three capitalised words ("Gen Nakatani", "Wi Sung-lac", "Han").
_NAME = rf"((?:[A-Z][\w’'-]*[a-z][\w’'-]*\s){{0,{TITLED_NAME_MAX_WORDS - 1}}}[A-Z][\w’'-]*[a-z][\w’'-]*)"


@cache
def _titled_name(title: str) -> re.Pattern[str]:
    """Pattern for a title followed by a name ("Senator Pete Ricketts"), compiled once."""
    return re.compile(rf"\b{re.escape(title)}\s+((?:[A-Z][\w’'-]+\s?){{1,{TITLED_NAME_MAX_WORDS}}})")



class Speakers:
    """The speakers resolved so far, in the order found: (offset, mention, actor).

    Kept with two indexes so every question a pronoun or a surname asks is a lookup,
    not a pass over every earlier speaker: the latest speaker whose mention or actor
    holds a word, and the latest speaker found whose offset is before a limit (a
    Fenwick tree of the latest entry number over offsets, so a query is
    logarithmic however the offsets are ordered).
    """

    def __init__(self, offsets: Iterable[int] = ()) -> None:
        self.entries: list[tuple[int, str, str]] = []
        self._by_word: dict[str, str] = {}
        #: the offsets speakers may have, sorted (an offset not given is inserted)
        self._offsets: list[int] = sorted(set(offsets))
        #: Fenwick tree over ``_offsets`` of the latest entry number + 1 (0: none)
        self._tree: list[int] = [0] * len(self._offsets)

    def __iter__(self) -> Iterator[tuple[int, str, str]]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, offset: int, mention: str, actor: str) -> None:
        """Record a speaker mention at ``offset`` resolved to ``actor``.

        Examples
        --------
        >>> speakers = Speakers([10, 40])
        >>> speakers.add(40, "Kim", "Kim Eun-hye"); speakers.add(10, "Yoon", "Yoon Suk Yeol")
        >>> speakers.last_before(41)[2], speakers.last_before(30)[2], speakers.last_before(5)
        ('Yoon Suk Yeol', 'Yoon Suk Yeol', None)
        >>> speakers.add(20, "he", "Kim Eun-hye"); speakers.latest_with_word("Kim")
        'Kim Eun-hye'
        """
        number = len(self.entries)
        self.entries.append((offset, mention, actor))
        for word in mention.split() + actor.split():
            self._by_word[word] = actor
        position = bisect_left(self._offsets, offset)
        if position == len(self._offsets) or self._offsets[position] != offset:
            self._offsets.insert(position, offset)
            self._rebuild()
        else:
            self._update(position, number + 1)

    def recent_before(self, limit: int, most: int) -> list[tuple[int, str, str]]:
        """Return up to ``most`` of the latest speakers found whose offset is before ``limit``.

        Only the last ``4 * most`` speakers found are looked at (speakers are found in
        text order), so a query stays short in an article with many quotes.

        Examples
        --------
        >>> speakers = Speakers([10, 40])
        >>> speakers.add(10, "Yoon", "Yoon Suk Yeol"); speakers.add(40, "Kim", "Kim Eun-hye")
        >>> [actor for _, _, actor in speakers.recent_before(41, 5)]
        ['Kim Eun-hye', 'Yoon Suk Yeol']
        """
        found = [entry for entry in reversed(self.entries[-4 * most:]) if entry[0] < limit]
        return found[:most]

    def latest_with_word(self, word: str) -> str | None:
        """Return the actor of the latest speaker whose mention or actor holds ``word``."""
        return self._by_word.get(word)

    def last_before(self, limit: int) -> tuple[int, str, str] | None:
        """Return the latest speaker found whose offset is before ``limit``, or None."""
        position = bisect_left(self._offsets, limit)
        best = 0
        while position > 0:
            best = max(best, self._tree[position - 1])
            position -= position & -position
        return self.entries[best - 1] if best else None

    def _update(self, position: int, value: int) -> None:
        position += 1
        while position <= len(self._tree):
            self._tree[position - 1] = max(self._tree[position - 1], value)
            position += position & -position

    def _rebuild(self) -> None:
        self._tree = [0] * len(self._offsets)
        for number, (offset, _, _) in enumerate(self.entries):
            self._update(bisect_left(self._offsets, offset), number + 1)


class TitledNames:
    """Every "Title Name" of an article ("Senator Pete Ricketts"), found once per title.

    :meth:`last_before` gives what ``_titled_name(title).finditer(text, 0, end)`` would
    end with, without reading the text from its start for every description: the title's
    matches are found once (where it stands as a whole word followed by a space), and a
    query is a bisect (plus a rescan of the one match ``end`` may cut).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._matches: dict[str, tuple[list[int], list[re.Match[str]]]] = {}

    def _all(self, title: str) -> tuple[list[int], list[re.Match[str]]]:
        found = self._matches.get(title)
        if found is None:
            pattern = _titled_name(title)
            starts: list[int] = []
            matches: list[re.Match[str]] = []
            end = 0
            for start in self._title_starts(title):
                if start < end:
                    continue
                match = pattern.match(self.text, start)
                if match is not None:
                    starts.append(start)
                    matches.append(match)
                    end = match.end()
            found = self._matches[title] = (starts, matches)
        return found

    def _title_starts(self, title: str) -> list[int]:
        """Where ``title`` stands as a whole word followed by white space (none when it is
        not all word characters: such a title never stands before a name here)."""
        if not _ALL_WORD.fullmatch(title):
            return []
        return [m.start() for m in re.finditer(rf"\b{re.escape(title)}\s", self.text)]

    def last_before(self, title: str, end: int) -> re.Match[str] | None:
        """Return the last match of ``title`` and a name in ``text[:end]``, or None."""
        starts, matches = self._all(title)
        position = bisect_left(starts, end) - 1
        if position < 0:
            return None
        if matches[position].end() <= end:
            return matches[position]
        # ``end`` cuts this match: scan again from its start with the text ending at ``end``
        last = matches[position - 1] if position > 0 else None
        for match in _titled_name(title).finditer(self.text, starts[position], end):
            last = match
        return last


#: A short complement naming where a role is held, between the head noun and the name:
#: "ambassador to the European Union, Grace Whitaker", "director at Lumen Labs, Ivo Kern".
_POST_MODIFIER = r"(?:\s+(?:to|at|for|in|of)\s+(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*)?"


@cache
def _appositives(head: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns for a name in apposition with a description whose head noun is ``head``.

    Either order: "Japan's defense minister, Gen Nakatani," (the head, a short complement
    such as "to the European Union" if any, a comma, the name
    and a comma or stop: the second pattern, matched at the head) or "Ingrid Solberg, a
    defense economist" (the name, a comma, an article or possessive, up to
    :data:`APPOSITIVE_MAX_WORDS` words and the head: the third, searched in the
    :data:`APPOSITIVE_WINDOW` characters before the head and ending at it). The first
    finds the head; only there are the others tried, so the text is read once.
    """
    noun = re.escape(head)
    determiner = r"(?:an?|the|its|his|her|their|[A-Z][\w.-]*['’]s)"
    return (
        re.compile(rf"\b{noun}\b"),
        re.compile(rf"{noun}{_POST_MODIFIER},\s+(?P<name>{_NAME[1:-1]})(?=[,.;])"),
        re.compile(rf"(?<![\w’'-])(?P<name>{_NAME[1:-1]}),\s+{determiner}\s+"
                   rf"(?:[\w’'-]+\s+){{0,{APPOSITIVE_MAX_WORDS}}}?{noun}$"),
    )


#: Characters before a head noun searched for a name in apposition with it.
APPOSITIVE_WINDOW = 160


class AppositiveNames:
    """Every name in apposition with a description of an article, found once per head noun.

    "Japan's defense minister, Gen Nakatani, was blunter. ... the minister said": the
    minister is Gen Nakatani. :meth:`last_before` gives the last such name before an
    offset, by bisect over the matches found at each occurrence of the head noun (found
    once per head).

    Examples
    --------
    >>> text = "Its envoy, Ana Ruiz, arrived. Tomas Berg, a trade analyst, waited. The envoy"
    >>> names = AppositiveNames(text)
    >>> names.last_before("envoy", len(text)), names.last_before("analyst", len(text))
    (('Ana Ruiz', 11), ('Tomas Berg', 30))
    >>> names.last_before("minister", len(text)) is None
    True
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, tuple[list[int], list[tuple[str, int]], list[bool]]] = {}

    def _appositives_of(self, head: str) -> tuple[list[int], list[tuple[str, int]], list[bool]]:
        """Ends, ``(name, offset)`` pairs and whether the head comes first, in text order."""
        found = self._found.get(head)
        if found is None:
            ends: list[int] = []
            names: list[tuple[str, int]] = []
            head_first: list[bool] = []
            heads, after, before = _appositives(head)
            for at in heads.finditer(self.text):
                match = before.search(self.text, max(0, at.start() - APPOSITIVE_WINDOW), at.end())
                first = match is None
                if first:
                    match = after.match(self.text, at.start())
                if match is not None:
                    ends.append(match.end())
                    names.append((match.group("name"), match.start("name")))
                    head_first.append(first)
            found = self._found[head] = (ends, names, head_first)
        return found

    def last_before(self, head: str, end: int) -> tuple[str, int] | None:
        """Return ``(name, offset)`` of the last appositive of ``head`` ending before ``end``."""
        ends, names, _ = self._appositives_of(head)
        position = bisect_left(ends, end + 1) - 1
        return names[position] if position >= 0 else None

    def first_after(self, head: str, start: int, within: int) -> tuple[str, int] | None:
        """Return the first "the <head>, NAME" whose name starts after ``start``, within ``within``.

        Only the head-first form counts: a later "The executive, Han Ji-won," names the
        role an earlier "the company's chief executive" spoke in.

        Examples
        --------
        >>> text = "The chief executive said no. The executive, Han Ji-won, left."
        >>> AppositiveNames(text).first_after("executive", 20, 80)
        ('Han Ji-won', 44)
        >>> AppositiveNames(text).first_after("executive", 20, 10) is None
        True
        """
        ends, names, head_first = self._appositives_of(head)
        for position in range(bisect_left(ends, start + 1), len(ends)):
            _, offset = names[position]
            if offset - start > within:
                return None
            if head_first[position] and offset > start:
                return names[position]
        return None


#: A title made of word characters only: the only kind :class:`TitledNames` looks for.
_ALL_WORD = re.compile(r"\w+")
