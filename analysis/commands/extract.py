"""``python -m analysis extract``: write every table of a corpus to Parquet and CSV."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis.commands._common import (
    add_context_options,
    add_inputs_argument,
    context_from_args,
    note_not_english,
)
from analysis.corpus import ExtractResult, extract_corpus
from analysis.corpus.runner import TIME_BUDGET
from analysis.errors import AnalysisError
from analysis.pipeline import TABLES, Context

HELP = "write the tables of a corpus (articles, sentences, quotes, ...) as Parquet + CSV"
DESCRIPTION = (
    "Read every article in the inputs, annotate each once on every core, and write the "
    f"tables ({', '.join(TABLES)}, errors) as OUT/<table>/part-NNNNN.parquet (CSV copies "
    "in OUT/csv/ with --csv), then OUT/_manifest.json last. Nothing is visible before the "
    "run is complete: an earlier run in OUT stays readable until then, and an interrupted "
    "run goes on with --resume. OUT must be new, empty or an earlier run's output. Bad "
    "articles are listed in the errors table and the run goes on (exit 0; exit 1 with "
    "--strict)."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``extract``."""
    add_inputs_argument(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    parser.add_argument("--tables", nargs="+", choices=list(TABLES), metavar="TABLE",
                        help=f"only these tables (default all: {', '.join(TABLES)})")
    parser.add_argument("--batch-size", type=int, default=1000, metavar="N",
                        help="articles per part file (default 1000)")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 if any article could not be read or processed")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="processes annotating in parallel (default: every core, "
                        f"{os.cpu_count()} here; 1 runs in this process)")
    parser.add_argument("--dask", metavar="local|ADDRESS",
                        help="run on a Dask cluster instead: 'local' starts one on this machine, "
                        "an address (tcp://host:8786) joins a running scheduler whose workers "
                        "have this package installed (needs the dask extra)")
    parser.add_argument("--time-budget", type=float, default=TIME_BUDGET, metavar="SECONDS",
                        help="seconds one article may take before it is listed in errors and "
                        f"the run goes on (default {TIME_BUDGET:g}; 0 for no limit)")
    parser.add_argument("--resume", action="store_true",
                        help="go on with an interrupted run into OUT (same inputs and options)")
    parser.add_argument("--csv", action="store_true",
                        help="also write CSV copies of every table in OUT/csv/<table>/ "
                        "(without it, a run into an earlier OUT removes the copies of the "
                        "tables it replaces)")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--progress", action="store_true",
                       help="show a progress bar (default: on a terminal, not under CI)")
    shown.add_argument("--quiet", action="store_true", help="no progress bar")
    add_context_options(parser)


def run(args: argparse.Namespace) -> int:
    """Run the corpus extraction and summarise it on stderr."""
    for path in args.inputs:
        if not path.exists():
            raise AnalysisError("no such file or folder; check the path", path)
    if args.batch_size < 1:
        raise AnalysisError("--batch-size must be at least 1")
    if args.time_budget < 0:
        raise AnalysisError("--time-budget must be 0 (no limit) or a positive number of seconds")
    workers = args.workers if args.workers is not None else (os.cpu_count() or 1)
    if workers < 1:
        raise AnalysisError("--workers must be at least 1")
    progress = False if args.quiet else (True if args.progress else None)
    context = context_from_args(args)
    try:
        result = _extract(args, context, workers, progress)
    except KeyboardInterrupt:
        print(f"interrupted: nothing new is visible in {args.out}; run the same command with "
              "--resume to go on where it stopped", file=sys.stderr)
        return 130
    return _summarise(args, result)


def _extract(args: argparse.Namespace, context: Context, workers: int,
             progress: bool | None) -> ExtractResult:
    with note_not_english("they have rows in articles, sentences (unscored), actors and sectors, "
                          "and in quotes when Korean, none in targets; VADER and the target "
                          "model read English only, the quote rules English and Korean"):
        result = extract_corpus(
            args.inputs, args.out, tables=args.tables, batch_size=args.batch_size,
            progress=progress, context=context, workers=workers, dask=args.dask,
            resume=args.resume, csv=args.csv, time_budget=args.time_budget or None,
        )
    return result


def _summarise(args: argparse.Namespace, result: ExtractResult) -> int:
    counts = ", ".join(f"{table} {n}" for table, n in result.rows.items())
    print(f"{result.n_articles} articles -> {result.out_dir} in {result.seconds:.1f} s: {counts}",
          file=sys.stderr)
    for line in _cell_notes(result):
        print(line, file=sys.stderr)
    if result.n_errors:
        problems = "problem" if result.n_errors == 1 else "problems"
        print(f"{result.n_errors} {problems}, listed in {result.out_dir / 'errors'}:",
              file=sys.stderr)
        for row in result.errors.head(20).itertuples(index=False):
            print(f"  {row.path or row.article_id}: {row.error}: {row.message}", file=sys.stderr)
        if result.n_errors > 20:
            print(f"  ... and {result.n_errors - 20} more", file=sys.stderr)
    return 1 if (args.strict and result.n_errors) else 0


def _cell_notes(result: ExtractResult) -> list[str]:
    """Say what the writer changed in the cells: control characters, escaped formulas."""
    notes = []
    if result.n_control_characters_removed:
        notes.append(f"{result.n_control_characters_removed} control character(s) (NUL and the "
                     "like) removed from the articles' text on reading (offsets index the "
                     "cleaned text)")
    if result.n_control_characters_replaced:
        notes.append(f"{result.n_control_characters_replaced} control character(s) in the "
                     "tables' text replaced by U+FFFD (one for one, so offsets hold)")
    if result.n_csv_cells_escaped:
        notes.append(f"{result.n_csv_cells_escaped} CSV cell(s) starting like a formula "
                     "(=, +, -, @) escaped with a leading ' (the Parquet tables hold the "
                     "true values)")
    return notes
