"""The speaker a quote paragraph goes on with: the last one named in the paragraph before.

A quote that opens a paragraph with no cue of its own goes on with the previous quote's
speaker (:func:`analysis.quotes.attribution.attribute`). When the sentence that closed
the paragraph before named a *later* speaker after that quote, the new paragraph is that
speaker's: ``Her neighbours mock the tram, calling it “a toy,” Inga Sol said as she
left.\\n\\n“But it's our toy.”`` is Inga Sol's, not the neighbours'.
"""

from __future__ import annotations

from analysis.quotes.context import (
    ONLY_PUNCTUATION,
    Attribution,
    Context,
    Found,
    cues_in,
    sentence_of,
)
from analysis.quotes.cues import ACCORDING_TO

__all__ = ["later_closing_speaker", "latest_cue_between"]

#: Speaker kinds a closing cue may have to take the next paragraph.
CLOSING_KINDS = frozenset({"name", "pronoun"})


def later_closing_speaker(context: Context, last: Found) -> Attribution | None:
    """Return the cue after ``last`` in its sentence that names another speaker, if any.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = ("Intro.\\n\\nHer neighbours have mocked the tram, calling it “a toy,” Inga Sol "
    ...         "said as she walked off.\\n\\n“But it's our toy, and we love it!”")
    >>> [q.speaker for q in extract_quotes(text)]
    ['Her neighbours', 'Inga Sol']
    """
    if last.attribution is None:
        return None
    sentence = sentence_of(context, last.end - 1)
    if sentence is None:
        return None
    attributions = context.attributions.get(sentence.index, [])
    later = [attributions[n] for n in cues_in(context, sentence.index, last.end, sentence.end)]
    for cue in reversed(later):
        speaker = cue.speaker
        if (cue is last.attribution or speaker is None or not cue.speech
                or cue.lemma == ACCORDING_TO or speaker.kind not in CLOSING_KINDS):
            continue
        if last.attribution.speaker is not None and speaker.text == last.attribution.speaker.text:
            return None
        return cue
    return None


#: Speaker kinds a cue between two quotes of a paragraph may have to take the second.
BETWEEN_KINDS = frozenset({"name", "pronoun"})
#: Relative pronouns: a cue inside an apposition ("said Ott, who says ...") names no new speaker.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def latest_cue_between(context: Context, start: int, end: int) -> Attribution | None:
    """Return the last speech cue with a speaker in ``[start, end)``, if any.

    A quote that goes on in its paragraph after words with a cue of their own
    (``“...,” Ott said. She says the levy must go. “It is theft.”``) is the words of
    the latest speaker named there, not of the quote before.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = ("Intro.\\n\\n“We have bigger problems,” said Vera Ott, 34. She says people "
    ...         "should choose the room they like. “It is their life.”")
    >>> [q.speaker for q in extract_quotes(text)]
    ['Vera Ott', 'She']
    """
    first = sentence_of(context, start)
    last = sentence_of(context, end)
    if first is None or last is None:
        return None
    found = None
    for index in range(first.index, last.index + 1):
        for cue in context.attributions.get(index, []):
            speaker = cue.speaker
            if (start <= cue.cue_start < end and speaker is not None and cue.speech
                    and cue.lemma != ACCORDING_TO and speaker.kind in BETWEEN_KINDS
                    and speaker.text.lower() not in RELATIVE_PRONOUNS
                    and (index != first.index or _right_after(context.doc.text, start, cue))):
                found = cue
    return found


def _right_after(text: str, start: int, cue: Attribution) -> bool:
    """Tell whether a cue in the quote's own sentence follows the quote at once (", she said").

    Another cue of that sentence stands in a clause of its own ("..., Ott said after Berg
    asked"), which names no speaker for the next quote.
    """
    first = cue.cue_start if cue.speaker is None else min(cue.cue_start, cue.speaker.start)
    return ONLY_PUNCTUATION.match(text[start:first]) is not None
