"""Speech cues: the package's one speech-verb list, ``resources/quotes/speech_verbs.csv``.

Each row is a verb (or "according to") with its forms and how news copy uses it: whether
it takes an addressee ("told Yoon"), is a verb of saying or reports speech only next to a
quotation ("called it"), puts its speaker after it ("said Kim"), and reports a clause
without "that" ("said he would"). The same file's ``after_question`` column is read by
sentence segmentation (:mod:`analysis.text.document`); rows whose ``strength`` is
"none" are there for that column only and are not cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analysis._resources import read_csv_rows

__all__ = ["ACCORDING_TO", "GO_ON", "Cue", "bare_clause_lemmas", "cue_pattern", "cues"]

#: The lemma of the prepositional cue "according to X" (its speaker follows it).
ACCORDING_TO = "according to"
#: The lemma of "goes on" / "went on", a cue only when speech follows ("went on, “...”").
GO_ON = "go on"
#: ``strength`` of a row that is not a speech cue (listed for segmentation only).
_NOT_A_CUE = "none"


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue: its lemma, whether it takes an addressee, is a verb of saying, inverts."""

    lemma: str
    addressee: bool
    speech: bool
    inverts: bool = False


@cache
def cues() -> dict[str, Cue]:
    """Return every cue form (as written, e.g. "told") mapped to its :class:`Cue`.

    A form listed in two rows keeps the first row's cue.

    Examples
    --------
    >>> cues()["told"]
    Cue(lemma='tell', addressee=True, speech=True, inverts=False)
    >>> cues()["according to"].lemma
    'according to'
    >>> "began" in cues()  # listed for sentence segmentation only
    False
    """
    table: dict[str, Cue] = {}
    for row in _rows():
        if row["strength"] == _NOT_A_CUE:
            continue
        cue = Cue(row["lemma"], row["addressee"] == "yes", row["strength"] == "speech",
                  row.get("inverts") == "yes")
        for form in row["forms"].split("|"):
            table.setdefault(form.strip(), cue)
    return table


@cache
def bare_clause_lemmas() -> frozenset[str]:
    """Return the lemmas that report a clause without "that" ("Kim said he would ...").

    Examples
    --------
    >>> "say" in bare_clause_lemmas(), "call" in bare_clause_lemmas()
    (True, False)
    """
    return frozenset(row["lemma"] for row in _rows() if row["bare_clause"] == "yes")


@cache
def cue_pattern() -> re.Pattern[str]:
    """Return one compiled pattern matching any cue form as a whole word, longest first.

    Examples
    --------
    >>> cue_pattern().search("Kim pointed  out that").group()
    'pointed  out'
    """
    forms = sorted(cues(), key=len, reverse=True)
    alternation = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    return re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w’'-])")


@cache
def _rows() -> tuple[dict[str, str], ...]:
    return tuple(read_csv_rows("quotes/speech_verbs.csv"))
