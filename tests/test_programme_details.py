"""Which shipped programme a statement is about, and its year, however it is written.

Texts written for these tests; the programmes are ``resources/sectors/programmes.csv``.
"""

from __future__ import annotations

import datetime as dt

from analysis.sectors.statement_rows import programme_statements_frame
from analysis.text.articles import Article


def _rows(text: str, published: dt.date | None = dt.date(2024, 7, 12)) -> list[tuple]:
    frame = programme_statements_frame(Article(article_id="p", text=text, published=published))
    return list(frame[["partner", "acronym", "programme_id", "year", "year_source"]]
                .astype(object).where(frame.notna(), None).itertuples(index=False, name=None))


def test_a_programme_written_out_in_full_is_found_in_the_dataset():
    text = ("Seoul and NATO reviewed their Individually Tailored Partnership Programme, "
            "which covers areas including cyber defence and space.")
    assert _rows(text) == [("Republic of Korea", None, "kor-itpp-2023", 2023, "dataset")]


def test_the_american_spelling_of_the_name_is_the_same_programme():
    text = ("Tokyo and NATO said their Individually Tailored Partnership Program would "
            "cover areas including maritime security and space.")
    assert _rows(text)[0][2] == "jpn-itpp-2023"


def test_a_datelines_year_is_not_the_programmes_year():
    text = ("CANBERRA, June 3, 2025 (AAP) -- Australia said its partnership programme "
            "with NATO, agreed at the Vilnius summit, covers cyber defence and space.")
    assert _rows(text, dt.date(2025, 6, 3))[0][3:] == (2023, "summit")


def test_a_year_the_sentence_gives_after_the_dateline_is_still_read():
    text = ("CANBERRA, June 3, 2025 (AAP) -- Australia said its ITPP, agreed in 2023, "
            "covers areas including cyber defence and space.")
    assert _rows(text, dt.date(2025, 6, 3))[0][3:] == (2023, "text")
