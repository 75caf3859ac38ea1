"""The calibration and robustness parts of ``evaluate sentiment``: reports and their lines.

:func:`calibration_report`: expected calibration error and the reliability diagram's
data of a model (:mod:`analysis.sentiment.calibration`), with its calibration, with the
temperature alone and without either. :func:`robustness_report`: the checks of
:mod:`analysis.evaluation.sentiment_checks` (per source, per targets in the sentence, per
role category with its errors, the name swap). ``*_lines`` turn them into the lines
:meth:`analysis.evaluation.sentiment.SentimentEvaluation.summary` prints.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from analysis.sentiment.model import TargetSentimentModel
from analysis.sentiment.scope import MultiSentenceWarning
from analysis.sentiment.training import LabelledTarget

__all__ = ["calibration_lines", "calibration_report", "robustness_lines", "robustness_report",
           "role_errors"]


def calibration_report(model: TargetSentimentModel, targets: Sequence[LabelledTarget],
                 probabilities: np.ndarray, gold: np.ndarray) -> dict[str, object]:
    """Return ECE and reliability data of ``model`` on ``targets`` (and at T = 1)."""
    from analysis.sentiment.calibration import (
        N_BINS,
        expected_calibration_error,
        reliability_table,
    )

    result: dict[str, object] = {
        "bins": N_BINS, "temperature": model.temperature,
        "ece": round(expected_calibration_error(probabilities, gold), 4),
        "reliability": reliability_table(probabilities, gold),
    }
    result["confidence_map"] = bool(model.confidence_map)
    if model.temperature != 1.0 or model.confidence_map:
        result["ece_uncalibrated"] = _ece_of(
            dataclasses.replace(model, temperature=1.0, confidence_map=()), targets, gold)
    if model.confidence_map:
        result["ece_temperature_only"] = _ece_of(
            dataclasses.replace(model, confidence_map=()), targets, gold)
    return result


def _ece_of(model: TargetSentimentModel, targets: Sequence[LabelledTarget],
            gold: np.ndarray) -> float:
    from analysis.sentiment.calibration import expected_calibration_error

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MultiSentenceWarning)
        probs = np.asarray([model.classify(t.text, t.start, t.end).probabilities
                            for t in targets])
    return round(expected_calibration_error(probs, gold), 4)


def robustness_report(targets: Sequence[LabelledTarget], gold: list[str], predicted: list[str],
                groups: list[int], classify: Callable[[str, int, int], object],
                ) -> dict[str, object]:
    """Return the scores per source, per targets in the sentence, per role, and the name swap."""
    from analysis.evaluation.sentiment_checks import (
        name_swap_check,
        role_category,
        scores_by_group,
        targets_per_sentence,
    )

    sources = [t.source for t in targets]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MultiSentenceWarning)
        swap = name_swap_check(targets, predicted, classify)
    return {
        "by_source": scores_by_group(gold, predicted, sources, groups)
        if len(set(sources)) > 1 else {},
        "by_targets_in_sentence": scores_by_group(gold, predicted,
                                                  targets_per_sentence(groups), groups),
        "by_role": role_errors(targets, gold, predicted, groups, role_category),
        "name_swap": swap.as_dict(),
    }


def role_errors(targets: Sequence[LabelledTarget], gold: list[str], predicted: list[str],
                 groups: list[int], category: Callable[[str, int, int], str],
                 ) -> dict[str, dict[str, object]]:
    """Scores per role category, with the errors counted (the error analysis by category)."""
    from analysis.evaluation.sentiment_checks import scores_by_group

    categories = [category(t.text, t.start, t.end) for t in targets]
    table = scores_by_group(gold, predicted, categories, groups)
    for key, row in table.items():
        chosen = [i for i, c in enumerate(categories) if c == key]
        row["errors"] = sum(gold[i] != predicted[i] for i in chosen)
        row["neutral_called_negative"] = sum(
            gold[i] == "neutral" and predicted[i] == "negative" for i in chosen)
    return table


def calibration_lines(calibration: Mapping[str, object]) -> list[str]:
    """Return the summary lines of :func:`calibration_report` (none for an empty report)."""
    if not calibration:
        return []
    lines = [f"calibration (top-label ECE, {calibration['bins']} bins): "
             f"{calibration['ece']:.3f} with temperature {calibration['temperature']:g}"
             + (" and the confidence map" if calibration.get("confidence_map") else "")
             + (f", {calibration['ece_temperature_only']:.3f} with the temperature alone"
                if "ece_temperature_only" in calibration else "")
             + (f", {calibration['ece_uncalibrated']:.3f} without (T = 1)"
                if "ece_uncalibrated" in calibration else "")]
    lines.append("  reliability (confidence bin: n, mean confidence, accuracy): " + "; ".join(
        f"{row['low']:.1f}-{row['high']:.1f}: {row['n']}, {row['confidence']:.2f}, "
        f"{row['accuracy']:.2f}" for row in calibration["reliability"]))  # type: ignore[attr-defined]
    return lines


def robustness_lines(robustness: Mapping[str, object]) -> list[str]:
    """Return the summary lines of :func:`robustness_report`."""
    lines = []
    for name in ("by_source", "by_targets_in_sentence", "by_role"):
        groups = robustness.get(name)
        if groups:
            lines.append(f"model {name.replace('_', ' ')}: " + "; ".join(
                f"{key} macro F1 {row['macro_f1']:.3f} (n={row['n']}"
                + (f", errors {row['errors']}, neutral called negative "
                   f"{row['neutral_called_negative']}" if "errors" in row else "") + ")"
                for key, row in groups.items()))  # type: ignore[attr-defined]
    swap = robustness.get("name_swap")
    if swap:
        lines.append(
            f"name swap: {swap['flips']} of {swap['swaps']} swaps changed the label "  # type: ignore[index]
            f"(flip rate {swap['flip_rate']:.1%}; {swap['targets_flipped']} of "  # type: ignore[index]
            f"{swap['targets_with_a_name']} named targets)")  # type: ignore[index]
    return lines
