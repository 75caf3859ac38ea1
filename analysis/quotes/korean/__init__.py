"""Quotes and speakers in Korean news: the Korean twin of the English rules of :mod:`analysis.quotes`.

:func:`analysis.quotes.extract.extract_quotes` sends every Korean paragraph of an article
here (:func:`korean_paragraphs`), so a Korean article, and the Korean paragraphs of an
English one, give :class:`~analysis.quotes.records.Quote` records like English news.
The steps, one module each:

- :mod:`~analysis.quotes.korean.marks`: quotation marks (“…” "…" 「…」 『…』 ‘…’) and the
  ending after a closing mark;
- :mod:`~analysis.quotes.korean.phrases`: the topic- or subject-marked speaker phrase;
- :mod:`~analysis.quotes.korean.resolve`: titles stripped, the speaker's actor and kind;
- :mod:`~analysis.quotes.korean.indirect`: reported speech without marks (…다고 밝혔다);
- :mod:`~analysis.quotes.korean.extract`: the pass over the paragraphs;
- :mod:`~analysis.quotes.korean.words`: the word lists (``resources/quotes/korean``).
"""

from analysis.quotes.korean.extract import extract_korean_quotes, korean_paragraphs

__all__ = ["extract_korean_quotes", "korean_paragraphs"]
