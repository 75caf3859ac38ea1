"""Tone figures' captions count the articles they draw, and say which are left out and why.

A new-user trial's tone captions said "10 articles" when its 2 Korean articles had no
tone (VADER and the target model score English only): 8 articles were drawn. The
articles below are invented; the counts are by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.figures import FigureInputs, registered_figures
from analysis.text.articles import Article

ENGLISH = [
    Article("en1", "\u201cWe welcome Korea's partnership,\u201d NATO Secretary General Mark "
            "Rutte said. Japan praised the deal.", outlet="Wire", language="en",
            published=dt.date(2024, 3, 1)),
    Article("en2", "\u201cThis is a good day for Japan,\u201d Prime Minister Fumio Kishida "
            "said in Tokyo.", outlet="Herald", language="en", published=dt.date(2024, 4, 2)),
]
KOREAN = Article("ko1", "\u201c나토와의 협력을 강화하겠다\u201d고 조현 외교부 장관이 말했다.",
                 outlet="Ilbo", language="ko", published=dt.date(2024, 5, 3))
#: English, but no quote: the speaker figure does not draw it (the target one does).
NO_QUOTE = Article("en3", "NATO and Korea met in Brussels. Korea welcomed the talks.",
                   outlet="Wire", language="en", published=dt.date(2024, 6, 4))


@pytest.fixture(scope="module")
def captions() -> dict[str, str]:
    inputs = FigureInputs.from_documents([*ENGLISH, KOREAN, NO_QUOTE])
    return {spec.name: spec.caption_for(inputs) for spec in registered_figures()
            if spec.name in ("sentiment-speakers", "sentiment-targets")}


def test_the_speaker_figure_counts_the_articles_with_a_scored_quote(captions):
    said = captions["sentiment-speakers"]
    assert said.endswith(
        "Articles: 2 English articles from Herald and Wire, 1 March 2024 to 2 April 2024; "
        "left out: 1 Korean article (tone is measured in English only), 1 article with no "
        "quotes.")
    assert "4 articles" not in said


def test_the_target_figure_counts_the_articles_with_a_scored_mention(captions):
    assert captions["sentiment-targets"].endswith(
        "Articles: 3 English articles from Herald and Wire, 1 March 2024 to 4 June 2024; "
        "left out: 1 Korean article (tone is measured in English only).")


def test_nothing_is_said_left_out_when_every_article_is_scored():
    inputs = FigureInputs.from_documents(ENGLISH)
    [spec] = [s for s in registered_figures() if s.name == "sentiment-speakers"]
    said = spec.caption_for(inputs)
    assert said.endswith("Articles: 2 English articles from Herald and Wire, 1 March 2024 to "
                         "2 April 2024.")
    assert "left out" not in said
