"""Figures about an article's structure: paragraphs, sentences and their lengths."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from analysis.figures import FigureInputs, FigureSpec, new_figure
from analysis.figures.palette import BLUE, SKY_BLUE

__all__ = ["FIGURES", "article_structure"]

_PARAGRAPH_COLOURS = (BLUE, SKY_BLUE)  # alternating by paragraph


def article_structure(inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Plot the length in words of every sentence, grouped by paragraph."""
    doc = inputs.primary
    data = inputs.table("structure")
    figure, axes = new_figure(figsize=(7.5, 4.0))
    colours = [_PARAGRAPH_COLOURS[p % 2] for p in data["paragraph"]]
    axes.bar(data["sentence"] + 1, data["n_words"], color=colours, width=0.8)
    axes.set_xlabel("Sentence (in article order; shade alternates by paragraph)")
    axes.set_ylabel("Words in sentence")
    axes.set_xlim(0.3, len(data) + 0.7)
    axes.grid(axis="y")
    axes.grid(axis="x", visible=False)
    summary = (
        f"{len(doc.paragraphs)} paragraphs, {len(data)} sentences, "
        f"median {int(data['n_words'].median())} words per sentence"
    )
    axes.set_title(summary, loc="left", fontweight="normal", fontsize=9)
    return figure, data


FIGURES = (
    FigureSpec(
        name="article-structure",
        title="Sentence lengths, sentence by sentence, in the article",
        caption=(
            "Words per sentence, in article order; alternating shades mark paragraphs. "
            "{source} Segmentation by analysis.text.segmentation."
        ),
        builder=article_structure,
    ),
)
