"""A corpus run reports what the loaders cleaned, and survives strings no file can hold."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings

from analysis.corpus import extract_corpus, read_table


def _write_inputs(folder):
    folder.mkdir()
    (folder / "nul.txt").write_bytes(b"NATO met\x00 in Vilnius.\x00 Korea joined\x07 the talks.")
    # JSON escapes can carry lone surrogates, which no UTF-8 file can be written with.
    lines = [json.dumps({"id": "wire-\ud800", "text": "Yoon said \u201cwe agree\ud83d.\u201d"}),
             json.dumps({"id": "wire-2", "text": "Stoltenberg met Yoon."})]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_run_counts_control_characters_removed_on_read(tmp_path):
    _write_inputs(tmp_path / "in")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = extract_corpus(tmp_path / "in", tmp_path / "out", progress=False, workers=1)
    assert result.n_control_characters_removed == 3
    assert result.n_errors == 0
    articles = read_table(tmp_path / "out", "articles")
    assert sorted(articles["article_id"]) == ["nul.txt", "wire-2", "wire-\ufffd"]
    manifest = json.loads((tmp_path / "out" / "_manifest.json").read_text())
    assert manifest["n_control_characters_removed_on_read"] == 3


def test_lone_surrogates_become_replacement_characters_in_every_table(tmp_path):
    _write_inputs(tmp_path / "in")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract_corpus(tmp_path / "in", tmp_path / "out", progress=False, csv=True, workers=1)
    quotes = read_table(tmp_path / "out", "quotes")
    assert quotes["text"].str.contains("\ufffd").any()
    for path in (tmp_path / "out").rglob("*.csv"):
        path.read_text(encoding="utf-8")  # every CSV is valid UTF-8


def test_cli_summary_names_the_cleaning(tmp_path):
    _write_inputs(tmp_path / "in")
    done = subprocess.run([sys.executable, "-m", "analysis", "extract", str(tmp_path / "in"),
                           "--out", str(tmp_path / "out"), "--workers", "1"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "3 control character(s) (NUL and the like) removed" in done.stdout + done.stderr
