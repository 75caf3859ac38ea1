"""One article's figures and page give its own speakers colours whenever they fit.

A new-user trial's quote-positions and ``show --html`` page drew an article's 3-4 named
speakers as "other speakers" ("more than the palette holds"), because the colours were
handed out over the whole corpus. The articles below are invented: ``big`` has 8 named
speakers (3 quotes each: the palette's 6 colours go to the first six), ``small`` has 3,
one of them (Ann Lane) also in ``big``; gold by hand from the palette order.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.figures import FigureInputs, registered_figures, render
from analysis.figures.evidence import evidence_page
from analysis.figures.palette import BLUE, BLUISH_GREEN, OTHERS, UNATTRIBUTED, VERMILLION
from analysis.figures.speaker_colours import article_colours, colours_for
from analysis.text.articles import Article

BIG_SPEAKERS = ["Ann Lane", "Bo Kim", "Cy Moss", "Di Park", "Ed Ruiz", "Flo Chen",
                "Gus Holt", "Hal Ito"]
BIG = Article("big", "\n\n".join(
    f"\u201cPoint {i} is good for our partners,\u201d {name} said."
    for name in BIG_SPEAKERS for i in range(3)), outlet="Wire")
SMALL = Article("small", "\n\n".join([
    "\u201cWe welcome the talks,\u201d Ann Lane said.",
    "\u201cThe deal is fair,\u201d Ivy Moon said.",
    "\u201cWe will see,\u201d Jon Park said.",
    "\u201cIt went well,\u201d the pair said.",
]), outlet="Herald")


@pytest.fixture(scope="module")
def inputs() -> FigureInputs:
    return FigureInputs.from_documents([BIG, SMALL], primary="small")


def test_the_set_lumps_the_small_articles_speakers_as_others(inputs):
    colours = colours_for(inputs)
    assert colours.colour("Ann Lane") == BLUE
    assert [colours.group(s) for s in ("Ivy Moon", "Jon Park", "Gus Holt")] == ["others"] * 3


def test_one_article_keeps_set_colours_and_takes_the_free_ones_in_palette_order(inputs):
    colours = article_colours(inputs)
    assert dict(colours.colours) == {"Ann Lane": BLUE, "Ivy Moon": VERMILLION,
                                     "Jon Park": BLUISH_GREEN,
                                     "the pair (unresolved)": UNATTRIBUTED}
    assert all(colours.group(s) == s for s in ("Ann Lane", "Ivy Moon", "Jon Park"))


def test_quote_positions_shows_the_articles_speakers_in_colours(inputs):
    spec = next(s for s in registered_figures() if s.name == "quote-positions")
    _, data = render(spec, inputs)
    drawn = dict(zip(data["label"], data["colour"], strict=True))
    assert drawn == {"Ann Lane": BLUE, "Ivy Moon": VERMILLION, "Jon Park": BLUISH_GREEN,
                     "unattributed": UNATTRIBUTED}
    assert OTHERS not in drawn.values()
    # a speaker keeps the colour it has in the set's figures
    per_speaker = next(s for s in registered_figures() if s.name == "quotes-per-speaker")
    _, counts = render(per_speaker, inputs)
    assert dict(zip(counts["label"], counts["colour"], strict=True))["Ann Lane"] == BLUE


def _legend(page: str, article_id: str) -> str:
    section = page.split(f'data-article-id="{article_id}"', 1)[1].split("</section>", 1)[0]
    return section.split('aria-label="speakers">', 1)[1].split("</ul>", 1)[0]


def test_each_article_of_the_evidence_page_shows_its_speakers_in_colours():
    page = evidence_page([BIG, SMALL]).html
    small = _legend(page, "small")
    assert "more than the palette holds" not in small
    swatches = dict(re.findall(r'background-color: (#[0-9A-F]{6})" aria-hidden="true"></span>'
                               r"([^:<]+):", small))
    assert swatches == {BLUE: "Ann Lane", VERMILLION: "Ivy Moon", BLUISH_GREEN: "Jon Park",
                        UNATTRIBUTED: "the pair (unresolved)"}
    big = _legend(page, "big")  # eight speakers: two past the palette, said so
    assert big.count("more than the palette holds") == 2


def test_show_html_gives_a_small_articles_speakers_colours(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in (BIG, SMALL):
        (folder / f"{article.article_id}.txt").write_text(article.text, encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["show", str(folder), "--html", "--out", str(out)]) == 0
    small = _legend(out.read_text(encoding="utf-8"), "small.txt")
    assert "more than the palette holds" not in small and "Ivy Moon" in small
