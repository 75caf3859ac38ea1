"""Programme statements: sentences that say what a partnership programme covers.

A sentence is a programme statement when it states a count of areas ("11 sectors",
"seven areas", "16개 분야") and a programme is named (in it or in one of the two sentences
before) or sectors are listed; or when it names a partnership programme (a name like
"Individually Tailored Partnership Programme", a known acronym such as ITPP, from
``resources/sectors/programmes.csv``, or "the 2012 programme") with a list of sectors or an
area noun ("areas", "priorities", "분야"); or when a programme named just before is
followed by a sentence listing sectors with an area noun or a list cue ("the programme
would cover A, B and C", "set out cooperation in areas including A"), unless that
sentence is about another party ("Japan, by contrast, stresses A and B", "the EU named A
and B as its own priorities"); or when a sentence
naming a programme ends in a colon and bullet lines follow (their sectors are its items).
Its chains of two or more items, and single items introduced by a cue ("areas including",
"covers", ":"; :mod:`analysis.sectors.lists`), are the programme's list; those mentions get
``context == "programme-list"``, all others ``"mention"``.

A sentence naming two programmes ("unlike the 2012 programme's seven areas, the new ITPP
adds A and B") gives one statement per programme: the text from one programme's name to
the next is that programme's, with its items and its stated count; programmes joined by
"and" ("Japan's ITPP and Australia's ITPP both cover A") share the items that follow. Each statement names
its partner, year and programme as :mod:`analysis.sectors.attribution` reads them.

Because a mention's context depends on whether its sentence is a statement, every
sentence is read once here (:func:`read_sentences`), for the sector mentions
(:mod:`analysis.sectors.finder`) and the statements alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from analysis.sectors.attribution import (
    DETERMINERS,
    NAME_JOINERS,
    PROGRAMME_HEADS,
    PROGRAMME_KINDS,
    Programme,
    ProgrammeRef,
    programme_references,
    resolve,
    speaks_of_another,
    subject_partner,
)
from analysis.sectors.clauses import (
    coordinated_owners,
    count_owner,
    governed_spans,
    governing_references,
    main_reference,
)
from analysis.sectors.lists import (
    chains,
    colon_list_start,
    count_spans,
    has_area_noun,
    is_bullet,
    is_cued,
    opens_list,
)
from analysis.sectors.matching import (
    MENTION,
    PROGRAMME_LIST,
    Match,
    Matcher,
    SectorMention,
    matcher_for,
    raw_matches,
)
from analysis.sectors.statement_rows import programme_statement_rows, programme_statements_frame
from analysis.sectors.taxonomy import Taxonomy, TaxonomyLike, as_taxonomy
from analysis.text.document import Document, TextLike, as_document
from analysis.text.segmentation import Sentence

__all__ = [
    "CARRY_SENTENCES",
    "DETERMINERS",
    "NAME_JOINERS",
    "PROGRAMME_HEADS",
    "PROGRAMME_KINDS",
    "Programme",
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
    start, end, sentence : the sentence's offsets (to the last bullet line of a bulleted
        list) and index.
    programme, acronym : the programme as named (acronyms of known programmes are
        expanded to their name), or None.
    stated_count : the number of areas the text states ("11 sectors"), or None.
    items : the sector mentions listed as the programme's areas.
    year : the programme's year, or None when neither the text nor the dataset gives it.
    year_source : "text" (a year written), "summit" ("adopted in Vilnius"), "relative"
        ("last year", from the publication date), "dataset" (programmes.csv) or None.
    partner : whose programme (as spelled in programmes.csv), or None.
    programme_id : the shipped programme it is (``kor-itpp-2023``), or None.
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
    partner: str | None = None
    programme_id: str | None = None

    @property
    def sectors(self) -> tuple[str, ...]:
        """The distinct sector ids listed, in order of first listing."""
        return tuple(dict.fromkeys(item.sector for item in self.items))

    @property
    def item_ids(self) -> tuple[str, ...]:
        """The sector id of each listed item, in order (repeats kept)."""
        return tuple(item.sector for item in self.items)

    @property
    def n_listed(self) -> int:
        """How many distinct sectors are listed."""
        return len(self.sectors)

    @property
    def listed_count(self) -> int:
        """How many distinct sectors are listed (the same as :attr:`n_listed`)."""
        return self.n_listed

    @property
    def fewer_listed(self) -> bool | None:
        """True when fewer sectors are listed than stated (None without a stated count)."""
        if self.stated_count is None:
            return None
        return self.n_listed < self.stated_count


#: How many sentences after naming a programme a statement may still refer to it
#: (also how far a notebook looks for the list of a count stated before it).
CARRY_SENTENCES = 2


# --- reading sentences ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SentenceReading:
    """What one sentence holds: its sector mentions, its statements, the programme it names.

    ``programme`` is the programme the sentence is about, resolved (carried to the next
    two sentences; of several, the one of the main clause:
    :func:`~analysis.sectors.attribution.main_reference`), or None.
    """

    mentions: tuple[SectorMention, ...]
    statements: tuple[ProgrammeStatement, ...]
    programme: Programme | None

    @property
    def statement(self) -> ProgrammeStatement | None:
        """The sentence's first statement, or None."""
        return self.statements[0] if self.statements else None


