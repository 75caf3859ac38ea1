"""Where a partial quote's content ends: words after the quote that are no part of it.

Two forms end the reported clause right at the closing mark (PolNeAR annotates the
clause up to the quote and no further):

- the medium or occasion of the speech ("... “abhorrent” in a tweet Sunday", "“kept us
  safe” on Twitter", "“pray for him” in response"): how the speaker said it, not what;
- the speaker's next act, a gerund after "before" or "after" ("“...” before walking
  out");
- the main clause after an introductory clause that holds the quote, its comma inside
  the marks ("While Kim called the plan “reckless,” Lund stood by it"): the quote
  ended the clause, and a name or a number opening the next words is its subject.

:func:`ends_at_quote` tells whether one of them follows; the word lists are
``medium_noun``, ``medium_channel``, ``occasion_phrase`` and ``next_act_lead`` in
``resources/quotes/quote_words.csv``.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.words import alternation

__all__ = ["ends_at_quote"]

#: Words allowed between "in"/"on" and the medium noun ("in an interview", "in a
#: HuffPost blog", "on his weekly radio show").
MEDIUM_MAX_WORDS = 4


def ends_at_quote(text: str, quote_start: int, quote_end: int, end: int) -> bool:
    """Tell whether the content of the quote at ``text[quote_start:quote_end]`` ends there.

    ``end`` is where the content would end otherwise; the words between the quote and
    it open a medium or occasion phrase, or (after a comma inside the marks of a quote
    that starts in lower case) a main clause with a capitalised or numeric subject.

    Examples
    --------
    >>> text = "Ruiz called the ruling “shameful” in a statement Friday."
    >>> ends_at_quote(text, text.index("“"), text.index(" in"), len(text) - 1)
    True
    >>> text = "While Ruiz called it “shameful,” Dale praised it."
    >>> ends_at_quote(text, text.index("“"), text.index(" Dale"), len(text) - 1)
    True
    >>> text = "Ruiz said the ruling was “shameful” for the town."
    >>> ends_at_quote(text, text.index("“"), text.index(" for"), len(text) - 1)
    False
    """
    if end <= quote_end:
        return False
    if _occasion().match(text, quote_end, end):
        return True
    quoted = text[quote_start:quote_end].rstrip("”\"’'")
    return (quoted.endswith(",") and text[quote_start + 1 : quote_start + 2].islower()
            and _MAIN_SUBJECT.match(text, quote_end, end) is not None)


#: A capitalised word or a number right after the quote: the subject of a main clause.
_MAIN_SUBJECT = re.compile(r"\s+(?:[A-Z][a-z]|\d)")


@cache
def _occasion() -> re.Pattern[str]:
    """A medium or occasion phrase right after the quote (a comma allowed before it)."""
    noun = alternation("medium_noun")
    channel = alternation("medium_channel", capitalised=True)
    phrase = alternation("occasion_phrase")
    lead = alternation("next_act_lead")
    medium = (rf"(?:in|on)\s+(?:[\w’'.-]+\s+){{0,{MEDIUM_MAX_WORDS}}}?(?:{noun})s?\b"
              rf"|on\s+(?:{channel})\b|(?:{phrase})\b|(?:{lead})\s+[a-z]{{2,}}ing\b")
    return re.compile(rf",?\s+(?:{medium})")
