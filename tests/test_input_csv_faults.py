"""Probe of issue 10: CSV rows never lost or invented by broken quoting or unquoted commas."""

from __future__ import annotations

import warnings
from pathlib import Path

from analysis import AnalysisError, Article, load_corpus


def _load(path: Path) -> tuple[list[Article], list[AnalysisError]]:
    problems: list[AnalysisError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = list(load_corpus(path, on_error=problems.append))
    return articles, problems


def test_a_quote_never_closed_but_paired_with_the_next_quoted_row_loses_no_row(tmp_path):
    # Row 1's quote is closed only by the quote opening row 3's multi-line field: the rows
    # between must be read, and no line inside row 3's field may become an article.
    path = tmp_path / "broken.csv"
    path.write_text('id,text\n1,"unterminated\n2,ok\n3,"First, here.\n\nSecond, there."\n'
                    '4,"last"\n', encoding="utf-8")
    articles, problems = _load(path)
    assert [(a.article_id, a.text) for a in articles] == [
        ("2", "ok"), ("3", "First, here.\n\nSecond, there."), ("4", "last")]
    assert len(problems) == 1
    assert problems[0].reason.startswith("row 1 (line 2): a quoted field opens there and "
                                         "is closed only by the quote that opens a field on "
                                         "line 4")


def test_a_stray_inner_quote_in_a_multi_line_field_goes_on_after_that_field(tmp_path):
    path = tmp_path / "inner.csv"
    path.write_text('id,text\na,"para one, here\nhe said "so" then"\nb,ok\n', encoding="utf-8")
    articles, problems = _load(path)
    assert [a.article_id for a in articles] == ["b"]
    assert problems[0].reason.startswith("row 1 (line 2): ")


def test_a_row_with_unquoted_commas_is_reported_not_cut(tmp_path):
    path = tmp_path / "commas.csv"
    path.write_text("id,text\na,Seoul, officials said, met.\nb,ok,\n", encoding="utf-8")
    articles, problems = _load(path)
    assert [(a.article_id, a.text) for a in articles] == [("b", "ok")]
    assert len(problems) == 1
    assert problems[0].path == f"{path}#1"  # the record, as article ids name it
    assert problems[0].reason.startswith("row 1 (line 2) has 4 cells, the header 2: 2 cell(s)")
    assert "double quotes" in problems[0].reason


def test_a_semicolon_separated_csv_is_refused_with_the_separator_named(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("id;text\nS1;NATO met.\n", encoding="utf-8")
    articles, problems = _load(path)
    assert articles == []
    assert "separated by ';', not commas: save the file as comma-separated CSV" in (
        problems[0].reason)
