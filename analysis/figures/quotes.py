"""Figures about who is quoted in an article, how much, where, and to whom.

Each figure has a plotting function that takes the table it draws (so it can be
checked on a hand-made table) and a builder that reads a ``quotes`` table and calls it:
quotes-per-speaker and quote-addressees count over every research article
(:meth:`analysis.figures.FigureInputs.all_articles_table`: who is quoted across a
researcher's articles is the point; for one article, that article), quote-positions
draws one article, the primary one (:meth:`analysis.figures.FigureInputs.table`),
because a position is a place in one text.

Speakers are coloured by :func:`analysis.figures.speaker_colours.colours_for` over every
research article's quotes, so a speaker has the same colour in every figure of the set
and in the highlighted article; quote-positions, which shows one article, narrows them to
its speakers (:func:`analysis.figures.speaker_colours.article_colours`: a speaker keeps
its colour, and the article's others take the colours left free); each figure's data names the colour and its
``colour_group`` (the speaker, ``others`` or ``unattributed``). Mentions that are not a
person or organisation ("the pair", "a joint statement released") are never drawn as a
speaker: they are one grey row, "unattributed", and the captions say so.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.figures import FigureInputs, FigureSpec, new_figure
from analysis.figures.captions import ARTICLES_PLACEHOLDER, SOURCE_PLACEHOLDER
from analysis.figures.layout import COLUMN_WIDTH, legend_under_axes, row_height, wrap_label
from analysis.figures.palette import CATEGORICAL, MUTED_TEXT, OTHERS, WHITE
from analysis.figures.speaker_colours import (
    OTHERS_LABEL,
    OTHERS_SHOWN,
    UNATTRIBUTED_LABEL,
    UNATTRIBUTED_SHOWN,
    SpeakerColours,
    article_colours,
    assign_speaker_colours,
    colours_for,
)
from analysis.quotes.speakers import (
    SPEECH_KINDS,
    addressees_frame,
    positions_frame,
    speaker_label,
    speakers_frame,
)
from analysis.text.document import Document

__all__ = [
    "FIGURES",
    "STACK_GAP",
    "UNATTRIBUTED_NOTE",
    "plot_addressees",
    "plot_positions",
    "plot_speakers",
    "quote_addressees",
    "quote_positions",
    "quotes_per_speaker",
]

#: Marker per speech kind in the position strip.
KIND_MARKERS = {"direct": "o", "partial": "D", "indirect": "^"}
KIND_NAMES = {
    "direct": "direct",
    "partial": "partial",
    "indirect": "indirect (reported)",
}
NO_ADDRESSEE = "(no addressee named)"
UNKNOWN_AFFILIATION = "affiliation unknown"
#: Two marks of one row closer than this share of the article are stacked, not overlaid.
STACK_GAP = 0.03
#: Vertical step between stacked marks of one row (in rows).
STACK_STEP = 0.24
#: Points from the axes to a legend under them when the axis label has two lines.
LEGEND_BELOW_TWO_LINES = 40.0

_SOURCE = SOURCE_PLACEHOLDER
_ARTICLES = ARTICLES_PLACEHOLDER
#: What the captions say about speakers that are not a person or organisation.
UNATTRIBUTED_NOTE = (
    f"Grey, \"{UNATTRIBUTED_SHOWN}\": quotes whose speaker is not a person or organisation "
    "(a mention not resolved to an actor, such as \"the pair\" or \"a joint statement "
    "released\", or one that is neither in the actor registry nor written as a name), "
    "counted together and never shown as a speaker."
)
_COLOURS = (
    "Each speaker has one colour in every quote figure and in the highlighted article; "
    f"near black: \"{OTHERS_LABEL}\", speakers past the {len(CATEGORICAL)} colours (in a "
    "one-article figure, the article's speakers past them take the colours its other "
    "speakers leave free). "
    f"{UNATTRIBUTED_NOTE}"
)
#: The rows that stand for several speakers (past the palette, or unattributed).
GROUP_ROWS = frozenset({OTHERS_SHOWN, UNATTRIBUTED_SHOWN})

_METHOD = (
    "Quotes found and attributed by analysis.quotes.extract (rule-based; its measured accuracy is in "
    "docs/evaluation.md); title and scare quotes are not counted."
)


def _no_data(axes: object, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()


# --- (a) quotes and words per speaker ----------------------------------------------


def _last_groups(speakers: pd.DataFrame, colours: SpeakerColours) -> pd.DataFrame:
    """Return a speakers table with own-colour speakers first, then others, then unattributed."""
    rank = {OTHERS_LABEL: 1, UNATTRIBUTED_LABEL: 2}
    labels = [speaker_label(a, s) for a, s in zip(speakers["actor"], speakers["speaker"],
                                                   strict=True)]
    keys = [rank.get(colours.group(label), 0) for label in labels]
    order = sorted(range(len(labels)), key=lambda i: (keys[i], i))
    return speakers.iloc[order].reset_index(drop=True)


def _merge_shared(speakers: pd.DataFrame, colours: SpeakerColours) -> pd.DataFrame:
    """Return a speakers table with one row per speaker drawn, over every article.

    The speakers of one shared colour become one row, and so does a speaker listed once
    per article (:func:`speakers_frame` counts per article): a speaker quoted in three
    articles is one bar with the sum of the three, not three bars. Merged rows are ranked
    as :func:`speakers_frame` ranks them (resolved first, then by quotes, words and first
    appearance); a table with one row per speaker already is returned as it is.

    Examples
    --------
    >>> table = pd.DataFrame({"article_id": ["a", "b", "b"],
    ...     "actor": ["Yoon Suk Yeol", "Jens Stoltenberg", "Yoon Suk Yeol"],
    ...     "speaker": ["Yoon", "Stoltenberg", "He"],
    ...     "role": ["President", "Secretary General", "President"],
    ...     "affiliation": ["South Korea", "NATO", "South Korea"], "n_quotes": [1, 1, 2],
    ...     "n_words": [5, 9, 7]})
    >>> merged = _merge_shared(table, SpeakerColours.from_speakers(table))
    >>> merged[["actor", "role", "n_quotes", "n_words"]].values.tolist()
    [['Yoon Suk Yeol', 'President', 3, 12], ['Jens Stoltenberg', 'Secretary General', 1, 9]]
    """
    labels = [speaker_label(a, s) for a, s in zip(speakers["actor"], speakers["speaker"],
                                                   strict=True)]
    shown = [colours.shown(label) for label in labels]
    if shown == labels and len(set(labels)) == len(labels):
        return speakers
    merged = speakers.reset_index(drop=True).assign(_shown=shown, _label=labels)
    rows = []
    for label, group in merged.groupby("_shown", sort=False):
        first = group.iloc[0].to_dict()
        if len(set(group["_label"])) > 1 or label != first["_label"]:
            first.update(actor=label, speaker=label, role=None, affiliation=None)
        counts = [c for c in ("n_quotes", "n_direct", "n_partial", "n_indirect", "n_words")
                  if c in group]
        first.update({c: int(group[c].sum()) for c in counts})
        first["_order"] = int(group.index[0])
        rows.append(first)
    frame = pd.DataFrame(rows)
    frame["_unresolved"] = frame["actor"].isna()
    frame = frame.assign(_q=-frame["n_quotes"], _w=-frame["n_words"]).sort_values(
        ["_unresolved", "_q", "_w", "_order"], kind="stable")
    return frame[list(speakers.columns)].reset_index(drop=True)


def _n_speakers(n: int) -> str:
    return f"{n} speaker" + ("" if n == 1 else "s")


def _others_handles(colours: SpeakerColours, labels: list[str]) -> list[Patch]:
    """Return a legend patch for "others" when one of ``labels`` is drawn in its colour.

    Unattributed speakers need none: their row says "unattributed".
    """
    if not any(colours.group(label) == OTHERS_LABEL for label in labels):
        return []
    return [Patch(facecolor=OTHERS, edgecolor=OTHERS,
                  label=f"{OTHERS_LABEL}: past the {len(CATEGORICAL)} colours")]


def plot_speakers(
    speakers: pd.DataFrame, colours: SpeakerColours | None = None
) -> tuple[Figure, pd.DataFrame]:
    """Draw quotes and words quoted per speaker, bars in the speaker's colour.

    Parameters
    ----------
    speakers : DataFrame
        The ``speakers`` table of one or more articles
        (:func:`analysis.quotes.speakers.speakers_frame`); a speaker listed in several
        articles is drawn once, with the sum.
    colours : SpeakerColours, optional
        The set's speaker colours (default: assigned over ``speakers``).

    Returns
    -------
    Figure, DataFrame
        The figure and the plotted rows, top bar first: ``label``, ``actor``, ``role``,
        ``affiliation`` (as written under the name), ``n_quotes``, ``n_words``,
        ``colour``, ``colour_group``.
    """
    if colours is None:
        colours = SpeakerColours.from_speakers(speakers)
    speakers = _last_groups(_merge_shared(speakers, colours), colours)
    labels = [speaker_label(a, s) for a, s in zip(speakers["actor"], speakers["speaker"],
                                                   strict=True)]
    data = pd.DataFrame(
        {
            "label": labels,
            "actor": speakers["actor"],
            "role": speakers["role"],
            "affiliation": [
                _n_speakers(len(colours.members(label))) if label in GROUP_ROWS
                else (UNKNOWN_AFFILIATION if pd.isna(affiliation) else affiliation)
                for label, affiliation in zip(labels, speakers["affiliation"], strict=True)
            ],
            "n_quotes": speakers["n_quotes"],
            "n_words": speakers["n_words"],
        }
    ).reset_index(drop=True)
    data["colour"] = [colours.colour(label) for label in data["label"]]
    data["colour_group"] = [colours.group(label) for label in data["label"]]
    # The affiliation is written under each name (no legend to look up).
    ticks = [f"{wrap_label(label, max_lines=2)}\n{wrap_label(affiliation, max_lines=2)}"
             for label, affiliation
             in zip(data["label"], data["affiliation"], strict=True)]
    figure, (quotes_axes, words_axes) = new_figure(
        1, 2, figsize=(COLUMN_WIDTH, 1.3 + row_height(ticks or ["", ""]))
    )
    words_axes.sharey(quotes_axes)
    words_axes.tick_params(labelleft=False)
    if data.empty:
        _no_data(quotes_axes, "no speech quotes found")
        words_axes.set_axis_off()
        return figure, data
    rows = list(range(len(data)))[::-1]  # first speaker on top
    for axes, column, label in (
        (quotes_axes, "n_quotes", "Quotes (direct,\npartial, indirect)"),
        (words_axes, "n_words", "Words quoted\nor reported"),
    ):
        bars = axes.barh(rows, data[column], color=data["colour"], height=0.6)
        axes.bar_label(bars, padding=2, fontsize=7)
        axes.set_xlabel(label)
        axes.margins(x=0.2)
        axes.xaxis.get_major_locator().set_params(integer=True, nbins=3)
    quotes_axes.set_yticks(rows, ticks)
    handles = _others_handles(colours, list(data["label"]))
    if handles:  # under the axes: above them it would run into the figure's title
        legend_under_axes(quotes_axes, handles, ncols=1, gap=LEGEND_BELOW_TWO_LINES)
    return figure, data


def quotes_per_speaker(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Plot quotes and words quoted per speaker over every research article."""
    quotes = inputs.all_articles_table("quotes")
    colours = colours_for(inputs)
    return plot_speakers(speakers_frame(colours.group_quotes(quotes)), colours)


