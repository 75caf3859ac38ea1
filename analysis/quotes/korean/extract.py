"""The Korean pass: every quotation and reported speech of the Korean paragraphs of a Document.

For each Korean paragraph (:func:`analysis.text.korean.is_korean_text`), in text order:

1. quotations are paired (:mod:`~analysis.quotes.korean.marks`) and the ending after each
   closing mark gives its kind: speech ("direct") after a quotative or continuation
   ending, or after "…"라는 + a speech noun; "title" after "…"라는 + a title noun or for a
   corner-bracket quotation with no ending; a quotation that stands as a sentence of its
   own ("“…입니다.” 윤 대통령은 이렇게 말했다") is speech too, and so is a quotation in a
   headline (one short line ending in no verb) straight after a speaker it names with no
   particle ('尹 "…"', '회의 참석한 윤 대통령 "…"'); anything else is "scare";
2. a speech quotation's speaker is the topic-marked phrase of its sentence before it
   (after the quotation before it in the same sentence); with none, the one after it
   ("…"라고 한 관계자가 말했다), the speaker of the quotation before it in the sentence
   (…"라며 "…"고), the phrase of the next sentence when it says so ("이렇게 말했다"), the
   phrase of the sentence before when it ends in a speech verb and introduces the
   quotation ("총장은 이렇게 말했다. “…”"), or the latest speaker of this or the paragraph
   before (Korean leaves a known subject out);
3. sentences without quotation marks are read for indirect speech
   (:mod:`~analysis.quotes.korean.indirect`);
4. speakers resolve to actors (:mod:`~analysis.quotes.korean.resolve`).

The records are :class:`~analysis.quotes.records.Quote`, with the same fields and the same
meaning as for English news: ``speaker`` is the speaker as written with titles stripped,
``cue`` the speech verb as written ("강조했다", "선을 그었다").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.actors.registry import ActorRegistry
from analysis.quotes.korean.indirect import reported_speech
from analysis.quotes.korean.marks import Marked, ending_after, find_marked
from analysis.quotes.korean.phrases import Phrase, bare_phrase, find_phrase
from analysis.quotes.korean.resolve import KoreanResolver, Speaker
from analysis.quotes.korean.words import korean_words
from analysis.quotes.records import Quote
from analysis.quotes.resolve import dated_role
from analysis.text.document import Document, Span
from analysis.text.korean import is_korean_text

__all__ = ["extract_korean_quotes", "korean_paragraphs"]

_SENTENCE_END = re.compile(r"(?:[.?!…]|[다요까][.?!]?)[\s\"'”’]*$")
_SAID_SO = re.compile(r"이렇게|이같이|이와 같이|이처럼")
_CUE_WORDS = 3
#: Longest headline, in characters (longer lines are prose).
HEADLINE_MAX_CHARS = 120
# A sentence-final ending: what a headline's words outside its quotations never end with.
_SENTENCE_FINAL = re.compile(r"(?:[다요]|니다)[.!?]?$")
# How the speech verb after a quotative ending ends: a final or connective ending
# ("말했다", "말했고", "밝히며"), or an adnominal one before a noun ("강조한 뒤").
_CUE_END = re.compile(r"(?:다|다고|고|며|면서|[한힌친는])$")
_DOUBLE_OR_CORNER = re.compile(r"[\"“”「」『』]")


def korean_paragraphs(doc: Document) -> list[int]:
    """Return the indices of the paragraphs of ``doc`` that are Korean.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> korean_paragraphs(as_document("NATO met.\\n\\n나토가 모였다.\\n\\nThey left."))
    [1]
    """
    return [index for index, paragraph in enumerate(doc.paragraphs)
            if is_korean_text(paragraph.slice(doc.text))]


def extract_korean_quotes(doc: Document, registry: ActorRegistry,
                          paragraphs: Iterable[int]) -> list[Quote]:
    """Return the quotations and reported speech of the given Korean paragraphs of ``doc``.

    Examples
    --------
    >>> from analysis.actors.registry import default_registry
    >>> from analysis.text.document import as_document
    >>> doc = as_document('윤석열 대통령은 "협력을 넓히겠다"며 "함께 가자"고 강조했다. '
    ...                   '외교부 당국자는 논의가 순조롭다고 밝혔다.')
    >>> for q in extract_korean_quotes(doc, default_registry(), [0]):
    ...     print(q.kind, q.text, q.speaker, q.actor, q.speaker_kind, q.cue)
    direct 협력을 넓히겠다 윤석열 Yoon Suk Yeol person 강조했다
    direct 함께 가자 윤석열 Yoon Suk Yeol person 강조했다
    indirect 논의가 순조롭다 외교부 당국자 None anonymous 밝혔다
    """
    resolver = KoreanResolver(doc.text, registry, doc.article.published)
    quotes: list[Quote] = []
    last_paragraph = -2
    for index in paragraphs:
        if index != last_paragraph + 1:
            resolver.history.clear()  # a speaker does not go on across English paragraphs
        last_paragraph = index
        quotes.extend(_paragraph_quotes(doc, index, resolver, registry))
    return quotes


def _paragraph_quotes(doc: Document, index: int, resolver: KoreanResolver,
                      registry: ActorRegistry) -> list[Quote]:
    text = doc.text
    paragraph = doc.paragraphs[index]
    marked = find_marked(text, paragraph.start, paragraph.end)
    found: list[tuple] = []  # (start, end, kind, speaker, cue[, content span])
    sentence_of_previous: tuple[int, Speaker | None, int] | None = None
    pending_cue: list[int] = []
    headline = _is_headline(text, paragraph, marked)
    for number, mark in enumerate(marked):
        ending = ending_after(text, mark.end, paragraph.end)
        kind = _kind(text, mark, ending, paragraph)
        if headline and ending is None and kind != "title" and not mark.single:
            previous_end = marked[number - 1].end if number else paragraph.start
            speaker = _headline_speaker(text, resolver, previous_end, mark.start)
            if speaker is not None:
                found.append((mark.start, mark.end, "direct", speaker, None))
                continue
        if kind == "scare" and not mark.single:
            partial = _partial_in_reported(doc, resolver, mark)
            if partial is not None:
                found.append(partial)
                continue
        if kind not in {"direct"}:
            found.append((mark.start, mark.end, kind, None, None))
            continue
        sentence = doc.sentence_at(mark.start) or paragraph
        closing_sentence = doc.sentence_at(mark.end - 1) or paragraph
        after = mark.end + (len(ending[0]) if ending else 0)
        region_start = sentence.start
        inherited = None
        if sentence_of_previous is not None and sentence_of_previous[0] == sentence.start:
            region_start = max(region_start, sentence_of_previous[2])
            inherited = sentence_of_previous[1]
        next_mark = marked[number + 1].start if number + 1 < len(marked) else paragraph.end
        speaker = _speaker(doc, resolver, region_start, mark, after,
                           min(closing_sentence.end, next_mark), inherited, ending is None)
        cue = _cue(text, after, min(closing_sentence.end, next_mark)) if ending else None
        if cue is not None and _names(cue):
            found.append((mark.start, mark.end, "scare", None, None))
            continue
        found.append((mark.start, mark.end, kind, speaker, cue))
        if ending and ending[1] == "continuation" and cue is None:
            pending_cue.append(len(found) - 1)
        elif cue is not None:
            for waiting in pending_cue:
                found[waiting] = (*found[waiting][:4], cue)
            pending_cue = []
        sentence_of_previous = (sentence.start, speaker, after)
    for sentence in doc.sentences:
        if sentence.paragraph != index or _DOUBLE_OR_CORNER.search(sentence.slice(text)):
            continue
        reported = reported_speech(text, sentence.start, sentence.end)
        if reported is not None:
            speaker = resolver.resolve(reported.phrase)
            found.append((reported.start, reported.end, "indirect", speaker, reported.cue))
    found.sort(key=lambda item: item[0])
    return [_quote(doc, registry, *item) for item in found]


def _kind(text: str, mark: Marked, ending: tuple[str, str] | None, paragraph: Span) -> str:
    """The kind of a quotation from what follows its closing mark (module docs, step 1)."""
    words = korean_words()
    if ending is not None:
        if ending[1] != "adnominal":
            return "direct"
        rest = text[mark.end + len(ending[0]) : paragraph.end].lstrip()
        noun = rest.split(maxsplit=1)[0] if rest else ""
        if any(noun.startswith(w) for w in words.title_nouns):
            return "title"
        return "direct" if any(noun.startswith(w) for w in words.speech_nouns) else "scare"
    if text[mark.start] in "「『":
        return "title"
    inner = text[mark.start + 1 : mark.end - 1]
    if mark.single:
        return "scare"
    following = text[mark.end : mark.end + 1]
    if (not following or following.isspace()) and _SENTENCE_END.search(inner):
        return "direct"
    return "scare"


def _names(cue: str) -> bool:
    """Tell whether the verb after "…"라고 names rather than quotes ("…"라고 불렀다)."""
    return any(cue.startswith(verb) for verb in korean_words().naming_verbs)


def _speaker(doc: Document, resolver: KoreanResolver, region_start: int, mark: Marked,
             after: int, limit: int, inherited: Speaker | None, standalone: bool) -> Speaker | None:
    """The speaker of a speech quotation (module docs, step 2)."""
    text = doc.text
    phrase = find_phrase(text, region_start, mark.start)
    if phrase is None and inherited is not None:
        resolver.remember(inherited)
        return inherited
    if phrase is None and not standalone and after < limit:
        phrase = find_phrase(text, after, limit)
    if phrase is None and standalone:
        following = doc.sentence_at(after + 1) if after + 1 < len(text) else None
        if following is not None and _SAID_SO.search(following.slice(text)):
            phrase = find_phrase(text, following.start, following.end)
        if phrase is None:
            phrase = _introducing_phrase(doc, mark.start)
    if phrase is not None:
        return resolver.resolve(phrase)
    before = resolver.last()
    if before is not None:
        resolver.remember(before)
    return before


def _partial_in_reported(doc: Document, resolver: KoreanResolver, mark: Marked) -> tuple | None:
    """A quotation inside a reported clause: "외교부는 합의가 “…”을 마련했다고 평가했다".

    The quoted words are the reporter's speaker's ("partial", as in English news), the
    clause they stand in is its content; else None.
    """
    sentence = doc.sentence_at(mark.start)
    if sentence is None:
        return None
    reported = reported_speech(doc.text, sentence.start, sentence.end)
    if reported is None or not reported.start <= mark.start < mark.end <= reported.end + 1:
        return None
    speaker = resolver.resolve(reported.phrase)
    return (mark.start, mark.end, "partial", speaker, reported.cue,
            (reported.start, reported.end))


def _is_headline(text: str, paragraph: Span, marked: list[Marked]) -> bool:
    """Tell whether ``paragraph`` is a headline: one short line that ends in no verb.

    What is outside its quotations must not end a sentence ("…다.", "…요"), so a short
    paragraph of news prose is not read as one.
    """
    line = paragraph.slice(text)
    if "\n" in line.strip() or len(line.strip()) > HEADLINE_MAX_CHARS:
        return False
    outside = []
    position = paragraph.start
    for mark in marked:
        outside.append(text[position:mark.start])
        position = mark.end
    outside.append(text[position:paragraph.end])
    rest = " ".join(part.strip() for part in outside).strip()
    return not _SENTENCE_FINAL.search(rest)


def _headline_speaker(text: str, resolver: KoreanResolver, start: int,
                      end: int) -> Speaker | None:
    """The speaker a headline names straight before a quotation ('尹 "…"'), or None.

    Only a speaker the registry or the article resolves (a person, an organisation, a
    description) or an anonymous source counts: other words before a headline quotation
    are its topic ('나토 "…"' is NATO's; '관세 "…"' is no one's).
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    phrase = bare_phrase(text, start, end)
    if phrase is None:
        return None
    speaker = resolver.read(phrase)
    if speaker.kind == "unresolved":
        return None
    resolver.remember(speaker)
    return speaker


