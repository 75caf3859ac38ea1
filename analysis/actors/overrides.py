"""Researcher corrections that stay applied on every run.

An overrides file is a CSV with the columns ``article_id, what, offset, field, value``
(lines starting with ``#`` are comments). Each row corrects one record an extractor
produced: ``what`` names the table ("quotes", "sectors", ...; case and a plural "s" do not
matter, so "quote" and "Quotes" are the same), ``offset`` is the record's
start offset in ``Article.text`` (the value of its ``start`` attribute, or of the attribute
the extractor names), ``field`` the attribute to set and ``value`` its new value. Extractors
call :func:`apply_overrides` on their records after every extraction, so a speaker fixed by
hand stays fixed when the corpus is re-run.

Values
------
* an empty value sets the field to None;
* a field typed ``int`` (or ``int | None``) gets ``int(value)``, ``float`` gets
  ``float(value)``, ``bool`` gets true for ``true/yes/1`` and false for ``false/no/0``;
  anything else is set as the string;
* ``field`` ``drop`` with value ``true`` removes the record (a false positive).

Example file::

    article_id,what,offset,field,value
    joongang-2023-07-11.txt,quotes,4020,actor,Kim Eun-hye
    joongang-2023-07-11.txt,quotes,1910,drop,true

An override whose offset matches no record is reported with a warning (the text changed
or the offset is wrong) and otherwise ignored; so are the rows whose article_id names no
article the run read (:class:`UnknownArticles`, one warning per overrides file).
"""

from __future__ import annotations

import dataclasses
import types
import typing
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

from analysis._userfiles import read_user_csv
from analysis.errors import AnalysisError

__all__ = [
    "OVERRIDE_COLUMNS",
    "Override",
    "OverridesLike",
    "UnknownArticles",
    "apply_overrides",
    "as_overrides",
    "check_overrides",
    "load_overrides",
    "warn_unknown_articles",
]

OVERRIDE_COLUMNS: tuple[str, ...] = ("article_id", "what", "offset", "field", "value")
#: How many unknown article ids the warning of an overrides file names before "N more".
MAX_IDS_NAMED = 5
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0"}

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Override:
    """One correction: set ``field`` to ``value`` on the ``what`` record at ``offset``.

    ``path`` and ``line`` say where the row came from, for error messages.
    """

    article_id: str
    what: str
    offset: int
    field: str
    value: str
    path: str | None = dataclasses.field(default=None, compare=False)
    line: int | None = dataclasses.field(default=None, compare=False)

    def where(self) -> str:
        """Return "FILE, line N" (or what is known of it) for messages."""
        return f"{self.path or 'overrides'}, line {self.line if self.line is not None else '?'}"


#: What an ``overrides`` argument may be: nothing, an overrides CSV path, or records.
OverridesLike = str | PathLike[str] | Iterable[Override] | None


def load_overrides(path: str | PathLike[str]) -> tuple[Override, ...]:
    """Read an overrides CSV (columns ``article_id, what, offset, field, value``).

    The file follows the rules of every user CSV (:mod:`analysis._userfiles`): UTF-8,
    ``#`` comment lines, a header line; other columns (a ``note``, say) are allowed and
    ignored.

    Raises
    ------
    AnalysisError
        When the file is missing, a column is missing or a row is malformed; the message
        names the file and the line.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "o.csv").write_text(
    ...     "article_id,what,offset,field,value\\na1,quotes,10,actor,Jens Stoltenberg\\n")
    >>> [(o.offset, o.field, o.value, o.line) for o in load_overrides(folder / "o.csv")]
    [(10, 'actor', 'Jens Stoltenberg', 2)]
    """
    path = Path(path)
    rows = read_user_csv(path, "overrides", required=OVERRIDE_COLUMNS)
    return tuple(_override_from_row(row, path, line) for line, row in rows)


def as_overrides(value: OverridesLike) -> tuple[Override, ...]:
    """Return the corrections ``value`` stands for: none, a CSV file's, or the records given.

    This is the one coercion of an ``overrides`` argument: every extractor and frame that
    takes one accepts what this accepts.

    Parameters
    ----------
    value : None, str, os.PathLike or iterable of Override
        No corrections, the path of an overrides CSV (read with :func:`load_overrides`),
        or the records themselves.

    Raises
    ------
    TypeError
        When an item of the iterable is not an :class:`Override`.

    Examples
    --------
    >>> as_overrides(None)
    ()
    >>> fix = Override("a1", "actors", 0, "drop", "true")
    >>> as_overrides([fix]) == (fix,)
    True
    """
    if value is None:
        return ()
    if isinstance(value, str | PathLike):
        return load_overrides(value)
    records = tuple(value)
    for record in records:
        if not isinstance(record, Override):
            raise TypeError(
                f"overrides must be Override records or a CSV path, not {type(record).__name__}"
            )
    return records


