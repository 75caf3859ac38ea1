"""Mention-level rules: weak aliases before a cooperation noun, exclusions, confidence, new sectors.

Every sentence here is hand-written for these tests; the expected mentions are annotated
by hand from the rules in analysis/sectors/mentions.py and the taxonomy rows.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis._resources import read_csv_rows
from analysis.schemas import columns
from analysis.sectors import find_sector_mentions, find_sectors, sector_mentions_frame
from analysis.sectors.mentions import (
    EXACT_ALIAS,
    PROGRAMME_LIST_BONUS,
    VARIANT_ALIAS,
    WEAK_BEFORE_COOPERATION,
    WEAK_IN_LIST,
    exclusion,
)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.sector, m.matched) for m in find_sector_mentions(text)]


# --- weak aliases before a cooperation noun --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul praised the two sides' cyber cooperation on Tuesday.",
         [("cyber-defence", "cyber")]),
        ("The allies want deeper cyber ties with Canberra.", [("cyber-defence", "cyber")]),
        ("A new cyber dialogue opens next month.", [("cyber-defence", "cyber")]),
        ("They agreed to expand cyber and space partnership.",
         [("cyber-defence", "cyber"), ("space", "space")]),
        ("양국은 사이버 협력을 강화하기로 했다.", [("cyber-defence", "사이버")]),
        ("양국은 사이버협력 방안을 논의했다.", [("cyber-defence", "사이버")]),
    ],
)
def test_weak_alias_before_a_cooperation_noun_counts(text, expected):
    mentions = find_sector_mentions(text)
    assert [(m.sector, m.matched) for m in mentions] == expected
    assert all(m.context == "mention" for m in mentions)
    assert all(m.confidence == WEAK_BEFORE_COOPERATION for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Cyber is the new front line, he said.",
        "The cyber domain is contested.",
        "They spoke about cyber threats and the weather.",
        "Talks on space were postponed.",
        "Cooperation in cyber was mentioned once.",  # the noun before, not after
        "He said logistics matter most.",  # bare 'logistics' is list-only
    ],
)
def test_weak_alias_elsewhere_does_not_count(text):
    assert found(text) == []


def test_a_strong_alias_ending_in_cooperation_is_one_mention():
    [mention] = find_sector_mentions("Their space cooperation deepened.")
    assert (mention.sector, mention.matched, mention.confidence) == (
        "space", "space cooperation", EXACT_ALIAS)


def test_stock_list_only_phrases_are_not_weak():
    # 'practical cooperation' is list-only but not a one-word weak alias
    assert found("They called for practical cooperation ties.") == []


# --- exclusions -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A former cyber security researcher said the plan was overdue.",
        "Two cybersecurity experts testified.",
        "Counter-terrorism officials met in Seoul.",
        "The country's cybersecurity chief resigned.",
        "An arms control negotiator arrived.",
        "사이버안보 전문가가 말했다.",
    ],
)
def test_job_titles_are_excluded(text):
    assert found(text) == []
    kept = find_sector_mentions(text, keep_excluded=True)
    assert kept and all(m.context == "title" and m.confidence == 0.0 for m in kept)


@pytest.mark.parametrize(
    "text",
    [
        "The Cyber Command said it had repelled the attack.",
        "Officials at the Cybersecurity Agency declined to comment.",
        "The National Cyber Security Centre issued a warning.",
        "The Cybersecurity and Infrastructure Security Agency agreed.",
        "The Ministry of Science and Technology hosted the event.",
        "The European Union Agency for Cybersecurity published a report.",
        "NATO's Public Diplomacy Division organised the visit.",
    ],
)
def test_organisation_names_are_excluded(text):
    assert found(text) == []
    kept = find_sector_mentions(text, keep_excluded=True)  # bare "Cyber" is no match at all
    assert all(m.context == "organisation" and m.confidence == 0.0 for m in kept)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cyber defence matters to both.", [("cyber-defence", "Cyber defence")]),
        ("Cybersecurity was discussed at length.", [("cyber-defence", "Cybersecurity")]),
        ("NATO's Science for Peace and Security Programme funds research.",
         [("science-technology", "Science for Peace and Security")]),
        ("The cybersecurity agency of each ally will take part.",  # not capitalised
         [("cyber-defence", "cybersecurity")]),
    ],
)
def test_capitalised_mentions_that_are_not_names_still_count(text, expected):
    assert found(text) == expected


def test_exclusion_says_why():
    text = "A cyber security researcher joined the Cybersecurity Agency."
    assert exclusion(text, 2, 16) == "title"
    assert exclusion(text, 39, 52) == "organisation"


def test_article_level_sectors_do_not_count_excluded_mentions():
    text = ("A former cyber security researcher at the Cybersecurity Agency said the "
            "allies discussed climate change.")
    frame = sector_mentions_frame(text)
    assert frame["sector"].unique().tolist() == ["climate-security"]
    assert not set(frame["context"]) & {"organisation", "title"}


# --- confidence -------------------------------------------------------------------


def test_confidence_follows_the_named_rules():
    text = ("The Individually Tailored Partnership Programme (ITPP) covers 11 areas "
            "including cyber defence, public diplomacy and space. "
            "Cyber-defence and climate change were also raised, as were cyber and "
            "maritime security.")
    got = {m.matched: (m.context, m.confidence) for m in find_sector_mentions(text)}
    assert got["cyber defence"] == ("programme-list", pytest.approx(
        min(1.0, EXACT_ALIAS + PROGRAMME_LIST_BONUS)))
    assert got["space"] == ("programme-list", pytest.approx(WEAK_IN_LIST + PROGRAMME_LIST_BONUS))
    assert got["Cyber-defence"] == ("mention", VARIANT_ALIAS)
    assert got["climate change"] == ("mention", EXACT_ALIAS)
    assert got["cyber"] == ("mention", WEAK_IN_LIST)


def test_confidence_is_a_number_in_the_unit_interval():
    text = ("NATO and Korea agreed to cooperate on disarmament and nonproliferation, "
            "cybersecurity, space and climate change, and on cyber cooperation. "
            "The WPS agenda and HADR drills were noted.")
    frame = find_sectors(text)
    assert frame["confidence"].between(0, 1).all()
    assert str(frame["confidence"].dtype) == "Float64"


def test_an_acronym_alias_written_in_lower_case_is_a_variant():
    [upper] = find_sector_mentions("The WPS agenda matters.")
    [lower] = find_sector_mentions("The wps agenda matters.")
    assert upper.confidence == EXACT_ALIAS and lower.confidence == VARIANT_ALIAS


def test_researchers_can_filter_on_confidence():
    text = "Cyber defence matters, and so does the two sides' cyber cooperation."
    frame = find_sectors(text)
    assert frame.loc[frame["confidence"] >= 0.8, "matched"].tolist() == ["Cyber defence"]


# --- the table ----------------------------------------------------------------------


def test_sectors_table_has_context_and_confidence_columns():
    frame = sector_mentions_frame(["Cyber defence matters.", "Nothing here."])
    assert list(frame.columns) == list(columns("sectors"))
    assert list(frame.columns)[-2:] == ["context", "confidence"]
    assert frame["confidence"].tolist() == [EXACT_ALIAS]
    empty = sector_mentions_frame("Nothing here.")
    assert empty.empty and str(empty["confidence"].dtype) == "Float64"


def test_the_seed_article_keeps_its_five_sectors(seed_article):
    frame = find_sectors(seed_article)
    assert sorted(set(frame["sector"])) == [
        "climate-security", "cyber-defence", "disarmament-nonproliferation",
        "emerging-technologies", "science-technology",
    ]
    assert frame["context"].isin(["programme-list", "mention"]).all()


# --- taxonomy gaps ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Allies pledged to boost defence production this year.", "defence-industry"),
        ("The deal deepens defense industrial cooperation.", "defence-industry"),
        ("양국은 방위산업 협력을 확대한다.", "defence-industry"),
        ("Navies patrol to protect undersea cables.", "critical-infrastructure"),
        ("Critical infrastructure was high on the agenda.", "critical-infrastructure"),
        ("양국은 해저케이블 보호를 논의했다.", "critical-infrastructure"),
        ("They want resilient supply chains.", "supply-chains"),
        ("공급망 안정이 과제다.", "supply-chains"),
        ("Russia's hybrid threats were discussed.", "hybrid-threats"),
        ("Both sides condemned disinformation.", "hybrid-threats"),
        ("허위정보 대응이 거론됐다.", "hybrid-threats"),
        ("They seek interoperability of standards.", "standards-interoperability"),
        ("Work on standardization continues.", "standards-interoperability"),
        ("Military medicine was added to the plan.", "military-medicine"),
        ("They expanded logistics cooperation.", "logistics"),
        ("군수지원 체계를 점검했다.", "logistics"),
    ],
)
def test_new_sectors_are_found(text, sector):
    assert [s for s, _ in found(text)] == [sector]


def test_bare_logistics_counts_only_in_a_list():
    assert [s for s, _ in found("They covered cyber defence, logistics and space.")] == [
        "cyber-defence", "logistics", "space"]


def test_interoperability_alone_stays_with_capacity_interoperability():
    assert found("Interoperability was stressed.") == [
        ("capacity-interoperability", "Interoperability")]


NEW_SECTORS = ("defence-industry", "critical-infrastructure", "supply-chains",
               "hybrid-threats", "standards-interoperability", "military-medicine",
               "logistics")


def test_every_new_sector_has_english_and_korean_aliases_and_a_source():
    rows = {row["id"]: row for row in read_csv_rows("sectors/sectors.csv")}
    for sector in NEW_SECTORS:
        row = rows[sector]
        assert row["aliases_en"] and row["aliases_ko"], sector
        assert "http" in row["source"], sector


def test_every_taxonomy_row_has_a_source():
    assert all(row["source"] for row in read_csv_rows("sectors/sectors.csv"))


def test_rules_run_in_linear_time():
    # a generous bound that catches quadratic slowness, not a benchmark
    import time

    text = "The two sides' cyber cooperation and cybersecurity experts met. " * 2000
    begin = time.perf_counter()
    frame = find_sectors(text)
    assert time.perf_counter() - begin < 20
    assert isinstance(frame, pd.DataFrame) and len(frame) == 2000


def test_a_researcher_correction_can_set_the_confidence():
    from analysis.actors.overrides import Override

    text = "The two sides' cyber cooperation grew."
    [mention] = find_sector_mentions(
        text, overrides=[Override("text", "sectors", 15, "confidence", "0.25")])
    assert mention.confidence == 0.25


def test_a_person_noun_on_the_next_line_does_not_make_a_job_title():
    """A title or a name is written on one line: a line break ends the check."""
    text = "The plan names one area:\n- climate change\n\nOfficials met later."
    from analysis.sectors.mentions import exclusion
    start = text.index("climate change")
    assert exclusion(text, start, start + len("climate change")) is None
    assert exclusion("climate change officials met.", 0, 14) == "title"
