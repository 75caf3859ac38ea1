"""Speech cues in a sentence, each with the speaker and addressee found around it.

For each cue outside quotation marks (:mod:`analysis.quotes.cues`) the speaker is the
noun phrase right before it (skipping adverbs, auxiliaries and an apposition between
commas: "X, senior secretary for ..., said"), or right after it when inverted ("said
Kim Eun-hye", "according to X"); a cue that takes an addressee ("told Yoon") records
it. A cue with no speaker of its own after "and" or a comma ("..., adding") shares the
previous cue's speaker or the sentence's subject.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.addressees import addressee_after
from analysis.quotes.aside_subject import subject_past_aside
from analysis.quotes.context import ONLY_PUNCTUATION, Attribution, Context, regions, skip_space
from analysis.quotes.contracted_subject import contracted_subject
from analysis.quotes.coordinated_titles import coordinated_title
from analysis.quotes.cue_forms import is_participle, not_clause_end_cue
from analysis.quotes.cues import ACCORDING_TO, GO_ON, Cue, cue_pattern, cues
from analysis.quotes.elliptic_speaker import elliptic_speaker_after
from analysis.quotes.heads import forward_head, is_section_label, subject_head
from analysis.quotes.main_clause import (
    coordinated_subject,
    participle_subject,
    prepositional_object,
)
from analysis.quotes.opener_subject import opener_subject
from analysis.quotes.passive_agent import passive_agent
from analysis.quotes.phrases import Phrase, noun_phrase_after, sentence_subject, subject_before
from analysis.quotes.postmodified_subject import postmodified_subject
from analysis.quotes.quantified_subjects import quantified_subject
from analysis.quotes.speaker_phrase import is_speaker_phrase
from analysis.quotes.time_between import subject_before_ago
from analysis.quotes.words import alternation, words
from analysis.text.document import Sentence

__all__ = ["sentence_attributions"]

#: Adverbs between "and"/"but" and a cue that shares the previous subject ("but now said").
COORDINATED_MAX_ADVERBS = 2
#: Lower-case nouns of a compound between an inverted speaker phrase and its relative
#: clause ("a former state trade official who").
POSTMODIFIER_MAX_NOUNS = 2
#: Characters before a cue searched for the word before it ("and said").
PREVIOUS_WORD_WINDOW = 30
#: Lemmas whose capitalised form may open a sentence as an inverted cue ("Said Lund, “...”").
OPENING_CUE_LEMMAS = frozenset({"say", "add", "write"})


def sentence_attributions(context: Context, sentence: Sentence) -> list[Attribution]:
    """Return the speech cues of a sentence outside its quotation marks, in text order.

    Each comes with its speaker (before it, or after it when inverted) and, for a cue
    that takes one, its addressee.
    """
    text = context.doc.text
    found: list[Attribution] = []
    table = cues()
    for region_start, region_end in regions(context, sentence):
        matches = list(cue_pattern().finditer(text, region_start, region_end))
        opening = _opening_cue().match(text, skip_space(text, region_start), region_end)
        if opening is not None and region_start <= sentence.start + 1:
            matches.insert(0, opening)
        for match in matches:
            form = " ".join(match.group().split())
            cue = table.get(form) or table.get(form.lower())
            if cue is None or _not_speech_go_on(text, cue, match.end()):
                continue
            if not_clause_end_cue(text, cue.lemma, match.end()):
                continue  # "Lund started Monday with ...", unlike "“...,” Lund started."
            if _previous_word(text, region_start, match.start()) in words("noun_marker"):
                continue  # "the answers to", "his remarks": a noun, not a speech verb
            attribution = _attribution_at(
                text, region_start, region_end, match.start(), match.end(), form, cue,
                sentence, found,
            )
            found.append(attribution)
    return found


@cache
def _opening_cue() -> re.Pattern[str]:
    """A capitalised inverting cue opening a sentence before a capitalised speaker.

    ``Said Ada Lund, who grew up there, “...”``: the cue list holds lower-case forms,
    so the verb that opens the sentence is read here, only for the lemmas of
    :data:`OPENING_CUE_LEMMAS` ("Asked Monday about it, Lund said" is a participle).
    """
    forms = sorted((form for form, cue in cues().items()
                    if cue.lemma in OPENING_CUE_LEMMAS and cue.inverts and " " not in form),
                   key=len, reverse=True)
    alternation_ = "|".join(re.escape(form.capitalize()) for form in forms)
    return re.compile(rf"(?:{alternation_})(?=\s+(?:[A-Z]|(?:the|a|an|one)\s+\w))")


def _subject(text: str, sentence: Sentence, cue_start: int) -> Phrase | None:
    """Return the subject of the sentence before a cue, unless it is a section label."""
    subject = sentence_subject(text, sentence.start, cue_start)
    if subject is None or is_section_label(text, subject):
        return None  # "ANALYSIS: Markets rallied, with traders saying ...": a label
    return subject


def _not_speech_go_on(text: str, cue: Cue, cue_end: int) -> bool:
    """Tell whether "goes on" is not a cue: "the Senate goes on recess" (vs "he went on, “...”")."""
    return cue.lemma == GO_ON and bool(_go_on_otherwise().match(text, cue_end))


@cache
def _go_on_otherwise() -> re.Pattern[str]:
    """A lower-case word after "goes on" that is not speech ("to say", "saying" are)."""
    return re.compile(rf"\s+(?!(?:{alternation('go_on_speech')})\b)[a-z]")


def _attribution_at(
    text: str,
    region_start: int,
    region_end: int,
    cue_start: int,
    cue_end: int,
    form: str,
    cue: Cue,
    sentence: Sentence,
    earlier: list[Attribution],
) -> Attribution:
    speaker: Phrase | None = None
    inverted = False
    if cue.lemma == ACCORDING_TO:
        speaker = forward_head(text, noun_phrase_after(text, skip_space(text, cue_end), region_end),
                               region_end)
        inverted = True
    elif form.lower() == cue.lemma and _after_indefinite_modifier(text, region_start, cue_start):
        # "Lund delivered a snappy retort:": a noun after "a" and its adjective; the
        # words are the clause subject's, not "a snappy"'s
        speaker = _subject(text, sentence, cue_start)
    elif (agent := passive_agent(text, cue_start, cue_end, sentence.end)) is not None:
        speaker, inverted = agent, True  # "was asked by host Ann Berg": the agent speaks
    else:
        speaker, inverted = _speaker_of_cue(text, region_start, region_end, cue_start, cue_end,
                                            cue, sentence)
        if not inverted and _reported_passive(text, region_start, cue_start, cue_end, earlier):
            speaker = None  # "X said the orders would be announced": the orders are spoken of
        coordinated = _previous_word(text, region_start, cue_start) in words("coordinator")
        if speaker is None and not coordinated:
            coordinated = _coordinated_past_adverbs(text, region_start, cue_start)
        participle = is_participle(form) or text[region_start:cue_start].rstrip().endswith(",")
        # "X went on to say", "X wanted to add": the infinitive's speaker is the clause's
        infinitive = _infinitive_of_subject(text, region_start, cue_start)
        if speaker is None and (coordinated or participle or infinitive):
            with_speaker = [a for a in earlier if a.speaker is not None]
            joined = coordinated_subject(text, sentence, cue_start, coordinated)
            if with_speaker and (joined is None or joined.start < with_speaker[-1].cue_end):
                speaker = with_speaker[-1].speaker  # else "X called ..., and Y denounced ... and said"
            else:
                speaker = (participle_subject(text, sentence, cue_start, participle) or joined
                           or _subject(text, sentence, cue_start))
        speaker = opener_subject(text, sentence, cue_end, speaker) or speaker  # not "In"
    addressee = None
    if cue.addressee and not inverted:
        addressee = addressee_after(text, skip_space(text, cue_end), region_end)
    return Attribution(
        cue_start, cue_end, form, cue.lemma, cue.speech, speaker, addressee, inverted,
        sentence.index,
    )


def _speaker_of_cue(
    text: str, region_start: int, region_end: int, cue_start: int, cue_end: int,
    cue: Cue, sentence: Sentence,
) -> tuple[Phrase | None, bool]:
    """Return the speaker of a cue and whether it follows the cue ("said Kim")."""
    before = text[region_start:cue_start]
    only_punctuation = bool(ONLY_PUNCTUATION.match(before))
    after: Phrase | None = None
    participle = is_participle(text[cue_start:cue_end])
    # ", promising the members ...": a participle never puts its speaker after it
    if cue.inverts and not participle and (only_punctuation or before.rstrip().endswith(",")):
        after = noun_phrase_after(text, skip_space(text, cue_end), region_end, titles=True)
        after = (forward_head(text, after, region_end)
                 or elliptic_speaker_after(text, skip_space(text, cue_end), region_end))
        if after is not None and not _inversion_ends(text, after, region_end, sentence.end):
            after = (_name_before_of(text, after, region_end, sentence.end)
                     or _before_postmodifier(text, after, region_end))
    if after is not None and not is_speaker_phrase(after.text):
        after = None  # "said the days when ...": a time phrase, not the speaker
    if only_punctuation:
        if after is None and not participle:  # 'Lund, the author of "Slow Water," said'
            return subject_past_aside(text, sentence.start, cue_start), False
        return after, after is not None
    if participle and before.rstrip().endswith(","):
        # "Bush attacked Trump, with whom he clashed, calling him ...": the subject of a
        # participle after a comma is the clause's, found by the caller
        return None, False
    first_verb = _coordinated_first_verb(text, region_start, cue_start)
    subject_end = cue_start if first_verb is None else first_verb
    subject = subject_head(text, subject_before(text, region_start, subject_end), region_start,
                           subject_end)
    if subject is not None and not is_speaker_phrase(subject.text):
        subject = None  # "Perhaps voters ... call", "the board must decide, citing": no speaker
    subject = contracted_subject(text, region_start, subject_end) or subject  # "he’s predicting"
    subject = quantified_subject(text, region_start, subject_end) or subject  # "Four in 10 say"
    if subject is None:
        subject = subject_before_ago(text, region_start, subject_end)  # "X two weeks ago said"
    if subject is None:
        subject = postmodified_subject(text, region_start, subject_end)  # "Officials close to X say"
    if subject is None:
        subject = subject_past_aside(text, sentence.start, cue_start)  # "Lund — a grocer — says"
    if subject is None:
        subject = coordinated_title(text, region_start, cue_start)  # "the senator and candidate said"
    if subject is not None and subject.kind == "description" and participle:
        # "a statement saying": the participle's subject is the clause's (but "with many
        # students chanting": the absolute clause's own subject speaks)
        subject = _absolute_subject(text, region_start, subject)
    elif subject is not None and participle and prepositional_object(text, region_start, subject):
        subject = None  # "sent a memo to the Post in April explaining": the clause's subject
    weak_subject = subject is None or subject.kind == "description"
    if before.rstrip().endswith(",") and after is not None and weak_subject:
        return after, True
    return subject, False


@cache
def _after_inverted() -> re.Pattern[str]:
    """What may follow the speaker of an inverted cue: punctuation, the end, or a list word."""
    return re.compile(rf"^\s*(?:[,.;:!?()\]—–]|$|(?:{alternation('after_inverted')})\b)")


_OF = re.compile(r"\s+of\s")
#: "with" right before a phrase, or before the first of two joined by "and": an absolute
#: clause ("with many students chanting", "with many students and teachers chanting").
_WITH_BEFORE = re.compile(r"\bwith\s+(?P<first>(?:[\w’'-]+\s+){1,3}and\s+)?$", re.IGNORECASE)
#: "LEAD to" right before a cue: an infinitive ("went on to say").
_INFINITIVE_BEFORE = re.compile(r"\b([\w’'-]+)\s+to\s+$")


def _absolute_subject(text: str, region_start: int, subject: Phrase) -> Phrase | None:
    """Return the subject of an absolute "with" clause ending in ``subject``, or None.

    ``with many students chanting`` gives "many students"; ``with many students and
    teachers chanting`` gives "many students and teachers" (two phrases joined by "and").
    """
    match = _WITH_BEFORE.search(text, max(region_start, subject.start - PREVIOUS_WORD_WINDOW),
                                subject.start)
    if match is None:
        return None
    if match.group("first") is None:
        return subject
    start = match.start("first")
    return Phrase(start, subject.end, text[start : subject.end], "description")


def _infinitive_of_subject(text: str, start: int, cue_start: int) -> bool:
    """Tell whether a cue is an infinitive its clause's subject speaks ("went on to say")."""
    match = _INFINITIVE_BEFORE.search(text, max(start, cue_start - PREVIOUS_WORD_WINDOW), cue_start)
    return match is not None and match.group(1).lower() in words("infinitive_lead")


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


