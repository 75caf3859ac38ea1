"""Programme statements: sentences that say what a partnership programme covers.

A sentence is a programme statement when it states a count of areas ("11 sectors",
"seven areas", "16개 분야") and a programme is named (in it or in one of the two sentences
before) or sectors are listed; or when it names a partnership programme (a name like
"Individually Tailored Partnership Programme", or a known acronym such as ITPP, from
``resources/sectors/programmes.csv``) with a list of sectors or an area noun ("areas",
"priorities", "분야"); or when a programme named just before is followed by a sentence
listing sectors with an area noun. Its chains of two or more items, and single items
introduced by a cue ("areas including", "covers", ":"; :mod:`analysis.sectors.lists`),
are the programme's list; those mentions get ``context == "programme-list"``, all others
``"mention"``.

Because a mention's context depends on whether its sentence is a statement, every
sentence is read once here (:func:`read_sentences`), for the sector mentions
(:mod:`analysis.sectors.finder`) and the statements alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from analysis._resources import read_csv_rows
from analysis.sectors.lists import chains, has_area_noun, is_cued, stated_count
from analysis.sectors.matching import (
    MENTION,
    PROGRAMME_LIST,
    Matcher,
    SectorMention,
    matcher_for,
    raw_matches,
)
from analysis.sectors.taxonomy import Taxonomy, TaxonomyLike, as_taxonomy
from analysis.text.document import Document, TextLike, Texts, as_document
from analysis.text.segmentation import Sentence

if TYPE_CHECKING:
    from analysis.pipeline import Context
__all__ = [
    "DETERMINERS",
    "NAME_JOINERS",
    "PROGRAMME_HEADS",
    "PROGRAMME_KINDS",
    "ProgrammeStatement",
    "SentenceReading",
    "parse_programme_statements",
    "programme_statement_rows",
    "programme_statements_frame",
    "read_sentences",
]


@dataclass(frozen=True, slots=True)
class ProgrammeStatement:
    """A sentence saying what a partnership programme covers.

    Attributes
    ----------
    start, end, sentence : the sentence's offsets and index.
    programme, acronym : the programme as named (acronyms of known programmes are
        expanded to their name), or None.
    stated_count : the number of areas the text states ("11 sectors"), or None.
    items : the sector mentions listed as the programme's areas.
    year : a year stated in the sentence, else the article's publication year.
    year_source : "text", "published" or None.
    """

    start: int
    end: int
    sentence: int
    programme: str | None
    acronym: str | None
    stated_count: int | None
    items: tuple[SectorMention, ...] = ()
    year: int | None = None
    year_source: str | None = None

    @property
    def sectors(self) -> tuple[str, ...]:
        """The distinct sector ids listed, in order of first listing."""
        return tuple(dict.fromkeys(item.sector for item in self.items))

    @property
    def n_listed(self) -> int:
        """How many distinct sectors are listed."""
        return len(self.sectors)

    @property
    def fewer_listed(self) -> bool | None:
        """True when fewer sectors are listed than stated (None without a stated count)."""
        if self.stated_count is None:
            return None
        return self.n_listed < self.stated_count


# --- programme names ------------------------------------------------------------

#: The last word of a programme's name.
PROGRAMME_HEADS: tuple[str, ...] = ("Programme", "Program", "Plan")
#: Lower-case words that may join the capitalised words of a programme's name.
NAME_JOINERS: tuple[str, ...] = ("and", "for", "of", "on")
#: Words one of which an English programme name must hold ("Individually Tailored
#: Partnership Programme"), so "the Action Plan" of a summit is not taken for none.
PROGRAMME_KINDS: tuple[str, ...] = ("Partnership", "Cooperation", "Action")
#: Words dropped from the start of a programme's name ("the", "its new" ...).
DETERMINERS: tuple[str, ...] = ("The", "An", "A", "Its", "Their", "This", "That", "New")
#: Words without one of which (or a known acronym) a sentence names no programme.
_HINT_WORDS: tuple[str, ...] = ("Program", "Plan", "프로그램")

# A capitalised word of a programme's name. Unlike analysis.text.patterns.NAME_WORD it
# takes no period, so the name stops before the sentence's final stop ("... Plan.").
_PROGRAMME_WORD = r"[A-Z][\w’'\-]*"
_PROGRAMME_NAME = re.compile(
    rf"(?P<name>(?:{_PROGRAMME_WORD}\s+(?:(?:{'|'.join(NAME_JOINERS)})\s+)?){{1,6}}"
    rf"(?:{'|'.join(PROGRAMME_HEADS)}))"
    r"(?:\s*\((?P<acronym>[A-Z][A-Za-z]{1,7})\))?"
)
_KOREAN_PROGRAMME = re.compile(
    r"(?P<name>(?:개별\s*)?(?:맞춤형\s*)?(?:파트너십|동반자)\s*(?:협력\s*)?프로그램)"
    r"(?:\s*\((?P<acronym>[A-Z]{2,8})\))?"
)
_LEADING_DETERMINER = re.compile(rf"^(?:{'|'.join(DETERMINERS)})\s+")
# How many sentences after naming a programme a statement may still refer to it.
_CARRY_SENTENCES = 2


@cache
def _known_programmes() -> dict[str, str]:
    """Return acronym -> programme name for the programmes shipped in programmes.csv."""
    known: dict[str, str] = {}
    for row in read_csv_rows("sectors/programmes.csv"):
        acronym = row.get("acronym", "").strip()
        if acronym and acronym not in known:
            known[acronym] = re.sub(r"\s*\(.*\)|\s+\d{4}(?:-\d{4})?$", "", row["programme"]).strip()
    return known


@cache
def _acronym_regex() -> re.Pattern[str]:
    acronyms = "|".join(sorted(_known_programmes(), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])({acronyms})(?![A-Za-z])")


def _programme_in(sentence_text: str) -> tuple[str | None, str | None]:
    """Return (name, acronym) of a partnership programme named in a sentence."""
    if not _programme_hint().search(sentence_text):
        return None, None
    for regex in (_PROGRAMME_NAME, _KOREAN_PROGRAMME):
        for match in regex.finditer(sentence_text):
            name = _LEADING_DETERMINER.sub("", match.group("name")).strip()
            if regex is _PROGRAMME_NAME and not any(w in name for w in PROGRAMME_KINDS):
                continue
            acronym = match.group("acronym")
            return name, acronym
    match = _acronym_regex().search(sentence_text) if _known_programmes() else None
    if match:
        return _known_programmes()[match.group(1)], match.group(1)
    return None, None


@cache
def _programme_hint() -> re.Pattern[str]:
    """A cheap test run first: could the sentence name a programme at all?"""
    words = [*_HINT_WORDS, *_known_programmes()]
    return re.compile("|".join(re.escape(word) for word in words))


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")


# --- reading sentences ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SentenceReading:
    """What one sentence holds: its sector mentions, its statement, the programme it names."""

    mentions: tuple[SectorMention, ...]
    statement: ProgrammeStatement | None
    programme: tuple[str | None, str | None]


def _read_sentence(
    doc: Document,
    sentence: Sentence,
    matcher: Matcher,
    carried: tuple[str | None, str | None],
) -> SentenceReading:
    text = doc.text
    sentence_text = sentence.slice(text)
    groups = chains(text, raw_matches(text, sentence, matcher))
    count = stated_count(sentence_text)
    name, acronym = _programme_in(sentence_text)
    has_list = any(len(chain) >= 2 for chain in groups)
    programme_named = name is not None or carried[0] is not None
    is_statement = (
        (count is not None and (programme_named or has_list))
        or (name is not None and (has_list or has_area_noun(sentence_text)))
        or (carried[0] is not None and has_list and has_area_noun(sentence_text))
    )
    mentions: list[SectorMention] = []
    for chain in groups:
        listed = is_statement and (
            len(chain) >= 2 or is_cued(text[sentence.start : chain[0].start])
        )
        anchored = listed or any(not raw.alias.list_only for raw in chain)
        context = PROGRAMME_LIST if listed else MENTION
        for raw in chain:
            if raw.alias.list_only and not (anchored and len(chain) >= 2) and not listed:
                continue
            mentions.append(
                SectorMention(
                    sector=raw.alias.sector,
                    label=matcher.labels[raw.alias.sector],
                    start=raw.start,
                    end=raw.end,
                    matched=text[raw.start : raw.end],
                    context=context,
                    sentence=sentence.index,
                )
            )
    statement = None
    if is_statement and (count is not None or any(m.context == PROGRAMME_LIST for m in mentions)):
        named = (name, acronym) if name is not None else carried
        statement = _build_statement(doc, sentence, named, count, mentions)
    return SentenceReading(tuple(mentions), statement, (name, acronym))


def _statement_year(doc: Document, sentence_text: str) -> tuple[int | None, str | None]:
    """Return a year stated in the sentence, else the article's publication year."""
    match = _YEAR.search(sentence_text)
    if match:
        return int(match.group(1)), "text"
    if doc.article.published:
        return doc.article.published.year, "published"
    return None, None


