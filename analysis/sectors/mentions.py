"""Mention rules: which alias matches count, their confidence, and what is excluded.

Applied by :func:`analysis.sectors.finder.find_sector_mentions` to the mentions the
sentence pass (:mod:`analysis.sectors.statements`) found. Words are data
(``resources/sectors/mention_cues.csv``); weights are the constants below.

* **Weak alias + cooperation or activity noun.** A weak alias (a one-word list-only alias:
  "cyber", "space", 사이버) counts outside a list when a cooperation noun follows it
  directly ("the two sides' cyber cooperation", "cyber and space ties", "사이버 협력"), or
  a noun of work done together in the sector ("joint cyber work", "space situational
  awareness", "사이버 훈련"), with confidence :data:`WEAK_BEFORE_COOPERATION`. "cyber"
  elsewhere ("cyber threats", "the cyber domain", "a cyber café") still does not count.
* **Job titles.** A sector phrase directly before a person noun ("a former cyber security
  researcher", "counter-terrorism officials", "사이버안보 전문가") is part of a title.
* **Organisation names.** A capitalised sector phrase followed, after at most four more
  capitalised words (or "and", "of", "for", "&"), by a capitalised organisation head
  ("Cybersecurity Agency", "the Cyber Command", "National Cyber Security Centre"), or
  preceded by a head and "of" / "for" / "on", with at most six capitalised words or
  joiners between ("Ministry of Science and Technology", "Centre of Excellence for
  Countering Hybrid Threats"), is part of an organisation's name.
* **Registry names.** A match inside an organisation name, description or job title the
  actor registry knows (:mod:`analysis.sectors.names`: "the Cyber Command" when a user's
  registry lists it) is excluded the same way, whatever its case or head word.
* **Excluded mentions are dropped** from the ``sectors`` table and from every count built
  on it (article-level sectors, programme lists, figures);
  ``find_sector_mentions(..., keep_excluded=True)`` keeps them with ``context``
  ``"organisation"`` or ``"title"`` and confidence :data:`EXCLUDED_CONFIDENCE`, for
  auditing.
* **Confidence** (in [0, 1]): :data:`EXACT_ALIAS` for an alias written as in the taxonomy
  (case aside; an alias with capitals, such as "WPS", must keep them),
  :data:`VARIANT_ALIAS` when matched through a spacing, hyphen, "&" or comma variant
  ("cyber-defence" for "cyber defence"), :data:`WEAK_IN_LIST` for a weak alias counted as
  an item of an enumeration, :data:`WEAK_BEFORE_COOPERATION` as above; an item of a
  programme's list gains :data:`PROGRAMME_LIST_BONUS` (capped at 1).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from analysis._resources import read_csv_rows
from analysis.actors.trie import caseless_trie_regex
from analysis.sectors.matching import (
    EXCLUDED_CONTEXTS,
    MENTION,
    PROGRAMME_LIST,
    Alias,
    Matcher,
    SectorMention,
    matcher_for,
)
from analysis.sectors.names import NameSpan, name_context
from analysis.sectors.taxonomy import ALIAS_SEPARATORS, Taxonomy
from analysis.text.document import Document
from analysis.text.patterns import HANGUL

__all__ = [
    "EXACT_ALIAS",
    "EXCLUDED_CONFIDENCE",
    "PROGRAMME_LIST_BONUS",
    "VARIANT_ALIAS",
    "WEAK_BEFORE_COOPERATION",
    "WEAK_IN_LIST",
    "exclusion",
    "is_weak",
    "mention_confidence",
    "refine_mentions",
]

#: A sector's own alias, written as in the taxonomy (case aside).
EXACT_ALIAS = 0.9
#: A sector's own alias matched through a spacing, hyphen, "&" or comma variant.
VARIANT_ALIAS = 0.85
#: A weak (list-only) alias counted as an item of an enumeration of sectors.
WEAK_IN_LIST = 0.7
#: A weak alias counted because a cooperation noun follows it ("cyber cooperation").
WEAK_BEFORE_COOPERATION = 0.6
#: Added for an item of a programme's list of areas (the sum is capped at 1).
PROGRAMME_LIST_BONUS = 0.1
#: Confidence of an excluded mention (job title or organisation name), kept on request.
EXCLUDED_CONFIDENCE = 0.0

# How far before a cooperation noun a chain of weak aliases may start (characters).
_WEAK_WINDOW = 80
# Between two weak aliases of one chain before a cooperation noun.
#: White space within a line (no line break).
_SPACE = r"[^\S\n]"
_WEAK_JOIN = re.compile(r"\s*(?:,|and|&|or|및|와|과|·|ㆍ|/)?\s*", re.IGNORECASE)
# Between the last weak alias and the cooperation noun.
_NOUN_GAP = " \t\n\r-‐‑–"
_NOUN_JOIN = re.compile(f"[\\s{re.escape(_NOUN_GAP)}]*")
# Lower-case words that may stand inside a capitalised organisation name.
_NAME_JOINERS = ("and", "of", "for", "on", "the", "&")


@dataclass(frozen=True, slots=True)
class _Cues:
    cooperation: re.Pattern[str]
    person_after: re.Pattern[str]
    organisation_after: re.Pattern[str]
    organisation_before: re.Pattern[str]
    cooperation_words: tuple[str, ...]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _longest_first(words: Iterable[str]) -> str:
    """The words as a trie, which matches as the alternation longest first, faster."""
    return caseless_trie_regex(sorted(set(words)), space=re.escape(" ")) or _alternation(words)


def _bounded(words: Sequence[str]) -> str:
    """English words at word boundaries; Korean words followed by anything."""
    english = [w for w in words if not re.search(f"[{HANGUL}]", w)]
    korean = [w for w in words if re.search(f"[{HANGUL}]", w)]
    parts = []
    if english:
        parts.append(rf"(?<!\w)(?:{_longest_first(english)})(?!\w)")
    if korean:
        parts.append(f"(?:{_longest_first(korean)})")
    return "|".join(parts) or r"(?!x)x"


@cache
def _cues() -> _Cues:
    words: dict[str, list[str]] = {"cooperation_noun": [], "activity_noun": [], "person_noun": [],
                                   "organisation_head": []}
    for row in read_csv_rows("sectors/mention_cues.csv"):
        words[row["kind"]].append(row["word"])
    heads = _alternation(words["organisation_head"])
    name_word = rf"(?:[A-Z][\w'’\-]*|{_alternation(_NAME_JOINERS)})"
    return _Cues(
        cooperation=re.compile(_bounded(words["cooperation_noun"] + words["activity_noun"]),
                               re.IGNORECASE),
        # within one line: a job title or a name never runs on past a line break
        person_after=re.compile(rf"(?:{_SPACE}|-)*(?:{_bounded(words['person_noun'])})",
                                re.IGNORECASE),
        organisation_after=re.compile(
            rf"(?:{_SPACE}+{name_word}){{0,4}}?{_SPACE}+(?:{heads})(?!\w)"),
        # "Ministry of Science and Technology", "Centre for the Security of Critical
        # Undersea Infrastructure", "Centre of Excellence for Countering Hybrid Threats"
        organisation_before=re.compile(
            rf"(?<!\w)(?:{heads})(?:{_SPACE}+(?:[A-Z][\w'’\-]*|of|for|on|the|and|&))"
            rf"{{0,6}}?{_SPACE}+(?:of|for|on){_SPACE}+(?:the{_SPACE}+)?\Z"
        ),
        cooperation_words=tuple(w.casefold() for w in words["cooperation_noun"]),
    )


def _title_cased(matched: str) -> bool:
    words = re.findall(r"[^\W\d_]+", matched)
    return bool(words) and all(
        w[0].isupper() or w.casefold() in _NAME_JOINERS for w in words
    ) and matched[0].isupper()


def exclusion(text: str, start: int, end: int) -> str | None:
    """Return why ``text[start:end]`` is not a sector mention ("title", "organisation"), or None.

    Examples
    --------
    >>> text = "A former cyber security researcher joined the Cybersecurity Agency."
    >>> exclusion(text, 9, 23), exclusion(text, 46, 59)
    ('title', 'organisation')
    >>> exclusion("Cyber security matters.", 0, 14) is None
    True
    """
    cues = _cues()
    if cues.person_after.match(text, end):
        return "title"
    matched = text[start:end]
    if _title_cased(matched) and (
        cues.organisation_after.match(text, end)
        or cues.organisation_before.search(text[max(0, start - 60) : start])
    ):
        return "organisation"
    return None


def is_weak(alias: Alias) -> bool:
    """Tell whether ``alias`` is weak: list-only, one word, and not itself a cooperation phrase.

    Examples
    --------
    >>> is_weak(Alias("cyber", "cyber-defence", True))
    True
    >>> is_weak(Alias("practical cooperation", "practical-interoperability", True))
    False
    """
    if not alias.list_only or len(ALIAS_SEPARATORS.split(alias.text.strip())) != 1:
        return False
    folded = alias.text.casefold()
    return not any(word in folded for word in _cues().cooperation_words)


def _normal(words: str) -> str:
    return " ".join(words.split())


@dataclass(frozen=True, slots=True)
class _Written:
    """The aliases of one sector as written: case-sensitive forms (with capitals) and folded."""

    cased: frozenset[str]
    folded: frozenset[str]

    @classmethod
    def of(cls, aliases: Iterable[str]) -> _Written:
        """Return the written forms of ``aliases``."""
        forms = [_normal(a) for a in aliases]
        return cls(
            frozenset(a for a in forms if a != a.casefold()),
            frozenset(a.casefold() for a in forms if a == a.casefold()),
        )

    def __iter__(self) -> Iterator[str]:
        return iter((*self.cased, *self.folded))

    def has(self, matched: str) -> bool:
        """Tell whether ``matched`` is written as one of the aliases."""
        matched = _normal(matched)
        return matched in self.cased or matched.casefold() in self.folded


@cache
def _written_aliases(taxonomy: Taxonomy) -> dict[str, _Written]:
    """Return sector id -> every alias as the taxonomy writes it."""
    return {sector.id: _Written.of(sector.aliases) for sector in taxonomy.sectors}


def mention_confidence(
    alias: Alias,
    matched: str,
    context: str,
    *,
    weak_rule: bool = False,
    written: Iterable[str] = (),
) -> float:
    """Return the confidence of a mention of ``alias`` written ``matched`` (see module docs).

    ``written`` are the other aliases of the sector as the taxonomy writes them: a match
    equal to one of them is exact too ("cybersecurity" beside "cyber security").

    Examples
    --------
    >>> strong = Alias("cyber defence", "cyber-defence", False)
    >>> mention_confidence(strong, "cyber defence", "mention")
    0.9
    >>> mention_confidence(strong, "cyber-defence", "programme-list")
    0.95
    >>> mention_confidence(Alias("cyber", "cyber-defence", True), "cyber", "mention", weak_rule=True)
    0.6
    """
    if context in EXCLUDED_CONTEXTS:
        return EXCLUDED_CONFIDENCE
    if weak_rule:
        base = WEAK_BEFORE_COOPERATION
    elif alias.list_only:
        base = WEAK_IN_LIST
    else:
        forms = written if isinstance(written, _Written) else _Written.of(written)
        exact = forms.has(matched) or _Written.of((alias.text,)).has(matched)
        base = EXACT_ALIAS if exact else VARIANT_ALIAS
    bonus = PROGRAMME_LIST_BONUS if context == PROGRAMME_LIST else 0.0
    return round(min(1.0, base + bonus), 4)


def _alias_at(text: str, start: int, end: int, matcher: Matcher) -> Alias | None:
    match = matcher.regex.match(text, start)
    if match is None or not match.lastindex or match.end() != end:
        return None
    return matcher.aliases[match.lastindex - 1]


@cache
def _weak_words(taxonomy: Taxonomy) -> tuple[str, ...]:
    """Return the weak aliases of ``taxonomy``, case-folded (a cheap test before matching)."""
    matcher = matcher_for(taxonomy)
    return tuple(sorted({a.text.casefold() for a in matcher.aliases if is_weak(a)}))


def _weak_before_cooperation(
    doc: Document, taxonomy: Taxonomy, taken: list[tuple[int, int]]
) -> list[tuple[SectorMention, Alias]]:
    """Return the weak aliases directly before a cooperation noun, not already mentions."""
    text = doc.text
    matcher = matcher_for(taxonomy)
    weak = _weak_words(taxonomy)
    if not weak or not doc.sentences:
        return []
    longest = max(len(w) for w in weak)
    starts = [sentence.start for sentence in doc.sentences]
    found: list[tuple[SectorMention, Alias]] = []
    seen: set[int] = set()
    for noun in _cues().cooperation.finditer(text):
        sentence = doc.sentences[max(0, bisect_right(starts, noun.start()) - 1)]
        lo = max(sentence.start, noun.start() - _WEAK_WINDOW)
        edge = noun.start()
        while edge > lo and text[edge - 1] in _NOUN_GAP:
            edge -= 1
        before = text[max(lo, edge - longest) : edge].casefold()
        if not before.endswith(weak):
            continue  # the cheap test: no weak alias ends just before the noun
        raws = [(m.start(), m.end(), matcher.aliases[m.lastindex - 1])
                for m in matcher.finditer(text, lo, noun.start()) if m.lastindex]
        chain: list[tuple[int, int, Alias]] = []
        edge = noun.start()
        joiner = _NOUN_JOIN
        for start, end, alias in reversed(raws):
            if not is_weak(alias) or not joiner.fullmatch(text, end, edge):
                break
            chain.append((start, end, alias))
            edge, joiner = start, _WEAK_JOIN
        for start, end, alias in reversed(chain):
            if start in seen or any(s < end and start < e for s, e in taken):
                continue
            seen.add(start)
            mention = SectorMention(
                sector=alias.sector, label=matcher.labels[alias.sector], start=start,
                end=end, matched=text[start:end], context=MENTION, sentence=sentence.index,
            )
            found.append((mention, alias))
    return found


def refine_mentions(
    doc: Document,
    mentions: Sequence[SectorMention],
    taxonomy: Taxonomy,
    *,
    keep_excluded: bool = False,
    names: Sequence[NameSpan] | Callable[[], Sequence[NameSpan]] = (),
) -> list[SectorMention]:
    """Return ``mentions`` with the weak-alias mentions added, exclusions applied, confidences set.

    Parameters
    ----------
    doc : Document
        The document the mentions were found in.
    mentions : sequence of SectorMention
        The mentions of the sentence pass, in text order.
    taxonomy : Taxonomy
        The taxonomy the mentions were matched with.
    keep_excluded : bool
        Keep job-title and organisation-name matches, with ``context`` ``"title"`` or
        ``"organisation"`` (default: drop them).
    names : sequence of (start, end, context), or a function returning them
        Organisation names and titles the actor registry finds in the text
        (:func:`analysis.sectors.names.registry_name_spans`); a match overlapping one
        takes its context. A function is called only when the text has a match to check
        (most articles name no sector: their names are never looked for).

    Examples
    --------
    >>> from analysis.sectors.taxonomy import default_taxonomy
    >>> from analysis.text.document import as_document
    >>> doc = as_document("The two sides' cyber cooperation grew.")
    >>> [(m.matched, m.confidence) for m in refine_mentions(doc, [], default_taxonomy())]
    [('cyber', 0.6)]
    """
    text = doc.text
    matcher = matcher_for(taxonomy)
    written = _written_aliases(taxonomy)
    weak = _weak_before_cooperation(doc, taxonomy, [(m.start, m.end) for m in mentions])
    if not mentions and not weak:
        return []
    if callable(names):
        names = names()
    refined: list[SectorMention] = []
    for mention in mentions:
        alias = _alias_at(text, mention.start, mention.end, matcher)
        why = (name_context(mention.start, mention.end, names)
               or exclusion(text, mention.start, mention.end))
        context = why or mention.context
        if why and not keep_excluded:
            continue
        confidence = (
            mention_confidence(alias, mention.matched, context,
                               written=written.get(alias.sector, ()))
            if alias is not None
            else (EXCLUDED_CONFIDENCE if why else EXACT_ALIAS)
        )
        refined.append(replace(mention, context=context, confidence=confidence))
    for mention, alias in weak:
        why = (name_context(mention.start, mention.end, names)
               or exclusion(text, mention.start, mention.end))
        if why and not keep_excluded:
            continue
        context = why or MENTION
        refined.append(replace(mention, context=context, confidence=mention_confidence(
            alias, mention.matched, context, weak_rule=True)))
    return sorted(refined, key=lambda m: (m.start, m.end))
