"""Corpus runs: the one annotation pass over many articles, in parts, on every core.

``python -m analysis extract INPUT... --out DIR`` (and :func:`extract_corpus`) reads the
articles lazily, in input order, and cuts the stream into batches of ``batch_size``
inputs (an article, or a file or record that could not be read). Each batch becomes one
part of every table (:data:`analysis.pipeline.TABLES` and ``errors``), written as
:mod:`analysis.corpus.output` says: staged, checked, swapped in when the run is
complete, the manifest last.

* **Workers.** With ``workers > 1`` batches are annotated by a pool of processes, each
  holding the run's :class:`~analysis.pipeline.Context`; the same per-batch function
  runs in the serial path (``workers=1``), so the tables are the same row for row.
  At most two batches per worker are in flight, so memory stays flat however long the
  corpus is; the main process reads and writes.
* **Resume.** A run that was interrupted (Ctrl-C, a kill, a crash) leaves its staged
  parts; ``resume=True`` skips the batches already written and gives the same tables as
  one uninterrupted run (same inputs and settings, else it refuses).
* **Errors.** An article that fails anywhere in its annotation is left out of every
  table and listed in ``errors`` (path, article_id, error class, message), so the tables
  stay consistent with one another; an unreadable file or record and an article whose
  id was seen before (never merged, the second is left out) are listed the same way.
  Errors are written per part; the result keeps only the first :data:`ERRORS_KEPT`.
* **Safe cells.** Text cells lose their control characters in every table (replaced
  one for one by U+FFFD, so offsets still hold), and CSV copies escape cells a
  spreadsheet would run as formulas (:mod:`analysis.cells`); the manifest and
  :class:`ExtractResult` count both.
* **Never the run's own output.** The output folder is never read as input, even when
  it lies inside an input folder.

A run never stops for one bad article. The exit code (CLI) is 0 even with errors, or 1
under ``--strict``.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.actors.overrides import Override, UnknownArticles, as_overrides
from analysis.cells import replace_control_characters
from analysis.corpus.output import CONTROL_COUNT, ESCAPED_COUNT, MANIFEST, OutputFolder
from analysis.corpus.workers import (
    ErrorRow,
    Item,
    Job,
    error_row,
    run_dask,
    run_pool,
    run_serial,
)
from analysis.errors import AnalysisError
from analysis.pipeline import TABLES, Context
from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.loaders import iter_article_files, load_corpus

__all__ = ["ERRORS_KEPT", "TABLES", "ExtractResult", "extract_corpus", "input_items"]

#: The part record's count of control characters the loaders removed from the articles.
READ_CONTROL_COUNT = "n_control_characters_removed_on_read"
#: How many error rows the result of a run keeps in memory (all are in the errors table).
ERRORS_KEPT = 1000
#: Seconds one article may take before it is listed in errors instead (``--time-budget``).
TIME_BUDGET = 600.0

@dataclass(frozen=True, slots=True)
class ExtractResult:
    """What a corpus run did: counts per table, articles done, the first errors.

    ``errors`` holds the first :data:`ERRORS_KEPT` rows of the errors table (read it
    whole with ``read_table(out_dir, "errors")``); ``n_errors`` counts them all.
    ``n_control_characters_replaced`` counts the control characters replaced by U+FFFD
    in the written cells (every table, Parquet and CSV alike), and
    ``n_csv_cells_escaped`` the CSV cells given a leading ``'`` so a spreadsheet does
    not run them as formulas (0 without CSV copies); see :mod:`analysis.cells`.
    ``n_control_characters_removed`` counts the NUL and other control characters the
    loaders removed from the articles' text when reading them
    (:attr:`analysis.text.articles.Article.n_control_chars`; offsets index the cleaned text).
    """

    out_dir: Path
    n_articles: int
    rows: dict[str, int]
    errors: pd.DataFrame = field(repr=False)
    n_errors: int = 0
    seconds: float = 0.0
    n_control_characters_replaced: int = 0
    n_csv_cells_escaped: int = 0
    n_control_characters_removed: int = 0


def input_items(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    exclude: Iterable[str | os.PathLike[str]] = (),
    overrides: Iterable[Override] = (),
) -> Iterator[Item]:
    """Yield the articles of ``inputs`` and, in their place, a row for each that failed.

    This is how every command reads its inputs: a file or record that cannot be read
    and an article whose id an earlier one has (never merged), both given to
    ``on_error`` by :func:`analysis.load_corpus`, become rows of the errors table (path,
    article_id, error, message), in input order, and reading goes on. ``exclude`` names folders never read
    (a run's own output). When every input has been read, the ``overrides`` whose
    article_id no article has are warned about, one warning per overrides file
    (:class:`~analysis.actors.overrides.UnknownArticles`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("NATO met."), (root / "b.txt").write_text("")
    >>> [item.article_id if isinstance(item, Article) else item["error"]
    ...  for item in input_items(root)]
    ['a.txt', 'AnalysisError']
    """
    pending: list[ErrorRow] = []
    unknown = UnknownArticles(overrides)
    for article in load_corpus(inputs, on_error=lambda exc: pending.append(
            error_row(exc, None, None)), exclude=exclude):
        yield from pending
        pending.clear()
        unknown.saw(article.article_id)
        yield article
    yield from pending
    unknown.warn()


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class _Totals:
    """Counts of the run so far, from every part written (resumed parts included)."""

    tables: Sequence[str]
    n_articles: int = 0
    n_errors: int = 0
    n_inputs: int = 0
    n_control: int = 0
    n_escaped: int = 0
    n_removed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[ErrorRow] = field(default_factory=list)

    def add(self, record: dict[str, Any], errors: Sequence[ErrorRow] = ()) -> None:
        self.n_articles += int(record["n_articles"])
        self.n_errors += int(record["n_errors"])
        self.n_inputs += int(record["n_inputs"])
        self.n_control += int(record.get(CONTROL_COUNT, 0))  # parts of older runs lack them
        self.n_escaped += int(record.get(ESCAPED_COUNT, 0))
        self.n_removed += int(record.get(READ_CONTROL_COUNT, 0))
        for table in self.tables:
            self.rows[table] = self.rows.get(table, 0) + record["tables"][table]["rows"]
        room = ERRORS_KEPT - len(self.errors)
        if room > 0:
            self.errors.extend(errors[:room])


def _write(folder: OutputFolder, number: int, items: Sequence[Item], result: tuple,
           tables: Sequence[str], totals: _Totals) -> None:
    rows, errors, done, caught = result
    for message, category in caught:
        warnings.warn(message, category, stacklevel=2)
    frames = {table: conform(rows[table], table) for table in tables}
    frames["errors"] = conform(errors, "errors")
    removed = sum(item.n_control_chars for item in items if isinstance(item, Article))
    counts = {"n_inputs": len(items), "n_articles": done, "n_errors": len(errors),
              READ_CONTROL_COUNT: removed}
    record = folder.write_part(number, frames, counts)
    totals.add({**record, "tables": {t: record["tables"][t] for t in tables}}, errors)


def _input_files(
    inputs: Sequence[str | os.PathLike[str]], out_dir: Path
) -> list[tuple[str, os.stat_result]]:
    """Return every input file with its stat, in reading order, the output excluded."""
    files = []
    for given in map(Path, inputs):
        paths = iter_article_files(given, [out_dir]) if given.is_dir() else (
            [given] if given.is_file() else [])
        files.extend((str(path.resolve()), _stat(path)) for path in paths)
    return files


def _stat(path: Path) -> os.stat_result:
    """Return the stat of a file, or of the link itself when it points nowhere.

    A broken link is listed in errors when read; here it only needs a fingerprint.
    """
    try:
        return path.stat()
    except OSError:
        return path.lstat()


def _digest(lines: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8", "surrogateescape") + b"\n")  # any file name
    return digest.hexdigest()


def _progress_bar(enabled: bool | None, total: int) -> Any:
    """Return a tqdm bar over the input's bytes (rate and ETA), or None when not shown."""
    if enabled is None:
        enabled = sys.stderr.isatty() and not os.environ.get("CI")
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1024,
                file=sys.stderr, dynamic_ncols=True, smoothing=0.1, desc="extract")


def _advance(bar: Any, items: Sequence[Item]) -> None:
    """Move the bar by the text of a batch's articles (a resumed batch, or a Dask one)."""
    if bar is not None:
        bar.update(sum(len(item.text.encode("utf-8")) for item in items
                       if isinstance(item, Article)))


def extract_corpus(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    tables: Sequence[str] | None = None,
    batch_size: int = 1000,
    progress: bool | None = False,
    overrides: str | os.PathLike[str] | None = None,
    context: Context | None = None,
    workers: int = 1,
    dask: str | None = None,
    resume: bool = False,
    csv: bool = False,
    time_budget: float | None = TIME_BUDGET,
) -> ExtractResult:
    """Run the one annotation pass over a corpus and write its tables to ``out_dir``.

    Parameters
    ----------
    inputs : path or paths
        Article files and folders (see :func:`analysis.load_corpus`).
    out_dir : path
        Output folder: new, empty, or the output of an earlier run (replaced only when
        this run is complete; tables it does not write are kept). Any other non-empty
        folder is refused.
    tables : sequence of str, optional
        Subset of :data:`analysis.pipeline.TABLES` to write (default all); errors always.
    batch_size : int
        Inputs per part.
    progress : bool or None
        Show a progress bar on stderr (None: when stderr is a terminal, not under CI).
    overrides : path, optional
        A corrections CSV added to the corrections of ``context``; a malformed file
        stops the run before anything is written.
    context : Context, optional
        Registry, taxonomy, corrections and settings of the annotation pass
        (:class:`analysis.pipeline.Context`; default: the shipped data).
    workers : int
        Processes annotating batches (1: in this process). The CLI's default is every
        core.
    dask : str, optional
        Run the batches on a Dask cluster instead: ``"local"`` starts one on this
        machine, an address (``"tcp://host:8786"``) joins a running scheduler whose
        workers have this package installed.
    resume : bool
        Go on with an interrupted run in ``out_dir`` (same inputs and settings).
    csv : bool
        Also write CSV copies in ``out_dir/csv/<table>/``.
    time_budget : float or None
        Seconds one article may take; past it the article is listed in errors
        (``ArticleTimeout``) and the run goes on (None: no limit; applies where a signal
        can interrupt: this process and worker processes, not Dask threads).

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
    ['part-00000.parquet']
    """
    chosen = list(TABLES) if tables is None else list(tables)
    unknown = sorted(set(chosen) - set(TABLES))
    if unknown:
        raise AnalysisError(
            f"unknown table(s) {', '.join(unknown)}; choose from {', '.join(TABLES)}"
        )
    if batch_size < 1 or workers < 1:
        raise AnalysisError("batch_size and workers must be at least 1")
    if time_budget is not None and time_budget <= 0:
        raise AnalysisError("the time budget must be a positive number of seconds (or none)")
    context = context if context is not None else Context()
    if overrides is not None:
        context = replace(context, overrides=context.overrides + as_overrides(overrides))
    out = Path(out_dir)
    files = _input_files(_as_list(inputs), out)
    settings = {
        "inputs": [str(Path(p).resolve()) for p in _as_list(inputs)],
        # the input files as they are now (path, size, modification time): --resume
        # refuses to go on when one was added, removed or changed since
        "input_files": _digest(f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}"
                               for path, stat in files),
        "tables": chosen,
        "batch_size": batch_size,
        "csv": csv,
        # actors, taxonomy, corrections and targets the annotation pass uses
        "context": context.fingerprint(),
        "overrides": len(context.overrides),
        "targets": list(context.targets) if context.targets is not None else None,
    }
    started = time.perf_counter()
    totals = _Totals(chosen)
    job = Job(tuple(chosen), context, time_budget)
    with OutputFolder(out, settings=settings, resume=resume, csv=csv) as folder:
        for record in folder.records:  # resumed parts count as done
            totals.add({**record, "tables": {t: record["tables"][t] for t in chosen}})
        bar = _progress_bar(progress, sum(stat.st_size for _, stat in files))
        batches = _batches(input_items(inputs, exclude=[out], overrides=context.overrides),
                           batch_size)

        report = bar.update if bar is not None else None

        def write(number: int, items: list[Item], result: tuple) -> None:
            _write(folder, number, items, result, chosen, totals)
            if dask is not None:  # Dask workers report per batch, the others as they go
                _advance(bar, items)

        def skip(items: list[Item]) -> None:
            _advance(bar, items)

        try:
            if dask is not None:
                run_dask(batches, job, folder.done, write, skip, dask)
            elif workers == 1:
                run_serial(batches, job, folder.done, write, skip, report)
            else:
                run_pool(batches, job, folder.done, write, skip, workers, report)
            if bar is not None:
                bar.update(max(0, bar.total - bar.n) if bar.total else 0)
        finally:
            if bar is not None:
                bar.close()
        seconds = time.perf_counter() - started
        if totals.n_inputs == 0 and (out / MANIFEST).is_file():
            raise AnalysisError(
                "the inputs hold no articles (no .txt, .json, .jsonl, .csv or .html files), so the "
                "earlier run here is kept as it is; check the input paths", out)
        cells = {CONTROL_COUNT: totals.n_control, READ_CONTROL_COUNT: totals.n_removed}
        if csv:
            cells[ESCAPED_COUNT] = totals.n_escaped
        folder.complete({"n_inputs": totals.n_inputs, "n_articles": totals.n_articles,
                         "n_errors": totals.n_errors, "n_parts": len(folder.records), **cells})
    errors = replace_control_characters(conform(totals.errors, "errors")).frame  # as written
    return ExtractResult(out, totals.n_articles, {t: totals.rows.get(t, 0) for t in chosen},
                         errors, totals.n_errors, round(seconds, 3), totals.n_control,
                         totals.n_escaped, totals.n_removed)


def _as_list(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list:
    return [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
