"""Input: what a file is, told before it is read as news (binary, PDF, UTF-16, HTML, empty)."""

from __future__ import annotations

import io
import random
import warnings
import zipfile
from pathlib import Path

import pytest

from analysis import AnalysisError, load_article, load_corpus
from analysis.quotes import extract_quotes
from analysis.text.loaders import iter_article_files, iter_folder_files
from analysis.text.sniffing import sniff

ARTICLE = "“Korea is a very highly valued partner of NATO,” Stoltenberg said in Vilnius."


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "NATO met.")
    return buffer.getvalue()


_RNG = random.Random(7)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "random.txt": (bytes(_RNG.randrange(256) for _ in range(5000)),
                   r"binary data, not text \(\d+ control bytes"),
    "program.txt": (b"\x7fELF\x02\x01\x01\x00" + bytes(200), r"executable program \(ELF\)"),
    "nuls.txt": (bytes(4096), r"binary data, not text \(only NUL bytes\)"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a PNG image"),
    "archive.txt": (_zip(), "a ZIP archive"),
    "paper.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdftotext"),
    "word.txt": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Office document"),
    "empty.txt": (b"", r"the file is empty \(0 bytes\)"),
    "blank.txt": (b" \n\t\n  \n", r"holds only whitespace \(7 bytes\)"),
    "header-only.txt": (b"title: A headline\n\n", "the article text is empty"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_files_that_are_not_news_are_refused_naming_the_file(tmp_path: Path, name: str) -> None:
    content, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AnalysisError, match=message) as caught:
        load_article(path)
    assert caught.value.path == str(path)


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".csv"])
def test_binary_data_is_refused_whatever_the_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"photo{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(AnalysisError, match="a PNG image"):
        load_article(path)


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv"])
def test_empty_files_of_every_type_are_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(AnalysisError, match="empty"):
        load_article(path)


def test_a_jsonl_file_of_blank_lines_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n  \n", encoding="utf-8")
    with pytest.raises(AnalysisError, match="holds no records"):
        list(load_corpus(path))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode(codec))
    assert load_article(path).text == ARTICLE


def test_utf16_without_bom_in_jsonl_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(('{"id": "w1", "text": "NATO met."}\n'
                      '{"id": "w2", "text": "Korea joined."}\n').encode("utf-16-le"))
    assert [a.text for a in load_corpus(path)] == ["NATO met.", "Korea joined."]


def test_utf16_look_alike_that_does_not_decode_is_refused(tmp_path: Path) -> None:
    data = bytearray("NATO met in Vilnius.".encode("utf-16-le"))
    data[2:4] = b"\x01\xdc"  # a lone low surrogate
    path = tmp_path / "odd.txt"
    path.write_bytes(bytes(data))
    with pytest.raises(AnalysisError, match="UTF-16-LE text without a byte order mark"):
        load_article(path)


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Korea and NATO adopt partnership plan</title>
<meta name="author" content="Sarah Kim">
<meta property="article:published_time" content="2023-07-11T09:00:00Z">
<script>var nav = "menu";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/en">en</a></nav>
<article><h1>Korea and NATO adopt partnership plan</h1>
<p>&ldquo;Korea is a very highly valued partner of NATO,&rdquo; Stoltenberg said on Tuesday
in Vilnius, where the allies met the leaders of four Indo-Pacific partners.</p>
<p>President Yoon Suk Yeol and the secretary general adopted a programme covering eleven
areas of cooperation, from cyber defence to climate security.</p></article>
<footer>Copyright 2023 Example News. All rights reserved.</footer></body></html>
"""


@pytest.mark.parametrize("name", ["page.html", "page.htm", "saved-as.txt"])
def test_html_pages_are_read_as_articles_by_name_or_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    article = load_article(path)
    assert article.title == "Korea and NATO adopt partnership plan"
    assert article.author == "Sarah Kim"
    assert article.published is not None and article.published.isoformat() == "2023-07-11"
    assert article.text.startswith("“Korea is a very highly valued partner of NATO,”")
    for junk in ("<", "&ldquo;", "var nav", "Home", "Copyright"):
        assert junk not in article.text
    quotes = extract_quotes(article)
    assert [q.text for q in quotes if q.kind == "direct"] == [
        "Korea is a very highly valued partner of NATO,"]
    assert {q.text for q in quotes}.isdisjoint({"en", "utf-8", "nav"})


def test_an_html_page_without_article_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body></body></html>",
                    encoding="utf-8")
    with pytest.raises(AnalysisError, match="no article text was found"):
        load_article(path)


def test_a_text_that_mentions_html_is_not_html() -> None:
    assert not sniff(b"NATO met. The <html> tag opens a page.").html
    assert sniff(b"\n\n  <html><body>NATO</body></html>").html


def test_a_few_stray_nuls_are_not_binary(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(b"NATO\x00 met in Vilnius.\x00\x01 Korea joined.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = load_article(path)
    assert article.text == "NATO met in Vilnius. Korea joined."
    assert article.n_control_chars == 3
    assert any("stray.txt: removed 3 control character(s)" in str(w.message) for w in caught)


def test_every_file_a_folder_holds_is_read_or_listed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("NATO met.", encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    for name in ("paper.pdf", "table.tsv", "README.md", "letter.docx", "noext"):
        (tmp_path / name).write_bytes(b"something")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("hidden", encoding="utf-8")
    problems: list[AnalysisError] = []
    ids = [a.article_id for a in load_corpus(tmp_path, on_error=problems.append)]
    assert ids == ["good.txt", "page.html"]
    reasons = {Path(p.path).name: p.reason for p in problems}
    assert sorted(reasons) == ["README.md", "letter.docx", "noext", "paper.pdf", "table.tsv"]
    assert reasons["paper.pdf"].startswith("unsupported file type .pdf; ")
    assert "pdftotext" in reasons["paper.pdf"]
    assert reasons["table.tsv"].startswith("unsupported file type .tsv; ")
    assert reasons["noext"].startswith("unsupported file type (none); ")
    assert [p.name for p in iter_article_files(tmp_path)] == ["good.txt", "page.html"]
    assert ".DS_Store" not in [p.name for p in iter_folder_files(tmp_path)]
