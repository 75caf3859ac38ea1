"""Indirect speech: the clause a speech cue reports when no quotation mark holds it.

"X stressed that CLAUSE", "X said he would ..." (a verb whose ``bare_clause`` is "yes"
in ``resources/quotes/speech_verbs.csv``), "CLAUSE, X added.", "CLAUSE, said X." and
"According to X, CLAUSE." Only cues with a speaker, of saying (not "weak"), and not
already taken by a marked quote give indirect speech; a participle ("saying") does only
right after a comma and before "that" (", adding that ...", and then the clause of the
cue before it ends at that comma: :mod:`analysis.quotes.participle_tails`). A clause
without "that" may open with a quantifier ("said several allies had ...",
:mod:`analysis.quotes.verb_led_clauses`).
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.context import THAT_AFTER, Attribution, Context, Found, regions, skip_space
from analysis.quotes.cues import ACCORDING_TO, bare_clause_lemmas
from analysis.quotes.participle_tails import clause_before_participle, participle_with_that
from analysis.quotes.verb_led_clauses import quantified_clause
from analysis.quotes.words import alternation
from analysis.text.document import Sentence

__all__ = ["indirect_speech"]

#: Most words after the speaker of a fronted clause ("CLAUSE, X added on Tuesday.").
TAIL_MAX_WORDS = 7
#: A fronted clause must be longer than this many characters.
FRONTED_MIN_CHARS = 10
#: Shortest reported clause, in characters.
CLAUSE_MIN_CHARS = 8


def indirect_speech(context: Context, found: list[Found]) -> list[Found]:
    """Return the reported speech of the speech cues no marked quote took (kind "indirect")."""
    used = {id(item.attribution) for item in found if item.attribution is not None}
    used -= context.shared
    doc = context.doc
    text = doc.text
    result: list[Found] = []
    for sentence in doc.sentences:
        outside = regions(context, sentence)
        for attribution in context.attributions.get(sentence.index, []):
            if id(attribution) in used or attribution.speaker is None or not attribution.speech:
                continue
            if attribution.cue.endswith("ing") and attribution.lemma != ACCORDING_TO \
                    and not participle_with_that(text, attribution):
                continue  # ", adding that ..." reports a clause; other participles do not
            region = next((r for r in outside if r[0] <= attribution.cue_start < r[1]), None)
            if region is None:
                continue
            span = _reported_clause(text, sentence, region, attribution,
                                    context.attributions.get(sentence.index, []))
            if span is None:
                continue
            start, end = span
            result.append(
                Found(start, end, "indirect", text[start:end], sentence.index,
                       sentence.paragraph, attribution)
            )
    return result


@cache
def _clause_start() -> re.Pattern[str]:
    """The start of a clause reported without "that": a pronoun, a determiner, a capital."""
    return re.compile(rf"^(?:(?:{alternation('clause_opener')})\b|[A-Z])")


@cache
def _adjunct_start() -> re.Pattern[str]:
    """A preposition right after a cue: an adjunct ("said in a statement"), not a clause."""
    return re.compile(rf"(?:{alternation('adjunct_opener')}) ")


def _reported_clause(
    text: str, sentence: Sentence, region: tuple[int, int], attribution: Attribution,
    others: list[Attribution],
) -> tuple[int, int] | None:
    region_start, region_end = region
    speaker = attribution.speaker
    assert speaker is not None
    # "CLAUSE, X added." / "CLAUSE, said X." / "CLAUSE, according to X."
    lead = min(attribution.cue_start, speaker.start)
    head = text[region_start:lead].rstrip()
    tail_end = max(attribution.cue_end, speaker.end)
    rest = text[tail_end:region_end]
    if head.endswith(",") and region_end == sentence.end and len(rest.split()) <= TAIL_MAX_WORDS \
            and " that " not in f" {rest} ":
        start = skip_space(text, region_start)
        end = region_start + len(head) - 1
        if region_start == sentence.start and end - start > FRONTED_MIN_CHARS:
            return start, end
    # "According to X, CLAUSE."
    if attribution.lemma == ACCORDING_TO and text[region_start:attribution.cue_start].strip() == "":
        comma = text.find(",", speaker.end, region_end)
        if comma > 0 and region_end == sentence.end:
            return _trim_clause(text, comma + 1, region_end)
        return None
    if attribution.inverted:
        return None
    # "X stressed (on Tuesday) that CLAUSE." / "X said he would ..."
    position = skip_space(text, attribution.cue_end)
    if attribution.addressee is not None:
        position = skip_space(text, attribution.addressee.end)
    # "X said CLAUSE, adding that ..." / "X said CLAUSE, adding: “...”": the clause ends there
    before_participle = clause_before_participle(text, position, region_end, others)
    if before_participle is not None and (before_participle[1] or region_end == sentence.end):
        region_end = before_participle[0]
    elif region_end != sentence.end:
        return None
    after = text[position:region_end]
    that = THAT_AFTER.match(after)
    if that:
        return _trim_clause(text, position + that.end(), region_end)
    if attribution.lemma in bare_clause_lemmas() and not _adjunct_start().match(after) \
            and (_clause_start().match(after) or quantified_clause(after)):
        return _trim_clause(text, position, region_end)
    return None


def _trim_clause(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the clause without spaces and final punctuation (None when too short)."""
    chunk = text[start:end]
    stripped = chunk.rstrip(" \t\n.!?;:,")
    start_pad = len(chunk) - len(chunk.lstrip())
    if len(stripped) - start_pad < CLAUSE_MIN_CHARS:
        return None
    return start + start_pad, start + len(stripped)
