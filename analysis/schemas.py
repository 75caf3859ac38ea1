"""The one place that names every table's columns and dtypes.

Every ``*_frame`` function returns ``conform(frame, TABLE)``, and ``python -m analysis
extract`` writes the same columns to Parquet and CSV, so a table looks the same
whichever way it was made. Offsets (``start``/``end`` and friends) index
``Article.text``; an empty table still has every column with its dtype.

dtypes are pandas' nullable ones: ``string`` (text, missing = <NA>), ``Int64``
(integers, missing = <NA>), ``Float64`` and ``boolean``; dates are ISO strings
(``YYYY-MM-DD``) so CSV and Parquet agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

__all__ = ["TABLES", "Column", "columns", "conform", "empty_frame"]


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its name, pandas dtype and meaning."""

    name: str
    dtype: str
    description: str


def _table(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


_ID = ("article_id", "string", "the article's identifier (see analysis.articles)")
_START = ("start", "Int64", "start offset of the evidence in Article.text")
_END = ("end", "Int64", "end offset (exclusive) of the evidence in Article.text")

TABLES: Mapping[str, tuple[Column, ...]] = {
    # --- foundation -------------------------------------------------------------
    "articles": _table(
        _ID,
        ("title", "string", "headline, <NA> when unknown"),
        ("outlet", "string", "publication"),
        ("author", "string", "byline"),
        ("published", "string", "publication date, YYYY-MM-DD"),
        ("url", "string", "address of the article"),
        ("language", "string", "ISO 639-1 code or 'und'"),
        ("n_chars", "Int64", "length of the text in characters"),
        ("n_paragraphs", "Int64", "number of paragraphs"),
        ("n_sentences", "Int64", "number of sentences"),
    ),
    "sentences": _table(
        _ID,
        ("sentence", "Int64", "sentence index in the article, from 0"),
        ("paragraph", "Int64", "paragraph index in the article, from 0"),
        _START,
        _END,
        ("n_words", "Int64", "number of word tokens"),
        ("text", "string", "the sentence"),
        ("compound", "Float64", "NLTK VADER compound score, exactly as NLTK computes it"),
        ("compound_masked", "Float64", "VADER compound with actor and organisation names masked"),
        ("pos", "Float64", "VADER positive share"),
        ("neu", "Float64", "VADER neutral share"),
        ("neg", "Float64", "VADER negative share"),
    ),
    "structure": _table(
        _ID,
        ("paragraph", "Int64", "paragraph index in the article, from 0"),
        ("sentence", "Int64", "sentence index in the article, from 0"),
        _START,
        _END,
        ("n_words", "Int64", "number of words in the sentence"),
        ("n_chars", "Int64", "number of characters in the sentence"),
    ),
    "errors": _table(
        ("path", "string", "file the problem is in"),
        ("article_id", "string", "article, <NA> if the problem stopped it being read"),
        ("error", "string", "exception class name"),
        ("message", "string", "what went wrong and what to do"),
    ),
    # --- quotes (issue: quotes and speakers) -------------------------------------
    # --- sectors (issue: sectors and programmes) ---------------------------------
    # --- sentiment (issue: sentiment) -------------------------------------------
}


def columns(table: str) -> list[str]:
    """Return the column names of ``table`` in order.

    Examples
    --------
    >>> columns("errors")
    ['path', 'article_id', 'error', 'message']
    """
    return [column.name for column in _schema(table)]


def _schema(table: str) -> tuple[Column, ...]:
    try:
        return TABLES[table]
    except KeyError:
        raise KeyError(f"unknown table {table!r}; known: {', '.join(sorted(TABLES))}") from None


def empty_frame(table: str) -> pd.DataFrame:
    """Return an empty DataFrame with the columns and dtypes of ``table``.

    Examples
    --------
    >>> empty_frame("errors").dtypes.astype(str).tolist()
    ['string', 'string', 'string', 'string']
    """
    return pd.DataFrame({c.name: pd.Series([], dtype=c.dtype) for c in _schema(table)})


def conform(frame: pd.DataFrame | list[dict] | None, table: str) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of ``table``, in order, with their dtypes.

    Missing columns are added empty; columns the schema does not name are dropped; the
    index is reset.

    Examples
    --------
    >>> frame = conform([{"path": "a.txt", "error": "AnalysisError", "extra": 1}], "errors")
    >>> frame.columns.tolist()
    ['path', 'article_id', 'error', 'message']
    >>> frame["article_id"].isna().all()
    np.True_
    """
    if frame is None:
        return empty_frame(table)
    if not isinstance(frame, pd.DataFrame):
        frame = pd.DataFrame(list(frame))
    if frame.empty and len(frame.columns) == 0:
        return empty_frame(table)
    data = {}
    for column in _schema(table):
        if column.name in frame.columns:
            data[column.name] = frame[column.name].astype(column.dtype)
        else:
            data[column.name] = pd.Series(pd.NA, index=frame.index, dtype=column.dtype)
    return pd.DataFrame(data).reset_index(drop=True)
