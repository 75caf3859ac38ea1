"""Partnership programmes and the areas they cover, with sources.

``resources/sectors/programmes.csv`` holds one row per programme x area: the wording as
published, its canonical sector (``analysis.sectors.taxonomy``), the total number of areas a
source states, and the source (URL, or outlet and date where no URL is known). An area
no source names is a row with status ``"unknown"``.

Three states are kept apart, never merged:

``"included"``
    a source names the sector among the programme's areas;
``"not included"``
    the programme's full list of areas is known (it has no ``unknown`` row) and the
    sector is not on it;
``"unknown"``
    the sector is not among the areas known, but some areas are not known (the 2012
    IPCP: seven areas, five sectors known), so it may or may not be covered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache

import pandas as pd

from analysis._resources import read_csv_rows
from analysis.schemas import conform
from analysis.sectors.taxonomy import Taxonomy, default_taxonomy

__all__ = [
    "INCLUDED",
    "NOT_INCLUDED",
    "STATUSES",
    "UNKNOWN",
    "ProgrammeArea",
    "load_programmes",
    "programme_sectors",
    "programme_summary",
    "programme_table",
    "programmes_frame",
]

INCLUDED = "included"
NOT_INCLUDED = "not included"
UNKNOWN = "unknown"
#: The cell values of :func:`programme_table`, in legend order.
STATUSES: tuple[str, ...] = (INCLUDED, UNKNOWN, NOT_INCLUDED)


@dataclass(frozen=True, slots=True)
class ProgrammeArea:
    """One area of one programme, as a source publishes it (or an unknown area)."""

    programme_id: str
    partner: str
    programme: str
    acronym: str | None
    year: int | None
    area: str | None
    sector: str
    stated_total: int | None
    status: str
    source: str
    note: str | None = None

    @property
    def known(self) -> bool:
        """True when a source names this area."""
        return self.status == "known"


def _int_or_none(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


def _str_or_none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


@cache
def load_programmes() -> tuple[ProgrammeArea, ...]:
    """Return the shipped programme areas (``resources/sectors/programmes.csv``), in file order.

    Examples
    --------
    >>> areas = [a for a in load_programmes() if a.programme_id == "kor-itpp-2023"]
    >>> len(areas), areas[0].area, areas[0].sector
    (11, 'dialogue and consultation', 'dialogue-consultation')
    """
    return tuple(
        ProgrammeArea(
            programme_id=row["programme_id"].strip(),
            partner=row["partner"].strip(),
            programme=row["programme"].strip(),
            acronym=_str_or_none(row.get("acronym")),
            year=_int_or_none(row.get("year")),
            area=_str_or_none(row.get("area")),
            sector=row["sector"].strip(),
            stated_total=_int_or_none(row.get("stated_total")),
            status=row["status"].strip(),
            source=row["source"].strip(),
            note=_str_or_none(row.get("note")),
        )
        for row in read_csv_rows("sectors/programmes.csv")
    )


def programmes_frame() -> pd.DataFrame:
    """Return the ``programmes`` table: one row per programme x area, with its source.

    Examples
    --------
    >>> frame = programmes_frame()
    >>> frame.groupby("programme_id", sort=False)["status"].apply(
    ...     lambda s: (s == "unknown").sum()).to_dict()
    {'kor-itpp-2023': 0, 'kor-ipcp-2012': 2, 'kor-ipcp-2016': 1, 'kor-ipcp-2017': 0,
     'kor-ipcp-2019': 1, 'jpn-itpp-2023': 5, 'aus-itpp-2023': 1}
    """
    return conform([asdict(area) for area in load_programmes()], "programmes")


def _programme_ids() -> list[str]:
    return list(dict.fromkeys(area.programme_id for area in load_programmes()))


def _check_ids(programmes: Sequence[str]) -> None:
    known = _programme_ids()
    unknown = [p for p in programmes if p not in known]
    if unknown:
        raise KeyError(f"unknown programme(s) {', '.join(unknown)}; known: {', '.join(known)}")


def programme_sectors(programme_id: str) -> tuple[str, ...]:
    """Return the sectors a source names for a programme, in the order first listed.

    Examples
    --------
    >>> programme_sectors("kor-ipcp-2012")
    ('political-military-connectivity', 'cyber-defence', 'disarmament-nonproliferation',
     'counter-terrorism', 'energy-security')
    """
    _check_ids([programme_id])
    return tuple(
        dict.fromkeys(
            a.sector for a in load_programmes() if a.programme_id == programme_id and a.known
        )
    )


def _is_complete(programme_id: str) -> bool:
    return all(a.known for a in load_programmes() if a.programme_id == programme_id)


def programme_summary() -> pd.DataFrame:
    """Return one row per programme: stated total, sectors known, unknown areas.

    ``complete`` is True when a source gives the full list of areas.

    Examples
    --------
    >>> row = programme_summary().set_index("programme_id").loc["kor-ipcp-2012"]
    >>> int(row.stated_total), int(row.n_sectors_known), int(row.n_unknown), bool(row.complete)
    (7, 5, 2, False)
    """
    rows = []
    for programme_id in _programme_ids():
        areas = [a for a in load_programmes() if a.programme_id == programme_id]
        first = areas[0]
        rows.append(
            {
                "programme_id": programme_id,
                "partner": first.partner,
                "programme": first.programme,
                "acronym": first.acronym,
                "year": first.year,
                "stated_total": first.stated_total,
                "n_sectors_known": len(programme_sectors(programme_id)),
                "n_unknown": sum(not a.known for a in areas),
                "complete": _is_complete(programme_id),
                "sources": "; ".join(dict.fromkeys(a.source for a in areas)),
            }
        )
    frame = pd.DataFrame(rows)
    return frame.astype(
        {
            "year": "Int64",
            "stated_total": "Int64",
            "n_sectors_known": "Int64",
            "n_unknown": "Int64",
            "complete": "boolean",
        }
    )


def programme_table(
    programmes: Sequence[str] | None = None,
    *,
    all_sectors: bool = False,
    taxonomy: Taxonomy | None = None,
) -> pd.DataFrame:
    """Return the sector x programme matrix: included / not included / unknown.

    Parameters
    ----------
    programmes : list of programme ids, optional
        Columns, in this order (default: every shipped programme, in file order).
    all_sectors : bool
        Keep every taxonomy sector as a row; by default only those some selected
        programme includes.
    taxonomy : Taxonomy, optional
        For the row order and labels (default: the shipped taxonomy).

    Returns
    -------
    DataFrame
        Columns ``sector``, ``label``, then one column per programme id holding
        ``"included"``, ``"not included"`` or ``"unknown"`` (see the module docs).

    Examples
    --------
    >>> table = programme_table(["kor-itpp-2023", "kor-ipcp-2012"]).set_index("sector")
    >>> table.loc["cyber-defence", ["kor-itpp-2023", "kor-ipcp-2012"]].tolist()
    ['included', 'included']
    >>> table.loc["climate-security", ["kor-itpp-2023", "kor-ipcp-2012"]].tolist()
    ['included', 'unknown']
    >>> table.loc["energy-security", ["kor-itpp-2023", "kor-ipcp-2012"]].tolist()
    ['not included', 'included']
    """
    programmes = list(programmes) if programmes is not None else _programme_ids()
    _check_ids(programmes)
    taxonomy = taxonomy or default_taxonomy()
    known = {p: set(programme_sectors(p)) for p in programmes}
    included_anywhere = set().union(*known.values()) if known else set()
    rows = []
    for sector in taxonomy.sectors:
        if not all_sectors and sector.id not in included_anywhere:
            continue
        row = {"sector": sector.id, "label": sector.label}
        for programme_id in programmes:
            if sector.id in known[programme_id]:
                row[programme_id] = INCLUDED
            else:
                row[programme_id] = NOT_INCLUDED if _is_complete(programme_id) else UNKNOWN
        rows.append(row)
    columns = ["sector", "label", *programmes]
    return pd.DataFrame(rows, columns=columns).astype("string")
