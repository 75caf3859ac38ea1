"""Tone: of every sentence, of what each speaker said, and toward each actor.

Three measures, from weakest to strongest claim:

* **Sentence tone**: NLTK's VADER (Hutto and Gilbert, ICWSM 2014) on every sentence,
  offline with the shipped lexicon (:mod:`analysis.sentiment.vader`). ``compound`` is exactly
  NLTK's; ``compound_masked`` scores the same sentence with actor and organisation
  names masked (:mod:`analysis.sentiment.masking`), so "United Nations Security Council" adds no
  warmth of its own. VADER was built for social media: on news it agrees with human
  raters only moderately (r = 0.49 on New York Times sentences in its own paper) and
  reaches macro F1 0.50 on NewsMTSC dev-rw; read it as a baseline.
* **Quote tone**: the quoted words scored the same way, joined onto the quotes table
  (:func:`quote_sentiment_frame`).
* **Target tone**: the tone of a sentence *toward* one mention (of an actor, a country
  or a string you give), by :func:`analysis.sentiment.model.classify_target`, trained and measured
  on NewsMTSC (:func:`target_sentiment_frame`).

Aggregates (:func:`tone_by_speaker`, :func:`tone_by_affiliation`,
:func:`tone_by_target`) report n and a seeded bootstrap 95% interval per group
(:mod:`analysis.sentiment.uncertainty`); groups with fewer than five values say "small n".
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from analysis.schemas import conform
from analysis.sentiment.masking import NameSpan, mask_names, mask_spans, name_spans
from analysis.sentiment.model import TargetSentiment, classify_target
from analysis.sentiment.uncertainty import aggregate_tone
from analysis.sentiment.vader import analyzer, polarity_scores
from analysis.text.articles import Article
from analysis.text.document import Document, Sentence, as_document, as_documents
from analysis.text.english import NotEnglishWarning, is_english, warn_not_english
from analysis.text.structure import count_words

if TYPE_CHECKING:
    from analysis.actors.registry import ActorRegistry

__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "SentenceSentiment",
    "TargetMention",
    "TargetSentiment",
    "UnsupportedLanguageWarning",
    "classify_target",
    "quote_sentiment_frame",
    "score_sentences",
    "score_targets",
    "sentences_frame",
    "target_sentiment_frame",
    "tone_arc",
    "tone_by_affiliation",
    "tone_by_speaker",
    "tone_by_target",
    "tone_label",
]

#: VADER's own cut-offs for calling a compound score positive or negative.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

Articles = str | Article | Document | Iterable[str | Article | Document]


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


@dataclass(frozen=True, slots=True)
class TargetMention:
    """The tone of a sentence toward one mention of a target.

    Attributes
    ----------
    target : str
        Canonical actor name, or the target string asked for.
    kind : str
        ``person``, ``organisation``, ``country`` or ``target`` (a given string).
    mention : str
        The mention as written; ``start``/``end`` are its offsets in the article.
    sentence, sentence_start, sentence_end : int
        The sentence scored (its index and offsets).
    sentiment : TargetSentiment
        The classifier's label, score and probabilities.
    """

    target: str
    kind: str
    mention: str
    start: int
    end: int
    sentence: int
    sentence_start: int
    sentence_end: int
    sentiment: TargetSentiment


#: The name this warning had before it was shared by every extractor.
UnsupportedLanguageWarning = NotEnglishWarning

def _warn_not_english(doc: Document, what: str) -> None:
    warn_not_english(doc, f"{what} (VADER and the target model are English-only)", stacklevel=4)


def _unscored_record(doc: Document, sentence: Sentence) -> SentenceSentiment:
    text = sentence.slice(doc.text)
    return SentenceSentiment(
        sentence.index, sentence.paragraph, sentence.start, sentence.end, text,
        count_words(text), None, None, None, None, None,
    )


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

def _resolve_registry(registry: ActorRegistry | None) -> ActorRegistry | None:
    if registry is not None:
        return registry
    try:
        from analysis.actors.registry import default_registry
    except ImportError:  # actors are optional for sentence scores
        return None
    return default_registry()


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


@cache
def _vader_vocabulary() -> frozenset[str]:
    """Lower-case words whose presence or position can change a VADER score.

    Lexicon, booster and negation words, the words of VADER's idioms, and the words
    its rules look for ("but", "kind of", "at least", "never so").
    """
    from nltk.sentiment.vader import VaderConstants

    words = set(analyzer().lexicon)
    words.update(VaderConstants.BOOSTER_DICT, VaderConstants.NEGATE)
    for idiom in VaderConstants.SPECIAL_CASE_IDIOMS:
        words.update(idiom.split())
    words.update(("but", "kind", "of", "least", "at", "very", "never", "so", "this", "no"))
    return frozenset(words)


_TOKEN_PUNCTUATION = string.punctuation + "“”‘’"


def _vader_word(token: str) -> bool:
    lower = token.lower()
    return "n't" in lower or lower.strip(_TOKEN_PUNCTUATION) in _vader_vocabulary()


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
    document: str | Article | Document, registry: ActorRegistry | None = None
) -> list[SentenceSentiment]:
    """Return VADER scores of every sentence, with and without names masked.

    Names are found once for the whole article (:func:`analysis.sentiment.masking.name_spans`);
    VADER runs once per sentence, and once more on the masked sentence only when a
    masked word is one VADER reacts to (otherwise the masked score is the same).

    Parameters
    ----------
    document : str, Article or Document
    registry : ActorRegistry, optional
        Whose names to mask besides capitalised multi-word names; defaults to the
        shipped registry.

    Examples
    --------
    >>> records = score_sentences("The United Nations Security Council met. The talks failed.")
    >>> [(r.sentence, r.compound, r.compound_masked) for r in records]
    [(0, 0.6369, 0.0), (1, -0.5106, -0.5106)]

    An article in another language keeps its sentences but gets no scores (and an
    :class:`UnsupportedLanguageWarning`), rather than VADER's meaningless zeros.
    """
    doc = as_document(document)
    if not is_english(doc):
        _warn_not_english(doc, "sentences listed without scores")
        return [_unscored_record(doc, sentence) for sentence in doc.sentences]
    spans = name_spans(doc.text, _resolve_registry(registry))
    starts = [span.start for span in spans]
    return [
        _sentence_record(doc, sentence, _spans_within(spans, starts, sentence))
        for sentence in doc.sentences
    ]


def sentences_frame(articles: Articles, registry: ActorRegistry | None = None) -> pd.DataFrame:
    """Return the ``sentences`` table: one row per sentence with its VADER scores.

    Examples
    --------
    >>> frame = sentences_frame("NATO is a valued partner. The war goes on.")
    >>> frame[["sentence", "start", "end", "compound", "compound_masked"]].values.tolist()
    [[0, 0, 25, 0.4404, 0.4404], [1, 26, 42, -0.5994, -0.5994]]
    """
    registry = _resolve_registry(registry)
    rows = []
    for doc in as_documents(articles):
        for record in score_sentences(doc, registry):
            row = {"article_id": doc.article_id}
            row.update({name: getattr(record, name) for name in SentenceSentiment.__slots__})
            rows.append(row)
    return conform(rows, "sentences")


# --- quotes -------------------------------------------------------------------------


def quote_sentiment_frame(
    articles: Articles,
    registry: ActorRegistry | None = None,
    quotes: pd.DataFrame | None = None,
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

    Examples
    --------
    >>> quotes = pd.DataFrame({"article_id": ["text"], "quote": [0], "kind": ["direct"],
    ...     "start": [0], "end": [24], "text": ["We value the alliance."], "speaker": ["he"]})
    >>> frame = quote_sentiment_frame("“We value the alliance,” he said.", quotes=quotes)
    >>> frame[["quote", "compound", "tone"]].values.tolist()
    [[0, 0.34, 'positive']]
    """
    registry = _resolve_registry(registry)
    if quotes is None:
        from analysis.quotes.extract import quotes_frame

        quotes = quotes_frame(list(as_documents(articles)), registry)
    frame = quotes.copy()
    texts = frame["text"].fillna("").astype(str).tolist() if "text" in frame else []
    scores = [polarity_scores(text) for text in texts]
    masked = [polarity_scores(mask_names(text, registry))["compound"] for text in texts]
    for name in ("compound", "pos", "neu", "neg"):
        frame[name] = [score[name] for score in scores]
    frame["compound_masked"] = masked
    frame["tone"] = [tone_label(value) for value in masked]
    if "n_words" not in frame:
        frame["n_words"] = [count_words(text) for text in texts]
    return conform(frame, "quote_sentiment")


