"""One person under two joined titles before a cue: "the senator and former governor said".

The backward reader (:func:`analysis.quotes.phrases.subject_before`) stops at "and"
(two phrases joined by it are read as the last one: "the mayor and the governor said"
gives "the governor"), so a description whose second title has no article of its own
("the independent Maine senator and party candidate told") got no speaker. Two titles
under one article name one person; the whole phrase is the speaker.
"""

from __future__ import annotations

import re

from analysis.quotes.phrase_tokens import Phrase
from analysis.quotes.words import words

__all__ = ["coordinated_title"]

#: Most words of the joined description, article included.
COORDINATED_MAX_WORDS = 11
#: Characters before the cue searched (eleven words fit well inside); a run of words that
#: goes on past them is longer than a description, and reading no farther keeps long
#: stretches without punctuation linear.
COORDINATED_MAX_CHARS = 300

#: Words and spaces right before the cue (no punctuation inside the phrase).
_WORDS_BEFORE = re.compile(r"(?:[\w’'-]+\s+)+$")


def coordinated_title(text: str, start: int, cue_start: int) -> Phrase | None:
    """Return "the X and Y" ending right before ``cue_start`` when X or Y holds a title.

    Examples
    --------
    >>> text = '"No," the independent Maine senator and party candidate told'
    >>> coordinated_title(text, 0, text.index("told")).text
    'the independent Maine senator and party candidate'
    >>> coordinated_title("The mayor and the governor said", 0, 27) is None
    True
    >>> coordinated_title("Lund and Berg said", 0, 14) is None
    True
    """
    window_start = max(start, cue_start - COORDINATED_MAX_CHARS)
    match = _WORDS_BEFORE.search(text, window_start, cue_start)
    if match is None:
        return None
    before = text[window_start - 1] if window_start > start else ""
    if match.start() == window_start and before and (before.isspace() or before.isalnum() or before in "’'-_"):
        return None  # the run of words goes on before the window: no description is this long
    parts = text[match.start() : cue_start].split()
    phrase = [part.lower() for part in parts]
    if phrase[0] != "the" or phrase.count("and") != 1 or len(phrase) > COORDINATED_MAX_WORDS:
        return None  # the article opens the clause: "..., the senator and candidate told"
    joint = phrase.index("and")
    head, tail = phrase[1:joint], phrase[joint + 1 :]
    if not head or not tail or set(tail) & (words("determiner") | words("pronoun")):
        return None
    if not set(phrase) & words("title_word") or set(phrase) & words("between"):
        return None
    end = match.start() + len(text[match.start() : cue_start].rstrip())
    return Phrase(match.start(), end, text[match.start() : end], "description")
