"""A definite role description that the next sentence names ("The director, Orla Quist,").

Sentences written for this test; gold annotated by hand.
"""

from __future__ import annotations

from datetime import date

from analysis.quotes.extract import extract_quotes
from analysis.text.articles import Article

ON = date(2025, 3, 4)


def _speakers(text: str) -> list[tuple[str | None, str | None, str | None]]:
    quotes = extract_quotes(Article(article_id="t", text=text, published=ON))
    return [(q.speaker, q.actor, q.speaker_kind) for q in quotes]


def test_a_role_named_in_the_next_sentence_takes_that_name() -> None:
    text = ("The lender's finance director told analysts that the quarter had been "
            "“painful but short.” The director, Orla Quist, joined the bank in 2021.\n\n"
            "“We cut too late,” Quist said.")
    assert _speakers(text) == [
        ("The lender's finance director", "Orla Quist", "description"),
        ("Quist", "Orla Quist", "person")]


def test_a_role_synonym_names_it_too() -> None:
    text = ("“The port stays open,” the harbour's spokeswoman said on Friday. "
            "The spokesperson, Ines Varga, declined to give figures.")
    assert _speakers(text) == [("the harbour's spokeswoman", "Ines Varga", "description")]


def test_an_indefinite_role_is_not_named_by_a_later_apposition() -> None:
    text = ("“The port stays open,” a harbour spokeswoman said on Friday. "
            "The spokeswoman, Ines Varga, declined to give figures.")
    assert _speakers(text)[0][1] is None


def test_a_name_far_after_the_role_is_not_taken() -> None:
    filler = "The cranes stood idle for most of the morning while the unions met. " * 5
    text = ("“The port stays open,” the harbour's spokeswoman said on Friday. " + filler
            + "The spokeswoman, Ines Varga, declined to give figures.")
    assert _speakers(text)[0][1] is None
