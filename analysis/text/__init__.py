"""Text: articles and their loaders, decoding, language, Document and segmentation.

Modules: ``articles`` (the Article record and its fields), ``loaders`` (files and
folders), ``decoding`` (bytes to text), ``language`` (language detection), ``segmentation``
(paragraph and sentence spans), ``document`` (Document, the one input coercion),
``english`` (the one English check), ``structure`` (word counts, structure tables) and
``patterns`` (the shared word, name and quote-mark patterns).
"""

from __future__ import annotations

from analysis.text.articles import Article, make_article, parse_date, parse_header
from analysis.text.decoding import decode_bytes
from analysis.text.document import Document, as_document, as_documents
from analysis.text.language import detect_language
from analysis.text.loaders import (
    SUPPORTED_SUFFIXES,
    iter_article_files,
    load_article,
    load_corpus,
)
from analysis.text.segmentation import Sentence, Span, split_paragraphs, split_sentences
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
    "as_documents",
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
