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

from analysis.figures import PLACEHOLDERS as FIGURE_PLACEHOLDERS
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


def test_style_is_readable_at_column_width_and_deterministic():
    # the colour cycle is checked against analysis.figures.palette in tests/test_palette.py
    from analysis.figures.layout import COLUMN_WIDTH, MIN_FONT_SIZE

    with style_context():
        params = matplotlib.rcParams
        sizes = [params[k] for k in ("font.size", "axes.titlesize", "axes.labelsize",
                                      "xtick.labelsize", "ytick.labelsize", "legend.fontsize",
                                      "figure.titlesize")]
        assert all(float(size) >= MIN_FONT_SIZE for size in sizes), sizes
        assert params["svg.hashsalt"]
        assert params["savefig.bbox"] in (None, "standard")  # saved as drawn: 85 mm wide
        assert abs(params["figure.figsize"][0] - COLUMN_WIDTH) < 0.01


def test_style_context_restores_the_caller_settings():
    with matplotlib.rc_context({"font.size": 12.0}):
        with style_context():
            assert matplotlib.rcParams["font.size"] == 8.0
        assert matplotlib.rcParams["font.size"] == 12.0


def test_registry_names_unique_and_specs_complete():
    specs = registered_figures()
    names = [spec.name for spec in specs]
    assert names and len(names) == len(set(names))
    for spec in specs:
        assert spec.name == spec.name.lower() and " " not in spec.name
        assert spec.title.strip()
        assert "source" in spec.caption.lower() or any(
            p in spec.caption for p in PLACEHOLDERS if p != "{source}")
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
    assert " ".join(figure.get_suptitle().split()) == spec.title


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
    spec = next(s for s in registered_figures() if s.name == "quote-positions")
    caption = spec.caption_for(inputs)
    assert "Example Wire (A. Reporter), 10 July 2024" in caption
    assert "JoongAng" not in caption and "{source}" not in caption
    _, data = render(next(s for s in registered_figures() if s.name == "quotes-per-speaker"),
                     inputs)
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
        # a tick label is the (wrapped) name, then "n = ..." on its own line
        # (a pooled row has "pooled: ..." between them)
        ticks = {round(y): " ".join(t.get_text().rsplit("\nn = ", 1)[0]
                                    .split("\npooled", 1)[0].split())
                 for y, t in zip(axes.get_yticks(), axes.get_yticklabels(), strict=True)}
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
    from analysis.figures.speaker_colours import colours_for

    # the page names each mention; the figures draw unattributed ones as one grey row
    shown = colours_for(inputs).shown
    assert {shown(label): c for label, c in _html_colours(inputs).items()} == reference


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
    # row, "other speakers"; the one unresolved speaker is never shown as a speaker
    assert list(groups) == [*names[:len(CATEGORICAL)], "other speakers", "unattributed"]
    assert groups["other speakers"] == "others"
    assert groups["unattributed"] == "unattributed"
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


# --- legible at a paper's column width (85 mm) ------------------------------------------


def _drawn(figure):
    with style_context():
        FigureCanvasAgg(figure).draw()
    return figure.canvas.get_renderer()


def _undrawn_tick_labels(figure):
    """Return the ids of tick labels matplotlib does not draw (ticks past the view)."""
    from matplotlib.axis import Axis

    hidden = set()
    for axis in figure.findobj(Axis):
        drawn = {id(tick) for tick in axis._update_ticks()}
        for tick in axis.get_major_ticks() + axis.get_minor_ticks():
            if id(tick) not in drawn:
                hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def _visible_texts(figure):
    from matplotlib.text import Text

    hidden = _undrawn_tick_labels(figure)
    return [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()
            and t.get_figure() is not None and id(t) not in hidden]


def _overlaps(boxes):
    """Return the pairs of boxes that overlap by more than a pixel each way."""
    found = []
    for i, one in enumerate(boxes):
        for two in boxes[i + 1:]:
            width = min(one.x1, two.x1) - max(one.x0, two.x0)
            height = min(one.y1, two.y1) - max(one.y0, two.y0)
            if width > 1 and height > 1:
                found.append((one, two))
    return found


def _tick_label_boxes(axes, renderer, which):
    axis = axes.yaxis if which == "y" else axes.xaxis
    labels = [tick.label1 for tick in axis._update_ticks()]
    labels = [t for t in labels if t.get_visible() and t.get_text().strip()]
    return [t.get_window_extent(renderer) for t in labels]


def assert_legible_at_column_width(figure):
    """The figure is 85 mm wide, no text under 7 pt, nothing past its edges, no tick
    labels of one axis on top of each other."""
    from analysis.figures.layout import COLUMN_WIDTH, MIN_FONT_SIZE

    renderer = _drawn(figure)
    assert abs(figure.get_figwidth() - COLUMN_WIDTH) < 1e-6
    width, height = figure.bbox.width, figure.bbox.height
    for text in _visible_texts(figure):
        assert text.get_fontsize() >= MIN_FONT_SIZE, (text.get_text(), text.get_fontsize())
        box = text.get_window_extent(renderer)
        assert box.x0 >= -1 and box.x1 <= width + 1, f"past the side: {text.get_text()!r}"
        assert box.y0 >= -1 and box.y1 <= height + 1, f"past top/bottom: {text.get_text()!r}"
    for axes in figure.axes:
        for which in ("x", "y"):
            clashes = _overlaps(_tick_label_boxes(axes, renderer, which))
            assert not clashes, f"{which} tick labels overlap"


