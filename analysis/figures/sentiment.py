"""Figures about tone: by speaker, through the article, and toward each target.

Every builder plots exactly the DataFrame it returns, read from the primary article's
tables (:meth:`analysis.figures.FigureInputs.table`): :func:`tone_by_speaker` of
``quote_sentiment``, :func:`tone_by_target` of ``targets`` and :func:`arc_data` of
``sentences`` and ``quotes`` (the columns of
:func:`analysis.sentiment.aggregates.tone_arc`), so a number in a chart can be traced to a
table. Means come with their n and bootstrap 95% intervals; groups with fewer than
five values are drawn hollow and labelled "small n". Speakers are drawn in their colour
of the quote figures (:func:`analysis.figures.speaker_colours.assign_speaker_colours`).

The ``draw_*(doc)`` functions draw one figure for a notebook's own article.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analysis.figures import FigureInputs, FigureSpec, as_inputs, new_figure
from analysis.figures.palette import BAND, BLUE, MUTED_TEXT, UNKNOWN, VERMILLION, WHITE
from analysis.figures.speaker_colours import SpeakerColours, assign_speaker_colours
from analysis.pipeline import Context
from analysis.quotes.records import SPEECH_KINDS
from analysis.sentiment.aggregates import tone_by_speaker, tone_by_target
from analysis.sentiment.uncertainty import SMALL_N
from analysis.text.document import Document

__all__ = [
    "FIGURES",
    "MAX_TARGETS",
    "arc_data",
    "draw_speaker_tone",
    "draw_target_tone",
    "draw_tone_arc",
    "plot_speaker_tone",
    "plot_target_tone",
    "plot_tone_arc",
    "sentiment_arc",
    "sentiment_by_speaker",
    "sentiment_by_target",
    "speaker_tone_data",
    "target_tone_data",
]

#: At most this many targets are drawn (the most mentioned).
MAX_TARGETS = 12

_SOURCE = "{source}"


def speaker_tone_data(
    source: FigureInputs | Document, context: Context | None = None
) -> pd.DataFrame:
    """Return the data of the speaker figure: :func:`tone_by_speaker` of the article's quotes.

    ``source`` is one article (annotated with ``context``) or :class:`FigureInputs`.
    """
    return tone_by_speaker(as_inputs(source, context).table("quote_sentiment"))


def target_tone_data(
    source: FigureInputs | Document, max_targets: int = MAX_TARGETS,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return the data of the target figure: :func:`tone_by_target`, most-mentioned first."""
    return _top_targets(as_inputs(source, context).table("targets"), max_targets)


def _top_targets(targets: pd.DataFrame, max_targets: int = MAX_TARGETS) -> pd.DataFrame:
    return tone_by_target(targets).head(max_targets).reset_index(drop=True)


def arc_data(sentences: pd.DataFrame, quotes: pd.DataFrame, text_length: int) -> pd.DataFrame:
    """Return the tone arc of one article from its ``sentences`` and ``quotes`` tables.

    The columns and values of :func:`analysis.sentiment.aggregates.tone_arc`: ``sentence``,
    ``position`` (sentence start / text length), ``compound``, ``compound_masked``,
    ``quoted`` (a speech quote overlaps the sentence), ``start``, ``end``.

    Examples
    --------
    >>> sentences = pd.DataFrame({"sentence": [0, 1], "start": [0, 10], "end": [9, 43],
    ...     "compound": [0.0, 0.34], "compound_masked": [0.0, 0.34]})
    >>> quotes = pd.DataFrame({"kind": ["direct"], "start": [10], "end": [30]})
    >>> arc_data(sentences, quotes, 43)[["sentence", "quoted", "position"]].values.tolist()
    [[0, False, 0.0], [1, True, 0.23255813953488372]]
    """
    speech = quotes[quotes["kind"].isin(SPEECH_KINDS)]
    spans = list(zip(speech["start"].astype(int), speech["end"].astype(int), strict=True))
    starts = [int(v) for v in sentences["start"]]
    ends = [int(v) for v in sentences["end"]]
    length = max(text_length, 1)
    frame = pd.DataFrame(
        {
            "sentence": sentences["sentence"].to_numpy(),
            "position": [start / length for start in starts],
            "compound": sentences["compound"].to_numpy(),
            "compound_masked": sentences["compound_masked"].to_numpy(),
            "quoted": [any(s < end and e > start for s, e in spans)
                       for start, end in zip(starts, ends, strict=True)],
            "start": starts,
            "end": ends,
        }
    )
    return frame.astype({"sentence": "Int64", "position": "Float64", "compound": "Float64",
                         "compound_masked": "Float64", "quoted": "boolean", "start": "Int64",
                         "end": "Int64"})


def _interval_plot(
    axes: Axes, data: pd.DataFrame, label: str, xlabel: str, colours: list[str] | None = None
) -> None:
    """Draw means with intervals, one row per group, top to bottom in table order.

    Rows are in ``colours`` (one per row), else blue; a small-n row is drawn hollow
    (and, without ``colours``, grey).
    """
    rows = list(range(len(data)))[::-1]
    for index, (row, (_, record)) in enumerate(zip(rows, data.iterrows(), strict=True)):
        small = record["note"] == SMALL_N if pd.notna(record["note"]) else False
        default = UNKNOWN if small else BLUE
        colour = default if colours is None else colours[index]
        if pd.notna(record["ci_low"]):
            axes.plot([record["ci_low"], record["ci_high"]], [row, row], color=colour, lw=2)
        axes.plot(
            [record["mean"]], [row], marker="o", markersize=7, color=colour,
            markerfacecolor=WHITE if small else colour, linestyle="none",
        )
        note = f"n = {record['n']}" + (f" ({SMALL_N})" if small else "")
        axes.annotate(note, (1.0, row), xycoords=("axes fraction", "data"), xytext=(4, 0),
                      textcoords="offset points", va="center", fontsize=8, color=MUTED_TEXT)
    axes.axvline(0.0, color=MUTED_TEXT, lw=0.8)
    axes.set_yticks(rows, [str(v) for v in data[label]])
    axes.set_xlim(-1.0, 1.0)
    axes.set_ylim(-0.7, max(len(data), 1) - 0.3)
    axes.set_xlabel(xlabel)


