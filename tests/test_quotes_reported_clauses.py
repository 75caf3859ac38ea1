"""Reported speech and speakers from a new-user trial's categories, on sentences written here.

Each test fails on the extractor before the change it covers (quantified clause subjects,
"told X" without "that", ", adding that ...", name particles, addressees and venues).
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.records import Quote


def _indirect(text: str) -> list[Quote]:
    return [q for q in extract_quotes(text) if q.kind == "indirect"]


# --- a reported clause whose subject opens with a quantifier -------------------------------------


@pytest.mark.parametrize(("text", "content"), [
    ("The harbour master said several trawlers had ignored the ban.",
     "several trawlers had ignored the ban"),
    ("Okafor said many growers would sell early this year.", "many growers would sell early this year"),
    ("A union steward said two drivers were hurt in the crash.", "two drivers were hurt in the crash"),
    ("The mayor said both bridges will close in May.", "both bridges will close in May"),
    ("Ferrand said most of the stalls opened late.", "most of the stalls opened late"),
])
def test_a_quantified_subject_opens_a_reported_clause(text: str, content: str) -> None:
    found = _indirect(text)
    assert [(q.text, q.speaker is not None) for q in found] == [(content, True)]


@pytest.mark.parametrize("text", [
    "Okafor said several times before the vote.",
    "The harbour master said two weeks ago the port reopened.",
    "Okafor said many things about the harbour.",
])
def test_a_quantifier_without_a_verb_after_it_is_no_clause(text: str) -> None:
    assert [q.text for q in _indirect(text) if q.text.split()[0] in {"several", "two", "many"}] == []


# --- "told X CLAUSE" without "that": the addressee ends before the clause's article ---------------


def test_told_reporters_without_that_reports_the_clause() -> None:
    text = "Mayor Dana Okafor told reporters the harbour tunnel would not open before spring."
    found = _indirect(text)
    assert [(q.text, q.speaker, q.addressee) for q in found] == [
        ("the harbour tunnel would not open before spring", "Mayor Dana Okafor", "reporters")]


def test_an_article_after_a_preposition_stays_in_the_addressee() -> None:
    text = "Okafor told reporters outside a polling station that the count was slow."
    assert [q.addressee for q in _indirect(text)] == ["reporters outside a polling station"]


# --- addressees: a group after a capitalised modifier; venues are no addressee -----------------


def test_a_capitalised_modifier_goes_on_to_the_group_noun() -> None:
    text = "Okafor urged Nordic partners to “share the cost of the new cable.”"
    quote = next(q for q in extract_quotes(text) if q.kind == "partial")
    assert (quote.addressee, quote.addressee_actor) == ("Nordic partners", None)


def test_a_group_noun_before_a_verb_is_left_to_the_clause() -> None:
    from analysis.quotes.addressees import addressee_after

    text = "told Oslo officials would meet next week."
    phrase = addressee_after(text, 5, len(text))
    assert phrase is not None and phrase.text == "Oslo"  # "officials would meet": the clause's


@pytest.mark.parametrize("venue", ["a news conference", "the meeting", "a joint press conference",
                                   "the summit"])
def test_a_venue_is_no_addressee_and_the_content_starts_after_it(venue: str) -> None:
    text = f"Okafor told {venue} in Tallinn that the cable would be finished in May."
    found = _indirect(text)
    assert [(q.text, q.addressee, q.addressee_actor) for q in found] == [
        ("the cable would be finished in May", None, None)]


# --- speaker spans: lower-case name particles and a leading dotted abbreviation ---------------


@pytest.mark.parametrize(("text", "speaker"), [
    ("Harbour Board Chair Marieke van der Berg told reporters that the dock would reopen.",
     "Harbour Board Chair Marieke van der Berg"),
    ("Maria da Costa said that the dock would reopen.", "Maria da Costa"),
    ("Jan de la Rosa said that the dock would reopen.", "Jan de la Rosa"),
    ("U.K. Minister of Trade Ann Kerr said that the dock would reopen.",
     "U.K. Minister of Trade Ann Kerr"),
])
def test_the_speaker_span_keeps_particles_and_a_leading_abbreviation(text: str, speaker: str) -> None:
    assert [q.speaker for q in _indirect(text)] == [speaker]


# --- ", adding that ...": the speaker's next reported clause ------------------------------------


def test_adding_that_after_a_quote_is_indirect_speech_of_the_speaker() -> None:
    text = "“The cable is the best deal we have struck,” Okafor said, adding that Oslo would pay half."
    found = [(q.kind, q.text, q.speaker) for q in extract_quotes(text)]
    assert found == [("direct", "The cable is the best deal we have struck,", "Okafor"),
                     ("indirect", "Oslo would pay half", "Okafor")]


def test_a_reported_clause_ends_before_adding_that() -> None:
    text = "Okafor said the cable talks had gone well, noting that Oslo would pay half."
    assert [(q.text, q.speaker) for q in _indirect(text)] == [
        ("the cable talks had gone well", "Okafor"), ("Oslo would pay half", "Okafor")]


def test_a_reported_clause_before_adding_and_a_quote_is_found() -> None:
    text = "Okafor said Oslo would pay half of the cable, adding: “Nobody else offered a krone.”"
    found = [(q.kind, q.text, q.speaker) for q in extract_quotes(text)]
    assert found == [("indirect", "Oslo would pay half of the cable", "Okafor"),
                     ("direct", "Nobody else offered a krone.", "Okafor")]


def test_a_time_phrase_before_adding_that_is_no_clause() -> None:
    text = "Okafor said Thursday night, adding that Oslo would pay half."
    assert [q.text for q in _indirect(text)] == ["Oslo would pay half"]


def test_a_participle_speaker_keeps_the_office_with_its_of() -> None:
    text = "Former Minister of Fisheries Ada Lund drew a contrast, saying that quotas were not to blame."
    assert [(q.text, q.speaker) for q in _indirect(text)] == [
        ("quotas were not to blame", "Former Minister of Fisheries Ada Lund")]


def test_a_participle_speaker_of_a_partial_quote_keeps_the_office() -> None:
    text = "Former Minister of Fisheries Ada Lund drew a contrast, saying “quotas were not to blame.”"
    assert [q.speaker for q in extract_quotes(text) if q.kind == "partial"] == [
        "Former Minister of Fisheries Ada Lund"]
