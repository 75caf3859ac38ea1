"""Helpers shared by subcommands: reading inputs and printing tables."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.cells import replace_control_characters, write_csv
from analysis.errors import AnalysisError
from analysis.text.articles import Article
from analysis.text.document import unique_ids
from analysis.text.english import NotEnglishWarning
from analysis.text.loaders import load_corpus

if TYPE_CHECKING:
    from analysis.pipeline import Context

#: How many skipped articles a note names before it says "and N more".
MAX_NAMED = 5

__all__ = [
    "add_context_options",
    "add_format_option",
    "add_inputs_argument",
    "context_from_args",
    "iter_inputs",
    "note_not_english",
    "print_table",
]


def add_inputs_argument(parser: argparse.ArgumentParser, nargs: str = "+") -> None:
    """Add the positional INPUT argument: article files or folders."""
    parser.add_argument(
        "inputs",
        metavar="INPUT",
        nargs=nargs,
        type=Path,
        help="article file (.txt, .html, .json, .jsonl, .csv) or folder of them",
    )


def add_format_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--format`` (table, csv or json) for commands that print a table."""
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="how to print: aligned table for reading (default), csv or json lines",
    )


def add_context_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--actors-csv``, ``--taxonomy`` and ``--overrides``: the same on every subcommand.

    Each may be given several times. They build the one :class:`analysis.pipeline.Context`
    of the run (:func:`context_from_args`), so they mean the same for every table.
    """
    group = parser.add_argument_group("your own data (each option may be repeated)")
    group.add_argument(
        "--actors-csv", type=Path, action="append", default=[], metavar="FILE",
        help="your actors, organisations or dated roles, as a CSV with the columns of the "
        "shipped actors.csv or actor_roles.csv (the header says which), added to the shipped "
        "registry; give several files in any order",
    )
    group.add_argument(
        "--taxonomy", type=Path, action="append", default=[], metavar="FILE",
        help="your sector taxonomy CSV (columns id,label,aliases_en,aliases_ko,list_only,"
        "source,notes), added to the shipped one",
    )
    group.add_argument(
        "--overrides", type=Path, action="append", default=[], metavar="FILE",
        help="corrections CSV (article_id,what,offset,field,value) applied to every table it "
        "names (what = actors, quotes or sectors) on every run",
    )


def _existing_files(paths: Sequence[Path], option: str) -> list[Path]:
    for path in paths:
        if not path.is_file():
            raise AnalysisError(f"{option}: no such file; check the path", path)
    return list(paths)


def context_from_args(args: argparse.Namespace, targets: Sequence[str] | None = None) -> Context:
    """Return the run's :class:`analysis.pipeline.Context` from the shared options.

    A missing file is a usage error (exit 2, one line naming the file).
    """
    from analysis.pipeline import Context

    return Context.load(
        actors_csv=_existing_files(args.actors_csv, "--actors-csv"),
        taxonomy=_existing_files(args.taxonomy, "--taxonomy"),
        overrides=_existing_files(args.overrides, "--overrides"),
        targets=targets,
    )


@contextmanager
def note_not_english(what: str) -> Iterator[None]:
    """Gather the extractors' not-English warnings into one note on stderr.

    Each article not in English is named once (with its language), however many tables
    warned about it; ``what`` says what the package did with such articles. Other
    warnings pass through unchanged.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NotEnglishWarning)
        yield
    skipped: dict[str, None] = {}
    for warning in caught:
        if issubclass(warning.category, NotEnglishWarning):
            skipped.setdefault(str(warning.message).split("; ")[0].removesuffix(" is not English"))
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename,
                                   warning.lineno)
    if skipped:
        names = list(skipped)
        listed = "; ".join(names[:MAX_NAMED])
        more = f"; and {len(names) - MAX_NAMED} more" if len(names) > MAX_NAMED else ""
        print(f"note: skipped {len(names)} article(s) not in English ({listed}{more}): {what}",
              file=sys.stderr)


def iter_inputs(paths: Sequence[Path]) -> Iterator[Article]:
    """Yield the articles of the given paths; a missing path is a usage error (exit 2).

    Two different articles under one id stop the command with an error naming both.
    """
    for path in paths:
        if not path.exists():
            raise AnalysisError("no such file or folder; check the path", path)
    return unique_ids(load_corpus(paths))


def print_table(frame: pd.DataFrame, fmt: str = "table", title: str | None = None) -> None:
    """Print ``frame`` to stdout as an aligned table, CSV or JSON lines.

    Control characters in text cells are replaced by U+FFFD in every format (so no
    escape sequence reaches the terminal and no NUL a file), with a note on stderr
    saying how many; CSV also escapes cells a spreadsheet would run as formulas
    (:mod:`analysis.cells`: a leading ``'``, which JSON and the aligned table do not
    get).
    """
    out = sys.stdout
    safe = replace_control_characters(frame)
    if safe.n_control_characters:
        print(f"note: {safe.n_control_characters} control character(s) in the "
              f"{title or 'table'} replaced by U+FFFD", file=sys.stderr)
    frame = safe.frame
    if fmt == "csv":
        write_csv(frame, out)
        return
    if fmt == "json":
        dates = [c for c in frame.columns if str(frame[c].dtype).startswith("date32")]
        shown = frame.astype(dict.fromkeys(dates, "string")) if dates else frame  # ISO dates
        text = shown.to_json(orient="records", lines=True, force_ascii=False)
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
