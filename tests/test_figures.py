"""Figure machinery: style, deterministic files, registry, every figure builds.

Cost: every registered figure is built and drawn (Agg, at screen resolution) once on
the repository's data/raw, about 0.2 s each; writing PNG at 200 dpi and SVG with text
as paths costs about 0.8 s more per figure, so the full save is exercised on one demo
figure (determinism) and by tests/test_cli.py on article-structure, not on every one.
Builders must stay cheap: they read the seed article and the small illustrative
corpus, never a large corpus.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from analysis.figures import (
    FigureInputs,
    new_figure,
    registered_figures,
    render,
    save_figure,
    style_context,
)

ROOT = Path(__file__).resolve().parents[1]


def _demo(out_dir: Path) -> list[Path]:
    with style_context():
        figure, axes = new_figure()
        axes.bar(["Korea", "NATO"], [3, 5])
        axes.set_title("Demo")
        data = pd.DataFrame({"actor": ["Korea", "NATO"], "n": [3, 5]})
        return save_figure(figure, data, out_dir, "demo")


def test_save_figure_is_byte_for_byte_deterministic(tmp_path):
    first = _demo(tmp_path / "a")
    second = _demo(tmp_path / "b")
    assert [p.name for p in first] == ["demo.png", "demo.svg", "demo.csv"]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    png = first[0].read_bytes()
    assert png.startswith(b"\x89PNG") and b"tIME" not in png and b"Software" not in png
    assert first[2].read_text(encoding="utf-8") == "actor,n\nKorea,3\nNATO,5\n"
    assert not list((tmp_path / "a").glob(".*.tmp"))


def test_style_is_readable_and_deterministic():
    # the colour cycle is checked against analysis.figures.palette in tests/test_palette.py
    with style_context():
        assert matplotlib.rcParams["font.size"] >= 9
        assert matplotlib.rcParams["svg.hashsalt"]


def test_style_context_restores_the_caller_settings():
    with matplotlib.rc_context({"font.size": 7.0}):
        with style_context():
            assert matplotlib.rcParams["font.size"] >= 9
        assert matplotlib.rcParams["font.size"] == 7.0


def test_registry_names_unique_and_specs_complete():
    specs = registered_figures()
    names = [spec.name for spec in specs]
    assert names and len(names) == len(set(names))
    for spec in specs:
        assert spec.name == spec.name.lower() and " " not in spec.name
        assert spec.title.strip()
        assert "source" in spec.caption.lower() or "illustrative" in spec.caption.lower()
        assert callable(spec.builder)


@pytest.fixture(scope="module")
def inputs() -> FigureInputs:
    return FigureInputs(ROOT / "data" / "raw")


@pytest.mark.parametrize("spec", registered_figures(), ids=lambda spec: spec.name)
def test_every_figure_builds_draws_and_its_data_is_a_table(spec, inputs):
    figure, data = render(spec, inputs)
    assert isinstance(data, pd.DataFrame) and not data.empty
    assert figure.axes, "the figure has no axes"
    with style_context():
        FigureCanvasAgg(figure).draw()  # layout and text errors surface when drawing
    written = data.to_csv(index=False, lineterminator="\n")  # what save_figure writes
    reread = pd.read_csv(io.StringIO(written))
    assert list(reread.columns) == [str(c) for c in data.columns]
    assert len(reread) == len(data)
    assert figure.get_suptitle() == spec.title


def test_article_structure_data_matches_seed(inputs, seed_document):
    spec = next(s for s in registered_figures() if s.name == "article-structure")
    _figure, data = render(spec, inputs)
    assert len(data) == len(seed_document.sentences)
    assert data["start"].tolist() == [s.start for s in seed_document.sentences]


USER_ARTICLE = """\
outlet: Example Wire
author: A. Reporter
published: 2024-07-10

