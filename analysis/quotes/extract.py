"""Quotes and speakers: every quotation in an article, who said it, and to whom.

The method is rule-based and runs in one pass per sentence (see
:mod:`analysis.quotes.rules` for the quote-mark, cue and noun-phrase rules):

1. **Quote marks.** Quotation spans are paired from the marks, paragraph by paragraph;
   a multi-paragraph quote (each paragraph opens, only the last closes) is one span.
2. **Kinds.** A span that starts its sentence (or follows an introducing colon or
   comma) and ends in punctuation is ``direct``; a span inside a sentence is
   ``partial`` when a speech cue governs it, ``title`` when a title noun ("song",
   "book", "rendition of") announces a title-cased span, and ``scare`` when a scare
   marker ("so-called", "dubbed") precedes it or no speech cue is in sight and it is
   at most four words long. Reported speech without marks is ``indirect``:
   "X stressed that CLAUSE", "CLAUSE, X added.", "CLAUSE, according to X."
3. **Cues and speakers.** Speech cues come from ``resources/quotes/speech_verbs.csv``. For
   each cue outside quotation marks the speaker is the noun phrase right before it
   (skipping adverbs, auxiliaries and an apposition between commas: "X, senior
   secretary for ..., said"), or right after it when inverted ("said Kim Eun-hye",
   "according to X"); a cue that takes an addressee ("told Yoon") records it.
4. **Attribution.** A direct quote takes the cue right after it ("“...,” X said"),
   else the one right before it ("X said: “...”"), else the speaker of an introducing
   sentence ending in a colon, else the speaker of the quote it continues (same
   paragraph, or the previous paragraph when that ended with the quote), else an
   attribution-only sentence right after it. A partial quote takes the nearest cue
   before it in its sentence, else after it. Nothing found: speaker None, never a guess.
5. **Actors.** Names resolve through the article first (a surname to the full name of
   the last speaker, or person, who bears it: "Kim added" after "said Kim Eun-hye"),
   then through an actor registry (:mod:`analysis.actors.registry`) on the article's date;
   pronouns ("he", "she") take the actor of the last named speaker; descriptions
   ("the senator") take the most recently mentioned actor the registry says they may
   denote, or, without a registry, the last "Senator Name" in the text before.

Articles whose language is known and not English yield no quotes (a
:class:`NotEnglishWarning` says so) rather than guesses.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.quotes import rules
from analysis.quotes.rules import Marked, Phrase
from analysis.quotes.speakers import addressees_frame, speakers_frame
from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.document import Document, Sentence, as_document, as_documents
from analysis.text.english import NotEnglishWarning, is_english, warn_not_english
from analysis.text.structure import count_words

if TYPE_CHECKING:  # pragma: no cover - typing only
    from analysis.actors.registry import ActorRegistry

__all__ = [
    "KINDS",
    "SPEECH_KINDS",
    "NotEnglishWarning",
    "Quote",
    "addressees_frame",
    "extract_quotes",
    "quotes_frame",
    "speakers_frame",
]

KINDS = ("direct", "partial", "indirect", "title", "scare")
SPEECH_KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation (or reported speech) and who said it.

    Attributes
    ----------
    text : str
        The quoted words (without the outer marks; for indirect speech, the clause).
    start, end : int
        Span in the article text: opening mark to closing mark, marks included (for
        indirect speech, the reported clause).
    kind : str
        "direct", "partial", "indirect", "title" or "scare".
    speaker : str or None
        The speaker mention as written ("He", "the senator", "Kim Eun-hye").
    speaker_start, speaker_end : int or None
        Offsets of that mention.
    actor : str or None
        Canonical name the mention resolves to.
    cue : str or None
        The speech verb as written ("told", "according to"); None when no verb
        attributes the quote and the speaker was read from context (the sentence
        before a colon, the subject of a sentence that holds a long partial quote).
    addressee : str or None
        Whom the words were addressed to ("Yoon" in "Stoltenberg told Yoon").
    content_start, content_end : int or None
        Span of everything the sentence attributes to the speaker: for a partial
        quote, the reported clause that holds the quoted words (``that cooperation “is
        an integral part ...”`` in ``Yoon stressed that cooperation “is an integral
        part ...”``), with its complementizer ``that`` but without the speaker and the
        cue (the quote alone when neither a cue nor a ``that`` precedes it in its
        sentence); for direct and indirect speech, ``start`` and ``end``; None for
        titles and scare quotes.
    """

    text: str
    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    actor: str | None = None
    cue: str | None = None
    addressee: str | None = None
    content_start: int | None = None
    content_end: int | None = None


# ---------------------------------------------------------------------------
# internal records


@dataclass(frozen=True, slots=True)
class _Attribution:
    """A speech cue with the speaker (and addressee) found around it."""

    cue_start: int
    cue_end: int
    cue: str
    lemma: str
    speech: bool
    speaker: Phrase | None
    addressee: Phrase | None
    inverted: bool
    sentence: int


@dataclass(slots=True)
class _Found:
    """A quote being built: its span, kind, attribution and (later) actors."""

    start: int
    end: int
    kind: str
    text: str
    sentence: int
    paragraph: int
    attribution: _Attribution | None = None
    actor: str | None = None
    addressee_actor: str | None = None
    marked: Marked | None = None
    content: tuple[int, int] | None = None


@dataclass(slots=True)
class _Context:
    """Per-article state: the document, its quote spans and attributions by sentence."""

    doc: Document
    marked: list[Marked]
    marked_starts: list[int]
    attributions: dict[int, list[_Attribution]] = field(default_factory=dict)
    #: attributions of reported speech that a following quote goes on with: they still
    #: give their own indirect quote
    shared: set[int] = field(default_factory=set)


# ---------------------------------------------------------------------------
# public API


