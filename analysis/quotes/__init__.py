"""Quotes: marks, cues, speakers, resolution to actors, content spans and tables."""

from __future__ import annotations

from analysis.quotes.extract import (
    KINDS,
    SPEECH_KINDS,
    NotEnglishWarning,
    Quote,
    addressees_frame,
    extract_quotes,
    quotes_frame,
    speakers_frame,
)
from analysis.quotes.speakers import (
    NON_SPEECH_KINDS,
    UNRESOLVED_COLOUR,
    highlight_quotes_html,
    okabe_ito,
    positions_frame,
    speaker_colours,
    speaker_label,
)

__all__ = [
    "KINDS",
    "NON_SPEECH_KINDS",
    "SPEECH_KINDS",
    "UNRESOLVED_COLOUR",
    "NotEnglishWarning",
    "Quote",
    "addressees_frame",
    "extract_quotes",
    "highlight_quotes_html",
    "okabe_ito",
    "positions_frame",
    "quotes_frame",
    "speaker_colours",
    "speaker_label",
    "speakers_frame",
]
