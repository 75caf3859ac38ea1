"""Speakers of quotes, round nine (check-set forms): attribution forms, on sentences written here."""

from __future__ import annotations

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- a participle after a prepositional object: the clause's subject speaks ---------------------


def test_a_participle_after_an_of_name_object_is_the_subjects() -> None:
    text = ("Ravi Sandhu, the harbour master, said he had complained to the Bureau of Fisheries "
            "demanding “a full inquiry” into the spill.")
    assert _speakers(text) == ["Ravi Sandhu"]


def test_a_name_after_a_lower_case_phrase_still_speaks() -> None:
    text = "In a phone interview Odile Marchetti declared the tunnel “a waste of good rock.”"
    assert _speakers(text) == ["Odile Marchetti"]


# --- a passive cue inside a reported clause: the outer speaker's words -------------------------


def test_a_passive_cue_in_a_reported_clause_gives_the_outer_speaker() -> None:
    text = "The harbour board said the new tariffs would be formally announced “before the thaw”."
    assert _speakers(text) == ["The harbour board"]


def test_a_raising_passive_keeps_its_subject() -> None:
    text = "Aides said Ilse Brandvold was reported to have called the levy “a tax on fishermen.”"
    assert _speakers(text) == ["Ilse Brandvold"]


# --- two "according to" sources in one sentence: the one right after the quote ------------------


def test_the_according_to_right_after_a_partial_quote_is_its_source() -> None:
    text = ("Lindqvist leads in the north, according to a Mercer survey published Monday, while "
            "Arkwright is ahead among “anyone who commutes by train,” according to Tove Brink.")
    assert _speakers(text) == ["Tove Brink"]


def test_a_speech_verb_before_the_quote_keeps_it_over_a_later_according_to() -> None:
    text = ("Admiral Sten Falk on Monday called the drills “a dress rehearsal,” according to "
            "the Nordic Wire agency.")
    assert _speakers(text) == ["Admiral Sten Falk"]


# --- a quote-only paragraph after a paragraph ending in a reaction sentence ---------------------


def test_a_quote_paragraph_goes_with_the_reaction_sentence_ending_the_paragraph_before() -> None:
    text = ("Helen Quist faced questions about the ferry delays on Friday. Asked about the "
            "rival plan, she shrugged.\n\n“We will have the boats back by spring.”")
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [(q.speaker, q.actor) for q in quotes] == [("she", "Helen Quist")]


def test_a_quote_paragraph_after_a_plain_sentence_stays_unattributed() -> None:
    text = ("Helen Quist faced questions about the ferry delays on Friday. The harbour was "
            "quiet.\n\n“We will have the boats back by spring.”")
    assert _speakers(text) == [None]


# --- a verb coordinated before the cue: the first verb's subject speaks -------------------------


def test_a_verb_and_particle_before_and_leave_the_subject_whole() -> None:
    text = "The old ferryman leaned over and said, “Nobody listens to the tide.”"
    assert _speakers(text) == ["The old ferryman"]


def test_a_past_verb_before_and_after_an_opening_phrase() -> None:
    text = "At the end of the hearing, the harbour clerk nodded and said, “We are done here.”"
    assert _speakers(text) == ["the harbour clerk"]



def test_a_present_tense_whisper_after_a_coordinated_verb() -> None:
    text = "In the last scene, the pilot's navigator leans over and whispers, “Hold the course.”"
    assert _speakers(text) == ["the pilot's navigator"]


# --- a name that speaks of itself as "it" is an organisation ------------------------------------


def _kinds(text: str) -> list[str | None]:
    return [q.speaker_kind for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


def test_a_name_saying_in_a_statement_that_it_is_ready_is_an_organisation() -> None:
    text = ("Tovik Freight said in a statement that it was “ready to expand” once the permits "
            "arrived.")
    assert _kinds(text) == ["organisation"]


def test_a_person_saying_it_was_hard_stays_a_person() -> None:
    text = "Helen Brask said it was “harder than anyone expected” to find crews."
    assert _kinds(text) == ["person"]


# --- a colon introduction in the article's first sentence, after its dateline -------------------


def test_the_subject_after_a_dateline_introduces_the_chant() -> None:
    text = ("BRANNOCK, Vt. (AP) - The fans outside the rink had their song ready before Ivo "
            "Tamm skated out: “Bring the cup home! Bring the cup home!”")
    assert _speakers(text) == ["The fans"]
