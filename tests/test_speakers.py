"""Speakers, addressees and positions over hand-made quote tables; the ``quotes``
command; the quote figures (the HTML view: tests/test_html.py)."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from analysis import as_document
from analysis.errors import AnalysisError
from analysis.quotes.speakers import (
    addressees_frame,
    positions_frame,
    speakers_frame,
)
from analysis.schemas import columns

# A short article written for these tests. Paragraphs: one per line.
TEXT = (
    "NATO and Korea agreed on a new programme.\n"
    "“Korea is a valued partner,” Stoltenberg told Yoon. “We stand together.”\n"
    "Yoon said cooperation would grow, calling the plan “a milestone.”\n"
    "He added that talks would go on, the official told reporters.\n"
    "The band played “American Pie” & more <live>."
)
DOC = as_document(TEXT, article_id="demo")


def _span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def _quote(kind, fragment, speaker=None, actor=None, n_words=None, **extra):
    start, end = _span(fragment)
    row = {"article_id": "demo", "kind": kind, "start": start, "end": end, "text": fragment,
           "speaker": speaker, "actor": actor, "n_words": n_words}
    row["paragraph"] = DOC.sentence_at(start).paragraph
    if speaker is not None:  # the speaker is the first such mention in the quote's paragraph
        speaker_start = TEXT.index(speaker, DOC.paragraphs[row["paragraph"]].start)
        row.update(speaker_start=speaker_start, speaker_end=speaker_start + len(speaker))
    row.update(extra)
    return row


def quotes_table() -> pd.DataFrame:
    """Hand-annotated quotes of TEXT (what the extractor should find)."""
    rows = [
        _quote("direct", "“Korea is a valued partner,”", "Stoltenberg", "Jens Stoltenberg", 5,
               cue="told", role="Secretary General", affiliation="NATO",
               addressee="Yoon", addressee_actor="Yoon Suk Yeol"),
        _quote("direct", "“We stand together.”", "Stoltenberg", "Jens Stoltenberg", 3,
               cue="told", role="Secretary General", affiliation="NATO",
               addressee="Yoon", addressee_actor="Yoon Suk Yeol"),
        _quote("indirect", "cooperation would grow", "Yoon", "Yoon Suk Yeol", 3, cue="said",
               role="President", affiliation="South Korea"),
        _quote("partial", "“a milestone.”", "Yoon", "Yoon Suk Yeol", 2, cue="calling",
               role="President", affiliation="South Korea"),
        _quote("indirect", "talks would go on", "the official", None, 4, cue="told",
               addressee="reporters"),
        _quote("title", "“American Pie”", None, None, 2),
    ]
    frame = pd.DataFrame(rows)
    frame.insert(1, "quote", range(len(frame)))
    return frame


# --- speakers_frame ------------------------------------------------------------------


def test_speakers_frame_counts_speech_per_actor_in_order():
    speakers = speakers_frame(quotes_table())
    assert speakers.columns.tolist() == columns("speakers")
    assert speakers["actor"].tolist()[:2] == ["Jens Stoltenberg", "Yoon Suk Yeol"]
    assert pd.isna(speakers["actor"].iloc[2])  # the unresolved speaker comes last
    assert speakers["speaker"].tolist() == ["Stoltenberg", "Yoon", "the official"]
    assert speakers["n_quotes"].tolist() == [2, 2, 1]
    assert speakers["n_direct"].tolist() == [2, 0, 0]
    assert speakers["n_partial"].tolist() == [0, 1, 0]
    assert speakers["n_indirect"].tolist() == [0, 1, 1]
    assert speakers["n_words"].tolist() == [8, 5, 4]
    assert speakers["role"].tolist()[:2] == ["Secretary General", "President"]
    assert speakers["affiliation"].tolist()[:2] == ["NATO", "South Korea"]
    assert speakers["first_start"].tolist() == [
        _span("“Korea is")[0], _span("cooperation would")[0], _span("talks would")[0]]
    assert speakers["last_start"].tolist() == [
        _span("“We stand")[0], _span("“a milestone")[0], _span("talks would")[0]]
    assert speakers["first_paragraph"].tolist() == [1, 2, 3]
    assert speakers["last_paragraph"].tolist() == [1, 2, 3]


def test_speakers_frame_ignores_title_and_scare_and_sums_to_speech_quotes():
    quotes = quotes_table()
    speakers = speakers_frame(quotes)
    assert speakers["n_quotes"].sum() == (quotes["kind"] != "title").sum() == 5
    only_marks = quotes.assign(kind=["title", "scare", "title", "scare", "title", "scare"])
    empty = speakers_frame(only_marks)
    assert empty.empty and empty.columns.tolist() == columns("speakers")


def test_speakers_frame_ranks_by_quotes_then_words_and_merges_mentions():
    quotes = quotes_table()
    quotes.loc[1, "speaker"] = "He"  # same actor under another mention
    quotes.loc[3, "n_words"] = 20  # Yoon now has more words, same number of quotes
    speakers = speakers_frame(quotes)
    assert speakers["actor"].tolist()[:2] == ["Yoon Suk Yeol", "Jens Stoltenberg"]
    assert speakers["speaker"].iloc[1] == "Stoltenberg; He"


def test_speakers_frame_counts_words_from_text_when_n_words_missing():
    quotes = quotes_table().drop(columns=["n_words"])
    speakers = speakers_frame(quotes)
    # “Korea is a valued partner,” = 5 words, “We stand together.” = 3
    assert speakers["n_words"].iloc[0] == 8


def test_speakers_frame_keeps_articles_apart_in_input_order():
    first = quotes_table()
    second = quotes_table().iloc[[2]].assign(article_id="b-article")
    both = pd.concat([second, first], ignore_index=True)
    speakers = speakers_frame(both)
    assert speakers["article_id"].tolist() == ["b-article", "demo", "demo", "demo"]
    assert speakers["n_quotes"].tolist() == [1, 2, 2, 1]


def test_speakers_frame_names_missing_columns():
    with pytest.raises(AnalysisError, match=r"lacks column.*kind"):
        speakers_frame(pd.DataFrame({"article_id": ["a"], "start": [0], "end": [1]}))


# --- addressees_frame ----------------------------------------------------------------


def test_addressees_frame_pairs_speakers_with_addressees():
    pairs = addressees_frame(quotes_table())
    assert pairs.columns.tolist() == columns("addressees")
    assert pairs["actor"].tolist() == ["Jens Stoltenberg", pd.NA]
    assert pairs["addressee_actor"].tolist() == ["Yoon Suk Yeol", pd.NA]
    assert pairs["n"].tolist() == [2, 1]
    assert pairs["n_words"].tolist() == [8, 4]
    assert pairs["speaker"].tolist() == ["Stoltenberg", "the official"]
    assert pairs["addressee"].tolist() == ["Yoon", "reporters"]


def test_addressees_frame_is_empty_without_addressees():
    quotes = quotes_table().assign(addressee=None, addressee_actor=None)
    pairs = addressees_frame(quotes)
    assert pairs.empty and pairs.columns.tolist() == columns("addressees")


# --- positions_frame -----------------------------------------------------------------


def test_positions_frame_places_each_speech_quote():
    positions = positions_frame(quotes_table(), DOC)
    assert positions.columns.tolist() == columns("quote_positions")
    assert positions["kind"].tolist() == ["direct", "direct", "indirect", "partial", "indirect"]
    starts = [_span(f)[0] for f in ("“Korea", "“We", "cooperation", "“a mile", "talks")]
    assert positions["start"].tolist() == starts
    assert positions["position"].tolist() == pytest.approx([s / len(TEXT) for s in starts])
    assert positions["paragraph"].tolist() == [1, 1, 2, 2, 3]
    assert positions["sentence"].tolist() == [1, 2, 3, 3, 4]
    assert set(positions["n_paragraphs"]) == {5}
    assert positions["quote"].tolist() == [0, 1, 2, 3, 4]


def test_positions_frame_needs_the_quotes_article():
    with pytest.raises(AnalysisError, match="no document for article_id 'demo'"):
        positions_frame(quotes_table(), as_document("Another text.", article_id="other"))
    short = as_document(TEXT[:30], article_id="demo")
    with pytest.raises(AnalysisError, match="outside article 'demo'"):
        positions_frame(quotes_table(), short)


# --- figures on hand-made tables -----------------------------------------------------


def _bars(axes):
    """Return (y, width, colour) of the horizontal bars, top first."""
    bars = [p for p in axes.patches if p.get_width() > 0]
    bars.sort(key=lambda p: -p.get_y())
    return [(p.get_y() + p.get_height() / 2, p.get_width(), p.get_facecolor()) for p in bars]


def _tick_labels_of_bars(axes):
    """Return the y tick label next to each bar, top bar first."""
    labels = {tick: label.get_text()
              for tick, label in zip(axes.get_yticks(), axes.get_yticklabels(), strict=True)}
    return [labels[y] for y, _, _ in _bars(axes)]


def test_speakers_figure_draws_its_data():
    from matplotlib.colors import to_rgba

    from analysis.figures import style_context
    from analysis.figures.quotes import plot_speakers

    with style_context():
        figure, data = plot_speakers(speakers_frame(quotes_table()))
    quotes_axes, words_axes = figure.axes[:2]
    assert data["label"].tolist() == ["Jens Stoltenberg", "Yoon Suk Yeol", "unattributed"]
    assert [w for _, w, _ in _bars(quotes_axes)] == data["n_quotes"].tolist() == [2, 2, 1]
    assert [w for _, w, _ in _bars(words_axes)] == data["n_words"].tolist() == [8, 5, 4]
    assert [c for _, _, c in _bars(quotes_axes)] == [to_rgba(c) for c in data["colour"]]
    assert data["affiliation"].tolist() == ["NATO", "South Korea", "1 speaker"]
    assert _tick_labels_of_bars(quotes_axes) == [
        "Jens Stoltenberg\nNATO", "Yoon Suk Yeol\nSouth Korea", "unattributed\n1 speaker"]


def test_positions_figure_draws_its_data():
    from analysis.figures import style_context
    from analysis.figures.quotes import plot_positions

    with style_context():
        figure, data = plot_positions(positions_frame(quotes_table(), DOC), DOC)
    axes = figure.axes[0]
    markers = [line for line in axes.lines if line.get_marker() not in (None, "None", "")]
    drawn = [(line.get_xdata()[0], line.get_ydata()[0], line.get_marker()) for line in markers]
    expected = list(zip(data["position"], data["row"],
                        data["kind"].map({"direct": "o", "partial": "D", "indirect": "^"}),
                        strict=True))
    assert drawn == expected
    assert data["row"].tolist() == [0, 0, 1, 1, 2]
    assert data["paragraph"].tolist() == [2, 2, 3, 3, 4]  # paragraphs counted from 1


def test_addressees_figure_draws_its_data():
    from analysis.figures import style_context
    from analysis.figures.quotes import NO_ADDRESSEE, plot_addressees

    with style_context():
        figure, data = plot_addressees(quotes_table())
    assert data[["speaker", "addressee", "n"]].values.tolist() == [
        ["Jens Stoltenberg", "Yoon Suk Yeol", 2],
        ["Yoon Suk Yeol", NO_ADDRESSEE, 2],
        ["unattributed", "reporters (unresolved)", 1],
    ]
    axes = figure.axes[0]
    assert [w for _, w, _ in _bars(axes)] == data["n"].tolist()
    assert [" ".join(t.split()) for t in _tick_labels_of_bars(axes)] == [
        "Jens Stoltenberg → Yoon Suk Yeol",
        f"Yoon Suk Yeol → {NO_ADDRESSEE}",
        "unattributed → reporters (unresolved)",
    ]


def test_figures_say_so_when_there_is_no_speech():
    from analysis.figures import style_context
    from analysis.figures.quotes import plot_addressees, plot_speakers

    only_title = quotes_table().iloc[[5]]
    with style_context():
        figure, data = plot_speakers(speakers_frame(only_title))
        assert data.empty
        assert "no speech quotes found" in [t.get_text() for t in figure.axes[0].texts]
        figure, data = plot_addressees(only_title)
        assert data.empty


# --- the real extractor: CLI and figures on the seed ---------------------------------

@pytest.fixture(scope="module")
def seed_quotes(seed_document):
    from analysis.quotes.extract import quotes_frame

    return quotes_frame(seed_document)


def test_cli_prints_the_quote_table(seed_path, seed_quotes, capsys):
    from analysis.cli import main

    assert main(["quotes", str(seed_path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == f"# quotes ({len(seed_quotes)} rows)"
    assert re.split(r"\s+", lines[1].strip()) == [
        "quote", "kind", "speaker", "actor", "cue", "start", "end", "text"]
    assert "Jens Stoltenberg" in out
    assert "Korea is a very highly valued partner of NATO," in out


def test_cli_csv_is_the_full_quotes_table(seed_path, seed_quotes, capsys):
    from analysis.cli import main

    assert main(["quotes", str(seed_path), "--format", "csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert frame.columns.tolist() == columns("quotes")
    assert len(frame) == len(seed_quotes)


def test_cli_speakers_table(seed_path, seed_quotes, capsys):
    from analysis.cli import main

    assert main(["quotes", str(seed_path), "--speakers"]) == 0
    out = capsys.readouterr().out
    speakers = speakers_frame(seed_quotes)
    assert f"# speakers (speech quotes only) ({len(speakers)} rows)" in out
    assert main(["quotes", str(seed_path), "--speakers", "--format", "json"]) == 0
    records = pd.read_json(io.StringIO(capsys.readouterr().out), lines=True)
    assert records["actor"].iloc[0] == speakers["actor"].iloc[0]
    assert records["n_quotes"].sum() == speakers["n_quotes"].sum()


def test_cli_missing_file_is_a_usage_error(tmp_path, capsys):
    from analysis.cli import main

    assert main(["quotes", str(tmp_path / "nope.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "nope.txt" in captured.err


def test_cli_missing_overrides_is_a_usage_error(seed_path, tmp_path, capsys):
    from analysis.cli import main

    assert main(["quotes", str(seed_path), "--overrides", str(tmp_path / "fix.csv")]) == 2
    assert "fix.csv" in capsys.readouterr().err


def test_cli_skips_non_english_articles_with_a_note(tmp_path, capsys):
    from analysis.cli import main

    # Korean is read by its own rules (tests/test_korean_quotes.py); Japanese is skipped
    (tmp_path / "ja.txt").write_text("「協力を強化する」と首相は述べた。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("“We agree,” Stoltenberg said.\n", encoding="utf-8")
    assert main(["quotes", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "skipped 1 article(s) not in English (ja.txt: language 'ja'" in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert "ja.txt" not in captured.out
    assert "We agree" in captured.out


def test_seed_figures_match_the_tables(seed_path, seed_document, seed_quotes):
    from analysis.figures import FigureInputs, render
    from analysis.figures.quotes import FIGURES

    specs = {spec.name: spec for spec in FIGURES}
    inputs = FigureInputs(seed_path.parents[1])
    speakers = speakers_frame(seed_quotes)
    _, data = render(specs["quotes-per-speaker"], inputs)
    assert data["n_quotes"].tolist() == speakers["n_quotes"].tolist()
    _, data = render(specs["quote-positions"], inputs)
    assert len(data) == int(seed_quotes["kind"].isin(["direct", "partial", "indirect"]).sum())
    _, data = render(specs["quote-addressees"], inputs)
    assert data["n"].sum() == speakers["n_quotes"].sum()
    for spec in FIGURES:
        caption = spec.caption_for(inputs)
        assert "Korea JoongAng Daily" in caption and "11 July 2023" in caption
        assert "analysis.quotes.extract" in caption and "docs/evaluation.md" in caption


def test_positions_figure_puts_unresolved_speakers_last():
    from analysis.figures import style_context
    from analysis.figures.quotes import plot_positions

    quotes = quotes_table()
    quotes.loc[0, "actor"] = None  # the first quote's speaker is now unresolved
    with style_context():
        figure, data = plot_positions(positions_frame(quotes, DOC), DOC)
    rows = dict(zip(data["label"], data["row"], strict=False))
    # two unresolved speakers share the unresolved grey, so they are one row, last
    assert rows == {"Jens Stoltenberg": 0, "Yoon Suk Yeol": 1, "unattributed": 2}
    ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert ticks == ["Jens Stoltenberg", "Yoon Suk Yeol", "unattributed"]


def test_cli_resolves_speakers_with_a_user_actors_csv(tmp_path, capsys):
    from analysis.cli import main

    article = tmp_path / "roe.txt"
    article.write_text("“We will build more bridges,” Roe said.\n", encoding="utf-8")
    actors = tmp_path / "actors.csv"
    actors.write_text("name,kind,aliases,source\nJane Roe,person,Roe,test fixture\n",
                      encoding="utf-8")
    assert main(["quotes", str(article), "--format", "csv"]) == 0
    assert pd.read_csv(io.StringIO(capsys.readouterr().out))["actor"].tolist() != [
        "Jane Roe"]
    assert main(["quotes", str(article), "--format", "csv", "--actors-csv", str(actors)]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert frame["actor"].tolist() == ["Jane Roe"]


def test_cli_applies_overrides_to_quotes_and_speakers(tmp_path, capsys):
    from analysis.cli import main

    article = tmp_path / "roe.txt"
    article.write_text("“We will build more bridges,” Roe said.\n", encoding="utf-8")
    fixes = tmp_path / "fixes.csv"
    fixes.write_text("article_id,what,offset,field,value\nroe.txt,quote,0,actor,Ann Smith\n",
                     encoding="utf-8")
    assert main(["quotes", str(article), "--speakers", "--overrides", str(fixes)]) == 0
    out = capsys.readouterr().out
    quotes_part, speakers_part = out.split("# speakers")
    assert "Ann Smith" in quotes_part
    assert re.search(r"^\s*Ann Smith\s+Roe\s", speakers_part, re.MULTILINE)


def test_speech_kinds_agree_with_the_extractor():
    from analysis.quotes import extract as quotes
    from analysis.quotes import speakers

    assert speakers.SPEECH_KINDS == quotes.SPEECH_KINDS
    assert set(speakers.SPEECH_KINDS + speakers.NON_SPEECH_KINDS) == set(quotes.KINDS)
