"""Figures about cooperation sectors: programmes compared, and sectors named in news.

Programme grids draw three states apart: a filled cell for a sector a source names
("included"), a grey hatched cell where the programme's list is not fully known
("unknown"), and an empty outlined cell where the full list is known and the sector is
not on it ("not included").

The programme grids read the programmes dataset only; sectors-seed-vs-itpp reads the
primary article's ``sectors`` table (:meth:`analysis.figures.FigureInputs.table`: which
areas *the article* names); sectors-corpus-mentions reads the corpus's
(:meth:`analysis.figures.FigureInputs.corpus_table`: the illustrative corpus when one is
given, else the researcher's articles) and its caption describes that corpus
(``{corpus}``). Labels are the taxonomy's, in British spelling as NATO writes them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from analysis.errors import AnalysisError
from analysis.figures import (
    SOURCE_PLACEHOLDER,
    FigureInputs,
    FigureSpec,
    _add_caption,
    article_source,
    as_inputs,
    new_figure,
)
from analysis.figures.captions import CORPUS_PLACEHOLDER, fill_placeholders
from analysis.figures.corpus import ILLUSTRATIVE_NOTE
from analysis.figures.layout import (
    COLUMN_WIDTH,
    axes_note,
    legend_under_axes,
    row_height,
    wrap_label,
)
from analysis.figures.palette import (
    BLUE,
    EDGE,
    NOTE_TEXT,
    SKY_BLUE,
    UNKNOWN_FACE,
    WHITE,
)
from analysis.figures.palette import UNKNOWN as UNKNOWN_GREY
from analysis.figures.partner_sectors import partner_coverage, plot_partner_coverage
from analysis.pipeline import Context
from analysis.sectors.matching import PROGRAMME_LIST
from analysis.sectors.named_programmes import programmes_named
from analysis.sectors.programmes import (
    INCLUDED,
    NOT_INCLUDED,
    UNKNOWN,
    programme_sectors,
    programme_summary,
    programme_table,
)
from analysis.sectors.taxonomy import Taxonomy, default_taxonomy
from analysis.text.articles import Article
from analysis.text.document import Document

__all__ = [
    "ASIA_PACIFIC_PROGRAMMES",
    "FIGURES",
    "KOREAN_PROGRAMMES",
    "asia_pacific_programmes",
    "captioned",
    "corpus_partner_coverage",
    "corpus_sector_mentions",
    "draw_article_vs_itpp",
    "draw_corpus_mentions",
    "draw_programme_grid",
    "itpp_vs_ipcp",
    "plot_article_vs_itpp",
    "plot_corpus_mentions",
    "seed_vs_itpp",
]

# Palette roles: BLUE included / in a programme's list; SKY_BLUE mentioned only;
# UNKNOWN_FACE hatched in UNKNOWN_GREY: unknown; WHITE outlined in EDGE: not included.

KOREAN_PROGRAMMES = ("kor-ipcp-2012", "kor-ipcp-2016", "kor-ipcp-2017", "kor-ipcp-2019", "kor-itpp-2023")
ASIA_PACIFIC_PROGRAMMES = ("kor-itpp-2023", "jpn-itpp-2023", "aus-itpp-2023")
_SHORT_NAMES = {
    "kor-ipcp-2012": "IPCP\n2012",
    "kor-ipcp-2016": "IPCP\n2016\n(NATO)",
    "kor-ipcp-2017": "IPCP\n2017\nrev.",
    "kor-ipcp-2019": "IPCP\n2019",
    "kor-itpp-2023": "ITPP\n2023",
    "jpn-itpp-2023": "Japan\nITPP\n2023",
    "aus-itpp-2023": "Austr.\nITPP\n2023-26",
}
#: Characters per line of a sector label in the grids (the columns need the rest).
GRID_LABEL_CHARS = 24


def _column_label(programme_id: str, summary: pd.DataFrame) -> str:
    row = summary.set_index("programme_id").loc[programme_id]
    known = int(row["n_sectors_known"])
    if pd.isna(row["stated_total"]):
        count = f"{known} of ?"
    elif bool(row["complete"]):
        count = f"{int(row['stated_total'])} of {int(row['stated_total'])}"
    else:
        count = f"{known} of {int(row['stated_total'])}"
    return f"{_SHORT_NAMES.get(programme_id, programme_id)}\n{count}"


def _draw_cell(axes: Axes, x: int, y: int, status: str) -> None:
    style = {
        INCLUDED: {"facecolor": BLUE, "edgecolor": BLUE, "hatch": None},
        UNKNOWN: {"facecolor": UNKNOWN_FACE, "edgecolor": UNKNOWN_GREY, "hatch": "////"},
        NOT_INCLUDED: {"facecolor": WHITE, "edgecolor": EDGE, "hatch": None},
    }[status]
    axes.add_patch(
        Rectangle((x - 0.42, y - 0.38), 0.84, 0.76, linewidth=0.8, **style)  # type: ignore[arg-type]
    )


def _legend_handles() -> list[Patch]:
    return [
        Patch(facecolor=BLUE, edgecolor=BLUE, label="included (named by a source)"),
        Patch(facecolor=UNKNOWN_FACE, edgecolor=UNKNOWN_GREY, hatch="////",
              label="unknown (programme's list not fully known)"),
        Patch(facecolor=WHITE, edgecolor=EDGE,
              label="not included (full list known, sector absent)"),
    ]


def _status_grid(axes: Axes, table: pd.DataFrame, columns: Sequence[str],
                 column_labels: Sequence[str]) -> None:
    """Draw a sector x programme grid of statuses on ``axes`` (rows top to bottom)."""
    n_rows = len(table)
    for y, (_, row) in enumerate(table.iterrows()):
        for x, column in enumerate(columns):
            _draw_cell(axes, x, n_rows - 1 - y, str(row[column]))
    axes.set_xlim(-0.5, len(columns) - 0.5)
    axes.set_ylim(-0.5, n_rows - 0.5)
    axes.set_yticks(range(n_rows), [wrap_label(v, GRID_LABEL_CHARS) for v in table["label"]][::-1])
    axes.set_xticks(range(len(columns)), list(column_labels))
    axes.xaxis.tick_top()
    axes.tick_params(axis="both", length=0)
    axes.grid(False)
    for spine in axes.spines.values():
        spine.set_visible(False)


def _long(table: pd.DataFrame, programmes: Sequence[str]) -> pd.DataFrame:
    long = table.melt(id_vars=["sector", "label"], value_vars=list(programmes),
                      var_name="programme_id", value_name="status")
    return long.astype("string").reset_index(drop=True)


def draw_programme_grid(
    programmes: Sequence[str], height: float = 7.0
) -> tuple[Figure, pd.DataFrame]:
    """Draw the sector x programme grid of ``programmes`` (ids of sectors/programmes.csv).

    Returns the figure and the plotted data in long form (sector, label, programme_id,
    status). Call inside :func:`analysis.figures.style_context`.
    """
    table = programme_table(programmes)
    summary = programme_summary()
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, height))
    _status_grid(axes, table, programmes, [_column_label(p, summary) for p in programmes])
    axes_note(axes, "Under each programme: sectors known of the areas it states")
    legend_under_axes(axes, _legend_handles(), ncols=1, gap=8)
    return figure, _long(table, programmes)


def itpp_vs_ipcp(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Grid of Korea's IPCP versions (2012, 2016 description, 2017, 2019) and ITPP 2023."""
    return draw_programme_grid(KOREAN_PROGRAMMES, height=5.6)


