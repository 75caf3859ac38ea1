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
says what to install. The fallback is intended, so matplotlib's "findfont:" log lines about
it (its bold face is weight 600: "Failed to find font weight bold for NanumGothic") are
dropped while the style is applied (:func:`quiet_fallback_font`); the font is registered
again if matplotlib rebuilt its font list meanwhile.
"""

from __future__ import annotations

import importlib.util
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

__all__ = [
    "DEBIAN_FONTS",
    "FONT_LOGGER",
    "MissingHangulFontWarning",
    "hangul_font_family",
    "hangul_font_path",
    "quiet_fallback_font",
]

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
def _hangul_files() -> tuple[tuple[Path, ...], str] | None:
    """The Hangul font files (regular, and bold when there is one) and their family; once."""
    from matplotlib import font_manager

    path = hangul_font_path()
    if path is None:
        warnings.warn(
            "no Hangul font found: Korean text in figures is drawn as boxes; pip install "
            "koreanize-matplotlib (or apt-get install fonts-nanum)",
            MissingHangulFontWarning, stacklevel=3,
        )
        return None
    bold = path.with_name(Path(BOLD_FONT_FILE).name)
    files = (path, bold) if bold.is_file() else (path,)  # bold titles in Hangul too
    return files, font_manager.FontProperties(fname=str(path)).get_name()


def hangul_font_family() -> str | None:
    """Register the Hangul font with matplotlib and return its family name, or None.

    The files are found once; they are registered again whenever matplotlib's font
    list no longer holds them (matplotlib rebuilds it when a cached font file has gone,
    which would leave "findfont: Font family 'NanumGothic' not found").

    Examples
    --------
    >>> hangul_font_family() in {None, "NanumGothic", "Noto Sans CJK JP"}
    True
    """
    from matplotlib import font_manager

    found = _hangul_files()
    if found is None:
        return None
    files, family = found
    registered = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in files:
        if str(path) not in registered:
            font_manager.fontManager.addfont(str(path))
    return family


#: The logger of matplotlib's font lookup, whose "findfont: ..." lines name the fallback.
FONT_LOGGER = "matplotlib.font_manager"


class _FallbackFontFilter(logging.Filter):
    """Drop matplotlib's "findfont:" lines about the Hangul fallback family."""

    def __init__(self, family: str) -> None:
        super().__init__()
        self.family = family

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("findfont:") and self.family in message)


@contextmanager
def quiet_fallback_font(family: str | None) -> Iterator[None]:
    """Silence matplotlib's "findfont:" lines about ``family`` (the handled fallback) in a block.

    Drawing a bold title looks the fallback family up in bold too; NanumGothic's bold
    face is weight 600, so matplotlib logs "findfont: Failed to find font weight bold
    for NanumGothic, now using 600" beside a notebook's output. The fallback is
    intended (Latin text is drawn in the style's font, Hangul in this one), so its
    lines are dropped; every other font message passes.

    Examples
    --------
    >>> import logging
    >>> with quiet_fallback_font("NanumGothic"):
    ...     logging.getLogger(FONT_LOGGER).warning("findfont: Font family 'NanumGothic' not found.")
    """
    if family is None:
        yield
        return
    logger = logging.getLogger(FONT_LOGGER)
    quiet = _FallbackFontFilter(family)
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)
