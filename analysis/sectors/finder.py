"""Cooperation sectors named in a text: the ``sectors`` table and :func:`find_sectors`.

A sector is named where one of its taxonomy aliases matches (:mod:`analysis.sectors.taxonomy`
for the taxonomy, :mod:`analysis.sectors.matching` for how aliases match). Each mention's
``context`` is ``"programme-list"`` when it is an item of a programme's list of areas,
else ``"mention"`` (:mod:`analysis.sectors.statements` reads each sentence once for both;
:mod:`analysis.sectors.lists` for enumerations and counts).

* **List-only aliases** (column ``list_only``: bare "cyber", "space", "resilience",
  "terrorism", 실질 협력 ...) are too ambiguous alone; they count only as an item of an
  enumeration that also holds an unambiguous sector, or of a programme's list, or (the
  one-word ones) directly before a cooperation noun ("cyber cooperation").
* **Exclusions and confidence** (:mod:`analysis.sectors.mentions`): matches inside a job
  title ("a cyber security researcher") or an organisation's name ("the Cybersecurity
  Agency"), and inside any organisation name or title the actor registry knows
  (:mod:`analysis.sectors.names`), are dropped (kept with context ``"title"`` or
  ``"organisation"`` on request); every mention has a ``confidence`` in [0, 1] from
  named rules a researcher can filter on.

Nothing in the taxonomy matches bare "security", "information sharing" or "emerging
security threats"; a user taxonomy can add such aliases on purpose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.overrides import Override, OverridesLike, apply_overrides, as_overrides
from analysis.actors.records import ActorMention
from analysis.actors.registry import ActorRegistry, default_registry
from analysis.sectors.matching import SectorMention, matcher_for
from analysis.sectors.mentions import refine_mentions
from analysis.sectors.names import NameSpan, registry_name_spans
from analysis.sectors.statements import (
    SentenceReading,
    read_sentences,
)
from analysis.sectors.taxonomy import (
    Taxonomy,
    TaxonomyLike,
    as_taxonomy,
)
from analysis.text.document import Document, TextLike, Texts, as_document

if TYPE_CHECKING:
    from analysis.pipeline import Context
__all__ = [
    "FIND_SECTORS_COLUMNS",
    "classify_area",
    "extract_sectors",
    "find_sector_mentions",
    "find_sectors",
    "sector_mentions_frame",
    "sector_rows",
    "sectors_frame",
]

#: Columns of :func:`find_sectors`, in order (the DESIGN contract).
FIND_SECTORS_COLUMNS: tuple[str, ...] = (
    "sector", "label", "start", "end", "matched", "context", "confidence",
)


def find_sector_mentions(
    source: TextLike,
    taxonomy: TaxonomyLike = None,
    overrides: OverridesLike = None,
    *,
    readings: Sequence[SentenceReading] | None = None,
    keep_excluded: bool = False,
    registry: ActorRegistry | None = None,
    actor_mentions: Sequence[ActorMention] | None = None,
) -> list[SectorMention]:
    """Return the sectors named in a text, as records in text order.

    Parameters
    ----------
    source : str, Article or Document
    taxonomy : Taxonomy or path to a user CSV, optional
        Defaults to the shipped taxonomy; a path extends it (see :func:`load_taxonomy`).
    overrides : path, sequence of Override, or None
        Researcher corrections (:mod:`analysis.actors.overrides`) with ``what`` = ``sectors``,
        matched on the mention's ``start``: e.g. field ``sector`` to re-map a mention
        (its label follows), ``context`` to fix the context, or ``drop`` = ``true``.
    readings : sequence of SentenceReading, optional
        The sentences of ``source`` already read with this taxonomy
        (:func:`~analysis.sectors.statements.read_sentences`), so that mentions and
        programme statements come from one pass; read here when None.
    keep_excluded : bool
        Keep the matches inside job titles and organisation names, with context
        ``"title"`` or ``"organisation"`` and confidence 0 (default: drop them; no table
        counts them).
    registry : ActorRegistry, optional
        The actor registry whose organisation names and titles a sector word inside is
        not a mention (:mod:`analysis.sectors.names`; default: the shipped registry).
    actor_mentions : sequence of ActorMention, optional
        The article's actor mentions when already found (the pipeline finds them once);
        else the registry is searched here.

    Examples
    --------
    >>> text = "The ITPP covers 11 areas including cyber defence, space and public diplomacy."
    >>> [(m.sector, m.context) for m in find_sector_mentions(text)]
    [('cyber-defence', 'programme-list'), ('space', 'programme-list'), ('public-diplomacy', 'programme-list')]
    >>> text = "A cyber security researcher praised the two sides' cyber cooperation."
    >>> [(m.matched, m.context, m.confidence)
    ...  for m in find_sector_mentions(text, keep_excluded=True)]
    [('cyber security', 'title', 0.0), ('cyber', 'mention', 0.6)]
    """
    doc = as_document(source)
    resolved = as_taxonomy(taxonomy)
    if readings is None:
        readings = list(read_sentences(doc, resolved))

    def names() -> list[NameSpan]:  # looked for only when a match needs checking
        return registry_name_spans(doc.text, registry or default_registry(), actor_mentions,
                                   on=doc.article.published)

    mentions = refine_mentions(
        doc, [m for reading in readings for m in reading.mentions], resolved,
        keep_excluded=keep_excluded, names=names,
    )
    corrections = as_overrides(overrides)
    if corrections:
        mentions = _apply_overrides(mentions, corrections, doc.article_id, resolved)
    return mentions


def _apply_overrides(
    mentions: list[SectorMention],
    overrides: Sequence[Override],
    article_id: str,
    taxonomy: Taxonomy,
) -> list[SectorMention]:
    """Apply the corrections; a mention moved to another sector takes that sector's label."""
    before = {m.start: m.sector for m in mentions}
    mentions = apply_overrides(mentions, overrides, article_id=article_id, what="sectors")
    labels = {sector.id: sector.label for sector in taxonomy.sectors}
    return [
        replace(m, label=labels.get(m.sector, m.sector))
        if before.get(m.start) != m.sector else m
        for m in mentions
    ]


