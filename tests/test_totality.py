"""Total extractors: no ``str`` makes an extractor, a ``*_frame`` or the pipeline raise.

Property tests (hypothesis) over generated news-like text: sentences of words (also in
capitals and with letters case folding does not map back: "fİve", "ſix"), names
behind titles ("U.S. Sen.", "Dr.", "Gen."), quotations in every kind of mark (straight,
curly, guillemets, CJK corner brackets, backticks, doubled apostrophes), apostrophes,
abbreviations, numbers, mixed scripts (Hangul, CJK, Cyrillic, Arabic and Hebrew right
to left), odd Unicode (combining marks, zero-width joiners, bidi controls, emoji, U+2028,
NUL and other control characters, byte order marks), empty and whitespace-only text and
very long tokens; plus hypothesis's plain ``st.text()``.

Lone surrogates (U+D800..U+DFFF): no file the loaders read yields one (every decode
replaces bad bytes with U+FFFD), but a Python ``str`` can hold one (``json.loads`` of
``"\\ud800"``, ``os.fsdecode`` of a bad file name, a caller's own string), so they are
generated here too: the extractors must not raise on them either.

Besides not raising, every row keeps the contracts a user relies on: an ``article_id``,
offsets within the text (``0 <= start <= end <= len(text)``), and ``text[start:end]``
equal to the row's text where the row has one (sentences: ``text``; actors and targets:
``mention``; sectors: ``matched``; quotes: ``speaker`` at ``speaker_start:speaker_end``).

How many examples each property runs comes from the hypothesis profile loaded in
``tests/conftest.py``: ``short`` in ``make test`` (derandomized, so CI is
deterministic), ``long`` with ``HYPOTHESIS_PROFILE=long`` (docs/robustness.md).
"""

from __future__ import annotations

import re
import warnings
from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis import AnalysisError, Article, as_document
from analysis.actors import actors_frame, extract_actors
from analysis.pipeline import TABLES, Context, annotate, frames
from analysis.quotes import (
    addressees_frame,
    extract_quotes,
    positions_frame,
    quotes_frame,
    speakers_frame,
)
from analysis.sectors import (
    find_sectors,
    parse_programme_statements,
    programme_statements_frame,
    sector_mentions_frame,
    sectors_frame,
)
from analysis.sentiment import (
    classify_target,
    quote_sentiment_frame,
    score_quotes,
    score_sentences,
    score_targets,
    sentences_frame,
    targets_frame,
    tone_arc,
    tone_by_affiliation,
    tone_by_speaker,
    tone_by_target,
)
from analysis.sentiment.scope import MultiSentenceWarning, scored_span, script_reason
from analysis.text import articles_frame, structure_frame

# --- news-like text ----------------------------------------------------------------

