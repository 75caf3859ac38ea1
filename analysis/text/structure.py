"""Article structure: paragraphs, sentences and their lengths, as tidy tables."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.document import Document, as_documents
from analysis.text.patterns import WORD_RE

__all__ = [
    "article_rows",
    "articles_frame",
    "count_words",
    "structure_frame",
    "structure_rows",
    "word_spans",
]

# A word (analysis.text.patterns.WORD): letters or digits, with inner apostrophes,
# hyphens or periods ("Korea’s", "Asia-Pacific", "U.S."); punctuation alone is not a word.
_WORD = WORD_RE


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the words in ``text[start:end]``.

    Examples
    --------
    >>> text = "Korea’s Asia-Pacific U.S. ties, 2023."
    >>> [text[s:e] for s, e in word_spans(text)]
    ['Korea’s', 'Asia-Pacific', 'U.S', 'ties', '2023']
    """
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def count_words(text: str) -> int:
    """Count the words in ``text`` (see :func:`word_spans`).

    Examples
    --------
    >>> count_words("“Korea is a very highly valued partner of NATO,” Stoltenberg said.")
    11
    """
    return sum(1 for _ in _WORD.finditer(text))


def structure_frame(
    articles: str | Article | Document | Iterable[str | Article | Document],
) -> pd.DataFrame:
    """Return one row per sentence: article, paragraph, offsets and length in words.

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them

    Examples
    --------
    >>> frame = structure_frame("NATO met. Korea joined the talks.\\nThe end.")
    >>> frame[["paragraph", "sentence", "start", "end", "n_words"]].values.tolist()
    [[0, 0, 0, 9, 2], [0, 1, 10, 33, 4], [1, 2, 34, 42, 2]]
    """
    return conform([row for doc in as_documents(articles) for row in structure_rows(doc)],
                   "structure")


def structure_rows(doc: Document) -> list[dict[str, object]]:
    """Return the rows of table ``structure`` for ``doc``: one per sentence.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> [(r["sentence"], r["n_words"]) for r in structure_rows(as_document("A met. B left."))]
    [(0, 2), (1, 2)]
    """
    rows = []
    for sentence in doc.sentences:
        text = sentence.slice(doc.text)
        rows.append(
            {
                "article_id": doc.article_id,
                "paragraph": sentence.paragraph,
                "sentence": sentence.index,
                "start": sentence.start,
                "end": sentence.end,
                "n_words": count_words(text),
                "n_chars": len(text),
            }
        )
    return rows


def article_rows(doc: Document) -> list[dict[str, object]]:
    """Return the one row of table ``articles`` for ``doc``: bibliographic fields and counts.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> [(r["article_id"], r["n_sentences"]) for r in article_rows(as_document("A met. B."))]
    [('text', 2)]
    """
    article = doc.article
    return [
        {
            "article_id": article.article_id,
            "title": article.title,
            "outlet": article.outlet,
            "author": article.author,
            "published": article.published,
            "url": article.url,
            "language": article.language,
            "n_chars": len(article.text),
            "n_paragraphs": len(doc.paragraphs),
            "n_sentences": len(doc.sentences),
            "source_path": article.source_path,
        }
    ]


def articles_frame(
    articles: str | Article | Document | Iterable[str | Article | Document],
) -> pd.DataFrame:
    """Return one row per article: bibliographic fields and counts (table ``articles``).

    Examples
    --------
    >>> articles_frame("NATO met. Korea joined.")[["article_id", "n_sentences"]].values.tolist()
    [['text', 2]]
    """
    return conform([row for doc in as_documents(articles) for row in article_rows(doc)],
                   "articles")
