"""Experiment (issue 14, round three): other learners over the target model's features.

Every variant is a *learner* (train rows and labels in, class scores for other rows
out) over the shipped features (:func:`analysis.sentiment.training.example_features`),
scored the same way: 5-fold cross-validation on train grouped by article (the
calibration folds), then fitted on all of train and scored on dev-rw and dev-mt, with
the dev ECE under the variant's own out-of-fold temperature and confidence map.

- ``shipped``: the shipped softmax regression (L2 0.003, features seen twice);
- ``mnb[b][-A]``: multinomial naive Bayes over the binary features (class-balanced
  counts, Laplace smoothing A, default 1; ``b``: real-valued features left out);
  ``interp[b]-G[-A]``: the regression's logits plus G times that MNB's log-posterior
  (the MNB/LR interpolation of Wang and Manning, ACL 2012; with ``b`` it is what
  ``analysis.sentiment.training.train(nb_weight=G, nb_alpha=A)`` ships as one table);
- ``nblr-B``: NBSVM-style scaling (Wang and Manning 2012): each feature's value is
  multiplied by the spread (max - min over classes) of its MNB log-probabilities,
  raised to the power B, fitted in-fold;
- ``nbinterp-G``: ``nblr-0.5`` plus G times the binary MNB (``interpb``): what
  ``train()`` ships (``nb_scale=0.5, nb_weight=0.07``);
- ``view-*``: the regression on another feature view (``w2``/``w6`` window 2/6,
  ``nobow`` without sentence words, ``clause`` clause and near words only, ``decay``
  sentence words valued by closeness to the target); ``ens-A+B+...``: the mean of
  those views' class probabilities (read from the cache, no refit);
- ``mlp-H[-DECAY]``: one hidden layer of H tanh units over the same sparse features
  (numpy, Adam in mini-batches of 128, class-balanced, weight decay), scored after 4, 8,
  12, 16 and 24 epochs so the epoch count can be chosen by CV;
- ``augment``: train rows doubled by copies with every other name of the sentence
  swapped for a name of the same kind (the name-swap list), so names carry no tone.

Each variant's out-of-fold and dev logits are cached in ``--cache`` (default
``/tmp/tone_round3``, numbers only) so ensembles cost nothing. Run from the project root::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/tone_round3.py \\
        ../shared/corpora/newsmtsc shipped mnb interp-0.1 nblr-0.5

The numbers are in docs/evaluation.md ("Round three"). Nothing of the corpus is written.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from analysis.evaluation.sentiment import macro_f1
from analysis.sentiment import training as T
from analysis.sentiment.calibration import (
    expected_calibration_error,
    fit_confidence_map,
    fit_temperature,
    softmax,
)
from analysis.sentiment.features import FeatureConfig
from analysis.sentiment.model import LABELS, recalibrate
from analysis.sentiment.naive_bayes import naive_bayes_log_probs

Rows = Sequence[dict[str, float]]
Learner = Callable[[Rows, np.ndarray, Sequence[Rows]], list[np.ndarray]]
OPTIONS = {"l2": 3e-3, "min_count": 2, "balanced": True, "max_iter": 400}
SPLITS = ("dev-rw", "dev-mt")
#: Closeness of a sentence word to the target in the ``decay`` view: 1 / (1 + d / TAU).
DECAY_TAU = 6.0
#: The shipped feature settings.
SHIPPED = FeatureConfig()


# --- learners ---------------------------------------------------------------------------

def softmax_learner(l2: float = 3e-3) -> Learner:
    """Return the shipped learner (class-balanced softmax regression) at penalty ``l2``."""
    def learn(rows: Rows, y: np.ndarray, others: Sequence[Rows]) -> list[np.ndarray]:
        fit = T._fit_softmax(rows, list(y), **{**OPTIONS, "l2": l2})
        return [T.linear_logits(fit, r) for r in others]
    return learn


def nb_log_probs(rows: Rows, y: np.ndarray, *, alpha: float = 1.0,
                 min_count: int = 2, binary_only: bool = False) -> dict[str, np.ndarray]:
    """Return each feature's class log-probabilities under a class-balanced binary MNB.

    :func:`analysis.sentiment.naive_bayes.naive_bayes_log_probs` as arrays.

    Examples
    --------
    >>> lp = nb_log_probs([{"a": 1.0}, {"a": 1.0, "b": 1.0}, {"b": 1.0}] * 2,
    ...                   np.array([0, 1, 2] * 2), min_count=1)
    >>> bool(lp["a"][0] > lp["a"][2])
    True
    """
    logs = naive_bayes_log_probs(rows, [int(label) for label in y], alpha=alpha,
                                 min_count=min_count, binary_only=binary_only)
    return {name: np.asarray(values) for name, values in logs.items()}


def _nb_scores(log_probs: dict[str, np.ndarray], rows: Rows) -> np.ndarray:
    out = np.zeros((len(rows), 3))
    for i, row in enumerate(rows):
        for name, value in row.items():
            lp = log_probs.get(name)
            if lp is not None and value != 0.0:
                out[i] += lp
    return out - out.mean(axis=1, keepdims=True)


def mnb_learner(alpha: float = 1.0, binary_only: bool = False) -> Learner:
    """Return multinomial naive Bayes over the binary features (uniform class prior)."""
    def learn(rows: Rows, y: np.ndarray, others: Sequence[Rows]) -> list[np.ndarray]:
        log_probs = nb_log_probs(rows, y, alpha=alpha, binary_only=binary_only)
        return [_nb_scores(log_probs, r) for r in others]
    return learn


def nblr_learner(power: float) -> Learner:
    """Return softmax regression over features scaled by their NB log-probability spread."""
    def learn(rows: Rows, y: np.ndarray, others: Sequence[Rows]) -> list[np.ndarray]:
        spread = {name: float(lp.max() - lp.min()) ** power
                  for name, lp in nb_log_probs(rows, y).items()}

        def scale(rs: Rows) -> list[dict[str, float]]:
            return [{k: v * spread[k] for k, v in r.items() if k in spread} for r in rs]
        return softmax_learner()(scale(rows), y, [scale(r) for r in others])
    return learn


# --- the harness ------------------------------------------------------------------------

class Corpus:
    """NewsMTSC train and dev targets with their labels and folds."""

    def __init__(self, folder: Path) -> None:
        self.examples = {name: list(T.read_targets(folder / f"{name}.jsonl"))
                         for name in ("train", *SPLITS)}
        self.gold = {name: np.asarray([LABELS.index(e.label) for e in ex])
                     for name, ex in self.examples.items()}
        self.folds = np.asarray([T.fold_of(e.article) for e in self.examples["train"]])

    def rows(self, config: FeatureConfig = SHIPPED,
             extra: Callable[[T.LabelledTarget, dict[str, float]], None] | None = None,
             ) -> dict[str, list[dict[str, float]]]:
        """Return the feature rows of every split under ``config`` (then ``extra``)."""
        out = {}
        for name, examples in self.examples.items():
            rows = []
            for example in examples:
                row = T.example_features(example, config)
                if extra is not None:
                    extra(example, row)
                rows.append(row)
            out[name] = rows
        return out


def cross_fit(corpus: Corpus, rows: dict[str, list[dict[str, float]]], learner: Learner,
              train_rows: Callable[[np.ndarray], tuple[Rows, np.ndarray]] | None = None,
              ) -> dict[str, np.ndarray]:
    """Return out-of-fold train scores and dev scores (fitted on all of train)."""
    y = corpus.gold["train"]
    train = rows["train"]
    oof: np.ndarray | None = None

    def fit_rows(index: np.ndarray) -> tuple[Rows, np.ndarray]:
        if train_rows is not None:
            return train_rows(index)
        return [train[i] for i in index], y[index]

    for fold in range(T.CALIBRATION_FOLDS):
        inside = np.flatnonzero(corpus.folds == fold)
        fit_x, fit_y = fit_rows(np.flatnonzero(corpus.folds != fold))
        scores = learner(fit_x, fit_y, [[train[i] for i in inside]])[0]
        if oof is None:
            oof = np.zeros((len(y), scores.shape[1]))
        oof[inside] = scores
    fit_x, fit_y = fit_rows(np.arange(len(y)))
    dev = learner(fit_x, fit_y, [rows[s] for s in SPLITS])
    assert oof is not None
    return {"train": oof, **dict(zip(SPLITS, dev, strict=True))}


def score(corpus: Corpus, logits: dict[str, np.ndarray]) -> dict[str, float]:
    """Return CV and dev macro F1 and dev ECE (temperature / temperature + map)."""
    y = corpus.gold["train"]
    result = {"cv": macro_f1(y, logits["train"].argmax(1))}
    temperature = fit_temperature(logits["train"], y)
    knots = fit_confidence_map(softmax(logits["train"], temperature), y)
    for split in SPLITS:
        z, gold = logits[split], corpus.gold[split]
        probs = softmax(z, temperature)
        mapped = np.asarray([recalibrate(p, knots) for p in probs])
        result[split] = macro_f1(gold, z.argmax(1))
        result[f"{split} ECE T"] = expected_calibration_error(probs, gold)
        result[f"{split} ECE T+map"] = expected_calibration_error(mapped, gold)
    return result


def log_mean_probs(parts: Sequence[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """Return the log of the mean class probabilities of several variants (an ensemble)."""
    return {k: np.log(np.mean([softmax(p[k]) for p in parts], axis=0))
            for k in parts[0]}


# --- feature views ----------------------------------------------------------------------

def decay_words(example: T.LabelledTarget, out: dict[str, float]) -> None:
    """Value every sentence word (``bow:``) by its closeness to the target, 1 / (1 + d / tau)."""
    from analysis.sentiment.features import tokenize
    from analysis.sentiment.scope import scored_span

    lo, hi = scored_span(example.text, example.start, example.end, warn=False)
    tokens = tokenize(example.text[lo:hi])
    start, end = example.start - lo, example.end - lo
    inside = [i for i, t in enumerate(tokens) if t.end > start and t.start < end]
    first, last = (inside[0], inside[-1] + 1) if inside else (0, 0)
    closeness: dict[str, float] = {}
    for i, token in enumerate(tokens):
        if first <= i < last:
            continue
        distance = first - i if i < first else i - last + 1
        key = "bow:" + token.norm
        closeness[key] = max(closeness.get(key, 0.0), 1.0 / (1.0 + distance / DECAY_TAU))
    for key in [k for k in out if k.startswith("bow:")]:
        out[key] = closeness.get(key, out[key])


VIEWS: dict[str, tuple[FeatureConfig, Callable[[T.LabelledTarget, dict[str, float]], None] | None]] = {
    "shipped": (SHIPPED, None),
    "w2": (FeatureConfig(window=2), None),
    "w6": (FeatureConfig(window=6), None),
    "nobow": (FeatureConfig(sentence_words=False), None),
    "decay": (SHIPPED, decay_words),
}


# --- a one-hidden-layer network ---------------------------------------------------------

class _Batches:
    """Feature rows as compressed sparse rows over a fixed vocabulary."""

    def __init__(self, rows: Rows, index: dict[str, int]) -> None:
        self.cols, self.vals = [], []
        for row in rows:
            pairs = sorted((index[k], v) for k, v in row.items() if k in index)
            pairs = pairs or [(0, 0.0)]
            self.cols.append(np.asarray([p[0] for p in pairs], dtype=np.int64))
            self.vals.append(np.asarray([p[1] for p in pairs], dtype=np.float64))

    def take(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the columns, values and row starts of rows ``ids`` (in that order)."""
        cols = np.concatenate([self.cols[i] for i in ids])
        vals = np.concatenate([self.vals[i] for i in ids])
        lengths = np.asarray([len(self.cols[i]) for i in ids])
        return cols, vals, np.concatenate([[0], np.cumsum(lengths)[:-1]])


