"""Measure the pipeline's speed against the corpus budget: NLTK Punkt + VADER alone.

The budget (corpus issue): the whole pipeline must process text no slower than NLTK
Punkt sentence splitting followed by VADER on every sentence. This script builds a
synthetic corpus by repeating the seed article with small deterministic variations
(names, numbers, paragraph order), times the baseline, then times each named stage
of the package's pipeline on Documents and reports characters per CPU second
(``time.process_time``, best of ``--rounds``) and the ratio to the budget.

The stages are the parts of the one annotation pass (``analysis.pipeline.Annotation``:
actor mentions, quotes, the sentences read for sectors, sector mentions, programme
statements, sentence tones, target tones, quote tones), each over all the Documents, then turning the records into every table of
a corpus run; the "document" stage (reading the article into a Document: paragraphs and
sentences) is timed first.

Run from the project root::

    .venv/bin/python benchmarks/bench_pipeline.py [--articles 200] [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import Article, Document, as_document, load_article  # noqa: E402
from analysis.sentiment.vader import analyzer  # noqa: E402

SEED = ROOT / "data" / "raw" / "articles" / "joongang-2023-07-11-yoon-stoltenberg-itpp.txt"

_SWAPS = [
    ("Yoon", "Moon"), ("Stoltenberg", "Rutte"), ("Vilnius", "Washington"),
    ("Lithuania", "the United States"), ("Tuesday", "Wednesday"), ("Madrid", "Brussels"),
    ("Kishida", "Ishiba"), ("11 sectors", "nine sectors"), ("2012", "2014"),
]


def synthetic_corpus(n_articles: int, seed: int = 20230711) -> list[Article]:
    """Return ``n_articles`` variants of the seed article (deterministic for ``seed``)."""
    base = load_article(SEED)
    paragraphs = base.text.split("\n")
    rng = random.Random(seed)
    corpus = []
    for number in range(n_articles):
        text_paragraphs = paragraphs[:]
        body = text_paragraphs[1:-1]
        rng.shuffle(body)
        text = "\n".join([text_paragraphs[0], *body, text_paragraphs[-1]])
        for old, new in rng.sample(_SWAPS, k=3):
            text = text.replace(old, new)
        corpus.append(Article(article_id=f"synthetic-{number:05d}", text=text, language="en"))
    return corpus


# --------------------------------------------------------------------------- baseline


def baseline(articles: Sequence[Article]) -> int:
    """NLTK Punkt (untrained: no NLTK data is assumed) then VADER on every sentence."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()
    vader = analyzer()  # NLTK's SentimentIntensityAnalyzer code, lexicon from the package
    n = 0
    for article in articles:
        for sentence in tokenizer.tokenize(article.text):
            vader.polarity_scores(sentence)
            n += 1
    return n


# --------------------------------------------------------------------------- stages


#: The parts of one annotation (:class:`analysis.pipeline.Annotation`), in the order
#: the pass computes them; each is timed over all Documents, then the rows of every table.
PARTS: tuple[str, ...] = (
    "mentions", "quotes", "sector_readings", "sector_mentions", "programme_statements",
    "sentences", "targets", "quote_tones", "claims",
)


def _time_parts(documents: list[Document]) -> dict[str, float]:
    """Return CPU seconds per annotation part, then for turning records into every table."""
    from analysis.pipeline import TABLES, Annotation, Context

    context = Context()
    annotations = [Annotation(document, context) for document in documents]
    seconds: dict[str, float] = {}
    for part in PARTS:
        started = time.process_time()
        for annotation in annotations:
            getattr(annotation, part)
        seconds[part] = time.process_time() - started
    started = time.process_time()
    for annotation in annotations:
        for table in TABLES:
            annotation.rows(table)
    seconds["rows of every table"] = time.process_time() - started
    return seconds


def _best(seconds: list[float]) -> float:
    return min(seconds)


def run(n_articles: int, rounds: int) -> dict[str, object]:
    """Time the baseline and every stage; return the measurements."""
    import warnings

    warnings.simplefilter("ignore")  # the synthetic articles are English; no noise
    corpus = synthetic_corpus(n_articles)
    characters = sum(len(a.text) for a in corpus)
    baseline(corpus[:2])  # warm up: lexicon, registry patterns, model
    _time_parts([as_document(corpus[0])])

    base_times, doc_times = [], []
    stage_times: dict[str, list[float]] = {}
    for _ in range(rounds):
        started = time.process_time()
        baseline(corpus)
        base_times.append(time.process_time() - started)

        started = time.process_time()
        documents = [as_document(article) for article in corpus]
        doc_times.append(time.process_time() - started)
        for name, seconds in _time_parts(documents).items():
            stage_times.setdefault(name, []).append(seconds)

    budget = _best(base_times)
    stages = {"document (paragraphs + sentences)": _best(doc_times)}
    stages.update({name: _best(times) for name, times in stage_times.items()})
    total = sum(stages.values())
    return {
        "articles": n_articles,
        "characters": characters,
        "sentences": sum(len(doc.sentences) for doc in documents),
        "baseline_seconds": round(budget, 4),
        "baseline_chars_per_second": round(characters / budget),
        "stages_seconds": {name: round(s, 4) for name, s in stages.items()},
        "pipeline_seconds": round(total, 4),
        "pipeline_chars_per_second": round(characters / total),
        "pipeline_over_budget_ratio": round(total / budget, 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="synthetic articles (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds, best kept (default 3)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    result = run(args.articles, args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    chars = result["characters"]
    print(f"synthetic corpus: {result['articles']} articles, {chars / 1e6:.2f} M characters, "
          f"{result['sentences']} sentences")
    print(f"budget  {'NLTK Punkt + VADER':34} {result['baseline_seconds']:8.3f} s "
          f"{result['baseline_chars_per_second']:>12,d} chars/s")
    for name, seconds in result["stages_seconds"].items():
        speed = f"{round(chars / seconds):>12,d}" if seconds > 0 else f"{'-':>12}"
        print(f"stage   {name:34} {seconds:8.3f} s {speed} chars/s")
    print(f"total   {'pipeline':34} {result['pipeline_seconds']:8.3f} s "
          f"{result['pipeline_chars_per_second']:>12,d} chars/s")
    ratio = result["pipeline_over_budget_ratio"]
    verdict = "within" if ratio <= 1 else "OVER"
    print(f"pipeline time / budget = {ratio:.2f} ({verdict} budget)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
