"""The extractor's working records for one article, and the span helpers every step shares.

:class:`Context` holds the document, its quote-mark spans and the speech cues found in
each sentence (:class:`Attribution`); :class:`Found` is a quote being built, from its
kind to its actors. These records are internal: the public one is
:class:`analysis.quotes.records.Quote`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from analysis.quotes.marks import Marked
from analysis.quotes.phrases import Phrase
from analysis.text.document import Document, Sentence

__all__ = [
    "DATELINE",
    "ONLY_PUNCTUATION",
    "THAT_AFTER",
    "WORDS",
    "Attribution",
    "Context",
    "Found",
    "cues_in",
    "first_marked_from",
    "last_marked_before",
    "marked_in",
    "regions",
    "sentence_of",
    "skip_space",
]

#: Longest stretch (characters) between a cue and the "that" of its clause
#: ("stressed on Tuesday in Vilnius that ...").
THAT_MAX_GAP = 60
#: A complementizer "that" after a cue, with what may stand before it.
THAT_AFTER = re.compile(rf"^(?:[^,.;:“”\"]{{0,{THAT_MAX_GAP}}}?\s)?that\s+", re.IGNORECASE)
#: A dateline before a story's first sentence ("VILNIUS, Lithuania (feature) — ",
#: "HARBOURTON, Pa. (AP) - ").
DATELINE = re.compile(r"[A-Z][A-Z .'-]+,?[^—\n]{0,60}?\s(?:—|–|-{1,2})\s+")
#: Text that holds nothing but spaces and punctuation.
ONLY_PUNCTUATION = re.compile(r"^[\s,;:—–\-.…’'\"”“)]*$")
#: A word, for counting the words of a quote or a gap.
WORDS = re.compile(r"[\w’'-]+")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speech cue with the speaker (and addressee) found around it."""

    cue_start: int
    cue_end: int
    cue: str
    lemma: str
    speech: bool
    speaker: Phrase | None
    addressee: Phrase | None
    inverted: bool
    sentence: int


@dataclass(slots=True)
class Found:
    """A quote being built: its span, kind, attribution and (later) actors."""

    start: int
    end: int
    kind: str
    text: str
    sentence: int
    paragraph: int
    attribution: Attribution | None = None
    actor: str | None = None
    addressee_actor: str | None = None
    marked: Marked | None = None
    content: tuple[int, int] | None = None


@dataclass(slots=True)
class Context:
    """Per-article state: the document, its quote spans and attributions by sentence."""

    doc: Document
    marked: list[Marked]
    marked_starts: list[int]
    attributions: dict[int, list[Attribution]] = field(default_factory=dict)
    #: attributions of reported speech that a following quote goes on with: they still
    #: give their own indirect quote
    shared: set[int] = field(default_factory=set)
    #: starts of the quote spans found to be titles or scare quotes (not speech), so far
    non_speech: set[int] = field(default_factory=set)
    #: cue offsets of each sentence's attributions (built on first use, for bisects)
    cue_starts: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)


def marked_in(context: Context, start: int, end: int) -> list[Marked]:
    """Return the quote spans that overlap ``[start, end)``."""
    marked = context.marked
    index = max(bisect_right(context.marked_starts, start) - 1, 0)
    result = []
    while index < len(marked) and marked[index].start < end:  # no slice: no O(n) copy
        if marked[index].end > start:
            result.append(marked[index])
        index += 1
    return result


def last_marked_before(context: Context, start: int, end: int) -> Marked | None:
    """Return the last of ``marked_in(context, start, end)`` that ends by ``end``, or None.

    A bisect, then a walk back over the spans that hold ``end`` (spans rarely nest), so
    a sentence with many quotations does not rescan them all for each of them.
    """
    starts = context.marked_starts
    first = max(bisect_right(starts, start) - 1, 0)
    index = bisect_left(starts, end) - 1
    while index >= first:
        m = context.marked[index]
        if start < m.end <= end:
            return m
        index -= 1
    return None


def first_marked_from(context: Context, start: int, end: int) -> Marked | None:
    """Return the first of ``marked_in(context, start, end)`` that starts at ``start`` or later."""
    index = max(bisect_left(context.marked_starts, start),
                bisect_right(context.marked_starts, start) - 1, 0)
    while index < len(context.marked) and context.marked[index].start < start:
        index += 1
    if index < len(context.marked) and context.marked[index].start < end:
        return context.marked[index]
    return None


def cues_in(context: Context, sentence: int, start: int, end: int, *,
            by_end: bool = False) -> range:
    """Return the indexes in ``context.attributions[sentence]`` of the cues in a stretch.

    The cues that start in ``[start, end)``, or with ``by_end`` those that start at
    ``start`` or later and end by ``end``. Attributions are kept in text order (their
    cues do not overlap), so this is a range between two bisects.
    """
    found = context.attributions.get(sentence, [])
    if not found:
        return range(0)
    offsets = context.cue_starts.get(sentence)
    if offsets is None or len(offsets[0]) != len(found):
        offsets = context.cue_starts[sentence] = ([a.cue_start for a in found],
                                                 [a.cue_end for a in found])
    first = bisect_left(offsets[0], start)
    last = bisect_right(offsets[1], end) if by_end else bisect_left(offsets[0], end)
    return range(first, max(first, last))


def regions(context: Context, sentence: Sentence) -> list[tuple[int, int]]:
    """Return the parts of a sentence outside quotation marks."""
    found = []
    position = sentence.start
    for m in marked_in(context, sentence.start, sentence.end):
        if m.start > position:
            found.append((position, m.start))
        position = max(position, m.end)
    if position < sentence.end:
        found.append((position, sentence.end))
    return found


def sentence_of(context: Context, offset: int) -> Sentence | None:
    """Return the sentence holding ``offset`` (or the character before it)."""
    doc = context.doc
    return doc.sentence_at(offset) or doc.sentence_at(max(offset - 1, 0))


def sentence_opened_by(context: Context, item: Found) -> Sentence | None:
    """Return the sentence ``item`` opens, when a sentence comes before it; else None.

    The rules that read the sentence before a quote ask this first: only white space
    may stand between the sentence's start and the quote.
    """
    sentence = sentence_of(context, item.start)
    if sentence is None or sentence.index == 0 or context.doc.text[
            sentence.start : item.start].strip():
        return None
    return sentence


def skip_space(text: str, position: int) -> int:
    """Return the first offset at or after ``position`` that is not a space."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position
