"""The speaker of a passive speech verb: the agent after "by" ("was asked by host Ann Berg").

"Lund was asked by host Ann Berg, “...”", "the plan has been called a “trap” by critics":
the subject of a passive cue is spoken to or spoken of, and the speaker is the noun phrase
after "by" (a quoted term may stand between the verb and "by"). :func:`passive_agent`
finds it; a passive cue without "by" is left to the other rules.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.heads import forward_head
from analysis.quotes.phrases import Phrase, noun_phrase_after
from analysis.quotes.speaker_phrase import is_subject_phrase
from analysis.quotes.words import alternation

__all__ = ["passive_agent"]

#: Characters before a cue searched for the form of "be" that makes it passive.
PASSIVE_WINDOW = 40
#: Most characters of a quoted term between a passive cue and its "by" ("called a “trap” by").
TERM_MAX_CHARS = 120


def passive_agent(text: str, cue_start: int, cue_end: int, sentence_end: int) -> Phrase | None:
    """Return the agent of a passive speech cue ("asked by Berg"), or None when it is not one.

    Examples
    --------
    >>> text = "Lund was asked by host Ann Berg whether the fares would rise."
    >>> passive_agent(text, 9, 14, len(text)).text
    'host Ann Berg'
    >>> text = "The levy has been called a “harbour tax” by critics."
    >>> passive_agent(text, 18, 24, len(text)).text
    'critics'
    >>> text = "Lund asked by phone whether the fares would rise."
    >>> passive_agent(text, 5, 10, len(text)) is None
    True
    """
    if _be_before().search(text, max(0, cue_start - PASSIVE_WINDOW), cue_start) is None:
        return None
    by = _by_after().match(text, cue_end, sentence_end)
    if by is None:
        return None
    agent = forward_head(text, noun_phrase_after(text, by.end(), sentence_end, titles=True),
                         sentence_end)
    return agent if agent is not None and is_subject_phrase(agent.text) else None


@cache
def _be_before() -> re.Pattern[str]:
    """A form of "be", or the comma of a reduced relative, right before a cue (one adverb between).

    "was asked", "been widely called", ", often labeled".
    """
    adverb = rf"(?:[a-z]+ly|{alternation('passive_adverb')})"
    return re.compile(rf"(?:\b(?:{alternation('passive_be')})|,)\s+(?:{adverb}\s+)?$", re.IGNORECASE)


@cache
def _by_after() -> re.Pattern[str]:
    """ "by" after a cue, past "as" and a quoted term: "called “X” by", "labeled as a “X” by"."""
    term = rf"(?:(?:a|an|the)\s+)?[“\"][^”\"]{{1,{TERM_MAX_CHARS}}}[”\"]\s*,?\s*"
    return re.compile(rf"\s*(?:as\s+)?(?:{term})?by\s+(?=\S)")