def _introducing_phrase(doc: Document, position: int) -> Phrase | None:
    """The speaker phrase of the sentence before ``position`` when it introduces a quotation.

    "스톨텐베르그 총장은 회견에서 이렇게 말했다. “…”": a sentence without quotation marks
    whose last word is a speech verb (``speech_verbs.txt``), read for its topic phrase.
    """
    text = doc.text
    before = position
    while before > 0 and text[before - 1].isspace():
        before -= 1
    sentence = doc.sentence_at(before - 1) if before > 0 else None
    if sentence is None or sentence.end > position:
        return None
    said = sentence.slice(text)
    if _DOUBLE_OR_CORNER.search(said) or not said.split():
        return None
    last_word = said.split()[-1].rstrip(".:")
    if not any(last_word.startswith(verb) for verb in korean_words().speech_verbs):
        return None
    return find_phrase(text, sentence.start, sentence.end, subject=False)


def _cue(text: str, position: int, limit: int) -> str | None:
    """The speech verb after a quotative ending, as written ("강조했다", "선을 그었다")."""
    words: list[str] = []
    for word in text[position:limit].split()[:_CUE_WORDS]:
        if word[0] in "\"“「『'‘":
            break
        word = word.rstrip(".,!?")
        words.append(word)
        if _CUE_END.search(word):
            break
    if not words or not _CUE_END.search(words[-1]):
        return None
    cue = " ".join(words)
    return cue[:-1] if cue.endswith("다고") else cue


def _quote(doc: Document, registry: ActorRegistry, start: int, end: int, kind: str,
           speaker: Speaker | None, cue: str | None,
           content: tuple[int, int] | None = None) -> Quote:
    text = doc.text
    quoted = text[start:end] if kind == "indirect" else text[start + 1 : end - 1]
    actor = speaker.actor if speaker is not None else None
    role, affiliation = dated_role(registry, actor, doc.article.published)
    sentence = doc.sentence_at(start)
    speech = kind in {"direct", "indirect"}
    return Quote(
        text=quoted,
        start=start,
        end=end,
        kind=kind,
        speaker=speaker.text if speaker is not None else None,
        speaker_start=speaker.start if speaker is not None else None,
        speaker_end=speaker.end if speaker is not None else None,
        actor=actor,
        cue=cue,
        content_start=content[0] if content else start if speech else None,
        content_end=content[1] if content else end if speech else None,
        role=role,
        affiliation=affiliation,
        sentence=sentence.index if sentence is not None else None,
        paragraph=sentence.paragraph if sentence is not None else None,
        speaker_kind=speaker.kind if speaker is not None else None,
    )
