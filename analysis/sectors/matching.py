"""Alias matching: every alias of a taxonomy compiled into one regular expression.

* **One pass.** All aliases are compiled into one regular expression (branches grouped
  by first letter, so a corpus is scanned at several MB per second), longest alias
  first, so at any position the longest alias wins: "disarmament and
  nonproliferation" is one area, not "disarmament" plus "nonproliferation", and
  "science and technology" is not read as "technology". Every alias must start a word.
* **English** aliases match case-insensitively at word boundaries; inside an alias a
  space or hyphen matches any run of spaces and hyphens, or none ("cyber defence",
  "cyber-defence", "cyberdefence"; "counter-terrorism", "counterterrorism"), a comma
  is optional ("women, peace and security" / "women peace and security") and "and"
  also matches "&".
* **Korean** has no word boundaries, so a Korean alias matches when the character
  before it is not a letter or digit and what follows it is not Hangul or is one of the particles
  and endings listed in ``resources/text/korean_particles.txt`` (와, 를, 의, 에서 ..., and a
  few closed-up compound heads such as 센터, 작전; at most two in a row) followed by a
  non-Hangul character: "사이버방위와", "사이버방위를" match, "과학기술정보통신부"
  (a ministry) does not. Korean spacing varies, so between any two characters of a
  Korean alias one space may or may not stand ("사이버방위" = "사이버 방위"), and the
  middle dot "·" also matches "ㆍ", ",", "/" or nothing.

A match becomes a :class:`SectorMention` once the sentence it is in has been read
(:mod:`analysis.sectors.statements` decides its ``context``;
:mod:`analysis.sectors.mentions` its confidence and the exclusions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from analysis._resources import read_lines
from analysis.actors.trie import trie_regex
from analysis.sectors.taxonomy import ALIAS_SEPARATORS, Taxonomy, alias_key
from analysis.text.patterns import HANGUL, HYPHENS
from analysis.text.segmentation import Sentence

__all__ = [
    "EXCLUDED_CONTEXTS",
    "MENTION",
    "ORGANISATION",
    "PROGRAMME_LIST",
    "TITLE",
    "Alias",
    "Match",
    "Matcher",
    "SectorMention",
    "matcher_for",
    "raw_matches",
]

#: ``context`` of a mention that is an item of a programme's list of areas.
PROGRAMME_LIST = "programme-list"
#: ``context`` of every other mention.
MENTION = "mention"
#: ``context`` of a match inside an organisation's name ("the Cyber Command"; kept only
#: on request, see :mod:`analysis.sectors.mentions`).
ORGANISATION = "organisation"
#: ``context`` of a match inside a job title ("a cyber security researcher"; kept only on
#: request).
TITLE = "title"
#: The contexts of matches that are not sector mentions.
EXCLUDED_CONTEXTS: tuple[str, ...] = (ORGANISATION, TITLE)

_HAS_HANGUL = re.compile(f"[{HANGUL}]")
# Between the words of an English alias: any run of spaces and hyphens, or none.
_EN_JOIN = rf"[\s{re.escape(HYPHENS)}]*"
_HYPHEN = re.compile(f"[{re.escape(HYPHENS)}]")
# For the middle dot of a Korean alias: "·", "ㆍ", "・", ",", "/" or nothing.
_KO_DOT = r"\s*[·ㆍ・,/]?\s*"


@dataclass(frozen=True, slots=True)
class SectorMention:
    """A sector named in a text: offsets into Article.text and the words as written.

    ``context`` is ``"programme-list"`` when the mention is an item of a programme's
    list of areas, ``"organisation"`` or ``"title"`` for a match inside an organisation's
    name or a job title (kept only on request), else ``"mention"``; ``sentence`` is the sentence index;
    ``confidence`` in [0, 1] is set by :mod:`analysis.sectors.mentions` (None before).
    """

    sector: str
    label: str
    start: int
    end: int
    matched: str
    context: str
    sentence: int | None = None
    confidence: float | None = None


def _english_tokens(alias: str) -> list[str]:
    return _HYPHEN.sub(" ", alias).replace(",", " , ").replace("&", " and ").split()


def _english_pattern(alias: str) -> str:
    tokens = _english_tokens(alias)
    parts: list[str] = []
    previous_word = False
    for token in tokens:
        if token == ",":
            parts.append(r"\s*,?\s*")
            previous_word = False
            continue
        if previous_word:
            parts.append(_EN_JOIN)
        parts.append("(?:and|&)" if token.lower() == "and" else re.escape(token))
        previous_word = True
    return r"(?<!\w)" + "".join(parts) + r"(?!\w)"


@cache
def _korean_ending() -> str:
    particles = sorted(read_lines("text/korean_particles.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in particles)
    return rf"(?=(?:{alternatives}){{0,2}}(?![{HANGUL}]))"  # e.g. 센터 + 를


def _korean_pattern(alias: str) -> str:
    parts: list[str] = []
    for char in re.sub(r"\s+", "", alias):
        if char in "·ㆍ・/":
            parts.append(_KO_DOT)
            continue
        if parts and parts[-1] != _KO_DOT:
            parts.append(r"\s?")  # Korean spacing varies: 사이버방위 / 사이버 방위
        parts.append(re.escape(char))
    return rf"(?<![{HANGUL}])" + "".join(parts) + _korean_ending()


def _alias_pattern(alias: str) -> str:
    return _korean_pattern(alias) if _HAS_HANGUL.search(alias) else _english_pattern(alias)


def _lead(alias: str) -> str | None:
    """Return the literal an alias's pattern starts with (None: it starts otherwise)."""
    if _HAS_HANGUL.search(alias):
        first = re.sub(r"\s+", "", alias)[:1]
        return first if first and first not in "·ㆍ・/" else None
    tokens = _english_tokens(alias)
    if not tokens or tokens[0] == "," or tokens[0].lower() == "and":
        return None
    return tokens[0]