_WORD_TEXT = (
    "the alliance agreed on Tuesday to deepen its partnership with Seoul and Tokyo in "
    "cyber defence counter-terrorism climate security emerging technologies women peace "
    "and security public diplomacy disarmament non-proliferation interoperability "
    "programme areas including eleven new it is a very highly valued partner of "
    "but not without concern over threats from North Korea's missile launches "
    "said told added noted stressed warned according to asked reporters statement "
    "he she they we I it his her their spokesperson minister official summit Vilnius "
    "Korea NATO ITPP Yoon Stoltenberg Biden Kishida Kim Park Shaheen EU UN Pyongyang "
    "Individually Tailored Partnership Programme on in at of for by with from"
)
_WORDS = _WORD_TEXT.split()
_TITLES = (
    "U.S. Sen.", "Sen.", "Dr.", "Gen.", "Lt. Gen.", "Mr.", "Mrs.", "Ms.", "Prof.", "Rep.",
    "Gov.", "Adm.", "President", "Secretary General", "NATO Secretary General",
    "Foreign Minister", "first lady", "NATO chief", "South Korean President", "the senator",
    "an official", "a spokesperson for", "Prime Minister",
)
_NAMES = (
    "Jens Stoltenberg", "Stoltenberg", "Yoon Suk Yeol", "Yoon", "Kim", "Kim Keon-hee",
    "Park Jin", "Jeanne Shaheen", "Joe Biden", "Fumio Kishida", "O'Brien", "D'Amato",
    "Jean-Luc", "McDonald", "Kim Jong Un", "al-Assad", "van der Leyen",
)
_ABBREVIATIONS = (
    "U.S.", "U.K.", "U.N.", "e.g.", "i.e.", "etc.", "No.", "Jan.", "Sept.", "a.m.", "p.m.",
    "St.", "Inc.", "vs.", "approx.", "Ph.D.", "D.C.", "S.", "Co.", "Corp.", "Nos.",
)
_NUMBERS = (
    "2023", "11", "1,000", "3.5", "$1.2bn", "No. 1", "11th", "50%", "½", "٣", "１２",
    "10:30", "2023-07-11", "-4", "1.", "0.5.", "3,", "1e9", "XIV",
)
_QUOTE_PAIRS = (
    ('"', '"'), ("'", "'"), ("“", "”"), ("‘", "’"), ("«", "»"), ("»", "«"), ("‹", "›"),
    ("„", "“"), ("‚", "‘"), ("「", "」"), ("『", "』"), ("``", "''"), ("`", "'"),
    ("''", "''"), ("〝", "〞"), ("＂", "＂"), ("“", '"'), ('"', "”"), ("“", ""), ("", "”"),
)
_APOSTROPHES = ("'s", "’s", "n't", "’", "'", "o'clock", "rock 'n' roll", "’90s", "Korea’s")
_SCRIPTS = (
    "한국", "나토 사무총장", "윤석열 대통령은 말했다.", "“협력”이라고", "北约", "北大西洋公约组织。",
    "НАТО", "Столтенберг заявил", "«Мы», сказал он.", "الناتو", "قال الأمين العام",
    "שלום", "ภาษาไทย", "हिन्दी", "日本語です。", "한국어와 English 섞기",
)
_ODD = (
    "\u0301", "e\u0301", "\u0308\u0308\u0308", "\u200d", "\u200b", "\u200c", "\u200e",
    "\u200f", "\u202e", "\u2066", "\u00ad", "\u00a0", "\u3000", "\ufeff", "\u2028",
    "\u2029", "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c", "\ud800",
    "\udfff", "\udc80", "\U0001f44d\U0001f3fd", "\U0001f1f0\U0001f1f7",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\ufffd", "\U0010ffff", "ﬁ", "İ", "ß",
    "ǅ", "\ufe0f", "\U000e0041",
)
_PUNCTUATION = (
    ".", ",", ";", ":", "!", "?", "...", "…", "—", "–", "-", "(", ")", "[", "]", "/",
    "&", "%", "§", "•", "*", "#", ".\u201d", "?!", ". .", "--",
)
_SEPARATORS = (
    " ", " ", " ", " ", "\n", "\n\n", "\t", "\r\n", "\r", "  ", "", "\u00a0", "\u2028",
    "\n \n", "\x0c",
)

#: Letters that re's IGNORECASE matches to ASCII ones but str.lower() and casefold()
#: do not map back ("fİve" matches "five"; "fİve".casefold() is "fi̇ve").
_CASE_TWISTS = (
    {"i": "İ"}, {"i": "ı"}, {"s": "ſ"}, {"k": "\u212a"}, {"I": "ı"}, {"e": "E"},
    {"A": "\u212b"}, {"fi": "ﬁ"}, {"ss": "ß"},
)


def _twist(word: str, twist: dict[str, str]) -> str:
    for plain, odd in twist.items():
        word = word.replace(plain, odd)
    return word


