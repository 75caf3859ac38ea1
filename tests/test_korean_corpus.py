"""The figures and a notebook on a Korean corpus: the hand-made Korean fixture articles.

Hangul (outlet names, article titles) must be drawn with a real font: any missing-glyph
warning fails. The only warnings allowed are NotEnglishWarning (tone is English-only).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.figures import FigureInputs, build_figures
from analysis.text.english import NotEnglishWarning

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "korean-quotes" / "articles"


def _korean_corpus() -> list:
    outlets = {"yonhap": "연합뉴스", "newspaper": "중앙일보"}
    return [
        dataclasses.replace(
            article, published=dt.date(2023, 7, 11),
            outlet=next(name for key, name in outlets.items() if key in article.article_id)
            if "mixed" not in article.article_id else "Korea Wire")
        for article in load_corpus(ARTICLES)
    ]


@pytest.fixture(scope="module")
def korean_figures(tmp_path_factory) -> tuple[Path, list[Path]]:
    """Every registered figure built on the Korean corpus, with warnings as errors."""
    out = tmp_path_factory.mktemp("korean-figures")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", NotEnglishWarning)
        inputs = FigureInputs.from_documents(_korean_corpus())
        written = build_figures(inputs, out)
    return out, written


def test_every_figure_draws_a_korean_corpus_without_missing_glyphs(korean_figures):
    out, written = korean_figures
    assert {path.suffix for path in written} >= {".png", ".svg", ".csv"}
    by_outlet = pd.read_csv(out / "corpus-quotes-by-outlet.csv")
    assert {"연합뉴스", "중앙일보"} <= set(by_outlet["outlet"])
    assert by_outlet.loc[by_outlet["outlet"] == "연합뉴스", "n_quotes"].sum() > 20
    assert "Yoon Suk Yeol" in set(by_outlet["actor"])


@pytest.mark.parametrize("name", ["quotes-per-speaker", "quote-positions", "quote-addressees"])
def test_quote_figures_of_a_korean_corpus_count_its_quotes(korean_figures, name):
    data = pd.read_csv(korean_figures[0] / f"{name}.csv")
    assert len(data) > 0


def test_the_quotes_notebook_runs_on_the_korean_articles(tmp_path):
    out_dir = tmp_path / "out"
    executed = tmp_path / "02-quotes.ipynb"
    command = [
        sys.executable, "-m", "papermill", str(ROOT / "notebooks" / "02-quotes.ipynb"),
        str(executed), "--kernel", "python3", "--no-progress-bar", "--cwd", str(tmp_path),
        "-p", "input_paths", str(ARTICLES), "-p", "out_dir", str(out_dir),
        "-p", "corpus_name", "Korean fixture", "-p", "article", "ko-01-yonhap-summit.txt",
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert list(out_dir.glob("*.png")), "the notebook wrote no figure"
    assert "Glyph" not in executed.read_text(encoding="utf-8")