NATO Secretary General Jens Stoltenberg met Australian officials in Washington.
"Our partners in the Indo-Pacific matter to us," Stoltenberg said.
Canberra welcomed the talks on cyber defence and maritime security.
"""


def test_figures_drawn_for_a_users_article_cite_that_article(tmp_path):
    from analysis import load_article

    path = tmp_path / "wire.txt"
    path.write_text(USER_ARTICLE, encoding="utf-8")
    inputs = FigureInputs.from_documents([load_article(path)])
    spec = next(s for s in registered_figures() if s.name == "quotes-per-speaker")
    caption = spec.caption_for(inputs)
    assert "Example Wire (A. Reporter), 10 July 2024" in caption
    assert "JoongAng" not in caption and "{source}" not in caption
    _, data = render(spec, inputs)
    assert data["actor"].tolist() == ["Jens Stoltenberg"]


# --- figures read tables, once per FigureInputs ---------------------------------------


def test_inputs_build_each_table_once_for_every_figure(monkeypatch):
    built = []
    original = FigureInputs._build

    def counting(self, scope, name, documents):
        built.append((scope, name))
        return original(self, scope, name, documents)

    monkeypatch.setattr(FigureInputs, "_build", counting)
    inputs = FigureInputs(ROOT / "data" / "raw")
    for spec in registered_figures():
        render(spec, inputs)
    assert len(built) == len(set(built)), built  # no table built twice
    assert ("primary", "quotes") in built and ("illustrative", "sectors") in built


def test_inputs_table_is_a_copy_and_names_are_checked():
    from analysis.errors import AnalysisError

    inputs = FigureInputs.from_documents(["“We agree,” Stoltenberg said."])
    first = inputs.table("quotes")
    first.loc[0, "actor"] = "changed"
    assert inputs.table("quotes").loc[0, "actor"] == "Jens Stoltenberg"
    with pytest.raises(AnalysisError, match="unknown table 'quote'"):
        inputs.table("quote")


#: Functions that find things in text: no figure module may import them.
EXTRACTORS = {
    "extract_quotes", "quotes_frame", "find_sectors", "find_sector_mentions",
    "sector_mentions_frame", "programme_statements_frame", "parse_programme_statements",
    "score_sentences", "score_targets", "score_quotes", "sentences_frame",
    "quote_sentiment_frame", "target_sentiment_frame", "tone_arc", "actors_frame",
    "structure_frame", "articles_frame",
}


def test_no_figure_module_imports_an_extractor():
    import ast

    for path in sorted((ROOT / "analysis" / "figures").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "analysis.quotes.extract", path.name
                names = {alias.name for alias in node.names}
                assert not names & EXTRACTORS, (path.name, names & EXTRACTORS)


# --- one speaker colour per figure set -----------------------------------------------

SPEAKER_FIGURES = ("quotes-per-speaker", "quote-positions", "quote-addressees",
                   "sentiment-speakers")


def _speaker_colours_of(name, figure, data):
    """Return {speaker label: colour as drawn or listed} of one speaker figure."""
    from matplotlib.colors import to_hex

    if name == "sentiment-speakers":  # read the colour of each drawn mean
        axes = figure.axes[0]
        ticks = {round(y): t.get_text() for y, t in zip(axes.get_yticks(),
                                                        axes.get_yticklabels(), strict=True)}
        means = [line for line in axes.lines if line.get_marker() == "o"]
        return {ticks[round(line.get_ydata()[0])]: to_hex(line.get_color()).upper()
                for line in means}
    label = "speaker" if name == "quote-addressees" else "label"
    pairs = set(zip(data[label], data["colour"], strict=True))
    colours = dict(pairs)
    assert len(colours) == len(pairs), f"{name}: a speaker has two colours"
    return colours


def _set_colours(inputs):
    found = {}
    for spec in registered_figures():
        if spec.name in SPEAKER_FIGURES:
            figure, data = render(spec, inputs)
            found[spec.name] = _speaker_colours_of(spec.name, figure, data)
    return found


def _html_colours(inputs):
    from analysis.figures.html import highlight_quotes_html
    from analysis.figures.palette import CATEGORICAL, OTHERS, UNRESOLVED

    page = highlight_quotes_html(inputs.primary, inputs.table("quotes"))
    found = {}
    for style, speaker in re.findall(r'style="([^"]*)" data-kind="[a-z]+" data-speaker="([^"]*)"',
                                     page):
        colour = re.search(r"#[0-9A-F]{6}", style).group(0)
        assert colour in (*CATEGORICAL, OTHERS, UNRESOLVED)
        found.setdefault(speaker, set()).add(colour)
    assert all(len(colours) == 1 for colours in found.values())
    return {label: colours.pop() for label, colours in found.items()}


def test_a_speaker_has_one_colour_in_every_figure_and_the_html(inputs):
    found = _set_colours(inputs)
    reference = found["quotes-per-speaker"]
    assert len(reference) >= 5
    for name, colours in found.items():
        assert colours == {label: reference[label] for label in colours}, name
    assert _html_colours(inputs) == reference


def test_nine_speakers_never_share_a_colour_and_the_rest_are_others():
    from analysis.figures.palette import CATEGORICAL, OTHERS, UNRESOLVED

    names = ["Ann Lane", "Bo Kim", "Cy Moss", "Di Park", "Ed Ruiz", "Flo Chen", "Gus Holt",
             "Hal Ito", "Ivy Ng"]
    lines = [f"“Point {i} {j} matters to us,” {name} said."
             for i, name in enumerate(names) for j in range(max(1, 9 - i))]
    lines.append("“We are ready,” an official said.")
    inputs = FigureInputs.from_documents(["\n".join(lines)])
    found = _set_colours(inputs)
    _, data = render(next(s for s in registered_figures() if s.name == "quotes-per-speaker"),
                     inputs)
    groups = dict(zip(data["label"], data["colour_group"], strict=True))
    # the six most quoted speakers have a colour each; the three past the palette are one
    # row, "other speakers"; the one unresolved speaker keeps its own label
    assert list(groups) == [*names[:len(CATEGORICAL)], "other speakers",
                            "an official (unresolved)"]
    assert groups["other speakers"] == "others"
    assert groups["an official (unresolved)"] == "unresolved"
    assert data.loc[data["label"] == "other speakers", "n_quotes"].tolist() == [3 + 2 + 1]
    for name, colours in found.items():
        assert len(set(colours.values())) == len(colours), name  # no two rows share one
        own = [colours[n] for n in names[:len(CATEGORICAL)] if n in colours]
        assert not set(own) & {OTHERS, UNRESOLVED}, name
        assert not set(names[len(CATEGORICAL):]) & set(colours), name
        assert colours.get("other speakers", OTHERS) == OTHERS, name
    figure, _ = render(next(s for s in registered_figures() if s.name == "quote-positions"),
                       inputs)
    legend_texts = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert any(text.startswith("others") for text in legend_texts)


def test_the_plot_functions_drawn_directly_never_let_two_speakers_share_a_colour():
    from analysis.figures.quotes import plot_addressees, plot_positions, plot_speakers
    from analysis.quotes.speakers import positions_frame, speakers_frame
    from analysis.text.document import as_document

    names = [f"Speaker{i} Name{i}" for i in range(9)]
    text = "\n".join(f"“Point {i} matters,” {name} told Yoon." for i, name in enumerate(names))
    text += "\n“We disagree,” an aide said.\n“So do we,” a diplomat said."
    doc = as_document(text)
    quotes = FigureInputs.from_documents([doc]).table("quotes")
    with style_context():
        for _figure, data in (plot_speakers(speakers_frame(quotes)),
                             plot_positions(positions_frame(quotes, doc), doc),
                             plot_addressees(quotes)):
            label = "speaker" if "speaker" in data else "label"
            colours = data.drop_duplicates(label).groupby("colour")[label].nunique()
            assert (colours == 1).all(), data[[label, "colour"]].drop_duplicates().values.tolist()


@pytest.mark.parametrize("spec", registered_figures(), ids=lambda spec: spec.name)
def test_the_committed_figure_data_is_what_make_figures_builds(spec, inputs):
    _, data = render(spec, inputs)
    committed = (ROOT / "figures" / f"{spec.name}.csv").read_text(encoding="utf-8")
    assert data.to_csv(index=False, lineterminator="\n") == committed, (
        f"figures/{spec.name}.csv is stale: run `make figures` and commit the result")


def test_the_committed_figure_index_is_what_make_figures_builds(inputs, tmp_path):
    from analysis.figures import _write_index

    built = _write_index(registered_figures(), inputs, tmp_path).read_text(encoding="utf-8")
    committed = (ROOT / "figures" / "README.md").read_text(encoding="utf-8")
    assert built == committed, "figures/README.md is stale: run `make figures` and commit it"
