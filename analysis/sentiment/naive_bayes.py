"""Multinomial naive Bayes weights, added to the target model's regression weights.

Wang and Manning ("Baselines and Bigrams: Simple, Good Sentiment and Topic
Classification", ACL 2012) found that naive Bayes evidence helps a discriminative model
most on short texts, where the regression alone, held back by its penalty, under-uses
rare but telling words; they interpolate the two. The target model does the same in
its linear form: the weights it ships are the softmax regression's plus ``nb_weight``
times those of a class-balanced multinomial naive Bayes over the same binary features
(:func:`naive_bayes_weights`), so prediction (:mod:`analysis.sentiment.model`) is still
one weight row per feature and needs nothing new.

The naive Bayes is the binary ("Bernoulli-count") MNB of Wang and Manning: a feature
counts once per target, each class's counts are weighted inversely to its frequency
(macro F1 counts the classes equally; so the class prior is uniform and no bias is
added), Laplace smoothing ``alpha``. Real-valued features (the ``lexsum:``/``rsum:``
valence sums) are left out, so the weights stay linear in the feature values. Each
feature's three log-probabilities are centred on their mean (a constant per class
changes no softmax).

The regression itself reads NBSVM-style scaled features (Wang and Manning 2012, their
``r``-scaled inputs, in a multinomial form): each feature's value is multiplied by
the spread of its naive Bayes log-probabilities over the classes (largest minus
smallest) raised to a power (:func:`naive_bayes_spread`), which lightens the L2
penalty on features that tell the classes apart and weighs down those that do not.
The fitted weights are multiplied back by the same factors, so the shipped model reads
the features as they are.

Used at training time only; standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

__all__ = ["naive_bayes_log_probs", "naive_bayes_spread", "naive_bayes_weights"]


def _class_weights(labels: Sequence[int]) -> list[float]:
    counts = [0, 0, 0]
    for label in labels:
        counts[label] += 1
    return [len(labels) / (3.0 * count) if count else 0.0 for count in counts]


def naive_bayes_log_probs(
    feature_rows: Sequence[Mapping[str, float]], labels: Sequence[int], *,
    alpha: float = 1.0, min_count: int = 2, binary_only: bool = False,
) -> dict[str, list[float]]:
    """Return each kept feature's class log-probabilities under a class-balanced MNB.

    A feature counts once per target where its value is not zero; each class's counts
    are weighted inversely to its frequency; Laplace smoothing ``alpha``. With
    ``binary_only``, features that are not 1.0 wherever present (the real-valued
    ``lexsum:``/``rsum:`` sums) are left out, so the log-probabilities are linear in the
    feature values.

    Examples
    --------
    >>> rows = [{"a": 1.0}, {"a": 1.0, "b": 1.0}, {"b": 1.0, "s": -2.0}] * 2
    >>> logs = naive_bayes_log_probs(rows, [0, 1, 2] * 2)
    >>> logs["a"][0] > logs["a"][2], "s" in naive_bayes_log_probs(rows, [0, 1, 2] * 2,
    ...                                                           binary_only=True)
    (True, False)
    """
    class_weight = _class_weights(labels)
    counts: dict[str, list[float]] = {}
    seen: dict[str, int] = {}
    real: set[str] = set()
    for row, label in zip(feature_rows, labels, strict=True):
        for name, value in row.items():
            if value == 0.0:
                continue
            if value != 1.0:
                real.add(name)
            seen[name] = seen.get(name, 0) + 1
            counts.setdefault(name, [0.0, 0.0, 0.0])[label] += class_weight[label]
    kept = sorted(name for name, n in seen.items()
                  if n >= min_count and not (binary_only and name in real))
    totals = [sum(counts[name][k] for name in kept) + alpha * len(kept) for k in range(3)]
    return {name: [math.log((counts[name][k] + alpha) / totals[k]) if totals[k] else 0.0
                   for k in range(3)] for name in kept}


def naive_bayes_spread(
    feature_rows: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    *,
    power: float = 0.5,
    alpha: float = 1.0,
    min_count: int = 2,
) -> dict[str, float]:
    """Return each feature's NBSVM scale: the spread of its class log-probabilities ** power.

    Every feature seen ``min_count`` times gets one (real-valued ones counted as present).

    Examples
    --------
    >>> rows = [{"w:R:praised": 1.0, "p1:<s>": 1.0}, {"w:R:met": 1.0, "p1:<s>": 1.0},
    ...         {"w:R:jailed": 1.0, "p1:<s>": 1.0}]
    >>> scale = naive_bayes_spread(rows * 2, [2, 1, 0] * 2)
    >>> scale["w:R:praised"] > scale["p1:<s>"] == 0.0
    True
    """
    return {name: (max(logs) - min(logs)) ** power for name, logs in naive_bayes_log_probs(
        feature_rows, labels, alpha=alpha, min_count=min_count, binary_only=False).items()}


def naive_bayes_weights(
    feature_rows: Sequence[Mapping[str, float]],
    labels: Sequence[int],
    *,
    alpha: float = 1.0,
    min_count: int = 2,
) -> dict[str, tuple[float, float, float]]:
    """Return each binary feature's centred class log-probabilities under a balanced MNB.

    Parameters
    ----------
    feature_rows : sequence of mappings
        Features of each training target (:func:`analysis.sentiment.features.target_features`).
    labels : sequence of int
        Gold class indexes (0 negative, 1 neutral, 2 positive).
    alpha : float
        Laplace smoothing added to every feature's count in every class.
    min_count : int
        Keep features seen in at least this many targets (as the regression does).

    Returns
    -------
    dict
        Feature name to three weights (log-probabilities minus their mean), for every
        feature whose value is 1.0 wherever it occurs.

    Examples
    --------
    >>> rows = [{"w:R:praised": 1.0}, {"w:R:met": 1.0}, {"w:R:jailed": 1.0, "lexsum:L": -2.0}]
    >>> weights = naive_bayes_weights(rows * 2, [2, 1, 0] * 2)
    >>> sorted(weights)  # the real-valued sum is left out
    ['w:R:jailed', 'w:R:met', 'w:R:praised']
    >>> neg, neu, pos = weights["w:R:praised"]
    >>> pos > neu == neg, round(neg + neu + pos, 12)
    (True, 0.0)
    """
    weights = {}
    for name, logs in naive_bayes_log_probs(feature_rows, labels, alpha=alpha, min_count=min_count,
                                 binary_only=True).items():
        mean = sum(logs) / 3.0
        weights[name] = (logs[0] - mean, logs[1] - mean, logs[2] - mean)
    return weights
