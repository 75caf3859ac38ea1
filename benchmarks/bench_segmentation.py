"""Compare sentence splitters on the hand-made fixture: accuracy and speed.

Splitters: this package's (NLTK Punkt with the abbreviation and sentence-starter lists
shipped in analysis/resources, plus its list, quote and number rules), NLTK's untrained
``PunktSentenceTokenizer()``, and pysbd when it is installed (it is not a dependency;
it is skipped when absent).

Accuracy on tests/fixtures/segmentation/passages.txt: exact sentence-boundary
precision, recall and F1, and the share of passages split exactly as the gold.
Speed: the fixture's passages are grouped into article-sized documents (about 5,000
characters, passages as paragraphs) repeated to about 1 MB; each splitter segments
every document; gold sentences per CPU second (``time.process_time``, so other
processes on a shared machine disturb it little), best of ``--rounds`` runs.

Run from the project root::

    .venv/bin/python benchmarks/bench_segmentation.py [--megabytes 1] [--rounds 3] [--json]
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
    Passage,
    read_passages,
    score_splitter,
    spans_from_texts,
)
from analysis.text.document import split_sentences  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "segmentation" / "passages.txt"
Spans = Sequence[tuple[int, int]]


def ours(text: str) -> Spans:
    """This package's splitter (analysis.text.document)."""
    return [(s.start, s.end) for s in split_sentences(text)]


def untrained_punkt() -> Callable[[str], Spans]:
    """NLTK's Punkt with empty parameters, as ``PunktSentenceTokenizer()`` gives it."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()
    return lambda text: list(tokenizer.span_tokenize(text))


def pysbd_splitter() -> Callable[[str], Spans] | None:
    """pysbd's English segmenter (clean=False keeps the text), or None if not installed."""
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: spans_from_texts(text, segmenter.segment(text))


def splitters() -> dict[str, Callable[[str], Spans]]:
    """The splitters to compare, by name (pysbd only when installed)."""
    found: dict[str, Callable[[str], Spans]] = {
        "analysis (Punkt + shipped lists)": ours,
        "NLTK Punkt, untrained": untrained_punkt(),
    }
    sbd = pysbd_splitter()
    if sbd is not None:
        found["pysbd 0.3 (en, clean=False)"] = sbd
    return found


def speed_corpus(passages: Sequence[Passage], megabytes: float) -> tuple[list[str], int]:
    """Article-sized documents of the passages (as paragraphs) repeated to ~``megabytes``.

    Returns the documents and the number of gold sentences they hold.
    """
    documents: list[str] = []
    gold = 0
    size = 0
    current: list[str] = []
    current_size = 0
    while size < megabytes * 1_000_000:
        for passage in passages:
            current.append(passage.text)
            current_size += len(passage.text) + 2
            gold += len(passage.sentences)
            if current_size >= 5_000:
                documents.append("\n\n".join(current))
                size += current_size
                current, current_size = [], 0
    if current:
        documents.append("\n\n".join(current))
    return documents, gold


def time_splitter(splitter: Callable[[str], Spans], documents: Sequence[str], rounds: int) -> float:
    """Return the best CPU time in seconds (this process) of segmenting every document."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for document in documents:
            splitter(document)
        best = min(best, time.process_time() - started)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=1.0, help="speed corpus size (default 1)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds, best kept (default 3)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--failures", action="store_true", help="list the passages each gets wrong")
    args = parser.parse_args(argv)

    passages = read_passages(FIXTURE)
    documents, gold_sentences = speed_corpus(passages, args.megabytes)
    characters = sum(len(d) for d in documents)
    results = []
    for name, splitter in splitters().items():
        splitter(documents[0])  # warm up: load word lists, compile patterns
        scores = score_splitter(splitter, passages)
        seconds = time_splitter(splitter, documents, args.rounds)
        results.append({
            "splitter": name,
            "boundary_precision": round(scores.precision, 3),
            "boundary_recall": round(scores.recall, 3),
            "boundary_f1": round(scores.f1, 3),
            "passages_exact": round(scores.exact, 3),
            "passages": scores.n_passages,
            "failures": list(scores.failures),
            "seconds": round(seconds, 3),
            "sentences_per_second": round(gold_sentences / seconds),
            "megabytes_per_second": round(characters / seconds / 1e6, 3),
        })
    if args.json:
        print(json.dumps({"characters": characters, "gold_sentences": gold_sentences,
                          "results": results}, indent=2))
        return 0
    print(f"fixture: {len(passages)} passages; speed corpus: {len(documents)} documents, "
          f"{characters / 1e6:.2f} M characters, {gold_sentences} gold sentences\n")
    print(f"{'splitter':36} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6} {'sent/s':>9} {'MB/s':>6}")
    for r in results:
        print(f"{r['splitter']:36} {r['boundary_precision']:6.3f} {r['boundary_recall']:6.3f} "
              f"{r['boundary_f1']:6.3f} {r['passages_exact']:6.3f} "
              f"{r['sentences_per_second']:9,d} {r['megabytes_per_second']:6.2f}")
        if args.failures:
            print("    wrong:", ", ".join(r["failures"]) or "none")
    if not any(r["splitter"].startswith("pysbd") for r in results):
        print("\npysbd is not installed: skipped (pip install pysbd to compare).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
