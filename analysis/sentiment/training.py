"""Training the target sentiment model: NewsMTSC reading, the softmax fit, stable JSON.

:func:`train` fits the multinomial logistic regression that
:mod:`analysis.sentiment.model` applies: the sparse features of
:mod:`analysis.sentiment.features` for every annotated target of a NewsMTSC-style JSONL
file (Hamborg and Donnay, EACL 2021), class-balanced mean cross-entropy with an L2
penalty, minimised by full-batch L-BFGS with a backtracking (Armijo) line search
(Nocedal and Wright, *Numerical Optimization*, 2006, ch. 7) in numpy, its weights then
interpolated with those of a multinomial naive Bayes over the same features
(:mod:`analysis.sentiment.naive_bayes`; Wang and Manning, ACL 2012).
:func:`model_to_json` writes the result as stable JSON text, so the same training file
and settings give the same bytes: ``python -m analysis train-sentiment TRAIN.jsonl``
rebuilds the shipped ``analysis/resources/sentiment/target_sentiment_model.json``.

Inference never imports this module (nor numpy). :func:`read_targets` is also what the
evaluation (:mod:`analysis.evaluation.sentiment`) reads its dev files with.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import numpy as np

from analysis.errors import AnalysisError
from analysis.sentiment.calibration import MAP_BINS, fit_confidence_map, fit_temperature, softmax
from analysis.sentiment.features import FeatureConfig, target_features
from analysis.sentiment.model import LABELS, MODEL_FORMAT
from analysis.sentiment.naive_bayes import naive_bayes_spread, naive_bayes_weights
from analysis.sentiment.scope import scored_span

__all__ = [
    "LabelledTarget", "linear_logits", "model_to_json", "out_of_fold_logits", "read_targets",
    "train",
]

#: NewsMTSC polarity codes.
POLARITY_CODES: Mapping[float, str] = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
#: Significant digits kept of every weight in the JSON file.
SIGNIFICANT_DIGITS = 6


#: Folds of the cross-fitting that calibrates the model (and of the feature choice).
CALIBRATION_FOLDS = 5
#: Weight of the naive Bayes log-probabilities added to the regression's weights, and
#: the power of the naive Bayes spread the regression's inputs are scaled by (0: off).
#: Chosen by 5-fold CV on NewsMTSC train (docs/evaluation.md, "Round three"): shipped
#: features 0.668; scaled 0.678; scaled + NB weights 0.02 / 0.05 / 0.07 / 0.1: 0.681 /
#: 0.681 / 0.682 / 0.681.
NB_WEIGHT = 0.07
NB_SCALE = 0.5
#: Laplace smoothing of the naive Bayes counts (CV: 0.5 0.678, 1 0.678, 2 0.676).
NB_ALPHA = 1.0


@dataclass(frozen=True, slots=True)
class LabelledTarget:
    """One annotated target: the sentence, the mention's offsets and the gold label.

    ``gid`` is the record's ``primary_gid`` when the file has one (NewsMTSC: the
    collection, article and sentence), else ``""``.
    """

    text: str
    start: int
    end: int
    label: str
    gid: str = ""

    @property
    def article(self) -> str:
        """The article the sentence comes from (the first three parts of the gid).

        Examples
        --------
        >>> LabelledTarget("x", 0, 1, "neutral", "polusa_v1_4354039_-1_7_Ann_1_3").article
        'polusa_v1_4354039'
        """
        return "_".join(self.gid.split("_")[:3])

    @property
    def source(self) -> str:
        """The collection the sentence was drawn from (NewsMTSC: ``allsides`` or ``polusa``)."""
        return self.gid.split("_")[0] if self.gid else "unknown"


def example_features(example: LabelledTarget, config: FeatureConfig) -> dict[str, float]:
    """Return the features of one target as the model reads it at prediction time.

    The same input contract as :func:`analysis.sentiment.model.classify_target`: only the
    sentence holding the target is read (:func:`analysis.sentiment.scope.scored_span`).
    """
    lo, hi = scored_span(example.text, example.start, example.end, warn=False)
    return target_features(example.text[lo:hi], example.start - lo, example.end - lo, config)


def fold_of(article: str, folds: int = CALIBRATION_FOLDS) -> int:
    """Return the cross-validation fold of an article (a stable hash: same fold everywhere).

    Examples
    --------
    >>> fold_of("allsides_1000_401") == fold_of("allsides_1000_401")
    True
    """
    return int(hashlib.sha256(article.encode("utf-8")).hexdigest(), 16) % folds

def read_targets(path: str | PathLike[str]) -> Iterator[LabelledTarget]:
    """Yield the annotated targets of a NewsMTSC-style JSONL file, in file order.

    Each line holds ``sentence_normalized`` and ``targets`` (``from``, ``to``,
    ``polarity``: 2.0 negative, 4.0 neutral, 6.0 positive; the labels themselves are
    accepted too).

    Raises
    ------
    AnalysisError
        If the file is missing or a line is not of that form (naming the line).
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        raise AnalysisError("file not found; pass a NewsMTSC-style .jsonl file", path) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["sentence_normalized"]
                gid = str(record.get("primary_gid", ""))
                for target in record["targets"]:
                    polarity = target["polarity"]
                    label = polarity if polarity in LABELS else POLARITY_CODES[float(polarity)]
                    yield LabelledTarget(text, int(target["from"]), int(target["to"]), label, gid)
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise AnalysisError(
                    f"line {number} is not a NewsMTSC record with sentence_normalized and "
                    f"targets (from, to, polarity 2/4/6): {exc!r}", path) from None


