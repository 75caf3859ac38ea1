"""Actor mentions in articles: the records, their table rows and the ``actors`` table.

:func:`extract_actors` finds the registry actors named in one article (dated by its
publication date, so "first lady Kim" is the first lady of that day), applies researcher
corrections, and completes each :class:`~analysis.actors.records.ActorMention` with what the
``actors`` table shows: the role and affiliation held on the article's date (only for a
dated article, so no office is attributed out of time) and the actor's country.
:func:`actor_rows` turns records into table rows without extracting anything, and
:func:`actors_frame` is the table over many articles.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.overrides import Override, OverridesLike, apply_overrides, as_overrides
from analysis.actors.records import ActorMention
from analysis.actors.registry import ActorRegistry, default_registry
from analysis.text.document import Document, TextLike, Texts, as_document

if TYPE_CHECKING:
    from analysis.pipeline import Context
__all__ = [
    "MentionIndex",
    "actor_rows",
    "actors_frame",
    "complete_mentions",
    "extract_actors",
    "mentions_within",
]


def complete_mentions(
    mentions: Iterable[ActorMention], registry: ActorRegistry, on: date | None
) -> list[ActorMention]:
    """Return ``mentions`` with ``role``, ``affiliation`` and ``country`` filled from ``registry``.

    ``role`` and ``affiliation`` are those of the role the mention's actor held on ``on``
    (None when ``on`` is None or no role was held); ``country`` is the actor's.

    Examples
    --------
    >>> registry = default_registry()
    >>> [found] = registry.find_mentions("Stoltenberg spoke.")
    >>> done = complete_mentions([found], registry, date(2023, 7, 11))[0]
    >>> done.role, done.affiliation, done.country
    ('Secretary General', 'NATO', 'Norway')
    """
    facts: dict[str, tuple[str | None, str | None, str | None]] = {}
    completed = []
    for mention in mentions:  # an article names few actors, each many times: look up once
        found = facts.get(mention.actor)
        if found is None:
            found = facts[mention.actor] = _facts(mention.actor, registry, on)
        completed.append(ActorMention(mention.start, mention.end, mention.text, mention.actor,
                                      mention.kind, *found))
    return completed


def _facts(
    name: str, registry: ActorRegistry, on: date | None
) -> tuple[str | None, str | None, str | None]:
    """Return (role, affiliation, country) of the actor ``name`` on ``on``."""
    actor = registry.get(name) if name else None
    role = actor.role_on(on) if actor is not None and on else None
    return (role.title if role else None, role.affiliation if role else None,
            actor.country if actor else None)


def _complete(mention: ActorMention, registry: ActorRegistry, on: date | None) -> ActorMention:
    role, affiliation, country = _facts(mention.actor, registry, on)
    return dataclasses.replace(mention, role=role, affiliation=affiliation, country=country)


def extract_actors(
    source: TextLike,
    registry: ActorRegistry | None = None,
    overrides: OverridesLike = None,
) -> list[ActorMention]:
    """Return the registry actors named in one text, Article or Document, in text order.

    Mentions are found by :meth:`~analysis.actors.registry.ActorRegistry.find_mentions`
    on the article's publication date; ``overrides`` (``what`` = ``actors``, offset = the
    mention's ``start``) set ``actor`` (and ``kind``) of a mention or ``drop`` a false one;
    then role, affiliation and country are filled (see :func:`complete_mentions`), from
    the corrected actor. ``registry`` defaults to the shipped one.

    Examples
    --------
    >>> from analysis.text.articles import Article
    >>> article = Article(article_id="a1", text="NATO chief Stoltenberg met Yoon.",
    ...                   published=date(2023, 7, 11))
    >>> [(m.text, m.actor, m.role, m.country) for m in extract_actors(article)]
    [('NATO', 'NATO', None, None), ('Stoltenberg', 'Jens Stoltenberg', 'Secretary General', 'Norway'), ('Yoon', 'Yoon Suk Yeol', 'President', 'South Korea')]
    >>> [m.role for m in extract_actors("Stoltenberg met Yoon.")]  # undated: no office
    [None, None]
    """
    return _extract(as_document(source), registry or default_registry(), as_overrides(overrides))


def _extract(
    doc: Document, registry: ActorRegistry, corrections: Sequence[Override]
) -> list[ActorMention]:
    published = doc.article.published
    mentions = complete_mentions(registry.find_mentions(doc.text, on=published), registry, published)
    if not corrections:
        return mentions
    found = {mention.start: mention.actor for mention in mentions}
    fixed = apply_overrides(mentions, corrections, article_id=doc.article_id, what="actors")
    return [  # a corrected actor brings its own role, affiliation and country
        _complete(mention, registry, published) if found.get(mention.start) != mention.actor
        else mention
        for mention in fixed
    ]


def actor_rows(doc: Document, mentions: Iterable[ActorMention]) -> list[dict[str, object]]:
    """Return the rows of the ``actors`` table for ``mentions`` of ``doc`` (no extraction).

    Examples
    --------
    >>> doc = as_document("Yoon spoke.")
    >>> actor_rows(doc, extract_actors(doc))
    [{'article_id': 'text', 'start': 0, 'end': 4, 'mention': 'Yoon', 'actor': 'Yoon Suk Yeol', 'kind': 'person', 'role': None, 'affiliation': None, 'country': 'South Korea'}]
    """
    return [
        {
            "article_id": doc.article_id,
            "start": mention.start,
            "end": mention.end,
            "mention": mention.text,
            "actor": mention.actor,
            "kind": mention.kind,
            "role": mention.role,
            "affiliation": mention.affiliation,
            "country": mention.country,
        }
        for mention in mentions
    ]


def actors_frame(
    articles: Texts,
    registry: ActorRegistry | None = None,
    overrides: OverridesLike = None,
    *,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return the ``actors`` table: one row per actor mention, with its role on the article's date.

    ``role`` and ``affiliation`` are those of the role held on the article's publication
    date (empty for an undated article, so no office is attributed out of time).
    ``overrides`` (a CSV path or :class:`~analysis.actors.overrides.Override` records, ``what`` =
    ``actors``, offset = the mention's ``start``) fixes or drops mentions on every run: set
    ``actor`` (and ``kind``) of a mention, or ``drop`` a false one.

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    registry : ActorRegistry, optional
        The actors (default: the shipped registry).
    overrides : path, sequence of Override, or None
        Researcher corrections with ``what = actors``, matched on the mention's ``start``.
    context : Context, optional
        The run's :class:`analysis.pipeline.Context` (registry, taxonomy, corrections,
        settings), instead of the arguments above; this table is then a view of the same
        annotation pass as every other table of that context.

    Examples
    --------
    >>> from analysis.text.articles import Article
    >>> article = Article(article_id="a1", text="NATO chief Stoltenberg met Yoon.",
    ...                   published=date(2023, 7, 11))
    >>> actors_frame(article)[["mention", "actor", "role", "affiliation"]].values.tolist()
    [['NATO', 'NATO', <NA>, <NA>], ['Stoltenberg', 'Jens Stoltenberg', 'Secretary General', 'NATO'], ['Yoon', 'Yoon Suk Yeol', 'President', 'South Korea']]
    """
    from analysis.pipeline import Context, frame

    return frame("actors", articles, Context.of(registry, overrides=overrides, context=context))


