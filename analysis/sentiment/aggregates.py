"""Tone aggregates: tone per speaker, affiliation and target, and an article's tone arc.

Aggregates read the tables (``quote_sentiment``, ``targets``) through
:func:`analysis.sentiment.tone_summary.summarise_tone`: per group, n and the number not
scored, the mean score with a seeded bootstrap 95% interval
(:mod:`analysis.sentiment.uncertainty`), the share of each label, and a label that is
never a thresholded mean (targets: the most probable class of the averaged class
probabilities; quotes: the commonest per-quote label); ``method`` says which. Groups
with fewer than five values say "small n". :func:`tone_arc` lines up an article's
sentence tone with the sentences that quote speech.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.registry import ActorRegistry
from analysis.quotes.speakers import SPEECH_KINDS, speaker_label
from analysis.sentiment.tone_summary import PROBABILITY_COLUMNS, summarise_tone
from analysis.text.document import TextLike, as_document

if TYPE_CHECKING:
    from analysis.pipeline import Context

__all__ = ["MIN_N", "tone_arc", "tone_by_affiliation", "tone_by_speaker", "tone_by_target"]

#: Groups with fewer values than this are flagged "small n".
MIN_N = 5

# What the tone arc reads of each sentence, and the arc's dtypes.
_ARC_DTYPES = {
    "sentence": "Int64",
    "position": "Float64",
    "compound": "Float64",
    "compound_masked": "Float64",
    "quoted": "boolean",
    "start": "Int64",
    "end": "Int64",
}


def tone_by_speaker(
    quote_sentiment: pd.DataFrame,
    value: str = "compound_masked",
    kinds: Sequence[str] = SPEECH_KINDS,
    min_n: int = MIN_N,
    seed: int = 0,
) -> pd.DataFrame:
    """Return the mean tone of each speaker's quotes, with n and a bootstrap 95% interval.

    Speakers are canonical actors; an unresolved speaker is shown as the mention with
    "(unresolved)" (see :func:`analysis.quotes.speakers.speaker_label`). Only speech kinds
    count.

    Parameters
    ----------
    quote_sentiment : DataFrame
        The table of :func:`analysis.sentiment.quote_tone.quote_sentiment_frame`.
    value : str
        Which score to average: ``compound_masked`` (default) or ``compound``.

    Examples
    --------
    >>> quotes = pd.DataFrame({"kind": ["direct"] * 3, "actor": ["Jens Stoltenberg"] * 2 + [None],
    ...     "speaker": ["Stoltenberg", "he", "an official"], "compound_masked": [0.5, 0.3, -0.2]})
    >>> tone_by_speaker(quotes)[["speaker", "n", "mean", "label", "note"]].astype(object
    ...     ).values.tolist()
    [['Jens Stoltenberg', 2, 0.4, 'positive', 'small n'], ['an official (unresolved)', 1, -0.2, 'negative', 'small n']]
    """
    speech = quote_sentiment[quote_sentiment["kind"].isin(kinds)]
    frame = pd.DataFrame(
        {
            "speaker": [
                speaker_label(actor, speaker)
                for actor, speaker in zip(speech["actor"], speech["speaker"], strict=True)
            ],
            value: speech[value].to_numpy(),
            "label": _quote_labels(speech, value),
        }
    )
    return summarise_tone(frame, "speaker", value, min_n=min_n, seed=seed)


def _quote_labels(speech: pd.DataFrame, value: str) -> list[str | None]:
    """Each quote's own label: VADER's cut-offs on that quote's score, never on a mean."""
    from analysis.sentiment.sentences import tone_label

    return [tone_label(score) for score in speech[value]]


def tone_by_affiliation(
    quote_sentiment: pd.DataFrame,
    value: str = "compound_masked",
    kinds: Sequence[str] = SPEECH_KINDS,
    min_n: int = MIN_N,
    seed: int = 0,
) -> pd.DataFrame:
    """Return the mean tone of quotes per speaker affiliation, with n and an interval.

    Quotes whose speaker has no known affiliation are left out.

    Examples
    --------
    >>> quotes = pd.DataFrame({"kind": ["direct", "direct"], "affiliation": ["NATO", "NATO"],
    ...                        "compound_masked": [0.5, 0.3]})
    >>> tone_by_affiliation(quotes)[["affiliation", "n", "mean", "share_positive"]].values.tolist()
    [['NATO', 2, 0.4, 1.0]]
    """
    speech = quote_sentiment[quote_sentiment["kind"].isin(kinds)]
    frame = speech.assign(label=_quote_labels(speech, value))
    return summarise_tone(frame, "affiliation", value, min_n=min_n, seed=seed)


