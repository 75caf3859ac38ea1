"""Text: articles and their loaders, decoding, language, Document and segmentation."""

from __future__ import annotations

from analysis.text.articles import (
    SUPPORTED_SUFFIXES,
    Article,
    decode_bytes,
    detect_language,
    iter_article_files,
    load_article,
    load_corpus,
    make_article,
    parse_date,
    parse_header,
)
from analysis.text.document import (
    Document,
    Sentence,
    Span,
    as_document,
    split_paragraphs,
    split_sentences,
)
from analysis.text.structure import (
    articles_frame,
    count_words,
    structure_frame,
    word_spans,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Article",
    "Document",
    "Sentence",
    "Span",
    "articles_frame",
    "as_document",
    "count_words",
    "decode_bytes",
    "detect_language",
    "iter_article_files",
    "load_article",
    "load_corpus",
    "make_article",
    "parse_date",
    "parse_header",
    "split_paragraphs",
    "split_sentences",
    "structure_frame",
    "word_spans",
]
