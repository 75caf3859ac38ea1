"""Speech cues inside another cue's reported clause: the outer cue keeps the quote.

``Ada Lund said in her remarks that the plan should restate the “firm commitment”``:
"restate" is a cue with its own subject ("the plan"), but it stands inside the clause
that "said" reports, introduced by its complementizer "that". The quoted words belong
to what Lund said, so the outer cue's speaker is the quote's. The same holds when the
inner cue opens a relative clause of that reported clause (``Lund recalled that the
voters, who wondered if “...”``).

A pronoun or name opening the clause right after the outer cue is decided elsewhere
(:func:`analysis.quotes.attribution._reporting_cue`); here the inner speaker stands
further inside a clause that a "that" opens.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.context import THAT_MAX_GAP, WORDS, Attribution
from analysis.quotes.cues import ACCORDING_TO
from analysis.quotes.words import alternation, words

__all__ = ["outer_reporting_cue"]

#: Longest stretch (characters) from the outer cue's "that" to the inner speaker.
INNER_MAX_CHARS = 200
#: Longest addressee between an outer cue and its "that" ("told the committee's members that").
ADDRESSEE_MAX_CHARS = 100
#: Farthest an outer cue may end before the inner speaker: cues farther back are not read,
#: which keeps a sentence with many quotes and cues linear.
OUTER_REACH_CHARS = ADDRESSEE_MAX_CHARS + THAT_MAX_GAP + INNER_MAX_CHARS


def outer_reporting_cue(text: str, sentence_start: int, cues: list[Attribution],
                        chosen: Attribution) -> Attribution:
    """Return the speech cue whose "that" clause holds ``chosen``'s speaker, else ``chosen``.

    ``cues`` are the cues before the quote in its sentence (which starts at
    ``sentence_start``), in text order, ``chosen`` among them. The first (outermost) cue
    that qualifies wins: a verb of saying with a speaker of its own, ending before the
    inner speaker, whose "that" opens a clause running on to that speaker with no break
    (";", ":", a quotation mark, a sentence end, a comma before "but" or "while")
    between. ``chosen`` stays when its speaker is a pronoun other than "who" (left to
    :func:`analysis.quotes.attribution._reporting_cue`) or when a colon or comma and the
    quote follow it ("to which Berg replied: “...”"); an outer cue inside a fronted
    adverbial clause ("After Lund said that ..., Kim wrote") reports nothing past that
    clause's comma.

    Examples
    --------
    >>> from analysis.quotes.phrases import Phrase
    >>> text = "Lund said in her remarks that the plan should restate the “firm commitment”"
    >>> outer = Attribution(5, 9, "said", "say", True, Phrase(0, 4, "Lund", "name"),
    ...                     None, False, 0)
    >>> inner = Attribution(46, 53, "restate", "restate", True,
    ...                     Phrase(30, 38, "the plan", "description"), None, False, 0)
    >>> outer_reporting_cue(text, 0, [outer, inner], inner).cue
    'said'
    """
    speaker = chosen.speaker
    if speaker is None or (speaker.kind == "pronoun" and speaker.text.lower() != "who"):
        return chosen
    if _introduces(text, chosen):
        return chosen  # "..., to which Berg replied: “...”": the cue hands the quote to Berg
    fronted = _fronted(text, sentence_start)
    for outer in cues:
        if (outer is chosen or outer.cue_end > speaker.start
                or speaker.start - outer.cue_end > OUTER_REACH_CHARS):
            continue
        if fronted and "," in text[outer.cue_end : speaker.start]:
            continue
        if _reports_clause_holding(text, outer, speaker.start):
            return outer
    return chosen


def _introduces(text: str, cue: Attribution) -> bool:
    """Tell whether a quote opens right after the cue (or its addressee) and a colon or comma.

    ``she heard Berg tell a colleague, “...”``: the inner cue introduces the quote itself.
    """
    end = cue.addressee.end if cue.addressee is not None else cue.cue_end
    return _introduced().match(text, end) is not None


def _fronted(text: str, sentence_start: int) -> bool:
    """Tell whether the sentence opens with a subordinator ("After ...", "Although ...")."""
    first = WORDS.match(text, sentence_start)
    return first is not None and first.group().lower() in (words("fronted_subordinator")
                                                                | words("inner_fronted"))


def _reports_clause_holding(text: str, outer: Attribution, inner_start: int) -> bool:
    """Tell whether ``outer`` is a speech cue whose "that" clause runs on to ``inner_start``."""
    if not outer.speech or outer.speaker is None or outer.lemma == ACCORDING_TO or outer.inverted:
        return False
    start = outer.addressee.end if outer.addressee is not None else outer.cue_end
    that = _that_after().match(text, start, inner_start + 1)
    if that is None:
        return False
    clause = text[that.end() : inner_start]
    return len(clause) <= INNER_MAX_CHARS and not _break().search(clause + " ")


@cache
def _introduced() -> re.Pattern[str]:
    """A colon or comma and then an opening quotation mark."""
    return re.compile(r"\s*[:,]\s*[“\"]")


@cache
def _that_after() -> re.Pattern[str]:
    """The complementizer "that" after a cue, a comma allowed after it ("that, because")."""
    return re.compile(rf"(?:[^,.;:“”\"]{{0,{THAT_MAX_GAP}}}?\s)?that,?\s+", re.IGNORECASE)


@cache
def _break() -> re.Pattern[str]:
    """A mark that ends the reported clause before the inner speaker.

    A semicolon, colon, quotation mark or sentence end, or a comma before a contrasting
    conjunction ("X said that A, while Y said"): the next clause is not the outer cue's.
    """
    return re.compile(rf"[;:“”\"]|[.!?]\s|,\s+(?:{alternation('inner_contrast')})\s")
