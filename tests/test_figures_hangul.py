"""Figures draw Hangul with a real font: no missing-glyph boxes in PNG or SVG."""

from __future__ import annotations

import io
import warnings

import pytest

from analysis.figures import new_figure, style_context
from analysis.figures.fonts import hangul_font_family, hangul_font_path

KOREAN = "윤석열 대통령 · 옌스 스톨텐베르그 나토 사무총장 · 외교부 당국자"


def test_a_hangul_font_ships_with_the_package_dependencies():
    path = hangul_font_path()
    assert path is not None and path.is_file()
    assert hangul_font_family() is not None


def test_hangul_characters_resolve_to_the_hangul_font_not_the_fallback():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    with style_context():
        import matplotlib

        families = matplotlib.rcParams["font.family"]
        assert families[-1] == hangul_font_family()
        found = font_manager.findfont(font_manager.FontProperties(family=families[-1]),
                                      fallback_to_default=False)
    font = FT2Font(found)
    assert all(font.get_char_index(ord(ch)) for ch in KOREAN if not ch.isspace() and ch != "·")


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_hangul_title_and_labels_draw_without_missing_glyph_warnings(fmt):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would raise
        with style_context():
            figure, axes = new_figure()
            axes.barh(["윤석열", "스톨텐베르그", "외교부 당국자"], [3, 2, 1])
            axes.set_title(KOREAN)
            buffer = io.BytesIO()
            figure.savefig(buffer, format=fmt)
    assert buffer.getvalue()


def test_latin_text_is_still_drawn_in_the_style_font():
    from matplotlib import font_manager

    with style_context():
        import matplotlib

        first = matplotlib.rcParams["font.family"][0]
    assert first == "DejaVu Sans"
    assert "DejaVu" in font_manager.findfont(font_manager.FontProperties(family=first))