def find_sectors(
    source: TextLike,
    taxonomy: TaxonomyLike = None,
    overrides: OverridesLike = None,
) -> pd.DataFrame:
    """Return the sectors named in a text: one row per mention, with offsets.

    Columns, in order: ``sector`` (canonical id), ``label``, ``start``, ``end``
    (offsets into the text), ``matched`` (the words as written), ``context``
    (``"programme-list"`` for an item of a programme's list of areas, else
    ``"mention"``) and ``confidence`` (in [0, 1]). See the module docs for the matching rules; ``taxonomy`` and
    ``overrides`` are as in :func:`find_sector_mentions`.

    Examples
    --------
    >>> text = ("NATO and Korea agreed to cooperate on disarmament and nonproliferation, "
    ...         "cybersecurity and climate change. Security is global.")
    >>> find_sectors(text)[["sector", "matched"]].values.tolist()
    [['disarmament-nonproliferation', 'disarmament and nonproliferation'],
     ['cyber-defence', 'cybersecurity'], ['climate-security', 'climate change']]
    >>> find_sectors("한국과 나토는 사이버방위와 신흥기술 협력을 강화한다.")["sector"].tolist()
    ['cyber-defence', 'emerging-technologies']
    """
    frame = sector_mentions_frame(as_document(source), taxonomy, overrides)
    return frame.loc[:, list(FIND_SECTORS_COLUMNS)]


def sector_mentions_frame(
    articles: Texts,
    taxonomy: TaxonomyLike = None,
    overrides: OverridesLike = None,
    *,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return the ``sectors`` table: one row per sector mention, keyed by article_id.

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    taxonomy : Taxonomy or path(s) to user CSV files, optional
        The sectors (default: the shipped taxonomy).
    overrides : path, sequence of Override, or None
        Researcher corrections with ``what = sectors`` (see :func:`find_sector_mentions`).
    context : Context, optional
        The run's :class:`analysis.pipeline.Context` (registry, taxonomy, corrections,
        settings), instead of the arguments above; this table is then a view of the same
        annotation pass as every other table of that context.

    Examples
    --------
    >>> frame = sector_mentions_frame(["Cyber defence matters.", "Nothing here."])
    >>> frame[["article_id", "sentence", "sector"]].values.tolist()
    [['text#0', 0, 'cyber-defence']]
    """
    from analysis.pipeline import Context, frame

    return frame("sectors", articles,
                 Context.of(taxonomy=taxonomy, overrides=overrides, context=context))

def sector_rows(doc: Document, mentions: Iterable[SectorMention]) -> list[dict[str, object]]:
    """Return the rows of the ``sectors`` table for ``mentions`` of ``doc`` (no extraction).

    Examples
    --------
    >>> doc = as_document("Cyber defence matters.")
    >>> sector_rows(doc, find_sector_mentions(doc))
    [{'article_id': 'text', 'sentence': 0, 'sector': 'cyber-defence', 'label': 'Cyber defence', 'start': 0, 'end': 13, 'matched': 'Cyber defence', 'context': 'mention', 'confidence': 0.9}]
    """
    return [
        {
            "article_id": doc.article_id,
            "sentence": mention.sentence,
            "sector": mention.sector,
            "label": mention.label,
            "start": mention.start,
            "end": mention.end,
            "matched": mention.matched,
            "context": mention.context,
            "confidence": mention.confidence,
        }
        for mention in mentions
    ]


def classify_area(
    wording: str, taxonomy: TaxonomyLike = None
) -> str | None:
    """Return the sector id of one area's wording (as a programme publishes it), or None.

    The wording is read as an item of a programme's list, so list-only aliases count
    ("space", "cyber"). None when no sector, or more than one, matches.

    Examples
    --------
    >>> classify_area("space"), classify_area("dialogue on women peace and security")
    ('space', 'women-peace-security')
    >>> classify_area("information sharing") is None
    True
    """
    matcher = matcher_for(as_taxonomy(taxonomy))
    sectors = {
        matcher.aliases[m.lastindex - 1].sector
        for m in matcher.regex.finditer(wording)
        if m.lastindex
    }
    return sectors.pop() if len(sectors) == 1 else None


#: The extractor of table ``sectors`` under the name every wing's pair follows
#: (``extract_x`` / ``x_frame``); :func:`find_sector_mentions` is the same function.
extract_sectors = find_sector_mentions
#: The ``sectors`` table under its symmetric name; :func:`sector_mentions_frame` is the same.
sectors_frame = sector_mentions_frame
