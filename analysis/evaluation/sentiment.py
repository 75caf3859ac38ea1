"""Score target sentiment on NewsMTSC-style JSONL (``python -m analysis evaluate sentiment``).

Each line of the file holds ``sentence_normalized`` and ``targets`` (``from``, ``to``,
``polarity``: 2.0 negative, 4.0 neutral, 6.0 positive), as in NewsMTSC (Hamborg and
Donnay, EACL 2021). Every target listed is one item, as in NewsMTSC's own evaluation.

Systems scored:

- ``model``: :func:`analysis.sentiment.model.classify_target`, the shipped target sentiment model;
- with ``baseline=True`` also ``vader``: NLTK VADER's compound score of the whole
  sentence (positive at >= 0.05, negative at <= -0.05, else neutral; the same label for
  every target in the sentence), and ``vader_masked``: the same on the sentence with actor
  and organisation names masked by :func:`analysis.sentiment.masking.mask_names` (the name-bias
  measurement); the effect of masking is summarised as the share of sentences whose VADER
  label changes and the mean absolute change of ``compound``.

Scores: macro F1 over the three classes (the NewsMTSC measure), accuracy, per-class F1,
the confusion matrix (rows gold, columns predicted) and a 95 % percentile bootstrap
interval of macro F1. Resampling draws whole sentences (several targets of one sentence
are not independent), with ``numpy.random.default_rng(seed)``: same file, same interval.

For the model also: calibration (expected calibration error and the reliability
diagram's data, :mod:`analysis.sentiment.calibration`, with the shipped temperature and
without it), and the robustness checks of :mod:`analysis.evaluation.sentiment_checks`
(scores per source collection and per number of targets in the sentence, the name-swap
flip rate). Items whose text holds several sentences are scored on the sentence holding
the target, as :func:`~analysis.sentiment.model.classify_target` does; their number is
reported.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

import numpy as np

from analysis.errors import AnalysisError
from analysis.sentiment.model import LABELS, TargetSentimentModel, default_model, load_model
from analysis.sentiment.scope import MultiSentenceWarning
from analysis.sentiment.training import LabelledTarget, read_targets

__all__ = [
    "ClassificationScores",
    "SentimentEvaluation",
    "bootstrap_macro_f1",
    "evaluate_jsonl",
    "macro_f1",
    "score_labels",
    "vader_label",
]

N_RESAMPLES = 1000
SEED = 0
#: VADER's usual compound thresholds.
VADER_THRESHOLD = 0.05


def vader_label(compound: float, threshold: float = VADER_THRESHOLD) -> str:
    """Return VADER's usual label for a compound score.

    Examples
    --------
    >>> vader_label(0.05), vader_label(-0.2), vader_label(0.0)
    ('positive', 'negative', 'neutral')
    """
    if compound >= threshold:
        return "positive"
    if compound <= -threshold:
        return "negative"
    return "neutral"


def _confusion(gold: np.ndarray, predicted: np.ndarray) -> np.ndarray:
    return np.bincount(gold * 3 + predicted, minlength=9).reshape(3, 3)


def _macro_f1_from_confusions(confusions: np.ndarray) -> np.ndarray:
    """Macro F1 for a stack of 3x3 confusion matrices (shape ``(..., 3, 3)``)."""
    true_positive = np.diagonal(confusions, axis1=-2, axis2=-1).astype(float)
    gold_totals = confusions.sum(axis=-1)
    predicted_totals = confusions.sum(axis=-2)
    denominator = gold_totals + predicted_totals
    f1 = np.divide(2 * true_positive, denominator, out=np.zeros_like(true_positive),
                   where=denominator > 0)
    return f1.mean(axis=-1)


def macro_f1(gold: Sequence[int], predicted: Sequence[int]) -> float:
    """Return the macro F1 over the three classes of class indexes (0, 1, 2).

    Examples
    --------
    >>> round(macro_f1([0, 1, 2], [0, 1, 1]), 4)
    0.5556
    """
    confusion = _confusion(np.asarray(gold, dtype=np.int64), np.asarray(predicted, dtype=np.int64))
    return float(_macro_f1_from_confusions(confusion))


def _indices(labels: Sequence[str]) -> np.ndarray:
    try:
        return np.asarray([LABELS.index(label) for label in labels], dtype=np.int64)
    except ValueError as exc:
        raise AnalysisError(f"labels must be one of {list(LABELS)}: {exc}") from None


def bootstrap_macro_f1(
    gold: Sequence[str],
    predicted: Sequence[str],
    groups: Sequence[int] | None = None,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
    level: float = 0.95,
) -> tuple[float, float]:
    """Return the percentile bootstrap interval of macro F1.

    Parameters
    ----------
    gold, predicted : sequence of str
        Labels (negative / neutral / positive), one per item.
    groups : sequence of int, optional
        A group id per item (e.g. the sentence); whole groups are resampled. By default
        every item is its own group.
    n_resamples : int
    seed : int
        Seed of ``numpy.random.default_rng``.
    level : float
        Coverage, e.g. 0.95.

    Examples
    --------
    >>> gold = ["negative", "neutral", "positive"] * 20
    >>> low, high = bootstrap_macro_f1(gold, gold)
    >>> (low, high)
    (1.0, 1.0)
    >>> wrong = ["neutral"] * 60
    >>> bootstrap_macro_f1(gold, wrong) == bootstrap_macro_f1(gold, wrong)
    True
    """
    gold_idx, pred_idx = _indices(gold), _indices(predicted)
    if len(gold_idx) != len(pred_idx):
        raise AnalysisError("gold and predicted labels differ in number")
    if len(gold_idx) == 0:
        return (float("nan"), float("nan"))
    group_ids = np.arange(len(gold_idx)) if groups is None else np.asarray(groups)
    _, group_index = np.unique(group_ids, return_inverse=True)
    n_groups = int(group_index.max()) + 1
    # One 3x3 confusion per group; a resample's confusion is the sum over its groups.
    cells = group_index * 9 + gold_idx * 3 + pred_idx
    per_group = np.bincount(cells, minlength=n_groups * 9).reshape(n_groups, 9)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n_groups, size=(n_resamples, n_groups))
    counts = np.stack([np.bincount(row, minlength=n_groups) for row in draws])
    confusions = (counts @ per_group).reshape(n_resamples, 3, 3)
    scores = _macro_f1_from_confusions(confusions)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(scores, [tail, 1.0 - tail])
    return (round(float(low), 4), round(float(high), 4))


@dataclass(frozen=True, slots=True)
class ClassificationScores:
    """Scores of one system on one file.

    Attributes
    ----------
    system : str
    n : int
        Number of targets scored.
    macro_f1, accuracy : float
    macro_f1_ci : tuple of float
        95 % bootstrap interval of macro F1 (sentences resampled).
    per_class_f1 : dict
        F1 of negative, neutral, positive.
    confusion : tuple of tuple of int
        Rows gold, columns predicted, both in the order negative, neutral, positive.
    """

    system: str
    n: int
    macro_f1: float
    accuracy: float
    macro_f1_ci: tuple[float, float]
    per_class_f1: dict[str, float]
    confusion: tuple[tuple[int, int, int], ...]

    def as_dict(self) -> dict[str, object]:
        """Return the scores as plain JSON-able data."""
        return {
            "system": self.system,
            "n": self.n,
            "macro_f1": self.macro_f1,
            "macro_f1_ci95": list(self.macro_f1_ci),
            "accuracy": self.accuracy,
            "per_class_f1": dict(self.per_class_f1),
            "confusion": {"rows_gold_columns_predicted": list(LABELS),
                          "matrix": [list(row) for row in self.confusion]},
        }

    def summary(self) -> str:
        """Return a few lines: macro F1 with interval, accuracy, per-class F1, confusion."""
        low, high = self.macro_f1_ci
        per_class = ", ".join(f"{label} {f1:.3f}" for label, f1 in self.per_class_f1.items())
        lines = [
            f"{self.system}: macro F1 {self.macro_f1:.3f} (95% CI {low:.3f}-{high:.3f}), "
            f"accuracy {self.accuracy:.3f}, n={self.n}",
            f"  per-class F1: {per_class}",
            "  confusion (rows gold, columns predicted):",
            "    " + "".join(f"{label:>10}" for label in ("", *LABELS)),
        ]
        for label, row in zip(LABELS, self.confusion, strict=True):
            lines.append("    " + f"{label:>10}" + "".join(f"{count:>10}" for count in row))
        return "\n".join(lines)


def score_labels(
    gold: Sequence[str],
    predicted: Sequence[str],
    system: str = "model",
    groups: Sequence[int] | None = None,
    n_resamples: int = N_RESAMPLES,
    seed: int = SEED,
) -> ClassificationScores:
    """Return macro F1, accuracy, per-class F1, confusion and bootstrap interval.

    Examples
    --------
    >>> gold = ["negative", "negative", "neutral", "positive"]
    >>> scores = score_labels(gold, ["negative", "neutral", "neutral", "positive"])
    >>> scores.accuracy, scores.per_class_f1["neutral"], scores.macro_f1
    (0.75, 0.6667, 0.7778)
    >>> scores.confusion[0]
    (1, 1, 0)
    """
    gold_idx, pred_idx = _indices(gold), _indices(predicted)
    if len(gold_idx) != len(pred_idx) or len(gold_idx) == 0:
        raise AnalysisError("need as many predicted as gold labels, and at least one")
    confusion = _confusion(gold_idx, pred_idx)
    tp = np.diagonal(confusion).astype(float)
    denominator = confusion.sum(axis=1) + confusion.sum(axis=0)
    f1 = np.divide(2 * tp, denominator, out=np.zeros(3), where=denominator > 0)
    return ClassificationScores(
        system=system,
        n=len(gold_idx),
        macro_f1=round(float(f1.mean()), 4),
        accuracy=round(float(tp.sum() / len(gold_idx)), 4),
        macro_f1_ci=bootstrap_macro_f1(gold, predicted, groups, n_resamples, seed),
        per_class_f1={label: round(float(v), 4) for label, v in zip(LABELS, f1, strict=True)},
        confusion=tuple(tuple(int(c) for c in row) for row in confusion),
    )


@dataclass(frozen=True, slots=True)
class SentimentEvaluation:
    """The result of :func:`evaluate_jsonl`: scores per system and the masking effect."""

    path: str
    n_targets: int
    n_sentences: int
    systems: tuple[ClassificationScores, ...]
    masking: dict[str, float] = field(default_factory=dict)
    targets_per_second: float = float("nan")
    calibration: dict[str, object] = field(default_factory=dict)
    robustness: dict[str, object] = field(default_factory=dict)
    multi_sentence: int = 0

    def scores(self, system: str) -> ClassificationScores:
        """Return the scores of one system (``model``, ``vader``, ``vader_masked``)."""
        for scores in self.systems:
            if scores.system == system:
                return scores
        raise KeyError(system)

    def as_dict(self) -> dict[str, object]:
        """Return the evaluation as plain JSON-able data (timing left out: it varies)."""
        return {
            "file": self.path,
            "targets": self.n_targets,
            "sentences": self.n_sentences,
            "bootstrap": {"resamples": N_RESAMPLES, "seed": SEED, "unit": "sentence"},
            "systems": {s.system: s.as_dict() for s in self.systems},
            "masking": dict(self.masking),
            "calibration": dict(self.calibration),
            "robustness": dict(self.robustness),
            "items_with_several_sentences": self.multi_sentence,
        }

    def summary(self) -> str:
        """Return the human-readable report the CLI prints."""
        lines = [f"{self.path}: {self.n_targets} targets in {self.n_sentences} sentences"]
        for scores in self.systems:
            lines.append(scores.summary())
        if self.masking:
            lines.append(
                "name masking (VADER): label changed in "
                f"{self.masking['sentences_label_changed']:.0f} of {self.n_sentences} sentences "
                f"({self.masking['share_label_changed']:.1%}), mean |compound change| "
                f"{self.masking['mean_abs_compound_change']:.3f}, sentences with a name masked "
                f"{self.masking['sentences_masked']:.0f}"
            )
        from analysis.evaluation.sentiment_report import calibration_lines, robustness_lines

        lines += calibration_lines(self.calibration) + robustness_lines(self.robustness)
        if self.multi_sentence:
            lines.append(f"items whose text holds several sentences (scored on the sentence "
                         f"holding the target): {self.multi_sentence}")
        if self.targets_per_second == self.targets_per_second:  # not NaN
            lines.append(f"model speed: {self.targets_per_second:,.0f} targets/s")
        return "\n".join(lines)


def _sentence_groups(targets: Sequence[LabelledTarget]) -> tuple[list[int], list[str]]:
    """Number the sentences in file order; return a group id per target and the sentences."""
    groups: list[int] = []
    sentences: list[str] = []
    previous: str | None = None
    for target in targets:
        if target.text is not previous and target.text != previous:
            sentences.append(target.text)
            previous = target.text
        groups.append(len(sentences) - 1)
    return groups, sentences


def _vader_systems(
    targets: Sequence[LabelledTarget], groups: list[int], sentences: list[str],
    gold: list[str], mask: Callable[[str], str],
) -> tuple[list[ClassificationScores], dict[str, float]]:
    from analysis.sentiment.vader import polarity_scores

    plain = [polarity_scores(s)["compound"] for s in sentences]
    masked_texts = [mask(s) for s in sentences]
    masked = [polarity_scores(s)["compound"] for s in masked_texts]
    systems = [
        score_labels(gold, [vader_label(plain[g]) for g in groups], "vader", groups),
        score_labels(gold, [vader_label(masked[g]) for g in groups], "vader_masked", groups),
    ]
    changed = sum(vader_label(a) != vader_label(b) for a, b in zip(plain, masked, strict=True))
    masking = {
        "sentences_masked": float(sum(m != s for m, s in zip(masked_texts, sentences,
                                                             strict=True))),
        "sentences_label_changed": float(changed),
        "share_label_changed": round(changed / len(sentences), 4),
        "mean_abs_compound_change": round(
            float(np.mean(np.abs(np.asarray(plain) - np.asarray(masked)))), 4),
    }
    return systems, masking


def _default_mask() -> Callable[[str], str]:
    from analysis.sentiment.masking import mask_names

    return mask_names


def _model_of(model: TargetSentimentModel | str | PathLike[str] | None) -> TargetSentimentModel:
    if model is None:
        return default_model()
    if isinstance(model, TargetSentimentModel):
        return model
    return load_model(model)


def evaluate_jsonl(
    path: str | PathLike[str],
    baseline: bool = False,
    classify: Callable[[str, int, int], object] | None = None,
    mask: Callable[[str], str] | None = None,
    *,
    model: TargetSentimentModel | str | PathLike[str] | None = None,
    checks: bool = True,
) -> SentimentEvaluation:
    """Score the target sentiment model (and optionally VADER) on a NewsMTSC-style file.

    Parameters
    ----------
    path : str or os.PathLike
        JSONL with ``sentence_normalized`` and ``targets`` (``from``, ``to``, ``polarity``).
    baseline : bool
        Also score sentence-level VADER and VADER with names masked.
    classify : callable, optional
        ``(text, start, end) -> object with .label`` (and ``.probabilities`` for the
        calibration); defaults to ``model``'s.
    mask : callable, optional
        Name masking for the masked baseline; defaults to
        :func:`analysis.sentiment.masking.mask_names`.
    model : TargetSentimentModel or path, optional
        The model scored when ``classify`` is not given (default: the shipped one); a
        path is read with :func:`analysis.sentiment.model.load_model`.
    checks : bool
        Also run the robustness checks (per source, per targets in the sentence, name swap).

    Returns
    -------
    SentimentEvaluation
        ``.summary()`` for people, ``.as_dict()`` for JSON.

    Raises
    ------
    AnalysisError
        If the file is missing, malformed or holds no targets.
    """
    targets = list(read_targets(path))
    if not targets:
        raise AnalysisError("no annotated targets in the file", path)
    chosen = None if classify is not None else _model_of(model)
    classify = classify or chosen.classify  # type: ignore[union-attr]
    groups, sentences = _sentence_groups(targets)
    gold = [t.label for t in targets]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MultiSentenceWarning)
        classify(targets[0].text, targets[0].start, targets[0].end)  # load the model: not timed
        caught.clear()
        began = time.perf_counter()
        results = [classify(t.text, t.start, t.end) for t in targets]
        elapsed = time.perf_counter() - began
    multi = sum(issubclass(w.category, MultiSentenceWarning) for w in caught)
    predicted = [r.label for r in results]  # type: ignore[attr-defined]
    systems = [score_labels(gold, predicted, "model", groups)]
    from analysis.evaluation.sentiment_report import calibration_report, robustness_report

    calibration: dict[str, object] = {}
    if chosen is not None:
        probabilities = np.asarray([r.probabilities for r in results])  # type: ignore[attr-defined]
        calibration = calibration_report(chosen, targets, probabilities, _indices(gold))
    robustness = robustness_report(targets, gold, predicted, groups, classify) if checks else {}
    masking: dict[str, float] = {}
    if baseline:
        vader_systems, masking = _vader_systems(targets, groups, sentences, gold,
                                                mask or _default_mask())
        systems.extend(vader_systems)
    return SentimentEvaluation(
        path=Path(path).as_posix(),
        n_targets=len(targets),
        n_sentences=len(sentences),
        systems=tuple(systems),
        masking=masking,
        targets_per_second=len(targets) / elapsed if elapsed > 0 else float("nan"),
        calibration=calibration,
        robustness=robustness,
        multi_sentence=multi,
    )
