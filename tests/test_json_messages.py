"""Malformed JSON is named by its place and, in words, by what is wrong there."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis import AnalysisError, load_corpus


def _problems(path) -> list[str]:
    problems: list[AnalysisError] = []
    list(load_corpus(path, on_error=problems.append))
    return [str(problem) for problem in problems]


def test_a_jsonl_line_cut_off_inside_a_string_is_called_an_unclosed_string(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "NATO met."}\n{"id": "broken", "text": "This line is cut off\n'
                    '{"text": "Korea joined."}\n', encoding="utf-8")
    (message,) = _problems(path)
    assert message == (
        f"{path}#2: line 2 is not valid JSON at column 26: a string (text in double quotes) "
        "starts here and is not closed; the record may be cut off, or a quote mark inside the "
        'text is not written as \\"; fix or remove that line')
    assert "control character" not in message  # the line ending is not the problem


@pytest.mark.parametrize(("line", "column", "words"), [
    ('{"text": "A." "id": "x"}', 15, "a comma was expected between two fields or items"),
    ('{"text" "A."}', 9, "a colon (:) was expected after the field name"),
    ('{"text": "A.",}', 15, "a field name in double quotes was expected"),
    ('{"text": }', 10, "a value (text in double quotes"),
    ('{"text": "A."} trailing', 16, "more text after the end of the JSON value"),
    ('{"text": "A\\q"}', 12, "a backslash that starts no valid escape"),
    ('{"text": "A\tB"}', 12, "a line break, tab or other control character inside a string"),
])
def test_each_kind_of_jsonl_mistake_is_said_in_words_with_its_column(tmp_path, line, column,
                                                                     words):
    path = tmp_path / "wire.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (message,) = _problems(path)
    assert f"line 1 is not valid JSON at column {column}: {words}" in message
    assert message.endswith("; fix or remove that line")


def test_a_json_file_gives_line_and_column(tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{\n  "title": "Summit",\n  "text": "cut off\n}\n', encoding="utf-8")
    (message,) = _problems(path)
    assert message.startswith(f"{path}: not valid JSON at line 3, column 19: a line break, tab "
                              "or other control character inside a string")


def test_the_command_names_the_line_and_the_problem_on_stderr(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "NATO met."}\n{"text": "cut\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", "quotes", str(path), "--format",
                           "csv"], capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    assert (f"skipped: {path}#2: line 2 is not valid JSON at column 10: a string (text in "
            "double quotes) starts here and is not closed") in done.stderr
