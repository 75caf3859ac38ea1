"""A number standing alone for the people just named: "the two write", "all three said".

News copy names two or three people and then goes on with "the two" or "all three" as
the subject of a speech verb. The numbers are the ``group_numeral`` list of
``resources/quotes/quote_words.csv``; the words that must come right before one are
:data:`GROUP_NUMERAL_OPENERS`.
"""

from __future__ import annotations

from analysis.quotes.words import words

__all__ = ["GROUP_NUMERAL_OPENERS", "is_group_numeral"]

#: The words before a number that make it a plural speaker ("the two write", "all three said").
GROUP_NUMERAL_OPENERS = frozenset({"the", "all"})


def is_group_numeral(previous: str, word: str) -> bool:
    """Tell whether ``word`` after ``previous`` is a number standing for people ("the two").

    Examples
    --------
    >>> is_group_numeral("the", "two"), is_group_numeral("All", "three")
    (True, True)
    >>> is_group_numeral("two", "ferries"), is_group_numeral("of", "two")
    (False, False)
    """
    return word.lower() in words("group_numeral") and previous.lower() in GROUP_NUMERAL_OPENERS
