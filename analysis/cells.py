"""Safe table cells: no control characters in any output, no formulas in a spreadsheet.

Every table the package writes (Parquet parts and CSV copies of a corpus run, the
single-article commands' printed tables, a figure's data CSV) passes through here.
Two rules, applied to text cells only (object, string and categorical columns, and the
column labels); numeric, boolean and date columns are never touched, so a score of
-0.5 stays the number -0.5:

* **Control characters are replaced, one for one, by U+FFFD** (the Unicode
  replacement character, as the decoder does for bytes it cannot read), in every
  output. Replaced: C0 controls except tab and line feed (``\\x00``-``\\x08``,
  ``\\x0b``-``\\x1f``, carriage return included), DEL (``\\x7f``), C1 controls
  (``\\x80``-``\\x9f``), and, in Python-held columns, lone surrogates (which no UTF-8
  file can hold). Tab and line feed are ordinary text and legal in a quoted CSV cell;
  a carriage return is not kept because the CSV writer leaves a cell holding one
  unquoted (readers then split the row there) and the loaders turn every line break
  of article text into ``\\n``, so a ``\\r`` can only be a stray in metadata. The
  replacement keeps a cell's length: a cell that is a slice of the article text
  (``sentences.text``, a quote, a mention) still lines up with its ``start``/``end``
  offsets, which removing characters would silently break; and U+FFFD shows a reader
  that something was there. The number replaced is counted (a run's summary reports
  it; it counts cells as written, so one NUL in an article id repeated on 40 rows
  counts 40).
* **CSV only: a text cell a spreadsheet would read as a formula gets a leading
  apostrophe** (OWASP's guidance on CSV injection; ASVS 1.2.10): a cell whose first
  character, or first character after white space, is ``=``, ``+``, ``-`` or ``@``,
  or whose first character is a tab or carriage return. Excel, LibreOffice and Google
  Sheets then show the text instead of running it. A cell that already starts with
  apostrophes before such a character gets one more, so the rule can be undone
  exactly: strip one leading ``'`` from every cell that matches it
  (:func:`unescape_formulas`). Parquet keeps the true values. The CSV is RFC 4180,
  comma separated (fields holding a comma, quote or line break are quoted), which
  keeps a separator inside a cell from starting a new one in any reader that splits on
  commas; a spreadsheet told to split a comma file on ``;`` or tabs cuts cells inside
  the text, where no escaping of the cell's start can help: open these files with the
  comma as separator (Excel: Data > From Text/CSV; LibreOffice asks), or read the
  Parquet.

Checks run column by column with pandas string methods (pyarrow compute for the
package's string columns), and only the rows that need it are rewritten.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

import pandas as pd

__all__ = [
    "CONTROL_CHARACTERS",
    "FORMULA_PREFIX",
    "REPLACEMENT",
    "SafeCells",
    "escape_formulas",
    "replace_control_characters",
    "spreadsheet_safe",
    "unescape_formulas",
    "write_csv",
]

#: What a control character is replaced by (one character for one: offsets hold).
REPLACEMENT = "\ufffd"
#: The characters replaced in every output (a regex class both RE2 and Python read).
CONTROL_CHARACTERS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
#: The same, with lone surrogates, for columns held as Python strings (never in Arrow).
_CONTROL_OR_SURROGATE = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
#: What a formula cell is prefixed with in CSV.
FORMULA_PREFIX = "'"
#: The characters that start a formula in a spreadsheet (OWASP, CSV injection).
_TRIGGERS = r"[=+\-@]"
#: White space a spreadsheet may skip before a formula: literal characters, so the
#: class reads the same in RE2 (no ``\u`` escapes there) and in Python (no ``\p``).
_SPACE = "[ \t\n\x0b\x0c\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
#: A cell to escape: optional apostrophes (escaped cells stay reversible), then a tab or
#: carriage return, or white space and a trigger.
_FORMULA = f"^{FORMULA_PREFIX}*(?:[\t\r]|{_SPACE}*{_TRIGGERS})"
_FORMULA_RE = re.compile(_FORMULA)
_ESCAPED_RE = re.compile(f"^{FORMULA_PREFIX}{_FORMULA[1:]}")


@dataclass(frozen=True, slots=True)
class SafeCells:
    """A frame made safe, with what was changed.

    Attributes
    ----------
    frame : DataFrame
        The frame (the same object when nothing needed changing).
    n_control_characters : int
        Control characters replaced by :data:`REPLACEMENT`.
    n_escaped : int
        Cells (and column labels) given a leading :data:`FORMULA_PREFIX`.
    """

    frame: pd.DataFrame
    n_control_characters: int = 0
    n_escaped: int = 0


def _text_series(series: pd.Series) -> pd.Series | None:
    """Return ``series`` if it can hold text (as object if categorical), else None."""
    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype):
        return series
    if isinstance(dtype, pd.ArrowDtype):
        import pyarrow as pa

        return series if pa.types.is_string(dtype.pyarrow_dtype) or pa.types.is_large_string(
            dtype.pyarrow_dtype) else None
    if isinstance(dtype, pd.CategoricalDtype):
        return _text_series(series.astype(object))
    if pd.api.types.is_object_dtype(dtype) and pd.api.types.infer_dtype(series, skipna=True) in (
            "string", "mixed", "mixed-integer"):
        return series
    return None


def _control_pattern(series: pd.Series) -> str:
    arrow = isinstance(series.dtype, pd.ArrowDtype) or (
        isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow")
    return CONTROL_CHARACTERS if arrow else _CONTROL_OR_SURROGATE


def _text_columns(frame: pd.DataFrame) -> list[tuple[int, pd.Series]]:
    """Return (position, series) of every column of ``frame`` that can hold text."""
    found = []
    for position in range(frame.shape[1]):
        series = _text_series(frame.iloc[:, position])
        if series is not None:
            found.append((position, series))
    return found


def _with_columns(frame: pd.DataFrame, columns: dict[int, pd.Series]) -> pd.DataFrame:
    """Return ``frame`` with the columns at the given positions replaced (or itself)."""
    if not columns:
        return frame
    result = frame.copy(deep=False)
    for position, series in columns.items():
        result.isetitem(position, series)
    return result


def _matches(series: pd.Series, pattern: str) -> pd.Series:
    """Boolean mask of the string cells of ``series`` where ``pattern`` matches."""
    found = series.str.contains(pattern, regex=True, na=False)
    return found.astype(bool) if found.dtype != bool else found


def _labels(frame: pd.DataFrame, change: Callable[[str], tuple[str, int]]) -> tuple[pd.DataFrame, int]:
    """Apply ``change(label) -> (label, n)`` to the frame's string column labels."""
    renamed, total = {}, 0
    for label in frame.columns:
        if isinstance(label, str):
            new, n = change(label)
            if n:
                renamed[label], total = new, total + n
    return (frame.rename(columns=renamed) if renamed else frame), total


