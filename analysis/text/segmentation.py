"""Segmentation: paragraph and sentence spans of an article text.

Segmentation rules (decided here, relied on by every extractor):

* **Paragraphs.** When the text contains a blank line, paragraphs are separated by
  blank lines (single newlines inside one are line wraps); otherwise every non-blank
  line is a paragraph, the usual form of news copy pasted from the web. Paragraph spans
  exclude surrounding whitespace.
* **Sentences** never cross a paragraph. Inside a paragraph, a line that opens with a
  list marker (``-``, ``*``, ``•``, ``1.``, ``a)``) starts a new sentence; other line
  breaks are line wraps. The rest is split by NLTK's Punkt algorithm with parameters
  this package ships instead of an untrained model: ``resources/text/abbreviations.txt``
  (so "U.S. Senators", "Sen. Shaheen" or "Jan. 5" stay whole) and
  ``resources/text/sentence_starters.txt`` (so "... in the U.S. The senator said" splits),
  with "…" as a sentence end too. Closing quote marks stay with the sentence they end.
* **Korean paragraphs** (most letters Hangul, :func:`analysis.text.korean.is_korean_text`)
  are split by :func:`analysis.text.korean.korean_sentence_spans` instead of Punkt, so a
  mixed article is split paragraph by paragraph in the script of each.
* **Repairs** after Punkt: a bare list number ("1.") is joined to the item it numbers;
  a segment starting with a lower-case letter is joined to the one before ("“Why
  now?” asked Kim."); "No." and the other ``resources/text/number_abbreviations.txt`` are
  abbreviations only before a number ("No. 2" but "She said no. Then ..."); a month
  abbreviation (``resources/text/month_abbreviations.txt``) followed by a number never
  ends a sentence ("Published: 24 Jun. 2025, 08:15", "Jul. 4"); a title
  (``resources/text/title_abbreviations.txt``) is never the end of a sentence ("Mr. An
  Ho-young", although "An" often starts one); after a
  quoted question or exclamation, an attribution ("“Why now?” Kim asked.", the verb forms
  in the ``after_question`` column of the one speech-verb list,
  ``resources/quotes/speech_verbs.csv``) stays in the sentence.

Measured on a hand-made fixture of tricky news passages (``tests/fixtures/segmentation``,
``benchmarks/bench_segmentation.py``, ``docs/evaluation.md``). Known limit: an
abbreviation that ends a sentence before a name ("... in the U.S. Kim returned") is
not split.

:class:`~analysis.text.document.Document` computes these spans once per article; every
extractor reads them from there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from analysis._resources import read_csv_rows, read_lines
from analysis.text.korean import is_korean_text, korean_sentence_spans
from analysis.text.patterns import LETTERS_RE, NAME_WORD

__all__ = ["Sentence", "Span", "split_paragraphs", "split_sentences"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text.

    Examples
    --------
    >>> Span(0, 4).slice("NATO summit")
    'NATO'
    >>> len(Span(5, 11))
    6
    """

    start: int
    end: int

    def slice(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        """Tell whether ``offset`` falls inside the span."""
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True, order=True)
class Sentence(Span):
    """A sentence span with its position: ``index`` in the article, ``paragraph`` index."""

    index: int = 0
    paragraph: int = 0


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_ANY_NEWLINE = re.compile(r"\n")
# A list item opens with a bullet, or a number or letter followed by "." or ")".
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•·–▪◦]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])[ \t]")
# A segment that is nothing but a list number ("1.", "(b)", "iv.") numbers the next one.
_BARE_MARKER = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]")
# "?" or "!" closing a quotation: what follows may be the attribution ("... ?” Kim asked.").
# The closing marks are those of English copy (” ’ and the straight ones); unlike the
# quote finder's set (analysis.text.patterns.DOUBLE_CLOSING) it leaves out "»", which the
# segmentation fixture never needs, so the splitter's behaviour stays as measured.
_QUOTED_QUESTION_END = re.compile(r"[?!…][\"”’']+\)?$")
_WORD_CHAR = re.compile(r"\w")
#: Punkt reads a block in windows of about this many characters (see _punkt_raw_spans).
PUNKT_WINDOW_CHARS = 20_000
#: A window's breaks this close to its end are read again from the next window.
PUNKT_WINDOW_MARGIN_CHARS = 2_000
_WHITESPACE = re.compile(r"\s")
_WHITESPACE_RUN = re.compile(r"\s*")
# How much of the segment after a Punkt break is read to decide whether to undo it.
_LOOKAHEAD_CHARS = 80
# Letters with periods ("J.D.", "N.Z."): abbreviations Punkt does not know unless listed.
_DOTTED_LETTERS = re.compile(r"(?:^|\s)(?:[^\W\d_]\.){2,}$")


def _trimmed(text: str, start: int, end: int) -> Span | None:
    chunk = text[start:end]
    stripped_left = len(chunk) - len(chunk.lstrip())
    stripped_right = len(chunk) - len(chunk.rstrip())
    if stripped_left == len(chunk):
        return None
    return Span(start + stripped_left, end - stripped_right)


