"""What an article says about the persons it names, checked against the registry.

An article often states a fact about a person right beside the name: "Dan Sullivan, a
Republican of Arkansas", "Sen. Jeanne Shaheen (D-N.H.)", "NATO Secretary General Jens
Stoltenberg". :func:`find_claims` reads those words around each person mention the
pipeline found (one pass: the mentions are used, the registry is not searched again) and
compares them with the registry's dated facts (``analysis/resources/actors/actor_roles.csv``:
each row with its source):

``state``
    the U.S. state a senator, representative or governor serves (the role's
    ``constituency``), claimed by "a Republican of Alaska", "the senator from Alaska",
    "(R-Alaska)", "(R-AK)", ", R-Alaska,", "Alaska Sen. NAME", "Sen. NAME of Alaska";
``party``
    the party the person belonged to in that office (the role's ``party``), claimed by the
    same forms and by "a Republican,", "Republican Sen. NAME", "GOP NAME";
``role``
    an office written right before the name ("NATO Secretary General NAME", "Japanese Prime
    Minister NAME", "first lady NAME") or as an apposition after it (", senior presidential
    secretary for public affairs,"), held or not on the article's date.

**Precision first.** A claim counts only when it is tied to the mention: an apposition right
after the name, a parenthesis right after it, or words right before it (or before its
title); a state named elsewhere in the sentence is not a claim. A claim is reported only when
the registry can check it: the person holds a ``constituency`` or ``party`` in some role, or,
for an office, has roles at all and the office is one the registry lists for someone. A role
claim is not made for a mention that only its title resolved ("first lady Kim", "Sen.
Sullivan": the check would be circular), for courtesy and military titles, for hedged titles
("acting", "President-elect"), for an office word that names an office only with its body
("leader", "chief", "minister" without "North Korean", "NATO", ...), nor when an unknown
capitalised word stands before the title. Words and patterns are data
(:mod:`analysis.actors.claim_words`).

**Dates.** Facts are those of the roles held on the article's publication date; a state or
party the person held in no role that day is taken from any of their roles (a senator's
state does not change between terms). An undated article is checked against every role.
"former NATO chief" asks for a role that ended before the date.

Examples
--------
>>> from datetime import date
>>> from analysis.text.articles import Article
>>> article = Article(article_id="a1", published=date(2023, 7, 11),
...                   text="Yoon met Dan Sullivan, a Republican of Arkansas.")
>>> [(c.claim_kind, c.claimed, c.registry_value, c.contradicts) for c in find_claims(article)]
[('party', 'Republican', 'Republican Party (United States)', False), ('state', 'Arkansas', 'Alaska', True)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.claim_offices import Office, OfficeReader
from analysis.actors.claim_words import ClaimVocabulary, claim_vocabulary
from analysis.actors.records import Actor, ActorMention, Role
from analysis.actors.registry import ActorRegistry, default_registry
from analysis.actors.titles import previous_word
from analysis.text.document import Document, TextLike, Texts, as_document

if TYPE_CHECKING:
    from analysis.pipeline import Context
    from analysis.quotes.records import Quote

__all__ = ["CLAIM_KINDS", "ActorClaim", "claim_rows", "claims_frame", "find_claims"]

#: The kinds of claim, in display order.
CLAIM_KINDS: tuple[str, ...] = ("role", "state", "party")
# How far before a name the words of a claim may start (characters).
_BEFORE_CHARS = 120
# Quotations whose words are the speaker's ("indirect" speech is the article's wording).
_QUOTED_KINDS = frozenset({"direct", "partial"})

@dataclass(frozen=True, slots=True)
class ActorClaim:
    """A fact an article states about a person it names, with the registry's fact.

    ``claimed`` is the text as written (``text[start:end]``: "Arkansas", "Republican",
    "NATO Secretary General"); ``registry_value`` what the registry holds for the article's
    date ("Alaska"; an office as "Secretary General, NATO (2014-10-01 to 2024-10-01)") and
    ``source`` the source of that fact; ``contradicts`` is True when they disagree. The
    mention the claim is about is ``mention`` at ``mention_start:mention_end``; ``rule``
    names the pattern that read it (``claim_patterns.txt``, or ``title`` / ``title-after``
    for an office).
    """

    article_id: str
    actor: str
    claim_kind: str
    claimed: str
    registry_value: str
    source: str
    start: int
    end: int
    contradicts: bool
    mention: str
    mention_start: int
    mention_end: int
    rule: str


@dataclass(frozen=True, slots=True)
class _Read:
    """A claim as read from the text, before it is checked."""

    kind: str
    start: int
    end: int
    rule: str


def find_claims(
    source: TextLike,
    mentions: Sequence[ActorMention] | None = None,
    registry: ActorRegistry | None = None,
    *,
    quotes: Sequence[Quote] | None = None,
) -> tuple[ActorClaim, ...]:
    """Return the checkable claims the article makes about the persons it names.

    Parameters
    ----------
    source : str, Article or Document
    mentions : sequence of ActorMention, optional
        The article's actor mentions as the pipeline found them
        (:attr:`analysis.pipeline.Annotation.mentions`); found here when None.
    registry : ActorRegistry, optional
        The actors and their dated facts (default: the shipped registry).
    quotes : sequence of Quote, optional
        The article's quotes (:attr:`analysis.pipeline.Annotation.quotes`): words inside a
        direct or partial quotation are the speaker's, not the article's, and give no claim.
        None: quotation marks are not looked at.

    Returns
    -------
    tuple of ActorClaim
        In text order of the claims.

    Examples
    --------
    >>> text = "Sen. Jeanne Shaheen (D-N.H.) met Thom Tillis, a Democrat of North Carolina."
    >>> [(c.actor, c.claim_kind, c.claimed, c.contradicts) for c in find_claims(text)]
    [('Jeanne Shaheen', 'role', 'Sen.', False), ('Jeanne Shaheen', 'party', 'D', False), ('Jeanne Shaheen', 'state', 'N.H.', False), ('Thom Tillis', 'party', 'Democrat', True), ('Thom Tillis', 'state', 'North Carolina', False)]
    """
    doc = as_document(source)
    registry = registry if registry is not None else default_registry()
    if mentions is None:
        from analysis.actors.mentions import extract_actors

        mentions = extract_actors(doc, registry)
    finder = _Finder(doc, tuple(mentions), registry, claim_vocabulary())
    quoted = _Spans((q.start, q.end) for q in quotes or () if q.kind in _QUOTED_KINDS)
    found: dict[tuple[int, int, str, int], ActorClaim] = {}
    for mention in finder.mentions:
        if mention.kind != "person" or quoted.cover(mention.start):
            continue
        for claim in finder.claims_about(mention):
            found.setdefault((claim.start, claim.end, claim.claim_kind, claim.mention_start), claim)
    return tuple(sorted(found.values(), key=lambda c: (c.start, c.mention_start, c.claim_kind)))


class _Spans:
    """Spans of text (quotations), asked whether they cover an offset (by bisection)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def cover(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.reach[index]


class _Finder:
    """Read and check the claims of one document (the working state of one call)."""

    def __init__(
        self,
        doc: Document,
        mentions: tuple[ActorMention, ...],
        registry: ActorRegistry,
        words: ClaimVocabulary,
    ) -> None:
        self.doc, self.text, self.mentions = doc, doc.text, mentions
        self.registry, self.words = registry, words
        self.on: date | None = doc.article.published
        self.ends = {m.end: m for m in mentions}
        self.offices = OfficeReader(doc, mentions, registry, words)

    # -- reading ----------------------------------------------------------------------

    def claims_about(self, mention: ActorMention) -> list[ActorClaim]:
        actor = self.registry.get(mention.actor) if mention.kind == "person" else None
        if actor is None:
            return []
        title, meaning = self.offices.title_of(mention)
        seated = meaning in self.words.seat_titles
        claims = []
        for read in self._facts_read(mention, title.start() if title else mention.start, seated):
            claim = self._check_fact(read, mention, actor)
            if claim is not None:
                claims.append(claim)
        if self.registry.get(mention.text) is None:  # resolved by its title alone
            return claims
        offices = [self.offices.after(mention)]
        if title is not None and meaning is not None:
            offices.append(self.offices.before(title, meaning))
        for office in offices:
            checked = self.offices.check(office, mention, actor) if office else None
            if office is not None and checked is not None:
                claims.append(self._claim(mention, "role", office, checked.registry_value,
                                          checked.roles, checked.contradicts))
        return claims

    def _facts_read(self, mention: ActorMention, before: int, seated: bool) -> list[_Read]:
        read: list[_Read] = []
        for where in ("after", "after_titled") if seated else ("after",):
            for rule in self.words.rules(where):
                match = rule.pattern.match(self.text, mention.end)
                if match is not None:
                    read += _groups(match, rule.name)
                    break
        if not self._words_before(before):
            return read
        for where in ("before_titled", "before") if seated else ("before",):
            for rule in self.words.rules(where):
                match = rule.pattern.search(self.text, max(0, before - _BEFORE_CHARS), before)
                if match is not None and not self._apposition_of_another(match.start()):
                    read += [r for r in _groups(match, rule.name)
                             if not (r.start == match.start() and self._a_place(r))]
                    break
        return read

    def _words_before(self, position: int) -> bool:
        """Tell whether the word before ``position`` may end a claim (a state, a party, ",")."""
        previous = previous_word(self.text, position)
        if previous is None:
            return False
        word = previous[1].lstrip("([“\"‘'")  # "(Texas Sen. Ted Cruz"
        return word.endswith(",") or self.words.is_modifier(word)

    def _apposition_of_another(self, position: int) -> bool:
        """Tell whether words read before a name follow another name and a comma.

        In "Pete Ricketts, the senator from Nebraska, Jeanne Shaheen" the state belongs to
        Ricketts, not to Shaheen.
        """
        window_start = max(0, position - 8)
        head = self.text[window_start:position].rstrip()
        return head.endswith(",") and window_start + len(head) - 1 in self.ends

    def _a_place(self, read: _Read) -> bool:
        """Tell whether a state opening the words before a name is a place ("in Washington Sen.")."""
        if read.kind != "state":
            return False
        previous = previous_word(self.text, read.start)
        return previous is not None and previous[1].lower() in self.words.place_words

    # -- checking ---------------------------------------------------------------------

    def _check_fact(self, read: _Read, mention: ActorMention, actor: Actor) -> ActorClaim | None:
        field = "constituency" if read.kind == "state" else "party"
        roles = _roles_with(actor, field, self.on)
        if not roles:
            return None
        claimed = self.text[read.start : read.end]
        held = [value for role in roles for value in _split_cell(getattr(role, field))]
        if read.kind == "state":
            names = {self.words.state_name(value) or value for value in held}
            agrees = (self.words.state_name(claimed) or claimed) in names
        else:
            parties = {self._party(value) for value in held}
            agrees = bool(self.words.parties_of(claimed) & parties)
        value = "; ".join(dict.fromkeys(held))
        return self._claim(mention, read.kind, read, value, roles, not agrees)

    def _party(self, value: str) -> str:
        """Return the party a registry cell names (a party word such as "Republican" too)."""
        parties = self.words.parties_of(value)
        return next(iter(parties)) if len(parties) == 1 else value

    def _claim(self, mention: ActorMention, kind: str, read: _Read | Office, value: str,
               roles: Iterable[Role], contradicts: bool) -> ActorClaim:
        sources = "; ".join(dict.fromkeys(role.source for role in roles))
        start, end, rule = read.start, read.end, read.rule
        return ActorClaim(
            article_id=self.doc.article_id, actor=mention.actor, claim_kind=kind,
            claimed=self.text[start:end], registry_value=value, source=sources,
            start=start, end=end, contradicts=contradicts, mention=mention.text,
            mention_start=mention.start, mention_end=mention.end, rule=rule,
        )


def _groups(match: re.Match[str], rule: str) -> list[_Read]:
    return [
        _Read(kind, match.start(group), match.end(group), rule)
        for kind, group in (("party", "party"), ("state", "state"))
        if group in match.re.groupindex and match.group(group) is not None
    ]


def _roles_with(actor: Actor, field: str, on: date | None) -> list[Role]:
    """Return the roles that hold ``field`` on ``on``, else every role that holds it."""
    roles = [role for role in actor.roles if getattr(role, field)]
    dated = [role for role in roles if on is None or role.valid_on(on)]
    return dated or roles


def _split_cell(cell: str) -> list[str]:
    """Return the values of a fact cell: several, ``|``-separated, when news uses either."""
    return [value.strip() for value in cell.split("|") if value.strip()]


def claim_rows(doc: Document, claims: Iterable[ActorClaim]) -> list[dict[str, object]]:
    """Return the rows of the ``claims`` table for ``claims`` of ``doc`` (no extraction).

    Examples
    --------
    >>> doc = as_document("Pete Ricketts (R-Neb.) spoke.")
    >>> [(row["claim_kind"], row["claimed"], row["sentence"]) for row in claim_rows(doc, find_claims(doc))]
    [('party', 'R', 0), ('state', 'Neb.', 0)]
    """
    rows = []
    for claim in claims:
        sentence = doc.sentence_at(claim.start)
        rows.append({
            "article_id": claim.article_id, "actor": claim.actor, "claim_kind": claim.claim_kind,
            "claimed": claim.claimed, "registry_value": claim.registry_value,
            "source": claim.source, "start": claim.start, "end": claim.end,
            "contradicts": claim.contradicts, "mention": claim.mention,
            "mention_start": claim.mention_start, "mention_end": claim.mention_end,
            "sentence": sentence.index if sentence is not None else None, "rule": claim.rule,
        })
    return rows


def claims_frame(
    articles: Texts,
    registry: ActorRegistry | None = None,
    *,
    context: Context | None = None,
) -> pd.DataFrame:
    """Return the ``claims`` table: one row per checked claim about a named person.

    Columns (see :mod:`analysis.schemas`): ``article_id, actor, claim_kind, claimed,
    registry_value, source, start, end, contradicts, mention, mention_start, mention_end,
    sentence, rule``; ``text[start:end]`` is the claimed text.

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    registry : ActorRegistry, optional
        The actors (default: the shipped registry).
    context : Context, optional
        The run's :class:`analysis.pipeline.Context`, instead of ``registry``; the table is
        then a view of the same annotation pass as every other table of that context.

    Examples
    --------
    >>> from datetime import date
    >>> from analysis.text.articles import Article
    >>> article = Article(article_id="a1", published=date(2025, 3, 1),
    ...                   text="NATO Secretary General Jens Stoltenberg arrived.")
    >>> claims_frame(article)[["claimed", "registry_value", "contradicts"]].values.tolist()
    [['NATO Secretary General', 'Secretary General, NATO (2014-10-01 to 2024-10-01)', True]]
    """
    from analysis.pipeline import Context, frame

    return frame("claims", articles, Context.of(registry, context=context))