def _before_postmodifier(text: str, phrase: Phrase, region_end: int) -> Phrase | None:
    """Return an inverted speaker phrase that a relative clause or participle goes on.

    ``said a former state trade official who oversaw the talks`` and ``said one Democrat
    involved in the talks``: the phrase (with up to two more lower-case nouns of its
    compound, "trade official") ends before "who", "involved", "familiar with", ....
    """
    if phrase.kind == "pronoun":
        return None
    match = _postmodifier().match(text, phrase.end, region_end)
    if match is None:
        return None
    end = match.start("marker")
    end = end - (len(text[phrase.end : end]) - len(text[phrase.end : end].rstrip(" ,")))
    return Phrase(phrase.start, end, text[phrase.start : end], phrase.kind)


@cache
def _postmodifier() -> re.Pattern[str]:
    """Up to two lower-case nouns, then a relative pronoun or a participle of the postmodifier list."""
    return re.compile(rf"(?:\s+[a-z][\w-]*){{0,{POSTMODIFIER_MAX_NOUNS}}}?\s*,?\s+"
                      rf"(?P<marker>(?:{alternation('postmodifier')})\b)")


def _inversion_ends(text: str, phrase: Phrase, region_end: int, sentence_end: int) -> bool:
    """Tell whether a phrase after an inverted cue ends where an attribution ends."""
    if phrase.text.lower() in words("not_inverted"):
        return False
    rest = text[phrase.end : sentence_end]
    if phrase.end >= region_end and region_end < sentence_end:
        return False
    if phrase.kind == "pronoun":
        return bool(re.match(r"^\s*(?:[,.;:!?]|$)", rest))
    return bool(_after_inverted().match(rest))


