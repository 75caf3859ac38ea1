"""Whose programme, which programme, which year: naming the programmes a sentence talks about.

* **References.** A sentence may name several programmes: by name ("Individually Tailored
  Partnership Programme"), by a known acronym ("ITPP"), in Korean ("개별 맞춤형 파트너십
  프로그램") or by a plain reference with a year or an age ("the 2012 programme", "the
  previous programme"). :func:`programme_references` finds them all, in order.
* **Two programmes in a sentence.** Which part of the sentence is which programme's:
  :mod:`analysis.sectors.clauses`.
* **Partner.** Whose programme it is: a partner named by the reference ("Japan's ITPP",
  "NATO and Australia's ITPP", "between Korea and NATO"), from
  ``resources/sectors/partners.csv``; :func:`partner_in` and :func:`subject_partner`.
* **Year.** A year written in the text ("in 2012"), the summit it was adopted at ("in
  Vilnius", ``resources/sectors/summits.csv``, each row with its source), a year relative
  to the publication date ("last year", "next year"; :mod:`analysis.sectors.years`), the
  year the sentences just before gave the same programme ("... would seek a tailored
  programme next year. The ITPP will focus on ..."), else the programmes dataset when the
  partner and programme identify one and the text does not call it a later one ("the
  renewed ITPP"; :func:`dataset_programme`). A programme written out in full without its
  acronym is looked up by its name's acronym (:func:`acronym_of`), so "Tokyo ... the
  Individually Tailored Partnership Programme" is Japan's ITPP as "Japan's ITPP" is. The publication year alone never gives a
  programme's year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from analysis._resources import read_csv_rows
from analysis.sectors.years import SUCCESSOR_WORDS, TEXT_SOURCES, names_successor, text_year

__all__ = [
    "DETERMINERS",
    "NAME_JOINERS",
    "PROGRAMME_HEADS",
    "PROGRAMME_KINDS",
    "Programme",
    "ProgrammeRef",
    "acronym_of",
    "dataset_partner",
    "dataset_programme",
    "known_programmes",
    "partner_in",
    "programme_references",
    "resolve",
    "speaks_of_another",
    "subject_partner",
    "text_year",
]

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
_HINT_WORDS: tuple[str, ...] = ("Program", "program", "Plan", "프로그램")

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
#: Words that, before "programme", make a plain reference to one programme of several.
PLAIN_REFERENCE_WORDS: tuple[str, ...] = ("old", "older", "previous", "earlier", "former", "new")
#: Words that, after "a"/"an" or "the", introduce a partnership programme not yet named
#: ("a tailored programme", "the renewed partnership programme"); with the words above.
INTRODUCING_WORDS: tuple[str, ...] = ("tailored", "partnership",
                                     *(w for w in SUCCESSOR_WORDS if w.isascii()))
_PLAIN_REFERENCE = re.compile(
    rf"\b(?:[Tt]he\s+(?:(?P<year>(?:19|20)\d\d)|{'|'.join(PLAIN_REFERENCE_WORDS)})\s+"
    rf"|(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w.-]*['’]s)\s+(?:new\s+)?"
    rf"(?:{'|'.join(INTRODUCING_WORDS)})\s+)"
    r"(?:(?:tailored|partnership)\s+)*program(?:me)?\b"
)
_LEADING_DETERMINER = re.compile(rf"^(?:{'|'.join(DETERMINERS)})\s+")


@dataclass(frozen=True, slots=True)
class ProgrammeRef:
    """A programme named in a sentence: where, by what name, and what the text tells of it."""

    start: int
    end: int
    name: str | None
    acronym: str | None
    year: int | None = None
    successor: bool = False


@cache
def _programme_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_csv_rows("sectors/programmes.csv"))


@cache
def known_programmes() -> dict[str, str]:
    """Return acronym -> programme name for the programmes shipped in programmes.csv.

    Examples
    --------
    >>> known_programmes()["IPCP"]
    'Individual Partnership and Cooperation Programme'
    """
    known: dict[str, str] = {}
    for row in _programme_rows():
        acronym = row.get("acronym", "").strip()
        if acronym and acronym not in known:
            known[acronym] = re.sub(r"\s*\(.*\)|\s+\d{4}(?:-\d{4})?$", "", row["programme"]).strip()
    return known


def _fold_name(name: str | None) -> str:
    """A programme name compared without case, year, brackets or the US spelling."""
    text = re.sub(r"\s*\(.*?\)|\s+\d{4}(?:-\d{4})?$", "", name or "").strip().lower()
    return re.sub(r"\bprogram\b", "programme", " ".join(text.split()))


@cache
def _acronym_by_name() -> dict[str, str]:
    return {_fold_name(name): acronym for acronym, name in known_programmes().items()}


def acronym_of(acronym: str | None, name: str | None) -> str | None:
    """Return a programme's acronym: the one written, else that of its name when known.

    An article may write a programme out in full ("the Individually Tailored Partnership
    Program") without its acronym; the programmes table knows the name's acronym.

    Examples
    --------
    >>> acronym_of(None, "Individually Tailored Partnership Program")
    'ITPP'
    >>> acronym_of("IPCP", None), acronym_of(None, "Action Plan") is None
    ('IPCP', True)
    """
    return acronym or _acronym_by_name().get(_fold_name(name))


@cache
def _acronym_regex() -> re.Pattern[str]:
    acronyms = "|".join(sorted(known_programmes(), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])({acronyms})(?![A-Za-z])")


@cache
def _programme_hint() -> re.Pattern[str]:
    """A cheap test run first: could the sentence name a programme at all?"""
    words = [*_HINT_WORDS, *known_programmes()]
    return re.compile("|".join(re.escape(word) for word in words))


def _named(text: str) -> list[ProgrammeRef]:
    found = []
    for regex in (_PROGRAMME_NAME, _KOREAN_PROGRAMME):
        position = 0
        # the name regex is slow to try at every offset: look on only while a head word
        # ("Programme", "프로그램") is still ahead
        while _programme_hint().search(text, position):
            match = regex.search(text, position)
            if match is None:
                break
            position = match.end()
            name = _LEADING_DETERMINER.sub("", match.group("name")).strip()
            if regex is _PROGRAMME_NAME and not any(w in name for w in PROGRAMME_KINDS):
                continue
            found.append(ProgrammeRef(match.start("name"), match.end(), name,
                                      match.group("acronym")))
    return found


def programme_references(text: str) -> list[ProgrammeRef]:
    """Return the programmes a sentence names, in order, overlapping names merged.

    Examples
    --------
    >>> refs = programme_references(
    ...     "Unlike the 2012 programme's seven areas, the new ITPP adds space.")
    >>> [(r.name, r.acronym, r.year) for r in refs]
    [(None, None, 2012), ('Individually Tailored Partnership Programme', 'ITPP', None)]
    """
    if not _programme_hint().search(text):
        return []
    found = _named(text)
    if known_programmes():
        for match in _acronym_regex().finditer(text):
            acronym = match.group(1)
            found.append(ProgrammeRef(match.start(), match.end(),
                                      known_programmes()[acronym], acronym))
    for match in _PLAIN_REFERENCE.finditer(text):
        year = match.group("year")
        found.append(ProgrammeRef(match.start(), match.end(), None, None,
                                  int(year) if year else None))
    found.sort(key=lambda ref: (ref.start, -(ref.end - ref.start)))
    merged: list[ProgrammeRef] = []
    for ref in found:
        if merged and ref.start < merged[-1].end:
            continue
        # "the renewed ITPP", "a future tailored programme": a later programme
        later = names_successor(text[: ref.start]) or names_successor(
            text[ref.start : ref.end].rsplit(None, 1)[0] + " ")
        merged.append(replace(ref, successor=later) if later else ref)
    return merged


# --- partners -------------------------------------------------------------------


@cache
def _partner_aliases() -> tuple[tuple[str, str], ...]:
    rows = [(row["alias"], row["partner"]) for row in read_csv_rows("sectors/partners.csv")]
    return tuple(sorted(rows, key=lambda row: len(row[0]), reverse=True))


@cache
def _partner_regex() -> re.Pattern[str]:
    return _alias_regex(tuple(alias for alias, _ in _partner_aliases()))


@lru_cache(maxsize=256)
def _alias_regex(aliases: tuple[str, ...]) -> re.Pattern[str]:
    # Korean names take particles ("한국과", "일본의"), so only Latin names need a boundary
    latin = "|".join(re.escape(alias) for alias in aliases if alias.isascii()) or "(?!)"
    korean = "|".join(re.escape(alias) for alias in aliases if not alias.isascii()) or "(?!)"
    return re.compile(rf"(?<!\w)({latin})(?!\w)|({korean})")


def _partner_of(alias: str) -> str:
    return _alias_partners()[alias]


@cache
def _alias_partners() -> dict[str, str]:
    return dict(_partner_aliases())


def partner_in(text: str) -> str | None:
    """Return the partner a text names, when it names exactly one, else None.

    Examples
    --------
    >>> partner_in("NATO and Australia's ITPP")
    'Australia'
    >>> partner_in("Japan's ITPP and Australia's ITPP") is None
    True
    """
    partners = {_partner_of(m.group(m.lastindex)) for m in _partner_regex().finditer(text)}
    return partners.pop() if len(partners) == 1 else None


def _possessor(before: str) -> str | None:
    """The partner whose possessive ends ``before`` ("Japan's ", "NATO and Australia's new ")."""
    match = _POSSESSIVE.search(before)
    if match is None:
        return None
    found = list(_partner_regex().finditer(match.group("owner")))
    return _partner_of(found[-1].group(found[-1].lastindex)) if found else None


_POSSESSIVE = re.compile(r"(?P<owner>\S+)['’]s\s+(?:(?:new|own|first|latest)\s+)?$")


_OWN = re.compile(r"\b(?:its|their)\s+own\b|자체", re.IGNORECASE)


def speaks_of_another(sentence_text: str, carried: Programme) -> bool:
    """Tell whether a sentence naming no programme is about another party's areas.

    It is when it names a partner other than the carried programme's, or gives a party's
    "own" priorities ("the EU named space as its own priority").

    Examples
    --------
    >>> korea = Programme("Individually Tailored Partnership Programme", "ITPP",
    ...                   "Republic of Korea")
    >>> speaks_of_another("Japan, by contrast, stresses space.", korea)
    True
    >>> speaks_of_another("The EU named space as its own priority.", korea)
    True
    >>> speaks_of_another("Seoul wants it to add space.", korea)
    False
    """
    if _OWN.search(sentence_text):
        return True
    named = {_partner_of(m.group(m.lastindex)) for m in _partner_regex().finditer(sentence_text)}
    return bool(named - {carried.partner}) if carried.partner else False


def subject_partner(text: str) -> str | None:
    """Return the partner an article names most often (None on a tie or none).

    Examples
    --------
    >>> subject_partner("Seoul and NATO met. Korea's president spoke. Japan watched.")
    'Republic of Korea'
    """
    present = tuple(alias for alias, _ in _partner_aliases() if alias in text)
    if not present:
        return None
    counts = Counter(_partner_of(m.group(m.lastindex)) for m in _alias_regex(present).finditer(text))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


# --- the dataset -----------------------------------------------------------------


@cache
def dataset_programme(
    acronym: str | None, partner: str | None, year: int | None
) -> tuple[str, str, int | None, str, str | None] | None:
    """Return (programme_id, partner, year, name, acronym) of the one shipped programme that fits.

    The partner must be known, and the acronym or the year; a field given must match,
    a year of None matches any. When several programmes fit, None.

    Examples
    --------
    >>> dataset_programme("ITPP", "Republic of Korea", None)[:3]
    ('kor-itpp-2023', 'Republic of Korea', 2023)
    >>> dataset_programme("ITPP", None, None) is None  # whose?
    True
    >>> dataset_programme("IPCP", "Republic of Korea", None) is None  # four of them
    True
    """
    if partner is None or (acronym is None and year is None):
        return None
    fits = {
        row["programme_id"]: (row["programme_id"], row["partner"], _int(row["year"]),
                              known_programmes().get(row["acronym"], row["programme"]),
                              row["acronym"] or None)
        for row in _programme_rows()
        if (acronym is None or row["acronym"] == acronym)
        and (partner is None or row["partner"] == partner)
        and (year is None or _int(row["year"]) == year)
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def dataset_partner(acronym: str | None) -> str | None:
    """Return the partner of a programme acronym when only one partner has one, else None.

    Examples
    --------
    >>> dataset_partner("IPCP"), dataset_partner("ITPP")
    ('Republic of Korea', None)
    """
    if acronym is None:
        return None
    partners = {row["partner"] for row in _programme_rows()
                if row["acronym"] == acronym}
    return partners.pop() if len(partners) == 1 else None


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


# --- resolution -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Programme:
    """A programme as resolved for a statement: name, partner, year, dataset id."""

    name: str | None
    acronym: str | None
    partner: str | None = None
    year: int | None = None
    year_source: str | None = None
    programme_id: str | None = None
    successor: bool = False


def resolve(
    ref: ProgrammeRef,
    segment: str,
    published: dt.date | None,
    subject: str | None,
    *,
    offset: int = 0,
    carried: Programme | None = None,
) -> Programme:
    """Return the programme ``ref`` names, with the partner and year ``segment`` gives.

    ``offset`` is where ``segment`` starts in the sentence ``ref`` was found in. The partner
    is the possessor of the reference ("Japan's ITPP"), else the one ``segment`` names,
    else the article's ``subject`` partner, else
    the only partner the dataset has a programme of that acronym for. The year is the one
    the reference or segment gives (:func:`~analysis.sectors.years.text_year`), else the
    one the text gave ``carried``, the programme named in the sentences just before, when
    it is the same programme (:func:`_same_as_carried`; its partner too, when the
    segment names none), else the dataset's, when partner
    and programme identify one programme (:func:`dataset_programme`) and the reference
    does not name a later programme ("the renewed ITPP"); else None.

    Examples
    --------
    >>> [ref] = programme_references("Japan's ITPP covers 16 areas.")
    >>> resolve(ref, "Japan's ITPP covers 16 areas.", None, None)
    Programme(name='Individually Tailored Partnership Programme', acronym='ITPP', \
partner='Japan', year=2023, year_source='dataset', programme_id='jpn-itpp-2023', \
successor=False)
    >>> text = "Tokyo said the Individually Tailored Partnership Programme has 16 areas."
    >>> [ref] = programme_references(text)
    >>> resolve(ref, text, None, None).programme_id  # written out: found by its name
    'jpn-itpp-2023'
    >>> [ref] = programme_references("The renewed ITPP would cover space.")
    >>> resolve(ref, "The renewed ITPP would cover space.", None, "Japan")
    Programme(name='Individually Tailored Partnership Programme', acronym='ITPP', \
partner='Japan', year=None, year_source=None, programme_id=None, successor=True)
    """
    partner = _possessor(segment[: max(ref.start - offset, 0)]) or partner_in(segment)
    same = _same_as_carried(ref, partner, carried)
    partner = (partner or (carried.partner if same and carried else None) or subject
               or dataset_partner(acronym_of(ref.acronym, ref.name)))
    if ref.year is not None:
        year, source = ref.year, "text"
    else:
        year, source = text_year(segment, published)
    if (year is None and same and carried is not None and carried.year is not None
            and carried.year_source in TEXT_SOURCES):
        year, source = carried.year, carried.year_source
    name, acronym, programme_id = ref.name, ref.acronym, None
    # a programme written out in full ("the Individually Tailored Partnership Programme")
    # is looked up by its name's acronym, so Japan's is found as "Japan's ITPP" is
    kind = acronym_of(acronym, name)
    found = None if ref.successor else dataset_programme(kind, partner, year)
    if found is not None:
        programme_id, partner = found[0], found[1]
        if year is None and found[2] is not None:
            year, source = found[2], "dataset"
        if name is None:
            name, acronym = found[3], found[4]
    return Programme(name, acronym, partner, year, source, programme_id, ref.successor)


def _same_as_carried(ref: ProgrammeRef, partner: str | None, carried: Programme | None) -> bool:
    """Tell whether ``carried``, the programme named just before, is ``ref``'s programme.

    It is when it has the same acronym, or was only introduced ("a tailored programme"),
    both or neither are later programmes ("the renewed ITPP" is not the ITPP named
    before), and it is no other partner's.
    """
    if carried is None or carried.successor != ref.successor:
        return False
    same = carried.acronym == ref.acronym if carried.acronym else carried.name is None
    return same and (carried.partner is None or partner is None or carried.partner == partner)
