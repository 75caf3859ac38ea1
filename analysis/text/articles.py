"""Articles and the loaders that read them from files.

Supported inputs
----------------
``.txt``
    The article body, optionally preceded by a header block of ``key: value`` lines
    and a blank line (optionally fenced by ``---`` lines). Keys are case-insensitive;
    ``title``, ``outlet``, ``author``, ``published`` (or ``date``), ``url``,
    ``language`` and ``id`` fill the :class:`Article` fields, any other key goes to
    ``metadata``. A header is only recognised when every line of the block has the
    ``key: value`` form and at least one key is a known field, so an article that
    opens with "Note: ..." is not swallowed.
``.json``
    One object, or a list of objects, each with a ``text`` field.
``.jsonl``
    One object per line, each with a ``text`` field. Blank lines are skipped.
``.csv``
    A ``text`` column; the known fields above are read from their columns and every
    other column goes to ``metadata``.
folders
    Every supported file below the folder, in sorted path order; hidden files and
    folders (names starting with ``.``) are skipped.

Identifiers
-----------
``article_id`` is the record's ``id`` / ``article_id`` field when it has one, else the
file path relative to the input root (the folder given, or the file's own folder for a
file given directly) in POSIX form, plus ``#N`` for record N (1-based: line of a JSONL
file, data row of a CSV file, item of a JSON list).

Text
----
Bytes are decoded as UTF-8 (with or without BOM), UTF-16/32 with a BOM, then as
Korean (cp949 / EUC-KR) when they decode as such into common Hangul, then by the
charset detector (charset-normalizer) for other scripts (Cyrillic, Japanese, ...);
Western text that is none of these is read as cp1252 with a :class:`UnicodeWarning`
naming the file. Newlines are normalised to ``\\n`` and the text to Unicode NFC;
every offset any extractor reports indexes :attr:`Article.text` as returned here.
JSONL files are read line by line, so their size does not matter.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from analysis._resources import read_csv_rows
from analysis.errors import AnalysisError

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Article",
    "decode_bytes",
    "detect_language",
    "iter_article_files",
    "load_article",
    "load_corpus",
    "make_article",
    "parse_date",
    "parse_header",
]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".json", ".jsonl", ".csv")
_KNOWN_FIELDS = {
    "id": "article_id",
    "article_id": "article_id",
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "publisher": "outlet",
    "source_outlet": "outlet",
    "author": "author",
    "byline": "author",
    "published": "published",
    "date": "published",
    "publication_date": "published",
    "url": "url",
    "language": "language",
    "lang": "language",
}
_TEXT_FIELDS = ("text", "body", "content")
_UNKNOWN_VALUES = {"", "unknown", "none", "null", "n/a", "na", "-"}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]{0,39}):(?:[ \t]+(.*))?$")
_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _frozen_mapping(values: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return _EMPTY if not values else MappingProxyType(dict(values))


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its text and what is known about it.

    Parameters
    ----------
    article_id : str
        Stable identifier (see the module docs for how loaders build it).
    text : str
        The body; every offset reported by an extractor indexes this string.
    title, outlet, author, url : str or None
        Bibliographic fields, ``None`` when unknown.
    published : datetime.date or None
        Publication date, ``None`` when unknown.
    language : str
        ISO 639-1 code ("en", "ko", ...) or "und" when undetermined.
    metadata : Mapping
        Read-only mapping of anything else (extra columns, a source note).

    Examples
    --------
    >>> a = Article(article_id="a1", text="NATO met.", metadata={"source": "hand-written"})
    >>> a.language, a.metadata["source"]
    ('en', 'hand-written')
    >>> a.metadata["x"] = 1
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
    """

    article_id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str = "en"
    metadata: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Article.text must be str, not {type(self.text).__name__}")
        object.__setattr__(self, "metadata", _frozen_mapping(self.metadata))


# ---------------------------------------------------------------------------
# decoding