def extract_quotes(
    text: str | Article | Document, registry: ActorRegistry | None = None
) -> list[Quote]:
    """Return every quotation and reported speech in an article, with its speaker.

    Parameters
    ----------
    text : str, Article or Document
        The article.
    registry : ActorRegistry, optional
        Actor registry used to resolve speakers to canonical actors; the package's
        default registry when None (and :mod:`analysis.actors.registry` is available).

    Returns
    -------
    list of Quote
        In text order; kinds "title" and "scare" are marks that are not speech.

    Examples
    --------
    >>> text = ("NATO Secretary General Jens Stoltenberg met Yoon. "
    ...         "“Korea is a valued partner,” Stoltenberg told Yoon. "
    ...         "He called it “a wonderful visit.” Yoon sang “American Pie.” Yoon said he was glad.")
    >>> for q in extract_quotes(text):
    ...     print(q.kind, repr(q.text), q.speaker, q.actor, q.cue, q.addressee)
    direct 'Korea is a valued partner,' Stoltenberg Jens Stoltenberg told Yoon
    partial 'a wonderful visit.' He Jens Stoltenberg called None
    title 'American Pie.' None None None None
    indirect 'he was glad' Yoon Yoon Suk Yeol said None
    """
    doc = as_document(text)
    if not is_english(doc):
        warn_not_english(doc, "no quotes extracted (the rules are written for English news)")
        return []
    found = _extract(doc)
    _Resolver(doc, _registry(registry)).resolve(found)
    return [_to_quote(item) for item in found]


def quotes_frame(
    articles: str | Article | Document | Iterable[str | Article | Document],
    registry: ActorRegistry | None = None,
    overrides: Any = None,
) -> pd.DataFrame:
    """Return one row per quote: the table "quotes" (see :mod:`analysis.schemas`).

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    registry : ActorRegistry, optional
        As in :func:`extract_quotes`; also gives each actor's role and affiliation on
        the article's date.
    overrides : path, sequence of Override, or None
        Researcher corrections (see :mod:`analysis.actors.overrides`), applied to records
        with ``what == "quote"`` matched on ``start``.

    Examples
    --------
    >>> frame = quotes_frame("“We value the partnership,” Stoltenberg said.")
    >>> frame[["quote", "kind", "speaker", "cue", "n_words"]].values.tolist()
    [[0, 'direct', 'Stoltenberg', 'said', 4]]
    """
    registry = _registry(registry)
    override_records = _load_overrides(overrides)
    rows: list[dict[str, Any]] = []
    for doc in as_documents(articles):
        if not is_english(doc):
            warn_not_english(doc, "no quotes extracted")
            continue
        found = _extract(doc)
        _Resolver(doc, registry).resolve(found)
        extras = {item.start: item for item in found}
        quotes = [_to_quote(item) for item in found]
        if override_records:
            quotes = _apply_overrides(quotes, override_records, doc.article_id)
        for index, quote in enumerate(quotes):
            rows.append(_row(doc, index, quote, extras.get(quote.start), registry))
    return conform(rows, "quotes")


# ---------------------------------------------------------------------------
# extraction

def _extract(doc: Document) -> list[_Found]:
    text = doc.text
    paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    marked = rules.find_marked(text, paragraphs)
    context = _Context(doc, marked, [m.start for m in marked])
    for sentence in doc.sentences:
        context.attributions[sentence.index] = _sentence_attributions(context, sentence)
    found = [_classify(context, m) for m in marked]
    found = [item for item in found if item is not None]
    _attribute(context, found)
    found.extend(_indirect(context, found))
    found.sort(key=lambda item: item.start)
    for item in found:
        item.content = _content_span(context, item)
    return found


def _marked_in(context: _Context, start: int, end: int) -> list[Marked]:
    """Return the quote spans that overlap ``[start, end)``."""
    first = max(bisect_right(context.marked_starts, start) - 1, 0)
    result = []
    for m in context.marked[first:]:
        if m.start >= end:
            break
        if m.end > start:
            result.append(m)
    return result


def _regions(context: _Context, sentence: Sentence) -> list[tuple[int, int]]:
    """Return the parts of a sentence outside quotation marks."""
    regions = []
    position = sentence.start
    for m in _marked_in(context, sentence.start, sentence.end):
        if m.start > position:
            regions.append((position, m.start))
        position = max(position, m.end)
    if position < sentence.end:
        regions.append((position, sentence.end))
    return regions


def _sentence_attributions(context: _Context, sentence: Sentence) -> list[_Attribution]:
    text = context.doc.text
    found: list[_Attribution] = []
    table = rules.cues()
    for region_start, region_end in _regions(context, sentence):
        for match in rules.cue_pattern().finditer(text, region_start, region_end):
            form = " ".join(match.group().split())
            cue = table.get(form) or table.get(form.lower())
            if cue is None or _not_speech_go_on(text, cue, match.end()):
                continue
            attribution = _attribution_at(
                text, region_start, region_end, match.start(), match.end(), form, cue,
                sentence, found,
            )
            found.append(attribution)
    return found


_GO_ON_OTHERWISE = re.compile(r"\s+(?!to\b|saying\b|about\b)[a-z]")


def _not_speech_go_on(text: str, cue: rules.Cue, cue_end: int) -> bool:
    """Tell whether "goes on" is not a cue: "the Senate goes on recess" (vs "he went on, “...”")."""
    return cue.lemma == "go on" and bool(_GO_ON_OTHERWISE.match(text, cue_end))


_ONLY_PUNCTUATION = re.compile(r"^[\s,;:—–\-.…’'\"”“)]*$")


