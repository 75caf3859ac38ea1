"""Tone aggregates never threshold a mean: averaged probabilities and label shares.

Frames written by hand for this test.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.sentiment import tone_by_affiliation, tone_by_speaker, tone_by_target
from analysis.sentiment.tone_summary import (
    METHOD_MAJORITY,
    METHOD_PROBABILITIES,
    PROBABILITY_COLUMNS,
    label_of_probabilities,
    summarise_tone,
)


def _targets() -> pd.DataFrame:
    # "Split": two warm, two hostile mentions; the mean score is 0.0 but nothing about
    # the group is neutral. "Mild": four mentions, mostly neutral, slightly warm.
    return pd.DataFrame({
        "target": ["Split"] * 4 + ["Mild"] * 4 + ["Mild"],
        "score": [0.8, 0.8, -0.8, -0.8, 0.1, 0.1, 0.1, 0.1, None],
        "label": ["positive", "positive", "negative", "negative"] + ["neutral"] * 4 + [None],
        "p_negative": [0.05, 0.05, 0.85, 0.85, 0.2, 0.2, 0.2, 0.2, None],
        "p_neutral": [0.10, 0.10, 0.10, 0.10, 0.5, 0.5, 0.5, 0.5, None],
        "p_positive": [0.85, 0.85, 0.05, 0.05, 0.3, 0.3, 0.3, 0.3, None],
    })


def test_a_split_group_is_not_called_neutral_from_its_mean() -> None:
    table = tone_by_target(_targets()).set_index("target")
    split = table.loc["Split"]
    assert split["mean"] == pytest.approx(0.0)
    assert (split["share_positive"], split["share_negative"]) == (0.5, 0.5)
    assert split["p_neutral"] == pytest.approx(0.1)
    assert split["label"] == "positive"  # tie of the averaged probabilities, not "neutral"
    mild = table.loc["Mild"]
    # a mean of +0.1 thresholded at 0.05 would say "positive"; the probabilities say neutral
    assert mild["mean"] == pytest.approx(0.1) and mild["label"] == "neutral"
    assert mild["share_neutral"] == 1.0


def test_unscored_items_are_counted_not_averaged() -> None:
    table = tone_by_target(_targets()).set_index("target")
    assert table.loc["Mild", "n"] == 4 and table.loc["Mild", "n_unscored"] == 1
    assert table.loc["Split", "n_unscored"] == 0


def test_the_table_says_which_method() -> None:
    assert (tone_by_target(_targets())["method"] == METHOD_PROBABILITIES).all()
    quotes = pd.DataFrame({"kind": ["direct"] * 3, "actor": ["Ann Lee"] * 3,
                           "speaker": ["Lee"] * 3, "affiliation": ["Acme"] * 3,
                           "compound_masked": [0.6, 0.0, -0.03]})
    by_speaker = tone_by_speaker(quotes)
    assert by_speaker["method"].tolist() == [METHOD_MAJORITY]
    # each quote read on its own: one positive, two neutral; the label is the commonest
    assert by_speaker[["share_positive", "share_neutral", "label"]].values.tolist() == [
        [0.3333, 0.6667, "neutral"]]
    assert tone_by_affiliation(quotes)["label"].tolist() == ["neutral"]


def test_label_of_probabilities_ties_and_order() -> None:
    assert label_of_probabilities(0.5, 0.2, 0.3) == "negative"
    assert label_of_probabilities(0.4, 0.4, 0.2) == "neutral"
    assert label_of_probabilities(0.2, 0.4, 0.4) == "neutral"


def test_missing_label_columns_are_a_clear_error() -> None:
    with pytest.raises(KeyError, match="never read off its mean"):
        summarise_tone(pd.DataFrame({"target": ["A"], "score": [0.2]}), "target", "score",
                       probabilities=PROBABILITY_COLUMNS)


def test_an_empty_table_keeps_its_columns() -> None:
    empty = tone_by_target(_targets().iloc[:0])
    assert empty.empty
    assert {"share_negative", "p_positive", "label", "method", "n_unscored"} <= set(empty.columns)
