"""The package's one palette: every colour a figure or the HTML view uses, by name.

Categorical colours follow Okabe & Ito (2008), "Color Universal Design", which stay
apart for the common forms of colour blindness. Each must also be readable on white:
a WCAG 2.x contrast ratio of at least 3:1 (:data:`MIN_CONTRAST`, the bar for graphical
objects). Three Okabe-Ito colours miss it on white and are changed here:

- yellow ``#F0E442`` (1.3:1) is left out;
- orange ``#E69F00`` (2.2:1) is darkened to ochre :data:`OCHRE`;
- sky blue ``#56B4E9`` (2.3:1) is darkened to :data:`SKY_BLUE`.

Orange is darkened further than 3:1 requires because at 3:1 it is hard to tell from
vermillion for red-green colour blindness; ``tests/test_palette.py`` checks both the
contrast and, under simulated colour blindness, that the colours stay apart.

Two greys are not categories but groups, both readable and told apart by lightness
(and by their labels): :data:`UNRESOLVED` (mid grey) for a speaker not resolved to an
actor, :data:`OTHERS` (near black) for the speakers past the palette's size.
The figure style (``resources/figures/analysis.mplstyle``) cycles :data:`CATEGORICAL`.

Examples
--------
>>> len(CATEGORICAL)
6
>>> round(contrast_ratio(BLUE), 2)
5.19
>>> tint(BLUE)
'#A6CEE4'
"""

from __future__ import annotations

__all__ = [
    "BAND",
    "BLUE",
    "BLUISH_GREEN",
    "CATEGORICAL",
    "EDGE",
    "GRID",
    "MIN_CONTRAST",
    "MUTED_TEXT",
    "NEUTRAL_MARK",
    "NOTE_TEXT",
    "OCHRE",
    "OTHERS",
    "REDDISH_PURPLE",
    "SKY_BLUE",
    "UNATTRIBUTED",
    "UNKNOWN",
    "UNKNOWN_FACE",
    "UNRESOLVED",
    "VERMILLION",
    "WHITE",
    "contrast_ratio",
    "relative_luminance",
    "tint",
]

# --- categorical colours (Okabe-Ito; all >= 3:1 on white) ---------------------------
BLUE = "#0072B2"  #: Okabe-Ito blue (5.2:1 on white)
VERMILLION = "#D55E00"  #: Okabe-Ito vermillion (3.9:1)
BLUISH_GREEN = "#009E73"  #: Okabe-Ito bluish green (3.4:1)
REDDISH_PURPLE = "#CC79A7"  #: Okabe-Ito reddish purple (3.1:1)
SKY_BLUE = "#1D96DB"  #: Okabe-Ito sky blue #56B4E9 darkened to 3.3:1
OCHRE = "#7D5700"  #: Okabe-Ito orange #E69F00 darkened to 6.5:1

#: Colours for categories (speakers, series), in the order they are handed out.
CATEGORICAL: tuple[str, ...] = (BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, OCHRE)

# --- groups --------------------------------------------------------------------------
UNRESOLVED = "#767676"  #: mid grey (4.5:1): unresolved or unknown speaker; "unknown" states
OTHERS = "#333333"  #: near black (12.6:1): the speakers past the palette's size
UNATTRIBUTED = UNRESOLVED  #: the same grey: a speaker that is not a person or organisation
UNKNOWN = UNRESOLVED  #: the same grey for an "unknown" state (e.g. a programme's list)

# --- text, lines and backgrounds (not categories) ------------------------------------
WHITE = "#FFFFFF"
MUTED_TEXT = "#444444"  #: captions, notes, zero lines, neutral legend marks
NOTE_TEXT = "#333333"  #: words quoted beside a chart
NEUTRAL_MARK = "#555555"  #: outlines and sample marks of the HTML view's legend
EDGE = "#666666"  #: outline of an empty ("not included") cell
GRID = "#DDDDDD"  #: grid lines (the style's grid.color)
BAND = "#DDDDDD"  #: background band behind a highlighted stretch (e.g. quoted sentences)
UNKNOWN_FACE = "#E6E6E6"  #: face of an "unknown" cell, hatched in UNRESOLVED

#: Least WCAG contrast ratio against white of every categorical and group colour.
MIN_CONTRAST = 3.0


def _channels(colour: str) -> tuple[int, int, int]:
    """Return the 0-255 red, green and blue of a ``#RRGGBB`` colour."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"colour {colour!r} is not of the form #RRGGBB")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def _linear(channel: int) -> float:
    """Return an sRGB channel (0-255) as linear light (0-1), per WCAG 2.x."""
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Return the WCAG 2.x relative luminance of ``#RRGGBB`` (0 black to 1 white).

    Examples
    --------
    >>> relative_luminance("#FFFFFF"), relative_luminance("#000000")
    (1.0, 0.0)
    """
    red, green, blue = (_linear(c) for c in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(colour: str, background: str = WHITE) -> float:
    """Return the WCAG 2.x contrast ratio of two colours, from 1 (none) to 21.

    Examples
    --------
    >>> contrast_ratio("#000000")
    21.0
    >>> round(contrast_ratio("#F0E442"), 2)  # Okabe-Ito yellow on white: unreadable
    1.32
    """
    lighter, darker = sorted((relative_luminance(colour), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def tint(colour: str, share: float = 0.35) -> str:
    """Mix ``colour`` with white: ``share`` of the colour, the rest white (a pale shade).

    Examples
    --------
    >>> tint("#000000", 0.5)
    '#808080'
    """
    mixed = (round(255 - (255 - c) * share) for c in _channels(colour))
    return "#" + "".join(f"{c:02X}" for c in mixed)