def decode_bytes(data: bytes, path: str | os.PathLike[str] | None = None) -> str:
    """Decode file bytes to text, normalising newlines and Unicode (NFC).

    Order: UTF-8 (BOM or not), UTF-16/32 with a BOM, Korean cp949 / EUC-KR, the
    charset detector for non-Latin scripts, else cp1252 with a :class:`UnicodeWarning`.

    Examples
    --------
    >>> decode_bytes("Korea\\r\\nNATO".encode("utf-8-sig"))
    'Korea\\nNATO'
    >>> decode_bytes("한국과 나토는 협력을 강화하기로 했다.".encode("cp949"))
    '한국과 나토는 협력을 강화하기로 했다.'
    """
    return _normalise_text(_decode(data, path))


def _decode(data: bytes, path: str | os.PathLike[str] | None) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    detected = _detect_legacy(data)
    if detected is not None:
        return detected
    where = f"{path}: " if path is not None else ""
    warnings.warn(
        f"{where}not UTF-8 and no other encoding recognised; read as cp1252 (Windows "
        "Western). Save the file as UTF-8 if accented letters look wrong.",
        UnicodeWarning,
        stacklevel=3,
    )
    return data.decode("cp1252", errors="replace")


def _detect_legacy(data: bytes) -> str | None:
    """Decode non-UTF-8 bytes: Korean first, then charset-normalizer for other scripts.

    Returns None for Western (Latin-script) text, which the caller reads as cp1252.
    """
    korean = _decode_korean(data)
    if korean is not None:
        return korean
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.encoding in {"utf_8", "ascii"}:
        return None
    candidate = str(best)
    return None if _mostly_latin(candidate) else candidate


def _decode_korean(data: bytes) -> str | None:
    """Decode cp949 / EUC-KR bytes, or return None if they are not Korean text.

    A strict cp949 decode of Western bytes fails on almost any accented letter
    followed by a space or punctuation; when it succeeds by chance it yields rare
    extension syllables, while real Korean text is overwhelmingly made of the KS X
    1001 (EUC-KR) repertoire, both of whose bytes are 0xA1 or above.
    """
    try:
        candidate = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in candidate if ord(ch) > 0x7F]
    if not wide or not any(_is_hangul(ch) for ch in wide):
        return None
    common = sum(1 for ch in wide if min(ch.encode("cp949")) >= 0xA1)
    return candidate if common / len(wide) >= 0.8 else None


def _mostly_latin(text: str) -> bool:
    """Tell whether the non-ASCII letters of ``text`` are mostly Latin-script ones."""
    letters = [ch for ch in text if ord(ch) > 0x7F and ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if ord(ch) <= 0x024F)
    return latin / len(letters) >= 0.5


def _normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------
# language


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def _is_kana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff"


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"




@cache
def _function_words() -> tuple[frozenset[str], frozenset[str]]:
    """English function words, and those of languages often confused with English."""
    english: set[str] = set()
    other: set[str] = set()
    for row in read_csv_rows("text/function_words.csv"):
        (english if row["language"] == "en" else other).add(row["word"])
    return frozenset(english), frozenset(other - english)


_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, sample_chars: int = 5000) -> str:
    """Guess the language cheaply from letters and function words.

    Returns "ko" when Hangul makes up at least a fifth of the letters, "ja" for kana,
    "zh" for Han characters, "en" when English function words among the
    words of Latin-script text outnumber those of other languages, else "und"
    (undetermined). Only the first ``sample_chars`` characters are
    read, so the cost does not grow with article length.

    Examples
    --------
    >>> detect_language("The president said the alliance would grow.")
    'en'
    >>> detect_language("윤석열 대통령은 나토와 협력을 강화하기로 했다.")
    'ko'
    >>> detect_language("Le président a dit que l'alliance allait croître.")
    'und'
    """
    sample = text[:sample_chars]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return "und"
    hangul = sum(1 for ch in letters if _is_hangul(ch))
    kana = sum(1 for ch in letters if _is_kana(ch))
    han = sum(1 for ch in letters if _is_cjk(ch))
    total = len(letters)
    if hangul / total >= 0.2:
        return "ko"
    if kana / total >= 0.1:
        return "ja"
    if han / total >= 0.3:
        return "zh"
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "und"
    english_words, other_words = _function_words()
    english = sum(1 for w in words if w in english_words)
    other = sum(1 for w in words if w in other_words)
    return "und" if other > english else "en"