_LAST_WORD = re.compile(r"(\w+)\W*$")
_WORDS_BEFORE = re.compile(r"([\w’'-]+)\s*$")


def _coordinated_past_adverbs(text: str, start: int, end: int) -> bool:
    """Tell whether "and"/"but" stands before a cue across adverbs ("but now said")."""
    for _ in range(COORDINATED_MAX_ADVERBS + 1):
        match = _WORDS_BEFORE.search(text, max(start, end - PREVIOUS_WORD_WINDOW), end)
        if match is None:
            return False
        word = match.group(1).lower()
        if word in words("coordinator"):
            return True
        if word not in words("between") and word not in words("time_adverb") and word != "now":
            return False
        end = match.start(1)
    return False


def _coordinated_first_verb(text: str, start: int, cue_start: int) -> int | None:
    """Return where the verb coordinated before a cue starts ("leans over and whispers"), or None.

    The word before "and" counts as a verb when an adverb particle follows it ("leaned
    over and said") or it is a past form in "-ed" ("nodded and said"): a noun rarely is
    either, so "the workers and managers said" stays a joint subject.

    Examples
    --------
    >>> text = "The aide leans over and whispers"
    >>> text[_coordinated_first_verb(text, 0, text.index("whispers")):]
    'leans over and whispers'
    >>> _coordinated_first_verb("Aides and advisers said", 0, 18) is None
    True
    """
    window = max(start, cue_start - PREVIOUS_WORD_WINDOW)
    match = _BEFORE_AND.search(text, window, cue_start)
    if match is None:
        return None
    word = match.group(1)
    if word in words("coordinated_particle"):
        verb = _WORDS_BEFORE.search(text, window, match.start(1))
        return verb.start(1) if verb is not None and verb.group(1).isalpha() and verb.group(1).islower() else None
    return match.start(1) if len(word) > PAST_MIN_CHARS and word.endswith("ed") else None


