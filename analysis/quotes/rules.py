"""Rules behind :mod:`analysis.quotes.extract`: quote marks, speech cues and speaker phrases.

Everything here is a small, pure function over a text and character offsets, so each
step can be tested alone (textacy's ``extract/triples.py`` is the model: one function
per step, word lists kept apart as data). The word lists are read once from
``analysis/resources/quotes/speech_verbs.csv`` and ``analysis/resources/quotes/quote_words.csv``.

Quote marks (decided here):

* Double marks (straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``) delimit
  quotations. Whether a mark opens or closes is read from its neighbours (space before
  and a letter after: opening), and from its shape only when the neighbours do not say.
* Single marks (``‘ ’`` and ``'``) delimit a quotation only when an opening one (space
  or start before it, a letter after it) finds a closing one in the same paragraph; an
  apostrophe inside or after a word (``Korea’s``, ``workers’``) or before a number
  (``’90s``) never opens one. Single marks inside a double-quoted span are a nested
  quotation and belong to it; double marks inside a single-quoted span (British style)
  likewise belong to the outer one.
* A paragraph that ends inside an open quotation, followed by a paragraph that starts
  with an opening mark, continues it (the news convention for multi-paragraph quotes:
  each paragraph opens, only the last closes). A quotation left open at the end of a
  paragraph that is not continued ends with that paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from analysis._resources import read_csv_rows, read_lines

__all__ = [
    "Cue",
    "Marked",
    "Phrase",
    "cue_pattern",
    "cues",
    "find_marked",
    "noun_phrase_after",
    "sentence_subject",
    "subject_before",
    "tokens",
    "words",
]

DOUBLE_OPENING = "“„«‟"
DOUBLE_CLOSING = "”»"
DOUBLE_MARKS = DOUBLE_OPENING + DOUBLE_CLOSING + '"'
SINGLE_MARKS = "‘’'‚‛"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
_BEFORE_OPENING = set("([{—–-/\u00a0") | set(DOUBLE_OPENING) | set("‘")
_AFTER_CLOSING = set(".,;:!?)]}—–-…/\u00a0") | set(DOUBLE_CLOSING) | set("’'\"")
_ELISION = re.compile(r"(?:\d\d?s?|em|n|til|cause|bout|tis|twas)\b", re.IGNORECASE)


# ---------------------------------------------------------------------------
# word lists


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue: its lemma, whether it takes an addressee, is a verb of saying, inverts."""

    lemma: str
    addressee: bool
    speech: bool
    inverts: bool = False


@cache
def cues() -> dict[str, Cue]:
    """Return every cue form (as written, e.g. "told") mapped to its :class:`Cue`.

    Examples
    --------
    >>> cues()["told"]
    Cue(lemma='tell', addressee=True, speech=True, inverts=False)
    >>> cues()["according to"].lemma
    'according to'
    """
    table: dict[str, Cue] = {}
    for row in read_csv_rows("quotes/speech_verbs.csv"):
        cue = Cue(row["lemma"], row["addressee"] == "yes", row["strength"] == "speech",
                  row.get("inverts") == "yes")
        for form in row["forms"].split("|"):
            table.setdefault(form.strip(), cue)
    return table


@cache
def cue_pattern() -> re.Pattern[str]:
    """Return one compiled pattern matching any cue form as a whole word, longest first."""
    forms = sorted(cues(), key=len, reverse=True)
    alternation = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
    return re.compile(rf"(?<![\w’'-])(?:{alternation})(?![\w’'-])")


@cache
def words(kind: str) -> frozenset[str]:
    """Return the lower-case words of one list in ``quotes/quote_words.csv``.

    Examples
    --------
    >>> "he" in words("pronoun"), "song" in words("title_noun")
    (True, True)
    """
    return frozenset(row["word"] for row in read_csv_rows("quotes/quote_words.csv") if row["type"] == kind)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(read_lines("text/abbreviations.txt"))


@cache
def _function_words() -> frozenset[str]:
    rows = read_csv_rows("text/function_words.csv")
    return frozenset(row["word"] for row in rows if row["language"] == "en")


# ---------------------------------------------------------------------------
# quote marks