separators = st.sampled_from(_SEPARATORS)
news_words = st.sampled_from(
    (*_WORDS, *_TITLES, *_NAMES, "eleven areas", "five sectors", "six fields", "areas")
)
tokens = st.one_of(
    st.builds(_twist, news_words, st.sampled_from(_CASE_TWISTS)),
    news_words.map(str.upper),
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.capitalize),
    st.sampled_from(_TITLES),
    st.sampled_from(_NAMES),
    st.sampled_from(_ABBREVIATIONS),
    st.sampled_from(_NUMBERS),
    st.sampled_from(_APOSTROPHES),
    st.sampled_from(_SCRIPTS),
    st.sampled_from(_ODD),
    st.sampled_from(_PUNCTUATION),
    st.sampled_from([mark for pair in _QUOTE_PAIRS for mark in pair if mark]),
)
long_tokens = st.builds(
    lambda piece, n: piece * n,
    st.sampled_from(["a", ".", "“", "'", "U.S. Sen. ", "x-", " ", "\n", "Kim ", "한", "\u0301",
                     "said ", "“a” ", "\x00"]),
    st.integers(min_value=50, max_value=1500),
)


def _join(parts: list[str], seps: list[str]) -> str:
    return "".join(part + seps[i % len(seps)] for i, part in enumerate(parts)) if seps else (
        "".join(parts)
    )


phrases = st.builds(_join, st.lists(tokens, max_size=12), st.lists(separators, min_size=1,
                                                                    max_size=3))
sentences = st.builds(lambda words, end: words.strip(" ") + end, phrases,
                      st.sampled_from([".", "?", "!", "", ".\n", ":", "...", "。"]))
speakers = st.builds(lambda title, name: f"{title} {name}", st.sampled_from(_TITLES),
                     st.sampled_from(_NAMES)) | st.sampled_from((*_NAMES, "He", "She", "They"))
cues = st.sampled_from(("said", "told Yoon", "added", "says", "warned", "according to",
                        "said in a statement", "wrote", "asked", ""))


@st.composite
def quotations(draw: st.DrawFn) -> str:
    """A quotation: marks of any kind around words, a speaker and cue before or after."""
    opening, closing = draw(st.sampled_from(_QUOTE_PAIRS))
    words = draw(st.one_of(sentences, phrases))
    speaker = draw(speakers)
    cue = draw(cues)
    layout = draw(st.integers(min_value=0, max_value=4))
    if layout == 0:
        return f"{opening}{words},{closing} {speaker} {cue}."
    if layout == 1:
        return f"{speaker} {cue}: {opening}{words}{closing}"
    if layout == 2:
        return f"{speaker} {cue} the deal was {opening}{words}{closing}."
    if layout == 3:
        return f"{opening}{words}{closing} {cue} {speaker}, {opening}{words}.{closing}"
    return f"{speaker} {cue} that {words}"


pieces = st.one_of(sentences, quotations(), tokens, long_tokens)
news_texts = st.builds(_join, st.lists(pieces, max_size=10),
                       st.lists(separators, min_size=1, max_size=4))
#: Any character, lone surrogates included (plain st.text() leaves them out).
any_characters = st.characters(codec=None, categories=None, exclude_categories=())
#: Text of every kind: news-like, plain unicode, and text with lone surrogates.
texts = st.one_of(
    news_texts,
    st.text(),
    st.text(any_characters),
    st.sampled_from(["", " ", "\n", "\n\n\n", "\t \r\n", "\u3000", "\ufeff", "\x00"]),
)
short_texts = st.text(any_characters, max_size=12) | st.sampled_from(_NAMES + _TITLES)
articles = st.builds(
    Article,
    article_id=short_texts,
    text=texts,
    title=st.none() | short_texts,
    outlet=st.none() | short_texts,
    author=st.none() | short_texts,
    url=st.none() | short_texts,
    published=st.none() | st.dates(),
)
#: What the targets table scores: every registry actor (None) or strings of any kind
#: (but not the empty string, which names no words: see the tests at the end).
target_lists = st.none() | st.lists(short_texts.filter(bool), max_size=3)

# --- invariants --------------------------------------------------------------------

#: Offset pairs each table holds, and the column that must equal the text between them.
_SPANS: dict[str, tuple[tuple[str, str, str | None], ...]] = {
    "sentences": (("start", "end", "text"),),
    "structure": (("start", "end", None),),
    "quotes": (("start", "end", None), ("speaker_start", "speaker_end", "speaker"),
               ("content_start", "content_end", None)),
    "actors": (("start", "end", "mention"),),
    "sectors": (("start", "end", "matched"),),
    "targets": (("start", "end", "mention"), ("sentence_start", "sentence_end", None)),
    "quote_sentiment": (("start", "end", None),),
    "programme_statements": (("start", "end", None),),
}


