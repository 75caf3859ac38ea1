"""Figures about a corpus: sectors named year by year, who is quoted in which outlet.

Each figure has a plotting function that takes the tables it counts (the counting is
:mod:`analysis.corpus.queries`, so a figure shows the numbers the corpus queries give)
and a builder that reads the corpus's tables
(:meth:`analysis.figures.FigureInputs.corpus_table`: the illustrative corpus when one is
given, as in ``make figures``, else the researcher's own articles) and calls it; the
captions describe that corpus (``{corpus}``), never a fixed "illustrative" sentence.
Speakers are coloured by :func:`analysis.figures.speaker_colours.assign_speaker_colours`
over the corpus's quotes table, as in the quote figures; speakers that are not a person
or organisation are one grey row, "unattributed". Articles with no outlet named are not
an outlet: their quotes are one panel, drawn last on a grey ground and never ranked
among the outlets (:data:`UNKNOWN_OUTLET`).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from analysis.corpus.queries import (
    quotes_per_actor_outlet_from_tables,
    sector_mentions_over_time_from_tables,
)
from analysis.figures import FigureInputs, FigureSpec, _add_caption, new_figure
from analysis.figures.captions import CORPUS_PLACEHOLDER, fill_placeholders
from analysis.figures.layout import COLUMN_WIDTH, axes_note, wrap_label, wrap_to_width
from analysis.figures.palette import (
    BLUE,
    EDGE,
    MUTED_TEXT,
    NOTE_TEXT,
    UNKNOWN_FACE,
    WHITE,
    tint,
)
from analysis.figures.speaker_colours import (
    OTHERS_LABEL,
    OTHERS_SHOWN,
    UNATTRIBUTED_LABEL,
    UNATTRIBUTED_SHOWN,
    SpeakerColours,
    assign_speaker_colours,
)
from analysis.quotes.records import SPEECH_KINDS
from analysis.quotes.speakers import speaker_label

__all__ = [
    "FIGURES",
    "ILLUSTRATIVE_NOTE",
    "MAX_OUTLETS",
    "UNDATED",
    "UNKNOWN_OUTLET",
    "captioned",
    "corpus_quotes_by_outlet",
    "corpus_sectors_by_year",
    "plot_quotes_by_outlet",
    "plot_sectors_by_period",
]

#: Outlets drawn in the quotes figure (those with the most quotes); the data lists all.
MAX_OUTLETS = 4
#: Panel name of quotes whose article names no outlet: drawn last, apart, never ranked.
UNKNOWN_OUTLET = "outlet unknown"
#: Title of that panel, and its ground (grey: not an outlet).
UNKNOWN_OUTLET_TITLE = "No outlet named (not ranked among the outlets)"
UNKNOWN_OUTLET_FACE = UNKNOWN_FACE
#: Column name of articles without a readable date.
UNDATED = "undated"
#: Rows that stand for several speakers (drawn with their number).
GROUP_ROWS = (OTHERS_SHOWN, UNATTRIBUTED_SHOWN)
#: Share of a period's articles past which a cell's number is written in white.
DARK_CELL = 0.6


def _no_data(axes: object, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()


# --- sectors named per year ------------------------------------------------------------


def plot_sectors_by_period(counts: pd.DataFrame, unit: str = "year") -> tuple[Figure, pd.DataFrame]:
    """Draw a sector x period grid: shade = share of the period's articles naming the sector.

    Parameters
    ----------
    counts : DataFrame
        :func:`analysis.corpus.queries.sector_mentions_over_time` (or its
        ``_from_tables`` twin): one row per period and sector.
    unit : str
        What a period is ("year", "month"), for the labels.

    Returns
    -------
    Figure, DataFrame
        The figure and ``counts`` as drawn (every row; sectors most articles first).
    """
    figure, axes = new_figure(figsize=(COLUMN_WIDTH,
                                       1.9 + 0.24 * max(counts["sector"].nunique(), 3)))
    if counts.empty:
        _no_data(axes, "no sector named in the corpus")
        return figure, counts
    periods = sorted(counts["period"].dropna().unique())
    if counts["period"].isna().any():
        periods.append(pd.NA)
    totals = counts.groupby("sector")["n_articles"].sum()
    labels = counts.groupby("sector")["label"].first()
    sectors = sorted(totals.index, key=lambda s: (-int(totals[s]), str(labels[s])))
    cells = counts.set_index([counts["period"].fillna(UNDATED), "sector"])
    column_names = [UNDATED if pd.isna(p) else str(p) for p in periods]
    in_period = counts.groupby(counts["period"].fillna(UNDATED))["n_articles_in_period"].first()
    for y, sector in enumerate(sectors):
        for x, period in enumerate(column_names):
            _draw_cell(axes, x, len(sectors) - 1 - y, cells, period, sector)
    axes.set_xlim(-0.5, len(column_names) - 0.5)
    axes.set_ylim(-0.5, len(sectors) - 0.5)
    axes.set_yticks(range(len(sectors)), [wrap_label(str(labels[s])) for s in sectors][::-1])
    axes.set_xticks(range(len(column_names)),
                    [f"{name}\n{_count(int(in_period[name]), 'article')}"
                     for name in column_names])
    axes.xaxis.tick_top()
    axes.tick_params(axis="both", length=0)
    axes.grid(False)
    for spine in axes.spines.values():
        spine.set_visible(False)
    axes_note(axes, f"Number: articles naming the sector that {unit}; shade: their share "
                    f"of the {unit}'s articles")
    return figure, counts


def _draw_cell(axes: object, x: int, y: int, cells: pd.DataFrame, period: str,
               sector: str) -> None:
    if (period, sector) not in cells.index:
        axes.add_patch(Rectangle((x - 0.45, y - 0.4), 0.9, 0.8, facecolor=WHITE,
                                 edgecolor=EDGE, linewidth=0.5))
        return
    cell = cells.loc[(period, sector)]
    share = float(cell["share_of_articles"])
    axes.add_patch(Rectangle((x - 0.45, y - 0.4), 0.9, 0.8, facecolor=tint(BLUE, share),
                             edgecolor=BLUE, linewidth=0.5))
    axes.text(x, y, str(int(cell["n_articles"])), ha="center", va="center", fontsize=7,
              color=WHITE if share >= DARK_CELL else NOTE_TEXT)


def corpus_sectors_by_year(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Sectors named per year across the corpus (:meth:`FigureInputs.corpus_table`)."""
    counts = sector_mentions_over_time_from_tables(
        inputs.corpus_table("sectors"), inputs.corpus_table("articles"), freq="year")
    return plot_sectors_by_period(counts, unit="year")


