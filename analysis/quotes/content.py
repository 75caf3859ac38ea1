"""Content spans: everything a sentence attributes to the speaker of a quote.

For a partial quote, the reported clause that holds the quoted words (``that
cooperation “is an integral part ...”`` in ``Yoon stressed that cooperation “is an
integral part ...”``); for direct speech the quote itself, from the start of the
reported clause just before it when the quote goes on from it (``Kim said that the port
would reopen. “We are ready.”``); for indirect speech the clause; titles and scare quotes
have none. See :func:`content_span` for the method.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

from analysis.quotes.content_ends import ends_at_quote
from analysis.quotes.context import THAT_AFTER, WORDS, Attribution, Context, Found, cues_in
from analysis.quotes.cues import ACCORDING_TO
from analysis.quotes.main_clause import participle_after
from analysis.quotes.subject_content import content_after_verb
from analysis.quotes.words import alternation, words

__all__ = ["content_span"]

#: Characters stripped at both ends of a content span (and ".!?" at its end).
_CONTENT_TRIM = " \t\n,;:—–-"


def content_span(context: Context, item: Found) -> tuple[int, int] | None:
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
        return _with_reported_clause(context, item)
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
        if _object_of_complement(text, attribution, tail, item.start):
            # "accused Obama of “...”": Obama is content
            parts = [p for p in parts if p is not attribution.addressee]
            tail = max([attribution.cue_end, *(p.end for p in parts)])
        if tail <= item.start:
            cue_before = True
            start = tail
            that = THAT_AFTER.match(text[tail:item.start])
            far = _far_that(text, tail, item.start)
            if that:  # the clause keeps its "that", as it is annotated in news corpora
                start = tail + that.group().lower().rfind("that")
            elif far is not None:  # "said in Salem, Oregon, on Monday that ..."
                start = far
            elif attribution.lemma != ACCORDING_TO and _parenthetical(text, sentence.start, lead, tail):
                start = sentence.start  # "The plan, Kim said, is “dead”": the clause runs over the cue
        elif lead >= item.end:
            end = lead
        elif participle_after(text, attribution, item.start, item.end):
            # "Lund has ..., urging “...,” and telling ...": no clause from the sentence's start
            start = _last_that_end(text, lead, item.start) or item.start
    if not cue_before:
        that_end = _last_that_end(text, start, item.start)
        if that_end is not None:
            start = that_end
        elif not own:
            # "Ruiz blamed the delays on “sloppy planning”": the verb's object is content
            after_verb = content_after_verb(text, attribution, item.sentence, item.start)
            if after_verb is None:
                return item.start, item.end
            start = after_verb
            if text[item.start : item.end].rstrip("”\"’'").endswith(","):
                end = item.end  # “...,” and an apposition or a main clause after it
    end = min(end, _next_cue_start(context, item, attribution), _comma_after_quote(text, item, end))
    verb = _coordinated_verb().search(text, item.end, end)
    end = verb.start() if verb is not None else end
    after = _next_clause().search(text, item.end, end)
    if text[item.start : item.end].rstrip("”\"’'").endswith(","):  # “... glow,” and Trump ...
        after = _next_clause_after_comma().match(text, item.end, end) or after
    if after is not None:
        end = after.start()
    if ends_at_quote(text, item.start, item.end, end):  # “...” in a tweet; “...,” Lund said
        end = item.end
    return _trimmed_content(text, start, end, item)


#: A clause before a parenthetical attribution: words and no other comma, then a comma.
_CLAUSE_BEFORE = re.compile(r"[^\W\d_][^.!?;:,“”\"]*,\s*")


def _parenthetical(text: str, sentence_start: int, lead: int, tail: int) -> bool:
    """Tell whether speaker and cue stand between commas inside a clause ("X, Kim said, Y").

    Words before the first comma, a comma right after the cue (or its speaker): the
    reported clause began before the attribution and goes on after it.
    """
    if not text.startswith(",", tail) or lead <= sentence_start:
        return False
    if _CLAUSE_BEFORE.fullmatch(text, sentence_start, lead) is None:
        return False
    first = text[sentence_start:lead].split(maxsplit=1)[0].strip(",").lower()
    # "But, Kim said, ...", "In both cases, Kim said, ...", "Asked why, Kim said, ...":
    # an opener or an introductory phrase, not the start of the reported clause
    return first not in words("leading") and not first.endswith("ed")


@cache
def _object_complement() -> re.Pattern[str]:
    """The word after a cue's object that opens the rest of what is said of it ("of", "to")."""
    return re.compile(rf"\s+(?:{alternation('object_complement')})\s")


