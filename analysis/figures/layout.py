"""Figure sizes and text fitting: every figure is drawn at a paper's column width.

A journal column is about 85 mm wide; every registered figure is drawn at exactly
:data:`COLUMN_WIDTH` inches (the style saves the canvas as drawn, no tight cropping)
with no text smaller than :data:`MIN_FONT_SIZE` points, so it can be placed in a
one-column layout at 100% without any text getting smaller. Long speaker or sector names are
wrapped (:func:`wrap_label`) and captions are wrapped to the figure's width
(:func:`wrap_to_width`) here, in a fixed number of characters per line, so the same
input gives the same lines and the same bytes.

Examples
--------
>>> round(COLUMN_WIDTH * 25.4)
85
>>> wrap_label("Secretary General of the North Atlantic Treaty Organisation", 20, 2)
'Secretary General of\\nthe North Atlantic…'
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from analysis.figures.palette import MUTED_TEXT

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CAPTION_SIZE",
    "COLUMN_WIDTH",
    "COLUMN_WIDTH_MM",
    "LABEL_CHARS",
    "MIN_FONT_SIZE",
    "TITLE_SIZE",
    "add_caption",
    "axes_note",
    "legend_under_axes",
    "row_height",
    "wrap_label",
    "wrap_to_width",
]

#: A paper's column width in millimetres, and in inches (matplotlib's unit).
COLUMN_WIDTH_MM = 85.0
COLUMN_WIDTH = COLUMN_WIDTH_MM / 25.4
#: No text of a figure is smaller than this, in points (at :data:`COLUMN_WIDTH`).
MIN_FONT_SIZE = 7.0
#: Caption and figure-title sizes, in points.
CAPTION_SIZE = 7.0
TITLE_SIZE = 9.0
#: Characters per line of a wrapped tick label (a speaker's or a sector's name).
LABEL_CHARS = 22
#: Lines a wrapped tick label keeps at most (the rest is cut with an ellipsis).
LABEL_LINES = 3
#: Width of an average DejaVu Sans character, as a share of the font size (measured
#: generously, so a wrapped line never reaches the figure's edge).
_CHAR_WIDTH = 0.56
#: The same for bold text (figure titles).
_BOLD_CHAR_WIDTH = 0.64
#: Share of the figure's width a caption line may use (left and right padding).
_TEXT_SHARE = 0.95
#: Where title and caption start, as a share of the figure's width from its left edge.
EDGE = 0.015
#: Line spacing of captions, and the room (inches) added between plot, title and caption.
CAPTION_SPACING = 1.25
CAPTION_GAP = 0.12
#: Size of a note over the axes, and the share of the figure's width it may use.
NOTE_SIZE = 7.0
NOTE_SHARE = 0.62
#: Points between the bottom of the axes and the top of a legend placed under them
#: (below the tick labels and one line of axis label).
LEGEND_BELOW = 30.0


def wrap_label(
    text: str, width: int = LABEL_CHARS, max_lines: int = LABEL_LINES, hyphens: bool = False
) -> str:
    """Return ``text`` wrapped at ``width`` characters, at most ``max_lines`` lines.

    A label longer than that ends with an ellipsis; words longer than ``width`` are cut,
    unless ``hyphens`` lets a hyphenated word break after its hyphen first (an article's
    wording, "counter-terrorism", is better split there than mid-word).

    Examples
    --------
    >>> wrap_label("Jens Stoltenberg")
    'Jens Stoltenberg'
    >>> print(wrap_label("Senior Presidential Secretary for Public Affairs Kim Eun-hye", 22, 2))
    Senior Presidential
    Secretary for Public…
    >>> print(wrap_label("“counter-terrorism”", 17, hyphens=True))
    “counter-
    terrorism”
    """
    lines = textwrap.wrap(str(text), width, break_on_hyphens=hyphens) or [""]
    if len(lines) <= max_lines:
        return "\n".join(lines)
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: max(width - 1, 1)].rstrip() + "\u2026"
    return "\n".join(kept)


def wrap_to_width(
    text: str, width_inches: float, fontsize: float = CAPTION_SIZE, bold: bool = False
) -> str:
    """Return ``text`` wrapped so that each line fits ``width_inches`` at ``fontsize``.

    Examples
    --------
    >>> lines = wrap_to_width("word " * 60, COLUMN_WIDTH).splitlines()
    >>> len(lines) > 1 and max(len(line) for line in lines) <= 60
    True
    """
    share = _BOLD_CHAR_WIDTH if bold else _CHAR_WIDTH
    chars = max(int(width_inches * 72 * _TEXT_SHARE / (fontsize * share)), 10)
    return "\n".join(textwrap.wrap(" ".join(str(text).split()), chars,
                                   break_on_hyphens=False))


def row_height(labels: list[str], per_line: float = 0.16, gap: float = 0.12) -> float:
    """Return the height in inches the rows of ``labels`` need (each as many lines as it has).

    Examples
    --------
    >>> round(row_height(["A", "B\\nC"]), 2)
    0.72
    """
    return sum(per_line * (label.count("\n") + 1) + gap for label in labels)


def add_caption(figure: Figure, title: str, caption: str) -> None:
    """Write ``title`` above and ``caption`` below the figure, both wrapped to its width.

    The figure grows by the height the two need, so the plot keeps the size its builder
    gave it; both are laid out by the figure's constrained layout, so nothing runs past
    the edge. Both are drawn as written (a ``$`` does not start mathtext).

    Examples
    --------
    >>> from analysis.figures import new_figure, style_context
    >>> with style_context():
    ...     figure, _ = new_figure(figsize=(COLUMN_WIDTH, 2.0))
    ...     add_caption(figure, "A title", "A caption. " * 30)
    >>> bool(figure.get_figheight() > 2.5), bool(figure.get_figwidth() == COLUMN_WIDTH)
    (True, True)
    """
    width = float(figure.get_figwidth())
    title_text = wrap_to_width(title, width, TITLE_SIZE, bold=True)
    caption_text = wrap_to_width(caption, width, CAPTION_SIZE)
    # a "$" would start matplotlib's mathtext ("$5 billion and $3 billion"): draw it as is
    title_text, caption_text = (text.replace("$", r"\$") for text in (title_text, caption_text))
    extra = (_lines(title_text) * TITLE_SIZE * 1.2 + _lines(caption_text) * CAPTION_SIZE
             * CAPTION_SPACING * 1.2) / 72 + CAPTION_GAP
    figure.set_figheight(float(figure.get_figheight()) + extra)
    figure.suptitle(title_text, x=EDGE, ha="left", fontsize=TITLE_SIZE)
    figure.supxlabel(caption_text, x=EDGE, ha="left", fontsize=CAPTION_SIZE,
                     color=MUTED_TEXT, linespacing=CAPTION_SPACING)


def _lines(text: str) -> int:
    return text.count("\n") + 1 if text else 0


def axes_note(axes: object, text: str, share: float = NOTE_SHARE) -> None:
    """Write a note over ``axes`` (its title, left), wrapped to ``share`` of the figure.

    Axes start right of their tick labels, so a note gets only part of the figure's
    width; wrapping it here keeps it from running past the edge.
    """
    width = float(axes.figure.get_figwidth()) * share
    axes.set_title(wrap_to_width(text, width, NOTE_SIZE), loc="left", fontweight="normal",
                   fontsize=NOTE_SIZE)


def legend_under_axes(
    axes: object, handles: list, ncols: int = 2, gap: float = LEGEND_BELOW
) -> object:
    """Place a legend right under ``axes``, below its tick labels and axis label.

    The gap is ``gap`` points (default :data:`LEGEND_BELOW`; less under axes with no
    bottom labels), not a share of the axes, so the legend stays
    close however tall the figure is; it starts at the figure's left edge (the whole
    width is free there), and the constrained layout makes room for it.
    """
    from matplotlib.transforms import blended_transform_factory, offset_copy

    below = offset_copy(axes.transAxes, fig=axes.figure, y=-gap, units="points")
    anchor = blended_transform_factory(axes.figure.transFigure, below)
    return axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(EDGE, 0.0),
                       bbox_transform=anchor, ncols=ncols, borderaxespad=0.0,
                       handletextpad=0.4, columnspacing=1.0)
