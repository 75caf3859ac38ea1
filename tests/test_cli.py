"""The command line as a user sees it: help, exit codes, one-line errors, outputs."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:  # argparse: --help, --version, usage errors
        return int(stop.code or 0)


def _one_line(stderr: str) -> str:
    lines = stderr.strip("\n").split("\n")
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_top_level_help_lists_every_subcommand(capsys):
    assert _exit_code(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_subcommand_has_useful_help(capsys, name):
    assert _exit_code([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: python -m analysis {name}")
    assert len(out.split()) > 15  # a description, not just the usage line


def test_version(capsys):
    assert _exit_code(["--version"]) == 0
    assert capsys.readouterr().out.startswith("analysis ")


@pytest.mark.parametrize(
    "argv",
    [["show"], ["no-such-command"], ["show", "--no-such-option", "x.txt"],
     ["figures", "--only"], ["show", "--format", "xml", "x.txt"]],
)
def test_usage_errors_exit_2_with_one_line(capsys, argv):
    assert _exit_code(argv) == 2
    captured = capsys.readouterr()
    line = _one_line(captured.err)
    assert "error" in line and "--help" in line
    assert captured.out == ""


def test_no_subcommand_exits_2_with_one_line_listing_them(capsys):
    assert _exit_code([]) == 2
    captured = capsys.readouterr()
    line = _one_line(captured.err)
    assert "choose a subcommand" in line and "extract" in line and "--help" in line
    assert captured.out == ""


def test_missing_input_exits_2_with_one_line_naming_it(capsys, tmp_path):
    missing = tmp_path / "missing.txt"
    assert _exit_code(["show", str(missing)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "missing.txt" in line and "check the path" in line


def test_unreadable_article_exits_2_naming_the_file(capsys, tmp_path):
    bad = tmp_path / "bad-date.txt"
    bad.write_text("published: sometime in July\n\nBody.", encoding="utf-8")
    assert _exit_code(["show", str(bad)]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "bad-date.txt" in line and "YYYY-MM-DD" in line


def test_show_prints_metadata_and_sentences(capsys, seed_path):
    assert _exit_code(["show", str(seed_path), "--sentences"]) == 0
    out = capsys.readouterr().out
    assert "# articles (1 rows)" in out
    assert "Korea JoongAng Daily" in out
    assert "# sentences (37 rows)" in out


def test_show_csv_offsets_index_the_article(capsys, seed_path, seed_article):
    assert _exit_code(["show", str(seed_path), "--sentences", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    articles_csv, sentences_csv = out.split("\narticle_id,paragraph,", 1)
    (article_row,) = csv.DictReader(io.StringIO(articles_csv))
    assert article_row["published"] == "2023-07-11"
    assert article_row["n_sentences"] == "37"
    rows = list(csv.DictReader(io.StringIO("article_id,paragraph," + sentences_csv)))
    assert len(rows) == 37
    for row in rows:
        assert seed_article.text[int(row["start"]) : int(row["end"])] == row["text"]


def test_figures_only_writes_deterministic_files(capsys, tmp_path):
    argv = ["figures", "--raw", str(ROOT / "data" / "raw"), "--only", "article-structure"]
    assert _exit_code([*argv, "--out", str(tmp_path / "one")]) == 0
    assert _exit_code([*argv, "--out", str(tmp_path / "two")]) == 0
    for suffix in (".png", ".svg", ".csv"):
        first = (tmp_path / "one" / f"article-structure{suffix}").read_bytes()
        second = (tmp_path / "two" / f"article-structure{suffix}").read_bytes()
        assert first and first == second, suffix
    assert "article-structure.png" in capsys.readouterr().out


def test_figures_list_and_unknown_name(capsys, tmp_path):
    assert _exit_code(["figures", "--list"]) == 0
    assert "article-structure\t" in capsys.readouterr().out
    assert _exit_code(["figures", "--only", "no-such-figure", "--out", str(tmp_path)]) == 2
    assert "no-such-figure" in _one_line(capsys.readouterr().err)


def test_figures_missing_raw_folder(capsys, tmp_path):
    assert _exit_code(["figures", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    assert "nope" in _one_line(capsys.readouterr().err)


def test_python_dash_m_entry_point_usage_error():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "show", str(ROOT / "no-such-file.txt")],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert _one_line(result.stderr).startswith("error: ")
    assert result.stdout == ""


def test_figures_article_chooses_the_single_article_figures_article(capsys, tmp_path):
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    (raw / "articles" / "a-first.txt").write_text("Seoul and NATO met on Monday.\n")
    (raw / "articles" / "b-second.txt").write_text(
        "Japan and NATO agreed to work on cyber defence and space.\n")
    argv = ["figures", "--raw", str(raw), "--only", "sectors-seed-vs-itpp"]
    assert _exit_code([*argv, "--out", str(tmp_path / "one"), "--article", "b-second.txt"]) == 0
    chosen = (tmp_path / "one" / "sectors-seed-vs-itpp.csv").read_text()
    assert _exit_code([*argv, "--out", str(tmp_path / "two")]) == 0
    default = (tmp_path / "two" / "sectors-seed-vs-itpp.csv").read_text()
    assert "cyber defence" in chosen and "cyber defence" not in default
    assert _exit_code([*argv, "--out", str(tmp_path / "four"), "--article", "1"]) == 0
    assert (tmp_path / "four" / "sectors-seed-vs-itpp.csv").read_text() == chosen
    capsys.readouterr()
    assert _exit_code([*argv, "--out", str(tmp_path / "three"), "--article", "nope.txt"]) == 2
    err = _one_line(capsys.readouterr().err)
    assert "nope.txt" in err and "b-second.txt" in err
