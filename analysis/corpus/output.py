"""The output folder of a corpus run: what it owns, how a run stages, swaps and is read.

Layout of ``DIR`` (every table a dataset pandas, DuckDB, Dask and Spark read as it is)::

    DIR/_analysis_output.json        marker: this folder is an ``analysis`` output
    DIR/_manifest.json               written last: run, settings, every part with rows and hash
    DIR/<table>/part-NNNNN.parquet   one part per batch of articles (``errors`` too)
    DIR/csv/<table>/part-NNNNN.csv   CSV copies, only with ``--csv`` (spreadsheet-safe)

Rules:

* **The runner owns only what it wrote.** A new or empty folder gets the marker; a
  folder with the marker (or the manifest of an earlier version of this package) is
  ours; any other non-empty folder is refused, so a run never deletes a user's files.
  Inside our folder only what the previous manifest lists is ever replaced.
* **CSV copies follow their tables.** A table this run writes loses the CSV copy of its
  earlier version, with or without ``--csv`` (a run without it leaves no copy that no
  longer matches the table); a table kept from an earlier run keeps its copy; the
  ``csv/`` folder goes when it is left empty (never when it holds a file of yours).
* **Nothing is visible before it is complete.** Parts are written in
  ``DIR/.staging/`` (each under a temporary name, then renamed, with a record of its
  rows and hashes written after it); the earlier complete run stays readable until the
  new one has written every part, then the tables are swapped in and the manifest is
  written last. A run killed at any point leaves either the earlier run (intact) or no
  manifest: never a table that looks complete.
* **One run at a time.** ``DIR/.analysis.lock`` holds the writing process's id; a second
  run into the same folder is refused while that process lives.
* **Safe cells.** Every file's text cells are free of control characters (replaced
  one for one by U+FFFD, so offsets hold) and CSV copies escape formula cells with a
  leading ``'`` (:mod:`analysis.cells`); Parquet keeps the true values. The manifest
  counts both.
* **Reading checks.** :func:`read_table` reads only the parts the manifest lists and
  checks their row counts (and, with ``verify=True``, their SHA-256).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from analysis.cells import replace_control_characters, write_csv
from analysis.errors import AnalysisError
from analysis.schemas import conform

__all__ = [
    "CONTROL_COUNT",
    "CSV_DIR",
    "ESCAPED_COUNT",
    "LOCK",
    "MANIFEST",
    "MARKER",
    "STAGING",
    "OutputFolder",
    "read_manifest",
    "read_table",
    "table_parts",
]

MANIFEST = "_manifest.json"
MARKER = "_analysis_output.json"
STAGING = ".staging"
LOCK = ".analysis.lock"
CSV_DIR = "csv"
#: The version of this layout, in the marker and the manifest.
FORMAT = 2
_PARTS = "_parts"
#: The files a table folder holds: parts, and their temporary names while written.
_PART_NAME = re.compile(r"\.?part-\d{5}\.(?:parquet|csv)(?:\.tmp)?")
_REPLACED = "_replaced"
#: The count, in a part's record and the manifest, of control characters replaced.
CONTROL_COUNT = "n_control_characters_replaced"
#: The count, with CSV copies, of CSV cells escaped as formulas.
ESCAPED_COUNT = "n_csv_cells_escaped"


def _write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Write ``data`` as JSON under a temporary name, then rename (never half-written)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    os.replace(temporary, path)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def read_manifest(out_dir: str | os.PathLike[str]) -> dict[str, Any]:
    """Return the manifest of the complete run in ``out_dir``.

    Raises
    ------
    AnalysisError
        When there is none (the run did not finish, or this is no output folder).
    """
    path = Path(out_dir) / MANIFEST
    if not Path(out_dir).is_dir():
        raise AnalysisError("no such folder; give the --out folder of a corpus run", out_dir)
    if not path.is_file():
        raise AnalysisError(
            "no _manifest.json: no run finished here; run `python -m analysis extract` "
            "again (with --resume to go on with an interrupted one)", out_dir)
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class OutputFolder:
    """The output folder of one corpus run: ownership, lock, staging, parts and swap.

    Use it as a context manager: entering checks the folder is ours and takes the lock;
    :meth:`write_part` writes one batch's tables into the staging area;
    :meth:`complete` swaps them in and writes the manifest; leaving releases the lock
    (an unfinished staging area stays for ``--resume``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> with OutputFolder(out, settings={"tables": ["articles"]}) as folder:
    ...     _ = folder.write_part(0, {"articles": pd.DataFrame({"article_id": ["a"]})},
    ...                           {"n_inputs": 1, "n_articles": 1, "n_errors": 0})
    ...     _ = folder.complete()
    >>> sorted(p.name for p in out.iterdir())
    ['_analysis_output.json', '_manifest.json', 'articles']
    >>> read_table(out, "articles")["article_id"].tolist()
    ['a']
    """

    path: Path
    settings: Mapping[str, Any] = field(default_factory=dict)
    resume: bool = False
    csv: bool = False
    _records: dict[int, dict[str, Any]] = field(default_factory=dict, init=False)
    _locked: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    # -- ownership and lock ------------------------------------------------------------

    def __enter__(self) -> OutputFolder:
        self._claim()
        self._lock()
        self._prepare_staging()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._unlock()

    @property
    def staging(self) -> Path:
        """Where this run writes before its output is complete."""
        return self.path / STAGING

    def _claim(self) -> None:
        """Make sure the folder is ours: new, empty, marked, or an earlier run's output."""
        if self.path.exists() and not self.path.is_dir():
            raise AnalysisError("--out is a file; give a folder", self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        marker = self.path / MARKER
        if marker.is_file():
            return
        if (self.path / MANIFEST).is_file():
            legacy = json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))
            if legacy.get("package") == "analysis":  # written before the marker existed
                _write_json(marker, {"package": "analysis", "format": FORMAT})
                return
        if any(self.path.iterdir()):
            raise AnalysisError(
                "not empty and not an analysis output folder (no _analysis_output.json): "
                "the run would mix its tables with your files; give a new or empty folder",
                self.path,
            )
        _write_json(marker, {"package": "analysis", "format": FORMAT})

    def _lock(self) -> None:
        lock = self.path / LOCK
        mine = self.path / f".{LOCK}.{os.getpid()}"
        mine.write_text(str(os.getpid()), encoding="utf-8")  # the pid is in place first,
        try:
            self._take(lock, mine)  # so no run ever reads an empty lock as a stale one
        finally:
            mine.unlink(missing_ok=True)

    def _take(self, lock: Path, mine: Path) -> None:
        for _ in range(2):
            try:
                os.link(mine, lock)  # atomic: fails when another run holds the lock
            except FileExistsError:
                try:
                    pid = int(lock.read_text(encoding="utf-8").strip() or 0)
                except (OSError, ValueError):
                    pid = 0
                if pid and pid != os.getpid() and _process_alive(pid):
                    raise AnalysisError(
                        f"another extract run (process {pid}) is writing here; wait for it "
                        "to finish or give another --out folder", self.path) from None
                lock.unlink(missing_ok=True)  # left by a run that was killed
                continue
            self._locked = True
            return
        raise AnalysisError("could not take the lock of the output folder; try again", lock)

    def _unlock(self) -> None:
        if self._locked:
            (self.path / LOCK).unlink(missing_ok=True)
            self._locked = False

    # -- staging -------------------------------------------------------------------------

    def _prepare_staging(self) -> None:
        if (self.staging / MANIFEST).is_file():  # a run was stopped while swapping in
            self._finish_swap()
        settings_path = self.staging / "_settings.json"
        if self.resume and settings_path.is_file():
            earlier = json.loads(settings_path.read_text(encoding="utf-8"))
            if earlier != json.loads(json.dumps(self.settings)):
                changed = sorted(k for k in set(earlier) | set(self.settings)
                                 if earlier.get(k) != json.loads(json.dumps(self.settings)).get(k))
                raise AnalysisError(
                    "--resume: the interrupted run here had other inputs or options ("
                    f"{', '.join(changed)} differ: files changed since, or another --tables, "
                    "--actors-csv, --taxonomy or --overrides); run again without --resume "
                    "to start over", self.path)
            for record_path in sorted((self.staging / _PARTS).glob("part-*.json")):
                record = json.loads(record_path.read_text(encoding="utf-8"))
                self._records[int(record["part"])] = record
            return
        if self.staging.exists():
            shutil.rmtree(self.staging)  # an unfinished run of ours, not resumed
        (self.staging / _PARTS).mkdir(parents=True)
        _write_json(settings_path, self.settings)

    def done(self, number: int) -> bool:
        """Tell whether part ``number`` was written completely (by this run or resumed)."""
        return number in self._records

    @property
    def records(self) -> list[dict[str, Any]]:
        """The records of every complete part, in part order."""
        return [self._records[number] for number in sorted(self._records)]

    def write_part(
        self, number: int, frames: Mapping[str, pd.DataFrame], counts: Mapping[str, int]
    ) -> dict[str, Any]:
        """Write part ``number`` of every table and, last, its record; return the record.

        Text cells lose their control characters in every file (replaced one for one by
        U+FFFD, :func:`analysis.cells.replace_control_characters`); CSV copies also
        escape cells a spreadsheet would run as formulas
        (:func:`analysis.cells.write_csv`). The record counts both
        (:data:`CONTROL_COUNT`, and :data:`ESCAPED_COUNT` with CSV copies).
        """
        record: dict[str, Any] = {"part": number, **counts, CONTROL_COUNT: 0, "tables": {}}
        if self.csv:
            record[ESCAPED_COUNT] = 0
        name = f"part-{number:05d}"
        for table, frame in frames.items():
            clean = replace_control_characters(frame)
            record[CONTROL_COUNT] += clean.n_control_characters
            folder = self.staging / table
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{name}.parquet"
            temporary = folder / f".{name}.parquet.tmp"
            clean.frame.to_parquet(temporary, index=False)
            os.replace(temporary, target)
            record["tables"][table] = {"rows": len(frame), "sha256": _sha256(target)}
            if self.csv:
                csv_folder = self.staging / CSV_DIR / table
                csv_folder.mkdir(parents=True, exist_ok=True)
                csv_temporary = csv_folder / f".{name}.csv.tmp"
                record[ESCAPED_COUNT] += write_csv(clean.frame, csv_temporary,
                                                     cleaned=True).n_escaped
                os.replace(csv_temporary, csv_folder / f"{name}.csv")
        _write_json(self.staging / _PARTS / f"{name}.json", record)
        self._records[number] = record
        return record

    # -- completion ----------------------------------------------------------------------

    def complete(self, summary: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Swap the staged tables in and write the manifest last; return the manifest."""
        from analysis import __version__

        tables = sorted({t for record in self._records.values() for t in record["tables"]})
        manifest: dict[str, Any] = {
            "package": "analysis",
            "format": FORMAT,
            "package_version": __version__,
            "settings": dict(self.settings),
            "tables": {},
            **(dict(summary) if summary else {}),
        }
        earlier = self._earlier_manifest()
        for table in tables:
            parts = [
                {"name": f"part-{record['part']:05d}.parquet", **record["tables"][table]}
                for record in self.records if table in record["tables"]
            ]
            manifest["tables"][table] = {"rows": sum(p["rows"] for p in parts), "parts": parts}
        kept = {t: entry for t, entry in earlier.get("tables", {}).items()
                if t not in manifest["tables"] and isinstance(entry, dict) and "parts" in entry}
        for table, entry in kept.items():  # tables this run did not write stay as they were
            manifest["tables"][table] = {**entry, "from_earlier_run": True}
        earlier_inputs = earlier.get("settings", {}).get("input_files")
        if kept and earlier_inputs != self.settings.get("input_files"):
            warnings.warn(
                f"{self.path}: the tables {', '.join(sorted(kept))} are kept from an earlier run "
                "over other inputs; run them again with --tables for one consistent set",
                stacklevel=2)
        _write_json(self.staging / MANIFEST, manifest)
        self._swap(tables, earlier)
        return manifest

    def _earlier_manifest(self) -> dict[str, Any]:
        path = self.path / MANIFEST
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def _owned_earlier(self, earlier: Mapping[str, Any]) -> set[str]:
        """Names of the table folders the earlier run's manifest says it wrote."""
        tables = earlier.get("tables")
        if isinstance(tables, dict):
            return set(tables)
        return set(earlier.get("settings", {}).get("tables", [])) | {"errors"}  # format 1

    def _swap(self, tables: Sequence[str], earlier: Mapping[str, Any]) -> None:
        owned = self._owned_earlier(earlier)
        for table in tables:
            for root in (self.path, self.path / CSV_DIR):
                if (root / table).exists() and table not in owned:
                    raise AnalysisError(
                        f"{root / table} exists but no earlier run of this package wrote it; "
                        "move it away and run again with --resume (the staged run is kept)",
                        self.path)
                foreign = _foreign_files(root / table)
                if foreign:
                    raise AnalysisError(
                        f"{foreign[0]} was not written by this package, and replacing the "
                        f"{table} table would remove it; move it away and run again with "
                        "--resume (the staged run is kept)", self.path)
        replaced = self.staging / _REPLACED
        replaced.mkdir(exist_ok=True)
        if (self.path / MANIFEST).exists():  # no manifest while tables are swapped
            os.replace(self.path / MANIFEST, replaced / MANIFEST)
        for table in tables:
            for source, target in ((self.staging / table, self.path / table),
                                   (self.staging / CSV_DIR / table, self.path / CSV_DIR / table)):
                if target.exists():
                    stem = "csv-" + table if target.parent.name == CSV_DIR else table
                    os.replace(target, replaced / stem)
                if source.exists():
                    target.parent.mkdir(exist_ok=True)
                    os.replace(source, target)
        self._finish_swap()

    def _finish_swap(self) -> None:
        """Move every staged table still in staging into place, then the manifest, last.

        Also finishes a swap that a killed run left half done: its staged manifest says
        the staged tables are complete. A ``csv/`` folder left empty (a run without CSV
        copies replaced the tables that had them) is removed before the manifest.
        """
        replaced = self.staging / _REPLACED
        replaced.mkdir(exist_ok=True)
        for root in (self.staging, self.staging / CSV_DIR):
            if not root.is_dir():
                continue
            for source in sorted(root.iterdir()):
                if not source.is_dir() or source.name.startswith("_") or source.name == CSV_DIR:
                    continue
                target = (self.path / CSV_DIR if root.name == CSV_DIR else self.path) / source.name
                if target.exists():
                    os.replace(target, replaced / f"{root.name}-{source.name}")
                target.parent.mkdir(exist_ok=True)
                os.replace(source, target)
        _remove_if_empty(self.path / CSV_DIR)
        os.replace(self.staging / MANIFEST, self.path / MANIFEST)
        shutil.rmtree(self.staging)


def _remove_if_empty(folder: Path) -> None:
    """Remove ``folder`` when it is an empty folder (it then holds nothing of anyone's).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "csv").mkdir(); _remove_if_empty(root / "csv"); (root / "csv").exists()
    False
    >>> (root / "csv").mkdir(); _ = (root / "csv" / "notes.txt").write_text("mine")
    >>> _remove_if_empty(root / "csv"); (root / "csv" / "notes.txt").exists()
    True
    """
    if folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
        folder.rmdir()


def _foreign_files(folder: Path) -> list[Path]:
    """Return the files in a table folder that are not parts this package writes."""
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.iterdir())
            if not (path.is_file() and _PART_NAME.fullmatch(path.name))]