#: A lower-case word and "and" right before a cue.
_BEFORE_AND = re.compile(r"(?<![\w’'-])([a-z]+)\s+and\s+$")
#: Fewest letters of a past form in "-ed" read as a verb before "and" ("nodded", not "red").
PAST_MIN_CHARS = 4


def _reported_passive(text: str, start: int, cue_start: int, cue_end: int,
                      earlier: list[Attribution]) -> bool:
    """Tell whether a cue is a passive inside the clause an earlier cue with a speaker reports.

    ``Kim said the orders would be announced “soon”``: the subject of "be announced" is
    spoken of, so the cue has no speaker (the outer speaker's words). "is said to be",
    "was reported to have" (a raising verb) and a participle ("being told") are left alone.
    """
    if text[cue_start:cue_end].endswith("ing") or _TO_AFTER.match(text, cue_end):
        return False
    return any(a.speaker is not None for a in earlier) and _passive(text, start, cue_start)


_TO_AFTER = re.compile(r"\s+to\b")


def _passive(text: str, start: int, cue_start: int) -> bool:
    """Tell whether a form of be stands before a cue across adverbs ("would be formally announced").

    Examples
    --------
    >>> text = "The orders would be formally announced"
    >>> _passive(text, 0, text.index("announced")), _passive("Kim announced", 0, 4)
    (True, False)
    """
    end = cue_start
    for _ in range(COORDINATED_MAX_ADVERBS + 1):
        match = _WORDS_BEFORE.search(text, max(start, end - PREVIOUS_WORD_WINDOW), end)
        if match is None:
            return False
        word = match.group(1).lower()
        if word in words("passive_be"):
            return True
        if not word.endswith("ly") and word not in words("time_adverb"):
            return False
        end = match.start(1)
    return False


_TWO_WORDS_BEFORE = re.compile(r"\b([\w’'-]+)\s+[\w’'-]+\s+$")


def _after_indefinite_modifier(text: str, start: int, cue_start: int) -> bool:
    """Tell whether "a"/"an" and one word stand right before a cue ("a snappy retort")."""
    match = _TWO_WORDS_BEFORE.search(text, max(start, cue_start - PREVIOUS_WORD_WINDOW), cue_start)
    return match is not None and match.group(1).lower() in words("indefinite_article")


def _previous_word(text: str, start: int, end: int) -> str:
    match = _LAST_WORD.search(text, max(start, end - PREVIOUS_WORD_WINDOW), end)
    return match.group(1).lower() if match else ""
