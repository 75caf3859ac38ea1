"""``python -m analysis sentiment``: the tone of every sentence and toward every target."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from analysis.commands._common import (
    INPUT_PROBLEMS_HELP,
    Inputs,
    add_context_options,
    add_format_option,
    add_inputs_argument,
    context_from_args,
    note_not_english,
    print_table,
)

if TYPE_CHECKING:
    import pandas as pd

HELP = "print the tone of each sentence (VADER) and toward each actor or target"
DESCRIPTION = (
    "Print two tables: every sentence with NLTK VADER's compound score beside the score "
    "with actor and organisation names masked (compound_masked), and every mention of a "
    "registry actor or country (or of the --targets given) with the tone of its sentence "
    "toward it (label, score = P(positive) - P(negative)) and its offsets. VADER is a weak "
    "judge of news; see docs/evaluation.md for measured scores. A sentence or mention that "
    "is not English keeps its row with empty scores and the reason in 'unscored'. With "
    "--summary, also the tone per target: the averaged class probabilities and their most "
    "probable label, the share of each label, the mean score with n, the number unscored "
    "and a bootstrap 95% interval (small n flagged); never a thresholded mean."
    + INPUT_PROBLEMS_HELP
)

TABLES = ("sentences", "targets")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``sentiment``."""
    add_inputs_argument(parser)
    parser.add_argument(
        "--targets",
        nargs="+",
        metavar="NAME",
        help="score only these targets (a registry name or alias stands for all its "
        "mentions; any other string is matched literally)",
    )
    parser.add_argument(
        "--table",
        choices=(*TABLES, "all"),
        default="all",
        help="which table to print (default: all; pick one for --format csv or json)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="also print the tone toward each target: averaged class probabilities, label "
        "shares, n and a 95%% interval",
    )
    add_format_option(parser)
    add_context_options(parser)


def run(args: argparse.Namespace) -> int:
    """Print the sentences and targets tables of the inputs."""
    from analysis.pipeline import frames
    from analysis.sentiment.aggregates import tone_by_target

    context = context_from_args(args, targets=args.targets)
    chosen = TABLES if args.table == "all" else (args.table,)
    needed = [t for t in TABLES if t in chosen or (t == "targets" and args.summary)]
    inputs = Inputs(args.inputs, context)
    with note_not_english("their sentences are listed without scores and no targets are "
                          "scored; VADER and the target model read English only"):
        tables = frames(needed, inputs, context)
    inputs.require_articles()
    printed = 0
    if "sentences" in chosen:
        _separate(printed, args.format)
        sentences = tables["sentences"]
        if args.format == "table":
            sentences["text"] = sentences["text"].map(_shorten).astype("string")
        print_table(sentences, args.format, title="sentences")
        printed += 1
    if "targets" in chosen or args.summary:
        targets = tables["targets"]
        _report_unfound(args.targets, targets)
        if "targets" in chosen:
            _separate(printed, args.format)
            print_table(targets, args.format, title="targets")
            printed += 1
        if args.summary:
            _separate(printed, args.format)
            print_table(tone_by_target(targets), args.format, title="tone by target")
    return inputs.report()


def _report_unfound(asked: list[str] | None, targets: pd.DataFrame) -> None:
    """Say on stderr which requested targets were never mentioned (n = 0 is a result too)."""
    unfound = [name for name in asked or () if name not in set(targets["target"].dropna())]
    if unfound:
        print(f"no mentions found of: {', '.join(unfound)}", file=sys.stderr)


def _separate(printed: int, fmt: str) -> None:
    """Put a blank line between two tables (table format) so they read apart."""
    if printed and fmt == "table":
        sys.stdout.write("\n")


_SHOWN_CHARS = 60


def _shorten(text: str) -> str:
    """Cut a sentence to its first words for the aligned table (CSV/JSON keep it whole)."""
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1].rstrip() + "…"
