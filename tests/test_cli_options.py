"""The same --actors-csv, --taxonomy and --overrides on every subcommand that reads articles."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus import read_table

DOORS = ("quotes", "sectors", "sentiment", "show", "extract", "figures")

# A hand-written article about a country the shipped registry does not know.
ARTICLE = (
    "published: 2024-03-05\n\n"
    "Defence Minister Cole of Testland met NATO officials in Brussels on Tuesday. "
    "The two sides agreed to protect undersea cables.\n\n"
    "“Our partnership with NATO grows stronger every year,” Cole told reporters.\n"
)
ACTORS = (
    "name,kind,aliases,descriptions,demonyms,country,source\n"
    "Testland,country,Republic of Testland,,Testlander,,test fixture\n"
    "Ann Cole,person,Cole,,,Testland,test fixture\n"
)
ROLES = (
    "actor,title,affiliation,valid_from,valid_to,descriptions,source\n"
    "Ann Cole,Minister of Defence,Testland,2023-01-01,,the Testland defence minister,"
    "test fixture\n"
)
TAXONOMY = "id,label,aliases_en\nundersea-cables,Undersea cables,undersea cables\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    raw = tmp_path / "raw" / "articles"
    raw.mkdir(parents=True)
    article = raw / "cole.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    body = article.read_text(encoding="utf-8").split("\n\n", 1)[1]
    said = body.index("Cole told")
    paths = {"article": article, "raw": tmp_path / "raw", "said": said}
    for name, text in (("actors", ACTORS), ("roles", ROLES), ("taxonomy", TAXONOMY)):
        paths[name] = tmp_path / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    paths["overrides"] = tmp_path / "fixes.csv"
    paths["overrides"].write_text(
        f"article_id,what,offset,field,value\ncole.txt,actors,{said},actor,Jens Stoltenberg\n",
        encoding="utf-8",
    )
    return paths


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text))


def _inputs(door: str, files: dict[str, Path], tmp_path: Path) -> list:
    if door == "extract":
        return [files["article"], "--out", tmp_path / "out"]
    if door == "figures":
        return ["--raw", files["raw"], "--out", tmp_path / "figs", "--only", "quotes-per-speaker"]
    return [files["article"]]


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("option", ("--actors-csv", "--taxonomy", "--overrides"))
def test_every_door_takes_every_option_and_names_a_missing_file(door, option, files, tmp_path,
                                                                 capsys):
    code, _, err = _run([door, *_inputs(door, files, tmp_path), option, tmp_path / "nope.csv"],
                        capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "nope.csv" in lines[0] and option in lines[0]


@pytest.mark.parametrize("door", DOORS)
def test_every_door_accepts_all_options_together_and_repeated(door, files, tmp_path, capsys):
    argv = [door, *_inputs(door, files, tmp_path),
            "--actors-csv", files["roles"], "--actors-csv", files["actors"],
            "--taxonomy", files["taxonomy"], "--overrides", files["overrides"]]
    code, _, err = _run(argv, capsys)
    assert code == 0, err


def _quotes(files, capsys, *options) -> pd.DataFrame:
    code, out, err = _run(["quotes", files["article"], "--format", "csv", *options], capsys)
    assert code == 0, err
    return _csv(out)


def test_quotes_actor_files_in_any_order_resolve_the_speaker_and_role(files, capsys):
    plain = _quotes(files, capsys)
    assert "Ann Cole" not in set(plain["actor"].dropna())
    for order in ((files["roles"], files["actors"]), (files["actors"], files["roles"])):
        found = _quotes(files, capsys, "--actors-csv", order[0], "--actors-csv", order[1])
        row = found[found["kind"] == "direct"].iloc[0]
        assert (row["actor"], row["role"]) == ("Ann Cole", "Minister of Defence")


def test_quotes_take_an_actor_correction_made_in_the_actors_table(files, capsys):
    found = _quotes(files, capsys, "--actors-csv", files["actors"],
                    "--overrides", files["overrides"])
    assert found[found["kind"] == "direct"].iloc[0]["actor"] == "Jens Stoltenberg"


def test_sectors_use_the_user_taxonomy(files, capsys):
    argv = ["sectors", files["article"], "--format", "csv"]
    code, out, _ = _run(argv, capsys)
    assert "undersea-cables" not in set(_csv(out)["sector"])
    code, out, _ = _run([*argv, "--taxonomy", files["taxonomy"]], capsys)
    assert code == 0 and "undersea-cables" in set(_csv(out)["sector"])


def test_sentiment_targets_follow_the_user_actors_and_corrections(files, capsys):
    argv = ["sentiment", files["article"], "--table", "targets", "--format", "csv",
            "--actors-csv", files["actors"]]
    code, out, _ = _run(argv, capsys)
    assert code == 0 and "Ann Cole" in set(_csv(out)["target"])
    code, out, _ = _run([*argv, "--overrides", files["overrides"]], capsys)
    targets = _csv(out)
    assert targets[targets["start"] == files["said"]]["target"].tolist() == ["Jens Stoltenberg"]


def test_show_lists_actors_with_the_user_registry(files, capsys):
    argv = ["show", files["article"], "--actors", "--format", "csv"]
    code, out, _ = _run([*argv, "--actors-csv", files["actors"], "--actors-csv", files["roles"]],
                        capsys)
    assert code == 0
    assert "Ann Cole" in out and "Minister of Defence" in out


def test_extract_applies_every_option_to_every_table(files, tmp_path, capsys):
    out_dir = tmp_path / "out"
    code, _, err = _run(["extract", files["article"], "--out", out_dir,
                         "--actors-csv", files["actors"], "--actors-csv", files["roles"],
                         "--taxonomy", files["taxonomy"]], capsys)
    assert code == 0, err
    assert "Ann Cole" in set(read_table(out_dir, "actors")["actor"])
    assert "Ann Cole" in set(read_table(out_dir, "quotes")["actor"].dropna())
    assert "undersea-cables" in set(read_table(out_dir, "sectors")["sector"])


def test_figures_are_drawn_with_the_user_registry(files, tmp_path, capsys):
    out_dir = tmp_path / "figs"
    code, _, err = _run(["figures", "--raw", files["raw"], "--out", out_dir,
                         "--only", "quotes-per-speaker", "--actors-csv", files["actors"]], capsys)
    assert code == 0, err
    with (out_dir / "quotes-per-speaker.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert "Ann Cole" in {row["actor"] for row in rows}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("row", "named"),
    [("cole.txt,qoutes,0,actor,X", "'qoutes'"), ("cole.txt,quotes,0,speakr,X", "'speakr'")],
)
def test_a_bad_correction_stops_every_door_before_it_reads(door, row, named, files, tmp_path,
                                                           capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(f"article_id,what,offset,field,value\n{row}\n", encoding="utf-8")
    code, _, err = _run([door, *_inputs(door, files, tmp_path), "--overrides", bad], capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "bad.csv, line 2" in lines[0] and named in lines[0]
    assert not (tmp_path / "out").exists()  # stopped before anything was written


def test_figures_use_the_user_taxonomy_and_corrections(files, tmp_path, capsys):
    illustrative = files["raw"] / "illustrative"
    illustrative.mkdir()
    (illustrative / "cables.txt").write_text("Both navies guard undersea cables.\n",
                                             encoding="utf-8")
    out_dir = tmp_path / "figs"
    code, _, err = _run(["figures", "--raw", files["raw"], "--out", out_dir,
                         "--only", "sectors-corpus-mentions", "quote-positions",
                         "--taxonomy", files["taxonomy"], "--actors-csv", files["actors"],
                         "--overrides", files["overrides"]], capsys)
    assert code == 0, err
    sectors = pd.read_csv(out_dir / "sectors-corpus-mentions.csv")
    assert "Undersea cables" in set(sectors["label"])
    positions = pd.read_csv(out_dir / "quote-positions.csv")
    assert "Jens Stoltenberg" in set(positions["label"])


def test_extract_and_show_apply_an_actor_correction_to_every_table(files, tmp_path, capsys):
    out_dir = tmp_path / "out"
    options = ["--actors-csv", files["actors"], "--overrides", files["overrides"]]
    code, _, err = _run(["extract", files["article"], "--out", out_dir, *options], capsys)
    assert code == 0, err
    for table, column in (("actors", "actor"), ("targets", "target")):
        rows = read_table(out_dir, table)
        assert rows[rows["start"] == files["said"]][column].tolist() == ["Jens Stoltenberg"]
    quotes = read_table(out_dir, "quotes")
    assert quotes[quotes["kind"] == "direct"]["actor"].tolist() == ["Jens Stoltenberg"]
    code, out, _ = _run(["show", files["article"], "--actors", "--format", "csv", *options],
                        capsys)
    corrected = [line for line in out.splitlines() if f",{files['said']}," in line]
    assert code == 0 and any("Jens Stoltenberg" in line for line in corrected)


def test_an_override_that_matches_nothing_is_one_warning_line(files, tmp_path, capsys):
    stale = tmp_path / "stale.csv"
    stale.write_text("article_id,what,offset,field,value\ncole.txt,quotes,5,actor,X\n",
                     encoding="utf-8")
    code, _, err = _run(["quotes", files["article"], "--overrides", stale], capsys)
    assert code == 0
    assert err.strip().splitlines() == [
        f"warning: {stale}, line 2: no quotes record of cole.txt has start 5; "
        "the override was not applied"]


@pytest.mark.parametrize("door", DOORS)
def test_overrides_naming_no_article_read_are_one_warning_naming_the_file(door, files,
                                                                         tmp_path, capsys):
    unknown = ["colee.txt", *(f"raw/articles/x{n}.txt" for n in range(6))]
    fixes = tmp_path / "typos.csv"
    fixes.write_text("article_id,what,offset,field,value\n"
                     f"cole.txt,actors,{files['said']},actor,Jens Stoltenberg\n"
                     + "".join(f"{name},quotes,5,drop,true\n" for name in unknown)
                     + "colee.txt,actors,0,drop,true\n", encoding="utf-8")
    code, _, err = _run([door, *_inputs(door, files, tmp_path), "--overrides", fixes], capsys)
    assert code == 0, err
    (line,) = [line for line in err.splitlines() if "no article of this run" in line]
    assert line.startswith(f"warning: {fixes}: 8 override row(s) name 7 article_id(s) that no "
                           "article of this run has (colee.txt, raw/articles/x0.txt, "
                           "raw/articles/x1.txt, raw/articles/x2.txt, raw/articles/x3.txt, "
                           "and 2 more), so they were not applied; check the article_id column "
                           "against the article_id of the articles table")
    code, _, err = _run([door, *_inputs(door, files, tmp_path / "again"),
                         "--overrides", files["overrides"]], capsys)
    assert code == 0 and "no article of this run" not in err  # cole.txt is read: no warning


def test_extract_warns_about_unknown_override_ids_with_several_workers(files, tmp_path, capsys):
    fixes = tmp_path / "typos.csv"
    fixes.write_text("article_id,what,offset,field,value\nCole.txt,quotes,5,drop,true\n",
                     encoding="utf-8")
    code, _, err = _run(["extract", files["article"], "--out", tmp_path / "out", "--workers",
                         "2", "--overrides", fixes], capsys)
    assert code == 0
    assert f"warning: {fixes}: 1 override row(s) name 1 article_id(s) that no article of " \
        "this run has (Cole.txt)" in err
