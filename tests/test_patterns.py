"""The shared word, name and quote-mark patterns, and the text wing's module split."""

from __future__ import annotations

import pytest

from analysis.text import patterns


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Yoon met Ursula von der Leyen in Vilnius", ["Ursula von der Leyen"]),
        ("said Luiz Inácio Lula da Silva", ["Luiz Inácio Lula da Silva"]),
        ("Kim Keon-hee and O’Brien Smith left", ["Kim Keon-hee", "O’Brien Smith"]),
        ("the U.S. Senate and NATO", ["U.S. Senate"]),
        ("Korea joined", []),
    ],
)
def test_name_run(text, names):
    assert [m.group() for m in patterns.NAME_RUN_RE.finditer(text)] == names


def test_quote_marks_partition():
    assert set(patterns.ALL_MARKS) == set(patterns.DOUBLE_MARKS) | set(patterns.SINGLE_MARKS)
    assert not set(patterns.DOUBLE_OPENING) & set(patterns.DOUBLE_CLOSING)
    assert set(patterns.APOSTROPHES) <= set(patterns.SINGLE_MARKS)


def test_words_and_letters():
    assert patterns.WORD_RE.findall("Korea’s Asia-Pacific, 2023!") == ["Korea’s", "Asia-Pacific", "2023"]
    assert patterns.LETTERS_RE.findall("NATO2023 한국") == ["NATO", "한국"]


def test_hangul_class_and_is_hangul_agree():
    import re

    from analysis.text.language import is_hangul

    hangul = re.compile(f"[{patterns.HANGUL}]")
    for ch in "한ㄱᄀa1 ア":
        assert bool(hangul.match(ch)) is is_hangul(ch)


def test_public_names_are_importable_from_their_wings():
    import analysis
    from analysis import actors, text
    from analysis.text import document, loaders, segmentation

    assert analysis.load_corpus is text.load_corpus is loaders.load_corpus
    assert analysis.load_article is loaders.load_article
    assert document.split_sentences is segmentation.split_sentences
    assert analysis.Span is document.Span is segmentation.Span
    assert actors.actors_frame.__module__ == "analysis.actors.mentions"
