"""Speaker phrases read backwards: the noun phrase before a speech cue.

Every function is small and pure over a text and character offsets (textacy's
``extract/triples.py`` is the model: one function per step). A phrase is a
:class:`Phrase`: a pronoun ("he"), a name (it holds a capitalised name: "NATO Secretary
General Jens Stoltenberg") or a description ("the senator", "officials"). The rules here
read backwards from a cue (:func:`subject_before`); :mod:`analysis.quotes.phrase_forward`
reads forwards after an inverted cue or "according to" (:func:`noun_phrase_after`) and
from a sentence's start (:func:`sentence_subject`), and both are re-exported here. The
record and the tokeniser live in :mod:`analysis.quotes.phrase_tokens`. Word lists come
from :mod:`analysis.quotes.words`; the lengths below bound how far a rule looks.
"""

from __future__ import annotations

from functools import cache

from analysis.quotes.clause_openers import absolute_with, auxiliary_after
from analysis.quotes.group_numerals import is_group_numeral
from analysis.quotes.phrase_forward import noun_phrase_after, sentence_subject
from analysis.quotes.phrase_tokens import Phrase, tokens
from analysis.quotes.phrase_tokens import is_abbreviation as _is_abbreviation
from analysis.quotes.phrase_tokens import is_capitalised as _is_capitalised
from analysis.quotes.phrase_tokens import is_possessive as _is_possessive
from analysis.quotes.phrase_tokens import is_word as _is_word
from analysis.quotes.phrase_tokens import token_text as _token
from analysis.quotes.words import abbreviations, leading_stops, words
from analysis.text.patterns import NAME_PARTICLES

__all__ = ["Phrase", "noun_phrase_after", "sentence_subject", "subject_before", "tokens"]

#: Characters before a cue searched for its subject.
SUBJECT_LOOKBACK = 300
#: Most tokens of a restrictive relative clause between a subject and its cue ("a county
#: official who was not authorized to speak publicly said").
RELATIVE_MAX_TOKENS = 14
#: Tokens back from a closing comma searched for the opening comma of an apposition
#: ("Kim, senior secretary for public affairs, said").
APPOSITION_MAX_TOKENS = 25
#: Words of a description read back from its head noun ("the NATO chief").
DESCRIPTION_MAX_WORDS = 7
#: Words before the plural head of a description without a determiner ("campaign aides").
BARE_PLURAL_MAX_EXTRA_WORDS = 2
#: An "-ly" word between speaker and verb is an adverb when longer than this ("also
#: said" is a list word; "quickly said" an adverb; "Ely" or "fly" are not).
LY_ADVERB_MIN_CHARS = 4