def table_parts(
    out_dir: str | os.PathLike[str], table: str, *, verify: bool = False
) -> list[Path]:
    """Return the Parquet parts of ``table`` that the run in ``out_dir`` lists, checked.

    Each part must exist with the row count the manifest records (and, with ``verify``,
    its SHA-256); files in the table's folder that the manifest does not list are not
    returned. :func:`read_table` and the DuckDB views of :mod:`analysis.corpus.dataset`
    read exactly these.

    Raises
    ------
    AnalysisError
        When ``out_dir`` holds no complete run (no manifest), the run did not write
        ``table``, or a part is missing or differs from the manifest.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analysis.corpus import extract_corpus
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("NATO met.")
    >>> _ = extract_corpus(root / "a.txt", root / "out", tables=["articles"])
    >>> [p.name for p in table_parts(root / "out", "articles")]
    ['part-00000.parquet']
    """
    out = Path(out_dir)
    entry = read_manifest(out).get("tables", {}).get(table)
    if not isinstance(entry, dict) or "parts" not in entry:
        raise AnalysisError(f"no {table!r} table in this run; extract it with --tables", out)
    parts = []
    for part in entry["parts"]:
        path = out / table / part["name"]
        if not path.is_file():
            raise AnalysisError(f"{table}: part {part['name']} is missing; run extract again", out)
        rows = pq.ParquetFile(path).metadata.num_rows
        if rows != part["rows"] or (verify and _sha256(path) != part["sha256"]):
            raise AnalysisError(
                f"{table}: part {part['name']} differs from the manifest (changed after the "
                "run, or another run wrote it); run extract again", out)
        parts.append(path)
    return parts


def read_table(
    out_dir: str | os.PathLike[str], table: str, *, verify: bool = False
) -> pd.DataFrame:
    """Read a table written by :func:`analysis.corpus.extract_corpus` (the parts it lists).

    Every part the manifest lists must be there with its row count (and, with
    ``verify``, its SHA-256); parts the manifest does not list are not read
    (:func:`table_parts`).

    Raises
    ------
    AnalysisError
        If the run is unfinished (no manifest), the table was not written, or a part is
        missing or differs from the manifest.
    """
    frames = [pd.read_parquet(path) for path in table_parts(out_dir, table, verify=verify)]
    if not frames:
        return conform(None, table)
    return conform(pd.concat(frames, ignore_index=True), table)
