"""Short partial quotes no cue attributes: the subject's words, or a scare quote (issue 12).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.scare import STANCE_WINDOW_WORDS, is_headline, stance_words


def _marks(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in extract_quotes(text) if q.kind != "indirect"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a stance verb right after the subject
    ("Ortiz has long derided the “bridge to nowhere” and its cost.", "Ortiz"),
    ("She portrays the levy as “a quiet theft” of savings.", "She"),
    ("He believes in the “new normal” of trade.", "He"),
    # the verb further on, still in the subject's clause
    ("The union, which met on Monday, then applauded the mayor for her “steady hand.”",
     "The union"),
    # cue verbs in the forms the cue list leaves out
    ("The mayor is describing the levy as “a quiet theft” to anyone who listens.", "The mayor"),
    ("Farmers there call it the “quiet tax” among themselves.", "Farmers"),
    # a possessive subject and a noun of saying
    ("Lindqvist’s claim that the ballots were “lost in transit” drew scorn from the board.",
     "Lindqvist’s"),
    # naming verbs and a vow in the present tense
    ("The union has dubbed the new rules “the rent trap” in its leaflets.",
     "The union"),
    ("Marlow branded the plan a “paper tiger” at the meeting.", "Marlow"),
    ("She vows that clean rivers will be a “first duty” of her office.", "She"),
    # a possessive subject and a broadside
    ("But Okafor’s broadside against “cheap money” leaves the bank room to move.", "Okafor’s"),
])
def test_short_quote_after_a_stance_verb_is_the_subjects_words(text: str, speaker: str) -> None:
    [(kind, _, found)] = _marks(text)
    assert (kind, found) == ("partial", speaker)


@pytest.mark.parametrize("text", [
    # no stance word between the subject and the quote
    "Ortiz drove past the “bridge” at noon.",
    "Farmers in the valley still grow “heritage” apples.",
    # the subject is not a speaker
    "It derided the “new normal” in trade.",
    "You can still deride the “good old days” if you like.",
    # a headline: no closing punctuation
    "Ortiz derides “bridge to nowhere”",
    # the subject's clause ends before the quote
    "Ortiz criticised the council; the “reform” stalled in June.",
    "Ortiz criticised the council — the “reform” stalled in June.",
    # a scare marker decides before any rule here
    "Ortiz derided the so-called “peace dividend” again.",
])
def test_short_quote_without_the_subjects_stance_stays_scare(text: str) -> None:
    assert [(kind, speaker) for kind, _, speaker in _marks(text)] == [("scare", None)]


def test_quote_beyond_the_window_stays_scare() -> None:
    filler = " ".join(["very"] * (STANCE_WINDOW_WORDS + 1))
    text = f"Ortiz opposes the {filler} “big box” store."
    assert _marks(text) == [("scare", "big box", None)]
    near = "Ortiz opposes the very “big box” store."
    assert _marks(near) == [("partial", "big box", "Ortiz")]


def test_long_partial_quote_without_cue_is_unchanged() -> None:
    text = "Ortiz walked out of the hall, “not willing to sit through another hour of this.”"
    [(kind, _, speaker)] = _marks(text)
    assert (kind, speaker) == ("partial", "Ortiz")


def test_headline_and_word_lists() -> None:
    assert is_headline("Council backs “green” budget")
    assert not is_headline("The council backed it (narrowly).")
    assert not is_headline("She called it “green.”")
    assert {"derided", "portrays"} <= stance_words("verb")
    assert "claim" in stance_words("noun") and "you" not in stance_words("pronoun")
    with pytest.raises(KeyError):
        stance_words("adverb")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Senator Ruth Alvar refused to use the term “fiscal cliff” in the debate.", "Senator Ruth Alvar"),
    ("Lindqvist has stopped saying the words “clean coal” at rallies.", "Lindqvist"),
])
def test_a_wording_the_subject_uses_is_no_scare_quote(text: str, speaker: str) -> None:
    [(kind, _, found)] = _marks(text)
    assert (kind, found) == ("partial", speaker)


def test_the_term_without_a_verb_of_using_it_stays_a_scare_quote() -> None:
    assert _marks("The term “fiscal cliff” came up twice in the minutes.")[0][0] == "scare"