# ---------------------------------------------------------------------------
# fields


def parse_date(value: Any, path: str | os.PathLike[str] | None = None) -> dt.date | None:
    """Parse an ISO date (``YYYY-MM-DD``, optionally with a time) or return None if unknown.

    Examples
    --------
    >>> parse_date("2023-07-11")
    datetime.date(2023, 7, 11)
    >>> parse_date("2023-07-11T09:30:00Z")
    datetime.date(2023, 7, 11)
    >>> parse_date("unknown") is None
    True
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    if raw.lower() in _UNKNOWN_VALUES:
        return None
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", raw)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    raise AnalysisError(
        f"cannot read the date {raw!r}; write it as YYYY-MM-DD (or 'unknown')", path
    )


def _clean_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from a CSV reader
        return None
    text = str(value).strip()
    return None if text.lower() in _UNKNOWN_VALUES else text


def _text_key(record: Mapping[str, Any]) -> str | None:
    """Return the key holding the body: ``text``, else ``body``, else ``content`` (any case)."""
    by_name = {str(key).strip().lower(): key for key in record}
    return next((by_name[name] for name in _TEXT_FIELDS if name in by_name), None)


def make_article(
    record: Mapping[str, Any],
    default_id: str,
    path: str | os.PathLike[str] | None = None,
) -> Article:
    """Build an :class:`Article` from a mapping of fields (a JSON object, a CSV row).

    The text comes from ``text`` (or ``body`` / ``content``); known fields fill the
    Article; everything else goes to ``metadata``.

    Examples
    --------
    >>> a = make_article({"text": "NATO met.", "published": "2023-07-11", "desk": "world"}, "x#1")
    >>> a.article_id, a.published.isoformat(), dict(a.metadata)
    ('x#1', '2023-07-11', {'desk': 'world'})
    """
    text_key = _text_key(record)
    if text_key is None:
        raise AnalysisError(
            "no 'text' field in the record; name the article body 'text'", path
        )
    raw_text = record[text_key]
    if not isinstance(raw_text, str):
        if raw_text is None or (isinstance(raw_text, float) and raw_text != raw_text):
            raw_text = ""
        else:
            raise AnalysisError(
                f"the 'text' field is a {type(raw_text).__name__}, not a string; "
                "put the article body there as text",
                path,
            )
    fields: dict[str, Any] = {}
    metadata: dict[str, Any] = {}
    for key, value in record.items():
        if key == text_key:
            continue
        target = _KNOWN_FIELDS.get(str(key).strip().lower())
        if target is None or target in fields:
            metadata[str(key)] = value
        else:
            fields[target] = value
    text = _normalise_text(raw_text)
    article_id = _clean_value(fields.get("article_id")) or default_id
    language = _clean_value(fields.get("language"))
    return Article(
        article_id=article_id,
        text=text,
        title=_clean_value(fields.get("title")),
        outlet=_clean_value(fields.get("outlet")),
        author=_clean_value(fields.get("author")),
        published=parse_date(fields.get("published"), path),
        url=_clean_value(fields.get("url")),
        language=language.lower() if language else detect_language(text),
        metadata=metadata,
    )


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split an optional ``key: value`` header block from the body of a ``.txt`` file.

    Returns the header fields (keys lower-cased) and the body. A text without a header
    comes back unchanged with an empty dict.

    Examples
    --------
    >>> fields, body = parse_header("outlet: Korea JoongAng Daily\\ntitle: unknown\\n\\nYoon met.")
    >>> fields, body
    ({'outlet': 'Korea JoongAng Daily', 'title': 'unknown'}, 'Yoon met.')
    >>> parse_header("Note: this is the body.\\n\\nMore.")[0]
    {}
    """
    lines = text.split("\n")
    fenced = bool(lines) and lines[0].strip() == "---"
    start = 1 if fenced else 0
    fields: dict[str, str] = {}
    for index in range(start, len(lines)):
        line = lines[index]
        end_of_block = (line.strip() == "---") if fenced else (line.strip() == "")
        if end_of_block:
            if fields and any(key in _KNOWN_FIELDS for key in fields):
                body = "\n".join(lines[index + 1 :])
                return fields, body.lstrip("\n")
            return {}, text
        match = _HEADER_LINE.match(line)
        if match is None:
            return {}, text
        fields[match.group(1).strip().lower()] = (match.group(2) or "").strip()
    return {}, text