def split_paragraphs(text: str) -> tuple[Span, ...]:
    """Return paragraph spans (see the module docs for the rule).

    Examples
    --------
    >>> text = "First line.\\nSecond line.\\n\\n"
    >>> [text[p.start:p.end] for p in split_paragraphs(text)]
    ['First line.', 'Second line.']
    >>> text = "One wrapped\\nparagraph.\\n\\nAnother."
    >>> [text[p.start:p.end] for p in split_paragraphs(text)]
    ['One wrapped\\nparagraph.', 'Another.']
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text.strip()) else _ANY_NEWLINE
    spans: list[Span] = []
    position = 0
    for match in separator.finditer(text):
        span = _trimmed(text, position, match.start())
        if span is not None:
            spans.append(span)
        position = match.end()
    span = _trimmed(text, position, len(text))
    if span is not None:
        spans.append(span)
    return tuple(spans)


class _NewsLanguageVars(PunktLanguageVars):
    """Punkt's English settings, with "…" (one character) as a sentence end too."""

    sent_end_chars = (".", "?", "!", "…")


@cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(read_lines("text/abbreviations.txt"))
    params.sent_starters = set(_sentence_starters())
    return PunktSentenceTokenizer(params, lang_vars=_NewsLanguageVars())


@cache
def _sentence_starters() -> frozenset[str]:
    return frozenset(read_lines("text/sentence_starters.txt"))


@cache
def _title_abbreviations() -> frozenset[str]:
    return frozenset(read_lines("text/title_abbreviations.txt"))


@cache
def _before_number_abbreviations() -> frozenset[str]:
    """Abbreviations a number follows: "No. 2" (number_abbreviations), "Jun. 24" (months)."""
    return frozenset(read_lines("text/number_abbreviations.txt")) | frozenset(
        read_lines("text/month_abbreviations.txt"))


def _after_question_verbs() -> list[str]:
    """Return the verb forms of an attribution after a quoted question ("asked", "said").

    They are the ``after_question`` column of ``resources/quotes/speech_verbs.csv``, the
    package's one speech-verb list (shared with the quote cues of :mod:`analysis.quotes`).
    """
    rows = read_csv_rows("quotes/speech_verbs.csv")
    return [form for row in rows for form in row["after_question"].split("|") if form]


@cache
def _attribution() -> re.Pattern[str]:
    """An attribution that follows a quoted question: "Kim asked." / "the minister said"."""
    verbs = "|".join(sorted(map(re.escape, _after_question_verbs()), key=len, reverse=True))
    return re.compile(
        rf"(?:{NAME_WORD},?\s+){{1,4}}(?:{verbs})\b|(?:{verbs})\s+[A-Z]"
    )


def _line_blocks(text: str, paragraph: Span) -> Iterator[Span]:
    """Split a paragraph before every line that opens with a list marker.

    Other line breaks inside a paragraph are line wraps: Punkt decides whether the
    line before ends a sentence, so "U.S.\\nSenators" stays whole.
    """
    start = paragraph.start
    position = paragraph.start
    while True:
        newline = text.find("\n", position, paragraph.end)
        if newline < 0:
            break
        if _LIST_MARKER.match(text, newline + 1, paragraph.end):
            span = _trimmed(text, start, newline)
            if span is not None:
                yield span
            start = newline + 1
        position = newline + 1
    span = _trimmed(text, start, paragraph.end)
    if span is not None:
        yield span


def _last_word(head: str) -> str | None:
    """Return the word right before the full stop that ends ``head``, or None.

    The same as ``re.search(r"(\\w+)\\.$", head).group(1)``, read backwards from the end
    in time linear in the word's length (that search retries every start inside a long
    word: quadratic for a 20,000-letter "word").

    Examples
    --------
    >>> _last_word("He met Sen."), _last_word("in the U.S.\\n"), _last_word("Fine!")
    ('Sen', 'S', None)
    """
    end = len(head) - 1 if head.endswith("\n") else len(head)
    if end < 1 or head[end - 1] != ".":
        return None
    start = end - 1
    while start > 0 and _WORD_CHAR.match(head, start - 1):
        start -= 1
    return head[start : end - 1] if start < end - 1 else None


