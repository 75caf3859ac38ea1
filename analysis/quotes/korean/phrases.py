"""Korean speaker phrases: the topic- or subject-marked noun phrase of a sentence.

Korean news names the speaker before the quotation, as the noun phrase that the topic
particle 은/는/도 (or the subject particle 이/가/께서) marks: "윤석열 대통령은 “…”라고
말했다", "외교부 당국자는 …고 밝혔다". :func:`find_phrase` reads a stretch of text with
Kiwi's morphemes (:func:`analysis.text.korean.korean_morphemes`), takes the first noun
followed by a topic particle (else by a subject particle), and walks back over the nouns,
numbers, foreign words and determiners before it; the phrase starts at the beginning of
the word its first noun is in ("국민의힘은", where Kiwi reads 국민 + 의 + 힘). Dates and
numbers that open the phrase ("11일 윤 대통령은") are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.text.korean import Morpheme, korean_morphemes

__all__ = ["Phrase", "bare_phrase", "find_phrase"]

#: Kiwi tags of the morphemes a speaker phrase is made of.
NOUN_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "SL", "SH", "SN", "XSN", "XPN", "MM"})
#: Topic particles (은, 는, 도) and subject particles (이, 가, 께서).
TOPIC_TAGS = frozenset({"JX"})
SUBJECT_TAGS = frozenset({"JKS"})
_TOPIC_FORMS = frozenset({"은", "는", "도", "께서는", "께서도"})
# What may lead a phrase without being part of it: numbers and their counters ("11일").
_LEADING_TAGS = frozenset({"SN", "NNB"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker phrase: its span (without the particle) and its words with their spans."""

    start: int
    end: int
    words: tuple[tuple[str, int, int], ...]
    particle_end: int
    proper: frozenset[int] = frozenset()

    def is_proper(self, word: tuple[str, int, int]) -> bool:
        """Tell whether Kiwi read a proper noun (NNP) in ``word`` (a name, not a role)."""
        return word[1] in self.proper


def find_phrase(text: str, start: int, end: int, *, subject: bool = True) -> Phrase | None:
    """Return the first topic-marked noun phrase in ``text[start:end]`` (else subject-marked).

    ``subject=False`` takes topic-marked phrases only.

    Examples
    --------
    >>> text = "(서울=연합뉴스) 기자 = 옌스 스톨텐베르그 나토 사무총장은 11일 회견에서 "
    >>> phrase = find_phrase(text, 0, len(text))
    >>> text[phrase.start:phrase.end], [w for w, _, _ in phrase.words]
    ('옌스 스톨텐베르그 나토 사무총장', ['옌스', '스톨텐베르그', '나토', '사무총장'])
    >>> find_phrase("중국에 대해서는 ", 0, 9) is None
    True
    """
    morphemes = korean_morphemes(text, start, end)
    marked = _marked(morphemes, TOPIC_TAGS)
    if marked is None and subject:
        marked = _marked(morphemes, SUBJECT_TAGS)
    if marked is None:
        return None
    chosen, last_noun = marked
    return _phrase(text, start, morphemes, last_noun, chosen)


def bare_phrase(text: str, start: int, end: int) -> Phrase | None:
    """Return the noun phrase that ends ``text[start:end]`` with no particle after it, or None.

    Korean headlines put the speaker straight before the quotation, with no particle:
    '尹 "…"', '회의 참석한 윤 대통령 "…"'. The phrase is the run of nouns (as in
    :func:`find_phrase`) that the stretch ends with; a verb or particle before it ends it.

    Examples
    --------
    >>> text = '정상회의 참석한 윤 대통령 "'
    >>> phrase = bare_phrase(text, 0, len(text) - 2)
    >>> [w for w, _, _ in phrase.words]
    ['윤', '대통령']
    >>> bare_phrase("회의에서 ", 0, 4) is None
    True
    """
    morphemes = korean_morphemes(text, start, end)
    if not morphemes or morphemes[-1].tag not in NOUN_TAGS:
        return None
    return _phrase(text, start, morphemes, len(morphemes) - 1, None)


def _phrase(text: str, start: int, morphemes: list[Morpheme], last_noun: int,
            particle: int | None) -> Phrase:
    """The phrase of nouns ending at ``morphemes[last_noun]`` (its particle at ``particle``).

    The nouns, numbers and determiners before it are walked back over, numbers and
    counters opening it dropped; the phrase starts where the word of its first noun does.
    """
    first = last_noun
    while first > 0 and morphemes[first - 1].tag in NOUN_TAGS:
        first -= 1
    while first < last_noun and morphemes[first].tag in _LEADING_TAGS:
        first += 1
    phrase_start = _word_start(text, morphemes[first].start, start)
    phrase_end = morphemes[last_noun].end
    words = _words(text, phrase_start, phrase_end)
    own = morphemes[first:particle] if particle is not None else morphemes[first:]
    proper = frozenset(
        begin for _, begin, finish in words
        if any(m.tag == "NNP" and begin <= m.start < finish for m in own)
    )
    particle_end = morphemes[particle].end if particle is not None else phrase_end
    return Phrase(phrase_start, phrase_end, words, particle_end, proper)


def _marked(morphemes: list[Morpheme], tags: frozenset[str]) -> tuple[int, int] | None:
    """The first particle with one of ``tags`` after a noun: (its index, the noun's), or None.

    A parenthesis between the noun and the particle is passed over: in
    "북대서양조약기구(나토)는" the phrase is the noun before the parenthesis.
    """
    for index in range(1, len(morphemes)):
        morpheme = morphemes[index]
        if morpheme.tag not in tags:
            continue
        if morpheme.tag in TOPIC_TAGS and morpheme.form not in _TOPIC_FORMS:
            continue
        if morphemes[index - 1].end != morpheme.start:
            continue  # a particle is written without a space
        noun = _noun_before(morphemes, index)
        if noun is not None:
            return index, noun
    return None


def _noun_before(morphemes: list[Morpheme], index: int) -> int | None:
    """Index of the noun that the particle at ``index`` follows (over a parenthesis)."""
    before = index - 1
    if morphemes[before].tag == "SSC":
        while before > 0 and morphemes[before].tag != "SSO":
            before -= 1
        before -= 1
    if before >= 0 and morphemes[before].tag in NOUN_TAGS:
        return before
    return None


def _word_start(text: str, position: int, floor: int) -> int:
    while position > floor and not text[position - 1].isspace() and text[position - 1] not in "=)]":
        position -= 1
    return position


def _words(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    """The whitespace-separated words of ``text[start:end]`` with their offsets."""
    words = []
    position = start
    for word in text[start:end].split():
        begin = text.index(word, position, end)
        words.append((word, begin, begin + len(word)))
        position = begin + len(word)
    return tuple(words)
