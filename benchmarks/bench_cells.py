"""Benchmark the cost of safe output cells (:mod:`analysis.cells`) on a real corpus run.

Writes the PolNeAR train texts, replicated to ``--articles`` records (as
``bench_corpus.py`` does, in a temporary folder deleted at the end; no corpus text
enters the repository), runs ``python -m analysis extract FILE --out DIR --csv
--quiet`` on it (default workers), then reads every part of every table back and
times, per table, over all parts:

* ``parquet_write``: ``to_parquet`` of the part as it is;
* ``control``: :func:`analysis.cells.replace_control_characters` (every output: what
  the Parquet path adds);
* ``csv_plain``: ``to_csv`` as the package wrote before the cells were made safe;
* ``csv_safe``: :func:`analysis.cells.write_csv` with ``cleaned=True`` (formula
  escapes and the same ``to_csv``), as the corpus writer calls it after the control
  pass of the Parquet path.

It reports the seconds of each, the text cells checked, and the overhead of the safe
cells as a share of the extract run's wall time (``control`` always; ``csv_safe -
csv_plain`` with ``--csv``). Run from the project root::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_cells.py \\
        --polnear ../shared/corpora/polnear/train --articles 5000
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.cells import replace_control_characters, write_csv  # noqa: E402
from analysis.corpus import read_manifest  # noqa: E402
from benchmarks.bench_corpus import DEFAULT_POLNEAR, read_sources, write_corpus  # noqa: E402


def _timed(action: Callable[..., Any], *args: Any, **kwargs: Any) -> float:
    started = time.perf_counter()
    action(*args, **kwargs)
    return time.perf_counter() - started


def measure_tables(out: Path, scratch: Path) -> dict[str, dict[str, float]]:
    """Time the four writes of every table part of the run in ``out``."""
    results: dict[str, dict[str, float]] = {}
    manifest = read_manifest(out)
    for table, entry in sorted(manifest["tables"].items()):
        totals = {"rows": 0, "text_cells": 0, "parquet_write": 0.0, "control": 0.0,
                  "csv_plain": 0.0, "csv_safe": 0.0}
        for part in entry["parts"]:
            frame = pd.read_parquet(out / table / part["name"])
            text = [c for c in frame.columns if isinstance(frame[c].dtype, pd.StringDtype)]
            totals["rows"] += len(frame)
            totals["text_cells"] += len(frame) * len(text)
            totals["parquet_write"] += _timed(frame.to_parquet, scratch / "p.parquet",
                                              index=False)
            totals["control"] += _timed(replace_control_characters, frame)
            totals["csv_plain"] += _timed(frame.to_csv, scratch / "p.csv", index=False,
                                          lineterminator="\n")
            totals["csv_safe"] += _timed(write_csv, frame, scratch / "s.csv", cleaned=True)
        results[table] = totals
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=ROOT / DEFAULT_POLNEAR)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    temporary = Path(tempfile.mkdtemp(prefix="bench-cells-"))
    try:
        corpus = temporary / "corpus.jsonl"
        write_corpus(read_sources(args.polnear), args.articles, corpus)
        out = temporary / "out"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "extract", str(corpus), "--out",
                        str(out), "--csv", "--quiet"], check=True, cwd=ROOT)
        wall = time.perf_counter() - started
        tables = measure_tables(out, temporary)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    total = {key: sum(t[key] for t in tables.values()) for key in next(iter(tables.values()))}
    summary = {
        "articles": args.articles, "extract_wall_s": round(wall, 2),
        "text_cells": int(total["text_cells"]),
        "control_s": round(total["control"], 3),
        "csv_extra_s": round(total["csv_safe"] - total["csv_plain"], 3),
        "control_share_of_wall": round(total["control"] / wall, 4),
        "csv_extra_share_of_wall": round((total["csv_safe"] - total["csv_plain"]) / wall, 4),
        "parquet_write_s": round(total["parquet_write"], 3),
        "csv_plain_s": round(total["csv_plain"], 3),
    }
    if args.json:
        print(json.dumps({"summary": summary, "tables": tables}, indent=1))
        return
    print(f"{'table':<22}{'rows':>9}{'text cells':>12}{'parquet s':>11}{'control s':>11}"
          f"{'csv s':>9}{'safe csv s':>12}")
    for name, t in tables.items():
        print(f"{name:<22}{t['rows']:>9}{t['text_cells']:>12}{t['parquet_write']:>11.3f}"
              f"{t['control']:>11.3f}{t['csv_plain']:>9.3f}{t['csv_safe']:>12.3f}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
