"""Ratios every evaluation reports: shares, precision, recall and F1, written once.

A share with nothing to count is 0.0 (not an error), as every report prints it.
"""

from __future__ import annotations

__all__ = ["MatchScores", "f1_score", "ratio"]


def ratio(num: int, den: int) -> float:
    """Return ``num / den``, or 0.0 when ``den`` is 0.

    Examples
    --------
    >>> ratio(3, 4), ratio(0, 0)
    (0.75, 0.0)
    """
    return num / den if den else 0.0


def f1_score(precision: float, recall: float) -> float:
    """Return the harmonic mean of ``precision`` and ``recall`` (0.0 when both are 0).

    Examples
    --------
    >>> round(f1_score(0.5, 1.0), 4), f1_score(0.0, 0.0)
    (0.6667, 0.0)
    """
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class MatchScores:
    """Precision, recall and F1 of a result holding ``predicted``, ``predicted_matched``,
    ``gold`` and ``gold_matched`` counts (predictions that match some gold item, and gold
    items some prediction matches; the two differ when spans overlap several).

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Counts(MatchScores):
    ...     predicted: int = 4
    ...     predicted_matched: int = 3
    ...     gold: int = 6
    ...     gold_matched: int = 3
    >>> Counts().precision, Counts().recall, round(Counts().f1, 4)
    (0.75, 0.5, 0.6)
    """

    __slots__ = ()
    predicted: int
    predicted_matched: int
    gold: int
    gold_matched: int

    @property
    def precision(self) -> float:
        """Share of predictions that match a gold item."""
        return ratio(self.predicted_matched, self.predicted)

    @property
    def recall(self) -> float:
        """Share of gold items that some prediction matches."""
        return ratio(self.gold_matched, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1_score(self.precision, self.recall)