def _joins(text: str, previous: Span, following: Span) -> bool:
    """Tell whether a Punkt break between two segments is a false one to undo."""
    head = text[previous.start : previous.end]
    tail = text[following.start : min(following.end, following.start + _LOOKAHEAD_CHARS)]
    if _BARE_MARKER.fullmatch(head):  # "1." alone numbers the item after it
        return True
    if tail[:1].islower():  # "“Why now?” asked Kim." / "long… but productive"
        return True
    if tail[:1] == ")":  # "Sen. Ada Kim (D-Ore.), noting ...": the break falls inside the aside
        return True
    word = _last_word(head)
    if word:
        last = word.lower()
        if last in _title_abbreviations():
            return True  # "Mr. An Ho-young": a title is followed by a name
        if tail[:1].isdigit() and last in _before_number_abbreviations():
            return True  # "No. 2", "Vol. 3", "24 Jun. 2025"
    if _DOTTED_LETTERS.search(head):  # "J.D. Vance", unless "J.D. The ..." starts anew
        first = LETTERS_RE.match(tail)
        return bool(first) and first.group().lower() not in _sentence_starters()
    if "\n" in text[previous.end : following.start]:
        return False  # "“Why?”\nLater, Kim said ...": a line break ends the question's sentence
    return bool(_QUOTED_QUESTION_END.search(head) and _attribution().match(tail))


def _window_end(text: str, start: int, end: int, size: int) -> int:
    """Return where a Punkt window opened at ``start`` ends: ``end``, or a space past ``size``.

    The window is cut at the first whitespace after ``size`` characters, so no word is
    split; a block with no whitespace there is read on to its end.
    """
    if end - start <= size:
        return end
    space = _WHITESPACE.search(text, start + size, end)
    return space.start() if space else end


def _restart(text: str, spans: list[Span], window_start: int, window_end: int) -> int | None:
    """Return where the next window opens, or None if no place in the window is safe.

    The next window opens at the last sentence start Punkt found at least
    ``PUNKT_WINDOW_MARGIN_CHARS`` before the window's end (a decision nearer the end
    may depend on text past it); with none, at the first whitespace after that point
    and before the margin's last word, inside a sentence the next window continues.
    """
    settled = window_end - PUNKT_WINDOW_MARGIN_CHARS
    for span in reversed(spans[1:]):
        if span.start <= settled:
            return span.start
    space = _WHITESPACE.search(text, max(settled, window_start + 1), window_end)
    if space is None or _WHITESPACE.search(text, space.end(), window_end) is None:
        return None  # the margin holds no whole word after the restart: widen the window
    return space.start()


def _punkt_raw_spans(text: str, block: Span) -> Iterator[tuple[Span, bool]]:
    """Yield Punkt's sentence spans of a block, read in bounded windows.

    Each span comes with whether it starts a sentence (False: it continues the span
    before it, a window having opened inside a sentence). NLTK 3.10 runs Punkt's
    regular expressions under a 5-second wall-clock limit, which a block of a few
    megabytes exceeds on a busy machine; windows of about ``PUNKT_WINDOW_CHARS`` keep
    every call far below it. Punkt decides each break from the tokens beside it, so a
    window reopened at a sentence start, or at a space well before the window's end,
    gives the same breaks as one read of the whole block (checked in
    ``tests/test_segmentation_windows.py``); a window with no such place is widened.
    """
    start = block.start
    starts_sentence = True
    size = PUNKT_WINDOW_CHARS
    while True:
        end = _window_end(text, start, block.end, size)
        spans = [
            Span(start + left, start + right)
            for left, right in _punkt().span_tokenize(text[start:end])
        ]
        if end >= block.end:
            for index, span in enumerate(spans):
                yield span, starts_sentence or index > 0
            return
        restart = _restart(text, spans, start, end)
        if restart is None:
            size *= 2
            continue
        reopen = _WHITESPACE_RUN.match(text, restart).end()
        for index, span in enumerate(spans):
            if span.start >= reopen:
                break
            yield Span(span.start, min(span.end, restart)), starts_sentence or index > 0
        start, starts_sentence = reopen, any(span.start == reopen for span in spans)
        size = PUNKT_WINDOW_CHARS


def _punkt_spans(text: str, block: Span) -> list[Span]:
    merged: list[Span] = []
    for piece, starts_sentence in _punkt_raw_spans(text, block):
        if not starts_sentence and merged:
            merged[-1] = Span(merged[-1].start, piece.end)
            continue
        span = piece
        if merged and _joins(text, merged[-1], span):
            merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def _korean_spans(text: str, block: Span) -> list[Span]:
    """Sentences of a block of a Korean paragraph (:mod:`analysis.text.korean`)."""
    return [Span(start, end) for start, end in korean_sentence_spans(text, block.start, block.end)]


def split_sentences(text: str, paragraphs: tuple[Span, ...] | None = None) -> tuple[Sentence, ...]:
    """Return sentence spans, each with its index and paragraph index.

    Examples
    --------
    >>> text = "He met U.S. Senators Pete Ricketts and Jeanne Shaheen. “We value it,” he said."
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['He met U.S. Senators Pete Ricketts and Jeanne Shaheen.', '“We value it,” he said.']
    """
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    sentences: list[Sentence] = []
    for paragraph_index, paragraph in enumerate(paragraphs):
        korean = is_korean_text(paragraph.slice(text))
        for block in _line_blocks(text, paragraph):
            for span in _korean_spans(text, block) if korean else _punkt_spans(text, block):
                sentences.append(Sentence(span.start, span.end, len(sentences), paragraph_index))
    return tuple(sentences)
