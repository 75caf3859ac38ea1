"""The speaker a quote paragraph goes on with: the last one named in the paragraph before.

A quote that opens a paragraph with no cue of its own goes on with the previous quote's
speaker (:func:`analysis.quotes.attribution.attribute`). When the sentence that closed
the paragraph before named a *later* speaker after that quote, the new paragraph is that
speaker's: ``Her neighbours mock the tram, calling it “a toy,” Inga Sol said as she
left.\\n\\n“But it's our toy.”`` is Inga Sol's, not the neighbours'.
"""

from __future__ import annotations

from analysis.quotes.context import Attribution, Context, Found, cues_in, sentence_of
from analysis.quotes.cues import ACCORDING_TO

__all__ = ["later_closing_speaker"]

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
