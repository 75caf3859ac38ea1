"""Tone: VADER, masking, the target model, sentence, quote and target tables, aggregates."""

from __future__ import annotations

from analysis.sentiment.scores import (
    NEGATIVE_THRESHOLD,
    POSITIVE_THRESHOLD,
    SentenceSentiment,
    TargetMention,
    TargetSentiment,
    UnsupportedLanguageWarning,
    classify_target,
    quote_sentiment_frame,
    score_sentences,
    score_targets,
    sentences_frame,
    target_sentiment_frame,
    tone_arc,
    tone_by_affiliation,
    tone_by_speaker,
    tone_by_target,
    tone_label,
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
    "tone_arc",
    "tone_by_affiliation",
    "tone_by_speaker",
    "tone_by_target",
    "tone_label",
]
