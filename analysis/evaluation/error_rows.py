"""The ``--errors FILE.csv`` of every ``evaluate`` subcommand: one writer for them all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.cells import write_csv
from analysis.errors import AnalysisError

__all__ = ["write_error_rows"]


def write_error_rows(path: Path, rows: Sequence[Mapping[str, Any]], fields: Sequence[str]) -> None:
    """Write ``rows`` with columns ``fields`` as the package's spreadsheet-safe CSV.

    Cells are written as given (no dtype guessing: an empty cell stays empty), through
    :func:`analysis.cells.write_csv`.

    Raises
    ------
    AnalysisError
        When the file cannot be written, naming it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "errors.csv"
    >>> write_error_rows(target, [{"article": "a", "error": "=missed"}], ["article", "error"])
    >>> print(target.read_text(), end="")
    article,error
    a,'=missed
    """
    frame = pd.DataFrame(list(rows), columns=list(fields), dtype=object)
    try:
        with Path(path).open("w", encoding="utf-8", newline="") as handle:
            write_csv(frame, handle)
    except OSError as error:
        raise AnalysisError(f"cannot write the errors CSV ({error}); pick another path",
                            path) from None
