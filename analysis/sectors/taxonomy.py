"""The sector taxonomy: canonical sectors, their labels and aliases, and user extensions.

The taxonomy (``resources/sectors/sectors.csv``, extendable with user CSV files) gives
every sector a canonical id, a label and aliases in English and Korean; ``list_only``
aliases (bare "cyber", "space" ...) count only as items of a list (see
:mod:`analysis.sectors.finder`). A user CSV has the same columns (:data:`TAXONOMY_COLUMNS`)
and the file rules of every user CSV (:mod:`analysis._userfiles`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from analysis._resources import read_csv_rows
from analysis._userfiles import read_user_csv
from analysis.errors import AnalysisError
from analysis.schemas import conform
from analysis.text.patterns import HYPHENS

__all__ = [
    "ALIAS_SEPARATORS",
    "TAXONOMY_COLUMNS",
    "Sector",
    "Taxonomy",
    "TaxonomyLike",
    "alias_key",
    "as_taxonomy",
    "default_taxonomy",
    "load_taxonomy",
    "taxonomy_frame",
]

#: Columns of the taxonomy CSV (shipped and user files alike).
TAXONOMY_COLUMNS: tuple[str, ...] = (
    "id", "label", "aliases_en", "aliases_ko", "list_only", "source", "notes",
)
_REQUIRED_COLUMNS = ("id", "label")
_WHAT = "taxonomy"
#: Characters that separate the words of an alias without changing what it matches.
ALIAS_SEPARATORS = re.compile(rf"[\s{re.escape(HYPHENS)},·ㆍ・/]+")


@dataclass(frozen=True, slots=True)
class Sector:
    """One sector of the taxonomy: id, label, aliases and where they were seen."""

    id: str
    label: str
    aliases_en: tuple[str, ...] = ()
    aliases_ko: tuple[str, ...] = ()
    list_only: tuple[str, ...] = ()
    source: str = ""
    notes: str = ""

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every alias (English, Korean, list-only), the label's wording first."""
        return (*self.aliases_en, *self.aliases_ko, *self.list_only)


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The sectors a text is matched against, in display order.

    Build one with :func:`load_taxonomy` (the shipped CSV plus any user CSVs).

    Examples
    --------
    >>> taxonomy = default_taxonomy()
    >>> taxonomy.label("cyber-defence")
    'Cyber defence'
    >>> taxonomy.ids()[:2]
    ('dialogue-consultation', 'counter-terrorism')
    """

    sectors: tuple[Sector, ...]

    def ids(self) -> tuple[str, ...]:
        """Return the sector ids in order."""
        return tuple(sector.id for sector in self.sectors)

    def get(self, sector_id: str) -> Sector:
        """Return the sector with id ``sector_id`` (KeyError if there is none)."""
        for sector in self.sectors:
            if sector.id == sector_id:
                return sector
        raise KeyError(f"no sector {sector_id!r}; known: {', '.join(self.ids())}")

    def label(self, sector_id: str) -> str:
        """Return the label of ``sector_id``."""
        return self.get(sector_id).label


#: What a ``taxonomy`` argument may be: the shipped one (None), a Taxonomy, or CSV path(s).
TaxonomyLike = Taxonomy | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None


def alias_key(alias: str) -> str:
    """Return the form two aliases share when they match the same words.

    Examples
    --------
    >>> alias_key("Cyber-defence"), alias_key("women, peace & security")
    ('cyberdefence', 'womenpeaceandsecurity')
    """
    return ALIAS_SEPARATORS.sub("", alias.casefold()).replace("&", "and")


def _split_aliases(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(alias.strip() for alias in value.split("|") if alias.strip())


def _sector_from_row(row: dict[str, str]) -> Sector:
    return Sector(
        id=(row.get("id") or "").strip(),
        label=(row.get("label") or "").strip(),
        aliases_en=_split_aliases(row.get("aliases_en")),
        aliases_ko=_split_aliases(row.get("aliases_ko")),
        list_only=_split_aliases(row.get("list_only")),
        source=(row.get("source") or "").strip(),
        notes=(row.get("notes") or "").strip(),
    )


@cache
def default_taxonomy() -> Taxonomy:
    """Return the shipped taxonomy (``resources/sectors/sectors.csv``).

    Examples
    --------
    >>> len(default_taxonomy().sectors) >= 20
    True
    """
    return Taxonomy(tuple(_sector_from_row(row) for row in read_csv_rows("sectors/sectors.csv")))


_ID_FORMAT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_user_sector(sector: Sector, line: int, path: Path, known: set[str]) -> None:
    where = f"line {line}"
    if not sector.id:
        raise AnalysisError(f"{where}: empty id; give each row a sector id such as 'space'", path)
    if not _ID_FORMAT.match(sector.id):
        raise AnalysisError(
            f"{where}: id {sector.id!r} is not valid; use lowercase letters, digits and "
            "hyphens (e.g. 'information-sharing')",
            path,
        )
    if sector.id not in known and not sector.label:
        raise AnalysisError(f"{where}: new sector {sector.id!r} has no label; add one", path)
    if sector.id not in known and not sector.aliases:
        raise AnalysisError(
            f"{where}: new sector {sector.id!r} has no aliases; add at least one in "
            "aliases_en, aliases_ko or list_only",
            path,
        )
    for alias in sector.aliases:
        if not re.search(r"\w", alias):
            raise AnalysisError(
                f"{where}: alias {alias!r} has no letters; remove it or write a word", path
            )


def _merge(base: Sector, extra: Sector) -> Sector:
    def joined(a: str, b: str) -> str:
        return "; ".join(part for part in (a, b) if part)

    return Sector(
        id=base.id,
        label=extra.label or base.label,
        aliases_en=tuple(dict.fromkeys((*base.aliases_en, *extra.aliases_en))),
        aliases_ko=tuple(dict.fromkeys((*base.aliases_ko, *extra.aliases_ko))),
        list_only=tuple(dict.fromkeys((*base.list_only, *extra.list_only))),
        source=joined(base.source, extra.source),
        notes=joined(base.notes, extra.notes),
    )


def _without_aliases(sector: Sector, taken: set[str]) -> Sector:
    def keep(aliases: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(a for a in aliases if alias_key(a) not in taken)

    return Sector(
        sector.id, sector.label, keep(sector.aliases_en), keep(sector.aliases_ko),
        keep(sector.list_only), sector.source, sector.notes,
    )


def _extend(taxonomy: Taxonomy, path: Path) -> Taxonomy:
    sectors = {sector.id: sector for sector in taxonomy.sectors}
    owner: dict[str, tuple[str, int]] = {}
    user: dict[str, Sector] = {}
    rows = read_user_csv(path, _WHAT, required=_REQUIRED_COLUMNS, known=TAXONOMY_COLUMNS)
    for line, row in rows:
        sector = _sector_from_row(row)
        _check_user_sector(sector, line, path, set(sectors) | set(user))
        if sector.id in user:
            raise AnalysisError(
                f"line {line}: sector {sector.id!r} appears twice in this file; merge the rows",
                path,
            )
        for alias in sector.aliases:
            key = alias_key(alias)
            if key in owner and owner[key][0] != sector.id:
                other, other_line = owner[key]
                raise AnalysisError(
                    f"line {line}: alias {alias!r} is also given to {other!r} on line "
                    f"{other_line}; keep it in one row",
                    path,
                )
            owner[key] = (sector.id, line)
        user[sector.id] = sector
    taken = set(owner)
    merged: dict[str, Sector] = {}
    for sector_id, sector in sectors.items():  # user aliases move to the user's sector
        base = _without_aliases(sector, {k for k in taken if owner[k][0] != sector_id})
        merged[sector_id] = _merge(base, user[sector_id]) if sector_id in user else base
    for sector_id, sector in user.items():
        if sector_id not in merged:
            merged[sector_id] = sector
    return Taxonomy(tuple(merged.values()))


def load_taxonomy(
    *extra: str | os.PathLike[str],
) -> Taxonomy:
    """Return the shipped taxonomy extended by user CSV files.

    A user CSV has the columns of the shipped one (:data:`TAXONOMY_COLUMNS`; ``id`` and
    ``label`` required, the others optional, ``|`` between aliases). A row with a new id
    adds a sector (label and at least one alias required); a row with a known id adds
    aliases to it (and replaces its label when one is given). An alias the user gives
    to one sector is taken away from any other sector that had it.

    Raises
    ------
    AnalysisError
        When a file is missing or malformed; the message names the file, the line and
        the fix.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
    >>> _ = path.write_text("id,label,aliases_en\\ninformation-sharing,Information sharing,"
    ...                     "information sharing\\n", encoding="utf-8")
    >>> load_taxonomy(path).label("information-sharing")
    'Information sharing'
    """
    taxonomy = default_taxonomy()
    for path in extra:
        taxonomy = _extend(taxonomy, Path(path))
    return taxonomy


def as_taxonomy(taxonomy: TaxonomyLike) -> Taxonomy:
    """Return the Taxonomy ``taxonomy`` stands for: shipped (None), itself, or CSV path(s).

    This is the one coercion of a ``taxonomy`` argument; paths extend the shipped
    taxonomy (see :func:`load_taxonomy`).

    Examples
    --------
    >>> as_taxonomy(None) is default_taxonomy()
    True
    """
    if taxonomy is None:
        return default_taxonomy()
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    if isinstance(taxonomy, str | os.PathLike):
        return load_taxonomy(taxonomy)
    if isinstance(taxonomy, Sequence):
        return load_taxonomy(*taxonomy)
    raise TypeError(f"taxonomy must be a Taxonomy or CSV path(s), not {type(taxonomy).__name__}")


def taxonomy_frame(taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """Return the taxonomy as a table (aliases ``|``-joined).

    Examples
    --------
    >>> taxonomy_frame().loc[0, ["id", "label"]].tolist()
    ['dialogue-consultation', 'Dialogue and consultation']
    """
    taxonomy = taxonomy or default_taxonomy()
    rows = [
        {
            "id": s.id,
            "label": s.label,
            "aliases_en": "|".join(s.aliases_en),
            "aliases_ko": "|".join(s.aliases_ko),
            "list_only": "|".join(s.list_only),
            "source": s.source,
            "notes": s.notes,
        }
        for s in taxonomy.sectors
    ]
    return conform(rows, "sector_taxonomy")
