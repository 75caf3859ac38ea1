"""Speakers across an aside that quotes a title or sits between dashes (wing-nosp2)."""

from __future__ import annotations

import pytest

from analysis.quotes.aside_subject import subject_past_aside
from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_quotes(text)}


def test_title_in_apposition_keeps_the_name() -> None:
    text = ('The panel met on Monday. Marta Quill, the co-author of "Salt Roads," about old trade '
            'routes, said the maps were "never finished" at all.')
    found = _speakers(text)
    assert found["never finished"] == "Marta Quill"
    assert found.get("Salt Roads,") is None  # the title stays no one's words


def test_title_right_before_the_cue() -> None:
    text = 'The panel met on Monday. Marta Quill, the co-author of "Salt Roads," said the maps were "never finished."'
    assert _speakers(text)["never finished."] == "Marta Quill"


def test_dash_aside() -> None:
    text = "The vote is close. Oren Falk — a baker from Lisle Harbor — says the result was “a coin toss.”"
    assert _speakers(text)["a coin toss."] == "Oren Falk"


@pytest.mark.parametrize(("text", "cue"), [
    ("The plan failed, and they said", "said"),
    ("In a talk Monday, Ruiz said", "said"),
])
def test_no_aside_no_answer(text: str, cue: str) -> None:
    assert subject_past_aside(text, 0, text.index(cue)) is None


def test_aside_with_its_own_cue_is_not_crossed() -> None:
    text = 'Ruiz, who said "no" twice, then left'
    assert subject_past_aside(text, 0, text.index("left")) is None


def test_party_tag_in_parentheses_does_not_split_the_sentence() -> None:
    text = ('The bill stalled. But Sen. Ada Kim (D-Ore.), noting the size of the deficit, said, '
            '"We must act now and act fast."')
    assert _speakers(text)["We must act now and act fast."] == "Sen. Ada Kim"


def test_two_titles_under_one_article_name_one_speaker() -> None:
    text = ('Talks resumed on Friday. "We will not wait for them," the retired Ohio senator and '
            'party candidate told reporters.')
    assert _speakers(text)["We will not wait for them,"] == "the retired Ohio senator and party candidate"


def test_two_phrases_each_with_an_article_are_left_alone() -> None:
    from analysis.quotes.coordinated_titles import coordinated_title

    text = "The mayor and the governor said"
    assert coordinated_title(text, 0, text.index("said")) is None


def test_initial_in_a_title_keeps_quote_and_speaker_together() -> None:
    text = ('The race tightened.\n\n"We have lost our way on this," former John Q. Adams aide '
            'Petra Voss wrote in a column.')
    assert _speakers(text)["We have lost our way on this,"] == "Petra Voss"


def test_long_title_before_a_dash_aside() -> None:
    text = ('The vote is close. A former Democratic state treasurer -- Oren Falk, who lost in 2010 -- '
            'said the plan "offered nothing new."')
    assert _speakers(text)["offered nothing new."] == "A former Democratic state treasurer"


def test_passive_participle_in_a_dash_aside() -> None:
    text = ('The list grew. On Monday, Oren Falk — named by the Ledger as the likely pick — told '
            'a radio host that “you have to take it seriously.”')
    assert _speakers(text)["you have to take it seriously."] == "Oren Falk"


def test_coordinated_title_reads_a_bounded_window_before_the_cue() -> None:
    from analysis.quotes.coordinated_titles import coordinated_title

    phrase = "the retired Ohio judge and county commissioner said"
    assert coordinated_title(phrase, 0, phrase.index("said")).text == phrase[:-5]
    after_stop = "word " * 200 + ". " + phrase
    assert coordinated_title(after_stop, 0, after_stop.index("said")).text == phrase[:-5]
    # a run of words longer than any description (no punctuation for 1,000 characters)
    run_on = "word " * 200 + phrase
    assert coordinated_title(run_on, 0, run_on.index("said")) is None


def test_a_second_clause_after_while_has_its_own_subject_across_a_titled_aside() -> None:
    text = ("Ivo Marsh said the ferry timetable was “a mess,” while Rhea Dunn, the author of "
            "“Low Tide,” said the new boats were “a fair start.”")
    quotes = {q.text: q.speaker for q in extract_quotes(text) if q.kind == "partial"}
    assert quotes["a mess,"] == "Ivo Marsh"
    assert quotes["a fair start."] == "Rhea Dunn"