def tone_by_target(
    targets: pd.DataFrame, value: str = "score", min_n: int = MIN_N, seed: int = 0
) -> pd.DataFrame:
    """Return the tone toward each target: averaged class probabilities, label shares, n.

    Parameters
    ----------
    targets : DataFrame
        The table of :func:`analysis.sentiment.targets.targets_frame` (``label``,
        ``score``, ``p_negative``, ``p_neutral``, ``p_positive``).
    value : str
        ``score`` (P(positive) - P(negative), default): its mean, with an interval, is
        the difference of the averaged positive and negative probabilities.

    Examples
    --------
    >>> targets = pd.DataFrame({"target": ["NATO"] * 5 + ["Russia"],
    ...     "score": [0.2, 0.4, 0.1, 0.3, None, -0.6],
    ...     "label": ["positive", "neutral", "neutral", "positive", None, "negative"],
    ...     "p_negative": [0.1, 0.2, 0.3, 0.1, None, 0.7],
    ...     "p_neutral": [0.3, 0.4, 0.3, 0.5, None, 0.2],
    ...     "p_positive": [0.6, 0.4, 0.4, 0.4, None, 0.1]})
    >>> table = tone_by_target(targets)
    >>> table[["target", "n", "n_unscored", "label", "note"]].astype(object).values.tolist()
    [['NATO', 4, 1, 'positive', 'small n'], ['Russia', 1, 0, 'negative', 'small n']]
    >>> table.loc[0, ["share_neutral", "p_positive"]].tolist()
    [0.5, 0.45]
    """
    return summarise_tone(targets, "target", value, probabilities=PROBABILITY_COLUMNS,
                          min_n=min_n, seed=seed)


def tone_arc(
    document: TextLike,
    quotes: pd.DataFrame | None = None,
    registry: ActorRegistry | None = None,
    *,
    sentences: pd.DataFrame | None = None,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return the tone of each sentence in article order, with the sentences quoting speech.

    ``quotes`` and ``sentences`` are the article's tables when you have them; those not
    given are views of the one annotation pass (:func:`analysis.pipeline.frames`) with
    ``context`` (or ``registry``).

    Columns: ``sentence``, ``position`` (sentence start / text length, 0 to 1),
    ``compound``, ``compound_masked``, ``quoted`` (True when a speech quote overlaps
    the sentence), ``start``, ``end``.

    Parameters
    ----------
    document : str, Article or Document
    quotes : DataFrame, optional
        The article's quotes table (``kind``, ``start``, ``end``); a view of the one
        annotation pass when not given.
    registry : ActorRegistry, optional
        Used only to build what is not given.
    sentences : DataFrame, optional
        The article's rows of the ``sentences`` table (``sentence``, ``start``, ``end``,
        ``compound``, ``compound_masked``); a view of the one annotation pass when not
        given.
    context : Context, optional
        The run's context for the tables not given (instead of ``registry``).

    Examples
    --------
    >>> quotes = pd.DataFrame({"kind": ["direct"], "start": [10], "end": [30]})
    >>> arc = tone_arc("NATO met. “We value the alliance,” he said.", quotes=quotes)
    >>> arc[["sentence", "quoted", "compound"]].values.tolist()
    [[0, False, 0.0], [1, True, 0.34]]
    """
    doc = as_document(document)
    missing = [name for name, table in (("quotes", quotes), ("sentences", sentences))
               if table is None]
    if missing:
        from analysis.pipeline import Context, frames

        built = frames(missing, doc, Context.of(registry, context=context))
        quotes = quotes if quotes is not None else built["quotes"]
        sentences = sentences if sentences is not None else built["sentences"]
    speech = quotes[quotes["kind"].isin(SPEECH_KINDS)]
    spans = list(zip(speech["start"].astype(int), speech["end"].astype(int), strict=True))
    starts, ends = sentences["start"].astype(int).tolist(), sentences["end"].astype(int).tolist()
    length = max(len(doc.text), 1)
    frame = pd.DataFrame(
        {
            "sentence": sentences["sentence"].tolist(),
            "position": [start / length for start in starts],
            "compound": sentences["compound"].tolist(),
            "compound_masked": sentences["compound_masked"].tolist(),
            "quoted": [
                any(s < end and e > start for s, e in spans)
                for start, end in zip(starts, ends, strict=True)
            ],
            "start": starts,
            "end": ends,
        }
    )
    return frame.astype(_ARC_DTYPES)

