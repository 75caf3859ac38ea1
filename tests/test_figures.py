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
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]


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


def test_style_is_colour_blind_safe_and_readable():
    with style_context():
        colours = [c["color"].upper() for c in matplotlib.rcParams["axes.prop_cycle"]]
        assert [f"#{c.lstrip('#')}" for c in colours[:7]] == OKABE_ITO
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
