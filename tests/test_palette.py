"""The one palette: readable on white, apart for colour-blind readers, the style's cycle."""

from __future__ import annotations

import itertools
import math
import re

import pandas as pd
import pytest

from analysis._resources import read_text
from analysis.figures import palette
from analysis.figures.palette import (
    CATEGORICAL,
    MIN_CONTRAST,
    OTHERS,
    UNRESOLVED,
    contrast_ratio,
    relative_luminance,
)

#: Every colour a mark (bar, line, point, quote highlight) of a figure may take.
MARK_COLOURS = (*CATEGORICAL, UNRESOLVED, OTHERS)


def test_contrast_ratio_matches_known_wcag_values():
    assert contrast_ratio("#000000") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)  # the WCAG AA grey
    assert contrast_ratio("#FFFFFF", "#000000") == contrast_ratio("#000000", "#FFFFFF")
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=1e-4)
    with pytest.raises(ValueError, match="#RRGGBB"):
        contrast_ratio("blue")


@pytest.mark.parametrize("colour", MARK_COLOURS)
def test_every_mark_colour_is_readable_on_white(colour):
    assert contrast_ratio(colour) >= MIN_CONTRAST >= 3.0, colour


def test_unreadable_okabe_ito_colours_are_not_used():
    for unreadable in ("#F0E442", "#E69F00", "#56B4E9", "#999999"):  # yellow, orange, sky, grey
        assert contrast_ratio(unreadable) < 3.0
        assert unreadable not in MARK_COLOURS


def test_categorical_colours_and_the_two_greys_are_distinct():
    assert len(set(MARK_COLOURS)) == len(MARK_COLOURS)
    assert UNRESOLVED != OTHERS
    # the greys are told apart by lightness
    assert contrast_ratio(OTHERS, UNRESOLVED) >= 2.5


def test_style_cycle_is_the_categorical_palette():
    line = re.search(r"^axes\.prop_cycle:.*$", read_text("figures/analysis.mplstyle"), re.M)
    assert line is not None
    cycle = ["#" + c.upper() for c in re.findall(r"'([0-9A-Fa-f]{6})'", line.group(0))]
    assert tuple(cycle) == CATEGORICAL


def test_style_cycle_applies_in_the_style_context():
    import matplotlib

    from analysis.figures import style_context

    with style_context():
        colours = [c["color"].upper() for c in matplotlib.rcParams["axes.prop_cycle"]]
    assert tuple(f"#{c.lstrip('#')}" for c in colours) == CATEGORICAL


# --- colour blindness: Machado, Oliveira & Fernandes (2009), severity 1.0 ------------------
# Simulation matrices on linear RGB, from the paper's published table.
_SIMULATIONS = {
    "typical": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
#: Least CIE76 colour difference between two mark colours, under every simulation.
MIN_DELTA_E = 10.0


def _linear_rgb(colour: str) -> tuple[float, ...]:
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(palette._linear(c) for c in channels)


def _lab(linear: tuple[float, ...]) -> tuple[float, float, float]:
    red, green, blue = (min(max(c, 0.0), 1.0) for c in linear)
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen(colour: str, matrix) -> tuple[float, float, float]:
    linear = _linear_rgb(colour)
    return _lab(tuple(sum(m * c for m, c in zip(row, linear, strict=True)) for row in matrix))


@pytest.mark.parametrize("vision", sorted(_SIMULATIONS))
def test_mark_colours_stay_apart_for_colour_blind_readers(vision):
    matrix = _SIMULATIONS[vision]
    for one, two in itertools.combinations(MARK_COLOURS, 2):
        distance = math.dist(_seen(one, matrix), _seen(two, matrix))
        assert distance >= MIN_DELTA_E, (vision, one, two, round(distance, 1))


def test_unattributed_speakers_have_one_grey_apart_from_others():
    from analysis.figures.palette import OTHERS, UNATTRIBUTED, UNRESOLVED
    from analysis.figures.speaker_colours import UNATTRIBUTED_SHOWN, SpeakerColours

    assert UNATTRIBUTED == UNRESOLVED and UNATTRIBUTED != OTHERS
    assert UNATTRIBUTED not in CATEGORICAL
    speakers = pd.DataFrame({"actor": [None, "Organisers", "Yoon Suk Yeol"],
                             "speaker": ["the pair", "Organisers", "Yoon"],
                             "n_quotes": [3, 2, 1], "n_words": [9, 8, 7]})
    colours = SpeakerColours.from_speakers(speakers)
    assert colours.colour("the pair (unresolved)") == colours.colour("Organisers") == UNATTRIBUTED
    assert colours.shown("the pair (unresolved)") == colours.shown("Organisers") == UNATTRIBUTED_SHOWN
    assert colours.colour("Yoon Suk Yeol") == CATEGORICAL[0]
