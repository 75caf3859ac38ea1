"""Figures about tone: by speaker, through the article, and toward each target.

Every builder plots exactly the DataFrame it returns, so a number in a chart can be
traced to a table: :func:`tone_by_speaker` of ``quote_sentiment`` and
:func:`tone_by_target` of ``targets`` over every research article
(:meth:`analysis.figures.FigureInputs.all_articles_table`: a speaker's or a target's
tone gains from every article that quotes or names them), and :func:`arc_data` of the
primary article's ``sentences`` and ``quotes``
(:meth:`analysis.figures.FigureInputs.table`: an arc runs through one text; the columns
of :func:`analysis.sentiment.aggregates.tone_arc`). The tone axis is fitted to the data
(:func:`axis_limit`), symmetric around neutral. Means come with their n and bootstrap 95% intervals; groups with fewer than
five values are drawn hollow and labelled "small n". Speakers are drawn in their colour
of the quote figures (:func:`analysis.figures.speaker_colours.assign_speaker_colours`).
The rows that pool several speakers ("other speakers", past the palette; "unattributed")
are no speaker's tone: they come last, below a line, hollow whatever their n, and
labelled with how many speakers they pool (:data:`POOLED_ROWS`).

The ``draw_*(doc)`` functions draw one figure for a notebook's own article.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from analysis.figures import FigureInputs, FigureSpec, as_inputs, new_figure
from analysis.figures.captions import SOURCE_PLACEHOLDER
from analysis.figures.layout import COLUMN_WIDTH, axes_note, row_height, wrap_label
from analysis.figures.palette import BAND, BLUE, MUTED_TEXT, UNKNOWN, VERMILLION, WHITE
from analysis.figures.speaker_colours import (
    OTHERS_SHOWN,
    UNATTRIBUTED_SHOWN,
    SpeakerColours,
    colours_for,
)
from analysis.pipeline import Context
from analysis.quotes.records import SPEECH_KINDS
from analysis.quotes.speakers import speaker_label
from analysis.sentiment.aggregates import tone_by_speaker, tone_by_target
from analysis.sentiment.uncertainty import SMALL_N
from analysis.text.document import Document

__all__ = [
    "ARC_LABELS",
    "FIGURES",
    "MAX_TARGETS",
    "POOLED_ROWS",
    "arc_data",
    "axis_limit",
    "draw_speaker_tone",
    "draw_target_tone",
    "draw_tone_arc",
    "plot_speaker_tone",
    "plot_target_tone",
    "plot_tone_arc",
    "pooled_last",
    "sentiment_arc",
    "sentiment_by_speaker",
    "sentiment_by_target",
    "speaker_tone_data",
    "target_tone_data",
]

#: At most this many targets are drawn (the most mentioned).
MAX_TARGETS = 12
#: The tone axis reaches past the widest interval by this much, in steps of AXIS_STEP.
AXIS_PAD = 0.1
AXIS_STEP = 0.25
#: Legend labels of the tone arc's two series (unmasked, masked).
ARC_LABELS = ("compound (NLTK VADER), thick solid",
              "compound, names masked, thin dashed")

#: Rows of the speaker figure that pool several speakers: drawn last, apart, hollow.
POOLED_ROWS: tuple[str, ...] = (OTHERS_SHOWN, UNATTRIBUTED_SHOWN)

_SOURCE = SOURCE_PLACEHOLDER


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


def axis_limit(data: pd.DataFrame) -> float:
    """Return the half-width of the tone axis: the data's reach, padded, in steps of 0.25.

    The axis is symmetric around 0 (neutral stays in the middle) and no wider than the
    data needs, so no empty band of the −1 to +1 range is drawn; at most 1.

    Examples
    --------
    >>> axis_limit(pd.DataFrame({"mean": [0.2], "ci_low": [-0.1], "ci_high": [0.41]}))
    0.75
    >>> axis_limit(pd.DataFrame({"mean": [0.0], "ci_low": [None], "ci_high": [None]}))
    0.25
    """
    values = pd.concat([data[c] for c in ("mean", "ci_low", "ci_high")]).dropna()
    reach = float(values.abs().max()) if len(values) else 0.0
    steps = int((reach + AXIS_PAD) / AXIS_STEP - 1e-9) + 1
    return min(steps * AXIS_STEP, 1.0)


def _interval_plot(
    axes: Axes, data: pd.DataFrame, label: str, xlabel: str, colours: list[str] | None = None,
    pooled: list[str | None] | None = None,
) -> list[str]:
    """Draw means with intervals, one row per group, top to bottom in table order.

    Rows are in ``colours`` (one per row), else blue; a small-n row is drawn hollow
    (and, without ``colours``, grey). A row with a ``pooled`` note (one per row, None
    for a row of its own) is drawn hollow with a thin interval, its note under its
    name. Each row's label says its n under the name (no note past the axes to
    collide with). Returns the tick labels drawn.
    """
    rows = list(range(len(data)))[::-1]
    pooled = pooled if pooled is not None else [None] * len(data)
    ticks = []
    for index, (row, (_, record)) in enumerate(zip(rows, data.iterrows(), strict=True)):
        small = record["note"] == SMALL_N if pd.notna(record["note"]) else False
        default = UNKNOWN if small else BLUE
        colour = default if colours is None else colours[index]
        hollow = small or pooled[index] is not None
        if pd.notna(record["ci_low"]):
            axes.plot([record["ci_low"], record["ci_high"]], [row, row], color=colour,
                      lw=0.9 if pooled[index] else 1.5)
        axes.plot(
            [record["mean"]], [row], marker="o", markersize=5, color=colour,
            markerfacecolor=WHITE if hollow else colour, linestyle="none",
        )
        note = f"n = {record['n']}" + (f", {SMALL_N}" if small else "")
        name = wrap_label(str(record[label]))
        if pooled[index]:
            name = f"{name}\n{pooled[index]}"
        ticks.append(f"{name}\n{note}")
    axes.axvline(0.0, color=MUTED_TEXT, lw=0.8)
    axes.set_yticks(rows, ticks)
    limit = axis_limit(data)
    axes.set_xlim(-limit, limit)
    axes.xaxis.set_major_locator(MultipleLocator(0.5 if limit > 0.5 else 0.25))
    axes.set_ylim(-0.6, max(len(data), 1) - 0.4)
    axes.set_xlabel(xlabel)
    return ticks


#: What a tone figure says when every row is unscored (e.g. a Korean corpus).
NOTHING_SCORED = "no English text to score\n(tone is not measured for other languages)"


def _scored(data: pd.DataFrame) -> pd.DataFrame:
    """The rows with a mean tone: unscored groups (no English text) are not drawn.

    The figure's CSV keeps every row, with its ``n_unscored``.
    """
    return data[data["mean"].notna()] if "mean" in data.columns else data


def _empty(axes: Axes, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()


def _interval_height(data: pd.DataFrame, label: str) -> float:
    ticks = [f"{wrap_label(str(v))}\nn" for v in data[label]] if len(data) else ["", ""]
    return 1.0 + row_height(ticks, per_line=0.13)


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

    The pooled rows (:data:`POOLED_ROWS`) are drawn last (:func:`pooled_last`, applied
    here when ``data`` has no ``n_speakers``; the returned data is in the drawn order).
    """
    if "n_speakers" not in data.columns:
        data = pooled_last(data)
    scored = _scored(data)
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, _interval_height(scored, "speaker")))
    if scored.empty:
        _empty(axes, "no quotes found" if data.empty else NOTHING_SCORED)
        return figure, data
    if colours is None:  # rank the speakers shown by their number of quotes
        colours = SpeakerColours.from_speakers(pd.DataFrame(
            {"actor": scored["speaker"], "speaker": scored["speaker"], "n_quotes": scored["n"],
             "n_words": 0}))
    row_colours = [colours.colour(s) for s in scored["speaker"]]
    pooled = [_pooled_note(record) for record in scored.to_dict("records")]
    _interval_plot(axes, scored, "speaker",
                   "Mean VADER compound, names masked\n(−1 negative, +1 positive)",
                   row_colours, pooled)
    n_own = sum(note is None for note in pooled)
    if 0 < n_own < len(pooled):  # a line sets the pooled rows apart from the speakers
        axes.axhline(len(pooled) - n_own - 0.5, color=MUTED_TEXT, lw=0.6, ls=(0, (4, 3)))
    note = "Hollow marks: fewer than 5 quotes, not a finding"
    if n_own < len(pooled):
        note += "; below the line: pooled groups, no one speaker's tone"
    axes_note(axes, note)
    return figure, data


