"""What each partner's programmes are reported to cover, across a corpus.

Reads the corpus's ``programme_statements`` and ``sectors`` tables (never extracts):
a statement's items are read by :func:`analysis.sectors.listed.statement_sector_ids`. Columns are grouped by the statement's ``partner`` when the table has that
column and the statement names one; otherwise by the programme as named (its acronym,
else its name), marked "partner not read". The figure is registered in
:mod:`analysis.figures.sectors` as ``sectors-corpus-partners``.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from analysis.figures import new_figure
from analysis.figures.layout import COLUMN_WIDTH, axes_note, wrap_label
from analysis.figures.palette import BLUE, EDGE, NOTE_TEXT, WHITE, tint
from analysis.sectors.listed import statement_sector_ids
from analysis.sectors.taxonomy import Taxonomy, default_taxonomy

__all__ = ["NO_PARTNER", "partner_coverage", "plot_partner_coverage"]

#: Suffix of a column grouped by programme because no partner was read.
NO_PARTNER = "(partner not read)"
#: Share of the largest count from which a cell's number is written in white.
DARK_CELL = 0.7
#: Most columns whose labels are written upright (more are turned 45 degrees).
UPRIGHT_COLUMNS = 3
#: Shade of a cell with the smallest count (the largest is full blue).
MIN_SHADE = 0.2
COLUMNS = ["partner", "sector", "label", "n_articles", "n_statements"]


def _column(row: pd.Series) -> str:
    partner = row.get("partner")
    if partner is not None and not pd.isna(partner) and str(partner).strip():
        return str(partner).strip()
    for name in ("acronym", "programme"):
        value = row.get(name)
        if value is not None and not pd.isna(value) and str(value).strip():
            return f"{str(value).strip()} {NO_PARTNER}"
    return f"programme {NO_PARTNER}"


def partner_coverage(statements: pd.DataFrame, mentions: pd.DataFrame,
                     taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """Count, per partner and sector, the articles and statements listing the sector.

    Examples
    --------
    >>> st = pd.DataFrame({"article_id": ["a", "b"], "start": [0, 0], "end": [9, 9],
    ...                    "acronym": ["ITPP", "ITPP"], "programme": [pd.NA, pd.NA],
    ...                    "partner": ["Japan", "Japan"],
    ...                    "sectors": ["space; cyber-defence", "space"]})
    >>> partner_coverage(st, pd.DataFrame())[["partner", "sector", "n_articles"]].values.tolist()
    [['Japan', 'space', 2], ['Japan', 'cyber-defence', 1]]
    """
    taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
    seen: dict[tuple[str, str], tuple[set[str], int]] = {}
    for _, row in statements.iterrows():
        column = _column(row)
        for sector in statement_sector_ids(row, mentions):
            articles, n = seen.get((column, sector), (set(), 0))
            seen[(column, sector)] = (articles | {str(row["article_id"])}, n + 1)
    labels = {s.id: s.label for s in taxonomy.sectors}
    data = pd.DataFrame(
        [{"partner": p, "sector": s, "label": labels.get(s, s), "n_articles": len(a),
          "n_statements": n} for (p, s), (a, n) in seen.items()], columns=COLUMNS)
    data = data.sort_values(["partner", "n_articles", "sector"], ascending=[True, False, True],
                            kind="stable").reset_index(drop=True)
    return data.astype({"partner": "string", "sector": "string", "label": "string",
                        "n_articles": "Int64", "n_statements": "Int64"})


def _ordered(data: pd.DataFrame) -> tuple[list[str], list[str]]:
    by_partner = data.groupby("partner")["n_articles"].sum()
    partners = sorted(by_partner.index, key=lambda p: (NO_PARTNER in p, -int(by_partner[p]), p))
    by_sector = data.groupby("sector")["n_articles"].sum()
    sectors = sorted(by_sector.index, key=lambda s: (-int(by_sector[s]), s))
    return partners, sectors


def plot_partner_coverage(data: pd.DataFrame) -> tuple[Figure, pd.DataFrame]:
    """Draw a sector x partner grid from :func:`partner_coverage`.

    Number: articles whose statements put the sector in that partner's programme list;
    shade: that number against the largest; outlined blank: not reported.
    """
    n_rows = max(data["sector"].nunique(), 3)
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, 1.9 + 0.24 * n_rows))
    if data.empty:
        axes.text(0.5, 0.5, "no programme list read in the corpus", ha="center",
                  va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return figure, data
    partners, sectors = _ordered(data)
    cells = data.set_index(["partner", "sector"])
    top = int(data["n_articles"].max())
    for y, sector in enumerate(sectors):
        for x, partner in enumerate(partners):
            _cell(axes, x, len(sectors) - 1 - y, cells, (partner, sector), top)
    labels = data.groupby("sector")["label"].first()
    axes.set_xlim(-0.5, len(partners) - 0.5)
    axes.set_ylim(-0.5, len(sectors) - 0.5)
    axes.set_yticks(range(len(sectors)), [wrap_label(str(labels[s])) for s in sectors][::-1])
    upright = len(partners) <= UPRIGHT_COLUMNS
    axes.set_xticks(range(len(partners)),
                    [wrap_label(p, 12) if upright else p for p in partners])
    axes.xaxis.tick_top()
    if not upright:
        axes.tick_params(axis="x", labelrotation=45)
        for label in axes.get_xticklabels():
            label.set_horizontalalignment("left")
            label.set_rotation_mode("anchor")
    axes.tick_params(axis="both", length=0)
    axes.grid(False)
    for spine in axes.spines.values():
        spine.set_visible(False)
    axes_note(axes, "Number: articles listing the sector in the partner's programme")
    return figure, data


def _cell(axes: object, x: int, y: int, cells: pd.DataFrame, key: tuple[str, str],
          top: int) -> None:
    if key not in cells.index:
        axes.add_patch(Rectangle((x - 0.45, y - 0.4), 0.9, 0.8, facecolor=WHITE,
                                 edgecolor=EDGE, linewidth=0.5))
        return
    n = int(cells.loc[key, "n_articles"])
    share = MIN_SHADE + (1 - MIN_SHADE) * n / top
    axes.add_patch(Rectangle((x - 0.45, y - 0.4), 0.9, 0.8, facecolor=tint(BLUE, share),
                             edgecolor=BLUE, linewidth=0.5))
    axes.text(x, y, str(n), ha="center", va="center", fontsize=7,
              color=WHITE if share >= DARK_CELL else NOTE_TEXT)
