"""Evaluation of target sentiment: scores, bootstrap interval, VADER baselines, CLI.

tests/fixtures/newsmtsc_mini.jsonl: 7 invented sentences, 9 targets, gold by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import nltk
import pytest

from analysis import AnalysisError
from analysis._resources import read_bytes
from analysis.cli import main
from analysis.evaluation.sentiment import (
    bootstrap_macro_f1,
    evaluate_jsonl,
    score_labels,
    vader_label,
)
from analysis.sentiment.model import TargetSentiment
from analysis.sentiment.training import read_targets

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "newsmtsc_mini.jsonl"
NEG, NEU, POS = "negative", "neutral", "positive"


@pytest.fixture
def nltk_analyzer(tmp_path, monkeypatch):
    """NLTK's own SentimentIntensityAnalyzer, loading the lexicon the NLTK way."""
    (tmp_path / "sentiment").mkdir()
    (tmp_path / "sentiment" / "vader_lexicon.zip").write_bytes(read_bytes("sentiment/vader_lexicon.zip"))
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


# --- scores ----------------------------------------------------------------------------


def test_scores_computed_by_hand() -> None:
    gold = [NEG, NEG, NEG, NEU, NEU, POS]
    predicted = [NEG, NEG, NEU, NEU, POS, POS]
    scores = score_labels(gold, predicted)
    # negative: tp 2, fp 0, fn 1 -> 0.8; neutral: tp 1, fp 1, fn 1 -> 0.5;
    # positive: tp 1, fp 1, fn 0 -> 0.6667
    assert scores.per_class_f1 == {NEG: 0.8, NEU: 0.5, POS: 0.6667}
    assert scores.macro_f1 == pytest.approx((0.8 + 0.5 + 2 / 3) / 3, abs=1e-4)
    assert scores.accuracy == pytest.approx(4 / 6, abs=1e-4)
    assert scores.confusion == ((2, 1, 0), (0, 1, 1), (0, 0, 1))
    assert scores.as_dict()["confusion"]["matrix"] == [[2, 1, 0], [0, 1, 1], [0, 0, 1]]


def test_a_class_never_predicted_scores_zero() -> None:
    scores = score_labels([NEG, NEU, POS], [NEU, NEU, NEU])
    assert scores.per_class_f1 == {NEG: 0.0, NEU: 0.5, POS: 0.0}


def test_unknown_labels_are_an_error() -> None:
    with pytest.raises(AnalysisError):
        score_labels([NEG], ["mixed"])


def test_vader_thresholds() -> None:
    assert [vader_label(c) for c in (0.05, 0.0499, -0.05, -0.0499)] == [POS, NEU, NEG, NEU]


# --- bootstrap interval ----------------------------------------------------------------


def test_bootstrap_interval_is_seeded_and_brackets_the_estimate() -> None:
    gold = [NEG, NEU, POS, NEU] * 30
    predicted = [NEG, NEU, NEU, POS] * 25 + [NEG, NEU, POS, NEU] * 5
    low, high = bootstrap_macro_f1(gold, predicted)
    assert (low, high) == bootstrap_macro_f1(gold, predicted, seed=0)
    assert bootstrap_macro_f1(gold, predicted, seed=1) != (low, high)
    point = score_labels(gold, predicted).macro_f1
    assert low < point < high
    assert 0.05 < high - low < 0.4


def test_bootstrap_interval_narrows_with_more_data() -> None:
    gold, predicted = [NEG, NEU, POS, POS], [NEG, NEU, NEU, POS]
    small = bootstrap_macro_f1(gold * 10, predicted * 10)
    large = bootstrap_macro_f1(gold * 250, predicted * 250)
    assert large[1] - large[0] < (small[1] - small[0]) / 3


def test_bootstrap_resamples_whole_groups() -> None:
    # Two sentences, each with all its targets right or all wrong: resampling sentences
    # yields only three distinct outcomes, resampling targets many more.
    gold = [NEG, NEU, POS] * 2
    predicted = [NEG, NEU, POS, POS, NEG, NEU]
    # With sentences resampled, a quarter of resamples are all right and a quarter all
    # wrong; with targets resampled, all right (or all wrong) happens in 1/64 < 2.5 %.
    by_sentence = bootstrap_macro_f1(gold, predicted, groups=[0, 0, 0, 1, 1, 1])
    by_target = bootstrap_macro_f1(gold, predicted)
    assert by_sentence == (0.0, 1.0)
    assert by_target[0] > 0.0 and by_target[1] < 1.0


