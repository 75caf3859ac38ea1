"""A programme's year: from the text, the sentences before, or the programmes dataset; a
later ("renewed") programme is not the dataset's; unknown stays unknown. Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.sectors import parse_programme_statements
from analysis.sectors.attribution import programme_references
from analysis.sectors.years import names_successor, text_year
from analysis.text.articles import Article


def _statements(text: str, published: dt.date | None = None):
    return parse_programme_statements(Article(article_id="t", text=text, published=published))


def _one(text: str, published: dt.date | None = None):
    [statement] = _statements(text, published)
    return statement


def test_next_year_counts_from_the_publication_date():
    assert text_year("talks on a plan due next year", dt.date(2026, 2, 1)) == (2027, "relative")
    assert text_year("내년 서명 예정", dt.date(2026, 2, 1)) == (2027, "relative")


def test_a_year_given_when_the_programme_is_introduced_reaches_its_statement():
    text = ("Canberra's envoy said Australia hoped to agree a tailored programme with the "
            "alliance next year. The ITPP would take in space, logistics and cyber defence, "
            "she added.")
    statement = _one(text, dt.date(2026, 9, 30))
    assert (statement.partner, statement.year, statement.year_source) == (
        "Australia", 2027, "relative")
    assert statement.programme_id is None  # not the 2023 programme of the dataset
    assert statement.item_ids == ("space", "logistics", "cyber-defence")


def test_a_summit_named_in_the_sentence_before_gives_the_year():
    text = ("Tokyo and NATO looked back on the ITPP they signed in Vilnius. "
            "The ITPP spans maritime security and space, officials said.")
    statement = _one(text, dt.date(2025, 1, 9))
    assert (statement.year, statement.year_source) == (2023, "summit")


def test_the_year_of_another_programme_in_the_sentence_before_is_not_carried():
    text = ("Seoul signed its first cooperation plan with NATO, the 2012 programme, long ago. "
            "The ITPP now covers space and logistics.")
    statement = _one(text, dt.date(2025, 1, 9))
    assert statement.acronym == "ITPP" and statement.year != 2012


def test_another_partner_s_year_is_not_carried():
    text = ("Japan expects a tailored programme with NATO next year. "
            "Australia's ITPP meanwhile covers space and cyber defence.")
    statement = _one(text, dt.date(2024, 6, 1))
    assert statement.partner == "Australia"
    assert (statement.year, statement.year_source) == (2023, "dataset")


@pytest.mark.parametrize("before", ["The renewed ", "a future ", "the next ", "Its revised ",
                                    "the updated ", "차기 "])
def test_successor_words_before_a_name(before):
    assert names_successor(before)


@pytest.mark.parametrize("before", ["The ", "the new ", "Japan's ", "the next day the "])
def test_other_words_before_a_name_are_not_successors(before):
    assert not names_successor(before)


def test_a_renewed_programme_is_not_the_dataset_s_and_has_no_year():
    text = "Tokyo's renewed ITPP would add logistics, space and military medicine."
    statement = _one(text, dt.date(2026, 3, 3))
    assert statement.partner == "Japan"
    assert (statement.year, statement.year_source, statement.programme_id) == (None, None, None)
    assert statement.item_ids == ("logistics", "space", "military-medicine")


def test_a_renewed_programme_keeps_a_year_the_text_gives():
    text = "The revised ITPP, to be signed in 2027, covers space and supply chains."
    statement = _one(text, dt.date(2026, 3, 3))
    assert (statement.year, statement.year_source, statement.programme_id) == (2027, "text", None)


def test_plain_introductions_are_references_without_a_name():
    refs = programme_references("Wellington wants a tailored partnership programme soon.")
    assert [(r.name, r.acronym, r.successor) for r in refs] == [(None, None, False)]
    refs = programme_references("They discussed a renewed programme.")
    assert [r.successor for r in refs] == [True]


def test_a_dataset_year_for_the_one_programme_of_a_partner():
    statement = _one("Under Australia's ITPP, work on logistics and space goes on.",
                     dt.date(2025, 5, 5))
    assert (statement.year, statement.year_source, statement.programme_id) == (
        2023, "dataset", "aus-itpp-2023")


def test_no_year_when_the_dataset_holds_several_and_the_text_gives_none():
    statement = _one("South Korea's IPCP had listed space and logistics as areas.",
                     dt.date(2025, 5, 5))
    assert (statement.year, statement.programme_id) == (None, None)


def test_the_publication_year_alone_never_gives_the_year():
    text = "New Zealand's ITPP covers areas such as climate security and disinformation."
    statement = _one(text, dt.date(2025, 5, 5))
    assert statement.partner == "New Zealand"
    assert (statement.year, statement.year_source) == (None, None)


def test_korean_partner_from_the_seoul_dateline():
    text = "(서울=가상통신) 정부는 NATO와의 ITPP에 따라 공급망·해저케이블 분야 협력을 넓힌다."
    statement = _one(text, dt.date(2025, 5, 5))
    assert (statement.partner, statement.year, statement.programme_id) == (
        "Republic of Korea", 2023, "kor-itpp-2023")
    assert statement.item_ids == ("supply-chains", "critical-infrastructure")


def test_the_partner_of_the_introducing_sentence_reaches_the_statement():
    # the article names Japan and New Zealand once each: no subject partner to fall back on
    text = ("New Zealand hopes to sign a tailored programme with NATO next year. "
            "The ITPP would span logistics and space. Japan has one already.")
    statement = _one(text, dt.date(2025, 4, 1))
    assert (statement.partner, statement.year) == ("New Zealand", 2026)


def test_a_successor_does_not_take_the_year_of_the_programme_before():
    text = ("South Korea's ITPP, agreed in 2023, covers space and logistics. "
            "The next ITPP may add military medicine and supply chains as areas.")
    first, later = _statements(text, dt.date(2025, 4, 1))
    assert (first.year, first.programme_id) == (2023, "kor-itpp-2023")
    assert (later.year, later.programme_id, later.partner) == (None, None, "Republic of Korea")
    assert later.item_ids == ("military-medicine", "supply-chains")


@pytest.mark.parametrize(("text", "expected"), [
    ("The ITPP, which runs until 2026, covers space and logistics.", None),
    ("Its ITPP, valid through the end of 2026 and agreed in 2023, spans space.", 2023),
    ("ITPP는 2026년까지 우주·군수지원 분야를 다룬다.", None),
    ("The ITPP for 2023-2026 covers space and logistics.", 2023),
])
def test_a_year_the_programme_runs_to_is_not_its_year(text, expected):
    assert text_year(text, None)[0] == expected
