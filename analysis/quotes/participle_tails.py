"""A participle cue after a comma that goes on with the speaker: ", adding that ...".

"Marles said the talks were useful, adding that Canberra would host the next round"
reports two clauses of one speaker: the one after "said", which ends at the comma, and
the one after "adding that". "“...,” Marles said, adding that ..." reports the second
after a quote, and "Ishiba said Japan would work ..., adding: “...”" reports the first
before a quote that "adding" introduces. A participle cue is read this way only right
after a comma; it reports a clause of its own only with "that" right after it (a bare
"saying" is often a document's: "a statement saying ...").

Both tests read the few characters around the cue, never the whole sentence.
"""

from __future__ import annotations

import re

from analysis.quotes.context import Attribution

__all__ = ["clause_before_participle", "participle_with_that"]

#: Characters before a participle cue read for its comma.
COMMA_WINDOW = 4
#: Fewest words of a clause cut at the participle ("said Thursday night, suggesting that"
#: leaves a time phrase, no clause).
CUT_CLAUSE_MIN_WORDS = 3

_THAT_NEXT = re.compile(r"\s*that\s", re.IGNORECASE)
_COLON_OR_END = re.compile(r"\s*(?:[:,]\s*)?$")


def _after_comma(text: str, cue_start: int) -> int | None:
    """The offset of the comma right before a cue at ``cue_start`` (spaces between), or None."""
    window = text[max(0, cue_start - COMMA_WINDOW):cue_start]
    stripped = window.rstrip()
    if not stripped.endswith(","):
        return None
    return cue_start - len(window) + len(stripped) - 1


def _is_participle(attribution: Attribution) -> bool:
    return attribution.cue.endswith("ing") and " " not in attribution.cue


def participle_with_that(text: str, attribution: Attribution) -> bool:
    """Whether a participle cue after a comma reports a "that" clause (", adding that ...").

    Examples
    --------
    >>> from analysis.quotes.context import Attribution
    >>> text = "Lund said no, adding that talks would resume."
    >>> at = text.index("adding")
    >>> cue = Attribution(at, at + 6, "adding", "add", True, None, None, False, 0)
    >>> participle_with_that(text, cue)
    True
    """
    return (_is_participle(attribution) and _after_comma(text, attribution.cue_start) is not None
            and _THAT_NEXT.match(text, attribution.cue_end) is not None)


def clause_before_participle(
    text: str, start: int, region_end: int, attributions: list[Attribution]
) -> tuple[int, bool] | None:
    """Return where a reported clause from ``start`` ends before ", adding ..." in its region.

    None when no participle follows; ``start`` itself (an empty clause) when fewer
    than :data:`CUT_CLAUSE_MIN_WORDS` words come before it. The second value tells
    whether the participle closes the region (", adding:" before the quote it
    introduces), so the clause may end before a quote mark.

    Examples
    --------
    >>> from analysis.quotes.context import Attribution
    >>> text = "Lund said talks were over, adding that they would resume."
    >>> at = text.index("adding")
    >>> cue = Attribution(at, at + 6, "adding", "add", True, None, None, False, 0)
    >>> clause_before_participle(text, 10, len(text), [cue])  # the comma after "over"
    (25, False)
    >>> text = "Lund said Thursday night, adding that they would resume."
    >>> at = text.index("adding")
    >>> cue = Attribution(at, at + 6, "adding", "add", True, None, None, False, 0)
    >>> clause_before_participle(text, 10, len(text), [cue])  # empty: no clause
    (10, False)
    """
    for attribution in attributions:
        if not (start < attribution.cue_start < region_end) or not _is_participle(attribution):
            continue
        comma = _after_comma(text, attribution.cue_start)
        if comma is None or comma <= start:
            continue
        closes = _COLON_OR_END.match(text[attribution.cue_end:region_end]) is not None
        if not (closes or participle_with_that(text, attribution)):
            continue
        if len(text[start:comma].split()) < CUT_CLAUSE_MIN_WORDS:
            return start, closes  # "said Thursday night, suggesting that ...": no clause
        return comma, closes
    return None
