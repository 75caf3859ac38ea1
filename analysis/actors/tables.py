"""The registry's tables: read the shipped and the user's actors and roles CSV files.

An actors file has the columns :data:`~analysis.actors.records.ACTOR_COLUMNS`
(``name, kind, source`` required), a roles file :data:`~analysis.actors.records.ROLE_COLUMNS`
(``actor, title, source`` required; ``constituency`` and ``party``, the facts that
:mod:`analysis.actors.claims` checks, optional like the rest); the header says which.
Lists inside a cell are separated by ``|``, dates are ``YYYY-MM-DD``, lines starting with
``#`` are comments (the file rules of :mod:`analysis._userfiles`). Actor files are read before role files,
whatever the order given. A user actor with a shipped canonical name replaces the
shipped actor's fields and keeps its roles; user roles are added to the actor's roles.
Every problem raises :class:`~analysis.errors.AnalysisError` naming the file, the line and
what to fix.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from os import PathLike
from pathlib import Path

from analysis._resources import read_text
from analysis._userfiles import UserCsv, check_columns, parse_user_csv, read_user_text
from analysis.actors.records import (
    ACTOR_COLUMNS,
    GENDERS,
    KINDS,
    ROLE_COLUMNS,
    Actor,
    Role,
    start_key,
)
from analysis.actors.titles import clean
from analysis.errors import AnalysisError

__all__ = ["SHIPPED_ACTORS", "SHIPPED_ROLES", "UserPaths", "read_actors"]

#: The shipped actors and roles files (below ``analysis/resources``).
SHIPPED_ACTORS = "actors/actors.csv"
SHIPPED_ROLES = "actors/actor_roles.csv"
_REQUIRED_ACTOR_COLUMNS = ("name", "kind", "source")
_REQUIRED_ROLE_COLUMNS = ("actor", "title", "source")
_WHAT = "actors"

#: One user CSV path, or several.
UserPaths = str | PathLike[str] | Sequence[str | PathLike[str]] | None


def read_actors(extra: UserPaths = None) -> list[Actor]:
    """Return the shipped actors extended with the user CSV file(s) ``extra``, in file order.

    Raises
    ------
    AnalysisError
        When a file is missing or malformed; the message names the file, the line and
        what to fix.

    Examples
    --------
    >>> actors = read_actors()
    >>> len(actors) > 100, "NATO" in {actor.name for actor in actors}
    (True, True)
    """
    tables = [
        parse_user_csv(read_text(SHIPPED_ACTORS), SHIPPED_ACTORS, _WHAT),
        parse_user_csv(read_text(SHIPPED_ROLES), SHIPPED_ROLES, _WHAT),
    ]
    for path in _as_paths(extra):
        tables.append(parse_user_csv(read_user_text(path, _WHAT), path, _WHAT))
    kinds = [(table, _table_kind(table)) for table in tables]
    builder = _Builder()
    for table, table_kind in kinds:
        if table_kind == "actors":
            builder.add_actors(table.source, table.rows)
    for table, table_kind in kinds:
        if table_kind == "roles":
            builder.add_roles(table.source, table.rows)
    return builder.actors()


def _as_paths(extra: UserPaths) -> list[Path]:
    if extra is None:
        return []
    if isinstance(extra, str | PathLike):
        return [Path(extra)]
    return [Path(item) for item in extra]


def _table_kind(table: UserCsv) -> str:
    """Return "actors" or "roles" from the header, which must name known columns only."""
    header = table.header
    if "title" in header or "actor" in header:
        table_kind, known, required = "roles", ROLE_COLUMNS, _REQUIRED_ROLE_COLUMNS
    elif "name" in header or "kind" in header:
        table_kind, known, required = "actors", ACTOR_COLUMNS, _REQUIRED_ACTOR_COLUMNS
    else:
        raise AnalysisError(
            f"header {','.join(header)!r} is neither an actors file ({','.join(ACTOR_COLUMNS)}) "
            f"nor a roles file ({','.join(ROLE_COLUMNS)}); fix the first line",
            table.source,
        )
    check_columns(table, table_kind, required=required, known=known)
    return table_kind


def _split_list(cell: str | None) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(dict.fromkeys(clean(item) for item in cell.split("|") if item.strip()))


def _parse_date(label: str, line: int, column: str, cell: str | None) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        raise AnalysisError(
            f"line {line}: {column} {cell!r} is not a date; write it as YYYY-MM-DD or leave it empty",
            label,
        ) from None


def _required(label: str, line: int, row: Mapping[str, str], column: str, what: str) -> str:
    value = clean(row.get(column) or "")
    if not value:
        raise AnalysisError(f"line {line}: {column} is empty; {what}", label)
    return value


def _gender(label: str, line: int, cell: str | None, kind: str) -> str | None:
    """Return the optional ``gender`` of an actor row (persons only), checked."""
    value = clean(cell or "").lower()
    if not value:
        return None
    if value not in GENDERS or kind != "person":
        raise AnalysisError(
            f"line {line}: gender {cell!r} is not one of {', '.join(GENDERS)} for a person; "
            "write female or male where the source states it, or leave it empty",
            label,
        )
    return value


def _nfc(row: Mapping[str, str]) -> dict[str, str]:
    """Compose the cells to Unicode NFC, as article texts are."""
    return {column: unicodedata.normalize("NFC", cell) for column, cell in row.items()}


class _Builder:
    """Collect actors and roles from validated rows, in order."""

    def __init__(self) -> None:
        self._fields: dict[str, dict] = {}
        self._roles: dict[str, list[Role]] = {}

    def add_actors(self, label: str, rows: Sequence[tuple[int, dict[str, str]]]) -> None:
        seen: set[str] = set()
        for line, raw in rows:
            row = _nfc(raw)
            name = _required(label, line, row, "name", "give the actor's canonical name")
            if name in seen:
                raise AnalysisError(
                    f"line {line}: actor {name!r} is listed twice; merge the rows", label
                )
            seen.add(name)
            kind = clean(row.get("kind") or "").lower().replace("organization", "organisation")
            if kind not in KINDS:
                raise AnalysisError(
                    f"line {line}: kind {row.get('kind')!r} is not one of {', '.join(KINDS)}; "
                    "fix the kind column",
                    label,
                )
            source = _required(label, line, row, "source", "give a URL, or outlet, date and title")
            self._fields[name] = {
                "name": name,
                "kind": kind,
                "aliases": tuple(a for a in _split_list(row.get("aliases")) if a != name),
                "country": clean(row.get("country") or "") or None,
                "source": source,
                "descriptions": _split_list(row.get("descriptions")),
                "demonyms": _split_list(row.get("demonyms")),
                "gender": _gender(label, line, row.get("gender"), kind),
                "_where": (label, line),
            }
            self._roles.setdefault(name, [])

    def add_roles(self, label: str, rows: Sequence[tuple[int, dict[str, str]]]) -> None:
        for line, raw in rows:
            row = _nfc(raw)
            name = _required(label, line, row, "actor", "give the canonical name of the actor")
            if name not in self._fields:
                raise AnalysisError(
                    f"line {line}: actor {name!r} is not in the registry; add it to an actors "
                    f"file (columns {','.join(ACTOR_COLUMNS)}) or use its canonical name",
                    label,
                )
            valid_from = _parse_date(label, line, "valid_from", row.get("valid_from"))
            valid_to = _parse_date(label, line, "valid_to", row.get("valid_to"))
            if valid_from and valid_to and valid_to < valid_from:
                raise AnalysisError(
                    f"line {line}: valid_to {valid_to} is before valid_from {valid_from}; "
                    "swap or fix the dates",
                    label,
                )
            role = Role(
                title=_required(label, line, row, "title", "give the office, e.g. President"),
                affiliation=clean(row.get("affiliation") or "") or None,
                valid_from=valid_from,
                valid_to=valid_to,
                source=_required(
                    label, line, row, "source", "give a URL, or outlet, date and title"
                ),
                descriptions=_split_list(row.get("descriptions")),
                constituency=clean(row.get("constituency") or "") or None,
                party=clean(row.get("party") or "") or None,
            )
            self._roles[name].append(role)

    def actors(self) -> list[Actor]:
        countries = {name for name, fields in self._fields.items() if fields["kind"] == "country"}
        actors = []
        for name, fields in self._fields.items():
            label, line = fields.pop("_where")
            if fields["country"] and fields["country"] not in countries:
                raise AnalysisError(
                    f"line {line}: country {fields['country']!r} is not a country in the registry; "
                    "use a country's canonical name (e.g. South Korea) or add the country",
                    label,
                )
            roles = tuple(sorted(self._roles[name], key=start_key))
            actors.append(Actor(roles=roles, **fields))
        return actors
