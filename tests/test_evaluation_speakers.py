"""``evaluate speakers``: the speakers gold format, its scores and the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.errors import AnalysisError
from analysis.evaluation.speakers import evaluate_speakers, read_speaker_gold

GOLD_SET = Path(__file__).parent / "fixtures" / "speakers-gold" / "gold.json"

TEXT = ("“We will sign next week,” said Ann Lee, the trade minister.\n\n"
        "“It is a trap,” a senior official said. Critics called the plan “a mirage.”\n\n"
        "“Nobody asked us,” said Tom Reyes.")


def _gold(tmp_path: Path, quotes: list[dict], text: str = TEXT) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"format": "speakers-gold/1", "articles": [
        {"id": "a1", "published": "2024-07-11", "title": "T", "text": text, "quotes": quotes}]}))
    return path


QUOTES = [
    {"quote": "We will sign next week,", "kind": "direct", "speaker": "Ann Lee",
     "actor": "Ann Lee", "speaker_kind": "person", "categories": ["said-after"]},
    {"quote": "It is a trap,", "kind": "direct", "speaker": "a senior official",
     "actor": None, "speaker_kind": "anonymous", "categories": ["anonymous"]},
    {"quote": "a mirage.", "kind": "scare", "speaker": None, "actor": None, "speaker_kind": None},
    # gold says someone else spoke: a wrong speaker the scorer must count
    {"quote": "Nobody asked us,", "kind": "direct", "speaker": "Ann Lee", "speaker_occurrence": 1,
     "actor": "Ann Lee", "speaker_kind": "person", "categories": ["planted"]},
]


def test_scores_count_right_and_wrong_speakers_and_actors(tmp_path: Path) -> None:
    result = evaluate_speakers(_gold(tmp_path, QUOTES))
    assert (result.gold_quotes, result.matched) == (3, 3)
    assert result.speaker_right == 2  # the planted quote is wrong
    assert (result.with_actor, result.actor_right) == (2, 1)
    assert (result.without_actor, result.no_guess) == (1, 1)
    assert result.misses_by_category["planted"] == 1
    assert result.misses_by_category["said-after"] == 0


def test_errors_csv_lists_the_wrong_speaker(tmp_path: Path) -> None:
    errors = tmp_path / "errors.csv"
    evaluate_speakers(_gold(tmp_path, QUOTES), errors_csv=errors)
    rows = list(csv.DictReader(errors.open(encoding="utf-8")))
    wrong = [r for r in rows if r["error"] == "wrong speaker"]
    assert [(r["quote"], r["speaker"], r["gold_speaker"]) for r in wrong] == [
        ("Nobody asked us,", "Tom Reyes", "Ann Lee")]


def test_errors_csv_lists_a_right_speaker_of_the_wrong_kind(tmp_path: Path) -> None:
    # right speaker and actor, but gold calls the named speaker an organisation
    quotes = [dict(QUOTES[0], speaker_kind="organisation"), *QUOTES[1:]]
    errors = tmp_path / "errors.csv"
    result = evaluate_speakers(_gold(tmp_path, quotes), errors_csv=errors)
    assert (result.speaker_right, result.actor_right) == (2, 1)
    rows = list(csv.DictReader(errors.open(encoding="utf-8")))
    wrong_kind = [(r["quote"], r["speaker_kind"]) for r in rows if r["error"] == "wrong kind"]
    assert wrong_kind == [("We will sign next week,", "person")]


def test_cli_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "speakers", str(_gold(tmp_path, QUOTES)), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["speaker_accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["misses_by_category"]["planted"] == 1


def test_cli_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["evaluate", "speakers", str(tmp_path / "nowhere.json")]) == 2


@pytest.mark.parametrize(
    ("quotes", "message"),
    [
        ([{"quote": "not in the text", "kind": "direct"}], "not in the text that often"),
        ([{"quote": "It is a trap,", "kind": "direct", "speaker": "Bob Roe"}],
         "speaker 'Bob Roe' not in the text"),
        ([{"kind": "direct"}], "'quote'"),
    ],
)
def test_bad_gold_names_the_file_and_the_problem(tmp_path: Path, quotes: list[dict],
                                                 message: str) -> None:
    path = _gold(tmp_path, quotes)
    with pytest.raises(AnalysisError, match=message) as error:
        read_speaker_gold(path)
    assert str(path) in str(error.value)


def test_shipped_gold_set_is_read_and_scored() -> None:
    result = evaluate_speakers(GOLD_SET)
    assert result.articles >= 12 and result.gold_quotes >= 120
    # a floor well under today's scores: a regression guard, not a target
    assert result.ratio(result.speaker_right, result.matched) > 0.85
    assert result.ratio(result.actor_right, result.with_actor) > 0.75


@pytest.mark.parametrize("name", ["gold.json", "check.json", "check2.json", "check3.json",
                                  "check4.json"])
def test_each_gold_file_passes_its_own_validator(name: str) -> None:
    import subprocess
    import sys

    folder = GOLD_SET.parent
    done = subprocess.run([sys.executable, str(folder / "check_gold.py"), str(folder / name)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith("clean")
