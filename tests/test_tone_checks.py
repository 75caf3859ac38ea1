"""Robustness checks of `evaluate sentiment`: name swaps, groups. Sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.evaluation.sentiment import evaluate_jsonl
from analysis.evaluation.sentiment_checks import (
    _swap_names,
    name_kind,
    name_swap_check,
    swap_name,
    targets_per_sentence,
)
from analysis.sentiment.features import _lexicon
from analysis.sentiment.model import TargetSentiment
from analysis.sentiment.training import LabelledTarget

MINI = Path(__file__).resolve().parent / "fixtures" / "newsmtsc_mini.jsonl"


@pytest.mark.parametrize(("mention", "expected"), [
    ("Senator Ortiz", (8, "surname")),
    ("Maria Ortiz", (0, "full")),
    ("UNICEF", (0, "acronym")),
    ("her", None),
    ("the governor", None),
    ("They", None),
])
def test_name_kinds(mention: str, expected: tuple[int, str] | None) -> None:
    assert name_kind(mention) == expected


def test_a_swap_replaces_every_mention_and_moves_the_span() -> None:
    text = "Voters booed Maria Ortiz, and Ortiz’s aides left early."
    swapped, start, end = swap_name(text, 13, 24, "Olaf Scholz")
    assert swapped == "Voters booed Olaf Scholz, and Scholz’s aides left early."
    assert swapped[start:end] == "Olaf Scholz"
    text = "Later, President Ortiz thanked Ortiz's staff."
    swapped, start, end = swap_name(text, 7, 22, "Modi")
    assert swapped == "Later, President Modi thanked Modi's staff."
    assert swapped[start:end] == "President Modi"


def test_swap_names_are_no_lexicon_words_and_every_kind_has_some() -> None:
    lexicon = _lexicon()
    for kind, names in _swap_names().items():
        assert len(names) >= 5, kind
        assert not [w for n in names for w in n.lower().split() if w in lexicon]


def _target(text: str, mention: str) -> LabelledTarget:
    start = text.index(mention)
    return LabelledTarget(text, start, start + len(mention), "neutral", f"set_{start}_1_0")


def test_flip_rate_counts_label_changes() -> None:
    targets = [_target("Ruth Adler met the press.", "Ruth Adler"),
               _target("The panel met Ben Cole.", "Ben Cole"),
               _target("They met the press.", "They")]

    def name_sensitive(text: str, start: int, end: int) -> TargetSentiment:
        label = "positive" if text[start:end] == "Ruth Adler" else "neutral"
        return TargetSentiment(label, 0.0, (0.2, 0.6, 0.2))

    labels = [name_sensitive(t.text, t.start, t.end).label for t in targets]
    check = name_swap_check(targets, labels, name_sensitive, per_target=3)
    assert (check.eligible, check.swaps) == (2, 6)
    assert check.flips == 3 and check.targets_flipped == 1  # every swap of Ruth Adler
    assert check.flip_rate == pytest.approx(0.5)


def test_targets_per_sentence_buckets() -> None:
    assert targets_per_sentence([3, 3, 4]) == ["2", "2", "1"]


def test_evaluate_reports_the_checks() -> None:
    robustness = evaluate_jsonl(MINI).as_dict()["robustness"]
    assert set(robustness) == {"by_source", "by_targets_in_sentence", "by_role", "name_swap"}
    assert robustness["name_swap"]["swaps"] == 3 * robustness["name_swap"]["targets_with_a_name"]
    assert sum(g["n"] for g in robustness["by_targets_in_sentence"].values()) == 9
