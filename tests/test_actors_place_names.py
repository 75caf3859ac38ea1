"""A country's name inside a place's or a company's name is no mention of the country.

Texts written for these tests; the list is ``analysis/resources/actors/non_actors.txt``.
"""

from __future__ import annotations

import pytest

from analysis.actors.registry import default_registry


def _actors(text: str) -> list[str]:
    return [mention.actor for mention in default_registry().find_mentions(text, demonyms=True)]


@pytest.mark.parametrize("text", [
    "Coast guard ships shadowed a fishing fleet in the South China Sea on Friday.",
    "The patrol moved from the East China Sea into the Philippine Sea.",
    "A tanker crossed the Indian Ocean; another waited in the Gulf of Mexico.",
    "Two destroyers sailed through the Taiwan Strait.",
    "The Japan Times and China Daily both ran the story.",
    "Korean Air and Japan Airlines added flights.",
])
def test_a_sea_a_newspaper_or_an_airline_is_no_country(text):
    assert _actors(text) == []


def test_the_country_beside_such_a_name_is_still_found():
    assert _actors("China rejected the ruling on the South China Sea.") == ["China"]
