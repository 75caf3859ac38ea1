"""Quotes found without a speaker, or not found at all: forms written here with hand gold.

Every sentence is written for these tests (new names, new wording).
"""

from __future__ import annotations

from analysis.quotes.extract import extract_quotes
from analysis.quotes.marks import find_marked


def _direct(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text) if q.kind == "direct"]


# --- a closing-shaped mark opening a paragraph, invisible marks beside a mark ----------------


def test_closing_mark_that_opens_a_paragraph_opens_the_quote() -> None:
    text = ("The county vote is settled.\n\n"
            "” … in the north, the race was over before it began,” wrote the Valley Courier. "
            "“Turnout was the lowest in a decade.”")
    assert _direct(text) == [
        ("… in the north, the race was over before it began,", "the Valley Courier"),
        ("Turnout was the lowest in a decade.", "the Valley Courier"),
    ]


def test_left_to_right_mark_before_a_closing_shaped_opener() -> None:
    text = "Comments poured in.\n\n\u202a”Thank you Maren, we needed to hear that today!!” wrote Ilse Brun."
    quotes = [(q.text, q.speaker) for q in extract_quotes(text) if q.kind in {"direct", "partial"}]
    assert quotes == [("Thank you Maren, we needed to hear that today!!", "Ilse Brun")]


def test_closing_mark_inside_a_paragraph_opens_nothing() -> None:
    text = "Ferries ran late” all week, and “nobody told us why,” said Oda Lind."
    spans = [text[m.start : m.end] for m in find_marked(text, [(0, len(text))])]
    assert spans == ["“nobody told us why,”"]


def test_a_sentence_adverb_is_no_antecedent_name() -> None:
    text = ("Maybe Lund is a decoy and he wants the old guard to like him.\n\n"
            "Maybe the answer to it all is what he said four years ago about Berg’s phrase "
            "“harbor tax.”")
    assert [q.speaker for q in extract_quotes(text) if q.kind == "partial"] == ["he"]


# --- a capitalised inverted cue opening the sentence ------------------------------------------


def test_said_opening_the_sentence_takes_the_speaker_after_it() -> None:
    text = ("The ferry was late again. Said Ada Lund, who rides it every day, "
            "“We have stopped counting the hours.”")
    assert [(q.speaker, q.cue) for q in extract_quotes(text) if q.kind == "direct"] == [
        ("Ada Lund", "Said")]


def test_said_opening_the_sentence_before_a_description() -> None:
    text = "Said one harbor pilot: “Nobody checks the buoys any more.”"
    assert [q.speaker for q in extract_quotes(text) if q.kind == "direct"] == ["one harbor pilot"]


def test_a_capitalised_participle_opening_the_sentence_is_no_inverted_cue() -> None:
    text = "Asked Monday about the ferry, Lund said, “We will look at the timetable.”"
    assert [q.speaker for q in extract_quotes(text) if q.kind == "direct"] == ["Lund"]


# --- a quote opening a sentence after a sentence about a named person -------------------------


def test_quote_after_a_sentence_with_a_named_subject_is_theirs() -> None:
    text = "Tove Lindahl praised the new rail link. “It will change how this valley lives.”"
    assert [q.speaker for q in extract_quotes(text) if q.kind == "direct"] == ["Tove Lindahl"]


def test_no_lead_subject_across_a_second_clause_or_a_possessive() -> None:
    two_clauses = ("Ravi Osei won't go that far, but Mina Holt wants a recount. "
                   "“We owe the voters a clean count.”")
    possessive = "Ravi Osei’s first post was calm. “Stay indoors and keep safe tonight.”"
    for text in (two_clauses, possessive):
        assert [q.speaker for q in extract_quotes(text) if q.kind == "direct"] == [None]


# --- a long partial quote opening a sentence after reported speech ----------------------------


def test_long_partial_after_reported_speech_is_the_reporters_speaker() -> None:
    text = ("Orla Brandt argues that the permit was never needed. “The city is asking "
            "gardeners to file forms for a single bench” were her words.")
    assert [(q.kind, q.speaker) for q in extract_quotes(text) if q.kind == "partial"] == [
        ("partial", "Orla Brandt")]


def test_partial_after_a_groups_reported_speech_stays_without_speaker() -> None:
    text = ("Local organisers say the mayor kept asking questions. “He just stopped and "
            "asked us how we would win the county” was how it went.")
    assert [q.speaker for q in extract_quotes(text) if q.kind == "partial"] == [None]


# --- a name that is also an auxiliary ---------------------------------------------------------


def test_will_and_may_before_a_cue_are_names() -> None:
    text = ("Columnist Will Tarrant is blunt. “The ferry plan is dead in the water,” Will "
            "wrote. “Nobody wants to pay for it,” May said.")
    assert [q.speaker for q in extract_quotes(text) if q.kind == "direct"] == ["Will", "May"]


def test_a_lower_case_will_still_stands_between_speaker_and_cue() -> None:
    text = "Lund will say on Monday that the ferry plan is “dead in the water.”"
    assert [q.speaker for q in extract_quotes(text) if q.kind == "partial"] == ["Lund"]
