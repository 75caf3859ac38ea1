"""Target tone: the tone of its sentence toward each mention of an actor (table ``targets``).

Every mention of a target (an actor or country of the registry, or a string you give)
is scored by :func:`analysis.sentiment.model.classify_target` on the sentence holding
it, the model trained and measured on NewsMTSC. The actor mentions are the article's
(:func:`analysis.actors.mentions.extract_actors`): those passed in (``mentions=``, the pipeline's
dated and corrected mentions), else the registry searched once, dated by the article's
``published``, so a mention names the same actor here as in the ``actors`` table.

:func:`score_targets` returns records, :func:`target_rows` turns them into rows and
:func:`targets_frame` is the table (also known by its old name,
:func:`target_sentiment_frame`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.actors.mentions import extract_actors
from analysis.actors.registry import ActorMention, ActorRegistry, default_registry
from analysis.errors import AnalysisError
from analysis.sentiment.model import TargetSentiment, default_model
from analysis.sentiment.scope import CROSSES_SENTENCES, article_reason, script_reason
from analysis.sentiment.sentences import warn_english_only
from analysis.text.document import Document, Sentence, TextLike, Texts, as_document
from analysis.text.english import is_english

if TYPE_CHECKING:
    from analysis.actors.overrides import OverridesLike
    from analysis.pipeline import Context
__all__ = [
    "LITERAL_KIND",
    "TargetMention",
    "check_targets",
    "score_targets",
    "target_rows",
    "target_sentiment_frame",
    "targets_frame",
]

#: The ``kind`` of a target given as a string the registry does not know.
LITERAL_KIND = "target"


@dataclass(frozen=True, slots=True)
class TargetMention:
    """The tone of a sentence toward one mention of a target.

    Attributes
    ----------
    target : str
        Canonical actor name, or the target string asked for.
    kind : str
        ``person``, ``organisation``, ``country`` or ``target`` (a given string).
    mention : str
        The mention as written; ``start``/``end`` are its offsets in the article.
    sentence, sentence_start, sentence_end : int
        The sentence scored (its index and offsets); for a mention over a sentence
        boundary, the sentence where it starts.
    sentiment : TargetSentiment or None
        The classifier's label, score and probabilities; None when not scored.
    unscored : str or None
        Why the mention was not scored (the article or sentence is not English, the
        mention crosses a sentence boundary: :mod:`analysis.sentiment.scope`), else None.
    """

    target: str
    kind: str
    mention: str
    start: int
    end: int
    sentence: int
    sentence_start: int
    sentence_end: int
    sentiment: TargetSentiment | None
    unscored: str | None = None


# (start, end, target, kind) of a mention to score
_Found = tuple[int, int, str, str]


def _literal_mentions(text: str, target: str) -> Iterator[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w){re.escape(target)}(?!\w)")
    for match in pattern.finditer(text):
        yield match.start(), match.end()


def _longest_first(found: Iterable[_Found]) -> list[_Found]:
    """Keep the longest of overlapping mentions ("North Korea" over its "Korea")."""
    kept: list[_Found] = []
    for mention in sorted(set(found), key=lambda m: (m[0], m[0] - m[1], m[2])):
        if kept and mention[0] < kept[-1][1]:
            continue
        kept.append(mention)
    return kept


def _target_spans(
    doc: Document,
    targets: Sequence[str] | None,
    registry: ActorRegistry,
    mentions: Sequence[ActorMention],
) -> list[_Found]:
    """Return ``(start, end, target, kind)`` of every mention to score, in text order."""
    if targets is None:
        return [(m.start, m.end, m.actor, m.kind) for m in mentions]
    found: list[_Found] = []
    for target in targets:
        actor = registry.get(target)
        if actor is not None:
            found += [(m.start, m.end, target, actor.kind) for m in mentions if m.actor == actor.name]
        else:
            found += [(s, e, target, LITERAL_KIND) for s, e in _literal_mentions(doc.text, target)]
    return _longest_first(found)


class _SentenceTexts:
    """The text of the sentence last asked for, sliced once for all its mentions.

    Mentions come in text order, so the mentions of one sentence share one string: the
    features' per-sentence caches (keyed by that string, whose hash Python keeps) then
    cost nothing per mention, where a slice per mention would copy and hash a long
    sentence once for every mention in it.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.index = -1
        self.text = ""

    def of(self, sentence: Sentence) -> str:
        if sentence.index != self.index:
            self.index, self.text = sentence.index, sentence.slice(self.doc.text)
        return self.text


def _target_record(
    doc: Document, sentences: _SentenceTexts, start: int, end: int, target: str, kind: str,
    reason: str | None = None,
) -> TargetMention | None:
    """Score one mention on its sentence, or record why not (``reason``, or its sentence's).

    None for a mention outside every sentence (in the whitespace between two).
    """
    sentence = doc.sentence_at(start)
    if sentence is None:
        return None
    text = sentences.of(sentence)
    if reason is None and end > sentence.end:
        reason = CROSSES_SENTENCES
    if reason is None:
        reason = _script_reason(text)
    sentiment = None if reason is not None else default_model().classify_sentence(
        text, start - sentence.start, end - sentence.start)
    return TargetMention(
        target=target,
        kind=kind,
        mention=doc.text[start:end],
        start=start,
        end=end,
        sentence=sentence.index,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        sentiment=sentiment,
        unscored=reason,
    )


@lru_cache(maxsize=64)
def _script_reason(sentence: str) -> str | None:
    """:func:`~analysis.sentiment.scope.script_reason`, once per sentence of many mentions."""
    return script_reason(sentence)


