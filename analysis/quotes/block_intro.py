"""A partial quote inside a block quotation that a colon-ended paragraph introduces.

``Ada Berg wrote on her blog:`` then a paragraph set apart without quote marks of its
own (a block quotation) that holds quoted words: ``What we should ask is “who will
pay?”``. The whole paragraph is Berg's text, so a quote in it is hers, not that of a
subject inside it ("we") or of a mention near it. The intro is the last sentence of the
paragraph before, ending on a colon, with a speech cue (or "according to") and its
speaker. A cue with its own speaker before the quote in its sentence (other than the
writer's "I" or "we", list ``block_intro_writer``) keeps the quote, and so does a
paragraph of embedded markup (``<tweet ...>``).
"""

from __future__ import annotations

from analysis.quotes.context import Attribution, Context, Found, cues_in, sentence_of
from analysis.quotes.words import words
from analysis.text.patterns import DOUBLE_MARKS

__all__ = ["block_intro"]


def block_intro(context: Context, item: Found) -> Attribution | None:
    """Return the cue of the colon-ended intro before the block paragraph of a quote.

    The quote's paragraph must not open on a quote mark (it is a block, not a quoted
    paragraph) nor on markup, and the paragraph before it must end on a colon; the cue
    is the last one with a speaker in that paragraph's last sentence. None when a cue
    before the quote in its own sentence has a speaker other than the writer.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = ("The planner Ada Berg wrote on her blog:\\n\\n"
    ...         "I think the levy is too high. What we should ask is “who will pay?”")
    >>> [q.speaker for q in extract_quotes(text)]
    ['The planner Ada Berg']
    """
    doc = context.doc
    sentence = sentence_of(context, item.start)
    if sentence is None or sentence.paragraph == 0:
        return None
    block = doc.paragraphs[sentence.paragraph]
    if doc.text[block.start : block.end].lstrip().startswith((*DOUBLE_MARKS, "<")):
        return None
    if _own_cue_before(context, item, sentence.index, sentence.start):
        return None
    before = doc.paragraphs[sentence.paragraph - 1]
    if not doc.text[before.start : before.end].rstrip().endswith(":"):
        return None
    intro = sentence_of(context, before.end - 1)
    if intro is None or intro.paragraph != sentence.paragraph - 1:
        return None
    with_speaker = [a for a in context.attributions.get(intro.index, []) if a.speaker]
    return with_speaker[-1] if with_speaker else None


def _own_cue_before(context: Context, item: Found, sentence: int, start: int) -> bool:
    """Tell whether a cue before the quote in its sentence has a speaker not the writer's."""
    attributions = context.attributions.get(sentence, [])
    return any(
        attributions[number].speaker is not None
        and attributions[number].speaker.text.lower() not in words("block_intro_writer")
        for number in cues_in(context, sentence, start, item.start)
    )
