"""The owner of a noun of saying before a quote: "her remark that “...”" is hers.

``Dana Holt drew fire over her remark that “the levy is theft.”`` and ``the board cited
Inspector Ruth Ames's conclusion that the bids were “rigged”``: the quoted words belong
to whoever owns the noun of saying (``his``, ``her``, ``their``, or a name with ``'s``),
not to the subject of the sentence. The nouns are the ``noun`` kind of
``resources/quotes/stance_words.csv`` and the ``para_speech_noun`` list of
``resources/quotes/para_words.csv``; the form and its owner are read by
:mod:`analysis.quotes.owned_wording`'s one pattern and owner lookup. A noun phrase after a speech cue or stance verb of
its own sentence is left to that cue: "Berg called Holt's remark “absurd”" is Berg's
judgement, and in "Holt said in her remarks that ..." the pronoun stands for the cue's
speaker, who is named there.
"""

from __future__ import annotations

import re
from functools import cache

from analysis._resources import read_csv_rows
from analysis.quotes.context import WORDS, Attribution, Context, Found, marked_in, sentence_of
from analysis.quotes.owned_wording import owned_noun_pattern, owner_phrase
from analysis.quotes.scare import stance_words
from analysis.text.document import Sentence

__all__ = ["possessive_speaker"]

#: Most words between the noun (with its "that", "to", "of" ...) and the quote.
POSSESSIVE_GAP_MAX_WORDS = 10
#: Characters before a quote searched for the owner and its noun (ten words and a long
#: name fit well inside); reading no farther keeps long sentences with many quotes linear.
POSSESSIVE_LOOKBACK_CHARS = 400
#: Most words between a speech cue or stance verb and the owner it governs ("The panel
#: said in a statement on Friday that Holt's claim ..."); one farther off governs
#: another clause.
GOVERN_WINDOW_WORDS = 15
#: Words right before the owner read for a stance verb that takes the phrase as its object
#: ("denounced Holt's call", "defended his remarks"), a title between them allowed
#: ("denounced presidential candidate Ana Holt's call").
STANCE_VERB_WORDS = 5
#: A break between the noun and the quote: a new clause or aside.
_CLAUSE_BREAK = re.compile(r"[;:—–()]|,\s")


def possessive_speaker(context: Context, item: Found) -> Attribution | None:
    """Return an attribution to the owner of a noun of saying right before a partial quote.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Dana Holt stirred anger last week over her remark that “the levy is theft.”"
    >>> [(q.speaker, q.speaker_start) for q in extract_quotes(text)]
    [('her', 39)]
    """
    text = context.doc.text
    sentence = sentence_of(context, item.start)
    if sentence is None:
        return None
    found = None
    window_start = max(sentence.start, item.start - POSSESSIVE_LOOKBACK_CHARS)
    for match in _owner_noun().finditer(text, window_start, item.start):
        found = match
    if found is None or not _close(context, sentence.index, found.end(), item.start):
        return None
    if found.group("link") is None and found.end() != item.start:
        return None  # "Holt's comments fuelled “...”", "Holt's remarks as “...”": not their content
    owner = owner_phrase(text, found.start("owner"), found.end("owner"))
    if owner is None:
        return None
    if _governed(context, sentence, found.start()):
        return None  # "Berg called Holt's remark “absurd”": the quote is Berg's view of it
    return Attribution(found.start("noun"), found.end("noun"), found.group("noun"), "", True,
                       owner, None, False, sentence.index)


def _close(context: Context, sentence: int, start: int, end: int) -> bool:
    """Tell whether the stretch from the noun to the quote keeps them in one phrase."""
    between = context.doc.text[start:end]
    if _CLAUSE_BREAK.search(between) or marked_in(context, start, end):
        return False
    if len(WORDS.findall(between)) > POSSESSIVE_GAP_MAX_WORDS:
        return False
    return not any(a.speaker is not None and start <= a.cue_start < end
                   for a in context.attributions.get(sentence, []))


def _governed(context: Context, sentence: Sentence, position: int) -> bool:
    """Tell whether a speech cue or stance verb comes before ``position`` in the sentence.

    Then the noun phrase is what someone else says or judges ("Berg said Holt's claim
    was “false”", "Berg denounced Holt's call for “a ban”"), or its owner is that speaker
    ("Holt said in her remarks that ..."). A "that" right before the owner opens a
    reported clause, whatever verb reports it ("the panel ruled that Holt's claim ...").
    """
    text = context.doc.text
    if any(a.speaker is not None and a.cue_start < position
           and position - a.cue_end <= POSSESSIVE_LOOKBACK_CHARS
           and len(WORDS.findall(text[a.cue_end : position])) <= GOVERN_WINDOW_WORDS
           for a in context.attributions.get(sentence.index, [])):
        return True
    window_start = max(sentence.start, position - POSSESSIVE_LOOKBACK_CHARS)
    before = WORDS.findall(text[window_start : position].lower())[-STANCE_VERB_WORDS:]
    if before and before[-1] == "that":
        return True  # "the panel ruled that Holt's claim is “true”": a clause it reports
    return bool(stance_words("verb").intersection(before))


@cache
def _owner_noun() -> re.Pattern[str]:
    """The owned-noun form of :func:`~analysis.quotes.owned_wording.owned_noun_pattern` with
    a noun of saying and its link word.

    The link ("that", "to", "of", "for", "about", "on") opens what the noun says; without
    one the quote must follow the noun at once ("her remark “...”").
    """
    forms = stance_words("noun") | _para_words("para_speech_noun")
    nouns = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return owned_noun_pattern(rf"(?:{nouns})\b", r"(?P<link>\s+(?:that|to|of|for|about|on))?\s*")


@cache
def _para_words(kind: str) -> frozenset[str]:
    """Return one word list of ``quotes/para_words.csv``; a list that is not there raises."""
    found = frozenset(row["word"] for row in read_csv_rows("quotes/para_words.csv")
                      if row["type"] == kind)
    if not found:
        raise KeyError(f"quotes/para_words.csv has no word list {kind!r}")
    return found
