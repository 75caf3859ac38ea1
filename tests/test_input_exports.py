"""Input: long texts: multi-article exports split, one long article read whole with a warning."""

from __future__ import annotations

import pytest

from analysis import load_article, load_corpus
from analysis.text.cleaning import InputWarning
from analysis.text.exports import LONG_TEXT_CHARS, split_export


def _story(number: int, words: int) -> str:
    """A synthetic story (no real export copied): headline, byline, body."""
    body = " ".join(f"Delegates of country {number} met on day {i}." for i in range(words))
    return f"Summit story {number}\nBy Staff Writer {number}\n\n{body}\n"


def _lexis(count: int, words: int) -> str:
    return "".join(f"{_story(n, words)}\nEnd of Document\n\n" for n in range(1, count + 1))


def _factiva(count: int, words: int) -> str:
    return "".join(f"{_story(n, words)}\nDocument WIRE00002023071{n}ej7b000{n}l\n\n"
                   for n in range(1, count + 1))


@pytest.mark.parametrize(("maker", "name"), [(_lexis, "LexisNexis"), (_factiva, "Factiva")])
def test_a_long_export_is_split_into_its_articles_with_a_warning(tmp_path, maker, name):
    text = maker(3, 9000)  # about 1.1 MB
    assert len(text) > LONG_TEXT_CHARS
    path = tmp_path / "export.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(InputWarning, match=rf"export\.txt: a {name} export of 3 articles "
                                          r".*read as export\.txt#1 to export\.txt#3"):
        articles = list(load_corpus(path))
    assert [a.article_id for a in articles] == ["export.txt#1", "export.txt#2", "export.txt#3"]
    for number, article in enumerate(articles, start=1):
        assert article.text == _story(number, 9000).strip()
        assert article.source_path == f"{path}#{number}"


def test_a_short_export_is_split_too_and_the_header_applies_to_each(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("outlet: Example Wire\nid: one\n\n" + _lexis(2, 3), encoding="utf-8")
    with pytest.warns(InputWarning, match="LexisNexis export of 2 articles"):
        articles = list(load_corpus(path))
    assert [(a.article_id, a.outlet) for a in articles] == [
        ("small.txt#1", "Example Wire"), ("small.txt#2", "Example Wire")]


def test_text_after_the_last_separator_is_kept():
    export = split_export("A met.\nEnd of Document\nB met.\nEnd of Document\nC, unended.")
    assert export is not None
    assert export.texts == ("A met.", "B met.", "C, unended.")


def test_one_separator_or_a_mention_in_a_sentence_is_not_an_export():
    assert split_export("One story.\nEnd of Document\n") is None
    assert split_export("They said End of Document twice. End of Document.") is None
    assert split_export("Document ABCDEFGHIJKLMNOPQRST\nDocument ABCDEFGHIJKLMNOPQRST\n") is None


def test_one_long_article_is_read_whole_with_a_warning_naming_its_size(tmp_path):
    path = tmp_path / "long.txt"
    text = "NATO met in Vilnius. " * 50_000
    path.write_text(text, encoding="utf-8")
    with pytest.warns(InputWarning, match=r"long\.txt: a long article \(1,050,000 characters\), "
                                          "read whole"):
        article = load_article(path)
    assert article.text == text