# --- (b) where each speaker is quoted ----------------------------------------------


def plot_positions(
    positions: pd.DataFrame, doc: Document, colours: SpeakerColours | None = None
) -> tuple[Figure, pd.DataFrame]:
    """Draw one row per speaker and a mark per quote at its place in the article.

    Parameters
    ----------
    positions : DataFrame
        The ``quote_positions`` table of one article (:func:`analysis.quotes.speakers.positions_frame`).
    doc : Document
        That article (its length and paragraph starts place the ticks).
    colours : SpeakerColours, optional
        The set's speaker colours (default: assigned over ``positions``).

    Returns
    -------
    Figure, DataFrame
        The figure and one row per mark: ``label`` (the row it is drawn on),
        ``row`` (0 = top; speakers in order of first quote, unattributed last), ``kind``,
        ``position`` and ``end_position`` (start and end of the quote as a share of the
        article), ``paragraph`` (from 1), ``offset`` (marks of one row closer than
        :data:`STACK_GAP` are stacked: the mark's shift from its row), ``colour``,
        ``colour_group``.
    """
    length = max(len(doc.text), 1)
    if colours is None:
        colours = assign_speaker_colours(positions.assign(article_id=doc.article_id))
    positions = positions.reset_index(drop=True)
    data = pd.DataFrame(
        {
            "label": [colours.shown(speaker_label(a, s))
                      for a, s in zip(positions["actor"], positions["speaker"], strict=True)],
            "kind": positions["kind"],
            "position": positions["position"].astype(float),
            "end_position": positions["end"].astype(float) / length,
            "paragraph": positions["paragraph"] + 1,
        }
    ).reset_index(drop=True)
    # Rows: speakers in order of their first quote, unattributed last.
    attributed = (data["label"] != UNATTRIBUTED_SHOWN).to_numpy()
    order = list(dict.fromkeys([*data["label"][attributed], *data["label"][~attributed]]))
    data["row"] = data["label"].map({label: i for i, label in enumerate(order)}).astype(int)
    data["offset"] = _stack_offsets(data)
    data["colour"] = [colours.colour(label) for label in data["label"]]
    data["colour_group"] = [colours.group(label) for label in data["label"]]
    ticks = [wrap_label(label) for label in order]
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, 1.0 + row_height(ticks or ["", ""],
                                                                        gap=0.14)))
    if data.empty:
        _no_data(axes, "no speech quotes found")
        return figure, data
    for record in data.itertuples():
        y = record.row + record.offset
        axes.plot([record.position, record.end_position], [y, y],
                  color=record.colour, linewidth=3, alpha=0.35, solid_capstyle="butt")
        filled = record.kind != "indirect"
        axes.plot([record.position], [y], linestyle="none",
                  marker=KIND_MARKERS.get(record.kind, "o"), markersize=5,
                  markeredgecolor=record.colour, markeredgewidth=1.0,
                  markerfacecolor=record.colour if filled else WHITE)
    axes.set_yticks(range(len(order)), ticks)
    axes.set_ylim(len(order) - 0.5, -0.5)
    axes.set_xlim(0, 1)
    axes.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    axes.xaxis.get_major_locator().set_params(nbins=5)
    axes.set_xlabel("Position in the article (share of its text)")
    starts = [p.start / length for p in doc.paragraphs]
    top = axes.secondary_xaxis("top")
    every = max(1, -(-len(starts) // 6))  # at most about six paragraph ticks
    top.set_xticks([s for i, s in enumerate(starts) if i % every == 0],
                   [str(i + 1) for i in range(len(starts)) if i % every == 0])
    top.set_xlabel("Paragraph")
    handles = [
        Line2D([], [], linestyle="none", marker=KIND_MARKERS[kind], markersize=5,
               color=MUTED_TEXT, markerfacecolor=WHITE if kind == "indirect" else MUTED_TEXT,
               label=KIND_NAMES[kind])
        for kind in SPEECH_KINDS
    ]
    handles += _others_handles(colours, order)
    legend_under_axes(axes, handles, ncols=3 if len(handles) == 3 else 2)
    return figure, data


def _stack_offsets(data: pd.DataFrame) -> list[float]:
    """Return a vertical offset per mark, so marks of one row closer than STACK_GAP stack.

    Marks of a row are taken in position order; each goes into the first lane whose last
    mark is at least :data:`STACK_GAP` before it, and the lanes are centred on the row.

    Examples
    --------
    >>> _stack_offsets(pd.DataFrame({"row": [0, 0, 0, 1], "position": [0.1, 0.11, 0.5, 0.1]}))
    [-0.12, 0.12, -0.12, 0.0]
    """
    lanes = [0] * len(data)
    n_lanes: dict[int, int] = {}
    for row, group in data.groupby("row", sort=False):
        last: list[float] = []
        for index in group.sort_values("position", kind="stable").index:
            position = float(data.at[index, "position"])
            lane = next((i for i, end in enumerate(last) if position - end >= STACK_GAP),
                        len(last))
            if lane == len(last):
                last.append(position)
            last[lane] = position
            lanes[data.index.get_loc(index)] = lane
        n_lanes[int(row)] = len(last)
    offsets = []
    for lane, row in zip(lanes, data["row"], strict=True):
        rows = n_lanes.get(int(row), 1)
        offsets.append(round((lane - (rows - 1) / 2) * STACK_STEP, 4) if rows > 1 else 0.0)
    return offsets


def quote_positions(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Plot where in the primary article each speaker is quoted (one article: positions)."""
    doc = inputs.primary
    quotes = inputs.table("quotes")
    colours = article_colours(inputs)  # one article: its speakers in colours if they fit
    return plot_positions(positions_frame(colours.group_quotes(quotes), doc), doc, colours)


# --- (c) who addressed whom --------------------------------------------------------


def plot_addressees(
    quotes: pd.DataFrame, colours: SpeakerColours | None = None
) -> tuple[Figure, pd.DataFrame]:
    """Draw, per speaker, how many quotes went to each addressee or to no one named.

    Parameters
    ----------
    quotes : DataFrame
        The ``quotes`` table of one or more articles (a speaker and addressee pair is
        counted once over all of them).
    colours : SpeakerColours, optional
        The set's speaker colours (default: assigned over ``quotes``).

    Returns
    -------
    Figure, DataFrame
        The figure and one row per bar, top first: ``speaker`` and ``addressee``
        labels, ``n`` quotes, ``colour`` (the speaker's; drawn pale and hatched for no
        addressee), ``colour_group``.
    """
    if colours is None:
        colours = assign_speaker_colours(quotes)
    quotes = colours.group_quotes(quotes)  # no two speakers drawn share a colour
    pairs = addressees_frame(quotes)
    speakers = _last_groups(_merge_shared(speakers_frame(quotes), colours), colours)
    # one count per speaker and addressee over every article, in order of first appearance
    pooled: dict[tuple[str, str], int] = {}
    for pair in pairs.itertuples():
        key = (speaker_label(pair.actor, pair.speaker),
               speaker_label(pair.addressee_actor, pair.addressee))
        pooled[key] = pooled.get(key, 0) + int(pair.n)
    rows = []
    for speaker in speakers.itertuples():
        label = speaker_label(speaker.actor, speaker.speaker)
        addressed = 0
        for (pair_speaker, addressee), n in pooled.items():
            if pair_speaker == label:
                rows.append({"speaker": label, "addressee": addressee, "n": n,
                             "colour": colours.colour(label),
                             "colour_group": colours.group(label)})
                addressed += n
        if int(speaker.n_quotes) > addressed:
            rows.append({"speaker": label, "addressee": NO_ADDRESSEE,
                         "n": int(speaker.n_quotes) - addressed,
                         "colour": colours.colour(label), "colour_group": colours.group(label)})
    data = pd.DataFrame(rows, columns=["speaker", "addressee", "n", "colour", "colour_group"])
    labels = [f"{wrap_label(s)}\n\u2192 {wrap_label(a, max_lines=1)}"
              for s, a in zip(data["speaker"], data["addressee"], strict=True)]
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, 1.2 + row_height(labels or ["", ""])))
    if data.empty:
        _no_data(axes, "no speech quotes found")
        return figure, data
    positions = list(range(len(data)))[::-1]
    named = data["addressee"] != NO_ADDRESSEE
    for flag, style in ((True, {}), (False, {"alpha": 0.35, "hatch": "///"})):
        mask = named == flag
        if mask.any():
            bars = axes.barh([p for p, m in zip(positions, mask, strict=True) if m],
                             data.loc[mask, "n"], color=data.loc[mask, "colour"],
                             edgecolor=data.loc[mask, "colour"], height=0.6, **style)
            axes.bar_label(bars, padding=2, fontsize=7)
    axes.set_yticks(positions, labels)
    axes.set_xlabel("Quotes (direct, partial, indirect)")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.margins(x=0.12)
    handles = _others_handles(colours, list(data["speaker"]))
    if handles:  # under the axes: above them it would run into the figure's title
        legend_under_axes(axes, handles, ncols=1)
    return figure, data


def quote_addressees(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Plot who addressed whom over every research article."""
    quotes = inputs.all_articles_table("quotes")
    colours = colours_for(inputs)
    return plot_addressees(colours.group_quotes(quotes), colours)


FIGURES = (
    FigureSpec(
        name="quotes-per-speaker",
        title="Who is quoted, and how much",
        caption=(
            "Number of quotes and words quoted or reported per speaker, with the speaker's "
            f"affiliation named under each speaker. {_COLOURS} {_METHOD} Articles: {_ARTICLES}."
        ),
        builder=quotes_per_speaker,
    ),
    FigureSpec(
        name="quote-positions",
        title="Where in the article each speaker is quoted",
        caption=(
            "Each mark is a quote at its position in the article (pale bar: its extent); one "
            "row per speaker, in order of first quote; marks closer than "
            f"{STACK_GAP:.0%} of the article are stacked; the top axis numbers paragraphs. "
            f"{_COLOURS} {_METHOD} {_SOURCE}"
        ),
        builder=quote_positions,
    ),
    FigureSpec(
        name="quote-addressees",
        title="Who addressed whom",
        caption=(
            "Quotes per speaker and addressee (\"X told Y\"); hatched bars: quotes with no "
            f"addressee named. {_COLOURS} {_METHOD} Articles: {_ARTICLES}."
        ),
        builder=quote_addressees,
    ),
)
