"""Honest uncertainty for tone averages: bootstrap intervals, n, and a small-n flag.

A mean tone over a handful of sentences is mostly noise. Every aggregate this package
reports carries its n and a percentile bootstrap interval (Efron and Tibshirani, *An
Introduction to the Bootstrap*, 1993, ch. 13), computed with a seeded generator so the
same data give the same interval on every run and machine; groups with fewer than
``min_n`` values are labelled ``"small n"`` so a chart or table never presents them as
findings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

__all__ = ["SMALL_N", "aggregate_tone", "bootstrap_ci"]

#: The note given to groups with fewer values than ``min_n``.
SMALL_N = "small n"

# Resampled values held in memory at once (keeps memory flat for large groups).
_CHUNK_CELLS = 2_000_000

Statistic = Callable[..., object]


def _resampled_statistics(
    values: np.ndarray, stat: Statistic, n_resamples: int, rng: np.random.Generator
) -> np.ndarray:
    n = len(values)
    per_chunk = max(1, _CHUNK_CELLS // n)
    results: list[np.ndarray] = []
    remaining = n_resamples
    while remaining > 0:
        size = min(per_chunk, remaining)
        samples = values[rng.integers(0, n, size=(size, n))]
        try:
            chunk = np.asarray(stat(samples, axis=1), dtype=float)
        except TypeError:  # a statistic without an ``axis`` argument
            chunk = np.array([float(stat(row)) for row in samples])
        results.append(chunk)
        remaining -= size
    return np.concatenate(results)


def bootstrap_ci(
    values: Sequence[float] | np.ndarray | pd.Series,
    stat: Statistic = np.mean,
    n_resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Return the percentile bootstrap interval of ``stat`` over ``values``.

    Missing values (NaN, <NA>) are dropped first. Resampling uses
    ``numpy.random.default_rng(seed)``: the same values and seed give the same interval.

    Parameters
    ----------
    values : sequence of float
    stat : callable
        The statistic, ``stat(array, axis=1)`` over resamples (numpy reductions such as
        ``np.mean`` and ``np.median``), or ``stat(array)`` on one resample.
    n_resamples : int
        Number of bootstrap resamples.
    seed : int
        Seed of the random generator.
    level : float
        Coverage of the interval, e.g. 0.95.

    Returns
    -------
    (low, high) : tuple of float
        ``(nan, nan)`` when fewer than two values remain: one value has no spread
        to resample.

    Examples
    --------
    >>> low, high = bootstrap_ci([0.1, 0.4, 0.35, 0.8, 0.2, 0.5], seed=0)
    >>> low < 0.39 < high
    True
    >>> bootstrap_ci([0.1, 0.4, 0.35], seed=1) == bootstrap_ci([0.1, 0.4, 0.35], seed=1)
    True
    >>> bootstrap_ci([0.5])
    (nan, nan)
    """
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must be between 0 and 1, got {level}")
    if n_resamples < 1:
        raise ValueError(f"n_resamples must be positive, got {n_resamples}")
    array = pd.to_numeric(pd.Series(values, dtype="Float64"), errors="coerce").dropna()
    data = array.to_numpy(dtype=float)
    if len(data) < 2:
        return (math.nan, math.nan)
    rng = np.random.default_rng(seed)
    statistics = _resampled_statistics(data, stat, n_resamples, rng)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(statistics, [tail, 1.0 - tail])
    return (float(low), float(high))


def aggregate_tone(
    frame: pd.DataFrame,
    by: str | Sequence[str],
    value: str,
    *,
    min_n: int = 5,
    n_resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """Return n, mean and a bootstrap interval of ``value`` per group of ``by``.

    Rows whose group keys are missing are left out; rows whose ``value`` is missing (not
    scored: a sentence not in English, say) are counted in ``n_unscored``, never
    averaged. Groups come sorted by n (largest first), then by their keys, so the order
    is stable.

    Parameters
    ----------
    frame : DataFrame
    by : str or list of str
        Column(s) to group by (e.g. ``"actor"``, ``"target"``).
    value : str
        Numeric column to average (e.g. ``"compound_masked"``, ``"score"``).
    min_n : int
        Groups with fewer values get the note ``"small n"``.
    n_resamples, seed, level
        Passed to :func:`bootstrap_ci`; each group is resampled with the same seed.

    Returns
    -------
    DataFrame
        The ``by`` columns, then ``n`` (Int64: values averaged), ``n_unscored`` (Int64:
        rows of the group without a value), ``mean``, ``ci_low``, ``ci_high`` (Float64;
        the interval is <NA> for n < 2) and ``note`` ("small n" or <NA>).

    Examples
    --------
    >>> frame = pd.DataFrame({"actor": ["A"] * 6 + ["B"],
    ...                       "tone": [0.1, 0.4, 0.35, 0.8, 0.2, 0.5, -0.3]})
    >>> table = aggregate_tone(frame, "actor", "tone")
    >>> table[["actor", "n", "note"]].astype(object).values.tolist()
    [['A', 6, <NA>], ['B', 1, 'small n']]
    >>> round(float(table.loc[0, "mean"]), 3)
    0.392
    """
    keys = [by] if isinstance(by, str) else list(by)
    missing = [c for c in [*keys, value] if c not in frame.columns]
    if missing:
        raise KeyError(f"columns not in the frame: {', '.join(missing)}")
    data = frame[[*keys, value]].copy()
    data[value] = pd.to_numeric(data[value], errors="coerce").astype("Float64")
    data = data.dropna(subset=keys)
    rows = []
    for group, part in data.groupby(keys, sort=True):
        group_keys = group if isinstance(group, tuple) else (group,)
        values = part[value].dropna().to_numpy(dtype=float)
        low, high = bootstrap_ci(values, n_resamples=n_resamples, seed=seed, level=level)
        row = dict(zip(keys, group_keys, strict=True))
        row.update(
            n=len(values),
            n_unscored=len(part) - len(values),
            mean=float(values.mean()) if len(values) else None,
            ci_low=None if math.isnan(low) else low,
            ci_high=None if math.isnan(high) else high,
            note=SMALL_N if len(values) < min_n else None,
        )
        rows.append(row)
    return _tone_table(rows, keys)


def _tone_table(rows: list[dict], keys: list[str]) -> pd.DataFrame:
    dtypes = {key: "string" for key in keys}
    dtypes.update(n="Int64", n_unscored="Int64", mean="Float64", ci_low="Float64",
                  ci_high="Float64", note="string")
    if not rows:
        return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})
    table = pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)
    table = table.sort_values(["n", *keys], ascending=[False, *([True] * len(keys))])
    return table.reset_index(drop=True)
