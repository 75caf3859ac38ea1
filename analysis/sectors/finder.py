"""Cooperation sectors named in a text, and statements of what a programme covers.

The taxonomy (``resources/sectors/sectors.csv``, extendable with a user CSV) gives every sector
a canonical id, a label and aliases in English and Korean. Matching rules:

* **One pass.** All aliases are compiled into one regular expression (branches grouped
  by first letter, so a corpus is scanned at several MB per second), longest alias
  first, so at any position the longest alias wins: "disarmament and
  nonproliferation" is one area, not "disarmament" plus "nonproliferation", and
  "science and technology" is not read as "technology". Every alias must start a word.
* **English** aliases match case-insensitively at word boundaries; inside an alias a
  space or hyphen matches any run of spaces and hyphens, or none ("cyber defence",
  "cyber-defence", "cyberdefence"; "counter-terrorism", "counterterrorism"), a comma
  is optional ("women, peace and security" / "women peace and security") and "and"
  also matches "&".
* **Korean** has no word boundaries, so a Korean alias matches when the character
  before it is not a letter or digit and what follows it is not Hangul or is one of the particles
  and endings listed in ``resources/text/korean_particles.txt`` (와, 를, 의, 에서 ..., and a
  few closed-up compound heads such as 센터, 작전; at most two in a row) followed by a
  non-Hangul character: "사이버방위와", "사이버방위를" match, "과학기술정보통신부"
  (a ministry) does not. Korean spacing varies, so between any two characters of a
  Korean alias one space may or may not stand ("사이버방위" = "사이버 방위"), and the
  middle dot "·" also matches "ㆍ", ",", "/" or nothing.
* **List-only aliases** (column ``list_only``: bare "cyber", "space", "resilience",
  "terrorism", 실질 협력 ...) are too ambiguous alone; they count only as an item of an
  enumeration that also holds an unambiguous sector, or of a programme's list.
* **Enumerations.** Sector matches in one sentence separated only by list punctuation
  and connectors ("A; B; and C", "from A to B", "A, B and C", "A와 B") form a chain.
* **Programme lists.** A sentence is a programme statement when it states a count of
  areas ("11 sectors", "seven areas", "16개 분야") and a programme is named (in it or
  in one of the two sentences before) or sectors are listed; or when it names a
  partnership programme (a name like "Individually Tailored Partnership Programme", or
  a known acronym such as ITPP) with a list of sectors or an area noun ("areas",
  "priorities", "분야"); or when a programme named just before is followed by a
  sentence listing sectors with an area noun. Its chains of two or more items, and single
  items introduced by a cue ("areas including", "covers", ":") are the programme's
  list; those mentions get ``context == "programme-list"``, all others ``"mention"``.

Nothing in the taxonomy matches bare "security", "information sharing" or "emerging
security threats"; a user taxonomy can add such aliases on purpose.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from analysis._resources import read_csv_rows, read_lines
from analysis.errors import AnalysisError
from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.document import Document, Sentence, as_document, as_documents

__all__ = [
    "FIND_SECTORS_COLUMNS",
    "MENTION",
    "PROGRAMME_LIST",
    "TAXONOMY_COLUMNS",
    "ProgrammeStatement",
    "Sector",
    "SectorMention",
    "Taxonomy",
    "classify_area",
    "default_taxonomy",
    "find_sector_mentions",
    "find_sectors",
    "load_taxonomy",
    "parse_programme_statements",
    "programme_statements_frame",
    "sector_mentions_frame",
    "taxonomy_frame",
]

#: Columns of :func:`find_sectors`, in order (the DESIGN contract).
FIND_SECTORS_COLUMNS: tuple[str, ...] = ("sector", "label", "start", "end", "matched", "context")
#: Columns of the taxonomy CSV (shipped and user files alike).
TAXONOMY_COLUMNS: tuple[str, ...] = (
    "id", "label", "aliases_en", "aliases_ko", "list_only", "source", "notes",
)
_REQUIRED_COLUMNS = ("id", "label")
PROGRAMME_LIST = "programme-list"
MENTION = "mention"

TextLike = str | Article | Document
ManyTexts = TextLike | Iterable[TextLike]


# ---------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class Sector:
    """One sector of the taxonomy: id, label, aliases and where they were seen."""

    id: str
    label: str
    aliases_en: tuple[str, ...] = ()
    aliases_ko: tuple[str, ...] = ()
    list_only: tuple[str, ...] = ()
    source: str = ""
    notes: str = ""

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every alias (English, Korean, list-only), the label's wording first."""
        return (*self.aliases_en, *self.aliases_ko, *self.list_only)


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The sectors a text is matched against, in display order.

    Build one with :func:`load_taxonomy` (the shipped CSV plus any user CSVs).

    Examples
    --------
    >>> taxonomy = default_taxonomy()
    >>> taxonomy.label("cyber-defence")
    'Cyber defense'
    >>> taxonomy.ids()[:2]
    ('dialogue-consultation', 'counter-terrorism')
    """

    sectors: tuple[Sector, ...]

    def ids(self) -> tuple[str, ...]:
        """Return the sector ids in order."""
        return tuple(sector.id for sector in self.sectors)

    def get(self, sector_id: str) -> Sector:
        """Return the sector with id ``sector_id`` (KeyError if there is none)."""
        for sector in self.sectors:
            if sector.id == sector_id:
                return sector
        raise KeyError(f"no sector {sector_id!r}; known: {', '.join(self.ids())}")

    def label(self, sector_id: str) -> str:
        """Return the label of ``sector_id``."""
        return self.get(sector_id).label


@dataclass(frozen=True, slots=True)
class SectorMention:
    """A sector named in a text: offsets into Article.text and the words as written.

    ``context`` is ``"programme-list"`` when the mention is an item of a programme's
    list of areas, else ``"mention"``; ``sentence`` is the sentence index.
    """

    sector: str
    label: str
    start: int
    end: int
    matched: str
    context: str
    sentence: int | None = None


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


# ---------------------------------------------------------------------------
# taxonomy loading


def _split_aliases(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(alias.strip() for alias in value.split("|") if alias.strip())


def _sector_from_row(row: dict[str, str]) -> Sector:
    return Sector(
        id=(row.get("id") or "").strip(),
        label=(row.get("label") or "").strip(),
        aliases_en=_split_aliases(row.get("aliases_en")),
        aliases_ko=_split_aliases(row.get("aliases_ko")),
        list_only=_split_aliases(row.get("list_only")),
        source=(row.get("source") or "").strip(),
        notes=(row.get("notes") or "").strip(),
    )


@cache
def default_taxonomy() -> Taxonomy:
    """Return the shipped taxonomy (``resources/sectors/sectors.csv``).

    Examples
    --------
    >>> len(default_taxonomy().sectors) >= 20
    True
    """
    return Taxonomy(tuple(_sector_from_row(row) for row in read_csv_rows("sectors/sectors.csv")))


_ID_FORMAT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _read_user_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` of a user taxonomy CSV, checking its header."""
    if not path.is_file():
        raise AnalysisError("taxonomy file not found; check the path", path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise AnalysisError("taxonomy file is not UTF-8; save it as UTF-8 CSV", path) from None
    numbered = [
        (number, line)
        for number, line in enumerate(text.splitlines(keepends=True), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not numbered:
        raise AnalysisError(
            f"taxonomy file is empty; write a header {','.join(TAXONOMY_COLUMNS)} and rows", path
        )
    reader = csv.DictReader(io.StringIO("".join(line for _, line in numbered)))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in _REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in TAXONOMY_COLUMNS]
    if missing or unknown:
        problem = f"missing column(s) {', '.join(missing)}" if missing else (
            f"unknown column(s) {', '.join(unknown)}"
        )
        raise AnalysisError(
            f"{problem}; the header must use the columns {','.join(TAXONOMY_COLUMNS)} "
            "(id and label required)",
            path,
        )
    for index, row in enumerate(reader, start=1):
        if None in row:
            raise AnalysisError(
                f"line {numbered[min(index, len(numbered) - 1)][0]}: more fields than columns; "
                "quote values that contain commas",
                path,
            )
        yield numbered[min(index, len(numbered) - 1)][0], {
            key.strip(): (value or "") for key, value in row.items()
        }


def _check_user_sector(sector: Sector, line: int, path: Path, known: set[str]) -> None:
    where = f"line {line}"
    if not sector.id:
        raise AnalysisError(f"{where}: empty id; give each row a sector id such as 'space'", path)
    if not _ID_FORMAT.match(sector.id):
        raise AnalysisError(
            f"{where}: id {sector.id!r} is not valid; use lowercase letters, digits and "
            "hyphens (e.g. 'information-sharing')",
            path,
        )
    if sector.id not in known and not sector.label:
        raise AnalysisError(f"{where}: new sector {sector.id!r} has no label; add one", path)
    if sector.id not in known and not sector.aliases:
        raise AnalysisError(
            f"{where}: new sector {sector.id!r} has no aliases; add at least one in "
            "aliases_en, aliases_ko or list_only",
            path,
        )
    for alias in sector.aliases:
        if not re.search(r"\w", alias):
            raise AnalysisError(
                f"{where}: alias {alias!r} has no letters; remove it or write a word", path
            )


def _merge(base: Sector, extra: Sector) -> Sector:
    def joined(a: str, b: str) -> str:
        return "; ".join(part for part in (a, b) if part)

    return Sector(
        id=base.id,
        label=extra.label or base.label,
        aliases_en=tuple(dict.fromkeys((*base.aliases_en, *extra.aliases_en))),
        aliases_ko=tuple(dict.fromkeys((*base.aliases_ko, *extra.aliases_ko))),
        list_only=tuple(dict.fromkeys((*base.list_only, *extra.list_only))),
        source=joined(base.source, extra.source),
        notes=joined(base.notes, extra.notes),
    )


def _without_aliases(sector: Sector, taken: set[str]) -> Sector:
    def keep(aliases: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(a for a in aliases if _alias_key(a) not in taken)

    return Sector(
        sector.id, sector.label, keep(sector.aliases_en), keep(sector.aliases_ko),
        keep(sector.list_only), sector.source, sector.notes,
    )


def _extend(taxonomy: Taxonomy, path: Path) -> Taxonomy:
    sectors = {sector.id: sector for sector in taxonomy.sectors}
    owner: dict[str, tuple[str, int]] = {}
    user: dict[str, Sector] = {}
    for line, row in _read_user_rows(path):
        sector = _sector_from_row(row)
        _check_user_sector(sector, line, path, set(sectors) | set(user))
        if sector.id in user:
            raise AnalysisError(
                f"line {line}: sector {sector.id!r} appears twice in this file; merge the rows",
                path,
            )
        for alias in sector.aliases:
            key = _alias_key(alias)
            if key in owner and owner[key][0] != sector.id:
                other, other_line = owner[key]
                raise AnalysisError(
                    f"line {line}: alias {alias!r} is also given to {other!r} on line "
                    f"{other_line}; keep it in one row",
                    path,
                )
            owner[key] = (sector.id, line)
        user[sector.id] = sector
    taken = set(owner)
    merged: dict[str, Sector] = {}
    for sector_id, sector in sectors.items():  # user aliases move to the user's sector
        base = _without_aliases(sector, {k for k in taken if owner[k][0] != sector_id})
        merged[sector_id] = _merge(base, user[sector_id]) if sector_id in user else base
    for sector_id, sector in user.items():
        if sector_id not in merged:
            merged[sector_id] = sector
    return Taxonomy(tuple(merged.values()))


def load_taxonomy(
    *extra: str | os.PathLike[str],
) -> Taxonomy:
    """Return the shipped taxonomy extended by user CSV files.

    A user CSV has the columns of the shipped one (:data:`TAXONOMY_COLUMNS`; ``id`` and
    ``label`` required, the others optional, ``|`` between aliases). A row with a new id
    adds a sector (label and at least one alias required); a row with a known id adds
    aliases to it (and replaces its label when one is given). An alias the user gives
    to one sector is taken away from any other sector that had it.

    Raises
    ------
    AnalysisError
        When a file is missing or malformed; the message names the file, the line and
        the fix.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
    >>> _ = path.write_text("id,label,aliases_en\\ninformation-sharing,Information sharing,"
    ...                     "information sharing\\n", encoding="utf-8")
    >>> load_taxonomy(path).label("information-sharing")
    'Information sharing'
    """
    taxonomy = default_taxonomy()
    for path in extra:
        taxonomy = _extend(taxonomy, Path(path))
    return taxonomy


def _resolve_taxonomy(taxonomy: object) -> Taxonomy:
    if taxonomy is None:
        return default_taxonomy()
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    if isinstance(taxonomy, str | os.PathLike):
        return load_taxonomy(taxonomy)
    if isinstance(taxonomy, Sequence):
        return load_taxonomy(*taxonomy)
    raise TypeError(f"taxonomy must be a Taxonomy or CSV path(s), not {type(taxonomy).__name__}")


def taxonomy_frame(taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """Return the taxonomy as a table (aliases ``|``-joined).

    Examples
    --------
    >>> taxonomy_frame().loc[0, ["id", "label"]].tolist()
    ['dialogue-consultation', 'Dialogue and consultation']
    """
    taxonomy = taxonomy or default_taxonomy()
    rows = [
        {
            "id": s.id,
            "label": s.label,
            "aliases_en": "|".join(s.aliases_en),
            "aliases_ko": "|".join(s.aliases_ko),
            "list_only": "|".join(s.list_only),
            "source": s.source,
            "notes": s.notes,
        }
        for s in taxonomy.sectors
    ]
    return conform(rows, "sector_taxonomy")


# ---------------------------------------------------------------------------
# alias patterns and the compiled matcher

_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"
_HAS_HANGUL = re.compile(f"[{_HANGUL}]")
_EN_JOIN = r"[\s\-‐‑–]*"
_KO_DOT = r"\s*[·ㆍ・,/]?\s*"


def _alias_key(alias: str) -> str:
    """Return the form two aliases share when they match the same words."""
    return re.sub(r"[\s\-‐‑–,·ㆍ・/]+", "", alias.casefold()).replace("&", "and")


def _english_pattern(alias: str) -> str:
    tokens = re.sub(r"[-‐‑–]", " ", alias).replace(",", " , ").replace("&", " and ").split()
    parts: list[str] = []
    previous_word = False
    for token in tokens:
        if token == ",":
            parts.append(r"\s*,?\s*")
            previous_word = False
            continue
        if previous_word:
            parts.append(_EN_JOIN)
        parts.append("(?:and|&)" if token.lower() == "and" else re.escape(token))
        previous_word = True
    return r"(?<!\w)" + "".join(parts) + r"(?!\w)"


@cache
def _korean_ending() -> str:
    particles = sorted(read_lines("text/korean_particles.txt"), key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in particles)
    return rf"(?=(?:{alternatives}){{0,2}}(?![{_HANGUL}]))"  # e.g. 센터 + 를


def _korean_pattern(alias: str) -> str:
    parts: list[str] = []
    for char in re.sub(r"\s+", "", alias):
        if char in "·ㆍ・/":
            parts.append(_KO_DOT)
            continue
        if parts and parts[-1] != _KO_DOT:
            parts.append(r"\s?")  # Korean spacing varies: 사이버방위 / 사이버 방위
        parts.append(re.escape(char))
    return rf"(?<![{_HANGUL}])" + "".join(parts) + _korean_ending()


def _alias_pattern(alias: str) -> str:
    return _korean_pattern(alias) if _HAS_HANGUL.search(alias) else _english_pattern(alias)


@dataclass(frozen=True, slots=True)
class _Alias:
    text: str
    sector: str
    list_only: bool


@dataclass(frozen=True)
class _Matcher:
    regex: re.Pattern[str]
    aliases: tuple[_Alias, ...]  # group i + 1 matched aliases[i]
    labels: dict[str, str] = field(hash=False)


def _n_parts(alias: _Alias) -> int:
    return len(re.split(r"[\s\-‐‑–,·ㆍ・/]+", alias.text.strip()))


@cache
def _matcher(taxonomy: Taxonomy) -> _Matcher:
    """Compile every alias of ``taxonomy`` into one regex, longest alias first.

    Every alias must start a word (no letter or digit before it, in any script), so a
    Korean alias after Latin letters or digits does not match either.
    """
    by_key: dict[str, _Alias] = {}

    def add(alias: _Alias) -> None:
        # aliases that differ only in spacing share a key; keep the most spaced form,
        # whose pattern also matches the closed-up one ("cyber security" ~ "cybersecurity")
        key = _alias_key(alias.text)
        kept = by_key.get(key)
        if kept is None or (kept.list_only == alias.list_only and _n_parts(alias) > _n_parts(kept)):
            by_key[key] = alias

    for sector in taxonomy.sectors:
        for alias in (*sector.aliases_en, *sector.aliases_ko):
            add(_Alias(alias, sector.id, False))
        for alias in sector.list_only:
            add(_Alias(alias, sector.id, True))
    ordered = sorted(by_key.values(), key=lambda a: (-len(_alias_key(a.text)), a.text))
    groups: dict[str, list[_Alias]] = {}
    for alias in ordered:  # branches grouped by first letter: a fast dispatch, same order
        groups.setdefault(alias.text[0].casefold(), []).append(alias)
    aliases = tuple(alias for group in groups.values() for alias in group)
    branches = [
        f"(?={re.escape(first)})(?:"
        + "|".join(f"({_alias_pattern(alias.text)})" for alias in group)
        + ")"
        for first, group in groups.items()
    ]
    pattern = r"(?<!\w)(?:" + "|".join(branches) + ")" if branches else r"(?!x)x"
    regex = re.compile(pattern, re.IGNORECASE)
    labels = {sector.id: sector.label for sector in taxonomy.sectors}
    return _Matcher(regex, aliases, labels)


# ---------------------------------------------------------------------------
# cue words: connectors, area nouns, list cues, numbers


@dataclass(frozen=True, slots=True)
class _Cues:
    connectors: frozenset[str]
    area_nouns: frozenset[str]
    list_cues: frozenset[str]
    numbers: tuple[tuple[str, int], ...]

    @property
    def joiners(self) -> frozenset[str]:
        """Words that may stand between two items of a list."""
        return self.connectors | self.list_cues


@cache
def _cues() -> _Cues:
    kinds: dict[str, set[str]] = {"connector": set(), "area_noun": set(), "list_cue": set()}
    numbers: list[tuple[str, int]] = []
    for row in read_csv_rows("sectors/sector_cues.csv"):
        if row["kind"] == "number":
            numbers.append((row["word"], int(row["value"])))
        else:
            kinds[row["kind"]].update(row["word"].casefold().split())
    return _Cues(
        frozenset(kinds["connector"]),
        frozenset(kinds["area_noun"]),
        frozenset(kinds["list_cue"]),
        tuple(numbers),
    )


_GAP_TOKEN = re.compile(r"\w+|[^\w\s]")
_GAP_PUNCTUATION = frozenset(",;:·ㆍ、/&()–—-")
_MAX_GAP = 60


def _is_list_gap(gap: str) -> bool:
    """Tell whether ``gap`` (text between two sector matches) only joins list items."""
    if len(gap) > _MAX_GAP:
        return False
    joiners = _joiners()
    return all(
        token in _GAP_PUNCTUATION or token.casefold() in joiners
        for token in _GAP_TOKEN.findall(gap)
    )


@cache
def _joiners() -> frozenset[str]:
    return _cues().joiners


@cache
def _count_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word, _ in _cues().numbers)
    nouns = "|".join(sorted((n for n in _cues().area_nouns if n.isascii()), key=len, reverse=True))
    korean = "|".join(n for n in _cues().area_nouns if not n.isascii())
    return re.compile(
        rf"(?<!\w)(?P<n>\d{{1,2}}|{words})\s+(?:[a-z-]+\s+)?(?:{nouns})(?!\w)"
        rf"|(?<!\d)(?P<k>\d{{1,2}})\s*개\s*(?:협력\s*)?(?:{korean})",
        re.IGNORECASE,
    )


def _stated_count(sentence_text: str) -> int | None:
    """Return the count of areas a sentence states ("11 sectors", "seven areas"), or None."""
    match = _count_regex().search(sentence_text)
    if match is None:
        return None
    value = match.group("n") or match.group("k")
    if value.isdigit():
        return int(value)
    return dict((w.casefold(), n) for w, n in _cues().numbers)[value.casefold()]


# ---------------------------------------------------------------------------
# programme names


_PROGRAMME_NAME = re.compile(
    r"(?P<name>(?:[A-Z][\w’'\-]*\s+(?:(?:and|for|of|on)\s+)?){1,6}(?:Programme|Program|Plan))"
    r"(?:\s*\((?P<acronym>[A-Z][A-Za-z]{1,7})\))?"
)
_KOREAN_PROGRAMME = re.compile(
    r"(?P<name>(?:개별\s*)?(?:맞춤형\s*)?(?:파트너십|동반자)\s*(?:협력\s*)?프로그램)"
    r"(?:\s*\((?P<acronym>[A-Z]{2,8})\))?"
)
_LEADING_DETERMINER = re.compile(r"^(?:The|An|A|Its|Their|This|That|New)\s+")
_NAME_WORDS = ("Partnership", "Cooperation", "Action")


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
            if regex is _PROGRAMME_NAME and not any(w in name for w in _NAME_WORDS):
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
    words = ["Program", "Plan", "프로그램", *_known_programmes()]
    return re.compile("|".join(re.escape(word) for word in words))


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")


# ---------------------------------------------------------------------------
# analysis of one document


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    alias: _Alias


def _raw_matches(text: str, sentence: Sentence, matcher: _Matcher) -> list[_Raw]:
    return [
        _Raw(m.start(), m.end(), matcher.aliases[m.lastindex - 1])
        for m in matcher.regex.finditer(text, sentence.start, sentence.end)
        if m.lastindex
    ]


def _chains(text: str, raws: list[_Raw]) -> list[list[_Raw]]:
    chains: list[list[_Raw]] = []
    for raw in raws:
        if chains and _is_list_gap(text[chains[-1][-1].end : raw.start]):
            chains[-1].append(raw)
        else:
            chains.append([raw])
    return chains


def _is_cued(prefix: str) -> bool:
    """Tell whether the words just before a chain introduce a list of areas."""
    cues = _cues()
    stoppers = cues.connectors | cues.list_cues | cues.area_nouns
    tokens = _GAP_TOKEN.findall(prefix)
    for token in reversed(tokens):
        word = token.casefold()
        if word in cues.list_cues or word in cues.area_nouns:
            return True
        if not (word in stoppers or token in _GAP_PUNCTUATION or word.isdigit()):
            return False
    return False


@dataclass(frozen=True, slots=True)
class _SentenceResult:
    mentions: tuple[SectorMention, ...]
    statement: ProgrammeStatement | None
    programme: tuple[str | None, str | None]


def _has_area_noun(sentence_text: str) -> bool:
    return any(w.casefold() in _cues().area_nouns for w in _GAP_TOKEN.findall(sentence_text))


def _analyse_sentence(
    doc: Document,
    sentence: Sentence,
    matcher: _Matcher,
    carried: tuple[str | None, str | None],
) -> _SentenceResult:
    text = doc.text
    sentence_text = sentence.slice(text)
    chains = _chains(text, _raw_matches(text, sentence, matcher))
    count = _stated_count(sentence_text)
    name, acronym = _programme_in(sentence_text)
    has_list = any(len(chain) >= 2 for chain in chains)
    programme_named = name is not None or carried[0] is not None
    is_statement = (
        (count is not None and (programme_named or has_list))
        or (name is not None and (has_list or _has_area_noun(sentence_text)))
        or (carried[0] is not None and has_list and _has_area_noun(sentence_text))
    )
    mentions: list[SectorMention] = []
    for chain in chains:
        listed = is_statement and (
            len(chain) >= 2 or _is_cued(text[sentence.start : chain[0].start])
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
    return _SentenceResult(tuple(mentions), statement, (name, acronym))


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


_CARRY_SENTENCES = 2


def _analyse(doc: Document, taxonomy: Taxonomy) -> Iterator[_SentenceResult]:
    matcher = _matcher(taxonomy)
    carried: tuple[str | None, str | None] = (None, None)
    carried_at = -10
    for sentence in doc.sentences:
        if sentence.index - carried_at > _CARRY_SENTENCES:
            carried = (None, None)
        result = _analyse_sentence(doc, sentence, matcher, carried)
        yield result
        if result.programme[0] is not None:
            carried, carried_at = result.programme, sentence.index


# ---------------------------------------------------------------------------
# public extractors


def find_sector_mentions(
    source: TextLike,
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
    overrides: str | os.PathLike[str] | Sequence[Any] | None = None,
) -> list[SectorMention]:
    """Return the sectors named in a text, as records in text order.

    Parameters
    ----------
    source : str, Article or Document
    taxonomy : Taxonomy or path to a user CSV, optional
        Defaults to the shipped taxonomy; a path extends it (see :func:`load_taxonomy`).
    overrides : path, sequence of Override, or None
        Researcher corrections (:mod:`analysis.actors.overrides`) with ``what`` = ``sectors``,
        matched on the mention's ``start``: e.g. field ``sector`` to re-map a mention
        (its label follows), ``context`` to fix the context, or ``drop`` = ``true``.

    Examples
    --------
    >>> text = "The ITPP covers 11 areas including cyber defence, space and public diplomacy."
    >>> [(m.sector, m.context) for m in find_sector_mentions(text)]
    [('cyber-defence', 'programme-list'), ('space', 'programme-list'), ('public-diplomacy', 'programme-list')]
    """
    doc = as_document(source)
    resolved = _resolve_taxonomy(taxonomy)
    mentions = [m for result in _analyse(doc, resolved) for m in result.mentions]
    corrections = _load_overrides(overrides)
    if corrections:
        mentions = _apply_overrides(mentions, corrections, doc.article_id, resolved)
    return mentions


def _load_overrides(overrides: object) -> tuple[Any, ...]:
    if overrides is None:
        return ()
    from analysis.actors.overrides import load_overrides

    if isinstance(overrides, str | os.PathLike):
        return tuple(load_overrides(overrides))
    return tuple(overrides)  # type: ignore[call-overload]


def _apply_overrides(
    mentions: list[SectorMention], overrides: tuple[Any, ...], article_id: str, taxonomy: Taxonomy
) -> list[SectorMention]:
    from analysis.actors.overrides import apply_overrides

    before = {m.start: m.sector for m in mentions}
    mentions = apply_overrides(mentions, overrides, article_id=article_id, what="sectors")
    labels = {sector.id: sector.label for sector in taxonomy.sectors}
    return [
        replace(m, label=labels.get(m.sector, m.sector))
        if before.get(m.start) != m.sector else m
        for m in mentions
    ]


def find_sectors(
    source: TextLike,
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
    overrides: str | os.PathLike[str] | Sequence[Any] | None = None,
) -> pd.DataFrame:
    """Return the sectors named in a text: one row per mention, with offsets.

    Columns, in order: ``sector`` (canonical id), ``label``, ``start``, ``end``
    (offsets into the text), ``matched`` (the words as written) and ``context``
    (``"programme-list"`` for an item of a programme's list of areas, else
    ``"mention"``). See the module docs for the matching rules; ``taxonomy`` and
    ``overrides`` are as in :func:`find_sector_mentions`.

    Examples
    --------
    >>> text = ("NATO and Korea agreed to cooperate on disarmament and nonproliferation, "
    ...         "cybersecurity and climate change. Security is global.")
    >>> find_sectors(text)[["sector", "matched"]].values.tolist()
    [['disarmament-nonproliferation', 'disarmament and nonproliferation'],
     ['cyber-defence', 'cybersecurity'], ['climate-security', 'climate change']]
    >>> find_sectors("한국과 나토는 사이버방위와 신흥기술 협력을 강화한다.")["sector"].tolist()
    ['cyber-defence', 'emerging-technologies']
    """
    frame = sector_mentions_frame(as_document(source), taxonomy, overrides)
    return frame.loc[:, list(FIND_SECTORS_COLUMNS)]


def sector_mentions_frame(
    articles: ManyTexts,
    taxonomy: Taxonomy | str | os.PathLike[str] | None = None,
    overrides: str | os.PathLike[str] | Sequence[Any] | None = None,
) -> pd.DataFrame:
    """Return the ``sectors`` table: one row per sector mention, keyed by article_id.

    Examples
    --------
    >>> frame = sector_mentions_frame(["Cyber defence matters.", "Nothing here."])
    >>> frame[["article_id", "sentence", "sector"]].values.tolist()
    [['text', 0, 'cyber-defence']]
    """
    resolved = _resolve_taxonomy(taxonomy)
    corrections = _load_overrides(overrides)
    rows = []
    for doc in as_documents(articles):
        for mention in find_sector_mentions(doc, resolved, corrections or None):
            rows.append(
                {
                    "article_id": doc.article_id,
                    "sentence": mention.sentence,
                    "sector": mention.sector,
                    "label": mention.label,
                    "start": mention.start,
                    "end": mention.end,
                    "matched": mention.matched,
                    "context": mention.context,
                }
            )
    return conform(rows, "sectors")


def parse_programme_statements(
    source: TextLike, taxonomy: Taxonomy | str | os.PathLike[str] | None = None
) -> list[ProgrammeStatement]:
    """Return the sentences that say what a partnership programme covers.

    Each statement gives the programme (name and acronym; when the sentence names
    none, the programme named in one of the two sentences before), the count of areas
    the text states, the sectors it lists, and a year (stated in the sentence, else the
    article's publication year). ``fewer_listed`` flags a list shorter than the count.

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
    doc = as_document(source)
    return [
        result.statement
        for result in _analyse(doc, _resolve_taxonomy(taxonomy))
        if result.statement is not None
    ]


def programme_statements_frame(
    articles: ManyTexts, taxonomy: Taxonomy | str | os.PathLike[str] | None = None
) -> pd.DataFrame:
    """Return the ``programme_statements`` table: one row per statement.

    Examples
    --------
    >>> frame = programme_statements_frame("The IPCP covered seven sectors in 2012.")
    >>> frame[["acronym", "stated_count", "n_listed", "year", "fewer_listed"]].values.tolist()
    [['IPCP', 7, 0, 2012, True]]
    """
    resolved = _resolve_taxonomy(taxonomy)
    rows = []
    for doc in as_documents(articles):
        for statement in parse_programme_statements(doc, resolved):
            rows.append(
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
            )
    return conform(rows, "programme_statements")


def classify_area(
    wording: str, taxonomy: Taxonomy | str | os.PathLike[str] | None = None
) -> str | None:
    """Return the sector id of one area's wording (as a programme publishes it), or None.

    The wording is read as an item of a programme's list, so list-only aliases count
    ("space", "cyber"). None when no sector, or more than one, matches.

    Examples
    --------
    >>> classify_area("space"), classify_area("dialogue on women peace and security")
    ('space', 'women-peace-security')
    >>> classify_area("information sharing") is None
    True
    """
    matcher = _matcher(_resolve_taxonomy(taxonomy))
    sectors = {
        matcher.aliases[m.lastindex - 1].sector
        for m in matcher.regex.finditer(wording)
        if m.lastindex
    }
    return sectors.pop() if len(sectors) == 1 else None

