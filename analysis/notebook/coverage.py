"""Which programme's areas an article is compared with, and what the comparison says.

An article about a partnership programme is compared with the reference list of *that*
programme: the partner is the one the programme-statements extractor reads for each
programme the article names (:func:`analysis.sectors.named_programmes.programmes_named`, with
:mod:`analysis.sectors.attribution`: "NATO and New Zealand's ITPP", "Korea's ITPP,
adopted in Vilnius"), and the reference lists are the curated
``analysis/resources/sectors/programmes.csv``, each row with its source. Four cases, kept
apart (:func:`compared_programme`):

* the article names a programme the project has a list for: its areas are compared, and
  those the article does not mention are said to be left out;
* it names the programme kind (an ITPP) only for partners without a list (New Zealand):
  it says so plainly and compares with no other partner's list;
* it names no such programme, or does not say whose: compared with Korea's 2023 ITPP
  (:data:`ITPP_PROGRAMME`) *for reference only*, never said to leave areas out.

Examples
--------
>>> from analysis.text.document import as_document
>>> doc = as_document("NATO and New Zealand agreed an Individually Tailored Partnership "
...                   "Programme (ITPP) covering cyber defence.")
>>> comparison = compared_programme(doc)
>>> comparison.programme, comparison.unlisted
(None, ('New Zealand',))
>>> print(coverage_markdown(comparison, coverage_counts(itpp_coverage(
...     pd.DataFrame(columns=["sector", "matched"]), programme=comparison.programme))))
**text** names New Zealand's ITPP, of which the package has no reference list of areas (analysis/resources/sectors/programmes.csv): it is not compared with another partner's list.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.errors import AnalysisError
from analysis.figures.inputs import FigureInputs
from analysis.notebook.markdown import MarkdownText, format_markdown
from analysis.sectors import programme_sectors, programme_summary, programmes_frame
from analysis.sectors.named_programmes import ProgrammeNamed, programmes_named
from analysis.sectors.taxonomy import Taxonomy, TaxonomyLike, default_taxonomy
from analysis.text.document import TextLike, as_document

__all__ = [
    "ITPP_PROGRAMME",
    "REFERENCE_TABLE",
    "Comparison",
    "Coverage",
    "ProgrammeNamed",
    "compared_programme",
    "coverage_counts",
    "coverage_markdown",
    "itpp_coverage",
    "names_programme",
    "programme_label",
    "programmes_named",
]

#: The programme an article that names none is compared with, for reference only: the
#: 2023 Korea-NATO ITPP (the project's reference list, Korea Herald, 11 July 2023).
ITPP_PROGRAMME = "kor-itpp-2023"
#: Where the reference lists live, as the sentences name it.
REFERENCE_TABLE = "analysis/resources/sectors/programmes.csv"


def _reference_row(programme: str) -> pd.Series:
    frame = programmes_frame()
    rows = frame[frame["programme_id"] == programme]
    if rows.empty:
        known = ", ".join(sorted(frame["programme_id"].unique()))
        raise AnalysisError(f"no programme {programme!r}; known: {known}")
    return rows.iloc[0]


def names_programme(
    document: TextLike, programme: str = ITPP_PROGRAMME, taxonomy: TaxonomyLike = None
) -> bool:
    """Return whether ``document`` names ``programme``: that partner's, not any of its kind.

    The partner is the one the programme-statements extractor reads
    (:func:`programmes_named`), so an article on New Zealand's ITPP does not name Korea's,
    and one that names an ITPP without saying whose (nor naming a partner at all) names
    no partner's.

    Examples
    --------
    >>> names_programme("Korea and NATO adopted the ITPP in Vilnius.")
    True
    >>> names_programme("NATO and New Zealand signed an Individually Tailored Partnership Program.")
    False
    >>> names_programme("Japan and the Philippines signed a troop pact.")
    False
    """
    _reference_row(programme)  # an unknown programme id fails here
    return any(p.programme_id == programme for p in programmes_named(document, taxonomy))


def programme_label(programme: str) -> str:
    """Name a programme of the reference table in words: partner, acronym and year.

    Examples
    --------
    >>> programme_label("kor-itpp-2023")
    "the Republic of Korea's 2023 ITPP"
    >>> programme_label("jpn-itpp-2023")
    "Japan's 2023 ITPP"
    """
    row = _reference_row(programme)
    partner = str(row["partner"])
    owner = f"the {partner}" if partner.startswith("Republic") else partner
    kind = row["acronym"] if not pd.isna(row["acronym"]) else row["programme"]
    year = "" if pd.isna(row["year"]) else f"{int(row['year'])} "
    return f"{owner}'s {year}{kind}"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Which reference list an article is compared with, and why (:func:`compared_programme`).

    Attributes
    ----------
    article_id : str
    programme : str or None
        The programme id of the list compared with; None: no comparison (a partner
        without a list).
    about : bool
        Whether the article names that programme (then areas it does not mention are
        left out); False: compared for reference only.
    unlisted : tuple of str
        Partners whose programme of this kind the article names and the project has no
        reference list for.
    unknown_partner : bool
        Whether the article names the programme kind without saying whose.
    kind : str
        The kind of programme compared ("ITPP").
    """

    article_id: str
    programme: str | None
    about: bool
    unlisted: tuple[str, ...] = ()
    unknown_partner: bool = False
    kind: str = "ITPP"

    @property
    def complete(self) -> bool:
        """Whether the list compared with is the programme's full list of areas."""
        if self.programme is None:
            return False
        summary = programme_summary().set_index("programme_id")
        return bool(summary.loc[self.programme, "complete"])


