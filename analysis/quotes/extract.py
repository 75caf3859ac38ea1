"""Quotes and speakers: every quotation in an article, who said it, and to whom.

The two doors of the quotes wing: :func:`extract_quotes` (records) and its twin
:func:`quotes_frame` (the ``quotes`` table). The method is rule-based and runs in one
pass per article; each step is a module of :mod:`analysis.quotes` (see its map):

1. quote marks are paired into spans (:mod:`~analysis.quotes.marks`);
2. speech cues are found in each sentence with their speakers and addressees
   (:mod:`~analysis.quotes.attributions`);
3. each span gets a kind (:mod:`~analysis.quotes.classify`) and an attribution
   (:mod:`~analysis.quotes.attribution`); cues left over give indirect speech
   (:mod:`~analysis.quotes.indirect`); partial quotes get their content span
   (:mod:`~analysis.quotes.content`);
4. speakers and addressees resolve to actors against the article's actor mentions,
   found once (:mod:`~analysis.quotes.resolve`), and each actor gets its office on the
   article's date.

Korean paragraphs (most letters Hangul) are read by the Korean rules of
:mod:`analysis.quotes.korean` instead, in a Korean article and in an English one alike;
the records are the same. Other articles whose language is known and not English yield
no quotes (a :class:`NotEnglishWarning` says so) rather than guesses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.mentions import extract_actors
from analysis.actors.overrides import Override, OverridesLike, apply_overrides
from analysis.actors.registry import ActorMention, ActorRegistry, default_registry
from analysis.quotes.addressees import is_addressee
from analysis.quotes.antecedents import name_pronoun_speakers
from analysis.quotes.attribution import attribute
from analysis.quotes.attributions import sentence_attributions
from analysis.quotes.classify import classify
from analysis.quotes.content import content_span
from analysis.quotes.context import Context, Found
from analysis.quotes.indirect import indirect_speech
from analysis.quotes.korean import extract_korean_quotes, korean_paragraphs
from analysis.quotes.marks import find_marked
from analysis.quotes.records import KINDS, SPEECH_KINDS, Quote
from analysis.quotes.resolve import Resolver, dated_role
from analysis.quotes.rows import quote_rows
from analysis.text.articles import Article
from analysis.text.document import Document, as_document
from analysis.text.english import NotEnglishWarning, is_english, warn_not_english

if TYPE_CHECKING:
    from analysis.pipeline import Context
__all__ = [
    "KINDS",
    "SPEECH_KINDS",
    "NotEnglishWarning",
    "Quote",
    "correct_quotes",
    "extract_quotes",
    "quote_rows",
    "quotes_frame",
]

#: What researchers' corrections of quotes are filed under (``what`` in an overrides file).
QUOTES = "quotes"
#: What corrections of actor mentions are filed under; they reach the quotes too.
ACTORS = "actors"



def extract_quotes(
    text: str | Article | Document,
    registry: ActorRegistry | None = None,
    *,
    mentions: Sequence[ActorMention] | None = None,
) -> list[Quote]:
    """Return every quotation and reported speech in an article, with its speaker.

    Parameters
    ----------
    text : str, Article or Document
        The article.
    registry : ActorRegistry, optional
        Actor registry that resolves speakers to canonical actors and gives their office
        on the article's date; :func:`analysis.actors.registry.default_registry` when None.
    mentions : sequence of ActorMention, optional
        The article's actor mentions, found once for the article (dated by its
        ``published``, researchers' corrections applied). A speaker or addressee whose
        phrase such a mention heads takes that mention's actor, so a quote and the
        ``actors`` table agree. Found here with
        :func:`analysis.actors.mentions.extract_actors` (dated by ``published``) when None.

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
    korean = korean_paragraphs(doc)
    if not is_english(doc) and not korean:
        warn_not_english(doc, "no quotes extracted (the rules are written for English "
                              "and Korean news)")
        return []
    registry = registry if registry is not None else default_registry()
    quotes = extract_korean_quotes(doc, registry, korean) if korean else []
    if not is_english(doc) or len(korean) == len(doc.paragraphs):
        return quotes
    if mentions is None:
        mentions = extract_actors(doc, registry)
    found = _extract(doc)
    resolver = Resolver(doc, registry, mentions)
    resolver.resolve(found)
    name_pronoun_speakers(found, resolver)
    english = [_to_quote(doc, item, registry, resolver.kind_of(item)) for item in found]
    if not korean:
        return english
    in_korean = set(korean)  # Korean paragraphs of an English article are read in Korean
    english = [quote for quote in english if quote.paragraph not in in_korean]
    return sorted(english + quotes, key=lambda quote: quote.start)


