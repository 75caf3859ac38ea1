"""Mask actor and organisation names before lexicon scoring (name bias).

Lexicon methods such as VADER score the words inside names: "United Nations Security
Council" alone scores +0.64 ("united", "security"), "Crisis Group" -0.62 ("crisis").
That tone belongs to no speaker. :func:`mask_names` replaces every word of such names
with the placeholder ``Xx``, which VADER does not score, word for word, so VADER's
positional heuristics (negation and boosters within three words, "but") see the same
number of words and the placeholder is never in capitals (VADER boosts all-caps words
only when other words are not in capitals).

What is masked (:func:`name_spans`):

* **registry mentions**: every alias the actor registry finds
  (:meth:`analysis.actors.registry.ActorRegistry.find_mentions`: persons, organisations,
  countries), or the actor mentions already found in the article and passed in
  (``mentions=``: the article's dated, corrected mentions, so the registry is not
  searched again);
* **capitalised multi-word names**: two or more capitalised words in a row, possibly
  joined by "of", "for", "de", "von" ... (``resources/sentiment/name_connectors.txt``):
  "Individually Tailored Partnership Programme", "Bureau International des Expositions";
* **acronyms**: a word of two or more capitals ("NATO", "AP4"), unless VADER scores
  it ("WIN": emphasis, not a name);
* **organisation patterns**: capitalised words ending in an organisation head noun
  listed in ``resources/sentiment/organisation_heads.txt`` ("Crisis Group", "Human Rights Watch").

A sentence-initial word is ordinary English more often than a name: at the start of a
sentence (or of a quotation) the first word of a run is left alone when it is a word
VADER knows (a lexicon, booster or negation word: "Great", "Very", "Never") or an English
function word ("The", "On"), unless the run is an organisation pattern or a registry
mention ("Crisis Group said ..." is masked). Capitalised function words ("And", "In")
end a run: they mark Title Case, not names. In a line in Title Case or capitals
(a headline, a photo credit) runs of capitalised words are not taken for names; only
registry mentions, organisation patterns and acronyms are masked there, and the same
holds for a Title Case title inside a sentence (a run of capitalised words with a
capitalised small word: "Several Vexing Questions Remain In Orlando").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from analysis._resources import read_csv_rows, read_lines
from analysis.actors.mentions import mentions_within
from analysis.actors.registry import ActorMention, ActorRegistry, default_registry
from analysis.sentiment.vader import vader_words

__all__ = ["PLACEHOLDER", "NameSpan", "mask_names", "mask_spans", "name_spans"]

#: What every masked word becomes: not a VADER word, not in capitals.
PLACEHOLDER = "Xx"

_UPPER = "A-ZÀ-ÖØ-Þ"
# A capitalised word: initials ("U.S.", "U.N."), or a capital followed by letters,
# digits, hyphens and an inner apostrophe ("Keon-hee", "O'Brien", "AP4").
_CAP_WORD = rf"(?:(?:[{_UPPER}]\.){{2,}}|[{_UPPER}][\w\-]*(?:['’][{_UPPER}][\w\-]*)?)"
# Words that join the capitalised words of one name ("Bureau International des
# Expositions", "Crisis Group for ..."): organisation names join with "of" and "for" too,
# so this list is wider than the personal-name particles of analysis.text.patterns (on
# purpose: masking wants the whole name); it is data, resources/sentiment/name_connectors.txt.
_CONNECTOR = rf"(?:{'|'.join(read_lines('sentiment/name_connectors.txt'))})"
_RUN = re.compile(rf"(?<![\w\-'’]){_CAP_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*{_CAP_WORD})*")
_CAP_WORD_RE = re.compile(_CAP_WORD)
_ACRONYM = re.compile(rf"^[{_UPPER}][{_UPPER}0-9&]+$")
# A word to replace: a word with inner punctuation ("U.S.", "Keon-hee"). A single
# letter ("J" in "Sidney J Blair") is kept: VADER drops one-character words, and the
# two-letter placeholder would add a word VADER counts.
_MASKABLE_WORD = re.compile(r"\w+(?:[.\-'’]\w+)*\.?")


def _placeholder(word: re.Match[str]) -> str:
    return PLACEHOLDER if len(word.group()) > 1 else word.group()
_SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"”’)\]]*\s+|\n\s*|[\"“‘(\[]\s*)$")


@dataclass(frozen=True, slots=True, order=True)
class NameSpan:
    """A stretch of text :func:`mask_names` masks, with why.

    Attributes
    ----------
    start, end : int
        Offsets into the text given to :func:`name_spans`.
    reason : str
        ``"registry"``, ``"organisation"``, ``"name"`` (capitalised multi-word) or
        ``"acronym"``.
    """

    start: int
    end: int
    reason: str


@cache
def _organisation_heads() -> frozenset[str]:
    return frozenset(read_lines("sentiment/organisation_heads.txt"))


@cache
def _function_words() -> frozenset[str]:
    """Lower-case English function words and usual sentence openers ("the", "on")."""
    words = {row["word"] for row in read_csv_rows("text/function_words.csv") if row["language"] == "en"}
    words.update(read_lines("text/sentence_starters.txt"))
    return frozenset(words)


def _ordinary_first_word(word: str, organisation: bool) -> bool:
    """Tell whether a sentence-initial capitalised word is ordinary English, not a name."""
    lower = word.lower()
    return lower in _function_words() or (not organisation and lower in vader_words())


def _registry_spans(
    text: str,
    registry: ActorRegistry | None,
    start: int,
    end: int,
    mentions: Sequence[ActorMention] | None,
) -> list[NameSpan]:
    """Return the registry names in ``text[start:end]``: the mentions given, else a search."""
    if mentions is None:
        registry = registry if registry is not None else default_registry()
        mentions = registry.find_mentions(text, start, end)
    else:
        mentions = mentions_within(mentions, start, end)
    return [NameSpan(m.start, m.end, "registry") for m in mentions]


def _at_sentence_start(text: str, offset: int, floor: int) -> bool:
    return offset == floor or bool(_SENTENCE_START.search(text, max(floor, offset - 6), offset))


def _breaks_name(word: str) -> bool:
    """Tell whether a capitalised word cannot be part of a name: it ends the run.

    Capitalised function words ("And", "In", "What") mark Title Case text, not names;
    an all-caps word VADER scores ("WIN", "DEAD") is emphasis, not an acronym.
    """
    lower = word.lower()
    return lower in _function_words() or (word.isupper() and len(word) > 1 and lower in vader_words())


def _name_groups(words: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    groups: list[list[re.Match[str]]] = [[]]
    for word in words:
        if _breaks_name(word.group()):
            groups.append([])
        else:
            groups[-1].append(word)
    return [group for group in groups if group]


_HEADLINE_MIN_WORDS = 4
_SEGMENT = re.compile(r"[^\n]+")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@cache
def _title_case_small_words() -> frozenset[str]:
    return frozenset(read_lines("text/title_case_small_words.txt"))


def _headline_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the lines of ``text[start:end]`` written in Title Case or capitals.

    A line of at least four words whose only lower-case words are the small words a
    Title Case headline keeps in lower case ("of", "to", "with": see
    ``resources/text/title_case_small_words.txt``) is a headline, a caption or a credit:
    its capitalised words are mostly ordinary words, so only registry mentions,
    organisation patterns and acronyms are masked there. A sentence of prose has a
    lower-case verb or noun.
    """
    small = _title_case_small_words()
    lines = []
    for line in _SEGMENT.finditer(text, start, end):
        words = _LETTER_WORD.findall(line.group())
        if len(words) < _HEADLINE_MIN_WORDS:
            continue
        if all(word[0].isupper() or word.lower() in small for word in words[1:]):
            lines.append((line.start(), line.end()))
    return lines