def train(
    path: str | PathLike[str],
    *,
    config: FeatureConfig | None = None,
    l2: float = 3e-3,
    min_count: int = 2,
    balanced: bool = True,
    max_iter: int = 400,
    nb_weight: float = NB_WEIGHT,
    nb_scale: float = NB_SCALE,
    nb_alpha: float = NB_ALPHA,
) -> dict[str, object]:
    """Fit the target sentiment model on a NewsMTSC-style JSONL file.

    Deterministic: the same file and settings give the same model (and, through
    :func:`model_to_json`, the same bytes).

    Parameters
    ----------
    path : str or os.PathLike
        Training JSONL (NewsMTSC ``train.jsonl``; never a dev or test file).
    config : FeatureConfig, optional
        Feature groups; defaults to :class:`~analysis.sentiment.features.FeatureConfig()`.
    l2 : float
        L2 penalty on the weights (the loss is the mean cross-entropy).
    min_count : int
        Keep features seen in at least this many training targets.
    balanced : bool
        Weight classes inversely to their frequency (macro F1 counts them equally).
    max_iter : int
        L-BFGS iterations.
    nb_weight : float
        Weight of the naive Bayes log-probabilities added to the regression's weights
        (:func:`analysis.sentiment.naive_bayes.naive_bayes_weights`); 0: the regression alone.
    nb_scale : float
        Power of the naive Bayes spread each input is scaled by while fitting
        (:func:`analysis.sentiment.naive_bayes.naive_bayes_spread`; NBSVM-style); 0: off.
    nb_alpha : float
        Laplace smoothing of the naive Bayes counts.

    Returns
    -------
    dict
        The model as plain JSON-able data (load it with
        :func:`analysis.sentiment.model.load_model`).

    Examples
    --------
    >>> import json, tempfile, os
    >>> from analysis.sentiment.model import load_model
    >>> rows = [{"sentence_normalized": s, "targets": [{"from": 0, "to": 3, "polarity": p}]}
    ...         for s, p in [("Ann won praise.", 6), ("Ann was jailed.", 2), ("Ann met Bo.", 4)] * 3]
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     file = os.path.join(folder, "train.jsonl")
    ...     with open(file, "w") as out:
    ...         _ = out.write("\\n".join(json.dumps(r) for r in rows))
    ...     model = load_model(train(file))
    >>> model.classify("Ann won praise.", 0, 3).label
    'positive'
    """
    config = config or FeatureConfig()
    examples = list(read_targets(path))
    if not examples:
        raise AnalysisError("no annotated targets in the training file", path)
    feature_rows = [example_features(e, config) for e in examples]
    labels = [LABELS.index(e.label) for e in examples]
    options = {"l2": l2, "min_count": min_count, "balanced": balanced, "max_iter": max_iter,
               "nb_weight": nb_weight, "nb_scale": nb_scale, "nb_alpha": nb_alpha}
    weights, bias, vocabulary = _fit_linear(feature_rows, labels, **options)
    folds = [fold_of(e.article or e.text) for e in examples]  # no gid: fold by sentence
    temperature, knots = _calibration(feature_rows, labels, folds, options)
    return {
        "format": MODEL_FORMAT,
        "labels": list(LABELS),
        "features": config.as_dict(),
        "training": {
            "source": Path(path).name,
            "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest(),
            "targets": len(examples),
            "classes": {label: count for label, count in sorted(Counter(
                e.label for e in examples).items())},
            "l2": l2,
            "min_count": min_count,
            "balanced": balanced,
            "max_iter": max_iter,
            **_method(nb_weight, nb_scale, nb_alpha),
        },
        "calibration": {
            "temperature": temperature,
            "confidence_map": knots,
            "method": "temperature scaling (Guo et al. 2017), then a monotone top-label "
                      f"map over {MAP_BINS} equal-mass confidence bins, both fitted on the "
                      f"out-of-fold predictions of {CALIBRATION_FOLDS} folds of the training "
                      "file, grouped by article",
        },
        "bias": [_round(b) for b in bias],
        "weights": {name: [_round(w) for w in row] for name, row in zip(vocabulary, weights, strict=True)
                    if any(_round(w) != 0.0 for w in row)},
    }


