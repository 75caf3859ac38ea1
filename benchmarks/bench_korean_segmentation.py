"""Compare Korean sentence splitters on the hand-made Korean fixture: accuracy and load time.

Splitters: this package's (Kiwi plus the repairs of analysis.text.korean), Kiwi alone
(``kiwipiepy``), and kss when it is installed (it is not a dependency; skipped when
absent). Accuracy on tests/fixtures/segmentation/korean_passages.txt: exact
sentence-boundary precision, recall and F1 and the share of passages split exactly.
Load time: wall seconds of the first import and model load, in this process.

Run from the project root::

    python benchmarks/bench_korean_segmentation.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.evaluation.segmentation import (  # noqa: E402
    read_passages,
    score_splitter,
    spans_from_texts,
)
from analysis.text.segmentation import split_sentences  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "segmentation" / "korean_passages.txt"
Spans = Sequence[tuple[int, int]]


def ours(text: str) -> Spans:
    """This package's splitter (Kiwi with the repairs of analysis.text.korean)."""
    return [(s.start, s.end) for s in split_sentences(text)]


def kiwi_alone() -> Callable[[str], Spans]:
    """Kiwi's ``split_into_sents`` with no repairs."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    return lambda text: [(s.start, s.end) for s in kiwi.split_into_sents(text)]


def kss_splitter() -> Callable[[str], Spans] | None:
    """kss's ``split_sentences``, or None when kss is not installed."""
    try:
        import kss
    except ImportError:
        return None
    return lambda text: spans_from_texts(text, kss.split_sentences(text))


def main(argv: list[str] | None = None) -> int:
    """Print every splitter's scores and load time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    passages = read_passages(FIXTURE)
    results = {}
    for name, make in (("kiwi alone", kiwi_alone), ("kss", kss_splitter),
                       ("ours", lambda: ours)):
        started = time.perf_counter()
        splitter = make()
        loaded = time.perf_counter() - started
        if splitter is None:
            continue
        if name == "ours":  # the first Korean paragraph loads Kiwi
            started = time.perf_counter()
            splitter("첫 문장이다.")
            loaded = time.perf_counter() - started
        scores = score_splitter(splitter, passages)
        results[name] = {"load_seconds": round(loaded, 2), "f1": round(scores.f1, 3),
                         "precision": round(scores.precision, 3),
                         "recall": round(scores.recall, 3), "exact": round(scores.exact, 3),
                         "failures": list(scores.failures)}
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        print(f"{len(passages)} passages in {FIXTURE.name}")
        for name, row in results.items():
            print(f"{name:>10}: F1 {row['f1']:.3f} P {row['precision']:.3f} R {row['recall']:.3f} "
                  f"exact {row['exact']:.3f}  load {row['load_seconds']:.2f} s  "
                  f"failures {', '.join(row['failures']) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