def _title_in_prose(words: list[re.Match[str]]) -> bool:
    """Tell whether a run is a Title Case title inside prose ("Questions Remain In Orlando").

    A capitalised small word ("In", "With") after the first word marks a title, not a name.
    """
    small = _title_case_small_words()
    return len(words) >= _HEADLINE_MIN_WORDS and any(
        word.group().lower() in small for word in words[1:]
    )


def _inside(lines: list[tuple[int, int]], offset: int) -> bool:
    return any(line_start <= offset < line_end for line_start, line_end in lines)


def _group_spans(
    base: int, group: list[re.Match[str]], sentence_initial: bool, headline: bool
) -> list[NameSpan]:
    """Return the spans to mask in a group of capitalised words (possibly none).

    A group with an organisation head noun is cut after it: "European Council President
    Charles Michel" is the organisation "European Council" and the name "President
    Charles Michel".
    """
    heads = [i for i, word in enumerate(group) if word.group().rstrip(".") in _organisation_heads()]
    if heads and 1 <= heads[-1] < len(group) - 1:
        cut = heads[-1] + 1
        return _group_spans(base, group[:cut], sentence_initial, headline) + _group_spans(
            base, group[cut:], False, headline
        )
    organisation = bool(heads) and heads[-1] >= 1
    if sentence_initial and _ordinary_first_word(group[0].group(), organisation):
        group = group[1:]
    if not group:
        return []
    span_start, span_end = base + group[0].start(), base + group[-1].end()
    if organisation and len(group) >= 2:
        return [NameSpan(span_start, span_end, "organisation")]
    if len(group) >= 2 and not headline:
        return [NameSpan(span_start, span_end, "name")]
    if len(group) == 1 and _ACRONYM.match(group[0].group().replace(".", "")):
        return [NameSpan(span_start, span_end, "acronym")]
    return []


