"""Time some parts of the annotation pass alone, best of many rounds (no baseline).

On a shared, noisy machine the whole benchmark (``bench_pipeline.py``) moves by a third
from run to run; timing only the parts a change touches, best of ``--rounds``, and
running it on both versions one after the other, gives a paired comparison. Parts are
computed in the order given, over the 200 synthetic articles of ``bench_pipeline.py``
(a part needing an earlier one computes it inside its own time unless that one is
listed before it).

Run from the project root::

    .venv/bin/python benchmarks/bench_stages.py [--parts mentions,sector_readings] [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pipeline import PARTS, synthetic_corpus  # noqa: E402

from analysis import as_document  # noqa: E402
from analysis.pipeline import Annotation, Context  # noqa: E402

DEFAULT_PARTS = ("mentions", "sector_readings", "sector_mentions", "programme_statements")


def time_parts(parts: Sequence[str], n_articles: int = 200, rounds: int = 5) -> dict[str, float]:
    """Return the best CPU seconds of each part over ``rounds`` fresh annotation passes."""
    warnings.simplefilter("ignore")  # the synthetic articles are English; no noise
    documents = [as_document(article) for article in synthetic_corpus(n_articles)]
    context = Context()
    for part in parts:  # warm up: registry patterns, taxonomy, lexicons
        getattr(Annotation(documents[0], context), part)
    best: dict[str, float] = {}
    for _ in range(rounds):
        annotations = [Annotation(document, context) for document in documents]
        for part in parts:
            started = time.process_time()
            for annotation in annotations:
                getattr(annotation, part)
            best[part] = min(best.get(part, float("inf")), time.process_time() - started)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", default=",".join(DEFAULT_PARTS),
                        help=f"comma-separated, of: {', '.join(PARTS)}")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    parts = [part for part in args.parts.split(",") if part]
    unknown = [part for part in parts if part not in PARTS]
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    for part, seconds in time_parts(parts, args.articles, args.rounds).items():
        print(f"{part:24} {seconds:8.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
