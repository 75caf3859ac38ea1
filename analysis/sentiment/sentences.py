"""Sentence tone: VADER on every sentence, with and without names masked (table ``sentences``).

NLTK's VADER (Hutto and Gilbert, ICWSM 2014) runs on every sentence, offline with the
shipped lexicon (:mod:`analysis.sentiment.vader`). ``compound`` is exactly NLTK's;
``compound_masked`` scores the same sentence with actor and organisation names masked
(:mod:`analysis.sentiment.masking`), so "United Nations Security Council" adds no warmth
of its own. VADER was built for social media: on news it agrees with human raters only
moderately (r = 0.49 on New York Times sentences in its own paper) and reaches macro F1
0.50 on NewsMTSC dev-rw; read it as a baseline.

The actor names masked are the article's actor mentions
(:func:`analysis.actors.mentions.extract_actors`): those passed in (``mentions=``, the pipeline's
dated and corrected mentions), else the registry searched once, dated by the article's
``published``, so masking agrees with the ``actors`` table.
"""

from __future__ import annotations

import string
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.actors.mentions import extract_actors
from analysis.actors.registry import ActorMention, ActorRegistry
from analysis.sentiment.masking import NameSpan, mask_spans, name_spans
from analysis.sentiment.scope import article_reason, script_reason
from analysis.sentiment.vader import polarity_scores, vader_vocabulary
from analysis.text.document import Document, Sentence, TextLike, Texts, as_document
from analysis.text.english import NotEnglishWarning, is_english, warn_not_english
from analysis.text.structure import count_words

if TYPE_CHECKING:
    from analysis.actors.overrides import OverridesLike
    from analysis.pipeline import Context
__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "SentenceSentiment",
    "UnsupportedLanguageWarning",
    "score_sentences",
    "sentence_rows",
    "sentences_frame",
    "tone_label",
    "warn_english_only",
]

#: VADER's own cut-offs for calling a compound score positive or negative.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

#: What the not-English warning says is English-only.
ENGLISH_ONLY = "VADER and the target model are English-only"

#: The name this warning had before it was shared by every extractor.
UnsupportedLanguageWarning = NotEnglishWarning



@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    """VADER scores of one sentence, with and without names masked.

    Attributes
    ----------
    sentence, paragraph : int
        Indices in the article, from 0.
    start, end : int
        Offsets of the sentence in the article text.
    text : str
    n_words : int
    compound : float or None
        NLTK VADER's compound score, unchanged; None for an article not in English.
    compound_masked : float or None
        The compound score of the sentence with names masked.
    pos, neu, neg : float or None
        VADER's shares of positive, neutral and negative (unmasked).
    unscored : str or None
        Why the scores are None (the article, or this sentence, is not English:
        :mod:`analysis.sentiment.scope`), else None. VADER would give such a sentence
        0.0, which reads as neutral.
    """

    sentence: int
    paragraph: int
    start: int
    end: int
    text: str
    n_words: int
    compound: float | None
    compound_masked: float | None
    pos: float | None
    neu: float | None
    neg: float | None
    unscored: str | None = None


def tone_label(compound: float | None) -> str | None:
    """Return VADER's reading of a compound score: positive, negative or neutral.

    Examples
    --------
    >>> [tone_label(x) for x in (0.6, 0.05, 0.0, -0.05, None)]
    ['positive', 'positive', 'neutral', 'negative', None]
    """
    if compound is None or pd.isna(compound):
        return None
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def warn_english_only(doc: Document, what: str) -> None:
    """Warn that ``doc`` is not English: ``what`` was done instead (VADER reads English only)."""
    warn_not_english(doc, f"{what} ({ENGLISH_ONLY})", stacklevel=4)


def _unscored_record(doc: Document, sentence: Sentence, reason: str) -> SentenceSentiment:
    text = sentence.slice(doc.text)
    return SentenceSentiment(
        sentence.index, sentence.paragraph, sentence.start, sentence.end, text,
        count_words(text), None, None, None, None, None, reason,
    )


def _spans_within(
    spans: Sequence[NameSpan], starts: Sequence[int], sentence: Sentence
) -> list[NameSpan]:
    """Return the name spans overlapping ``sentence`` (spans sorted, not overlapping)."""
    within = []
    for index in range(max(0, bisect_left(starts, sentence.start) - 1), len(spans)):
        span = spans[index]
        if span.start >= sentence.end:
            break
        if span.end > sentence.start:
            within.append(span)
    return within


_TOKEN_PUNCTUATION = string.punctuation + "“”‘’"


def _vader_word(token: str) -> bool:
    lower = token.lower()
    return "n't" in lower or lower.strip(_TOKEN_PUNCTUATION) in vader_vocabulary()


def _masking_may_change(text: str, sentence: Sentence, spans: Sequence[NameSpan]) -> bool:
    """Tell whether masking ``spans`` can change VADER's score of ``sentence``.

    Masking replaces words one for one with a placeholder VADER ignores, so the score
    can change only if a masked whitespace token is one VADER reacts to, or if the
    sentence holds an all-caps VADER word (whose emphasis depends on how many other
    words are in capitals). Otherwise the masked score is the unmasked one and VADER
    is not run twice.
    """
    for span in spans:
        left = text.rfind(" ", sentence.start, max(span.start, sentence.start)) + 1
        right = text.find(" ", min(span.end, sentence.end), sentence.end)
        fragment = text[max(left, sentence.start) : right if right >= 0 else sentence.end]
        if any(_vader_word(token) for token in fragment.split()):
            return True
    return any(token.isupper() and _vader_word(token) for token in sentence.slice(text).split())