@pytest.mark.parametrize("spec", registered_figures(), ids=lambda spec: spec.name)
def test_every_figure_is_legible_at_a_papers_column_width(spec, inputs):
    figure, _ = render(spec, inputs)
    assert_legible_at_column_width(figure)


def test_a_figure_saved_at_column_width_is_85_mm_wide(tmp_path, inputs):
    from PIL import Image

    spec = next(s for s in registered_figures() if s.name == "sentiment-speakers")
    figure, data = render(spec, inputs)
    png = save_figure(figure, data, tmp_path, spec.name)[0]
    with style_context():
        dpi = matplotlib.rcParams["savefig.dpi"]
    assert round(Image.open(png).size[0] / dpi * 25.4) == 85


LONG_NAMES = [
    "Maria Fernanda Espinosa Garcés", "Jean-Baptiste Lemoyne de Bienville",
    "Alexandria Ocasio Cortez Lopez", "Bartholomew Montgomery Fitzgerald",
    "Oluwaseun Adebayo Ogunleye", "Siddharth Venkataraman Iyer",
    "Anastasia Konstantinovna Petrova", "Christopher Wellington Ashcroft",
    "Giovanni Battista Montefiori", "Hye-jin Seo-Whitaker Park",
    "Theodora Papadimitriou Alexandrou", "Mohammed bin Abdulrahman Al Thani",
]


def _twelve_speaker_article():
    lines = []
    for i, name in enumerate(LONG_NAMES):
        for j in range(1 + (i % 3)):
            lines.append(f"“Point {i} {j} is welcome and good for our partners,” {name} said.")
    lines.append("“The talks went well,” the pair said.")
    lines.append("Cooperation will deepen, according to a joint statement released on Monday.")
    return "\n\n".join(lines)


def test_twelve_speakers_with_long_names_fit_without_colliding_labels():
    inputs = FigureInputs.from_documents([_twelve_speaker_article()])
    quotes = inputs.table("quotes")
    assert set(LONG_NAMES) <= set(quotes["actor"].dropna())  # the article is what we think
    for name in ("sentiment-speakers", "quotes-per-speaker", "quote-positions",
                 "quote-addressees"):
        spec = next(s for s in registered_figures() if s.name == name)
        figure, _ = render(spec, inputs)
        assert_legible_at_column_width(figure)
        ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
        assert all(max(len(line) for line in t.split("\n")) <= 22 for t in ticks), ticks
        assert not any("(unresolved)" in t for t in ticks), (name, ticks)


# --- the defects of issue 11 -------------------------------------------------------------


def _spec(name):
    return next(s for s in registered_figures() if s.name == name)


def test_both_tone_arc_lines_are_visible_in_distinct_styles_legend_outside(inputs):
    from analysis.figures.sentiment import ARC_LABELS

    figure, _ = render(_spec("sentiment-arc"), inputs)
    renderer = _drawn(figure)
    axes = figure.axes[0]
    lines = {line.get_label(): line for line in axes.lines}
    plain, masked = lines[ARC_LABELS[0]], lines[ARC_LABELS[1]]
    # the line drawn on top is thinner, dashed and hollow, so the one under it shows
    assert masked.get_zorder() > plain.get_zorder()
    assert plain.get_linewidth() >= 2 * masked.get_linewidth()
    assert plain.get_linestyle() == "-" and masked.get_linestyle() != "-"
    assert masked.get_markerfacecolor() in ("#FFFFFF", "white", (1.0, 1.0, 1.0, 1.0))
    assert plain.get_marker() != masked.get_marker()
    legend = axes.get_legend().get_window_extent(renderer)
    assert legend.y0 >= axes.get_window_extent(renderer).y1 - 1  # above the plot area


def test_quote_position_marks_are_stacked_and_the_legend_sits_right_under_the_axes(inputs):
    figure, data = render(_spec("quote-positions"), inputs)
    renderer = _drawn(figure)
    axes = figure.axes[0]
    for _, row in data.groupby("row"):
        ordered = row.sort_values("position")
        close = ordered["position"].diff() < 0.03
        offsets = ordered["offset"].to_numpy()
        for k in [i for i, flag in enumerate(close) if flag]:
            assert offsets[k] != offsets[k - 1]  # close marks are not drawn on top
    legend = axes.get_legend().get_window_extent(renderer)
    frame = axes.get_window_extent(renderer)
    points = figure.dpi / 72
    assert legend.y1 <= frame.y0  # outside the axes, below them
    assert frame.y0 - legend.y1 <= 40 * points  # close: right under the axis label
    label = axes.xaxis.label.get_window_extent(renderer)
    assert legend.y1 <= label.y0 + 1  # below the axis label, not on it
    caption = figure._supxlabel.get_text().split("\n")
    assert max(len(line) for line in caption) <= 60  # wrapped to the figure's width


