"""A corpus run never loses data: it owns only what it wrote, stages, resumes, locks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import MANIFEST, TABLES, extract_corpus, read_table
from analysis.corpus import output as corpus_output
from analysis.errors import AnalysisError

ROOT = Path(__file__).resolve().parents[1]


def _corpus(root: Path, n: int = 6) -> Path:
    folder = root / "in"
    folder.mkdir(parents=True)
    lines = [json.dumps({"id": f"a{i}", "published": "2023-07-11",
                         "text": f"“We value the alliance,” Yoon said on day {i}. NATO met."})
             for i in range(n)]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _tables(out: Path, tables=TABLES) -> dict[str, pd.DataFrame]:
    return {table: read_table(out, table) for table in [*tables, "errors"]}


def _same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for table in a:
        pd.testing.assert_frame_equal(a[table], b[table], obj=table)


def test_a_non_empty_folder_that_is_not_ours_is_refused_and_untouched(tmp_path):
    out = tmp_path / "project"
    out.mkdir()
    (out / "README.md").write_text("my notes", encoding="utf-8")
    with pytest.raises(AnalysisError, match="not an analysis output folder"):
        extract_corpus(_corpus(tmp_path), out)
    assert sorted(p.name for p in out.iterdir()) == ["README.md"]


def test_an_input_folder_inside_the_output_is_never_deleted(tmp_path):
    project = tmp_path / "proj"
    articles = project / "articles"
    articles.mkdir(parents=True)
    (articles / "a.txt").write_text("NATO met in Vilnius.", encoding="utf-8")
    (articles / "README.md").write_text("keep me", encoding="utf-8")
    with pytest.raises(AnalysisError, match="not an analysis output folder"):
        extract_corpus(articles, project)
    assert sorted(p.name for p in articles.iterdir()) == ["README.md", "a.txt"]


def test_the_output_folder_is_never_read_back_as_input(tmp_path):
    root = _corpus(tmp_path)
    out = root / "tables"
    first = extract_corpus(root, out, tables=["articles"], csv=True)
    second = extract_corpus(root, out, tables=["articles"], csv=True)
    assert first.n_articles == second.n_articles == 6
    assert len(read_table(out, "articles")) == 6


def test_a_run_of_some_tables_keeps_the_other_tables(tmp_path):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out)
    before = read_table(out, "actors")
    extract_corpus(source, out, tables=["quotes"])
    pd.testing.assert_frame_equal(read_table(out, "actors"), before)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["tables"]["actors"]["from_earlier_run"] is True
    assert "from_earlier_run" not in manifest["tables"]["quotes"]


def _interrupt_at(monkeypatch, part: int, exception: type[BaseException]) -> None:
    write = corpus_output.OutputFolder.write_part

    def failing(self, number, frames, counts):
        if number == part:
            raise exception("stopped by the test")
        return write(self, number, frames, counts)

    monkeypatch.setattr(corpus_output.OutputFolder, "write_part", failing)


def test_an_interrupted_run_leaves_the_earlier_run_readable_and_the_folder_unlocked(
        tmp_path, monkeypatch):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out, batch_size=2)
    complete = _tables(out)
    _interrupt_at(monkeypatch, 1, KeyboardInterrupt)
    with pytest.raises(KeyboardInterrupt):
        extract_corpus(source, out, batch_size=2)
    _same_tables(_tables(out), complete)
    assert not (out / corpus_output.LOCK).exists()


def test_resume_gives_the_same_tables_as_one_uninterrupted_run(tmp_path, monkeypatch):
    source = _corpus(tmp_path)
    extract_corpus(source, tmp_path / "whole", batch_size=2)
    out = tmp_path / "resumed"
    with monkeypatch.context() as patch:
        _interrupt_at(patch, 2, RuntimeError)
        with pytest.raises(RuntimeError):
            extract_corpus(source, out, batch_size=2)
    with pytest.raises(AnalysisError, match="no run finished"):
        read_table(out, "quotes")
    result = extract_corpus(source, out, batch_size=2, resume=True)
    assert result.n_articles == 6
    _same_tables(_tables(out), _tables(tmp_path / "whole"))


def test_resume_with_other_settings_is_refused(tmp_path, monkeypatch):
    source, out = _corpus(tmp_path), tmp_path / "out"
    with monkeypatch.context() as patch:
        _interrupt_at(patch, 1, RuntimeError)
        with pytest.raises(RuntimeError):
            extract_corpus(source, out, batch_size=2)
    with pytest.raises(AnalysisError, match="other inputs or options"):
        extract_corpus(source, out, batch_size=3, resume=True)


# Kills itself at part 2 of a run: "between" two parts (before any file of part 2), or
# "during" part 2 (its Parquet files written, its record not yet).
_KILLER = """
import os, signal, sys
from analysis.corpus import output
from analysis.cli import main
name, source, out, when, workers = sys.argv[1:6]
# A shell starts background jobs with SIGINT ignored; the run under test must see it.
signal.signal(signal.SIGINT, signal.default_int_handler)
def die():
    os.kill(os.getpid(), getattr(signal, name))