def _build_statement(
    doc: Document,
    sentence: Sentence,
    named: tuple[str | None, str | None],
    count: int | None,
    mentions: list[SectorMention],
) -> ProgrammeStatement:
    year, year_source = _statement_year(doc, sentence.slice(doc.text))
    return ProgrammeStatement(
        start=sentence.start,
        end=sentence.end,
        sentence=sentence.index,
        programme=named[0],
        acronym=named[1],
        stated_count=count,
        items=tuple(m for m in mentions if m.context == PROGRAMME_LIST),
        year=year,
        year_source=year_source,
    )


def read_sentences(doc: Document, taxonomy: Taxonomy) -> Iterator[SentenceReading]:
    """Read every sentence of ``doc`` once: its mentions, with their context, and its statement.

    A programme named in a sentence is carried to the next two sentences, which may
    state its areas without naming it again.
    """
    matcher = matcher_for(taxonomy)
    carried: tuple[str | None, str | None] = (None, None)
    carried_at = -10
    for sentence in doc.sentences:
        if sentence.index - carried_at > _CARRY_SENTENCES:
            carried = (None, None)
        result = _read_sentence(doc, sentence, matcher, carried)
        yield result
        if result.programme[0] is not None:
            carried, carried_at = result.programme, sentence.index


# --- the extractor and its table ------------------------------------------------


