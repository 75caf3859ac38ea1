"""Input: good data never dropped or merged (CSV, JSON nesting, mostly-UTF-8, ids, controls)."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import AnalysisError, Article, load_article, load_corpus
from analysis.pipeline import frames
from analysis.quotes import extract_quotes
from analysis.text.document import as_documents

QUOTED = "“Korea is a valued partner,” Stoltenberg said. “We agree,” Yoon said. " * 3


def _load(path: Path) -> tuple[list[Article], list[AnalysisError], list[str]]:
    problems: list[AnalysisError] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = list(load_corpus(path, on_error=problems.append))
    return articles, problems, [str(w.message) for w in caught]


# --------------------------------------------------------------------------- CSV


def test_a_csv_article_longer_than_the_csv_field_limit_loads_and_so_do_later_rows(tmp_path):
    long_text = "NATO met in Vilnius. " * 10_000  # 210,000 characters > 131,072
    path = tmp_path / "long.csv"
    path.write_text(f'id,text\na1,"{long_text}"\na2,Korea joined.\na3,Japan too.\n',
                    encoding="utf-8")
    articles, problems, _ = _load(path)
    assert problems == []
    assert [(a.article_id, len(a.text)) for a in articles] == [
        ("a1", len(long_text)), ("a2", 13), ("a3", 10)]


def test_an_unterminated_quote_is_reported_with_its_row_and_later_rows_are_read(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('id,text\n1,"unterminated\n2,ok\n', encoding="utf-8")
    articles, problems, _ = _load(path)
    assert [(a.article_id, a.text) for a in articles] == [("2", "ok")]
    assert len(problems) == 1
    assert problems[0].path == f"{path}#1"  # the record, as article ids name it
    assert problems[0].reason.startswith("row 1 (line 2): a quoted field opens there and is "
                                         "never closed")


def test_two_stray_quotes_that_swallow_numbered_rows_are_reported(tmp_path):
    path = tmp_path / "stray.csv"
    path.write_text('id,text\n1,"start\n2,middle\n3,end"\n4,last\n', encoding="utf-8")
    articles, problems, _ = _load(path)
    assert [a.article_id for a in articles] == ["2", "3", "4"]
    assert [p.reason.split(":")[0] for p in problems] == ["row 1 (line 2)"]
    assert "like the next row" in problems[0].reason


def test_stray_text_after_a_closing_quote_is_reported_and_the_next_row_read(tmp_path):
    path = tmp_path / "after.csv"
    path.write_text('id,text\n1,"quoted"tail\n2,ok\n', encoding="utf-8")
    articles, problems, _ = _load(path)
    assert [a.article_id for a in articles] == ["2"]
    assert problems[0].reason.startswith("row 1 (line 2): ")


def test_real_multi_line_quoted_fields_still_load(tmp_path):
    path = tmp_path / "paragraphs.csv"
    path.write_text('id,text\n1,"First paragraph, here.\n\n2019, a year later."\n2,ok\n',
                    encoding="utf-8")
    articles, problems, _ = _load(path)
    assert problems == []
    assert [a.text for a in articles] == ["First paragraph, here.\n\n2019, a year later.", "ok"]


# --------------------------------------------------------------------------- JSON nesting


@pytest.mark.parametrize("nested", ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1"
                                    + "}" * 50_000])
def test_deeply_nested_json_is_refused_per_file_without_recursion_error(tmp_path, nested):
    (tmp_path / "deep.json").write_text(nested, encoding="utf-8")
    (tmp_path / "fine.json").write_text('{"text": "NATO met."}', encoding="utf-8")
    articles, problems, _ = _load(tmp_path)
    assert [a.article_id for a in articles] == ["fine.json"]
    assert "nests arrays or objects more than 100 levels deep" in problems[0].reason


def test_deeply_nested_jsonl_lines_are_refused_per_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "NATO met."}\n' + "[" * 100_000 + "\n"
                    + '{"text": "x", "meta": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}\n"
                    + '{"text": "Korea joined.", "note": "[[[[ brackets in a string ]]]]"}\n',
                    encoding="utf-8")
    articles, problems, _ = _load(path)
    assert [a.article_id for a in articles] == ["wire.jsonl#1", "wire.jsonl#4"]
    assert [p.reason.split(" nests")[0] for p in problems] == ["line 2", "line 3"]


def test_a_record_with_an_empty_text_is_listed(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "   "}\n{"text": "NATO met."}\n', encoding="utf-8")
    articles, problems, _ = _load(path)
    assert [a.article_id for a in articles] == ["wire.jsonl#2"]
    assert problems[0].path == f"{path}#1" and "empty" in problems[0].reason


# --------------------------------------------------------------------------- decoding


def test_a_truncated_utf8_tail_keeps_the_file_utf8_with_a_warning(tmp_path):
    data = (QUOTED + "“Cut").encode("utf-8")
    path = tmp_path / "cut.txt"
    path.write_bytes(data + "”".encode()[:2])
    articles, problems, messages = _load(path)
    assert problems == []
    assert articles[0].text == QUOTED + "“Cut\ufffd"
    assert "â€" not in articles[0].text
    assert len([q for q in extract_quotes(articles[0]) if q.kind == "direct"]) == 6
    assert messages == [f"{path}: 1 invalid UTF-8 sequence (the first at byte {len(data)}) "
                        "replaced with U+FFFD; the rest is read as UTF-8. Check the file there "
                        "if text looks missing."]


def test_a_stray_byte_in_a_utf8_file_is_replaced_not_read_as_cp1252(tmp_path):
    path = tmp_path / "stray.txt"
    path.write_bytes(QUOTED.encode("utf-8") + b"It\x92s over.")
    articles, _, messages = _load(path)
    assert articles[0].text == QUOTED + "It\ufffds over."
    assert "invalid UTF-8 sequence (the first at byte" in messages[0]


def test_files_that_really_are_not_utf8_keep_their_legacy_paths(tmp_path):
    western = tmp_path / "western.txt"
    western.write_bytes("“Café,” he said.".encode("cp1252"))
    korean = tmp_path / "korean.txt"
    korean.write_bytes("윤석열 대통령과 나토 사무총장은 협력을 강화하기로 했다.".encode("cp949"))
    with pytest.warns(UnicodeWarning, match="read as cp1252"):
        assert load_article(western).text == "“Café,” he said."
    assert load_article(korean).text.startswith("윤석열 대통령과")


def test_a_broken_jsonl_line_names_its_byte_offset_in_the_file(tmp_path):
    first = b'{"text": "NATO met."}\n'
    path = tmp_path / "wire.jsonl"
    second = '{"text": "“Yes,” he said. “No'.encode()
    path.write_bytes(first + second + b'\xe2\x80"}\n')
    articles, _, messages = _load(path)
    assert articles[1].text == "“Yes,” he said. “No\ufffd"
    assert f"(the first at byte {len(first) + len(second)})" in messages[0]


# --------------------------------------------------------------------------- control characters


def test_control_characters_are_removed_counted_and_offsets_agree(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "a", "text": "\\u0000“We agree,”\\u0007 Yoon\\u0085said.\\u009b"}\n',
                    encoding="utf-8")
    articles, _, messages = _load(path)
    article = articles[0]
    assert article.text == "“We agree,” Yoon\nsaid."
    assert article.n_control_chars == 3
    assert messages == [f"{path}#1: removed 3 control character(s) (NUL and the like) from the "
                        "text; offsets index the cleaned text"]
    quote = extract_quotes(article)[0]
    assert article.text[quote.start:quote.end] == "“We agree,”"


def test_the_articles_table_keeps_the_source_path(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "a", "text": "NATO met."}\n{"text": "Korea joined."}\n',
                    encoding="utf-8")
    table = frames(["articles"], list(load_corpus(path)))["articles"]
    assert table["source_path"].tolist() == [f"{path}#1", f"{path}#2"]


# --------------------------------------------------------------------------- ids of bad records


def test_the_errors_table_keeps_the_id_of_a_record_it_could_not_read(tmp_path):
    from analysis.corpus import extract_corpus, read_table

    (tmp_path / "wire.jsonl").write_text(
        '{"id": "ap-1", "text": "NATO met."}\n'
        '{"id": "ap-2", "text": "  "}\n'                              # empty text
        '{"ID": "ap-3", "date": "mid-July 2023", "text": "Korea joined."}\n'  # bad date
        '{"text": ""}\n'                                              # no id of its own
        '{"id": "unknown", "text": ""}\n'                             # an id meaning none
        '{"id": "ap-6", oops}\n', encoding="utf-8")                   # not JSON: no id read
    (tmp_path / "list.json").write_text('[{"article_id": "js-1", "text": ""}]', encoding="utf-8")
    (tmp_path / "rows.csv").write_text("id,published,text\ncsv-1,2023-13-45,Yoon met.\n",
                                       encoding="utf-8")
    (tmp_path / "note.txt").write_text("id: txt-1\npublished: July\n\nNATO met.\n",
                                       encoding="utf-8")
    extract_corpus(tmp_path, tmp_path / "out", tables=["articles"])
    errors = read_table(tmp_path / "out", "errors")
    ids = dict(zip(errors["path"].str.removeprefix(f"{tmp_path}/"), errors["article_id"],
                   strict=True))
    assert {path: (None if pd.isna(i) else i) for path, i in ids.items()} == {
        "list.json#1": "js-1", "note.txt": "txt-1", "rows.csv#1": "csv-1",
        "wire.jsonl#2": "ap-2", "wire.jsonl#3": "ap-3", "wire.jsonl#4": None,
        "wire.jsonl#5": None, "wire.jsonl#6": None}
    assert read_table(tmp_path / "out", "articles")["article_id"].tolist() == ["ap-1"]


# --------------------------------------------------------------------------- duplicate ids


def test_two_different_texts_under_one_id_given_directly_are_refused_naming_both_sources(
        tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "NATO met."}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "Korea joined."}\n', encoding="utf-8")
    articles = [load_article(tmp_path / "a.jsonl"), load_article(tmp_path / "b.jsonl")]
    with pytest.raises(AnalysisError, match=r"two different articles have the id 'x' \(.*a\.jsonl"
                                            r"#1; .*b\.jsonl#1\); give every article its own id, "
                                            r"or read the files with load_corpus\(paths, "
                                            r"on_error=problems\.append\)"):
        frames(["quotes"], articles)
    with pytest.raises(AnalysisError, match="two different articles"):
        list(as_documents(articles))
    same = list(as_documents([articles[0], articles[0]]))  # the same article twice passes
    assert len(same) == 2


@pytest.mark.parametrize("command", ["quotes", "sectors", "sentiment", "show"])
def test_single_article_commands_leave_out_a_second_text_under_one_id(tmp_path, command):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "NATO met."}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "Korea joined."}\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis", command, str(tmp_path / "a.jsonl"),
                           str(tmp_path / "b.jsonl"), "--format", "csv"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr  # as extract: the first read, the second listed
    assert f"skipped: {tmp_path / 'b.jsonl'}#1 (article_id x): an earlier article has this id" \
        in done.stderr
    assert "Traceback" not in done.stderr
