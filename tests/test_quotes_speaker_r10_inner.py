"""Speakers of quotes, round ten (inner cues): a cue inside another cue's reported clause.

Sentences written here, with hand gold; see :mod:`analysis.quotes.inner_cues`.
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- the outer cue's "that" clause holds an inner cue: the outer speaker's words ---------------


def test_an_inner_description_cue_gives_the_outer_speaker() -> None:
    text = ("Marit Osterhaug said in her closing address that the charter should restate the "
            "council’s pledge to its “oldest partners,” naming the harbour towns.")
    assert _speakers(text) == ["Marit Osterhaug"]


def test_a_plural_subject_inside_an_expected_clause_gives_the_outer_speaker() -> None:
    text = "Governor Tobias Wren said he expected that voters will say “enough” to the toll plan."
    assert _speakers(text) == ["Governor Tobias Wren"]


def test_a_comma_after_that_still_opens_the_reported_clause() -> None:
    text = ("Helga Moravec went on to say that, because Ruben Ashe testified that the ledgers were "
            "“complete,” the audit had been closed too early.")
    assert _speakers(text) == ["Helga Moravec"]


def test_a_relative_who_in_the_reported_clause_gives_the_outer_speaker() -> None:
    text = ("Pastor Lionel Grieve recalled that the parish had doubted the mayor, whose critics "
            "wondered if “she would ever finish the bridge.”")
    assert _speakers(text) == ["Pastor Lionel Grieve"]


def test_a_name_deep_in_the_clause_gives_the_outermost_speaker() -> None:
    text = ("The Gazette notes that Ferris Lowe wrote that the port should close, and Lowe later "
            "called the dockers “far too slow.”")
    assert _speakers(text) == ["The Gazette"]


# --- where the inner cue keeps the quote ------------------------------------------------------


def test_a_contrasting_clause_has_its_own_speaker() -> None:
    text = ("Edda Quist argued that the levy was fair, while Hollis Brandt said that the "
            "“costs are simply too high” for farmers.")
    assert _speakers(text) == ["Hollis Brandt"]


def test_a_colon_hands_the_quote_to_the_inner_cue() -> None:
    text = ("Edda Quist said that the figures were sound, to which Hollis Brandt replied: "
            "“Nobody believes that.”")
    assert _speakers(text) == ["Hollis Brandt"]


def test_a_fronted_clause_cue_reports_nothing_past_its_comma() -> None:
    text = ("After Wendell Pike told the board that he had resigned, Nadia Orlov wrote that Pike "
            "“never meant a word of it.”")
    assert _speakers(text) == ["Nadia Orlov"]


def test_an_inner_cue_that_introduces_a_direct_quote_keeps_it() -> None:
    text = ("A former clerk, Janek Solberg, testified that he heard Olav Rask tell a driver, "
            "“Nobody checks the seals.”")
    assert _speakers(text) == ["Olav Rask"]


def test_a_long_reported_clause_still_gives_the_outer_speaker() -> None:
    text = ("Ingrid Faulk said on Friday that she would file her own motion on the ferry "
            "contract after having opposed a settlement backed by the harbour board and the "
            "port unions that Faulk said would leave the island “worse off than before.”")
    assert _speakers(text) == ["Ingrid Faulk"]


# --- a cue closing the sentence after a comma: the whole sentence is its speaker's -------------


def test_a_sentence_final_cue_wins_over_a_participle_before_the_quote() -> None:
    text = ("Councillor Amos Thrane welcomed the ruling, saying the judge had been "
            "“entirely fair,” hinting at an appeal of his own, the Harbour Courier reported.")
    assert _speakers(text) == ["the Harbour Courier"]


def test_a_sentence_final_inverted_cue_with_an_apposition_wins() -> None:
    text = ("Demand for the ferry has grown in the outer islands, and the operator has used "
            "“every spare hull” on the route, said Petra Lindqvist, a transport economist.")
    assert _speakers(text) == ["Petra Lindqvist"]


def test_a_sentence_final_according_to_is_a_relay_not_the_speaker() -> None:
    text = ("Amos Thrane called the levy “a tax on islanders” in a letter to the council, "
            "according to the Harbour Courier.")
    assert _speakers(text) == ["Amos Thrane"]


def test_a_sentence_final_cue_covers_two_quoted_phrases_before_it() -> None:
    text = ("Mayor Ines Carvalho noted that the toll – what her office calls a “fair share” – "
            "is “essential” to the budget for the first time, reported the Tagus Herald.")
    assert _speakers(text) == ["the Tagus Herald", "the Tagus Herald"]


def test_a_stating_participle_reports_the_subjects_clause() -> None:
    text = ("She also set out her plan for the fisheries, stating that the ministry should "
            "formally close the grounds that the survey has called “exhausted” this year.")
    assert _speakers(text) == ["She"]


# --- a poll framing its respondents' words: the poll is the source -----------------------------


def test_a_poll_opening_the_sentence_is_the_source_of_a_share() -> None:
    text = ("In a Harbour Herald survey released Friday, 62 percent of Islanders said the "
            "toll was “far too high” for daily use.")
    assert _speakers(text) == ["a Harbour Herald survey released Friday"]


def test_a_poll_subject_of_finds_is_the_source_of_a_share() -> None:
    text = ("The Tagus poll also finds that, while 30 percent of Lisboners say the tram is "
            "“very reliable,” most disagree.")
    assert _speakers(text) == ["The Tagus poll"]


def test_a_share_without_a_poll_keeps_its_own_cue() -> None:
    text = "An average of 12 percent of registered Islanders said the ferry was “fine.”"
    assert _speakers(text) == ["An average of 12 percent of registered Islanders"]


def test_a_bare_the_poll_leaves_the_share_as_speaker() -> None:
    text = "In the survey, 18 percent said the tram was “never on time.”"
    assert _speakers(text) == ["18 percent"]


@pytest.mark.parametrize("share", ["about half of residents", "six out of 10 residents",
                                   "62 per cent of residents", "62 percent of residents"])
def test_a_named_poll_frames_every_way_of_writing_a_share(share: str) -> None:
    text = f"In a Coast Courier poll released Friday, {share} said the ferry was “too slow.”"
    assert [q.speaker for q in extract_quotes(text)] == ["a Coast Courier poll released Friday"]
