"""The highlighted article (analysis.figures.html) over a hand-made quotes table, and the
evidence page (analysis.figures.evidence, ``show --html``) over hand-written articles."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

import pandas as pd
import pytest
from test_speakers import DOC, TEXT, _quote, _span, quotes_table

from analysis import Article, as_document
from analysis._resources import read_text
from analysis.cli import main as cli_main
from analysis.errors import AnalysisError
from analysis.figures.evidence import EvidencePage, evidence_page, write_evidence_page
from analysis.figures.html import highlight_quotes_html
from analysis.figures.palette import (
    CATEGORICAL,
    OTHERS,
    UNRESOLVED,
    contrast_ratio,
    tint,
)
from analysis.figures.speaker_colours import (
    OTHERS_LABEL,
    UNRESOLVED_LABEL,
    assign_speaker_colours,
)
from analysis.pipeline import Context, annotate
from analysis.quotes.speakers import SPEECH_KINDS, speaker_label

#: The text colour of the evidence page (resources/html/evidence.css).
TEXT_COLOUR = "#1A1A1A"


class _TagChecker(HTMLParser):
    """Collect text and check every opened tag is closed in order."""

    VOID = frozenset({"br", "meta"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.spans: list[tuple[dict, str]] = []
        self._open_spans: list[tuple[dict, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "span":
            self._open_spans.append((dict(attrs), []))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()
        if tag == "span":
            attrs, parts = self._open_spans.pop()
            self.spans.append((attrs, "".join(parts)))

    def handle_data(self, data):
        self.text.append(data)
        for _, parts in self._open_spans:
            parts.append(data)


def _parse(page: str) -> _TagChecker:
    checker = _TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    return checker


def test_highlight_marks_every_quote_in_its_speakers_colour():
    page = highlight_quotes_html(DOC, quotes_table())
    checker = _parse(page)
    quoted = {}
    for attrs, text in checker.spans:
        if "data-kind" in attrs:
            quoted.setdefault(text, attrs)
    blue, vermillion = CATEGORICAL[:2]
    assert quoted["“Korea is a valued partner,”"]["data-speaker"] == "Jens Stoltenberg"
    assert blue in quoted["“Korea is a valued partner,”"]["style"]
    assert "solid" in quoted["“Korea is a valued partner,”"]["style"]
    assert vermillion in quoted["cooperation would grow"]["style"]
    assert "dashed" in quoted["cooperation would grow"]["style"]  # indirect speech
    assert quoted["talks would go on"]["data-speaker"] == "the official (unresolved)"
    assert UNRESOLVED in quoted["talks would go on"]["style"]
    title = quoted["“American Pie”"]
    assert title["data-kind"] == "title" and "dotted" in title["style"]
    assert "data-speaker" not in title
    assert "to: Yoon Suk Yeol" in quoted["“We stand together.”"]["title"]


def test_highlight_escapes_text_and_keeps_every_character():
    page = highlight_quotes_html(DOC, quotes_table())
    assert "&amp; more &lt;live&gt;." in page
    assert "<live>" not in page
    checker = _parse(page)
    body = "".join(checker.text)
    for paragraph in TEXT.split("\n"):
        assert paragraph in body


def test_highlight_escapes_names_in_attributes():
    quotes = quotes_table()
    quotes.loc[0, "actor"] = 'Jens "The Chief" <Stoltenberg>'
    page = highlight_quotes_html(DOC, quotes)
    assert 'data-speaker="Jens &quot;The Chief&quot; &lt;Stoltenberg&gt;"' in page
    speakers = [attrs.get("data-speaker") for attrs, _ in _parse(page).spans]
    assert 'Jens "The Chief" <Stoltenberg>' in speakers


def test_highlight_legend_lists_speakers_with_counts():
    page = highlight_quotes_html(DOC, quotes_table())
    assert "Jens Stoltenberg (2)" in page
    assert "Yoon Suk Yeol (2)" in page
    assert "the official (unresolved) (1)" in page
    assert "title or scare quotes (not speech)" in page


def test_highlight_nests_overlapping_quotes_validly():
    outer = _quote("indirect", "Yoon said cooperation would grow, calling the plan “a milestone.”",
                   None, "Yoon Suk Yeol")
    inner = _quote("partial", "“a milestone.”", "Yoon", "Yoon Suk Yeol")
    crossing = _quote("scare", "plan “a", None, None)
    checker = _parse(highlight_quotes_html(DOC, pd.DataFrame([outer, inner, crossing])))
    texts = [text for attrs, text in checker.spans if attrs.get("data-kind") == "partial"]
    assert "".join(texts) == "“a milestone.”"


@dataclass(frozen=True)
class _Record:
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    actor: str | None


def test_highlight_accepts_records_and_ignores_other_articles_quotes():
    start, end = _span("“We stand together.”")
    page = highlight_quotes_html(DOC, [_Record("x", start, end, "direct", "He", "Jens Stoltenberg")])
    assert 'data-speaker="Jens Stoltenberg"' in page
    other = highlight_quotes_html(as_document(TEXT, article_id="other"), quotes_table())
    assert "data-kind" not in other and "no speech quotes found" in other
    with pytest.raises(AnalysisError, match="outside article 'demo'"):
        highlight_quotes_html(as_document(TEXT[:40], article_id="demo"), quotes_table())


def test_speaker_colours_follow_the_speakers_table():
    colours = assign_speaker_colours(quotes_table())
    assert list(colours) == ["Jens Stoltenberg", "Yoon Suk Yeol", "the official (unresolved)"]
    assert list(colours.colours.values()) == [*CATEGORICAL[:2], UNRESOLVED]
    assert colours.group("the official (unresolved)") == UNRESOLVED_LABEL




def test_highlight_marks_a_shared_speaker_mention_once():
    quotes = quotes_table()
    assert quotes.loc[0, "speaker_start"] == quotes.loc[1, "speaker_start"]  # one "Stoltenberg"
    spans = _parse(highlight_quotes_html(DOC, quotes)).spans
    speaker_spans = [text for attrs, text in spans if attrs.get("class") == "aq-speaker"]
    assert speaker_spans.count("Stoltenberg") == 1
    assert "Yoon" in speaker_spans and "the official" in speaker_spans


def test_highlight_groups_speakers_past_the_palette_as_others():
    names = [f"Speaker {letter}" for letter in "ABCDEFGHI"]  # nine resolved speakers
    text = "\n".join(f"“Point {i}.” {name} said." for i, name in enumerate(names))
    text += "\n“Later.” An aide said."
    doc = as_document(text, article_id="many")
    rows = []
    for i, name in enumerate([*names, None]):
        start = text.index(f"“Point {i}.”") if name else text.index("“Later.”")
        end = text.index("”", start) + 1
        rows.append({"article_id": "many", "kind": "direct", "start": start, "end": end,
                     "speaker": name or "An aide", "actor": name})
    quotes = pd.DataFrame(rows)
    colours = assign_speaker_colours(quotes)
    page = highlight_quotes_html(doc, quotes)
    shown = {label: colours.colour(label) for label in colours}
    own = [c for label, c in shown.items() if colours.group(label) == label]
    assert len(own) == len(set(own)) == len(CATEGORICAL)
    assert {colours.group(n) for n in names[len(CATEGORICAL):]} == {OTHERS_LABEL}
    assert colours.colour("An aide (unresolved)") == UNRESOLVED != OTHERS
    legend = page.split("<b>Marks</b>")[0]
    assert f"{OTHERS_LABEL}: Speaker G (1), Speaker H (1), Speaker I (1)" in legend
    assert legend.count(f"background-color: {OTHERS}") == 1  # one swatch for all others
    assert "An aide (unresolved) (1)" in legend


def test_highlight_takes_the_sets_colours():
    colours = assign_speaker_colours(quotes_table(), palette=["#D55E00", "#009E73"])
    checker = _parse(highlight_quotes_html(DOC, quotes_table(), colours=colours))
    styles = {attrs["data-speaker"]: attrs["style"] for attrs, _ in checker.spans
              if "data-speaker" in attrs}
    assert "#D55E00" in styles["Jens Stoltenberg"] and "#009E73" in styles["Yoon Suk Yeol"]


# --- the evidence page (analysis.figures.evidence) -------------------------------------

HOSTILE_ID = 'x"><img src=x onerror=alert(3)>'
HOSTILE_TEXT = (
    "NATO and South Korea agreed on Tuesday to expand their cooperation in cyber defence.\n"
    "“Korea is a valued partner of NATO,” Secretary General Jens Stoltenberg told President "
    "Yoon Suk Yeol. “We stand together against <script>alert(1)</script> threats.”\n"
    "The two leaders adopted an Individually Tailored Partnership Programme (ITPP) that "
    "covers 11 areas, including counter-terrorism, cyber defence, emerging technologies and "
    "climate change.\n"
    "Yoon said the two sides would deepen ties. A banner read \"><img src=x onerror=alert(2)> "
    "and linked to https://example.org/x.\n"
    "“We welcome this warmly,” a spokesperson said."
)


def _hostile_article(article_id: str = HOSTILE_ID, **fields) -> Article:
    values = {"title": "<script>alert(4)</script>", "outlet": "<b>The Outlet</b>",
              "author": "A. <i>Writer</i>", "published": date(2023, 7, 11),
              "url": "https://example.org/article?a=1&b=<2>",
              "metadata": {"note<x>": 'say "hi" <u>now</u>'}, "text": HOSTILE_TEXT}
    values.update(fields)
    return Article(article_id=article_id, **values)


class _PageParser(HTMLParser):
    """Collect every tag with its attributes, the text, and the text under each id."""

    VOID = frozenset({"br", "meta"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def ids(self) -> list[str]:
        return [attrs["id"] for _, attrs in self.tags if "id" in attrs]

    def hrefs(self) -> list[str]:
        return [attrs["href"] for tag, attrs in self.tags if tag == "a" and "href" in attrs]


def _parse_page(page: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], "unclosed tags"
    return parser


@pytest.fixture(scope="module")
def hostile_page() -> EvidencePage:
    return evidence_page(_hostile_article())


def test_evidence_escapes_everything_from_the_article(hostile_page):
    page = _parse_page(hostile_page.html)
    tags = {tag for tag, _ in page.tags}
    assert "script" not in tags and "img" not in tags and "i" not in tags and "u" not in tags
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    text = "".join(page.text)
    for shown in ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>',
                  "<script>alert(4)</script>", "<b>The Outlet</b>", "A. <i>Writer</i>",
                  HOSTILE_ID, "note<x>", 'say "hi" <u>now</u>',
                  "https://example.org/article?a=1&b=<2>"):
        assert shown in text, shown
    ids = [attrs.get("data-article-id") for _, attrs in page.tags if "data-article-id" in attrs]
    assert ids == [HOSTILE_ID]
    assert "<title>Evidence: &lt;script&gt;alert(4)&lt;/script&gt;</title>" in hostile_page.html


def test_evidence_escapes_speaker_names(tmp_path):
    start = HOSTILE_TEXT.index("“Korea")
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("article_id,what,offset,field,value\n"
                         f'a1,quotes,{start},actor,"<script>alert(5)</script> ""Chief"""\n',
                         encoding="utf-8")
    context = Context.load(overrides=[overrides])
    page = _parse_page(evidence_page(_hostile_article("a1"), context=context).html)
    assert "script" not in {tag for tag, _ in page.tags}
    speakers = {attrs["data-speaker"] for _, attrs in page.tags if "data-speaker" in attrs}
    assert '<script>alert(5)</script> "Chief"' in speakers
    assert '<script>alert(5)</script> "Chief": 1 quote' in "".join(page.text)


