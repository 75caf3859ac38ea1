"""A notebook's corpus run leaves no temporary folder behind, and keeps one it was given."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from analysis.corpus import extract_corpus
from analysis.notebook import tables_folder
tables = tables_folder(sys.argv[1] if len(sys.argv) > 1 else None)
extract_corpus(sys.argv[2] if len(sys.argv) > 2 else {corpus!r}, tables, tables=["articles"])
print(tables)
"""


def _run(corpus: Path, *args: str) -> Path:
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(corpus=str(corpus)), *args],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1])


def test_the_default_temporary_tables_are_removed_when_the_process_ends(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("NATO met in Vilnius.", encoding="utf-8")
    tables = _run(corpus)
    assert tables.name == "tables" and tables.parent.name.startswith("analysis-corpus-")
    assert not tables.parent.exists()  # tables written, then removed at exit


def test_a_tables_dir_the_user_gave_is_kept(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("NATO met in Vilnius.", encoding="utf-8")
    kept = tmp_path / "my-tables"
    tables = _run(corpus, str(kept), str(corpus))
    assert tables == kept
    assert (kept / "articles").is_dir() and (kept / "_manifest.json").is_file()