def quotes_frame(
    articles: str | Article | Document | Iterable[str | Article | Document],
    registry: ActorRegistry | None = None,
    overrides: OverridesLike = None,
    *,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return one row per quote: the table "quotes" (see :mod:`analysis.schemas`).

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    registry : ActorRegistry, optional
        As in :func:`extract_quotes`; also gives each actor's role and affiliation on
        the article's date.
    overrides : path, sequence of Override, or None
        Researcher corrections (see :mod:`analysis.actors.overrides`): those with
        ``what == "actors"`` fix the article's actor mentions before speakers resolve
        against them; those with ``what == "quote"`` are applied to the quotes, matched
        on ``start``.
    context : Context, optional
        The run's :class:`analysis.pipeline.Context` (registry, taxonomy, corrections,
        settings), instead of the arguments above; this table is then a view of the same
        annotation pass as every other table of that context.

    Examples
    --------
    >>> frame = quotes_frame("“We value the partnership,” Stoltenberg said.")
    >>> frame[["quote", "kind", "speaker", "cue", "n_words"]].values.tolist()
    [[0, 'direct', 'Stoltenberg', 'said', 4]]
    """
    from analysis.pipeline import Context, frame

    return frame("quotes", articles, Context.of(registry, overrides=overrides, context=context))

def correct_quotes(
    doc: Document, quotes: Sequence[Quote], corrections: Iterable[Override],
    registry: ActorRegistry,
) -> list[Quote]:
    """Apply researchers' corrections of quotes (``what == "quotes"``, matched on ``start``).

    A quote whose ``actor`` a correction changed gets that actor's role and affiliation
    on the article's date (unless the same corrections set them too).

    Examples
    --------
    >>> doc = as_document("“We value the partnership,” Stoltenberg said.")
    >>> fix = Override("text", "quotes", 0, "actor", "Yoon Suk Yeol")
    >>> [q.actor for q in correct_quotes(doc, extract_quotes(doc), [fix], default_registry())]
    ['Yoon Suk Yeol']
    """
    corrections = tuple(corrections)
    corrected = apply_overrides(quotes, corrections, article_id=doc.article_id, what=QUOTES)
    before = {quote.start: quote.actor for quote in quotes}
    office_fixed = {
        o.offset for o in corrections if o.article_id == doc.article_id
        and o.field in {"role", "affiliation"}
    }
    result = []
    for quote in corrected:
        if quote.actor != before.get(quote.start, quote.actor) and quote.start not in office_fixed:
            role, affiliation = dated_role(registry, quote.actor, doc.article.published)
            quote = replace(quote, role=role, affiliation=affiliation)
        result.append(quote)
    return result


# ---------------------------------------------------------------------------
# the pass over one article


def _extract(doc: Document) -> list[Found]:
    """Find every quote of ``doc`` with its kind, attribution and content (no actors yet)."""
    paragraphs = [(p.start, p.end) for p in doc.paragraphs]
    marked = find_marked(doc.text, paragraphs)
    context = Context(doc, marked, [m.start for m in marked])
    for sentence in doc.sentences:
        context.attributions[sentence.index] = sentence_attributions(context, sentence)
    found = [item for item in (classify(context, m) for m in marked) if item is not None]
    attribute(context, found)
    found.extend(indirect_speech(context, found))
    found.sort(key=lambda item: item.start)
    for item in found:
        item.content = content_span(context, item)
    return found


def _to_quote(doc: Document, item: Found, registry: ActorRegistry,
              speaker_kind: str | None) -> Quote:
    attribution = item.attribution
    speaker = attribution.speaker if attribution is not None else None
    addressee = attribution.addressee if attribution is not None else None
    if not is_addressee(addressee):
        addressee = None  # "told a news conference": a venue, not whom the words were for
    role, affiliation = dated_role(registry, item.actor, doc.article.published)
    sentence = doc.sentence_at(item.start)
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
        addressee=addressee.text if addressee is not None else None,
        content_start=item.content[0] if item.content is not None else None,
        content_end=item.content[1] if item.content is not None else None,
        addressee_actor=item.addressee_actor,
        addressee_start=addressee.start if addressee is not None else None,
        addressee_end=addressee.end if addressee is not None else None,
        role=role,
        affiliation=affiliation,
        sentence=sentence.index if sentence is not None else None,
        paragraph=sentence.paragraph if sentence is not None else None,
        speaker_kind=speaker_kind if speaker is not None else None,
    )
