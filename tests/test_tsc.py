"""Target sentiment classifier: contract, shipped parameters, training, CLI.

Fixtures are hand-written: tests/fixtures/tsc_train_mini.jsonl (36 invented sentences,
12 per class, gold by hand). Nothing here reads the NewsMTSC corpus.
"""

from __future__ import annotations

import inspect
import json
import math
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import AnalysisError
from analysis._resources import read_bytes
from analysis.cli import main
from analysis.sentiment.features import FeatureConfig, target_features, tokenize
from analysis.sentiment.model import (
    LABELS,
    MODEL_RESOURCE,
    TargetSentiment,
    classify_target,
    default_model,
    load_model,
)
from analysis.sentiment.training import model_to_json, read_targets, train

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRAIN_MINI = FIXTURES / "tsc_train_mini.jsonl"


def span(text: str, mention: str) -> tuple[int, int]:
    start = text.index(mention)
    return start, start + len(mention)


# --- the classifier's contract ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("NATO and South Korea adopted a partnership programme in Vilnius.", "South Korea"),
        ("Critics blasted Trump for the failed plan, but praised Biden.", "Biden"),
        ("“We will not tolerate this,” Stoltenberg said.", "Stoltenberg"),
        ("He", "He"),
    ],
)
def test_result_is_a_label_a_score_and_probabilities(text: str, mention: str) -> None:
    result = classify_target(text, *span(text, mention))
    assert isinstance(result, TargetSentiment)
    assert result.label in LABELS
    assert -1.0 <= result.score <= 1.0
    assert len(result.probabilities) == 3
    assert math.isclose(sum(result.probabilities), 1.0, abs_tol=1e-9)
    assert math.isclose(result.score, result.probabilities[2] - result.probabilities[0])
    assert result.label == LABELS[max(range(3), key=result.probabilities.__getitem__)]


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("The former mayor was arrested on charges of fraud and corruption.", "former mayor",
         "negative"),
        ("Allies praised Seoul for its generous and timely support.", "Seoul", "positive"),
        ("Jens Stoltenberg will travel to Vilnius on Tuesday.", "Jens Stoltenberg", "neutral"),
    ],
)
def test_clear_cases(text: str, mention: str, label: str) -> None:
    assert classify_target(text, *span(text, mention)).label == label


def test_the_tone_depends_on_the_target() -> None:
    text = "Critics blasted Trump for the failed plan, but praised Biden."
    toward_trump = classify_target(text, *span(text, "Trump"))
    toward_biden = classify_target(text, *span(text, "Biden"))
    assert toward_trump.label == "negative"
    assert toward_biden.score > toward_trump.score + 0.5


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=80), st.data())
def test_contract_holds_for_any_text_and_span(text: str, data) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    result = classify_target(text, start, end)
    assert result.label in LABELS
    assert -1.0 <= result.score <= 1.0
    assert math.isclose(sum(result.probabilities), 1.0, abs_tol=1e-9)


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (3, 99), (6, 2)])
def test_offsets_outside_the_text_are_a_clear_error(start: int, end: int) -> None:
    with pytest.raises(AnalysisError, match="not inside the text"):
        classify_target("Seoul and NATO agreed.", start, end)


def test_same_input_same_result() -> None:
    text = "Protesters blamed the ministry for the delay."
    assert classify_target(text, 19, 27) == classify_target(text, 19, 27)


# --- stored parameters -----------------------------------------------------------------


def test_shipped_model_is_plain_json_and_loads_without_pickle(monkeypatch) -> None:
    raw = read_bytes(MODEL_RESOURCE)
    assert raw.startswith(b"{") and len(raw) < 2_000_000
    data = json.loads(raw)
    assert data["format"] == "analysis.tsc/1"
    assert data["labels"] == list(LABELS)
    assert all(len(row) == 3 for row in data["weights"].values())
    assert data["training"]["source"] == "train.jsonl"

    def refuse(*args, **kwargs):
        raise AssertionError("pickle must not be used to load the model")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    default_model.cache_clear()
    try:
        model = default_model()
        assert model.config == FeatureConfig.from_dict(data["features"])
        assert len(model.weights) == len(data["weights"])
        text = "Allies praised Seoul for its generous support."
        assert model.classify(text, 15, 20) == load_model(data).classify(text, 15, 20)
    finally:
        default_model.cache_clear()