def asia_pacific_programmes(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Grid of the 2023 programmes of Korea, Japan and Australia side by side."""
    return draw_programme_grid(ASIA_PACIFIC_PROGRAMMES, height=5.6)


#: The Korea-NATO ITPP of sectors-seed-vs-itpp (the project's reference list).
KOREA_ITPP = "kor-itpp-2023"
#: The note over sectors-seed-vs-itpp, for an article that names Korea's ITPP ...
ABOUT_NOTE = "The article names {named} of the {total} areas"
#: ... and for one that does not (another partner's programme, or none).
REFERENCE_ONLY_NOTE = ("For reference only (the article does not name Korea's ITPP): it "
                       "mentions {named} of the {total} areas")


def seed_vs_itpp(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Mark which of Korea's 11 ITPP areas the primary article names.

    The note over the grid says *for reference only* when the article does not name
    Korea's ITPP (the partner read as the programme-statements extractor reads it,
    :func:`analysis.sectors.named_programmes.programmes_named`): an article on another
    partner's programme, or on none, is not about these 11 areas.
    """
    taxonomy = inputs.context.taxonomy
    named = programmes_named(inputs.primary, readings=inputs.annotation().sector_readings)
    about = any(p.programme_id == KOREA_ITPP for p in named)
    return plot_article_vs_itpp(inputs.table("sectors"), taxonomy, about=about)


def draw_article_vs_itpp(
    source: FigureInputs | Document, context: Context | None = None
) -> tuple[Figure, pd.DataFrame]:
    """Draw which of the Korea ITPP's 11 areas one article names, with its wording.

    For notebooks: ``source`` is :class:`~analysis.figures.FigureInputs` (its primary
    article) or one article annotated with ``context``; reads the ``sectors`` table and
    calls :func:`plot_article_vs_itpp`.
    """
    return seed_vs_itpp(as_inputs(source, context))


def plot_article_vs_itpp(
    mentions: pd.DataFrame, taxonomy: Taxonomy | None = None, *, about: bool = True
) -> tuple[Figure, pd.DataFrame]:
    """Draw which of the Korea ITPP's 11 areas an article's ``sectors`` table names.

    Labels come from ``taxonomy`` (default: the shipped one). ``about`` False (the
    article does not name Korea's ITPP) words the note over the grid as a comparison
    for reference only (:data:`REFERENCE_ONLY_NOTE`).
    """
    itpp = programme_sectors(KOREA_ITPP)
    taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
    rows = []
    for sector in itpp:
        found = mentions[mentions["sector"] == sector]
        rows.append(
            {
                "sector": sector,
                "label": taxonomy.label(sector),
                "in_itpp": True,
                "named_in_article": not found.empty,
                "n_mentions": len(found),
                "as_written": "; ".join(dict.fromkeys(found["matched"].tolist())),
            }
        )
    data = pd.DataFrame(rows).astype(
        {"sector": "string", "label": "string", "in_itpp": "boolean",
         "named_in_article": "boolean", "n_mentions": "Int64", "as_written": "string"}
    )
    grid = pd.DataFrame(
        {
            "label": data["label"],
            "itpp": INCLUDED,
            "article": [INCLUDED if named else NOT_INCLUDED for named in data["named_in_article"]],
        }
    )
    labels = [wrap_label(v, GRID_LABEL_CHARS) for v in data["label"]]
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, 0.9 + row_height(labels, gap=0.06)))
    _status_grid(axes, grid, ["itpp", "article"], ["Korea's\nITPP", "Named in\nthe article"])
    n_rows = len(data)
    for y, (_, row) in enumerate(data.iterrows()):
        if row["named_in_article"]:
            axes.text(1.5, n_rows - 1 - y, wrap_label(f"“{row['as_written']}”", 17, hyphens=True),
                      va="center", ha="left", fontsize=7, color=NOTE_TEXT)
    axes.set_xlim(-0.5, 3.4)
    named = int(data["named_in_article"].sum())
    note = ABOUT_NOTE if about else REFERENCE_ONLY_NOTE
    axes_note(axes, note.format(named=named, total=n_rows))
    legend_under_axes(
        axes, [Patch(facecolor=BLUE, edgecolor=BLUE, label="area named"),
               Patch(facecolor=WHITE, edgecolor=EDGE, label="area not named")], ncols=2, gap=8)
    return figure, data


