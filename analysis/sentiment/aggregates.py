"""Tone aggregates: mean tone per speaker, affiliation and target, and an article's tone arc.

Aggregates read the tables (``quote_sentiment``, ``targets``) and report n and a
seeded bootstrap 95% interval per group (:mod:`analysis.sentiment.uncertainty`); groups
with fewer than five values say "small n". :func:`tone_arc` lines up an article's
sentence tone with the sentences that quote speech.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.registry import ActorRegistry
from analysis.quotes.speakers import SPEECH_KINDS, speaker_label
from analysis.sentiment.uncertainty import aggregate_tone
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
    >>> tone_by_speaker(quotes)[["speaker", "n", "mean", "note"]].astype(object).values.tolist()
    [['Jens Stoltenberg', 2, 0.4, 'small n'], ['an official (unresolved)', 1, -0.2, 'small n']]
    """
    speech = quote_sentiment[quote_sentiment["kind"].isin(kinds)]
    frame = pd.DataFrame(
        {
            "speaker": [
                speaker_label(actor, speaker)
                for actor, speaker in zip(speech["actor"], speech["speaker"], strict=True)
            ],
            value: speech[value].to_numpy(),
        }
    )
    return aggregate_tone(frame, "speaker", value, min_n=min_n, seed=seed)


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
    >>> tone_by_affiliation(quotes)[["affiliation", "n", "mean"]].values.tolist()
    [['NATO', 2, 0.4]]
    """
    speech = quote_sentiment[quote_sentiment["kind"].isin(kinds)]
    return aggregate_tone(speech, "affiliation", value, min_n=min_n, seed=seed)


def tone_by_target(
    targets: pd.DataFrame, value: str = "score", min_n: int = MIN_N, seed: int = 0
) -> pd.DataFrame:
    """Return the mean tone toward each target, with n and a bootstrap 95% interval.

    Parameters
    ----------
    targets : DataFrame
        The table of :func:`analysis.sentiment.targets.targets_frame`.
    value : str
        ``score`` (P(positive) - P(negative), default).

    Examples
    --------
    >>> targets = pd.DataFrame({"target": ["NATO"] * 5 + ["Russia"],
    ...                         "score": [0.2, 0.4, 0.1, 0.3, 0.5, -0.6]})
    >>> tone_by_target(targets)[["target", "n", "note"]].astype(object).values.tolist()
    [['NATO', 5, <NA>], ['Russia', 1, 'small n']]
    """
    return aggregate_tone(targets, "target", value, min_n=min_n, seed=seed)


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

