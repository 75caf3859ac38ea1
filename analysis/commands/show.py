"""``python -m analysis show``: an article's metadata, paragraphs and sentences.

With ``--html`` it writes the evidence page instead
(:func:`analysis.figures.evidence.evidence_page`): the articles with quotes coloured by
speaker, sectors, programme lists and tone marked, and tables linking to each place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
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
from analysis.errors import AnalysisError
from analysis.text.document import as_document
from analysis.text.structure import articles_frame, structure_frame

if TYPE_CHECKING:
    from analysis.pipeline import Context

HELP = "show articles as the package reads them: metadata and sentences, or an HTML page"
DESCRIPTION = (
    "Print each article's metadata and its sentences with offsets, as the package "
    "segments them. Use it to check a file before a corpus run. With --html, write an "
    "evidence page instead: one standalone HTML file (no network) with each article's "
    "quotes coloured by speaker, sector mentions, programme lists and sentence tone "
    "marked, and tables whose rows link to their place in the text." + INPUT_PROBLEMS_HELP
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``show``."""
    add_inputs_argument(parser)
    parser.add_argument(
        "--sentences", action="store_true", help="also list every sentence with its offsets"
    )
    parser.add_argument(
        "--actors", action="store_true",
        help="also list every actor mention with the actor it resolves to on the article's date",
    )
    parser.add_argument(
        "--html", action="store_true",
        help="write the evidence page (HTML) instead of printing tables: to --out, "
        "else to stdout",
    )
    parser.add_argument(
        "--out", type=Path, metavar="PAGE.html",
        help="with --html: the file to write the page to",
    )
    parser.add_argument("--title", help="with --html: the page title")
    add_format_option(parser)
    add_context_options(parser)


def run(args: argparse.Namespace) -> int:
    """Print the articles table (and sentences with ``--sentences``, actors with ``--actors``)."""
    if not args.html and (args.out is not None or args.title is not None):
        raise AnalysisError("--out and --title go with --html; add --html to write the page")
    context = context_from_args(args)
    inputs = Inputs(args.inputs, context)
    if args.html:
        return _write_page(args, context, inputs)
    documents = [as_document(article) for article in inputs]
    inputs.require_articles()
    print_table(articles_frame(documents), args.format, title="articles")
    if args.sentences:
        frame = structure_frame(documents)
        texts = [doc.text for doc in documents for _ in doc.sentences]
        frame["text"] = [t[s:e] for t, s, e in zip(texts, frame["start"], frame["end"], strict=True)]
        print_table(frame, args.format, title="sentences")
    if args.actors:
        from analysis.pipeline import frame as table

        print_table(table("actors", documents, context), args.format, title="actors")
    return inputs.report()


def _write_page(args: argparse.Namespace, context: Context, inputs: Inputs) -> int:
    """Write the evidence page of the inputs to ``--out`` (or stdout)."""
    from analysis.figures.evidence import evidence_page

    with note_not_english("their tone is not marked, nor their quotes unless Korean (VADER "
                          "reads English only, the quote rules English and Korean)"):
        documents = [as_document(article) for article in inputs]
        inputs.require_articles()
        page = evidence_page(documents, context=context, title=args.title)
    if args.out is None:
        sys.stdout.write(page.html)
        return inputs.report()
    page.write(args.out)
    count = len(documents)
    print(f"wrote {args.out}: evidence page of {count} article{'s' if count != 1 else ''}")
    return inputs.report()
