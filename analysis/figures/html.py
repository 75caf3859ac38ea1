"""The highlighted article: an article as HTML with every quote in its speaker's colour.

Display only: it reads a ``quotes`` table (or the records
:func:`analysis.quotes.extract.extract_quotes` returns) and never extracts. Colours come
from :mod:`analysis.figures.palette` through :func:`assign_speaker_colours`, the same
assignment the quote figures use, so a speaker has the same colour in the highlighted
article as in every figure of the set.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from typing import Any

import pandas as pd

from analysis.errors import AnalysisError
from analysis.figures.marking import Mark, quote_title, render_marked, speech_style
from analysis.figures.palette import MUTED_TEXT, NEUTRAL_MARK, OTHERS, UNRESOLVED
from analysis.figures.speaker_colours import (
    OTHERS_LABEL,
    SpeakerColours,
    assign_speaker_colours,
)
from analysis.quotes.speakers import SPEECH_KINDS, speaker_label
from analysis.schemas import is_missing
from analysis.text.articles import Article
from analysis.text.document import Document, as_document

__all__ = ["highlight_quotes_html"]


def _quote_records(quotes: pd.DataFrame | Sequence[Any], article_id: str) -> pd.DataFrame:
    """Return the quotes of one article as a DataFrame (records or a quotes table)."""
    if not isinstance(quotes, pd.DataFrame):
        rows = [asdict(q) if is_dataclass(q) else dict(q) for q in quotes]  # type: ignore[arg-type]
        quotes = pd.DataFrame(rows, columns=None if rows else ["kind", "start", "end"])
        quotes["article_id"] = article_id
    missing = [name for name in ("kind", "start", "end") if name not in quotes.columns]
    if missing:
        raise AnalysisError(
            f"the quotes table lacks column(s) {', '.join(missing)}; "
            "pass the frame analysis.quotes.extract.quotes_frame returns"
        )
    if "article_id" not in quotes.columns:
        quotes = quotes.assign(article_id=article_id)
    # An article with no rows has no quotes (a corpus table need not list every article).
    return quotes[quotes["article_id"] == article_id]


# Inline styles (not classes alone) so the marks survive Jupyter's HTML sanitiser,
# exported notebooks and e-mail; the classes are kept for anyone restyling the page.
_ARTICLE_STYLE = "font-family: Georgia, serif; line-height: 1.6; max-width: 48em"
_SMALL_STYLE = f"font-family: sans-serif; font-size: 0.85em; color: {MUTED_TEXT}"
_NON_SPEECH_STYLE = f"outline: 1px dotted {NEUTRAL_MARK}; font-style: italic"
_SWATCH_STYLE = (
    "display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; "
    f"margin-right: 0.3em; border: 1px solid {NEUTRAL_MARK}"
)


def _speaker_style(colour: str) -> str:
    return f"font-weight: bold; border-bottom: 2px solid {colour}"


def _esc(value: Any) -> str:
    return html.escape("" if is_missing(value) else str(value), quote=True)


def _layers(records: pd.DataFrame, colours: SpeakerColours) -> list[tuple[int, int, str]]:
    """Return ``(start, end, opening tag)`` for every quote and speaker mention."""
    layers = []
    marked_speakers: set[tuple[int, int]] = set()
    for record in records.to_dict("records"):
        kind = str(record["kind"])
        start, end = int(record["start"]), int(record["end"])
        if kind in SPEECH_KINDS:
            label = speaker_label(record.get("actor"), record.get("speaker"))
            colour = colours.colour(label)
            layers.append(
                (start, end, f'<span class="aq-q aq-{kind}" style="{speech_style(kind, colour)}" '
                 f'data-kind="{_esc(kind)}" data-speaker="{_esc(label)}" '
                 f'title="{_esc(quote_title(record, label))}">')
            )
            speaker_start, speaker_end = record.get("speaker_start"), record.get("speaker_end")
            if is_missing(speaker_start) or is_missing(speaker_end):
                continue
            mention = (int(speaker_start), int(speaker_end))
            if mention not in marked_speakers:  # one mention may introduce several quotes
                marked_speakers.add(mention)
                layers.append(
                    (int(speaker_start), int(speaker_end),
                     f'<span class="aq-speaker" style="{_speaker_style(colour)}" '
                     f'title="speaker: {_esc(label)}">')
                )
        else:
            layers.append(
                (start, end, f'<span class="aq-q aq-{_esc(kind)}" style="{_NON_SPEECH_STYLE}" '
                 f'data-kind="{_esc(kind)}" '
                 f'title="{_esc(quote_title(record, ""))}">')
            )
    return layers


def _render_paragraph(text: str, start: int, end: int, layers: list[tuple[int, int, str]]) -> str:
    """Render ``text[start:end]`` with every layer that overlaps it, tags well nested.

    The paragraph is cut at every layer boundary; each piece is wrapped in the layers
    covering it, longest outermost, so crossing or nested spans still give valid HTML
    (:func:`analysis.figures.marking.render_marked`).
    """
    return render_marked(text, start, end, [Mark(s, e, tag) for s, e, tag in layers])


def _swatch(colour: str) -> str:
    return f'<span class="aq-swatch" style="{_SWATCH_STYLE}; background-color: {colour}"></span>'


def _speaker_items(records: pd.DataFrame, colours: SpeakerColours) -> list[str]:
    """Return one legend item per colour: a speaker, or "others" listing its speakers."""
    speech = records[records["kind"].isin(SPEECH_KINDS)]
    counts: dict[str, int] = {}
    for actor, speaker in zip(speech["actor"], speech["speaker"], strict=True):
        label = speaker_label(actor, speaker)
        counts[label] = counts.get(label, 0) + 1
    labels = [label for label in colours if label in counts]
    labels += [label for label in counts if label not in colours]
    items = []
    others = [label for label in labels if colours.group(label) == OTHERS_LABEL]
    for label in labels:
        if label in others:
            continue
        items.append(f"{_swatch(colours.colour(label))}{_esc(label)} ({counts[label]})")
    if others:
        listed = ", ".join(f"{_esc(label)} ({counts[label]})" for label in others)
        items.append(f"{_swatch(OTHERS)}{OTHERS_LABEL}: {listed}")
    return items


def _legend(records: pd.DataFrame, colours: SpeakerColours) -> str:
    gap = '<span style="display: inline-block; width: 1em"></span>'
    items = _speaker_items(records, colours)
    grey = NEUTRAL_MARK
    kinds = [
        f'<span style="{speech_style("direct", grey)}">shaded</span> direct or partial quote',
        f'<span style="{speech_style("indirect", grey)}">dashed</span> indirect (reported) speech',
        f'<span style="{_NON_SPEECH_STYLE}">dotted box</span> title or scare quotes (not speech)',
        f'<span style="{_speaker_style(grey)}">bold</span> speaker as named',
    ]
    speakers = gap.join(items) if items else "no speech quotes found"
    greys = (
        f"{_swatch(UNRESOLVED)}grey: speaker not resolved to an actor; "
        f"{_swatch(OTHERS)}near black: {OTHERS_LABEL} (more speakers than colours)"
    )
    return (
        f'<div class="aq-legend" style="{_SMALL_STYLE}; margin: 0.5em 0 1em 0">'
        f"<div><b>Speakers</b> (number of quotes): {speakers}</div>"
        f"<div><b>Marks</b>: {gap.join(kinds)}</div>"
        f"<div><b>Greys</b>: {greys}</div></div>"
    )


def _meta_line(article: Article) -> str:
    fields = [article.outlet, article.author,
              article.published.isoformat() if article.published else None]
    known = [f for f in fields if f and f != "unknown"]
    title = article.title if article.title and article.title != "unknown" else None
    heading = f"<h3>{_esc(title)}</h3>" if title else ""
    meta = ""
    if known:
        meta = f'<div class="aq-meta" style="{_SMALL_STYLE}">{_esc(" · ".join(known))}</div>'
    return heading + meta


def highlight_quotes_html(
    document: str | Article | Document,
    quotes: pd.DataFrame | Sequence[Any],
    colours: SpeakerColours | None = None,
) -> str:
    """Return the article as HTML with every quote highlighted in its speaker's colour.

    Direct and partial quotes are shaded, indirect speech is underlined with a dashed
    line, both in the speaker's colour (:func:`assign_speaker_colours`, the colours of
    the quote figures); the speaker mention is bold; title and scare quotes get a
    dotted grey box. Hovering a
    quote shows its speaker, kind, cue, addressee and offsets. A legend lists the
    speakers with their number of quotes. All article text is HTML-escaped.

    Parameters
    ----------
    document : str, Article or Document
        The article.
    quotes : DataFrame or sequence of Quote
        Its quotes: the ``quotes`` table, matched on ``article_id`` (rows of other
        articles are ignored; an article without rows is shown without marks), or the
        records :func:`analysis.quotes.extract.extract_quotes` returns.
    colours : SpeakerColours, optional
        The speakers' colours; by default assigned over ``quotes`` (this article's
        rows), which gives the colours of the figures drawn from the same table.

    Returns
    -------
    str
        A self-contained HTML fragment (show it in Jupyter with
        ``IPython.display.HTML``).

    Raises
    ------
    AnalysisError
        When a quote's offsets fall outside the article's text (quotes of another
        article given under this article's id).

    Examples
    --------
    >>> doc = as_document("“Ties <matter>,” Yoon said.")
    >>> quotes = pd.DataFrame({"article_id": ["text"], "kind": ["direct"], "start": [0],
    ...     "end": [16], "speaker": ["Yoon"], "speaker_start": [17], "speaker_end": [21],
    ...     "actor": ["Yoon Suk Yeol"]})
    >>> page = highlight_quotes_html(doc, quotes)
    >>> "“Ties &lt;matter&gt;,”</span>" in page
    True
    >>> 'data-speaker="Yoon Suk Yeol"' in page and "<matter>" not in page
    True
    """
    doc = as_document(document)
    records = _quote_records(quotes, doc.article_id)
    for name in ("actor", "speaker"):
        if name not in records.columns:
            records = records.assign(**{name: pd.NA})
    for start, end in zip(records["start"], records["end"], strict=True):
        if not 0 <= int(start) <= int(end) <= len(doc.text):
            raise AnalysisError(
                f"quote offsets {start}-{end} fall outside article {doc.article_id!r} "
                f"({len(doc.text)} characters); pass the quotes extracted from this article"
            )
    records = records.sort_values(["start", "end"], kind="stable")
    if colours is None:
        colours = assign_speaker_colours(records)
    layers = _layers(records, colours)
    paragraphs = "\n".join(
        f'<p style="margin: 0 0 0.8em 0">{_render_paragraph(doc.text, p.start, p.end, layers)}</p>'
        for p in doc.paragraphs
    )
    return (
        f'<div class="aq-article" style="{_ARTICLE_STYLE}" '
        f'data-article-id="{_esc(doc.article_id)}">\n'
        f"{_meta_line(doc.article)}\n{_legend(records, colours)}\n{paragraphs}\n</div>\n"
    )
