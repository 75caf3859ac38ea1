"""The name a pronoun speaker stands for, when that name is its own sentence's subject.

``Dana Holt said the board, which she called “asleep at the wheel”, had to go``:
the cue "called" has the speaker "she", inside a clause the sentence's subject heads, and
"she" resolves to Dana Holt named a few words before. The speaker mention becomes that
name; the actor does not change (it is the pronoun's). Only a pronoun that opens an
embedded clause counts (``what she calls``, ``whom he called``, ``when she claimed``,
``that he found``): a pronoun heading the main clause ("When Holt was asked, she said")
is that clause's own speaker and stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from analysis.quotes.context import Found
from analysis.quotes.phrases import Phrase
from analysis.quotes.records import SPEECH_KINDS
from analysis.quotes.speaker_kinds import speaker_kind
from analysis.quotes.words import leading_stops, words

if TYPE_CHECKING:
    from analysis.quotes.resolve import Resolver

__all__ = ["name_pronoun_speakers"]

#: The word before a pronoun, read back over spaces only.
_WORD_BEFORE = re.compile(r"([\w’'-]+)\s+$")
#: Characters before a pronoun searched for the word that opens its clause.
LEAD_WINDOW = 20


def name_pronoun_speakers(found: Sequence[Found], resolver: Resolver) -> None:
    """Give a pronoun speaker opening an embedded clause its antecedent's mention (in place).

    Run after :meth:`Resolver.resolve`: the antecedent is the one the resolver chose
    for the pronoun (:meth:`Resolver.pronoun_candidate`), taken only when it is the
    quote's actor, stands in the pronoun's sentence before it and is a name.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Dana Holt said the board, which she called “asleep at the wheel”, had to go."
    >>> [q.speaker for q in extract_quotes(text)]
    ['Dana Holt']
    """
    doc = resolver.doc
    names: dict[int, str] | None = None
    for item in found:
        attribution = item.attribution
        if attribution is None or item.kind not in SPEECH_KINDS or item.actor is None:
            continue
        speaker = attribution.speaker
        if speaker is None or speaker.kind != "pronoun" or speaker.text.lower() not in words(
                "person_pronoun"):
            continue
        sentence = doc.sentence_at(speaker.start)
        if sentence is None or not _opens_embedded_clause(doc.text, sentence.start, speaker.start):
            continue
        candidate = resolver.pronoun_candidate(speaker, item.start)
        if candidate is None or candidate[1] != item.actor:
            continue
        offset = candidate[0]
        if not sentence.start <= offset < speaker.start:
            continue
        if names is None:
            names = _names_by_offset(resolver)
        name = names.get(offset)
        if name is None or offset + len(name) > speaker.start or name.lower() in _not_names():
            continue
        item.attribution = replace(attribution, speaker=Phrase(offset, offset + len(name), name,
                                                               "name"))
        resolver.kinds[(item.start, item.end, item.kind)] = speaker_kind(
            resolver.registry, item.actor, "name", False)


def _opens_embedded_clause(text: str, sentence_start: int, pronoun_start: int) -> bool:
    """Tell whether the word before a pronoun opens a relative or subordinate clause."""
    match = _WORD_BEFORE.search(text, max(sentence_start, pronoun_start - LEAD_WINDOW),
                                pronoun_start)
    return match is not None and match.group(1).lower() in words("embedded_lead")


def _names_by_offset(resolver: Resolver) -> dict[int, str]:
    """Every name the resolver may take as an antecedent, by its offset."""
    names = dict(resolver.subjects())
    for offset, mention, _ in resolver.speakers:
        names.setdefault(offset, mention)
    return names


@cache
def _not_names() -> frozenset[str]:
    """Function words a name run may be alone ("The senator" read as the name "The"), and
    sentence adverbs ("Maybe the answer is what he said": "Maybe" is no name)."""
    return leading_stops() | words("article") | words("determiner") | words("not_a_head")
