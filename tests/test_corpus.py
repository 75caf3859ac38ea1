"""Corpus runs: tables in parts, errors listed, manifest last, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus import MANIFEST, TABLES, extract_corpus, read_table
from analysis.errors import AnalysisError
from analysis.schemas import columns


def _corpus(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "published: 2023-07-11\n\nNATO met in Vilnius. Korea joined the talks.\n", encoding="utf-8"
    )
    (folder / "wire.jsonl").write_text(
        '{"id": "w1", "text": "Japan and Australia were there."}\n'
        "not json\n"
        '{"id": "w3", "text": "The summit ended."}\n',
        encoding="utf-8",
    )
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder


def test_extract_writes_parts_errors_and_manifest(tmp_path: Path) -> None:
    result = extract_corpus(_corpus(tmp_path), tmp_path / "out", tables=["articles"], batch_size=2)
    out = tmp_path / "out"
    assert result.n_articles == 3
    assert sorted(p.name for p in (out / "articles").glob("part-*")) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet",
    ]
    articles = read_table(out, "articles")
    assert articles["article_id"].tolist() == ["a.txt", "w1", "w3"]
    assert articles.columns.tolist() == columns("articles")
    errors = read_table(out, "errors")
    assert sorted(errors["path"].str.rsplit("/", n=1).str[-1]) == ["broken.json", "wire.jsonl#2"]
    assert errors["message"].str.contains("line 2").sum() == 1
    assert set(errors["error"]) == {"AnalysisError"}
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert "article_ids" not in manifest  # flat: counts and part records only
    assert (manifest["n_articles"], manifest["n_errors"], manifest["n_inputs"]) == (3, 2, 5)
    assert [p["rows"] for p in manifest["tables"]["articles"]["parts"]] == [1, 1, 1]
    assert not list(out.rglob("*.tmp")) and not (out / ".staging").exists()


def test_csv_copies_live_in_their_own_tree_and_match_parquet(tmp_path: Path) -> None:
    extract_corpus(_corpus(tmp_path), tmp_path / "out", tables=["articles"], csv=True)
    parquet = pd.read_parquet(tmp_path / "out" / "articles")  # the folder is one dataset
    csv = pd.read_csv(tmp_path / "out" / "csv" / "articles" / "part-00000.csv")
    assert parquet["article_id"].tolist() == csv["article_id"].tolist()
    assert parquet["n_sentences"].tolist() == csv["n_sentences"].tolist()


def test_failing_article_is_isolated_and_listed(tmp_path: Path, monkeypatch) -> None:
    import analysis.pipeline as pipeline

    quote_rows = pipeline._ROW_BUILDERS["quotes"]

    def explode_on_japan(annotation):
        if "Japan" in annotation.document.text:
            raise RuntimeError("extractor failed")
        return quote_rows(annotation)

    monkeypatch.setitem(pipeline._ROW_BUILDERS, "quotes", explode_on_japan)
    out = tmp_path / "out"
    result = extract_corpus(_corpus(tmp_path), out, tables=["articles", "quotes"])
    assert result.n_articles == 2
    assert "w1" in result.errors["article_id"].dropna().tolist()
    assert "RuntimeError" in result.errors["error"].tolist()
    # the failed article is in no table, so the tables agree with one another
    assert "w1" not in set(read_table(out, "articles")["article_id"])


def test_rerun_replaces_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    extract_corpus(_corpus(tmp_path), out, tables=["articles"], batch_size=1)
    assert len(list((out / "articles").glob("*.parquet"))) == 5  # 3 articles, 2 errors
    extract_corpus(tmp_path / "in" / "a.txt", out, tables=["articles"])
    assert len(list((out / "articles").glob("*.parquet"))) == 1


def test_unfinished_run_is_refused(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    with pytest.raises(AnalysisError, match="no run finished here"):
        read_table(tmp_path, "articles")


def test_cli_extract_exit_codes(tmp_path: Path, capsys) -> None:
    folder = _corpus(tmp_path)
    assert main(["extract", str(folder), "--out", str(tmp_path / "o1"), "--tables", "articles"]) == 0
    assert "2 problems" in capsys.readouterr().err
    code = main(["extract", str(folder), "--out", str(tmp_path / "o2"), "--tables", "articles", "--strict"])
    assert code == 1
    capsys.readouterr()
    assert main(["extract", str(tmp_path / "missing"), "--out", str(tmp_path / "o3")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing" in err


def test_every_table_has_a_schema() -> None:
    for table in [*TABLES, "errors"]:
        assert columns(table)


def test_overrides_stay_applied_in_a_corpus_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "“We value the partnership,” he said. “Korea matters,” Kim said."
    (folder / "a.txt").write_text(text, encoding="utf-8")
    second = text.index("“Korea")
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(
        "article_id,what,offset,field,value\n"
        "a.txt,quotes,0,actor,Jens Stoltenberg\n"
        f"a.txt,quotes,{second},drop,true\n",
        encoding="utf-8",
    )
    tables = ["quotes", "quote_sentiment"]
    extract_corpus(folder, tmp_path / "out", tables=tables, overrides=fixes)
    for table in tables:
        rows = read_table(tmp_path / "out", table)
        assert rows["start"].tolist() == [0], table
        assert rows["actor"].tolist() == ["Jens Stoltenberg"], table


def test_malformed_overrides_stop_before_anything_is_written(tmp_path: Path) -> None:
    bad = tmp_path / "fixes.csv"
    bad.write_text("article_id,offset\nx,1\n", encoding="utf-8")
    with pytest.raises(AnalysisError, match=r"fixes\.csv"):
        extract_corpus(_corpus(tmp_path), tmp_path / "out", overrides=bad)
    assert not (tmp_path / "out").exists()
