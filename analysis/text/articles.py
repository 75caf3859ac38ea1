"""Articles: the record every extractor reads, and how its fields are read.

An :class:`Article` holds the text and what is known about it. :func:`make_article`
builds one from a mapping of fields (a JSON object, a CSV row, the header of a ``.txt``
file read by :func:`parse_header`); reading files is :mod:`analysis.text.loaders`,
decoding bytes :mod:`analysis.text.decoding`, guessing the language
:mod:`analysis.text.language`.

Fields
------
Keys are case-insensitive; ``title`` (or ``headline``), ``outlet`` (``publisher``,
``source_outlet``), ``author`` (``byline``), ``published`` (``date``,
``publication_date``), ``url``, ``language`` (``lang``) and ``id`` / ``article_id``
fill the :class:`Article` fields, the body comes from ``text`` (else ``body``, else
``content``), and any other key goes to ``metadata``. Values such as "", "unknown" or
"n/a" mean unknown. Dates are ``YYYY-MM-DD``, optionally followed by a time.

Identifiers
-----------
``article_id`` is the record's ``id`` / ``article_id`` field when it has one, else the
default the loader gives: the file path relative to the input root (the folder given, or
the file's own folder for a file given directly) in POSIX form, plus ``#N`` for record N
(1-based: line of a JSONL file, data row of a CSV file, item of a JSON list).

Every offset any extractor reports indexes :attr:`Article.text` as built here (newlines
normalised to ``\\n``, Unicode NFC, control characters removed by
:func:`~analysis.text.cleaning.remove_controls`, with an
:class:`~analysis.text.cleaning.InputWarning` and their number kept in
:attr:`Article.n_control_chars`). A record whose text is empty or only whitespace is
refused: it is not an article.

Provenance
----------
:attr:`Article.source_path` is the file an article was read from as the loader saw it
(``path#N`` for record N of a JSONL, CSV or JSON-list file, or article N of a split
export), or None for an Article built in code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from analysis.errors import AnalysisError
from analysis.text.cleaning import InputWarning, remove_controls, replace_surrogates
from analysis.text.datelines import dateline_date, written_date
from analysis.text.decoding import normalise_text
from analysis.text.language import detect_language

__all__ = [
    "KNOWN_FIELDS",
    "TEXT_FIELDS",
    "UNKNOWN_VALUES",
    "Article",
    "make_article",
    "parse_date",
    "parse_header",
    "record_id",
    "text_field",
]

#: Field names (lower case) of a record and the :class:`Article` field each fills.
KNOWN_FIELDS: Mapping[str, str] = MappingProxyType({
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
})
#: Field names that hold the body, in order of preference.
TEXT_FIELDS: tuple[str, ...] = ("text", "body", "content")
#: Values of a field that mean "not known" (compared lower-cased, stripped).
UNKNOWN_VALUES = frozenset({"", "unknown", "none", "null", "n/a", "na", "-"})
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
    source_path : str or None
        The file (``path#N`` for a record) it was read from; None when built in code.
    n_control_chars : int
        Control characters removed from the text when it was read.

    Examples
    --------
    >>> a = Article(article_id="a1", text="NATO met.", metadata={"source": "hand-written"})
    >>> a.language, a.metadata["source"]
    ('en', 'hand-written')
    >>> a.metadata["x"] = 1
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
    >>> import pickle
    >>> pickle.loads(pickle.dumps(a)) == a
    True
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
    source_path: str | None = field(default=None, compare=False)
    n_control_chars: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Article.text must be str, not {type(self.text).__name__}")
        object.__setattr__(self, "metadata", _frozen_mapping(self.metadata))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle the article (for worker processes) with its metadata as a plain dict."""
        return (Article, (self.article_id, self.text, self.title, self.outlet, self.author,
                          self.published, self.url, self.language, dict(self.metadata),
                          self.source_path, self.n_control_chars))


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
    if raw.lower() in UNKNOWN_VALUES:
        return None
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", raw)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
    written = written_date(raw)  # "12 Jul. 2023, 19:23", as a site prints it
    if written is not None:
        return written
    raise AnalysisError(
        f"cannot read the date {raw!r}; write it as YYYY-MM-DD (or 'unknown')", path
    )


def _clean_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from a CSV reader
        return None
    text = replace_surrogates(str(value).strip())
    return None if text.lower() in UNKNOWN_VALUES else text


