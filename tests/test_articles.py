"""Articles: loaders, identifiers, header format, encodings, language, errors, laziness."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis import AnalysisError, Article, as_document, load_article, load_corpus
from analysis.text.articles import parse_header
from analysis.text.decoding import decode_bytes
from analysis.text.language import detect_language

KOREAN = "윤석열 대통령과 옌스 스톨텐베르그 나토 사무총장은 개별 맞춤형 파트너십 프로그램을 채택했다."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# --------------------------------------------------------------------------- loaders


def test_txt_with_header(tmp_path):
    path = write(
        tmp_path / "a.txt",
        "Title: Korea and NATO\noutlet: Korea JoongAng Daily\nauthor: Sarah Kim\n"
        "published: 2023-07-11\nurl: https://example.org/a\nlanguage: en\n"
        "source: hand-written\n\nYoon met Stoltenberg.\n",
    )
    article = load_article(path)
    assert article.article_id == "a.txt"
    assert article.title == "Korea and NATO"
    assert article.outlet == "Korea JoongAng Daily"
    assert article.author == "Sarah Kim"
    assert article.published == dt.date(2023, 7, 11)
    assert article.url == "https://example.org/a"
    assert article.language == "en"
    assert dict(article.metadata) == {"source": "hand-written"}
    assert article.text == "Yoon met Stoltenberg.\n"


def test_txt_fenced_header(tmp_path):
    path = write(tmp_path / "f.txt", "---\ntitle: Fenced\ndate: 2023-07-12\n---\n\nBody here.")
    article = load_article(path)
    assert (article.title, article.published, article.text) == (
        "Fenced", dt.date(2023, 7, 12), "Body here.",
    )


def test_txt_without_header_keeps_everything(tmp_path):
    body = "Note: this article opens with a colon line.\n\nSecond paragraph."
    article = load_article(write(tmp_path / "n.txt", body))
    assert article.text == body
    assert article.title is None and article.published is None
    assert dict(article.metadata) == {}


def test_txt_header_id_and_unknown_values(tmp_path):
    path = write(
        tmp_path / "u.txt",
        "id: seed-1\ntitle: unknown\nauthor: N/A\npublished: unknown\nurl: -\n\nText.",
    )
    article = load_article(path)
    assert article.article_id == "seed-1"
    assert (article.title, article.author, article.published, article.url) == (None,) * 4


def test_header_parser_directly():
    assert parse_header("title: A\n\nBody") == ({"title": "A"}, "Body")
    assert parse_header("title: A\nno colon line\n\nBody") == ({}, "title: A\nno colon line\n\nBody")
    assert parse_header("title: never closed") == ({}, "title: never closed")
    assert parse_header("desk: world\n\nBody")[0] == {}  # no known field: not a header


def test_json_object_and_list(tmp_path):
    one = write(tmp_path / "one.json", json.dumps({"text": "NATO met.", "outlet": "X"}))
    assert load_article(one).article_id == "one.json"
    many = write(
        tmp_path / "many.json",
        json.dumps([{"text": "First."}, {"article_id": 7, "text": "Second."}]),
    )
    ids = [a.article_id for a in load_corpus(many)]
    assert ids == ["many.json#1", "7"]


def test_jsonl_ids_blank_lines_and_metadata(tmp_path):
    path = write(
        tmp_path / "wire.jsonl",
        '{"text": "One.", "desk": "world"}\n\n{"id": "ap-3", "text": "Three."}\n',
    )
    articles = list(load_corpus(path))
    assert [a.article_id for a in articles] == ["wire.jsonl#1", "ap-3"]
    assert dict(articles[0].metadata) == {"desk": "world"}


def test_csv_text_column_and_metadata(tmp_path):
    path = write(
        tmp_path / "table.csv",
        'id,Text,outlet,published,desk\n,"First, with comma.",Daily,2023-07-11,world\n'
        'b-2,"Line one\nline two.",,,\n',
    )
    first, second = load_corpus(path)
    assert first.article_id == "table.csv#1"
    assert first.text == "First, with comma."
    assert first.outlet == "Daily" and first.published == dt.date(2023, 7, 11)
    assert dict(first.metadata) == {"desk": "world"}
    assert second.article_id == "b-2"
    assert second.text == "Line one\nline two."
    assert second.outlet is None


def test_folder_sorted_recursive_skips_hidden_and_lists_other_files(tmp_path):
    write(tmp_path / "b.txt", "B.")
    write(tmp_path / "a" / "c.jsonl", '{"text": "C."}\n')
    write(tmp_path / ".hidden.txt", "H.")
    write(tmp_path / ".git" / "x.txt", "X.")
    write(tmp_path / "readme.md", "not an article")
    problems: list[AnalysisError] = []
    ids = [a.article_id for a in load_corpus(tmp_path, on_error=problems.append)]
    assert ids == ["b.txt", "a/c.jsonl#1"]
    assert [Path(p.path).name for p in problems] == ["readme.md"]
    assert "unsupported file type .md" in str(problems[0])


def test_several_paths_in_order(tmp_path):
    first = write(tmp_path / "z.txt", "Z.")
    folder = tmp_path / "dir"
    write(folder / "y.txt", "Y.")
    assert [a.article_id for a in load_corpus([first, str(folder)])] == ["z.txt", "y.txt"]


def test_package_exports():
    assert analysis.load_article is load_article
    assert analysis.load_corpus is load_corpus
    assert issubclass(analysis.AnalysisError, ValueError)


# --------------------------------------------------------------------------- Article


def test_article_is_frozen_with_read_only_metadata():
    article = Article("a", "Text.", metadata={"k": "v"})
    with pytest.raises(AttributeError):
        article.text = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        article.metadata["k"] = "w"  # type: ignore[index]
    assert hash(article) == hash(Article("a", "Text.", metadata={"other": 1}))


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
     ("utf-16-be", b"\xfe\xff")],
)
def test_unicode_encodings(tmp_path, encoding, prefix):
    text = "title: Café\n\nStoltenberg’s “partner” — 한국."
    article = load_article(write(tmp_path / "e.txt", prefix + text.encode(encoding)))
    assert article.title == "Café"
    assert article.text == "Stoltenberg’s “partner” — 한국."


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr"])
def test_korean_legacy_encodings(tmp_path, encoding):
    text = f"{KOREAN}\nNATO 정상회의는 빌뉴스에서 열렸다. Stoltenberg said."
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no cp1252 fallback warning
        article = load_article(write(tmp_path / "k.txt", text.encode(encoding)))
    assert article.text == text
    assert article.language == "ko"


def test_cp1252_fallback_warns_and_names_the_file(tmp_path):
    text = "The minister’s “naïve” café visit — très bien."
    path = write(tmp_path / "w.txt", text.encode("cp1252"))
    with pytest.warns(UnicodeWarning, match=r"w\.txt.*cp1252"):
        article = load_article(path)
    assert article.text == text


def test_newlines_normalised():
    assert decode_bytes(b"a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_text_is_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Café 한국")
    assert decomposed != "Café 한국"
    article = load_article(write(tmp_path / "nfd.txt", decomposed))
    assert article.text == "Café 한국"


def test_csv_in_cp949(tmp_path):
    path = write(tmp_path / "ko.csv", f"text,outlet\n{KOREAN},중앙일보\n".encode("cp949"))
    (article,) = load_corpus(path)
    assert article.text == KOREAN and article.outlet == "중앙일보"


def test_jsonl_with_bom_and_crlf(tmp_path):
    path = write(tmp_path / "w.jsonl", b'\xef\xbb\xbf{"text": "A.\\r\\nB."}\r\n{"text": "C."}\r\n')
    assert [a.text for a in load_corpus(path)] == ["A.\nB.", "C."]


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The alliance said it would deepen the partnership with Korea.", "en"),
        (KOREAN, "ko"),
        ("日本とNATOは協力を強化することで合意した。", "ja"),
        ("北约与韩国同意加强合作伙伴关系。", "zh"),
        ("Le président a dit que la France et la Corée vont coopérer.", "und"),
        ("Der Präsident sagte, dass die Allianz und Korea zusammenarbeiten.", "und"),
        ("1234 5678", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_language_from_field_wins(tmp_path):
    path = write(tmp_path / "l.jsonl", json.dumps({"text": "Short.", "lang": "FR"}) + "\n")
    assert next(load_corpus(path)).language == "fr"


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad-date.txt", "published: sometime in July\n\nBody.", "YYYY-MM-DD"),
        ("bad.json", "{oops", "not valid JSON"),
        ("list.json", "[1, 2]", "not an object"),
        ("notext.csv", "headline,outlet\nA,B\n", "no 'text' column"),
        ("empty.csv", "", "empty"),
        ("notext.json", '{"headline": "A"}', "no 'text' field"),
        ("number.json", '{"text": 5}', "not a string"),
        ("bad.jsonl", '{"text": "ok"}\nnot json\n', "line 2 is not valid JSON"),
        ("notes.md", "x", "unsupported file type"),
    ],
)
def test_errors_name_the_file_and_what_to_do(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    with pytest.raises(AnalysisError, match=message) as info:
        list(load_corpus(path))
    assert name in str(info.value)
    assert info.value.path is not None and name in info.value.path


def test_missing_file_and_folder_given_to_load_article(tmp_path):
    with pytest.raises(AnalysisError, match="not found") as info:
        load_article(tmp_path / "missing.txt")
    assert "missing.txt" in str(info.value)
    with pytest.raises(AnalysisError, match="load_corpus"):
        load_article(tmp_path)
    with pytest.raises(AnalysisError, match="no such file"):
        list(load_corpus(tmp_path / "nowhere"))


def test_load_article_refuses_several_articles(tmp_path):
    path = write(tmp_path / "two.jsonl", '{"text": "A."}\n{"text": "B."}\n')
    with pytest.raises(AnalysisError, match="holds 2 articles"):
        load_article(path)


def test_on_error_collects_and_continues(tmp_path):
    write(tmp_path / "a.jsonl", '{"text": "A."}\n{"text": "B.", "date": "soon"}\n[3]\n{"text": "D."}\n')
    write(tmp_path / "b.json", "{broken")
    write(tmp_path / "c.txt", "C.")
    problems: list[AnalysisError] = []
    ids = [a.article_id for a in load_corpus(tmp_path, on_error=problems.append)]
    assert ids == ["a.jsonl#1", "a.jsonl#4", "c.txt"]
    assert len(problems) == 3
    assert all(isinstance(p, AnalysisError) for p in problems)
    assert "a.jsonl#2" in str(problems[0]) and "soon" in str(problems[0])
    assert "b.json" in str(problems[2])


def test_load_corpus_is_lazy(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "b.txt", "B.")
    import analysis.text.loaders as articles

    opened: list[str] = []
    real = articles._read_bytes
    monkeypatch.setattr(articles, "_read_bytes", lambda p: opened.append(p.name) or real(p))
    corpus = load_corpus([tmp_path / "missing", tmp_path])  # nothing happens yet
    assert opened == []
    with pytest.raises(AnalysisError):
        next(corpus)
    corpus = load_corpus(tmp_path)
    assert next(corpus).article_id == "a.txt"
    assert opened == ["a.txt"]


# --------------------------------------------------------------------------- offsets

_PIECES = st.sampled_from(
    ["U.S.", "Sen.", "Yoon", "said", "“We agree,”", "he said.", "Why?", "No. 2", "1.",
     "- item", "…", "3.5", "a.m.", "한국은", "Korea.", "NATO!", " ", "  ", "\n", "\n\n",
     "\r\n", "\t", "\u00a0", "e.g.", ")", "“", "”"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map(" ".join) | st.text(max_size=200))
def test_spans_index_the_text_ordered_trimmed(raw):
    text = decode_bytes(raw.encode("utf-8"))
    doc = as_document(Article("t", text))
    for spans in (doc.paragraphs, doc.sentences):
        previous_end = 0
        for span in spans:
            assert 0 <= previous_end <= span.start < span.end <= len(text)
            chunk = span.slice(text)
            assert chunk == chunk.strip()
            previous_end = span.end
    for sentence in doc.sentences:
        paragraph = doc.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))
    words_in = "".join(text.split())
    words_out = "".join("".join(s.slice(text).split()) for s in doc.sentences)
    assert words_in == words_out  # no character other than whitespace is lost


def test_jsonl_utf16_and_a_legacy_korean_line(tmp_path):
    utf16 = write(tmp_path / "u16.jsonl", '{"text": "Café."}\n{"text": "한국."}\n'.encode("utf-16"))
    assert [a.text for a in load_corpus(utf16)] == ["Café.", "한국."]
    mixed = write(
        tmp_path / "mixed.jsonl",
        b'{"text": "NATO met."}\n' + f'{{"text": "{KOREAN}"}}\n'.encode("cp949"),
    )
    assert [a.text for a in load_corpus(mixed)] == ["NATO met.", KOREAN]


def test_jsonl_yields_records_before_a_later_bad_line(tmp_path):
    path = write(tmp_path / "w.jsonl", '{"text": "One."}\n{broken\n')
    corpus = load_corpus(path)
    assert next(corpus).text == "One."
    with pytest.raises(AnalysisError, match="line 2"):
        next(corpus)


def test_csv_fields_longer_than_the_csv_module_limit_load(tmp_path):
    huge = "word " * 30_000  # 150,000 characters: above the csv module's field limit
    path = write(tmp_path / "huge.csv", f'text\n"{huge}"\nNATO met.\n')
    articles = list(load_corpus(path))
    assert [len(a.text) for a in articles] == [len(huge), len("NATO met.")]