def _lead_regex(aliases: tuple[Alias, ...]) -> re.Pattern[str] | None:
    """Where an alias may start: a word start followed by the first word of an alias.

    A necessary condition of a match, tested much faster than the alias regex itself (one
    pass over a trie of a hundred first words instead of trying every alias at every word);
    None when some alias pattern does not start with a literal.
    """
    leads = {_lead(alias.text) for alias in aliases}
    if not leads or None in leads:
        return None
    return re.compile(rf"(?<!\w)(?:{trie_regex(sorted(leads))})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Alias:
    """One alias of one sector, and whether it counts only as an item of a list."""

    text: str
    sector: str
    list_only: bool


@dataclass(frozen=True)
class Matcher:
    """A taxonomy's aliases compiled into one regex: group ``i + 1`` matched ``aliases[i]``."""

    regex: re.Pattern[str]
    aliases: tuple[Alias, ...]  # group i + 1 matched aliases[i]
    labels: dict[str, str] = field(hash=False)
    #: where a match may start (:func:`_lead_regex`), or None: try everywhere
    lead: re.Pattern[str] | None = field(default=None, hash=False, compare=False)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """Yield the matches of :attr:`regex` in ``text[start:end]``, as ``regex.finditer`` does.

        The regex is tried only where :attr:`lead` finds the first word of an alias: no
        match can start anywhere else, so the matches are the same, found several times
        faster (most sentences name no sector).

        Examples
        --------
        >>> from analysis.sectors.taxonomy import default_taxonomy
        >>> matcher = matcher_for(default_taxonomy())
        >>> text = "Talks on cyber defence and space went well."
        >>> [m.group() for m in matcher.finditer(text)]
        ['cyber defence', 'space']
        >>> [m.span() for m in matcher.finditer(text)] == [
        ...     m.span() for m in matcher.regex.finditer(text)]
        True
        """
        end = len(text) if end is None else end
        if self.lead is None:
            yield from self.regex.finditer(text, start, end)
            return
        position = start
        while (candidate := self.lead.search(text, position, end)) is not None:
            at = candidate.start()
            match = self.regex.match(text, at, end)
            if match is None:
                position = at + 1
                continue
            yield match
            position = max(match.end(), at + 1)


def _n_parts(alias: Alias) -> int:
    return len(ALIAS_SEPARATORS.split(alias.text.strip()))


@cache
def matcher_for(taxonomy: Taxonomy) -> Matcher:
    """Compile every alias of ``taxonomy`` into one regex, longest alias first.

    Every alias must start a word (no letter or digit before it, in any script), so a
    Korean alias after Latin letters or digits does not match either.
    """
    by_key: dict[str, Alias] = {}

    def add(alias: Alias) -> None:
        # aliases that differ only in spacing share a key; keep the most spaced form,
        # whose pattern also matches the closed-up one ("cyber security" ~ "cybersecurity")
        key = alias_key(alias.text)
        kept = by_key.get(key)
        if kept is None or (kept.list_only == alias.list_only and _n_parts(alias) > _n_parts(kept)):
            by_key[key] = alias

    for sector in taxonomy.sectors:
        for alias in (*sector.aliases_en, *sector.aliases_ko):
            add(Alias(alias, sector.id, False))
        for alias in sector.list_only:
            add(Alias(alias, sector.id, True))
    ordered = sorted(by_key.values(), key=lambda a: (-len(alias_key(a.text)), a.text))
    groups: dict[str, list[Alias]] = {}
    for alias in ordered:  # branches grouped by first letter: a fast dispatch, same order
        groups.setdefault(alias.text[0].casefold(), []).append(alias)
    aliases = tuple(alias for group in groups.values() for alias in group)
    branches = [
        f"(?={re.escape(first)})(?:"
        + "|".join(f"({_alias_pattern(alias.text)})" for alias in group)
        + ")"
        for first, group in groups.items()
    ]
    pattern = r"(?<!\w)(?:" + "|".join(branches) + ")" if branches else r"(?!x)x"
    regex = re.compile(pattern, re.IGNORECASE)
    labels = {sector.id: sector.label for sector in taxonomy.sectors}
    return Matcher(regex, aliases, labels, _lead_regex(aliases))


@dataclass(frozen=True, slots=True)
class Match:
    """An alias matched at ``[start, end)``, before its sentence decides whether it counts."""

    start: int
    end: int
    alias: Alias


def raw_matches(text: str, sentence: Sentence, matcher: Matcher) -> list[Match]:
    """Return the alias matches inside ``sentence``, in text order."""
    return [
        Match(m.start(), m.end(), matcher.aliases[m.lastindex - 1])
        for m in matcher.finditer(text, sentence.start, sentence.end)
        if m.lastindex
    ]
