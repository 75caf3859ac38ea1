"""Speakers of quotes, round ten (paragraphs and pronouns): forms on sentences written here."""

from __future__ import annotations

from analysis.quotes.extract import extract_quotes
from analysis.text.segmentation import split_sentences


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- a line break after a quoted question ends its sentence ---------------------------------------


def test_a_line_break_after_a_quoted_question_ends_the_sentence() -> None:
    text = ("Intro line.\n\nThe mayor was asked about the levy. \"They pay,\" she said. \"Who doesn't?\"\n"
            "Later, Tomas Verhoek argued that ferries should be free.")
    assert len(split_sentences(text)) == 5


def test_a_quote_before_a_line_break_keeps_its_own_speaker() -> None:
    text = ("Intro line.\n\nThe mayor was asked about the levy. \"They pay,\" she said. \"Who doesn't?\"\n"
            "Later, Tomas Verhoek argued that ferries should be free.")
    assert _speakers(text) == ["she", "she"]


# --- a quote paragraph after a sentence that closed with another speaker's cue -----------------


def test_a_quote_paragraph_goes_on_with_the_closing_cue_of_the_paragraph_before() -> None:
    text = ("Intro.\n\nHis cousins have mocked the plan, calling it “a sandcastle,” Pieter Oyelaran "
            "said as he packed up.\n\n“But it is our sandcastle, and it will stand!”")
    assert _speakers(text) == ["His cousins", "Pieter Oyelaran"]


def test_a_quote_paragraph_after_its_own_speakers_cue_keeps_that_speaker() -> None:
    text = ("Intro.\n\n“It floods every spring,” Pieter Oyelaran said as he packed up.\n\n"
            "“Nobody listens.”")
    assert _speakers(text) == ["Pieter Oyelaran", "Pieter Oyelaran"]