def _attribution_at(
    text: str,
    region_start: int,
    region_end: int,
    cue_start: int,
    cue_end: int,
    form: str,
    cue: rules.Cue,
    sentence: Sentence,
    earlier: list[_Attribution],
) -> _Attribution:
    speaker: Phrase | None = None
    inverted = False
    if cue.lemma == "according to":
        speaker = rules.noun_phrase_after(text, _skip_space(text, cue_end), region_end)
        inverted = True
    else:
        speaker, inverted = _speaker_of_cue(text, region_start, region_end, cue_start, cue_end,
                                            cue, sentence)
        coordinated = _previous_word(text, region_start, cue_start) in {"and", "but"}
        participle = form.endswith("ing") or text[region_start:cue_start].rstrip().endswith(",")
        if speaker is None and (coordinated or participle):
            with_speaker = [a for a in earlier if a.speaker is not None]
            speaker = (with_speaker[-1].speaker if with_speaker
                       else rules.sentence_subject(text, sentence.start, cue_start))
    addressee = None
    if cue.addressee and not inverted:
        addressee = rules.noun_phrase_after(text, _skip_space(text, cue_end), region_end, 5)
    return _Attribution(
        cue_start, cue_end, form, cue.lemma, cue.speech, speaker, addressee, inverted,
        sentence.index,
    )


def _speaker_of_cue(
    text: str, region_start: int, region_end: int, cue_start: int, cue_end: int,
    cue: rules.Cue, sentence: Sentence,
) -> tuple[Phrase | None, bool]:
    """Return the speaker of a cue and whether it follows the cue ("said Kim")."""
    before = text[region_start:cue_start]
    only_punctuation = bool(_ONLY_PUNCTUATION.match(before))
    after: Phrase | None = None
    if cue.inverts and (only_punctuation or before.rstrip().endswith(",")):
        after = rules.noun_phrase_after(text, _skip_space(text, cue_end), region_end,
                                        titles=True)
        if after is not None and not _inversion_ends(text, after, region_end, sentence.end):
            after = _name_before_of(text, after, region_end, sentence.end)
    if only_punctuation:
        return after, after is not None
    participle = cue_end - cue_start > 3 and text[cue_start:cue_end].endswith("ing")
    if participle and before.rstrip().endswith(","):
        # "Bush attacked Trump, with whom he clashed, calling him ...": the subject of a
        # participle after a comma is the clause's, found by the caller
        return None, False
    subject = rules.subject_before(text, region_start, cue_start)
    if subject is not None and subject.kind == "description" and participle:
        subject = None  # "a statement saying": the participle's subject is the clause's
    weak_subject = subject is None or subject.kind == "description"
    if before.rstrip().endswith(",") and after is not None and weak_subject:
        return after, True
    return subject, False


_AFTER_INVERTED = re.compile(
    r"^\s*(?:[,.;:!?()\]—–]|$|(?:in|on|at|during|via|after|before|from|for|with|to|who|as|"
    r"of|told|earlier|later|last|this|late|while|when|according)\b)"
)


_OF = re.compile(r"\s+of\s")


def _name_before_of(text: str, phrase: Phrase, region_end: int, sentence_end: int) -> Phrase | None:
    """Return the part of an inverted speaker before "of" when that ends the attribution.

    ``said Ann Lane of the Ohio delegation.``: the name run stops inside "of the Ohio
    delegation", so the speaker is "Ann Lane" (what follows is where she comes from).
    """
    of = _OF.search(phrase.text)
    if of is None or phrase.kind != "name":
        return None
    shorter = Phrase(phrase.start, phrase.start + of.start(), phrase.text[: of.start()], "name")
    return shorter if _inversion_ends(text, shorter, region_end, sentence_end) else None


def _inversion_ends(text: str, phrase: Phrase, region_end: int, sentence_end: int) -> bool:
    """Tell whether a phrase after an inverted cue ends where an attribution ends."""
    if phrase.text.lower() in {"that", "it", "this", "there"}:
        return False
    rest = text[phrase.end : sentence_end]
    if phrase.end >= region_end and region_end < sentence_end:
        return False
    if phrase.kind == "pronoun":
        return bool(re.match(r"^\s*(?:[,.;:!?]|$)", rest))
    return bool(_AFTER_INVERTED.match(rest))


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


_LAST_WORD = re.compile(r"(\w+)\W*$")


def _previous_word(text: str, start: int, end: int) -> str:
    match = _LAST_WORD.search(text, max(start, end - 30), end)
    return match.group(1).lower() if match else ""


# ---------------------------------------------------------------------------
# kinds


_TERMINAL = ".,!?…—-:;"


def _content(text: str, m: Marked) -> str:
    inner_end = m.end - 1 if m.closed else m.end
    inner = text[m.start + 1 : inner_end]
    if m.paragraphs > 1:
        inner = re.sub(r"\n\s*[“\"„«]", "\n", inner)
    return inner.strip()


def _classify(context: _Context, m: Marked) -> _Found | None:
    doc = context.doc
    text = doc.text
    content = _content(text, m)
    if not any(ch.isalnum() for ch in content):
        return None
    sentence = doc.sentence_at(m.start) or doc.sentence_at(m.start + 1)
    sentence_index = sentence.index if sentence else 0
    paragraph = sentence.paragraph if sentence else 0
    sentence_start = sentence.start if sentence else m.start
    previous = [x for x in _marked_in(context, sentence_start, m.start) if x.end <= m.start]
    region_start = previous[-1].end if previous else sentence_start
    before = text[region_start : m.start]
    kind = _kind(text, m, content, before, starts_sentence=not previous)
    return _Found(m.start, m.end, kind, content, sentence_index, paragraph, marked=m)


_WORDS = re.compile(r"[\w’'-]+")


def _kind(text: str, m: Marked, content: str, before: str, starts_sentence: bool) -> str:
    stripped = before.strip(" \t\n\u00a0—–-(")
    after = text[m.end : m.end + 1]
    ends_punctuated = content[-1:] in _TERMINAL or after in {",", ".", "!", "?", ":", ";", ""} \
        or not m.closed
    content_words = _WORDS.findall(content)
    preceding = [w.lower() for w in _WORDS.findall(before)[-4:]]
    if _is_title(content_words) and rules.words("title_noun") & set(preceding):
        return "title"
    if set(preceding[-2:]) & rules.words("scare"):
        return "scare"
    if m.paragraphs > 1:
        return "direct"
    if starts_sentence and not stripped and ends_punctuated and len(content_words) > 1:
        return "direct"
    if stripped.endswith((":",)) and ends_punctuated:
        return "direct"
    if stripped.endswith(",") and content[:1].isupper() and ends_punctuated and len(content_words) > 1:
        return "direct"
    return "partial"


