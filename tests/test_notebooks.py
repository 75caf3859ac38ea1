"""Every notebook runs top to bottom, on the seed and on a second corpus, from anywhere.

Each notebook is run with papermill (as a researcher would) in a subprocess, all runs at
once, from a working directory outside the repository:

* on the seed (the notebooks' defaults), parameters passed ``-p`` style;
* on ``tests/fixtures/notebook-corpus`` (five short invented articles, not news: one saved
  as cp1252, one in Korean; and one broken file), parameters passed ``-p`` style for some notebooks and as YAML (``-y``)
  for the others, with relative paths (read from the project root by the notebooks'
  rule), a user actors CSV and a chosen article; one run with its kernel in
  ``notebooks/`` as JupyterLab and nbconvert start it, one with the default ``out_dir``.

The runs must write their figures where asked (the default: ``outputs/<corpus>/``), list
the broken file (and the two articles read with a caveat, with no warning printed), show no seed-only prose for the second corpus, print no literal
``{...}`` placeholder, and leave every tracked file of the repository as it was.
"""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import os
import shutil
import subprocess
import uuid
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
FIXTURE_CORPUS = "tests/fixtures/notebook-corpus"  # relative: read from the project root
FIXTURE_ACTORS = "tests/fixtures/notebook-corpus-actors.csv"
#: Parameters every notebook's parameter cell defines.
COMMON_PARAMETERS = ("input_paths", "out_dir", "corpus_name", "article", "actors_csv",
                     "taxonomy_csv", "overrides_csv")
#: Figures each notebook writes to its out_dir.
WRITES = {
    "00-overview.ipynb": {"sectors-itpp-vs-ipcp", "sectors-asia-pacific", "sectors-seed-vs-itpp",
                          "quotes-per-speaker", "quote-addressees", "sentiment-arc"},
    "01-sectors.ipynb": {"sectors-itpp-vs-ipcp", "sectors-asia-pacific", "sectors-seed-vs-itpp",
                         "sectors-corpus-mentions"},
    "02-quotes.ipynb": {"quotes-per-speaker", "quote-positions", "quote-addressees"},
    "03-sentiment.ipynb": {"sentiment-arc", "sentiment-speakers", "sentiment-targets"},
    "04-corpus.ipynb": {"corpus-sectors-by-year", "corpus-quotes-by-outlet"},
}
#: The walkthrough's one cell that needs analysis.actors.claims (written alongside).
CLAIMS_TAG = "claims"
CLAIMS_AVAILABLE = importlib.util.find_spec("analysis.actors.claims") is not None
#: Concurrent papermill runs (most of a run is kernel start-up and imports).
PARALLEL_RUNS = 6
#: A kernel that dies at start-up (no cell run yet) is started again, this many times in all.
KERNEL_START_ATTEMPTS = 3
KERNEL_DIED = "Kernel died before replying to kernel_info"
#: A kernel that is slow to start is no failure: on 2 cores, with PARALLEL_RUNS kernels
#: starting at once on a new .venv (nothing compiled yet), 60 s (papermill's default) is
#: not always enough.
KERNEL_START_SECONDS = 300
KERNEL_SLOW = "Kernel didn't respond in"


def _parameters_index(notebook: nbformat.NotebookNode) -> int:
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return index
    raise AssertionError("no code cell tagged 'parameters'")


