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
    not swallowed.
``.json``
    One object, or a list of objects, each with a ``text`` field.
``.jsonl``
    One object per line, each with a ``text`` field. Blank lines are skipped.
``.csv``
    A ``text`` column; the known fields are read from their columns and every other
    column goes to ``metadata``.
folders
    Every supported file below the folder, in sorted path order; hidden files and
    folders (names starting with ``.``) are skipped.

Identifiers are built as :mod:`analysis.text.articles` describes; bytes are decoded by
:func:`~analysis.text.decoding.decode_bytes`. JSONL files are read line by line, so their
size does not matter.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError
from analysis.text.articles import Article, make_article, parse_header, text_field
from analysis.text.decoding import decode_bytes

__all__ = ["SUPPORTED_SUFFIXES", "iter_article_files", "load_article", "load_corpus"]

#: The file types :func:`load_article` and :func:`load_corpus` read.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".json", ".jsonl", ".csv")


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
    if text_field(dict.fromkeys(n for n in names if n)) is None:
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


def iter_article_files(
    folder: str | os.PathLike[str], exclude: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[Path]:
    """Yield every supported file below ``folder`` in sorted order, skipping hidden ones.

    Folders in ``exclude`` (e.g. a corpus run's own output folder inside its input) and
    everything below them are skipped.

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
    skipped = {Path(path).resolve() for path in exclude}
    for dirpath, dirnames, filenames in os.walk(root):
        if skipped and Path(dirpath).resolve() in skipped:
            dirnames[:] = []
            continue
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
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Article]:
    """Lazily yield every article in the given files and folders.

    Parameters
    ----------
    paths : path or iterable of paths
        Files and folders, in the order given; folders are walked in sorted order.
    on_error : callable, optional
        Called with the :class:`AnalysisError` of each unreadable file or record,
        which is then skipped. Without it, the first problem raises.
    exclude : iterable of paths, optional
        Folders whose files are never read (a corpus run's output folder).

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
    exclude = [Path(path) for path in exclude]
    for given in paths:
        given_path = Path(given)
        if given_path.is_dir():
            files: Iterable[Path] = iter_article_files(given_path, exclude)
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