def _method(nb_weight: float, nb_scale: float, nb_alpha: float) -> dict[str, object]:
    """Return the ``training`` entries that name the learner (the NB ones only when used)."""
    method = "multinomial logistic regression, full-batch L-BFGS in numpy"
    if not nb_weight and not nb_scale:
        return {"method": method}
    return {"nb_weight": nb_weight, "nb_scale": nb_scale, "nb_alpha": nb_alpha,
            "method": method + " over inputs scaled by their naive Bayes spread ** nb_scale "
                      "(weights scaled back), plus nb_weight times the centred "
                      "log-probabilities of a class-balanced binary multinomial naive Bayes "
                      "(NBSVM and MNB/LR interpolation, Wang and Manning 2012)"}


def _calibration(feature_rows: Sequence[Mapping[str, float]], labels: Sequence[int],
                 folds: Sequence[int], options: Mapping[str, object],
                 ) -> tuple[float, list[list[float]]]:
    """Return the temperature and the confidence map, both fitted on out-of-fold logits.

    One fold only (a file too small to split): no calibration (T = 1, no map).
    """
    if len(set(folds)) < 2:
        return 1.0, []
    logits = out_of_fold_logits(feature_rows, labels, folds, **options)
    temperature = _round(fit_temperature(logits, labels))
    knots = fit_confidence_map(softmax(logits, temperature), labels)
    return temperature, [[_round(x), _round(y)] for x, y in knots]


def out_of_fold_logits(
    feature_rows: Sequence[Mapping[str, float]], labels: Sequence[int], folds: Sequence[int],
    **options: object,
) -> np.ndarray:
    """Return each example's logits from a model fitted on the other folds only.

    ``options`` are those of :func:`_fit_linear` (``l2``, ``min_count``, ``balanced``,
    ``max_iter``, optionally ``nb_weight``, ``nb_scale`` and ``nb_alpha``). Used to calibrate the temperature and to compare feature sets on
    train alone.
    """
    logits = np.zeros((len(labels), 3))
    fold_ids = np.asarray(folds)
    for fold in sorted(set(folds)):
        inside = np.flatnonzero(fold_ids == fold)
        outside = np.flatnonzero(fold_ids != fold)
        weights, bias, vocabulary = _fit_linear(
            [feature_rows[i] for i in outside], [labels[i] for i in outside],
            **options)  # type: ignore[arg-type]
        logits[inside] = linear_logits((weights, bias, vocabulary),
                                       [feature_rows[i] for i in inside])
    return logits