# --- quotes per actor and outlet ---------------------------------------------------------


def plot_quotes_by_outlet(
    quotes: pd.DataFrame, articles: pd.DataFrame, colours: SpeakerColours | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """Draw the quotes of each speaker per outlet, one panel per outlet, speaker colours.

    Parameters
    ----------
    quotes, articles : DataFrame
        The corpus's ``quotes`` and ``articles`` tables.
    colours : SpeakerColours, optional
        The set's speaker colours (default: assigned over ``quotes``); speakers sharing
        a colour ("others", "unresolved") are counted as one row.

    Returns
    -------
    Figure, DataFrame
        The figure and :func:`analysis.corpus.queries.quotes_per_actor_outlet` of the
        grouped quotes, with ``label``, ``colour``, ``colour_group`` and ``drawn``
        (False for outlets past :data:`MAX_OUTLETS`), ``members`` (the speakers a row
        stands for: 1, or a group's number; a group of one shows its speaker's label),
        ``outlet_known`` (False for articles with no outlet: one panel, drawn last and
        apart, not counted among the :data:`MAX_OUTLETS` ranked), own-colour speakers
        first in each outlet.
    """
    colours = colours if colours is not None else assign_speaker_colours(quotes)
    counts = quotes_per_actor_outlet_from_tables(colours.group_quotes(quotes), articles)
    members = _members(quotes, articles, colours, counts)
    # an "others" row of one speaker (in this outlet) shows that speaker's own label; an
    # unattributed row never names its mention (it is not a speaker)
    counts["label"] = [next(iter(names)) if len(names) == 1 and row != UNATTRIBUTED_SHOWN
                       else row for row, names in
                       zip(counts["actor"].fillna(UNATTRIBUTED_SHOWN), members, strict=True)]
    counts["colour"] = [colours.colour(label) for label in counts["label"]]
    counts["colour_group"] = [colours.group(label) for label in counts["label"]]
    counts["members"] = [len(names) for names in members]
    # own-colour speakers first, then the groups (others, unattributed), as the quote figures
    rank = counts["colour_group"].map({OTHERS_LABEL: 1, UNATTRIBUTED_LABEL: 2}).fillna(0)
    counts = counts.iloc[sorted(range(len(counts)), key=lambda i: (
        str(counts["outlet"].iloc[i]) if pd.notna(counts["outlet"].iloc[i]) else "\uffff",
        rank.iloc[i], i))].reset_index(drop=True)
    outlets = counts["outlet"].fillna(UNKNOWN_OUTLET)
    shown = _ranked_outlets(counts)
    counts["drawn"] = outlets.isin(shown)
    counts["outlet_known"] = counts["outlet"].notna()
    counts = counts.astype({"label": "string", "colour": "string", "colour_group": "string",
                            "members": "Int64", "drawn": "boolean",
                            "outlet_known": "boolean"})
    n_rows = [int((outlets == outlet).sum()) for outlet in shown]
    # as new_figure, with one panel per outlet, each as high as its rows
    figure = Figure(layout="constrained",
                    figsize=(COLUMN_WIDTH, 1.9 + 0.3 * max(sum(n_rows), 2) + 0.35 * len(shown)))
    axes_grid = figure.subplots(max(len(shown), 1), 1, squeeze=False, sharex=True,
                                height_ratios=[max(n, 1) for n in n_rows] or [1])
    axes_column = [row[0] for row in axes_grid]
    if counts.empty:
        _no_data(axes_column[0], "no speech quotes found")
        return figure, counts
    article_outlets = articles["outlet"].fillna(UNKNOWN_OUTLET)
    n_articles = articles["article_id"].groupby(article_outlets).nunique()
    for axes, outlet in zip(axes_column, shown, strict=True):
        _draw_outlet(axes, counts[(outlets == outlet).to_numpy()], outlet,
                     int(n_articles.get(outlet, 0)))
    xlabel = "Quotes (direct, partial, indirect)"
    hidden = articles["outlet"].dropna().nunique() - len([o for o in shown
                                                          if o != UNKNOWN_OUTLET])
    if hidden > 0:  # in the axis label, so the layout makes room for it
        xlabel += "\n" + wrap_to_width(
            f"Not drawn: {hidden} more outlet(s) of the corpus, with no speech quotes found "
            f"or past the {MAX_OUTLETS} most quoted", COLUMN_WIDTH * 0.6, 7.5)
    axes_column[-1].set_xlabel(xlabel)
    return figure, counts


def _ranked_outlets(counts: pd.DataFrame) -> list[str]:
    """The outlets drawn: the :data:`MAX_OUTLETS` most quoted, then "outlet unknown".

    Quotes from articles with no outlet are no outlet's: they are never ranked, and
    come last when there are any.

    Examples
    --------
    >>> counts = pd.DataFrame({"outlet": ["A", None, "B"], "n_quotes": [1, 9, 2]})
    >>> _ranked_outlets(counts)
    ['B', 'A', 'outlet unknown']
    """
    known = counts[counts["outlet"].notna()]
    per_outlet = known["n_quotes"].groupby(known["outlet"], sort=False).sum()
    ranked = list(per_outlet.sort_values(ascending=False, kind="stable").index[:MAX_OUTLETS])
    return ranked + ([UNKNOWN_OUTLET] if counts["outlet"].isna().any() else [])


def _members(quotes: pd.DataFrame, articles: pd.DataFrame, colours: SpeakerColours,
             counts: pd.DataFrame) -> list[set[str]]:
    """Return the speaker labels each row of ``counts`` stands for (one, or a group's)."""
    speech = quotes[quotes["kind"].isin(SPEECH_KINDS)].merge(
        articles[["article_id", "outlet"]], on="article_id", how="left")
    labels = [speaker_label(a, s) for a, s in zip(speech["actor"], speech["speaker"],
                                                   strict=True)]
    shown = [colours.shown(label) for label in labels]
    found: dict[tuple[str, str], set[str]] = {}
    for outlet, row, label in zip(speech["outlet"].fillna(UNKNOWN_OUTLET), shown, labels,
                                  strict=True):
        found.setdefault((outlet, row), set()).add(label)
    rows = counts["actor"].fillna(UNATTRIBUTED_SHOWN)
    return [found.get((outlet, row), {row}) for outlet, row in
            zip(counts["outlet"].fillna(UNKNOWN_OUTLET), rows, strict=True)]


def _count(n: int, noun: str) -> str:
    """Return ``n noun`` with the noun in the plural unless ``n`` is 1.

    Examples
    --------
    >>> _count(1, "article"), _count(3, "quote")
    ('1 article', '3 quotes')
    """
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _draw_outlet(axes: object, rows: pd.DataFrame, outlet: str, n_articles: int) -> None:
    y = list(range(len(rows)))[::-1]  # most quoted on top
    bars = axes.barh(y, rows["n_quotes"].astype(int), color=list(rows["colour"]), height=0.6)
    axes.bar_label(bars, padding=2, fontsize=7)
    axes.set_yticks(y, [wrap_label(label if label not in GROUP_ROWS else f"{label} ({members})")
                        for label, members in zip(rows["label"], rows["members"], strict=True)])
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.margins(x=0.12)
    unknown = outlet == UNKNOWN_OUTLET
    name = UNKNOWN_OUTLET_TITLE if unknown else outlet
    axes.set_title(wrap_to_width(f"{name}: {_count(int(rows['n_quotes'].sum()), 'quote')} "
                                 f"in {_count(n_articles, 'article')}", COLUMN_WIDTH * 0.6, 8),
                   loc="left", fontsize=8,
                   **({"color": MUTED_TEXT, "style": "italic"} if unknown else {}))
    if unknown:  # not an outlet: a grey ground sets it apart from the ranked panels
        axes.set_facecolor(UNKNOWN_OUTLET_FACE)


def corpus_quotes_by_outlet(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Quotes per speaker and outlet across the corpus (:meth:`FigureInputs.corpus_table`)."""
    quotes = inputs.corpus_table("quotes")
    colours = assign_speaker_colours(quotes, registry=inputs.context.registry)
    return plot_quotes_by_outlet(quotes, inputs.corpus_table("articles"), colours)


#: How a caption describes the hand-written illustrative corpus when no other is named
#: (``captioned`` without ``corpus``); :meth:`FigureSpec.caption_for` describes it from the
#: inputs.
ILLUSTRATIVE_NOTE = (
    "the hand-written illustrative corpus (data/raw/illustrative, 2023-2025), not real "
    "news; it shows the method until a real corpus is given."
)
FIGURES = (
    FigureSpec(
        name="corpus-sectors-by-year",
        title="Cooperation sectors named, year by year",
        caption=(
            "Articles naming each sector per year of publication, as "
            "analysis.corpus.queries.sector_mentions_over_time counts them (sectors found "
            "by analysis.sectors.finder, English and Korean); blank: not named that year. "
            "Corpus: " + CORPUS_PLACEHOLDER + "."
        ),
        builder=corpus_sectors_by_year,
    ),
    FigureSpec(
        name="corpus-quotes-by-outlet",
        title="Who is quoted in each outlet",
        caption=(
            "Speech quotes (direct, partial, indirect) per speaker and outlet, as "
            "analysis.corpus.queries.quotes_per_actor_outlet counts them; each speaker in "
            "their colour of the quote figures, near black: other speakers past the 6 "
            f"colours, counted together; grey, \"{UNATTRIBUTED_SHOWN}\": quotes whose speaker "
            "is not a person or organisation (e.g. \"a summary circulated\"), counted "
            "together, never shown as a speaker. Outlets are ranked by their quotes (the "
            f"{MAX_OUTLETS} most quoted drawn); quotes from articles with no outlet named "
            "are one panel, last on a grey ground, not ranked among them. Quotes are "
            "extracted from English and Korean text. Corpus: " + CORPUS_PLACEHOLDER + "."
        ),
        builder=corpus_quotes_by_outlet,
    ),
)


def captioned(name: str, figure: Figure, corpus: str | None = None) -> Figure:
    """Add the title and caption of corpus figure ``name``, for the corpus it was drawn for.

    For notebooks that draw a corpus figure from their own run's tables; call it inside
    :func:`analysis.figures.style_context`. ``corpus`` describes the researcher's corpus
    (e.g. ``"Yonhap English service, 2023-2025"``), written where the caption says
    ``{corpus}``; None describes the illustrative corpus (:data:`ILLUSTRATIVE_NOTE`).

    Examples
    --------
    >>> from analysis.figures import style_context
    >>> with style_context():
    ...     figure, _ = new_figure()
    ...     _ = captioned("corpus-sectors-by-year", figure, corpus="Wire, 2024")
    >>> figure.get_suptitle()
    'Cooperation sectors named, year by year'
    >>> " ".join(figure._supxlabel.get_text().split())[-19:]
    'Corpus: Wire, 2024.'
    """
    spec = {spec.name: spec for spec in FIGURES}[name]
    caption = fill_placeholders(
        spec.caption, corpus=ILLUSTRATIVE_NOTE.rstrip(".") if corpus is None else corpus)
    _add_caption(figure, spec.title, caption)
    return figure
