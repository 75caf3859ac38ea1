"""Corpus runs: every table for every article, written in parts, never half-written.

``python -m analysis extract INPUT... --out DIR`` (and :func:`extract_corpus`) reads the
articles lazily, annotates each once (:func:`analysis.pipeline.annotate`) and writes the tables
of :data:`analysis.pipeline.TABLES` as ``DIR/<table>/part-NNNNN.parquet`` with a ``.csv`` twin,
one part per batch of articles, and the ``errors`` table. Output rules:

* a part is written under a temporary name and renamed, so a reader never sees a
  half-written file;
* ``DIR/_manifest.json`` (package version, settings, tables, counts, the article_ids
  done) is written last: a folder without it is an unfinished run;
* an article that fails in any extractor is left out of every table and listed in the
  errors table (path, article_id, error class, message), so the tables stay
  consistent with one another; an unreadable file or record is listed the same way;
* parts left by an unfinished earlier run in DIR are removed before a new run starts.

A run never stops for one bad article. The exit code (CLI) is 0 even with errors, or
1 under ``--strict``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from analysis.actors.overrides import as_overrides
from analysis.errors import AnalysisError
from analysis.pipeline import TABLES, Annotation, Context
from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.document import as_document
from analysis.text.loaders import load_corpus

__all__ = ["TABLES", "ExtractResult", "extract_corpus", "read_table"]

MANIFEST = "_manifest.json"


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """What a corpus run did: counts per table, articles done, and the errors table."""

    out_dir: Path
    n_articles: int
    rows: dict[str, int]
    errors: pd.DataFrame = field(repr=False)

    @property
    def n_errors(self) -> int:
        """Number of files, records or articles that failed."""
        return len(self.errors)


def _error_row(exc: BaseException, article_id: str | None, path: str | None) -> dict[str, str | None]:
    message = exc.reason if isinstance(exc, AnalysisError) else str(exc)
    if isinstance(exc, AnalysisError) and path is None:
        path = exc.path
    return {"path": path, "article_id": article_id, "error": type(exc).__name__, "message": message}


def _source_path(article: Article) -> str:
    return article.article_id.split("#", 1)[0]


def _write_part(frame: pd.DataFrame, folder: Path, number: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".parquet", ".csv"):
        target = folder / f"part-{number:05d}{suffix}"
        temporary = folder / f".{target.name}.tmp"
        if suffix == ".parquet":
            frame.to_parquet(temporary, index=False)
        else:
            frame.to_csv(temporary, index=False, lineterminator="\n")
        os.replace(temporary, target)


def _clear_previous(out: Path, tables: Sequence[str]) -> None:
    manifest = out / MANIFEST
    if manifest.exists():
        manifest.unlink()
    for table in [*tables, "errors"]:
        folder = out / table
        if folder.is_dir():
            shutil.rmtree(folder)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _annotate_batch(
    articles: list[Article],
    tables: Sequence[str],
    context: Context,
    error_rows: list[dict[str, str | None]],
) -> tuple[dict[str, list[dict]], list[str]]:
    """Annotate each article once and collect the rows of every table.

    An article that fails anywhere (segmentation or any part of its annotation) is left
    out of every table and listed in the errors table, so the tables stay consistent
    with one another. This is the one place that catches per article.
    """
    rows: dict[str, list[dict]] = {table: [] for table in tables}
    done: list[str] = []
    for article in articles:
        try:
            annotation = Annotation(as_document(article), context)
            found = {table: annotation.rows(table) for table in tables}
        except Exception as exc:  # one bad article never stops the run
            error_rows.append(_error_row(exc, article.article_id, _source_path(article)))
            continue
        for table in tables:
            rows[table].extend(found[table])
        done.append(article.article_id)
    return rows, done


def extract_corpus(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    tables: Sequence[str] | None = None,
    batch_size: int = 1000,
    progress: bool = False,
    overrides: str | os.PathLike[str] | None = None,
    context: Context | None = None,
) -> ExtractResult:
    """Run every extractor over a corpus and write its tables to ``out_dir``.

    Parameters
    ----------
    inputs : path or paths
        Article files and folders (see :func:`analysis.load_corpus`).
    out_dir : path
        Output folder; created if missing. Tables of an earlier run there are replaced.
    tables : sequence of str, optional
        Subset of :data:`analysis.pipeline.TABLES` to write (default all); errors always.
    batch_size : int
        Articles per part file.
    progress : bool
        Show a progress bar on stderr.
    overrides : path, optional
        A corrections CSV (:func:`analysis.actors.load_overrides`), read once and applied
        to every table it names (actors, quotes, sectors), so fixes made by hand stay
        applied on every re-run. A malformed file stops the run before anything is
        written. Added to the corrections of ``context``.
    context : Context, optional
        Registry, taxonomy, corrections and settings of the one annotation pass
        (:class:`analysis.pipeline.Context`; default: the shipped data).

    Returns
    -------
    ExtractResult

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "in.jsonl").write_text('{"text": "NATO met. Korea joined."}\\n{"oops"}\\n')
    >>> result = extract_corpus(root / "in.jsonl", root / "out", tables=["articles"])
    >>> result.n_articles, result.rows["articles"], result.n_errors
    (1, 1, 1)
    >>> sorted(p.name for p in (root / "out" / "articles").iterdir())
    ['part-00000.csv', 'part-00000.parquet']
    """
    chosen = list(TABLES) if tables is None else list(tables)
    unknown = sorted(set(chosen) - set(TABLES))
    if unknown:
        raise AnalysisError(
            f"unknown table(s) {', '.join(unknown)}; choose from {', '.join(TABLES)}"
        )
    context = context if context is not None else Context()
    if overrides is not None:
        context = replace(context, overrides=context.overrides + as_overrides(overrides))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _clear_previous(out, list(TABLES))

    error_rows: list[dict[str, str | None]] = []
    articles = load_corpus(
        inputs, on_error=lambda exc: error_rows.append(_error_row(exc, None, None))
    )
    if progress:
        from tqdm import tqdm

        articles = tqdm(articles, unit=" articles", file=sys.stderr)

    done: list[str] = []
    rows = dict.fromkeys(chosen, 0)
    for number, batch in enumerate(_batches(articles, batch_size)):
        batch_rows, batch_done = _annotate_batch(batch, chosen, context, error_rows)
        done.extend(batch_done)
        for table in chosen:
            frame = conform(batch_rows[table], table)
            rows[table] += len(frame)
            _write_part(frame, out / table, number)

    errors = conform(error_rows, "errors")
    _write_part(errors, out / "errors", 0)
    _write_manifest(out, chosen, batch_size, done, rows, len(errors))
    return ExtractResult(out, len(done), rows, errors)


def _write_manifest(
    out: Path, tables: list[str], batch_size: int, done: list[str], rows: dict[str, int], n_errors: int
) -> None:
    from analysis import __version__

    manifest = {
        "package": "analysis",
        "package_version": __version__,
        "settings": {"tables": tables, "batch_size": batch_size},
        "rows": rows,
        "n_articles": len(done),
        "n_errors": n_errors,
        "article_ids": done,
    }
    target = out / MANIFEST
    temporary = out / f".{MANIFEST}.tmp"
    temporary.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, target)


def read_table(out_dir: str | os.PathLike[str], table: str) -> pd.DataFrame:
    """Read a table written by :func:`extract_corpus` (all its Parquet parts).

    Raises
    ------
    AnalysisError
        If the run is unfinished (no manifest) or the table was not written.
    """
    out = Path(out_dir)
    if not (out / MANIFEST).exists():
        raise AnalysisError(
            "no _manifest.json: the run did not finish; run `python -m analysis extract` again",
            out,
        )
    parts = sorted((out / table).glob("part-*.parquet"))
    if not parts:
        raise AnalysisError(f"no {table!r} table in this run; extract it with --tables", out)
    return conform(pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True), table)
