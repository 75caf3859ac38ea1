"""A bare title ("the secretary general") that several registry actors hold on the date.

The speaker of an earlier quote, or the one holder whose body the story names, settles
it; with neither, or with both bodies named and no earlier holder, it stays unresolved.
Every text here is written for these tests; the office holders are the shipped
registry's (``analysis/resources/actors/actor_roles.csv``, with sources).
"""

from __future__ import annotations

from datetime import date

from analysis.quotes.extract import extract_quotes
from analysis.text.articles import Article

JUNE_2025 = date(2025, 6, 25)


def _actors(text: str, on: date | None = JUNE_2025) -> dict[str, str | None]:
    quotes = extract_quotes(Article(article_id="t", text=text, published=on))
    return {q.text.strip("“”\",. "): q.actor for q in quotes}


def test_a_bare_title_goes_back_to_the_described_speaker_before_it():
    text = ("The NATO chief said the new goal would make the alliance stronger. "
            '"We are stronger together," the secretary general said.')
    actors = _actors(text)
    assert actors["the new goal would make the alliance stronger"] == "Mark Rutte"
    assert actors["We are stronger together"] == "Mark Rutte"


def test_a_later_mention_of_another_holder_wins_over_an_earlier_speaker():
    text = ("The NATO chief said the new goal would make the alliance stronger. "
            "Antonio Guterres arrived in the afternoon to talk about aid. "
            '"Aid cannot wait," the secretary general said.')
    assert _actors(text)["Aid cannot wait"] == "Antonio Guterres"


def test_a_bare_title_takes_the_one_holder_whose_body_the_story_names():
    text = ("NATO leaders met in The Hague on Wednesday. "
            '"This is a historic day," the secretary general said.')
    assert _actors(text)["This is a historic day"] == "Mark Rutte"


def test_a_bare_title_stays_unresolved_when_both_bodies_are_named():
    text = ("NATO and the United Nations held talks in The Hague on Wednesday. "
            '"This is a historic day," the secretary general said.')
    assert _actors(text)["This is a historic day"] is None


def test_a_bare_title_stays_unresolved_without_a_date():
    text = ("The NATO chief said the new goal would make the alliance stronger. "
            '"We are stronger together," the secretary general said.')
    assert _actors(text, on=None)["We are stronger together"] is None


def test_the_earlier_speaker_must_hold_the_office():
    text = ("Ukrainian President Volodymyr Zelensky said the aid was welcome. "
            "NATO and the United Nations held talks on Wednesday. "
            '"This is a historic day," the secretary general said.')
    assert _actors(text)["This is a historic day"] is None