def corpus_sector_mentions(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Count the articles of the corpus (:meth:`FigureInputs.corpus_table`) naming each sector."""
    return plot_corpus_mentions(inputs.corpus_table("sectors"),
                                len(inputs.corpus_table("articles")),
                                taxonomy=inputs.context.taxonomy)


def corpus_partner_coverage(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Grid of what each partner's programmes are reported to cover across the corpus."""
    return plot_partner_coverage(partner_coverage(inputs.corpus_table("programme_statements"),
                                                  inputs.corpus_table("sectors"),
                                                  inputs.context.taxonomy))


def draw_corpus_mentions(
    corpus: Sequence[Document] | FigureInputs, corpus_name: str = "articles",
    context: Context | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """Draw how many articles of a corpus name each sector, split by context.

    For notebooks: ``corpus`` is :class:`~analysis.figures.FigureInputs` (its
    illustrative corpus, tables shared) or the corpus's articles, annotated with
    ``context``; reads the ``sectors`` table and calls :func:`plot_corpus_mentions`.
    """
    if isinstance(corpus, FigureInputs):
        if context is not None:
            raise ValueError("give the context to FigureInputs.from_documents, not here")
        inputs = corpus
    else:
        inputs = FigureInputs.from_documents([], illustrative=corpus, context=context)
    return plot_corpus_mentions(inputs.corpus_table("sectors"),
                                len(inputs.corpus_table("articles")),
                                corpus_name=corpus_name, taxonomy=inputs.context.taxonomy)


def plot_corpus_mentions(
    mentions: pd.DataFrame, n_documents: int, corpus_name: str = "articles",
    taxonomy: Taxonomy | None = None,
) -> tuple[Figure, pd.DataFrame]:
    """Draw how many of ``n_documents`` articles name each sector, from a ``sectors`` table.

    Sectors and labels come from ``taxonomy`` (default: the shipped one).
    """
    taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
    rows = []
    for sector in taxonomy.sectors:
        found = mentions[mentions["sector"] == sector.id]
        listed = set(found.loc[found["context"] == PROGRAMME_LIST, "article_id"])
        articles = set(found["article_id"])
        if not articles:
            continue
        rows.append(
            {
                "sector": sector.id,
                "label": sector.label,
                "n_articles": len(articles),
                "n_articles_programme_list": len(listed),
                "n_articles_mention_only": len(articles - listed),
                "n_mentions": len(found),
            }
        )
    columns = ["sector", "label", "n_articles", "n_articles_programme_list",
               "n_articles_mention_only", "n_mentions"]
    data = pd.DataFrame(rows, columns=columns)
    data = data.sort_values(["n_articles", "n_mentions"], ascending=False, kind="stable")
    data = data.reset_index(drop=True).astype(
        {"sector": "string", "label": "string", **{c: "Int64" for c in columns[2:]}}
    )
    labels = [wrap_label(v) for v in data["label"]][::-1]
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, 1.6 + row_height(labels or ["", ""],
                                                                        per_line=0.13, gap=0.08)))
    if data.empty:
        axes.text(0.5, 0.5, "no sector named in the corpus", ha="center", va="center")
        axes.set_axis_off()
        return figure, data
    listed = data["n_articles_programme_list"].to_numpy(dtype=int)[::-1]
    only = data["n_articles_mention_only"].to_numpy(dtype=int)[::-1]
    axes.barh(labels, listed, color=BLUE, label="in a programme's list of areas")
    axes.barh(labels, only, left=listed, color=SKY_BLUE, label="mentioned, not as a list item")
    axes.set_xlabel(f"Articles naming the sector (of {n_documents} {corpus_name})")
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=1, borderaxespad=0.2)
    return figure, data


