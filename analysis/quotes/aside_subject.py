"""The subject of a cue across an aside that holds quote marks or dashes.

The backward reader (:func:`analysis.quotes.phrases.subject_before`) skips an
apposition between commas, but it stops at a quote mark and at a dash, and the
sentence's regions (:func:`analysis.quotes.context.regions`) break at every quoted
span. So a subject followed by an aside that quotes a title, or by an aside between
dashes, was left without a speaker:

- ``Ana Lund, the author of "Slow Water," about rivers, said ...``;
- ``“...,” delegate Ivo Dorn, wearing “Vote Lee” pins, said``;
- ``Ivo Dorn — a grocer from Elm Falls — says``;
- ``Ana Lund -- a former mayor, who lost in 2010 -- said``.

The rule reads forwards instead: from the start of the clause (the sentence's start,
the end of a quotation that opens it, or after one introductory phrase) a noun phrase,
then an opening delimiter, the aside and its closing twin right before the cue. It is
asked only when the backward reader found no subject.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.context import Attribution, Context
from analysis.quotes.cues import cue_pattern
from analysis.quotes.phrase_forward import noun_phrase_after
from analysis.quotes.phrase_tokens import Phrase
from analysis.quotes.speaker_phrase import is_speaker_phrase
from analysis.quotes.words import words

__all__ = ["inside_subject_aside", "subject_past_aside"]

#: Most characters of the aside between the subject and its cue.
ASIDE_MAX_CHARS = 160
#: Most commas inside a comma-delimited aside (one may close a quoted title: "Going Viral,").
ASIDE_MAX_COMMAS = 2
#: Most words of the subject phrase read forwards.
SUBJECT_MAX_WORDS = 8
#: Characters at the start of a sentence searched for the comma of an introductory phrase.
INTRO_MAX_CHARS = 40
#: Characters before the cue searched for the aside's closing comma or dash and the two
#: adverbs or auxiliaries that may follow it; reading no farther keeps a long sentence
#: with many cues linear.
CLOSER_MAX_CHARS = 60
#: Characters before the aside's closer searched for a comma and conjunction opening the
#: clause ("..., while Brun, the author of “...”, said"): a subject and its aside fit inside.
JOINT_MAX_CHARS = 300

#: A dash that opens or closes an aside: an em or en dash, or two hyphens, between spaces.
_DASH = r"(?:—|–|--)"
#: The closing delimiter right before the cue: a comma (maybe inside a closing quote
#: mark: ``"Going Viral," said``) or a dash, then spaces and between-words ("also").
_CLOSER = re.compile(rf"(?P<closer>,[\"”’]?|{_DASH})\s*(?:[a-z]+\s+){{0,2}}$")
#: The end of a quotation that opens the sentence: ``“...,” `` before the subject.
_QUOTE_END = re.compile(r"[,?!][\"”]\s+")
#: Sentence-final punctuation that no aside holds.
_FINAL = re.compile(r"[.;:!?](?:\s|$)")


def subject_past_aside(text: str, sentence_start: int, cue_start: int) -> Phrase | None:
    """Return the subject separated from the cue at ``cue_start`` by a quoted or dashed aside.

    Examples
    --------
    >>> text = 'Ana Lund, the author of "Slow Water," about rivers, said'
    >>> subject_past_aside(text, 0, text.index("said")).text
    'Ana Lund'
    >>> text = "Ivo Dorn — a grocer from Elm Falls — says"
    >>> subject_past_aside(text, 0, text.index("says")).text
    'Ivo Dorn'
    >>> text = '“We won,” delegate Ivo Dorn, wearing “Vote Lee” pins, said'
    >>> subject_past_aside(text, 0, text.index("said")).text
    'delegate Ivo Dorn'
    >>> subject_past_aside("The plan failed, and they said", 0, 26) is None
    True
    """
    closer = _CLOSER.search(text, max(sentence_start, cue_start - CLOSER_MAX_CHARS), cue_start)
    if closer is None or closer.end() != cue_start or not _between_words_only(closer.group()):
        return None
    dash = closer.group("closer")[0] not in ","
    for anchor in _anchors(text, sentence_start, closer.start()):
        phrase = noun_phrase_after(text, anchor, closer.start(), max_words=SUBJECT_MAX_WORDS, titles=True)
        if dash:
            phrase = _phrase_before_dash(text, anchor, closer.start(), phrase)
        if phrase is None or not is_speaker_phrase(phrase.text) or _opens_with_preposition(phrase):
            continue
        aside = text[phrase.end : closer.start()]
        if _is_aside(aside, dash) and not _has_own_cue(aside):
            return phrase  # no cue of its own in the aside ("Lund, in an interview, said")
    return None


#: The words from the clause's start to an opening dash ("A former senator -- Lund, ...").
_BEFORE_DASH = re.compile(rf"(?P<words>[\w’'.-]+(?:\s+[\w’'.-]+){{0,{SUBJECT_MAX_WORDS - 1}}})\s+{_DASH}\s")


def _phrase_before_dash(text: str, anchor: int, end: int, phrase: Phrase | None) -> Phrase | None:
    """Return the whole stretch of words from ``anchor`` to an opening dash, else ``phrase``.

    The forward reader may stop inside a long title ("A former Republican
    presidential"); before a dash the words up to it are the subject.

    Examples
    --------
    >>> text = "A former Ohio state senator -- Lund -- said"
    >>> _phrase_before_dash(text, 0, 36, None).text
    'A former Ohio state senator'
    """
    match = _BEFORE_DASH.match(text, anchor, end)
    if match is None:
        return phrase
    stretch = match.group("words")
    kind = "name" if any(word[:1].isupper() for word in stretch.split()[1:]) else "description"
    return Phrase(anchor, anchor + len(stretch), stretch, kind)


#: "by" after a cue in an aside: a passive participle ("mentioned by Newsmax as ...").
_PASSIVE_BY = re.compile(r"\s+by\b")


def _has_own_cue(aside: str) -> bool:
    """Tell whether the aside holds a cue of its own, outside quote marks and not passive "X-ed by".

    Examples
    --------
    >>> _has_own_cue(" — named by Time as a favourite"), _has_own_cue(", who said no twice")
    (False, True)
    """
    plain = _unquoted(aside)
    return any(_PASSIVE_BY.match(plain, match.end()) is None for match in cue_pattern().finditer(plain))


def _opens_with_preposition(phrase: Phrase) -> bool:
    """Tell whether a phrase read forwards opens with a preposition ("In an interview Monday")."""
    return phrase.text.split()[0].lower() in words("preposition")


def _between_words_only(closing: str) -> bool:
    """Tell whether the lower-case words after the closer are all adverbs or auxiliaries."""
    return all(word in words("between") or word in words("time_adverb")
               for word in re.findall(r"[a-z]+", closing))


def _anchors(text: str, start: int, end: int) -> list[int]:
    """Return where the clause's subject may start: sentence start, after an opening quote or intro."""
    found = [_skip_space(text, start)]
    quote_end = _QUOTE_END.search(text, start, end) if text[found[0]] in "\"“" else None
    if quote_end is not None:
        found.append(quote_end.end())
    comma = text.find(",", start, min(end, start + INTRO_MAX_CHARS))
    if comma > 0 and text[start:comma].split()[:1] and text[start:comma].split()[0].lower() in words("preposition"):
        found.append(_skip_space(text, comma + 1))  # "On Friday, Lund — ... — told"
    joint = _last_joint(text, max(start, end - JOINT_MAX_CHARS), end)
    if joint is not None:
        found.append(joint)  # "A said ..., while Brun, the author of “...”, said": a second clause
    return found


def _last_joint(text: str, start: int, end: int) -> int | None:
    """Where the last clause joined by a comma and a conjunction ("..., while", ", but") opens."""
    last = None
    for match in _joint().finditer(text, start, end):
        last = match.end()
    return last


@cache
def _joint() -> re.Pattern[str]:
    """A comma (after a closing quote mark, too) and a conjunction that opens a clause."""
    joints = sorted(words("inner_contrast") | words("coordinator"), key=len, reverse=True)
    return re.compile(rf",[\"”’]?\s+(?:{'|'.join(map(re.escape, joints))})\s+")


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _is_aside(aside: str, dash: bool) -> bool:
    """Tell whether ``aside`` (subject end to closer) is one aside opened by the closer's twin."""
    if not aside.strip() or len(aside) > ASIDE_MAX_CHARS or _FINAL.search(_unquoted(aside)):
        return False
    if dash:
        opened = re.match(rf"\s+{_DASH}\s+\S", aside)
        return opened is not None and not re.search(_DASH, aside[opened.end() :])
    if not aside.startswith(", ") or re.search(_DASH, aside):
        return False
    body = aside[2:]
    return body.count(",") <= ASIDE_MAX_COMMAS and bool(re.search(r"[\"“”]", body))


def _unquoted(aside: str) -> str:
    """Return ``aside`` with its quoted stretches blanked (a title may end in "?" or ".")."""
    return re.sub(r"[\"“][^\"“”]*[\"”]", lambda m: " " * len(m.group()), aside)


def inside_subject_aside(context: Context, attribution: Attribution | None, start: int, end: int) -> bool:
    """Tell whether a quote ``[start, end)`` lies in the aside between a speaker and its cue.

    ``Lund, the author of "Slow Water," said``: the title sits in the aside that
    :func:`subject_past_aside` crossed, so the cue after it does not attribute it (it
    stays a title or a scare quote).

    Examples
    --------
    >>> from analysis.quotes.marks import find_marked
    >>> from analysis.text.document import as_document
    >>> doc = as_document('Ana Lund, the author of "Slow Water," said it.')
    >>> context = Context(doc, find_marked(doc.text, [(0, len(doc.text))]), [24])
    >>> lund = subject_past_aside(doc.text, 0, 37)
    >>> cue = Attribution(37, 41, "said", "say", True, lund, None, False, 0)
    >>> inside_subject_aside(context, cue, 24, 36), inside_subject_aside(context, cue, 42, 44)
    (True, False)
    """
    if attribution is None or attribution.speaker is None or attribution.inverted:
        return False
    if not (attribution.speaker.end <= start and end <= attribution.cue_start):
        return False
    text = context.doc.text
    sentence_start = context.doc.sentences[attribution.sentence].start
    return subject_past_aside(text, sentence_start, attribution.cue_start) == attribution.speaker