def stored(text: str) -> str:
    """Return ``text`` as a Document holds it: lone surrogates replaced, one for one."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def check_rows(table: str, rows: pd.DataFrame, text: str, article_id: str) -> None:
    """Assert every row of ``table`` has the article's id and offsets within ``text``."""
    if rows.empty:
        return
    text, article_id = stored(text), stored(article_id)
    assert rows["article_id"].notna().all(), table
    assert (rows["article_id"] == article_id).all(), table
    for start_col, end_col, text_col in _SPANS.get(table, ()):
        for row in rows.to_dict("records"):
            start, end = row[start_col], row[end_col]
            if pd.isna(start) and pd.isna(end):
                continue
            assert 0 <= start <= end <= len(text), (table, start_col, start, end, len(text))
            if text_col is not None and not pd.isna(row[text_col]):
                assert text[start:end] == row[text_col], (table, start_col, start, end)


def check_quote(quote, text: str) -> None:
    """Assert a Quote record's offsets lie within the text, in order."""
    text = stored(text)
    assert 0 <= quote.start <= quote.end <= len(text)
    if quote.speaker_start is not None:
        assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)
        assert text[quote.speaker_start:quote.speaker_end] == quote.speaker
    if quote.content_start is not None:
        assert 0 <= quote.content_start <= quote.content_end <= len(text)


