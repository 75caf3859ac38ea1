"""The actor mentions tone is measured with: found once per article, or passed in.

Sentence masking, target tone and quote masking all use the same actor mentions of an
article: those the pipeline found once (dated, corrected) and passes as ``mentions=``,
or, when none are passed, :func:`article_mentions`: the registry searched once, dated by
the article's ``published`` date, as the ``actors`` table searches it.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis.actors.registry import ActorMention, ActorRegistry, default_registry
from analysis.text.document import Document

__all__ = ["article_mentions", "mentions_within"]


def article_mentions(doc: Document, registry: ActorRegistry | None = None) -> list[ActorMention]:
    """Return the registry's actor mentions in ``doc``, dated by the article's ``published``.

    The same search as the ``actors`` table's (a title settles a surname by the holder
    of the article's day); without researcher corrections.

    Parameters
    ----------
    doc : Document
    registry : ActorRegistry, optional
        Defaults to the shipped registry (:func:`analysis.actors.registry.default_registry`).

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> [m.actor for m in article_mentions(as_document("NATO met Stoltenberg."))]
    ['NATO', 'Jens Stoltenberg']
    """
    registry = registry if registry is not None else default_registry()
    return registry.find_mentions(doc.text, on=doc.article.published)


def mentions_within(
    mentions: Iterable[ActorMention], start: int, end: int
) -> list[ActorMention]:
    """Return the mentions lying wholly inside ``[start, end)``, in the order given.

    Examples
    --------
    >>> found = [ActorMention(0, 4, "NATO", "NATO", "organisation"),
    ...          ActorMention(9, 14, "Seoul", "South Korea", "country")]
    >>> [m.text for m in mentions_within(found, 5, 20)]
    ['Seoul']
    """
    return [m for m in mentions if start <= m.start and m.end <= end]
