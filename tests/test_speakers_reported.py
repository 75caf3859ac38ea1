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


# --- a direct quote going on from the reported clause before it ---------------------------


def _direct_content(text: str) -> list[str]:
    return [text[q.content_start : q.content_end] for q in extract_quotes(text) if q.kind == "direct"]


def test_direct_quote_after_reported_speech_shares_its_clause() -> None:
    text = "Ines Ward said that the ferry would run again in June. “We have the crew now.”"
    assert _direct_content(text) == ["that the ferry would run again in June. “We have the crew now.”"]


def test_direct_quote_after_a_clause_before_its_cue_starts_at_the_sentence() -> None:
    text = "The ferry will run again in June, Ines Ward said. “We have the crew now.”"
    assert _direct_content(text) == ["The ferry will run again in June, Ines Ward said. “We have the crew now.”"]


def test_direct_quote_after_a_request_is_its_own_content() -> None:
    text = "Ines Ward told the crew to wait for the tide. “We sail at noon.”"
    assert _direct_content(text) == ["“We sail at noon.”"]


def test_second_quote_after_reported_speech_is_its_own_content() -> None:
    text = ("Ines Ward said that the ferry would run again in June. “We have the crew now.” "
            "“The boat is another matter.”")
    assert _direct_content(text)[1] == "“The boat is another matter.”"


# --- adverbs and time phrases between a speaker and the cue -------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rep. Ola Brandt (D-Maine) last week said the levy was “a tax on rain” for growers.",
         "Rep. Ola Brandt"),
        ("The harbour board this month said the cranes were “older than the port itself”.",
         "The harbour board"),
        ("Ola Brandt Tuesday said the council “offered nothing new” at all.", "Ola Brandt"),
        ("Ola Brandt however said she would welcome a “regional ferry network” soon.", "Ola Brandt"),
        ("Ola Brandt meanwhile said the council “offered nothing new” at all.", "Ola Brandt"),
    ],
)
def test_time_phrase_or_adverb_before_the_cue_is_skipped(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_weekday_after_a_preposition_keeps_the_prepositional_rule() -> None:
    text = "The mayor, who had been away all week, on Friday called the plan “a gift to the port”."
    assert _speakers(text) == ["The mayor"]


@pytest.mark.parametrize(
    "text",
    [
        "Minutes later, she sent the board a note saying, “the vote stands as it is.”",
        "Hours later, she sent the board a note saying, “the vote stands as it is.”",
    ],
)
def test_time_phrase_opening_the_sentence_is_not_its_subject(text: str) -> None:
    assert _speakers(text) == ["she"]


# --- a partial quote after an attribution set off by commas inside its clause -------------


def _partial_content(text: str) -> list[str]:
    return [text[q.content_start : q.content_end] for q in extract_quotes(text) if q.kind == "partial"]


def test_clause_before_a_parenthetical_attribution_is_content() -> None:
    text = "The ferry to the islands, Ola Brandt said, was “never meant to make money”."
    assert _partial_content(text) == [
        "The ferry to the islands, Ola Brandt said, was “never meant to make money”"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("But, Ola Brandt said, the ferry was “never meant to make money”.",
         "the ferry was “never meant to make money”"),
        ("In both towns, Ola Brandt said, the ferry was “never meant to make money”.",
         "the ferry was “never meant to make money”"),
        ("Asked about it, Ola Brandt said the ferry was “never meant to make money”.",
         "the ferry was “never meant to make money”"),
    ],
)
def test_opener_before_a_parenthetical_attribution_is_not_content(text: str, content: str) -> None:
    assert _partial_content(text) == [content]


# --- a description after the quote with two adjectives parted by a comma ------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The tide decides, not us,” the soft-spoken, 58-year-old skipper said.",
         "the soft-spoken, 58-year-old skipper"),
        ("“The tide decides, not us,” the bearded, weather-beaten skipper said.",
         "the bearded, weather-beaten skipper"),
    ],
)
def test_description_with_coordinate_adjectives_is_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_comma_between_two_phrases_is_not_a_description() -> None:
    text = "In the town, local officials said the levy was “a tax on rain” for everyone."
    assert _speakers(text) == ["local officials"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Talks resumed hours after the trade minister said a deal was "within reach."',
     "the trade minister"),
    ('Shares fell before Ana Ruiz said the plant would "close for good."', "Ana Ruiz"),
    ('Markets calmed a day after the central bank said rates would "stay put."',
     "the central bank"),
])
def test_the_subject_of_a_clause_after_a_subordinator_is_the_speaker(text, speaker):
    [quote] = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert quote.speaker == speaker


def test_a_time_phrase_between_subject_and_cue_keeps_the_subject():
    [quote] = [q for q in extract_quotes('Ana Ruiz after the meeting said it was "a good day."')
               if q.kind == "partial"]
    assert quote.speaker == "Ana Ruiz"
