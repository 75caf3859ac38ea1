"""Kinds: whether a quote-mark span is a direct quote, a partial one, a title or a scare quote.

A span that starts its sentence (or follows an introducing colon or comma) and ends in
punctuation is ``direct``; a span inside a sentence is ``partial``, unless a title noun
("song", "book", "rendition of") announces a title-cased span (``title``) or a scare
marker ("so-called", "dubbed") precedes it or an apposition after it calls it a word
("“IP4,” a label ...": ``scare``). A short partial quote that no cue attributes becomes
``scare`` later (:mod:`analysis.quotes.attribution`), unless it reads as the words of its
sentence's subject (:mod:`analysis.quotes.scare`).
"""

from __future__ import annotations

import re

from analysis.quotes.clause_agent import named_by_pronoun
from analysis.quotes.context import WORDS, Context, Found, last_marked_before
from analysis.quotes.marks import Marked
from analysis.quotes.owned_wording import owned_noun_before
from analysis.quotes.scare import uses_wording
from analysis.quotes.words import words

__all__ = ["classify"]

#: Characters that end a quotation (inside its marks) like punctuation.
_TERMINAL = ".,!?…—-:;"
#: Words before a quote searched for a title noun ("the song “...”").
TITLE_NOUN_WINDOW = 4
#: Words before a quote searched for a scare marker ("so-called “...”").
SCARE_WINDOW = 2
#: Fewest words of a direct quote (a one-word quote opening a sentence is partial).
DIRECT_MIN_WORDS = 2
#: Most words of a quoted title.
TITLE_MAX_WORDS = 12
#: Longest lower-case word inside a title ("of", "the").
TITLE_SHORT_WORD = 3


def _content(text: str, m: Marked) -> str:
    """Return the words inside the marks (each continued paragraph's opening mark removed)."""
    inner_end = m.end - 1 if m.closed else m.end
    inner = text[m.start + 1 : inner_end]
    if m.paragraphs > 1:
        inner = re.sub(r"\n\s*[“\"„«]", "\n", inner)
    return inner.strip()


def classify(context: Context, m: Marked) -> Found | None:
    """Return the quote a quote-mark span makes, with its kind (None when it holds no word)."""
    doc = context.doc
    text = doc.text
    content = _content(text, m)
    if not any(ch.isalnum() for ch in content):
        return None
    sentence = doc.sentence_at(m.start) or doc.sentence_at(m.start + 1)
    sentence_index = sentence.index if sentence else 0
    paragraph = sentence.paragraph if sentence else 0
    sentence_start = sentence.start if sentence else m.start
    previous = last_marked_before(context, sentence_start, m.start)
    region_start = previous.end if previous is not None else sentence_start
    before = text[region_start : m.start]
    kind = _kind(text, m, content, before, starts_sentence=previous is None)
    return Found(m.start, m.end, kind, content, sentence_index, paragraph, marked=m)


def _kind(text: str, m: Marked, content: str, before: str, starts_sentence: bool) -> str:
    stripped = before.strip(" \t\n\u00a0—–-(")
    after = text[m.end : m.end + 1]
    ends_punctuated = content[-1:] in _TERMINAL or after in {",", ".", "!", "?", ":", ";", ""} \
        or not m.closed
    content_words = WORDS.findall(content)
    preceding = [w.lower() for w in WORDS.findall(before)[-TITLE_NOUN_WINDOW:]]
    if _is_title(content_words) and (words("title_noun") & set(preceding)
                                     or _apposed_noun_after(text, m.end, "title_noun")):
        return "title"
    scare_marker = set(preceding[-SCARE_WINDOW:]) & words("scare") and not uses_wording(before) \
        and owned_noun_before(before) is None and not named_by_pronoun(before)  # "in her words"
    if scare_marker or _apposed_noun_after(text, m.end, "term_noun"):
        return "scare"  # "the so-called “X”"; but "Lund used the term “X”" is Lund's wording
    if m.paragraphs > 1:
        return "direct"
    if starts_sentence and not stripped and ends_punctuated and len(content_words) >= DIRECT_MIN_WORDS:
        return "direct"
    if stripped.endswith((":",)) and ends_punctuated:
        return "direct"
    if stripped.endswith(",") and content[:1].isupper() and ends_punctuated \
            and len(content_words) >= DIRECT_MIN_WORDS:
        return "direct"
    return "partial"


#: ", the song", ", a 2020 film", ", her memoir": a title noun in an apposition after the quote.
_APPOSED_AFTER = re.compile(r"[,\s]*\(?\s*(?:the|a|an|his|her|their|its)\s+(?P<words>(?:[\w’'-]+\s+){0,3}[\w’'-]+)\b")


def _apposed_noun_after(text: str, end: int, kind: str) -> bool:
    """Tell whether an apposition right after a quote holds a noun of word list ``kind``.

    ``"title_noun"`` names the quote a title ("“X,” the song"); ``"term_noun"`` calls it
    a word ("“IP4,” a label").

    Examples
    --------
    >>> _apposed_noun_after("“Blue,” the song by Kim", 7, "title_noun")
    True
    >>> _apposed_noun_after("“Blue,” the song by Kim", 7, "term_noun")
    False
    """
    match = _APPOSED_AFTER.match(text, end)
    return match is not None and bool(set(match.group("words").lower().split()) & words(kind))


def _is_title(content_words: list[str]) -> bool:
    """Tell whether quoted words are title-cased ("American Pie", "The Art of the Deal")."""
    if not content_words or len(content_words) > TITLE_MAX_WORDS:
        return False
    if not content_words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or len(w) <= TITLE_SHORT_WORD for w in content_words)