def _clean_label(label: str) -> tuple[str, int]:
    return re.subn(_CONTROL_OR_SURROGATE, REPLACEMENT, label)


def _escape_label(label: str) -> tuple[str, int]:
    return (FORMULA_PREFIX + label, 1) if _FORMULA_RE.match(label) else (label, 0)


def replace_control_characters(frame: pd.DataFrame) -> SafeCells:
    """Replace every control character in the text cells of ``frame`` by U+FFFD.

    One character for one, so cells that are slices of an article keep lining up with
    their offsets. Tab and line feed are kept; see the module's notes for the rest.

    Parameters
    ----------
    frame : DataFrame
        Any table; only its text columns (and string column labels) are read.

    Returns
    -------
    SafeCells
        The cleaned frame (``frame`` itself when it held none) and how many characters
        were replaced.

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["NATO\\x00 met", "ok\\tfine"], "score": [-0.5, 1.0]})
    >>> safe = replace_control_characters(frame)
    >>> safe.frame["text"].tolist(), safe.n_control_characters
    (['NATO\\ufffd met', 'ok\\tfine'], 1)
    >>> replace_control_characters(safe.frame).frame is safe.frame
    True
    """
    columns: dict[int, pd.Series] = {}
    total = 0
    for position, series in _text_columns(frame):
        pattern = _control_pattern(series)
        hit = _matches(series, pattern)
        if not hit.any():
            continue
        rows = series[hit]
        total += int(rows.str.count(pattern).sum())
        cleaned = series.copy()
        cleaned[hit] = rows.str.replace(pattern, REPLACEMENT, regex=True)
        columns[position] = cleaned
    result, n_labels = _labels(_with_columns(frame, columns), _clean_label)
    return SafeCells(result, total + n_labels)


