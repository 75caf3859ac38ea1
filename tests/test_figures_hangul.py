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


def _draw_bold_hangul(size: float) -> None:
    """Draw and save a bold Hangul title at a font size no other test uses (no cache hit)."""
    with style_context():
        figure, axes = new_figure()
        axes.set_title(KOREAN, fontweight="bold", fontsize=size)
        axes.set_xlabel("Latin label", fontweight="bold", fontsize=size)
        figure.savefig(io.BytesIO(), format="png")


def test_the_handled_fallback_logs_no_findfont_line(caplog):
    # NanumGothic's bold face is weight 600: a bold title logged "findfont: Failed to find
    # font weight bold for NanumGothic, now using 600" beside every notebook's output
    with caplog.at_level("INFO", logger="matplotlib.font_manager"):
        _draw_bold_hangul(9.37)
    assert [r.getMessage() for r in caplog.records if "findfont" in r.getMessage()] == []


def test_a_font_list_rebuilt_by_matplotlib_gets_the_hangul_font_again(caplog):
    # matplotlib rebuilds its font list when a cached font file has gone, dropping fonts
    # added at run time ("findfont: Font family 'NanumGothic' not found")
    from matplotlib import font_manager

    family = hangul_font_family()
    manager = font_manager.fontManager
    manager.ttflist = [entry for entry in manager.ttflist if entry.name != family]
    with caplog.at_level("INFO", logger="matplotlib.font_manager"):
        _draw_bold_hangul(9.41)
    assert any(entry.name == family for entry in manager.ttflist)
    assert [r.getMessage() for r in caplog.records if "findfont" in r.getMessage()] == []


def test_other_font_messages_still_pass(caplog):
    import logging

    from analysis.figures.fonts import FONT_LOGGER, quiet_fallback_font

    with caplog.at_level("WARNING", logger=FONT_LOGGER), quiet_fallback_font("NanumGothic"):
        logging.getLogger(FONT_LOGGER).warning("findfont: Font family 'Nowhere Sans' not found.")
        logging.getLogger(FONT_LOGGER).warning("findfont: Font family 'NanumGothic' not found.")
    assert [r.getMessage() for r in caplog.records] == [
        "findfont: Font family 'Nowhere Sans' not found."]
