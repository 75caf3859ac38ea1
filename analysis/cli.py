"""Command line: ``python -m analysis SUBCOMMAND`` (also installed as ``analysis``).

Exit codes: 0 success; 2 usage errors, missing inputs and inputs of which nothing could
be read (one line on stderr per problem, no traceback); 1
(:data:`analysis.commands._common.EXIT_SKIPPED`) when ``quotes``, ``sectors``,
``sentiment`` or ``show`` left out input files or records they could not read (each named
on stderr, the output holds the rest), when ``extract --strict`` listed articles in its
errors table, or on an unexpected internal error; 130 when interrupted.

Each subcommand lives in ``analysis/commands/NAME.py`` with ``HELP`` (one line),
``configure(parser)`` and ``run(args) -> int``; a subcommand module imports the
extractors it needs inside ``run``, so building the parser (and ``--help``) stays fast.
Warnings (an override that matched no record, say) are printed as one line each,
``warning: MESSAGE``, without the source line Python would add.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence
from typing import TextIO

from analysis.errors import AnalysisError

__all__ = ["COMMANDS", "main"]

#: Subcommand name -> module in analysis.commands, in the order --help lists them.
COMMANDS: dict[str, str] = {
    "show": "show",
    "figures": "figures",
    "extract": "extract",
    "evaluate": "evaluate",
    "train-sentiment": "train_sentiment",
    "quotes": "quotes",
    "sectors": "sectors",
    "sentiment": "sentiment",
}


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line on stderr and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every subcommand configured."""
    from analysis import __version__

    parser = _Parser(
        prog="python -m analysis",
        description=(
            "Quotes, speakers, cooperation sectors and tone in diplomatic news. "
            "Run a subcommand with --help for its options."
        ),
    )
    parser.add_argument("--version", action="version", version=f"analysis {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f"analysis.commands.{module_name}")
        sub = subparsers.add_parser(
            name, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP)
        )
        module.configure(sub)
        sub.set_defaults(_run=module.run)
    return parser


def _subcommand_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _one_line_warning(message: Warning | str, category: type[Warning], filename: str,
                      lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
    """Print a warning as a user reads it: one line on stderr, no source line."""
    print(f"warning: {message}", file=file if file is not None else sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "_run", None) is None:
        names = ", ".join(_subcommand_names(parser))
        print(f"{parser.prog}: error: choose a subcommand ({names}); see --help", file=sys.stderr)
        return 2
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _one_line_warning
            return int(args._run(args) or 0)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `python -m analysis quotes FILE | head`
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