def _name_run_back(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """Return the index of the first token of the capitalised name ending at token ``i``."""
    j = i
    first = i + 1
    reached = i + 1  # the lowest token taken, name word or particle ("von der Leyen")
    while j >= 0:
        word = text[toks[j][0] : toks[j][1]]
        abbreviation_dot = word == "." and j > 0 and _is_abbreviation(_token(text, toks, j - 1))
        particle = word.lower() in NAME_PARTICLES and j > 0 and reached == j + 1 and first <= i
        if _is_capitalised(word) and _is_word(word):
            first = j
        elif not (abbreviation_dot or particle):
            break
        reached = j
        j -= 1
    return first


def _trim_function_words(text: str, toks: list[tuple[int, int]], first: int, last: int) -> int:
    """Skip sentence-initial capitalised function words ("But", "And") at the run's start."""
    while first <= last:
        lower = text[toks[first][0] : toks[first][1]].lower()
        if lower in leading_stops() and lower not in words("pronoun"):
            first += 1
        else:
            break
    return first


def subject_before(text: str, start: int, end: int) -> Phrase | None:
    """Return the speaker phrase that ends right before a cue at ``end`` (search from ``start``).

    Adverbs and auxiliaries between speaker and verb ("also", "has") are skipped, and
    so is an apposition between commas ("Kim, senior secretary for public affairs,").

    Examples
    --------
    >>> text = "Kim Eun-hye, senior secretary for public affairs, also said"
    >>> subject_before(text, 0, text.index("said"))
    Phrase(start=0, end=11, text='Kim Eun-hye', kind='name')
    >>> text = "Meeting in Lithuania, the NATO chief has stressed"
    >>> subject_before(text, 0, text.index("stressed")).text
    'the NATO chief'
    >>> subject_before("But he said", 0, 7).kind
    'pronoun'
    >>> subject_before("the two write", 0, 8).text  # a number for the people just named
    'the two'
    """
    lo = max(start, end - SUBJECT_LOOKBACK)
    toks = tokens(text, lo, end)
    if lo > start and toks:
        toks = toks[1:]
    i = _skip_between(text, toks, len(toks) - 1)
    if i < 0:
        return None
    relative = _head_of_relative(text, toks, i)
    if relative is not None:
        return relative  # "An aide who asked not to be named said": the aide
    phrase = _phrase_ending_at(text, toks, i)
    if phrase is not None and _after_preposition(text, toks, phrase) and (
        phrase.kind == "description" or _token(text, toks, _index_before(toks, phrase.start) - 1).lower() != "of"
    ) and not _subject_of_subordinate(text, toks, phrase) and not absolute_with(text, phrase.start, end):
        # "who has in the past described", "Beck on Wednesday called": a prepositional
        # phrase, not the subject ("the head of NATO said" keeps its "of")
        trailing = _trailing_name(text, toks, phrase, i)
        if trailing is not None:
            return trailing  # "In a radio interview Ruiz declared": the name after the phrase
        i = _index_before(toks, phrase.start) - 2  # before the preposition
        while i >= 0 and _is_between(_token(text, toks, i)):
            i -= 1
        phrase = _phrase_ending_at(text, toks, i) if i >= 0 else None
    if phrase is not None:
        return phrase
    if i < 0:
        return None
    word = text[toks[i][0] : toks[i][1]]
    if word == "," and i > 0 and _token(text, toks, i - 1) == ")":
        phrase = _phrase_ending_at(text, toks, _matching_parenthesis(text, toks, i - 1) - 1)
        if phrase is not None and phrase.kind == "name":
            return phrase
    if word in {",", ")"}:
        return _subject_across_apposition(text, toks, i)
    return None


def _head_of_relative(text: str, toks: list[tuple[int, int]], i: int) -> Phrase | None:
    """Return the subject a restrictive "who" clause ending at ``toks[i]`` modifies.

    "A county official who was not authorized to speak said": the clause runs from
    "who" to the cue with no punctuation, "who" is its subject (the word after it is no
    name or pronoun: "voters who Clinton said" is Clinton's cue), and the phrase before
    "who" opens its clause.
    """
    j = i
    while j > 0 and i - j < RELATIVE_MAX_TOKENS and _is_word(_token(text, toks, j)):
        if _token(text, toks, j).lower() == "who" and j < i:
            after = _token(text, toks, j + 1)
            if _is_capitalised(after) or after.lower() in words("pronoun"):
                return None
            phrase = _phrase_ending_at(text, toks, j - 1)
            if phrase is None or phrase.kind == "pronoun":
                return None
            return phrase if _starts_clause_at(text, toks, phrase.start) else None
        j -= 1
    return None


def _trailing_name(text: str, toks: list[tuple[int, int]], phrase: Phrase, i: int) -> Phrase | None:
    """Return the name ending a description-led phrase ("a radio interview Ruiz" -> "Ruiz").

    Only when a lower-case word that is no title stands before the name: "a radio
    interview", not "the party chairman"; and not after "of" ("to the Ministry of Defence":
    one name).
    """
    if phrase.kind != "name":
        return None
    first = _name_run_back(text, toks, i)
    before = [_token(text, toks, j).lower() for j in range(_index_before(toks, phrase.start), first)]
    if not before or before[-1] == "of" or not any(w.isalpha() and w not in words("determiner") | words("article")
                             and w not in words("title_word") for w in before[1:]):
        return None
    name = text[toks[first][0] : toks[i][1]]
    return Phrase(toks[first][0], toks[i][1], name, "name")


def _index_before(toks: list[tuple[int, int]], offset: int) -> int:
    """Return the index of the first token starting at or after ``offset``."""
    return next((index for index, (s, _) in enumerate(toks) if s >= offset), len(toks))


def _subject_of_subordinate(text: str, toks: list[tuple[int, int]], phrase: Phrase) -> bool:
    """Tell whether ``phrase`` is the subject of a clause a subordinator opens.

    "The talks resumed after the foreign minister said": "after" opens a clause whose
    subject speaks; "Kim after the meeting said" keeps "Kim" (a meeting does not speak).
    The phrase counts when it is a name or its head is an office, an institution or a
    source noun (``title_word``, ``institution``, the anonymous heads).
    """
    index = _index_before(toks, phrase.start)
    if _token(text, toks, index - 1).lower() not in words("subordinator"):
        return False
    if phrase.kind == "name" or auxiliary_after(text, phrase.start, phrase.end):
        return True  # "after Kim said", "after the man had posted": a clause's subject
    head = phrase.text.split()[-1].lower().rstrip("s")
    return head in _speaking_heads()


@cache
def _speaking_heads() -> frozenset[str]:
    from analysis.quotes.speaker_kinds import anonymous_words

    return words("title_word") | words("institution") | anonymous_words("head")


def _after_preposition(text: str, toks: list[tuple[int, int]], phrase: Phrase) -> bool:
    index = _index_before(toks, phrase.start)
    return index > 0 and _token(text, toks, index - 1).lower() in words("preposition")


#: The head of a share of people as a speaker ("21 percent said").
_PERCENT = "percent"
#: Weekdays, which stand alone between a speaker and a verb ("Kim Tuesday said").
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                       "Sunday"})