def parse_programme_statements(
    source: TextLike,
    taxonomy: TaxonomyLike = None,
    *,
    readings: Sequence[SentenceReading] | None = None,
) -> list[ProgrammeStatement]:
    """Return the sentences that say what a partnership programme covers.

    Each statement gives the programme (name and acronym; when the sentence names
    none, the programme named in one of the two sentences before), the count of areas
    the text states, the sectors it lists, and a year (stated in the sentence, else the
    article's publication year). ``fewer_listed`` flags a list shorter than the count.
    ``readings`` are the sentences already read (:func:`read_sentences`), as in
    :func:`analysis.sectors.finder.find_sector_mentions`; read here when None.

    Examples
    --------
    >>> text = ("They adopted an Individually Tailored Partnership Programme (ITPP), "
    ...         "expanding cooperation in 11 sectors including cybersecurity; emerging "
    ...         "technologies; and climate change.")
    >>> [statement] = parse_programme_statements(text)
    >>> statement.acronym, statement.stated_count, statement.n_listed, statement.fewer_listed
    ('ITPP', 11, 3, True)
    >>> statement.sectors
    ('cyber-defence', 'emerging-technologies', 'climate-security')
    """
    if readings is None:
        readings = list(read_sentences(as_document(source), as_taxonomy(taxonomy)))
    return [result.statement for result in readings if result.statement is not None]


def programme_statements_frame(
    articles: Texts, taxonomy: TaxonomyLike = None, *, context: Context | None = None
) -> pd.DataFrame:
    """Return the ``programme_statements`` table: one row per statement.

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    taxonomy : Taxonomy or path(s) to user CSV files, optional
        The sectors (default: the shipped taxonomy).
    context : Context, optional
        The run's :class:`analysis.pipeline.Context` (registry, taxonomy, corrections,
        settings), instead of the arguments above; this table is then a view of the same
        annotation pass as every other table of that context.

    Examples
    --------
    >>> frame = programme_statements_frame("The IPCP covered seven sectors in 2012.")
    >>> frame[["acronym", "stated_count", "n_listed", "year", "fewer_listed"]].values.tolist()
    [['IPCP', 7, 0, 2012, True]]
    """
    from analysis.pipeline import Context, frame

    return frame("programme_statements", articles, Context.of(taxonomy=taxonomy, context=context))

def programme_statement_rows(
    doc: Document, statements: Iterable[ProgrammeStatement]
) -> list[dict[str, object]]:
    """Return the rows of the ``programme_statements`` table for ``statements`` of ``doc``.

    Pure: nothing is extracted, one dict per statement.

    Examples
    --------
    >>> doc = as_document("The IPCP covered seven sectors in 2012.")
    >>> [row] = programme_statement_rows(doc, parse_programme_statements(doc))
    >>> row["acronym"], row["stated_count"], row["sectors"]
    ('IPCP', 7, '')
    """
    return [
        {
            "article_id": doc.article_id,
            "sentence": statement.sentence,
            "start": statement.start,
            "end": statement.end,
            "programme": statement.programme,
            "acronym": statement.acronym,
            "year": statement.year,
            "year_source": statement.year_source,
            "stated_count": statement.stated_count,
            "n_listed": statement.n_listed,
            "sectors": "; ".join(statement.sectors),
            "items": "; ".join(item.matched for item in statement.items),
            "fewer_listed": statement.fewer_listed,
        }
        for statement in statements
    ]