def _is_title(content_words: list[str]) -> bool:
    if not content_words or len(content_words) > 12:
        return False
    if not content_words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or len(w) <= 3 for w in content_words)


# ---------------------------------------------------------------------------
# attribution of marked quotes


def _attribute(context: _Context, found: list[_Found]) -> None:
    last_speech: _Found | None = None
    for item in found:
        if item.kind in {"title", "scare"}:
            continue
        if item.kind == "direct":
            item.attribution = (
                _tail(context, item)
                or _head(context, item, near=True)
                or _colon_intro(context, item)
                or _continued(context, item, last_speech)
                or _next_sentence(context, item)
                or _after_reported_speech(context, item)
            )
        else:
            item.attribution = (
                _head(context, item, near=False)
                or _same_sentence_previous(item, last_speech)
                or _tail(context, item, adjacent=False)
                or _continued_partial(context, item, last_speech)
            )
            if item.attribution is None and len(_WORDS.findall(item.text)) <= 4:
                item.kind = "scare"
            elif item.attribution is None:
                item.attribution = _subject_before_quote(context, item)
        if item.kind in {"direct", "partial"}:
            last_speech = item


def _sentence_of(context: _Context, offset: int) -> Sentence | None:
    doc = context.doc
    return doc.sentence_at(offset) or doc.sentence_at(max(offset - 1, 0))


def _tail(context: _Context, item: _Found, adjacent: bool = True) -> _Attribution | None:
    text = context.doc.text
    sentence = _sentence_of(context, item.end - 1)
    if sentence is None:
        return None
    following = [m for m in _marked_in(context, item.end, sentence.end) if m.start >= item.end]
    limit = following[0].start if (following and adjacent) else sentence.end
    for attribution in context.attributions.get(sentence.index, []):
        if attribution.cue_start < item.end or attribution.cue_start >= limit:
            continue
        if not adjacent:
            return attribution if attribution.speaker is not None else None
        first = attribution.cue_start
        if attribution.speaker is not None and not attribution.inverted:
            first = min(first, attribution.speaker.start)
        return attribution if _adjacent_gap(text[item.end : first]) else None
    return None


_GAP_BREAKERS = frozenset({"that", "which", "who", "because", "when", "while", "after", "before",
                           "if", "as", "but", "since", "although", "though", "where"})


def _adjacent_gap(gap: str) -> bool:
    """Tell whether the words between a quote and its speaker keep them together.

    Punctuation and up to six words of title ("Republican candidate Donald Trump said")
    are fine; a sentence end or a subordinate clause is not.
    """
    if _ONLY_PUNCTUATION.match(gap):
        return True
    if any(ch in gap for ch in ".!?;“”\""):
        return False
    gap_words = _WORDS.findall(gap)
    return len(gap_words) <= 6 and not any(w.lower() in _GAP_BREAKERS for w in gap_words)


def _head(context: _Context, item: _Found, near: bool) -> _Attribution | None:
    text = context.doc.text
    sentence = _sentence_of(context, item.start)
    if sentence is None:
        return None
    previous = [m for m in _marked_in(context, sentence.start, item.start) if m.end <= item.start]
    region_start = previous[-1].end if (previous and near) else sentence.start
    candidates = [
        a for a in context.attributions.get(sentence.index, [])
        if region_start <= a.cue_start and a.cue_end <= item.start
    ]
    colon = text[region_start : item.start].rstrip().endswith(":")
    if not candidates:
        return _subject_attribution(context, sentence, item.start) if (near and colon) else None
    attribution = candidates[-1]
    if not near and attribution.speaker is None and attribution.lemma != "according to":
        # "He said he saw schools that reminded him of “...”": a cue without a speaker of
        # its own inside the reported clause; the words are the outer speaker's
        with_speaker = [a for a in candidates if a.speaker is not None]
        attribution = with_speaker[-1] if with_speaker else attribution
    if near:
        gap = text[attribution.cue_end : item.start].strip()
        if not (gap.endswith((":", ",")) or gap in {"", "that"} or len(gap.split()) <= 4):
            return _subject_attribution(context, sentence, item.start) if colon else None
    if attribution.speaker is None and attribution.lemma != "according to":
        return attribution if not near else None
    return attribution


def _colon_intro(context: _Context, item: _Found) -> _Attribution | None:
    sentence = _sentence_of(context, item.start)
    if sentence is None or sentence.index == 0:
        return None
    previous = context.doc.sentences[sentence.index - 1]
    if not context.doc.text[previous.start : previous.end].rstrip().endswith(":"):
        return None
    with_speaker = [a for a in context.attributions.get(previous.index, []) if a.speaker]
    if with_speaker:
        return with_speaker[-1]
    return _subject_attribution(context, previous, previous.end)


def _subject_before_quote(context: _Context, item: _Found) -> _Attribution | None:
    """The subject of the sentence a long partial quote ends, when no cue attributes it.

    ``Grandi reacted skeptically to the deal, “[I am] concerned about any agreement
    ...”``: a quoted clause of five words or more inside a sentence with no speech verb
    belongs to the sentence's subject. The attribution has no cue, so ``cue`` is None.
    """
    sentence = _sentence_of(context, item.start)
    if sentence is None or context.attributions.get(sentence.index):
        return None
    attribution = _subject_attribution(context, sentence, item.start)
    if attribution is None or attribution.speaker is None:
        return None
    if attribution.speaker.kind == "pronoun" and attribution.speaker.text.lower() in {"it", "this"}:
        return None
    return attribution


