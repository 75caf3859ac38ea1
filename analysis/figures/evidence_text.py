"""The article of the evidence page: its text with every fact marked where it was found.

Display only: it reads the tables of one annotation (``sentences``, ``quotes``,
``sectors``, ``programme_statements``) and lays a mark over each row's offsets
(:mod:`analysis.figures.marking`):

- every sentence is a span with an ``id`` and its tone in the hover text;
- a quote is shaded (direct, partial) or underlined with a dashed line (indirect) in
  its speaker's colour, the speaker mention in bold; title and scare quotes are boxed
  with a dotted line;
- a sector mention is boxed, an item of a programme's list boxed in bold;
- a programme statement is overlined with dots.

Beside each paragraph, a margin lists the tone of its sentences and the programme
statements it holds, as text, each linking to its row in the tables below. Everything
taken from the article is HTML-escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis.figures.marking import Mark, quote_title, render_marked, speech_style
from analysis.figures.speaker_colours import SpeakerColours
from analysis.quotes.speakers import SPEECH_KINDS, speaker_label
from analysis.schemas import is_missing, text_or_none
from analysis.sentiment.sentences import tone_label
from analysis.text.document import Document

__all__ = ["Anchors", "article_text_html", "esc", "slugify", "tone_text"]

#: Longest slug of an article id used in the page's anchors.
MAX_SLUG = 40
#: Nesting of the marks, outermost first.
_RANK = {"sentence": 0, "programme": 1, "quote": 2, "speaker": 3, "sector": 4}


def esc(value: Any) -> str:
    """Return ``value`` as escaped HTML text (missing values as an empty string).

    Examples
    --------
    >>> esc('"><img src=x onerror=alert(1)>')
    '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'
    """
    return html.escape("" if is_missing(value) else str(value), quote=True)


def slugify(value: str) -> str:
    """Return a short anchor-safe form of ``value``: lower-case ASCII letters, digits, hyphens.

    Examples
    --------
    >>> slugify('Joongang 2023/07 <b>"ITPP"</b>.txt#3')
    'joongang-2023-07-b-itpp-b-txt-3'
    >>> slugify("논평")
    'article'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:MAX_SLUG].strip("-")
    return slug or "article"


@dataclass(frozen=True, slots=True)
class Anchors:
    """The ``id`` of every place of one article on the page.

    ``prefix`` is ``a{N}_{slug}``: the article's position on the page makes it unique,
    and a slug never holds ``_``, so no id of one article equals one of another.

    Examples
    --------
    >>> anchors = Anchors.of(2, "Joongang <2023>.txt")
    >>> anchors.prefix, anchors.place("s", 4), anchors.row("s", 4)
    ('a2_joongang-2023-txt', 'a2_joongang-2023-txt_s4', 'a2_joongang-2023-txt_row-s4')
    """

    prefix: str

    @classmethod
    def of(cls, position: int, article_id: str) -> Anchors:
        """Return the anchors of the article at ``position`` (from 1) on the page."""
        return cls(f"a{position}_{slugify(article_id)}")

    def place(self, kind: str, number: int) -> str:
        """Return the id of a place in the text: ``s`` sentence, ``q`` quote, ``m`` sector
        mention, ``p`` programme statement."""
        return f"{self.prefix}_{kind}{number}"

    def row(self, kind: str, number: int) -> str:
        """Return the id of that place's row in the tables."""
        return f"{self.prefix}_row-{kind}{number}"

    def part(self, name: str) -> str:
        """Return the id of a part of the article's section (``title``, ``quotes``, ...)."""
        return f"{self.prefix}_{name}"


def tone_text(compound: Any) -> str:
    """Return a compound score as a signed number, or an en dash when it is missing.

    Examples
    --------
    >>> tone_text(0.5379), tone_text(-0.1), tone_text(None)
    ('+0.54', '−0.10', '–')
    """
    if is_missing(compound):
        return "–"
    return f"{float(compound):+.2f}".replace("-", "−")


def _mark(kind: str, start: Any, end: Any, attributes: str, anchor: str | None,
          close: str = "</span>", element: str = "span") -> Mark:
    tag = f"<{element} {attributes}>"
    first = f'<{element} id="{anchor}" {attributes}>' if anchor else None
    return Mark(int(start), int(end), tag, first, close, _RANK[kind])


def _sentence_marks(sentences: pd.DataFrame, anchors: Anchors) -> list[Mark]:
    marks = []
    for row in sentences.to_dict("records"):
        number = int(row["sentence"])
        label = tone_label(row["compound"]) or "unscored"
        title = (f"sentence {number} · tone {label}: VADER compound {tone_text(row['compound'])}"
                 f" (names masked {tone_text(row['compound_masked'])})")
        attributes = f'class="ev-s" data-tone="{label}" title="{esc(title)}"'
        marks.append(_mark("sentence", row["start"], row["end"], attributes,
                           anchors.place("s", number)))
    return marks


