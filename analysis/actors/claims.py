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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.claim_words import ClaimVocabulary, claim_vocabulary
from analysis.actors.records import Actor, ActorMention, Role
from analysis.actors.registry import ActorRegistry, default_registry
from analysis.actors.titles import (
    FORMER,
    description_key,
    previous_word,
    title_before,
    title_meaning,
    title_pattern,
)
from analysis.text.document import Document, TextLike, Texts, as_document

if TYPE_CHECKING:
    from analysis.pipeline import Context
    from analysis.quotes.records import Quote

__all__ = ["CLAIM_KINDS", "ActorClaim", "claim_rows", "claims_frame", "find_claims"]

#: The kinds of claim, in display order.
CLAIM_KINDS: tuple[str, ...] = ("role", "state", "party")
# How far before a name the words of a claim may start (characters).
_BEFORE_CHARS = 120
_OPEN_APPOSITION = re.compile(r",\s+(?:(?:the|a|an)\s+)?")
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
_FORMER_AT = re.compile(r"(?:former|ex-)\s*", re.IGNORECASE)
# The meaning titles.txt gives a courtesy title ("Mr. = *"): no office.
_COURTESY = "*"
_POSSESSIVE = re.compile(r"['’]s\s+")
_SUFFIX_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_AFTER_TITLE_OK = re.compile(r"\s*(?:[,.;:)]|$)|\s+[a-z]")
# Quotations whose words are the speaker's ("indirect" speech is the article's wording).
_QUOTED_KINDS = frozenset({"direct", "partial"})
# "then-Arkansas Gov.", "ex-President": a hedge glued to the word before a title.
_HEDGED_WORD = re.compile(r"(?:then|ex)-", re.IGNORECASE)
# A year written in a sentence (a term's years make a title retrospective).
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


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


