"""Measure the pipeline's speed against the corpus budget: NLTK Punkt + VADER alone.

The budget (corpus issue): the whole pipeline must process text no slower than NLTK
Punkt sentence splitting followed by VADER on every sentence. This script builds a
synthetic corpus by repeating the seed article with small deterministic variations
(names, numbers, paragraph order), times the baseline, then times each named stage
of the package's pipeline on Documents and reports characters per CPU second
(``time.process_time``, best of ``--rounds``) and the ratio to the budget.

The stages are the tables of a corpus run (``analysis.corpus.TABLE_BUILDERS``), each
built over all the Documents at once, in order, as ``python -m analysis extract`` builds
them; the "document" stage (reading the article into a Document: paragraphs and
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
from collections.abc import Callable, Sequence
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


def _table_stages() -> dict[str, Callable[[list[Document], dict[str, object]], object]]:
    """One stage per table of ``python -m analysis extract``, built as the corpus run does.

    A table that reads another (``TABLE_INPUTS``: quote sentiment reads the quotes) gets
    the frame built by the earlier stage, as in :func:`analysis.corpus.extract_corpus`.
    """
    from analysis.corpus import TABLE_BUILDERS, TABLE_INPUTS, _builder

    def stage(table: str) -> Callable[[list[Document], dict[str, object]], object]:
        build = _builder(table)
        source = TABLE_INPUTS.get(table)

        def run_stage(documents: list[Document], built: dict[str, object]) -> object:
            if source in built:
                return build(documents, **{source: built[source]})
            return build(documents)

        return run_stage

    return {table: stage(table) for table in TABLE_BUILDERS}


#: Pipeline stages after segmentation, in order: every table of a corpus run.
STAGES = _table_stages()


def _best(seconds: list[float]) -> float:
    return min(seconds)


def run(n_articles: int, rounds: int) -> dict[str, object]:
    """Time the baseline and every stage; return the measurements."""
    import warnings

    warnings.simplefilter("ignore")  # the synthetic articles are English; no noise
    corpus = synthetic_corpus(n_articles)
    characters = sum(len(a.text) for a in corpus)
    baseline(corpus[:2])  # warm up: lexicon, registry patterns, model
    warm: dict[str, object] = {}
    for name, stage in STAGES.items():
        warm[name] = stage([as_document(corpus[0])], warm)

    base_times, doc_times = [], []
    stage_times: dict[str, list[float]] = {name: [] for name in STAGES}
    for _ in range(rounds):
        started = time.process_time()
        baseline(corpus)
        base_times.append(time.process_time() - started)

        started = time.process_time()
        documents = [as_document(article) for article in corpus]
        doc_times.append(time.process_time() - started)
        built: dict[str, object] = {}
        for name, stage in STAGES.items():
            started = time.process_time()
            built[name] = stage(documents, built)
            stage_times[name].append(time.process_time() - started)

    budget = _best(base_times)
    stages = {"document (paragraphs + sentences)": _best(doc_times)}
    stages.update({f"table {name}": _best(times) for name, times in stage_times.items()})
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
        print(f"stage   {name:34} {seconds:8.3f} s {round(chars / seconds):>12,d} chars/s")
    print(f"total   {'pipeline':34} {result['pipeline_seconds']:8.3f} s "
          f"{result['pipeline_chars_per_second']:>12,d} chars/s")
    ratio = result["pipeline_over_budget_ratio"]
    verdict = "within" if ratio <= 1 else "OVER"
    print(f"pipeline time / budget = {ratio:.2f} ({verdict} budget)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