def compared_programme(
    source: FigureInputs | TextLike, taxonomy: TaxonomyLike = None,
    reference: str = ITPP_PROGRAMME,
) -> Comparison:
    """Choose the reference list ``document`` is compared with (the cases of the module docs).

    Programmes of the reference's kind (its acronym, e.g. ITPP) that the article names
    are read with their partners (:func:`programmes_named`); the first with a list in
    the programmes table is compared. Partners named without a list are listed in
    ``unlisted``; with no listed one, nothing is compared. An article naming no such
    programme, or one without its partner, is compared with ``reference``, for
    reference only. ``source`` is one article, or a notebook's
    :class:`~analysis.figures.FigureInputs`: its primary article, read by the one
    annotation its tables share (and its taxonomy).

    Examples
    --------
    >>> compared_programme("Korea's ITPP, adopted in Vilnius, covers 11 areas.")
    Comparison(article_id='text', programme='kor-itpp-2023', about=True, unlisted=(), unknown_partner=False, kind='ITPP')
    >>> compared_programme("NATO met in Vilnius.").about
    False
    """
    if isinstance(source, FigureInputs):
        doc = source.primary
        found = programmes_named(doc, readings=source.annotation().sector_readings)
    else:
        doc = as_document(source)
        found = programmes_named(doc, taxonomy)
    kind = str(_reference_row(reference)["acronym"])
    named = [p for p in found if p.acronym == kind]
    listed = [p.programme_id for p in named if p.programme_id is not None]
    unlisted = tuple(dict.fromkeys(p.partner for p in named
                                   if p.partner is not None and p.programme_id is None))
    unknown = any(p.partner is None for p in named) and not listed and not unlisted
    if listed:
        return Comparison(doc.article_id, listed[0], True, unlisted, False, kind)
    if unlisted:
        return Comparison(doc.article_id, None, False, unlisted, False, kind)
    return Comparison(doc.article_id, reference, False, (), unknown, kind)


def itpp_coverage(
    mentions: pd.DataFrame, taxonomy: Taxonomy | None = None,
    programme: str | None = ITPP_PROGRAMME,
) -> pd.DataFrame:
    """Return which areas of ``programme`` (default the ITPP's 11) a ``sectors`` table names.

    One row per area in the programme's order: ``sector``, ``label``, ``named``,
    ``n_mentions`` and ``as_written`` (the article's wordings, ``; ``-joined). For
    ``programme`` None (:attr:`Comparison.programme` of a partner without a list), the
    table has no rows.

    Examples
    --------
    >>> mentions = pd.DataFrame({"sector": ["cyber-defence"], "matched": ["cybersecurity"]})
    >>> coverage = itpp_coverage(mentions)
    >>> len(coverage), int(coverage["named"].sum())
    (11, 1)
    >>> coverage.loc[coverage["named"], "as_written"].tolist()
    ['cybersecurity']
    >>> len(itpp_coverage(mentions, programme=None))
    0
    """
    taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
    rows = []
    for sector in programme_sectors(programme) if programme is not None else ():
        found = mentions[mentions["sector"] == sector]
        rows.append({
            "sector": sector,
            "label": taxonomy.label(sector),
            "named": not found.empty,
            "n_mentions": len(found),
            "as_written": "; ".join(dict.fromkeys(found["matched"].astype(str))),
        })
    columns = {"sector": "string", "label": "string", "named": "boolean",
               "n_mentions": "Int64", "as_written": "string"}
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many of a programme's areas an article names, and which (from :func:`itpp_coverage`)."""

    named: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def n_named(self) -> int:
        """Number of areas named."""
        return len(self.named)

    @property
    def n_areas(self) -> int:
        """Number of areas of the programme."""
        return len(self.named) + len(self.missing)


def coverage_counts(coverage: pd.DataFrame) -> Coverage:
    """Return the labels of the areas an :func:`itpp_coverage` table names and misses.

    Examples
    --------
    >>> counts = coverage_counts(itpp_coverage(pd.DataFrame({"sector": ["cyber-defence"],
    ...                                                      "matched": ["cyber defence"]})))
    >>> counts.n_named, counts.n_areas, counts.named
    (1, 11, ('Cyber defence',))
    """
    named = coverage["named"].astype(bool)
    return Coverage(tuple(coverage.loc[named, "label"].astype(str)),
                    tuple(coverage.loc[~named, "label"].astype(str)))


