"""Content spans, round three: the object of a cue, and words after the quote.

Sentences and gold spans written by hand for these tests (no corpus text).
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _partial_contents(text: str) -> list[str]:
    return [text[q.content_start : q.content_end] for q in extract_quotes(text)
            if q.kind == "partial"]


# The noun phrase after "accuse", "urge", "ask" ... is content when the reported
# predicate about it follows ("of ...", "to ..."); after "told X that" it is not.
OBJECT_CASES = [
    (
        "Mayor Odile Varga accused Councillor Ostrow of “sinking the ferry plan.”",
        "Councillor Ostrow of “sinking the ferry plan.”",
    ),
    (
        "Varga urged the harbour board to “stop dithering” before winter.",
        "the harbour board to “stop dithering” before winter",
    ),
    (
        "Varga told the harbour board that the ferry was “years late.”",
        "that the ferry was “years late.”",
    ),
]


@pytest.mark.parametrize(("text", "content"), OBJECT_CASES)
def test_the_object_of_a_cue_is_content_before_its_predicate(text, content):
    assert _partial_contents(text) == [content]


# A medium or occasion phrase right after the quote, or a main clause after an
# introductory clause that ends with the quote, is not content.
AFTER_QUOTE_CASES = [
    (
        "Ostrow said the timetable was “pure fantasy” in a radio interview on Tuesday.",
        "the timetable was “pure fantasy”",
    ),
    (
        "Varga called the vote “a triumph for the coast” on Twitter.",
        "the vote “a triumph for the coast”",
    ),
    (
        "While Ostrow called the ferry “a floating money pit,” Varga defended its cost.",
        "the ferry “a floating money pit,”",
    ),
]


@pytest.mark.parametrize(("text", "content"), AFTER_QUOTE_CASES)
def test_words_after_the_quote_that_say_how_it_was_said_are_not_content(text, content):
    assert _partial_contents(text) == [content]


def test_a_phrase_after_the_quote_that_goes_on_with_the_clause_stays_content():
    text = "Ostrow said the ferry was “far too slow” for the island’s commuters."
    assert _partial_contents(text) == ["the ferry was “far too slow” for the island’s commuters"]


# A partial quote whose speaker is the subject, with no speech verb: the content is
# the verb's object with the quote.
SUBJECT_VERB_CASES = [
    (
        "Councillor Bram Ostrow blamed the ferry delays on “sloppy planning” by the port.",
        "the ferry delays on “sloppy planning” by the port",
    ),
    (
        "Mayor Odile Varga has also praised the new terminal as “a gift to the island.”",
        "the new terminal as “a gift to the island.”",
    ),
]


@pytest.mark.parametrize(("text", "content"), SUBJECT_VERB_CASES)
def test_the_object_of_the_speakers_verb_is_content(text, content):
    assert _partial_contents(text) == [content]


def test_a_gerund_after_before_is_the_speakers_next_act():
    text = "Ostrow said the board “never listens” before walking out of the meeting."
    assert _partial_contents(text) == ["the board “never listens”"]


def test_a_that_after_place_and_time_phrases_with_commas_opens_the_content():
    text = ("Councillor Bram Ostrow said in Port Elsin, Nova Scotia on Friday that the "
            "ferry was “a lost cause.”")
    assert _partial_contents(text) == ["that the ferry was “a lost cause.”"]


def test_a_direct_quote_that_ends_a_that_clause_takes_the_clause():
    text = "Varga said that after twelve years of delays, “The ferry sails in May.”"
    [quote] = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert text[quote.content_start : quote.content_end] == (
        "that after twelve years of delays, “The ferry sails in May.”")
