"""The words and patterns of actor claims, read once from the shipped data files.

Three files under ``analysis/resources/actors/`` hold what :mod:`analysis.actors.claims`
looks for around a person mention: ``us_states.csv`` (the 50 states with their postal codes
and AP abbreviations, with source), ``party_words.csv`` (the words news uses for a party:
"Republican", "GOP", "R") and ``claim_patterns.txt`` (the apposition and parenthesis rules,
with their word lists as ``define`` lines; the file's header explains its syntax).
:func:`claim_vocabulary` reads and compiles them once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from analysis._resources import read_csv_rows, read_lines

__all__ = ["WHERE", "ClaimRule", "ClaimVocabulary", "claim_vocabulary"]

STATES = "actors/us_states.csv"
PARTY_WORDS = "actors/party_words.csv"
PATTERNS = "actors/claim_patterns.txt"
# Function words that may open a sentence before a title ("The", "When"): lower case.
FUNCTION_WORDS = "text/sentence_starters.txt"
#: Where a rule is matched, relative to the person mention (see ``claim_patterns.txt``).
WHERE: tuple[str, ...] = ("after", "after_titled", "before", "before_titled")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class ClaimRule:
    """One rule of ``claim_patterns.txt``: its name, where it is matched and its pattern."""

    name: str
    where: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class ClaimVocabulary:
    """Everything the claim finder reads from data, compiled.

    Examples
    --------
    >>> words = claim_vocabulary()
    >>> words.state_name("N.H."), words.state_name("AK"), words.state_name("Alaska")
    ('New Hampshire', 'Alaska', 'Alaska')
    >>> sorted(words.parties_of("Democratic"))
    ['Democratic Party (United States)', 'Democratic Party of Korea']
    >>> [rule.name for rule in words.rules("after")][:2]
    ['party-of-state', 'office-of-state']
    """

    states: Mapping[str, str]
    state_sources: Mapping[str, str]
    party_words: Mapping[str, frozenset[str]]
    seat_titles: frozenset[str]
    place_words: frozenset[str]
    hedges: re.Pattern[str]
    title_hedges: re.Pattern[str]
    ambiguous_titles: frozenset[str]
    retrospective: frozenset[str]
    function_words: frozenset[str]
    modifiers: frozenset[str]
    by_where: Mapping[str, tuple[ClaimRule, ...]]

    def rules(self, where: str) -> tuple[ClaimRule, ...]:
        """Return the rules matched at ``where`` (one of :data:`WHERE`), in file order."""
        return self.by_where.get(where, ())

    def state_name(self, written: str) -> str | None:
        """Return the state a name, AP abbreviation or postal code stands for, else None."""
        return self.states.get(written.strip())

    def is_modifier(self, word: str) -> bool:
        """Tell whether ``word`` may stand before a title as a state or party ("Alaska Sen.").

        Examples
        --------
        >>> [claim_vocabulary().is_modifier(w) for w in ("Hampshire", "GOP", "Samsung")]
        [True, True, False]
        """
        return word in self.modifiers

    def parties_of(self, word: str) -> frozenset[str]:
        """Return the parties ``word`` may stand for ("Democratic": two), else an empty set."""
        return self.party_words.get(word.strip(), frozenset())


@cache
def claim_vocabulary() -> ClaimVocabulary:
    """Return the claim words and rules, read from the shipped files (cached).

    Examples
    --------
    >>> claim_vocabulary() is claim_vocabulary()
    True
    """
    states, sources, codes = _read_states()
    parties, letters = _read_party_words()
    defines, rule_lines = _read_pattern_file()
    fills = {
        "state": _alternatives(sources),
        "state_code": _alternatives(codes),
        "party": _alternatives(w for w, form in parties.items() if form == "word"),
        "letter": _alternatives(letters),
        **defines,
    }
    by_where: dict[str, list[ClaimRule]] = {where: [] for where in WHERE}
    for number, name, where, body in rule_lines:
        by_where[where].append(ClaimRule(name, where, _compile(body, fills, number)))
    return ClaimVocabulary(
        states=states,
        state_sources=sources,
        party_words=_party_index(),
        seat_titles=frozenset(defines["seat_titles"].split("|")),
        place_words=frozenset(defines["place_words"].split("|")),
        hedges=re.compile(rf"(?<![\w-])(?:{_escaped(defines['hedges'])})\s*$", re.IGNORECASE),
        title_hedges=re.compile(_escaped(defines["title_hedges"]), re.IGNORECASE),
        ambiguous_titles=frozenset(defines["ambiguous_titles"].split("|")),
        retrospective=frozenset(defines["retrospective"].split("|")),
        function_words=frozenset(read_lines(FUNCTION_WORDS)),
        modifiers=frozenset({*parties, *states, *(w for name in sources for w in name.split())}),
        by_where={where: tuple(rules) for where, rules in by_where.items()},
    )


def _read_states() -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Return every spelling -> state name, state name -> source, and every spelling."""
    states: dict[str, str] = {}
    sources: dict[str, str] = {}
    for row in read_csv_rows(STATES):
        name = row["name"]
        sources[name] = row["source"]
        for written in (name, row["ap"], row["postal"]):
            if written:
                states[written] = name
    return states, sources, list(states)


def _read_party_words() -> tuple[dict[str, str], list[str]]:
    forms: dict[str, str] = {}
    for row in read_csv_rows(PARTY_WORDS):
        forms[row["word"]] = row["form"]
    return forms, [word for word, form in forms.items() if form == "letter"]


@cache
def _party_index() -> Mapping[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for row in read_csv_rows(PARTY_WORDS):
        index.setdefault(row["word"], set()).add(row["party"])
    return {word: frozenset(parties) for word, parties in index.items()}


def _read_pattern_file() -> tuple[dict[str, str], list[tuple[int, str, str, str]]]:
    defines: dict[str, str] = {}
    rules: list[tuple[int, str, str, str]] = []
    for number, line in enumerate(read_lines(PATTERNS), start=1):
        keyword, _, rest = line.partition(" ")
        if keyword == "define":
            name, _, value = rest.partition(" = ")
            defines[name.strip()] = value.strip()
        elif keyword == "rule":
            name, where, body = rest.split(" ", 2)
            if where not in WHERE:
                raise ValueError(f"{PATTERNS}: rule {name!r}: {where!r} is not one of {WHERE}")
            rules.append((number, name, where, body))
        else:
            raise ValueError(f"{PATTERNS}: {line!r} is neither a define nor a rule line")
    return defines, rules


def _alternatives(words: Iterable[str]) -> str:
    """Return ``words`` as regular-expression alternatives, longest first."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def _escaped(alternatives: str) -> str:
    return "|".join(re.escape(word) for word in alternatives.split("|"))


def _compile(body: str, fills: Mapping[str, str], number: int) -> re.Pattern[str]:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fills:
            raise ValueError(f"{PATTERNS}: rule {number}: no words for {{{name}}}")
        return f"(?:{fills[name]})"

    return re.compile(_PLACEHOLDER.sub(fill, body))