def _skip_between(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """Return the last token before ``i`` (included) that is no adverb, auxiliary or time phrase.

    ``Kim last week said``, ``the council earlier this week said``, ``Kim Tuesday
    said``: the time phrase stands between speaker and verb, as "also" does.
    """
    while i >= 0:
        step = _skip_width(text, toks, i)
        if not step:
            return i
        i -= step
    return i


def _skip_width(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """Return how many tokens ending at ``i`` stand between speaker and verb (0: none)."""
    word = _token(text, toks, i)
    lower = word.lower()
    if _is_between(word) or (word.islower() and lower in words("time_adverb")):
        return 1
    if word in _WEEKDAYS and not _after_function_word(text, toks, i):
        return 1
    if (lower in words("time_noun") and word.islower() and i > 0
            and _token(text, toks, i - 1).lower() in words("time_opener")):
        return 2
    return 0


def _after_function_word(text: str, toks: list[tuple[int, int]], i: int) -> bool:
    """Tell whether token ``i`` follows a preposition or determiner ("on Friday", "a Sunday")."""
    if i == 0:
        return False
    before = _token(text, toks, i - 1).lower()
    return before in words("preposition") | words("determiner") | words("article")


#: Auxiliaries that, capitalised, are first names ("“...,” Will wrote."): never skipped.
_NAME_AUXILIARIES = frozenset({"Will", "May"})


def _is_between(word: str) -> bool:
    """Tell whether a word may stand between speaker and verb (auxiliary, "-ly" adverb)."""
    lower = word.lower()
    if word in _NAME_AUXILIARIES:
        return False
    return lower in words("between") or (word.islower() and lower.endswith("ly") and len(lower) > LY_ADVERB_MIN_CHARS)


#: Words opening a relative clause between commas whose antecedent is no person: the
#: speaker is before it ("Ann Lee, a partner at X, which owns Y, said").
_RELATIVE_OPENERS = frozenset({"which", "where"})


def _subject_across_apposition(text: str, toks: list[tuple[int, int]], i: int) -> Phrase | None:
    """Return the phrase before an apposition: "Kim, senior secretary for ..., [said]"."""
    closing = text[toks[i][0] : toks[i][1]]
    opening = "," if closing == "," else "("
    j = i - 1
    while j >= 0 and i - j <= APPOSITION_MAX_TOKENS:
        word = text[toks[j][0] : toks[j][1]]
        if word == opening:
            if opening == "," and _token(text, toks, j + 1).lower() in _RELATIVE_OPENERS:
                # "Ann Lee, a partner at X, which owns Y, said": past the apposition too
                outer = _subject_across_apposition(text, toks, j)
                if outer is not None and outer.kind == "name":
                    return outer
            end = j - 1
            if end >= 0 and _token(text, toks, end) == ")":
                end = _matching_parenthesis(text, toks, end) - 1
            phrase = _phrase_ending_at(text, toks, end)
            if phrase is None or (phrase.kind == "pronoun" and phrase.text.lower() == "who"):
                return None
            if _opens_with_preposition(text, toks, phrase.start):
                # "Kim, during a visit to Vilnius, Lithuania, said": the comma pair closes
                # a place inside a prepositional phrase; look further back
                j -= 1
                continue
            if phrase.kind in {"name", "pronoun"} or _starts_clause_at(text, toks, phrase.start):
                return phrase
            return None
        abbreviation_dot = word == "." and j > 0 and _is_abbreviation(_token(text, toks, j - 1))
        if opening == "," and word in {".", ";", ":", "“", "”", '"'} and not abbreviation_dot:
            return None
        j -= 1
    return None


def _opens_with_preposition(text: str, toks: list[tuple[int, int]], offset: int) -> bool:
    """Tell whether the comma-delimited stretch holding ``offset`` starts with a preposition."""
    index = _index_before(toks, offset) - 1
    while index >= 0 and _token(text, toks, index) not in {",", ".", ";", ":", "(", "—"}:
        index -= 1
    first = index + 1
    return first < len(toks) and _token(text, toks, first).lower() in words("preposition")


def _matching_parenthesis(text: str, toks: list[tuple[int, int]], close_index: int) -> int:
    j = close_index
    while j >= 0 and _token(text, toks, j) != "(":
        j -= 1
    return max(j, 0)


def _starts_clause_at(text: str, toks: list[tuple[int, int]], offset: int) -> bool:
    """Tell whether the token before ``offset`` is a clause boundary (or there is none)."""
    previous = [index for index, (s, _) in enumerate(toks) if s < offset]
    if not previous:
        return True
    word = _token(text, toks, previous[-1])
    return not _is_word(word) or word.lower() in words("clause_link")


def _phrase_ending_at(text: str, toks: list[tuple[int, int]], i: int) -> Phrase | None:
    """Return the noun phrase whose last token is ``toks[i]``, or None."""
    if i < 0:
        return None
    word = text[toks[i][0] : toks[i][1]]
    if not _is_word(word):
        return None
    lower = word.lower()
    if lower in words("pronoun") or lower == "who":
        if i > 0 and text[toks[i - 1][0] : toks[i - 1][1]].lower() in words("determiner"):
            return None
        return Phrase(toks[i][0], toks[i][1], word, "pronoun")
    if lower in words("standalone_quantifier") and _starts_clause_at(text, toks, toks[i][0]):
        return Phrase(toks[i][0], toks[i][1], word, "description")  # "Another said", "Some chanted"
    if lower == _PERCENT and i > 0 and _token(text, toks, i - 1)[:1].isdigit() and _starts_clause_at(
            text, toks, toks[i - 1][0]):
        return Phrase(toks[i - 1][0], toks[i][1], text[toks[i - 1][0] : toks[i][1]], "description")
    if i > 0 and is_group_numeral(_token(text, toks, i - 1), word):  # "the two write"
        return Phrase(toks[i - 1][0], toks[i][1], text[toks[i - 1][0] : toks[i][1]], "description")
    if lower in words("breaker") or lower in words("determiner"):
        return None
    if _is_capitalised(word):
        first = _name_run_back(text, toks, i)
        trimmed = _trim_function_words(text, toks, first, i)
        if trimmed > i and first == i and lower not in words("breaker") | words("determiner"):
            trimmed = i  # a lone name that is also a common word ("Will wrote", "May said")
        first = trimmed
        if first <= i and _is_capitalised(text[toks[first][0] : toks[first][1]]):
            described = _description_back(text, toks, first - 1, i)
            if described is not None:
                return described
            return Phrase(toks[first][0], toks[i][1], text[toks[first][0] : toks[i][1]], "name")
        return None
    return _description_back(text, toks, i, i)


def _description_back(text: str, toks: list[tuple[int, int]], i: int, last: int) -> Phrase | None:
    """Return "the NATO chief"-like phrases: a determiner (or possessive) and up to 7 words."""
    j = i
    determiner_at: int | None = None
    boundary_at: int | None = None
    while j >= 0 and last - j <= DESCRIPTION_MAX_WORDS:
        word = text[toks[j][0] : toks[j][1]]
        lower = word.lower()
        if not _is_word(word):
            if word == "." and j > 0 and text[toks[j - 1][0] : toks[j - 1][1]].lower() in abbreviations():
                j -= 1
                continue
            if word == "-":
                j -= 1
                continue
            if word == "," and determiner_at is None and _coordinate_adjective(text, toks, j):
                determiner_at = j - 2  # "the soft-spoken, 61-year-old engineer"
                break
            boundary_at = j
            break
        # a capitalised determiner only where a sentence or clause starts ("Another child")
        opens = j == 0 or not _is_word(text[toks[j - 1][0] : toks[j - 1][1]])
        is_determiner = lower in words("determiner") and (opens or not _is_capitalised(word))
        if is_determiner or lower in words("article") or (_is_possessive(word) and j < last):
            determiner_at = j
        elif lower in words("breaker") or lower in words("pronoun"):
            boundary_at = j
            break
        j -= 1
    else:
        boundary_at = j
    first: int | None = determiner_at
    if first is not None and _is_possessive(_token(text, toks, first)) and _is_capitalised(_token(text, toks, first)):
        # "South Korea's foreign ministry": the whole name before the possessive
        first = _trim_function_words(text, toks, _name_run_back(text, toks, first), first)
    if first is None:
        # a bare plural or title ("officials said", "campaign aides said") right after a boundary
        start_index = (boundary_at + 1) if boundary_at is not None else 0
        if start_index > last or last - start_index > BARE_PLURAL_MAX_EXTRA_WORDS:
            return None
        first = start_index
        if not text[toks[last][0] : toks[last][1]].endswith("s"):
            return None  # a bare noun phrase is a plural: "officials said", "aides say"
    if first > last:
        return None
    phrase_text = text[toks[first][0] : toks[last][1]]
    kind = "name" if _is_capitalised(text[toks[last][0] : toks[last][1]]) else "description"
    if phrase_text.lower() in words("determiner"):
        return None
    return Phrase(toks[first][0], toks[last][1], phrase_text, kind)


def _coordinate_adjective(text: str, toks: list[tuple[int, int]], comma: int) -> bool:
    """Tell whether ``toks[comma]`` parts two adjectives after an article ("the shy, tall aide").

    The word before the comma is hyphenated or a participle ("soft-spoken", "bespectacled"),
    the one before it an article, and a lower-case word follows: one description, not a
    comma between two phrases ("the town, local officials").
    """
    if comma < 2 or comma + 1 >= len(toks):
        return False
    adjective = _token(text, toks, comma - 1)
    following = _token(text, toks, comma + 1)
    return (_token(text, toks, comma - 2).lower() in words("article") and adjective.islower()
            and ("-" in adjective or adjective.endswith("ed"))
            and (following[:1].islower() or following[:1].isdigit()))
