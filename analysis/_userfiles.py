"""Read the CSV files researchers write: actors, roles, taxonomy, overrides.

One reader for every such file, so they follow the same rules and fail with the same
messages:

* UTF-8 text (a byte-order mark is allowed, as spreadsheets write one);
* lines that start with ``#`` are comments, blank lines are skipped;
* the first remaining line is the header; column names are stripped of spaces;
* every row is a dict of its cells, stripped of surrounding spaces; a row with fewer
  cells than the header gets ``""`` for the missing ones, a row with more is an error
  (an unquoted comma, usually);
* each row keeps the number of the line it starts on in the file, for messages.

Every problem raises :class:`analysis.AnalysisError` naming the file, the line where
there is one, and what to do. The shipped CSV files (``analysis/resources``) are read
with the same parser (:func:`analysis._resources.read_csv_rows`).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import AnalysisError

__all__ = ["UserCsv", "check_columns", "parse_user_csv", "read_user_csv", "read_user_text"]

#: A row of a user CSV file: the line it starts on, and its cells by column.
NumberedRow = tuple[int, dict[str, str]]


@dataclass(frozen=True, slots=True)
class UserCsv:
    """A parsed user CSV file: where it came from, its header and its numbered rows."""

    source: str
    header: tuple[str, ...]
    rows: tuple[NumberedRow, ...]


def read_user_text(path: str | os.PathLike[str], what: str) -> str:
    """Return the text of the user file ``path`` (``what`` names it in messages).

    Raises
    ------
    AnalysisError
        When the file does not exist, cannot be read or is not UTF-8 text (naming the
        first line that is not).

    Examples
    --------
    >>> read_user_text("/no/such/file.csv", "actors")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: /no/such/file.csv: no such actors file; check the path
    """
    path = Path(path)
    if not path.is_file():
        raise AnalysisError(f"no such {what} file; check the path", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AnalysisError(f"cannot read the {what} file ({exc.strerror}); check its permissions", path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise AnalysisError(
            f"line {line}: not UTF-8 text; save the {what} file as UTF-8 CSV "
            "(in a spreadsheet: CSV UTF-8)",
            path,
        ) from None


def parse_user_csv(text: str, source: str | os.PathLike[str], what: str) -> UserCsv:
    """Parse the text of a user CSV file (see the module docs for the rules).

    ``source`` names the file in messages; ``what`` says what kind of file it is.

    Raises
    ------
    AnalysisError
        When nothing but comments is left, or a row has more cells than the header.

    Examples
    --------
    >>> table = parse_user_csv("# my actors\\nname, kind\\n\\nKim Eun-hye , person\\n", "a.csv", "actors")
    >>> table.header, table.rows
    (('name', 'kind'), ((4, {'name': 'Kim Eun-hye', 'kind': 'person'}),))
    """
    numbered = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not numbered:
        raise AnalysisError(
            f"the {what} file is empty (only comments or blank lines); its first line must "
            "be the header",
            source,
        )
    reader = csv.reader(io.StringIO("\n".join(line for _, line in numbered)))
    header = tuple(column.strip() for column in _next_record(reader, numbered, source, 0) or ())
    rows: list[NumberedRow] = []
    while True:
        consumed = reader.line_num
        cells = _next_record(reader, numbered, source, consumed)
        if cells is None:
            break
        line = numbered[min(consumed, len(numbered) - 1)][0]
        if len(cells) > len(header):
            raise AnalysisError(
                f"line {line}: {len(cells)} cells but {len(header)} columns; "
                "quote cells that contain commas",
                source,
            )
        padded = [*cells, *[""] * (len(header) - len(cells))]
        rows.append((line, {column: cell.strip() for column, cell in zip(header, padded, strict=True)}))
    return UserCsv(str(source), header, tuple(rows))


def _next_record(
    reader: Iterator[list[str]], numbered: Sequence[tuple[int, str]], source: object, consumed: int
) -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as exc:
        line = numbered[min(consumed, len(numbered) - 1)][0]
        raise AnalysisError(
            f"line {line}: cannot read the row ({exc}); check its quotes", source
        ) from None


def check_columns(
    table: UserCsv,
    what: str,
    *,
    required: Sequence[str] = (),
    known: Sequence[str] | None = None,
) -> None:
    """Check that the header of ``table`` has the ``required`` columns (and only ``known`` ones).

    Raises
    ------
    AnalysisError
        Naming the missing (or unknown) columns and listing the columns to use.

    Examples
    --------
    >>> table = parse_user_csv("name,colour\\nNATO,blue\\n", "a.csv", "actors")
    >>> check_columns(table, "actors", required=["name", "kind"], known=["name", "kind", "source"])
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: a.csv: missing column(s) kind; unknown column(s) colour in the header of the actors file; the columns are name,kind,source (name, kind required)
    """
    missing = [column for column in required if column not in table.header]
    unknown = [] if known is None else [c for c in table.header if c not in known]
    if not missing and not unknown:
        return
    problems = []
    if missing:
        problems.append(f"missing column(s) {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown column(s) {', '.join(unknown)}")
    columns = ",".join(known if known is not None else required)
    needed = f" ({', '.join(required)} required)" if required else ""
    raise AnalysisError(
        f"{'; '.join(problems)} in the header of the {what} file; "
        f"the columns are {columns}{needed}",
        table.source,
    )


def read_user_csv(
    path: str | os.PathLike[str],
    what: str,
    *,
    required: Sequence[str] = (),
    known: Sequence[str] | None = None,
) -> list[NumberedRow]:
    """Read a user CSV file and return its rows with the line each starts on.

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    what : str
        What the file holds ("overrides", "taxonomy", ...), for messages.
    required : sequence of str
        Columns the header must have.
    known : sequence of str, optional
        When given, the only columns allowed.

    Raises
    ------
    AnalysisError
        When the file is missing, not UTF-8, empty, lacks a required column (or has an
        unknown one) or has a malformed row; the message names the file, the line and
        what to do.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "o.csv"
    >>> _ = path.write_text("# fixes\\narticle_id,offset\\na1,10\\n", encoding="utf-8")
    >>> read_user_csv(path, "overrides", required=["article_id", "offset"])
    [(3, {'article_id': 'a1', 'offset': '10'})]
    """
    table = parse_user_csv(read_user_text(path, what), path, what)
    check_columns(table, what, required=required, known=known)
    return list(table.rows)