def _pooled_note(record: dict) -> str | None:
    """The note under a pooled row's name ("pooled: 17 speakers"), None for a speaker.

    The unattributed row pools sources that are not a speaker ("pooled: 3 sources").
    """
    if record["speaker"] not in POOLED_ROWS:
        return None
    members = record.get("n_speakers")
    if members is None or pd.isna(members):
        return "pooled"
    noun = "source" if record["speaker"] == UNATTRIBUTED_SHOWN else "speaker"
    return f"pooled: {int(members)} {noun}{'s' if int(members) != 1 else ''}"


#: The score each speaker's mean is taken of (:func:`tone_by_speaker`'s default).
TONE_VALUE = "compound_masked"


def pooled_last(data: pd.DataFrame, quote_sentiment: pd.DataFrame | None = None,
                colours: SpeakerColours | None = None) -> pd.DataFrame:
    """Return :func:`tone_by_speaker` rows with the pooled rows last, and ``n_speakers``.

    ``n_speakers`` is 1 for a speaker's own row and, for a pooled row
    (:data:`POOLED_ROWS`), how many speaker labels of ``quote_sentiment``'s scored
    speech quotes (``TONE_VALUE`` not NA) it pools under ``colours`` (<NA> when they are
    not given).

    Examples
    --------
    >>> data = pd.DataFrame({"speaker": ["other speakers", "Ann Lane"], "n": [9, 5]})
    >>> pooled_last(data)[["speaker", "n_speakers"]].values.tolist()
    [['Ann Lane', 1], ['other speakers', <NA>]]
    """
    is_pooled = data["speaker"].isin(POOLED_ROWS)
    members: dict[str, int] = {}
    if quote_sentiment is not None and colours is not None:
        speech = quote_sentiment[quote_sentiment["kind"].isin(SPEECH_KINDS)]
        if TONE_VALUE in speech.columns:  # a speaker with no scored quote is in no mean
            speech = speech[speech[TONE_VALUE].notna()]
        labels = {speaker_label(a, s) for a, s in zip(speech["actor"], speech["speaker"],
                                                       strict=True)}
        for label in labels:
            shown = colours.shown(label)
            if shown in POOLED_ROWS:
                members[shown] = members.get(shown, 0) + 1
    ordered = pd.concat([data[~is_pooled], data[is_pooled]]).reset_index(drop=True)
    counts = [members.get(s) if s in POOLED_ROWS else 1 for s in ordered["speaker"]]
    return ordered.assign(n_speakers=pd.array(counts, dtype="Int64"))


