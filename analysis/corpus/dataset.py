"""A corpus run's tables as a dataset: the parts that count, read by DuckDB or pandas.

The output folder of :func:`analysis.corpus.extract_corpus` holds each table as a
folder of Parquet parts, but only the parts ``DIR/_manifest.json`` lists belong to the
complete run (a part left by an interrupted or concurrent run must never be counted).
This module gives the two ways :mod:`analysis.corpus.queries` reads them, both through
:func:`analysis.corpus.output.table_parts`, the parts :func:`analysis.corpus.read_table`
reads, checked:

* :func:`connect`: an in-memory DuckDB connection with one view per table over exactly
  those parts, so SQL runs over tables larger than memory (DuckDB reads only the
  columns and row groups a query needs);
* :func:`read_columns`: the named columns of a table with pandas, in the schema's
  dtypes (:mod:`analysis.schemas`).

DuckDB is optional (``pip install 'analysis[notebooks]'`` or ``pip install duckdb``):
:func:`choose_engine` picks it when installed and pandas otherwise.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import Any

import pandas as pd

from analysis.corpus.output import read_manifest, table_parts
from analysis.errors import AnalysisError
from analysis.schemas import TABLES as SCHEMAS
from analysis.schemas import conform

__all__ = [
    "ENGINES",
    "choose_engine",
    "connect",
    "duckdb_module",
    "manifest_summary",
    "read_columns",
    "table_parts",
]

#: The ways a query can read the tables: SQL in DuckDB, or pandas.
ENGINES: tuple[str, ...] = ("duckdb", "pandas")

PathLike = str | os.PathLike[str]


def duckdb_module() -> Any | None:
    """Return the ``duckdb`` module, or None when it is not installed.

    Examples
    --------
    >>> duckdb_module() is None or hasattr(duckdb_module(), "connect")
    True
    """
    try:
        return importlib.import_module("duckdb")
    except ImportError:
        return None


def choose_engine(engine: str | None = None) -> str:
    """Return the engine a query runs on: ``engine``, or DuckDB when installed, else pandas.

    Raises
    ------
    AnalysisError
        For an unknown engine, or ``"duckdb"`` when DuckDB is not installed.

    Examples
    --------
    >>> choose_engine("pandas")
    'pandas'
    >>> choose_engine() in ENGINES
    True
    """
    if engine is None:
        return "duckdb" if duckdb_module() is not None else "pandas"
    if engine not in ENGINES:
        raise AnalysisError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if engine == "duckdb" and duckdb_module() is None:
        raise AnalysisError("the duckdb engine needs DuckDB: pip install duckdb "
                            "(or the notebooks extra), or pass engine='pandas'")
    return engine


def manifest_summary(out_dir: PathLike) -> pd.DataFrame:
    """Return what the run in ``out_dir`` wrote: one row per table with its rows and parts.

    Read from the manifest alone (no table is opened); ``errors`` is the table of
    articles, files and records left out of every other table.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analysis.corpus import extract_corpus
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("NATO met.")
    >>> _ = extract_corpus(root / "a.txt", root / "out", tables=["articles"])
    >>> manifest_summary(root / "out").values.tolist()
    [['articles', 1, 1], ['errors', 0, 1]]
    """
    tables = read_manifest(out_dir).get("tables", {})
    rows = [{"table": name, "rows": entry["rows"], "parts": len(entry["parts"])}
            for name, entry in tables.items()]
    frame = pd.DataFrame(rows, columns=["table", "rows", "parts"])
    return frame.astype({"table": "string", "rows": "Int64", "parts": "Int64"})


def read_columns(out_dir: PathLike, table: str, columns: Sequence[str]) -> pd.DataFrame:
    """Return ``columns`` of ``table`` from the parts the manifest lists, with pandas.

    Only those columns are read from each part; they come in the dtypes of
    :mod:`analysis.schemas` (an empty table still has them).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analysis.corpus import extract_corpus
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("published: 2024-07-10\\n\\nNATO met.")
    >>> _ = extract_corpus(root / "a.txt", root / "out", tables=["articles"])
    >>> read_columns(root / "out", "articles", ["article_id", "published"]).values.tolist()
    [['a.txt', datetime.date(2024, 7, 10)]]
    """
    _check_columns(table, columns)
    frames = [pd.read_parquet(path, columns=list(columns))
              for path in table_parts(out_dir, table)]
    if not frames or all(frame.empty for frame in frames):
        return conform(None, table)[list(columns)]
    frame = pd.concat([f for f in frames if not f.empty], ignore_index=True)
    dtypes = {column.name: column.dtype for column in SCHEMAS[table]}
    return frame.astype({name: dtypes[name] for name in columns})


def connect(out_dir: PathLike, tables: Sequence[str] | None = None) -> Any:
    """Return an in-memory DuckDB connection with a view per table of the run in ``out_dir``.

    Each view (named as its table) reads exactly the parts :func:`table_parts` returns;
    an empty table is a view with the schema's columns and no rows. Close the
    connection when done (it is a context manager).

    Parameters
    ----------
    out_dir : path
        The output folder of a complete corpus run.
    tables : sequence of str, optional
        The tables to make views of (default: every table the run wrote).

    Raises
    ------
    AnalysisError
        When DuckDB is not installed, or as :func:`table_parts`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analysis.corpus import extract_corpus
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("NATO met. Korea joined.")
    >>> _ = extract_corpus(root / "a.txt", root / "out", tables=["articles"])
    >>> with connect(root / "out") as db:
    ...     db.sql("SELECT article_id, n_sentences FROM articles").fetchall()
    [('a.txt', 2)]
    """
    choose_engine("duckdb")
    duckdb = duckdb_module()
    names = list(read_manifest(out_dir).get("tables", {})) if tables is None else list(tables)
    parts = {table: table_parts(out_dir, table) for table in names}  # check all first
    db = duckdb.connect()
    for table, paths in parts.items():
        if paths:
            files = ", ".join(_sql_string(str(path)) for path in paths)
            db.execute(f'CREATE VIEW "{table}" AS SELECT * FROM '
                       f"read_parquet([{files}], union_by_name = true)")
        else:
            db.register(table, conform(None, table))
    return db


def _sql_string(text: str) -> str:
    """Return ``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _check_columns(table: str, columns: Sequence[str]) -> None:
    if table not in SCHEMAS:
        raise AnalysisError(f"unknown table {table!r}; known: {', '.join(sorted(SCHEMAS))}")
    known = {column.name for column in SCHEMAS[table]}
    unknown = [c for c in columns if c not in known]
    if unknown:
        raise AnalysisError(f"{table} has no column(s) {', '.join(unknown)}")
