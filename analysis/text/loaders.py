"""Loaders: read articles from files and folders.

Supported inputs
----------------
``.txt``
    The article body, optionally preceded by a header block of ``key: value`` lines
    and a blank line (optionally fenced by ``---`` lines); see
    :func:`~analysis.text.articles.parse_header`. The known keys fill the
    :class:`~analysis.text.articles.Article` fields, any other key goes to ``metadata``.
    A header is only recognised when every line of the block has the ``key: value`` form
    and at least one key is a known field, so an article that opens with "Note: ..." is
    not swallowed. A LexisNexis or Factiva export (many articles, each ended by an
    ``End of Document`` or ``Document <ID>`` line) is split into its articles, ids
    ``file.txt#1``, ``#2``, ... (:mod:`analysis.text.exports`).
``.html``, ``.htm``, ``.xhtml``
    A saved web page: its main text, title, author, date and address are read by
    trafilatura (:mod:`analysis.text.html_input`). A file of any other name whose
    content is an HTML page is read the same way.
``.json``
    One object, or a list of objects, each with a ``text`` field.
``.jsonl``
    One object per line, each with a ``text`` field. Blank lines are skipped.
``.csv``
    A ``text`` column; the known fields are read from their columns and every other
    column goes to ``metadata``. Fields of any length; broken quoting is reported per
    row (:mod:`analysis.text.csv_input`).
folders
    Every file below the folder, in sorted path order. A file of any other type
    (``.pdf``, ``.md``, ``.tsv``, ``.docx``, ...) is not read but reported as an
    error with what to do (``on_error`` of :func:`load_corpus`), so nothing is skipped
    unseen; hidden files and folders (names starting with ``.``) are skipped silently.

Before a file is read as news, its first bytes are sniffed
(:func:`~analysis.text.sniffing.sniff`): PDFs, images, archives, programs and other
binary data are refused with what to do, UTF-16 without a byte order mark is decoded as
such. Empty files and files of whitespace are refused; so are records with an empty
text. Control characters are removed from the text (:mod:`analysis.text.cleaning`), an
article longer than :data:`~analysis.text.exports.LONG_TEXT_CHARS` characters is read
whole with an :class:`~analysis.text.cleaning.InputWarning` naming its size.

Identifiers are built as :mod:`analysis.text.articles` describes; bytes are decoded by
:func:`~analysis.text.decoding.decode_bytes`. JSONL files are read line by line, so their
size does not matter.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError, DuplicateArticleId
from analysis.text.articles import Article, make_article, parse_header
from analysis.text.cleaning import InputWarning
from analysis.text.csv_input import csv_records
from analysis.text.decoding import decode_bytes
from analysis.text.exports import LONG_TEXT_CHARS, split_export
from analysis.text.json_input import json_records, jsonl_records
from analysis.text.sniffing import (
    HTML_SUFFIXES,
    SNIFF_BYTES,
    check_binary_blocks,
    looks_like_html,
    sniff,
    unsupported_reason,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "iter_article_files",
    "iter_folder_files",
    "load_article",
    "load_corpus",
]

#: The file types :func:`load_article` and :func:`load_corpus` read.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".json", ".jsonl", ".csv", *HTML_SUFFIXES)
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")

Numbered = tuple[int | None, dict[str, Any] | AnalysisError]

#: What a second article under an id already read is told (the errors table's message).
DUPLICATE_ID_MESSAGE = (
    "an earlier article has this id (the articles table of a corpus run, or that "
    "Article's source_path, says where it came from); give every article its own id "
    "(this one is left out)"
)


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


def _check_regular_file(path: Path) -> None:
    """Refuse a broken link, a named pipe, a socket or a device before reading it.

    Reading a named pipe (FIFO) would wait for a writer for ever; a broken link has
    nothing to read. A missing path is left to the reader ("file not found").

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> link = pathlib.Path(tempfile.mkdtemp()) / "gone.txt"
    >>> os.symlink(link.parent / "nowhere.txt", link)
    >>> _check_regular_file(link)
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: ...gone.txt: a link to .../nowhere.txt, which does not exist; fix or remove the link
    """
    if path.is_file() or not (path.exists() or path.is_symlink()):
        return
    if path.is_symlink() and not path.exists():
        raise AnalysisError(f"a link to {os.readlink(path)}, which does not exist; fix or "
                            "remove the link", path)
    if path.is_dir():
        return  # the reader says it is a folder
    kind = "a named pipe (FIFO)" if path.is_fifo() else (
        "a socket" if path.is_socket() else "a device or other special file")
    raise AnalysisError(f"{kind}, not a file; reading it could wait for ever, so it is not "
                        "read: remove it from the input", path)


def _empty(path: Path) -> AnalysisError:
    return AnalysisError("the file is empty (0 bytes); put the article in it, or remove it", path)


def _read_text(data: bytes, path: Path, html_suffix: bool) -> tuple[str, bool]:
    """Sniff and decode a whole file; return its text and whether it is an HTML page."""
    if not data:
        raise _empty(path)
    sniffed = sniff(data[:SNIFF_BYTES], path, html_suffix=html_suffix)
    if sniffed.encoding is None:  # UTF-16 holds NULs as text
        check_binary_blocks(data, path)
    text = decode_bytes(data, path, encoding=sniffed.encoding)
    if not text.strip():
        raise AnalysisError(
            f"the file holds only whitespace ({len(data)} bytes); put the article in it, or "
            "remove it",
            path,
        )
    html = sniffed.html or (sniffed.encoding is not None
                            and looks_like_html(text[:SNIFF_BYTES].encode("utf-8")))
    return text, html


def _warn_if_long(article: Article) -> Article:
    if len(article.text) > LONG_TEXT_CHARS:
        warnings.warn(
            f"{article.source_path}: a long article ({len(article.text):,} characters), read "
            "whole; if it holds several articles, split it into files (LexisNexis and "
            "Factiva exports are split on their own)",
            InputWarning,
            stacklevel=4,
        )
    return article


def _txt_articles(text: str, base_id: str, path: Path) -> Iterator[Article]:
    """Yield the article of a ``.txt`` text, or each article of an export it holds."""
    fields, body = parse_header(text)
    export = split_export(body)
    if export is None:
        yield _warn_if_long(make_article({**fields, "text": body}, base_id, path))
        return
    count = len(export.texts)
    warnings.warn(
        f"{path}: a {export.format} export of {count} articles ({len(body):,} characters); "
        f"read as {base_id}#1 to {base_id}#{count}",
        InputWarning,
        stacklevel=3,
    )
    shared = {key: value for key, value in fields.items() if key not in ("id", "article_id")}
    for number, piece in enumerate(export.texts, start=1):
        yield _warn_if_long(make_article({**shared, "text": piece}, f"{base_id}#{number}",
                                         f"{path}#{number}"))


def _jsonl_lines(path: Path) -> Iterator[str]:
    """Yield the decoded lines of a JSONL file, reading it line by line.

    The first :data:`~analysis.text.sniffing.SNIFF_BYTES` are sniffed. JSONL is UTF-8 by
    definition, so each line is decoded on its own (a line that is not strict UTF-8 goes
    through :func:`decode_bytes`, with its byte offset); a file with a UTF-16/32 BOM, or
    UTF-16 without one, is read whole. Memory stays flat however large the file.
    """
    try:
        handle = path.open("rb")
    except OSError:
        yield from decode_bytes(_read_bytes(path), path).split("\n")  # raises the right error
        return
    with handle:
        head = handle.read(SNIFF_BYTES)
        if not head:
            raise _empty(path)
        encoding = None
        if not head.startswith(_UTF16_32_BOMS):
            encoding = sniff(head, path).encoding
            if encoding is None:
                bom = 3 if head.startswith(b"\xef\xbb\xbf") else 0
                yield from _utf8_lines(handle, bom, path)
                return
        yield from decode_bytes(head + handle.read(), path, encoding=encoding).split("\n")


def _utf8_lines(handle: Any, start: int, path: Path) -> Iterator[str]:
    handle.seek(start)
    offset = start
    for raw in handle:
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield decode_bytes(raw, path, offset=offset)
        offset += len(raw)


def _file_records(path: Path, suffix: str, base_id: str) -> Iterator[Article | Numbered]:
    """Yield the articles of a whole-text file, or its numbered records."""
    if suffix == ".jsonl":
        yield from jsonl_records(_jsonl_lines(path), path)
        return
    text, html = _read_text(_read_bytes(path), path, html_suffix=suffix in HTML_SUFFIXES)
    if html:
        from analysis.text.html_input import html_record

        yield _warn_if_long(make_article(html_record(text, path), base_id, path))
    elif suffix == ".txt":
        yield from _txt_articles(text, base_id, path)
    elif suffix == ".json":
        yield from json_records(text, path)
    else:
        yield from csv_records(text, path)


def _iter_file_articles(
    path: Path, root: Path, on_error: Callable[[AnalysisError], None] | None
) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise AnalysisError(unsupported_reason(suffix, SUPPORTED_SUFFIXES), path)
    _check_regular_file(path)
    base_id = _relative_id(path, root)
    for item in _file_records(path, suffix, base_id):
        if isinstance(item, Article):
            yield item
            continue
        number, record = item
        default_id = base_id if number is None else f"{base_id}#{number}"
        try:
            if isinstance(record, AnalysisError):
                raise _at_record(record, path, number)
            yield _warn_if_long(make_article(record, default_id,
                                             f"{path}#{number}" if number else path))
        except AnalysisError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _at_record(error: AnalysisError, path: Path, number: int | None) -> AnalysisError:
    """Return ``error`` with its path naming the record (``file#N``), as article ids do."""
    if number is None or error.path != str(path):
        return error
    return AnalysisError(error.reason, f"{path}#{number}", article_id=error.article_id)


def iter_folder_files(
    folder: str | os.PathLike[str], exclude: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[Path]:
    """Yield every file below ``folder`` in sorted order, skipping hidden ones.

    Files and folders whose names start with ``.`` are skipped, and so are the folders
    in ``exclude`` (e.g. a corpus run's own output folder inside its input) and
    everything below them. :func:`load_corpus` reads every file this yields, and lists
    the ones it cannot read as errors.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "b.txt").write_text("B."), (root / "notes.md").write_text("skip")
    >>> _ = (root / ".hidden.txt").write_text("H.")
    >>> [p.name for p in iter_folder_files(root)]
    ['b.txt', 'notes.md']
    """
    root = Path(folder)
    skipped = {Path(path).resolve() for path in exclude}
    for dirpath, dirnames, filenames in os.walk(root):
        if skipped and Path(dirpath).resolve() in skipped:
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def iter_article_files(
    folder: str | os.PathLike[str], exclude: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[Path]:
    """Yield every supported file below ``folder`` (:func:`iter_folder_files`, filtered).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "b.txt").write_text("B."), (root / "a.jsonl").write_text("")
    >>> _ = (root / "notes.md").write_text("skip")
    >>> [p.name for p in iter_article_files(root)]
    ['a.jsonl', 'b.txt']
    """
    for path in iter_folder_files(folder, exclude):
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path


def load_article(path: str | os.PathLike[str]) -> Article:
    """Read one article from a ``.txt``, ``.html``, ``.json``, ``.jsonl`` or ``.csv`` file.

    Parameters
    ----------
    path : str or os.PathLike
        A file holding exactly one article.

    Raises
    ------
    AnalysisError
        If the file is missing, unreadable, not text (a PDF, an image, binary data),
        empty, malformed, or holds more or fewer than one article (use
        :func:`load_corpus` for those).

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
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Article]:
    """Lazily yield every article in the given files and folders.

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders, in the order given; folders are walked in sorted order.
    on_error : callable, optional
        Called with the :class:`AnalysisError` of each file or record that is not
        read (a file of a type not read, binary data, an empty file, a malformed
        record, an article whose id an earlier one has: a
        :class:`~analysis.errors.DuplicateArticleId`), which is then skipped, as every
        command skips it. Without it, the first problem raises: pass
        ``on_error=problems.append`` (a list) to read a whole folder of which a file
        may be bad, then look at ``problems``.
    exclude : iterable of paths, optional
        Folders whose files are never read (a corpus run's output folder).

    Yields
    ------
    Article
        One per record, read only when the iterator reaches it. The iterator is used up
        by one pass (a second ``for`` over it yields nothing): pass the paths again, or
        keep ``list(load_corpus(...))`` for a corpus that fits in memory.

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

    A second article under an id already read is a problem too, and is left out:

    >>> _ = (root / "wire2.jsonl").write_text('{"id": "ap-2", "text": "Another text."}\\n')
    >>> problems = []
    >>> [a.article_id for a in load_corpus(root, on_error=problems.append)]
    ['wire.jsonl#1', 'ap-2']
    >>> [(type(p).__name__, p.article_id) for p in problems][-1]
    ('DuplicateArticleId', 'ap-2')
    """
    seen: set[bytes] = set()  # 8-byte digests of the ids read: flat memory for millions
    for article in _load_all(paths, on_error, exclude):
        digest = hashlib.blake2b(article.article_id.encode("utf-8", "surrogatepass"),
                                 digest_size=8).digest()
        if digest in seen:
            error = DuplicateArticleId(DUPLICATE_ID_MESSAGE, article.source_path or
                                       article.article_id.split("#", 1)[0],
                                       article_id=article.article_id)
            if on_error is None:
                raise error
            on_error(error)
            continue
        seen.add(digest)
        yield article


def _read_before(file_path: Path, read_files: set[Path]) -> bool:
    """Tell whether ``file_path`` was read already by this call, warning when it was."""
    try:
        key = file_path.resolve()
    except OSError:  # a broken link or a loop: read it, and let reading say what is wrong
        return False
    if key in read_files:
        warnings.warn(f"{file_path}: given twice (also through an earlier input); read once",
                      InputWarning, stacklevel=3)
        return True
    read_files.add(key)
    return False


def _load_all(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    on_error: Callable[[AnalysisError], None] | None,
    exclude: Iterable[str | os.PathLike[str]],
) -> Iterator[Article]:
    """Yield every article of ``paths`` (ids not yet checked), as :func:`load_corpus` says."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    exclude = [Path(path) for path in exclude]
    read_files: set[Path] = set()  # a file given twice (itself and in its folder): read once
    for given in paths:
        given_path = Path(given)
        if given_path.is_dir():
            files: Iterable[Path] = iter_folder_files(given_path, exclude)
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
            if _read_before(file_path, read_files):
                continue
            try:
                yield from _iter_file_articles(file_path, root, on_error)
            except AnalysisError as exc:
                if on_error is None:
                    raise
                on_error(exc)
