"""Reported speech and speakers from a new-user trial's categories, on sentences written here.

Each test fails on the extractor before the change it covers (quantified clause subjects,
"told X" without "that", ", adding that ...", name particles, addressees and venues).
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.quotes.records import Quote


def _indirect(text: str) -> list[Quote]:
    return [q for q in extract_quotes(text) if q.kind == "indirect"]


# --- a reported clause whose subject opens with a quantifier -------------------------------------


@pytest.mark.parametrize(("text", "content"), [
    ("The harbour master said several trawlers had ignored the ban.",
     "several trawlers had ignored the ban"),
    ("Okafor said many growers would sell early this year.", "many growers would sell early this year"),
    ("A union steward said two drivers were hurt in the crash.", "two drivers were hurt in the crash"),
    ("The mayor said both bridges will close in May.", "both bridges will close in May"),
    ("Ferrand said most of the stalls opened late.", "most of the stalls opened late"),
])
def test_a_quantified_subject_opens_a_reported_clause(text: str, content: str) -> None:
    found = _indirect(text)
    assert [(q.text, q.speaker is not None) for q in found] == [(content, True)]


@pytest.mark.parametrize("text", [
    "Okafor said several times before the vote.",
    "The harbour master said two weeks ago the port reopened.",
    "Okafor said many things about the harbour.",
])
def test_a_quantifier_without_a_verb_after_it_is_no_clause(text: str) -> None:
    assert [q.text for q in _indirect(text) if q.text.split()[0] in {"several", "two", "many"}] == []
