"""The registry mention that heads a speaker phrase, and so gives it its actor.

:func:`head_mention` is the one place a quote's speaker phrase meets the article's actor
mentions (:func:`analysis.actors.mentions.extract_actors`): a phrase takes the actor of
the mention it ends with, unless that mention is part of a longer name or a complement.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from analysis.actors.registry import ActorMention, strip_titles
from analysis.quotes.words import leading_stops

__all__ = ["head_mention"]

#: Characters that may follow a head mention inside its phrase (a closing mark, a dot).
_AFTER_HEAD = re.compile(r"[^\w]*")
#: A capitalised name word right before a mention, in the same name ("Melania Trump"); a
#: possessive is no part of the name ("North Korea's Korean Central News Agency").
_GLUED_NAME = re.compile(r"(?<![\w’'.-])([A-Z][\w’'-]*[a-z][\w’'-]*)(?<![’']s)(?<!s[’']) $")
#: "of" (and an article) right before a mention: a complement ("the head of NATO").
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def head_mention(
    text: str, mentions: Sequence[ActorMention], start: int, end: int,
    starts: Sequence[int] | None = None,
) -> ActorMention | None:
    """Return the actor mention that heads the phrase ``text[start:end]``, else None.

    ``mentions`` are in text order (``starts``, when given, are their start offsets,
    computed once per article by the caller). The head is the last mention that starts inside the
    phrase when no word of the phrase follows it (a mention followed by more words is a
    modifier: "NATO" in "the NATO chief"), and when it is not part of a longer name the
    registry does not hold:

    * a one-word person mention glued to a capitalised name word that is neither a
      title nor a sentence opener is a surname of someone else ("Trump" in "Melania
      Trump"; but "Obama" heads "Pres. Obama", "Kim" heads "first lady Kim", "Trump"
      heads "When Trump", and "Hillary Clinton" heads "Democrat Hillary Clinton");
    * an organisation or country mention right after a capitalised name word or after
      "of" is the tail of another organisation's name or a complement ("Republican
      Party" in "the South Carolina Republican Party", "America" in "the president of
      the Communications Workers of America").

    Examples
    --------
    >>> from analysis.actors.registry import ActorMention
    >>> text = "NATO chief Jens Stoltenberg said"
    >>> found = [ActorMention(0, 4, "NATO", "NATO", "organisation"),
    ...          ActorMention(11, 27, "Jens Stoltenberg", "Jens Stoltenberg", "person")]
    >>> head_mention(text, found, 0, 27).actor
    'Jens Stoltenberg'
    >>> head_mention(text, found, 0, 10) is None  # "NATO chief": NATO is a modifier
    True
    >>> text = "Melania Trump said"
    >>> head_mention(text, [ActorMention(8, 13, "Trump", "Donald Trump", "person")], 0, 13) is None
    True
    """
    if starts is None:
        starts = [mention.start for mention in mentions]
    index = bisect_left(starts, end) - 1
    if index < 0 or mentions[index].end <= start:
        return None
    last = mentions[index]  # the last mention that starts inside the phrase
    if not _AFTER_HEAD.fullmatch(text, min(last.end, end), end):
        return None
    lead = text[start : max(start, last.start)]
    if last.kind == "person":
        glued = " " not in last.text and _glued_name(lead)
        if glued and strip_titles(text[start : last.end]) != last.text:
            return None
    elif _glued_name(lead) or _OF_BEFORE.search(lead):
        return None
    return last


def _glued_name(lead: str) -> bool:
    """Tell whether ``lead`` ends with a capitalised name word ("Melania ", not "When ")."""
    match = _GLUED_NAME.search(lead)
    return match is not None and match.group(1).lower() not in leading_stops()