def _override_from_row(row: dict[str, str], path: Path, line: int) -> Override:
    cells = {column: row.get(column, "") for column in OVERRIDE_COLUMNS}
    for column in ("article_id", "what", "field"):
        if not cells[column]:
            raise AnalysisError(f"line {line}: {column} is empty; fill it in", path)
    try:
        offset = int(cells["offset"])
    except ValueError:
        raise AnalysisError(
            f"line {line}: offset {cells['offset']!r} is not a whole number; give the record's "
            "start offset as shown in its table",
            path,
        ) from None
    field = cells["field"]
    if field == "drop" and cells["value"].lower() not in _TRUE | _FALSE:
        raise AnalysisError(f"line {line}: drop takes the value true or false", path)
    return Override(
        cells["article_id"], cells["what"], offset, field, cells["value"], str(path), line
    )


def apply_overrides(
    records: Sequence[T],
    overrides: Iterable[Override],
    *,
    article_id: str,
    what: str,
    offset_attr: str = "start",
) -> list[T]:
    """Return ``records`` with the overrides for this article and table applied.

    Every override whose ``article_id`` and ``what`` match is applied, with
    :func:`dataclasses.replace`, to each record whose ``offset_attr`` equals its offset;
    records stay in their order. ``drop`` = ``true`` removes the record.

    Raises
    ------
    AnalysisError
        When an override names a field the records do not have, or a value that cannot
        be converted to the field's type; the message names the overrides file and row.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True, slots=True)
    ... class Q:
    ...     start: int
    ...     speaker: str | None
    >>> fixes = [Override("a1", "quotes", 5, "speaker", "Kim Eun-hye"),
    ...          Override("a1", "quotes", 9, "drop", "true")]
    >>> apply_overrides([Q(5, None), Q(9, "He")], fixes, article_id="a1", what="quotes")
    [Q(start=5, speaker='Kim Eun-hye')]
    """
    table = _table_key(what)
    relevant = [o for o in overrides if o.article_id == article_id and _table_key(o.what) == table]
    if not relevant:
        return list(records)
    result: list[T] = list(records)
    for override in relevant:
        matched = False
        updated: list[T] = []
        for record in result:
            if getattr(record, offset_attr, None) != override.offset:
                updated.append(record)
                continue
            matched = True
            if override.field == "drop":
                if override.value.lower() in _TRUE:
                    continue
                updated.append(record)
                continue
            updated.append(_replace(record, override))
        if not matched:
            warnings.warn(
                f"{override.where()}: no {what} record of {article_id} has "
                f"{offset_attr} {override.offset}; the override was not applied",
                stacklevel=2,
            )
        result = updated
    return result


class UnknownArticles:
    """Warn about overrides whose article_id names no article of a run (never applied).

    Give it the run's overrides, call :meth:`saw` with the id of every article the run
    reads (constant time each: only the overrides' ids are kept, so memory stays flat
    however large the corpus), then :meth:`warn`: one warning per overrides file naming
    its first :data:`MAX_IDS_NAMED` unknown ids, how many there are, and what to check.

    Examples
    --------
    >>> import warnings
    >>> check = UnknownArticles([Override("a.txt", "quotes", 5, "drop", "true", "fix.csv", 2),
    ...                          Override("b.txt", "quotes", 9, "drop", "true", "fix.csv", 3)])
    >>> check.saw("a.txt")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     check.warn()
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    fix.csv: 1 override row(s) name 1 article_id(s) that no article of this run has (b.txt), so they were not applied; check the article_id column against ...
    """

    def __init__(self, overrides: Iterable[Override]) -> None:
        self._unseen: dict[str, list[Override]] = {}
        for override in overrides:
            self._unseen.setdefault(override.article_id, []).append(override)

    def saw(self, article_id: str) -> None:
        """Note that the run read the article ``article_id``."""
        if self._unseen:
            self._unseen.pop(article_id, None)

    def warn(self) -> None:
        """Warn, once per overrides file, about its rows naming no article that was read."""
        by_file: dict[str, list[Override]] = {}
        for rows in self._unseen.values():
            for row in rows:
                by_file.setdefault(row.path or "overrides", []).append(row)
        for path, rows in by_file.items():
            warnings.warn(_unknown_message(path, rows), stacklevel=2)


