"""Outputs safe to open: no control characters anywhere, no formulas run by a spreadsheet.

Issue 10 (deliverable 2): every table the package writes (a corpus run's Parquet parts
and CSV copies, the single-article commands' printed tables, a figure's data CSV)
replaces control characters by U+FFFD one for one, and every CSV escapes cells that
start like a formula with a leading apostrophe (OWASP's CSV-injection guidance), while
numbers stay numbers and Parquet keeps the true values.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.cells import (
    REPLACEMENT,
    escape_formulas,
    replace_control_characters,
    spreadsheet_safe,
    unescape_formulas,
    write_csv,
)
from analysis.cli import main
from analysis.corpus import extract_corpus, read_table
from analysis.corpus.output import CONTROL_COUNT, ESCAPED_COUNT, MANIFEST

#: The formula payloads of the issue, each a cell a spreadsheet would run.
FORMULAS = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(1)"]
#: Control characters the writer replaces (C0 but tab and line feed, DEL, C1).
CONTROLS = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x1f", "\x7f", "\x80",
            "\x85", "\x9f"]
_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# An actor of the user's own, its name a formula with a control character inside: the
# path (user CSV -> actor column) that no article loader cleans.
ACTORS_CSV = ("name,kind,aliases,descriptions,demonyms,country,source\n"
              "=Park\x07 Jin,person,Park Jin,,,South Korea,test row\n")


def _article_text() -> str:
    return (
        f'NATO met Korea.\x00 "{FORMULAS[0]}" was the link.\n\n'
        f"{FORMULAS[1]} was typed.\n\n"
        f"{FORMULAS[2]} for Korea, said Park Jin. {FORMULAS[3]} is one. "
        f"{FORMULAS[4]} too.\x07\x85 Park Jin said the talks were a bad, terrible failure."
    )


def _corpus(root: Path) -> tuple[Path, Path]:
    """Write the hostile article (JSONL) and the user's actors CSV; return both paths."""
    row = {"id": "=id\x01", "title": "@SUM(1)\x00 summit", "outlet": "+1 News",
           "author": "-2+3", "text": _article_text()}
    articles = root / "hostile.jsonl"
    articles.write_text(json.dumps(row) + "\n", encoding="utf-8")
    actors = root / "actors.csv"
    actors.write_text(ACTORS_CSV, encoding="utf-8")
    return articles, actors


