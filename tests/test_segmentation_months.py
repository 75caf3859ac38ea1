"""A month abbreviation followed by a number never ends a sentence."""

from __future__ import annotations

import pytest

from analysis.text.segmentation import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(("text", "gold"), [
    # the trial's line: a date line kept in the text was cut in two
    ("Published: 24 Jun. 2025, 08:15\n\nNATO met in The Hague.",
     ["Published: 24 Jun. 2025, 08:15", "NATO met in The Hague."]),
    ("They met in Jun. 2025 and agreed. Korea joined.",
     ["They met in Jun. 2025 and agreed.", "Korea joined."]),
    ("The deal was signed on Jul. 4 in Seoul. Japan followed.",
     ["The deal was signed on Jul. 4 in Seoul.", "Japan followed."]),
    ("Talks resumed on 3 Mar. 2024 and on 9 Apr. 2024 in Brussels.",
     ["Talks resumed on 3 Mar. 2024 and on 9 Apr. 2024 in Brussels."]),
    ("The summit opened on Sep. 12 in Vilnius.", ["The summit opened on Sep. 12 in Vilnius."]),
])
def test_a_month_abbreviation_before_a_number_stays_in_its_sentence(text, gold):
    assert _sentences(text) == gold


@pytest.mark.parametrize(("text", "gold"), [
    ("Kim arrived on 24 Jun. Then he left.", ["Kim arrived on 24 Jun.", "Then he left."]),
    ("The talks ran into June. 2025 was a hard year.",
     ["The talks ran into June.", "2025 was a hard year."]),  # "June" is not abbreviated
])
def test_a_sentence_ending_in_a_month_still_ends(text, gold):
    assert _sentences(text) == gold
