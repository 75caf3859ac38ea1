"""Speakers written beside a quote without a verb: dash sign-offs and speaker labels.

Two layouts name a speaker with punctuation instead of a speech verb:

* a **dash sign-off** after the quote, on the same line or alone on the next one:
  ``“We deserve better.” — Tom Ruiz`` (em dash, horizontal bar, en dash, or a hyphen
  or two between spaces), optionally followed by a description after a comma
  (``— Tom Ruiz, a teacher from Leeds``);
* a **speaker label** that opens a paragraph and ends in a colon right before the quote,
  as transcripts and Q&A pieces print it: ``Sen. Amy Lund (D-Minn.): “...”``.

Both take only a person's name (:func:`analysis.quotes.heads.is_person_name`) or a
registry-style title with a name ("Sen. Amy Lund"): "EXPERT VIEW:" and other section
labels, sources ("— Reuters") and headlines stay without speaker. Nothing here guesses:
a layout that does not match leaves the quote to the other rules.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.context import Attribution, Context, Found
from analysis.quotes.heads import is_person_name, is_section_label, names_person
from analysis.quotes.phrases import Phrase

__all__ = ["dash_signoff", "signed_by_other", "speaker_label"]

#: Most characters of a sign-off after the dash (name and description).
SIGNOFF_MAX_CHARS = 160
#: Most characters of a speaker label before its colon.
LABEL_MAX_CHARS = 80
#: Dashes that introduce a sign-off: em dash, horizontal bar, en dash, one or two hyphens
#: (a hyphen that opens its line may touch the name: "-Ada Quist").
_DASH = r"(?:[—―–]|-{1,2}(?=\s)|(?<=\n)-(?=[A-Z]))"
_NAME_WORD = r"(?:[A-Z][\w’'.\-]*|(?:de|van|von|der|den|da|di|du|la|le|bin|al|el)(?=\s))"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}"


@cache
def _signoff() -> re.Pattern[str]:
    """A dash, a name, an optional ", description", then the end of the line."""
    return re.compile(
        rf"[ \t\xa0]*(?:\n[ \t\xa0]*){{0,2}}{_DASH}[ \t\xa0]*(?P<name>{_NAME})"
        rf"(?P<tail>[ \t\xa0]*(?:,[^\n“”\"]{{0,{SIGNOFF_MAX_CHARS}}})?[.\s\xa0]*)(?:\n|$)"
    )


@cache
def _label() -> re.Pattern[str]:
    """A paragraph-opening name with an optional parenthesis, then a colon."""
    return re.compile(rf"(?P<name>{_NAME})(?:\s*\([^()\n]{{1,30}}\))?\s*:\s*$")


def dash_signoff(context: Context, item: Found) -> Attribution | None:
    """Return the speaker a dash names right after a direct quote, or None.

    Examples
    --------
    >>> import warnings; warnings.simplefilter("ignore")
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "“We deserve better than this.” — Tom Ruiz, a bus driver"
    >>> [q.speaker for q in extract_quotes(text)]
    ['Tom Ruiz']
    >>> [q.speaker for q in extract_quotes("“Markets fell.” — Reuters")]
    [None]
    """
    match = _signoff_match(context, item)
    if match is None:
        return None
    name = match.group("name").rstrip(".")
    if not _signs_person(context, item, name):
        return None
    return _attribution(context, match.start("name"), name)


def signed_by_other(context: Context, item: Found) -> bool:
    """Tell whether a dash after the quote names a source that is no person ("— Reuters").

    Such a quote is not the previous speaker's words, so it must not continue them.
    """
    match = _signoff_match(context, item)
    return match is not None and not _signs_person(context, item, match.group("name").rstrip("."))


def _signs_person(context: Context, item: Found, name: str) -> bool:
    """Tell whether a sign-off name is a person's: a full name, a title and surname, or a surname
    that ends a person's full name earlier in the article ("- Quist." after "Ada Quist").

    Examples
    --------
    >>> import warnings; warnings.simplefilter("ignore")
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Ada Quist spoke first.\\n\\n“Taxes will fall.”\\n\\n- Quist.\\n\\n“Rain is coming in from the west.”\\n\\n- Reuters."
    >>> [q.speaker for q in extract_quotes(text) if q.kind == "direct"]
    ['Quist', None]
    """
    return names_person(name, context.doc.text[: item.start])


def _signoff_match(context: Context, item: Found) -> re.Match[str] | None:
    text = context.doc.text
    end = item.marked.end if item.marked is not None else item.end
    return _signoff().match(text, _after_closing_mark(text, end))


def speaker_label(context: Context, item: Found) -> Attribution | None:
    """Return the speaker a paragraph-opening "NAME:" label gives the quote after it, or None.

    Examples
    --------
    >>> import warnings; warnings.simplefilter("ignore")
    >>> from analysis.quotes.extract import extract_quotes
    >>> [q.speaker for q in extract_quotes("Rep. Ada Quist (D-Ore.): “The bill is dead.”")]
    ['Rep. Ada Quist']
    """
    text = context.doc.text
    paragraph = context.doc.paragraphs[item.paragraph]
    start = item.marked.start if item.marked is not None else item.start
    if start - paragraph.start > LABEL_MAX_CHARS:
        return None
    match = _label().match(text, paragraph.start, start)
    if match is None:
        return None
    name = match.group("name")
    phrase = Phrase(match.start("name"), match.start("name") + len(name), name, "name")
    if not is_person_name(name) or is_section_label(text, phrase):
        return None
    return _attribution(context, phrase.start, name)


def _after_closing_mark(text: str, end: int) -> int:
    """Skip the closing quotation mark(s) at ``end`` (the quote's span may stop before them)."""
    while end < len(text) and text[end] in "”\"’'":
        end += 1
    return end


def _attribution(context: Context, start: int, name: str) -> Attribution:
    speaker = Phrase(start, start + len(name), name, "name")
    sentence = context.doc.sentence_at(start)
    index = sentence.index if sentence is not None else 0
    return Attribution(start, start, "", "", False, speaker, None, False, index)