def _quote_marks(quotes: pd.DataFrame, colours: SpeakerColours, anchors: Anchors) -> list[Mark]:
    marks = []
    speakers: set[tuple[int, int]] = set()
    for row in quotes.to_dict("records"):
        kind, number = str(row["kind"]), int(row["quote"])
        anchor = anchors.place("q", number)
        if kind not in SPEECH_KINDS:
            attributes = (f'class="ev-q ev-nonspeech" data-kind="{esc(kind)}" '
                          f'title="{esc(quote_title(row, ""))}"')
            marks.append(_mark("quote", row["start"], row["end"], attributes, anchor))
            continue
        label = speaker_label(row.get("actor"), row.get("speaker"))
        colour = colours.colour(label)
        attributes = (f'class="ev-q ev-{kind}" style="{speech_style(kind, colour)}" '
                      f'data-kind="{kind}" data-speaker="{esc(label)}" '
                      f'title="{esc(quote_title(row, label))}"')
        marks.append(_mark("quote", row["start"], row["end"], attributes, anchor))
        mention = (row.get("speaker_start"), row.get("speaker_end"))
        if is_missing(mention[0]) or is_missing(mention[1]):
            continue
        span = (int(mention[0]), int(mention[1]))
        if span in speakers:  # one mention may introduce several quotes
            continue
        speakers.add(span)
        attributes = (f'class="ev-speaker" style="border-bottom: 2px solid {colour}" '
                      f'title="speaker: {esc(label)}"')
        marks.append(_mark("speaker", span[0], span[1], attributes, None))
    return marks


def _sector_marks(sectors: pd.DataFrame, anchors: Anchors) -> list[Mark]:
    marks = []
    for number, row in enumerate(sectors.to_dict("records")):
        listed = row["context"] == "programme-list"
        where = "item of a programme's list of areas" if listed else "mention"
        title = f"sector: {text_or_none(row['label']) or row['sector']} ({row['sector']}) · {where}"
        css = "ev-sector ev-listed" if listed else "ev-sector"
        attributes = f'class="{css}" data-sector="{esc(row["sector"])}" title="{esc(title)}"'
        marks.append(_mark("sector", row["start"], row["end"], attributes,
                           anchors.place("m", number), "</mark>", "mark"))
    return marks


def _statement_title(row: Mapping[str, Any]) -> str:
    """Return a programme statement's note: the programme, the count stated, the list.

    Examples
    --------
    >>> _statement_title({"acronym": "ITPP", "stated_count": 11, "n_listed": 5})
    'ITPP programme statement: 11 areas stated, 5 listed'
    >>> _statement_title({"acronym": None, "programme": None, "stated_count": 4, "n_listed": 4})
    'programme statement: 4 areas stated, 4 listed'
    """
    name = text_or_none(row.get("acronym")) or text_or_none(row.get("programme"))
    stated = "no count stated" if is_missing(row.get("stated_count")) else (
        f"{int(row['stated_count'])} areas stated")
    prefix = f"{name} programme statement" if name else "programme statement"
    return f"{prefix}: {stated}, {int(row['n_listed'])} listed"


def _statement_marks(statements: pd.DataFrame, anchors: Anchors) -> list[Mark]:
    marks = []
    for number, row in enumerate(statements.to_dict("records")):
        attributes = f'class="ev-programme" title="{esc(_statement_title(row))}"'
        marks.append(_mark("programme", row["start"], row["end"], attributes,
                           anchors.place("p", number)))
    return marks


def _margin(sentences: pd.DataFrame, statements: pd.DataFrame, anchors: Anchors) -> str:
    """Return the margin of one paragraph: its sentences' tone and its programme statements."""
    items = []
    for row in sentences.to_dict("records"):
        number = int(row["sentence"])
        label = tone_label(row["compound"]) or "unscored"
        items.append(f'<li><a class="ev-tone ev-tone-{label}" href="#{anchors.row("s", number)}">'
                     f"s{number}: {label} {tone_text(row['compound'])}</a></li>")
    for number, row in statements.iterrows():
        items.append(f'<li><a class="ev-note" href="#{anchors.row("p", number)}">'
                     f"{esc(_statement_title(row))}</a></li>")
    if not items:
        return ""
    return ('<ul class="ev-margin" aria-label="tone of these sentences">'
            + "".join(items) + "</ul>")


def article_text_html(
    doc: Document,
    tables: Mapping[str, pd.DataFrame],
    colours: SpeakerColours,
    anchors: Anchors,
) -> str:
    """Return the article's paragraphs as HTML, every table row marked at its offsets.

    Parameters
    ----------
    doc : Document
        The article.
    tables : mapping of str to DataFrame
        Its ``sentences``, ``quotes``, ``sectors`` and ``programme_statements`` tables.
    colours : SpeakerColours
        The speakers' colours (those of the figures).
    anchors : Anchors
        The ids of the article's places.

    Examples
    --------
    >>> from analysis.pipeline import annotate
    >>> from analysis.figures.speaker_colours import assign_speaker_colours
    >>> annotation = annotate("“We agree <fully>,” Yoon said.")
    >>> tables = {t: annotation.frame(t) for t in ("sentences", "quotes", "sectors",
    ...     "programme_statements")}
    >>> page = article_text_html(annotation.document, tables,
    ...     assign_speaker_colours(tables["quotes"]), Anchors.of(1, "text"))
    >>> 'id="a1_text_s0"' in page, 'id="a1_text_q0"' in page, "&lt;fully&gt;" in page
    (True, True, True)
    """
    sentences, statements = tables["sentences"], tables["programme_statements"]
    marks = (_sentence_marks(sentences, anchors)
             + _statement_marks(statements, anchors)
             + _quote_marks(tables["quotes"], colours, anchors)
             + _sector_marks(tables["sectors"], anchors))
    opened: set[int] = set()
    blocks = []
    for number, paragraph in enumerate(doc.paragraphs):
        text = render_marked(doc.text, paragraph.start, paragraph.end, marks, opened)
        mine = sentences["paragraph"] == number
        held = statements[(statements["start"] >= paragraph.start)
                          & (statements["start"] < paragraph.end)]
        blocks.append(f'<div class="ev-para"><p class="ev-text">{text}</p>'
                      f"{_margin(sentences[mine], held, anchors)}</div>")
    return '<div class="ev-article">\n' + "\n".join(blocks) + "\n</div>"