def test_perfect_predictions_have_a_degenerate_interval() -> None:
    assert bootstrap_macro_f1([NEG, NEU, POS] * 5, [NEG, NEU, POS] * 5) == (1.0, 1.0)


# --- evaluate_jsonl --------------------------------------------------------------------


def _fixed(label: str):
    return lambda text, start, end: TargetSentiment(label, 0.0, (0.0, 1.0, 0.0))


def test_evaluate_with_a_known_classifier() -> None:
    result = evaluate_jsonl(MINI, classify=_fixed(NEU))
    assert (result.n_targets, result.n_sentences) == (9, 7)
    model = result.scores("model")
    assert model.confusion == ((0, 2, 0), (0, 4, 0), (0, 3, 0))
    assert model.accuracy == pytest.approx(4 / 9, abs=1e-4)
    data = result.as_dict()
    assert data["systems"]["model"]["n"] == 9
    assert data["bootstrap"] == {"resamples": 1000, "seed": 0, "unit": "sentence"}
    assert json.loads(json.dumps(data)) == data


def test_vader_baseline_is_nltk_vader_on_the_sentence(nltk_analyzer) -> None:
    targets = list(read_targets(MINI))
    expected = [vader_label(nltk_analyzer.polarity_scores(t.text)["compound"]) for t in targets]
    result = evaluate_jsonl(MINI, baseline=True, classify=_fixed(NEU), mask=lambda s: s)
    gold = [t.label for t in targets]
    assert result.scores("vader") == score_labels(gold, expected, "vader",
                                                   groups=[0, 0, 1, 2, 3, 4, 4, 5, 6])
    # with masking disabled the masked baseline equals the plain one
    assert result.scores("vader_masked").confusion == result.scores("vader").confusion
    assert result.masking["sentences_label_changed"] == 0


def test_known_vader_scores_match_nltk(nltk_analyzer) -> None:
    from analysis.sentiment.vader import polarity_scores

    known = {
        "United Nations Security Council": 0.6369,
        "Crisis Group": -0.6249,
        "The United Nations Security Council met on Monday.": 0.6369,
    }
    for text, compound in known.items():
        assert polarity_scores(text) == nltk_analyzer.polarity_scores(text)
        assert polarity_scores(text)["compound"] == compound


def test_masking_removes_the_name_bias_of_the_baseline() -> None:
    result = evaluate_jsonl(MINI, baseline=True, classify=_fixed(NEU))
    plain, masked = result.scores("vader"), result.scores("vader_masked")
    # "United Nations Security Council" and "Crisis Group" are neutral sentences that
    # VADER calls positive and negative because of the names; masked, both are neutral.
    assert plain.confusion[1] == (1, 1, 2)
    assert masked.confusion[1][1] == plain.confusion[1][1] + 2
    assert result.masking["sentences_label_changed"] == 2
    assert "name masking (VADER): label changed in 2 of 7 sentences" in result.summary()


def test_evaluate_missing_or_empty_file(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="not found"):
        evaluate_jsonl(tmp_path / "none.jsonl")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="no annotated targets"):
        evaluate_jsonl(empty)


def test_cli_prints_macro_f1_accuracy_and_confusion(capsys) -> None:
    assert main(["evaluate", "sentiment", str(MINI), "--baseline"]) == 0
    out = capsys.readouterr().out
    assert "9 targets in 7 sentences" in out
    for system in ("model:", "vader:", "vader_masked:"):
        assert system in out
    assert "macro F1" in out and "accuracy" in out and "95% CI" in out
    assert "confusion (rows gold, columns predicted)" in out


def test_cli_json(capsys) -> None:
    assert main(["evaluate", "sentiment", str(MINI), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["systems"]) == {"model"}
    low, high = data["systems"]["model"]["macro_f1_ci95"]
    assert low <= data["systems"]["model"]["macro_f1"] <= high


def test_cli_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["evaluate", "sentiment", str(tmp_path / "x.jsonl")]) == 2
    assert "not found" in capsys.readouterr().err
