"""``python -m analysis show``: an article's metadata, paragraphs and sentences."""

from __future__ import annotations

import argparse

from analysis.commands._common import (
    add_context_options,
    add_format_option,
    add_inputs_argument,
    context_from_args,
    iter_inputs,
    print_table,
)
from analysis.text.document import as_document
from analysis.text.structure import articles_frame, structure_frame

HELP = "show articles as the package reads them: metadata and sentences"
DESCRIPTION = (
    "Print each article's metadata and its sentences with offsets, as the package "
    "segments them. Use it to check a file before a corpus run."
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
    add_format_option(parser)
    add_context_options(parser)


def run(args: argparse.Namespace) -> int:
    """Print the articles table (and sentences with ``--sentences``, actors with ``--actors``)."""
    context = context_from_args(args)
    documents = [as_document(article) for article in iter_inputs(args.inputs)]
    print_table(articles_frame(documents), args.format, title="articles")
    if args.sentences:
        frame = structure_frame(documents)
        texts = [doc.text for doc in documents for _ in doc.sentences]
        frame["text"] = [t[s:e] for t, s, e in zip(texts, frame["start"], frame["end"], strict=True)]
        print_table(frame, args.format, title="sentences")
    if args.actors:
        from analysis.pipeline import frame as table

        print_table(table("actors", documents, context), args.format, title="actors")
    return 0
