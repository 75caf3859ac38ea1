"""Quote tone: VADER on the quoted words, with names masked (table ``quote_sentiment``).

The quoted words of every quote are scored as NLTK's VADER scores them (``compound``,
exactly NLTK's) and again with names masked (``compound_masked``): the article's actor
mentions that lie inside the quoted words (:func:`analysis.actors.mentions.extract_actors`: those
passed in, else the registry searched once per article, dated by its ``published``),
shifted to offsets in the quoted words, plus the capitalised-name, acronym and
organisation patterns of :mod:`analysis.sentiment.masking` run on the quoted words
alone. The registry is not searched again per quote. ``tone`` reads
``compound_masked`` with VADER's cut-offs: the tone of the words, not toward anyone.

:func:`score_quotes` returns :class:`QuoteTone` records for
:class:`analysis.quotes.extract.Quote` records; :func:`quote_sentiment_rows` joins them
onto the quotes table's rows; :func:`quote_sentiment_frame` is the table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.actors.mentions import MentionIndex, extract_actors, mentions_within
from analysis.actors.registry import ActorMention, ActorRegistry, default_registry
from analysis.quotes.records import Quote
from analysis.schemas import columns, conform, is_missing
from analysis.sentiment.masking import mask_names
from analysis.sentiment.scope import script_reason
from analysis.sentiment.sentences import tone_label
from analysis.sentiment.vader import polarity_scores
from analysis.text.document import Document, TextLike, Texts, as_document, as_documents
from analysis.text.structure import count_words

if TYPE_CHECKING:
    from analysis.actors.overrides import OverridesLike
    from analysis.pipeline import Context
__all__ = [
    "QuoteTone",
    "quote_sentiment_frame",
    "quote_sentiment_rows",
    "score_quotes",
]

#: The columns of ``quote_sentiment`` a :class:`QuoteTone` gives.
TONE_COLUMNS = ("compound", "compound_masked", "pos", "neu", "neg", "tone", "unscored")
#: The columns of ``quote_sentiment`` taken from the quote (a record or a quotes-table row).
QUOTE_COLUMNS = tuple(
    name for name in columns("quote_sentiment") if name != "article_id" and name not in TONE_COLUMNS
)


@dataclass(frozen=True, slots=True)
class QuoteTone:
    """VADER scores of one quote's words, with and without names masked.

    Attributes
    ----------
    quote : int
        Index of the quote among the article's quotes (the quotes table's ``quote``).
    start, end : int
        The quote's span in the article text (as in the quote record).
    n_words : int
        Words in the quoted text.
    compound : float
        NLTK VADER's compound score of the quoted words, unchanged.
    compound_masked : float
        The compound score of the quoted words with names masked.
    pos, neu, neg : float
        VADER's shares of positive, neutral and negative (unmasked).
    tone : str or None
        ``compound_masked`` read with VADER's cut-offs (:func:`tone_label`).
    unscored : str or None
        Why the scores are None (the quoted words are not in Latin script:
        :func:`analysis.sentiment.scope.script_reason`), else None.
    """

    quote: int
    start: int
    end: int
    n_words: int
    compound: float | None
    compound_masked: float | None
    pos: float | None
    neu: float | None
    neg: float | None
    tone: str | None
    unscored: str | None = None


def _character_offsets(text: str, start: int, end: int, words: str) -> list[int | None]:
    """Return, for each character of ``words``, its offset in ``text[start:end]`` (or None).

    ``words`` is the quote's text: ``text[start:end]`` without the outer marks and, for
    a quote over several paragraphs, without the marks and breaks between them. Each
    character is matched to the next equal character of the span, in order.
    """
    offsets: list[int | None] = []
    position = start
    for char in words:
        found = text.find(char, position, end)
        offsets.append(found if found >= 0 else None)
        if found >= 0:
            position = found + 1
    return offsets


def _mentions_in_quote(
    text: str, quote: Quote, mentions: Sequence[ActorMention]
) -> list[ActorMention]:
    """Return the mentions inside the quoted words, with offsets into ``quote.text``."""
    inside = mentions_within(mentions, quote.start, quote.end)
    if not inside:
        return []
    offset = text.find(quote.text, quote.start, quote.end)
    if offset >= 0:  # the quoted words are one stretch of the article (nearly always)
        return [
            dataclasses.replace(m, start=m.start - offset, end=m.end - offset)
            for m in inside
            if offset <= m.start and m.end <= offset + len(quote.text)
        ]
    index = {
        position: i
        for i, position in enumerate(_character_offsets(text, quote.start, quote.end, quote.text))
        if position is not None
    }
    shifted = []
    for m in inside:
        first, last = index.get(m.start), index.get(m.end - 1)
        if first is not None and last is not None and last - first == m.end - 1 - m.start:
            shifted.append(dataclasses.replace(m, start=first, end=last + 1))
    return shifted


def _tone(
    index: int, quote: Quote, masked_mentions: Sequence[ActorMention] | None,
    registry: ActorRegistry | None = None,
) -> QuoteTone:
    """Return the tone of one quote, masking ``masked_mentions`` (offsets into ``quote.text``).

    With ``masked_mentions=None`` the quoted words alone are searched with ``registry``
    (for a quote whose article is not at hand).

    Examples
    --------
    >>> quote = Quote("The Security Council failed us.", 0, 33, "direct")
    >>> tone = _tone(0, quote, [])
    >>> tone.compound, tone.compound_masked, tone.tone
    (-0.2263, -0.5106, 'negative')
    """
    reason = script_reason(quote.text)
    if reason is not None:
        return QuoteTone(index, quote.start, quote.end, count_words(quote.text),
                         None, None, None, None, None, None, reason)
    scores = polarity_scores(quote.text)
    masked = polarity_scores(mask_names(quote.text, registry, mentions=masked_mentions))
    return QuoteTone(
        quote=index,
        start=quote.start,
        end=quote.end,
        n_words=count_words(quote.text),
        compound=scores["compound"],
        compound_masked=masked["compound"],
        pos=scores["pos"],
        neu=scores["neu"],
        neg=scores["neg"],
        tone=tone_label(masked["compound"]),
    )


def score_quotes(
    document: TextLike,
    quotes: Sequence[Quote],
    registry: ActorRegistry | None = None,
    *,
    mentions: Sequence[ActorMention] | None = None,
) -> list[QuoteTone]:
    """Return the VADER tone of every quote's words, with and without names masked.

    Parameters
    ----------
    document : Document, Article or str
        The article the quotes were found in (their offsets index its text).
    quotes : sequence of Quote
        The article's quotes (:func:`analysis.quotes.extract.extract_quotes`), in order:
        the i-th gets ``quote = i``.
    registry : ActorRegistry, optional
        Searched once for the article's actor mentions (dated by its ``published``)
        when ``mentions`` is None; defaults to the shipped registry.
    mentions : sequence of ActorMention, optional
        The article's actor mentions, already found (and corrected): those inside a
        quote's words are masked, and the registry is not searched again.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "“The United Nations Security Council failed us,” she said."
    >>> [(t.quote, t.compound, t.compound_masked) for t in score_quotes(text, extract_quotes(text))]
    [(0, 0.2263, -0.5106)]
    """
    doc = as_document(document)
    if not quotes:
        return []
    if mentions is None:
        mentions = extract_actors(doc, registry)
    mentions = MentionIndex(mentions)  # one bisect per quote, not a pass over every mention
    return [
        _tone(index, quote, _mentions_in_quote(doc.text, quote, mentions))
        for index, quote in enumerate(quotes)
    ]


def _quote_values(quote: Quote | Mapping[str, Any], tone: QuoteTone) -> dict[str, Any]:
    if isinstance(quote, Mapping):
        values = {name: quote[name] for name in QUOTE_COLUMNS if name in quote}
    else:
        values = {name: getattr(quote, name) for name in QUOTE_COLUMNS if hasattr(quote, name)}
    values.setdefault("quote", tone.quote)
    values.setdefault("n_words", tone.n_words)
    values.update({name: getattr(tone, name) for name in TONE_COLUMNS})
    return values


def quote_sentiment_rows(
    doc: Document,
    quotes: Sequence[Quote | Mapping[str, Any]],
    tones: Sequence[QuoteTone],
) -> list[dict[str, Any]]:
    """Return the rows of table ``quote_sentiment``: each quote with its tone (no scoring here).

    Parameters
    ----------
    doc : Document
    quotes : sequence of Quote or of quotes-table rows (mappings)
        The quotes scored, in the order of ``tones``. From a row the quotes table's
        columns are kept (``quote``, ``role``, ``affiliation``, ``n_words`` ...); from a
        record its fields, with ``quote`` and ``n_words`` from the tone.
    tones : sequence of QuoteTone
        :func:`score_quotes` of those quotes.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> doc = as_document("“We value the alliance,” he said.")
    >>> quote = Quote("We value the alliance,", 0, 24, "direct", speaker="he")
    >>> row = quote_sentiment_rows(doc, [quote], score_quotes(doc, [quote]))[0]
    >>> row["article_id"], row["quote"], row["speaker"], row["compound"], row["tone"]
    ('text', 0, 'he', 0.34, 'positive')
    """
    rows = []
    for quote, tone in zip(quotes, tones, strict=True):
        row: dict[str, Any] = {"article_id": doc.article_id}
        row.update(_quote_values(quote, tone))
        rows.append(row)
    return rows


def _as_quote(row: Mapping[str, Any]) -> Quote | None:
    """Return the Quote a quotes-table row stands for; None without usable offsets."""
    if is_missing(row.get("start")) or is_missing(row.get("end")):
        return None
    text = row.get("text")
    return Quote(
        text="" if is_missing(text) else str(text),
        start=int(row["start"]),
        end=int(row["end"]),
        kind=str(row.get("kind")),
    )


def _table_rows(
    rows: list[dict[str, Any]], doc: Document | None, registry: ActorRegistry
) -> list[dict[str, Any]]:
    """Score one article's quotes-table rows (``doc`` None: the article is not at hand)."""
    quotes = [_as_quote(row) for row in rows]
    if doc is not None and all(quote is not None for quote in quotes):
        tones = score_quotes(doc, quotes, registry)  # type: ignore[arg-type]
        return quote_sentiment_rows(doc, rows, tones)
    scored = []
    for index, (row, quote) in enumerate(zip(rows, quotes, strict=True)):
        text = row.get("text")
        quote = quote or Quote("" if is_missing(text) else str(text), 0, 0, str(row.get("kind")))
        values = {"article_id": row.get("article_id")}
        values.update(_quote_values(row, _tone(index, quote, None, registry)))
        scored.append(values)
    return scored


