"""Corpus runs: every table for every article, written in parts, never half-written.

``python -m analysis extract INPUT... --out DIR`` (and :func:`extract_corpus`) reads the
articles lazily, segments each once, runs every extractor on it and writes the tables
of :data:`TABLE_BUILDERS` as ``DIR/<table>/part-NNNNN.parquet`` with a ``.csv`` twin,
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

import functools
import importlib
import inspect
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError
from analysis.schemas import conform
from analysis.text.articles import Article, load_corpus
from analysis.text.document import Document, as_document

__all__ = ["TABLE_BUILDERS", "TABLE_INPUTS", "ExtractResult", "extract_corpus", "read_table"]

#: Table name -> "module:function" building it from a list of Documents, in write order.
TABLE_BUILDERS: dict[str, str] = {
    "articles": "analysis.text.structure:articles_frame",
    "sentences": "analysis.sentiment.scores:sentences_frame",
    "quotes": "analysis.quotes.extract:quotes_frame",
    "actors": "analysis.actors.registry:actors_frame",
    "sectors": "analysis.sectors.finder:sector_mentions_frame",
    "targets": "analysis.sentiment.scores:target_sentiment_frame",
    "quote_sentiment": "analysis.sentiment.scores:quote_sentiment_frame",
    "programme_statements": "analysis.sectors.finder:programme_statements_frame",
}

#: Tables built from another table of the same batch, passed as this keyword, so
#: quotes are extracted once per article (the builder extracts them itself when the
#: table it reads is not being written).
TABLE_INPUTS: dict[str, str] = {"quote_sentiment": "quotes"}

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


def _builder(table: str) -> Callable[[list[Document]], pd.DataFrame]:
    module_name, _, function_name = TABLE_BUILDERS[table].partition(":")
    return getattr(importlib.import_module(module_name), function_name)


def _read_overrides(path: str | os.PathLike[str] | None) -> tuple[object, ...]:
    if path is None:
        return ()
    from analysis.actors.overrides import load_overrides

    return tuple(load_overrides(path))


def _with_overrides(
    build: Callable[..., pd.DataFrame], corrections: tuple[object, ...]
) -> Callable[..., pd.DataFrame]:
    """Bind the corrections to a builder that takes an ``overrides`` argument."""
    if not corrections or "overrides" not in inspect.signature(build).parameters:
        return build
    return functools.partial(build, overrides=corrections)


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


def _build_tables(
    documents: list[Document], builders: dict[str, Callable[[list[Document]], pd.DataFrame]]
) -> dict[str, pd.DataFrame]:
    built: dict[str, pd.DataFrame] = {}
    for table, build in builders.items():
        source = TABLE_INPUTS.get(table)
        if source in built:
            built[table] = build(documents, **{source: built[source]})
        else:
            built[table] = build(documents)
    return built


def _extract_batch(
    articles: list[Article],
    builders: dict[str, Callable[[list[Document]], pd.DataFrame]],
    error_rows: list[dict[str, str | None]],
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Build every table for a batch; on failure, retry article by article to isolate it."""
    documents: list[Document] = []
    for article in articles:
        try:
            documents.append(as_document(article))
        except Exception as exc:  # one bad article never stops the run
            error_rows.append(_error_row(exc, article.article_id, _source_path(article)))
    try:
        return _build_tables(documents, builders), [d.article_id for d in documents]
    except Exception:
        pass
    collected: dict[str, list[pd.DataFrame]] = {table: [] for table in builders}
    done: list[str] = []
    for document in documents:
        try:
            frames = _build_tables([document], builders)
        except Exception as exc:
            error_rows.append(_error_row(exc, document.article_id, _source_path(document.article)))
            continue
        for table, frame in frames.items():
            collected[table].append(frame)
        done.append(document.article_id)
    merged = {
        table: pd.concat(frames, ignore_index=True) if frames else None
        for table, frames in collected.items()
    }
    return merged, done


def extract_corpus(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    tables: Sequence[str] | None = None,
    batch_size: int = 1000,
    progress: bool = False,
    overrides: str | os.PathLike[str] | None = None,
) -> ExtractResult:
    """Run every extractor over a corpus and write its tables to ``out_dir``.

    Parameters
    ----------
    inputs : path or paths
        Article files and folders (see :func:`analysis.load_corpus`).
    out_dir : path
        Output folder; created if missing. Tables of an earlier run there are replaced.
    tables : sequence of str, optional
        Subset of :data:`TABLE_BUILDERS` to write (default all); errors always.
    batch_size : int
        Articles per part file.
    progress : bool
        Show a progress bar on stderr.
    overrides : path, optional
        A corrections CSV (:mod:`analysis.actors.overrides`), read once and applied by every
        extractor that takes corrections (quotes, sectors), so fixes made by hand stay
        applied on every re-run. A malformed file stops the run before anything is
        written.

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
    chosen = list(TABLE_BUILDERS) if tables is None else list(tables)
    unknown = sorted(set(chosen) - set(TABLE_BUILDERS))
    if unknown:
        raise AnalysisError(
            f"unknown table(s) {', '.join(unknown)}; choose from {', '.join(TABLE_BUILDERS)}"
        )
    corrections = _read_overrides(overrides)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _clear_previous(out, list(TABLE_BUILDERS))
    builders = {table: _with_overrides(_builder(table), corrections) for table in chosen}

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
        frames, batch_done = _extract_batch(batch, builders, error_rows)
        done.extend(batch_done)
        for table in chosen:
            frame = conform(frames[table], table)
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
