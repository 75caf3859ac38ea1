"""The Hangul font of the figures: Korean names and titles drawn without missing-glyph boxes.

The style's font (DejaVu Sans) has no Hangul. :func:`hangul_font_family` registers a
Hangul font with matplotlib once per process and returns its family name, which
:func:`analysis.figures.style_context` adds after DejaVu Sans as a fallback (matplotlib
draws each character in the first family that has it, so figures without Hangul are drawn
exactly as before). Where the font comes from, first found first:

1. NanumGothic (SIL Open Font License 1.1, by NAVER) as the PyPI package
   ``koreanize-matplotlib`` ships it, a dependency of this package; only its font file is
   read (the package's own module, which changes matplotlib's settings on import, is never
   imported);
2. Debian's ``fonts-nanum`` (NanumGothic) or ``fonts-noto-cjk`` (Noto Sans CJK), for a
   machine without it.

With none, figures are still drawn, Hangul as boxes, and a :class:`MissingHangulFontWarning`
says what to install.
"""

from __future__ import annotations

import importlib.util
import warnings
from functools import cache
from pathlib import Path

__all__ = ["DEBIAN_FONTS", "MissingHangulFontWarning", "hangul_font_family", "hangul_font_path"]

#: The PyPI package whose font files are used, and those files inside it (regular, bold).
FONT_PACKAGE = "koreanize_matplotlib"
FONT_FILE = "fonts/NanumGothic.ttf"
BOLD_FONT_FILE = "fonts/NanumGothicBold.ttf"
#: Debian's Hangul fonts, tried when the PyPI package is absent.
DEBIAN_FONTS = (
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)


class MissingHangulFontWarning(UserWarning):
    """Warned when no Hangul font is found: Korean text in figures is drawn as boxes."""


def hangul_font_path() -> Path | None:
    """Return the Hangul font file the figures use, or None when there is none.

    Examples
    --------
    >>> path = hangul_font_path()
    >>> path is None or path.suffix in {".ttf", ".ttc"}
    True
    """
    spec = importlib.util.find_spec(FONT_PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / FONT_FILE
        if candidate.is_file():
            return candidate
    return next((path for path in DEBIAN_FONTS if path.is_file()), None)


@cache
def hangul_font_family() -> str | None:
    """Register the Hangul font with matplotlib (once) and return its family name, or None.

    Examples
    --------
    >>> hangul_font_family() in {None, "NanumGothic", "Noto Sans CJK JP"}
    True
    """
    from matplotlib import font_manager

    path = hangul_font_path()
    if path is None:
        warnings.warn(
            "no Hangul font found: Korean text in figures is drawn as boxes; pip install "
            "koreanize-matplotlib (or apt-get install fonts-nanum)",
            MissingHangulFontWarning, stacklevel=2,
        )
        return None
    font_manager.fontManager.addfont(str(path))
    bold = path.with_name(Path(BOLD_FONT_FILE).name)
    if bold.is_file():  # bold titles in Hangul, instead of a regular face and a log line
        font_manager.fontManager.addfont(str(bold))
    return font_manager.FontProperties(fname=str(path)).get_name()