def _csv_rows(path: Path) -> list[dict[str, str]]:
    """The cells of a CSV file exactly as written (strings, no type guessing)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _text_cells(frame: pd.DataFrame) -> list[str]:
    return [value for column in frame.columns for value in frame[column]
            if isinstance(value, str)]


def _starts_like_formula(value: str) -> bool:
    return bool(re.match(r"[\t\r]|\s*[=+\-@]", value))


# -- the cell rules ------------------------------------------------------------------


@pytest.mark.parametrize("control", CONTROLS)
def test_control_characters_are_replaced_one_for_one(control):
    frame = pd.DataFrame({"text": [f"Korea{control}NATO", "kept\ttab\nand line"]},
                         dtype="string")
    safe = replace_control_characters(frame)
    assert safe.frame["text"].tolist() == [f"Korea{REPLACEMENT}NATO", "kept\ttab\nand line"]
    assert safe.n_control_characters == 1
    assert safe.frame["text"].str.len().tolist() == frame["text"].str.len().tolist()


def test_python_and_arrow_strings_are_cleaned_alike():
    values = ["a\x00b\x85", None, "fine", "=x\x1b[31m"]
    arrow = replace_control_characters(pd.DataFrame({"t": pd.Series(values, dtype="string")}))
    python = replace_control_characters(pd.DataFrame({"t": pd.Series(values, dtype=object)}))
    assert arrow.n_control_characters == python.n_control_characters == 3
    assert arrow.frame["t"].fillna("").tolist() == python.frame["t"].fillna("").tolist()


def test_lone_surrogates_in_python_strings_are_replaced():
    safe = replace_control_characters(pd.DataFrame({"t": pd.Series(["x\ud800y"], dtype=object)}))
    assert safe.frame["t"].tolist() == [f"x{REPLACEMENT}y"]
    assert safe.n_control_characters == 1


@pytest.mark.parametrize("value", [*FORMULAS, "\t=1", "\r=1", "  =1", "\u00a0-1", "\n@x",
                                              "'=already quoted"])
def test_formula_starts_are_escaped(value):
    safe = escape_formulas(pd.DataFrame({"text": pd.Series([value], dtype="string")}))
    assert safe.frame["text"].tolist() == ["'" + value]
    assert safe.n_escaped == 1


@pytest.mark.parametrize("value", ["Korea", "a=b", "x-1", "'quoted", "", "e-mail", "“=”"])
def test_other_text_is_left_alone(value):
    safe = escape_formulas(pd.DataFrame({"text": pd.Series([value], dtype="string")}))
    assert safe.frame["text"].tolist() == [value]
    assert safe.n_escaped == 0


def test_numbers_stay_numbers():
    frame = pd.DataFrame({
        "score": pd.array([-0.5, 0.25], dtype="Float64"),
        "n": pd.array([-2, None], dtype="Int64"),
        "plain": [-1.5, 2.0],
        "flag": pd.array([True, None], dtype="boolean"),
        "mixed": ["-1", -3],  # an object column: only its strings are text
    })
    buffer = io.StringIO()
    safe = write_csv(frame, buffer)
    assert safe.n_escaped == 1
    assert buffer.getvalue().splitlines() == ["score,n,plain,flag,mixed", "-0.5,-2,-1.5,True,'-1",
                                              "0.25,,2.0,,-3"]
    reread = pd.read_csv(io.StringIO(buffer.getvalue()))
    assert reread["score"].tolist() == [-0.5, 0.25]


def test_escaping_is_undone_exactly():
    values = [*FORMULAS, "'=x", "''-1", "'quoted", "plain", None]
    frame = pd.DataFrame({"text": pd.Series(values, dtype="string"), "=label": 1})
    escaped = escape_formulas(frame).frame
    assert list(escaped.columns) == ["text", "'=label"]
    assert unescape_formulas(escaped).equals(frame)


def test_categorical_and_label_cells_are_safe():
    frame = pd.DataFrame({"sector": pd.Categorical(["=a", "b"]), "-x\x00": [1, 2]})
    safe = spreadsheet_safe(frame)
    assert list(safe.frame.columns) == ["sector", f"'-x{REPLACEMENT}"]
    assert safe.frame["sector"].tolist() == ["'=a", "b"]
    assert (safe.n_control_characters, safe.n_escaped) == (1, 2)


def test_a_clean_frame_is_returned_as_it_is():
    frame = pd.DataFrame({"text": pd.Series(["Korea", "NATO"], dtype="string"), "n": [1, 2]})
    assert spreadsheet_safe(frame).frame is frame


def test_cleaning_is_linear_in_the_number_of_cells():
    import time

    frame = pd.DataFrame({"text": pd.Series(["The minister said the talks went well."] * 200_000
                                            + ["=1\x00"], dtype="string")})
    started = time.perf_counter()
    safe = spreadsheet_safe(frame)
    assert (safe.n_control_characters, safe.n_escaped) == (1, 1)
    assert time.perf_counter() - started < 10  # about 0.2 s; catches per-cell rewrites


# -- a corpus run ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    articles, actors = _corpus(root)
    from analysis.pipeline import Context

    context = Context.load(actors_csv=[actors])
    result = extract_corpus(articles, root / "out", csv=True, context=context)
    return root / "out", result


def test_corpus_csv_cells_are_escaped_and_numbers_intact(hostile_run):
    out, _ = hostile_run
    seen = set()
    for table in ("articles", "sentences", "quotes", "actors", "targets", "errors"):
        frame = read_table(out, table)
        for path in sorted((out / "csv" / table).glob("part-*.csv")):
            for row in _csv_rows(path):
                for column, cell in row.items():
                    assert not _ANY_CONTROL.search(cell), (table, column, cell)
                    dtype = str(frame[column].dtype)
                    if dtype in ("Float64", "Int64"):
                        assert not cell.startswith("'"), (table, column, cell)
                        continue
                    if cell.startswith("'"):
                        seen.add(cell[1:])
                    else:
                        assert not _starts_like_formula(cell), (table, column, cell)
    assert {"=id\ufffd", "@SUM(1)\ufffd summit", "+1 News", "-2+3",
            "=Park\ufffd Jin"} <= seen
    sentences = _csv_rows(out / "csv" / "sentences" / "part-00000.csv")
    assert any(float(row["compound"]) < 0 for row in sentences)  # a negative score, unescaped
    assert any(row["text"].startswith("'=cmd|' /C calc'!A0") for row in sentences)


def test_corpus_parquet_holds_true_values_without_control_characters(hostile_run):
    out, _ = hostile_run
    articles = read_table(out, "articles")
    assert articles["title"].tolist() == [f"@SUM(1){REPLACEMENT} summit"]
    assert articles[["outlet", "author"]].iloc[0].tolist() == ["+1 News", "-2+3"]
    assert articles["article_id"].tolist() == [f"=id{REPLACEMENT}"]
    for table in ("articles", "sentences", "quotes", "actors", "targets"):
        for cell in _text_cells(read_table(out, table)):
            assert not _ANY_CONTROL.search(cell), (table, cell)
            assert not cell.startswith("'"), (table, cell)
    sentences = read_table(out, "sentences")
    assert (sentences["text"].str.len() == sentences["end"] - sentences["start"]).all()
    assert sentences["compound"].min() < 0
    actors = read_table(out, "actors")
    assert f"=Park{REPLACEMENT} Jin" in set(actors["actor"])


def test_corpus_summary_counts_what_was_changed(hostile_run):
    out, result = hostile_run
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert result.n_control_characters_replaced == manifest[CONTROL_COUNT] > 0
    assert result.n_csv_cells_escaped == manifest[ESCAPED_COUNT] > 0
    # the user's actor name alone reaches the actors, quotes and targets tables
    frames = [read_table(out, t) for t in ("actors", "quotes", "targets")]
    from_actor = sum(int((frame["actor"] == f"=Park{REPLACEMENT} Jin").sum())
                     for frame in frames if "actor" in frame)
    assert result.n_control_characters_replaced >= from_actor > 0


def test_corpus_run_without_csv_counts_no_escapes(tmp_path):
    articles, actors = _corpus(tmp_path)
    from analysis.pipeline import Context

    result = extract_corpus(articles, tmp_path / "out", tables=["actors"],
                            context=Context.load(actors_csv=[actors]))
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert ESCAPED_COUNT not in manifest and result.n_csv_cells_escaped == 0
    assert manifest[CONTROL_COUNT] == result.n_control_characters_replaced > 0
    assert not (tmp_path / "out" / "csv").exists()


def test_extract_command_reports_the_counts(tmp_path, capsys):
    articles, actors = _corpus(tmp_path)
    code = main(["extract", str(articles), "--out", str(tmp_path / "out"), "--csv",
                 "--workers", "1", "--quiet", "--actors-csv", str(actors)])
    assert code == 0
    err = capsys.readouterr().err
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert f"{manifest[CONTROL_COUNT]} control character(s)" in err
    assert f"{manifest[ESCAPED_COUNT]} CSV cell(s) starting like a formula" in err
    rows = _csv_rows(tmp_path / "out" / "csv" / "articles" / "part-00000.csv")
    assert rows[0]["outlet"] == "'+1 News"


# -- the single-article commands and figures ------------------------------------------------


@pytest.mark.parametrize("command", [["quotes"], ["show", "--actors"]])
def test_single_article_csv_is_escaped(tmp_path, capsys, command):
    articles, actors = _corpus(tmp_path)
    code = main([*command, str(articles), "--format", "csv", "--actors-csv", str(actors)])
    assert code == 0
    captured = capsys.readouterr()
    assert not _ANY_CONTROL.search(captured.out.replace("\r\n", "\n"))
    assert "control character(s)" in captured.err
    cells = [cell for row in csv.reader(io.StringIO(captured.out)) for cell in row]
    assert not any(_starts_like_formula(cell) for cell in cells)
    assert {"'=Park\ufffd Jin", "'=id\ufffd"} <= set(cells)
    table = re.split(r"\n(?=article_id,)", captured.out)[-1]  # the last table printed
    rows = list(csv.DictReader(io.StringIO(table)))
    assert rows and all(int(row["start"]) < int(row["end"]) for row in rows)  # numbers


def test_single_article_table_and_json_hold_no_control_characters(tmp_path, capsys):
    articles, actors = _corpus(tmp_path)
    for fmt in ("table", "json"):
        assert main(["quotes", str(articles), "--format", fmt,
                     "--actors-csv", str(actors)]) == 0
        out = capsys.readouterr().out
        assert not _ANY_CONTROL.search(out), fmt
        assert "'=Park" not in out  # only CSV is escaped


def test_figure_data_csv_is_escaped(tmp_path):
    from analysis.figures import new_figure, save_figure, style_context

    data = pd.DataFrame({"speaker": [*FORMULAS, "Park\x00 Jin"],
                         "tone": [-0.5, 0.1, -1.0, 0.0, 0.5, -0.25]})
    with style_context():
        figure, _ = new_figure()
        save_figure(figure, data, tmp_path, "hostile")
    rows = _csv_rows(tmp_path / "hostile.csv")
    assert [row["speaker"] for row in rows] == ["'" + f for f in FORMULAS] + ["Park\ufffd Jin"]
    assert [float(row["tone"]) for row in rows] == data["tone"].tolist()
    assert all(not row["tone"].startswith("'") for row in rows)