class MentionIndex(Sequence[ActorMention]):
    """An article's mentions, as given, with their starts for a bisect (built once).

    :func:`mentions_within` over a ``MentionIndex`` reads only the mentions that start
    inside the stretch, instead of every mention of the article: asked once per quote
    or sentence, that keeps the whole article linear. When the mentions are not in
    order of ``start``, it reads them all, as for a plain sequence.

    Examples
    --------
    >>> index = MentionIndex([ActorMention(0, 4, "NATO", "NATO", "organisation"),
    ...                       ActorMention(9, 14, "Seoul", "South Korea", "country")])
    >>> len(index), index[1].text, [m.text for m in mentions_within(index, 5, 20)]
    (2, 'Seoul', ['Seoul'])
    """

    __slots__ = ("_mentions", "_starts")

    def __init__(self, mentions: Iterable[ActorMention]) -> None:
        self._mentions = tuple(mentions)
        starts = [m.start for m in self._mentions]
        self._starts = starts if all(a <= b for a, b in pairwise(starts)) else None

    def __len__(self) -> int:
        return len(self._mentions)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]  # int or slice, as a tuple
        return self._mentions[index]

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Return the mentions lying wholly inside ``[start, end)``, in the order given."""
        if self._starts is None:
            return [m for m in self._mentions if start <= m.start and m.end <= end]
        first = bisect_left(self._starts, start)
        last = bisect_right(self._starts, end)
        return [m for m in self._mentions[first:last] if m.end <= end]


def mentions_within(
    mentions: Iterable[ActorMention], start: int, end: int
) -> list[ActorMention]:
    """Return the mentions lying wholly inside ``[start, end)``, in the order given.

    Pass a :class:`MentionIndex` when asking for many stretches of one article.

    Examples
    --------
    >>> found = [ActorMention(0, 4, "NATO", "NATO", "organisation"),
    ...          ActorMention(9, 14, "Seoul", "South Korea", "country")]
    >>> [m.text for m in mentions_within(found, 5, 20)]
    ['Seoul']
    """
    if isinstance(mentions, MentionIndex):
        return mentions.within(start, end)
    return [m for m in mentions if start <= m.start and m.end <= end]
