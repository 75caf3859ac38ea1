"""analysis.schemas: the one place naming every table's columns and dtypes."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.schemas import TABLES, columns, conform, empty_frame
from analysis.text.structure import articles_frame, structure_frame

ALLOWED_DTYPES = {"string", "Int64", "Float64", "boolean", "date32[day][pyarrow]"}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_table_definition_is_well_formed(table):
    specs = TABLES[table]
    names = [c.name for c in specs]
    assert names and len(names) == len(set(names)), names
    for column in specs:
        assert column.dtype in ALLOWED_DTYPES, (table, column.name, column.dtype)
        assert column.description.strip(), (table, column.name)
        assert column.name == column.name.lower() and " " not in column.name
    if "start" in names and "end" in names:
        assert names[0] == "article_id" or "article_id" in names, table


@pytest.mark.parametrize("table", sorted(TABLES))
def test_empty_frame_has_every_column_and_dtype(table):
    frame = empty_frame(table)
    assert frame.empty
    assert frame.columns.tolist() == columns(table)
    assert frame.dtypes.astype(str).tolist() == [c.dtype for c in TABLES[table]]
    assert conform([], table).columns.tolist() == columns(table)
    assert conform(None, table).dtypes.astype(str).tolist() == [c.dtype for c in TABLES[table]]


def test_conform_orders_adds_drops_and_casts():
    rows = [{"n_sentences": 3, "extra": "x", "article_id": "a", "n_chars": None}]
    frame = conform(rows, "articles")
    assert frame.columns.tolist() == columns("articles")
    assert "extra" not in frame.columns
    assert str(frame["n_sentences"].dtype) == "Int64" and frame.loc[0, "n_sentences"] == 3
    assert frame["title"].isna().all() and str(frame["title"].dtype) == "string"
    assert pd.isna(frame.loc[0, "n_chars"])


def test_unknown_table_names_the_known_ones():
    with pytest.raises(KeyError, match="articles"):
        columns("no-such-table")


def test_foundation_frames_follow_their_schemas(seed_document):
    for frame, table in ((articles_frame(seed_document), "articles"),
                         (structure_frame(seed_document), "structure")):
        assert frame.columns.tolist() == columns(table)
        assert frame.dtypes.astype(str).tolist() == [c.dtype for c in TABLES[table]]
    structure = structure_frame(seed_document)
    assert (structure["article_id"] == seed_document.article_id).all()
    assert structure["sentence"].tolist() == list(range(len(seed_document.sentences)))


def test_frames_accept_one_or_many(seed_document):
    single = structure_frame(seed_document)
    double = structure_frame([seed_document, "NATO met. Korea joined."])
    assert len(double) == len(single) + 2
    assert double["article_id"].tolist()[-1] == "text#1"


def test_parquet_round_trip_keeps_dtypes(tmp_path, seed_document):
    frame = structure_frame(seed_document)
    path = tmp_path / "structure.parquet"
    frame.to_parquet(path, index=False)
    back = pd.read_parquet(path)
    assert back.dtypes.astype(str).tolist() == frame.dtypes.astype(str).tolist()
    pd.testing.assert_frame_equal(back, frame)
