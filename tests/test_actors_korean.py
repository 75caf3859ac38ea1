"""Korean mentions in the actors table: a particle written onto a name does not hide it."""

from __future__ import annotations

from datetime import date

from analysis.actors.registry import default_registry
from analysis.pipeline import frames
from analysis.text.articles import Article


def test_registry_finds_korean_names_before_particles() -> None:
    text = "윤석열 대통령은 나토와 협력을 논의했다. 외교부에서 설명했다."
    found = [(m.text, m.actor) for m in default_registry().find_mentions(text)]
    assert found == [("윤석열", "Yoon Suk Yeol"), ("나토", "NATO"),
                     ("외교부", "Ministry of Foreign Affairs (South Korea)")]


def test_a_syllable_run_that_only_starts_with_an_alias_is_no_mention() -> None:
    # "나토군" (NATO forces) is not "나토" plus a particle; nor is "윤리" (ethics) 윤
    assert default_registry().find_mentions("나토군 윤리") == []


def test_actors_table_of_a_korean_article_has_its_speakers() -> None:
    article = Article(article_id="ko", language="ko", published=date(2023, 7, 12),
                      text="윤석열 대통령은 \"나토와 함께하겠다\"고 말했다.")
    tables = frames(["actors", "quotes"], [article])
    assert {"Yoon Suk Yeol", "NATO"} <= set(tables["actors"]["actor"])
    assert tables["quotes"]["actor"].dropna().tolist() == ["Yoon Suk Yeol"]
