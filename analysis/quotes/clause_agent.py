"""Short quotes after a stance verb whose own subject says them: "Rubio, who he dubbed “...”".

:func:`analysis.quotes.scare.subject_speech` reads a short quote as the words of the
sentence's subject. When the stance verb has a subject of its own in a later clause
(``It is odd that Vance would deride “...”``, ``Lee, who portrayed him as a “...”``,
``Rubio, who he dubbed “...”``, ``The board saw Lee as the “...”``: a verb of seeing
counts with "as" only, list ``scare_as_verb``), that subject is the speaker: a name, or the pronouns
he, she, they and who (not "it", nor the writer's "we" and "I").

A quoted verb phrase after a verb of wanting or directing and "to" (``Lee coached her
to “breathe, breathe”``, ``he wanted to “go the extra mile”``) is that verb's subject's
wording (:func:`directive_speech`). A passive verb of judging or naming with its agent (``an option seen by organizers as a
“...”``) makes the quote the agent's words (:func:`passive_namer`).

Not speech, whatever the verb: a clause break or a conjunction between the verb and
the quote (``Lee praised the deal, although she has “concerns”``), a naming participle
between them (``they prefer goods labeled “...”``: someone else's label), and a
name before a bare verb form that may be a noun (``the Lee email “...”``).
"""

from __future__ import annotations

import re
from functools import cache

from analysis._resources import read_csv_rows
from analysis.quotes.context import Attribution, Context, Found, sentence_of
from analysis.quotes.owned_wording import owner_speech
from analysis.quotes.phrases import Phrase, sentence_subject, subject_before, tokens
from analysis.quotes.scare import sentence_is_headline, stance_words
from analysis.quotes.words import words

__all__ = ["AGENT_WINDOW_TOKENS", "DIRECTIVE_WINDOW_WORDS", "agent_speech", "directive_speech",
           "named_by_pronoun", "passive_namer", "short_quote_speaker"]

#: Most tokens between a stance verb and the short quote it governs.
AGENT_WINDOW_TOKENS = 14
#: Characters read back from a quote for its stance verb and that verb's subject.
_READ_BACK_CHARS = 400
#: Tokens that end the stance verb's clause before the quote.
_CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "(", ")"})
#: A passive participle, its agent after "by" and "as", at the end of the words before a
#: quote ("an option seen by organizers as a “...”").
_PASSIVE_AS = re.compile(
    r"\b[a-z]+(?:ed|en|wn)\s+by\s+(?P<agent>(?:[\w.’'-]+\s+){0,3}[\w.’'-]+)\s+as\s+(?:(?:a|an|the)\s+)?$"
)
#: Most words between a verb of wanting or directing and the "to" before the quote
#: ("coached Trump to “...”", "urged voters in the state to “...”").
DIRECTIVE_WINDOW_WORDS = 5
#: The infinitive marker "to" at the end of the words before a quote.
_TO_END = re.compile(r"\bto\s+$", re.IGNORECASE)
#: Articles that open a phrase naming no one in particular ("an option").
_INDEFINITE = frozenset({"a", "an"})
#: The possessive ending of a describing phrase's first word ("Grayson's spokeswoman").
_POSSESSIVE = ("'s", "’s", "s'", "s’")
#: Subject pronouns that stand for a speaker other than the writer.
_AGENT_PRONOUNS = frozenset({"he", "she", "they", "who"})


def short_quote_speaker(context: Context, item: Found) -> Attribution | None:
    """Return who says a quote that is not the sentence's subject's words, else None.

    In order: the possessor of a noun of saying (:func:`analysis.quotes.owned_wording.owner_speech`),
    the subject of a later stance verb (:func:`agent_speech`), a passive verb's agent
    (:func:`passive_namer`), the subject of a verb of wanting or directing
    (:func:`directive_speech`).

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> [(q.kind, q.speaker) for q in extract_quotes("Their chants of “Pia! Pia!” filled the gym.")]
    [('partial', 'Their')]
    """
    return (owner_speech(context, item) or agent_speech(context, item)
            or passive_namer(context, item) or directive_speech(context, item))


@cache
def _base_forms() -> frozenset[str]:
    """Return the stance verbs' base forms ("call", "email"), which may also be nouns."""
    return frozenset(row["lemma"] for row in read_csv_rows("quotes/stance_words.csv")
                     if row["kind"] == "verb")


def named_by_pronoun(before: str) -> bool:
    """Tell whether the words before a quote end in a pronoun and a naming verb ("who he dubbed ").

    Such a naming verb is active, its subject the namer: no scare marker.

    Examples
    --------
    >>> named_by_pronoun("Rubio, whom she dubbed "), named_by_pronoun("the plan, dubbed ")
    (True, False)
    """
    found = before.split()
    if len(found) < 2 or found[-1].lower() not in words("scare") & stance_words("verb"):
        return False
    return found[-2].lower() in _AGENT_PRONOUNS - {"who"}


