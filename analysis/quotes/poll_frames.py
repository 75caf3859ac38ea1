"""A poll framing its respondents' words: the poll, not "40 percent of voters", is the source.

``In a Harbour Herald poll released Monday, 40 percent of voters said the ferry was
“too slow”``: the cue "said" has the inner subject "voters", a share of the poll's
respondents; what the sentence reports is the poll's finding. The same holds when the
poll is the sentence's subject (``The Herald poll also finds that 40 percent of voters
say ...``). The poll must be named or described ("a Herald poll", "a new survey"): a
bare "the poll" ("In the poll, 21 percent said") and a share spoken of without a poll
("An average of 10 percent of voters said") keep the share's own cue.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from analysis.quotes.context import Attribution, Context, sentence_of
from analysis.quotes.phrases import Phrase
from analysis.quotes.quantified_subjects import SHARE_NUMBER
from analysis.quotes.words import alternation

__all__ = ["poll_source"]

#: Characters before the end of a speaker phrase searched for the share it names
#: ("75 percent of Republicans", "Six in 10 Republicans").
SHARE_WINDOW_CHARS = 80
#: Longest poll phrase (characters) between its article and its noun.
POLL_PHRASE_MAX_CHARS = 80


def poll_source(context: Context, attribution: Attribution) -> Attribution:
    """Return the attribution with the framing poll as its speaker, or it unchanged.

    The speaker must name a share ("31 percent of voters", "Six in 10 Republicans")
    and its sentence open with "In a ... poll," or have a poll as the subject of a
    verb of finding ("The Herald poll also finds"), a word or more written between the
    poll's article and its noun.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = ("In a Harbour Herald poll released Monday, 40 percent of Islanders said "
    ...         "the ferry was “too slow” for commuters.")
    >>> [q.speaker for q in extract_quotes(text)]
    ['a Harbour Herald poll released Monday']
    """
    speaker = attribution.speaker
    if speaker is None:
        return attribution
    text = context.doc.text
    sentence = sentence_of(context, attribution.cue_start)
    if sentence is None or not _names_share(text, speaker, sentence.start):
        return attribution
    frame = _poll_frame(text, sentence.start, speaker.start)
    if frame is None:
        return attribution
    return replace(attribution, speaker=frame, inverted=False, addressee=None)


def _names_share(text: str, speaker: Phrase, sentence_start: int) -> bool:
    """Tell whether the speaker phrase ends a share: a quantity, then words only."""
    window = text[max(sentence_start, speaker.end - SHARE_WINDOW_CHARS) : speaker.end]
    return _share().search(window) is not None


def _poll_frame(text: str, sentence_start: int, before: int) -> Phrase | None:
    """Return the poll phrase opening the sentence ("In a ... poll", "The ... poll finds")."""
    match = _opener().match(text, sentence_start, before) or _subject().match(
        text, sentence_start, before)
    if match is None:
        return None
    start, end = match.span("poll")
    return Phrase(start, end, text[start:end], "description")


@cache
def _share() -> re.Pattern[str]:
    """A share of respondents ending the text: "75 percent of Republicans", "Six in 10 voters"."""
    quantity = rf"(?:\b{SHARE_NUMBER}|\b(?:{alternation('cue_quantity_share')})\b)"  # one share pattern
    return re.compile(rf"{quantity}(?:\s+[\w’'-]+){{0,6}}\s*$", re.IGNORECASE)


@cache
def _opener() -> re.Pattern[str]:
    """A sentence opening "In a/the ... poll ...," (its phrase up to the comma)."""
    return re.compile(
        rf"\s*(?:(?:{alternation('coordinator', capitalised=True)})\s+)?In\s+"
        rf"(?P<poll>(?:an?|the)\s+[^,;:“”\"]{{1,{POLL_PHRASE_MAX_CHARS}}}?\s"
        rf"(?:{alternation('inner_poll_noun')})\b[^,;:“”\"]{{0,{POLL_PHRASE_MAX_CHARS}}}?),")


@cache
def _subject() -> re.Pattern[str]:
    """A sentence whose subject is a poll, before a verb of finding ("The Q poll also finds")."""
    return re.compile(
        rf"\s*(?:(?:{alternation('coordinator', capitalised=True)})\s+)?"
        rf"(?P<poll>(?:[Aa]n?|[Tt]he)\s+[^,;:“”\"]{{1,{POLL_PHRASE_MAX_CHARS}}}?\s"
        rf"(?:{alternation('inner_poll_noun')}))\s+(?:\w+\s+)?"
        rf"(?:{alternation('inner_poll_verb')})\b")
