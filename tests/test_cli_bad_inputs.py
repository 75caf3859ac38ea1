"""quotes, sectors, sentiment and show on inputs with bad files: the good ones are read.

Each bad file or record is named on stderr with the message extract's errors table
gives it, and the command exits 1 (EXIT_SKIPPED); nothing readable at all exits 2.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.commands._common import EXIT_SKIPPED
from analysis.corpus import extract_corpus, read_table

COMMANDS = ("quotes", "sectors", "sentiment", "show")
#: Two good articles, each with a quote, a sector mention and a registry actor.
GOOD = {
    "a.txt": 'Jens Stoltenberg said: "NATO and Korea will work together on cyber defence."\n',
    "b.txt": 'President Yoon Suk Yeol said: "We agreed on counter-terrorism with NATO."\n',
}
PDF = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n"


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


def _folder(root: Path) -> Path:
    folder = root / "arts"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "c.txt").write_bytes(b"")
    (folder / "d.pdf").write_bytes(PDF)
    return folder


def _first_ids(out: str) -> set[str]:
    """Return the article ids of the first CSV table printed (up to the next header)."""
    header, *lines = out.splitlines()
    ends = [n for n, line in enumerate(lines) if line.startswith("article_id,")]
    first = [header, *lines[:ends[0] if ends else len(lines)]]
    return {row["article_id"] for row in csv.DictReader(io.StringIO("\n".join(first)))}


def _errors_messages(inputs: list[Path], out: Path) -> list[str]:
    """Return ``path: message`` of each row of extract's errors table on the same inputs."""
    extract_corpus(inputs, out, tables=["articles"])
    errors = read_table(out, "errors")
    return [f"{row.path}: {row.message}" for row in errors.itertuples()]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_with_bad_files_prints_the_good_and_names_every_bad(capsys, tmp_path, command):
    folder = _folder(tmp_path)
    assert _exit_code([command, str(folder), "--format", "csv"]) == EXIT_SKIPPED == 1
    captured = capsys.readouterr()
    assert _first_ids(captured.out) == {"a.txt", "b.txt"}
    skipped = [line for line in captured.err.splitlines() if line.startswith("skipped: ")]
    expected = _errors_messages([folder], tmp_path / "out")
    assert len(expected) == 2  # the empty file and the PDF
    assert skipped == [f"skipped: {line}" for line in expected]
    assert "2 input file(s) or record(s) could not be read" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_list_of_files_with_bad_ones_reads_the_good(capsys, tmp_path, command):
    folder = _folder(tmp_path)
    files = [folder / "c.txt", folder / "a.txt", folder / "d.pdf", folder / "b.txt"]
    assert _exit_code([command, *map(str, files), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    assert _first_ids(captured.out) == {"a.txt", "b.txt"}
    assert f"skipped: {folder / 'c.txt'}: the file is empty" in captured.err
    assert f"skipped: {folder / 'd.pdf'}: unsupported file type .pdf" in captured.err


def test_show_html_with_a_bad_file_writes_the_page_of_the_good(capsys, tmp_path):
    folder = _folder(tmp_path)
    page = tmp_path / "page.html"
    assert _exit_code(["show", str(folder), "--html", "--out", str(page)]) == 1
    captured = capsys.readouterr()
    assert "evidence page of 2 articles" in captured.out
    assert "cyber defence" in page.read_text(encoding="utf-8")
    assert captured.err.count("skipped: ") == 2


def test_a_csv_row_with_an_unclosed_quote_is_named_and_the_rows_after_it_read(capsys, tmp_path):
    path = tmp_path / "arts.csv"
    path.write_text('id,text\n1,"Stoltenberg said ""hi"" to Korea.\n'
                    '2,"President Yoon said: ""We agreed on cyber defence with NATO."""\n'
                    '3,NATO met in Vilnius.\n', encoding="utf-8")
    assert _exit_code(["show", str(path), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    extract_corpus(path, tmp_path / "out", tables=["articles"])
    read_by_extract = set(read_table(tmp_path / "out", "articles")["article_id"])
    assert read_by_extract and _first_ids(captured.out) == read_by_extract
    (error,) = _errors_messages([path], tmp_path / "again")
    assert f"skipped: {error}" in captured.err.splitlines()
    assert _exit_code(["quotes", str(path)]) == 1
    assert "We agreed on cyber defence with NATO." in capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_one_bad_file_alone_is_one_line_exit_2(capsys, tmp_path, command):
    (tmp_path / "c.txt").write_bytes(b"")
    assert _exit_code([command, str(tmp_path / "c.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"error: {tmp_path / 'c.txt'}: the file is empty (0 bytes); put the article in it, "
        "or remove it"]
    assert captured.out == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_nothing_readable_names_each_bad_file_and_exits_2(capsys, tmp_path, command):
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.pdf").write_bytes(PDF)
    assert _exit_code([command, str(tmp_path)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert [line.split(": ")[1] for line in lines[:2]] == [
        str(tmp_path / "c.txt"), str(tmp_path / "d.pdf")]
    assert lines[2].startswith("error: no article could be read: all 2 input files")
    assert len(lines) == 3 and captured.out == ""


def test_a_folder_without_articles_is_an_error(capsys, tmp_path):
    (tmp_path / ".hidden.txt").write_text("NATO met.", encoding="utf-8")
    assert _exit_code(["quotes", str(tmp_path)]) == 2
    assert "the inputs hold no articles" in capsys.readouterr().err


def test_a_record_with_a_bad_date_is_named_with_its_id(capsys, tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "ap-1", "text": "NATO met."}\n'
                    '{"id": "ap-2", "published": "July 2023", "text": "Korea joined."}\n',
                    encoding="utf-8")
    assert _exit_code(["show", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"skipped: {path}#2 (article_id ap-2): cannot read the date 'July 2023'" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_help_says_what_happens_to_bad_inputs(capsys, command):
    assert _exit_code([command, "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "named on stderr" in help_text
    assert "exit code is then 1" in help_text and "exit code 2" in help_text
