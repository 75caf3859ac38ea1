"""The date an article's own text gives at its top: a dateline or a "Published:" line.

An article pasted from a news site into a ``.txt`` file often has no ``published:``
header, yet its first lines say when it was written: a wire dateline ("THE HAGUE,
June 25, 2025 - NATO leaders ...", "SEOUL, 11 July 2023 (Yonhap) --") or the site's
"Published: 12 Jul. 2023, 19:23" line. The speaker resolver needs the date to tell who
held an office ("the NATO chief" in 2025 is Mark Rutte), so a record with no date takes
this one (the loader notes it as ``metadata["published_from"] == "dateline"``).

Korean sites put a labelled date line at the top ("기사입력 2024.11.19. 오전 10:23",
"입력 2024-11-19 10:23", "등록 2024.11.19", :data:`KOREAN_DATE_LABELS`), or the date
alone ("2024년 11월 19일"); both are read, in the forms ``2024.11.19``, ``2024/11/19``,
``2024-11-19`` and ``2024년 11월 19일``.

Only a date at the top counts: on the first lines, alone on its line, after a label
("Published", "Posted", "Date", "Updated", "입력", "등록" ...), or after an upper-case
place name and a comma; a date inside a sentence ("On July 11, 2023, leaders met",
"2024년 11월 19일 열린 회의에서") is an event's date, not the article's, and is never
read. A Korean-form date with no label before it counts only when nothing but a weekday
and a time follows it on its line (:data:`KOREAN_LINE_REST`), since a Korean sentence
often opens with its event's date. A date needs its year.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

__all__ = [
    "DATELINE_SEARCH_CHARS",
    "DATE_LABELS",
    "ENGLISH_LINE_REST",
    "KOREAN_DATE_LABELS",
    "KOREAN_LINE_REST",
    "MONTH_NAMES",
    "REVISION_LABELS",
    "dateline_date",
    "dateline_end",
    "written_date",
]

#: How much of the start of an article is searched for its dateline.
DATELINE_SEARCH_CHARS = 400
#: Years a dateline may give; anything else is a number that looks like a date.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
#: The months' English names, January first (also read by :mod:`analysis.sectors.years`).
MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
_MONTH_NAMES = "|".join((*MONTH_NAMES, "Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                         "Sep", "Oct", "Nov", "Dec"))
#: Labels of a site's date line ("Published: 12 Jul. 2023, 19:23").
DATE_LABELS = ("published", "posted", "date", "updated", "last updated", "first published")
#: Labels of a Korean site's date line ("기사입력 2024.11.19. 오전 10:23", "입력 2024-11-19
#: 10:23", "등록 2024.11.19"): entered, registered, sent, published, revised, approved.
KOREAN_DATE_LABELS = (
    "기사입력", "입력", "입력일", "입력일시", "입력시간", "등록", "등록일", "등록일시",
    "송고", "송고시간", "송고일시", "발행", "발행일", "게재", "게재일", "작성", "작성일",
    "수정", "수정일", "최종수정", "업데이트", "기사승인", "승인",
)
#: Labels of a revision date: read only when the text gives no other date.
REVISION_LABELS = frozenset({"updated", "last updated", "updated on", "last updated on",
                             "수정", "수정일", "최종수정", "업데이트"})
#: What may follow a Korean-form date with no label on its line: a weekday ("(화)",
#: "화요일") and a time ("오전 10:23", "10:23:05", "10시 23분"), nothing else.
KOREAN_LINE_REST = re.compile(
    r"\.?\s*(?:\(\s*[월화수목금토일]\s*\)|[월화수목금토일]요일)?\s*"
    r"(?:(?:오전|오후|AM|PM)\s*)?(?:\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?|\d{1,2}\s*시"
    r"(?:\s*\d{1,2}\s*분)?)?\s*",
    re.IGNORECASE,
)

#: What may follow an English or ISO date with no label on its line: a time ("19:23",
#: "9:30 a.m. EDT", "T09:30:00Z"), nothing else.
ENGLISH_LINE_REST = re.compile(
    r"(?:,?\s*(?:at\s+)?T?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:Z|[A-Z]{2,4}|[+-]\d{2}:?\d{2})?)?\s*\.?\s*",
    re.IGNORECASE,
)
#: What may follow a dateline's date: a news agency in parentheses, then a dash.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:-{1,2}|—|–)\s*")


@cache
def _date_pattern() -> re.Pattern[str]:
    month = rf"(?P<month>{_MONTH_NAMES})\.?"
    month_first = rf"{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
    day = r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
    month2 = rf"(?P<month2>{_MONTH_NAMES})\.?"
    day_first = rf"{day}\s+{month2},?\s+(?P<year2>\d{{4}})"
    iso = r"(?P<year3>\d{4})-(?P<month3>\d{2})-(?P<day3>\d{2})"
    korean = (r"(?P<year4>\d{4})\s*년\s*(?P<month4>\d{1,2})\s*월\s*(?P<day4>\d{1,2})\s*일"
              r"|(?P<year5>\d{4})(?P<sep>[./])(?P<month5>\d{1,2})(?P=sep)(?P<day5>\d{1,2})")
    weekday = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    # no letter or digit of the Latin script right before ("입력2024.11.19" is a date)
    return re.compile(rf"(?<![A-Za-z0-9]){weekday}(?:{month_first}|{day_first}|{iso}|{korean})\b",
                      re.IGNORECASE)


@cache
def _label_pattern() -> re.Pattern[str]:
    """A date line's label: "Published:", "Posted on", "Updated".."""
    labels = "|".join(re.escape(label) for label in sorted(
        (*DATE_LABELS, *KOREAN_DATE_LABELS), key=len, reverse=True))
    return re.compile(rf"(?:{labels})(?:\s+(?:on|at))?\s*:?", re.IGNORECASE)


