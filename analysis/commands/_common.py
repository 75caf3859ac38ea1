"""Helpers shared by subcommands: reading inputs and printing tables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError
from analysis.text.articles import Article, load_corpus

__all__ = ["add_format_option", "add_inputs_argument", "iter_inputs", "print_table"]


def add_inputs_argument(parser: argparse.ArgumentParser, nargs: str = "+") -> None:
    """Add the positional INPUT argument: article files or folders."""
    parser.add_argument(
        "inputs",
        metavar="INPUT",
        nargs=nargs,
        type=Path,
        help="article file (.txt, .json, .jsonl, .csv) or folder of them",
    )


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--format`` (table, csv or json) for commands that print a table."""
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="how to print: aligned table for reading (default), csv or json lines",
    )


def iter_inputs(paths: Sequence[Path]) -> Iterator[Article]:
    """Yield the articles of the given paths; a missing path is a usage error (exit 2)."""
    for path in paths:
        if not path.exists():
            raise AnalysisError("no such file or folder; check the path", path)
    return load_corpus(paths)


def print_table(frame: pd.DataFrame, fmt: str = "table", title: str | None = None) -> None:
    """Print ``frame`` to stdout as an aligned table, CSV or JSON lines."""
    out = sys.stdout
    if fmt == "csv":
        frame.to_csv(out, index=False, lineterminator="\n")
        return
    if fmt == "json":
        text = frame.to_json(orient="records", lines=True, force_ascii=False)
        out.write(text if text.endswith("\n") or not text else text + "\n")
        return
    if title:
        out.write(f"# {title} ({len(frame)} rows)\n")
    if frame.empty:
        out.write("(none)\n")
        return
    with pd.option_context(
        "display.max_rows", None, "display.max_columns", None, "display.width", 200,
        "display.max_colwidth", 60,
    ):
        out.write(frame.to_string(index=False) + "\n")
