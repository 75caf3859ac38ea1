"""Japanese office titles as Korean papers write them (외무상, 방위상, 관방장관).

Texts written for these tests; the words are ``resources/quotes/korean/speaker_words.csv``.
"""

from __future__ import annotations

import pytest

from analysis.quotes.extract import extract_quotes
from analysis.text.articles import Article


@pytest.mark.parametrize(("text", "actor"), [
    ("일본의 하야시 요시오 외무상은 해양 협력을 넓히겠다고 말했다.", "하야시 요시오"),
    ("기하라 미노루 방위상은 \"훈련을 늘리겠다\"고 밝혔다.", "기하라 미노루"),
    ("마쓰노 히로카즈 관방장관은 회담이 유익했다고 전했다.", "마쓰노 히로카즈"),
])
def test_a_japanese_office_title_is_stripped_from_the_speakers_name(text, actor):
    quotes = extract_quotes(Article(article_id="k", text=text, language="ko"))
    assert [quote.actor for quote in quotes] == [actor]
