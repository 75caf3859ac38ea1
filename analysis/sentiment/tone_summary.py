"""Tone per group without thresholding a mean: class probabilities averaged, label shares.

Reading a group's *mean* score with a cut-off (a mean of +0.04 called "neutral", +0.06
"positive") throws away how the mentions are spread: a group of half warm and half
hostile mentions and a group of flat ones get the same mean and the same word. On
NewsMTSC and the other corpora tried, it cost 0.04-0.07 macro F1 against averaging the
class probabilities or taking the majority label. So every tone aggregate of this
package goes through :func:`summarise_tone`, which reports per group:

* ``n`` scored items and ``n_unscored`` items of the group that have no score (not
  English, crossing a sentence boundary: see :mod:`analysis.sentiment.scope`);
* ``mean`` of the item score with a seeded bootstrap 95 % interval
  (:func:`analysis.sentiment.uncertainty.aggregate_tone`), shown as a measure of
  direction and never cut into a label;
* ``share_negative``, ``share_neutral``, ``share_positive``: the share of items of each
  label (each item's own label);
* for the target model, ``p_negative``, ``p_neutral``, ``p_positive``: its class
  probabilities averaged over the items; ``label`` is then the most probable class of
  that average (:func:`label_of_probabilities`); without probabilities (VADER), the
  commonest item label;
* ``method``: which of the two the row used, in words.

Examples
--------
>>> import pandas as pd
>>> rows = pd.DataFrame({"target": ["A", "A", "A"], "score": [0.9, -0.8, 0.0],
...     "label": ["positive", "negative", "neutral"], "p_negative": [0.05, 0.85, 0.2],
...     "p_neutral": [0.0, 0.1, 0.6], "p_positive": [0.95, 0.05, 0.2]})
>>> table = summarise_tone(rows, "target", "score", probabilities=PROBABILITY_COLUMNS)
>>> table[["n", "share_positive", "label"]].values.tolist()
[[3, 0.3333, 'positive']]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.sentiment.uncertainty import aggregate_tone

__all__ = [
    "LABELS",
    "METHOD_MAJORITY",
    "METHOD_PROBABILITIES",
    "PROBABILITY_COLUMNS",
    "SHARE_COLUMNS",
    "label_of_probabilities",
    "label_shares",
    "summarise_tone",
]

#: The three labels, in the order of the probability and share columns.
LABELS = ("negative", "neutral", "positive")
#: The target model's class probability columns (table ``targets``).
PROBABILITY_COLUMNS = ("p_negative", "p_neutral", "p_positive")
#: The share-of-label columns every aggregate has.
SHARE_COLUMNS = tuple(f"share_{label}" for label in LABELS)
#: ``method`` of a group labelled from averaged class probabilities.
METHOD_PROBABILITIES = ("label: most probable class of the mean class probabilities; "
                        "shares: each item's own label; mean: shown, never thresholded")
#: ``method`` of a group labelled by its commonest item label (no probabilities: VADER).
METHOD_MAJORITY = ("label: the commonest item label (each item read on its own); "
                   "shares: each item's own label; mean: shown, never thresholded")
#: Digits kept of shares and mean probabilities.
DIGITS = 4


def label_of_probabilities(p_negative: float, p_neutral: float, p_positive: float) -> str:
    """Return the most probable of the three classes (a tie goes to neutral, then positive).

    Examples
    --------
    >>> label_of_probabilities(0.3, 0.4, 0.3), label_of_probabilities(0.45, 0.1, 0.45)
    ('neutral', 'positive')
    """
    ranked = sorted(zip((p_negative, p_neutral, p_positive), (0, 2, 1), LABELS,
                        strict=True), reverse=True)
    return ranked[0][2]


def label_shares(labels: Sequence[str | None] | pd.Series) -> tuple[float, float, float]:
    """Return the shares of negative, neutral and positive among the labels given.

    Missing labels (items not scored) are left out; no label at all gives NaN shares.

    Examples
    --------
    >>> label_shares(["positive", "neutral", "neutral", None])
    (0.0, 0.6667, 0.3333)
    """
    known = [label for label in labels if isinstance(label, str)]
    if not known:
        return (float("nan"),) * 3  # type: ignore[return-value]
    return tuple(round(known.count(label) / len(known), DIGITS) for label in LABELS)  # type: ignore[return-value]


def _majority(shares: Sequence[float]) -> str:
    """Return the label with the largest share (ties as in :func:`label_of_probabilities`)."""
    return label_of_probabilities(*shares)


def summarise_tone(
    frame: pd.DataFrame,
    by: str | Sequence[str],
    value: str,
    *,
    labels: str = "label",
    probabilities: Sequence[str] | None = None,
    min_n: int = 5,
    n_resamples: int = 2000,
    seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """Return the tone of each group: n, unscored, mean with interval, label shares, label.

    Parameters
    ----------
    frame : DataFrame
        One row per item (a mention, a quote), with the ``by`` columns, the score
        ``value``, the item's ``labels`` column and optionally its class
        ``probabilities`` (three columns: negative, neutral, positive).
    by : str or list of str
    value : str
        The item score averaged for ``mean`` (``score``, ``compound_masked``).
    labels : str
        The column of each item's own label.
    probabilities : three column names, optional
        Class probabilities to average; ``label`` is their most probable class. Without
        them, ``label`` is the commonest item label.
    min_n, n_resamples, seed, level
        As :func:`analysis.sentiment.uncertainty.aggregate_tone`.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``n``, ``n_unscored``, ``mean``, ``ci_low``, ``ci_high``, the
        share columns, the probability columns (when given), ``label``, ``method`` and
        ``note``; groups by n, largest first.
    """
    keys = [by] if isinstance(by, str) else list(by)
    missing = [c for c in (labels, *(probabilities or ())) if c not in frame.columns]
    if missing:
        raise KeyError(f"columns not in the frame: {', '.join(missing)} (each item's label "
                       "and, for the target model, its class probabilities are needed: a "
                       "group's label is never read off its mean score)")
    table = aggregate_tone(frame, keys, value, min_n=min_n, n_resamples=n_resamples, seed=seed,
                           level=level)
    note = table.pop("note")
    scored = frame[frame[value].notna() & frame[keys].notna().all(axis=1)]
    extra = _group_columns(scored, keys, labels, probabilities)
    table = table.merge(extra, on=keys, how="left") if len(table) else _empty_extra(
        table, probabilities)
    table["method"] = pd.Series(
        [METHOD_PROBABILITIES if probabilities else METHOD_MAJORITY] * len(table), dtype="string")
    table["note"] = pd.Series(note.to_numpy(), index=table.index, dtype="string")
    return table


def _group_columns(scored: pd.DataFrame, keys: list[str], labels: str,
                   probabilities: Sequence[str] | None) -> pd.DataFrame:
    rows = []
    for group, part in scored.groupby(keys, sort=True):
        group_keys = group if isinstance(group, tuple) else (group,)
        row = {key: str(k) for key, k in zip(keys, group_keys, strict=True)}
        shares = label_shares(part[labels].tolist())
        row.update(zip(SHARE_COLUMNS, shares, strict=True))
        if probabilities:
            means = [round(float(part[c].astype(float).mean()), DIGITS) for c in probabilities]
            row.update(zip(PROBABILITY_COLUMNS, means, strict=True))
            row["label"] = label_of_probabilities(*means)
        else:
            row["label"] = _majority(shares)
        rows.append(row)
    extra = pd.DataFrame(rows, columns=[*keys, *SHARE_COLUMNS,
                                        *(PROBABILITY_COLUMNS if probabilities else ()), "label"])
    dtypes = {key: "string" for key in keys}
    dtypes.update({c: "Float64" for c in extra.columns if c.startswith(("share_", "p_"))})
    dtypes["label"] = "string"
    return extra.astype(dtypes)


def _empty_extra(table: pd.DataFrame, probabilities: Sequence[str] | None) -> pd.DataFrame:
    for column in (*SHARE_COLUMNS, *(PROBABILITY_COLUMNS if probabilities else ())):
        table[column] = pd.Series([], dtype="Float64")
    table["label"] = pd.Series([], dtype="string")
    return table
