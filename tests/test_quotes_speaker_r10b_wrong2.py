"""Speakers of quotes that an earlier or later cue would otherwise take (wing-wrong2).

Sentences written for these tests, with hand gold.
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("The poll asked residents whether the ferry should run at night, to which "
         "38 percent said “only on weekends” and 11 percent said “never at all.” "
         "The rest had no view.",
         ["38 percent", "11 percent"]),
        ("Members were asked how safe the bridge felt, to which 45 percent said "
         "“quite safe” and 20 percent said “not safe.” Few others replied.",
         ["45 percent", "20 percent"]),
    ],
)
def test_each_share_takes_the_cue_right_before_its_quote(text: str, gold: list[str]) -> None:
    assert _speakers(text) == gold


def test_quote_joined_by_and_to_words_a_final_cue_closes() -> None:
    text = ('Sales were "flat for about a month" as buyers waited, he said.\n\n'
            '"There is a sense of calm now," and orders began to pick up again '
            'last week, Hadley said.')
    assert _speakers(text) == ["he", "Hadley"]


def test_quote_ending_on_a_period_is_not_joined() -> None:
    text = ('Sales were "flat for about a month" as buyers waited, Hadley said.\n\n'
            '"There is a sense of calm now." Orders rose, Moreno said.')
    speakers = _speakers(text)
    assert speakers[0] == "Hadley"
    assert speakers[1] != "Moreno"


def test_quote_in_a_block_takes_the_colon_intro() -> None:
    text = ("The engineer Ines Varga wrote in her newsletter:\n\n"
            "I think the tunnel plan is far too costly for the valley. What we should ask "
            "is “who will pay for the upkeep?”")
    assert _speakers(text) == ["The engineer Ines Varga"]


def test_block_quote_with_its_own_cue_keeps_that_speaker() -> None:
    text = ("The engineer Ines Varga wrote in her newsletter:\n\n"
            "After the vote, Mayor Tomas Brandt said that he was “proud of the valley.”")
    assert _speakers(text) == ["Mayor Tomas Brandt"]


def test_quoted_paragraph_after_a_colon_is_not_a_block() -> None:
    text = ("The engineer Ines Varga wrote in her newsletter:\n\n"
            "“The tunnel is too costly,” said Tomas Brandt, who backs the plan "
            "only “in part.”")
    assert _speakers(text)[0] == "Tomas Brandt"


@pytest.mark.parametrize(
    ("text", "gold"),
    [
        ("In calling the ferry plan a “floating folly,” the harbour board broke "
         "with Mayor Odile Ferrand.", "the harbour board"),
        ("Holding banners calling Ferrand “the tide thief,” the dockers marched "
         "to the town hall.", "the dockers"),
    ],
)
def test_cue_in_an_opening_phrase_takes_the_main_subject(text: str, gold: str) -> None:
    assert _speakers(text)[0] == gold


def test_named_subject_opening_the_sentence_is_kept() -> None:
    text = "Inga Solberg called the ferry plan a “floating folly,” and the board agreed."
    assert _speakers(text)[0] == "Inga Solberg"
