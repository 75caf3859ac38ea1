"""``python -m analysis quotes``: every quote with its speaker, kind and offsets."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

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
    from analysis.pipeline import Context
from analysis.text.articles import Article

HELP = "list quotes (direct, partial, indirect, title, scare) with speakers and offsets"
DESCRIPTION = (
    "Extract the quotes of English and Korean articles with analysis.quotes.extract "
    "(rule-based; see "
    "docs/evaluation.md for its measured accuracy) and print them: kind, speaker as "
    "written, the actor it resolves to, speech verb, offsets and the quoted text. "
    "--format table shortens the text to fit; csv and json print the full quotes table. "
    "Articles in other languages are skipped with a note on stderr." + INPUT_PROBLEMS_HELP
)

#: Columns of the readable table, in order; ``text`` is shortened to TEXT_WIDTH.
TABLE_COLUMNS = ("quote", "kind", "speaker", "actor", "cue", "start", "end", "text")
SPEAKER_COLUMNS = (
    "actor", "speaker", "role", "affiliation", "n_quotes", "n_words", "first_start", "last_start",
)
TEXT_WIDTH = 60


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``quotes``."""
    add_inputs_argument(parser)
    add_format_option(parser)
    parser.add_argument(
        "--speakers",
        action="store_true",
        help="also print the speakers table (with csv/json: print it instead of the quotes)",
    )
    add_context_options(parser)


def shorten(text: object, width: int = TEXT_WIDTH) -> object:
    """Return ``text`` cut to ``width`` characters with an ellipsis, one line.

    Examples
    --------
    >>> shorten("Korea is a very highly valued partner of NATO", 20)
    'Korea is a very hig…'
    >>> shorten(None) is None
    True
    """
    if not isinstance(text, str):
        return text
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _extract(articles: Iterable[Article], context: Context) -> pd.DataFrame:
    """Return the quotes table, turning the extractor's not-English warnings into a note."""
    from analysis.pipeline import frame

    with note_not_english("the quote rules read English and Korean only"):
        return frame("quotes", articles, context)


def _readable(quotes: pd.DataFrame, with_article: bool) -> pd.DataFrame:
    columns = (["article_id"] if with_article else []) + list(TABLE_COLUMNS)
    frame = quotes[columns].copy()
    frame["text"] = frame["text"].map(shorten).astype("string")
    return frame


def run(args: argparse.Namespace) -> int:
    """Print the quotes table (and the speakers table with ``--speakers``)."""
    context = context_from_args(args)
    inputs = Inputs(args.inputs, context)
    from analysis.quotes.speakers import speakers_frame

    quotes = _extract(inputs, context)
    inputs.require_articles()
    if args.format != "table":
        print_table(speakers_frame(quotes) if args.speakers else quotes, args.format)
        return inputs.report()
    several = quotes["article_id"].nunique() > 1
    print_table(_readable(quotes, several), "table", title="quotes")
    if args.speakers:
        speakers = speakers_frame(quotes)
        columns = (["article_id"] if several else []) + list(SPEAKER_COLUMNS)
        print_table(speakers[columns], "table", title="speakers (speech quotes only)")
    return inputs.report()
