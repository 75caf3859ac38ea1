"""Issue 15: every list form read as the programme's list, and each statement's programme,
partner and year. The sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.sectors import find_sectors, parse_programme_statements, programme_statements_frame
from analysis.sectors.attribution import (
    dataset_programme,
    partner_in,
    programme_references,
    subject_partner,
    text_year,
)
from analysis.sectors.lists import count_spans, is_bullet, opens_list
from analysis.text.articles import Article


def _one(text: str):
    [statement] = parse_programme_statements(text)
    return statement


def _contexts(text: str) -> list[str]:
    return find_sectors(text)["context"].tolist()


# ---------------------------------------------------------------------------
# list forms


def test_list_after_a_modal_verb_with_the_programme_named_before():
    text = ("Tokyo and NATO agreed an ITPP on Tuesday. "
            "The programme would cover cyber defence, space and maritime security.")
    statement = _one(text)
    assert statement.acronym == "ITPP" and statement.sentence == 1
    assert statement.item_ids == ("cyber-defence", "space", "maritime-security")
    assert _contexts(text) == ["programme-list"] * 3


def test_list_after_a_modal_verb_in_the_naming_sentence():
    statement = _one("The ITPP will include counter-terrorism and public diplomacy.")
    assert statement.item_ids == ("counter-terrorism", "public-diplomacy")


def test_list_after_set_out_cooperation_in_areas_including():
    text = ("Japan and NATO signed an ITPP. The document set out cooperation in areas "
            "including cyber defence, space and climate change.")
    assert _one(text).item_ids == ("cyber-defence", "space", "climate-security")


def test_single_item_after_areas_including_is_listed():
    text = ("Japan and NATO signed an ITPP. The document set out cooperation in areas "
            "including cyber defence.")
    assert _one(text).item_ids == ("cyber-defence",)
    assert _contexts(text) == ["programme-list"]


def test_bulleted_list_after_a_colon():
    text = ("The ITPP lists four priorities:\n- cyber defence\n• space\n"
            "* maritime security\n1. climate change\n\nOfficials met later.")
    statement = _one(text)
    assert (statement.stated_count, statement.listed_count) == (4, 4)
    assert statement.item_ids == ("cyber-defence", "space", "maritime-security",
                                  "climate-security")
    assert text[statement.start : statement.end].endswith("climate change")
    assert _contexts(text) == ["programme-list"] * 4


def test_numbered_list_after_a_carried_programme():
    text = ("Australia and NATO adopted an ITPP. Its areas are:\n1) resilience\n2) space")
    statement = _one(text)
    assert statement.item_ids == ("resilience-civil-preparedness", "space")
    assert statement.partner == "Australia"


def test_bullets_without_an_opening_statement_stay_mentions():
    text = "Notes:\n- cyber defence exercises went well\n- space is next"
    assert parse_programme_statements(text) == []
    assert set(_contexts(text)) == {"mention"}


def test_colon_list_after_a_range_of_cooperation_areas():
    text = ("Australia and NATO adopted an ITPP on Wednesday. It sets out a range of "
            "cooperation areas: resilience, space and cyber defence.")
    statement = _one(text)
    assert statement.item_ids == ("resilience-civil-preparedness", "space", "cyber-defence")
    assert (statement.partner, statement.programme_id) == ("Australia", "aus-itpp-2023")


def test_korean_list_with_middle_dot_mit_and_deung():
    text = ("한국과 나토는 개별 맞춤형 파트너십 프로그램(ITPP)을 채택하고 사이버방위·신흥기술 "
            "및 기후변화 등 11개 분야에서 협력하기로 했다.")
    statement = _one(text)
    assert statement.stated_count == 11
    assert statement.item_ids == ("cyber-defence", "emerging-technologies", "climate-security")
    assert (statement.partner, statement.year, statement.year_source) == (
        "Republic of Korea", 2023, "dataset")


def test_korean_bunya_with_a_carried_programme():
    text = "일본은 나토와 ITPP를 채택했다. 우주·사이버방위 분야가 포함됐다."
    statement = _one(text)
    assert statement.item_ids == ("space", "cyber-defence")
    assert statement.partner == "Japan"


# ---------------------------------------------------------------------------
# two programmes in one sentence


def test_new_items_go_to_the_new_programme_and_the_old_count_stays_old():
    text = ("Korea's president spoke in Seoul. Unlike the 2012 programme's seven areas, "
            "the new ITPP adds space and climate change.")
    old, new = parse_programme_statements(text)
    assert (old.year, old.stated_count, old.items) == (2012, 7, ())
    assert (old.acronym, old.programme_id) == ("IPCP", "kor-ipcp-2012")
    assert (new.acronym, new.stated_count) == ("ITPP", None)
    assert new.item_ids == ("space", "climate-security")
    assert new.programme_id == "kor-itpp-2023"


def test_a_count_of_the_later_programme_stays_with_it():
    text = "The ITPP adds space and logistics to the seven areas of the 2012 programme."
    new, old = parse_programme_statements(text)
    assert new.acronym == "ITPP" and new.stated_count is None
    assert "space" in new.item_ids
    assert (old.year, old.stated_count, old.items) == (2012, 7, ())


def test_two_named_programmes_with_their_own_counts():
    text = ("The IPCP of 2012 covered seven sectors, while the ITPP covers 11 sectors "
            "including cyber defence and space.")
    ipcp, itpp = parse_programme_statements(text)
    assert (ipcp.acronym, ipcp.stated_count, ipcp.items, ipcp.year) == ("IPCP", 7, (), 2012)
    assert (itpp.acronym, itpp.stated_count) == ("ITPP", 11)
    assert itpp.item_ids == ("cyber-defence", "space") and itpp.year != 2012


# ---------------------------------------------------------------------------
# partner and year


def _article(text: str, published: dt.date | None) -> Article:
    return Article(article_id="a", text=text, published=published)


def test_year_from_the_summit_not_the_publication_date():
    text = "Japan's ITPP, adopted in Vilnius last year, covers 16 areas including space."
    statement = _one(_article(text, dt.date(2024, 3, 1)))
    assert (statement.partner, statement.year, statement.year_source) == (
        "Japan", 2023, "summit")


def test_year_relative_to_the_publication_date():
    text = "NATO and Australia's ITPP, agreed last year, covers areas such as space."
    statement = _one(_article(text, dt.date(2024, 3, 1)))
    assert (statement.partner, statement.year, statement.year_source) == (
        "Australia", 2023, "relative")


def test_unknown_year_stays_unknown_never_the_publication_year():
    text = "New Zealand's ITPP covers areas such as cyber defence."
    statement = _one(_article(text, dt.date(2025, 1, 1)))
    assert statement.partner == "New Zealand"
    assert (statement.year, statement.year_source, statement.programme_id) == (None, None, None)


def test_unknown_partner_stays_unknown():
    statement = _one("The ITPP covers areas such as cyber defence.")
    assert (statement.partner, statement.year, statement.programme_id) == (None, None, None)


def test_partner_from_the_article_subject():
    text = ("Seoul hosted the talks. Korea's minister said the ITPP covers 11 areas. "
            "Later, the minister added more. The ITPP covers areas such as space.")
    statements = parse_programme_statements(text)
    assert {s.partner for s in statements} == {"Republic of Korea"}


def test_year_written_in_the_sentence():
    statement = _one("The IPCP signed in 2012 covered seven sectors.")
    assert (statement.year, statement.year_source, statement.partner) == (
        2012, "text", "Republic of Korea")


def test_frame_columns_for_partner_and_counts():
    text = "Japan's ITPP covers 16 areas including cyber defence, space and space security."
    frame = programme_statements_frame(text)
    row = frame.iloc[0]
    assert (row.partner, row.programme_id, row.year, row.year_source) == (
        "Japan", "jpn-itpp-2023", 2023, "dataset")
    assert (row.stated_count, row.listed_count) == (16, row.n_listed)
    assert row.item_ids.split("; ")[0] == "cyber-defence"
    assert str(frame["partner"].dtype) == "string" and str(frame["listed_count"].dtype) == "Int64"


# ---------------------------------------------------------------------------
# the helpers


@pytest.mark.parametrize(("line", "expected"), [
    ("- cyber", True), ("• space", True), ("* logistics", True), ("12. energy", True),
    ("3) space", True), ("-cyber", False), ("Cyber defence", False), ("2023 saw", False),
])
def test_is_bullet(line, expected):
    assert is_bullet(line) is expected


def test_opens_list_and_counts():
    assert opens_list("It covers:  ") and not opens_list("It covers space.")
    assert count_spans("seven areas, then 11 sectors") == [(0, 7), (18, 11)]


def test_partner_helpers():
    assert partner_in("between Korea and NATO") == "Republic of Korea"
    assert partner_in("한국과 일본") is None
    assert subject_partner("Japan and Japan and Korea") == "Japan"
    assert subject_partner("Japan and Korea") is None


def test_text_year_precedence():
    assert text_year("in 2019, in Vilnius", None) == (2019, "text")
    assert text_year("this year", dt.date(2024, 1, 1)) == (2024, "relative")
    assert text_year("nothing", dt.date(2024, 1, 1)) == (None, None)


def test_dataset_needs_a_partner():
    assert dataset_programme("ITPP", None, 2023) is None
    assert dataset_programme(None, "Republic of Korea", 2012)[0] == "kor-ipcp-2012"


def test_references_do_not_overlap():
    refs = programme_references(
        "An Individual Partnership and Cooperation Programme (IPCP) was signed.")
    assert [(r.acronym, r.name) for r in refs] == [
        ("IPCP", "Individual Partnership and Cooperation Programme")]


def test_colon_list_with_words_between_the_items():
    text = ("Australia's ITPP sets out a range of cooperation areas: maritime security, "
            "notably in the South China Sea, and cyber defence.")
    statement = _one(text)
    assert statement.item_ids == ("maritime-security", "cyber-defence")
    assert _contexts(text) == ["programme-list"] * 2


def test_the_possessor_wins_over_other_partners_in_the_sentence():
    text = "Japan's ITPP covers 16 areas including space, Korean officials noted."
    assert _one(text).partner == "Japan"
