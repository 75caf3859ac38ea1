"""Rows of the ``quotes`` table: one dict per :class:`~analysis.quotes.records.Quote`.

Pure: a row is read from the record and its Document only (no extraction, no registry),
so any pass that holds the records can build the table with
``analysis.schemas.conform(quote_rows(doc, quotes), "quotes")``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from analysis.quotes.records import Quote
from analysis.text.document import Document
from analysis.text.structure import count_words

__all__ = ["quote_rows"]


def quote_rows(doc: Document, quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    """Return the rows of the ``quotes`` table for one article's quote records.

    ``quote`` is the record's index in ``quotes``; ``n_words`` counts the quoted words
    (:func:`analysis.text.structure.count_words`); every other column is the record's
    field of that name, with the Document's ``article_id``.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> doc = as_document("“We value the partnership,” Stoltenberg said.")
    >>> quote = Quote("We value the partnership,", 0, 28, "direct", speaker="Stoltenberg",
    ...               actor="Jens Stoltenberg", cue="said", sentence=0, paragraph=0)
    >>> row = quote_rows(doc, [quote])[0]
    >>> row["article_id"], row["quote"], row["actor"], row["n_words"]
    ('text', 0, 'Jens Stoltenberg', 4)
    """
    return [_row(doc, index, quote) for index, quote in enumerate(quotes)]


def _row(doc: Document, index: int, quote: Quote) -> dict[str, Any]:
    return {
        "article_id": doc.article_id,
        "quote": index,
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "actor": quote.actor,
        "role": quote.role,
        "affiliation": quote.affiliation,
        "cue": quote.cue,
        "addressee": quote.addressee,
        "addressee_actor": quote.addressee_actor,
        "sentence": quote.sentence,
        "paragraph": quote.paragraph,
        "n_words": count_words(quote.text),
        "content_start": quote.content_start,
        "content_end": quote.content_end,
        "speaker_kind": quote.speaker_kind,
    }
