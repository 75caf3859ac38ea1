"""Probe of issue 10: odd files in a folder get a clear error row, never a traceback or junk."""

from __future__ import annotations

import os
import random
import warnings
from pathlib import Path

import pytest

from analysis import AnalysisError, Article, load_article, load_corpus
from analysis.corpus import extract_corpus, read_table

GOOD = ("Seoul — NATO Secretary General Jens Stoltenberg met President Yoon Suk Yeol. "
        "“We agree on cyber defence,” Stoltenberg said. ")


def _load(path: Path) -> tuple[list[Article], list[AnalysisError]]:
    problems: list[AnalysisError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = list(load_corpus(path, on_error=problems.append))
    return articles, problems


def test_text_followed_by_binary_bytes_is_refused_with_the_offset(tmp_path):
    rng = random.Random(3)
    path = tmp_path / "tail.txt"
    path.write_bytes((GOOD * 100).encode() + bytes(rng.randrange(256) for _ in range(50_000)))
    with pytest.raises(AnalysisError, match=r"binary data from about byte [\d,]+ on"):
        load_article(path)


def test_a_few_control_bytes_at_the_end_of_a_long_text_are_not_a_binary_block(tmp_path):
    path = tmp_path / "fine.txt"
    path.write_bytes((GOOD * 100).encode() + b"\x01\x02")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert load_article(path).text.startswith("Seoul")


def test_random_high_bytes_are_refused_not_read_as_cp1252(tmp_path):
    rng = random.Random(4)
    path = tmp_path / "high.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(5_000)))
    with pytest.raises(AnalysisError, match="not text in any encoding recognised"):
        load_article(path)


def test_western_cp1252_text_is_still_read(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Le ministre a déclaré à Séoul que la coopération était « forte ».".encode(
        "cp1252") * 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert "déclaré" in load_article(path).text


def test_a_broken_link_and_a_named_pipe_are_error_rows_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", corpus / "link.txt")
    os.mkfifo(corpus / "pipe.txt")  # reading it would block for ever
    result = extract_corpus(corpus, tmp_path / "out", tables=["articles"], workers=1,
                            progress=False)
    assert result.n_articles == 1
    errors = read_table(tmp_path / "out", "errors")
    by_file = {Path(p).name: m for p, m in zip(errors.path, errors.message, strict=True)}
    assert "which does not exist; fix or remove the link" in by_file["link.txt"]
    assert by_file["pipe.txt"].startswith("a named pipe (FIFO), not a file")


def test_a_file_name_that_is_not_utf8_reaches_the_tables(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / os.fsdecode(b"\xffname.txt")).write_text(GOOD, encoding="utf-8")
    result = extract_corpus(corpus, tmp_path / "out", tables=["articles"], workers=1,
                            progress=False)
    assert result.n_articles == 1
    articles = read_table(tmp_path / "out", "articles")
    assert articles.article_id.tolist() == ["\ufffdname.txt"]


def test_utf8_with_curly_quotes_and_a_few_latin1_bytes_stays_utf8(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Seoul — “We agree,” Yoon said. ".encode() + "café".encode("latin-1") * 3)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = load_article(path).text
    assert text.startswith("Seoul — “We agree,”")
    assert text.count("\ufffd") == 3
    assert "3 invalid UTF-8 sequences (the first at byte" in str(caught[0].message)