# ---------------------------------------------------------------------------
# files


def _relative_id(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise AnalysisError("file not found; check the path", path) from None
    except IsADirectoryError:
        raise AnalysisError("is a folder; use load_corpus for folders", path) from None
    except OSError as exc:
        raise AnalysisError(f"cannot read the file ({exc.strerror}); check its permissions", path) from None


def _records_from_txt(text: str) -> Iterator[dict[str, Any]]:
    fields, body = parse_header(text)
    yield {**fields, "text": body}


def _records_from_json(text: str, path: Path) -> Iterator[tuple[int | None, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnalysisError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); fix the file "
            "or save one article per line as .jsonl",
            path,
        ) from None
    if isinstance(data, dict):
        yield None, data
        return
    if isinstance(data, list):
        for number, item in enumerate(data, start=1):
            if not isinstance(item, dict):
                raise AnalysisError(
                    f"item {number} is a {type(item).__name__}, not an object with a 'text' field",
                    path,
                )
            yield number, item
        return
    raise AnalysisError("JSON must hold an object or a list of objects with a 'text' field", path)


def _jsonl_lines(path: Path) -> Iterator[str]:
    """Yield the decoded lines of a JSONL file, reading it line by line.

    JSONL is UTF-8 by definition, so each line is decoded on its own (a line that is
    not UTF-8 goes through :func:`decode_bytes`); a file with a UTF-16/32 BOM is read
    whole. Memory stays flat however large the file.
    """
    try:
        handle = path.open("rb")
    except OSError:
        yield from decode_bytes(_read_bytes(path), path).split("\n")  # raises the right error
        return
    with handle:
        head = handle.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            yield from decode_bytes(head + handle.read(), path).split("\n")
            return
        handle.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        for raw in handle:
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                yield decode_bytes(raw, path)


def _records_from_jsonl(
    lines: Iterable[str], path: Path
) -> Iterator[tuple[int, dict[str, Any] | AnalysisError]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, AnalysisError(
                f"line {number} is not valid JSON ({exc.msg}); fix or remove that line", path
            )
            continue
        if not isinstance(item, dict):
            yield number, AnalysisError(
                f"line {number} is a {type(item).__name__}, not an object with a 'text' field", path
            )
            continue
        yield number, item


def _records_from_csv(text: str, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise AnalysisError(f"cannot read the CSV header row ({exc}); check its quoting", path) from None
    if fieldnames is None:
        raise AnalysisError("the CSV file is empty; add a header row with a 'text' column", path)
    names = [name.strip() if name else name for name in fieldnames]
    if _text_key(dict.fromkeys(n for n in names if n)) is None:
        raise AnalysisError(
            f"no 'text' column (columns: {', '.join(n for n in names if n)}); "
            "name the column that holds the article body 'text'",
            path,
        )
    reader.fieldnames = names
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            row.pop(None, None)  # cells beyond the header
            yield number, row
    except csv.Error as exc:
        raise AnalysisError(
            f"cannot read CSV row {number + 1} ({exc}); check its quoting, or save the "
            "articles as .jsonl",
            path,
        ) from None


def _iter_file_articles(
    path: Path, root: Path, on_error: Callable[[AnalysisError], None] | None
) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise AnalysisError(
            f"unsupported file type {suffix or '(none)'}; use one of {', '.join(SUPPORTED_SUFFIXES)}",
            path,
        )
    base_id = _relative_id(path, root)
    numbered: Iterable[tuple[int | None, dict[str, Any] | AnalysisError]]
    if suffix == ".jsonl":
        numbered = _records_from_jsonl(_jsonl_lines(path), path)
    else:
        text = decode_bytes(_read_bytes(path), path)
        if suffix == ".txt":
            for record in _records_from_txt(text):
                yield make_article(record, base_id, path)
            return
        if suffix == ".json":
            numbered = _records_from_json(text, path)
        else:
            numbered = _records_from_csv(text, path)
    for number, record in numbered:
        default_id = base_id if number is None else f"{base_id}#{number}"
        try:
            if isinstance(record, AnalysisError):
                raise record
            yield make_article(record, default_id, f"{path}#{number}" if number else path)
        except AnalysisError as exc:
            if on_error is None:
                raise
            on_error(exc)


def iter_article_files(folder: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield every supported file below ``folder`` in sorted order, skipping hidden ones.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "b.txt").write_text("B."), (root / "a.jsonl").write_text("")
    >>> _ = (root / "notes.md").write_text("skip")
    >>> [p.name for p in iter_article_files(root)]
    ['a.jsonl', 'b.txt']
    """
    root = Path(folder)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield Path(dirpath) / name


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read one article from a ``.txt``, ``.json``, ``.jsonl`` or ``.csv`` file.

    Parameters
    ----------
    path : str or os.PathLike
        A file holding exactly one article.

    Raises
    ------
    AnalysisError
        If the file is missing, unreadable, malformed, or holds more or fewer than one
        article (use :func:`load_corpus` for those).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "seed.txt"
    >>> _ = p.write_text("outlet: Korea JoongAng Daily\\npublished: 2023-07-11\\n\\nYoon met Stoltenberg.")
    >>> a = load_article(p)
    >>> a.article_id, a.outlet, a.published.isoformat(), a.text
    ('seed.txt', 'Korea JoongAng Daily', '2023-07-11', 'Yoon met Stoltenberg.')
    """
    file_path = Path(path)
    if file_path.is_dir():
        raise AnalysisError("is a folder; use load_corpus() to read every article in it", file_path)
    articles = list(_iter_file_articles(file_path, file_path.parent, on_error=None))
    if len(articles) != 1:
        raise AnalysisError(
            f"holds {len(articles)} articles, not one; use load_corpus() to read them all",
            file_path,
        )
    return articles[0]


def load_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    on_error: Callable[[AnalysisError], None] | None = None,
) -> Iterator[Article]:
    """Lazily yield every article in the given files and folders.

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders, in the order given; folders are walked in sorted order.
    on_error : callable, optional
        Called with the :class:`AnalysisError` of each unreadable file or record,
        which is then skipped. Without it, the first problem raises.

    Yields
    ------
    Article
        One per record, read only when the iterator reaches it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "wire.jsonl").write_text('{"text": "One."}\\n{"id": "ap-2", "text": "Two."}\\n')
    >>> _ = (root / "bad.json").write_text("{oops")
    >>> problems = []
    >>> [a.article_id for a in load_corpus(root, on_error=problems.append)]
    ['wire.jsonl#1', 'ap-2']
    >>> len(problems)
    1
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for given in paths:
        given_path = Path(given)
        if given_path.is_dir():
            files: Iterable[Path] = iter_article_files(given_path)
            root = given_path
        elif given_path.exists():
            files = [given_path]
            root = given_path.parent
        else:
            error = AnalysisError("no such file or folder; check the path", given_path)
            if on_error is None:
                raise error
            on_error(error)
            continue
        for file_path in files:
            try:
                yield from _iter_file_articles(file_path, root, on_error)
            except AnalysisError as exc:
                if on_error is None:
                    raise
                on_error(exc)
