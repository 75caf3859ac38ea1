"""Quoted words a possessor owns: "in her words, “...”", "Lee’s campaign slogan is “...”".

This module owns the one reader of the form "owner + noun of saying": the pattern
(:func:`owned_noun_pattern`) and the owner lookup (:func:`owner_phrase`);
:mod:`analysis.quotes.possessive_speech` reads "her remark that “...”" with them.

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
from functools import cache

from analysis.quotes.context import WORDS, Attribution, Context, Found, sentence_of
from analysis.quotes.phrases import Phrase, sentence_subject
from analysis.quotes.scare import sentence_is_headline, stance_words
from analysis.quotes.words import leading_stops, words

__all__ = ["OWNER_MAX_MODIFIERS", "OWNER_PRONOUNS", "owned_noun_before", "owned_noun_pattern",
           "owner_phrase", "owner_speech"]

#: Most words between a possessive and the noun of saying it owns ("Lee’s campaign slogan").
OWNER_MAX_MODIFIERS = 2
#: Characters read back from a quote for its possessor.
_READ_BACK_CHARS = 160
#: The possessive pronouns that may own a noun of saying.
OWNER_PRONOUNS = frozenset({"his", "her", "their", "its", "our"})
#: The owner of the form "owner + noun of saying": a possessive pronoun or a capitalised
#: name with its ending ("Ruth Ames's", "Lee’s", "the Greens’"), then its modifiers.
_OWNER = (r"(?P<owner>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\b"
          r"|\b(?:[A-Z][\w.&’'-]*\s+){0,4}[A-Z][\w.&-]*(?:['’]s|s['’]))"
          rf"\s+(?P<modifiers>(?:[\w-]+\s+){{0,{OWNER_MAX_MODIFIERS}}}?)")
#: What may link an owned noun to a quote at the end of the text before it ("of", "for",
#: "is", a comma; then "a").
_WORDING_LINK = r"\s*(?:(?:of|for|is|was|were|are)\s*|[,:]\s*)?(?:(?:a|an)\s+)?$"
#: Words that never modify an owned noun: they show the possessive word is an object
#: ("referred to her by a nickname") or a clause goes on between.
_NOT_MODIFIER = frozenset({"a", "an", "the", "by", "to", "of", "in", "on", "at", "for", "with",
                           "and", "or", "but", "that", "as", "from", "is", "was"})


@cache
def owned_noun_pattern(nouns: str = r"[\w-]+", link: str = _WORDING_LINK) -> re.Pattern[str]:
    """Return the one pattern of the form "owner + noun of saying", for a noun and a link.

    The groups are ``owner``, ``modifiers`` (at most :data:`OWNER_MAX_MODIFIERS` words)
    and ``noun``; ``nouns`` is a regex for the noun, ``link`` one for what follows it.
    By default any word is the noun and the link runs to the end of the text.

    Examples
    --------
    >>> match = owned_noun_pattern().search("Lee’s campaign slogan is ")
    >>> match.group("owner"), match.group("noun")
    ('Lee’s', 'slogan')
    """
    return re.compile(rf"{_OWNER}(?P<noun>{nouns}){link}")


def owner_phrase(text: str, start: int, end: int) -> Phrase | None:
    """Return the owner at ``text[start:end]`` as a phrase: a pronoun, or a name with "'s".

    Words that open a sentence but no name (:func:`~analysis.quotes.words.leading_stops`
    and the articles: "But", "The") are left out of the name; an owner of no other words
    is None.

    Examples
    --------
    >>> owner_phrase("But Holt's remark", 0, 10)
    Phrase(start=4, end=10, text="Holt's", kind='name')
    >>> owner_phrase("her remark", 0, 3).kind
    'pronoun'
    """
    owner = text[start:end]
    if owner.lower() in OWNER_PRONOUNS:
        return Phrase(start, end, owner, "pronoun")
    tokens = list(re.finditer(r"\S+", owner))
    stops = leading_stops() | words("article")
    while tokens and tokens[0].group().lower() in stops:
        tokens.pop(0)
    if not tokens:
        return None
    first = start + tokens[0].start()
    return Phrase(first, end, text[first:end], "name")


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
    match = owned_noun_pattern().search(before, start)
    if match is None:
        return None
    modifiers = [word.lower() for word in WORDS.findall(match.group("modifiers"))]
    if _NOT_MODIFIER.intersection(modifiers) or not _is_owned_noun(match.group("noun").lower(),
                                                                   wording_only):
        return None
    owner = owner_phrase(before, *match.span("owner"))
    return None if owner is None else (owner.start, owner.end)


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
    speaker = owner_phrase(text, start, end)
    if speaker is None:
        return None
    if speaker.kind == "pronoun":
        speaker = _subject_for_pronoun(text, sentence.start, start) or speaker
    return Attribution(speaker.start, speaker.end, "", "", False, speaker, None, False, sentence.index)


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