def _object_of_complement(text: str, attribution: Attribution, tail: int, quote: int) -> bool:
    """Tell whether the addressee ending at ``tail`` is the object the quote says something of.

    ``accused Obama of “leading from behind”``, ``urged the senator to “act now”``: the
    noun phrase after the cue is no one spoken to but the subject of the reported
    predicate, and news corpora annotate it as content (list ``object_complement``).
    A ``that`` clause after it (``told Kim of the plan, that “...”``) is the content alone.

    Examples
    --------
    >>> from analysis.quotes.phrases import Phrase
    >>> text = "Ruiz accused Dale of “stalling.”"
    >>> dale = Phrase(13, 17, "Dale", "name")
    >>> said = Attribution(5, 12, "accused", "accuse", True, None, dale, False, 0)
    >>> _object_of_complement(text, said, 17, text.index("“"))
    True
    >>> _object_of_complement("Ruiz told Dale that “we wait.”", said, 14, 20)
    False
    """
    addressee = attribution.addressee
    return (addressee is not None and tail == addressee.end
            and _object_complement().match(text, tail) is not None
            and _THAT.search(text, tail, quote) is None)


def _with_reported_clause(context: Context, item: Found) -> tuple[int, int]:
    """Return a direct quote's content: the quote, after the reported clause it goes on from.

    ``Kim said that the port would reopen. “We are ready.”``: the quote takes the
    speaker of the reported speech just before it (``context.shared``), and the two are
    one attribution: the content starts where the reported clause does (its "that"
    kept; the sentence start when the cue comes after the clause). A quote that ends
    a "that" clause of its own sentence starts its content there
    (:func:`_clause_before_in_sentence`).
    """
    attribution = item.attribution
    same = _clause_before_in_sentence(context, item)
    if same is not None:
        return same
    if (attribution is None or id(attribution) not in context.shared
            or attribution.sentence != item.sentence - 1):
        return item.start, item.end  # a quote further on continues; the clause is not its
    text = context.doc.text
    previous = context.doc.sentences[attribution.sentence]
    parts = [p for p in (attribution.speaker, attribution.addressee) if p is not None]
    tail = max([attribution.cue_end, *(p.end for p in parts)])
    if not WORDS.search(text, tail, previous.end):
        return _trimmed_content(text, previous.start, item.end, item)
    that = THAT_AFTER.match(text[tail : previous.end])
    start = tail + that.group().lower().rfind("that") if that else tail
    if _INFINITIVE.match(text, start):
        return item.start, item.end  # "told them to wait.": a request, not a reported clause
    return _trimmed_content(text, start, item.end, item)


def _clause_before_in_sentence(context: Context, item: Found) -> tuple[int, int] | None:
    """Return a direct quote's content when it ends a "that" clause of its own sentence.

    ``Kim said that after ten years, “It's time.”``: the cue before the quote reports
    the clause the quote completes, so the content starts at its "that"
    (:func:`_that_clause_start`). None when the quote's cue is elsewhere, or no "that"
    follows it: the quote is then its own content.
    """
    attribution = item.attribution
    if attribution is None or attribution.sentence != item.sentence or not attribution.cue:
        return None
    text = context.doc.text
    parts = [p for p in (attribution.speaker, attribution.addressee) if p is not None]
    tail = max([attribution.cue_end, *(p.end for p in parts)])
    if tail > item.start:
        return None
    start = _that_clause_start(text, tail, item.start)
    return None if start is None else _trimmed_content(text, start, item.end, item)


