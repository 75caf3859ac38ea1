"""Mentions outside lists (a weak alias before an activity noun) and lists that belong to
another party than the programme named just before. Sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.sectors import find_sector_mentions, parse_programme_statements
from analysis.sectors.mentions import WEAK_BEFORE_COOPERATION


@pytest.mark.parametrize(("text", "expected"), [
    ("Both navies stepped up joint cyber work last year.", [("cyber-defence", "cyber")]),
    ("Allies shared space situational awareness data.", [("space", "space")]),
    ("Logistics exercises in the Baltic ended on Friday.", [("logistics", "Logistics")]),
    ("양국은 사이버 훈련을 늘린다.", [("cyber-defence", "사이버")]),
])
def test_a_weak_alias_before_an_activity_noun_is_a_mention(text, expected):
    found = find_sector_mentions(text)
    assert [(m.sector, m.matched) for m in found] == expected
    assert [(m.context, m.confidence) for m in found] == [("mention", WEAK_BEFORE_COOPERATION)]


@pytest.mark.parametrize("text", [
    "She met him at a cyber café.",
    "The space station passed overhead.",
    "A logistics company won the contract.",
    "There is space for compromise.",
    "Critics warned of cyber rivalries and cyber threats in the region.",
    "정부는 사이버 위협에 대비한다.",
])
def test_a_weak_alias_before_other_nouns_is_not(text):
    assert find_sector_mentions(text) == []


def test_a_title_stays_excluded_beside_a_domain_mention():
    text = "The cyber security researcher praised joint cyber work."
    assert [(m.matched, m.start) for m in find_sector_mentions(text)] == [("cyber", 44)]


def test_a_sentence_about_the_eu_s_own_priorities_is_not_the_programme_s_list():
    text = ("Korea's ITPP lists space and logistics as areas. The European Union named "
            "maritime security and cyber defence as its own priorities.")
    [statement] = parse_programme_statements(text)
    assert statement.item_ids == ("space", "logistics")
    assert [m.context for m in find_sector_mentions(text)] == [
        "programme-list", "programme-list", "mention", "mention"]


def test_a_sentence_naming_another_partner_is_not_the_carried_programme_s_list():
    text = ("Japan's ITPP covers space and cyber defence. Australia, by contrast, stresses "
            "areas such as logistics and military medicine.")
    [statement] = parse_programme_statements(text)
    assert (statement.partner, statement.item_ids) == ("Japan", ("space", "cyber-defence"))


def test_the_same_partner_keeps_the_carried_programme():
    text = ("Japan's ITPP was reviewed. Tokyo wants the programme to cover areas such as "
            "logistics and military medicine.")
    [statement] = parse_programme_statements(text)
    assert (statement.partner, statement.item_ids) == (
        "Japan", ("logistics", "military-medicine"))


@pytest.mark.parametrize(("text", "acronym"), [
    ("The ITPP replaced the IPCP last year. Its areas include space and logistics.", "ITPP"),
    ("Unlike the IPCP, the ITPP was published. Its areas include space and logistics.",
     "ITPP"),
    ("While the ITPP is public, the IPCP never was. Its areas included space and logistics.",
     "IPCP"),
    ("기존 IPCP는 비공개였지만 ITPP는 공개됐다. 이 프로그램은 우주·군수지원 분야를 담았다.",
     "ITPP"),
])
def test_the_programme_carried_is_the_one_the_sentence_is_about(text, acronym):
    [statement] = parse_programme_statements(text)
    assert statement.acronym == acronym
    assert statement.item_ids in (("space", "logistics"),)


@pytest.mark.parametrize("joined", ["followed by", "along with", "together with", "alongside"])
def test_lists_joined_by_phrases(joined):
    text = f"Seoul's ITPP puts space first, {joined} logistics and supply chains."
    [statement] = parse_programme_statements(text)
    assert statement.item_ids == ("space", "logistics", "supply-chains")


def test_a_possessive_partnership_programme_is_a_reference():
    text = "NATO's partnership programme with New Zealand spans logistics, space and WPS."
    [statement] = parse_programme_statements(text)
    assert statement.partner == "New Zealand"
    assert statement.item_ids == ("logistics", "space", "women-peace-security")


@pytest.mark.parametrize("text", [
    "The Centre for the Security of Critical Undersea Infrastructure opened in Northwood.",
    "The Centre of Excellence for Countering Hybrid Threats hosted the seminar.",
    "An Institute for Supply Chain Security report was cited.",
])
def test_organisation_names_with_the_sector_words_after_several_name_words(text):
    kept = find_sector_mentions(text, keep_excluded=True)
    assert kept and all(m.context == "organisation" for m in kept)


@pytest.mark.parametrize(("text", "sector"), [
    ("Allies stepped up work for the security of critical undersea infrastructure.",
     "critical-infrastructure"),
    ("The Centre said cooperation on Countering Hybrid Threats was urgent.", "hybrid-threats"),
])
def test_sector_words_after_lower_case_words_are_still_mentions(text, sector):
    assert [m.sector for m in find_sector_mentions(text)] == [sector]


def test_training_of_terrorists_is_not_counter_terrorism():
    assert find_sector_mentions("Police found terrorism training camps in the hills.") == []