def escape_formulas(frame: pd.DataFrame) -> SafeCells:
    """Prefix ``'`` to the text cells a spreadsheet would run as a formula.

    For CSV only (Parquet keeps the true values). A cell is escaped when its first
    character, or its first after white space, is ``=``, ``+``, ``-`` or ``@``, or when
    it starts with a tab or carriage return; apostrophes already in front count as part
    of the cell's start, so :func:`unescape_formulas` undoes this exactly. Numeric
    columns are never escaped.

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["=HYPERLINK(\\"http://x\\",\\"y\\")", " -2+3", "Korea"],
    ...                       "score": [-0.5, 0.0, 0.5]})
    >>> safe = escape_formulas(frame)
    >>> safe.frame["text"].tolist(), safe.frame["score"].tolist(), safe.n_escaped
    (['\\'=HYPERLINK("http://x","y")', "' -2+3", 'Korea'], [-0.5, 0.0, 0.5], 2)
    """
    columns: dict[int, pd.Series] = {}
    total = 0
    for position, series in _text_columns(frame):
        hit = _matches(series, _FORMULA)
        if not hit.any():
            continue
        total += int(hit.sum())
        escaped = series.copy()
        escaped[hit] = FORMULA_PREFIX + series[hit]
        columns[position] = escaped
    result, n_labels = _labels(_with_columns(frame, columns), _escape_label)
    return SafeCells(result, 0, total + n_labels)


def spreadsheet_safe(frame: pd.DataFrame) -> SafeCells:
    """Return ``frame`` ready for CSV: control characters replaced, formulas escaped.

    Examples
    --------
    >>> safe = spreadsheet_safe(pd.DataFrame({"id": ["@SUM(1)\\x00"], "n": [-2]}))
    >>> safe.frame.to_dict("records"), safe.n_control_characters, safe.n_escaped
    ([{'id': "'@SUM(1)\\ufffd", 'n': -2}], 1, 1)
    """
    clean = replace_control_characters(frame)
    escaped = escape_formulas(clean.frame)
    return SafeCells(escaped.frame, clean.n_control_characters, escaped.n_escaped)


def unescape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`escape_formulas`: strip the leading ``'`` it added to text cells.

    Use it on a CSV written by this package and read back with pandas, to get the
    true values (which the Parquet tables hold as they are).

    Examples
    --------
    >>> frame = pd.DataFrame({"text": ["=1+1", "'=x", "'quoted", "plain"]})
    >>> unescape_formulas(escape_formulas(frame).frame).equals(frame)
    True
    """
    columns: dict[int, pd.Series] = {}
    for position, series in _text_columns(frame):
        hit = _matches(series, _ESCAPED_RE.pattern)
        if hit.any():
            restored = series.copy()
            restored[hit] = series[hit].str.slice(len(FORMULA_PREFIX))
            columns[position] = restored
    result = _with_columns(frame, columns)
    renamed = {label: label[len(FORMULA_PREFIX):] for label in result.columns
               if isinstance(label, str) and _ESCAPED_RE.match(label)}
    return result.rename(columns=renamed) if renamed else result


def write_csv(
    frame: pd.DataFrame, target: str | os.PathLike[str] | IO[str], *, cleaned: bool = False
) -> SafeCells:
    """Write ``frame`` as the package's CSV (RFC 4180, ``\\n`` lines), spreadsheet-safe.

    Parameters
    ----------
    frame : DataFrame
        The table, with its true values.
    target : path or text stream
        Where to write (a stream is written to and left open).
    cleaned : bool
        ``frame`` already went through :func:`replace_control_characters` (as a
        corpus run's parts do before their Parquet is written): only escape formulas.

    Returns
    -------
    SafeCells
        The frame as written and the counts of :func:`spreadsheet_safe`.

    Examples
    --------
    >>> import io
    >>> buffer = io.StringIO()
    >>> _ = write_csv(pd.DataFrame({"text": ["+1", "a,b"], "score": [-0.5, 2.0]}), buffer)
    >>> print(buffer.getvalue(), end="")
    text,score
    '+1,-0.5
    "a,b",2.0
    """
    safe = escape_formulas(frame) if cleaned else spreadsheet_safe(frame)
    safe.frame.to_csv(target, index=False, lineterminator="\n")
    return safe
