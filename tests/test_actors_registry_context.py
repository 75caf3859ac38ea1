"""Organisations sharing an alias are told apart by the countries a story names.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

from analysis.actors.registry import default_registry


def _actors(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.actor) for m in default_registry().find_mentions(text)]


@pytest.mark.parametrize(("text", "actor"), [
    ("Seoul's lawmakers met in South Korea. The Democratic Party walked out.",
     "Democratic Party of Korea"),
    ("The People Power Party proposed a bill. The Democratic Party walked out.",
     "Democratic Party of Korea"),
    ("In the U.S. Senate, the Democratic Party walked out.", "Democratic Party (United States)"),
])
def test_a_shared_party_name_goes_to_the_party_of_the_country_the_story_names(text, actor):
    assert ("Democratic Party", actor) in _actors(text)


@pytest.mark.parametrize("text", [
    "The Democratic Party walked out.",  # no country named
    "South Korea and the United States met. The Democratic Party walked out.",  # both
])
def test_a_shared_party_name_stays_unresolved_without_one_country(text):
    assert all(text_ != "Democratic Party" for text_, _ in _actors(text))


def test_a_shared_surname_is_not_settled_by_the_country_named():
    # "Kim" is several registry persons; naming North Korea does not make it Kim Jong Un
    assert ("Kim", "Kim Jong Un") not in _actors("North Korea fired a missile. Kim left.")