def test_evidence_is_standalone(hostile_page):
    page = _parse_page(hostile_page.html)
    assert {tag for tag, _ in page.tags}.isdisjoint({"script", "link", "img", "iframe",
                                                     "object", "embed", "base", "form"})
    assert not any("src" in attrs for _, attrs in page.tags)
    assert all(href.startswith("#") for href in page.hrefs())
    assert "url(" not in hostile_page.css and "@import" not in hostile_page.css
    # the only addresses are the article's own, as text
    assert not re.search(r"(src|href)\s*=\s*[\"']?https?:", hostile_page.html)
    policy = [attrs["content"] for tag, attrs in page.tags
              if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"]
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'"]


def test_evidence_anchors_are_unique_and_every_link_lands(hostile_page):
    page = _parse_page(hostile_page.html)
    ids = page.ids()
    assert len(ids) == len(set(ids))
    assert {href[1:] for href in page.hrefs()} <= set(ids)
    annotation = annotate(_hostile_article())
    for table, kind in (("quotes", "q"), ("sectors", "m"), ("sentences", "s"),
                        ("programme_statements", "p")):
        rows = annotation.frame(table)
        assert len(rows) > 0, table
        links = [h for h in page.hrefs() if re.fullmatch(rf"#a1_x-img-src-x-onerror-alert-3_{kind}\d+", h)]
        assert len(set(links)) == len(rows), table  # each row links to its own place


def test_evidence_marks_start_where_the_rows_say():
    article = _hostile_article("demo")
    annotation = annotate(article)
    page = evidence_page(annotation)
    spans = {attrs["id"]: text for attrs, text in _parse(page.body).spans if "id" in attrs}
    quotes = annotation.frame("quotes")
    for number, start, end in zip(quotes["quote"], quotes["start"], quotes["end"], strict=True):
        assert HOSTILE_TEXT[start:end].startswith(spans[f"a1_demo_q{number}"].split("\n")[0])
    sentences = annotation.frame("sentences")
    for number, text in zip(sentences["sentence"], sentences["text"], strict=True):
        assert text.startswith(spans[f"a1_demo_s{number}"].split("\n")[0])
    marks = _parse_page(page.html)
    sectors = [attrs for tag, attrs in marks.tags if tag == "mark" and "id" in attrs]
    assert [m["data-sector"] for m in sectors] == annotation.frame("sectors")["sector"].tolist()
    listed = [m for m in sectors if "ev-listed" in m["class"]]
    assert len(listed) == 4  # the ITPP's list: four areas named
    assert "ITPP programme statement: 11 areas stated, 4 listed" in "".join(marks.text)


def test_evidence_legend_names_every_colour_in_words():
    annotation = annotate(_hostile_article("demo"))
    quotes = annotation.frame("quotes")
    colours = assign_speaker_colours(quotes)
    page = _parse_page(evidence_page(annotation).html)
    legend = {attrs["data-speaker"]: attrs for tag, attrs in page.tags
              if tag == "li" and "data-speaker" in attrs}
    assert set(legend) == {speaker_label(a, s) for a, s, k in
                           zip(quotes["actor"], quotes["speaker"], quotes["kind"], strict=True)
                           if k in SPEECH_KINDS}
    text = "".join(page.text)
    assert "Jens Stoltenberg: 2 quotes" in text and "Yoon Suk Yeol: 1 quote" in text
    assert "colour of \u201cunattributed\u201d in the figures" in text
    swatches = [attrs["style"] for tag, attrs in page.tags if tag == "span"
                and attrs.get("class") == "ev-swatch"]
    assert f"background-color: {colours.colour('Jens Stoltenberg')}" in swatches[0]
    for words in ("direct or partial quote", "indirect (reported) speech",
                  "sector mention", "item of a programme's list of areas", "programme statement"):
        assert words in text


def test_evidence_quotes_are_in_the_figures_colours_on_readable_tints():
    annotation = annotate(_hostile_article("demo"))
    colours = assign_speaker_colours(annotation.frame("quotes"))
    page = _parse_page(evidence_page(annotation).html)
    quoted = [attrs for tag, attrs in page.tags if "ev-direct" in attrs.get("class", "")]
    assert quoted
    for attrs in quoted:
        colour = colours.colour(attrs["data-speaker"])
        assert f"background-color: {tint(colour)}" in attrs["style"]
        assert f"solid {colour}" in attrs["style"]
    for colour in (*CATEGORICAL, UNRESOLVED, OTHERS):
        assert contrast_ratio(TEXT_COLOUR, tint(colour)) >= 4.5  # WCAG AA for body text
    assert f"color: {TEXT_COLOUR}" in read_text("html/evidence.css")


def test_evidence_is_accessible(hostile_page):
    page = _parse_page(hostile_page.html)
    html_tag = next(attrs for tag, attrs in page.tags if tag == "html")
    assert html_tag["lang"] == "en"
    first_link = next(attrs for tag, attrs in page.tags if tag == "a")
    assert first_link["href"] == "#ev-main" and "ev-main" in page.ids()
    headings = [tag for tag, _ in page.tags if re.fullmatch(r"h\d", tag)]
    assert headings[0] == "h1" and headings.count("h1") == 1 and "h2" in headings
    headers = [attrs for tag, attrs in page.tags if tag == "th"]
    assert headers and all(attrs.get("scope") in {"col", "row"} for attrs in headers)
    assert sum(1 for tag, _ in page.tags if tag == "caption") == 4
    sentences = [attrs for tag, attrs in page.tags if "ev-s" in attrs.get("class", "").split()]
    assert sentences and all("tone" in attrs["title"] for attrs in sentences)


def test_evidence_has_one_section_per_article_with_unique_ids():
    odd_ids = ["a b", "a-b", "a_b", "<>", "논평", "a b"]  # clashing slugs, none at all
    articles = [_hostile_article(article_id) for article_id in odd_ids]
    page = _parse_page(evidence_page(articles, title="Six").html)
    sections = [attrs for tag, attrs in page.tags if tag == "section"
                and "data-article-id" in attrs]
    assert [s["data-article-id"] for s in sections] == odd_ids
    ids = page.ids()
    assert len(ids) == len(set(ids))
    assert {href[1:] for href in page.hrefs()} <= set(ids)
    contents = [h for h in page.hrefs() if h[1:] in {s["id"] for s in sections}]
    assert len(contents) == len(odd_ids)  # the page's table of contents
    assert sum(1 for tag, _ in page.tags if tag == "h1") == 1


def test_evidence_page_in_a_notebook_and_on_disk(tmp_path):
    page = evidence_page("“We agree,” Yoon said.")
    fragment = page._repr_html_()
    assert fragment.startswith("<style>") and "<html" not in fragment and page.body in fragment
    assert str(page) == page.html
    path = write_evidence_page("“We agree,” Yoon said.", tmp_path / "page.html")
    assert path.read_text(encoding="utf-8") == page.html
    with pytest.raises(AnalysisError, match="does not exist"):
        page.write(tmp_path / "missing" / "page.html")
    with pytest.raises(AnalysisError, match="no articles"):
        evidence_page([])


def test_evidence_page_is_deterministic():
    assert evidence_page(_hostile_article()).html == evidence_page(_hostile_article()).html


def test_evidence_renders_a_long_paragraph_in_linear_time():
    sentence = "“Ties matter,” Yoon said of cyber defence. "
    text = sentence * 2000  # one paragraph of 4,000 sentences and quotes
    started = time.perf_counter()
    page = evidence_page(Article(article_id="long", text=text))
    assert time.perf_counter() - started < 60  # generous: catches quadratic rendering
    assert page.body.count('data-kind="direct"') >= 2000


def test_show_html_writes_the_page(tmp_path, capsys):
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE_TEXT, encoding="utf-8")
    other = tmp_path / "second.txt"
    other.write_text("“We agree,” Yoon said.", encoding="utf-8")
    out = tmp_path / "page.html"
    assert cli_main(["show", str(source), str(other), "--html", "--out", str(out),
                     "--title", "Two <articles>"]) == 0
    assert f"wrote {out}: evidence page of 2 articles" in capsys.readouterr().out
    page = _parse_page(out.read_text(encoding="utf-8"))
    assert "script" not in {tag for tag, _ in page.tags}
    assert "<script>alert(1)</script>" in "".join(page.text)
    assert len([tag for tag, attrs in page.tags if tag == "section"
                and "data-article-id" in attrs]) == 2
    assert "<title>Two &lt;articles&gt;</title>" in out.read_text(encoding="utf-8")


def test_show_html_to_stdout_and_usage_errors(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text("“We agree,” Yoon said.", encoding="utf-8")
    assert cli_main(["show", str(source), "--html"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert cli_main(["show", str(source), "--out", str(tmp_path / "p.html")]) == 2
    assert "--html" in capsys.readouterr().err
    assert cli_main(["show", str(source), "--html", "--out",
                     str(tmp_path / "no" / "p.html")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert cli_main(["show", str(source), "--html", "--actors-csv",
                     str(tmp_path / "none.csv")]) == 2
