"""The speaker tone figure shows pooled groups apart: last, hollow, labelled as pooled.

A new-user trial's sentiment-speakers put "other speakers, n = 21" on top as a solid
mark: the mean of 17 unrelated speakers read as a finding. The article below is
invented: 8 named speakers (the palette has 6 colours, so 2 are pooled as "other
speakers") and 2 unnamed sources; counts by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from analysis.figures import FigureInputs, registered_figures
from analysis.figures.palette import WHITE
from analysis.figures.sentiment import POOLED_ROWS
from tests.test_figures import render

#: Eight speakers with 3 quotes each: the six quoted first keep their colours (ties go to
#: first appearance), Gus Holt and Hal Ito are pooled: 6 quotes, more than any one speaker.
SPEAKERS = ["Ann Lane", "Bo Kim", "Cy Moss", "Di Park", "Ed Ruiz", "Flo Chen", "Gus Holt",
            "Hal Ito"]


def _article() -> str:
    lines = []
    for name in SPEAKERS:
        lines += [f"\u201cThe talks were good and useful,\u201d {name} said."] * 3
    lines += ["\u201cIt went well,\u201d the pair said.",
              "\u201cA great success,\u201d an aide said."]
    return "\n\n".join(lines)


@pytest.fixture(scope="module")
def drawn():
    inputs = FigureInputs.from_documents([_article()])
    spec = next(s for s in registered_figures() if s.name == "sentiment-speakers")
    figure, data = render(spec, inputs)
    return figure, data


def test_pooled_rows_come_last_with_their_number_of_speakers(drawn):
    _, data = drawn
    assert data["speaker"].tolist()[-2:] == list(POOLED_ROWS)
    assert not data["speaker"].iloc[:-2].isin(POOLED_ROWS).any()
    pooled = data.set_index("speaker").loc[list(POOLED_ROWS), ["n", "n_speakers"]]
    assert pooled.values.tolist() == [[6, 2], [2, 2]]


def test_pooled_rows_are_drawn_hollow_below_a_line_and_labelled_pooled(drawn):
    figure, _ = drawn
    axes = figure.axes[0]
    ticks = [t.get_text() for t in axes.get_yticklabels()]  # top to bottom
    assert ticks[0] == "Ann Lane\nn = 3, small n"
    assert ticks[-2:] == ["other speakers\npooled: 2 speakers\nn = 6",
                          "unattributed\npooled: 2 sources\nn = 2, small n"]
    means = {round(line.get_ydata()[0]): line for line in axes.lines
             if line.get_marker() == "o"}
    # the pooled "other speakers" has n = 6 (not small), and is hollow all the same
    assert to_hex(means[1].get_markerfacecolor()) == WHITE.lower()
    separators = [line for line in axes.lines if line.get_marker() != "o"
                  and len(set(line.get_ydata())) == 1 and line.get_ydata()[0] == 1.5]
    assert separators, "no line sets the pooled rows apart"


def test_a_pooled_speaker_with_no_scored_quote_is_not_counted():
    from analysis.figures.sentiment import pooled_last
    from analysis.figures.speaker_colours import SpeakerColours
    from analysis.sentiment.aggregates import tone_by_speaker

    colours = SpeakerColours({"Ann Lane": "#0072B2", "Bo Kim": "#333333", "Cy Ward": "#333333",
                              "Di Orr": "#333333"},
                             {"Ann Lane": "Ann Lane", "Bo Kim": "others", "Cy Ward": "others",
                              "Di Orr": "others"})
    quotes = pd.DataFrame({"kind": ["direct"] * 4,
                           "actor": ["Ann Lane", "Bo Kim", "Cy Ward", "Di Orr"],
                           "speaker": ["Ann Lane", "Bo Kim", "Cy Ward", "Di Orr"],
                           "compound_masked": [0.5, 0.2, 0.1, None]})
    data = pooled_last(tone_by_speaker(colours.group_quotes(quotes)), quotes, colours)
    pooled = data[data["speaker"] != "Ann Lane"].iloc[0]
    assert (pooled["n"], pooled["n_speakers"]) == (2, 2)