#: The sentences of :func:`coverage_markdown`, by case; values are filled escaped.
_ABOUT = "**{article}** names **{n}** of the **{total}** areas{known} of {label}."
_ABOUT_MISSING = ("**{article}** leaves out **{n_missing}** of the **{total}** areas{known} "
                  "of {label}: {missing}.")
_REFERENCE = ("**{article}** {does_not_name}; for reference only, of the **{total}** areas{known} "
              "of {label} it mentions **{n}**.")
_REFERENCE_MISSING = ("**{article}** {does_not_name}, so the areas it does not mention are no "
                      "omission; for reference only, of the **{total}** areas{known} of "
                      "{label} it does not mention **{n_missing}**: {missing}.")
_NO_LIST = ("**{article}** names {unlisted}, of which the package has no reference list of "
            "areas ({table}): it is not compared with another partner's list.")
_NO_LIST_MISSING = ("**{article}** is not said to leave out any area: the package has no "
                    "reference list of {unlisted}, and another partner's list is no measure "
                    "of it.")
_INCOMPLETE = (" The reference list is incomplete: its sources name **{n_known}** of the "
               "programme's **{stated}** areas, so the others cannot be compared.")
_INCOMPLETE_UNSTATED = (" The reference list is incomplete: no source lists all of that "
                        "programme's areas.")
_ALSO_UNLISTED = (" It also names {unlisted}, of which the package has no reference list of "
                  "areas.")


def _incomplete_note(programme: str) -> str:
    """Say that ``programme``'s reference list is partial, with how many areas it holds."""
    row = programme_summary().set_index("programme_id").loc[programme]
    if pd.isna(row["stated_total"]):
        return _INCOMPLETE_UNSTATED
    return format_markdown(_INCOMPLETE, n_known=int(row["n_sectors_known"]),
                           stated=int(row["stated_total"]))


def _possessive(partners: tuple[str, ...], kind: str) -> str:
    owners = [f"the {p}" if p.startswith("Republic") else p for p in partners]
    joined = owners[0] if len(owners) == 1 else ", ".join(owners[:-1]) + " and " + owners[-1]
    return f"{joined}'s {kind}" if len(owners) == 1 else f"the {kind}s of {joined}"


def coverage_markdown(comparison: Comparison, counts: Coverage, *,
                      missing: bool = False) -> MarkdownText:
    """Say how many of the compared list's areas an article names, or which it leaves out.

    ``comparison`` is :func:`compared_programme`'s; ``counts`` the :func:`coverage_counts`
    of the :func:`itpp_coverage` table for ``comparison.programme``. Only an article
    that names the programme compared (:attr:`Comparison.about`) is said to leave areas
    out; any other comparison is worded *for reference only*, and a partner without a
    list is said to have none. Values are escaped.

    Examples
    --------
    >>> counts = Coverage(named=("Cyber defence",), missing=("Public diplomacy",))
    >>> about = Comparison("a.txt", "kor-itpp-2023", about=True)
    >>> print(coverage_markdown(about, counts))
    **a.txt** names **1** of the **2** areas of the Republic of Korea's 2023 ITPP.
    >>> print(coverage_markdown(about, counts, missing=True))
    **a.txt** leaves out **1** of the **2** areas of the Republic of Korea's 2023 ITPP: Public diplomacy.
    >>> other = Comparison("b.txt", "kor-itpp-2023", about=False)
    >>> print(coverage_markdown(other, counts, missing=True))
    **b.txt** does not name the Republic of Korea's 2023 ITPP, so the areas it does not mention are no omission; for reference only, of the **2** areas of the Republic of Korea's 2023 ITPP it does not mention **1**: Public diplomacy.
    """
    values: dict[str, object] = {
        "article": comparison.article_id, "n": counts.n_named, "total": counts.n_areas,
        "n_missing": len(counts.missing), "missing": "; ".join(counts.missing) or "none",
        "table": REFERENCE_TABLE,
        "unlisted": _possessive(comparison.unlisted, comparison.kind)
        if comparison.unlisted else "",
    }
    if comparison.programme is None:
        return format_markdown(_NO_LIST_MISSING if missing else _NO_LIST, **values)
    label = programme_label(comparison.programme)
    complete = comparison.complete
    values.update(label=label, known="" if complete else " known by name")
    incomplete = "" if complete else _incomplete_note(comparison.programme)
    if comparison.about:
        template = (_ABOUT_MISSING if missing else _ABOUT) + incomplete
        if comparison.unlisted:
            template += _ALSO_UNLISTED
        return format_markdown(template, **values)
    values["does_not_name"] = (f"names an {comparison.kind} without saying whose"
                               if comparison.unknown_partner else f"does not name {label}")
    return format_markdown((_REFERENCE_MISSING if missing else _REFERENCE) + incomplete, **values)