def linear_logits(
    fit: tuple[Sequence[Sequence[float]], Sequence[float], Sequence[str]],
    feature_rows: Sequence[Mapping[str, float]],
) -> np.ndarray:
    """Return the class logits of a fitted linear model for each row of features.

    ``fit`` is ``(weight rows, biases, vocabulary)`` as the fitting functions return it;
    features outside the vocabulary are ignored.

    Examples
    --------
    >>> fit = ([[1.0, 0.0, -1.0]], [0.0, 0.5, 0.0], ["w:bad"])
    >>> linear_logits(fit, [{"w:bad": 2.0}, {"w:new": 1.0}]).tolist()
    [[2.0, 0.5, -2.0], [0.0, 0.5, 0.0]]
    """
    weights, bias, vocabulary = fit
    index = {name: np.asarray(row, dtype=float)
             for name, row in zip(vocabulary, weights, strict=True)}
    logits = np.tile(np.asarray(bias, dtype=float), (len(feature_rows), 1))
    for i, row in enumerate(feature_rows):
        for name, value in row.items():
            weight = index.get(name)
            if weight is not None:
                logits[i] += weight * value
    return logits


def _round(value: float) -> float:
    rounded = float(f"{float(value):.{SIGNIFICANT_DIGITS}g}")
    return 0.0 if rounded == 0.0 else rounded


def model_to_json(model: Mapping[str, object]) -> str:
    """Return the model as stable JSON text: sorted keys, one weight row a line.

    Examples
    --------
    >>> print(model_to_json({"format": "x", "weights": {"b": [0.5, 0, -0.5], "a": [1, 2, 3]}}), end="")
    {
    "format": "x",
    "weights": {
    "a": [1, 2, 3],
    "b": [0.5, 0, -0.5]
    }
    }
    """
    lines = []
    for key in sorted(model):
        value = model[key]
        if key == "weights" and isinstance(value, Mapping):
            rows = [f"{json.dumps(name)}: {json.dumps(list(row))}"
                    for name, row in sorted(value.items())]
            lines.append('"weights": {\n' + ",\n".join(rows) + "\n}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, sort_keys=True)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _fit_linear(
    feature_rows: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    *,
    nb_weight: float = 0.0,
    nb_scale: float = 0.0,
    nb_alpha: float = NB_ALPHA,
    **options: object,
) -> tuple[list[list[float]], list[float], list[str]]:
    """Fit the regression (:func:`_fit_softmax`) and add ``nb_weight`` times the MNB weights.

    With ``nb_scale``, the regression is fitted on inputs scaled by their naive Bayes
    spread (``** nb_scale``) and its weights are scaled back, so they apply to the
    features as they are. The naive Bayes vocabulary (binary features seen
    ``min_count`` times) is part of the regression's, so the vocabulary and the bias are
    the regression's.
    """
    min_count = int(options["min_count"])  # type: ignore[call-overload]
    if nb_scale:
        scale = naive_bayes_spread(feature_rows, labels, power=nb_scale, alpha=nb_alpha,
                                   min_count=min_count)
        scaled = [{k: v * scale[k] for k, v in row.items() if k in scale} for row in feature_rows]
        weights, bias, vocabulary = _fit_softmax(scaled, labels, **options)  # type: ignore[arg-type]
        weights = [[w * scale[name] for w in row]
                   for row, name in zip(weights, vocabulary, strict=True)]
    else:
        weights, bias, vocabulary = _fit_softmax(feature_rows, labels, **options)  # type: ignore[arg-type]
    if nb_weight:
        nb = naive_bayes_weights(feature_rows, labels, alpha=nb_alpha, min_count=min_count)
        for row, name in zip(weights, vocabulary, strict=True):
            extra = nb.get(name)
            if extra is not None:
                row[0] += nb_weight * extra[0]
                row[1] += nb_weight * extra[1]
                row[2] += nb_weight * extra[2]
    return weights, bias, vocabulary


