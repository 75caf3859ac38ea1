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
from analysis.text.english import NotEnglishWarning

if TYPE_CHECKING:
    from analysis.pipeline import Context

#: How many skipped articles a note names before it says "and N more".
MAX_NAMED = 5
#: Exit code of a command that printed its output for the articles it read but left out
#: some input files or records it could not read (each named on stderr). Usage errors,
#: missing inputs and inputs of which nothing could be read exit 2.
EXIT_SKIPPED = 1
#: What every command reading articles does with a bad input (ends its --help text).
INPUT_PROBLEMS_HELP = (
    " A file or record that cannot be read (empty, a PDF, a malformed JSON line or CSV "
    "row, an id an earlier article has) is left out and named on stderr, one line each "
    "with the message extract's errors table gives it; the other articles are read and "
    f"printed, and the exit code is then {EXIT_SKIPPED}. When nothing at all can be read, "
    "or an input path does not exist, the command stops with exit code 2."
)

__all__ = [
    "EXIT_SKIPPED",
    "INPUT_PROBLEMS_HELP",
    "Inputs",
    "add_context_options",
    "add_format_option",
    "add_inputs_argument",
    "context_from_args",
    "note_not_english",
    "print_table",
    "report_inputs",
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


class Inputs:
    """The articles of a command's INPUT paths, read as ``extract`` reads them.

    Iterating yields every article that could be read, in input order
    (:func:`analysis.corpus.runner.input_items`, the corpus run's reader); each file or
    record that could not be read, and each article whose id an earlier one has, is
    kept in :attr:`skipped` as its row of the errors table (path, article_id, error,
    message) and reading goes on. After the command has read the inputs,
    :meth:`require_articles` stops it when nothing could be read, and :meth:`report`
    names every skipped input on stderr and returns the exit code.

    Parameters
    ----------
    paths : sequence of Path
        Files and folders; a missing one is a usage error (exit 2), raised at once.
    context : Context, optional
        The run's context: its overrides naming no article read are warned about once
        every input has been read, as in a corpus run.
    exclude : sequence of Path
        Folders never read (a command's own output folder inside an input).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("NATO met."), (root / "b.txt").write_text("")
    >>> inputs = Inputs([root])
    >>> [article.article_id for article in inputs], inputs.n_read
    (['a.txt'], 1)
    >>> [row["path"].endswith("b.txt") for row in inputs.skipped]
    [True]
    """

    def __init__(self, paths: Sequence[Path], context: Context | None = None,
                 exclude: Sequence[Path] = ()) -> None:
        for path in paths:
            if not path.exists():
                raise AnalysisError("no such file or folder; check the path", path)
        self.paths = list(paths)
        self.exclude = list(exclude)
        self.overrides = context.overrides if context is not None else ()
        self.skipped: list[dict[str, str | None]] = []
        self.n_read = 0

    def __iter__(self) -> Iterator[Article]:
        from analysis.corpus.runner import input_items

        self.skipped, self.n_read = [], 0
        for item in input_items(self.paths, exclude=self.exclude, overrides=self.overrides):
            if isinstance(item, Article):
                self.n_read += 1
                yield item
            else:
                self.skipped.append(item)

    def require_articles(self) -> None:
        """Stop the command (exit 2) when no article could be read from the inputs.

        One bad input alone is the error itself (one line); several are named on
        stderr first, one line each.
        """
        if self.n_read:
            return
        if len(self.skipped) == 1:
            raise AnalysisError(str(self.skipped[0]["message"]), _where(self.skipped[0]))
        if not self.skipped:
            raise AnalysisError("the inputs hold no articles (no .txt, .json, .jsonl, .csv or "
                                ".html files); check the input paths")
        self._name_skipped()
        raise AnalysisError(f"no article could be read: all {len(self.skipped)} input files "
                            "or records were left out (listed above); fix or remove them")

    def report(self) -> int:
        """Name every skipped input on stderr, one line each; return the exit code.

        0 when every input was read, :data:`EXIT_SKIPPED` when some were left out.
        """
        return report_inputs([self])

    def _name_skipped(self) -> None:
        for row in self.skipped:
            print(f"skipped: {_where(row)}: {row['message']}", file=sys.stderr)


def report_inputs(readers: Sequence[Inputs]) -> int:
    """Name every input the ``readers`` skipped on stderr, one line each; return the exit code.

    One summary line for them all (a command reading several sets of inputs, such as
    ``figures``' research articles and illustrative corpus): 0 when every input was
    read, :data:`EXIT_SKIPPED` when some were left out.
    """
    count = sum(len(reader.skipped) for reader in readers)
    if not count:
        return 0
    for reader in readers:
        reader._name_skipped()
    n_read = sum(reader.n_read for reader in readers)
    print(f"{count} input file(s) or record(s) could not be read and were left out "
          f"(listed above); the output holds the {n_read} article(s) read "
          f"(exit code {EXIT_SKIPPED})", file=sys.stderr)
    return EXIT_SKIPPED


def _where(row: dict[str, str | None]) -> str:
    """Return the place of an errors-table row: its path, with its article_id if known.

    Examples
    --------
    >>> _where({"path": "wire.jsonl#2", "article_id": "ap-2"})
    'wire.jsonl#2 (article_id ap-2)'
    >>> _where({"path": "b.txt", "article_id": None})
    'b.txt'
    """
    path, article_id = row.get("path"), row.get("article_id")
    if not path:
        return str(article_id)
    return f"{path} (article_id {article_id})" if article_id else str(path)


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
