"""Calibrated probabilities: temperature scaling, expected calibration error, reliability.

A classifier fitted with class weights (as the target model is, for macro F1) is not
calibrated: its "70 % positive" need not be right 70 % of the time. Temperature scaling
(Guo, Pleiss, Sun and Weinberger, "On Calibration of Modern Neural Networks", ICML 2017)
divides the logits by one number ``T`` fitted to minimise the log loss of held-out
predictions; it never changes which class is most probable, so labels and macro F1
stay as they are. ``T`` is fitted on out-of-fold predictions of the training file
(cross-fitting, :func:`analysis.sentiment.training.train`), never on dev, and ships in
the model JSON as data.

Temperature scaling stretches or shrinks every confidence alike. On out-of-fold train
predictions the model is *under*-confident between 0.6 and 0.8 and *over*-confident
above 0.9, which one temperature cannot mend (the log loss, dominated by the confident
errors, keeps T near 1). :func:`fit_confidence_map` adds a top-label recalibration
(histogram binning, Zadrozny and Elkan, ICML 2001, made monotone and piecewise linear;
top-label form as in Gupta and Ramdas, ICLR 2022): equal-mass bins of the out-of-fold top
probability, each mapped to its accuracy, pooled where accuracy falls as confidence
rises. :func:`analysis.sentiment.model.recalibrate` applies it at prediction time (plain
Python): the top class gets the mapped probability, the other two keep their ratio, and
the label never changes.

Calibration is measured by the expected calibration error (ECE; Naeini, Cooper and
Hauskrecht, AAAI 2015): predictions are put in :data:`N_BINS` equal-width bins of
confidence (the top probability) and ECE is the mean over items of |accuracy - mean
confidence| of their bin. :func:`reliability_table` gives the reliability diagram's data.

Only numpy is used; inference never imports this module.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["MAP_BINS", "N_BINS", "expected_calibration_error", "fit_confidence_map",
           "fit_temperature", "reliability_table", "softmax"]

#: Equal-width confidence bins of the ECE and the reliability diagram.
N_BINS = 10
#: Equal-mass bins of the top-label confidence map (about 870 out-of-fold targets each).
MAP_BINS = 10
#: The temperature is searched between these bounds (log-scale golden section).
_T_BOUNDS = (0.05, 20.0)


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Return row-wise softmax probabilities of ``logits / temperature``.

    Examples
    --------
    >>> softmax(np.array([[0.0, 0.0, np.log(2.0)]])).round(2).tolist()
    [[0.25, 0.25, 0.5]]
    """
    scaled = np.asarray(logits, dtype=float) / temperature
    scaled = scaled - scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=1, keepdims=True)


def _log_loss(logits: np.ndarray, labels: np.ndarray, temperature: float) -> float:
    probs = softmax(logits, temperature)
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(labels)), labels], 1e-12, 1.0))))


def fit_temperature(logits: np.ndarray, labels: Sequence[int], *, iterations: int = 80) -> float:
    """Return the temperature minimising the mean log loss of ``softmax(logits / T)``.

    The log loss is convex in 1/T; a golden-section search over log T finds the
    minimum to about 6 significant digits (deterministic, no random start).

    Parameters
    ----------
    logits : array of shape (n, 3)
        Held-out class scores (out-of-fold predictions), never those of the data the
        model was fitted on.
    labels : sequence of int
        Gold class indexes.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> labels = rng.integers(0, 3, 3000)
    >>> true = rng.normal(size=(3000, 3)); true[np.arange(3000), labels] += 1.5
    >>> drawn = np.array([rng.choice(3, p=p) for p in softmax(true)])
    >>> round(fit_temperature(true * 3.0, drawn), 1)  # over-confident by 3: T near 3
    3.0
    """
    y = np.asarray(labels, dtype=np.int64)
    z = np.asarray(logits, dtype=float)
    low, high = np.log(_T_BOUNDS[0]), np.log(_T_BOUNDS[1])
    ratio = (np.sqrt(5.0) - 1.0) / 2.0
    a, b = high - ratio * (high - low), low + ratio * (high - low)
    fa, fb = _log_loss(z, y, float(np.exp(a))), _log_loss(z, y, float(np.exp(b)))
    for _ in range(iterations):
        if fa <= fb:
            high, b, fb = b, a, fa
            a = high - ratio * (high - low)
            fa = _log_loss(z, y, float(np.exp(a)))
        else:
            low, a, fa = a, b, fb
            b = low + ratio * (high - low)
            fb = _log_loss(z, y, float(np.exp(b)))
    return float(np.exp((low + high) / 2.0))


