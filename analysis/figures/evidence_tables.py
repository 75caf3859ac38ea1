"""The tables of the evidence page: quotes, sectors, sentences' tone, programme statements.

Each table is an HTML ``<table>`` with a caption and column headers (``scope="col"``);
each row starts with a row header (``scope="row"``) that links to the row's place in the
article (``href="#..."``, the ids of :class:`~analysis.figures.evidence_text.Anchors`),
and carries an id of its own that the article's margin links back to. Every cell taken
from the article is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from analysis.figures.evidence_text import Anchors, esc, tone_text
from analysis.figures.speaker_colours import SpeakerColours
from analysis.quotes.speakers import SPEECH_KINDS, speaker_label
from analysis.schemas import is_missing, text_or_none
from analysis.sentiment.sentences import tone_label

__all__ = ["MAX_CELL", "evidence_tables_html"]

#: Longest text shown in a table cell before it is cut with an ellipsis (the article
#: above shows it whole).
MAX_CELL = 160

Cells = Callable[[Mapping[str, Any], SpeakerColours], Sequence[str]]


def _cut(value: Any) -> str:
    text = "" if is_missing(value) else " ".join(str(value).split())
    return esc(text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…")


def _offsets(row: Mapping[str, Any]) -> str:
    return f"{int(row['start'])}–{int(row['end'])}"


def _swatch(colour: str) -> str:
    return f'<span class="ev-swatch" style="background-color: {colour}" aria-hidden="true"></span>'


def _quote_cells(row: Mapping[str, Any], colours: SpeakerColours) -> Sequence[str]:
    if row["kind"] in SPEECH_KINDS:
        label = speaker_label(row.get("actor"), row.get("speaker"))
        speaker = _swatch(colours.colour(label)) + esc(label)
    else:
        speaker = "(not speech)"
    addressee = text_or_none(row.get("addressee_actor")) or text_or_none(row.get("addressee"))
    return (esc(row["kind"]), speaker, esc(text_or_none(row.get("cue"))), esc(addressee),
            _cut(row.get("text")), _offsets(row))


def _sector_cells(row: Mapping[str, Any], colours: SpeakerColours) -> Sequence[str]:
    where = "programme list" if row["context"] == "programme-list" else "mention"
    return (esc(text_or_none(row.get("label")) or row["sector"]), esc(row["sector"]),
            esc(row["matched"]), where, esc(row["sentence"]), _offsets(row))


def _sentence_cells(row: Mapping[str, Any], colours: SpeakerColours) -> Sequence[str]:
    return (tone_label(row["compound"]) or "unscored", tone_text(row["compound"]),
            tone_text(row["compound_masked"]), _cut(row.get("text")), _offsets(row))


def _statement_cells(row: Mapping[str, Any], colours: SpeakerColours) -> Sequence[str]:
    return (esc(row.get("programme")), esc(row.get("acronym")), esc(row.get("year")),
            esc(row.get("stated_count")), esc(row.get("n_listed")), _cut(row.get("items")),
            _offsets(row))


#: name, caption, place kind, link word, number column, column headers, cell builder
_TABLES: tuple[tuple[str, str, str, str, str | None, tuple[str, ...], Cells], ...] = (
    ("quotes", "Quotes and reported speech", "q", "quote", "quote",
     ("Kind", "Speaker", "Cue", "Addressee", "Quoted words", "Offsets"), _quote_cells),
    ("sectors", "Sector mentions", "m", "mention", None,
     ("Sector", "Id", "As written", "Where", "Sentence", "Offsets"), _sector_cells),
    ("sentences", "Tone of each sentence (VADER)", "s", "sentence", "sentence",
     ("Tone", "Compound", "Names masked", "Sentence", "Offsets"), _sentence_cells),
    ("programme_statements", "Programme statements", "p", "statement", None,
     ("Programme", "Acronym", "Year", "Areas stated", "Areas listed", "Listed as written",
      "Offsets"), _statement_cells),
)


def _table(frame: pd.DataFrame, spec: tuple, colours: SpeakerColours, anchors: Anchors) -> str:
    name, caption, kind, word, number_column, headers, cells = spec
    heading = f'<h4 id="{anchors.part(name)}">{caption} ({len(frame)})</h4>'
    if frame.empty:
        return f'<section class="ev-table">{heading}<p>None found.</p></section>'
    head = "".join(f'<th scope="col">{header}</th>' for header in ("In the text", *headers))
    rows = []
    for position, row in enumerate(frame.to_dict("records")):
        number = int(row[number_column]) if number_column else position
        link = f'<a href="#{anchors.place(kind, number)}">{word} {number}</a>'
        body = "".join(f"<td>{cell}</td>" for cell in cells(row, colours))
        rows.append(f'<tr id="{anchors.row(kind, number)}"><th scope="row">{link}</th>{body}</tr>')
    return (f'<section class="ev-table">{heading}<div class="ev-scroll"><table>'
            f"<caption>{caption} of this article; each row links to its place in the "
            f"text</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
            f"</table></div></section>")


def evidence_tables_html(
    tables: Mapping[str, pd.DataFrame], colours: SpeakerColours, anchors: Anchors
) -> str:
    """Return the four tables of one article, each row linking to its place in the text.

    Examples
    --------
    >>> from analysis.pipeline import annotate
    >>> from analysis.figures.speaker_colours import assign_speaker_colours
    >>> annotation = annotate("“We agree <fully>,” Yoon said.")
    >>> tables = {t: annotation.frame(t) for t in ("sentences", "quotes", "sectors",
    ...     "programme_statements")}
    >>> page = evidence_tables_html(tables, assign_speaker_colours(tables["quotes"]),
    ...     Anchors.of(1, "text"))
    >>> '<a href="#a1_text_q0">quote 0</a>' in page, "&lt;fully&gt;" in page
    (True, True)
    """
    return "\n".join(_table(tables[spec[0]], spec, colours, anchors) for spec in _TABLES)
