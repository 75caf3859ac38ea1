"""Corpus runs: the one annotation pass over many articles, and the tables it writes.

* :mod:`analysis.corpus.runner`: :func:`extract_corpus` (inputs, batches, resume,
  progress, the errors table);
* :mod:`analysis.corpus.workers`: the per-batch work and where it runs (this process,
  worker processes, a Dask cluster), with the per-article time budget;
* :mod:`analysis.corpus.output`: the output folder (what the run owns, the lock, the
  staging area, parts, the manifest) and :func:`read_table`;
* :mod:`analysis.corpus.dataset`: the tables as a dataset (the manifest's parts only)
  for DuckDB (:func:`connect`) or pandas;
* :mod:`analysis.corpus.queries`: questions over a run's tables (quotes per actor per
  outlet, sector mentions over time, tone toward a target by month), DuckDB or pandas.
"""

from __future__ import annotations

from analysis.corpus.dataset import connect, table_parts
from analysis.corpus.output import CSV_DIR, MANIFEST, MARKER, read_manifest, read_table
from analysis.corpus.queries import (
    quotes_per_actor_outlet,
    sector_mentions_over_time,
    target_tone_over_time,
)
from analysis.corpus.runner import ERRORS_KEPT, TABLES, ExtractResult, extract_corpus
from analysis.corpus.workers import ArticleTimeout, annotate_batch

__all__ = [
    "CSV_DIR",
    "ERRORS_KEPT",
    "MANIFEST",
    "MARKER",
    "TABLES",
    "ArticleTimeout",
    "ExtractResult",
    "annotate_batch",
    "connect",
    "extract_corpus",
    "quotes_per_actor_outlet",
    "read_manifest",
    "read_table",
    "sector_mentions_over_time",
    "table_parts",
    "target_tone_over_time",
]