def _subject_attribution(context: _Context, sentence: Sentence, end: int) -> _Attribution | None:
    """An attribution without cue: the subject of a sentence that introduces a quote with ":"."""
    subject = rules.sentence_subject(context.doc.text, sentence.start, end)
    if subject is None:
        return None
    return _Attribution(subject.start, subject.end, "", "", False, subject, None, False,
                        sentence.index)


def _continued(context: _Context, item: _Found, last: _Found | None) -> _Attribution | None:
    if last is None or last.attribution is None or last.attribution.speaker is None:
        return None
    sentence = _sentence_of(context, item.start)
    if sentence is None:
        return None
    if last.paragraph == sentence.paragraph:
        between = context.doc.text[last.end : item.start]
        if _has_other_subject(context, last.end, item.start) and len(between) > 200:
            return None
        return last.attribution
    last_sentence = _sentence_of(context, last.end - 1)
    if last_sentence is None or last_sentence.paragraph != sentence.paragraph - 1:
        return None
    following = context.doc.sentences[last_sentence.index + 1 : sentence.index]
    if following or sentence.start != context.doc.paragraphs[sentence.paragraph].start:
        return None
    return last.attribution


#: What may stand before a partial quote that goes on with the previous speaker's words.
_CONTINUING_OPENER = re.compile(
    r"^(?:(?:But|And|Still|Instead|However|Yet|Now|Then|So|Also|Later)\b,?\s*)?$"
)


def _continued_partial(
    context: _Context, item: _Found, last: _Found | None
) -> _Attribution | None:
    """Give a partial quote that opens a sentence the speaker of the quote just before.

    ``“There are a lot of undecided voters,” said Kim. “They agree with us, but they
    aren't there yet” to back him.``: the second sentence has no cue of its own, opens
    with the quote (or with "But", "Instead", ...), and directly follows the
    attributed quote in the same paragraph.
    """
    if last is None or last.attribution is None or last.attribution.speaker is None:
        return None
    sentence = _sentence_of(context, item.start)
    previous = _sentence_of(context, last.end - 1)
    if sentence is None or previous is None or previous.index != sentence.index - 1:
        return None
    if sentence.paragraph != previous.paragraph or context.attributions.get(sentence.index):
        return None
    if not _CONTINUING_OPENER.match(context.doc.text[sentence.start : item.start].strip()):
        return None
    return last.attribution


def _has_other_subject(context: _Context, start: int, end: int) -> bool:
    first = context.doc.sentence_at(start)
    last = context.doc.sentence_at(end)
    if first is None or last is None:
        return False
    return any(
        a.speaker is not None and start <= a.cue_start < end
        for index in range(first.index, last.index + 1)
        for a in context.attributions.get(index, [])
    )


def _next_sentence(context: _Context, item: _Found) -> _Attribution | None:
    sentence = _sentence_of(context, item.end - 1)
    doc = context.doc
    if sentence is None or sentence.index + 1 >= len(doc.sentences):
        return None
    following = doc.sentences[sentence.index + 1]
    if following.paragraph != sentence.paragraph:
        return None
    marks = _marked_in(context, following.start, following.end)
    for attribution in context.attributions.get(following.index, []):
        speaker = attribution.speaker
        if speaker is None or attribution.lemma == "according to":
            continue
        if any(m.start < attribution.cue_start for m in marks):
            return None
        lead = doc.text[following.start : min(speaker.start, attribution.cue_start)]
        rest = doc.text[attribution.cue_end : following.end]
        if lead.strip() == "" and len(rest.split()) <= 6 and " that " not in f" {rest} ":
            return attribution
    return None


def _after_reported_speech(context: _Context, item: _Found) -> _Attribution | None:
    """Give a quote opening its sentence the speaker of reported speech just before it.

    ``Trump isn't a conservative, he said. “He's a liberal!”`` and a quote paragraph right
    after ``Rather, he said, the effort will grow.``: the sentence before holds one
    speech cue with a speaker and no quotation marks, and the quote begins a sentence in
    the same paragraph or begins the next paragraph.
    """
    doc = context.doc
    sentence = _sentence_of(context, item.start)
    if sentence is None or sentence.index == 0:
        return None
    if doc.text[sentence.start : item.start].strip():
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        starts_paragraph = doc.paragraphs[sentence.paragraph].start == sentence.start
        if not starts_paragraph or previous.paragraph != sentence.paragraph - 1:
            return None
    if _marked_in(context, previous.start, previous.end):
        return None
    speech = [a for a in context.attributions.get(previous.index, [])
              if a.speech and a.speaker is not None]
    if len(speech) != 1:
        return None
    context.shared.add(id(speech[0]))
    return speech[0]


def _same_sentence_previous(item: _Found, last: _Found | None) -> _Attribution | None:
    if last is None or last.sentence != item.sentence or last.attribution is None:
        return None
    return last.attribution


# ---------------------------------------------------------------------------
# indirect speech


_THAT_AFTER = re.compile(r"^(?:[^,.;:“”\"]{0,60}?\s)?that\s+", re.IGNORECASE)
_CLAUSE_START = re.compile(
    r"^(?:(?:he|she|they|we|it|there|the|a|an|this|these|his|her|their|its|[Hh]e|[Ss]he)\b"
    r"|I\b|[A-Z])"
)


def _indirect(context: _Context, found: list[_Found]) -> list[_Found]:
    used = {id(item.attribution) for item in found if item.attribution is not None}
    used -= context.shared
    doc = context.doc
    text = doc.text
    result: list[_Found] = []
    for sentence in doc.sentences:
        regions = _regions(context, sentence)
        for attribution in context.attributions.get(sentence.index, []):
            if id(attribution) in used or attribution.speaker is None or not attribution.speech:
                continue
            if attribution.cue.endswith("ing") and attribution.lemma != "according to":
                continue
            region = next((r for r in regions if r[0] <= attribution.cue_start < r[1]), None)
            if region is None:
                continue
            span = _reported_clause(text, sentence, region, attribution)
            if span is None:
                continue
            start, end = span
            result.append(
                _Found(start, end, "indirect", text[start:end], sentence.index,
                       sentence.paragraph, attribution)
            )
    return result