def plot_tone_arc(data: pd.DataFrame) -> tuple[Figure, pd.DataFrame]:
    """Plot sentence tone in article order, unmasked and masked, quoted sentences marked.

    ``data`` is :func:`arc_data` (the columns of :func:`analysis.sentiment.aggregates.tone_arc`).
    Both series stay visible where they agree: the unmasked one is a thick pale line
    with filled dots under the masked one, a thin dashed line with hollow squares; the
    legend sits above the plot, outside it.
    """
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, 2.6))
    x = (data["sentence"] + 1).to_numpy(dtype=float)
    for position, quoted in zip(x, data["quoted"].fillna(False), strict=True):
        if quoted:
            axes.axvspan(position - 0.5, position + 0.5, color=BAND, lw=0, zorder=0)
    axes.plot(x, data["compound"].to_numpy(dtype=float), color=BLUE, marker="o",
              markersize=4.5, lw=2.4, alpha=0.55, zorder=2, label=ARC_LABELS[0])
    axes.plot(x, data["compound_masked"].to_numpy(dtype=float), color=VERMILLION, marker="s",
              markersize=3, markerfacecolor=WHITE, markeredgewidth=0.9, lw=0.9,
              linestyle=(0, (3, 2)), zorder=3, label=ARC_LABELS[1])
    axes.axhline(0.0, color=MUTED_TEXT, lw=0.6, zorder=1)
    axes.set_ylim(-1.05, 1.05)
    axes.set_xlim(0.5, len(data) + 0.5)
    axes.set_xlabel("Sentence, in article order (grey bands:\nsentences with quoted speech)")
    axes.set_ylabel("VADER compound (−1 to +1)")
    axes.grid(axis="y")
    axes.legend(loc="lower left", bbox_to_anchor=(0.0, 1.02), ncols=1, borderaxespad=0.0,
                handlelength=2.6)
    return figure, data


