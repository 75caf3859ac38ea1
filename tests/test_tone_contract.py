"""The tone tools' input contract: one sentence scored, other scripts unscored with a reason.

Every sentence here was written for this test.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from analysis import AnalysisError, Article
from analysis.quotes.records import Quote
from analysis.sentiment import classify_target, sentences_frame, targets_frame
from analysis.sentiment.quote_tone import _tone
from analysis.sentiment.scope import (
    CROSSES_SENTENCES,
    MultiSentenceWarning,
    scored_span,
    script_reason,
)

ONE = "The minister praised Seoul for its quick help."
PASSAGE = ("The storm flooded three villages and the army was slow to respond. "
           "The minister praised Seoul for its quick help. Critics mocked the plan.")


def test_a_passage_is_cut_to_the_sentence_holding_the_target_with_a_warning() -> None:
    start = PASSAGE.index("Seoul")
    with pytest.warns(MultiSentenceWarning, match="3 sentences"):
        in_passage = classify_target(PASSAGE, start, start + 5)
    alone = classify_target(ONE, ONE.index("Seoul"), ONE.index("Seoul") + 5)
    assert in_passage == alone  # the other sentences lend it nothing


def test_one_sentence_gives_no_warning_even_with_abbreviations() -> None:
    text = "U.S. Senator Kim met Gen. Park in Vilnius on Jan. 5 and thanked him."
    with warnings.catch_warnings():
        warnings.simplefilter("error", MultiSentenceWarning)
        classify_target(text, text.index("Park"), text.index("Park") + 4)
    assert scored_span(text, 0, 4) == (0, len(text))


def test_a_target_over_two_sentences_reads_both() -> None:
    text = "Talks ended. New talks begin soon."
    lo, hi = scored_span(text, 6, 17, warn=False)
    assert (lo, hi) == (0, len(text))


@pytest.mark.parametrize(("sentence", "script"), [
    ("윤석열 대통령은 나토 정상회의에 참석했다.", "Hangul"),
    ("きょうは かいぎに しゅっせきしました。", "kana"),
    ("首相出席会議。", "Han"),
    ("Президент выступил на саммите.", "non-Latin"),
])
def test_sentences_in_other_scripts_are_refused(sentence: str, script: str) -> None:
    assert script_reason(sentence) == f"sentence not English ({script} script)"
    with pytest.raises(AnalysisError, match="reads English only"):
        classify_target(sentence, 0, 3)


def test_a_korean_name_in_an_english_sentence_is_still_scored() -> None:
    text = "Officials in Seoul welcomed 윤석열 warmly at the summit on Tuesday."
    assert script_reason(text) is None
    assert classify_target(text, 13, 18).label in {"negative", "neutral", "positive"}


def test_a_hangul_sentence_in_an_english_article_gets_na_and_a_reason() -> None:
    text = ("NATO leaders met in Vilnius on Tuesday and praised the new partnership. "
            "나토는 한국과의 협력을 환영했다 NATO.")
    article = Article("mixed", text, language="en")
    sentences = sentences_frame(article)
    assert sentences["compound"].notna().tolist() == [True, False]
    assert sentences["unscored"].tolist()[1] == "sentence not English (Hangul script)"
    assert pd.isna(sentences["unscored"].tolist()[0])
    targets = targets_frame(article, targets=["NATO"])
    # "NATO" in English, then 나토 (the registry's Korean alias, before its particle) and
    # "NATO" in the Hangul sentence: both of those NA, never 0.0
    assert targets["label"].isna().tolist() == [False, True, True]
    assert targets["score"].isna().tolist() == [False, True, True]
    assert set(targets["unscored"].tolist()[1:]) == {"sentence not English (Hangul script)"}


def test_a_mention_over_a_sentence_boundary_is_listed_unscored() -> None:
    text = "They met the Acme. Corp delegation left early. Nobody spoke."
    frame = targets_frame(text, targets=["Acme. Corp"])
    assert frame["unscored"].tolist() == [CROSSES_SENTENCES]
    assert frame["p_neutral"].isna().all()


def test_a_quote_in_another_script_has_no_tone() -> None:
    tone = _tone(0, Quote("협력을 강화하겠다", 0, 10, "direct"), [])
    assert tone.compound is None and tone.tone is None
    assert tone.unscored == "sentence not English (Hangul script)"