def test_tone_figures_have_no_empty_band(inputs):
    for name in ("sentiment-targets", "sentiment-speakers"):
        figure, data = render(_spec(name), inputs)
        axes = figure.axes[0]
        low, high = axes.get_xlim()
        reach = max(data[["mean", "ci_low", "ci_high"]].abs().max())
        assert high == -low and high - reach <= 0.35, (name, high, reach)
        # every row has a mark: no empty category row
        rows = {round(line.get_ydata()[0]) for line in axes.lines if line.get_marker() == "o"}
        assert rows == set(range(len(data)))


def test_unattributed_speakers_are_one_grey_row_never_a_speaker():
    from analysis.figures.palette import UNATTRIBUTED
    from analysis.figures.speaker_colours import is_attributed, looks_like_name

    assert looks_like_name("Hana Seo") and looks_like_name("Ursula von der Leyen")
    assert not looks_like_name("the pair") and not looks_like_name("Organisers")
    assert is_attributed("Jens Stoltenberg") and is_attributed("NATO")
    assert not is_attributed(None) and not is_attributed(pd.NA)
    assert not is_attributed("Organisers") and not is_attributed("a joint statement released")
    text = ("“We agree,” Stoltenberg said.\n\n“The talks went well,” the pair said.\n\n"
            "Ties will deepen, according to a joint statement released on Monday.")
    inputs = FigureInputs.from_documents([text])
    for name in ("quotes-per-speaker", "quote-positions", "quote-addressees",
                 "sentiment-speakers"):
        spec = _spec(name)
        _, data = render(spec, inputs)
        column = "speaker" if "speaker" in data else "label"
        shown = set(data[column])
        assert "unattributed" in shown and not any("pair" in s or "statement" in s
                                                   for s in shown), (name, shown)
        assert "unattributed" in spec.caption and "not a person or organisation" in spec.caption
        if "colour" in data:
            assert set(data.loc[data[column] == "unattributed", "colour"]) == {UNATTRIBUTED}


US_SPELLINGS = re.compile(r"\b(defense|organization|organizations|program|programs|color|"
                          r"colors|center|analyze|favor|behavior|labor)\b", re.IGNORECASE)


def test_labels_titles_and_captions_are_in_british_spelling(inputs):
    from analysis.sectors.taxonomy import default_taxonomy

    for spec in registered_figures():
        assert not US_SPELLINGS.search(spec.title + " " + spec.caption), spec.name
        figure, _ = render(spec, inputs)
        _drawn(figure)
        for text in _visible_texts(figure):
            assert not US_SPELLINGS.search(text.get_text()), (spec.name, text.get_text())
    labels = [sector.label for sector in default_taxonomy().sectors]
    assert "Cyber defence" in labels
    assert not [label for label in labels if US_SPELLINGS.search(label)]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    gallery = readme.split("## Gallery", 1)[1].split("\n## ", 1)[0]
    assert not US_SPELLINGS.search(gallery)


PLACEHOLDERS = tuple(f"{{{name}}}" for name in FIGURE_PLACEHOLDERS)
CORPUS_FIGURES = ("sectors-corpus-mentions", "sectors-corpus-partners", "corpus-sectors-by-year",
                  "corpus-quotes-by-outlet")


def test_captions_cite_with_placeholders_never_a_file_name(inputs):
    for spec in registered_figures():
        caption = spec.caption
        assert set(re.findall(r"\{[^}]*\}", caption)) <= set(PLACEHOLDERS), spec.name
        assert not re.search(r"\b[\w-]+\.(txt|jsonl|json|html)\b", caption), spec.name
        if spec.name in CORPUS_FIGURES:
            assert "{corpus}" in caption and "illustrative" not in caption.lower(), spec.name
            assert "illustrative" not in spec.title.lower(), spec.name
        elif not spec.name.startswith(("sectors-itpp", "sectors-asia")):
            # programme grids cite their published sources; the rest their articles
            assert any(p in caption for p in PLACEHOLDERS), spec.name
        filled = spec.caption_for(inputs)
        assert not any(p in filled for p in PLACEHOLDERS), spec.name


def test_readme_gallery_shows_each_figure_with_its_generated_caption():
    """The README gallery repeats figures/README.md's titles and captions word for word."""
    root = Path(__file__).resolve().parents[1]
    index = (root / "figures" / "README.md").read_text(encoding="utf-8")
    entries = re.findall(r"^## (\S+)\n\n\*\*(.+?)\*\*\n\n(.+?)\n\nFiles:", index, flags=re.M | re.S)
    gallery = (root / "README.md").read_text(encoding="utf-8").split("## Gallery", 1)[1]
    assert entries
    for name, title, caption in entries:
        assert f"### {title}\n\n[![{title}](figures/{name}.png)](figures/{name}.png)\n\n{caption}\n" in gallery