@dataclass(frozen=True, slots=True)
class _Office:
    """An office written beside a name: title meaning, body (if written), span, former."""

    key: str
    body: Actor | None
    body_text: str
    start: int
    end: int
    former: bool
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
    [('Jeanne Shaheen', 'party', 'D', False), ('Jeanne Shaheen', 'state', 'N.H.', False), ('Thom Tillis', 'party', 'Democrat', True), ('Thom Tillis', 'state', 'North Carolina', False)]
    """
    doc = as_document(source)
    registry = registry if registry is not None else default_registry()
    if mentions is None:
        from analysis.actors.mentions import extract_actors

        mentions = extract_actors(doc, registry)
    finder = _Finder(doc, tuple(mentions), registry, claim_vocabulary())
    quoted = [(q.start, q.end) for q in quotes or () if q.kind in _QUOTED_KINDS]
    found: dict[tuple[int, int, str, int], ActorClaim] = {}
    for mention in finder.mentions:
        if any(start <= mention.start < end for start, end in quoted):
            continue
        for claim in finder.claims_about(mention):
            found.setdefault((claim.start, claim.end, claim.claim_kind, claim.mention_start), claim)
    return tuple(sorted(found.values(), key=lambda c: (c.start, c.mention_start, c.claim_kind)))


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
        self.facts = _registry_facts(registry)
        self.ends = {m.end: m for m in mentions}
        self.starts = {m.start: m for m in mentions}

    # -- reading ----------------------------------------------------------------------

    def claims_about(self, mention: ActorMention) -> list[ActorClaim]:
        actor = self.registry.get(mention.actor) if mention.kind == "person" else None
        if actor is None:
            return []
        title = title_before(self.text, mention.start)
        meaning = _title_key(title.group()) if title is not None else None
        seated = meaning in self.words.seat_titles
        claims = []
        for read in self._facts_read(mention, title.start() if title else mention.start, seated):
            claim = self._check_fact(read, mention, actor)
            if claim is not None:
                claims.append(claim)
        if self.registry.get(mention.text) is not None:  # not resolved by its title alone
            offices = [self._office_after(mention)]
            if title is not None and meaning is not None:
                offices.append(self._office_before(title, meaning))
            for office in offices:
                claim = self._check_office(office, mention, actor) if office else None
                if claim is not None:
                    claims.append(claim)
        return claims

    def _facts_read(self, mention: ActorMention, before: int, seated: bool) -> list[_Read]:
        read: list[_Read] = []
        for where in ("after", "after_titled") if seated else ("after",):
            for rule in self.words.rules(where):
                match = rule.pattern.match(self.text, mention.end)
                if match is not None:
                    read += _groups(match, rule.name)
                    break
        for where, end in (("before_titled", before), ("before", before)):
            if where == "before_titled" and not seated:
                continue
            for rule in self.words.rules(where):
                match = rule.pattern.search(self.text, max(0, end - _BEFORE_CHARS), end)
                if match is not None and not self._apposition_of_another(match.start()):
                    read += [r for r in _groups(match, rule.name)
                             if not (r.start == match.start() and self._a_place(r))]
                    break
        return read

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

    def _office_before(self, title: re.Match[str], key: str) -> _Office | None:
        written = title.group()
        if self.words.title_hedges.search(written):
            return None
        start, end = title.start(), title.start() + len(written.rstrip())
        former = bool(FORMER.match(written))
        body, body_text, start = self._body_before(start)
        if _FORMER_BEFORE.search(self.text, max(0, start - 10), start):
            former = True
            start = _FORMER_BEFORE.search(self.text, max(0, start - 10), start).start()
        if self._hedged_or_unknown(start, body):
            return None
        return _Office(key, body, body_text, start, end, former, "title")

    def _body_before(self, start: int) -> tuple[Actor | None, str, int]:
        """Return the body written before a title ("NATO", "Japanese", "Korea's"), if any."""
        possessive = re.search(r"['’]s\s+$", self.text[max(0, start - 4) : start])
        end = start - len(possessive.group()) if possessive else start - 1
        mention = self.ends.get(end)
        if mention is not None and mention.kind != "person" and (
                possessive or self.text[end:start].isspace()):
            return self.registry.get(mention.actor), self.text[mention.start:end], mention.start
        demonym = self.facts.demonym_before.search(self.text, max(0, start - 40), start)
        if demonym is not None:
            country = self.facts.demonyms[demonym.group("word")]
            return self.registry.get(country), demonym.group("word"), demonym.start()
        return None, "", start

    def _hedged_or_unknown(self, start: int, body: Actor | None) -> bool:
        """Tell whether a title is hedged ("acting", "then-Arkansas Gov.") or follows an unknown name.

        The state and party words before a title ("New Hampshire Sen.") are passed over; a
        capitalised word that is neither they nor a function word ("House Minority Leader",
        "Samsung President") makes another office of the title, so it is not checked.
        """
        left, previous = start, previous_word(self.text, start)
        while previous is not None and self.words.is_modifier(previous[1]):
            left, previous = previous[0], previous_word(self.text, previous[0])
        if previous is not None and _HEDGED_WORD.match(previous[1]):
            return True
        if self.words.hedges.search(self.text, max(0, left - 12), left):
            return True
        if body is not None or previous is None:
            return False
        word = previous[1]
        return (word[:1].isupper() and word[-1] not in ",;:"
                and word.lower() not in self.words.function_words)

    def _office_after(self, mention: ActorMention) -> _Office | None:
        opened = _OPEN_APPOSITION.match(self.text, mention.end)
        if opened is None:
            return None
        start = opened.end()
        former = _FORMER_AT.match(self.text, start)
        position = former.end() if former else start
        body_text, body = "", None
        mentioned = self.starts.get(position)
        if mentioned is not None and mentioned.kind != "person":
            tail = _POSSESSIVE.match(self.text, mentioned.end) or re.compile(" ").match(
                self.text, mentioned.end)
            if tail is not None:
                body, body_text, position = (self.registry.get(mentioned.actor), mentioned.text,
                                             tail.end())
        title = title_pattern().match(self.text, position)
        if title is None or self.words.title_hedges.search(title.group()):
            return None
        end = title.end()
        suffix = _SUFFIX_OF.match(self.text, end)
        if body is None and suffix is not None and suffix.end() in self.starts:
            mentioned = self.starts[suffix.end()]
            if mentioned.kind != "person":
                body, body_text, end = self.registry.get(mentioned.actor), mentioned.text, mentioned.end
        if not _AFTER_TITLE_OK.match(self.text, end):
            return None  # "Stoltenberg, President Yoon said": a title before another name
        return _Office(_title_key(title.group()), body, body_text, start, end, bool(former),
                       "title-after")

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

    def _check_office(self, office: _Office, mention: ActorMention, actor: Actor) -> ActorClaim | None:
        """Check an office against the person's dated roles (see the module's "Dates")."""
        if not actor.roles or not self._checkable(office):
            return None
        fitting = [role for role in actor.roles if self._fits(role, office)]
        held = [role for role in fitting if _held(role, self.on, office.former)]
        if held:
            return self._claim(mention, "role", office, _describe(held), held, False)
        if fitting:  # held at another time: wrong unless the words look back (or ahead)
            if self._retrospective(office, mention, fitting):
                return None
            return self._claim(mention, "role", office, _describe(fitting), fitting, True)
        holders = [(name, role) for name, role in self._holders(office) if name != actor.name]
        if not holders:  # nobody the registry knows held it then: it cannot tell
            return None
        value = "; ".join(f"{name}: {_describe_role(role)}" for name, role in holders)
        return self._claim(mention, "role", office, value, [role for _, role in holders], True)

    def _checkable(self, office: _Office) -> bool:
        """Tell whether an office word says enough to be checked (not "Mr.", not "leader" alone)."""
        if office.key == _COURTESY:
            return False
        return office.key not in self.words.ambiguous_titles or office.body is not None

    def _holders(self, office: _Office) -> list[tuple[str, Role]]:
        """Return the registry's holders of ``office`` on the article's date (any date: undated)."""
        keys = {office.key, description_key(f"{office.body_text} {office.key}")}
        found = []
        for key in keys:
            for name, role in self.facts.roles_by_key.get(key, ()):
                if self._fits(role, office) and _held(role, self.on, office.former):
                    found.append((name, role))
        return list(dict.fromkeys(found))

    def _retrospective(self, office: _Office, mention: ActorMention, roles: Sequence[Role]) -> bool:
        """Tell whether a title held at another time is used for that time.

        "under President Bill Clinton", "a President Trump", "President Bill Clinton's crime
        bill", "In 2018, President Moon": a word of ``retrospective`` before the title, a
        possessive after the name, or a year of the term in the sentence.
        """
        previous = previous_word(self.text, office.start)
        if previous is not None and previous[1].lower() in self.words.retrospective:
            return True
        if _POSSESSIVE.match(self.text, mention.end):
            return True
        sentence = self.doc.sentence_at(office.start)
        if sentence is None:
            return False
        years = {int(year) for year in _YEAR.findall(self.text, sentence.start, sentence.end)}
        return any(_first_year(role) <= year <= _last_year(role) for role in roles for year in years)

    def _fits(self, role: Role, office: _Office) -> bool:
        keys = _role_keys(role)
        if office.body_text and description_key(f"{office.body_text} {office.key}") in keys:
            return True  # "NATO chief"
        if office.key not in keys:
            return False
        return office.body is None or self._of_body(role, office.body)

    def _of_body(self, role: Role, body: Actor) -> bool:
        if role.affiliation == body.name:
            return True
        affiliation = self.registry.get(role.affiliation or "")
        return affiliation is not None and affiliation.country == body.name

    def _claim(self, mention: ActorMention, kind: str, read: _Read | _Office, value: str,
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


def _title_key(written: str) -> str:
    return title_meaning(FORMER.sub("", written).strip())


def _roles_with(actor: Actor, field: str, on: date | None) -> list[Role]:
    """Return the roles that hold ``field`` on ``on``, else every role that holds it."""
    roles = [role for role in actor.roles if getattr(role, field)]
    dated = [role for role in roles if on is None or role.valid_on(on)]
    return dated or roles


def _held(role: Role, on: date | None, former: bool) -> bool:
    if on is None:
        return True
    if former:
        return role.valid_to is not None and role.valid_to < on
    return role.valid_on(on)


def _split_cell(cell: str) -> list[str]:
    """Return the values of a fact cell: several, ``|``-separated, when news uses either."""
    return [value.strip() for value in cell.split("|") if value.strip()]


def _first_year(role: Role) -> int:
    return role.valid_from.year if role.valid_from else date.min.year


def _last_year(role: Role) -> int:
    return role.valid_to.year if role.valid_to else date.max.year


def _role_keys(role: Role) -> frozenset[str]:
    return frozenset(description_key(phrase) for phrase in (role.title, *role.descriptions))


def _describe(roles: Sequence[Role]) -> str:
    return "; ".join(dict.fromkeys(_describe_role(role) for role in roles))


def _describe_role(role: Role) -> str:
    where = f", {role.affiliation}" if role.affiliation else ""
    if role.valid_from and role.valid_to:
        span = f"{role.valid_from} to {role.valid_to}"
    elif role.valid_from:
        span = f"from {role.valid_from}"
    elif role.valid_to:
        span = f"to {role.valid_to}"
    else:
        span = "dates not recorded"
    return f"{role.title}{where} ({span})"


@dataclass(frozen=True, slots=True)
class _RegistryFacts:
    """What the checks read from a whole registry, computed once per registry."""

    demonyms: dict[str, str]
    demonym_before: re.Pattern[str]
    roles_by_key: dict[str, tuple[tuple[str, Role], ...]]


@lru_cache(maxsize=8)
def _registry_facts(registry: ActorRegistry) -> _RegistryFacts:
    demonyms = {d: a.name for a in registry if a.kind == "country" for d in a.demonyms}
    words = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True)) or "(?!)"
    by_key: dict[str, list[tuple[str, Role]]] = {}
    for actor in registry:
        for role in actor.roles:
            for key in _role_keys(role):
                by_key.setdefault(key, []).append((actor.name, role))
    return _RegistryFacts(
        demonyms=demonyms,
        demonym_before=re.compile(rf"(?<![\w.])(?P<word>{words})\s+$"),
        roles_by_key={key: tuple(roles) for key, roles in by_key.items()},
    )


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