def _that_clause_start(text: str, tail: int, quote: int) -> int | None:
    """Return where the "that" clause after a cue (ending at ``tail``) starts, else None.

    A "that" before a modal ("a line that could have come from ...") opens a relative
    clause, not the reported one.

    Examples
    --------
    >>> text = "said that after ten years, “It's time.”"
    >>> text[_that_clause_start(text, 4, text.index("“")):]
    "that after ten years, “It's time.”"
    >>> _that_clause_start("wrote a line that could be his: “Stop.”", 5, 31) is None
    True
    """
    that = THAT_AFTER.match(text[tail:quote])
    if not that:
        return None
    following = text[tail + that.end() : quote].split(maxsplit=1)
    if following and following[0].lower() in words("modal"):
        return None
    return tail + that.group().lower().rfind("that")


#: Longest stretch (characters) of adjunct phrases with commas between a cue and "that".
FAR_THAT_MAX_GAP = 80
_FAR_THAT = re.compile(rf"\s*([\w’']+)[^.;:“”\"]{{0,{FAR_THAT_MAX_GAP}}}?,[^.;:,“”\"]*?\sthat\s")


def _far_that(text: str, tail: int, quote: int) -> int | None:
    """Return where a "that" after adjuncts with a comma opens the cue's clause, else None.

    ``said in Salem, Oregon, on Monday that ...``, ``told reporters at a diner in Troy,
    New York, that ...``: the words between the cue and "that" open with a preposition
    or a time word, so they place the speech; a clause there ("said he was tired, and
    that ...") is reported too, and keeps its start.

    Examples
    --------
    >>> text = "said in Salem, Oregon, that “it works.”"
    >>> text[_far_that(text, 4, text.index("“")):]
    'that “it works.”'
    >>> _far_that("said he left, and that “it works.”", 4, 23) is None
    True
    """
    far = _FAR_THAT.match(text, tail, quote)
    if far is None:
        return None
    first = far.group(1).lower()
    if first not in words("preposition") and first not in words("time_noun"):
        return None
    return far.end() - len("that ")


_INFINITIVE = re.compile(r"[\s,]*to\s")
_THAT = re.compile(r"\bthat\s+")
_COMMA = re.compile(r",\s")


def _last_that_end(text: str, start: int, end: int) -> int | None:
    """Return where the clause after the last ``that`` in ``text[start:end]`` starts.

    A "that" there is one of the text's (:func:`_that_starts`) with its white space
    before ``end``; a bisection finds the last, so a sentence with many quotes stays linear.
    """
    starts = _that_starts(text)
    index = bisect_right(starts, end - _THAT_MIN_CHARS) - 1
    return starts[index] if index >= 0 and starts[index] >= start else None


#: Characters of the shortest "that" clause opening: "that" and one white space.
_THAT_MIN_CHARS = len("that ")


@lru_cache(maxsize=4)
def _that_starts(text: str) -> tuple[int, ...]:
    """Return where each ``that`` of ``text`` followed by white space starts, in order."""
    return tuple(match.start() for match in _THAT.finditer(text))


def _next_cue_start(context: Context, item: Found, own: Attribution | None) -> int:
    """Return where the next attribution after the quote in its sentence begins.

    ``He called her “weak” and said ...``: the content ends before "and said"
    (before its speaker, and a coordinator or comma, when there is one). A cue inside
    the quoted clause is no new attribution (:func:`_embedded_cue`): ``“ready” to
    announce``, ``“no idea” if he would have told``, ``“wrong” for saying``.
    """
    text = context.doc.text
    attributions = context.attributions.get(item.sentence, [])
    for number in cues_in(context, item.sentence, item.end, len(text)):
        other = attributions[number]
        if other is own:
            continue
        cut = other.cue_start
        if other.speaker is not None and item.end <= other.speaker.start < cut:
            cut = other.speaker.start
        if _embedded_cue(text, item.end, cut):
            continue
        return max(_joint_start(text, item.end, cut), item.end)
    return len(text)


