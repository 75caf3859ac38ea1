"""The one reader of researchers' CSV files: comments, line numbers, and its messages."""

from __future__ import annotations

import pytest

from analysis import AnalysisError
from analysis._resources import read_csv_numbered, read_csv_rows
from analysis._userfiles import check_columns, parse_user_csv, read_user_csv

COLUMNS = ("article_id", "what", "offset", "field", "value")


def write(tmp_path, content: str | bytes, name: str = "mine.csv"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_rows_keep_their_line_numbers_past_comments_and_blank_lines(tmp_path):
    path = write(
        tmp_path,
        "# corrections\narticle_id,what\n\n# checked by hand\n a1 , quotes \na2,\n",
    )
    assert read_user_csv(path, "overrides", required=["article_id"]) == [
        (5, {"article_id": "a1", "what": "quotes"}),
        (6, {"article_id": "a2", "what": ""}),
    ]


def test_missing_cells_are_empty_and_a_quoted_cell_may_span_lines(tmp_path):
    path = write(tmp_path, 'name,aliases,source\nFoo\n"Bar","B\nar",x\nBaz,,y\n')
    rows = read_user_csv(path, "actors")
    assert rows == [
        (2, {"name": "Foo", "aliases": "", "source": ""}),
        (3, {"name": "Bar", "aliases": "B\nar", "source": "x"}),
        (5, {"name": "Baz", "aliases": "", "source": "y"}),
    ]


def test_a_byte_order_mark_is_read_as_nothing(tmp_path):
    path = write(tmp_path, "\ufeffid,label\nspace,Space\n".encode())
    assert read_user_csv(path, "taxonomy", required=["id"]) == [(2, {"id": "space", "label": "Space"})]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the taxonomy file is empty (only comments or blank lines); its first line must be the header"),
        ("# only\n\n# comments\n", "the taxonomy file is empty"),
        ("id\nx\n", "missing column(s) label in the header of the taxonomy file; the columns are "
                    "id,label,notes (id, label required)"),
        ("id,label,colour\nx,X,red\n", "unknown column(s) colour in the header of the taxonomy file"),
        ("id,label\n# ok\nx,X,extra\n", "line 3: 3 cells but 2 columns; quote cells that contain commas"),
        ("id,label\nx,X\ny," + "z" * 200_000 + "\n", "line 3: cannot read the row (field larger"),
    ],
)
def test_messages_name_the_file_the_line_and_the_fix(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(AnalysisError) as error:
        read_user_csv(path, "taxonomy", required=["id", "label"], known=["id", "label", "notes"])
    assert error.value.path == str(path)
    assert message in str(error.value)


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(AnalysisError, match="no such overrides file; check the path"):
        read_user_csv(tmp_path / "absent.csv", "overrides")
    path = write(tmp_path, "article_id\nCaf\xe9\n".encode("latin-1"))
    with pytest.raises(AnalysisError, match="line 2: not UTF-8 text; save the overrides file as UTF-8"):
        read_user_csv(path, "overrides")
    with pytest.raises(AnalysisError, match="no such overrides file"):
        read_user_csv(tmp_path, "overrides")  # a folder is not a file


def test_check_columns_accepts_other_columns_unless_known_is_given():
    table = parse_user_csv(",".join((*COLUMNS, "note")) + "\n", "o.csv", "overrides")
    check_columns(table, "overrides", required=COLUMNS)
    with pytest.raises(AnalysisError, match="unknown column"):
        check_columns(table, "overrides", required=COLUMNS, known=COLUMNS)


def test_shipped_csv_files_go_through_the_same_parser():
    numbered = read_csv_numbered("sectors/sector_cues.csv")
    assert numbered[0][0] > 1  # the comment lines before the header are counted
    assert [row for _, row in numbered] == list(read_csv_rows("sectors/sector_cues.csv"))
