"""JSON input: records of ``.json`` and ``.jsonl`` files, nesting bounded.

Python's ``json`` parser recurses once per level of nesting, so a file of 100,000 ``[``
raises RecursionError and would stop a corpus run. Before parsing, a text that could
nest deeper than :data:`MAX_JSON_DEPTH` (it holds at least that many ``[`` and ``{``) is
scanned once, strings skipped, and refused with an :class:`~analysis.errors.AnalysisError`
when it does: the whole ``.json`` file, or the one line of a ``.jsonl`` file (the other
lines are read). An article record is an object of a few fields; no real one nests
deeper than a handful of levels.

A text that is not valid JSON is refused with the place (line and column) and what is
wrong there in words (:func:`describe_json_error`): "a string (text in double quotes)
starts here and is not closed", not the parser's "Invalid control character at". A
``.jsonl`` line is parsed without its line ending, so a line cut off inside a string is
reported as the unclosed string it is.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from analysis.errors import AnalysisError

__all__ = [
    "JSON_PROBLEMS",
    "MAX_JSON_DEPTH",
    "describe_json_error",
    "json_depth",
    "json_records",
    "jsonl_records",
]

#: Deepest nesting of arrays and objects a JSON text may have.
MAX_JSON_DEPTH = 100
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)

Numbered = tuple[int | None, dict[str, Any] | AnalysisError]

#: What each message of Python's JSON parser means, in words a researcher can act on
#: (keyed by the start of :attr:`json.JSONDecodeError.msg`, which names the position only
#: as "at"). A message not listed is given as the parser says it.
JSON_PROBLEMS: dict[str, str] = {
    "Unterminated string": "a string (text in double quotes) starts here and is not closed; "
                           "the record may be cut off, or a quote mark inside the text is "
                           "not written as \\\"",
    "Invalid control character": "a line break, tab or other control character inside a "
                                 "string; write it as \\n or \\t, or close the string "
                                 "before it",
    "Invalid \\uXXXX escape": "a \\u escape without four hexadecimal digits",
    "Invalid \\escape": "a backslash that starts no valid escape; write a backslash in a "
                        "string as \\\\",
    "Expecting property name": "a field name in double quotes was expected (a comma after "
                               "the last field, or a name without quotes)",
    "Expecting ':' delimiter": "a colon (:) was expected after the field name",
    "Expecting ',' delimiter": "a comma was expected between two fields or items",
    "Expecting value": "a value (text in double quotes, a number, true, false, null, an "
                       "object or a list) was expected, and the text ends or holds "
                       "something else",
    "Extra data": "more text after the end of the JSON value: a .jsonl line holds one "
                  "object, a .json file one object or one list",
}


def describe_json_error(exc: json.JSONDecodeError, *, with_line: bool = True) -> str:
    """Return where ``exc`` happened (``at line L, column C``) and what is wrong there, in words.

    ``with_line=False`` gives the column alone (a ``.jsonl`` record is one line).

    Examples
    --------
    >>> try:
    ...     json.loads('{"text": "cut off')
    ... except json.JSONDecodeError as exc:
    ...     print(describe_json_error(exc, with_line=False)[:76])
    at column 10: a string (text in double quotes) starts here and is not closed
    """
    meaning = next((text for start, text in JSON_PROBLEMS.items() if exc.msg.startswith(start)),
                   exc.msg)
    place = f"at line {exc.lineno}, column {exc.colno}" if with_line else f"at column {exc.colno}"
    return f"{place}: {meaning}"


def json_depth(text: str, limit: int = MAX_JSON_DEPTH) -> int:
    """Return the deepest nesting of arrays and objects in ``text`` (stops past ``limit``).

    Brackets inside strings do not count. A text with fewer than ``limit`` brackets
    cannot nest deeper and is not scanned (its bracket count is returned as a bound).

    Examples
    --------
    >>> json_depth('{"text": "[[[not nesting]]]", "tags": [["a"]]}', limit=2)
    3
    >>> json_depth("[" * 100_000, limit=100)
    101
    """
    bound = text.count("[") + text.count("{")
    if bound <= limit:
        return bound
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif token in "]}":
            depth -= 1
    return deepest


def _parse(text: str, path: str | os.PathLike[str] | None, where: str) -> Any:
    """Parse one JSON text, refusing one nested deeper than :data:`MAX_JSON_DEPTH`."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise AnalysisError(
            f"{where}nests arrays or objects more than {MAX_JSON_DEPTH} levels deep, which no "
            "article record does; fix or remove it",
            path,
        )
    try:
        return json.loads(text)
    except RecursionError:  # the depth check is a bound; keep the promise if it is passed
        raise AnalysisError(f"{where}nests too deeply to read; fix or remove it", path) from None


def json_records(text: str, path: str | os.PathLike[str] | None = None) -> Iterator[Numbered]:
    """Yield ``(item number or None, object)`` of a ``.json`` file: one object or a list.

    Examples
    --------
    >>> list(json_records('[{"text": "A."}, {"text": "B."}]'))
    [(1, {'text': 'A.'}), (2, {'text': 'B.'})]
    """
    try:
        data = _parse(text, path, "the file ")
    except json.JSONDecodeError as exc:
        raise AnalysisError(
            f"not valid JSON {describe_json_error(exc)}; fix the file or save one article "
            "per line as .jsonl",
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


def jsonl_records(
    lines: Iterable[str], path: str | os.PathLike[str] | None = None
) -> Iterator[Numbered]:
    """Yield ``(line number, object or the error of that line)`` of a ``.jsonl`` file.

    Blank lines are skipped; a file without any record yields one error.

    Examples
    --------
    >>> [(n, type(r).__name__) for n, r in jsonl_records(['{"text": "A."}', "", "[" * 500])]
    [(1, 'dict'), (3, 'AnalysisError')]
    """
    seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen = True
        try:
            item = _parse(line.rstrip("\r\n"), path, f"line {number} ")
        except json.JSONDecodeError as exc:
            yield number, AnalysisError(
                f"line {number} is not valid JSON {describe_json_error(exc, with_line=False)}; "
                "fix or remove that line", path
            )
            continue
        except AnalysisError as exc:
            yield number, exc
            continue
        if not isinstance(item, dict):
            yield number, AnalysisError(
                f"line {number} is a {type(item).__name__}, not an object with a 'text' field", path
            )
            continue
        yield number, item
    if not seen:
        yield None, AnalysisError(
            "holds no records (only blank lines); put one JSON object per line, or remove it",
            path,
        )