def _pattern_spans(text: str, start: int, end: int) -> list[NameSpan]:
    spans: list[NameSpan] = []
    headlines = _headline_lines(text, start, end)
    for run in _RUN.finditer(text, start, end):
        word = run.group()
        if " " not in word and "\t" not in word and not _ACRONYM.match(word.replace(".", "")):
            continue  # one capitalised word that is not an acronym: never masked by pattern
        words = list(_CAP_WORD_RE.finditer(word))
        headline = _inside(headlines, run.start()) or _title_in_prose(words)
        sentence_initial = _at_sentence_start(text, run.start(), start)
        for group in _name_groups(words):
            initial = sentence_initial and group[0] is words[0]
            spans.extend(_group_spans(run.start(), group, initial, headline))
    return spans


def _merge(spans: Iterable[NameSpan]) -> list[NameSpan]:
    merged: list[NameSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            reason = "registry" if "registry" in (last.reason, span.reason) else last.reason
            merged[-1] = NameSpan(last.start, max(last.end, span.end), reason)
            continue
        merged.append(span)
    return merged


def name_spans(
    text: str,
    registry: ActorRegistry | None = None,
    start: int = 0,
    end: int | None = None,
    *,
    mentions: Sequence[ActorMention] | None = None,
) -> list[NameSpan]:
    """Return the names :func:`mask_names` masks in ``text[start:end]``, in text order.

    Overlapping findings are merged (a registry mention wins the ``reason``).

    Parameters
    ----------
    text : str
    registry : ActorRegistry, optional
        Searched for actor names when ``mentions`` is None; defaults to the shipped
        registry (:func:`analysis.actors.registry.default_registry`).
    start, end : int
        The part of ``text`` to look in; offsets returned index ``text``.
    mentions : sequence of ActorMention, optional
        Actor mentions already found in ``text`` (offsets into ``text``), e.g. the
        article's dated and corrected mentions: those inside ``[start, end)`` are masked
        and the registry is not searched.

    Examples
    --------
    >>> text = "He thanked the United Nations Security Council and NATO."
    >>> [text[s.start:s.end] for s in name_spans(text)]
    ['United Nations Security Council', 'NATO']
    >>> text = "Kim praised the deal."
    >>> [s.reason for s in name_spans(text, mentions=[ActorMention(0, 3, "Kim", "Kim", "person")])]
    ['registry']
    """
    end = len(text) if end is None else end
    found = _registry_spans(text, registry, start, end, mentions) + _pattern_spans(text, start, end)
    return _merge(found)


def mask_spans(text: str, spans: Sequence[NameSpan], start: int = 0, end: int | None = None) -> str:
    """Return ``text[start:end]`` with every word inside ``spans`` replaced by ``Xx``.

    Punctuation and spaces are kept, so "Korea’s" becomes "Xx’s" and "U.S. Senate"
    "Xx Xx". Spans outside ``[start, end)`` are ignored; spans must be sorted and
    not overlap (as :func:`name_spans` returns them).

    Examples
    --------
    >>> text = "Crisis Group and Kim Keon-hee met."
    >>> mask_spans(text, [NameSpan(0, 12, "organisation"), NameSpan(17, 29, "name")])
    'Xx Xx and Xx Xx met.'
    """
    end = len(text) if end is None else end
    pieces: list[str] = []
    position = start
    for span in spans:
        span_start, span_end = max(span.start, start), min(span.end, end)
        if span_start >= span_end:
            continue
        pieces.append(text[position:span_start])
        pieces.append(_MASKABLE_WORD.sub(_placeholder, text[span_start:span_end]))
        position = span_end
    pieces.append(text[position:end])
    return "".join(pieces)


def mask_names(
    text: str,
    registry: ActorRegistry | None = None,
    *,
    mentions: Sequence[ActorMention] | None = None,
) -> str:
    """Return ``text`` with actor, organisation and country names masked as ``Xx``.

    Parameters
    ----------
    text : str
    registry : ActorRegistry, optional
        Whose mentions to mask besides the capitalised-name patterns; defaults to the
        shipped registry.
    mentions : sequence of ActorMention, optional
        Actor mentions already found, with offsets into ``text``: masked instead of
        searching the registry (see :func:`name_spans`).

    Examples
    --------
    >>> mask_names("The United Nations Security Council met.")
    'The Xx Xx Xx Xx met.'
    >>> mask_names("Crisis Group warned of a grave crisis.")
    'Xx Xx warned of a grave crisis.'
    >>> mask_names("Great progress was made, Human Rights Watch said.")
    'Great progress was made, Xx Xx Xx said.'
    """
    return mask_spans(text, name_spans(text, registry, mentions=mentions))
