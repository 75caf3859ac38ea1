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
