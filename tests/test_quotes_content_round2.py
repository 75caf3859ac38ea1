"""Content spans, round two (issue 12): boundary forms of the reported clause.

Sentences and gold spans written by hand for these tests (no corpus text).
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes


def _partial_contents(text: str) -> list[str]:
    return [text[q.content_start : q.content_end] for q in extract_quotes(text)
            if q.kind == "partial"]


# A speech cue inside the quoted clause (an infinitive, a subordinate clause, a gerund
# after a preposition, a cue word used as a noun) does not end the content.
EMBEDDED_CUE_CASES = [
    (
        "Mayor Odile Varga said she was “proud and delighted” to announce the new ferry line.",
        "she was “proud and delighted” to announce the new ferry line",
    ),
    (
        "Councillor Bram Ostrow said he had “no memory” of the vote until Varga said it was lost.",
        "he had “no memory” of the vote until Varga said it was lost",
    ),
    (
        "Ostrow said the critics were “simply mistaken” for saying the harbour would close.",
        "the critics were “simply mistaken” for saying the harbour would close",
    ),
    (
        "Varga said the ferry would serve “every coastal town” in 12 states along the gulf.",
        "the ferry would serve “every coastal town” in 12 states along the gulf",
    ),
]


@pytest.mark.parametrize(("text", "content"), EMBEDDED_CUE_CASES)
def test_a_cue_inside_the_quoted_clause_does_not_end_the_content(text, content):
    assert _partial_contents(text) == [content]


def test_a_coordinated_cue_still_ends_the_content():
    text = "Ostrow called the plan “a fine start” and said more ferries were needed."
    assert _partial_contents(text) == ["the plan “a fine start”"]