@dataclass(frozen=True, slots=True)
class Marked:
    """A span delimited by quote marks: ``start`` at the opening mark, ``end`` after the closing one.

    ``closed`` is False when no closing mark was found (the span then ends with its
    paragraph); ``family`` is "double" or "single"; ``paragraphs`` counts the
    paragraphs it spans.
    """

    start: int
    end: int
    closed: bool
    family: str
    paragraphs: int = 1


def _is_space(char: str) -> bool:
    return char == "" or char.isspace()


def _double_role(text: str, i: int) -> str:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    opens_context = _is_space(before) or before in _BEFORE_OPENING
    closes_context = _is_space(after) or after in _AFTER_CLOSING
    if opens_context and not closes_context:
        return "open"
    if closes_context and not opens_context:
        return "close"
    mark = text[i]
    if mark in DOUBLE_OPENING:
        return "open"
    if mark in DOUBLE_CLOSING:
        return "close"
    return "toggle"


def _double_spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair double marks in ``text[start:end]``; return closed pairs and an unclosed opener."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    depth = 0
    for i in range(start, end):
        if text[i] not in DOUBLE_MARKS:
            continue
        role = _double_role(text, i)
        if role == "toggle":
            role = "open" if opened is None else "close"
        if role == "open":
            if opened is None:
                opened, depth = i, 1
            else:
                depth += 1
        elif opened is not None:
            depth -= 1
            if depth <= 0:
                pairs.append((opened, i + 1))
                opened, depth = None, 0
    return pairs, opened


def _single_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not (_is_space(before) or before in _BEFORE_OPENING or before in DOUBLE_MARKS):
        return False
    if not after.isalnum():
        return False
    return not _ELISION.match(text, i + 1)


def _single_closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if _is_space(before):
        return False
    return _is_space(after) or after in _AFTER_CLOSING or after in DOUBLE_MARKS


