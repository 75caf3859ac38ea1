"""Speakers of quotes, round ten (subjects of participle cues), on sentences written here."""

from __future__ import annotations

from analysis.quotes.extract import extract_quotes
from analysis.quotes.main_clause import main_clause_subject


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- a participle after the main clause: the main clause's subject speaks ----------------------


def test_a_participle_after_an_apposition_subject_is_the_subjects() -> None:
    text = ("Orla K. Brennick, director of the Tern Bay Council, linked the rise to warmer "
            "winters, saying the data showed “a shift nobody planned for.”")
    assert _speakers(text) == ["Orla K. Brennick"]


def test_a_participle_after_a_perfect_main_verb_is_the_subjects() -> None:
    text = ("Councillor Mirela Stanek has taken aim at the mayor's budget, saying that "
            "“hollow promises” will not fix the roads.")
    assert _speakers(text) == ["Councillor Mirela Stanek"]


def test_a_participle_after_an_irregular_past_verb_is_the_subjects() -> None:
    text = ("Her office put out a statement saying the plan “cannot survive another winter "
            "of delays and excuses.”")
    assert _speakers(text) == ["Her office"]


def test_a_participle_after_two_joined_subjects_is_both_of_theirs() -> None:
    text = ("Ostrander and other senior Guild members boycotted the gala last week, claiming "
            "that the host was “no friend of the trade.”")
    assert _speakers(text) == ["Ostrander and other senior Guild members"]


def test_a_participle_after_an_introductory_clause_is_the_main_subjects() -> None:
    text = ("Soon after the hearing ended, Veldt's campaign sent out a notice saying the "
            "judge owes “the county an apology for the delay.”")
    assert _speakers(text) == ["Veldt's campaign"]


def test_a_participle_after_two_introductory_phrases_is_the_main_subjects() -> None:
    text = ("In March 2011, after Pelham slipped on the ice, Corrigan wrote him a note, "
            "calling him “the toughest man in the county.”")
    assert _speakers(text) == ["Corrigan"]


# --- the reader itself -------------------------------------------------------------------------


def test_a_relative_clause_verb_is_not_the_main_verb() -> None:
    text = "Tamsin Oyelaran, who is an engineer, also faulted the bridge design"
    subject = main_clause_subject(text, 0, len(text))
    assert subject is not None and subject.text == "Tamsin Oyelaran"


def test_a_clause_with_no_finite_verb_has_no_subject() -> None:
    text = "During the long and noisy meeting in the town hall"
    assert main_clause_subject(text, 0, len(text)) is None


# --- a name after a preposition right before a participle: the main clause's subject ------------


def test_a_time_name_before_a_participle_is_no_speaker() -> None:
    text = ("She mailed a short letter to the Tern Gazette in March explaining that her plan "
            "was “a lifeline for the ferries.”")
    assert _speakers(text) == ["She"]


def test_a_name_after_of_keeps_its_participle() -> None:
    text = "The clip then cuts to footage of Brandvold saying “we will never sell the docks.”"
    assert _speakers(text) == ["Brandvold"]


# --- a subordinate clause with its own auxiliary: its subject speaks ---------------------------


def test_the_subject_of_a_subordinate_clause_with_an_auxiliary_speaks() -> None:
    text = ("A magistrate fined a 40-year-old farmer and a local trader after the farmer had "
            "written on his blog that the levy was “theft in broad daylight.”")
    assert _speakers(text) == ["the farmer"]


# --- a subject with a joined head before it; a second participle after the quote -------------


def test_a_subject_joined_by_and_before_a_name_speaks_for_later_participles() -> None:
    text = ("Tern Radio and former ferry captain Ilse Marno has given several talks this year, "
            "urging cadets “to keep the charts dry,” and telling the class of 2019, "
            "“Nobody rescues a sailor who will not row.”")
    quotes = [q for q in extract_quotes(text) if q.kind in {"direct", "partial"}]
    assert [q.speaker for q in quotes] == ["Ilse Marno", "Ilse Marno"]
    partial = quotes[0]
    assert text[partial.content_start : partial.content_end] == "“to keep the charts dry,”"


def test_words_before_a_subject_without_a_joined_head_are_no_subject() -> None:
    text = "The first taste the crowd gets of Ilse Marno is a song"
    assert main_clause_subject(text, 0, len(text)) is None


# --- a cue after "and": the subject of the verb it is coordinated with ------------------------


def test_a_cue_after_and_takes_the_subject_of_an_adverbial_clause_verb() -> None:
    text = ("The debate turned sharp, as when Okafor faulted Lindqvist on tariffs and called "
            "him a “weathervane,” a jab at his record.")
    assert _speakers(text) == ["Okafor"]


def test_a_verb_inside_a_that_clause_is_not_the_coordinated_one() -> None:
    text = ("(Brandt's aide disputed the claim that Brandt had ever “mocked” voters, and said "
            "he “respects every one of them.”)")
    assert _speakers(text)[-1] == "Brandt's aide"


def test_a_nearer_coordinated_subject_wins_over_an_earlier_cue() -> None:
    text = ("When I asked Ilse Marno whether she would run, she looked at the harbour, "
            "shrugged her shoulders and said, “Ask me after the storm.”")
    assert _speakers(text) == ["she"]


# --- a share of people as a cue's subject ------------------------------------------------------


def test_a_share_in_ten_of_voters_speaks() -> None:
    text = "About three in 10 Tern Valley ferry riders say that the fares are “simply too high.”"
    assert _speakers(text) == ["About three in 10 Tern Valley ferry riders"]


def test_a_share_of_voters_after_a_sentence_start_speaks() -> None:
    text = "At least half of riders in each town say the timetable is “a work of fiction.”"
    assert _speakers(text) == ["At least half of riders in each town"]
