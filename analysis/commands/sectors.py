"""``python -m analysis sectors``: the cooperation sectors an article names."""

from __future__ import annotations

import argparse

import pandas as pd

from analysis.commands._common import (
    INPUT_PROBLEMS_HELP,
    Inputs,
    add_context_options,
    add_format_option,
    add_inputs_argument,
    context_from_args,
    print_table,
)

HELP = "list the cooperation sectors each article names, and its programme statements"
DESCRIPTION = (
    "Print every sector mention (canonical sector id, label, offsets, the words as "
    "written, and whether it is an item of a programme's list of areas), then every "
    "programme statement (programme, stated count of areas, sectors listed, and whether "
    "fewer are listed than stated). --taxonomy adds your own sectors and aliases; "
    "--programmes prints the shipped programme x sector table (each programme area's "
    "source is in analysis/resources/sectors/programmes.csv)." + INPUT_PROBLEMS_HELP
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``sectors``."""
    add_inputs_argument(parser, nargs="*")
    parser.add_argument(
        "--programmes",
        action="store_true",
        help="also print the programme x sector table (included / not included / unknown)",
    )
    parser.add_argument(
        "--table",
        choices=("sectors", "statements", "both"),
        help="which table to print (default: both as aligned tables; the sectors table "
        "alone with --format csv or json, so the output is one table)",
    )
    add_format_option(parser)
    add_context_options(parser)


def _statement_summaries(statements: pd.DataFrame) -> list[str]:
    lines = []
    for row in statements.itertuples():
        name = row.acronym if isinstance(row.acronym, str) else (
            row.programme if isinstance(row.programme, str) else "programme not named"
        )
        stated = "no count stated" if pd.isna(row.stated_count) else (
            f"{row.stated_count} areas stated"
        )
        fewer = not pd.isna(row.fewer_listed) and bool(row.fewer_listed)
        flag = " (fewer listed than stated)" if fewer else ""
        lines.append(
            f"# {row.article_id}, sentence {row.sentence}: {name}: {stated}, "
            f"{row.n_listed} listed{flag}"
        )
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the sectors table and the programme statements of the inputs."""
    from analysis.errors import AnalysisError
    from analysis.pipeline import frames

    if not args.inputs and not args.programmes:
        raise AnalysisError("give at least one article file or folder (or --programmes)")
    context = context_from_args(args)
    which = args.table or ("both" if args.format == "table" else "sectors")
    inputs = Inputs(args.inputs, context)
    if args.inputs:
        tables = frames(["sectors", "programme_statements"], inputs, context)
        inputs.require_articles()
        if which in ("sectors", "both"):
            print_table(tables["sectors"], args.format, title="sectors")
        if which in ("statements", "both"):
            statements = tables["programme_statements"]
            if args.format == "table":
                summaries = _statement_summaries(statements)
                statements = statements.drop(columns=["start", "end", "year_source"])
            print_table(statements, args.format, title="programme statements")
            if args.format == "table" and summaries:
                print("\n".join(summaries))
    if args.programmes:
        from analysis.sectors.programmes import programme_table

        print_table(programme_table(taxonomy=context.taxonomy), args.format, title="programmes")
    return inputs.report()
