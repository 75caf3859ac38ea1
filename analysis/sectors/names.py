"""Names the actor registry knows: organisation names and job titles a sector word is part of.

A sector alias inside a registry organisation's name ("the Cyber Command", a user's
"Hybrid CoE") or inside a title or description the registry gives an office ("the cyber
ambassador") is not a mention of the sector. The registry is read only through its public
API: :meth:`~analysis.actors.registry.ActorRegistry.find_mentions` (or the article's actor
mentions, already found once by the pipeline) for organisation names, and each actor's
``descriptions`` and roles' ``title`` / ``descriptions`` for descriptions and titles
(compared case-insensitively, whole words). :func:`registry_name_spans` gives the spans;
:mod:`analysis.sectors.mentions` excludes what overlaps them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from analysis.actors.records import ActorMention
from analysis.actors.registry import ActorRegistry
from analysis.actors.trie import caseless_trie_regex
from analysis.sectors.matching import ORGANISATION, TITLE

__all__ = ["NameSpan", "name_context", "registry_name_spans", "registry_phrases"]

#: (start, end, context) of a name in a text; context is "organisation" or "title".
NameSpan = tuple[int, int, str]


@lru_cache(maxsize=8)
def registry_phrases(registry: ActorRegistry) -> tuple[tuple[str, str], ...]:
    """Return (phrase, context) of every description and title the registry holds.

    Organisation descriptions ("South Korean foreign ministry") are ``"organisation"``;
    persons' descriptions and every role title and description are ``"title"``. Each
    phrase is given once, with a leading "the" dropped.

    Examples
    --------
    >>> from analysis.actors.registry import default_registry
    >>> phrases = dict(registry_phrases(default_registry()))
    >>> phrases["Secretary General"], phrases["South Korean foreign ministry"]
    ('title', 'organisation')
    """
    found: dict[str, str] = {}
    for actor in registry.actors:
        kind = ORGANISATION if actor.kind == "organisation" else TITLE
        for phrase in actor.descriptions:
            found.setdefault(_bare(phrase), kind)
        for role in actor.roles:
            for phrase in (role.title, *role.descriptions):
                found.setdefault(_bare(phrase), TITLE)
    return tuple((phrase, kind) for phrase, kind in found.items()
                 if re.search(r"[^\W\d_]", phrase))


def _bare(phrase: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", " ".join(phrase.split()))


@lru_cache(maxsize=8)
def _phrase_regex(phrases: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {phrase.casefold(): kind for phrase, kind in phrases}
    # a trie finds the longest phrase at each position, as the alternation longest first
    # does, several times faster; the alternation stays for phrases a trie cannot hold
    body = caseless_trie_regex(kinds) if kinds else "(?!)"
    if body is None:
        ordered = sorted(kinds, key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), kinds


def registry_name_spans(
    text: str,
    registry: ActorRegistry,
    actor_mentions: Sequence[ActorMention] | None = None,
    *,
    on: dt.date | None = None,
) -> list[NameSpan]:
    """Return the registry's organisation names, descriptions and titles in ``text``.

    Parameters
    ----------
    text : str
    registry : ActorRegistry
    actor_mentions : sequence of ActorMention, optional
        The text's actor mentions, when already found (the pipeline finds them once);
        else ``registry.find_mentions(text, on=on)``.
    on : date, optional
        The article's date, for finding mentions.

    Examples
    --------
    >>> from analysis.actors.records import Actor
    >>> registry = ActorRegistry([Actor("Cyber Command", "organisation", ("Cyber Command",),
    ...                                 (), "United States", "a user file")])
    >>> registry_name_spans("The Cyber Command said so.", registry)
    [(4, 17, 'organisation')]
    """
    if actor_mentions is None:
        actor_mentions = registry.find_mentions(text, on=on)
    spans = [(m.start, m.end, ORGANISATION) for m in actor_mentions
             if m.kind == "organisation"]
    regex, kinds = _phrase_regex(registry_phrases(registry))
    spans += [(m.start(), m.end(), kinds[" ".join(m.group().split()).casefold()])
              for m in regex.finditer(text)]
    return sorted(spans)


def name_context(start: int, end: int, spans: Iterable[NameSpan]) -> str | None:
    """Return the context of the first name ``start``-``end`` is part of, or None.

    A sector phrase is part of a name it overlaps, unless the name is a proper part of
    the phrase ("NATO standards" names a sector; "NATO" is only its modifier).

    Examples
    --------
    >>> name_context(4, 9, [(0, 17, "organisation")]), name_context(20, 25, [(0, 17, "title")])
    ('organisation', None)
    >>> name_context(0, 14, [(0, 4, "organisation")]) is None  # "NATO standards"
    True
    """
    return next((kind for a, b, kind in spans
                 if a < end and start < b
                 and not (start <= a and b <= end and b - a < end - start)), None)
