"""The highlighted article (analysis.figures.html) over a hand-made quotes table."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import pandas as pd
import pytest
from test_speakers import DOC, TEXT, _quote, _span, quotes_table

from analysis import as_document
from analysis.errors import AnalysisError
from analysis.figures.html import highlight_quotes_html
from analysis.figures.palette import CATEGORICAL, OTHERS, UNRESOLVED
from analysis.figures.speaker_colours import (
    OTHERS_LABEL,
    UNRESOLVED_LABEL,
    assign_speaker_colours,
)


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