class _Article:
    """What every sentence of one article shares: its text, date and subject partner."""

    __slots__ = ("_subject", "doc", "matcher")
    _UNREAD = object()

    def __init__(self, doc: Document, matcher: Matcher) -> None:
        self.doc, self.matcher, self._subject = doc, matcher, self._UNREAD

    @property
    def published(self) -> dt.date | None:
        """The article's publication date."""
        return self.doc.article.published

    @property
    def subject(self) -> str | None:
        """The partner the article names most often (read once, when first needed)."""
        if self._subject is self._UNREAD:
            self._subject = subject_partner(self.doc.text)
        return self._subject


def _is_statement(
    article: _Article,
    sentence: Sentence,
    groups: list[list[Match]],
    refs: list[ProgrammeRef],
    carried: Programme | None,
    *,
    count: bool,
    opens_bullets: bool,
) -> bool:
    """Tell whether a sentence is a programme statement (the rules in the module docs).

    The tests run cheapest first: most sentences name no programme and state no count.
    """
    if not (refs or carried is not None or count):
        return False
    text = article.doc.text
    sentence_text = sentence.slice(text)
    has_list = any(len(chain) >= 2 for chain in groups)
    if count:
        return bool(refs or carried is not None or has_list)
    if refs and (has_list or has_area_noun(sentence_text)):
        return True
    if opens_bullets and (has_area_noun(sentence_text)
                          or is_cued(sentence_text.rstrip()[:-1])):
        return True
    if carried is None or not groups:
        return False
    cued = any(is_cued(text[sentence.start : chain[0].start]) for chain in groups)
    return (has_list or cued) and (cued or has_area_noun(sentence_text))


def _mentions(
    article: _Article,
    sentence: Sentence,
    groups: list[list[Match]],
    *,
    is_statement: bool,
    all_listed: bool,
) -> list[SectorMention]:
    text, matcher = article.doc.text, article.matcher
    colon = colon_list_start(sentence.slice(text)) if is_statement else None
    after_colon = None if colon is None else sentence.start + colon
    mentions: list[SectorMention] = []
    for chain in groups:
        listed = all_listed or (is_statement and (
            len(chain) >= 2
            or is_cued(text[sentence.start : chain[0].start])
            or (after_colon is not None and chain[0].start >= after_colon)
        ))
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
    return mentions


def _statements(
    article: _Article,
    sentence: Sentence,
    refs: list[ProgrammeRef],
    carried: Programme | None,
    mentions: list[SectorMention],
) -> list[ProgrammeStatement]:
    sentence_text = sentence.slice(article.doc.text)
    spans = governed_spans(sentence_text, refs)
    counts: dict[int, int] = {}
    for offset, value in count_spans(sentence_text):
        counts.setdefault(count_owner(sentence_text, offset, spans, refs), value)
    listed = [m for m in mentions if m.context == PROGRAMME_LIST]
    owners = coordinated_owners(sentence_text, refs, spans)
    found = []
    for index, (a, b) in enumerate(spans):
        c, d = spans[owners[index]]
        items = tuple(m for m in listed if c <= m.start - sentence.start < d)
        if owners[index] != index and owners[index] in counts:
            counts.setdefault(index, counts[owners[index]])
        if len(spans) > 1 and not items and index not in counts:
            continue
        if refs:
            segment = sentence_text if len(spans) == 1 else sentence_text[a:b]
            programme = resolve(refs[index], segment, article.published, article.subject,
                                offset=0 if len(spans) == 1 else a, carried=carried)
        else:
            programme = carried
        found.append(_build_statement(sentence, programme, counts.get(index), items))
    return found


def _build_statement(
    sentence: Sentence,
    programme: Programme | None,
    count: int | None,
    items: tuple[SectorMention, ...],
) -> ProgrammeStatement:
    programme = programme or Programme(None, None)
    return ProgrammeStatement(
        start=sentence.start,
        end=sentence.end,
        sentence=sentence.index,
        programme=programme.name,
        acronym=programme.acronym,
        stated_count=count,
        items=items,
        year=programme.year,
        year_source=programme.year_source,
        partner=programme.partner,
        programme_id=programme.programme_id,
    )