def check_targets(targets: Sequence[str] | None) -> None:
    """Raise :class:`~analysis.AnalysisError` when a target is not a string of some length.

    An empty target would "match" the empty string between two non-word characters
    and leave nothing to score.

    Examples
    --------
    >>> check_targets(None); check_targets(("NATO", "Acme Corp"))
    >>> check_targets(("NATO", ""))
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: target 2 is an empty string; give each target as the words to find, or no targets to score every actor mentioned
    """
    for number, target in enumerate(targets or (), start=1):
        if not isinstance(target, str) or not target:
            raise AnalysisError(
                f"target {number} is {'an empty string' if target == '' else repr(target)}; "
                "give each target as the words to find, or no targets to score every "
                "actor mentioned"
            )


def score_targets(
    document: TextLike,
    targets: Sequence[str] | None = None,
    registry: ActorRegistry | None = None,
    *,
    mentions: Sequence[ActorMention] | None = None,
) -> list[TargetMention]:
    """Return the tone of its sentence toward every mention of a target.

    Parameters
    ----------
    document : str, Article or Document
    targets : list of str, optional
        What to look for. ``None``: every actor and country among the article's
        mentions. A string the registry knows (a name or alias) stands for all
        mentions of that actor ("North Korea" also finds "DPRK" if the registry lists
        it), reported under the string given; any other string is matched literally,
        word-bounded and case-sensitive. Of overlapping mentions the longest is kept
        ("North Korea" is not also a mention of "Korea").
    registry : ActorRegistry, optional
        Tells which given strings are actors, and is searched for the article's actor
        mentions (dated by its ``published``) when ``mentions`` is None; defaults to the
        shipped registry.
    mentions : sequence of ActorMention, optional
        The article's actor mentions, already found (and corrected): scored as they
        are, and the registry is not searched again.

    Mentions that cannot be scored are listed all the same, with ``sentiment=None``
    and the reason in ``unscored``: every mention of an article not in English, a
    mention in a sentence of another script (a Hangul sentence), a mention over a
    sentence boundary. Never a 0.0 that would read as neutral.

    Examples
    --------
    >>> text = "Critics blasted Acme Corp for the failed plan. Acme thanked Acme Corp."
    >>> found = score_targets(text, ["Acme", "Acme Corp"])
    >>> [(m.target, m.start, m.sentence) for m in found]
    [('Acme Corp', 16, 0), ('Acme', 47, 1), ('Acme Corp', 60, 1)]
    """
    check_targets(targets)
    doc = as_document(document)
    reason = None
    if not is_english(doc):
        warn_english_only(doc, "targets listed without scores")
        reason = article_reason(doc.article.language)
    registry = registry if registry is not None else default_registry()
    if mentions is None:
        mentions = extract_actors(doc, registry)
    sentences = _SentenceTexts(doc)
    records = (_target_record(doc, sentences, *found, reason=reason)
               for found in _target_spans(doc, targets, registry, mentions))
    return [record for record in records if record is not None]


def target_rows(doc: Document, records: Sequence[TargetMention]) -> list[dict[str, Any]]:
    """Return the rows of table ``targets`` for one article's records (no scoring here).

    Examples
    --------
    >>> doc = as_document("Critics blasted Acme Corp.")
    >>> row = target_rows(doc, score_targets(doc, ["Acme Corp"]))[0]
    >>> row["article_id"], row["target"], row["kind"], row["sentence_end"]
    ('text', 'Acme Corp', 'target', 26)
    >>> row["label"] in ("negative", "neutral", "positive")
    True
    """
    rows = []
    for record in records:
        sentiment = record.sentiment
        neg, neu, pos = sentiment.probabilities if sentiment is not None else (None,) * 3
        rows.append(
            {
                "article_id": doc.article_id,
                "target": record.target,
                "kind": record.kind,
                "mention": record.mention,
                "start": record.start,
                "end": record.end,
                "sentence": record.sentence,
                "sentence_start": record.sentence_start,
                "sentence_end": record.sentence_end,
                "label": sentiment.label if sentiment is not None else None,
                "score": sentiment.score if sentiment is not None else None,
                "p_negative": neg,
                "p_neutral": neu,
                "p_positive": pos,
                "unscored": record.unscored,
            }
        )
    return rows


def targets_frame(
    articles: Texts,
    targets: Sequence[str] | None = None,
    registry: ActorRegistry | None = None,
    overrides: OverridesLike = None,
    *,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return the ``targets`` table: one row per scored mention (see :func:`score_targets`).

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    targets : list of str, optional
        What to score (see :func:`score_targets`; default: every registry actor mentioned).
    registry : ActorRegistry, optional
        The actors (default: the shipped registry).
    overrides : path, sequence of Override, or None
        Researcher corrections (:mod:`analysis.actors.overrides`); those of actor mentions
        (``what = actors``) reach this table too.
    context : Context, optional
        The run's :class:`analysis.pipeline.Context` (registry, taxonomy, corrections,
        settings), instead of the arguments above; this table is then a view of the same
        annotation pass as every other table of that context.

    Examples
    --------
    >>> frame = targets_frame("Critics blasted Acme Corp for the failed plan.",
    ...                       targets=["Acme Corp"])
    >>> frame[["target", "kind", "start", "end", "sentence_start", "sentence_end"]].values.tolist()
    [['Acme Corp', 'target', 16, 25, 0, 46]]
    >>> frame["label"].isin(["negative", "neutral", "positive"]).all()
    np.True_
    """
    from analysis.pipeline import Context, frame

    return frame("targets", articles,
                 Context.of(registry, overrides=overrides, targets=targets, context=context))

#: The name :func:`targets_frame` had before table and function were named alike.
target_sentiment_frame = targets_frame
