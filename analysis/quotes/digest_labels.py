"""Speakers of excerpts in a news digest: "HEADLINE - Author: “...”" and "More from X: “...”".

Round-ups of other outlets' pieces print each excerpt after a short headline, a dash and
the author or outlet, then a colon: ``Turnout fell in the north - Ana Lind and Per Ek:
“Fewer voters came out ...”``; a second excerpt of the same piece reads ``More from
Lind: “...”`` or ``From the report: “...”``. The name between the dash (or "from") and
the colon is the speaker; the headline's subject ("Turnout") is not. Only capitalised
names (joined by "and" at most once) follow a dash; after "from" a short "the N"
phrase is taken too.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.context import Attribution, Context, Found
from analysis.quotes.phrases import Phrase

__all__ = ["digest_source"]

#: Most characters between the start of the quote's line and the quote.
LINE_MAX_CHARS = 300
_WORD = r"[A-Z][\w’'.\-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_NAMES = rf"{_NAME}(?:\s+(?:and|&)\s+{_NAME})?"
_DESCRIPTION = r"the\s+[a-z]+(?:\s+[a-z]+)?"


@cache
def _digest_label() -> re.Pattern[str]:
    """A dash or "(More) from" (after a sentence end), a name, a colon, then the quote."""
    return re.compile(
        rf"(?:\s[-–—]\s*(?:More\s+from\s+)?(?P<name>{_NAMES})"
        rf"|(?:^|[.!?]\s+|\s[-–—]\s*)(?:More\s+from|From)\s+(?P<from>{_NAMES}|{_DESCRIPTION}))"
        r"\s*:\s*$",
        re.MULTILINE,
    )


def digest_source(context: Context, item: Found) -> Attribution | None:
    """Return the author or outlet a digest label names right before a quote, or None.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Turnout fell in the north - Ana Lind and Per Ek: “Fewer voters came out.”"
    >>> [q.speaker for q in extract_quotes(text)]
    ['Ana Lind and Per Ek']
    """
    text = context.doc.text
    start = item.marked.start if item.marked is not None else item.start
    line_start = max(text.rfind("\n", 0, start) + 1, start - LINE_MAX_CHARS)
    match = _digest_label().search(text, line_start, start)
    if match is None:
        return None
    group = "name" if match.group("name") is not None else "from"
    name_start, name_end = match.span(group)
    name = text[name_start:name_end]
    kind = "name" if name[0].isupper() else "description"
    speaker = Phrase(name_start, name_end, name, kind)
    sentence = context.doc.sentence_at(name_start)
    index = sentence.index if sentence is not None else item.sentence
    return Attribution(name_start, name_start, "", "", False, speaker, None, False, index)