def quote_sentiment_frame(
    articles: Texts,
    registry: ActorRegistry | None = None,
    quotes: pd.DataFrame | None = None,
    overrides: OverridesLike = None,
    *,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return the quotes with the VADER tone of the quoted words (table ``quote_sentiment``).

    ``compound`` scores the quoted words as NLTK's VADER does; ``compound_masked``
    scores them with names masked; ``tone`` reads ``compound_masked`` with VADER's
    cut-offs (the tone of the words, not toward anyone).

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    registry : ActorRegistry, optional
    quotes : DataFrame, optional
        A quotes table already built (e.g. with overrides applied) for these
        articles; built with :func:`analysis.quotes.extract.quotes_frame` when not given.
        Rows whose ``article_id`` is none of ``articles`` are masked by searching the
        quoted words alone.
    overrides : path, sequence of Override, or None
        Researcher corrections, applied when the quotes are extracted here (``quotes`` not
        given): quote corrections and actor-mention corrections (masking, speakers).
    context : Context, optional
        The run's :class:`analysis.pipeline.Context` (registry, taxonomy, corrections,
        settings), instead of the arguments above; this table is then a view of the same
        annotation pass as every other table of that context.

    Examples
    --------
    >>> quotes = pd.DataFrame({"article_id": ["text"], "quote": [0], "kind": ["direct"],
    ...     "start": [0], "end": [24], "text": ["We value the alliance."], "speaker": ["he"]})
    >>> frame = quote_sentiment_frame("“We value the alliance,” he said.", quotes=quotes)
    >>> frame[["quote", "compound", "tone"]].values.tolist()
    [[0, 0.34, 'positive']]
    """
    if quotes is None:
        from analysis.pipeline import Context, frame

        return frame("quote_sentiment", articles,
                     Context.of(registry, overrides=overrides, context=context))
    registry = registry if registry is not None else default_registry()
    documents = list(as_documents(articles))
    by_id: dict[Hashable, Document] = {}
    for doc in documents:
        by_id.setdefault(doc.article_id, doc)
    records = quotes.to_dict("records")
    groups: dict[Hashable, list[int]] = {}
    for position, row in enumerate(records):
        key = row.get("article_id")
        groups.setdefault(None if is_missing(key) else key, []).append(position)
    out: list[dict[str, Any]] = [{} for _ in records]
    for key, positions in groups.items():
        rows = [records[p] for p in positions]
        scored = _table_rows(rows, by_id.get(key) if key is not None else None, registry)
        for position, row in zip(positions, scored, strict=True):
            out[position] = row
    return conform(out, "quote_sentiment")
