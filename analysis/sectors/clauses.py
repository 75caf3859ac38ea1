"""Two programmes in one sentence: which part of it, which items and which count are whose.

* **Spans.** Each programme reference governs the text from the start of its noun phrase
  ("the seven-area 2019 IPCP", "Japan's ITPP") to the next one's (:func:`governed_spans`);
  one inside a relative clause or parenthesis after another ("Korea's ITPP, which
  replaced the IPCP in 2023, lists ...") governs nothing (:func:`governing_references`).
* **Counts.** A count goes to the span it is in, unless it is "of" the next programme ("the
  seven areas of the 2012 programme") or modifies its name ("the 11-area ITPP";
  :func:`count_owner`).
* **Coordination.** Programmes joined by "and" share the items and count that follow
  ("Japan's ITPP and Australia's ITPP both cover A"; :func:`coordinated_owners`).
* **The main clause.** The programme a sentence is about, carried to the next sentences,
  is the first named, or the last after a subordinate opening ("Unlike the IPCP, the ITPP
  ...", "IPCP는 ...지만 ITPP는 ..."; :func:`main_reference`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from analysis.sectors.attribution import (
    INTRODUCING_WORDS,
    PLAIN_REFERENCE_WORDS,
    ProgrammeRef,
)
from analysis.text.patterns import HYPHENS

__all__ = [
    "SUBORDINATE_OPENERS",
    "coordinated_owners",
    "count_owner",
    "governed_spans",
    "governing_references",
    "main_reference",
]

# A count this close before the next programme's name, joined by "of"/"in"/"under",
# is that programme's ("the seven areas of the 2012 programme").
_COUNT_OWNER_GAP = 30
_COUNT_OF_NEXT = re.compile(r"\b(?:of|in|under)\s+(?:the\s+|its\s+)?\S*$")
# A count joined to its noun by a hyphen right before the next programme's name modifies
# that name ("the 11-area ITPP", "Japan's new 16-area programme").
_COUNT_MODIFIES_NEXT = re.compile(
    rf"^\w+[{re.escape(HYPHENS)}]\w+\s+(?:(?:{'|'.join(PLAIN_REFERENCE_WORDS)})\s+)?$")


# Words of a programme's noun phrase before its name: determiners, possessives, years,
# hyphenated counts and the adjectives of plain references ("the seven-area 2019 IPCP",
# "Japan's new ITPP").
_PHRASE_WORD = re.compile(
    rf"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat|[A-Z][\w.-]*['’]s|(?:19|20)\d\d"
    rf"|\w+[{re.escape(HYPHENS)}]\w+"
    rf"|{'|'.join((*PLAIN_REFERENCE_WORDS, *INTRODUCING_WORDS))})\s+$"
)
# A reference inside a relative clause or a parenthesis after another one ("Korea's ITPP,
# which replaced the IPCP in 2023, lists ...") governs nothing: the sentence is the first's.
_CLAUSE_OPEN = re.compile(r"(?:,\s*(?:which|that|who)\b|\(|\s[–—]\s)[^,()–—]*$")
_CLAUSE_CLOSE = re.compile(r"^[^,()–—]*(?:,|\)|\s[–—]\s)")


def governing_references(sentence_text: str, refs: list[ProgrammeRef]) -> list[ProgrammeRef]:
    """Return the references that govern part of the sentence (see :func:`governed_spans`).

    A reference inside a relative clause or parenthesis opened after an earlier reference
    and closed before the sentence ends only names a programme in passing.

    Examples
    --------
    >>> from analysis.sectors.attribution import programme_references
    >>> text = "Korea's ITPP, which replaced the IPCP in 2023, lists 11 areas."
    >>> [r.acronym for r in governing_references(text, programme_references(text))]
    ['ITPP']
    """
    kept: list[ProgrammeRef] = []
    for ref in refs:
        if kept and _CLAUSE_OPEN.search(sentence_text, kept[-1].end, ref.start) \
                and _CLAUSE_CLOSE.match(sentence_text[ref.end:]):
            continue
        kept.append(ref)
    return kept


def _phrase_start(sentence_text: str, ref: ProgrammeRef, floor: int) -> int:
    """Return where the noun phrase of ``ref`` starts (its determiner, possessor, year ...)."""
    start = ref.start
    while start > floor:
        match = _PHRASE_WORD.search(sentence_text, floor, start)
        if match is None:
            break
        start = match.start()
    return start


def governed_spans(sentence_text: str, refs: list[ProgrammeRef]) -> list[tuple[int, int]]:
    """Return the span of the sentence each reference governs (the whole one for one or none).

    A span runs from the start of the reference's noun phrase ("the seven-area 2019
    IPCP", "Japan's ITPP") to the start of the next one's.

    Examples
    --------
    >>> from analysis.sectors.attribution import programme_references
    >>> text = "Unlike the 2012 programme's seven areas, the new ITPP adds space."
    >>> governed_spans(text, programme_references(text))
    [(0, 41), (41, 65)]
    >>> text = "The 11-area ITPP replaced the seven-area 2019 IPCP."
    >>> [text[a:b] for a, b in governed_spans(text, programme_references(text))]
    ['The 11-area ITPP replaced ', 'the seven-area 2019 IPCP.']
    """
    if len(refs) <= 1:
        return [(0, len(sentence_text))]
    starts = [0]
    for previous, ref in pairwise(refs):
        starts.append(_phrase_start(sentence_text, ref, previous.end))
    return list(zip(starts, [*starts[1:], len(sentence_text)], strict=True))


#: Words opening a sentence whose first clause is subordinate ("Unlike the IPCP, the ITPP
#: ..."), so that the programme the sentence is about is the one named last.
SUBORDINATE_OPENERS: tuple[str, ...] = (
    "Unlike", "Where", "Whereas", "While", "Although", "Though", "Compared with",
    "Compared to", "As opposed to", "Like", "Replacing", "Building on", "After", "Before",
)
# Korean clause endings and postpositions of contrast: the main clause comes after them
_KOREAN_SUBORDINATE = re.compile(r"지만|와\s*달리|과\s*달리|반면|대신")
_SUBORDINATE_OPENER = re.compile(rf"^\W*(?:{'|'.join(SUBORDINATE_OPENERS)})\b")


def main_reference(sentence_text: str, n_refs: int) -> int:
    """Return the index of the reference the sentence is about, of ``n_refs`` in order.

    The first one, the subject of an English sentence ("The ITPP replaced the IPCP. Its
    areas ..."), unless the sentence opens with a subordinate clause ("Unlike the IPCP,
    the ITPP ...") or a Korean clause of contrast ("IPCP는 ...지만, ITPP는 ..."): then the
    last one.

    Examples
    --------
    >>> from analysis.sectors.attribution import programme_references
    >>> main_reference("The ITPP replaced the IPCP.", 2)
    0
    >>> main_reference("Unlike the IPCP, the ITPP covers space.", 2)
    1
    >>> main_reference("기존 IPCP는 7개 분야였지만, ITPP는 11개다.", 2)
    1
    """
    if n_refs <= 1:
        return 0
    if _SUBORDINATE_OPENER.match(sentence_text) or _KOREAN_SUBORDINATE.search(sentence_text):
        return n_refs - 1
    return 0


_COORDINATION = re.compile(r"\s*(?:,|and|or|&|as well as|와|과|및)?\s*", re.IGNORECASE)


def coordinated_owners(
    sentence_text: str, refs: list[ProgrammeRef], spans: list[tuple[int, int]]
) -> list[int]:
    """Return, for each span, the index of the span whose items and count it takes.

    Its own, unless nothing but "and" (",", "or", "as well as", 와/과, 및) stands between its
    programme's name and the next programme's phrase: coordinated programmes share what
    follows ("Japan's ITPP and Australia's ITPP both cover space").

    Examples
    --------
    >>> from analysis.sectors.attribution import programme_references
    >>> text = "Japan's ITPP and Australia's ITPP both cover space and logistics."
    >>> refs = programme_references(text)
    >>> coordinated_owners(text, refs, governed_spans(text, refs))
    [1, 1]
    """
    owners = list(range(len(spans)))
    for index in range(len(spans) - 2, -1, -1):
        if index < len(refs) and _COORDINATION.fullmatch(
                sentence_text, refs[index].end, spans[index + 1][0]):
            owners[index] = owners[index + 1]
    return owners


def count_owner(
    sentence_text: str,
    offset: int,
    spans: list[tuple[int, int]],
    refs: list[ProgrammeRef] | None = None,
) -> int:
    """Return the index of the span whose programme a count at ``offset`` belongs to.

    In Korean, a count in the part of a programme that is not a topic (marked 은/는)
    belongs to the topic before it ("ITPP는 기존 IPCP의 7개 분야에서 11개 분야로": 11 is
    the ITPP's), unless it directly follows that programme's possessive 의 (seven is the
    IPCP's); ``refs`` are the references the spans are of.

    Examples
    --------
    >>> from analysis.sectors.attribution import programme_references
    >>> text = "The ITPP adds space to the seven areas of the 2012 programme."
    >>> spans = governed_spans(text, programme_references(text))
    >>> count_owner(text, text.index("seven"), spans)
    1
    >>> text = "Where the IPCP had seven areas, the 11-area ITPP adds space."
    >>> spans = governed_spans(text, programme_references(text))
    >>> [count_owner(text, text.index(n), spans) for n in ("seven", "11")]
    [0, 1]
    >>> text = "ITPP는 기존 IPCP의 7개 분야에서 11개 분야로 늘었다."
    >>> refs = programme_references(text)
    >>> [count_owner(text, text.index(n), governed_spans(text, refs), refs) for n in "71"]
    [1, 0]
    """
    index = next(i for i, (a, b) in enumerate(spans) if a <= offset < b)
    if refs and len(refs) == len(spans) > 1 and not _KOREAN_TOPIC.match(
            sentence_text, refs[index].end):
        topics = [i for i, ref in enumerate(refs) if _KOREAN_TOPIC.match(sentence_text, ref.end)]
        if topics and not _KOREAN_OF.fullmatch(sentence_text, refs[index].end, offset):
            return max((i for i in topics if i < index), default=topics[0])
    if index + 1 < len(spans):
        gap = sentence_text[offset : spans[index + 1][0]]
        if len(gap) <= _COUNT_OWNER_GAP and (_COUNT_OF_NEXT.search(gap)
                                             or _COUNT_MODIFIES_NEXT.match(gap)):
            return index + 1
    return index


# The Korean topic marker after a programme's name ("ITPP는"), and its possessive ("IPCP의 ").
_KOREAN_TOPIC = re.compile(r"(?:은|는)(?!\w)")
_KOREAN_OF = re.compile(r"의\s*")
