"""Bootstrap intervals and tone aggregates: seeded, reproducible, honest about small n."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.sentiment.uncertainty import SMALL_N, aggregate_tone, bootstrap_ci

VALUES = [0.1, 0.4, 0.35, 0.8, 0.2, 0.5, -0.1, 0.3]


def test_same_seed_same_interval_and_other_seed_differs():
    assert bootstrap_ci(VALUES, seed=3) == bootstrap_ci(VALUES, seed=3)
    assert bootstrap_ci(VALUES, seed=3) != bootstrap_ci(VALUES, seed=4)


def test_interval_is_the_percentile_bootstrap_of_numpys_seeded_generator():
    data = np.array(VALUES)
    rng = np.random.default_rng(7)
    means = data[rng.integers(0, len(data), size=(500, len(data)))].mean(axis=1)
    expected = tuple(np.quantile(means, [0.05, 0.95]))
    assert bootstrap_ci(VALUES, n_resamples=500, seed=7, level=0.90) == pytest.approx(expected)


def test_interval_brackets_the_mean_and_widens_with_level():
    low95, high95 = bootstrap_ci(VALUES)
    low50, high50 = bootstrap_ci(VALUES, level=0.5)
    assert low95 < low50 < np.mean(VALUES) < high50 < high95


def test_large_sample_interval_is_narrow_and_contains_the_true_mean():
    rng = np.random.default_rng(1)
    sample = rng.normal(0.2, 0.1, size=4000)
    low, high = bootstrap_ci(sample, n_resamples=400)
    assert low < 0.2 < high
    assert high - low < 0.02


def test_constant_values_give_a_point_interval():
    assert bootstrap_ci([0.25, 0.25, 0.25]) == (0.25, 0.25)


def test_fewer_than_two_values_have_no_interval():
    for values in ([], [0.4], [0.4, None], [float("nan"), 0.3]):
        low, high = bootstrap_ci(values)
        assert math.isnan(low) and math.isnan(high)


def test_missing_values_are_dropped_before_resampling():
    assert bootstrap_ci([0.1, None, 0.5, float("nan"), 0.3]) == bootstrap_ci([0.1, 0.5, 0.3])


def test_other_statistics_with_or_without_an_axis_argument():
    median = bootstrap_ci(VALUES, stat=np.median, n_resamples=300)
    plain = bootstrap_ci(VALUES, stat=lambda row: float(np.median(row)), n_resamples=300)
    assert median == pytest.approx(plain)


@pytest.mark.parametrize("kwargs", [{"level": 1.0}, {"level": 0.0}, {"n_resamples": 0}])
def test_bad_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        bootstrap_ci(VALUES, **kwargs)


def _tones() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "actor": ["Stoltenberg"] * 6 + ["Yoon"] * 2 + [None],
            "paper": ["a", "a", "a", "b", "b", "b", "a", "a", "a"],
            "tone": [0.5, 0.4, 0.6, 0.3, None, 0.2, -0.2, 0.1, 0.9],
        }
    )


def test_aggregate_tone_counts_means_intervals_and_flags_small_n():
    table = aggregate_tone(_tones(), "actor", "tone")
    assert table.columns.tolist() == ["actor", "n", "n_unscored", "mean", "ci_low", "ci_high",
                                      "note"]
    assert table["actor"].tolist() == ["Stoltenberg", "Yoon"]  # the unnamed row is left out
    assert table["n"].tolist() == [5, 2]  # the missing tone is left out of the mean...
    assert table["n_unscored"].tolist() == [1, 0]  # ...and counted as not scored
    assert table["mean"].tolist() == pytest.approx([0.4, -0.05])
    assert pd.isna(table.loc[0, "note"])
    assert table.loc[1, "note"] == "small n"
    first = table.iloc[0]
    assert (first["ci_low"], first["ci_high"]) == bootstrap_ci([0.5, 0.4, 0.6, 0.3, 0.2])


def test_aggregate_tone_threshold_and_groups_by_several_columns():
    table = aggregate_tone(_tones(), ["actor", "paper"], "tone", min_n=2)
    rows = table[["actor", "paper", "n", "note"]].astype(object).values.tolist()
    assert rows == [
        ["Stoltenberg", "a", 3, pd.NA],
        ["Stoltenberg", "b", 2, pd.NA],
        ["Yoon", "a", 2, pd.NA],
    ]


def test_single_value_group_has_no_interval():
    table = aggregate_tone(pd.DataFrame({"t": ["x"], "v": [0.3]}), "t", "v")
    assert table["ci_low"].isna().all() and table["ci_high"].isna().all()
    assert table.loc[0, "note"] == SMALL_N


def test_aggregate_tone_is_reproducible_and_typed():
    first = aggregate_tone(_tones(), "actor", "tone")
    pd.testing.assert_frame_equal(first, aggregate_tone(_tones(), "actor", "tone"))
    assert first.dtypes.astype(str).tolist() == [
        "string", "Int64", "Int64", "Float64", "Float64", "Float64", "string",
    ]


def test_empty_frame_and_missing_columns():
    empty = aggregate_tone(pd.DataFrame({"actor": [], "tone": []}), "actor", "tone")
    assert empty.empty and empty.columns.tolist()[-1] == "note"
    with pytest.raises(KeyError, match="tone"):
        aggregate_tone(pd.DataFrame({"actor": ["a"]}), "actor", "tone")
