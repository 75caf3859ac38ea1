"""The subject of the main clause a participle or subordinate clause hangs on.

``Lund, chair of the Oak Fund, tied the rise to new rules, saying ...``: the participle
"saying" has no subject of its own; its speaker is the subject of the clause before the
comma. :func:`analysis.quotes.phrases.sentence_subject` reads a subject forwards from the
sentence's start and stops at an apposition or a long name; this module reads it
backwards from the main clause's finite verb instead, with
:func:`analysis.quotes.phrases.subject_before` (which skips appositions, relative
clauses and auxiliaries). The finite verb is the first word after the clause's start
that is an auxiliary (``between``: "has", "was"), a past form in "-ed", or a listed
irregular past form (``subj_past_verb`` in ``resources/quotes/quote_words.csv``: "put",
"sent", "took") and whose subject, so read, opens the clause: nothing but connectives,
an introductory phrase ending in a comma, or a dateline stands before it.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.context import DATELINE, Attribution
from analysis.quotes.phrases import Phrase, subject_before
from analysis.quotes.speaker_phrase import is_speaker_phrase
from analysis.quotes.words import leading_stops, words
from analysis.text.document import Sentence

__all__ = ["coordinated_subject", "main_clause_subject", "participle_after", "participle_subject",
           "prepositional_object"]

#: Shortest "-ed" word read as a past-tense verb ("tied", "shunned"; not "red", "bed").
PAST_MIN_CHARS = 4
#: Most words of a clause read for its finite verb.
CLAUSE_MAX_WORDS = 40
#: Most introductory phrases, each ending in a comma, skipped before a main clause.
INTRO_MAX_PHRASES = 3
#: The first word of a clause, after spaces.
_FIRST_WORD = re.compile(r"\s*([\w’'-]+)")
#: Characters before a phrase searched for the preposition that governs it.
PREPOSITION_WINDOW = 20
#: The last word before a phrase.
_LAST_WORD = re.compile(r"([\w’'-]+)\s+$")
#: Prepositions whose name keeps a participle after it as its own: "with" opens an
#: absolute clause ("with Lund calling"), "of" a gerund ("footage of Lund saying").
_KEEPS_SUBJECT = frozenset({"with", "of"})
#: "and" joins two heads of one subject ("Tern News and former anchor Ada Lund").
_AND = "and"
#: Punctuation that parts words before a subject from it.
_NOT_PREMODIFIER = re.compile(r"[,;:()“”\"'‘’—–.!?]")
#: Characters of a quote's end read with the gap after it: its comma and closing mark
#: ("humble,”" ends ``,”``), which :data:`_COMMA_AND` then reads with the "and".
QUOTE_TAIL_CHARS = 2
#: A comma (inside or after the closing mark), "and", then the participle cue.
_COMMA_AND = re.compile(r".?,[”\"’']?\s+and\s+")
#: A lower-case word.
_WORD = re.compile(r"[a-z][\w’'-]*")
#: Relative words that are the subject of a relative clause, never of the main clause.
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
#: What may end the stretch before a subject that opens its clause: an introductory
#: phrase's comma, a dateline's dash.
_OPENING_END = (",", "—", "–", "-", ":")


def main_clause_subject(text: str, start: int, end: int) -> Phrase | None:
    """Return the subject of the main clause ``text[start:end]``, read back from its verb.

    Parameters
    ----------
    text : str
        The article's text.
    start, end : int
        The clause: from the sentence's start to the comma before a participle cue.

    Returns
    -------
    Phrase or None
        The subject, or None when no finite verb has a subject that opens the clause.

    Examples
    --------
    >>> text = "Ada Lund, chair of the Oak Fund, tied the rise to new rules"
    >>> main_clause_subject(text, 0, len(text)).text
    'Ada Lund'
    >>> text = "Ruiz, who is a nurse, also decried the plan's many costs"
    >>> main_clause_subject(text, 0, len(text)).text
    'Ruiz'
    >>> text = "On Monday, the Harbour Party has taken aim at the rail plan"
    >>> main_clause_subject(text, 0, len(text)).text
    'the Harbour Party'
    >>> main_clause_subject("After the vote in the hall", 0, 26) is None
    True
    """
    start = _after_introduction(text, start, end)
    for verb in _verb_candidates(text, start, end):
        subject = subject_before(text, start, verb)
        if subject is None or subject.text.lower() in _RELATIVE:
            continue
        if not is_speaker_phrase(subject.text):
            continue
        opened = _joined_opening(text, start, subject)
        if opened is not None:
            return opened
    return None


def _after_introduction(text: str, start: int, end: int) -> int:
    """Return where the main clause starts: after an introductory phrase or clause and its comma.

    ``Soon after the call ended, Lund's team sent ...``: a clause opening with an adverb,
    a preposition or a subordinator ("When", "After") has its own verb ("ended") before
    the comma; the main clause starts after the comma (after each such phrase in turn:
    "In June, after the call ended, ...").
    """
    for _ in range(INTRO_MAX_PHRASES):
        first = _FIRST_WORD.match(text, start, end)
        if first is None:
            return start
        word = first.group(1).lower()
        opener = (word in _openers() or (word.endswith("ly") and len(word) > PAST_MIN_CHARS))
        comma = text.find(",", first.end(), end)
        if not opener or comma < 0:
            return start
        start = comma + 1  # "In June, after the call ended, Lund's team sent": each in turn
    return start


@cache
def _openers() -> frozenset[str]:
    """Words that open an introductory phrase or clause ("After", "In", "Soon", "Hours")."""
    return (words("breaker") | words("preposition") | words("leading") | words("time_noun")
            | words("subj_intro_opener"))


def _verb_candidates(text: str, start: int, end: int) -> list[int]:
    """Return the starts of the lower-case words of ``text[start:end]`` that may be its finite verb."""
    found = []
    for count, match in enumerate(_WORD.finditer(text, start, end)):
        if count >= CLAUSE_MAX_WORDS:
            break
        if match.start() > start and text[match.start() - 1].isalnum():
            continue  # inside a capitalised word
        word = match.group()
        if _is_finite(word):
            found.append(match.start())
    return found


def _is_finite(word: str) -> bool:
    """Tell whether a lower-case word may be a finite verb ("has", "tied", "put")."""
    if word in _auxiliaries() or word in words("subj_past_verb"):
        return True
    return len(word) >= PAST_MIN_CHARS and word.endswith("ed")


@cache
def _auxiliaries() -> frozenset[str]:
    """Auxiliaries that open a finite verb group ("has taken", "was rallying")."""
    return words("auxiliary") | words("modal") - {"being", "been"} | {"have", "did", "does"}


def _joined_opening(text: str, start: int, subject: Phrase) -> Phrase | None:
    """Return ``subject`` when it opens the clause, taking a name joined before it by "and".

    ``Netanyahu and other Likud leaders shunned ...``: the subject read back from the
    verb is "other Likud leaders"; the phrase before "and" opens the clause, so both are.
    """
    before = text[start : subject.start]
    joined = re.search(r"(?:^|[\s,—–-])([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+and\s+$", before)
    if joined is not None and _opens(text, start, start + joined.start(1)):
        first = start + joined.start(1)
        return Phrase(first, subject.end, text[first : subject.end], "name")
    return subject if _opens(text, start, subject.start) else None


def _opens(text: str, start: int, at: int) -> bool:
    """Tell whether only connectives or an introductory phrase stand between ``start`` and ``at``."""
    before = text[start:at].strip()
    if not before or before.endswith(_OPENING_END):
        return True
    if all(word.lower() in leading_stops() for word in before.split()):
        return True
    return _premodifiers(before)


def _premodifiers(before: str) -> bool:
    """Tell whether words before a subject may belong to its noun phrase.

    ``Tern News and former anchor Ada Lund has ...``: the subject read back from the
    verb is "Ada Lund"; the words before it are capitalised or joined to it by "and",
    and hold no punctuation, no verb and no clause word or preposition, so nothing else
    is the clause's subject.
    """
    if _NOT_PREMODIFIER.search(before):
        return False
    parts = before.split()
    lowered = [part.lower() for part in parts]
    if _AND not in lowered and not all(part[:1].isupper() for part in parts):
        return False  # "The first taste the audience gets of Lund is": no joined subject
    if lowered[0] in _openers():
        return False
    breakers = (words("breaker") | words("preposition")) - {_AND}
    return not any(_is_finite(word) or word.endswith("ing") or word in breakers
                   for word in lowered)


def participle_subject(text: str, sentence: Sentence, cue_start: int, participle: bool) -> Phrase | None:
    """Return the main clause's subject for a participle cue with no subject of its own.

    Only for a participle (``participle``: the cue ends in "-ing" or follows a comma);
    the clause runs from the sentence's start (after a dateline in the article's first
    sentence) to the cue.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> doc = as_document("Ada Lund, chair of the Oak Fund, tied the rise to rules, saying it hurt.")
    >>> text, sentence = doc.text, doc.sentences[0]
    >>> participle_subject(text, sentence, text.index("saying"), True).text
    'Ada Lund'
    """
    if not participle:
        return None
    start = sentence.start
    dateline = DATELINE.match(text, start, cue_start) if sentence.index == 0 else None
    if dateline is not None:
        start = dateline.end()
    return main_clause_subject(text, start, cue_start)


def prepositional_object(text: str, start: int, phrase: Phrase) -> bool:
    """Tell whether a name before a participle cue is the object of a preposition.

    ``Lund sent a memo to the Herald in May explaining ...``: "May" (after "in") is
    no subject of "explaining"; the participle's speaker is the main clause's. Only a
    name counts, and not after "with" (an absolute clause, "with Lund calling") or "of"
    (a gerund's subject, "footage of Lund saying").

    Examples
    --------
    >>> text = "Lund sent a memo to the Herald in May explaining"
    >>> prepositional_object(text, 0, Phrase(text.index("May"), text.index("May") + 3, "May", "name"))
    True
    >>> text = "The council voted, with Lund calling"
    >>> prepositional_object(text, 0, Phrase(24, 28, "Lund", "name"))
    False
    """
    if phrase.kind != "name":
        return False
    before = _LAST_WORD.search(text, max(start, phrase.start - PREPOSITION_WINDOW), phrase.start)
    if before is None:
        return False
    word = before.group(1).lower()
    return word in words("preposition") and word not in _KEEPS_SUBJECT


def participle_after(text: str, attribution: Attribution, quote_start: int, quote_end: int) -> bool:
    """Tell whether a quote stands between its speaker and a later participle cue after ", and".

    ``Lund has urged caution, advising graduates “to stay humble,” and telling ...``: the
    speaker (read back from the main clause) is before the quote and the cue after it
    joins a second participle, so no reported clause runs from the sentence's start to
    the quote.

    Examples
    --------
    >>> text = "Lund urged graduates “to stay humble,” and telling them"
    >>> lund = Phrase(0, 4, "Lund", "name")
    >>> telling = Attribution(43, 50, "telling", "tell", True, lund, None, False, 0)
    >>> participle_after(text, telling, text.index("“"), text.index("”") + 1)
    True
    """
    speaker = attribution.speaker
    if speaker is None or speaker.end > quote_start or attribution.cue_start < quote_end:
        return False
    gap = text[quote_end - QUOTE_TAIL_CHARS : attribution.cue_start]
    return attribution.cue.endswith("ing") and _COMMA_AND.fullmatch(gap) is not None


def coordinated_subject(text: str, sentence: Sentence, cue_start: int, coordinated: bool) -> Phrase | None:
    """Return the subject of the verb a cue after "and" is coordinated with.

    ``... when Kim faulted Lund on tax and called him “...”``: "called" has no subject of
    its own; read back from the nearest finite verb before it ("faulted"), the subject
    is the one that opens that verb's clause (after the sentence's start, a comma, a
    dash or a clause word such as "when"). Only for a ``coordinated`` cue.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> doc = as_document("It got worse when Kim faulted Lund on tax and called him weak.")
    >>> text, sentence = doc.text, doc.sentences[0]
    >>> coordinated_subject(text, sentence, text.index("called"), True).text
    'Kim'
    """
    if not coordinated:
        return None
    start = sentence.start
    dateline = DATELINE.match(text, start, cue_start) if sentence.index == 0 else None
    if dateline is not None:
        start = dateline.end()
    for verb in reversed(_verb_candidates(text, start, cue_start)):
        subject = subject_before(text, start, verb)
        if subject is None or subject.text.lower() in _RELATIVE or not is_speaker_phrase(subject.text):
            continue
        if _after_boundary(text, start, subject.start):
            return subject
    return None


def _after_boundary(text: str, start: int, at: int) -> bool:
    """Tell whether a clause starts at ``at``: the sentence's start, punctuation or a clause word."""
    before = text[start:at].rstrip()
    if not before or before.endswith((*_OPENING_END, ";", "(")):
        return True
    last = _LAST_WORD.search(before + " ")
    return last is not None and last.group(1).lower() in _adverbial_openers()


@cache
def _adverbial_openers() -> frozenset[str]:
    """Clause words that open an adverbial clause ("when", "after"), not a noun or relative one.

    A verb after "that", "who" or "what" stands in a clause inside the object ("the
    claim that Lund had lied", "asked who Lund would back"), not the one "and" joins.
    """
    return words("breaker") - _NOT_ADVERBIAL


#: Breakers that open no adverbial clause, or join words rather than clauses.
_NOT_ADVERBIAL = frozenset({"and", "to", "that", "which", "who", "whom", "what", "how", "why",
                            "where", "than", "or", "so", "not"})