def _hidden(params: dict[str, np.ndarray], batch: tuple[np.ndarray, np.ndarray, np.ndarray],
            ) -> np.ndarray:
    cols, vals, starts = batch
    return np.tanh(np.add.reduceat(params["W1"][cols] * vals[:, None], starts, axis=0)
                   + params["b1"])


def _mlp_logits(params: dict[str, np.ndarray], data: _Batches, size: int) -> np.ndarray:
    out = []
    for lo in range(0, size, 512):
        hidden = _hidden(params, data.take(np.arange(lo, min(size, lo + 512))))
        out.append(hidden @ params["W2"] + params["b2"])
    return np.concatenate(out)


def mlp_learner(hidden: int, checkpoints: Sequence[int] = (4, 8, 12, 16, 24), *,
                decay: float = 1e-4, rate: float = 2e-3, batch: int = 128,
                seed: int = 0) -> Learner:
    """Return a one-hidden-layer tanh network learner (Adam, class-balanced, weight decay).

    Its scores are those after each epoch count of ``checkpoints``, side by side
    (3 columns each), so the epoch count can be chosen by cross-validation.
    """
    def learn(rows: Rows, y: np.ndarray, others: Sequence[Rows]) -> list[np.ndarray]:
        counts: dict[str, int] = {}
        for row in rows:
            for k in row:
                counts[k] = counts.get(k, 0) + 1
        vocabulary = sorted(k for k, c in counts.items() if c >= OPTIONS["min_count"])
        index = {k: i for i, k in enumerate(vocabulary)}
        data = _Batches(rows, index)
        evals = [_Batches(r, index) for r in others]
        rng = np.random.default_rng(seed)
        mean_nnz = float(np.mean([len(c) for c in data.cols]))
        params = {"W1": rng.normal(0, 1 / math.sqrt(mean_nnz), (len(vocabulary), hidden)),
                  "b1": np.zeros(hidden),
                  "W2": rng.normal(0, 1 / math.sqrt(hidden), (hidden, 3)), "b2": np.zeros(3)}
        moments = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in params.items()}
        class_weight = len(y) / (3.0 * np.maximum(np.bincount(y, minlength=3), 1))
        outputs: list[list[np.ndarray]] = [[] for _ in others]
        step = 0
        for epoch in range(1, max(checkpoints) + 1):
            order = rng.permutation(len(y))
            for lo in range(0, len(y), batch):
                ids = order[lo:lo + batch]
                taken = data.take(ids)
                h = _hidden(params, taken)
                probs = softmax(h @ params["W2"] + params["b2"])
                probs[np.arange(len(ids)), y[ids]] -= 1.0
                d_z = probs * (class_weight[y[ids]] / len(ids))[:, None]
                d_a = (d_z @ params["W2"].T) * (1 - h * h)
                cols, vals, starts = taken
                row_of = np.repeat(np.arange(len(ids)), np.diff(np.append(starts, len(cols))))
                g_w1 = np.zeros_like(params["W1"])
                np.add.at(g_w1, cols, d_a[row_of] * vals[:, None])
                grads = {"W1": g_w1, "b1": d_a.sum(0), "W2": h.T @ d_z, "b2": d_z.sum(0)}
                step += 1
                for k, g in grads.items():
                    m, v = moments[k]
                    m *= 0.9
                    m += 0.1 * g
                    v *= 0.999
                    v += 0.001 * g * g
                    m_hat, v_hat = m / (1 - 0.9 ** step), v / (1 - 0.999 ** step)
                    params[k] -= rate * (m_hat / (np.sqrt(v_hat) + 1e-8) + decay * params[k])
            if epoch in checkpoints:
                for out, ev, r in zip(outputs, evals, others, strict=True):
                    out.append(_mlp_logits(params, ev, len(r)))
        return [np.concatenate(out, axis=1) for out in outputs]
    return learn


