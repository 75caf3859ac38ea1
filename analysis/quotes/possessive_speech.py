"""The owner of a noun of saying before a quote: "her remark that “...”" is hers.

``Dana Holt drew fire over her remark that “the levy is theft.”`` and ``the board cited
Inspector Ruth Ames's conclusion that the bids were “rigged”``: the quoted words belong
to whoever owns the noun of saying (``his``, ``her``, ``their``, or a name with ``'s``),
not to the subject of the sentence. The nouns are the ``noun`` kind of
``resources/quotes/stance_words.csv`` and the ``para_speech_noun`` list of
``resources/quotes/para_words.csv``. A noun phrase after a speech cue or stance verb of
its own sentence is left to that cue: "Berg called Holt's remark “absurd”" is Berg's
judgement, and in "Holt said in her remarks that ..." the pronoun stands for the cue's
speaker, who is named there.
"""

from __future__ import annotations

import re
from functools import cache

from analysis._resources import read_csv_rows
from analysis.quotes.context import WORDS, Attribution, Context, Found, marked_in, sentence_of
from analysis.quotes.phrases import Phrase
from analysis.quotes.scare import stance_words
from analysis.quotes.words import leading_stops
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
#: Possessive pronouns that may own a noun of saying.
_OWNER_PRONOUNS = ("his", "her", "their")
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
    owner = _owner_phrase(text, found.start("owner"), found.end("owner"))
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


def _owner_phrase(text: str, start: int, end: int) -> Phrase | None:
    """Return the owner as a phrase: the pronoun, or the name with its "'s" ("Holt's")."""
    owner = text[start:end]
    if owner.lower() in _OWNER_PRONOUNS:
        return Phrase(start, end, owner, "pronoun")
    tokens = list(re.finditer(r"\S+", text[start:end]))
    stops = leading_stops()
    while tokens and tokens[0].group().lower() in stops:
        tokens.pop(0)
    if not tokens:
        return None
    first = start + tokens[0].start()
    return Phrase(first, end, text[first:end], "name")


@cache
def _owner_noun() -> re.Pattern[str]:
    """A possessive owner, up to two modifiers, a noun of saying, and its link word.

    The link ("that", "to", "of", "for", "about", "on") opens what the noun says; without
    one the quote must follow the noun at once ("her remark “...”").
    """
    forms = stance_words("noun") | _para_words("para_speech_noun")
    nouns = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    name = r"(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.-]*['’]s"
    return re.compile(
        rf"(?P<owner>\b(?:his|her|their|His|Her|Their)\b|\b{name})\s+(?:[a-z-]+\s+){{0,2}}?"
        rf"(?P<noun>{nouns})\b(?P<link>\s+(?:that|to|of|for|about|on))?\s*"
    )


@cache
def _para_words(kind: str) -> frozenset[str]:
    """Return one word list of ``quotes/para_words.csv``; a list that is not there raises."""
    found = frozenset(row["word"] for row in read_csv_rows("quotes/para_words.csv")
                      if row["type"] == kind)
    if not found:
        raise KeyError(f"quotes/para_words.csv has no word list {kind!r}")
    return found
