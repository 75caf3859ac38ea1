"""The BRAT reader and quote scorer, on a tiny hand-made BRAT folder (tests/fixtures/quotes/brat)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import analysis.quotes.extract
from analysis.cli import main
from analysis.evaluation.quotes import GoldAttribution, evaluate_brat, read_brat, read_brat_folder
from analysis.quotes.extract import Quote

BRAT = Path(__file__).resolve().parent / "fixtures" / "quotes" / "brat"


def test_read_brat_discontinuous_content_and_extra_arguments():
    ann = (
        "T1\tSource 0 3\tKim\n"
        "T2\tContent 10 20;30 40\tfirst second\n"
        "T3\tContent 50 55\tthird\n"
        "T4\tCue 4 8\tsaid\n"
        "E1\tAttribution:T4 Content:T2 Content2:T3 Cue:T4 Source:T1\n"
        "T9\tContent 60 70\torphan\n"
        "#1\tAnnotatorNotes T1\tignored\n"
    )
    assert read_brat(ann) == [
        GoldAttribution(((10, 20), (30, 40), (50, 55)), ((0, 3),), ((4, 8),)),
        GoldAttribution(((60, 70),)),
    ]


def test_one_annotation_file_per_article_first_in_sorted_order():
    articles = {a.name: a for a in read_brat_folder(BRAT)}
    assert sorted(articles) == ["alpha", "beta", "gamma"]
    assert articles["alpha"].ann_path.name == "alpha_0001.ann"
    assert len(articles["alpha"].attributions) == 2
    assert articles["gamma"].ann_path is None and articles["gamma"].attributions == ()


def test_scores_on_the_hand_made_folder():
    result = evaluate_brat(BRAT)
    scores = result.as_dict()
    assert (scores["articles"], scores["gold_quotes"], scores["predicted_quotes"]) == (3, 3, 3)
    assert (scores["precision"], scores["recall"], scores["f1"]) == (1.0, 1.0, 1.0)
    # "the plan a “reset” of ties" is one gold Content; the quote “reset” covers 5 of 19 letters
    assert scores["strict_recall"] == pytest.approx(2 / 3, abs=1e-4)
    # ... while its attributed content, "the plan a “reset” of ties", matches exactly
    assert scores["strict_recall_content"] == 1.0
    assert "0.6667 on the quote marks (2/3), 1.0000 on the attributed content (3/3)" in (
        result.summary()
    )
    assert (scores["speaker_judged"], scores["speaker_correct"]) == (3, 3)
    assert (scores["gold_speaker_recalled"], scores["speaker_recall"]) == (3, 1.0)
    assert scores["articles_raised"] == 0
    assert "F1 1.000" in result.summary()


def test_articles_that_raise_are_counted_and_missed_quotes_listed(monkeypatch, tmp_path):
    def broken(document, registry=None):
        if document.article_id == "alpha":
            raise RuntimeError("boom")
        return []

    monkeypatch.setattr(analysis.quotes.extract, "extract_quotes", broken)
    errors = tmp_path / "errors.csv"
    result = evaluate_brat(BRAT, errors_csv=errors)
    assert result.articles_raised == 1
    assert result.raised == ["alpha: RuntimeError: boom"]
    assert (result.precision, result.recall, result.f1) == (0.0, 0.0, 0.0)
    with errors.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["error"] for row in rows] == ["missed", "missed", "missed"]


def test_speaker_none_counts_as_wrong_and_wrong_mentions_are_listed(monkeypatch, tmp_path):
    def speakerless(document, registry=None):
        text = document.text
        if document.article_id == "beta":
            start = text.index("“")
            return [Quote("Security is global,", start, text.index("”") + 1, "direct")]
        if document.article_id == "alpha":
            return [Quote("We are ready,", 0, 15, "direct", "said", 20, 24)]
        return []

    monkeypatch.setattr(analysis.quotes.extract, "extract_quotes", speakerless)
    errors = tmp_path / "errors.csv"
    result = evaluate_brat(BRAT, errors_csv=errors)
    assert (result.speaker_judged, result.speaker_correct, result.speaker_missing) == (2, 0, 1)
    assert result.recall == pytest.approx(2 / 3)
    assert (result.gold_speaker_recalled, result.speaker_recall) == (0, 0.0)  # none end to end
    kinds = sorted(row["error"] for row in csv.DictReader(errors.open(encoding="utf-8")))
    # each found gold quote without its speaker is listed once more, as "not recalled"
    assert kinds == ["missed", "no speaker", "not recalled", "not recalled", "wrong speaker"]


def test_gold_quote_without_source_counts_against_recall_and_is_reported(tmp_path):
    folder = tmp_path / "brat"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    text = "The flyer read: “Vote early.” Aiko Mori said, “Polls open at seven.”"
    (folder / "text" / "flyer.txt").write_text(text, encoding="utf-8")
    first = text.index("“Vote")
    second = text.index("“Polls")
    speaker = text.index("Aiko")
    (folder / "attributions" / "flyer.ann").write_text(
        f"T1\tContent {first} {text.index('”') + 1}\t“Vote early.”\n"
        f"T2\tContent {second} {len(text)}\t“Polls open at seven.”\n"
        f"T3\tSource {speaker} {speaker + 9}\tAiko Mori\n"
        f"T4\tCue {speaker + 10} {speaker + 14}\tsaid\n"
        "E1\tAttribution:T4 Content:T1\n"
        "E2\tAttribution:T4 Content:T2 Source:T3\n",
        encoding="utf-8",
    )
    result = evaluate_brat(folder)
    assert result.gold == 2 and result.gold_without_source == 1
    assert result.gold_speaker_recalled == 1  # the flyer's words can never be recalled
    assert result.speaker_recall == pytest.approx(0.5)
    assert "1 gold quotes name no source" in result.summary()
    assert result.as_dict()["gold_without_source"] == 1


def test_cli_prints_scores_as_json(capsys):
    assert main(["evaluate", "quotes", "--brat", str(BRAT), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["f1"] == 1.0 and scores["gold_quotes"] == 3


def test_cli_missing_folder_is_a_usage_error(capsys, tmp_path):
    assert main(["evaluate", "quotes", "--brat", str(tmp_path / "nowhere")]) == 2
    assert "BRAT folder not found" in capsys.readouterr().err


def test_folder_without_texts_is_a_clear_error(tmp_path):
    from analysis.errors import AnalysisError

    with pytest.raises(AnalysisError, match=r"no \.txt files"):
        list(read_brat_folder(tmp_path))


# ---------------------------------------------------------------------------
# JSON gold (evaluate quotes --gold FILE.json; analysis.evaluation.quotes_json)

KOREAN_GOLD = Path(__file__).parent / "fixtures" / "korean-quotes" / "gold.json"


def _json_gold(tmp_path, text, quotes, encoding="utf-8"):
    import json

    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    gold = {"articles": [{"file": "a.txt", "published": "2023-07-11", "quotes": quotes}]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_gold_counts_a_miss_a_spurious_quote_and_a_wrong_speaker(tmp_path):
    from analysis.evaluation.quotes_json import evaluate_json_gold

    text = ('윤석열 대통령은 "협력을 넓히겠다"고 말했다. 외교부 당국자는 "일정은 미정"이라고 '
            '전했다. 국방부는 훈련을 재개한다고 밝혔다.')
    quotes = [
        {"text": "협력을 넓히겠다", "kind": "direct", "speaker": "윤석열",
         "actor": "Yoon Suk Yeol", "speaker_kind": "person"},
        {"text": "일정은 미정", "kind": "direct", "speaker": "외교부 당국자",
         "actor": "Ministry of Foreign Affairs (South Korea)", "speaker_kind": "organisation"},
    ]
    errors = tmp_path / "errors.csv"
    result = evaluate_json_gold(_json_gold(tmp_path, text, quotes), errors_csv=errors)
    assert (result.gold, result.predicted, result.gold_matched) == (2, 3, 2)
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == 1.0
    assert result.speaker_correct == 1  # the gold says organisation, the rules anonymous
    written = errors.read_text(encoding="utf-8")
    assert "spurious" in written and "wrong speaker" in written


def test_json_gold_reads_a_cp949_article_and_refuses_a_quote_not_in_it(tmp_path):
    from analysis.errors import AnalysisError
    from analysis.evaluation.quotes_json import evaluate_json_gold

    text = '나토는 "문은 열려 있다"고 밝혔다.'
    quote = {"text": "문은 열려 있다", "kind": "direct", "speaker": "나토", "actor": "NATO",
             "speaker_kind": "organisation"}
    assert evaluate_json_gold(_json_gold(tmp_path, text, [quote], "cp949")).f1 == 1.0
    with pytest.raises(AnalysisError, match="not in the article"):
        evaluate_json_gold(_json_gold(tmp_path, text, [dict(quote, text="없는 말")]))


def test_cli_evaluate_quotes_gold_scores_the_korean_set_at_its_targets(capsys):
    import json

    from analysis.cli import main

    assert main(["evaluate", "quotes", "--gold", str(KOREAN_GOLD), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["gold_quotes"] >= 60
    assert scores["f1"] >= 0.95
    assert scores["speaker_accuracy"] >= 0.90


def test_cli_evaluate_quotes_needs_brat_or_gold(capsys):
    from analysis.cli import main

    with pytest.raises(SystemExit) as usage:
        main(["evaluate", "quotes"])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as both:
        main(["evaluate", "quotes", "--gold", "a.json", "--brat", "dir"])
    assert both.value.code == 2
    assert main(["evaluate", "quotes", "--gold", "missing.json"]) == 2
