"""``python -m analysis quotes``: every quote with its speaker, kind and offsets."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.commands._common import (
    add_format_option,
    add_inputs_argument,
    iter_inputs,
    print_table,
)
from analysis.errors import AnalysisError
from analysis.text.articles import Article

HELP = "list quotes (direct, partial, indirect, title, scare) with speakers and offsets"
DESCRIPTION = (
    "Extract the quotes of English articles with analysis.quotes.extract (rule-based; see "
    "docs/evaluation.md for its measured accuracy) and print them: kind, speaker as "
    "written, the actor it resolves to, speech verb, offsets and the quoted text. "
    "--format table shortens the text to fit; csv and json print the full quotes table. "
    "Articles not in English are skipped with a note on stderr."
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
    parser.add_argument(
        "--actors-csv", type=Path, metavar="FILE",
        help="your own actors CSV, added to the shipped actor list to resolve speakers",
    )
    parser.add_argument(
        "--overrides", type=Path, metavar="FILE",
        help="corrections CSV (article_id,what,offset,field,value) applied to the quotes",
    )


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


def _note_skipped(messages: list[str]) -> None:
    """Print one note for the articles the extractor skipped as not English."""
    if not messages:
        return
    listed = "; ".join(messages[:5])
    more = f"; and {len(messages) - 5} more" if len(messages) > 5 else ""
    print(f"note: skipped {len(messages)} article(s) not in English ({listed}{more}); "
          "the quote rules read English only", file=sys.stderr)


def _extract(articles: Iterable[Article], registry: object, overrides: object) -> pd.DataFrame:
    """Return the quotes table, turning the extractor's not-English warnings into a note."""
    from analysis.quotes.extract import NotEnglishWarning, quotes_frame

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NotEnglishWarning)
        quotes = quotes_frame(articles, registry=registry, overrides=overrides)
    skipped = [str(w.message) for w in caught if issubclass(w.category, NotEnglishWarning)]
    for other in caught:
        if not issubclass(other.category, NotEnglishWarning):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    _note_skipped([message.split("; ")[0] for message in skipped])
    return quotes


def _existing(path: Path | None, what: str) -> Path | None:
    if path is not None and not path.is_file():
        raise AnalysisError(f"{what} file not found; check the path", path)
    return path


def _readable(quotes: pd.DataFrame, with_article: bool) -> pd.DataFrame:
    columns = (["article_id"] if with_article else []) + list(TABLE_COLUMNS)
    frame = quotes[columns].copy()
    frame["text"] = frame["text"].map(shorten).astype("string")
    return frame


def run(args: argparse.Namespace) -> int:
    """Print the quotes table (and the speakers table with ``--speakers``)."""
    actors_csv = _existing(args.actors_csv, "actors CSV")
    overrides_csv = _existing(args.overrides, "overrides CSV")
    for path in args.inputs:
        if not path.exists():
            raise AnalysisError("no such file or folder; check the path", path)
    from analysis.actors.overrides import load_overrides
    from analysis.actors.registry import ActorRegistry  # the extractor's imports, paid only here
    from analysis.quotes.speakers import speakers_frame

    registry = ActorRegistry.load(extra=actors_csv) if actors_csv else None
    overrides = load_overrides(overrides_csv) if overrides_csv else None
    quotes = _extract(iter_inputs(args.inputs), registry, overrides)
    if args.format != "table":
        print_table(speakers_frame(quotes) if args.speakers else quotes, args.format)
        return 0
    several = quotes["article_id"].nunique() > 1
    print_table(_readable(quotes, several), "table", title="quotes")
    if args.speakers:
        speakers = speakers_frame(quotes)
        columns = (["article_id"] if several else []) + list(SPEAKER_COLUMNS)
        print_table(speakers[columns], "table", title="speakers (speech quotes only)")
    return 0
