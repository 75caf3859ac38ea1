"""The tone tables' old home, kept so existing imports work: new code imports the modules.

The former ``scores`` module now lives in four, one concern each:

* :mod:`analysis.sentiment.sentences`: sentence tone (table ``sentences``), thresholds;
* :mod:`analysis.sentiment.quote_tone`: quote tone (table ``quote_sentiment``);
* :mod:`analysis.sentiment.targets`: target tone (table ``targets``);
* :mod:`analysis.sentiment.aggregates`: tone by speaker, affiliation, target; tone arc.
"""

from __future__ import annotations

from analysis.sentiment.aggregates import (
    tone_arc,
    tone_by_affiliation,
    tone_by_speaker,
    tone_by_target,
)
from analysis.sentiment.model import TargetSentiment, classify_target
from analysis.sentiment.quote_tone import quote_sentiment_frame
from analysis.sentiment.sentences import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    SentenceSentiment,
    UnsupportedLanguageWarning,
    score_sentences,
    sentences_frame,
    tone_label,
)
from analysis.sentiment.targets import (
    TargetMention,
    score_targets,
    target_sentiment_frame,
    targets_frame,
)

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
    "targets_frame",
    "tone_arc",
    "tone_by_affiliation",
    "tone_by_speaker",
    "tone_by_target",
    "tone_label",
]
