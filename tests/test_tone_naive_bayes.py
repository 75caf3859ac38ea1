"""Naive Bayes weights interpolated into the target model (issue 14, round three)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.sentiment.features import FeatureConfig
from analysis.sentiment.model import LABELS, load_model
from analysis.sentiment.naive_bayes import naive_bayes_spread, naive_bayes_weights
from analysis.sentiment.training import (
    LabelledTarget,
    _fit_linear,
    _fit_softmax,
    example_features,
    train,
)

#: Hand-written sentences: the target is always the first word.
SENTENCES = [
    ("Alvarez won wide praise for the rescue.", "positive"),
    ("Alvarez earned applause from the crowd.", "positive"),
    ("Alvarez was jailed for the fraud.", "negative"),
    ("Alvarez faces charges over the bribes.", "negative"),
    ("Alvarez met the delegation on Tuesday.", "neutral"),
    ("Alvarez spoke to reporters on Monday.", "neutral"),
]


def _rows() -> tuple[list[dict[str, float]], list[int]]:
    examples = [LabelledTarget(text, 0, 7, label) for text, label in SENTENCES * 2]
    return ([example_features(e, FeatureConfig()) for e in examples],
            [LABELS.index(e.label) for e in examples])


def test_a_word_seen_only_with_one_class_weighs_for_that_class() -> None:
    rows = [{"w:R:jailed": 1.0}, {"w:R:met": 1.0}, {"w:R:praised": 1.0}] * 2
    weights = naive_bayes_weights(rows, [0, 1, 2] * 2)
    negative, neutral, positive = weights["w:R:jailed"]
    assert negative > neutral and negative > positive
    assert sum(weights["w:R:jailed"]) == pytest.approx(0.0)


def test_real_valued_and_rare_features_are_left_out() -> None:
    rows = [{"lexsum:clause": -1.5, "w:R:fled": 1.0, "w:R:once": 1.0},
            {"lexsum:clause": 1.0, "w:R:fled": 1.0}]
    weights = naive_bayes_weights(rows, [0, 2], min_count=2)
    assert set(weights) == {"w:R:fled"}


def test_class_balance_makes_a_feature_of_every_class_neutral() -> None:
    # seen once in each class, with the classes three to one to one: no evidence
    rows = [{"p1:<s>": 1.0}] * 5
    weights = naive_bayes_weights(rows, [1, 1, 1, 0, 2], min_count=1)
    assert weights["p1:<s>"] == pytest.approx((0.0, 0.0, 0.0), abs=1e-12)


def test_the_shipped_weights_are_the_regression_plus_the_scaled_naive_bayes() -> None:
    rows, labels = _rows()
    options = {"l2": 3e-3, "min_count": 2, "balanced": True, "max_iter": 100}
    plain = _fit_softmax(rows, labels, **options)
    mixed = _fit_linear(rows, labels, nb_weight=0.5, nb_alpha=1.0, **options)
    assert mixed[1:] == plain[1:]  # the same bias and vocabulary
    nb = naive_bayes_weights(rows, labels, min_count=2)
    name = "n1:was"
    index = plain[2].index(name)
    expected = [w + 0.5 * b for w, b in zip(plain[0][index], nb[name], strict=True)]
    assert mixed[0][index] == pytest.approx(expected)
    assert _fit_linear(rows, labels, nb_weight=0.0, **options) == plain


def test_the_model_file_records_the_interpolation(tmp_path: Path) -> None:
    file = tmp_path / "train.jsonl"
    file.write_text("\n".join(json.dumps({
        "sentence_normalized": text, "primary_gid": f"set_{i}_{i}_0",
        "targets": [{"from": 0, "to": 7, "polarity": label}]})
        for i, (text, label) in enumerate(SENTENCES * 2)), encoding="utf-8")
    plain = train(file, min_count=1, max_iter=100, nb_weight=0.0, nb_scale=0.0)
    assert "nb_weight" not in plain["training"]  # type: ignore[operator]
    data = train(file, min_count=1, max_iter=100, nb_weight=0.1)
    assert data["training"]["nb_weight"] == 0.1  # type: ignore[index]
    assert data["training"]["nb_scale"] == 0.5  # type: ignore[index]
    assert "naive Bayes" in data["training"]["method"]  # type: ignore[index]
    model = load_model(data)
    text = "Alvarez was jailed again."
    assert model.classify(text, 0, 7).label == "negative"


def test_a_feature_that_tells_the_classes_apart_is_scaled_up() -> None:
    rows = [{"n1:fled": 1.0, "p1:<s>": 1.0}, {"n1:met": 1.0, "p1:<s>": 1.0},
            {"n1:won": 1.0, "p1:<s>": 1.0}] * 2
    scale = naive_bayes_spread(rows, [0, 1, 2] * 2)
    assert scale["n1:fled"] > 0.5 and scale["p1:<s>"] == pytest.approx(0.0)


def test_scaled_fitting_gives_weights_for_the_features_as_they_are() -> None:
    rows, labels = _rows()
    options = {"l2": 3e-3, "min_count": 2, "balanced": True, "max_iter": 200}
    weights, bias, vocabulary = _fit_linear(rows, labels, nb_scale=0.5, **options)
    scale = naive_bayes_spread(rows, labels, power=0.5)
    scaled = [{k: v * scale[k] for k, v in row.items() if k in scale} for row in rows]
    inner, inner_bias, inner_vocabulary = _fit_softmax(scaled, labels, **options)
    assert vocabulary == inner_vocabulary and bias == inner_bias
    # the same logits: shipped weights on raw features = fitted weights on scaled ones
    row = rows[2]
    index = {name: i for i, name in enumerate(vocabulary)}
    raw = [sum(weights[index[k]][c] * v for k, v in row.items() if k in index) for c in range(3)]
    fitted = [sum(inner[index[k]][c] * v * scale[k] for k, v in row.items() if k in index)
              for c in range(3)]
    assert raw == pytest.approx(fitted)