#: A dateline's place before the date: "THE HAGUE,", "VILNIUS, Lithuania -" (upper case).
_PLACE = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z.](?:\s*,\s*[A-Z][\w.'’ -]*?)?\s*[,—–-]")


def _as_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    numeric = next((n for n in "345" if groups[f"year{n}"]), None)
    if numeric:
        year, month, day = (int(groups[f"{part}{numeric}"]) for part in ("year", "month", "day"))
    else:
        word = (groups["month"] or groups["month2"]).lower()
        month = _MONTHS[word[:4] if word.startswith("sept") else word[:3]]
        year, day = int(groups["year"] or groups["year2"]), int(groups["day"] or groups["day2"])
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _opens_line(text: str, line_start: int, match: re.Match[str]) -> bool:
    """Tell whether only a label or a place name stands before the date on its line.

    A Korean-form date with nothing before it must also end its line (but for a weekday
    and a time, :data:`KOREAN_LINE_REST`): "2024년 11월 19일 열린 회의" is a sentence.
    """
    before = text[line_start:match.start()].strip()
    if before:
        return (_label_pattern().fullmatch(before) is not None
                or _PLACE.fullmatch(before) is not None)
    line_end = text.find("\n", match.end())
    rest = text[match.end():line_end if line_end >= 0 else len(text)]
    if _only_time_after(match, rest):
        return True
    # "July 11, 2023, leaders met ..." opens a sentence; "July 11, 2023 -- Leaders" is a
    # dateline (not for a Korean-form date: "2024년 11월 19일 열린 회의" is a sentence)
    korean = bool(match.group("year4") or match.group("year5"))
    return not korean and _DATELINE_TAIL.match(rest) is not None


def _only_time_after(match: re.Match[str], rest: str) -> bool:
    """Tell whether ``rest``, after the date ``match``, holds only a weekday or a time."""
    korean = match.group("year4") or match.group("year5")
    return (KOREAN_LINE_REST if korean else ENGLISH_LINE_REST).fullmatch(rest) is not None


def dateline_date(text: str) -> dt.date | None:
    """Return the date at the top of an article's text, or None.

    Parameters
    ----------
    text : str
        The article's body.

    Examples
    --------
    >>> dateline_date("THE HAGUE, June 25, 2025 - NATO leaders agreed ...")
    datetime.date(2025, 6, 25)
    >>> dateline_date("Published: 12 Jul. 2023, 19:23\\n\\nPresident Yoon ...")
    datetime.date(2023, 7, 12)
    >>> dateline_date("On July 11, 2023, the leaders met in Vilnius.") is None
    True
    >>> dateline_date("SEOUL, July 11 (Yonhap) -- ...") is None   # no year
    True
    >>> dateline_date("기사입력 2024.11.19. 오전 10:23\\n\\n(서울=연합뉴스) 국방부는 ...")
    datetime.date(2024, 11, 19)
    >>> dateline_date("2024년 11월 19일 열린 회의에서 장관은 ...") is None   # a sentence
    True
    """
    head = text[:DATELINE_SEARCH_CHARS]
    revised = None  # a revision date ("Updated: ...") counts only when no other is given
    for match in _date_pattern().finditer(head):
        line_start = head.rfind("\n", 0, match.start()) + 1
        if not _opens_line(head, line_start, match):
            continue
        found = _as_date(match)
        if found is None:
            continue
        label = head[line_start:match.start()].strip(" :").lower()
        if label in REVISION_LABELS:
            revised = revised or found
            continue
        return found
    return revised



def dateline_end(text: str) -> int:
    """Return where a dateline that opens ``text`` ends ("SEOUL, July 11, 2024 (Yonhap) -- "), else 0.

    Its year is the day of the report, not a year the sentence gives (a programme
    "adopted a year ago" is not the dateline's).

    Examples
    --------
    >>> text = "WASHINGTON, July 11, 2024 (Kyodo) -- Japan said ..."
    >>> text[dateline_end(text):]
    'Japan said ...'
    >>> dateline_end("In July 11, 2024 talks, Japan said ...")
    0
    """
    for match in _date_pattern().finditer(text, 0, DATELINE_SEARCH_CHARS):
        if "\n" in text[:match.start()] or not _PLACE.fullmatch(text[:match.start()].strip()):
            return 0
        tail = _DATELINE_TAIL.match(text, match.end())
        return tail.end() if tail is not None else 0
    return 0


def written_date(value: str) -> dt.date | None:
    """Return the date a header value writes in words or digits, else None.

    The ``published:`` field of a ``.txt`` header as a site prints it ("12 Jul. 2023,
    19:23", "July 11, 2023", "2024.11.19. 오전 10:23"), not only as YYYY-MM-DD.

    Examples
    --------
    >>> written_date("12 Jul. 2023, 19:23"), written_date("2024.11.19. 오전 10:23")
    (datetime.date(2023, 7, 12), datetime.date(2024, 11, 19))
    >>> written_date("sometime in July") is None
    True
    """
    text = value.strip()
    match = _date_pattern().match(text)
    if match is None:
        return None
    return _as_date(match) if _only_time_after(match, text[match.end():]) else None