def _reported_clause(
    text: str, sentence: Sentence, region: tuple[int, int], attribution: _Attribution
) -> tuple[int, int] | None:
    region_start, region_end = region
    speaker = attribution.speaker
    assert speaker is not None
    # "CLAUSE, X added." / "CLAUSE, said X." / "CLAUSE, according to X."
    lead = min(attribution.cue_start, speaker.start)
    head = text[region_start:lead].rstrip()
    tail_end = max(attribution.cue_end, speaker.end)
    rest = text[tail_end:region_end]
    if head.endswith(",") and region_end == sentence.end and len(rest.split()) <= 7 \
            and " that " not in f" {rest} ":
        start = _skip_space(text, region_start)
        end = region_start + len(head) - 1
        if region_start == sentence.start and end - start > 10:
            return start, end
    # "According to X, CLAUSE."
    if attribution.lemma == "according to" and text[region_start:attribution.cue_start].strip() == "":
        comma = text.find(",", speaker.end, region_end)
        if comma > 0 and region_end == sentence.end:
            return _trim_clause(text, comma + 1, region_end)
        return None
    if attribution.inverted or region_end != sentence.end:
        return None
    # "X stressed (on Tuesday) that CLAUSE." / "X said he would ..."
    position = _skip_space(text, attribution.cue_end)
    if attribution.addressee is not None:
        position = _skip_space(text, attribution.addressee.end)
    after = text[position:region_end]
    that = _THAT_AFTER.match(after)
    if that:
        return _trim_clause(text, position + that.end(), region_end)
    if attribution.lemma in {"say", "add", "tell", "claim", "argue", "insist", "warn", "note",
                             "predict", "suggest", "admit", "acknowledge", "concede", "promise",
                             "vow", "write", "assert", "contend", "believe", "stress"} \
            and _CLAUSE_START.match(after) and not after.startswith(("in ", "on ", "at ")):
        return _trim_clause(text, position, region_end)
    return None


def _trim_clause(text: str, start: int, end: int) -> tuple[int, int] | None:
    chunk = text[start:end]
    stripped = chunk.rstrip(" \t\n.!?;:,")
    start_pad = len(chunk) - len(chunk.lstrip())
    if len(stripped) - start_pad < 8:
        return None
    return start + start_pad, start + len(stripped)


# ---------------------------------------------------------------------------
# attributed content


_CONTENT_TRIM = " \t\n,;:—–-"


def _content_span(context: _Context, item: _Found) -> tuple[int, int] | None:
    """Return the span of what is attributed to the speaker (see ``Quote.content_start``).

    A partial quote is usually the tail of a reported clause: ``X said (that) CLAUSE``
    or ``CLAUSE, X said``. The clause starts after the cue (its addressee skipped; a
    complementizer ``that`` is kept, as news corpora annotate it: PolNeAR's train
    split starts 525 such clauses with "that" and 10 right after it), else at the last
    ``that`` before the quote ("..., warning that CLAUSE"), else at the start of the
    sentence; a quote with
    neither a cue nor a ``that`` before it in its sentence is its own content. The
    clause ends at the attribution after it, at the next speech cue ("... “weak” and
    said ..."), at a comma after words that follow the quote ("... “rigged” at his
    rally, a swipe at ...") or at a coordinated clause; it always covers the quote.
    """
    if item.kind in {"title", "scare"}:
        return None
    if item.kind != "partial":
        return item.start, item.end
    text = context.doc.text
    sentence = context.doc.sentences[item.sentence]
    start, end = sentence.start, sentence.end
    attribution = item.attribution
    # an attribution without cue (a subject) says who, not where the clause starts
    own = attribution is not None and attribution.sentence == item.sentence and bool(attribution.cue)
    cue_before = False
    if attribution is not None and own:
        parts = [p for p in (attribution.speaker, attribution.addressee) if p is not None]
        lead = min([attribution.cue_start, *(p.start for p in parts)])
        tail = max([attribution.cue_end, *(p.end for p in parts)])
        if tail <= item.start:
            cue_before = True
            start = tail
            that = _THAT_AFTER.match(text[tail:item.start])
            if that:  # the clause keeps its "that", as it is annotated in news corpora
                start = tail + that.group().lower().rfind("that")
        elif lead >= item.end:
            end = lead
    if not cue_before:
        that_end = _last_that_end(text, start, item.start)
        if that_end is not None:
            start = that_end
        elif not own:
            return item.start, item.end
    end = min(end, _next_cue_start(context, item, attribution), _comma_after_quote(text, item, end))
    verb = _COORDINATED_VERB.search(text, item.end, end)
    end = verb.start() if verb is not None else end
    after = _NEXT_CLAUSE.search(text, item.end, end)
    if text[item.start : item.end].rstrip("”\"’'").endswith(","):  # “... glow,” and Trump ...
        after = _NEXT_CLAUSE_AFTER_COMMA.match(text, item.end, end) or after
    if after is not None:
        end = after.start()
    return _trimmed_content(text, start, end, item)


_THAT = re.compile(r"\bthat\s+")
#: What may stand between a quote and the speech cue of a coordinated clause after it.
_BEFORE_NEXT_CUE = re.compile(
    r"(?:[\s,;]+(?:and|but|while|as|because|before|after|then)?)*\s*$"
)
_COMMA = re.compile(r",\s")
#: A verb phrase coordinated after the quote ("... “a terrible deal” and ranked her ..."):
#: the speaker's next act, not part of the quoted clause.
_COORDINATED_VERB = re.compile(r"\s+and\s+(?:then\s+|also\s+)?[a-z]{3,}ed\b")


