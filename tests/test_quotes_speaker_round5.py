"""Speakers of quotes, round five (issue 12): phrases that are no speaker, on sentences written here."""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.speaker_phrase import is_speaker_phrase, is_subject_phrase


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- what a speaker phrase cannot be ---------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["Perhaps", "Hastily", "See", "the days", "four months ago", "the mayor must sign",
     "told Lund", "calling Berg's", "The doubts being", "the plan has been"],
)
def test_no_noun_phrase_is_no_speaker(phrase: str) -> None:
    assert not is_speaker_phrase(phrase)


@pytest.mark.parametrize(
    "phrase",
    ["Lund", "the harbour board", "The Daily Times", "Early", "Dana Holt", "the pilots"],
)
def test_noun_phrases_are_speakers(phrase: str) -> None:
    assert is_speaker_phrase(phrase)


def test_a_participle_is_no_subject() -> None:
    assert not is_subject_phrase("citing the report")
    assert is_subject_phrase("the council")


# --- the rules look past such phrases ---------------------------------------------------------


def test_a_time_phrase_before_the_cue_is_no_speaker() -> None:
    text = ("The port authority less than three weeks ago said for the first time that "
            "“serious faults” had been found in the hull.")
    assert "three weeks ago" not in _speakers(text)


def test_a_participle_after_a_comma_shares_the_sentence_subject() -> None:
    text = ("Senator Ray Dunn mocked the plan, calling Berg's proposed toll “a tax on "
            "commuters.”")
    assert _speakers(text) == ["Senator Ray Dunn"]


def test_a_sentence_opening_preposition_read_as_a_name_is_no_speaker() -> None:
    text = ("Outside the town hall in the old quarter, about 50 dockers gathered in two groups, "
            "holding placards and chanting “Fair pay now.”")
    assert "Outside" not in _speakers(text)


# --- a quote paragraph after a paragraph about one person -------------------------------------


def test_a_quote_paragraph_after_a_sentence_about_a_person_is_theirs() -> None:
    text = ("The council met on Monday.\n\n"
            "Mayor Inga Sorel is confident the new tram line will open on time.\n\n"
            "“We have the money and we have the drivers. Only the rails are missing.”")
    assert _speakers(text) == ["Mayor Inga Sorel"]


def test_the_lead_paragraph_must_hold_no_quote_of_its_own() -> None:
    text = ("“Rails come first,” Berg said at the depot. Inga Sorel is confident the line will "
            "open on time.\n\n"
            "“We have the money and we have the drivers.”")
    assert _speakers(text)[1] != "Inga Sorel"


def test_a_quote_paragraph_with_a_cue_of_its_own_is_left_to_it() -> None:
    text = ("Inga Sorel is confident the tram line will open on time.\n\n"
            "“We have the money,” the transport minister said.")
    assert _speakers(text) == ["the transport minister"]


def test_a_pronoun_lead_gives_nothing() -> None:
    text = ("She is confident the tram line will open on time.\n\n"
            "“We have the money and we have the drivers.”")
    assert _speakers(text) == [None]


# --- an absolute "with" clause whose subject is two phrases joined by "and" -------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The square was packed, with many dockers and sailors chanting “Fair pay now.”",
         "many dockers and sailors"),
        ("Holt was calm, with dockers and pilots shouting “Fair pay now” at the gates.",
         "dockers and pilots"),
        ("The square was packed, with many dockers chanting “Fair pay now.”", "many dockers"),
    ],
)
def test_joined_subjects_of_an_absolute_with_clause_speak(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_a_description_before_a_participle_without_with_is_no_speaker() -> None:
    text = "Lund released a statement saying the port was “ready for winter.”"
    assert _speakers(text) == ["Lund"]


# --- a lone quantifier after "yet" or "still" --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Yet another said, “Lund is in a five-way race for second place.”",
     "Still another added, “The ferry will not run before May.”"],
)
def test_a_quantifier_after_yet_or_still_is_a_speaker(text: str) -> None:
    assert [s.lower() for s in _speakers(text) if s] == ["another"]


# --- three more verbs of saying -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“I never read the report before the vote,” Lund confessed.", "Lund"),
        ("“The ferry will be late again,” she surmised, looking at the fog.", "she"),
        ("Holt elaborated: “The timetable was written for summer, not for storms.”", "Holt"),
    ],
)
def test_confessed_surmised_and_elaborated_are_speech_cues(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_expressed_next_to_a_quote_is_a_cue() -> None:
    text = "Lund expressed amusement that the ferry was now “faster than the train.”"
    assert _speakers(text) == ["Lund"]


def test_a_phrase_ending_in_being_is_no_speaker() -> None:
    text = ("The doubts being voiced by many dockers go beyond the plan to make the ferry "
            "“faster than the train,” which nobody believes.")
    assert "The doubts being" not in _speakers(text)
