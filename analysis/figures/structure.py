"""Figures about an article's structure: paragraphs, sentences and their lengths.

Drawn for one article, the primary one (:meth:`analysis.figures.FigureInputs.table`):
a structure is a property of one text.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import FigureInputs, FigureSpec, new_figure
from analysis.figures.layout import COLUMN_WIDTH, axes_note
from analysis.figures.palette import BLUE, SKY_BLUE

__all__ = ["FIGURES", "article_structure"]

_PARAGRAPH_COLOURS = (BLUE, SKY_BLUE)  # alternating by paragraph


def article_structure(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Plot the length in words of every sentence, grouped by paragraph."""
    doc = inputs.primary
    data = inputs.table("structure")
    figure, axes = new_figure(figsize=(COLUMN_WIDTH, 2.6))
    colours = [_PARAGRAPH_COLOURS[p % 2] for p in data["paragraph"]]
    axes.bar(data["sentence"] + 1, data["n_words"], color=colours, width=0.8)
    axes.set_xlabel("Sentence, in article order\n(shade alternates by paragraph)")
    axes.set_ylabel("Words in sentence")
    axes.set_xlim(0.3, len(data) + 0.7)
    axes.grid(axis="y")
    axes.grid(axis="x", visible=False)
    summary = (
        f"{len(doc.paragraphs)} paragraphs, {len(data)} sentences, "
        f"median {int(data['n_words'].median())} words per sentence"
    )
    axes_note(axes, summary, share=0.85)
    return figure, data


FIGURES = (
    FigureSpec(
        name="article-structure",
        title="Sentence lengths, sentence by sentence, in the article",
        caption=(
            "Words per sentence, in article order; alternating shades mark paragraphs. "
            "Segmentation by analysis.text.segmentation. {source}"
        ),
        builder=article_structure,
    ),
)