def _empty(axes: Axes, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()


def plot_speaker_tone(
    data: pd.DataFrame, colours: SpeakerColours | None = None
) -> tuple[Figure, pd.DataFrame]:
    """Plot the mean tone of each speaker's quoted words with a 95% interval and n.

    Parameters
    ----------
    data : DataFrame
        :func:`tone_by_speaker` of a ``quote_sentiment`` table.
    colours : SpeakerColours, optional
        The set's speaker colours (default: assigned over ``data``, most quotes first).
    """
    figure, axes = new_figure(figsize=(7.5, 1.6 + 0.45 * max(len(data), 1)))
    if data.empty:
        _empty(axes, "no quotes found")
        return figure, data
    if colours is None:  # rank the speakers shown by their number of quotes
        colours = SpeakerColours.from_speakers(pd.DataFrame(
            {"actor": data["speaker"], "speaker": data["speaker"], "n_quotes": data["n"],
             "n_words": 0}))
    row_colours = [colours.colour(s) for s in data["speaker"]]
    _interval_plot(axes, data, "speaker",
                   "Mean VADER compound of the quoted words, names masked (−1 negative, +1 positive)",
                   row_colours)
    axes.set_title("Hollow marks: fewer than 5 quotes, not a finding", loc="left",
                   fontweight="normal", fontsize=9)
    return figure, data


def plot_tone_arc(data: pd.DataFrame) -> tuple[Figure, pd.DataFrame]:
    """Plot sentence tone in article order, unmasked and masked, quoted sentences marked.

    ``data`` is :func:`arc_data` (the columns of :func:`analysis.sentiment.aggregates.tone_arc`).
    """
    figure, axes = new_figure(figsize=(7.5, 4.0))
    x = (data["sentence"] + 1).to_numpy(dtype=float)
    for position, quoted in zip(x, data["quoted"].fillna(False), strict=True):
        if quoted:
            axes.axvspan(position - 0.5, position + 0.5, color=BAND, lw=0, zorder=0)
    axes.plot(x, data["compound"].to_numpy(dtype=float), color=BLUE, marker="o",
              markersize=4, lw=1.2, label="compound (NLTK VADER)")
    axes.plot(x, data["compound_masked"].to_numpy(dtype=float), color=VERMILLION, marker="s",
              markersize=3, lw=1.0, linestyle="--", label="compound, names masked")
    axes.axhline(0.0, color=MUTED_TEXT, lw=0.8)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlim(0.5, len(data) + 0.5)
    axes.set_xlabel("Sentence (in article order; grey bands: sentences with quoted speech)")
    axes.set_ylabel("VADER compound (−1 to +1)")
    axes.grid(axis="y")
    axes.legend(loc="lower left", ncols=2)
    return figure, data


def plot_target_tone(data: pd.DataFrame) -> tuple[Figure, pd.DataFrame]:
    """Plot the mean tone toward each target (actor or country) with a 95% interval and n.

    ``data`` is :func:`tone_by_target` of a ``targets`` table, most-mentioned first.
    """
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
    colours = assign_speaker_colours(inputs.table("quotes"))
    data = tone_by_speaker(colours.group_quotes(inputs.table("quote_sentiment")))
    return plot_speaker_tone(data, colours)


def sentiment_arc(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build the tone-arc figure for the primary article."""
    data = arc_data(inputs.table("sentences"), inputs.table("quotes"), len(inputs.primary.text))
    return plot_tone_arc(data)


def sentiment_by_target(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build the target figure for the primary article."""
    return plot_target_tone(_top_targets(inputs.table("targets")))


def draw_speaker_tone(
    source: FigureInputs | Document, context: Context | None = None
) -> tuple[Figure, pd.DataFrame]:
    """Draw the speaker figure (call inside ``style_context``).

    ``source`` is :class:`FigureInputs` (its primary article, tables shared with the other
    figures) or one article, annotated with ``context``.
    """
    return sentiment_by_speaker(as_inputs(source, context))


def draw_tone_arc(
    source: FigureInputs | Document, context: Context | None = None
) -> tuple[Figure, pd.DataFrame]:
    """Draw the tone-arc figure (call inside ``style_context``); ``source`` as above."""
    return sentiment_arc(as_inputs(source, context))


def draw_target_tone(
    source: FigureInputs | Document, context: Context | None = None
) -> tuple[Figure, pd.DataFrame]:
    """Draw the target figure (call inside ``style_context``); ``source`` as above."""
    return sentiment_by_target(as_inputs(source, context))


FIGURES = (
    FigureSpec(
        name="sentiment-speakers",
        title="Tone of what each speaker said",
        caption=(
            "Mean VADER compound of each speaker's quoted words (direct, partial and "
            "indirect quotes), with actor and organisation names masked; bars: seeded "
            "bootstrap 95% intervals; n = quotes; each speaker in their colour of the quote "
            "figures. VADER is a weak judge of news; one article is not a sample. " + _SOURCE
        ),
        builder=sentiment_by_speaker,
    ),
    FigureSpec(
        name="sentiment-arc",
        title="The tone arc through the article",
        caption=(
            "NLTK VADER compound of every sentence in order, as NLTK computes it (blue) and "
            "with actor and organisation names masked (vermillion, dashed); grey bands mark "
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
