"""Figures about tone: by speaker, through the article, and toward each target.

Every builder plots exactly the DataFrame it returns, and that DataFrame is what a
tested function of :mod:`analysis.sentiment.scores` returns (:func:`tone_by_speaker`,
:func:`tone_arc`, :func:`tone_by_target`), so a number in a chart can be traced to a
table. Means come with their n and bootstrap 95% intervals; groups with fewer than
five values are drawn hollow and labelled "small n".
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis.figures import FigureInputs, FigureSpec, new_figure
from analysis.sentiment.scores import (
    quote_sentiment_frame,
    target_sentiment_frame,
    tone_arc,
    tone_by_speaker,
    tone_by_target,
)
from analysis.sentiment.uncertainty import SMALL_N
from analysis.text.document import Document

__all__ = [
    "FIGURES",
    "MAX_TARGETS",
    "draw_speaker_tone",
    "draw_target_tone",
    "draw_tone_arc",
    "sentiment_arc",
    "sentiment_by_speaker",
    "sentiment_by_target",
    "speaker_tone_data",
    "target_tone_data",
]

# Okabe-Ito: blue, orange, grey (the package style's palette).
_BLUE, _ORANGE, _GREY = "#0072B2", "#E69F00", "#999999"
#: At most this many targets are drawn (the most mentioned).
MAX_TARGETS = 12

_SOURCE = "{source}"


def speaker_tone_data(doc: Document) -> pd.DataFrame:
    """Return the data of the speaker figure: :func:`tone_by_speaker` of the article's quotes."""
    return tone_by_speaker(quote_sentiment_frame(doc))


def target_tone_data(doc: Document, max_targets: int = MAX_TARGETS) -> pd.DataFrame:
    """Return the data of the target figure: :func:`tone_by_target`, most-mentioned first."""
    return tone_by_target(target_sentiment_frame(doc)).head(max_targets).reset_index(drop=True)


def _interval_plot(axes: Axes, data: pd.DataFrame, label: str, xlabel: str) -> None:
    """Draw means with intervals, one row per group, top to bottom in table order."""
    rows = list(range(len(data)))[::-1]
    for row, (_, record) in zip(rows, data.iterrows(), strict=True):
        small = record["note"] == SMALL_N if pd.notna(record["note"]) else False
        colour = _GREY if small else _BLUE
        if pd.notna(record["ci_low"]):
            axes.plot([record["ci_low"], record["ci_high"]], [row, row], color=colour, lw=2)
        axes.plot(
            [record["mean"]], [row], marker="o", markersize=7, color=colour,
            markerfacecolor="white" if small else colour, linestyle="none",
        )
        note = f"n = {record['n']}" + (f" ({SMALL_N})" if small else "")
        axes.annotate(note, (1.0, row), xycoords=("axes fraction", "data"), xytext=(4, 0),
                      textcoords="offset points", va="center", fontsize=8, color="#444444")
    axes.axvline(0.0, color="#444444", lw=0.8)
    axes.set_yticks(rows, [str(v) for v in data[label]])
    axes.set_xlim(-1.0, 1.0)
    axes.set_ylim(-0.7, max(len(data), 1) - 0.3)
    axes.set_xlabel(xlabel)


