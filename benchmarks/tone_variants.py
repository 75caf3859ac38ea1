"""Experiment (issue 14, round two): feature variants of the target model, chosen by CV on train.

Each variant adds features to the shipped ones (:func:`analysis.sentiment.training.
example_features`) at training and scoring time, without touching the package:

- ``textblob``: hits of TextBlob's lexicon (``textblob/en/en-sentiment.xml``, PDDL, in the
  ``textblob`` wheel; needs ``pip install textblob``), by region, distance and role, as
  the VADER hits are;
- ``interactions``: role interactions for bystanders (every negative hit someone
  else's, by region; an own role of a polarity; no lexicon word);
- ``both``: the two; ``both-l2`` the same at L2 0.006;
- ``bow0.5``/``bow2``: sentence words (``bow:``) at that value (a stronger or weaker L2
  penalty on them);
- ``stack``: a second softmax over the shipped model's out-of-fold logits and the
  structural features only (roles, cues, lexicon sums, quotes, target shape).

Printed per variant: macro F1 of 5-fold cross-validation on train grouped by article
(the calibration folds), then of the model retrained on all of train on dev-rw and
dev-mt, and the dev ECE with the variant's out-of-fold temperature, and with its
out-of-fold confidence map. Dev is only reported, never fitted on. Run from the project
root (about 3-5 CPU-minutes a variant)::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/tone_variants.py \\
        ../shared/corpora/newsmtsc both interactions

The numbers are in docs/evaluation.md ("Round two"). Nothing of the corpus is written.
"""

from __future__ import annotations

import argparse
import statistics
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from analysis.evaluation.sentiment import macro_f1
from analysis.sentiment import features as F
from analysis.sentiment import training as T
from analysis.sentiment.calibration import (
    expected_calibration_error,
    fit_confidence_map,
    fit_temperature,
    softmax,
)
from analysis.sentiment.features import FeatureConfig
from analysis.sentiment.model import LABELS, recalibrate
from analysis.sentiment.roles import role_features
from analysis.sentiment.scope import scored_span

Extra = Callable[[T.LabelledTarget, dict[str, float]], None]
#: TextBlob polarities (-1..1) below this in absolute value are left out.
TEXTBLOB_MIN_POLARITY = 0.1
_OWN_ROLES = ("agent", "patient", "possessor")
_STACK_PREFIXES = ("r:", "rsum:", "rx:", "cue:", "lexsum:", "q:", "t:")


@cache
def textblob_lexicon() -> dict[str, float]:
    """Return TextBlob's word forms and their mean polarity over senses (|p| >= 0.1)."""
    path = files("textblob") / "en" / "en-sentiment.xml"
    senses: dict[str, list[float]] = defaultdict(list)
    for word in ET.fromstring(path.read_text(encoding="utf-8")).iter("word"):
        form = word.get("form", "").lower()
        if form and " " not in form:
            senses[form].append(float(word.get("polarity", "0")))
    means = {form: statistics.mean(values) for form, values in senses.items()}
    return {form: p for form, p in means.items() if abs(p) >= TEXTBLOB_MIN_POLARITY}


def textblob_features(example: T.LabelledTarget, out: dict[str, float]) -> None:
    """Add ``tblex:``/``tbr:`` features: TextBlob hits, read as the VADER hits are."""
    lo, hi = scored_span(example.text, example.start, example.end, warn=False)
    text = example.text[lo:hi]
    index = F._sentence_index(text)
    lexicon, negations = textblob_lexicon(), F._negations()
    hits = tuple((i, 4.0 * lexicon[norm], any(index.norms[j] in negations
                                                for j in range(max(0, i - 3), i)))
                 for i, norm in enumerate(index.norms) if norm in lexicon)
    index = replace(index, hits=hits, hit_indexes=tuple(h[0] for h in hits))
    first, last = F._target_range(index, example.start - lo, example.end - lo)
    window = (max(0, first - F.SENTENCE_WINDOW_TOKENS),
              min(len(index.norms), last + F.SENTENCE_WINDOW_TOKENS))
    found: dict[str, float] = {}
    F._lexicon_features(index, first, last, F._clause_range(index, first, last, *window),
                        window, found)
    role_features(index, text, (first, last), window, found)
    out.update({"tb" + k: v for k, v in found.items()
                if not (k.startswith("r:names") or k == "r:coord")})