def warn_unknown_articles(overrides: Iterable[Override], article_ids: Iterable[str]) -> None:
    """Warn about the ``overrides`` whose article_id is none of ``article_ids``.

    :class:`UnknownArticles` over articles already read (figures, a notebook run).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_unknown_articles([Override("a.txt", "quotes", 5, "drop", "true")], ["a.txt"])
    >>> caught
    []
    """
    check = UnknownArticles(overrides)
    for article_id in article_ids:
        check.saw(article_id)
    check.warn()


def _unknown_message(path: str, rows: Sequence[Override]) -> str:
    """Say which article ids of an overrides file no article has, and what to do."""
    ids = list(dict.fromkeys(row.article_id for row in rows))
    named = ", ".join(ids[:MAX_IDS_NAMED])
    more = f", and {len(ids) - MAX_IDS_NAMED} more" if len(ids) > MAX_IDS_NAMED else ""
    return (f"{path}: {len(rows)} override row(s) name {len(ids)} article_id(s) that no "
            f"article of this run has ({named}{more}), so they were not applied; check the "
            "article_id column against the article_id of the articles table (`python -m "
            "analysis show INPUT` prints them: the record's id field, else the file path "
            "relative to the folder given, with #N for record N)")


def check_overrides(
    overrides: Iterable[Override], fields: Mapping[str, Iterable[str]]
) -> tuple[Override, ...]:
    """Return ``overrides`` after checking each names a table and a field it can correct.

    ``fields`` maps each correctable table ("quotes", "actors", ...) to the fields of its
    records; ``drop`` is always allowed. Checked when a run starts, so a typo in an
    overrides file stops it before anything is written, with the same message on every
    door.

    Raises
    ------
    AnalysisError
        Naming the file and line, the unknown table or field, and the ones allowed.

    Examples
    --------
    >>> check_overrides([Override("a1", "Quote", 5, "actor", "Yoon")], {"quotes": ["actor"]})[0].what
    'Quote'
    >>> check_overrides([Override("a1", "qoutes", 5, "actor", "Yoon", "fix.csv", 2)],
    ...                 {"quotes": ["actor"]})
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: fix.csv, line 2: what 'qoutes' is not a table corrections apply to; use one of: quotes
    """
    allowed = {_table_key(table): (table, set(names)) for table, names in fields.items()}
    checked = tuple(overrides)
    for override in checked:
        found = allowed.get(_table_key(override.what))
        if found is None:
            raise AnalysisError(
                f"{override.where()}: what {override.what!r} is not a table corrections apply "
                f"to; use one of: {', '.join(sorted(fields))}"
            )
        table, names = found
        if override.field != "drop" and override.field not in names:
            raise AnalysisError(
                f"{override.where()}: {table} records have no field {override.field!r}; use "
                f"one of: {', '.join(sorted(names | {'drop'}))}"
            )
    return checked


def _table_key(what: str) -> str:
    """Compare table names case-insensitively, singular or plural ("Quote" = "quotes")."""
    key = what.strip().lower()
    return key[:-1] if key.endswith("s") else key


def _replace(record: T, override: Override) -> T:
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        raise TypeError(f"overrides apply to dataclass records, not {type(record).__name__}")
    names = [field.name for field in dataclasses.fields(record)]
    if override.field not in names:
        raise AnalysisError(
            f"line {override.line}: {override.what} records have no field {override.field!r}; "
            f"use one of {', '.join(names)} or drop",
            override.path,
        )
    try:
        hint = typing.get_type_hints(type(record)).get(override.field, str)
    except (NameError, TypeError):  # annotations that cannot be evaluated: keep strings
        hint = str
    value = _coerce(override, hint)
    return dataclasses.replace(record, **{override.field: value})  # type: ignore[type-var]


def _coerce(override: Override, hint: Any) -> Any:
    text = override.value
    if text == "":
        return None
    target = _base_type(hint)
    try:
        if target is bool:
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise ValueError(text)
        if target in (int, float):
            return target(text)
    except ValueError:
        expected = {bool: "true or false", int: "a whole number", float: "a number"}[target]
        raise AnalysisError(
            f"line {override.line}: {override.field} must be {expected}, not {text!r}",
            override.path,
        ) from None
    return text


def _base_type(hint: Any) -> Any:
    """Return the non-None type of ``X``, ``X | None`` or ``Optional[X]`` (else str)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return args[0] if len(args) == 1 else str
    return hint if hint in (int, float, bool) else str