def _empty(axes: Axes, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()


def draw_speaker_tone(doc: Document) -> tuple[Figure, pd.DataFrame]:
    """Plot the mean tone of each speaker's quoted words with a 95% interval and n.

    Call inside :func:`analysis.figures.style_context`; returns the figure and the
    data it plots (:func:`speaker_tone_data`).
    """
    data = speaker_tone_data(doc)
    figure, axes = new_figure(figsize=(7.5, 1.6 + 0.45 * max(len(data), 1)))
    if data.empty:
        _empty(axes, "no quotes found")
        return figure, data
    _interval_plot(axes, data, "speaker",
                   "Mean VADER compound of the quoted words, names masked (−1 negative, +1 positive)")
    axes.set_title("Hollow grey: fewer than 5 quotes, not a finding", loc="left",
                   fontweight="normal", fontsize=9)
    return figure, data


def draw_tone_arc(doc: Document) -> tuple[Figure, pd.DataFrame]:
    """Plot sentence tone in article order, unmasked and masked, quoted sentences marked.

    Call inside :func:`analysis.figures.style_context`; returns the figure and the
    data it plots (:func:`analysis.sentiment.scores.tone_arc`).
    """
    data = tone_arc(doc)
    figure, axes = new_figure(figsize=(7.5, 4.0))
    x = (data["sentence"] + 1).to_numpy(dtype=float)
    for position, quoted in zip(x, data["quoted"].fillna(False), strict=True):
        if quoted:
            axes.axvspan(position - 0.5, position + 0.5, color="#DDDDDD", lw=0, zorder=0)
    axes.plot(x, data["compound"].to_numpy(dtype=float), color=_BLUE, marker="o",
              markersize=4, lw=1.2, label="compound (NLTK VADER)")
    axes.plot(x, data["compound_masked"].to_numpy(dtype=float), color=_ORANGE, marker="s",
              markersize=3, lw=1.0, linestyle="--", label="compound, names masked")
    axes.axhline(0.0, color="#444444", lw=0.8)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlim(0.5, len(data) + 0.5)
    axes.set_xlabel("Sentence (in article order; grey bands: sentences with quoted speech)")
    axes.set_ylabel("VADER compound (−1 to +1)")
    axes.grid(axis="y")
    axes.legend(loc="lower left", ncols=2)
    return figure, data


def draw_target_tone(doc: Document) -> tuple[Figure, pd.DataFrame]:
    """Plot the mean tone toward each target (actor or country) with a 95% interval and n.

    Call inside :func:`analysis.figures.style_context`; returns the figure and the
    data it plots (:func:`target_tone_data`).
    """
    data = target_tone_data(doc)
    figure, axes = new_figure(figsize=(7.5, 1.6 + 0.45 * max(len(data), 1)))
    if data.empty:
        _empty(axes, "no targets found")
        return figure, data
    _interval_plot(axes, data, "target",
                   "Mean target tone, P(positive) − P(negative) per mention (−1 to +1)")
    axes.set_title("Hollow grey: fewer than 5 mentions, not a finding", loc="left",
                   fontweight="normal", fontsize=9)
    return figure, data


def sentiment_by_speaker(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build the speaker figure for the primary article."""
    return draw_speaker_tone(inputs.primary)


def sentiment_arc(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build the tone-arc figure for the primary article."""
    return draw_tone_arc(inputs.primary)


def sentiment_by_target(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build the target figure for the primary article."""
    return draw_target_tone(inputs.primary)


FIGURES = (
    FigureSpec(
        name="sentiment-speakers",
        title="Tone of what each speaker said",
        caption=(
            "Mean VADER compound of each speaker's quoted words (direct, partial and "
            "indirect quotes), with actor and organisation names masked; bars: seeded "
            "bootstrap 95% intervals; n = quotes. VADER is a weak judge of news; one "
            "article is not a sample. " + _SOURCE
        ),
        builder=sentiment_by_speaker,
    ),
    FigureSpec(
        name="sentiment-arc",
        title="The tone arc through the article",
        caption=(
            "NLTK VADER compound of every sentence in order, as NLTK computes it (blue) and "
            "with actor and organisation names masked (orange, dashed); grey bands mark "
            "sentences with quoted speech. " + _SOURCE
        ),
        builder=sentiment_arc,
    ),
    FigureSpec(
        name="sentiment-targets",
        title="Tone toward each actor and country",
        caption=(
            "Mean target-dependent tone (analysis.sentiment.model, trained on NewsMTSC; see "
            "docs/evaluation.md for its measured scores) over each target's mentions, "
            f"most-mentioned {MAX_TARGETS} shown; bars: seeded bootstrap 95% intervals; "
            "n = mentions. " + _SOURCE
        ),
        builder=sentiment_by_target,
    ),
)
