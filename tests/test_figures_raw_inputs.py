"""``figures --raw``: bad inputs listed and skipped, a flat folder of articles accepted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "“Korea is a valued partner,” Stoltenberg said in Vilnius. Yoon agreed."
#: A cheap figure (sentence lengths of the primary article): the tests are about reading.
ONLY = ("--only", "article-structure")


def _figures(raw: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analysis", "figures", "--raw", str(raw),
                           "--out", str(out), *ONLY, *extra],
                          capture_output=True, text=True, check=False)


def _bad_inputs(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        '{"id": "w1", "text": "NATO met in The Hague."}\n'
        '{"id": "w2", "text": ""}\n'
        '{"id": "w1", "text": "Another text."}\n', encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")


def test_bad_inputs_are_listed_the_figures_drawn_and_the_exit_code_is_1(tmp_path):
    _bad_inputs(tmp_path / "raw" / "articles")
    done = _figures(tmp_path / "raw", tmp_path / "out")
    assert done.returncode == 1, done.stderr
    articles = tmp_path / "raw" / "articles"
    lines = [line for line in done.stderr.splitlines() if line.startswith("skipped: ")]
    assert lines == [
        f"skipped: {articles / 'empty.txt'}: the file is empty (0 bytes); put the article in "
        "it, or remove it",
        f"skipped: {articles / 'wire.jsonl'}#2 (article_id w2): the article text is empty (or "
        "only whitespace); put the article in it, or remove the record or file",
        f"skipped: {articles / 'wire.jsonl'}#3 (article_id w1): an earlier article has this id "
        "(the articles table of a corpus run, or that Article's source_path, says where it came "
        "from); give every article its own id (this one is left out)",
    ]
    assert "3 input file(s) or record(s) could not be read and were left out" in done.stderr
    assert "the output holds the 2 article(s) read (exit code 1)" in done.stderr
    assert (tmp_path / "out" / "article-structure.png").is_file()
    assert "Traceback" not in done.stderr


def test_a_folder_holding_its_articles_itself_is_read(tmp_path):
    raw = tmp_path / "my-articles"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, encoding="utf-8")
    (raw / "b.txt").write_text("NATO met. Japan joined.", encoding="utf-8")
    out = raw / "figures"  # the output folder inside the input is never read as articles
    assert _figures(raw, out).returncode == 0
    done = _figures(raw, out)  # a second run: the first run's CSVs are not read as articles
    assert done.returncode == 0, done.stderr
    data = (out / "article-structure.csv").read_text(encoding="utf-8")
    assert "a.txt" in data and "b.txt" not in data  # the first article is the primary one


def test_an_articles_subfolder_wins_over_loose_files(tmp_path):
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    (raw / "articles" / "z.txt").write_text(GOOD, encoding="utf-8")
    (raw / "a-loose.txt").write_text("NATO met. Japan joined.", encoding="utf-8")
    done = _figures(raw, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert "z.txt" in (tmp_path / "out" / "article-structure.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("layout", ["articles", "flat"])
def test_nothing_readable_stops_with_every_input_named(tmp_path, layout):
    raw = tmp_path / "raw"
    folder = raw / "articles" if layout == "articles" else raw
    folder.mkdir(parents=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.md").write_text("# notes", encoding="utf-8")
    done = _figures(raw, tmp_path / "out")
    assert done.returncode == 2, done.stderr
    assert f"skipped: {folder / 'empty.txt'}: the file is empty" in done.stderr
    assert f"skipped: {folder / 'notes.md'}: unsupported file type .md" in done.stderr
    assert "no article could be read: all 2 input files or records were left out" in done.stderr


def test_an_empty_folder_says_which_layout_is_expected(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    done = _figures(raw, tmp_path / "out")
    assert done.returncode == 2
    assert (f"no articles found; put at least one article in {raw / 'articles'} or in {raw} "
            "itself") in done.stderr


def test_a_flat_folder_skips_an_earlier_figures_run_inside_it(tmp_path, capsys):
    from analysis.cli import main

    raw = tmp_path / "flat"
    raw.mkdir()
    (raw / "a.txt").write_text("NATO and Japan met in Brussels on Monday.\n", encoding="utf-8")
    assert main(["figures", "--raw", str(raw), "--out", str(raw / "run-one")]) == 0
    assert (raw / "run-one" / "README.md").exists()
    capsys.readouterr()
    assert main(["figures", "--raw", str(raw), "--out", str(raw / "run-two"),
                 "--only", "article-structure"]) == 0
    assert "run-one" not in capsys.readouterr().err
