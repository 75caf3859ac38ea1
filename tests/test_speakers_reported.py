"""Speakers of quotes inside reported clauses (issue 12, round two), on sentences written here."""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- a pronoun's cue inside the clause an outer cue reports ------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Inga Moss said she asks her interns to “read every clause twice” before a vote.",
         "Inga Moss"),
        ("The harbour master said on Monday that he called the new cranes “a gamble”.",
         "The harbour master"),
        ("The dockers' union said they urged the board to “stop the sale at once”.",
         "The dockers' union"),
        ("Two growers said on Friday that they called the levy “a tax on rain”.", "Two growers"),
    ],
)
def test_pronoun_cue_in_a_reported_clause_is_the_outer_speakers(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_pronoun_cue_after_a_full_stop_keeps_its_own_speaker() -> None:
    text = "Inga Moss spoke first. Then he called the cranes “a gamble nobody in the port wanted”."
    assert _speakers(text) == ["he"]


def test_pronoun_cue_after_a_comma_clause_keeps_its_own_speaker() -> None:
    text = ("Inga Moss said the port was calm, and later he called the cranes "
            "“a gamble nobody in the port wanted”.")
    assert _speakers(text) == ["he"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The engineers testified that he told them to “sign the report before noon”.", "he"),
        ("Maria Lopez said he asked the crew to “keep the valves shut”.", "he"),
        ("She said he asked the crew to “keep the valves shut”.", "he"),
        ("Peter Hale said they urged him to “wait for the audit”.", "they"),
    ],
)
def test_pronoun_that_cannot_be_the_outer_speaker_keeps_its_cue(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]