_LAST_WORD = re.compile(r"([\w’']+)\W*$")


def _embedded_cue(text: str, start: int, cut: int) -> bool:
    """Tell whether the cue (or its speaker) at ``cut`` belongs to the clause before it.

    The word right before it opens an infinitive, a subordinate clause or a gerund
    phrase (list ``embedded_cue_lead``), or is a determiner or a number before the cue
    word used as a noun ("in 11 states").

    Examples
    --------
    >>> text = "the fee is “too high” to say more"
    >>> _embedded_cue(text, 21, text.index("say"))
    True
    >>> _embedded_cue("“too high” and said", 10, 15)
    False
    """
    word = _LAST_WORD.search(text, start, cut)
    if word is None or (word.end() < cut and not text[word.end():cut].isspace()):
        return False
    last = word.group(1).lower()
    return last in words("embedded_cue_lead") or last in words("noun_marker") or last.isdigit()


_SEPARATOR = re.compile(r"[\s,;]")


def _joint_start(text: str, start: int, end: int) -> int:
    r"""Return where the words joining a quote to the next cue begin in ``text[start:end]``.

    The leftmost offset from which ``text[offset:end]`` is nothing but spaces, commas,
    semicolons and joint words ("and", "but", ...), each after one of those marks:
    what ``re.search(r"(?:[\s,;]+(?:and|but|...)?)*\s*$", text[start:end])`` finds,
    read backwards from ``end`` in linear time (that pattern nests two repeats, and
    takes exponential time on a long run of spaces before a word).
    """
    joints = sorted(words("cue_joint"), key=len, reverse=True)
    longest = max(map(len, joints), default=0)
    valid = {end}
    leftmost = end
    position = end - 1
    while position >= start and position >= leftmost - longest - 1:
        if _SEPARATOR.match(text, position) and (
            position + 1 in valid
            or any(position + 1 + len(j) in valid and text.startswith(j, position + 1)
                   for j in joints)
        ):
            valid.add(position)
            leftmost = position
        position -= 1
    return leftmost


def _comma_after_quote(text: str, item: Found, end: int) -> int:
    """Return the first comma after words that follow the quote (else ``end``)."""
    comma = _COMMA.search(text, item.end, end)
    if comma is None or not text[item.end : comma.start()].strip():
        return end
    return comma.start()


@cache
def _coordinated_verb() -> re.Pattern[str]:
    """A verb phrase coordinated after the quote ("... “a terrible deal” and ranked her ...").

    It is the speaker's next act, not part of the quoted clause.
    """
    return re.compile(rf"\s+and\s+(?:(?:{alternation('coordinated_adverb')})\s+)?[a-z]{{3,}}ed\b")


def _next_clause_words() -> str:
    return rf"(?:{alternation('next_clause')}|[a-z]{{3,}}ing)\b"


@cache
def _next_clause() -> re.Pattern[str]:
    """Where a clause coordinated after the quote begins: the reported content ends there.

    ("... “not ready” to support him, and suggested that ...").
    """
    return re.compile(rf"(?:,\s+{_next_clause_words()}|;\s|\s+—\s)")


@cache
def _next_clause_after_comma() -> re.Pattern[str]:
    """The same as :func:`_next_clause` right after a quote whose comma is inside the marks."""
    return re.compile(rf"\s+{_next_clause_words()}")


def _trimmed_content(text: str, start: int, end: int, item: Found) -> tuple[int, int]:
    """Strip spaces and clause punctuation at both ends, never cutting the quote."""
    while start < item.start and text[start] in _CONTENT_TRIM:
        start += 1
    while end > item.end and text[end - 1] in _CONTENT_TRIM + ".!?":
        end -= 1
    return min(start, item.start), max(end, item.end)
