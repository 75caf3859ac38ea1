"""Defects found running the figures on a researcher's own small corpus.

* A speaker quoted in two articles was drawn as two bars, and the "others" and
  "unattributed" groups once per article, in quotes-per-speaker and quote-addressees.
* The "others" legend of those two figures sat on top of the figure's title.
* corpus-quotes-by-outlet named an unattributed mention ("Critics") as a speaker when it
  was the only one of its outlet, and said "1 articles".
* sectors-seed-vs-itpp cut an article's wording mid-word ("counter-terroris" / "m").
* Two notebooks writing the same figure into one folder at once failed on a shared
  temporary file name.

All texts are invented for these tests; none is news.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from analysis.figures import FigureInputs, save_figure, style_context
from analysis.figures.corpus import plot_quotes_by_outlet
from analysis.figures.layout import add_caption
from analysis.figures.quotes import quote_addressees, quotes_per_speaker
from analysis.figures.speaker_colours import OTHERS_SHOWN, UNATTRIBUTED_SHOWN
from analysis.text.articles import Article

#: Seven named speakers in the first article, so the palette's six run out.
_FIRST = " ".join(
    f'"We will work together on item {i}," {name} told reporters.'
    for i, name in enumerate(["Jens Stoltenberg", "Yoon Suk Yeol", "Antony Blinken",
                              "Fumio Kishida", "Anthony Albanese", "Joe Biden",
                              "Emmanuel Macron"])
)
_SECOND = ('"The partnership is strong," Jens Stoltenberg told reporters. '
           '"It will grow," Jens Stoltenberg said. "We agree," Emmanuel Macron said.')


def _article(article_id: str, text: str, outlet: str | None = "Invented Wire") -> Article:
    return Article(article_id=article_id, text=text, outlet=outlet,
                   published=dt.date(2030, 1, 2))


@pytest.fixture(scope="module")
def two_articles() -> FigureInputs:
    return FigureInputs.from_documents([_article("one", _FIRST), _article("two", _SECOND)])


def test_a_speaker_of_two_articles_is_one_bar_with_the_sum(two_articles):
    with style_context():
        _, data = quotes_per_speaker(two_articles)
    assert data["label"].is_unique, data["label"].tolist()
    stoltenberg = data[data["label"] == "Jens Stoltenberg"]
    assert stoltenberg["n_quotes"].tolist() == [3]
    assert data["label"].iloc[0] == "Jens Stoltenberg"  # most quoted first
    assert (data["label"] == OTHERS_SHOWN).sum() <= 1
    quotes = two_articles.all_articles_table("quotes")
    speech = quotes["kind"].isin(["direct", "partial", "indirect"])
    assert int(data["n_quotes"].sum()) == int(speech.sum())


def test_a_speaker_addressee_pair_of_two_articles_is_one_bar(two_articles):
    with style_context():
        _, data = quote_addressees(two_articles)
    assert not data.duplicated(["speaker", "addressee"]).any(), data.to_string()
    row = data[(data["speaker"] == "Jens Stoltenberg") & (data["addressee"] != "(no addressee named)")]
    assert row["n"].tolist() == [2]


@pytest.mark.parametrize("builder", [quotes_per_speaker, quote_addressees])
def test_the_others_legend_stays_clear_of_the_title(two_articles, builder):
    with style_context():
        figure, _ = builder(two_articles)
        add_caption(figure, "Who is quoted, and how much, in a title of some length", "A caption.")
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        legends = [*figure.legends, *(a.get_legend() for a in figure.axes if a.get_legend())]
        assert legends, "no legend for the others group"
        title = figure._suptitle.get_window_extent(renderer)
        for legend in legends:
            assert not legend.get_window_extent(renderer).overlaps(title)


def test_an_unattributed_mention_alone_in_its_outlet_is_not_named():
    quotes = pd.DataFrame({
        "article_id": ["a", "a"], "kind": ["indirect", "direct"], "start": [0, 40],
        "end": [30, 60], "speaker": ["Critics", "Jens Stoltenberg"],
        "actor": [pd.NA, "Jens Stoltenberg"], "role": [pd.NA, pd.NA],
        "affiliation": [pd.NA, pd.NA], "n_words": [5, 4], "text": ["x", "y"],
    })
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["Invented Wire"],
                             "published": [dt.date(2030, 1, 2)]})
    with style_context():
        figure, data = plot_quotes_by_outlet(quotes, articles)
    assert "Critics" not in set(data["label"])
    assert UNATTRIBUTED_SHOWN in set(data["label"])
    titles = [axes.get_title(loc="left") for axes in figure.axes]
    assert any("in 1 article" in " ".join(t.split()) and "1 articles" not in t for t in titles)


def test_a_hyphenated_wording_breaks_at_its_hyphen():
    inputs = FigureInputs.from_documents([_article(
        "pact", "The pact covers four areas: maritime security, disaster relief, cyber "
                "defence and counter-terrorism.")])
    from analysis.figures.sectors import FIGURES
    spec = next(s for s in FIGURES if s.name == "sectors-seed-vs-itpp")
    with style_context():
        figure, _ = spec.builder(inputs)
    texts = [t.get_text() for axes in figure.axes for t in axes.texts]
    assert "“counter-\nterrorism”" in texts, texts


def test_two_writers_of_one_figure_at_once_both_finish(tmp_path):
    from analysis.figures import _written_as

    target = tmp_path / "demo.csv"
    with _written_as(target) as first:
        first.write_text("first\n")
        with _written_as(target) as second:  # another notebook, same figure, same folder
            second.write_text("second\n")
        assert first != second
    assert target.read_text() == "first\n"
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_failed_write_leaves_no_temporary_file(tmp_path):
    from analysis.figures.structure import FIGURES

    with style_context():
        drawn, _ = FIGURES[0].builder(FigureInputs.from_documents(["NATO met."]))
    with pytest.raises(AttributeError):
        save_figure(drawn, object(), tmp_path, "broken")  # not a DataFrame: the CSV fails
    assert not list(tmp_path.glob(".*.tmp"))
