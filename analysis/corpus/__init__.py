"""Corpus runs: the one annotation pass over many articles, and the tables it writes.

* :mod:`analysis.corpus.runner`: :func:`extract_corpus` (batches, worker processes,
  resume, the errors table);
* :mod:`analysis.corpus.output`: the output folder (what the run owns, the lock, the
  staging area, parts, the manifest) and :func:`read_table`.
"""

from __future__ import annotations

from analysis.corpus.output import CSV_DIR, MANIFEST, MARKER, read_manifest, read_table
from analysis.corpus.runner import (
    ERRORS_KEPT,
    TABLES,
    ExtractResult,
    annotate_batch,
    extract_corpus,
)

__all__ = [
    "CSV_DIR",
    "ERRORS_KEPT",
    "MANIFEST",
    "MARKER",
    "TABLES",
    "ExtractResult",
    "annotate_batch",
    "extract_corpus",
    "read_manifest",
    "read_table",
]
