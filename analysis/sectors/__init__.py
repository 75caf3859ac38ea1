"""Sectors: taxonomy, finder, programme lists and statements, programmes data.

Modules: ``taxonomy`` (Sector, Taxonomy, loading user taxonomies), ``matching`` (aliases
compiled into one pattern, the SectorMention record), ``mentions`` (which matches count,
their confidence, exclusions), ``names`` (organisation names and titles of the actor
registry), ``lists`` (enumerations, list cues, stated counts), ``attribution`` (programme
references, partners, the programmes dataset), ``clauses`` (two programmes in one
sentence), ``years`` (a programme's year), ``statements`` (the one sentence pass,
ProgrammeStatement), ``statement_rows`` (its table), ``listed`` (reading the table's
items), ``finder`` (find_sector_mentions, find_sectors, the ``sectors`` table) and
``programmes`` (the shipped programmes and their areas).
"""

from __future__ import annotations

from analysis.sectors.finder import (
    FIND_SECTORS_COLUMNS,
    classify_area,
    extract_sectors,
    find_sector_mentions,
    find_sectors,
    sector_mentions_frame,
    sector_rows,
    sectors_frame,
)
from analysis.sectors.matching import MENTION, PROGRAMME_LIST, SectorMention
from analysis.sectors.programmes import (
    INCLUDED,
    NOT_INCLUDED,
    STATUSES,
    UNKNOWN,
    ProgrammeArea,
    load_programmes,
    programme_sectors,
    programme_summary,
    programme_table,
    programmes_frame,
)
from analysis.sectors.statements import (
    ProgrammeStatement,
    parse_programme_statements,
    programme_statement_rows,
    programme_statements_frame,
)
from analysis.sectors.taxonomy import (
    TAXONOMY_COLUMNS,
    Sector,
    Taxonomy,
    as_taxonomy,
    default_taxonomy,
    load_taxonomy,
    taxonomy_frame,
)

__all__ = [
    "FIND_SECTORS_COLUMNS",
    "INCLUDED",
    "MENTION",
    "NOT_INCLUDED",
    "PROGRAMME_LIST",
    "STATUSES",
    "TAXONOMY_COLUMNS",
    "UNKNOWN",
    "ProgrammeArea",
    "ProgrammeStatement",
    "Sector",
    "SectorMention",
    "Taxonomy",
    "as_taxonomy",
    "classify_area",
    "default_taxonomy",
    "extract_sectors",
    "find_sector_mentions",
    "find_sectors",
    "load_programmes",
    "load_taxonomy",
    "parse_programme_statements",
    "programme_sectors",
    "programme_statement_rows",
    "programme_statements_frame",
    "programme_summary",
    "programme_table",
    "programmes_frame",
    "sector_mentions_frame",
    "sector_rows",
    "sectors_frame",
    "taxonomy_frame",
]
