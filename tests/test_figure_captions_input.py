"""Captions describe the input actually read: the project's illustrative corpus, or the user's.

A new-user trial ran ``python -m analysis figures --raw DIR --out DIR`` on a folder of
their own articles and got captions calling them "the hand-written illustrative corpus
(not real news)". That wording is true only of the project's data/raw/illustrative, now
recognised by its text (:func:`analysis.figures.inputs.is_project_illustrative`); any
other folder is named by its own name (never an absolute path, so the figures are the
same bytes on every machine) with its article count. The articles written here are
invented; none is news.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.figures import ILLUSTRATIVE_NAME, FigureInputs, registered_figures
from analysis.figures.inputs import ILLUSTRATIVE_SHA256, corpus_digest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
CORPUS_FIGURE = "corpus-sectors-by-year"
_ARTICLE = """title: Invented harbour item {n}
outlet: Placeholder Wire (fictional)
published: 2031-0{n}-01
language: en

In this invented item, NATO and a fictional partner discussed cyber defence.
"""


def _user_folder(parent: Path, name: str = "my-wire-2031") -> Path:
    """A researcher's raw-data folder: two articles and a corpus of three of their own."""
    folder = parent / name
    for sub, count in (("articles", 2), ("illustrative", 3)):
        (folder / sub).mkdir(parents=True)
        for n in range(1, count + 1):
            (folder / sub / f"item-{n}.txt").write_text(_ARTICLE.format(n=n), encoding="utf-8")
    return folder


def _caption(inputs: FigureInputs, name: str = CORPUS_FIGURE) -> str:
    spec = next(s for s in registered_figures() if s.name == name)
    return spec.caption_for(inputs)


def test_the_digest_is_the_committed_illustrative_folders():
    assert corpus_digest(FigureInputs(RAW).illustrative) == ILLUSTRATIVE_SHA256


def test_the_projects_own_corpus_keeps_its_label_wherever_it_is_read_from(tmp_path):
    assert f"Corpus: {ILLUSTRATIVE_NAME}, 8 articles" in _caption(FigureInputs(RAW))
    copy = tmp_path / "copied-raw"
    shutil.copytree(RAW, copy)
    assert f"Corpus: {ILLUSTRATIVE_NAME}, 8 articles" in _caption(FigureInputs(copy))


def test_a_users_folder_is_named_by_its_name_and_count_never_as_illustrative(tmp_path):
    caption = _caption(FigureInputs(_user_folder(tmp_path)))
    assert "Corpus: the folder my-wire-2031/illustrative, 3 articles from Placeholder Wire " \
           "(fictional), 1 January 2031 to 1 March 2031." in caption
    assert "not real news" not in caption and "hand-written" not in caption
    assert str(tmp_path) not in caption


def test_an_edited_copy_of_the_illustrative_corpus_is_no_longer_called_it(tmp_path):
    copy = tmp_path / "edited"
    shutil.copytree(RAW, copy)
    first = sorted((copy / "illustrative").iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nA line the researcher added.\n",
                     encoding="utf-8")
    caption = _caption(FigureInputs(copy))
    assert ILLUSTRATIVE_NAME not in caption
    assert "Corpus: the folder edited/illustrative, 8 articles" in caption


def test_a_folder_without_its_own_corpus_names_its_articles(tmp_path):
    folder = _user_folder(tmp_path)
    shutil.rmtree(folder / "illustrative")
    caption = _caption(FigureInputs(folder))
    assert "Corpus: the folder my-wire-2031/articles, 2 articles" in caption


def test_a_corpus_name_wins_and_given_articles_are_described_by_count():
    named = FigureInputs.from_documents(["A."], illustrative=["Cyber defence."],
                                        corpus_name="My wire")
    assert "Corpus: My wire, 1 article." in _caption(named)
    unnamed = FigureInputs.from_documents(["A."], illustrative=["Cyber defence."])
    assert "Corpus: 1 article." in _caption(unnamed)


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    """The command line on one user folder, twice, from folders of different names."""
    work = tmp_path_factory.mktemp("captions")
    outs = []
    for place in ("first-machine", "second-machine"):
        folder = _user_folder(work / place)
        out = work / place / "out"
        assert main(["figures", "--raw", str(folder), "--out", str(out),
                     "--only", CORPUS_FIGURE]) == 0
        outs.append(out)
    return outs


def test_the_command_line_captions_a_users_folder_neutrally(tmp_path):
    out = tmp_path / "all"
    assert main(["figures", "--raw", str(_user_folder(tmp_path)), "--out", str(out)]) == 0
    readme = (out / "README.md").read_text(encoding="utf-8")
    for name in (CORPUS_FIGURE, "corpus-quotes-by-outlet"):
        section = readme.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]
        assert "Corpus: the folder my-wire-2031/illustrative, 3 articles" in section, name
    assert "not real news" not in readme and "hand-written" not in readme


def test_the_users_figures_are_the_same_bytes_wherever_the_folder_is(cli_runs):
    first, second = cli_runs
    for suffix in (".png", ".svg", ".csv"):
        one = (first / f"{CORPUS_FIGURE}{suffix}").read_bytes()
        assert one and one == (second / f"{CORPUS_FIGURE}{suffix}").read_bytes(), suffix