def _fit_softmax(
    feature_rows: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    *,
    l2: float,
    min_count: int,
    balanced: bool,
    max_iter: int,
) -> tuple[list[list[float]], list[float], list[str]]:
    """Fit softmax regression; return weight rows, biases and the sorted vocabulary."""
    counts = Counter(name for row in feature_rows for name in row)
    vocabulary = sorted(name for name, count in counts.items() if count >= min_count)
    index = {name: i for i, name in enumerate(vocabulary)}
    rows, cols, vals = [], [], []
    for i, features in enumerate(feature_rows):
        for name in sorted(features):
            j = index.get(name)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(features[name])
    data = _SparseRows(np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64),
                       np.asarray(vals, dtype=np.float64), len(feature_rows), len(vocabulary))
    y = np.asarray(labels, dtype=np.int64)
    class_counts = np.bincount(y, minlength=3).astype(np.float64)
    if balanced:
        class_weight = np.where(class_counts > 0, len(y) / (3.0 * np.maximum(class_counts, 1)), 0)
    else:
        class_weight = np.ones(3)
    sample_weight = class_weight[y] / class_weight[y].sum()
    onehot = np.zeros((len(y), 3))
    onehot[np.arange(len(y)), y] = 1.0

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        weights, bias = theta[:-3].reshape(-1, 3), theta[-3:]
        logits = data.dot(weights) + bias
        logits -= logits.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(logits).sum(axis=1, keepdims=True))
        log_probs = logits - log_norm
        loss = -float((sample_weight * (log_probs * onehot).sum(axis=1)).sum())
        loss += 0.5 * l2 * float((weights * weights).sum())
        residual = (np.exp(log_probs) - onehot) * sample_weight[:, None]
        grad_weights = data.transpose_dot(residual) + l2 * weights
        return loss, np.concatenate([grad_weights.ravel(), residual.sum(axis=0)])

    theta = _lbfgs(objective, np.zeros(3 * len(vocabulary) + 3), max_iter=max_iter)
    weights, bias = theta[:-3].reshape(-1, 3), theta[-3:]
    weights = weights - weights.mean(axis=1, keepdims=True)
    bias = bias - bias.mean()
    return weights.tolist(), bias.tolist(), vocabulary


class _SparseRows:
    """A minimal sparse matrix (coordinate form) with the two products training needs."""

    def __init__(self, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray,
                 n_rows: int, n_cols: int) -> None:
        self.rows, self.cols, self.vals = rows, cols, vals
        self.n_rows, self.n_cols = n_rows, n_cols

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """Return ``X @ weights``."""
        products = weights[self.cols] * self.vals[:, None]
        return np.stack([np.bincount(self.rows, weights=products[:, k], minlength=self.n_rows)
                         for k in range(weights.shape[1])], axis=1)

    def transpose_dot(self, residual: np.ndarray) -> np.ndarray:
        """Return ``X.T @ residual``."""
        products = residual[self.rows] * self.vals[:, None]
        return np.stack([np.bincount(self.cols, weights=products[:, k], minlength=self.n_cols)
                         for k in range(residual.shape[1])], axis=1)


Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]


def _lbfgs(objective: Objective, theta: np.ndarray, *, max_iter: int, memory: int = 10,
           tolerance: float = 1e-6) -> np.ndarray:
    """Minimise a smooth convex function with L-BFGS and a backtracking (Armijo) search."""
    loss, grad = objective(theta)
    steps: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(max_iter):
        if float(np.abs(grad).max()) < tolerance:
            break
        direction = -grad
        alphas = []
        for s, y, rho in reversed(steps):
            alpha = rho * float(s @ direction)
            alphas.append(alpha)
            direction = direction - alpha * y
        if steps:
            s, y, _rho = steps[-1]
            direction = direction * (float(s @ y) / float(y @ y))
        else:
            direction = direction / max(1.0, float(np.abs(grad).sum()))
        for (s, y, rho), alpha in zip(steps, reversed(alphas), strict=True):
            beta = rho * float(y @ direction)
            direction = direction + (alpha - beta) * s
        slope = float(grad @ direction)
        if slope >= 0:
            steps.clear()
            direction, slope = -grad, -float(grad @ grad)
        step = 1.0
        while True:
            candidate = theta + step * direction
            new_loss, new_grad = objective(candidate)
            if new_loss <= loss + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s, y = candidate - theta, new_grad - grad
        if float(s @ y) > 1e-12:
            steps.append((s, y, 1.0 / float(s @ y)))
            if len(steps) > memory:
                steps.pop(0)
        improvement = loss - new_loss
        theta, loss, grad = candidate, new_loss, new_grad
        if improvement <= 1e-10 * max(1.0, abs(loss)):
            break
    return theta
