"""The date at the top of an article's text, used when the record gives none.

Every text here is written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.text.datelines import dateline_date
from analysis.text.loaders import load_article


@pytest.mark.parametrize(("text", "expected"), [
    ("THE HAGUE, June 25, 2025 - NATO leaders agreed.", dt.date(2025, 6, 25)),
    ("VILNIUS, Lithuania — July 11, 2023 — Leaders met.", dt.date(2023, 7, 11)),
    ("SEOUL, 11 July 2023 (Yonhap) -- The president left.", dt.date(2023, 7, 11)),
    ("WASHINGTON, Tuesday, March 4, 2025 - The Senate voted.", dt.date(2025, 3, 4)),
    ("Allies agree on aid\n\nPublished: 12 Jul. 2023, 19:23\n\nThe body.", dt.date(2023, 7, 12)),
    ("Posted on Sept. 3, 2024\nThe body.", dt.date(2024, 9, 3)),
    ("By Dana Hollis\nUpdated: 2024-01-09 08:00\n\nThe body.", dt.date(2024, 1, 9)),
    ("2023-07-11\n\nThe body.", dt.date(2023, 7, 11)),
])
def test_a_date_at_the_top_is_read(text, expected):
    assert dateline_date(text) == expected


@pytest.mark.parametrize("text", [
    "On July 11, 2023, the leaders met in Vilnius.",  # a sentence's date is an event's
    "The Feb. 3, 2024 meeting was cancelled.",
    "SEOUL, July 11 (Yonhap) -- No year is given.",
    "SEOUL, Feb. 30, 2023 - No such day.",
    "Officials said the 1999-12-31 files were lost.",
    "A long first paragraph about nothing in particular. " * 12 + "\nMay 2, 2024",
    "",
])
def test_no_date_is_read_from_a_sentence_or_beyond_the_top(text):
    assert dateline_date(text) is None


def test_a_txt_without_a_header_takes_its_dateline(tmp_path):
    path = tmp_path / "hague.txt"
    path.write_text("THE HAGUE, June 25, 2025 - NATO leaders agreed on a goal.\n",
                    encoding="utf-8")
    article = load_article(path)
    assert article.published == dt.date(2025, 6, 25)
    assert article.metadata["published_from"] == "dateline"


def test_a_header_date_wins_over_the_dateline(tmp_path):
    path = tmp_path / "hague.txt"
    path.write_text("published: 2025-06-26\n\nTHE HAGUE, June 25, 2025 - NATO met.\n",
                    encoding="utf-8")
    article = load_article(path)
    assert article.published == dt.date(2025, 6, 26)
    assert "published_from" not in article.metadata


def test_a_record_with_an_unknown_date_takes_its_dateline(tmp_path):
    path = tmp_path / "wire.json"
    path.write_text(json.dumps({"id": "w1", "date": "unknown",
                                "text": "SEOUL, 11 July 2023 (Yonhap) -- Yoon left."}),
                    encoding="utf-8")
    assert load_article(path).published == dt.date(2023, 7, 11)


def test_the_dateline_date_dates_the_office_of_a_description(tmp_path):
    path = tmp_path / "hague.txt"
    path.write_text("THE HAGUE, June 25, 2025 - NATO leaders agreed on a new goal.\n\n"
                    "The NATO chief said the goal would make the alliance stronger.\n",
                    encoding="utf-8")
    quotes = extract_quotes(load_article(path))
    assert [q.actor for q in quotes] == ["Mark Rutte"]


# --------------------------------------------------------------------------- Korean


@pytest.mark.parametrize(("text", "expected"), [
    # the trial's Naver-style line, then the Yonhap dateline that carries no date
    ("기사입력 2024.11.19. 오전 10:23\n\n(서울=연합뉴스) 이영훈 기자 = 한국과 폴란드가 협상했다.",
     dt.date(2024, 11, 19)),
    ("입력 2024-11-19 10:23\n수정 2024-11-20 09:00\n\n국방부는 밝혔다.", dt.date(2024, 11, 19)),
    ("등록 2024.11.19\n\n국방부는 밝혔다.", dt.date(2024, 11, 19)),
    ("입력 : 2024/11/19 10:23:05\n\n본문.", dt.date(2024, 11, 19)),
    ("송고시간 2024-11-19 10:23\n\n본문.", dt.date(2024, 11, 19)),
    ("2024년 11월 19일\n\n국방부는 밝혔다.", dt.date(2024, 11, 19)),
    ("2024년 11월 19일 (화) 오후 3시 20분\n\n본문.", dt.date(2024, 11, 19)),
    ("2024.11.19(화) 10:23\n\n본문.", dt.date(2024, 11, 19)),
    ("나토와 사이버 협력 확대\n최종수정 2024.11.19. 오후 4:05\n\n본문.", dt.date(2024, 11, 19)),
])
def test_a_korean_date_line_at_the_top_is_read(text, expected):
    assert dateline_date(text) == expected


@pytest.mark.parametrize("text", [
    "2024년 11월 19일 열린 회의에서 장관은 협력을 강조했다.",  # a sentence opening with its date
    "장관은 2024년 11월 19일 브뤼셀에서 회담했다.",  # a date inside a sentence
    "정부는 2024.11.19 발표한 계획을 수정했다.",
    "입력 2024.13.40\n\n본문.",  # no such day
    "조현 장관은 3일(현지시간) 브뤼셀에서 회담했다.",  # no year
])
def test_no_korean_date_is_read_from_a_sentence(text):
    assert dateline_date(text) is None


def test_a_korean_txt_without_a_header_takes_its_date_line(tmp_path):
    path = tmp_path / "k2.txt"
    path.write_text("기사입력 2024.11.19. 오전 10:23\n\n(서울=연합뉴스) 이영훈 기자 = 한국과 폴란드가 "
                    "K2 전차 2차 이행계약 체결을 위한 막바지 협상을 벌이고 있다.\n", encoding="utf-8")
    article = load_article(path)
    assert article.published == dt.date(2024, 11, 19)
    assert article.metadata["published_from"] == "dateline"


def test_an_english_date_that_opens_a_sentence_is_no_dateline():
    assert dateline_date("July 11, 2023, leaders met in Vilnius and agreed.") is None
    assert dateline_date("Summit notes\nJune 25, 2025 marked the day leaders agreed.") is None
    assert dateline_date("July 11, 2023 -- Leaders met in Vilnius.") == dt.date(2023, 7, 11)


def test_a_korean_label_glued_to_its_date_is_read():
    assert dateline_date("입력2024.11.19 10:23\n\n국방부는 ...") == dt.date(2024, 11, 19)


def test_a_header_date_written_as_a_site_prints_it_is_read(tmp_path):
    path = tmp_path / "site.txt"
    path.write_text("Published: 12 Jul. 2023, 19:23\n\nNATO and Japan met.\n", encoding="utf-8")
    assert load_article(path).published == dt.date(2023, 7, 12)


def test_a_revision_date_gives_way_to_the_publication_date():
    text = "Updated: 14 Jul. 2023, 08:00\nPublished: 12 Jul. 2023, 19:23\n\nThe body."
    assert dateline_date(text) == dt.date(2023, 7, 12)
    assert dateline_date("최종수정 2024.11.20 09:00\n입력 2024.11.19 10:23\n\n본문") == \
        dt.date(2024, 11, 19)
    assert dateline_date("Updated: 14 Jul. 2023\n\nThe body.") == dt.date(2023, 7, 14)
