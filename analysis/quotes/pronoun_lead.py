"""A quote paragraph after a sentence about "he" or "she": that person's words.

``“We will rebuild the pier,” Lund said. She then had a question for the crowd.\\n\\n“Who
will pay for it?”``: a quote that is a paragraph of its own, with nothing else to
attribute it, after a paragraph whose last sentence has a person pronoun as its subject
and no quotation of its own, is that pronoun's, when that paragraph quotes someone
before the sentence (the pronoun goes on from a speaker; a pronoun with no quote before
it in its paragraph gave as many wrong speakers as right ones on PolNeAR train). (The named subject case is
:func:`analysis.quotes.paragraph_lead.paragraph_subject`.)
"""

from __future__ import annotations

from analysis.quotes.context import (
    Attribution,
    Context,
    Found,
    marked_in,
    sentence_opened_by,
)
from analysis.quotes.phrases import sentence_subject
from analysis.quotes.words import words

__all__ = ["pronoun_paragraph_lead"]

#: Pronoun subjects that may lead into a quote paragraph.
LEAD_PRONOUNS = frozenset({"he", "she"})


def pronoun_paragraph_lead(context: Context, item: Found) -> Attribution | None:
    """Return the pronoun subject of the sentence that closes the paragraph before a quote.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = ("Intro.\\n\\n“We will rebuild the pier,” Greta Lund said. She then had a "
    ...         "question for the crowd.\\n\\n“Who will pay for it?”")
    >>> [q.speaker for q in extract_quotes(text)]
    ['Greta Lund', 'She']
    """
    doc = context.doc
    sentence = sentence_opened_by(context, item)
    if sentence is None:
        return None
    paragraph = doc.paragraphs[sentence.paragraph]
    if paragraph.start != sentence.start or doc.text[item.end : paragraph.end].strip():
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph - 1:
        return None
    if any(m.start not in context.non_speech for m in marked_in(context, previous.start, previous.end)):
        return None
    lead_start = doc.paragraphs[previous.paragraph].start
    if not any(m.start not in context.non_speech
               for m in marked_in(context, lead_start, previous.start)):
        return None  # no quote before it in its paragraph: whom the pronoun stands for is open
    subject = sentence_subject(doc.text, previous.start, previous.end)
    if subject is None or subject.text.lower() not in LEAD_PRONOUNS & words("person_pronoun"):
        return None
    return Attribution(subject.start, subject.end, "", "", False, subject, None, False,
                       previous.index)
