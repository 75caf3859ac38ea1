"""Calibration: temperature scaling, ECE, reliability data; the model ships its temperature."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from analysis.errors import AnalysisError
from analysis.evaluation.sentiment import evaluate_jsonl
from analysis.sentiment.calibration import (
    expected_calibration_error,
    fit_confidence_map,
    fit_temperature,
    reliability_table,
    softmax,
)
from analysis.sentiment.model import default_model, load_model, recalibrate
from analysis.sentiment.training import model_to_json, train

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_ece_of_a_perfectly_calibrated_bin_is_zero_and_of_overconfidence_is_the_gap() -> None:
    # four predictions at 0.75 confidence, three right: calibrated
    probs = np.array([[0.75, 0.125, 0.125]] * 4)
    assert expected_calibration_error(probs, [0, 0, 0, 1]) == pytest.approx(0.0)
    # the same confidence, half right: off by 0.25
    assert expected_calibration_error(probs, [0, 0, 1, 1]) == pytest.approx(0.25)
    table = reliability_table(probs, [0, 0, 1, 1])
    assert table == [{"low": 0.7, "high": 0.8, "n": 4, "confidence": 0.75, "accuracy": 0.5}]


def test_temperature_undoes_overconfidence_and_keeps_the_labels() -> None:
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(2000, 3)) * 2.0
    labels = np.array([rng.choice(3, p=p) for p in softmax(logits)])
    temperature = fit_temperature(logits * 2.5, labels)
    assert temperature == pytest.approx(2.5, rel=0.15)
    before = expected_calibration_error(softmax(logits * 2.5), labels)
    after = expected_calibration_error(softmax(logits * 2.5, temperature), labels)
    assert after < before / 2
    assert (softmax(logits * 2.5, temperature).argmax(1) == logits.argmax(1)).all()


def test_the_model_applies_its_temperature_without_changing_the_label() -> None:
    model = default_model()
    assert model.temperature > 0
    text = "Critics attacked the plan, but voters praised Mayor Ortiz for her patience."
    start = text.index("Mayor Ortiz")
    calibrated = model.classify(text, start, start + 11)
    hotter = dataclasses.replace(model, temperature=model.temperature * 3).classify(
        text, start, start + 11)
    assert hotter.label == calibrated.label
    assert max(hotter.probabilities) < max(calibrated.probabilities)


def test_training_ships_a_cross_fitted_temperature(tmp_path: Path) -> None:
    rows = [json.loads(line) for line in
            (FIXTURES / "tsc_train_mini.jsonl").read_text(encoding="utf-8").splitlines()]
    for number, row in enumerate(rows):  # give each sentence an article of its own
        row["primary_gid"] = f"set_{number}_{number}_0"
    file = tmp_path / "train.jsonl"
    file.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    model = train(file, min_count=1)
    temperature = model["calibration"]["temperature"]  # type: ignore[index]
    assert temperature > 0 and temperature != 1.0
    assert "out-of-fold" in model["calibration"]["method"]  # type: ignore[index]
    knots = model["calibration"]["confidence_map"]  # type: ignore[index]
    assert knots and all(0 <= x <= 1 and 0 <= y <= 1 for x, y in knots)
    assert load_model(json.loads(model_to_json(model))).confidence_map == tuple(
        (x, y) for x, y in knots)
    assert load_model(json.loads(model_to_json(model))).temperature == temperature


def test_a_model_file_without_calibration_reads_as_temperature_one() -> None:
    model = load_model({"format": "analysis.tsc/1", "labels": ["negative", "neutral",
                        "positive"], "features": {}, "bias": [0, 0, 0], "weights": {}})
    assert model.temperature == 1.0


def test_evaluate_reports_ece_and_reliability() -> None:
    result = evaluate_jsonl(FIXTURES / "newsmtsc_mini.jsonl").as_dict()
    calibration = result["calibration"]
    assert 0 <= calibration["ece"] <= 1 and calibration["bins"] == 10
    assert sum(row["n"] for row in calibration["reliability"]) == result["targets"]
    assert "ece_uncalibrated" in calibration  # the shipped model is calibrated


def test_the_shipped_model_is_what_train_sentiment_builds_with_its_defaults() -> None:
    """`python -m analysis train-sentiment TRAIN.jsonl --out FILE` rebuilds the shipped file
    byte for byte (docs/evaluation.md): the file records exactly the default settings."""
    import inspect

    from analysis._resources import read_text
    from analysis.sentiment.features import FeatureConfig
    from analysis.sentiment.model import MODEL_RESOURCE

    shipped = json.loads(read_text(MODEL_RESOURCE))
    assert shipped["features"] == FeatureConfig().as_dict()
    defaults = {name: p.default for name, p in inspect.signature(train).parameters.items()
                if p.default is not inspect.Parameter.empty and name != "config"}
    if not defaults["nb_weight"]:  # no naive Bayes weights: the file does not name them
        defaults = {k: v for k, v in defaults.items() if not k.startswith("nb_")}
    assert {k: shipped["training"][k] for k in defaults} == defaults
    assert shipped["training"]["source"] == "train.jsonl"
    assert 0.5 < shipped["calibration"]["temperature"] < 2.0
    knots = shipped["calibration"]["confidence_map"]
    assert len(knots) == 10
    assert [y for _, y in knots] == sorted(y for _, y in knots)  # monotone


@pytest.mark.parametrize(("text", "mention"), [
    ("Voters praised Mayor Ortiz for her patience.", "Mayor Ortiz"),
    ("Auditors accused the ministry of hiding the losses.", "the ministry"),
    ("Delegates from Chile arrived on Tuesday for the talks.", "Chile"),
    ("Rebels shelled the town, and Norway sent doctors to help.", "Norway"),
])
def test_the_shipped_confidence_map_moves_probabilities_not_labels(text: str, mention: str) -> None:
    model = default_model()
    start = text.index(mention)
    mapped = model.classify(text, start, start + len(mention))
    plain = dataclasses.replace(model, confidence_map=()).classify(
        text, start, start + len(mention))
    assert mapped.label == plain.label
    assert sum(mapped.probabilities) == pytest.approx(1.0)
    assert max(mapped.probabilities) != pytest.approx(max(plain.probabilities), abs=1e-6)


def test_the_confidence_map_lifts_an_underconfident_middle_and_keeps_every_label() -> None:
    """Predictions at 0.6 that are right 80 % of the time, at 0.9 right 90 %: the map
    learnt on them moves 0.6 to 0.8, and no label changes (fitted on these, not dev)."""
    rng = np.random.default_rng(2)
    middle = np.tile([0.6, 0.25, 0.15], (1000, 1))
    top = np.tile([0.05, 0.9, 0.05], (1000, 1))
    probs = np.vstack([middle, top])
    right = np.concatenate([rng.random(1000) < 0.8, rng.random(1000) < 0.9])
    labels = np.where(right, probs.argmax(1), (probs.argmax(1) + 1) % 3)
    knots = fit_confidence_map(probs, labels, n_bins=2)
    assert [x for x, _ in knots] == pytest.approx([0.6, 0.9])
    assert knots[0][1] == pytest.approx(labels[:1000].tolist().count(0) / 1000)
    mapped = np.array([recalibrate(p, knots) for p in probs])
    assert (mapped.argmax(1) == probs.argmax(1)).all()
    assert mapped.sum(1) == pytest.approx(np.ones(2000))
    # the other two classes keep their ratio (0.25 : 0.15)
    assert mapped[0, 1] / mapped[0, 2] == pytest.approx(0.25 / 0.15)
    assert expected_calibration_error(mapped, labels) < expected_calibration_error(
        probs, labels) / 4


def test_the_confidence_map_is_monotone_where_accuracy_dips() -> None:
    # accuracy 0.7 at confidence 0.5 but 0.6 at 0.7: pooled to 0.65 for both
    probs = np.array([[0.5, 0.3, 0.2]] * 10 + [[0.7, 0.2, 0.1]] * 10)
    labels = [0] * 7 + [1] * 3 + [0] * 6 + [1] * 4
    knots = fit_confidence_map(probs, labels, n_bins=2)
    assert [y for _, y in knots] == pytest.approx([0.65, 0.65])


def test_the_mapped_top_class_stays_on_top_even_when_the_map_says_less() -> None:
    # this map sends 0.40 to 0.31, which would hand the label to the runner-up (0.39
    # growing to 0.40); the top class is held just above it instead
    probs = recalibrate((0.40, 0.39, 0.21), [(0.45, 0.30)])
    assert probs[0] > probs[1] > probs[2]
    assert sum(probs) == pytest.approx(1.0)


def test_the_model_file_carries_its_confidence_map_and_a_bad_one_is_refused() -> None:
    data = {"format": "analysis.tsc/1", "labels": ["negative", "neutral", "positive"],
            "features": {}, "bias": [0, 0, 0], "weights": {"bow:great": [-1, 0, 1]},
            "calibration": {"temperature": 1.0, "confidence_map": [[0.5, 0.7], [0.8, 0.9]]}}
    model = load_model(data)
    assert model.confidence_map == ((0.5, 0.7), (0.8, 0.9))
    plain = dataclasses.replace(model, confidence_map=())
    text = "A great day for Seoul."
    assert model.classify(text, 16, 21).label == plain.classify(text, 16, 21).label
    assert max(model.classify(text, 16, 21).probabilities) != max(
        plain.classify(text, 16, 21).probabilities)
    data["calibration"]["confidence_map"] = [[0.8, 0.9], [0.5, 0.7]]  # type: ignore[index]
    with pytest.raises(AnalysisError, match="confidence map"):
        load_model(data)
