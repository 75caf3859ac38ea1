"""Quoted words a possessor owns: "in her words, “...”", "Lee’s campaign slogan is “...”".

A scare marker before a quote ("words", "slogan", "nickname") makes it a scare quote
(:mod:`analysis.quotes.classify`), unless the marker noun is someone's: a possessive
right before it, with at most :data:`OWNER_MAX_MODIFIERS` modifiers between ("in
Forbes’ words,", "Lee’s campaign slogan is", "their chants of", "by her own
admission was"). Such a quote is that possessor's wording. The nouns are the nouns of
saying and of wording in ``resources/quotes/stance_words.csv`` and the lists
``term_noun`` and ``scare_owned_noun`` of ``resources/quotes/quote_words.csv``; a long
quote (five words or more) needs a noun of wording ("Lee’s words", not "Lee’s call
for"), as news often gives such a quote to the sentence's subject who reports it.

The speaker is the possessor; a possessive pronoun ("her words") gives way to the
sentence's subject when that subject is a name or a personal pronoun written before it
("She said ..., in her words, “...”": She), as a pronoun possessor mostly is that
subject.
"""

from __future__ import annotations

import re

from analysis.quotes.context import WORDS, Attribution, Context, Found, sentence_of
from analysis.quotes.phrases import Phrase, sentence_subject
from analysis.quotes.scare import sentence_is_headline, stance_words
from analysis.quotes.words import words

__all__ = ["OWNER_MAX_MODIFIERS", "owned_noun_before", "owner_speech"]

#: Most words between a possessive and the noun of saying it owns ("Lee’s campaign slogan").
OWNER_MAX_MODIFIERS = 2
#: Characters read back from a quote for its possessor.
_READ_BACK_CHARS = 160
#: A possessive (a pronoun or a capitalised name with its ending), its modifiers, a noun,
#: and what may link that noun to the quote ("of", "for", "is", a comma; then "a"), at a
#: text's end.
_OWNED = re.compile(
    r"(?P<owner>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)"
    r"|(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:’s|'s|s’|s'))"
    rf"\s+(?P<modifiers>(?:[\w-]+\s+){{0,{OWNER_MAX_MODIFIERS}}}?)(?P<noun>[\w-]+)"
    r"\s*(?:(?:of|for|is|was|were|are)\s*|[,:]\s*)?(?:(?:a|an)\s+)?$"
)
#: Words that never modify an owned noun: they show the possessive word is an object
#: ("referred to her by a nickname") or a clause goes on between.
_NOT_MODIFIER = frozenset({"a", "an", "the", "by", "to", "of", "in", "on", "at", "for", "with",
                           "and", "or", "but", "that", "as", "from", "is", "was"})
#: Capitalised words that open a name phrase but are not part of the possessor ("The").
_LEADING_DETERMINERS = ("The ", "A ", "An ")


def owned_noun_before(before: str, wording_only: bool = False) -> tuple[int, int] | None:
    """Return the offsets in ``before`` of a possessor whose noun of saying ends it, else None.

    With ``wording_only``, the noun must name a wording ("words", "slogan", "chants"), not
    any act of saying ("call", "claim").

    Examples
    --------
    >>> before = "Lee’s campaign slogan is "
    >>> span = owned_noun_before(before)
    >>> before[span[0]:span[1]]
    'Lee’s'
    >>> owned_noun_before("She referred to her by a nickname, ") is None
    True
    >>> owned_noun_before("The word ") is None
    True
    """
    start = max(0, len(before) - _READ_BACK_CHARS)
    match = _OWNED.search(before, start)
    if match is None:
        return None
    modifiers = [word.lower() for word in WORDS.findall(match.group("modifiers"))]
    if _NOT_MODIFIER.intersection(modifiers) or not _is_owned_noun(match.group("noun").lower(),
                                                                   wording_only):
        return None
    owner_start, owner_end = match.span("owner")
    owner = match.group("owner")
    for determiner in _LEADING_DETERMINERS:
        if owner.startswith(determiner) and len(owner) > len(determiner):
            owner_start += len(determiner)
    return owner_start, owner_end


def _is_owned_noun(noun: str, wording_only: bool) -> bool:
    """Tell whether ``noun`` names what someone said or their wording ("words", "slogan")."""
    wording = words("term_noun") | stance_words("wording") | words("scare_owned_noun")
    return noun in wording or (not wording_only and noun in stance_words("noun"))


def owner_speech(context: Context, item: Found, wording_only: bool = False) -> Attribution | None:
    """Return an attribution to the possessor of the noun of saying before a quote, else None.

    ``wording_only`` is :func:`owned_noun_before`'s: a long quote after "Lee’s call for"
    is left to the sentence's subject, which news often makes the one who reports it.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Vance backed the plan because, in her words, “it pays for itself.”"
    >>> [(q.kind, q.speaker) for q in extract_quotes(text)]
    [('partial', 'Vance')]
    >>> [(q.kind, q.speaker) for q in extract_quotes("The word “bridge” came up twice.")]
    [('scare', None)]
    """
    sentence = sentence_of(context, item.start)
    text = context.doc.text
    if sentence is None or sentence_is_headline(text, sentence):
        return None
    span = owned_noun_before(text[sentence.start : item.start], wording_only)
    if span is None:
        return None
    start, end = sentence.start + span[0], sentence.start + span[1]
    owner = text[start:end]
    speaker = Phrase(start, end, owner, "pronoun" if owner.lower() in _POSSESSIVE_PRONOUNS else "name")
    if speaker.kind == "pronoun":
        speaker = _subject_for_pronoun(text, sentence.start, start) or speaker
    return Attribution(speaker.start, speaker.end, "", "", False, speaker, None, False, sentence.index)


#: The possessive pronouns :data:`_OWNED` reads.
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our"})


def _subject_for_pronoun(text: str, sentence_start: int, pronoun_start: int) -> Phrase | None:
    """Return the sentence's subject before a possessive pronoun when it is a name or a person."""
    subject = sentence_subject(text, sentence_start, pronoun_start)
    if subject is None or subject.end > pronoun_start:
        return None
    if subject.kind == "name" and subject.text.split()[0].lower() not in words("article"):
        return subject  # "Okonjo", not "The latter"
    if subject.kind == "pronoun" and subject.text.lower() in stance_words("pronoun"):
        return subject
    return None
