"""``python -m analysis figures``: rebuild every registered figure."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.commands._common import add_context_options, context_from_args, note_not_english
from analysis.figures import FigureInputs, build_figures, registered_figures

HELP = "rebuild every registered figure (PNG, SVG and CSV) from data/raw"
DESCRIPTION = (
    "Rebuild the registered figures from the raw-data folder into the output folder: "
    "NAME.png, NAME.svg and NAME.csv for each, plus README.md listing their captions. "
    "The same inputs give the same bytes."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``figures``."""
    parser.add_argument("--raw", type=Path, default=Path("data/raw"),
                        help="raw-data folder (default: data/raw)")
    parser.add_argument("--out", type=Path, default=Path("figures"),
                        help="output folder (default: figures)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="build only these figures")
    parser.add_argument("--list", action="store_true", help="list the registered figures and exit")
    add_context_options(parser)


def run(args: argparse.Namespace) -> int:
    """Build the figures and print what was written."""
    if args.list:
        for spec in registered_figures():
            print(f"{spec.name}\t{spec.title}")
        return 0
    if not args.raw.is_dir():
        from analysis.errors import AnalysisError

        raise AnalysisError("raw-data folder not found; pass --raw DIR", args.raw)
    context = context_from_args(args)
    inputs = FigureInputs(args.raw, context=context)
    with note_not_english("figures of tone leave them out, and figures of quotes unless they "
                          "are Korean; VADER and the target model read English only"):
        written = build_figures(inputs, args.out, args.only)
    _warn_unknown_articles(inputs)
    for path in written:
        print(path)
    print(f"wrote {len(written)} files to {args.out}", file=sys.stderr)
    return 0


def _warn_unknown_articles(inputs: FigureInputs) -> None:
    """Warn about the --overrides rows whose article_id names no article under --raw."""
    if not inputs.context.overrides:
        return
    from analysis.actors.overrides import warn_unknown_articles

    warn_unknown_articles(inputs.context.overrides, (
        document.article_id for document in (*inputs.documents, *inputs.illustrative)))