FIGURES = (
    FigureSpec(
        name="sectors-itpp-vs-ipcp",
        title="Korea-NATO programmes, 2012-2023: which cooperation sectors each covers",
        caption=(
            "Filled: a source names the sector; hatched grey: unknown, because no source "
            "lists the programme's full set of areas; blank: not included (full list known). "
            "Sources: ITPP 2023, Korea Herald, 11 July 2023; IPCP 2012, Yonhap and NewDaily "
            "(19 Sept. 2012), seven areas per Korea JoongAng Daily (11 July 2023); 2016, "
            "NATO relations page; 2017 revision, Mediapen; 2019, NATO. Sources before 2023 do "
            "not separate the two interoperability areas: shown as capacity development and "
            "interoperability. Table: analysis/resources/sectors/programmes.csv."
        ),
        builder=itpp_vs_ipcp,
    ),
    FigureSpec(
        name="sectors-seed-vs-itpp",
        title="Which of Korea's 11 ITPP areas the article names",
        caption=(
            "Left: the 11 areas of the 2023 Korea-NATO ITPP as listed by the Korea Herald "
            "(11 July 2023), in NATO's British spelling. Right: the areas the article "
            "names, with its wording; sectors found by analysis.sectors.finder. {source}"
        ),
        builder=seed_vs_itpp,
    ),
    FigureSpec(
        name="sectors-asia-pacific",
        title="NATO's 2023 tailored programmes with Korea, Japan and Australia",
        caption=(
            "Filled: named by a source; hatched grey: unknown (Japan: 16 areas, 11 named; "
            "Australia: number of areas not published); blank: not included (Korea's full "
            "list of 11 is known; Ajunews says its emerging-technologies area covers space). "
            "Sources: Korea Herald, 11 July 2023; Yomiuri Shimbun and Kyodo News, 12 July "
            "2023; Australian Mission to the EU and NATO (eu.mission.gov.au)."
        ),
        builder=asia_pacific_programmes,
    ),
    FigureSpec(
        name="sectors-corpus-mentions",
        title="Cooperation sectors named across a corpus",
        caption=(
            "Articles naming each sector, split by whether it appears as an item of a "
            "programme's list of areas. Sectors found by analysis.sectors.finder. "
            "Corpus: " + CORPUS_PLACEHOLDER + "."
        ),
        builder=corpus_sector_mentions,
    ),
    FigureSpec(
        name="sectors-corpus-partners",
        title="What each partner's programmes are reported to cover",
        caption=(
            "Articles whose programme statements list each sector as an area of the "
            "partner's programme (table programme_statements, lists read by "
            "analysis.sectors.statements); blank: not listed for that partner. Where no "
            "partner is read, the column is the programme as named. What the news reports, "
            "not the programmes' texts (for those: sectors-itpp-vs-ipcp, sectors-asia-pacific). "
            "Corpus: " + CORPUS_PLACEHOLDER + "."
        ),
        builder=corpus_partner_coverage,
    ),
)


def captioned(
    name: str, figure: Figure, article: Article | Document | None = None,
    corpus: str | None = None,
) -> Figure:
    """Add the registered title and caption of figure ``name`` (as ``render`` does).

    For notebooks that draw a sector figure from their own inputs with the ``draw_*``
    functions; call it inside :func:`analysis.figures.style_context`. ``article`` is
    the article the figure was drawn for, cited where the caption says ``{source}``;
    ``corpus`` describes the corpus, written where it says ``{corpus}`` (default: the
    illustrative corpus, :data:`analysis.figures.corpus.ILLUSTRATIVE_NOTE`). Prefer
    :meth:`analysis.figures.FigureSpec.caption_for`, which fills both from the inputs.
    """
    spec = {spec.name: spec for spec in FIGURES}[name]
    values = {"corpus": ILLUSTRATIVE_NOTE.rstrip(".") if corpus is None else corpus}
    if SOURCE_PLACEHOLDER in spec.caption:
        if article is None:
            raise AnalysisError(f"figure {name!r} cites its article: pass article=...")
        values["source"] = article_source(
            article.article if isinstance(article, Document) else article)
    _add_caption(figure, spec.title, fill_placeholders(spec.caption, **values))
    return figure