def _single_spans(
    text: str, start: int, end: int, blocked: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pair single marks outside the ``blocked`` spans of ``text[start:end]``."""
    pairs: list[tuple[int, int]] = []
    position = start
    block_index = 0
    while position < end:
        i = _next_single(text, position, end)
        if i < 0:
            break
        while block_index < len(blocked) and blocked[block_index][1] <= i:
            block_index += 1
        if block_index < len(blocked) and blocked[block_index][0] <= i:
            position = blocked[block_index][1]
            continue
        if text[i] != "’" and _single_opens(text, i):
            close = _single_close_after(text, i + 1, end)
            if close is not None:
                pairs.append((i, close + 1))
                position = close + 1
                continue
        position = i + 1
    return pairs


def _next_single(text: str, position: int, end: int) -> int:
    best = -1
    for mark in "‘'’":
        found = text.find(mark, position, end)
        if found >= 0 and (best < 0 or found < best):
            best = found
    return best


def _single_close_after(text: str, position: int, end: int) -> int | None:
    """Return the closing single mark after an opener, skipping likely possessives."""
    candidates = [
        i for i in range(position, end) if text[i] in "’'" and _single_closes(text, i)
    ]
    for index, i in enumerate(candidates):
        possessive = text[i - 1] == "s" and text[i + 1 : i + 3].strip()[:1].islower()
        if possessive and index + 1 < len(candidates):
            continue
        if text[i - 1].isalnum() and i + 1 < end and text[i + 1].isalnum():
            continue
        return i
    return None


def _starts_with_opening(text: str, paragraph: tuple[int, int]) -> bool:
    first = text[paragraph[0]] if paragraph[0] < paragraph[1] else ""
    return first in DOUBLE_OPENING or (first == '"' and _double_role(text, paragraph[0]) != "close")


def find_marked(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Marked]:
    """Return the quote-mark spans of ``text``, paragraph by paragraph, in text order.

    Parameters
    ----------
    text : str
    paragraphs : sequence of (start, end)
        Paragraph spans (quotations never cross one, except multi-paragraph quotes).

    Examples
    --------
    >>> text = "“It is Korea’s turn,” he said of the ’90s.\\n“One.\\n“Two,” she said 'loudly'."
    >>> found = find_marked(text, [(0, 42), (43, 48), (49, 74)])
    >>> [(text[m.start:m.end], m.family, m.paragraphs) for m in found]
    [('“It is Korea’s turn,”', 'double', 1), ('“One.\\n“Two,”', 'double', 2), ("'loudly'", 'single', 1)]
    """
    found: list[Marked] = []
    carried: int | None = None
    carried_paragraphs = 0
    previous_end = 0
    for p_start, p_end in paragraphs:
        position = p_start
        if carried is not None:
            if _starts_with_opening(text, (p_start, p_end)):
                close = _first_close(text, p_start + 1, p_end)
                if close is None:
                    carried_paragraphs += 1
                    previous_end = p_end
                    continue
                found.append(Marked(carried, close + 1, True, "double", carried_paragraphs + 1))
                position = close + 1
            else:
                found.append(Marked(carried, previous_end, False, "double", carried_paragraphs))
            carried = None
        pairs, opened = _double_spans(text, position, p_end)
        blocked = pairs + ([(opened, p_end)] if opened is not None else [])
        spans = [Marked(s, e, True, "double") for s, e in pairs]
        for s, e in _single_spans(text, position, p_end, blocked):
            spans = [m for m in spans if not (s <= m.start and m.end <= e)]
            spans.append(Marked(s, e, True, "single"))
        found.extend(sorted(spans, key=lambda m: m.start))
        if opened is not None:
            carried, carried_paragraphs = opened, 1
        previous_end = p_end
    if carried is not None:
        found.append(Marked(carried, previous_end, False, "double", carried_paragraphs))
    return found


def _previous_end(paragraphs: Sequence[tuple[int, int]], start: int) -> int:
    previous = [end for s, end in paragraphs if s < start]
    return previous[-1] if previous else start


def _first_close(text: str, start: int, end: int) -> int | None:
    """Return the first closing double mark in ``text[start:end]`` (nested pairs skipped)."""
    depth = 0
    for i in range(start, end):
        if text[i] not in DOUBLE_MARKS:
            continue
        role = _double_role(text, i)
        if role == "toggle":
            role = "close" if depth == 0 else "open"
        if role == "open":
            depth += 1
        elif depth == 0:
            return i
        else:
            depth -= 1
    return None


# ---------------------------------------------------------------------------
# tokens and noun phrases

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[’'\-.&]\w+)*(?:[’']s?)?|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase found near a cue: offsets, text and what it is.

    ``kind`` is "pronoun", "name" (it contains a capitalised name) or "description".
    """

    start: int
    end: int
    text: str
    kind: str


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of the tokens (words and punctuation) in ``text[start:end]``.

    Examples
    --------
    >>> text = "Sen. Jeanne Shaheen, D-N.H., said U.S. ties’ value"
    >>> [text[s:e] for s, e in tokens(text, 0, len(text))]
    ['Sen', '.', 'Jeanne', 'Shaheen', ',', 'D-N.H', '.', ',', 'said', 'U.S.', 'ties’', 'value']
    """
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _word_at(text: str, toks: list[tuple[int, int]], index: int) -> str:
    """Return token ``index`` in lower case."""
    return text[toks[index][0] : toks[index][1]].lower()


def _token(text: str, toks: list[tuple[int, int]], index: int) -> str:
    return text[toks[index][0] : toks[index][1]]


#: A US party-and-state tag written after a name: "R-Ky.", "D-Tex.", "I-Vt.".
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z]{0,4}")


def _is_abbreviation(word: str) -> bool:
    """Tell whether a word before a period is an abbreviation or an initial ("Sen", "J", "R-Ky")."""
    return (word.lower() in _abbreviations() or (len(word) == 1 and word.isupper())
            or _PARTY_TAG.fullmatch(word) is not None)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_word(word: str) -> bool:
    return word[:1].isalnum()


def _is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'")) and len(word) > 2


def _name_run_back(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """Return the index of the first token of the capitalised name ending at token ``i``."""
    j = i
    first = i + 1
    while j >= 0:
        word = text[toks[j][0] : toks[j][1]]
        abbreviation_dot = word == "." and j > 0 and _is_abbreviation(_token(text, toks, j - 1))
        particle = word.lower() in words("particle") and j > 0 and first == j + 1
        if _is_capitalised(word) and _is_word(word):
            first = j
        elif not (abbreviation_dot or particle):
            break
        j -= 1
    return first


def _trim_function_words(text: str, toks: list[tuple[int, int]], first: int, last: int) -> int:
    """Skip sentence-initial capitalised function words ("But", "And") at the run's start."""
    while first <= last:
        lower = text[toks[first][0] : toks[first][1]].lower()
        if lower in _leading_stops() and lower not in words("pronoun"):
            first += 1
        else:
            break
    return first


@cache
def _leading_stops() -> frozenset[str]:
    """Capitalised words that open a sentence but are not part of a name ("But", "When")."""
    return (words("breaker") | words("between") | words("determiner") | words("leading")) - {"the"}


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
    """
    lo = max(start, end - 300)
    toks = tokens(text, lo, end)
    if lo > start and toks:
        toks = toks[1:]
    i = len(toks) - 1
    while i >= 0 and _is_between(_token(text, toks, i)):
        i -= 1
    if i < 0:
        return None
    phrase = _phrase_ending_at(text, toks, i)
    if phrase is not None and _after_preposition(text, toks, phrase) and (
        phrase.kind == "description" or _token(text, toks, _index_before(toks, phrase.start) - 1).lower() != "of"
    ):
        # "who has in the past described", "Beck on Wednesday called": a prepositional
        # phrase, not the subject ("the head of NATO said" keeps its "of")
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


_PREPOSITIONS = frozenset(
    {"in", "on", "at", "by", "for", "with", "from", "to", "of", "during", "after", "before",
     "over", "under", "since", "into", "about", "against", "among", "through"}
)


def _index_before(toks: list[tuple[int, int]], offset: int) -> int:
    """Return the index of the first token starting at or after ``offset``."""
    return next((index for index, (s, _) in enumerate(toks) if s >= offset), len(toks))


def _after_preposition(text: str, toks: list[tuple[int, int]], phrase: Phrase) -> bool:
    index = _index_before(toks, phrase.start)
    return index > 0 and _token(text, toks, index - 1).lower() in _PREPOSITIONS


def _is_between(word: str) -> bool:
    """Tell whether a word may stand between speaker and verb (auxiliary, "-ly" adverb)."""
    lower = word.lower()
    return lower in words("between") or (word.islower() and lower.endswith("ly") and len(lower) > 4)


def _subject_across_apposition(text: str, toks: list[tuple[int, int]], i: int) -> Phrase | None:
    """Return the phrase before an apposition: "Kim, senior secretary for ..., [said]"."""
    closing = text[toks[i][0] : toks[i][1]]
    opening = "," if closing == "," else "("
    j = i - 1
    while j >= 0 and i - j <= 25:
        word = text[toks[j][0] : toks[j][1]]
        if word == opening:
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
    return first < len(toks) and _token(text, toks, first).lower() in _PREPOSITIONS


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
    return not _is_word(word) or word.lower() in {"and", "but", "while", "as"}


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
    while j >= 0 and last - j <= 7:
        word = text[toks[j][0] : toks[j][1]]
        lower = word.lower()
        if not _is_word(word):
            if word == "." and j > 0 and text[toks[j - 1][0] : toks[j - 1][1]].lower() in _abbreviations():
                j -= 1
                continue
            if word == "-":
                j -= 1
                continue
            boundary_at = j
            break
        # a capitalised determiner only where a sentence or clause starts ("Another child")
        opens = j == 0 or not _is_word(text[toks[j - 1][0] : toks[j - 1][1]])
        is_determiner = lower in words("determiner") and (opens or not _is_capitalised(word))
        if is_determiner or lower in {"the", "a", "an"} or (_is_possessive(word) and j < last):
            determiner_at = j
        elif lower in words("breaker") or lower in words("pronoun"):
            boundary_at = j
            break
        j -= 1
    else:
        boundary_at = j
    first: int | None = determiner_at
    if first is None:
        # a bare plural or title ("officials said", "campaign aides said") right after a boundary
        start_index = (boundary_at + 1) if boundary_at is not None else 0
        if start_index > last or last - start_index > 2:
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


_FORWARD_STOPS = frozenset(
    {"on", "in", "at", "for", "with", "during", "about", "from", "by", "after", "before",
     "over", "to", "into", "via", "through", "since", "while", "amid", "last", "this",
     "earlier", "later", "late", "early", "yesterday", "today", "tonight"}
)


def noun_phrase_after(
    text: str, start: int, end: int, max_words: int = 8, titles: bool = False
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
    toks = tokens(text, start, min(end, start + 200))
    if not toks:
        return None
    first_word = text[toks[0][0] : toks[0][1]]
    if first_word.lower() in words("pronoun") | {"him", "her", "them", "us", "me"}:
        return Phrase(toks[0][0], toks[0][1], first_word, "pronoun")
    last = -1
    has_name = False
    # "a Florida strategist", "one unaligned Florida Republican strategist": after a
    # determiner, capitalised words are modifiers and the head noun follows them.
    modified = first_word.lower() in words("determiner")
    for index, (s, e) in enumerate(toks[:max_words]):
        word = text[s:e]
        lower = word.lower()
        if not _is_word(word):
            if word == "." and index > 0 and text[toks[index - 1][0] : toks[index - 1][1]].lower() in _abbreviations():
                continue
            if word == "-":
                continue
            break
        if _is_capitalised(word):
            has_name = True
            last = index
            continue
        if has_name and lower not in words("particle"):
            if titles and _title_then_name(text, toks, index, max_words):
                continue  # "Blaze co-host Stu Burguiere": a title between two names
            if lower in words("name_head") and _ends_phrase(text, toks, index):
                last = index  # "wrote Time magazine."
                break
            if not (modified and _is_head_noun(lower)):
                break
            modified = False  # one head noun: "a Florida strategist", not "... strategist Bob"
        if lower in _FORWARD_STOPS or lower in words("breaker") or lower in {"there", "here"}:
            break
        if index > 0 and lower in words("determiner") and lower not in {"the", "a", "an"}:
            break
        if lower in cues() and index > 0:
            break
        last = index
    if last < 0:
        return None
    phrase_text = text[toks[0][0] : toks[last][1]]
    if phrase_text.lower() in words("determiner"):
        return None
    return Phrase(toks[0][0], toks[last][1], phrase_text, "name" if has_name else "description")


def _ends_phrase(text: str, toks: list[tuple[int, int]], index: int) -> bool:
    """Tell whether the token after ``index`` is punctuation or the end of the tokens."""
    return index + 1 >= len(toks) or not _is_word(_token(text, toks, index + 1))


def _is_head_noun(lower: str) -> bool:
    """Tell whether a lower-case word can end a description ("strategist", not "on")."""
    return (lower not in _FORWARD_STOPS and lower not in words("breaker")
            and lower not in words("determiner") and lower not in cues()
            and lower not in {"there", "here", "is", "was", "are", "were", "has", "had"})


def _title_then_name(text: str, toks: list[tuple[int, int]], index: int, max_words: int) -> bool:
    """Tell whether lower-case words at ``index`` lead to another capitalised name."""
    for word_index in range(index, min(len(toks), index + 3, max_words)):
        word = text[toks[word_index][0] : toks[word_index][1]]
        if not _is_word(word) or word.lower() in _FORWARD_STOPS | words("breaker"):
            return False
        if _is_capitalised(word):
            return True
    return False


_ASIDE = re.compile(r"^(?:\([^()]{1,40}\)|,[^,.;:!?“”\"()]{1,100},)\s*")


def _skip_aside(rest: str) -> str:
    """Skip a parenthesis or an apposition between commas right after a name."""
    match = _ASIDE.match(rest)
    return rest[match.end() :] if match else rest


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
    """
    toks = tokens(text, start, min(end, start + 400))
    candidates = [0]
    for index, (s, e) in enumerate(toks[:20]):
        if text[s:e] == ",":
            candidates.append(index + 1)
            break
    if toks and len(candidates) > 1:
        first = _word_at(text, toks, 0)
        if first in _leading_stops() or first.endswith(("ing", "ed")) or first in {"when", "after"}:
            candidates.reverse()
    for candidate in candidates:
        index = candidate
        while index < len(toks) and _word_at(text, toks, index) in _leading_stops() - {"the", "a", "an"}:
            index += 1
        if index >= len(toks):
            continue
        phrase = noun_phrase_after(text, toks[index][0], end, max_words=6)
        if phrase is None or phrase.end >= end:
            continue
        rest = text[phrase.end : end].lstrip()
        if rest.startswith(":") and phrase.kind == "name":
            return phrase  # "Bush: “The mission is ...”"
        if phrase.kind == "name":
            rest = _skip_aside(rest)  # "Sanders (I-Vt.) visited", "Kim, a lawyer, endorsed"
        following = rest.split(maxsplit=1)[0] if rest else ""
        if following[:1].islower() and following.lower() not in words("breaker") - {"who"}:
            if phrase.kind == "name" and _is_capitalised(following):
                continue
            return phrase
    return None
