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


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Senator Ilse Varga spoke last.\n\n“The levy will not pass this year.”\n\n- Varga.",
         ["Varga"]),
        ("The mayor posted a reply.\n\n“Great turnout tonight, thank you all.”\n\n"
         "-Mayor Tobin, writing after the vote.", ["Mayor Tobin"]),
        ("Letters came in.\n\n“Fix the buses before the trams.”\n\n-Rhea Castell, Leeds.",
         ["Rhea Castell"]),
    ],
)
def test_sign_off_by_surname_title_or_touching_hyphen(text: str, speakers: list[str]) -> None:
    assert _speakers(text) == speakers


def test_surname_sign_off_needs_the_full_name_earlier() -> None:
    text = "The port reopened.\n\n“Ships are moving again along the coast.”\n\n- Harbor."
    assert _speakers(text) == [None]


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


# --- canonical actors ----------------------------------------------------------------------

def _actors(text: str, published: str = "2024-05-02") -> list[tuple[str | None, str | None]]:
    from datetime import date

    from analysis.text.articles import Article

    article = Article(article_id="t", text=text, published=date.fromisoformat(published))
    return [(q.speaker, q.actor) for q in extract_quotes(article) if q.kind in {"direct", "partial"}]


def test_unregistered_actor_drops_titles_before_a_first_name() -> None:
    text = "“We had lines at every polling place,” said County Registrar Gloria Menke."
    assert _actors(text) == [("County Registrar Gloria Menke", "Gloria Menke")]


def test_surname_takes_the_full_name_not_a_titled_short_form() -> None:
    text = ("Arvid Lindqvist, 52, of Malmo, was convicted on Tuesday. "
            "Mr. Lindqvist did not speak in court.\n\n"
            "“Nobody reads page 40,” Lindqvist told a colleague in 2021, a witness said.")
    assert _actors(text)[-1][1] == "Arvid Lindqvist"


def test_registry_surname_is_not_taken_for_another_bearer_named_in_full() -> None:
    # the registry's "Yoon" is Yoon Suk Yeol; this story is about someone else
    text = ("SEOUL — Yoon Ha-jin founded a drone start-up in a rented garage.\n\n"
            "“Poland is a test,” Yoon said.")
    assert _actors(text) == [("Yoon", "Yoon Ha-jin")]


def test_registry_surname_still_resolves_when_the_article_gives_only_the_surname() -> None:
    text = "“We will stand with our allies,” Yoon said in Vilnius."
    assert _actors(text, "2023-07-12") == [("Yoon", "Yoon Suk Yeol")]


def test_unnamed_group_is_no_actor() -> None:
    text = "The won fell on Thursday. Analysts said a deal would bring “very large numbers.”"
    assert _actors(text) == [("Analysts", None)]


def test_the_official_goes_back_to_an_anonymous_official() -> None:
    from analysis.quotes.extract import quotes_frame

    text = ("A senior European official involved in the talks said governments had doubts. "
            "“Nobody wants to be first,” the official said.\n\n"
            "“But the mood has shifted,” he said.")
    frame = quotes_frame(text)
    speech = frame[frame["kind"].isin(["direct", "partial"])]
    assert speech["speaker_kind"].tolist() == ["anonymous", "anonymous"]
    assert speech["actor"].isna().all()


def test_reaction_sentence_before_a_quote_names_its_speaker() -> None:
    assert _speakers("Vera Lind disagreed. “They are choosing already.”") == ["Vera Lind"]
    assert _speakers("Choi was unconvinced. “Beijing priced it in long ago.”") == ["Choi"]
    # a sentence that is no reaction of a speaker gives nothing
    assert _speakers("Prices fell sharply. “We expected worse.”") == [None]


def test_possessive_country_keeps_its_whole_name() -> None:
    text = ("The talks stalled. South Korea's foreign ministry said it "
            "“deeply regrets” the decision.")
    assert _actors(text) == [("South Korea's foreign ministry",
                              "Ministry of Foreign Affairs (South Korea)")]


def test_acronym_speaker_takes_the_name_the_article_spells_out() -> None:
    text = ("The Coastal Defence Agency (CDA) tracked the vessel.\n\n"
            "“We are ready,” the CDA said in a text message.")
    assert _actors(text) == [("the CDA", "Coastal Defence Agency")]


def test_office_with_a_listed_name_is_one_speaker() -> None:
    text = ("Officials were quiet, and the Ministry of Fisheries, Oceans and Ports has said "
            "only that talks will continue “until the last minute.”")
    assert _speakers(text) == ["Ministry of Fisheries, Oceans and Ports"]


def test_they_goes_back_to_the_organisation_opening_the_sentence_before() -> None:
    text = ("The Harbour Pilots Association staged a rally on Monday. "
            "“We will not be sacrificed again,” they said.")
    assert _actors(text) == [("they", "Harbour Pilots Association")]
    assert _actors("“We will not be sacrificed again,” they said.") == [("they", None)]


def test_titled_surname_and_a_run_across_a_sentence_end_take_the_full_name() -> None:
    text = ("Council member Rosa Amari won the seat on Tuesday. Turnout was high in Jakarta. "
            "Amari thanked her staff.\n\n"
            "Ms. Amari said her first act would be a pause. “Nothing gets sold yet,” she said.")
    assert _actors(text)[-1] == ("she", "Rosa Amari")


# --- speaker phrases that the cue search used to miss -----------------------------------------

def test_a_cue_word_used_as_a_noun_is_no_cue() -> None:
    text = ("The answers to the shortage are “not arriving fast enough,” says Dara Quinn, "
            "director of the Harbour Health Fund. “We are still waiting.”")
    assert _speakers(text) == ["Dara Quinn", "Dara Quinn"]


def test_name_after_an_introductory_prepositional_phrase() -> None:
    text = "In a radio interview Ruiz declared “I think the treaty may be obsolete.”"
    assert _speakers(text) == ["Ruiz"]


def test_description_opening_with_a_date_number() -> None:
    text = "“The rationale does not hold,” said 9/11 widow Terry Strada."
    assert _actors(text) == [("9/11 widow Terry Strada", "Terry Strada")]


def test_subject_after_an_introductory_phrase_with_two_commas() -> None:
    text = ("Following a swiftly called, late-afternoon meeting, the Harbour Council issued a "
            "statement calling the spill “a clear violation” of its rules.")
    assert _speakers(text) == ["the Harbour Council"]


@pytest.mark.parametrize(
    "text",
    [
        "The band closed with “Carry Me Home,” the song that made them famous.",
        "Jurors watched “Wings Over the Harbour,” a 2020 promotional film.",
    ],
)
def test_title_named_by_an_apposition_after_it_is_a_title(text: str) -> None:
    assert [q.kind for q in extract_quotes(text)] == ["title"]