def plot_target_tone(data: pd.DataFrame) -> tuple[Figure, pd.DataFrame]:
    """Plot the mean tone toward each target (actor or country) with a 95% interval and n.

    ``data`` is :func:`tone_by_target` of a ``targets`` table, most-mentioned first.
    """
    scored = _scored(data)
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, _interval_height(scored, "target")))
    if scored.empty:
        _empty(axes, "no targets found" if data.empty else NOTHING_SCORED)
        return figure, data
    _interval_plot(axes, scored, "target",
                   "Mean target tone per mention,\nP(positive) − P(negative)")
    axes_note(axes, "Hollow grey: fewer than 5 mentions, not a finding")
    return figure, data


def sentiment_by_speaker(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build the speaker figure over every research article."""
    colours = colours_for(inputs)
    quote_sentiment = inputs.all_articles_table("quote_sentiment")
    data = tone_by_speaker(colours.group_quotes(quote_sentiment))
    return plot_speaker_tone(pooled_last(data, quote_sentiment, colours), colours)


def sentiment_arc(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build the tone-arc figure for the primary article."""
    data = arc_data(inputs.table("sentences"), inputs.table("quotes"), len(inputs.primary.text))
    return plot_tone_arc(data)


def sentiment_by_target(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build the target figure over every research article."""
    return plot_target_tone(_top_targets(inputs.all_articles_table("targets")))


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
            f"figures; grey, \"{UNATTRIBUTED_SHOWN}\": quotes whose speaker is not a person or "
            f"organisation, counted together. \"{OTHERS_SHOWN}\" (past the palette's "
            f"colours) and \"{UNATTRIBUTED_SHOWN}\" pool unrelated speakers: they are drawn "
            "last, below a line, hollow, with the number of speakers pooled; their mean is "
            "no speaker's tone. The axis spans the data, centred on neutral. "
            "VADER is a weak judge of news; a few articles are not a sample. "
            "Articles: {tone_articles}."
        ),
        builder=sentiment_by_speaker,
    ),
    FigureSpec(
        name="sentiment-arc",
        title="The tone arc through the article",
        caption=(
            "NLTK VADER compound of every sentence in order, as NLTK computes it (blue, "
            "thick solid line, filled dots) and with actor and organisation names masked "
            "(vermillion, thin dashed line, hollow squares; where the two agree it runs "
            "along the blue line); grey bands mark sentences with quoted speech. " + _SOURCE
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
            "n = mentions. The axis spans the data, centred on neutral. "
            "Articles: {target_articles}."
        ),
        builder=sentiment_by_target,
    ),
)