# --- targets ------------------------------------------------------------------------


def _literal_mentions(text: str, target: str) -> Iterator[tuple[int, int]]:
    pattern = re.compile(rf"(?<!\w){re.escape(target)}(?!\w)")
    for match in pattern.finditer(text):
        yield match.start(), match.end()


def _longest_first(found: Iterable[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Keep the longest of overlapping mentions ("North Korea" over its "Korea")."""
    kept: list[tuple[int, int, str, str]] = []
    for mention in sorted(set(found), key=lambda m: (m[0], m[0] - m[1], m[2])):
        if kept and mention[0] < kept[-1][1]:
            continue
        kept.append(mention)
    return kept


def _target_spans(
    doc: Document, targets: Sequence[str] | None, registry: ActorRegistry | None
) -> list[tuple[int, int, str, str]]:
    """Return ``(start, end, target, kind)`` of every mention to score, in text order."""
    mentions = registry.find_mentions(doc.text) if registry is not None else []
    if targets is None:
        return [(m.start, m.end, m.actor, m.kind) for m in mentions]
    found: list[tuple[int, int, str, str]] = []
    for target in targets:
        actor = registry.get(target) if registry is not None else None
        if actor is not None:
            found += [(m.start, m.end, target, actor.kind) for m in mentions if m.actor == actor.name]
        else:
            found += [(s, e, target, "target") for s, e in _literal_mentions(doc.text, target)]
    return _longest_first(found)


def score_targets(
    document: str | Article | Document,
    targets: Sequence[str] | None = None,
    registry: ActorRegistry | None = None,
) -> list[TargetMention]:
    """Return the tone of its sentence toward every mention of a target.

    Parameters
    ----------
    document : str, Article or Document
    targets : list of str, optional
        What to look for. ``None``: every actor and country the registry finds. A
        string the registry knows (a name or alias) stands for all mentions of that
        actor ("North Korea" also finds "DPRK" if the registry lists it), reported
        under the string given; any other string is matched literally, word-bounded
        and case-sensitive. Of overlapping mentions the longest is kept ("North
        Korea" is not also a mention of "Korea").
    registry : ActorRegistry, optional

    Examples
    --------
    >>> text = "Critics blasted Acme Corp for the failed plan. Acme thanked Acme Corp."
    >>> found = score_targets(text, ["Acme", "Acme Corp"])
    >>> [(m.target, m.start, m.sentence) for m in found]
    [('Acme Corp', 16, 0), ('Acme', 47, 1), ('Acme Corp', 60, 1)]
    """
    doc = as_document(document)
    if not is_english(doc):
        _warn_not_english(doc, "no targets scored")
        return []
    registry = _resolve_registry(registry)
    records = []
    for start, end, target, kind in _target_spans(doc, targets, registry):
        sentence = doc.sentence_at(start)
        if sentence is None or end > sentence.end:
            continue
        sentiment = classify_target(
            sentence.slice(doc.text), start - sentence.start, end - sentence.start
        )
        records.append(
            TargetMention(
                target=target,
                kind=kind,
                mention=doc.text[start:end],
                start=start,
                end=end,
                sentence=sentence.index,
                sentence_start=sentence.start,
                sentence_end=sentence.end,
                sentiment=sentiment,
            )
        )
    return records


def target_sentiment_frame(
    articles: Articles,
    targets: Sequence[str] | None = None,
    registry: ActorRegistry | None = None,
) -> pd.DataFrame:
    """Return the ``targets`` table: one row per scored mention (see :func:`score_targets`).

    Examples
    --------
    >>> frame = target_sentiment_frame("Critics blasted Acme Corp for the failed plan.",
    ...                                targets=["Acme Corp"])
    >>> frame[["target", "kind", "start", "end", "sentence_start", "sentence_end"]].values.tolist()
    [['Acme Corp', 'target', 16, 25, 0, 46]]
    >>> frame["label"].isin(["negative", "neutral", "positive"]).all()
    np.True_
    """
    registry = _resolve_registry(registry)
    rows = []
    for doc in as_documents(articles):
        for record in score_targets(doc, targets, registry):
            neg, neu, pos = record.sentiment.probabilities
            rows.append(
                {
                    "article_id": doc.article_id,
                    "target": record.target,
                    "kind": record.kind,
                    "mention": record.mention,
                    "start": record.start,
                    "end": record.end,
                    "sentence": record.sentence,
                    "sentence_start": record.sentence_start,
                    "sentence_end": record.sentence_end,
                    "label": record.sentiment.label,
                    "score": record.sentiment.score,
                    "p_negative": neg,
                    "p_neutral": neu,
                    "p_positive": pos,
                }
            )
    return conform(rows, "targets")


# --- aggregates ---------------------------------------------------------------------


def tone_by_speaker(
    quote_sentiment: pd.DataFrame,
    value: str = "compound_masked",
    kinds: Sequence[str] = ("direct", "partial", "indirect"),
    min_n: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    """Return the mean tone of each speaker's quotes, with n and a bootstrap 95% interval.

    Speakers are canonical actors; an unresolved speaker is shown as the mention with
    "(unresolved)" (see :func:`analysis.quotes.speakers.speaker_label`). Only speech kinds
    count.

    Parameters
    ----------
    quote_sentiment : DataFrame
        The table of :func:`quote_sentiment_frame`.
    value : str
        Which score to average: ``compound_masked`` (default) or ``compound``.

    Examples
    --------
    >>> quotes = pd.DataFrame({"kind": ["direct"] * 3, "actor": ["Jens Stoltenberg"] * 2 + [None],
    ...     "speaker": ["Stoltenberg", "he", "an official"], "compound_masked": [0.5, 0.3, -0.2]})
    >>> tone_by_speaker(quotes)[["speaker", "n", "mean", "note"]].astype(object).values.tolist()
    [['Jens Stoltenberg', 2, 0.4, 'small n'], ['an official (unresolved)', 1, -0.2, 'small n']]
    """
    from analysis.quotes.speakers import speaker_label

    speech = quote_sentiment[quote_sentiment["kind"].isin(kinds)]
    frame = pd.DataFrame(
        {
            "speaker": [
                speaker_label(actor, speaker)
                for actor, speaker in zip(speech["actor"], speech["speaker"], strict=True)
            ],
            value: speech[value].to_numpy(),
        }
    )
    return aggregate_tone(frame, "speaker", value, min_n=min_n, seed=seed)


def tone_by_affiliation(
    quote_sentiment: pd.DataFrame,
    value: str = "compound_masked",
    kinds: Sequence[str] = ("direct", "partial", "indirect"),
    min_n: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    """Return the mean tone of quotes per speaker affiliation, with n and an interval.

    Quotes whose speaker has no known affiliation are left out.

    Examples
    --------
    >>> quotes = pd.DataFrame({"kind": ["direct", "direct"], "affiliation": ["NATO", "NATO"],
    ...                        "compound_masked": [0.5, 0.3]})
    >>> tone_by_affiliation(quotes)[["affiliation", "n", "mean"]].values.tolist()
    [['NATO', 2, 0.4]]
    """
    speech = quote_sentiment[quote_sentiment["kind"].isin(kinds)]
    return aggregate_tone(speech, "affiliation", value, min_n=min_n, seed=seed)


def tone_by_target(
    targets: pd.DataFrame, value: str = "score", min_n: int = 5, seed: int = 0
) -> pd.DataFrame:
    """Return the mean tone toward each target, with n and a bootstrap 95% interval.

    Parameters
    ----------
    targets : DataFrame
        The table of :func:`target_sentiment_frame`.
    value : str
        ``score`` (P(positive) - P(negative), default).

    Examples
    --------
    >>> targets = pd.DataFrame({"target": ["NATO"] * 5 + ["Russia"],
    ...                         "score": [0.2, 0.4, 0.1, 0.3, 0.5, -0.6]})
    >>> tone_by_target(targets)[["target", "n", "note"]].astype(object).values.tolist()
    [['NATO', 5, <NA>], ['Russia', 1, 'small n']]
    """
    return aggregate_tone(targets, "target", value, min_n=min_n, seed=seed)


def tone_arc(
    document: str | Article | Document,
    quotes: pd.DataFrame | None = None,
    registry: ActorRegistry | None = None,
) -> pd.DataFrame:
    """Return the tone of each sentence in article order, with the sentences quoting speech.

    Columns: ``sentence``, ``position`` (sentence start / text length, 0 to 1),
    ``compound``, ``compound_masked``, ``quoted`` (True when a speech quote overlaps
    the sentence), ``start``, ``end``.

    Parameters
    ----------
    document : str, Article or Document
    quotes : DataFrame, optional
        The article's quotes table (``kind``, ``start``, ``end``); built with
        :func:`analysis.quotes.extract.quotes_frame` when not given.

    Examples
    --------
    >>> quotes = pd.DataFrame({"kind": ["direct"], "start": [10], "end": [30]})
    >>> arc = tone_arc("NATO met. “We value the alliance,” he said.", quotes=quotes)
    >>> arc[["sentence", "quoted", "compound"]].values.tolist()
    [[0, False, 0.0], [1, True, 0.34]]
    """
    doc = as_document(document)
    registry = _resolve_registry(registry)
    if quotes is None:
        from analysis.quotes.extract import quotes_frame

        quotes = quotes_frame(doc, registry)
    speech = quotes[quotes["kind"].isin(("direct", "partial", "indirect"))]
    spans = list(zip(speech["start"].astype(int), speech["end"].astype(int), strict=True))
    records = score_sentences(doc, registry)
    length = max(len(doc.text), 1)
    frame = pd.DataFrame(
        {
            "sentence": [r.sentence for r in records],
            "position": [r.start / length for r in records],
            "compound": [r.compound for r in records],
            "compound_masked": [r.compound_masked for r in records],
            "quoted": [any(s < r.end and e > r.start for s, e in spans) for r in records],
            "start": [r.start for r in records],
            "end": [r.end for r in records],
        }
    )
    return frame.astype(
        {
            "sentence": "Int64",
            "position": "Float64",
            "compound": "Float64",
            "compound_masked": "Float64",
            "quoted": "boolean",
            "start": "Int64",
            "end": "Int64",
        }
    )
