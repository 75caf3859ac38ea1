"""Attribution: which speech cue (and so which speaker) each marked quote takes.

A direct quote takes the cue right after it ("“...,” X said"), else the one right
before it ("X said: “...”"), else the speaker of an introducing sentence ending in a
colon, else the speaker of the quote it continues (same paragraph, or the previous
paragraph when that ended with the quote), else an attribution-only sentence right after
it, else the one speech cue of the reported-speech sentence before it. A partial quote
takes the named speaker right after it when it closes with a comma inside the marks
("... “overrun with lobbyists,” Berg said"), else the nearest cue before it in its
sentence, else after it, else goes on with the previous quote's speaker, else (a long
one opening its sentence) the named speaker of the reported speech just before; a long
one with no cue belongs to its sentence's subject.
Nothing found: no attribution, never a guess.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.actors.gender import PLURAL, agrees, first_name_gender, pronoun_gender
from analysis.quotes.aside_subject import inside_subject_aside
from analysis.quotes.block_intro import block_intro
from analysis.quotes.clause_agent import short_quote_speaker
from analysis.quotes.comma_intro import comma_intro_subject
from analysis.quotes.conjunct_tail import conjunct_tail
from analysis.quotes.context import (
    DATELINE,
    ONLY_PUNCTUATION,
    WORDS,
    Attribution,
    Context,
    Found,
    cues_in,
    first_marked_from,
    last_marked_before,
    sentence_of,
)
from analysis.quotes.cue_objects import beyond_weak_cue, is_relative_object
from analysis.quotes.cues import ACCORDING_TO
from analysis.quotes.digest_labels import digest_source
from analysis.quotes.experiencer import experiencer_before_colon
from analysis.quotes.gap_dots import without_abbreviation_dots
from analysis.quotes.heads import is_section_label
from analysis.quotes.inner_cues import outer_reporting_cue
from analysis.quotes.neighbour_sentences import (
    after_reaction,
    after_reported_speech,
    long_after_reported_speech,
    next_sentence_cue,
    split_tail,
)
from analysis.quotes.owned_wording import owner_speech
from analysis.quotes.paragraph_continuity import later_closing_speaker, latest_cue_between
from analysis.quotes.paragraph_lead import paragraph_subject, sentence_lead_subject
from analysis.quotes.phrases import Phrase, sentence_subject
from analysis.quotes.poll_frames import poll_source
from analysis.quotes.possessive_speech import possessive_speaker
from analysis.quotes.produced_titles import produced_title
from analysis.quotes.pronoun_lead import pronoun_paragraph_lead
from analysis.quotes.scare import subject_speech
from analysis.quotes.sentence_final_cue import sentence_final_cue
from analysis.quotes.signoffs import dash_signoff, signed_by_other, speaker_label
from analysis.quotes.words import alternation, gap_breakers, words
from analysis.text.document import Sentence

__all__ = ["attribute"]

#: Most words of a partial quote that nothing attributes and is read as a scare quote.
SCARE_MAX_WORDS = 4
#: Most words between a direct quote and the speaker after it (a title:
#: "Republican candidate Donald Trump said").
GAP_MAX_WORDS = 6
#: Most words between a cue and the direct quote after it ("said on Tuesday “...”").
CUE_GAP_MAX_WORDS = 4
#: Longest stretch (characters) between two quotes of one speaker in a paragraph when
#: another speaker's cue stands between them.
CONTINUED_MAX_CHARS = 200
#: Characters after a cue read for what follows it ("said on Tuesday", "said: “...”").
TAIL_REST_CHARS = 30
#: Most words between a speech cue and the pronoun opening the clause it reports
#: ("said on Wednesday that she"), "that" included.
REPORTED_GAP_MAX_WORDS = 4


def attribute(context: Context, found: list[Found]) -> None:
    """Give each direct and partial quote its attribution (in place), in text order.

    A short partial quote that nothing attributes becomes a scare quote, unless it reads as
    the words of the sentence's subject (:func:`analysis.quotes.scare.subject_speech`).
    """
    last_speech: Found | None = None
    previous: Found | None = None
    for item in found:
        if previous is not None and _same_list(context, previous, item):
            item.kind = previous.kind  # "terms like “X” and “Y”": both are words, not speech
        previous = item
        if item.kind == "title" and (produced := produced_title(context, item)) is not None:
            item.kind, item.attribution = "partial", produced  # "launched an ad titled “...”"
            last_speech = item
            continue
        if item.kind in {"title", "scare"}:
            context.non_speech.add(item.start)
            continue
        if item.kind == "direct" and signed_by_other(context, item):
            item.attribution = None  # "“...” — Reuters": a source, not the previous speaker
        elif item.kind == "direct":
            item.attribution = (
                _spoken_tail(context, item)
                or dash_signoff(context, item)
                or digest_source(context, item)
                or _head(context, item, near=True)
                or speaker_label(context, item)
                or _colon_intro(context, item)
                or comma_intro_subject(context, item)
                or split_tail(context, item)
                or conjunct_tail(context, item)
                or _continued(context, item, last_speech)
                or next_sentence_cue(context, item)
                or after_reported_speech(context, item)
                or after_reaction(context, item)
                or owner_speech(context, item, wording_only=True)
                or paragraph_subject(context, item)
                or pronoun_paragraph_lead(context, item)
                or sentence_lead_subject(context, item)
            )
        else:
            item.attribution = (
                _according_right_after(context, item)
                or _tail_after_comma(context, item)
                or sentence_final_cue(context, item)
                or possessive_speaker(context, item)
                or _head_with_speaker(context, item)
                or dash_signoff(context, item)
                or _same_sentence_previous(item, last_speech)
                or _tail(context, item, adjacent=False)
                or _continued_partial(context, item, last_speech)
                or long_after_reported_speech(context, item, SCARE_MAX_WORDS)
            )
            if inside_subject_aside(context, item.attribution, item.start, item.end):
                item.attribution = None  # 'Lund, the author of "Slow Water," said': a title in the aside
            item.attribution = item.attribution and (block_intro(context, item) or item.attribution)
            if item.attribution is None and len(WORDS.findall(item.text)) <= SCARE_MAX_WORDS:
                # "Ortiz derided the “bridge to nowhere”": the subject's words, not a scare quote
                item.attribution = subject_speech(context, item, _subject_before_quote(context, item)) \
                    or short_quote_speaker(context, item)  # "their chants of “...”"
                if item.attribution is None:
                    item.kind = "scare"
                    context.non_speech.add(item.start)
            elif item.attribution is None:
                item.attribution = block_intro(context, item) \
                    or owner_speech(context, item, wording_only=True) \
                    or _subject_before_quote(context, item) or short_quote_speaker(context, item)
        if item.kind in {"direct", "partial"}:
            if item.attribution is not None:
                item.attribution = poll_source(context, item.attribution)
            last_speech = item


def _same_list(context: Context, previous: Found, item: Found) -> bool:
    """Tell whether a quote follows a title or scare quote as the next item of one list."""
    if previous.kind not in {"title", "scare"} or item.kind != "partial":
        return False
    gap = context.doc.text[previous.end : item.start].strip(" ,")
    return gap.lower() in words("list_joint") and len(WORDS.findall(item.text)) <= SCARE_MAX_WORDS


def _tail(context: Context, item: Found, adjacent: bool = True) -> Attribution | None:
    text = context.doc.text
    sentence = sentence_of(context, item.end - 1)
    if sentence is None:
        return None
    following = first_marked_from(context, item.end, sentence.end) if adjacent else None
    limit = following.start if following is not None else sentence.end
    attributions = context.attributions.get(sentence.index, [])
    for number in cues_in(context, sentence.index, item.end, limit)[:1]:
        attribution = attributions[number]
        if not adjacent:
            if is_relative_object(text, item.end, attribution):
                return None  # "the “loopholes” he cited": the quote is the cue's object
            return attribution if attribution.speaker is not None else None
        first = attribution.cue_start
        if attribution.speaker is not None and not attribution.inverted:
            first = min(first, attribution.speaker.start)
        return attribution if _adjacent_gap(text[item.end : first]) else None
    return None


#: A quote whose last words end in a comma, question or exclamation mark inside the marks.
_ATTRIBUTION_END = re.compile(r"[,?!][”\"]$")


def _spoken_tail(context: Context, item: Found) -> Attribution | None:
    """The cue after a direct quote; a speakerless participle there gives way to the head.

    ``He vowed, “We will win,” referring to the vote``: "referring" has no speaker of its
    own, so the cue before the quote decides.
    """
    tail = _tail(context, item)
    if tail is None or tail.speaker is not None or not tail.cue.split()[0].lower().endswith("ing"):
        return tail
    return _head(context, item, near=True) or tail


def _tail_after_comma(context: Context, item: Found) -> Attribution | None:
    """The named speaker right after a partial quote that ends like a direct one.

    ``Lund expects the panel to be “overrun with lobbyists,” Berg said``: the comma inside
    the marks closes the quoted words, and the cue after them names their speaker, not
    the subject before the quote. A pronoun after the quote ("..., he said") is left to
    the rules that read it back to the subject.
    """
    if not _ATTRIBUTION_END.search(context.doc.text, item.start, item.end):
        return None
    tail = _tail(context, item)
    if (tail is None or tail.speaker is None or tail.speaker.kind == "pronoun"
            or not tail.speech or tail.lemma == ACCORDING_TO):
        return None  # "“...,” according to the agency", "“...,” a remark read": a relay
    first = tail.cue_start if tail.inverted else min(tail.cue_start, tail.speaker.start)
    if context.doc.text[item.end : first].strip():
        return None
    if not _ends_attribution(context, tail):
        return None  # "“...,” Trump said: “...”", "“...,” Lund said the cases differ": its own words
    head = _head(context, item, near=False)
    if head is not None and head.speaker is not None and head.speaker.text == tail.speaker.text:
        return None  # the same speaker both sides: the cue before keeps the content it reports
    return tail


def _ends_attribution(context: Context, tail: Attribution) -> bool:
    """Tell whether a cue after a quote ends its clause: punctuation or a prepositional phrase next."""
    text = context.doc.text
    last = tail.speaker.end if tail.inverted and tail.speaker is not None else tail.cue_end
    rest = text[last : last + TAIL_REST_CHARS].lstrip()
    if not rest or rest[0] in ",.;!?)”\"":
        return True
    word = WORDS.match(rest)
    return word is not None and word.group().lower() in words("preposition")


def _adjacent_gap(gap: str) -> bool:
    """Tell whether the words between a quote and its speaker keep them together.

    Punctuation and up to six words of title ("Republican candidate Donald Trump said")
    are fine; a sentence end or a subordinate clause is not.
    """
    if ONLY_PUNCTUATION.match(gap):
        return True
    if any(ch in without_abbreviation_dots(gap) for ch in ".!?;“”\""):  # "George W. Bush aide"
        return False
    gap_words = WORDS.findall(gap)
    breakers = gap_breakers()
    return len(gap_words) <= GAP_MAX_WORDS and not any(w.lower() in breakers for w in gap_words)


def _head(context: Context, item: Found, near: bool) -> Attribution | None:
    text = context.doc.text
    sentence = sentence_of(context, item.start)
    if sentence is None:
        return None
    previous = last_marked_before(context, sentence.start, item.start)
    region_start = previous.end if (previous is not None and near) else sentence.start
    attributions = context.attributions.get(sentence.index, [])
    candidates = cues_in(context, sentence.index, region_start, item.start, by_end=True)
    colon = _ends_with_colon(text, region_start, item.start)
    if not candidates:
        return _subject_attribution(context, sentence, item.start) if (near and colon) else None
    before = [attributions[n] for n in candidates]
    attribution = _reporting_cue(context, before)
    if not near and attribution.speaker is None and attribution.lemma != ACCORDING_TO:
        # "He said he saw schools that reminded him of “...”": a cue without a speaker of
        # its own inside the reported clause; the words are the outer speaker's
        with_speaker = next((attributions[n] for n in reversed(candidates)
                             if attributions[n].speaker is not None), None)
        attribution = with_speaker or attribution
    attribution = outer_reporting_cue(text, sentence.start, before, attribution)
    if near:
        gap = text[attribution.cue_end : item.start].strip()
        if not (gap.endswith((":", ",")) or gap in {"", "that"} or len(gap.split()) <= CUE_GAP_MAX_WORDS):
            return _subject_attribution(context, sentence, item.start) if colon else None
    if attribution.speaker is None and attribution.lemma != ACCORDING_TO:
        return attribution if not near else None
    return attribution


def _reporting_cue(context: Context, cues: list[Attribution]) -> Attribution:
    """The last cue of ``cues``, or the speech cue whose reported clause it stands in.

    ``Kim said she asks her staff to “read twice”``: "asks" has the speaker "she", a
    pronoun opening the clause that "said" reports, so the words are Kim's (the clause
    is what the outer cue attributes). Only a subject pronoun right after the outer cue
    (a few words between, "that" among them) counts, and so does a name right after the
    outer cue or its "that" ("Pratt said Berg urged members to “stay”": Pratt's words).
    """
    last = cues[-1]
    speaker = last.speaker
    if speaker is None or (speaker.text.lower() not in words("reported_subject")
                           and speaker.kind != "name"):
        return last
    text = context.doc.text
    for outer in reversed(cues[:-1]):
        if outer.speaker is None or not outer.speech or outer.cue_end > speaker.start:
            continue
        gap = WORDS.findall(text[outer.cue_end : speaker.start])
        near = _ONLY_WORDS.fullmatch(text, outer.cue_end, speaker.start)
        if speaker.kind == "name" and any(word.lower() != "that" for word in gap):
            return last  # a name reports its own clause unless it opens the outer one
        if near and len(gap) <= REPORTED_GAP_MAX_WORDS and _may_be(outer.speaker, speaker.text):
            return outer
        return last
    return last


def _may_be(outer: Phrase, pronoun: str) -> bool:
    """Tell whether ``pronoun`` may stand for the speaker ``outer`` (gender and number).

    "The engineers said he told them to “...”": "he" is not the engineers, so the
    quoted words are his. A name's gender comes from its first name
    (:func:`analysis.actors.gender.first_name_gender`); unknown agrees. "they" stands
    for a group or an organisation, never for a pronoun or name of one person.
    """
    wanted = pronoun_gender(pronoun)
    if wanted is None:
        return True
    if outer.kind == "pronoun":
        return pronoun_gender(outer.text) in {wanted, None}
    plural = _is_plural(outer.text)
    if wanted == PLURAL:
        return plural or first_name_gender(outer.text) is None
    return not plural and agrees(wanted, first_name_gender(outer.text) if outer.kind == "name" else None)


def _is_plural(phrase: str) -> bool:
    """Tell whether a speaker phrase is a plural of common nouns ("the engineers", "critics")."""
    last = phrase.split()[-1] if phrase.split() else ""
    if not last.islower():
        return False
    return last in words("common_plural") or (last.endswith("s") and not last.endswith("ss"))


_ONLY_WORDS = re.compile(r"[^\W\d_]*(?:\s+[^\W\d_]+)*\s+")


def _head_with_speaker(context: Context, item: Found) -> Attribution | None:
    """The cue before a partial quote; one without a speaker only when none after it has one.

    ``The delays are “not meeting the demand,” says NAME``: the cue after the quote
    names the speaker, so a speakerless cue before it does not decide.
    """
    head = _head(context, item, near=False)
    if head is not None and beyond_weak_cue(context.doc.text, head, item.start):
        return None  # "Ortiz criticised the council; the “reform” stalled"
    if head is None or head.speaker is not None or head.lemma == ACCORDING_TO:
        return head
    return _tail(context, item, adjacent=False) or head


def _according_right_after(context: Context, item: Found) -> Attribution | None:
    """Give a partial quote the "according to X" right after it, over one before it.

    ``A leads, according to a Lund poll, while B is ahead among “young voters,” according
    to Ada Holm``: the source written right after the quote is its own; the one before it
    attributes the clause before. A speech verb before the quote keeps it ("Kim called
    it a “rehearsal,” according to the agency": Kim's words, as the agency reports).
    """
    head = _head(context, item, near=False)
    if head is None or head.lemma != ACCORDING_TO:
        return None
    tail = _tail(context, item)
    return tail if tail is not None and tail.lemma == ACCORDING_TO else None


def _ends_with_colon(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end].rstrip().endswith(":")``, reading back from ``end`` only."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end > start and text[end - 1] == ":"


def _colon_at(text: str, start: int, end: int) -> int | None:
    """Return the offset of the colon that ``text[start:end]`` ends with (spaces aside), or None."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end - 1 if end > start and text[end - 1] == ":" else None


def _colon_intro(context: Context, item: Found) -> Attribution | None:
    sentence = sentence_of(context, item.start)
    if sentence is None or sentence.index == 0:
        return None
    previous = context.doc.sentences[sentence.index - 1]
    if not context.doc.text[previous.start : previous.end].rstrip().endswith(":"):
        return None
    with_speaker = [a for a in context.attributions.get(previous.index, []) if a.speaker]
    if with_speaker:
        return with_speaker[-1]
    return _subject_attribution(context, previous, previous.end)


def _subject_before_quote(context: Context, item: Found) -> Attribution | None:
    """The subject of the sentence a long partial quote ends, when no cue attributes it.

    ``Grandi reacted skeptically to the deal, “[I am] concerned about any agreement
    ...”``: a quoted clause of five words or more inside a sentence with no speech verb
    belongs to the sentence's subject. The attribution has no cue, so ``cue`` is None.
    """
    sentence = sentence_of(context, item.start)
    if sentence is None or context.attributions.get(sentence.index):
        return None
    attribution = _subject_attribution(context, sentence, item.start)
    if attribution is None or attribution.speaker is None:
        return None
    if attribution.speaker.kind == "pronoun" and attribution.speaker.text.lower() in words("not_subject"):
        return None
    return attribution


def _subject_attribution(context: Context, sentence: Sentence, end: int) -> Attribution | None:
    """An attribution without cue: the subject of a sentence that introduces a quote with ":".

    When a verb of feeling runs up to the colon ("... doesn't surprise pollster X:"), its
    object is the speaker instead (:func:`analysis.quotes.experiencer.experiencer_before_colon`).
    The article's first sentence is read after its dateline ("HARBOURTON (AP) - The
    fans had their song ready: “...”": the fans).
    """
    colon = _colon_at(context.doc.text, sentence.start, end)
    moved = experiencer_before_colon(context.doc.text, sentence.start, colon) if colon else None
    if moved is not None:
        return Attribution(moved.start, moved.end, "", "", False, moved, None, False,
                           sentence.index)
    start = sentence.start
    dateline = DATELINE.match(context.doc.text, start, end) if sentence.index == 0 else None
    if dateline is not None:
        start = dateline.end()
    subject = sentence_subject(context.doc.text, start, end)
    if subject is None or is_section_label(context.doc.text, subject):
        return None  # "EXPERT VIEW: “...”": a section label, not a speaker
    return Attribution(subject.start, subject.end, "", "", False, subject, None, False,
                        sentence.index)


def _continued(context: Context, item: Found, last: Found | None) -> Attribution | None:
    """The speaker of the quote before, when this one goes on in its paragraph or the next.

    "Same paragraph" is the paragraph where the quote before *ends*: a quote that ran
    over a paragraph break and closed with ``..., Brandt said.`` is continued by a quote
    opening right after it in that last paragraph.
    """
    if last is None or last.attribution is None or last.attribution.speaker is None:
        return None
    sentence = sentence_of(context, item.start)
    if sentence is None:
        return None
    last_sentence = sentence_of(context, last.end - 1)
    if last_sentence is not None and last_sentence.paragraph == sentence.paragraph:
        between = context.doc.text[last.end : item.start]
        if _has_other_subject(context, last.end, item.start) and len(between) > CONTINUED_MAX_CHARS:
            return None
        return latest_cue_between(context, last.end, item.start) or last.attribution
    if last_sentence is None or last_sentence.paragraph != sentence.paragraph - 1:
        return None
    following = context.doc.sentences[last_sentence.index + 1 : sentence.index]
    if following or sentence.start != context.doc.paragraphs[sentence.paragraph].start:
        return None
    if context.doc.text[sentence.start : item.start].strip():
        return None  # "EXPERT VIEW: “...”": words before the quote open a new paragraph
    return later_closing_speaker(context, last) or last.attribution


def _continued_partial(
    context: Context, item: Found, last: Found | None
) -> Attribution | None:
    """Give a partial quote that opens a sentence the speaker of the quote just before.

    ``“There are a lot of undecided voters,” said Kim. “They agree with us, but they
    aren't there yet” to back him.``: the second sentence has no cue of its own, opens
    with the quote (or with "But", "Instead", ...), and directly follows the
    attributed quote in the same paragraph.
    """
    if last is None or last.attribution is None or last.attribution.speaker is None:
        return None
    sentence = sentence_of(context, item.start)
    previous = sentence_of(context, last.end - 1)
    if sentence is None or previous is None or previous.index != sentence.index - 1:
        return None
    if sentence.paragraph != previous.paragraph or context.attributions.get(sentence.index):
        return None
    if not _continuing_opener().match(context.doc.text[sentence.start : item.start].strip()):
        return None
    return last.attribution


def _has_other_subject(context: Context, start: int, end: int) -> bool:
    first = context.doc.sentence_at(start)
    last = context.doc.sentence_at(end)
    if first is None or last is None:
        return False
    return any(
        a.speaker is not None and start <= a.cue_start < end
        for index in range(first.index, last.index + 1)
        for a in context.attributions.get(index, [])
    )


def _same_sentence_previous(item: Found, last: Found | None) -> Attribution | None:
    if last is None or last.sentence != item.sentence or last.attribution is None:
        return None
    return last.attribution



@cache
def _continuing_opener() -> re.Pattern[str]:
    """What may stand before a partial quote that goes on with the previous speaker's words."""
    return re.compile(rf"^(?:(?:{alternation('continuing_opener', capitalised=True)})\b,?\s*)?$")
