"""What the article gets wrong: a stated count of areas against the list the article gives.

A new-user trial's article said "the 11 areas of their Individually Tailored Partnership
Programme" and listed six of them in the very next sentence; the notebook said "said to
cover 11 areas; none is listed". The texts below are invented; the gold is by hand.
"""

from __future__ import annotations

import pytest

from analysis.notebook import stated_vs_listed, stated_vs_listed_markdown
from analysis.sectors import programme_statements_frame

#: Count in one sentence, six areas listed in the next (the trial's a5, shortened).
NEXT_SENTENCE = (
    "South Korea and NATO will review progress on the 11 areas of their Individually "
    "Tailored Partnership Programme this week, the presidential office said. The "
    "programme, adopted in 2023, covers areas including counterterrorism, cyber defence, "
    "non-proliferation, emerging technologies, climate change and security, and public "
    "diplomacy.")
#: Count with two areas, two more in the next sentence.
BOTH = ("Korea's ITPP covers 11 areas, including cyber defence and public diplomacy. The "
        "ITPP also covers counterterrorism and emerging technologies.")
#: Count with no list anywhere.
NO_LIST = "Korea's ITPP covers 11 areas. Officials met in Seoul on Tuesday."
#: A list far after the count (more than two sentences later) is not its list.
FAR = ("Korea's ITPP covers 11 areas. Officials met in Seoul. They ate lunch. They "
       "talked. The ITPP covers counterterrorism and cyber defence.")


def _said(text: str) -> tuple[list, str]:
    rows = stated_vs_listed(programme_statements_frame(text))
    columns = ["stated_count", "n_listed", "n_listed_after", "n_sentences_after"]
    return rows[columns].values.tolist(), str(stated_vs_listed_markdown(rows))


@pytest.mark.parametrize(("text", "counts", "ending"), [
    (NEXT_SENTENCE, [[11, 6, 6, 1]], "**11** areas; **6** are named in the sentence that follows."),
    (BOTH, [[11, 4, 2, 1]],
     "**11** areas; **4** are named (**2** of them in the sentence that follows)."),
    (NO_LIST, [[11, 0, 0, 0]], "**11** areas; none is listed."),
    (FAR, [[11, 0, 0, 0]], "**11** areas; none is listed."),
])
def test_a_list_in_the_next_sentence_is_the_counts_list(text, counts, ending):
    found, said = _said(text)
    assert found == counts
    assert said.endswith(ending)
    if counts[0][1]:
        assert "none is listed" not in said


def test_a_count_fully_listed_in_the_next_sentence_is_no_mismatch():
    text = ("Korea's ITPP covers two areas. The ITPP covers counterterrorism and cyber "
            "defence.")
    found, said = _said(text)
    assert found == []
    assert said == "No article states a number of areas that differs from its list."


def test_another_programmes_list_is_not_counted():
    text = ("Korea's ITPP covers 11 areas. Japan's ITPP covers counterterrorism and cyber "
            "defence.")
    found, _ = _said(text)
    assert found == [[11, 0, 0, 0]]


def test_a_later_count_keeps_its_own_list():
    text = ("Korea's ITPP covers 11 areas. The ITPP covers three areas: counterterrorism, "
            "cyber defence and public diplomacy.")
    found, _ = _said(text)
    assert found == [[11, 0, 0, 0]]