def _last_that_end(text: str, start: int, end: int) -> int | None:
    """Return where the clause after the last ``that`` in ``text[start:end]`` starts."""
    starts = [match.start() for match in _THAT.finditer(text, start, end)]
    return starts[-1] if starts else None


def _next_cue_start(context: _Context, item: _Found, own: _Attribution | None) -> int:
    """Return where the next attribution after the quote in its sentence begins.

    ``He called her “weak” and said ...``: the content ends before "and said"
    (before its speaker, and a coordinator or comma, when there is one).
    """
    text = context.doc.text
    for other in context.attributions.get(item.sentence, []):
        if other is own or other.cue_start < item.end:
            continue
        cut = other.cue_start
        if other.speaker is not None and item.end <= other.speaker.start < cut:
            cut = other.speaker.start
        joint = _BEFORE_NEXT_CUE.search(text, item.end, cut)
        return max(joint.start() if joint is not None else cut, item.end)
    return len(text)


def _comma_after_quote(text: str, item: _Found, end: int) -> int:
    """Return the first comma after words that follow the quote (else ``end``)."""
    comma = _COMMA.search(text, item.end, end)
    if comma is None or not text[item.end : comma.start()].strip():
        return end
    return comma.start()


#: Where a clause coordinated after the quote begins: the reported content ends there
#: ("... “not ready” to support him, and suggested that ...").
_NEXT_CLAUSE_WORDS = r"(?:and|but|while|whereas|according|[a-z]{3,}ing)\b"
_NEXT_CLAUSE = re.compile(rf"(?:,\s+{_NEXT_CLAUSE_WORDS}|;\s|\s+—\s)")
#: The same right after a quote whose comma is inside the marks.
_NEXT_CLAUSE_AFTER_COMMA = re.compile(rf"\s+{_NEXT_CLAUSE_WORDS}")


def _trimmed_content(text: str, start: int, end: int, item: _Found) -> tuple[int, int]:
    """Strip spaces and clause punctuation at both ends, never cutting the quote."""
    while start < item.start and text[start] in _CONTENT_TRIM:
        start += 1
    while end > item.end and text[end - 1] in _CONTENT_TRIM + ".!?":
        end -= 1
    return min(start, item.start), max(end, item.end)


# ---------------------------------------------------------------------------
# actor resolution


def _registry(registry: ActorRegistry | None) -> ActorRegistry | None:
    """Return ``registry``, else the package's default one when analysis.actors.registry exists."""
    if registry is not None:
        return registry
    try:
        from analysis.actors.registry import default_registry
    except ImportError:
        return None
    try:
        return default_registry()
    except Exception:  # the registry is optional: extraction still works without it
        return None


def _strip_titles(name: str) -> str:
    try:
        from analysis.actors.registry import strip_titles
    except ImportError:
        return name
    stripped = strip_titles(name)
    return stripped or name


_NAME_RUN = re.compile(
    r"(?<![\w’'-])[A-Z][\w’'.-]*(?:\s+(?:(?:de|da|del|der|van|von|bin|al|la|le|du|di)\s+)*"
    r"[A-Z][\w’'.-]*)+"
)
_ANTECEDENT = re.compile(r"(" + _NAME_RUN.pattern + r"),\s*$")
_PRONOUN_PERSON = frozenset({"he", "she", "i", "him", "her"})


