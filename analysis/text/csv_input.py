"""CSV input: every row of a ``.csv`` file, long fields kept, broken quoting reported.

Three traps of Python's ``csv`` module are closed here:

* **Field size.** The module refuses a field longer than 131,072 characters and stops
  the file there. While a file is read, the limit is raised to the file's length (no
  field can be longer), so a long article loads, and every row after it.
* **Stray characters after a quoted field** (``"a"b``) are read strictly: that row is
  reported with its row and line number, and reading goes on with the next line. When
  the field ran over several lines and the quote that closed it opens a field right
  after a comma at the start of its line (``3,"Tokyo ...``), that quote was the next
  row's: the row is reported as never closed and reading goes on from the line after
  it, so the rows it swallowed are read and no line of the later field becomes a row.
* **Unquoted commas.** A row with text in cells past the header's columns (a field with
  commas that is not quoted) is reported, not cut to the header's width; empty cells
  past it (a trailing comma) are dropped.
* **An unbalanced quote.** A quote that opens a field and is never closed swallows the
  rest of the file into that field. Two rules catch it, each reporting the row (data
  row N, as in the ``#N`` of its id) and the line it starts on, after which reading goes
  on from the next line, so the rows it swallowed are read:

  1. the quoted field runs to the end of the file (no closing quote at all);
  2. the row's first cell is a whole number *k* and a field of the row holds a line that
     starts with *k + 1* and a comma: the next row's start, swallowed (another stray
     quote further down closed the field). A real article almost never holds a line
     starting with the next row's number.

  Two stray quotes in a file without numbered rows pair up into what looks like one
  multi-line field; no sound rule tells that from a real one, so it is read as it is.

Blank lines are skipped (they are not rows and take no number).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from typing import Any

from analysis.errors import AnalysisError
from analysis.text.articles import text_field

__all__ = ["csv_records"]

Numbered = tuple[int | None, dict[str, Any] | AnalysisError]

#: The longest run of cells before the quote that opens a row's quoted field on the line
#: where a runaway quoted field was closed (``3,"Tokyo ...``: here 2 characters).
ROW_START_MAX_CHARS = 200


def csv_records(text: str, path: str | os.PathLike[str] | None = None) -> Iterator[Numbered]:
    """Yield ``(row number, row as a dict, or the error of that row)`` of a CSV text.

    Raises
    ------
    AnalysisError
        If the header row is unreadable, missing, or has no text column.

    Examples
    --------
    >>> [(n, r if isinstance(r, dict) else str(r)) for n, r in
    ...  csv_records('id,text\\n1,"unterminated\\n2,ok\\n', "a.csv")]  # doctest: +NORMALIZE_WHITESPACE
    [(1, 'a.csv: row 1 (line 2): a quoted field opens there and is never closed, so it
      would swallow the rest of the file (2 lines); close the quote (a quote inside a
      quoted field is written twice: ""); the lines after it are read as rows'),
     (2, {'id': '2', 'text': 'ok'})]
    >>> list(csv_records("id,text\\n7," + "x" * 200_000 + "\\n"))[0][1]["text"][-3:]
    'xxx'
    """
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        yield from _rows(text, path)
    finally:
        csv.field_size_limit(limit)


def _header(reader: Any, path: str | os.PathLike[str] | None) -> list[str]:
    try:
        header = next(reader)
    except csv.Error as exc:
        raise AnalysisError(f"cannot read the CSV header row ({exc}); check its quoting",
                            path) from None
    except StopIteration:
        raise AnalysisError("the CSV file is empty; add a header row with a 'text' column",
                            path) from None
    names = [name.strip() for name in header]
    if text_field(dict.fromkeys(n for n in names if n)) is None:
        raise AnalysisError(
            f"no 'text' column (columns: {', '.join(n for n in names if n)}); "
            f"{_separator_hint(names)}",
            path,
        )
    return names


def _separator_hint(names: list[str]) -> str:
    """Say what to do about a header without a text column (semicolons: a locale's CSV).

    Examples
    --------
    >>> _separator_hint(["id;text"])
    "the header is separated by ';', not commas: save the file as comma-separated CSV"
    >>> _separator_hint(["id", "body_text"])
    "name the column that holds the article body 'text'"
    """
    for separator in (";", "\t", "|"):
        if len(names) == 1 and text_field(dict.fromkeys(
                part.strip() for part in names[0].split(separator))) is not None:
            shown = "tabs" if separator == "\t" else f"'{separator}'"
            return (f"the header is separated by {shown}, not commas: save the file as "
                    "comma-separated CSV")
    return "name the column that holds the article body 'text'"


def _rows(text: str, path: str | os.PathLike[str] | None) -> Iterator[Numbered]:
    buffer = io.StringIO(text)
    lines = _Lines(text)
    reader = csv.reader(buffer, strict=True)
    names = _header(reader, path)
    lines_before = 0  # lines read by earlier readers (after a recovery)
    number = 0
    while True:
        start_line = lines_before + reader.line_num + 1  # the line the next row starts on
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            if "unexpected end of data" not in str(exc):
                error_line = lines_before + reader.line_num
                if _closed_by_next_row(lines, start_line, error_line):
                    yield number, AnalysisError(
                        f"row {number} (line {start_line}): a quoted field opens there and "
                        f"is closed only by the quote that opens a field on line "
                        f"{error_line}, so it swallowed the rows between; close the quote "
                        "(a quote inside a quoted field is written twice: \"\"); the lines "
                        "after it are read as rows",
                        path,
                    )
                    reader, lines_before = _restart(buffer, lines, start_line), start_line
                    continue
                yield number, AnalysisError(
                    f"row {number} (line {start_line}): {exc}; check its quoting (a quote "
                    "inside a quoted field is written twice: \"\"); the next line is read on",
                    path,
                )
                continue
            swallowed = lines_before + reader.line_num - start_line + 1
            yield number, AnalysisError(
                f"row {number} (line {start_line}): a quoted field opens there and is never "
                f"closed, so it would swallow the rest of the file ({swallowed} lines); close "
                "the quote (a quote inside a quoted field is written twice: \"\"); the lines "
                "after it are read as rows",
                path,
            )
            reader, lines_before = _restart(buffer, lines, start_line), start_line
            continue
        if not cells:
            continue
        number += 1
        runaway = _swallowed_next_row(cells)
        if runaway is not None:
            yield number, AnalysisError(
                f"row {number} (line {start_line}): a quoted field holds a line starting "
                f"'{runaway},' like the next row, so a quote is probably unbalanced; fix the "
                "quoting of that row; the lines after it are read as rows",
                path,
            )
            reader, lines_before = _restart(buffer, lines, start_line), start_line
            continue
        extra = _extra_cells(names, cells)
        if extra:
            yield number, AnalysisError(
                f"row {number} (line {start_line}) has {len(cells)} cells, the header "
                f"{len(names)}: {extra} cell(s) past the last column hold text, so a field "
                "with commas is probably not quoted; put each field that holds a comma in "
                "double quotes",
                path,
            )
            continue
        yield number, _as_record(names, cells)


def _extra_cells(names: list[str], cells: list[str]) -> int:
    """Return how many cells past the header's columns hold more than whitespace.

    Examples
    --------
    >>> _extra_cells(["id", "text"], ["1", "a", " "]), _extra_cells(["id"], ["1", "a, b"])
    (0, 1)
    """
    return sum(1 for cell in cells[len(names):] if cell.strip())


def _closed_by_next_row(lines: _Lines, start_line: int, error_line: int) -> bool:
    """Whether a field opened on ``start_line`` was closed by a later row's opening quote.

    The csv module reports a character after a closing quote. When the field ran over
    several lines and the quote that closed it is the first on its line, right after a
    comma and a few short cells (``3,"Tokyo ...``), that quote opens the next row's field:
    the field of ``start_line`` was never closed. Lines are 1-based.

    Examples
    --------
    >>> _closed_by_next_row(_Lines('id,text\\n1,"open\\n2,ok\\n3,"x"\\n'), 2, 4)
    True
    >>> _closed_by_next_row(_Lines('id,text\\n1,"para\\nhe said "so" then"\\n'), 2, 3)
    False
    """
    if error_line <= start_line:
        return False
    before, quote, _ = lines.line(error_line).partition('"')
    return bool(quote) and before.endswith(",") and len(before) <= ROW_START_MAX_CHARS


def _as_record(names: list[str], cells: list[str]) -> dict[str, Any]:
    """Return a row as a dict; missing cells are None, empty cells past the header dropped."""
    record: dict[str, Any] = dict(zip(names, cells, strict=False))
    for name in names[len(cells):]:
        record.setdefault(name, None)
    return record


def _swallowed_next_row(cells: list[str]) -> str | None:
    """Return ``k + 1`` when the row is numbered ``k`` and a field holds a line ``k+1,...``."""
    first = cells[0].strip()
    if not first.isdigit() or not first.isascii():
        return None
    needle = f"\n{int(first) + 1},"
    for cell in cells[1:]:
        if needle in cell:
            return needle[1:-1]
    return None


def _restart(buffer: io.StringIO, lines: _Lines, line: int) -> Any:
    """Return a strict reader over the text from the line after ``line`` (1-based)."""
    buffer.seek(lines.start(line + 1))
    return csv.reader(buffer, strict=True)


class _Lines:
    """Where each line of a text starts, indexed once when first asked (1-based lines).

    Examples
    --------
    >>> lines = _Lines("a\\nbc\\n")
    >>> lines.start(2), lines.line(2), lines.line(9), lines.start(9)
    (2, 'bc', '', 5)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def start(self, number: int) -> int:
        """Return the offset line ``number`` starts at (the text's end past the last)."""
        if self._starts is None:
            self._starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        if number - 1 < len(self._starts):
            return self._starts[number - 1]
        return len(self.text)

    def line(self, number: int) -> str:
        """Return line ``number`` without its line break (empty past the end)."""
        begin = self.start(number)
        end = self.text.find("\n", begin)
        return self.text[begin:] if end < 0 else self.text[begin:end]