def agent_speech(context: Context, item: Found) -> Attribution | None:
    """Return an attribution to the subject of the stance verb before a short quote, else None.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "It is odd that Vance would deride “soft money” now."
    >>> [(q.kind, q.speaker) for q in extract_quotes(text)]
    [('partial', 'Vance')]
    >>> [(q.kind, q.speaker) for q in extract_quotes("It is odd that we deride “soft money” now.")]
    [('scare', None)]
    """
    sentence = sentence_of(context, item.start)
    text = context.doc.text
    if sentence is None or sentence_is_headline(text, sentence):
        return None
    toks = tokens(text, max(sentence.start, item.start - _READ_BACK_CHARS), item.start)
    verb = _stance_verb_index(text, toks)
    if verb is None:
        return None
    verb_start, verb_end = toks[verb]
    speaker = subject_before(text, sentence.start, verb_start)
    if speaker is None or speaker.end > verb_start or not _may_be_agent(speaker):
        return None
    if speaker.kind == "name" and not text[speaker.end : verb_start].strip() \
            and text[verb_start:verb_end].lower() in _base_forms():
        return None  # "the Lee email “...”": a noun, not a verb
    return Attribution(speaker.start, speaker.end, "", "", False, speaker, None, False, sentence.index)


def _stance_verb_index(text: str, toks: list[tuple[int, int]]) -> int | None:
    """Return the index of the last stance verb in the quote's clause, or None."""
    for index in range(len(toks) - 1, max(-1, len(toks) - 1 - AGENT_WINDOW_TOKENS), -1):
        word = text[toks[index][0] : toks[index][1]].lower()
        if word in _CLAUSE_BREAKS or word in words("scare_clause_conjunction"):
            return None
        if word in stance_words("verb") or (word in words("scare_as_verb") and _as_after(text, toks, index)):
            return index
        if word in words("scare"):
            return None  # "goods labeled “...”": a label someone else gave
    return None


def _as_after(text: str, toks: list[tuple[int, int]], index: int) -> bool:
    """Tell whether "as" follows token ``index`` before the quote ("saw Lee as the “...”")."""
    return any(text[s:e].lower() == "as" for s, e in toks[index + 1 :])


def _may_be_agent(speaker: Phrase) -> bool:
    """Tell whether a verb's subject may say a quote.

    A name, a description opening with "the" or a possessive ("the board", "Lee's aide"),
    or the pronouns "he", "she", "they", "who".
    """
    if speaker.kind == "pronoun":
        return speaker.text.lower() in _AGENT_PRONOUNS
    first = speaker.text.split()[0]
    if first.lower() in _INDEFINITE or speaker.text.lower() in words("not_subject"):
        return False  # "a far cry from", "an option seen": no one in particular
    return speaker.kind == "name" or first.lower() == "the" or first.endswith(_POSSESSIVE)


def passive_namer(context: Context, item: Found) -> Attribution | None:
    """Return an attribution to the agent of a passive "seen by X as" right before a quote.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "It is a plan seen by many farmers as a “lifeline” this year."
    >>> [(q.kind, q.speaker) for q in extract_quotes(text)]
    [('partial', 'many farmers')]
    """
    sentence = sentence_of(context, item.start)
    text = context.doc.text
    if sentence is None or sentence_is_headline(text, sentence):
        return None
    read_from = max(sentence.start, item.start - _READ_BACK_CHARS)
    match = _PASSIVE_AS.search(text[read_from : item.start])
    if match is None:
        return None
    start, end = read_from + match.start("agent"), read_from + match.end("agent")
    agent = text[start:end]
    if agent.lower() in words("pronoun") or agent.split()[0].lower() in words("article"):
        return None  # "seen by it as", "seen by the ...": no one named
    kind = "name" if any(word[:1].isupper() for word in agent.split()) else "description"
    return Attribution(start, end, "", "", False, Phrase(start, end, agent, kind), None, False,
                       sentence.index)


def directive_speech(context: Context, item: Found) -> Attribution | None:
    """Return an attribution to the subject of a verb of wanting or directing before "to “...”".

    The verb is one of ``scare_directive_verb`` (``resources/quotes/quote_words.csv``)
    within :data:`DIRECTIVE_WINDOW_WORDS` words before the "to"; its subject is the
    phrase right before it, else the sentence's subject (a name or a person's pronoun).

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "At one point, Okafor coached Lind to “breathe, breathe.”"
    >>> [(q.kind, q.speaker) for q in extract_quotes(text)]
    [('partial', 'Okafor')]
    >>> [(q.kind, q.speaker) for q in extract_quotes("It is hard to “win” here.")]
    [('scare', None)]
    """
    sentence = sentence_of(context, item.start)
    text = context.doc.text
    if sentence is None or sentence_is_headline(text, sentence):
        return None
    read_from = max(sentence.start, item.start - _READ_BACK_CHARS)
    to = _TO_END.search(text, read_from, item.start)
    if to is None:
        return None
    toks = tokens(text, read_from, to.start())
    window = toks[-(DIRECTIVE_WINDOW_WORDS + 1):]
    verbs = [(s, e) for s, e in window if text[s:e].lower() in words("scare_directive_verb")]
    if not verbs or any(text[s:e] in _CLAUSE_BREAKS for s, e in window if s > verbs[-1][0]):
        return None
    verb_start = verbs[-1][0]
    speaker = subject_before(text, sentence.start, verb_start)
    if speaker is None or speaker.end > verb_start or not _may_be_agent(speaker):
        speaker = sentence_subject(text, sentence.start, item.start)
        if speaker is None or speaker.end > verb_start or not _may_be_agent(speaker):
            return None
    return Attribution(speaker.start, speaker.end, "", "", False, speaker, None, False, sentence.index)
