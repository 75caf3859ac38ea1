"""Stated counts: each count goes to the programme it belongs to, in every form, and the
stated count stays beside the listed count. Sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.sectors import parse_programme_statements
from analysis.sectors.lists import count_spans, stated_count


@pytest.mark.parametrize(("text", "expected"), [
    ("a 16-area programme", 16),
    ("the nine-sector plan", 9),
    ("an eight‑field agreement", 8),  # non-breaking hyphen
    ("a five-priority list", 5),
    ("a 12-domain review", 12),
    ("the ITPP's 11 pillars", 11),
])
def test_count_forms(text, expected):
    assert stated_count(text) == expected


@pytest.mark.parametrize("text", [
    "a 2-1 vote", "COVID-19 areas", "the 2023-area summit", "a well-run area", "area-wide",
    "F-16 areas of operation",
])
def test_not_counts(text):
    assert stated_count(text) is None


def test_the_new_programme_keeps_its_compound_count_beside_the_old_one():
    text = ("Whereas the IPCP had six areas, Seoul's 11-area ITPP brings in space, "
            "logistics and hybrid threats.")
    old, new = parse_programme_statements(text)
    assert (old.acronym, old.stated_count, old.items) == ("IPCP", 6, ())
    assert (new.acronym, new.stated_count, new.listed_count) == ("ITPP", 11, 3)
    assert new.item_ids == ("space", "logistics", "hybrid-threats")
    assert new.fewer_listed is True


def test_counts_of_two_programmes_in_spelled_out_compounds():
    text = ("The nine-area IPCP gave way to a 16-area ITPP that adds space and "
            "defence industrial production.")
    old, new = parse_programme_statements(text)
    assert (old.stated_count, new.stated_count) == (9, 16)
    assert new.item_ids == ("space", "defence-industry") and old.items == ()


def test_a_count_after_the_new_name_stays_with_it():
    text = ("Where the 2012 programme counted seven areas, the ITPP counts 11 areas, "
            "among them cyber defence and undersea cables.")
    old, new = parse_programme_statements(text)
    assert (old.year, old.stated_count) == (2012, 7)
    assert (new.stated_count, new.item_ids) == (11, ("cyber-defence", "critical-infrastructure"))


def test_listed_count_counts_distinct_sectors():
    text = "The ITPP covers three areas: space, outer space and logistics."
    [statement] = parse_programme_statements(text)
    assert statement.item_ids == ("space", "space", "logistics")
    assert (statement.stated_count, statement.listed_count) == (3, 2)


def test_count_offsets_are_in_order():
    assert count_spans("a 16-area ITPP and a nine-area IPCP") == [(2, 16), (21, 9)]


def test_the_next_programme_s_noun_phrase_keeps_its_year_and_count():
    text = "The 11-area ITPP replaced the seven-area 2019 IPCP."
    new, old = parse_programme_statements(text)
    assert (new.acronym, new.stated_count, new.year) == ("ITPP", 11, None)
    assert (old.acronym, old.stated_count, old.year) == ("IPCP", 7, 2019)


def test_a_programme_named_in_a_relative_clause_takes_nothing():
    text = "Korea's ITPP, which replaced the IPCP in 2023, lists 11 areas such as space."
    [statement] = parse_programme_statements(text)
    assert (statement.acronym, statement.stated_count, statement.item_ids) == (
        "ITPP", 11, ("space",))
    assert statement.year == 2023


def test_coordinated_programmes_share_the_items_that_follow():
    text = "Japan's ITPP and Australia's ITPP both cover logistics and undersea cables."
    japan, australia = parse_programme_statements(text)
    assert (japan.partner, australia.partner) == ("Japan", "Australia")
    assert japan.item_ids == australia.item_ids == ("logistics", "critical-infrastructure")


def test_contrasted_programmes_do_not_share_items():
    text = "While Japan's ITPP lists 16 areas, Australia's ITPP names logistics and space."
    japan, australia = parse_programme_statements(text)
    assert (japan.stated_count, japan.items) == (16, ())
    assert (australia.stated_count, australia.item_ids) == (None, ("logistics", "space"))
