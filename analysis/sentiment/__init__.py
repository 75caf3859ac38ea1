"""Tone: VADER, masking, the target model, sentence, quote and target tables, aggregates.

Modules, one concern each:

* :mod:`~analysis.sentiment.vader`: NLTK's VADER, offline and faster, same scores;
* :mod:`~analysis.sentiment.masking`: actor and organisation names masked before VADER;
* :mod:`~analysis.sentiment.scope`: the input contract (one English sentence is scored;
  other scripts and languages are listed unscored, with a reason);
* :mod:`~analysis.sentiment.sentences`: sentence tone, table ``sentences``;
* :mod:`~analysis.sentiment.quote_tone`: quote tone, table ``quote_sentiment``;
* :mod:`~analysis.sentiment.targets`: tone toward each mention, table ``targets``;
* :mod:`~analysis.sentiment.features`, :mod:`~analysis.sentiment.roles`,
  :mod:`~analysis.sentiment.model`: the target model's features (and the target's role
  toward each evaluative word) and inference; :mod:`~analysis.sentiment.training` and
  :mod:`~analysis.sentiment.calibration`: its training and calibration (temperature and
  a top-label confidence map);
* :mod:`~analysis.sentiment.tone_summary`, :mod:`~analysis.sentiment.aggregates`,
  :mod:`~analysis.sentiment.uncertainty`: tone per speaker, affiliation and target
  (averaged class probabilities and label shares, never a thresholded mean) with
  bootstrap intervals; the tone arc.
"""

from __future__ import annotations

from analysis.sentiment.aggregates import (
    tone_arc,
    tone_by_affiliation,
    tone_by_speaker,
    tone_by_target,
)
from analysis.sentiment.model import TargetSentiment, classify_target
from analysis.sentiment.quote_tone import (
    QuoteTone,
    quote_sentiment_frame,
    quote_sentiment_rows,
    score_quotes,
)
from analysis.sentiment.sentences import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    SentenceSentiment,
    UnsupportedLanguageWarning,
    score_sentences,
    sentence_rows,
    sentences_frame,
    tone_label,
)
from analysis.sentiment.targets import (
    TargetMention,
    score_targets,
    target_rows,
    target_sentiment_frame,
    targets_frame,
)

__all__ = [
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "QuoteTone",
    "SentenceSentiment",
    "TargetMention",
    "TargetSentiment",
    "UnsupportedLanguageWarning",
    "classify_target",
    "quote_sentiment_frame",
    "quote_sentiment_rows",
    "score_quotes",
    "score_sentences",
    "score_targets",
    "sentence_rows",
    "sentences_frame",
    "target_rows",
    "target_sentiment_frame",
    "targets_frame",
    "tone_arc",
    "tone_by_affiliation",
    "tone_by_speaker",
    "tone_by_target",
    "tone_label",
]
