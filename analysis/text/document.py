"""Documents: an article with its paragraphs and sentences, computed once.

A :class:`Document` is an :class:`~analysis.text.articles.Article` with the paragraph and
sentence spans of :mod:`analysis.text.segmentation` (see there for the rules), built by
:func:`as_document` and shared by every extractor. :func:`as_documents` is the one input
coercion of the package.
"""

from __future__ import annotations

import dataclasses
import hashlib
import warnings
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from analysis.errors import AnalysisError
from analysis.text.articles import Article
from analysis.text.cleaning import replace_surrogates
from analysis.text.language import detect_language
from analysis.text.segmentation import Sentence, Span, split_paragraphs, split_sentences

__all__ = [
    "Document",
    "Sentence",
    "Span",
    "TextLike",
    "Texts",
    "as_document",
    "as_documents",
    "split_paragraphs",
    "split_sentences",
    "unique_ids",
]


@dataclass(frozen=True, slots=True)
class Document:
    """An :class:`~analysis.text.articles.Article` with paragraph and sentence spans.

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


# A lone surrogate (U+D800..U+DFFF): a Python str may hold one (json.loads of "\\ud800",
# os.fsdecode of a bad file name), but no UTF-8 text, Arrow string or Parquet file can;
# the loaders replace them on read, this covers articles built in code.
_ARTICLE_TEXTS = ("article_id", "text", "title", "outlet", "author", "url", "language")


def _without_surrogates(article: Article) -> Article:
    """Return ``article`` with every lone surrogate in its strings replaced by U+FFFD.

    One character for one, so every offset into the text stays the same; the article is
    returned as it is when it holds none (the usual case), else with a warning.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     text = _without_surrogates(Article(article_id="a", text="NATO" + chr(0xD800))).text
    >>> text == "NATO" + chr(0xFFFD)
    True
    """
    changes = {
        name: cleaned
        for name in _ARTICLE_TEXTS
        if isinstance(value := getattr(article, name), str)
        and (cleaned := replace_surrogates(value)) is not value
    }
    if not changes:
        return article
    warnings.warn(
        f"article {changes.get('article_id', article.article_id)!r}: lone surrogate "
        f"characters in {', '.join(changes)} replaced by U+FFFD (offsets unchanged); "
        "decode the source with errors='replace' to avoid them",
        UnicodeWarning,
        stacklevel=3,
    )
    return dataclasses.replace(article, **changes)


#: What every extractor accepts: one text, Article or Document ...
TextLike = str | Article | Document
#: ... or many of them.
Texts = TextLike | Iterable[TextLike]


def as_documents(articles: Texts) -> Iterator[Document]:
    """Yield a :class:`Document` for each of ``articles`` (one text, Article or Document, or many).

    This is the one input coercion of the package: every ``*_frame`` function accepts
    what it accepts. Two different texts under one id are refused (:func:`unique_ids`).

    Examples
    --------
    >>> [d.article_id for d in as_documents("NATO met.")]
    ['text']
    >>> [(d.article_id, len(d.sentences)) for d in as_documents(["A met. B left.", "C."])]
    [('text#0', 2), ('text#1', 1)]
    """
    if isinstance(articles, str | Article | Document):
        yield as_document(articles)
        return
    seen: dict[str, tuple[bytes, str | None]] = {}
    for number, item in enumerate(articles):
        # several plain strings get ids of their own ("text#0", "text#1"), as rows of a
        # JSONL file do, so their rows never mix in a table keyed by article_id
        doc = as_document(item, article_id=f"text#{number}") if isinstance(item, str) else (
            as_document(item))
        _check_unique(doc.article, seen)
        yield doc


def unique_ids(articles: Iterable[Article]) -> Iterator[Article]:
    """Yield ``articles``, refusing a second, different text under an id already seen.

    The same article given twice (same id, same text) passes; two different texts under
    one id would mix in every table keyed by ``article_id``, so they raise.

    Raises
    ------
    AnalysisError
        Naming the id and the sources of both articles.

    Examples
    --------
    >>> one, other = Article("a1", "NATO met."), Article("a1", "Korea joined.")
    >>> [a.article_id for a in unique_ids([one, one])]
    ['a1', 'a1']
    >>> list(unique_ids([one, other]))
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: two different articles have the id 'a1' (given in code; given in code); give every article its own id, or read the files with load_corpus(paths, on_error=problems.append), which leaves the second out and lists it in problems
    """
    seen: dict[str, tuple[bytes, str | None]] = {}
    for article in articles:
        _check_unique(article, seen)
        yield article


def _check_unique(article: Article, seen: dict[str, tuple[bytes, str | None]]) -> None:
    digest = hashlib.blake2b(article.text.encode("utf-8", "surrogatepass"),
                             digest_size=16).digest()
    earlier = seen.setdefault(article.article_id, (digest, article.source_path))
    if earlier[0] != digest:
        sources = "; ".join(source or "given in code"
                            for source in (earlier[1], article.source_path))
        raise AnalysisError(
            f"two different articles have the id {article.article_id!r} ({sources}); give "
            "every article its own id, or read the files with load_corpus(paths, "
            "on_error=problems.append), which leaves the second out and lists it in problems"
        )


def as_document(source: TextLike, article_id: str = "text") -> Document:
    """Return a :class:`Document` for a string, an Article or a Document.

    A Document is returned as it is; a string becomes a one-off Article with the given
    ``article_id``. Lone surrogates (U+D800..U+DFFF), which a Python string can hold but
    no table can store, are replaced by U+FFFD with a warning (offsets stay the same).

    Examples
    --------
    >>> as_document("NATO met.").article_id
    'text'
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, str):
        source = Article(article_id=article_id, text=source, language=detect_language(source))
    if not isinstance(source, Article):
        raise TypeError(f"expected str, Article or Document, not {type(source).__name__}")
    source = _without_surrogates(source)
    paragraphs = split_paragraphs(source.text)
    return Document(source, paragraphs, split_sentences(source.text, paragraphs))
