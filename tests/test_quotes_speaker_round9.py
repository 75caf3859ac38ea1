"""Speakers of quotes, round nine: speech verbs and colon introductions, on sentences written here."""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- verbs of reacting and remembering that put their speaker after the quote -----------------


@pytest.mark.parametrize("verb", ["beamed", "reacted", "remembered", "questioned", "agrees",
                                  "chuckled", "muttered", "deadpanned", "retaliated"])
def test_an_inverted_reaction_verb_gives_its_speaker(verb: str) -> None:
    text = (f"The ferry opened on time. “We finally made it across the fjord,” {verb} "
            "Ingrid Solvang, a dock worker from Lerwick.")
    assert _speakers(text) == ["Ingrid Solvang"]


def test_the_speaker_before_a_reaction_verb_speaks() -> None:
    text = "“Was the toll ever needed?” Harald Moen questioned."
    assert _speakers(text) == ["Harald Moen"]


def test_agreed_to_is_no_speech_cue() -> None:
    text = ("Ulla Brekke agreed to a short call. The harbour board would settle the "
            "“temporary” fee later, Jens Aas said.")
    assert _speakers(text)[-1] == "Jens Aas"


# --- a number standing for the people just named: "the two write" ----------------------------


def test_the_two_write_after_a_quote() -> None:
    text = ("Senators Lia Haug and Tor Rist sent the letter on Friday. “You have picked a new "
            "standard out of thin air,” the two write.")
    assert _speakers(text) == ["the two"]


def test_all_three_said_before_a_colon() -> None:
    text = ("Three harbour pilots quit in May. In a joint note, all three said: “The night "
            "shifts were never safe.”")
    assert _speakers(text) == ["all three"]


def test_a_number_of_things_is_no_speaker() -> None:
    text = "The two ferries sailed late. “We lost a day,” Kari Lunde said."
    assert _speakers(text) == ["Kari Lunde"]


# --- a passive speech verb: the agent after "by" speaks ---------------------------------------


def test_was_asked_by_gives_the_asker() -> None:
    text = ("Mayor Eli Strand was asked by host Nora Vik, who chairs the panel, “Will the "
            "toll bridge ever be paid off?”")
    assert _speakers(text) == ["host Nora Vik"]


def test_a_term_called_by_someone_is_theirs() -> None:
    text = "The ferry levy has long been called a “tourist tax” by island landlords."
    assert _speakers(text) == ["island landlords"]


def test_a_gerund_after_by_is_no_agent() -> None:
    text = ("Nils Haga, however, interjected by hitting the board for its plan to "
            "“sell the old pier for parking lots”.")
    assert _speakers(text) == ["Nils Haga"]


# --- "had this to say:", "could only quip:" ----------------------------------------------------


def test_had_this_to_say_before_a_colon() -> None:
    text = "The vote was close. Vera Holt had this to say about it: “We lost by nine.”"
    assert _speakers(text) == ["Vera Holt"]


def test_interjected_to_say() -> None:
    text = "Eli Moen, who wrote the ferry law, interjected to say: “Nobody read it.”"
    assert _speakers(text) == ["Eli Moen"]


def test_a_modal_and_only_before_a_base_form_cue() -> None:
    text = ("The hearing ran late, and a clerk for Judge Ruth Amble could only quip: "
            "“Dinner is cancelled.”")
    assert _speakers(text) == ["a clerk for Judge Ruth Amble"]


# --- a colon introduction whose speaker is the object of a verb of feeling --------------------


def test_doesnt_surprise_the_pollster_colon() -> None:
    text = ("Turnout fell again. The drop doesn't surprise pollster Maja Tveit: “Young "
            "voters stayed home in every port town.”")
    assert _speakers(text) == ["pollster Maja Tveit"]


def test_a_verb_of_feeling_followed_by_another_clause_keeps_the_subject() -> None:
    text = ("Turnout fell again. The drop surprised nobody, and Maja Tveit wrote: "
            "“Young voters stayed home.”")
    assert _speakers(text) == ["Maja Tveit"]


# --- a partial quote closed by a comma, with its named speaker right after -------------------


def test_a_partial_quote_closed_by_a_comma_takes_the_speaker_after_it() -> None:
    text = ("Members are asked to pick a panel, and the harbour panel is less likely to be "
            "“crowded with ferry lobbyists,” Sindre Holm said.")
    assert _speakers(text) == ["Sindre Holm"]


def test_an_embedded_speaker_before_the_quote_gives_way_to_the_speaker_after_it() -> None:
    text = "Nothing the mayor said “will calm the dock workers,” the harbour chief said."
    assert _speakers(text) == ["the harbour chief"]


def test_a_cue_after_the_quote_that_introduces_more_words_is_not_its_tail() -> None:
    text = ("After Lund said that pupils might do better at “smaller schools,” Berg said: "
            "“I do not like what he said.”")
    assert _speakers(text) == ["Lund", "Berg"]


def test_a_pronoun_after_the_quote_leaves_the_subject_before_it() -> None:
    text = "Ana Berg called the toll “a tax on islanders,” she said on Monday."
    assert _speakers(text)[0] == "Ana Berg"


# --- "As X put it:" with an apposition holding "No. 2" ----------------------------------------


def test_as_x_put_it_with_a_number_sign_in_the_apposition() -> None:
    text = ("Few senators would meet her. As Ivar Dahl, the No. 2 in the party, put it: "
            "“She will not be confirmed.”")
    assert _speakers(text) == ["Ivar Dahl"]


def test_a_party_tag_apposition_before_a_colon_introduction() -> None:
    text = ("The vote was close. Senate Leader Brit Olsen, R-Ky., delivered a blunt message "
            "to the board: “Stop fighting the last war.”")
    assert _speakers(text) == ["Senate Leader Brit Olsen"]