def text_field(record: Mapping[str, Any]) -> str | None:
    """Return the key holding the body: ``text``, else ``body``, else ``content`` (any case)."""
    by_name = {str(key).strip().lower(): key for key in record}
    return next((by_name[name] for name in TEXT_FIELDS if name in by_name), None)


def record_id(record: Mapping[str, Any]) -> str | None:
    """Return the id a record gives itself: its first ``id`` / ``article_id`` field, cleaned.

    None when the record has no such field or its value means unknown; the loader's
    default id applies then (:func:`make_article`).

    Examples
    --------
    >>> record_id({"ID": " ap-2 ", "text": "NATO met."}), record_id({"id": "n/a"})
    ('ap-2', None)
    >>> record_id({"text": "NATO met."}) is None
    True
    """
    for key, value in record.items():
        if KNOWN_FIELDS.get(str(key).strip().lower()) == "article_id":
            return _clean_value(value)
    return None


def make_article(
    record: Mapping[str, Any],
    default_id: str,
    path: str | os.PathLike[str] | None = None,
) -> Article:
    """Build an :class:`Article` from a mapping of fields (a JSON object, a CSV row).

    The text comes from ``text`` (or ``body`` / ``content``); known fields fill the
    Article; everything else goes to ``metadata``. Control characters are removed from
    the text (with an :class:`~analysis.text.cleaning.InputWarning` naming ``path`` and
    the count); ``path`` becomes :attr:`Article.source_path`.

    Raises
    ------
    AnalysisError
        If there is no text field, the text is empty or only whitespace, or a date cannot
        be read; its ``article_id`` is the record's own id when it has a readable one
        (:func:`record_id`).

    Examples
    --------
    >>> a = make_article({"text": "NATO met.", "published": "2023-07-11", "desk": "world"}, "x#1")
    >>> a.article_id, a.published.isoformat(), dict(a.metadata)
    ('x#1', '2023-07-11', {'desk': 'world'})
    >>> make_article({"text": "  "}, "x#2", "wire.jsonl#2")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: wire.jsonl#2: the article text is empty ...
    """
    try:
        return _article(record, default_id, path)
    except AnalysisError as exc:
        if exc.article_id is not None or (own_id := record_id(record)) is None:
            raise
        raise AnalysisError(exc.reason, exc.path, article_id=own_id) from None


def _article(
    record: Mapping[str, Any], default_id: str, path: str | os.PathLike[str] | None
) -> Article:
    text_key = text_field(record)
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
        target = KNOWN_FIELDS.get(str(key).strip().lower())
        if target is None or target in fields:
            metadata[str(key)] = value
        else:
            fields[target] = value
    text, n_controls = remove_controls(normalise_text(replace_surrogates(raw_text)))
    if not text.strip():
        raise AnalysisError(
            "the article text is empty (or only whitespace); put the article in it, or "
            "remove the record or file",
            path,
        )
    if n_controls:
        where = f"{path}: " if path is not None else ""
        warnings.warn(
            f"{where}removed {n_controls} control character(s) (NUL and the like) from the "
            "text; offsets index the cleaned text",
            InputWarning,
            stacklevel=3,  # the caller of make_article
        )
    # a file name need not be UTF-8 (os.fsdecode gives lone surrogates): U+FFFD, as in text
    article_id = record_id(record) or replace_surrogates(default_id)
    language = _clean_value(fields.get("language"))
    published = parse_date(fields.get("published"), path)
    if published is None:
        published = dateline_date(text)
        if published is not None:
            metadata["published_from"] = "dateline"
    return Article(
        article_id=article_id,
        text=text,
        title=_clean_value(fields.get("title")),
        outlet=_clean_value(fields.get("outlet")),
        author=_clean_value(fields.get("author")),
        published=published,
        url=_clean_value(fields.get("url")),
        language=language.lower() if language else detect_language(text),
        metadata=metadata,
        source_path=None if path is None else replace_surrogates(str(path)),
        n_control_chars=n_controls,
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
            if fields and any(key in KNOWN_FIELDS for key in fields):
                body = "\n".join(lines[index + 1 :])
                return fields, body.lstrip("\n")
            return {}, text
        match = _HEADER_LINE.match(line)
        if match is None:
            return {}, text
        fields[match.group(1).strip().lower()] = (match.group(2) or "").strip()
    return {}, text
