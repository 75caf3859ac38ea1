"""Speakers of quotes, round eight (issue 12): forms of attribution, on sentences written here."""

from __future__ import annotations

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- news digests: "HEADLINE - Author: “...”" ----------------------------------------------


def test_a_digest_author_after_a_dash_speaks_the_excerpt() -> None:
    text = ("Ferry fares climb again - Tove Marsh: “Prices on the island routes rose for the "
            "third year running.” [Coast Daily.]")
    assert _speakers(text) == ["Tove Marsh"]


def test_two_digest_authors_joined_by_and_speak_together() -> None:
    text = ("HARBOUR TRAFFIC DOUBLES - Ana Lind and Per Ek: “Twice as many boats docked "
            "this summer as last.”")
    assert _speakers(text) == ["Ana Lind and Per Ek"]


def test_an_outlet_after_the_dash_speaks_the_excerpt() -> None:
    text = "Small towns lose bus lines - Nordic Transit Review: “Rural routes were cut first.”"
    assert _speakers(text) == ["Nordic Transit Review"]


def test_more_from_names_the_same_author_again() -> None:
    text = ("Ferry fares climb again - Tove Marsh: “Prices rose for the third year.”\n\n"
            "Who pays the most - More from Marsh: “Commuters pay twice what tourists do.”")
    assert _speakers(text) == ["Tove Marsh", "Marsh"]


def test_from_the_report_gives_the_report() -> None:
    text = ("The survey has limits. From the report: “Smaller harbours answered less often "
            "than large ones.”")
    assert _speakers(text) == ["the report"]


def test_the_headline_subject_is_no_speaker() -> None:
    text = "Pilots warn of delays - Jon Vik: “The fog will stay all week.”"
    assert "Pilots" not in _speakers(text)


def test_a_dash_inside_a_sentence_with_its_own_cue_is_left_alone() -> None:
    text = "The plan - which Lund wrote - is clear, Berg said: “We start in May.”"
    assert _speakers(text) == ["Berg"]


# --- a question's attribution split off into a sentence of its own ---------------------------


def test_a_question_takes_the_attribution_sentence_after_it() -> None:
    text = ("“Will you cut the ferry tax?” Ola Brenna asked. “Would it be negotiable?” "
            "Siri Dahl pressed.")
    assert _speakers(text) == ["Ola Brenna", "Siri Dahl"]


def test_an_exclamation_takes_the_attribution_sentence_after_it() -> None:
    text = ("“The pier stays shut,” Ola Brenna said. “Then we will sail from the next town!” "
            "Siri Dahl shot back.")
    assert _speakers(text)[1] == "Siri Dahl"


def test_a_statement_quote_still_goes_on_with_its_speaker() -> None:
    text = "“The pier stays shut,” Ola Brenna said. “It is not safe.”"
    assert _speakers(text) == ["Ola Brenna", "Ola Brenna"]


# --- a cue word used as a noun after "a" and an adjective -----------------------------------


def test_a_retort_noun_gives_the_clause_subject() -> None:
    text = "Ola Brenna delivered a sharp retort: “Nobody is closing this pier.”"
    assert _speakers(text) == ["Ola Brenna"]


def test_the_adjective_before_a_cue_noun_is_no_speaker() -> None:
    text = ("Siri Dahl offered a Brenna-style retort on the radio, telling listeners "
            "“the pier is not for sale.”")
    assert _speakers(text) == ["Siri Dahl"]


def test_a_plural_subject_before_a_base_form_cue_still_speaks() -> None:
    text = "“Nobody is closing this pier,” the dockers retort."
    assert _speakers(text) == ["the dockers"]
