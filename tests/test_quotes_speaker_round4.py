"""Speakers of quotes, round four (issue 12): wrong and missing speakers, on sentences written here."""

from __future__ import annotations

from analysis.quotes.extract import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.kind in {"direct", "partial"}]


# --- a quote after one that ran over a paragraph break and ended in its cue --------------


def test_quote_after_a_multi_paragraph_quote_goes_on_with_its_speaker() -> None:
    text = ("Lena Brandt said: “The harbour has waited ten years for this.\n\n"
            "“Nobody should pretend the cranes are cheap,” Brandt said. "
            "“But the ships will not wait for us.”")
    assert _speakers(text) == ["Brandt", "Brandt"]