class _Resolver:
    """Resolve speaker and addressee mentions to actors, in text order."""

    def __init__(self, doc: Document, registry: ActorRegistry | None) -> None:
        self.doc = doc
        self.registry = registry
        self.on: date | None = doc.article.published
        self._names: list[tuple[int, str]] | None = None
        self._mentions: list[Any] | None = None
        self._subjects: list[tuple[int, str]] | None = None
        self.speakers: list[tuple[int, str, str]] = []  # (offset, mention, actor)

    # -- data built lazily, once per article

    def names(self) -> list[tuple[int, str]]:
        if self._names is None:
            self._names = [(m.start(), m.group()) for m in _NAME_RUN.finditer(self.doc.text)]
        return self._names

    def mentions(self) -> list[Any]:
        if self._mentions is None:
            self._mentions = []
            if self.registry is not None:
                try:
                    self._mentions = list(self.registry.find_mentions(self.doc.text))
                except Exception:
                    self._mentions = []
        return self._mentions

    # -- resolution

    def resolve(self, found: Sequence[_Found]) -> None:
        for item in sorted(found, key=lambda x: x.start):
            attribution = item.attribution
            if attribution is None or item.kind not in SPEECH_KINDS:
                continue
            if attribution.speaker is not None:
                item.actor = self.actor_for(attribution.speaker, item.start)
                if item.actor is not None and attribution.speaker.kind != "pronoun":
                    self.speakers.append((attribution.speaker.start, attribution.speaker.text,
                                          item.actor))
            if attribution.addressee is not None:
                item.addressee_actor = self.actor_for(attribution.addressee, item.start,
                                                      addressee=True)

    def subjects(self) -> list[tuple[int, str]]:
        """Names that open a sentence (likely its subject), as (offset, name)."""
        if self._subjects is None:
            self._subjects = []
            text = self.doc.text
            for sentence in self.doc.sentences:
                match = _NAME_RUN.match(text, sentence.start, sentence.end)
                if match is not None and len(match.group().split()) > 1:
                    self._subjects.append((match.start(), match.group()))
        return self._subjects

    def actor_for(self, phrase: Phrase, before: int, addressee: bool = False) -> str | None:
        if phrase.kind == "pronoun" and phrase.text.lower() == "who":
            antecedent = _ANTECEDENT.search(self.doc.text, max(0, phrase.start - 80), phrase.start)
            if antecedent is None:
                return None
            name = antecedent.group(1)
            start = antecedent.start(1)
            return self.named(Phrase(start, start + len(name), name, "name"))
        if phrase.kind == "pronoun":
            if addressee or phrase.text.lower() not in _PRONOUN_PERSON:
                return None
            limit = min(before, phrase.start)
            earlier = [s for s in self.speakers if s[0] < limit]
            subjects = [s for s in self.subjects() if s[0] < limit]
            if subjects and (not earlier or subjects[-1][0] > earlier[-1][0]):
                offset, name = subjects[-1]
                return self.named(Phrase(offset, offset + len(name), name, "name"))
            return earlier[-1][2] if earlier else None
        if phrase.kind == "name":
            return self.named(phrase)
        return self.described(phrase)

    def named(self, phrase: Phrase) -> str | None:
        name = _name_part(phrase.text)
        expanded = self.expand(name, phrase.start)
        for candidate in (expanded, name):
            actor = self.registry_resolve(candidate)
            if actor is not None:
                return actor
        resolved = _strip_titles(expanded)
        if len(resolved.split()) == 1 and resolved.lower() in {"officials", "sources"}:
            return None
        return resolved

    def expand(self, name: str, at: int) -> str:
        """Return the fullest name in the article that a short mention stands for."""
        parts = name.split()
        if len(parts) > 1:
            return name
        surname = parts[0] if parts else name
        for _, mention, actor in reversed(self.speakers):
            if surname in mention.split() or surname in actor.split():
                return actor
        best: str | None = None
        for offset, run in self.names():
            if surname in run.split() and run != surname:
                if offset < at:
                    best = run
                elif best is None:
                    best = run
                    break
        return best or name

    def registry_resolve(self, mention: str) -> str | None:
        if self.registry is None:
            return None
        try:
            actor = self.registry.resolve(mention, on=self.on)
        except Exception:
            return None
        return actor.name if actor is not None else None

    def described(self, phrase: Phrase) -> str | None:
        actor = self.registry_resolve(phrase.text)
        if actor is not None:
            return actor
        if self.registry is not None:
            try:
                candidates = {a.name for a in self.registry.candidates(phrase.text, on=self.on)}
            except Exception:
                candidates = set()
            if candidates:
                mentioned = [m for m in self.mentions() if m.start < phrase.start and m.actor in candidates]
                if mentioned:
                    return mentioned[-1].actor
        return self.titled_name_before(phrase)

    def titled_name_before(self, phrase: Phrase) -> str | None:
        """"the senator" -> the last "Senator Pete Ricketts" written before the mention."""
        head = phrase.text.split()[-1]
        if not head.isalpha() or head[:1].isupper():
            return None
        last = None
        for match in _titled_name(head.capitalize()).finditer(self.doc.text, 0, phrase.start):
            last = match
        if last is None:
            return None
        name = last.group(1).strip()
        return self.registry_resolve(name) or name


@cache
def _titled_name(title: str) -> re.Pattern[str]:
    """Pattern for a title followed by a name ("Senator Pete Ricketts"), compiled once."""
    return re.compile(rf"\b{re.escape(title)}\s+((?:[A-Z][\w’'-]+\s?){{1,3}})")


def _name_part(text: str) -> str:
    """Return the capitalised name in a phrase ("presidential spokesperson Lee" -> "Lee")."""
    runs = _NAME_RUN.findall(text)
    if runs:
        return runs[-1]
    words = text.split()
    capitalised = [w for w in words if w[:1].isupper()]
    return capitalised[-1] if capitalised else text


# ---------------------------------------------------------------------------
# records and rows


def _to_quote(item: _Found) -> Quote:
    attribution = item.attribution
    speaker = attribution.speaker if attribution is not None else None
    return Quote(
        text=item.text,
        start=item.start,
        end=item.end,
        kind=item.kind,
        speaker=speaker.text if speaker is not None else None,
        speaker_start=speaker.start if speaker is not None else None,
        speaker_end=speaker.end if speaker is not None else None,
        actor=item.actor,
        cue=(attribution.cue or None) if attribution is not None else None,
        addressee=(attribution.addressee.text
                   if attribution is not None and attribution.addressee is not None else None),
        content_start=item.content[0] if item.content is not None else None,
        content_end=item.content[1] if item.content is not None else None,
    )


def _load_overrides(overrides: Any) -> tuple[Any, ...]:
    if overrides is None:
        return ()
    from analysis.actors.overrides import load_overrides

    if isinstance(overrides, str) or hasattr(overrides, "__fspath__"):
        return tuple(load_overrides(overrides))
    return tuple(overrides)


def _apply_overrides(quotes: list[Quote], overrides: tuple[Any, ...], article_id: str) -> list[Quote]:
    from analysis.actors.overrides import apply_overrides

    return apply_overrides(quotes, overrides, article_id=article_id, what="quote",
                           offset_attr="start")


def _row(doc: Document, index: int, quote: Quote, item: _Found | None,
         registry: ActorRegistry | None) -> dict[str, Any]:
    role, affiliation = _role(quote.actor, doc.article.published, registry)
    sentence = doc.sentence_at(quote.start)
    return {
        "article_id": doc.article_id,
        "quote": index,
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "actor": quote.actor,
        "role": role,
        "affiliation": affiliation,
        "cue": quote.cue,
        "addressee": quote.addressee,
        "addressee_actor": item.addressee_actor if item is not None else None,
        "sentence": sentence.index if sentence is not None else None,
        "paragraph": sentence.paragraph if sentence is not None else None,
        "n_words": count_words(quote.text),
        "content_start": quote.content_start,
        "content_end": quote.content_end,
    }


def _role(actor: str | None, on: date | None,
          registry: ActorRegistry | None) -> tuple[str | None, str | None]:
    if actor is None or registry is None:
        return None, None
    try:
        record = registry.get(actor)
        role = record.role_on(on) if record is not None else None
    except Exception:
        return None, None
    if role is None:
        return None, None
    return role.title, role.affiliation
