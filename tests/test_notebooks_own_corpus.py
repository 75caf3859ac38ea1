"""Defects found reading the notebooks run on a researcher's own corpus.

* 00 and 01 said an article about another agreement "leaves out 9 of the 11 areas" of
  Korea's ITPP, as if it had been about the ITPP: now the sentence says when the article
  does not name it, and compares for reference only (:func:`analysis.notebook.coverage_markdown`;
  an ITPP of another partner: tests/test_notebook_coverage.py).
* 04 told every corpus about "the two Korean articles" of the default corpus.
* 03's sections started at 2.

Invented texts only; none is news.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from analysis.notebook import Coverage, compared_programme, coverage_markdown, names_programme
from analysis.text.document import as_document

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
_COUNTS = Coverage(named=("Cyber defence", "Counter-terrorism cooperation"),
                   missing=("Public diplomacy",))


def test_the_seed_names_the_itpp(seed_document):
    assert names_programme(seed_document)
    comparison = compared_programme(seed_document)
    assert comparison.about and comparison.programme == "kor-itpp-2023"
    said = str(coverage_markdown(comparison, _COUNTS, missing=True))
    assert "leaves out **1**" in said and "reference only" not in said


@pytest.mark.parametrize("text", [
    "Japan and the Philippines signed a reciprocal access agreement on cyber defence.",
    "NATO's individual partnership and cooperation programme was revised.",  # the IPCP
    "The ITPPX database and an ITP pact.",  # the acronym only as a whole word
])
def test_an_article_about_something_else_is_compared_for_reference_only(text):
    document = as_document(text)
    assert not names_programme(document)
    comparison = compared_programme(document)
    assert not comparison.about
    for missing in (False, True):
        said = str(coverage_markdown(comparison, _COUNTS, missing=missing))
        assert "does not name the Republic of Korea's 2023 ITPP" in said
        assert "for reference only" in said and "leaves out" not in said


def test_an_itpp_is_korea_s_only_when_the_text_says_whose():
    assert names_programme(as_document("Seoul and NATO signed the ITPP."))
    # the US spelling is read, but no partner is named: it is nobody's ITPP in particular
    unnamed = as_document("The Individually Tailored Partnership Program begins.")
    assert not names_programme(unnamed)
    comparison = compared_programme(unnamed)
    assert comparison.unknown_partner and not comparison.about
    said = str(coverage_markdown(comparison, _COUNTS))
    assert "names an ITPP without saying whose; for reference only" in said


def test_an_article_id_reaches_the_sentence_escaped():
    document = as_document("<b>x</b> and the ITPP")
    said = str(coverage_markdown(compared_programme(document), _COUNTS))
    assert "<b>" not in said


def _markdown_cells(path: Path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_numbered_sections_start_at_one_and_follow_on(path):
    numbers = [int(m.group(1)) for source in _markdown_cells(path)
               for m in re.finditer(r"^## (\d+)\.", source, flags=re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1)), numbers


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_unconditional_prose_tells_every_corpus_about_the_default_ones(path):
    # prose about the seed or the illustrative corpus goes through seed_markdown or
    # markdown_if (a code cell), never a markdown cell every run shows as written
    for source in _markdown_cells(path):
        assert "The two Korean articles" not in source
        assert "In the seed," not in source


def test_the_seeds_contradiction_is_said_in_words(seed_document):
    from analysis.actors.claims import claims_frame
    from analysis.notebook import claims_markdown

    said = str(claims_markdown(claims_frame([seed_document])))
    assert "**Dan Sullivan**'s state as **Arkansas**; the registry: **Alaska**" in said
    assert said.count("\n- ") == 1  # only the contradiction is listed


def test_a_count_with_no_list_is_not_said_to_name_zero_areas():
    import pandas as pd

    from analysis.notebook import stated_vs_listed_markdown

    rows = pd.DataFrame({"article_id": ["a"], "programme": ["IPCP"], "acronym": ["IPCP"],
                         "year": [2012], "stated_count": [7], "n_listed": [0], "start": [9]})
    said = str(stated_vs_listed_markdown(rows))
    assert "none is listed" in said and "**0** are named" not in said
