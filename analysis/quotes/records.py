"""The quote record and its kinds: what :func:`analysis.quotes.extract.extract_quotes` returns."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KINDS", "SPEAKER_KINDS", "SPEECH_KINDS", "Quote"]

#: Every kind of quote-mark span or reported speech, in the order tables list them.
KINDS: tuple[str, ...] = ("direct", "partial", "indirect", "title", "scare")
#: The kinds that are speech (titles and scare quotes are marks that are not).
SPEECH_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
#: What kind of speaker a quote has (see :mod:`analysis.quotes.speaker_kinds`): a named
#: person, an organisation (or country), a description resolved to a person by role,
#: an anonymous or collective source, a speaker phrase resolved to no actor. A quote
#: without a speaker has ``speaker_kind`` None.
SPEAKER_KINDS: tuple[str, ...] = ("person", "organisation", "description", "anonymous",
                                  "unresolved")


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
        Canonical name the mention resolves to (the actor of the article's actor mention
        at that span, when there is one; see :mod:`analysis.quotes.resolve`).
    cue : str or None
        The speech verb as written ("told", "according to"); None when no verb
        attributes the quote and the speaker was read from context (the sentence
        before a colon, the subject of a sentence that holds a long partial quote).
    addressee : str or None
        Whom the words were addressed to ("Yoon" in "Stoltenberg told Yoon"; "European
        allies" in "urged European allies"). A venue is where, not to whom: "told a news
        conference" or "told the meeting" gives no addressee (None), and the quotes table
        has no venue column (see :mod:`analysis.quotes.addressees`).
    content_start, content_end : int or None
        Span of everything the sentence attributes to the speaker: for a partial
        quote, the reported clause that holds the quoted words (``that cooperation “is
        an integral part ...”`` in ``Yoon stressed that cooperation “is an integral
        part ...”``), with its complementizer ``that`` but without the speaker and the
        cue (the quote alone when neither a cue nor a ``that`` precedes it in its
        sentence); for direct and indirect speech, ``start`` and ``end``, except a
        direct quote that goes on from the reported speech just before it (``Kim said
        that the port would reopen. “We are ready.”``), whose content starts with that
        clause; None for titles and scare quotes.
    addressee_actor : str or None
        Canonical name the addressee resolves to.
    addressee_start, addressee_end : int or None
        Offsets of the addressee mention.
    role, affiliation : str or None
        The office the actor held on the article's publication date and its
        affiliation ("Secretary General", "NATO"), from the actor registry; None when
        the article is undated, the actor unknown or holding no office that day.
    sentence, paragraph : int or None
        Indices of the sentence (and its paragraph) that holds ``start``.
    speaker_kind : str or None
        One of :data:`SPEAKER_KINDS`; None when the quote has no speaker. An
        ``"anonymous"`` speaker ("a senior official said", and a "he said" that goes on
        from it) always has ``actor`` None.
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
    addressee_actor: str | None = None
    addressee_start: int | None = None
    addressee_end: int | None = None
    role: str | None = None
    affiliation: str | None = None
    sentence: int | None = None
    paragraph: int | None = None
    speaker_kind: str | None = None