def _read_sentence(
    article: _Article,
    sentence: Sentence,
    carried: Programme | None,
    *,
    opens_bullets: bool = False,
    bullet_item: bool = False,
) -> SentenceReading:
    text = article.doc.text
    sentence_text = sentence.slice(text)
    groups = chains(text, raw_matches(text, sentence, article.matcher))
    if bullet_item:
        mentions = _mentions(article, sentence, groups, is_statement=False, all_listed=True)
        return SentenceReading(tuple(mentions), (), None)
    refs = governing_references(sentence_text, programme_references(sentence_text))
    if not refs and carried is not None and speaks_of_another(sentence_text, carried):
        carried = None
    count = bool(count_spans(sentence_text))
    is_statement = _is_statement(article, sentence, groups, refs, carried,
                                 count=count, opens_bullets=opens_bullets)
    mentions = _mentions(article, sentence, groups, is_statement=is_statement, all_listed=False)
    statements: list[ProgrammeStatement] = []
    if is_statement and (count or opens_bullets
                         or any(m.context == PROGRAMME_LIST for m in mentions)):
        statements = _statements(article, sentence, refs, carried, mentions)
    named = None
    if refs:
        spans = governed_spans(sentence_text, refs)
        main = main_reference(sentence_text, len(refs))
        a, b = spans[main]
        segment = sentence_text if len(spans) == 1 else sentence_text[a:b]
        named = resolve(refs[main], segment, article.published, article.subject,
                        offset=0 if len(spans) == 1 else a, carried=carried)
    return SentenceReading(tuple(mentions), tuple(statements), named)


def _with_bullets(
    reading: SentenceReading, bullets: list[SentenceReading], last: Sentence
) -> SentenceReading:
    """The reading of a sentence opening a bulleted list, its items added to its statement."""
    if not reading.statements:
        return reading
    *others, statement = reading.statements
    items = statement.items + tuple(m for b in bullets for m in b.mentions)
    extended = ProgrammeStatement(
        statement.start, last.end, statement.sentence, statement.programme,
        statement.acronym, statement.stated_count, items, statement.year,
        statement.year_source, statement.partner, statement.programme_id,
    )
    return SentenceReading(reading.mentions, (*others, extended), reading.programme)


def read_sentences(doc: Document, taxonomy: Taxonomy) -> Iterator[SentenceReading]:
    """Read every sentence of ``doc`` once: its mentions, with their context, and its statements.

    A programme named in a sentence is carried to the next two sentences, which may
    state its areas without naming it again. The bullet lines after a statement ending
    in a colon are read as its items.
    """
    article = _Article(doc, matcher_for(taxonomy))
    sentences = doc.sentences
    carried: Programme | None = None
    carried_at = -10
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        if sentence.index - carried_at > CARRY_SENTENCES:
            carried = None
        following = index + 1
        while following < len(sentences) and is_bullet(sentences[following].slice(doc.text)):
            following += 1
        opens = following > index + 1 and opens_list(sentence.slice(doc.text))
        result = _read_sentence(article, sentence, carried, opens_bullets=opens)
        if opens and result.statements:
            bullets = [_read_sentence(article, s, None, bullet_item=True)
                       for s in sentences[index + 1 : following]]
            yield _with_bullets(result, bullets, sentences[following - 1])
            yield from bullets
            index = following
        else:
            yield result
            index += 1
        if result.programme is not None:
            carried, carried_at = result.programme, sentence.index


# --- the extractor and its table ------------------------------------------------


def parse_programme_statements(
    source: TextLike,
    taxonomy: TaxonomyLike = None,
    *,
    readings: Sequence[SentenceReading] | None = None,
    mentions: Sequence[SectorMention] | None = None,
) -> list[ProgrammeStatement]:
    """Return the sentences that say what a partnership programme covers.

    Each statement gives the programme (name and acronym; when the sentence names
    none, the programme named in one of the two sentences before), its partner and year
    (:mod:`analysis.sectors.attribution`; None when unknown, never the publication year),
    the count of areas the text states and the sectors it lists. A sentence naming two
    programmes gives two statements. ``fewer_listed`` flags a list shorter than the count.
    ``readings`` are the sentences already read (:func:`read_sentences`), as in
    :func:`analysis.sectors.finder.find_sector_mentions`; read here when None. The items
    are the article's final sector ``mentions`` (exclusions and corrections applied, so
    a sector word inside an organisation's name is no item and a corrected mention is
    corrected here too); found with the shipped registry when None.

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
    >>> statement.partner, statement.year  # whose, and when, the text does not say
    (None, None)
    >>> [statement] = parse_programme_statements(
    ...     "Japan's ITPP, adopted in Vilnius, covers 16 areas including space.")
    >>> statement.partner, statement.year, statement.year_source, statement.programme_id
    ('Japan', 2023, 'summit', 'jpn-itpp-2023')
    """
    doc, resolved = as_document(source), as_taxonomy(taxonomy)
    if readings is None:
        readings = list(read_sentences(doc, resolved))
    if mentions is None:
        from analysis.sectors.finder import find_sector_mentions

        mentions = find_sector_mentions(doc, resolved, readings=readings)
    final = {(m.start, m.end): m for m in mentions if m.context == PROGRAMME_LIST}
    return [
        replace(statement, items=tuple(final[item.start, item.end] for item in statement.items
                                       if (item.start, item.end) in final))
        for result in readings for statement in result.statements
    ]