def _pool_adjacent_violators(values: list[float], weights: list[float]) -> list[float]:
    """Return the non-decreasing sequence nearest ``values`` in weighted least squares."""
    blocks: list[list[float]] = []  # [mean, weight, count]
    for value, weight in zip(values, weights, strict=True):
        blocks.append([value, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight_b, count = blocks.pop()
            prev = blocks[-1]
            total = prev[1] + weight_b
            prev[0] = (prev[0] * prev[1] + mean * weight_b) / total
            prev[1], prev[2] = total, prev[2] + count
    return [mean for mean, _weight, count in blocks for _ in range(int(count))]


def fit_confidence_map(
    probabilities: np.ndarray, labels: Sequence[int], n_bins: int = MAP_BINS
) -> list[list[float]]:
    """Return the knots ``[confidence, accuracy]`` of a monotone top-label recalibration.

    The held-out top probabilities are cut into ``n_bins`` bins of equal size; each bin
    gives a knot at its mean confidence and its accuracy, made non-decreasing by pool
    adjacent violators. Between knots the map is linear
    (:func:`analysis.sentiment.model.recalibrate`).

    Parameters
    ----------
    probabilities : array of shape (n, 3)
        Held-out probabilities (out-of-fold, after the temperature), never those of the
        data the model was fitted on, nor of dev.
    labels : sequence of int
        Gold class indexes.

    Examples
    --------
    >>> probs = np.array([[0.5, 0.3, 0.2]] * 4 + [[0.9, 0.05, 0.05]] * 4)
    >>> fit_confidence_map(probs, [0, 0, 0, 1, 0, 0, 0, 0], n_bins=2)
    [[0.5, 0.75], [0.9, 1.0]]
    """
    probs = np.asarray(probabilities, dtype=float)
    y = np.asarray(labels, dtype=np.int64)
    confidence = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == y).astype(float)
    order = np.argsort(confidence, kind="stable")
    parts = [part for part in np.array_split(order, n_bins) if len(part)]
    xs = [float(confidence[part].mean()) for part in parts]
    accuracy = _pool_adjacent_violators([float(correct[part].mean()) for part in parts],
                                        [float(len(part)) for part in parts])
    return [[round(x, 6), round(a, 6)] for x, a in zip(xs, accuracy, strict=True)]


def _bins(confidence: np.ndarray, n_bins: int) -> np.ndarray:
    return np.minimum((confidence * n_bins).astype(np.int64), n_bins - 1)


def reliability_table(
    probabilities: np.ndarray, labels: Sequence[int], n_bins: int = N_BINS
) -> list[dict[str, float]]:
    """Return the reliability diagram's data: per confidence bin, n, confidence, accuracy.

    Bins without predictions are left out.

    Examples
    --------
    >>> probs = np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.2, 0.75, 0.05]])
    >>> [(r["low"], r["n"], r["accuracy"]) for r in reliability_table(probs, [0, 1, 0])]
    [(0.7, 1, 0.0), (0.8, 1, 1.0), (0.9, 1, 1.0)]
    """
    probs = np.asarray(probabilities, dtype=float)
    y = np.asarray(labels, dtype=np.int64)
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y
    bins = _bins(confidence, n_bins)
    rows = []
    for index in range(n_bins):
        inside = bins == index
        if not inside.any():
            continue
        rows.append({
            "low": round(index / n_bins, 4),
            "high": round((index + 1) / n_bins, 4),
            "n": int(inside.sum()),
            "confidence": round(float(confidence[inside].mean()), 4),
            "accuracy": round(float(correct[inside].mean()), 4),
        })
    return rows


def expected_calibration_error(
    probabilities: np.ndarray, labels: Sequence[int], n_bins: int = N_BINS
) -> float:
    """Return the expected calibration error of the top-class probability.

    Examples
    --------
    >>> probs = np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.2, 0.75, 0.05]])
    >>> round(expected_calibration_error(probs, [0, 1, 0]), 4)
    0.35
    """
    probs = np.asarray(probabilities, dtype=float)
    y = np.asarray(labels, dtype=np.int64)
    if len(y) == 0:
        return float("nan")
    confidence = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == y).astype(float)
    bins = _bins(confidence, n_bins)
    total = 0.0
    for index in np.unique(bins):
        inside = bins == index
        total += inside.sum() * abs(correct[inside].mean() - confidence[inside].mean())
    return float(total / len(y))
