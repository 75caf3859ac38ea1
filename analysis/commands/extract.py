"""``python -m analysis extract``: write every table of a corpus to Parquet and CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.commands._common import (
    add_context_options,
    add_inputs_argument,
    context_from_args,
    note_not_english,
)
from analysis.corpus import extract_corpus
from analysis.errors import AnalysisError
from analysis.pipeline import TABLES

HELP = "write the tables of a corpus (articles, sentences, quotes, ...) as Parquet + CSV"
DESCRIPTION = (
    "Read every article in the inputs, run every extractor, and write the tables "
    f"({', '.join(TABLES)}, errors) as OUT/<table>/part-NNNNN.parquet with a .csv "
    "twin, then OUT/_manifest.json last. Bad articles are listed in the errors table and "
    "the run goes on (exit 0; exit 1 with --strict)."
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
    parser.add_argument("--progress", action="store_true", help="show a progress bar")
    add_context_options(parser)


def run(args: argparse.Namespace) -> int:
    """Run the corpus extraction and summarise it on stderr."""
    for path in args.inputs:
        if not path.exists():
            raise AnalysisError("no such file or folder; check the path", path)
    if args.batch_size < 1:
        raise AnalysisError("--batch-size must be at least 1")
    context = context_from_args(args)
    with note_not_english("they have rows in articles, sentences (unscored), actors and sectors, "
                          "none in quotes or targets; the quote rules, VADER and the target "
                          "model read English only"):
        result = extract_corpus(
            args.inputs, args.out, tables=args.tables, batch_size=args.batch_size,
            progress=args.progress, context=context,
        )
    counts = ", ".join(f"{table} {n}" for table, n in result.rows.items())
    print(f"{result.n_articles} articles -> {result.out_dir}: {counts}", file=sys.stderr)
    if result.n_errors:
        print(f"{result.n_errors} problems, listed in {result.out_dir / 'errors'}:", file=sys.stderr)
        for row in result.errors.head(20).itertuples(index=False):
            print(f"  {row.path or row.article_id}: {row.error}: {row.message}", file=sys.stderr)
        if result.n_errors > 20:
            print(f"  ... and {result.n_errors - 20} more", file=sys.stderr)
    return 1 if (args.strict and result.n_errors) else 0
