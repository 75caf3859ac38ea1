"""Documents: an article with its paragraphs and sentences, computed once.

Segmentation rules (decided here, relied on by every extractor):

* **Paragraphs.** When the text contains a blank line, paragraphs are separated by
  blank lines (single newlines inside one are line wraps); otherwise every non-blank
  line is a paragraph, the usual form of news copy pasted from the web. Paragraph spans
  exclude surrounding whitespace.
* **Sentences** never cross a paragraph. Inside a paragraph, a line break is also a
  sentence break when the line before it ends with sentence punctuation or the line
  after it starts with a list marker (``-``, ``*``, ``•``, ``1.``, ``a)``). The rest is
  split by NLTK's Punkt algorithm with parameters this package ships
  (``resources/abbreviations.txt`` and ``resources/sentence_starters.txt``) instead of
  an untrained model, so "U.S. Senators", "Sen. Shaheen" or "Jan. 5" stay whole while
  "... in the U.S. The senator said" splits. Closing quote marks stay with the
  sentence they end. A bare list number ("1.") is joined to the item it numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis._resources import read_lines
from analysis.articles import Article

__all__ = [
    "Document",
    "Sentence",
    "Span",
    "as_document",
    "split_paragraphs",
    "split_sentences",
]


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


@dataclass(frozen=True, slots=True)
class Document:
    """An :class:`~analysis.articles.Article` with paragraph and sentence spans.

    Build one with :func:`as_document` and hand it to every extractor, so the text is
    segmented once.

    Examples
    --------
    >>> doc = as_document("Yoon met Sen. Shaheen on Tuesday. They spoke.\\nNATO agreed.")
    >>> [doc.text[s.start:s.end] for s in doc.sentences]
    ['Yoon met Sen. Shaheen on Tuesday.', 'They spoke.', 'NATO agreed.']
    >>> [s.paragraph for s in doc.sentences]
    [0, 0, 1]
    >>> doc.sentence_at(40).index
    1
    """

    article: Article
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    _sentence_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = tuple(sentence.start for sentence in self.sentences)
        object.__setattr__(self, "_sentence_starts", starts)

    @property
    def text(self) -> str:
        """The article text every offset indexes."""
        return self.article.text

    @property
    def article_id(self) -> str:
        """The article's identifier."""
        return self.article.article_id

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence that contains character ``offset``, or None."""
        position = bisect_right(self._sentence_starts, offset) - 1
        if position >= 0 and self.sentences[position].contains(offset):
            return self.sentences[position]
        return None

    def sentence_texts(self) -> Iterator[str]:
        """Yield the text of every sentence in order."""
        for sentence in self.sentences:
            yield sentence.slice(self.text)


def as_document(source: str | Article | Document, article_id: str = "text") -> Document:
    """Return a :class:`Document` for a string, an Article or a Document.

    A Document is returned as it is; a string becomes a one-off Article with the given
    ``article_id``.

    Examples
    --------
    >>> as_document("NATO met.").article_id
    'text'
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, str):
        from analysis.articles import detect_language

        source = Article(article_id=article_id, text=source, language=detect_language(source))
    if not isinstance(source, Article):
        raise TypeError(f"expected str, Article or Document, not {type(source).__name__}")
    paragraphs = split_paragraphs(source.text)
    return Document(source, paragraphs, split_sentences(source.text, paragraphs))


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*•·–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_BARE_MARKER = re.compile(r"^\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})[.)]$")
_LINE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


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
    separator = _BLANK_LINE if _BLANK_LINE.search(text.strip()) else re.compile(r"\n")
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


@cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(read_lines("abbreviations.txt"))
    params.sent_starters = set(read_lines("sentence_starters.txt"))
    return PunktSentenceTokenizer(params)


def _line_blocks(text: str, paragraph: Span) -> Iterator[Span]:
    """Split a paragraph at line breaks that are sentence or list-item breaks."""
    start = paragraph.start
    position = paragraph.start
    while True:
        newline = text.find("\n", position, paragraph.end)
        if newline < 0:
            break
        before = text[start:newline]
        after = text[newline + 1 : paragraph.end]
        if _LINE_END.search(before) or _LIST_MARKER.match(after):
            span = _trimmed(text, start, newline)
            if span is not None:
                yield span
            start = newline + 1
        position = newline + 1
    span = _trimmed(text, start, paragraph.end)
    if span is not None:
        yield span


def _punkt_spans(text: str, block: Span) -> list[Span]:
    chunk = text[block.start : block.end]
    spans = [Span(block.start + s, block.start + e) for s, e in _punkt().span_tokenize(chunk)]
    merged: list[Span] = []
    pending: Span | None = None
    for span in spans:
        if pending is not None:
            span = Span(pending.start, span.end)
            pending = None
        if _BARE_MARKER.match(span.slice(text)):
            pending = span
            continue
        merged.append(span)
    if pending is not None:
        merged.append(pending)
    return merged


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
        for block in _line_blocks(text, paragraph):
            for span in _punkt_spans(text, block):
                sentences.append(Sentence(span.start, span.end, len(sentences), paragraph_index))
    return tuple(sentences)
