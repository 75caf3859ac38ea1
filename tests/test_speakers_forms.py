"""Speaker forms without a plain "X said": sign-offs, labels, infinitives, partitives, titles.

Every sentence here is written for these tests; the gold speakers are hand-annotated.
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- dash sign-offs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("“The ferry is late every single day.” — Nora Quill", ["Nora Quill"]),
        ("“The ferry is late every single day.”― Nora Quill, a nurse from Hull.", ["Nora Quill"]),
        ("“The ferry is late.” – Nora Quill\n“Nobody listens to us.” – Idris Fenn",
         ["Nora Quill", "Idris Fenn"]),
        ("Readers wrote in.\n\n“Fix the trains first.”\n\n- Gail Moss.", ["Gail Moss"]),
        ("“Fix the trains first.” -- Dr. Aled Price", ["Dr. Aled Price"]),
    ],
)
def test_dash_sign_off_names_the_speaker(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


def test_dash_before_a_source_is_no_speaker_and_stops_continuation() -> None:
    text = ("“We will appeal,” Petra Holm said.\n"
            "“Shares fell four percent in early trading.” — Reuters")
    assert _speakers(text) == ["Petra Holm", None]


def test_dash_inside_a_sentence_is_no_sign_off() -> None:
    text = "“We won,” she said — and the hall cheered for Nora Quill."
    assert _speakers(text) == ["she"]


# --- speaker labels ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Rep. Ada Quist (D-Ore.): “The bill is dead on arrival.”", ["Rep. Ada Quist"]),
        ("The exchange went on.\n\nMarta Lenz: “We never saw the contract.”", ["Marta Lenz"]),
    ],
)
def test_paragraph_label_names_the_speaker(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


def test_section_label_is_no_speaker() -> None:
    assert _speakers("Intro.\n\nEXPERT VIEW: “Rates will stay where they are.”") in ([None], [])


# --- infinitives whose subject speaks -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Ines Varga went on to say, “The port will reopen next month.”", ["Ines Varga"]),
        ("Ines Varga was quick to add: “The port will reopen.”", ["Ines Varga"]),
        ("The envoy wanted to say “thank you” to the crew before leaving.", ["The envoy"]),
    ],
)
def test_infinitive_cue_takes_its_clause_subject(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


# --- inverted verbs, partitives, apposed names ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Build the levee now,” urged Colm Dwyer, the county engineer.", "Colm Dwyer"),
        ("“Nobody will be left behind,” vowed Hana Sato.", "Hana Sato"),
        ("“This is not over,” cautioned Reza Amini of the drivers' union.", "Reza Amini"),
        ("“Build the levee now,” said the mayor's deputy, engineer Lara Boyd.", "Lara Boyd"),
        ("“It is finished,” said one of three officials who attended the meeting.",
         "one of three officials"),
        ("“It is finished,” one of the aides said.", "one of the aides"),
    ],
)
def test_inverted_and_partitive_speakers(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_participle_does_not_invert_onto_its_object() -> None:
    text = ("Dale Ortiz said the club would meet again, “It is time we change how we do it,” "
            "promising the Friends of the Lake a new season.")
    assert _speakers(text) == ["Dale Ortiz"]


def test_titled_surname_before_of_phrase() -> None:
    text = "“It was the least bad outcome,” Mr. Okafor of the River Trust said."
    quote = extract_quotes(text)[0]
    assert quote.speaker == "Mr. Okafor"


@pytest.mark.parametrize("place", ["St. Louis", "Mt. Hood"])
def test_abbreviated_places_are_not_titled_surnames(place: str) -> None:
    from analysis.quotes.heads import is_titled_surname

    assert not is_titled_surname(place)