# --- name-swap augmentation -------------------------------------------------------------

def augmented_rows(corpus: Corpus, config: FeatureConfig = SHIPPED,
                   ) -> Callable[[np.ndarray], tuple[Rows, np.ndarray]]:
    """Return a fold's training rows plus a copy of each with its name swapped (if a name).

    Each target whose mention is a name (:func:`analysis.evaluation.sentiment_checks.
    name_kind`) gets one copy with the name replaced everywhere in the sentence by a name
    of the same kind (chosen by a fixed hash), so other mentions of it read as other words.
    """
    from analysis.evaluation import sentiment_checks as C

    pools = C._swap_names()
    examples = corpus.examples["train"]
    base = [T.example_features(e, config) for e in examples]
    copies: dict[int, dict[str, float]] = {}
    for i, e in enumerate(examples):
        kind = C.name_kind(e.text[e.start:e.end])
        if kind is None:
            continue
        pool = [n for n in pools[kind[1]] if n != e.text[e.start:e.end]]
        text, start, end = C.swap_name(e.text, e.start, e.end, pool[i % len(pool)])
        copies[i] = T.example_features(T.LabelledTarget(text, start, end, e.label, e.gid), config)
    y = corpus.gold["train"]

    def rows(index: np.ndarray) -> tuple[Rows, np.ndarray]:
        extra = [i for i in index if i in copies]
        return ([base[i] for i in index] + [copies[i] for i in extra],
                np.concatenate([y[index], y[extra]]).astype(np.int64))
    return rows


