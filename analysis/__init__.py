"""Quotes, speakers, cooperation sectors and tone in diplomatic news.

The public API (see README.md):

>>> import analysis
>>> doc = analysis.as_document("NATO and Korea agreed. “It matters,” Yoon said.")
>>> len(doc.sentences)
2
"""

from __future__ import annotations

from analysis.errors import AnalysisError
from analysis.text.articles import Article
from analysis.text.document import Document, as_document
from analysis.text.loaders import load_article, load_corpus
from analysis.text.segmentation import Sentence, Span

__version__ = "0.1.0"

__all__ = [
    "AnalysisError",
    "Article",
    "Document",
    "Sentence",
    "Span",
    "__version__",
    "as_document",
    "load_article",
    "load_corpus",
]
