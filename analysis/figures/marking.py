"""Marked text: a stretch of an article as HTML with spans around other spans, well nested.

The highlighted article (:mod:`analysis.figures.html`) and the evidence page
(:mod:`analysis.figures.evidence`) both lay marks (quotes, speakers, sentences, sector
mentions) over the text. Marks may nest or cross; :func:`render_marked` cuts the text at
every boundary and wraps each piece in the marks that cover it, so the HTML is always
well nested. Every piece of text is HTML-escaped; the tags of a :class:`Mark` are the
caller's, who escapes what goes into them.

The sweep is linear in the number of pieces times the marks open at once (the nesting
depth), so a long paragraph with many marks stays fast.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from analysis.figures.palette import tint
from analysis.quotes.speakers import SPEECH_KINDS
from analysis.schemas import text_or_none

__all__ = ["Mark", "quote_title", "render_marked", "speech_style"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One mark over ``text[start:end]``.

    Attributes
    ----------
    start, end : int
        Offsets into the text (``start < end``; empty marks are skipped).
    tag : str
        Opening tag put before every piece the mark covers, e.g. ``'<span class="q">'``.
    first : str or None
        Opening tag of the mark's first piece only (where an ``id`` goes, so an anchor
        is unique even when the mark is cut in pieces); default :attr:`tag`.
    close : str
        Closing tag (default ``</span>``).
    rank : int
        Nesting order: a lower rank sits outside a higher one; marks of one rank nest
        longest outermost.
    """

    start: int
    end: int
    tag: str
    first: str | None = None
    close: str = "</span>"
    rank: int = 0


def _order(mark: Mark) -> tuple[int, int, int]:
    return (mark.rank, -(mark.end - mark.start), mark.start)


def render_marked(
    text: str,
    start: int,
    end: int,
    marks: Sequence[Mark],
    opened: set[int] | None = None,
) -> str:
    """Return ``text[start:end]`` as HTML with every mark that overlaps it.

    Parameters
    ----------
    text : str
        The whole article text (the marks' offsets index it).
    start, end : int
        The stretch to render (e.g. one paragraph).
    marks : sequence of Mark
        All marks; those outside the stretch are ignored.
    opened : set of int, optional
        Positions in ``marks`` whose first piece was already rendered (by an earlier
        stretch); updated in place. Pass the same set for every paragraph of an article
        so each mark's :attr:`Mark.first` tag appears once.

    Returns
    -------
    str
        Escaped text; line breaks become ``<br>``.

    Examples
    --------
    >>> marks = [Mark(0, 9, "<b>", close="</b>"), Mark(4, 12, "<i>", close="</i>")]
    >>> render_marked("AT&T said <no>.", 0, 15, marks)
    '<b>AT&amp;T</b><b><i> said</i></b><i> &lt;n</i>o&gt;.'
    """
    opened = set() if opened is None else opened
    inside = [i for i, m in enumerate(marks) if m.start < end and m.end > start and m.start < m.end]
    cuts = sorted({start, end} | {max(start, min(end, b)) for i in inside
                                  for b in (marks[i].start, marks[i].end)})
    starting: dict[int, list[int]] = {}
    for i in inside:
        starting.setdefault(max(start, marks[i].start), []).append(i)
    active: list[int] = []
    pieces = []
    for left, right in pairwise(cuts):
        active = [i for i in active if marks[i].end > left] + starting.get(left, [])
        active.sort(key=lambda i: _order(marks[i]))
        opening = []
        for i in active:
            mark = marks[i]
            if i in opened or mark.first is None:
                opening.append(mark.tag)
            else:
                opening.append(mark.first)
            opened.add(i)
        body = html.escape(text[left:right], quote=False).replace("\n", "<br>\n")
        closing = "".join(marks[i].close for i in reversed(active))
        pieces.append("".join(opening) + body + closing)
    return "".join(pieces)


def speech_style(kind: str, colour: str) -> str:
    """Return the inline style of a speech quote of ``kind`` in the speaker's ``colour``.

    Direct and partial quotes are shaded with a pale tint of the colour (dark text stays
    readable on it) over a solid line in the colour; indirect speech has a dashed line.

    Examples
    --------
    >>> speech_style("indirect", "#0072B2")
    'border-bottom: 2px dashed #0072B2'
    >>> speech_style("direct", "#0072B2")
    'border-bottom: 2px solid #0072B2; background-color: #A6CEE4'
    """
    if kind == "indirect":
        return f"border-bottom: 2px dashed {colour}"
    return f"border-bottom: 2px solid {colour}; background-color: {tint(colour)}"


def quote_title(record: Mapping[str, Any], label: str) -> str:
    """Return the hover text of a quote: speaker, kind, cue, addressee and offsets (unescaped).

    Examples
    --------
    >>> quote_title({"kind": "direct", "start": 0, "end": 9, "cue": "said"}, "Yoon")
    'Yoon · direct quote · cue: said · offsets 0-9'
    """
    kind = record["kind"]
    parts = [f"{kind} quote" if kind in SPEECH_KINDS else str(kind)]
    if kind in SPEECH_KINDS:
        parts.insert(0, label)
        affiliation = text_or_none(record.get("affiliation"))
        if affiliation:
            parts[0] += f" ({affiliation})"
        cue = text_or_none(record.get("cue"))
        if cue:
            parts.append(f"cue: {cue}")
        addressee = text_or_none(record.get("addressee_actor")) or text_or_none(
            record.get("addressee")
        )
        if addressee:
            parts.append(f"to: {addressee}")
    parts.append(f"offsets {int(record['start'])}-{int(record['end'])}")
    return " · ".join(parts)
