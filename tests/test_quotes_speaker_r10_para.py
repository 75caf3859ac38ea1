"""Speakers of quotes, round ten (paragraphs and pronouns): forms on sentences written here."""

from __future__ import annotations

from analysis.quotes.extract import extract_quotes
from analysis.text.segmentation import split_sentences


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- a line break after a quoted question ends its sentence ---------------------------------------


def test_a_line_break_after_a_quoted_question_ends_the_sentence() -> None:
    text = ("Intro line.\n\nThe mayor was asked about the levy. \"They pay,\" she said. \"Who doesn't?\"\n"
            "Later, Tomas Verhoek argued that ferries should be free.")
    assert len(split_sentences(text)) == 5


def test_a_quote_before_a_line_break_keeps_its_own_speaker() -> None:
    text = ("Intro line.\n\nThe mayor was asked about the levy. \"They pay,\" she said. \"Who doesn't?\"\n"
            "Later, Tomas Verhoek argued that ferries should be free.")
    assert _speakers(text) == ["she", "she"]


# --- a quote paragraph after a sentence that closed with another speaker's cue -----------------


def test_a_quote_paragraph_goes_on_with_the_closing_cue_of_the_paragraph_before() -> None:
    text = ("Intro.\n\nHis cousins have mocked the plan, calling it “a sandcastle,” Pieter Oyelaran "
            "said as he packed up.\n\n“But it is our sandcastle, and it will stand!”")
    assert _speakers(text) == ["His cousins", "Pieter Oyelaran"]


def test_a_quote_paragraph_after_its_own_speakers_cue_keeps_that_speaker() -> None:
    text = ("Intro.\n\n“It floods every spring,” Pieter Oyelaran said as he packed up.\n\n"
            "“Nobody listens.”")
    assert _speakers(text) == ["Pieter Oyelaran", "Pieter Oyelaran"]


# --- the owner of a noun of saying speaks the quote after it -------------------------------------


def test_a_possessive_pronoun_before_a_noun_of_saying_speaks() -> None:
    text = "Intro.\n\nThe mayor, Ana Varga, came under fire for her remark that \"the buses can wait.\""
    quotes = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert [(q.speaker, q.actor) for q in quotes] == [("her", "Ana Varga")]


def test_a_named_owner_of_a_conclusion_speaks() -> None:
    text = ("The levy was struck down after Auditor Ruth Ames's conclusion that the bids were "
            "\"rigged from the start.\"")
    assert _speakers(text) == ["Auditor Ruth Ames's"]


def test_a_stance_verb_before_the_owner_keeps_its_subject() -> None:
    text = "Ruth Ames denounced Tomas Kell's call for \"a new tunnel.\""
    assert _speakers(text) == ["Ruth Ames"]


def test_a_pronoun_owner_after_a_speech_cue_keeps_the_cue_speaker() -> None:
    text = "Ruth Ames said in her remarks that the tunnel was \"a folly.\""
    assert _speakers(text) == ["Ruth Ames"]


def test_an_owner_in_a_reported_clause_is_not_the_speaker() -> None:
    text = "The council ruled that Kell's claim about \"empty buses\" was false."
    assert "Kell" not in str(_speakers(text))


def test_a_possessive_owner_resolves_to_the_name_without_its_ending() -> None:
    text = "Intro.\n\nRuth Ames spoke. The levy fell after Ames’s conclusion that the bids were “rigged.”"
    quotes = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert [(q.speaker, q.actor) for q in quotes] == [("Ames’s", "Ruth Ames")]


# --- a speakerless participle after a direct quote gives way to the cue before it ---------------


def test_a_participle_after_a_quote_leaves_the_cue_before_it_to_speak() -> None:
    text = ("Intro.\n\nMarta Quill also promised, \"We will rebuild the pier and we will rebuild "
            "it quickly,\" referring to the storm.")
    assert _speakers(text) == ["Marta Quill"]


def test_went_on_after_a_quoted_question_stays_in_its_sentence() -> None:
    text = ("Intro.\n\n\"You know, it happens, right?\" Corwin Ashby went on, as if he had not "
            "heard the question. \"But you get over it.\"")
    assert _speakers(text) == ["Corwin Ashby", "Corwin Ashby"]


# --- a lone quantifier after an inverted cue is the speaker ----------------------------------------


def test_a_lone_another_after_an_inverted_cue_speaks() -> None:
    text = "Intro.\n\n\"Keep the ferry running,\" wrote one. \"Not at that price,\" tweeted another."
    assert _speakers(text) == ["one", "another"]


def test_a_quantifier_with_its_noun_is_a_normal_speaker() -> None:
    text = "Intro.\n\n\"Keep the ferry running,\" wrote one commuter."
    assert _speakers(text) == ["one commuter"]


# --- a quote paragraph after a sentence with a person pronoun as subject ---------------------------


def test_a_quote_paragraph_after_a_pronoun_lead_sentence_is_the_pronouns() -> None:
    text = ("Intro.\n\n\"The ferry stays,\" Osric Pell added. He then put a question to the "
            "audience.\n\n\"Who wants to pay for a bridge?\"")
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [(q.speaker, q.actor) for q in quotes] == [("Osric Pell", "Osric Pell"),
                                                      ("He", "Osric Pell")]


def test_a_pronoun_lead_sentence_that_is_not_a_persons_gives_nothing() -> None:
    text = "Intro.\n\nThe ferry sails at noon. It then docks at the pier.\n\n\"Who wants a bridge?\""
    assert _speakers(text) == [None]


# --- a quote after a sentence with a cue of its own goes to that latest speaker -------------------


def test_a_quote_after_an_intervening_cue_takes_the_latest_speaker() -> None:
    text = ("Intro.\n\n\"The pier is our pride,\" said Hedda Munk, 61. She says the town "
            "should keep it. \"It is all we have.\"")
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [(q.speaker, q.actor) for q in quotes] == [("Hedda Munk", "Hedda Munk"),
                                                      ("She", "Hedda Munk")]


def test_a_cue_in_a_subordinate_clause_of_the_tail_names_no_new_speaker() -> None:
    text = ("Intro.\n\n\"The deal stands,\" aide Pavel Oduya said, after Mayor Ines Gale "
            "stated her doubts. \"It is binding.\"")
    assert _speakers(text) == ["Pavel Oduya", "Pavel Oduya"]


# --- a person's cue-less clause ending in a comma introduces the quote after it -------------------


def test_a_comma_intro_clause_gives_its_named_subject() -> None:
    text = ("Intro.\n\nGreta Solberg voiced her doubts to a crowd in Tromso, \"I do not know "
            "which plan will win.\"")
    assert _speakers(text) == ["Greta Solberg"]


def test_a_subordinate_comma_clause_gives_nothing() -> None:
    text = "Intro.\n\nWhen Greta Solberg spoke at the pier, \"The ferry will stay.\""
    assert _speakers(text) == [None]
