"""The sectors gold set (tests/fixtures/sectors-gold) and ``evaluate sectors``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.errors import AnalysisError
from analysis.evaluation.sectors import GoldMention, evaluate_gold, match_mentions, read_gold
from analysis.sectors.taxonomy import default_taxonomy

GOLD = Path(__file__).parent / "fixtures" / "sectors-gold" / "gold.json"
ROOT = Path(__file__).resolve().parents[1]

#: Floors that catch a collapse of the finder or list reader (today's numbers are in
#: docs/evaluation.md, "Sectors"; others are raising them, so they are not asserted).
FLOORS = {"f1": 0.80, "membership": 0.70, "exact": 0.50, "stated": 0.60}


def test_gold_file_is_well_formed() -> None:
    raw = json.loads(GOLD.read_text(encoding="utf-8"))
    ids = {sector.id for sector in default_taxonomy().sectors}
    gold = read_gold(GOLD)
    assert len(gold) >= 10
    assert sum(len(a.mentions) for a in gold) >= 100
    assert sum(len(a.lists) for a in gold) >= 10
    assert len({a.article_id for a in gold}) == len(gold)
    for article, article_raw in zip(gold, raw, strict=True):
        for mention, mention_raw in zip(article.mentions, article_raw["mentions"], strict=True):
            assert 0 <= mention.start < mention.end <= len(article.text)
            assert article.text[mention.start:mention.end] == mention_raw["matched"]
            assert mention.sector in ids
        for listed in article.lists:
            assert set(listed.items) <= ids
            assert listed.items == tuple(dict.fromkeys(listed.items))
            mentioned = {m.sector for m in article.mentions}
            assert set(listed.items) <= mentioned, (article.article_id, listed.programme)


def test_gold_file_is_what_its_script_writes() -> None:
    script = GOLD.with_name("make_gold.py")
    namespace: dict = {"__name__": "make_gold", "__file__": str(script)}
    exec(compile(script.read_text(encoding="utf-8"), str(script), "exec"), namespace)
    assert namespace["build"]() == json.loads(GOLD.read_text(encoding="utf-8"))


def test_scores_are_in_range_and_above_floor() -> None:
    result = evaluate_gold(GOLD)
    scores = result.as_dict()
    for name in ("precision", "recall", "f1", "membership", "exact", "stated"):
        assert 0.0 <= scores[name] <= 1.0
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, (name, scores[name])
    assert result.gold_mentions >= 100 and result.gold_lists >= 10


def test_command_prints_json_scores() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "evaluate", "sectors", str(GOLD), "--json"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    scores = json.loads(done.stdout)
    assert scores["articles"] >= 10 and 0.0 <= scores["f1"] <= 1.0


def test_command_missing_file_exits_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "evaluate", "sectors", str(tmp_path / "no.json")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_bad_gold_names_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text(json.dumps([{"id": "a", "text": "short",
                                "mentions": [{"start": 0, "end": 99, "sector": "space"}]}]))
    with pytest.raises(AnalysisError, match="not inside its text"):
        read_gold(bad)
    bad.write_text("{not json")
    with pytest.raises(AnalysisError, match="JSON"):
        read_gold(bad)


def test_mentions_match_one_to_one_by_sector_and_overlap() -> None:
    gold = [GoldMention(0, 5, "space"), GoldMention(10, 15, "space")]
    assert match_mentions(gold, [GoldMention(3, 12, "space")]) == 1
    assert match_mentions(gold, [GoldMention(5, 10, "space")]) == 0
    assert match_mentions(gold, [GoldMention(0, 5, "cyber-defence")]) == 0


def test_partner_figure_groups_by_partner_else_by_programme() -> None:
    import matplotlib.pyplot as plt
    import pandas as pd

    from analysis.figures.partner_sectors import NO_PARTNER, partner_coverage, plot_partner_coverage

    statements = pd.DataFrame({"article_id": ["a", "b"], "start": [0, 0], "end": [40, 40],
                               "acronym": ["ITPP", "ITPP"], "programme": [pd.NA, pd.NA],
                               "sectors": [pd.NA, "space"]})
    mentions = pd.DataFrame({"article_id": ["a", "a"], "start": [5, 50], "end": [10, 55],
                             "sector": ["cyber-defence", "space"],
                             "context": ["programme-list", "programme-list"]})
    data = partner_coverage(statements, mentions)
    assert data["partner"].tolist() == [f"ITPP {NO_PARTNER}"] * 2
    assert sorted(data["sector"]) == ["cyber-defence", "space"]
    with_partner = partner_coverage(statements.assign(partner=["Japan", "Australia"]), mentions)
    assert set(zip(with_partner["partner"], with_partner["sector"], strict=True)) == {
        ("Japan", "cyber-defence"), ("Australia", "space")}
    figure, drawn = plot_partner_coverage(data.iloc[0:0])
    assert drawn.empty and figure is not None
    plt.close(figure)


def test_errors_csv_lists_what_the_scores_count(tmp_path: Path) -> None:
    import pandas as pd

    errors = tmp_path / "errors.csv"
    result = evaluate_gold(GOLD, errors_csv=errors)
    rows = pd.read_csv(errors, keep_default_na=False)
    mentions = rows[rows["what"] == "mention"]
    assert (mentions["error"] == "missed").sum() == result.gold_mentions - result.matched_mentions
    assert ((mentions["error"] == "spurious").sum()
            == result.predicted_mentions - result.matched_mentions)
    assert (rows["error"] == "not exact").sum() == result.gold_lists - result.exact_lists
