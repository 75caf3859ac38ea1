"""Time NLTK's VADER against ``analysis.sentiment.vader.polarity_scores`` (same scores, faster).

The seed article's sentences are repeated to ``--sentences`` sentences; each scorer runs
over all of them (CPU time, best of ``--rounds``). The script also checks that the two
give identical scores on every sentence.

Run from the project root::

    .venv/bin/python benchmarks/bench_vader.py [--sentences 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import as_document, load_article  # noqa: E402
from analysis.sentiment.vader import analyzer, polarity_scores  # noqa: E402

SEED = ROOT / "data" / "raw" / "articles" / "joongang-2023-07-11-yoon-stoltenberg-itpp.txt"


def seed_sentences(n: int) -> list[str]:
    """Return ``n`` sentences: the seed article's, repeated in order."""
    document = as_document(load_article(SEED))
    base = list(document.sentence_texts())
    return [base[i % len(base)] for i in range(n)]


def best_time(score: Callable[[str], object], sentences: Sequence[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.process_time()
        for sentence in sentences:
            score(sentence)
        times.append(time.process_time() - started)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    sentences = seed_sentences(args.sentences)
    nltk_scores = analyzer().polarity_scores
    different = sum(1 for s in set(sentences) if nltk_scores(s) != polarity_scores(s))
    nltk_seconds = best_time(nltk_scores, sentences, args.rounds)
    ours_seconds = best_time(polarity_scores, sentences, args.rounds)
    n = len(sentences)
    print(f"{n} sentences (the seed article's, repeated); {different} scored differently")
    print(f"NLTK SentimentIntensityAnalyzer  {nltk_seconds:6.2f} s  {n / nltk_seconds:>9,.0f} sentences/s")
    print(f"analysis.sentiment.vader.polarity_scores   {ours_seconds:6.2f} s  {n / ours_seconds:>9,.0f} sentences/s")
    print(f"speed-up {nltk_seconds / ours_seconds:.2f}x")
    return 1 if different else 0


if __name__ == "__main__":
    raise SystemExit(main())