def test_overview_notebook_exists():
    assert NOTEBOOK_DIR / "00-overview.ipynb" in NOTEBOOKS
    assert {p.name for p in NOTEBOOKS} == set(WRITES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_stripped_and_parameterised(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: outputs committed"
            assert cell.execution_count is None, f"{path.name}: execution count committed"
    index = _parameters_index(notebook)
    first_code = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    assert index == first_code, "the parameters cell must be the first code cell"
    source = notebook.cells[index].source
    for name in COMMON_PARAMETERS:
        assert f"\n{name} = " in f"\n{source}", f"{path.name}: no parameter {name}"
    assert "project root" in source and "absolute path" in source, "the paths rule is not stated"
    assert "figures/" in source and "outputs/" in source


def test_notebooks_define_no_functions_and_compute_through_the_library():
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert "def " not in cell.source, f"{path.name} defines a function"
                assert ".groupby(" not in cell.source, f"{path.name} computes a table itself"
                assert "read_text(" not in cell.source, f"{path.name} reads a file itself"


def test_the_claims_cell_is_the_overviews_last_code_cell():
    notebook = nbformat.read(NOTEBOOK_DIR / "00-overview.ipynb", as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    tagged = [c for c in code if CLAIMS_TAG in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is code[-1]
    assert "from analysis.actors.claims import claims_frame" in tagged[0].source


# --- running the notebooks -------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One papermill run of a notebook."""

    notebook: str
    corpus: str  # "seed" or "second"
    args: tuple[str, ...]
    out_dir: Path
    cwd: Path


def _yaml(values: dict) -> str:
    return json.dumps(values)  # JSON is YAML


def _runs(work: Path, default_corpus_name: str) -> list[Run]:
    runs = []
    for path in NOTEBOOKS:
        name = path.name
        out = work / f"seed-{path.stem}"
        args: tuple[str, ...] = ("-p", "out_dir", str(out))
        if name == "04-corpus.ipynb":  # its tables in the test's folder, not a new temporary one
            args += ("-p", "tables_dir", str(work / "tables-seed"))
        runs.append(Run(name, "seed", args, out, work))
    second = {
        "01-sectors.ipynb": "p", "03-sentiment.ipynb": "p",
        "00-overview.ipynb": "y", "02-quotes.ipynb": "y", "04-corpus.ipynb": "y",
    }
    for path in NOTEBOOKS:
        name = path.name
        out = work / f"second-{path.stem}"
        cwd = work
        if second[name] == "p":  # -p passes strings: one path as a string, an int position
            args = ("-p", "input_paths", FIXTURE_CORPUS, "-p", "actors_csv", FIXTURE_ACTORS,
                    "-p", "article", "2", "-p", "out_dir", str(out),
                    "-p", "corpus_name", "Fictional test corpus")
        else:
            values = {"input_paths": [FIXTURE_CORPUS], "actors_csv": [FIXTURE_ACTORS],
                      "article": "wire-1", "corpus_name": "Fictional test corpus",
                      "out_dir": str(out)}
            if name == "00-overview.ipynb":  # the default out_dir: outputs/<corpus name>/
                values["corpus_name"] = default_corpus_name
                del values["out_dir"]
                out = ROOT / "outputs" / default_corpus_name
            if name == "02-quotes.ipynb":  # the kernel where JupyterLab and nbconvert start it
                cwd = NOTEBOOK_DIR
            if name == "04-corpus.ipynb":
                values["tables_dir"] = str(work / "tables-second")
            args = ("-y", _yaml(values))
        runs.append(Run(name, "second", args, out, cwd))
    return runs


def _git_status() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, check=True,
        capture_output=True, text=True,
    ).stdout


def _papermill(args: list[str], cwd: str) -> tuple[int, str]:
    """Run papermill's command line in this (forked) process; return (exit code, error)."""
    from papermill.cli import papermill

    os.chdir(cwd)
    for attempt in range(KERNEL_START_ATTEMPTS):
        try:
            papermill.main(args=args, standalone_mode=False)
        except Exception as error:  # the failing cell's traceback, reported by the test
            # Kernels started at the same moment may race for the same free port and one
            # dies before running a cell, or is slow to answer: that start, and only that, is
            # tried again.
            if (KERNEL_DIED in str(error) or KERNEL_SLOW in str(error)) \
                    and attempt + 1 < KERNEL_START_ATTEMPTS:
                continue
            return 1, f"{type(error).__name__}: {error}"
        return 0, ""
    return 1, "unreachable"


def _execute(pool: ProcessPoolExecutor, run: Run, work: Path) -> Future:
    executed = work / f"{run.corpus}-{run.notebook}"
    args = [str(NOTEBOOK_DIR / run.notebook), str(executed), "--cwd", str(run.cwd),
            "--kernel", "python3", "--no-progress-bar",
            "--start-timeout", str(KERNEL_START_SECONDS), *run.args]
    return pool.submit(_papermill, args, str(work)), executed


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Run every notebook on both corpora, several at once; return the results by key.

    The runs use papermill's own command line (``-p`` and ``-y`` parsed as a user's
    would be) in worker processes forked from a server that imported papermill once
    (a clean process: no thread of the test session is forked), so each run pays for
    its kernel and its cells, not for importing papermill again.
    """
    work = tmp_path_factory.mktemp("notebook-runs")
    default_name = f"notebook-test-{uuid.uuid4().hex[:8]}"
    before = _git_status()
    had_outputs = (ROOT / "outputs").exists()
    runs = _runs(work, default_name)
    saved = os.environ.get("PYTHONPATH")
    # the kernels import this checkout's package, whatever is installed
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), saved]))
    os.environ.setdefault("MPLBACKEND", "Agg")
    try:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["papermill.cli"])
        with ProcessPoolExecutor(max_workers=PARALLEL_RUNS, mp_context=context) as pool:
            submitted = [(run, *_execute(pool, run, work)) for run in runs]
            results = [(run, future.result(timeout=900), path) for run, future, path in submitted]
        after = _git_status()
        outputs = {(run.notebook, run.corpus): (run, completed, path, _files(run.out_dir))
                   for run, completed, path in results}
        yield {"runs": outputs, "status": (before, after)}
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved
        shutil.rmtree(ROOT / "outputs" / default_name, ignore_errors=True)
        if not had_outputs and (ROOT / "outputs").is_dir() and not any((ROOT / "outputs").iterdir()):
            (ROOT / "outputs").rmdir()  # leave the checkout as the run found it


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def _outputs_text(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append(output.text)
            for mime in ("text/plain", "text/markdown", "text/html"):
                if mime in output.get("data", {}):
                    texts.append(output.data[mime])
    return "\n".join(texts)


def _check_finished(run: Run, completed: tuple[int, str], executed: Path) -> None:
    returncode, message = completed
    if returncode == 0:
        return
    if run.notebook == "00-overview.ipynb" and not CLAIMS_AVAILABLE:
        # analysis.actors.claims is written in parallel: until it is merged, the claims
        # cell (the last code cell, checked above) may be the one failure.
        notebook = nbformat.read(executed, as_version=4)
        errors = [(c.metadata.get("tags", []), o) for c in notebook.cells
                  if c.cell_type == "code" for o in c.get("outputs", [])
                  if o.output_type == "error"]
        assert len(errors) == 1, message[-3000:]
        tags, error = errors[0]
        assert CLAIMS_TAG in tags and error.ename == "ModuleNotFoundError", message[-3000:]
        return
    raise AssertionError(f"{run.notebook} on the {run.corpus} corpus failed:\n{message[-4000:]}")


KEYS = [(p.name, corpus) for corpus in ("seed", "second") for p in NOTEBOOKS]


@pytest.mark.parametrize("key", KEYS, ids=lambda k: f"{k[0]}-{k[1]}")
def test_notebook_runs_and_writes_its_figures_where_asked(executed, key):
    run, completed, path, files = executed["runs"][key]
    _check_finished(run, completed, path)
    expected = {f"{name}{suffix}" for name in WRITES[run.notebook]
                for suffix in (".png", ".svg", ".csv")}
    assert expected <= files, f"missing in {run.out_dir}: {sorted(expected - files)}"
    text = _outputs_text(path)
    assert "{source}" not in text and "{corpus}" not in text and "{articles}" not in text
    if run.corpus == "second":
        assert "broken.json" in text, "the unreadable file is not listed"
        # read with a caveat (cp1252 bytes, Korean): said once, as rows, never as tracebacks
        assert "read with a caveat" in text and "zz-legacy-encoding.txt" in text
        for noise in ("UnicodeWarning:", "NotEnglishWarning:", "findfont"):
            assert noise not in text, f"{noise} printed beside the problems list"
        assert "The seed" not in text and "In the seed" not in text, "seed prose shown"
        if run.notebook in ("00-overview.ipynb", "01-sectors.ipynb"):
            # the second corpus is not about the ITPP: its areas are no omission of it
            assert "does not name the Republic of Korea's 2023 ITPP" in text
            assert "for reference only" in text and "leaves out" not in text
        if run.notebook != "04-corpus.ipynb":
            chosen = "wire-1" if "-y" in run.args else "wire-2"
            assert f"**{chosen}**" in text, "the chosen article is not the one shown"


def test_seed_prose_shows_for_the_seed(executed):
    run, completed, path, _ = executed["runs"][("00-overview.ipynb", "seed")]
    _check_finished(run, completed, path)
    text = _outputs_text(path)
    assert "The seed article reports" in text
    # what the article gets wrong, said in words: 11 areas stated, 5 listed; Sullivan's state
    assert "is said to cover **11** areas; **5** are named" in text
    assert "**Dan Sullivan**'s state as **Arkansas**; the registry: **Alaska**" in text


def test_runs_leave_the_repository_as_it_was(executed):
    before, after = executed["status"]
    assert after == before, "a notebook run changed or added files in the repository"
