"""Speaker phrases of issue 12's attribution categories, on sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _speech(text: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker) for q in extract_quotes(text)]


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- multi-paragraph quotes -------------------------------------------------------------


def test_multi_paragraph_quote_takes_the_cue_at_its_end() -> None:
    text = ("Premier Hugo Tarn opened the fair. Would the Dairy Council join the scheme?\n\n"
            "“We asked for this for ten years. Nobody answered our letters.\n\n"
            "“Now there is money on the table, and we will read every clause.\n\n"
            "“If it helps the small farms, we are in,” Elsa Brink said.")
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Elsa Brink")]
    assert quotes[0].text.count("\n") >= 2


def test_multi_paragraph_quote_with_pronoun_cue_keeps_the_pronoun() -> None:
    text = ("The mayor, Otto Grau, toured the dam on Friday.\n\n"
            "“The walls are older than the town hall.\n\n"
            "“They will be repaired before the rains,” he said.")
    assert _speakers(text) == ["he"]


# --- quote-only paragraphs continuing the previous speaker -----------------------------


def test_quote_paragraph_goes_on_with_previous_speaker() -> None:
    text = ("“The bridge opens in May,” said Rosa Lind, the city engineer.\n\n"
            "“After that, the ferries stop.”")
    assert _speakers(text) == ["Rosa Lind", "Rosa Lind"]


def test_quote_after_section_label_does_not_continue() -> None:
    text = ("“We will look at it,” the growers said.\n\n"
            "MARKET VIEW: “Grain prices have already priced this in.”")
    assert _speakers(text) == ["the growers", None]


# --- appositives and "of" phrases --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The pier will be ready,” the mayor's press officer, Linus Ekdahl, told reporters.",
         "Linus Ekdahl"),
        ("“Orders are slowing,” Nadia Orr of Birchfield Research said.", "Nadia Orr"),
        ("Rep. Carl Moss of Vermont, the panel's senior member, said the bill was “a mess.”",
         "Rep. Carl Moss"),
        ("Ida Krum, Minister of Fisheries, Forests and Water, said the quota was “fair.”",
         "Ida Krum"),
        ("According to Peru's ambassador, Tomas Vidal, the treaty is “nearly agreed.”",
         "Tomas Vidal"),
        ("“We will strike,” said Aron Pike of the Dock Workers Federation.", "Aron Pike"),
        ("“It holds,” said Peru's deputy trade envoy Marta Quispe.", "Marta Quispe"),
        ("The head of Lumen Ltd, Greta Holm, said the sale was “a good fit.”", "Greta Holm"),
    ],
)
def test_speaker_is_the_head_person(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_of_phrase_of_an_institution_stays_whole() -> None:
    text = "The Bank of Westland said the rate was “too high.”"
    assert "Westland" in _speakers(text)[0]


def test_place_after_a_description_is_not_a_person() -> None:
    text = "Ola Berg, a 60-year-old baker from Lund, Skane County, said it was “too late.”"
    assert _speakers(text) != ["Skane County"]


def test_office_with_of_keeps_the_office() -> None:
    text = "Secretary of State Vera Lind said the talks were “useful.”"
    assert _speakers(text) == ["Secretary of State Vera Lind"]


# --- words that are not speakers ---------------------------------------------------------


def test_time_phrase_is_not_the_speaker() -> None:
    text = "Councillor Petra Vik earlier this month called the budget a “fantasy.”"
    assert _speakers(text) == ["Councillor Petra Vik"]


def test_verb_glued_to_a_plural_is_not_the_speaker() -> None:
    text = "Guard Leo Moen said he heard strikers chant, “Pay us now!”"
    assert _speakers(text) == ["strikers"]


def test_section_label_is_not_a_speaker() -> None:
    text = "Intro line.\n\nANALYSIS: “The currency has further to fall.”"
    assert _speakers(text) == [None]


def test_section_label_is_not_the_subject_of_a_participle() -> None:
    text = "OUTLOOK: Shares rose after the vote, with brokers saying the gain was “priced in.”"
    assert _speakers(text) != ["OUTLOOK"]


def test_plural_glued_to_previous_words_is_alone() -> None:
    text = "Exports fell sharply across the north in April Economists said the slide was “brief.”"
    assert _speakers(text) == ["Economists"]


def test_cue_after_but_now_shares_the_subject() -> None:
    text = "Mayor Ines Falk once opposed the tunnel, but now said it was “the only way.”"
    assert _speakers(text) == ["Mayor Ines Falk"]


# --- descriptions after the quote ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Ship early, fix later,” says the 29-year-old co-founder of a drone firm.",
         "the 29-year-old co-founder of a drone firm"),
        ("“Footnotes hold the truth,” the soft-spoken historian said.", "the soft-spoken historian"),
    ],
)
def test_description_after_the_quote_is_the_speaker(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


# --- titles versus scare quotes --------------------------------------------------------------


def test_title_after_a_scene_from() -> None:
    text = "The choir ended the night with a scene from “Lanterns Over Kestrel Bay.”"
    assert _speech(text) == [("title", None)]


def test_titles_after_title_nouns() -> None:
    text = "She starred in the film “Quiet Harbour Nights.” His book “The Salt Road” sold well."
    assert [kind for kind, _ in _speech(text)] == ["title", "title"]


def test_words_quoted_as_words_are_not_speech() -> None:
    text = "Students say they use terms like “glowup” and “dripcheck” every day."
    assert _speech(text) == [("scare", None), ("scare", None)]


def test_the_word_x_is_not_speech() -> None:
    text = "The word “resilience” appears nine times in the plan, she said."
    assert _speech(text)[0] == ("scare", None)
