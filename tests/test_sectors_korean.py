"""Korean programme lists: items joined by ·, 및, 와/과 and closed by 등 ... 분야, and the
stated count ("11개 분야", "11대 분야", "열한 개 분야") kept beside the listed count.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from analysis.sectors import find_sectors, parse_programme_statements
from analysis.sectors.lists import count_spans, stated_count


def _one(text: str):
    [statement] = parse_programme_statements(text)
    return statement


@pytest.mark.parametrize(("text", "expected"), [
    ("11개 분야", 11), ("16 개 분야", 16), ("11대 분야", 11), ("11대 협력 분야", 11),
    ("16개 주요 분야", 16), ("열한 개 분야", 11), ("일곱 개 협력 분야", 7), ("다섯 개 영역", 5),
])
def test_korean_counts(text, expected):
    assert stated_count(text) == expected


@pytest.mark.parametrize("text", ["세대 분야", "열대 분야", "11대 국회", "한 분야", "2023년 분야"])
def test_korean_words_that_are_not_counts(text):
    assert stated_count(text) is None


def test_middle_dot_mit_and_deung_with_a_stated_count():
    text = "한국과 나토의 ITPP는 대테러·신흥기술 및 공공외교 등 11개 분야로 구성된다."
    statement = _one(text)
    assert statement.item_ids == ("counter-terrorism", "emerging-technologies",
                                  "public-diplomacy")
    assert (statement.stated_count, statement.listed_count, statement.fewer_listed) == (
        11, 3, True)
    assert statement.partner == "Republic of Korea"


def test_a_dotted_alias_stays_one_area():
    statement = _one("ITPP는 대테러·군축·비확산 등 3개 분야를 포함한다.")
    assert statement.item_ids == ("counter-terrorism", "disarmament-nonproliferation")
    assert (statement.stated_count, statement.listed_count) == (3, 2)


def test_comma_list_closed_by_deung_and_a_count():
    statement = _one("일본의 ITPP는 사이버방위, 우주안보, 해양안보 등 16개 분야를 포함한다.")
    assert statement.item_ids == ("cyber-defence", "space", "maritime-security")
    assert (statement.partner, statement.stated_count) == ("Japan", 16)


def test_weak_items_in_a_korean_list_of_a_carried_programme():
    text = "호주는 나토와 ITPP를 맺었다. 이 프로그램은 사이버·우주 및 해양안보 분야를 다룬다."
    statement = _one(text)
    assert statement.item_ids == ("cyber-defence", "space", "maritime-security")
    assert statement.partner == "Australia"


def test_new_sectors_in_korean_lists():
    statement = _one("나토와 한국은 ITPP에 군진의학·군수지원·표준화를 새로 넣기로 했다.")
    assert statement.item_ids == ("military-medicine", "logistics",
                                  "standards-interoperability")
    statement = _one("새 ITPP는 방위산업 협력, 공급망, 허위정보 대응 등 5개 분야를 담았다.")
    assert statement.item_ids == ("defence-industry", "supply-chains", "hybrid-threats")
    assert statement.stated_count == 5


def test_two_korean_programmes_each_keep_their_count():
    old, new = parse_programme_statements(
        "기존 IPCP는 일곱 개 분야였지만, 새 ITPP는 11개 분야로 늘었다.")
    assert (old.acronym, old.stated_count, new.acronym, new.stated_count) == (
        "IPCP", 7, "ITPP", 11)


def test_list_after_the_area_noun_as_subject():
    statement = _one("ITPP의 협력 분야는 대화와 협의, 대테러 협력, 군축·비확산, 신흥기술 등이다.")
    assert statement.item_ids == ("dialogue-consultation", "counter-terrorism",
                                  "disarmament-nonproliferation", "emerging-technologies")


def test_a_korean_job_title_is_not_a_mention():
    text = "사이버안보 전문가는 ITPP의 공공외교 분야를 높이 평가했다."
    assert find_sectors(text)["sector"].tolist() == ["public-diplomacy"]


def test_count_offsets_in_korean():
    assert count_spans("IPCP는 7개 분야, ITPP는 11개 분야") == [(6, 7), (19, 11)]


def test_inline_item_marks():
    statement = _one("ITPP 협력 분야로는 ▲공공외교 ▲대테러 협력 ▲군축·비확산 등이 있다.")
    assert statement.item_ids == ("public-diplomacy", "counter-terrorism",
                                  "disarmament-nonproliferation")


def test_item_marks_at_line_start_after_a_colon():
    text = "정부가 밝힌 ITPP의 중점 분야는 다음과 같다:\n▲ 공급망\n▲ 해저케이블\n▲ 군진의학"
    statement = _one(text)
    assert statement.item_ids == ("supply-chains", "critical-infrastructure",
                                  "military-medicine")


def test_a_count_after_another_programme_s_possessive_goes_to_the_topic():
    new, old = parse_programme_statements(
        "ITPP는 기존 IPCP의 일곱 개 분야에서 11개 분야로 협력 범위를 넓혔다.")
    assert (new.acronym, new.stated_count) == ("ITPP", 11)
    assert (old.acronym, old.stated_count) == ("IPCP", 7)