@pytest.fixture(autouse=True)
def _quiet():
    """Warnings (not English, odd text) are allowed; raising is not."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


# --- properties --------------------------------------------------------------------


@given(articles, target_lists)
def test_pipeline_never_raises_and_keeps_offsets(
    article: Article, targets: list[str] | None
) -> None:
    context = Context(targets=tuple(targets) if targets is not None else None)
    annotation = annotate(article, context)
    for table in (*TABLES, "structure"):
        rows = annotation.frame(table)
        check_rows(table, rows, article.text, article.article_id)


@given(texts)
def test_frames_of_a_str_never_raise(text: str) -> None:
    built = frames(TABLES, [text, text])
    for table, rows in built.items():
        if table != "articles":
            half = len(rows) // 2
            assert rows["article_id"].iloc[:half].eq("text#0").all()
        for article_id, part in rows.groupby("article_id"):
            check_rows(table, part, text, article_id)


@given(texts)
def test_extract_quotes_never_raises(text: str) -> None:
    for quote in extract_quotes(text):
        check_quote(quote, text)


@given(texts)
def test_find_sectors_never_raises(text: str) -> None:
    found = find_sectors(text)
    for row in found.to_dict("records"):
        assert 0 <= row["start"] <= row["end"] <= len(text)
        assert stored(text)[row["start"]:row["end"]] == row["matched"]
    statements = parse_programme_statements(text)
    for statement in statements:
        assert 0 <= statement.start <= statement.end <= len(text)


@given(texts, st.lists(short_texts.filter(bool), min_size=1, max_size=3))
def test_sentiment_functions_never_raise(text: str, targets: list[str]) -> None:
    doc = as_document(text)
    for record in score_sentences(doc):
        assert 0 <= record.start <= record.end <= len(text)
    for record in score_targets(doc):
        assert 0 <= record.start <= record.end <= len(text)
    quotes = extract_quotes(doc)
    for tone in score_quotes(doc, quotes):
        assert (tone.compound is None) == (tone.unscored is not None)
        assert tone.compound is None or -1 <= tone.compound <= 1
    for tone in score_targets(doc, targets=[*targets, "NATO", text[:5] or "x"]):
        assert doc.text[tone.start:tone.end] == tone.mention
        assert (tone.sentiment is None) == (tone.unscored is not None)
        assert tone.sentiment is None or -1 <= tone.sentiment.score <= 1
    tone_arc(doc)


@given(st.data())
def test_classify_target_raises_only_on_a_span_out_of_range(data: st.DataObject) -> None:
    text = data.draw(texts)
    start = data.draw(st.integers(min_value=-2, max_value=len(text) + 2))
    end = data.draw(st.integers(min_value=-2, max_value=len(text) + 2))
    if not 0 <= start < end <= len(text):
        with pytest.raises(ValueError, match="not inside the text"):
            classify_target(text, start, end)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MultiSentenceWarning)
        lo, hi = scored_span(text, start, end)
        if script_reason(text[lo:hi]) is not None:  # not English: refused, never a number
            with pytest.raises(ValueError, match="reads English only"):
                classify_target(text, start, end)
            return
        result = classify_target(text, start, end)
    assert result.label in {"negative", "neutral", "positive"}
    assert -1 <= result.score <= 1


@given(texts)
def test_public_frames_never_raise(text: str) -> None:
    article = Article(article_id="a", text=text, published=date(2023, 7, 11))
    quotes = quotes_frame(article)
    check_rows("quotes", quotes, text, "a")
    check_rows("actors", actors_frame(article), text, "a")
    check_rows("sectors", sectors_frame(article), text, "a")
    check_rows("sectors", sector_mentions_frame(article), text, "a")
    check_rows("programme_statements", programme_statements_frame(article), text, "a")
    check_rows("structure", structure_frame(article), text, "a")
    articles_frame(article)
    sentences = sentences_frame(article)
    check_rows("sentences", sentences, text, "a")
    targets = targets_frame(article)
    check_rows("targets", targets, text, "a")
    quote_sentiment = quote_sentiment_frame(article)
    check_rows("quote_sentiment", quote_sentiment, text, "a")
    speakers_frame(quotes)
    addressees_frame(quotes)
    positions_frame(quotes, article)
    tone_by_speaker(quote_sentiment)
    tone_by_affiliation(quote_sentiment)
    tone_by_target(targets)
    tone_arc(article, quotes, sentences=sentences)
    assert len(extract_actors(article)) == len(actors_frame(article))


def test_a_lone_surrogate_becomes_a_replacement_character_with_a_warning() -> None:
    text = "“We agree,” Stoltenberg said. NATO" + chr(0xD800) + " met" + chr(0xDFFF) + "."
    with pytest.warns(UnicodeWarning, match="lone surrogate"):
        doc = as_document(text)
    assert doc.text == text.replace(chr(0xD800), "\ufffd").replace(chr(0xDFFF), "\ufffd")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        built = frames(["quotes", "actors", "sentences"], text)
    assert built["quotes"]["actor"].tolist() == ["Jens Stoltenberg"]
    assert built["actors"]["mention"].tolist() == ["Stoltenberg", "NATO"]
    assert built["sentences"]["end"].max() == len(text)


def test_plain_text_reaches_the_document_unchanged() -> None:
    article = Article(article_id="a", text="“We agree,” Stoltenberg said.")
    assert as_document(article).article is article


@pytest.mark.parametrize("text", ["NATO", "NATO met - Korea.", ""])
def test_an_empty_target_is_refused_before_any_text_is_read(text: str) -> None:
    with pytest.raises(AnalysisError, match="target 2 is an empty string"):
        Context(targets=("NATO", ""))
    with pytest.raises(AnalysisError, match="target 1 is an empty string"):
        targets_frame(text, targets=[""])


@pytest.mark.parametrize("text", ["NATO", "NATO met - Korea."])
def test_score_targets_refuses_an_empty_target(text: str) -> None:
    with pytest.raises(AnalysisError, match="target 1 is an empty string"):
        score_targets(text, targets=[""])


@pytest.mark.parametrize("count", ["fİve", "fıve", "ſix", "ELEVEN"])
def test_a_count_word_in_odd_case_is_read(count: str) -> None:
    text = f"The ITPP covers {count} areas: cyber defence and climate security."
    statements = programme_statements_frame(text)
    assert statements["stated_count"].tolist() == [{"ELEVEN": 11, "ſix": 6}.get(count, 5)]
