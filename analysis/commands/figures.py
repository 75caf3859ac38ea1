"""``python -m analysis figures``: rebuild every registered figure."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis.commands._common import (
    INPUT_PROBLEMS_HELP,
    Inputs,
    add_context_options,
    context_from_args,
    note_not_english,
    report_inputs,
)
from analysis.errors import AnalysisError
from analysis.figures import FigureInputs, build_figures, registered_figures
from analysis.text.articles import Article

HELP = "rebuild every registered figure (PNG, SVG and CSV) from data/raw"
DESCRIPTION = (
    "Rebuild the registered figures from the raw-data folder into the output folder: "
    "NAME.png, NAME.svg and NAME.csv for each, plus README.md listing their captions. "
    "The same inputs give the same bytes. The research articles are read from "
    "RAW/articles/, or, when RAW has no articles/ subfolder, from RAW itself (every "
    "article file below it but RAW/illustrative/ and the output folder); RAW/illustrative/, "
    "when present, is the corpus of the corpus figures." + INPUT_PROBLEMS_HELP
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``figures``."""
    parser.add_argument("--raw", type=Path, default=Path("data/raw"),
                        help="raw-data folder (default: data/raw)")
    parser.add_argument("--out", type=Path, default=Path("figures"),
                        help="output folder (default: figures)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="build only these figures")
    parser.add_argument("--article", metavar="ID",
                        help="the article the single-article figures show: its article_id, or "
                             "its position from 0 (default: the first research article in "
                             "sorted order)")
    parser.add_argument("--list", action="store_true", help="list the registered figures and exit")
    add_context_options(parser)


def run(args: argparse.Namespace) -> int:
    """Build the figures and print what was written."""
    if args.list:
        for spec in registered_figures():
            print(f"{spec.name}\t{spec.title}")
        return 0
    if not args.raw.is_dir():
        raise AnalysisError("raw-data folder not found; pass --raw DIR", args.raw)
    context = context_from_args(args)
    readers: list[Inputs] = []

    def read(folder: Path, exclude: Sequence[Path]) -> list[Article]:
        reader = Inputs([folder], exclude=exclude)  # lists and skips each bad input
        readers.append(reader)
        return list(reader)

    inputs = FigureInputs(args.raw, context=context, reader=read, exclude=(args.out,),
                          primary_choice=args.article)
    if not inputs.documents and readers and readers[0].skipped:
        readers[0].require_articles()  # nothing readable: name every input, exit 2
    if args.article is not None:
        try:
            _ = inputs.primary  # an article not there fails here, listing the ids
        except AnalysisError:
            report_inputs(readers)  # it may be one of the inputs left out: say which
            raise
    with note_not_english("figures of tone leave them out, and figures of quotes unless they "
                          "are Korean; VADER and the target model read English only"):
        written = build_figures(inputs, args.out, args.only)
    _warn_unknown_articles(inputs)
    for path in written:
        print(path)
    print(f"wrote {len(written)} files to {args.out}", file=sys.stderr)
    return report_inputs(readers)


def _warn_unknown_articles(inputs: FigureInputs) -> None:
    """Warn about the --overrides rows whose article_id names no article under --raw."""
    if not inputs.context.overrides:
        return
    from analysis.actors.overrides import warn_unknown_articles

    warn_unknown_articles(inputs.context.overrides, (
        document.article_id for document in (*inputs.documents, *inputs.illustrative)))