def _sentence_record(
    doc: Document, sentence: Sentence, spans: Sequence[NameSpan]
) -> SentenceSentiment:
    text = sentence.slice(doc.text)
    reason = script_reason(text)
    if reason is not None:
        return _unscored_record(doc, sentence, reason)
    scores = polarity_scores(text)
    masked_compound = scores["compound"]
    if spans and _masking_may_change(doc.text, sentence, spans):
        masked = mask_spans(doc.text, spans, sentence.start, sentence.end)
        masked_compound = polarity_scores(masked)["compound"]
    return SentenceSentiment(
        sentence=sentence.index,
        paragraph=sentence.paragraph,
        start=sentence.start,
        end=sentence.end,
        text=text,
        n_words=count_words(text),
        compound=scores["compound"],
        compound_masked=masked_compound,
        pos=scores["pos"],
        neu=scores["neu"],
        neg=scores["neg"],
    )


def score_sentences(
    document: TextLike,
    registry: ActorRegistry | None = None,
    *,
    mentions: Sequence[ActorMention] | None = None,
) -> list[SentenceSentiment]:
    """Return VADER scores of every sentence, with and without names masked.

    Names are found once for the whole article (:func:`analysis.sentiment.masking.name_spans`);
    VADER runs once per sentence, and once more on the masked sentence only when a
    masked word is one VADER reacts to (otherwise the masked score is the same).

    Parameters
    ----------
    document : str, Article or Document
    registry : ActorRegistry, optional
        Searched for the actor names to mask (besides capitalised multi-word names),
        dated by the article's ``published``; defaults to the shipped registry. Not
        used when ``mentions`` is given.
    mentions : sequence of ActorMention, optional
        The article's actor mentions, already found (and corrected): masked as they
        are, and the registry is not searched again.

    Examples
    --------
    >>> records = score_sentences("The United Nations Security Council met. The talks failed.")
    >>> [(r.sentence, r.compound, r.compound_masked) for r in records]
    [(0, 0.6369, 0.0), (1, -0.5106, -0.5106)]

    An article in another language keeps its sentences but gets no scores (and an
    :class:`UnsupportedLanguageWarning`), rather than VADER's meaningless zeros; so does
    a sentence in another script inside an English article (a Hangul sentence), and
    ``unscored`` says why:

    >>> text = "The allies met in Vilnius on Tuesday and signed the programme. 좋은 회의였다."
    >>> [(r.compound, r.unscored) for r in score_sentences(text)]
    [(0.0, None), (None, 'sentence not English (Hangul script)')]
    """
    doc = as_document(document)
    if not is_english(doc):
        warn_english_only(doc, "sentences listed without scores")
        reason = article_reason(doc.article.language)
        return [_unscored_record(doc, sentence, reason) for sentence in doc.sentences]
    if mentions is None:
        mentions = extract_actors(doc, registry)
    spans = name_spans(doc.text, mentions=mentions)
    starts = [span.start for span in spans]
    return [
        _sentence_record(doc, sentence, _spans_within(spans, starts, sentence))
        for sentence in doc.sentences
    ]


def sentence_rows(doc: Document, records: Sequence[SentenceSentiment]) -> list[dict[str, Any]]:
    """Return the rows of table ``sentences`` for one article's records (no scoring here).

    Examples
    --------
    >>> doc = as_document("Good news.")
    >>> sentence_rows(doc, score_sentences(doc))[0]["compound"]
    0.4404
    """
    rows = []
    for record in records:
        row: dict[str, Any] = {"article_id": doc.article_id}
        row.update({name: getattr(record, name) for name in SentenceSentiment.__slots__})
        rows.append(row)
    return rows


def sentences_frame(
    articles: Texts,
    registry: ActorRegistry | None = None,
    overrides: OverridesLike = None,
    *,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return the ``sentences`` table: one row per sentence with its VADER scores.

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    registry : ActorRegistry, optional
        Whose names to mask (default: the shipped registry).
    overrides : path, sequence of Override, or None
        Researcher corrections (:mod:`analysis.actors.overrides`); those of actor mentions
        (``what = actors``) reach this table too.
    context : Context, optional
        The run's :class:`analysis.pipeline.Context` (registry, taxonomy, corrections,
        settings), instead of the arguments above; this table is then a view of the same
        annotation pass as every other table of that context.

    Examples
    --------
    >>> frame = sentences_frame("NATO is a valued partner. The war goes on.")
    >>> frame[["sentence", "start", "end", "compound", "compound_masked"]].values.tolist()
    [[0, 0, 25, 0.4404, 0.4404], [1, 26, 42, -0.5994, -0.5994]]
    """
    from analysis.pipeline import Context, frame

    return frame("sentences", articles, Context.of(registry, overrides=overrides, context=context))

