"""The year of a partnership programme, as a text gives it, and when a text names a new one.

* **Written years.** A year in the words about the programme ("agreed in 2023", "the 2012
  programme") is its year (:func:`text_year`, source ``"text"``); one it runs to ("until
  2026", "through 2026", "2026년까지") is not.
* **Summits.** "adopted in Vilnius" gives the year of that summit (``resources/sectors/
  summits.csv``, each row with its source; source ``"summit"``).
* **Relative years.** "last year", "this year", "next year" (작년, 지난해, 올해, 내년) count
  from the article's publication date (source ``"relative"``); without a date they give
  nothing. The publication year alone never gives a programme's year.
* **Successors.** A programme called "renewed", "next", "future", "revised", "updated" or
  "successor" (차기, 갱신된) is not the one a dataset holds under the same acronym, so its
  year is only what the text gives (:func:`names_successor`).

Words are the named constants below.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from analysis._resources import read_csv_rows
from analysis.text.datelines import MONTH_NAMES, dateline_end

__all__ = [
    "END_YEAR_WORDS",
    "RELATIVE_YEARS",
    "SUCCESSOR_WORDS",
    "TEXT_SOURCES",
    "names_successor",
    "text_year",
]

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")
#: Words before a year that make it the year a programme ends ("runs until 2026").
END_YEAR_WORDS: tuple[str, ...] = ("until", "till", "through", "to", "ends in", "ending in",
                                   "expires in")
# ... and after it, in Korean ("2026년까지")
_END_YEAR_AFTER = re.compile(r"\s*년?\s*까지")
_END_YEAR = re.compile(
    rf"(?<!\w)(?:{'|'.join(END_YEAR_WORDS)})\s+(?:the\s+end\s+of\s+)?"
    rf"(?:(?:{'|'.join(MONTH_NAMES)})\s+)?$",
    re.IGNORECASE,
)
#: Phrases giving a year relative to the publication date, with the offset in years.
RELATIVE_YEARS: tuple[tuple[str, int], ...] = (
    ("last year", -1), ("this year", 0), ("next year", 1),
    ("작년", -1), ("지난해", -1), ("올해", 0), ("내년", 1),
)
#: Words before a programme's name that make it a later programme than the one of that
#: name in the dataset ("the renewed ITPP", "차기 ITPP").
SUCCESSOR_WORDS: tuple[str, ...] = ("renewed", "next", "future", "revised", "updated",
                                    "successor", "follow-on", "차기", "갱신된")
#: The ``year_source`` values that mean the text itself gives the year.
TEXT_SOURCES: tuple[str, ...] = ("text", "summit", "relative")

_SUCCESSOR = re.compile(
    rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in SUCCESSOR_WORDS)})\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


@cache
def _summits() -> tuple[tuple[str, int], ...]:
    return tuple((row["place"], int(row["year"])) for row in read_csv_rows("sectors/summits.csv"))


def text_year(text: str, published: dt.date | None) -> tuple[int | None, str | None]:
    """Return the year a text gives and how: ``"text"``, ``"summit"`` or ``"relative"``.

    Examples
    --------
    >>> text_year("adopted in Vilnius last year", dt.date(2024, 5, 1))
    (2023, 'summit')
    >>> text_year("signed last year", dt.date(2024, 5, 1))
    (2023, 'relative')
    >>> text_year("to be agreed next year", dt.date(2023, 12, 4))
    (2024, 'relative')
    >>> text_year("signed last year", None)
    (None, None)
    >>> text_year("runs until 2026, agreed in 2023", None), text_year("for 2023-2026", None)
    ((2023, 'text'), (2023, 'text'))
    >>> text_year("TOKYO, July 11, 2024 (Kyodo) -- A year after Vilnius, the ITPP ...", None)
    (2023, 'summit')
    """
    for match in _YEAR.finditer(text, dateline_end(text)):
        if not (_END_YEAR.search(text, 0, match.start())
                or _END_YEAR_AFTER.match(text, match.end())):
            return int(match.group(1)), "text"
    for place, year in _summits():
        if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", text):
            return year, "summit"
    if published is not None:
        for phrase, offset in RELATIVE_YEARS:
            if phrase in text:
                return published.year + offset, "relative"
    return None, None


def names_successor(before: str) -> bool:
    """Tell whether the words just before a programme's name make it a later programme.

    Examples
    --------
    >>> names_successor("The renewed "), names_successor("the next tailored ")
    (True, True)
    >>> names_successor("The new "), names_successor("Japan's ")
    (False, False)
    """
    return _SUCCESSOR.search(before) is not None
