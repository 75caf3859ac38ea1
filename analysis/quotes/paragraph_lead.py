"""A quote paragraph after a paragraph about one person: that person's words.

News often writes a sentence about someone, without a speech verb, and gives their words
as the next paragraph: "Holt is sure the ferry will pay.\\n\\n“The boats are full every
morning.”" When nothing else attributes a direct quote that opens its paragraph, the
subject of the last sentence of the paragraph before, when it is a name, speaks
it, provided that paragraph holds no quoted speech of its own. Likewise inside a
paragraph: a quote opening a sentence after "Lindahl praised the rail link." is
Lindahl's, when that sentence has one main clause and its subject names a person.
"""

from __future__ import annotations

import re

from analysis.quotes.context import (
    Attribution,
    Context,
    Found,
    marked_in,
    sentence_opened_by,
)
from analysis.quotes.heads import is_section_label, names_person
from analysis.quotes.phrases import sentence_subject
from analysis.quotes.words import words

__all__ = ["paragraph_subject", "sentence_lead_subject"]

#: Speaker kinds a lead paragraph's subject may have.
LEAD_KINDS = frozenset({"name"})


def paragraph_subject(context: Context, item: Found) -> Attribution | None:
    """Return the subject of the paragraph before a quote that opens its own paragraph.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Lena Brandt is sure the ferry will pay.\\n\\n“The boats are full every morning.”"
    >>> [q.speaker for q in extract_quotes(text)]
    ['Lena Brandt']
    """
    doc = context.doc
    sentence = sentence_opened_by(context, item)
    if sentence is None or doc.paragraphs[sentence.paragraph].start != sentence.start:
        return None
    paragraph = doc.paragraphs[sentence.paragraph]
    if doc.text[item.end : paragraph.end].strip():
        return None  # the quote is the whole paragraph: no cue of its own anywhere in it
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph - 1:
        return None
    lead_start = doc.paragraphs[previous.paragraph].start
    if any(m.start not in context.non_speech for m in marked_in(context, lead_start, previous.end)):
        return None
    subject = sentence_subject(doc.text, previous.start, previous.end)
    if subject is None or is_section_label(doc.text, subject):
        return None
    if subject.kind not in LEAD_KINDS or subject.text.split()[0].lower() in words("determiner"):
        return None  # "The summit opened ...": a description, no person; a pronoun there
        # gave one quote right and one wrong on PolNeAR train
    return Attribution(subject.start, subject.end, "", "", False, subject, None, False,
                       previous.index)



def sentence_lead_subject(context: Context, item: Found) -> Attribution | None:
    """Return the named subject of the sentence right before a quote that opens a sentence.

    ``The judge Ilse Moen turned to the jury. “Have you reached a verdict?”``: the quote
    opens its sentence, the sentence before it in the same paragraph holds no quoted
    speech, and its subject is a name (not a description or pronoun): that person
    speaks. Run only when no cue, label or earlier quote attributes the quote.

    Examples
    --------
    >>> from analysis.quotes.extract import extract_quotes
    >>> text = "Ilse Moen turned to the jury. “Have you reached a verdict?”"
    >>> [q.speaker for q in extract_quotes(text)]
    ['Ilse Moen']
    """
    doc = context.doc
    sentence = sentence_opened_by(context, item)
    if sentence is None:
        return None
    previous = doc.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return None
    if any(m.start not in context.non_speech for m in marked_in(context, previous.start, previous.end)):
        return None
    if _SECOND_CLAUSE.search(doc.text, previous.start, previous.end):
        return None  # "Lund won't go that far, but Berg wants ...": whose words?
    subject = sentence_subject(doc.text, previous.start, previous.end)
    if subject is None or is_section_label(doc.text, subject) or subject.text.endswith(_POSSESSIVE):
        return None  # "Lund's first tweet was ...": the phrase is not the speaker
    if subject.kind not in LEAD_KINDS or subject.text.split()[0].lower() in words("determiner"):
        return None
    if not names_person(subject.text, doc.text[: subject.start]):
        return None  # "Prices fell.", "NBC News", "Presumptive GOP [nominee ...]": no person
    return Attribution(subject.start, subject.end, "", "", False, subject, None, False,
                       previous.index)


#: A second main clause in a sentence: ", but", ", and", ", while" or a semicolon.
_SECOND_CLAUSE = re.compile(r",\s+(?:but|and|while|yet|so)\s|;")
#: The possessive endings of a phrase ("Lund's", "Lund’s").
_POSSESSIVE = ("'s", "’s", "s'", "s’")