def interaction_features(_example: T.LabelledTarget, out: dict[str, float]) -> None:
    """Add ``rx:`` features: bystander-only hits by polarity and region, own roles."""
    for polarity in ("neg", "pos"):
        own = [role for role in _OWN_ROLES if f"r:{role}:{polarity}" in out]
        if own:
            out[f"rx:own:{polarity}"] = 1.0
        elif f"r:bystander:{polarity}" in out:
            out[f"rx:onlyby:{polarity}"] = 1.0
            for region in ("clause", "L", "R"):
                if f"lex:{polarity}:{region}" in out:
                    out[f"rx:onlyby:{polarity}:{region}"] = 1.0
    if not any(k.startswith("lex:") for k in out):
        out["rx:nolex"] = 1.0


def _bow_at(value: float) -> Extra:
    def scale(_example: T.LabelledTarget, out: dict[str, float]) -> None:
        for key in [k for k in out if k.startswith("bow:")]:
            out[key] *= value
    return scale


def _both(example: T.LabelledTarget, out: dict[str, float]) -> None:
    textblob_features(example, out)
    interaction_features(example, out)


VARIANTS: dict[str, tuple[Extra | None, float]] = {
    "shipped": (None, 3e-3),
    "textblob": (textblob_features, 3e-3),
    "interactions": (interaction_features, 3e-3),
    "both": (_both, 3e-3),
    "both-l2": (_both, 6e-3),
    "bow0.5": (_bow_at(0.5), 3e-3),
    "bow2": (_bow_at(2.0), 3e-3),
}


def _rows(examples: Sequence[T.LabelledTarget], extra: Extra | None) -> list[dict[str, float]]:
    rows = []
    for example in examples:
        row = T.example_features(example, FeatureConfig())
        if extra is not None:
            extra(example, row)
        rows.append(row)
    return rows


def _stack_rows(rows: Sequence[dict[str, float]], logits: np.ndarray) -> list[dict[str, float]]:
    interactions = []
    for row, z in zip(rows, logits, strict=True):
        full = dict(row)
        interaction_features(T.LabelledTarget("", 0, 0, "neutral"), full)
        kept = {k: v for k, v in full.items() if k.startswith(_STACK_PREFIXES)}
        kept.update({f"z{k}": float(z[k]) for k in range(3)})
        interactions.append(kept)
    return interactions


def evaluate_variant(corpus: Path, name: str) -> dict[str, float]:
    """Return CV macro F1 on train, dev macro F1 and dev ECE (T / T + map) of a variant."""
    stack = name.startswith("stack")
    extra, l2 = VARIANTS["shipped" if stack else name]
    options = {"l2": l2, "min_count": 2, "balanced": True, "max_iter": 400}
    train = list(T.read_targets(corpus / "train.jsonl"))
    rows = _rows(train, extra)
    gold = [LABELS.index(e.label) for e in train]
    folds = [T.fold_of(e.article) for e in train]
    oof = T.out_of_fold_logits(rows, gold, folds, **options)
    fit = T._fit_softmax(rows, gold, **options)
    if stack:
        second = {**options, "l2": 1e-4 if name == "stack-1e-4" else 1e-3, "min_count": 5,
                  "max_iter": 300}
        stacked = _stack_rows(rows, oof)
        first_fit, fit = fit, T._fit_softmax(stacked, gold, **second)
        oof = T.out_of_fold_logits(stacked, gold, folds, **second)
    result = {"cv": macro_f1(gold, oof.argmax(1))}
    temperature = fit_temperature(oof, gold)
    knots = fit_confidence_map(softmax(oof, temperature), gold)
    for split in ("dev-rw", "dev-mt"):
        dev = list(T.read_targets(corpus / f"{split}.jsonl"))
        dev_rows = _rows(dev, extra)
        if stack:
            dev_rows = _stack_rows(dev_rows, T.linear_logits(first_fit, dev_rows))
        z = T.linear_logits(fit, dev_rows)
        y = [LABELS.index(e.label) for e in dev]
        probs = softmax(z, temperature)
        mapped = np.asarray([recalibrate(p, knots) for p in probs])
        result[split] = macro_f1(y, z.argmax(1))
        result[f"{split} ECE T"] = expected_calibration_error(probs, y)
        result[f"{split} ECE T+map"] = expected_calibration_error(mapped, y)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    """Score the named variants (all with no name) and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with NewsMTSC train/dev-rw/dev-mt")
    parser.add_argument("variants", nargs="*",
                        default=[*VARIANTS, "stack", "stack-1e-4"])
    args = parser.parse_args(argv)
    for name in args.variants:
        scores = evaluate_variant(args.corpus, name)
        print(name, ", ".join(f"{k} {v:.3f}" for k, v in scores.items()), flush=True)


if __name__ == "__main__":
    main()
