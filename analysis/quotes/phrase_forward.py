"""Speaker phrases read forwards: the noun phrase after a cue, and a sentence's subject.

:func:`noun_phrase_after` reads the phrase after an inverted cue ("said Kim Eun-hye") or
"according to"; :func:`sentence_subject` the subject that opens a sentence ("But Trump
reversed himself"). :mod:`analysis.quotes.phrases` reads backwards from a cue. Word lists
come from :mod:`analysis.quotes.words`; the lengths below bound how far a rule looks.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.clause_openers import opens_with_adverb_or_time
from analysis.quotes.cues import cues
from analysis.quotes.phrase_tokens import (
    PARTY_TAG,
    Phrase,
    is_capitalised,
    is_word,
    token_text,
    tokens,
    word_at,
)
from analysis.quotes.speaker_kinds import anonymous_words
from analysis.quotes.speaker_phrase import is_subject_phrase
from analysis.quotes.words import abbreviations, alternation, leading_stops, words
from analysis.text.patterns import NAME_PARTICLES

__all__ = ["noun_phrase_after", "sentence_subject"]

#: Words of a phrase read forwards (after an inverted cue, "according to").
PHRASE_MAX_WORDS = 8
#: Characters after a cue tokenised to read a phrase forwards.
PHRASE_LOOKAHEAD = 200
#: Lower-case words of a title between two names ("Blaze co-host Stu Burguiere").
TITLE_MAX_WORDS = 3
#: Characters of a sentence tokenised to find its subject.
SUBJECT_LOOKAHEAD = 400
#: Tokens searched for the comma that ends an introductory phrase ("On Tuesday, ...").
INTRO_MAX_TOKENS = 20
#: Words of a sentence's subject.
SUBJECT_MAX_WORDS = 6
#: Longest parenthesis and apposition skipped after a subject's name ("Sanders (I-Vt.)").
PARENTHESIS_MAX_CHARS = 40
APPOSITION_MAX_CHARS = 100
#: Shortest "-ed" word read as a past-tense verb rather than a head noun ("issued", not "bed").
PAST_TENSE_MIN_CHARS = 4
#: Lower-case nouns that may stand between a modifier and an anonymous head noun
#: ("a Japanese defense ministry source").
COMPOUND_MODIFIERS = 2


def noun_phrase_after(
    text: str, start: int, end: int, max_words: int = PHRASE_MAX_WORDS, titles: bool = False
) -> Phrase | None:
    """Return the noun phrase that starts at ``start`` (after an inverted cue or "according to").

    Examples
    --------
    >>> text = "said Kim Eun-hye, senior presidential secretary, in a briefing."
    >>> noun_phrase_after(text, 5, len(text)).text
    'Kim Eun-hye'
    >>> text = "according to presidential spokesperson Lee Do-woon."
    >>> noun_phrase_after(text, 13, len(text)).text
    'presidential spokesperson Lee Do-woon'
    >>> noun_phrase_after("told reporters on Monday", 5, 24).text
    'reporters'
    >>> text = "mused Blaze co-host Stu Burguiere."
    >>> noun_phrase_after(text, 6, len(text), titles=True).text
    'Blaze co-host Stu Burguiere'

    ``titles`` lets lower-case words between two names belong to the phrase (use it
    after an inverted cue, where the phrase is the speaker with a title).
    """
    partitive = _partitive().match(text, start, end)
    if partitive is not None and partitive.end() < end:
        # "one of three officials who attended": the phrase is the whole partitive
        rest = noun_phrase_after(text, partitive.end(), end, max_words, titles)
        if rest is not None and rest.kind != "pronoun":
            return Phrase(start, rest.end, text[start : rest.end], rest.kind)
    toks = tokens(text, start, min(end, start + PHRASE_LOOKAHEAD))
    if not toks:
        return None
    first_word = text[toks[0][0] : toks[0][1]]
    if first_word.lower() in words("pronoun") | words("object_pronoun"):
        return Phrase(toks[0][0], toks[0][1], first_word, "pronoun")
    last = -1
    has_name = False
    # "a Florida strategist", "one unaligned Florida Republican strategist": after a
    # determiner, capitalised words are modifiers and the head noun follows them.
    modified = first_word.lower() in words("determiner")
    for index, (s, e) in enumerate(toks[:max_words]):
        word = text[s:e]
        lower = word.lower()
        if not is_word(word):
            if word == "." and index > 0 and text[toks[index - 1][0] : toks[index - 1][1]].lower() in abbreviations():
                continue
            if word == "-":
                continue
            break
        if is_capitalised(word):
            has_name = True
            last = index
            continue
        if has_name and lower not in NAME_PARTICLES:
            if titles and _title_then_name(text, toks, index, max_words):
                continue  # "Blaze co-host Stu Burguiere": a title between two names
            if lower in words("name_head") and _ends_phrase(text, toks, index):
                last = index  # "wrote Time magazine."
                break
            past_tense = (lower.endswith("ed") and len(lower) > PAST_TENSE_MIN_CHARS and index > 1
                          and is_capitalised(token_text(text, toks, index - 1)))
            if index <= last:
                continue  # inside a compound head read below
            if not modified and last == index - 1:
                head = _compound_head(text, toks, index - 1, max_words)
                if head is not None:  # "a Japanese government source": modifiers, then the head
                    last = head
                    continue
            if not (modified and _is_head_noun(lower)) or past_tense:
                break  # "the Security Council issued": a verb after the name, not its head
            modified = False  # one head noun: "a Florida strategist", not "... strategist Bob"
        if lower in words("forward_stop") or lower in words("breaker") or lower in words("place_adverb"):
            break
        if (index > 0 and lower in words("determiner") and lower not in words("article")
                and word_at(text, toks, index - 1).lower() != "of"):
            break  # "said Berg this week"; but "the head of one charity" goes on
        if lower in cues() and index > 0:
            break
        last = index
    if last < 0:
        return None
    phrase_text = text[toks[0][0] : toks[last][1]]
    if phrase_text.lower() in words("determiner"):
        return None
    return Phrase(toks[0][0], toks[last][1], phrase_text, "name" if has_name else "description")


def _compound_head(text: str, toks: list[tuple[int, int]], noun: int, max_words: int) -> int | None:
    """The index of an anonymous source's head noun that a lower-case noun at ``noun`` modifies.

    "a Japanese defense ministry source": after "defense", up to
    :data:`COMPOUND_MODIFIERS` more lower-case words lead to "source".
    """
    if is_capitalised(token_text(text, toks, noun)):
        return None
    for index in range(noun + 1, min(len(toks), noun + 2 + COMPOUND_MODIFIERS, max_words)):
        word = token_text(text, toks, index)
        lower = word.lower()
        if not is_word(word) or is_capitalised(word) or not _is_head_noun(lower):
            return None
        if lower in anonymous_words("head"):
            return index
    return None


@cache
def _partitive() -> re.Pattern[str]:
    """A quantity and "of" that open a speaker phrase ("one of the aides", "two of his rivals")."""
    return re.compile(rf"(?i:{alternation('partitive')})\s+of\s+")


def _ends_phrase(text: str, toks: list[tuple[int, int]], index: int) -> bool:
    """Tell whether the token after ``index`` is punctuation or the end of the tokens."""
    return index + 1 >= len(toks) or not is_word(token_text(text, toks, index + 1))


def _is_head_noun(lower: str) -> bool:
    """Tell whether a lower-case word can end a description ("strategist", not "on")."""
    return (lower not in words("forward_stop") and lower not in words("breaker")
            and lower not in words("determiner") and lower not in cues()
            and lower not in words("place_adverb") | words("auxiliary"))


def _title_then_name(text: str, toks: list[tuple[int, int]], index: int, max_words: int) -> bool:
    """Tell whether lower-case words at ``index`` lead to another capitalised name."""
    for word_index in range(index, min(len(toks), index + TITLE_MAX_WORDS, max_words)):
        word = text[toks[word_index][0] : toks[word_index][1]]
        if not is_word(word) or word.lower() in words("forward_stop") | words("breaker"):
            return False
        if is_capitalised(word):
            return True
    return False


_ASIDE = re.compile(
    rf"^(?:\([^()]{{1,{PARENTHESIS_MAX_CHARS}}}\)|,[^,.;:!?“”\"()]{{1,{APPOSITION_MAX_CHARS}}},"
    rf"|,\s*{PARTY_TAG.pattern}\.?,)\s*"  # "(I-Vt.)", ", a lawyer,", ", R-Ky.,"
)


def _skip_aside(rest: str) -> str:
    """Skip a parenthesis or an apposition between commas right after a name."""
    match = _ASIDE.match(rest)
    return rest[match.end() :] if match else rest


@cache
def _intro_openers() -> frozenset[str]:
    """First words of an introductory clause before the subject ("When ...", "Following ...")."""
    return words("fronted_subordinator") | words("intro_opener")


def _is_time(phrase: Phrase) -> bool:
    """Tell whether a phrase is headed by a time noun ("Minutes", "a few days")."""
    parts = phrase.text.split()
    return bool(parts) and parts[-1].lower() in words("time_noun")


_OFFICE_OF = re.compile(r"\s+of\s+(?:[A-Z][\w’'\-.]*\s+)*[A-Z][\w’'\-.]*(?=[\s,])")


def _office_of(text: str, phrase: Phrase | None, end: int) -> Phrase | None:
    """Extend an office cut at its "of" ("Former Secretary") over the capitalised words after it.

    ``Former Secretary of State Hillary Clinton drew ...``: read forwards, the phrase
    stops at "of"; when its last word is a ``title_word`` the office and the name after
    it are the subject.
    """
    if phrase is None or phrase.kind != "name" or phrase.text.split()[-1].lower() not in words("title_word"):
        return phrase
    office = _OFFICE_OF.match(text, phrase.end, end)
    if office is None:
        return phrase
    return Phrase(phrase.start, office.end(), text[phrase.start:office.end()], "name")


def sentence_subject(text: str, start: int, end: int) -> Phrase | None:
    """Return the subject that opens the sentence ``text[start:end]`` (for "X verb ...:" intros).

    Leading connectives ("But") are skipped, and so is one introductory phrase ending in
    a comma ("On Tuesday, ..."). The subject must be followed by a lower-case word.

    Examples
    --------
    >>> text = "But a few days later, Trump reversed himself, telling CBS"
    >>> sentence_subject(text, 0, len(text)).text
    'Trump'
    >>> sentence_subject("Kasich resisted:", 0, 16).text
    'Kasich'
    >>> sentence_subject("Hours later, she wrote back", 0, 27).text
    'she'
    """
    toks = tokens(text, start, min(end, start + SUBJECT_LOOKAHEAD))
    after_commas = [index + 1 for index, (s, e) in enumerate(toks[:INTRO_MAX_TOKENS]) if text[s:e] == ","]
    candidates = [0, *after_commas[:1]]
    if toks and after_commas:
        first = word_at(text, toks, 0)
        if (first in leading_stops() or first.endswith(("ing", "ed")) or first in _intro_openers()
                or opens_with_adverb_or_time(word_at(text, toks, 0),
                                               word_at(text, toks, 1) if len(toks) > 1 else "")):
            # "Following a swiftly called, late-afternoon meeting, the Council ...": the
            # subject follows the introductory phrase, whichever of its commas ends it
            candidates = [*reversed(after_commas), 0]
    for candidate in candidates:
        index = candidate
        while index < len(toks) and word_at(text, toks, index) in leading_stops() - words("noun_marker"):
            index += 1
        if index >= len(toks):
            continue
        phrase = _office_of(text, noun_phrase_after(text, toks[index][0], end,
                                                    max_words=SUBJECT_MAX_WORDS), end)
        if phrase is None or phrase.end >= end or _is_time(phrase) or not is_subject_phrase(phrase.text):
            continue  # "Minutes later, she wrote": a time phrase opens, the subject follows
        rest = text[phrase.end : end].lstrip()
        if rest.startswith(":") and phrase.kind == "name":
            return phrase  # "Bush: “The mission is ...”"
        if phrase.kind == "name":
            rest = _skip_aside(rest)  # "Sanders (I-Vt.) visited", "Kim, a lawyer, endorsed"
        following = rest.split(maxsplit=1)[0] if rest else ""
        if following[:1].islower() and following.lower() not in words("breaker") - {"who"}:
            if phrase.kind == "name" and is_capitalised(following):
                continue
            return phrase
    return None