# --- running variants -------------------------------------------------------------------

def _cached(cache: Path, name: str, compute: Callable[[], dict[str, np.ndarray]],
            ) -> dict[str, np.ndarray]:
    path = cache / f"{name}.npz"
    if path.exists():
        with np.load(path) as data:
            return {k: data[k] for k in data.files}
    logits = compute()
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, **logits)
    return logits


def variant_logits(corpus: Corpus, name: str, cache: Path) -> list[tuple[str, dict[str, np.ndarray]]]:
    """Return ``(label, logits)`` of a variant (several labels for an MLP's checkpoints)."""
    def view(view_name: str) -> dict[str, np.ndarray]:
        config, extra = VIEWS[view_name]
        return _cached(cache, f"view-{view_name}", lambda: cross_fit(
            corpus, corpus.rows(config, extra), softmax_learner()))

    if name == "shipped" or name.startswith("view-"):
        return [(name, view(name.removeprefix("view-")))]
    if name.startswith("ens-"):
        return [(name, log_mean_probs([view(v) for v in name[4:].split("+")]))]
    rows = corpus.rows()
    if name.startswith(("mnb", "interp")):
        # mnb[b][-ALPHA]; interp[b]-GAMMA[-ALPHA]; b: binary features only
        head, *numbers = name.split("-")
        binary = head.endswith("b")
        gamma = float(numbers[0]) if head.startswith("interp") else 1.0
        alpha = float(numbers[-1]) if len(numbers) == (2 if head.startswith("interp") else 1) \
            else 1.0
        nb_name = f"mnb{'b' if binary else ''}-{alpha:g}"
        nb = _cached(cache, nb_name, lambda: cross_fit(
            corpus, rows, mnb_learner(alpha, binary)))
        if head.startswith("mnb"):
            return [(name, nb)]
        lr = view("shipped")
        return [(name, {k: lr[k] + gamma * nb[k] for k in lr})]
    if name.startswith("nbinterp-"):  # NBSVM-scaled regression + GAMMA x binary MNB
        gamma = float(name.split("-")[1])
        nb = _cached(cache, "mnbb-1", lambda: cross_fit(corpus, rows, mnb_learner(1.0, True)))
        scaled = _cached(cache, "nblr-0.5", lambda: cross_fit(corpus, rows, nblr_learner(0.5)))
        return [(name, {k: scaled[k] + gamma * nb[k] for k in scaled})]
    if name.startswith("nblr-"):
        power = float(name.split("-")[1])
        return [(name, _cached(cache, name, lambda: cross_fit(
            corpus, rows, nblr_learner(power))))]
    if name == "augment":
        return [(name, _cached(cache, name, lambda: cross_fit(
            corpus, rows, softmax_learner(), augmented_rows(corpus))))]
    if name.startswith("mlp-"):
        parts = name.split("-")
        hidden, decay = int(parts[1]), float(parts[2]) if len(parts) > 2 else 1e-4
        learner = mlp_learner(hidden, decay=decay)
        wide = _cached(cache, name, lambda: cross_fit(corpus, rows, learner))
        epochs = (4, 8, 12, 16, 24)
        return [(f"{name}@{e}", {k: v[:, 3 * j:3 * j + 3] for k, v in wide.items()})
                for j, e in enumerate(epochs)]
    raise SystemExit(f"unknown variant {name!r}")


def main(argv: Sequence[str] | None = None) -> None:
    """Score the named variants and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with NewsMTSC train/dev-rw/dev-mt")
    parser.add_argument("variants", nargs="+")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tone_round3"))
    args = parser.parse_args(argv)
    corpus = Corpus(args.corpus)
    for name in args.variants:
        for label, logits in variant_logits(corpus, name, args.cache):
            scores = score(corpus, logits)
            print(label, ", ".join(f"{k} {v:.3f}" for k, v in scores.items()), flush=True)


if __name__ == "__main__":
    main()