def test_prediction_does_not_import_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from analysis.sentiment.model import classify_target\n"
        "classify_target('Allies praised Seoul.', 15, 20)\n"
        "print('sklearn' in sys.modules, 'scipy' in sys.modules,\n"
        "      'analysis.sentiment.training' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_the_model_module_holds_inference_only() -> None:
    import analysis.sentiment.model as model

    assert not {"train", "model_to_json", "read_targets"} & set(dir(model))
    assert not re.search(r"^\s*(?:import|from)\s+numpy\b", inspect.getsource(model), re.M)


def test_load_model_rejects_files_that_are_not_models(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="not found"):
        load_model(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(AnalysisError, match="not a target sentiment model"):
        load_model(bad)
    bad.write_text("\x80\x04 not json", encoding="utf-8")
    with pytest.raises(AnalysisError, match="not a JSON model"):
        load_model(bad)
    short = {"format": "analysis.tsc/1", "labels": list(LABELS), "features": {},
             "bias": [0, 0], "weights": {}}
    with pytest.raises(AnalysisError, match="malformed"):
        load_model(short)


# --- features --------------------------------------------------------------------------


def test_tokens_keep_offsets() -> None:
    text = "Korea’s “strong” ties"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["korea", "“", "strong", "”", "ties"]
    assert all(text[t.start : t.end].lower().startswith(t.norm[:1]) for t in tokens)


def test_features_see_side_distance_clause_and_cues() -> None:
    text = "Critics said Obama failed badly, but voters cheered."
    features = target_features(text, *span(text, "Obama"))
    assert features["w:L:said"] == features["n1:failed"] == features["d:R2:badly"] == 1.0
    assert "c:failed" in features and "c:cheered" not in features  # "but" ends the clause
    assert features["lex:neg:clause"] == 1.0 and features["lex:pos:R"] == 1.0
    assert "bow:obama" not in features  # the target's own words are left out by default
    speaker = "Obama said the plan failed."
    assert "cue:speaker" in target_features(speaker, 0, 5)
    passive = "Obama was criticized by allies."
    assert "cue:object" in target_features(passive, 0, 5)
    assert "q:inside" in target_features("He said “Obama is great”.", 10, 15)


def test_negation_flips_lexicon_polarity() -> None:
    text = "Voters do not trust Obama."
    features = target_features(text, *span(text, "Obama"))
    assert "lex:neg:clause" in features and "lex:pos:clause" not in features


# --- training --------------------------------------------------------------------------


def test_read_targets_reads_newsmtsc_lines() -> None:
    targets = list(read_targets(TRAIN_MINI))
    assert len(targets) == 36
    first = targets[0]
    assert first.text[first.start : first.end] == "Alma Reyes" and first.label == "positive"


def test_read_targets_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"sentence_normalized": "A", "targets": [{"from": 0, "to": 1, '
                   '"polarity": 4.0}]}\n{"sentence": "B"}\n', encoding="utf-8")
    with pytest.raises(AnalysisError, match="line 2"):
        list(read_targets(bad))


def test_training_is_deterministic_and_learns_the_fixture() -> None:
    first = train(TRAIN_MINI, min_count=1)
    second = train(TRAIN_MINI, min_count=1)
    assert model_to_json(first) == model_to_json(second)
    assert first["training"]["targets"] == 36
    model = load_model(json.loads(model_to_json(first)))
    correct = sum(model.classify(t.text, t.start, t.end).label == t.label
                  for t in read_targets(TRAIN_MINI))
    assert correct >= 33


def test_train_sentiment_command_writes_reproducible_json(tmp_path: Path, capsys) -> None:
    out_one, out_two = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["train-sentiment", str(TRAIN_MINI), "--out", str(out_one)]) == 0
    assert main(["train-sentiment", str(TRAIN_MINI), "--out", str(out_two)]) == 0
    assert out_one.read_bytes() == out_two.read_bytes()
    assert out_one.read_text(encoding="utf-8") == model_to_json(train(TRAIN_MINI))
    assert f"wrote {out_one}" in capsys.readouterr().out
    load_model(out_one)


def test_train_sentiment_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["train-sentiment", str(tmp_path / "nope.jsonl"),
                 "--out", str(tmp_path / "m.json")]) == 2
    err = capsys.readouterr().err
    assert "not found" in err and len(err.strip().splitlines()) == 1