write_part, write_json = output.OutputFolder.write_part, output._write_json
def dying_part(self, number, frames, counts):
    if number == 2 and when == "between":
        die()
    return write_part(self, number, frames, counts)
def dying_json(path, data):
    if path.name == "part-00002.json" and when == "during":
        die()
    return write_json(path, data)
output.OutputFolder.write_part = dying_part
output._write_json = dying_json
sys.exit(main(["extract", source, "--out", out, "--batch-size", "2", "--workers", workers,
               "--quiet"]))
"""


@pytest.mark.parametrize(("when", "workers"), [("between", "1"), ("during", "1"),
                                               ("during", "2")])
@pytest.mark.parametrize("name", ["SIGKILL", "SIGINT"])
def test_a_killed_run_leaves_no_table_that_looks_complete_and_resumes(tmp_path, name, when,
                                                                      workers):
    source, out = _corpus(tmp_path), tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _KILLER, name, str(source), str(out), when,
                           workers],
                          capture_output=True, text=True, env=env, timeout=120)
    expected = -signal.SIGKILL if name == "SIGKILL" else 130
    assert done.returncode == expected, done.stderr
    assert "Traceback" not in done.stderr
    assert not (out / MANIFEST).exists()
    with pytest.raises(AnalysisError, match="no run finished"):
        read_table(out, "articles")
    extract_corpus(source, out, batch_size=2, resume=True)  # a stale lock is taken over
    extract_corpus(source, tmp_path / "whole", batch_size=2)
    _same_tables(_tables(out), _tables(tmp_path / "whole"))


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_runs(tmp_path):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out, tables=["articles"])
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (out / corpus_output.LOCK).write_text(str(sleeper.pid), encoding="utf-8")
        with pytest.raises(AnalysisError, match=f"another extract run \\(process {sleeper.pid}\\)"):
            extract_corpus(source, out, tables=["articles"])
    finally:
        sleeper.kill()
        sleeper.wait()
    extract_corpus(source, out, tables=["articles"])  # the lock of a dead process is stale
    assert len(read_table(out, "articles")) == 6


def test_worker_processes_give_the_same_tables_as_the_serial_run(tmp_path):
    source = _corpus(tmp_path, n=9)
    extract_corpus(source, tmp_path / "serial", batch_size=2)
    extract_corpus(source, tmp_path / "pool", batch_size=2, workers=2)
    _same_tables(_tables(tmp_path / "pool"), _tables(tmp_path / "serial"))


def test_read_table_checks_the_parts_against_the_manifest(tmp_path):
    out = tmp_path / "out"
    extract_corpus(_corpus(tmp_path), out, tables=["articles"], batch_size=3)
    part = out / "articles" / "part-00000.parquet"
    frame = pd.read_parquet(part)
    frame.iloc[:1].to_parquet(part, index=False)
    with pytest.raises(AnalysisError, match=r"part-00000\.parquet differs from the manifest"):
        read_table(out, "articles")
    frame.assign(title="changed").to_parquet(part, index=False)
    read_table(out, "articles")  # same rows: only the hash tells
    with pytest.raises(AnalysisError, match="differs from the manifest"):
        read_table(out, "articles", verify=True)


def test_a_repeated_article_id_is_listed_not_merged(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.jsonl").write_text(
        '{"id": "x", "text": "NATO met."}\n{"id": "x", "text": "Korea joined."}\n',
        encoding="utf-8")
    result = extract_corpus(folder, tmp_path / "out", tables=["articles"])
    assert result.n_articles == 1
    errors = read_table(tmp_path / "out", "errors")
    assert errors[["article_id", "error"]].values.tolist() == [["x", "DuplicateArticleId"]]


def test_an_output_folder_of_the_earlier_layout_is_taken_over(tmp_path):
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    (out / "articles" / "part-00000.parquet").write_bytes(b"old")
    (out / MANIFEST).write_text(json.dumps({"package": "analysis", "settings": {
        "tables": ["articles"]}, "article_ids": ["old"]}), encoding="utf-8")
    extract_corpus(_corpus(tmp_path), out, tables=["articles"])
    assert len(read_table(out, "articles")) == 6


def test_a_dask_local_cluster_gives_the_same_tables_as_the_serial_run(tmp_path):
    pytest.importorskip("distributed")
    source = _corpus(tmp_path, n=5)
    extract_corpus(source, tmp_path / "serial", batch_size=2)
    extract_corpus(source, tmp_path / "dask", batch_size=2, dask="local")
    _same_tables(_tables(tmp_path / "dask"), _tables(tmp_path / "serial"))


def test_an_article_past_the_time_budget_is_listed_and_the_run_goes_on(tmp_path, monkeypatch):
    import time

    import analysis.pipeline as pipeline

    articles = pipeline._ROW_BUILDERS["articles"]

    def slow_on_day_3(annotation):
        if "day 3" in annotation.document.text:
            time.sleep(5)
        return articles(annotation)

    monkeypatch.setitem(pipeline._ROW_BUILDERS, "articles", slow_on_day_3)
    result = extract_corpus(_corpus(tmp_path), tmp_path / "out", tables=["articles"],
                            time_budget=0.5)
    assert result.n_articles == 5
    errors = read_table(tmp_path / "out", "errors")
    assert errors[["article_id", "error"]].values.tolist() == [["a3", "ArticleTimeout"]]
    assert "time budget of 0.5 s" in errors["message"].iloc[0]


def _interrupted(tmp_path, monkeypatch, source, out, **options):
    with monkeypatch.context() as patch:
        _interrupt_at(patch, 1, RuntimeError)
        with pytest.raises(RuntimeError):
            extract_corpus(source, out, batch_size=2, **options)


def test_resume_refuses_inputs_that_changed_since(tmp_path, monkeypatch):
    source, out = _corpus(tmp_path), tmp_path / "out"
    _interrupted(tmp_path, monkeypatch, source, out)
    (source / "another.jsonl").write_text('{"id": "z", "text": "NATO met."}\n',
                                          encoding="utf-8")
    with pytest.raises(AnalysisError, match="input_files differ"):
        extract_corpus(source, out, batch_size=2, resume=True)


def test_resume_refuses_other_actors_taxonomy_or_corrections(tmp_path, monkeypatch):
    from analysis.actors import Override
    from analysis.pipeline import Context

    source, out = _corpus(tmp_path), tmp_path / "out"
    _interrupted(tmp_path, monkeypatch, source, out)
    fix = Override("a0", "quotes", 0, "actor", "Jens Stoltenberg")
    with pytest.raises(AnalysisError, match="context"):
        extract_corpus(source, out, batch_size=2, resume=True,
                       context=Context(overrides=(fix,)))


def test_a_file_of_yours_in_a_table_folder_is_never_removed(tmp_path):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out, tables=["articles"])
    notes = out / "articles" / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    with pytest.raises(AnalysisError, match=r"notes\.txt was not written by this package"):
        extract_corpus(source, out, tables=["articles"])
    assert notes.read_text(encoding="utf-8") == "my notes"
    assert len(read_table(out, "articles")) == 6  # the earlier run is still complete
    notes.unlink()
    extract_corpus(source, out, tables=["articles"], resume=True)  # the staged run goes on
    assert len(read_table(out, "articles")) == 6


#: Staged tables moved into place before the interrupted swap stops.
SWAP_MOVES_BEFORE_STOP = 3


def _stop_swap_halfway(monkeypatch, source, out):
    """Run ``extract_corpus`` into ``out`` and stop it (Ctrl-C) in the middle of its swap."""
    real = os.replace
    moves = []

    def stop_halfway(src, dst):
        if ".staging" in str(src) and Path(src).is_dir():
            moves.append(src)
            if len(moves) == SWAP_MOVES_BEFORE_STOP + 1:
                raise KeyboardInterrupt
        return real(src, dst)

    with monkeypatch.context() as patch:
        patch.setattr(corpus_output.os, "replace", stop_halfway)
        with pytest.raises(KeyboardInterrupt):
            extract_corpus(source, out, batch_size=2)


def test_a_swap_that_was_stopped_halfway_is_finished_by_the_next_run(tmp_path, monkeypatch):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out, batch_size=2)
    _stop_swap_halfway(monkeypatch, source, out)
    assert not (out / MANIFEST).exists()  # halfway: no table looks complete
    extract_corpus(source, out, batch_size=2, resume=True)
    extract_corpus(source, tmp_path / "whole", batch_size=2)
    _same_tables(_tables(out), _tables(tmp_path / "whole"))


def test_a_dask_address_that_cannot_be_reached_is_one_clear_line(tmp_path, capsys):
    pytest.importorskip("distributed")
    from analysis.cli import main

    code = main(["extract", str(_corpus(tmp_path)), "--out", str(tmp_path / "out"),
                 "--dask", "notanaddress", "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "cannot reach a Dask scheduler" in err[0]


def test_tables_kept_from_a_run_over_other_inputs_are_flagged(tmp_path):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out)
    one = tmp_path / "one.jsonl"
    one.write_text('{"id": "x", "text": "NATO met."}\n', encoding="utf-8")
    with pytest.warns(UserWarning, match="kept from an earlier run over other inputs"):
        extract_corpus(one, out, tables=["quotes"])


def test_reading_a_folder_that_does_not_exist_says_so(tmp_path):
    with pytest.raises(AnalysisError, match="no such folder"):
        read_table(tmp_path / "nope", "quotes")


def test_an_empty_input_never_replaces_an_earlier_run(tmp_path):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out, tables=["articles"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(AnalysisError, match="hold no articles"):
        extract_corpus(empty, out, tables=["articles"])
    assert len(read_table(out, "articles")) == 6


def _files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def test_a_run_without_csv_leaves_no_csv_copies_of_the_tables_it_replaced(tmp_path, capsys):
    from analysis.cli import main

    source, out = _corpus(tmp_path), tmp_path / "out"
    argv = ["extract", str(source), "--out", str(out), "--workers", "1", "--quiet"]
    assert main([*argv, "--csv"]) == 0
    assert (out / "csv" / "quotes" / "part-00000.csv").is_file()
    (source / "more.jsonl").write_text('{"id": "b1", "text": "Korea joined."}\n',
                                       encoding="utf-8")
    assert main(argv) == 0
    assert not (out / "csv").exists()  # neither stale copies nor an empty csv/ folder
    assert len(read_table(out, "articles")) == 7
    assert [name for name in _files(out) if "csv" in name] == []


def test_a_table_kept_from_an_earlier_run_keeps_its_csv_copy(tmp_path):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out, tables=["articles", "quotes"], csv=True)
    extract_corpus(source, out, tables=["quotes"])  # articles kept, with its copy
    assert sorted(p.name for p in (out / "csv").iterdir()) == ["articles"]
    copy = pd.read_csv(out / "csv" / "articles" / "part-00000.csv")
    assert copy["article_id"].tolist() == read_table(out, "articles")["article_id"].tolist()


def test_a_file_of_yours_in_the_csv_folder_is_kept_when_the_copies_go(tmp_path):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out, tables=["articles"], csv=True)
    (out / "csv" / "notes.txt").write_text("my notes", encoding="utf-8")
    extract_corpus(source, out, tables=["articles"])
    assert sorted(p.name for p in (out / "csv").iterdir()) == ["notes.txt"]
    assert (out / "csv" / "notes.txt").read_text(encoding="utf-8") == "my notes"


def test_a_run_without_csv_stopped_while_swapping_keeps_no_stale_copy(tmp_path, monkeypatch):
    source, out = _corpus(tmp_path), tmp_path / "out"
    extract_corpus(source, out, batch_size=2, csv=True)
    _stop_swap_halfway(monkeypatch, source, out)
    assert not (out / MANIFEST).exists()  # halfway: no table looks complete
    extract_corpus(source, out, batch_size=2, resume=True)
    assert not (out / "csv").exists()
    extract_corpus(source, tmp_path / "whole", batch_size=2)
    _same_tables(_tables(out), _tables(tmp_path / "whole"))
