"""Markdown for notebooks: article text escaped, templates filled, doc sections read.

Article ids, titles and text come from the researcher's files and may hold anything:
``*``, ``_``, ``[link](...)``, ``<script>``, ``$`` (which Jupyter renders as maths).
They reach a notebook's Markdown only through :func:`escape_markdown`, most often by
:func:`format_markdown`, which escapes every value it fills in. The result is a
:class:`MarkdownText`: a ``str`` that Jupyter shows as Markdown.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from analysis.errors import AnalysisError

__all__ = [
    "MARKDOWN_SPECIAL",
    "MarkdownText",
    "escape_markdown",
    "format_markdown",
    "markdown_if",
    "read_markdown_section",
]

#: Characters with a meaning in Markdown anywhere in a line (emphasis, code, links,
#: tables, strikethrough, and ``$`` for Jupyter's maths): each is escaped with a backslash.
MARKDOWN_SPECIAL = frozenset("\\`*_{}[]()|~$")
#: What makes a line a heading, list item, quote or setext underline when it starts it
#: (after spaces): its first character is escaped.
LINE_START = re.compile(r"^(\s*)([-+#>=]|\d+[.)])")
#: HTML's special characters in text, replaced by entities (HTML in Markdown is
#: rendered; without ``<`` no tag can open, so quote marks stay as written).
HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


class MarkdownText(str):
    """A string Jupyter displays as Markdown (and prints as itself).

    Examples
    --------
    >>> MarkdownText("**bold**")._repr_markdown_()
    '**bold**'
    """

    __slots__ = ()

    def _repr_markdown_(self) -> str:
        return str(self)


def escape_markdown(text: object, *, inline: bool = True) -> str:
    """Return ``text`` safe to put in Markdown: shown as written, never as markup or HTML.

    HTML's special characters become entities (``<script>`` shows as text), every
    character of :data:`MARKDOWN_SPECIAL` is backslash-escaped, and so is what would
    make a line a heading, list item or quote (:data:`LINE_START`). With ``inline``
    (the default) line breaks become spaces, so a value cannot start a line of its own.

    Parameters
    ----------
    text : object
        Converted with ``str``; None gives "".
    inline : bool
        Fold line breaks into spaces (default True).

    Examples
    --------
    >>> escape_markdown("<script>alert(1)</script>")
    '&lt;script&gt;alert\\\\(1\\\\)&lt;/script&gt;'
    >>> escape_markdown("*not bold* [no](link) $x$")
    '\\\\*not bold\\\\* \\\\[no\\\\]\\\\(link\\\\) \\\\$x\\\\$'
    >>> escape_markdown("title\\n# not a heading")
    'title # not a heading'
    >>> escape_markdown("- not a list, 1. not either")
    '\\\\- not a list, 1. not either'
    >>> escape_markdown("one\\n2. two", inline=False)
    'one\\n2\\\\. two'
    >>> escape_markdown(None)
    ''
    """
    if text is None:
        return ""
    value = str(text)
    if inline:
        value = re.sub(r"\s*[\r\n]+\s*", " ", value)
    return "\n".join(_escape_line(line) for line in value.split("\n"))


def _escape_line(line: str) -> str:
    start = LINE_START.match(line)
    marker = len(start.group(0)) - 1 if start else -1  # the character that starts markup
    out = []
    for position, char in enumerate(line):
        if char in HTML_ENTITIES:
            out.append(HTML_ENTITIES[char])
        elif char in MARKDOWN_SPECIAL or position == marker:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def format_markdown(template: str, **values: object) -> MarkdownText:
    """Fill ``{name}`` fields of a Markdown ``template`` with escaped ``values``.

    The template is the notebook author's Markdown (kept as written); every value is
    passed through :func:`escape_markdown`, so an article's id or title cannot add
    markup. Integers are written with thousands separators.

    Raises
    ------
    KeyError
        For a field with no value.

    Examples
    --------
    >>> format_markdown("**{article}** names **{n}** areas.", article="a_b*.txt", n=5)
    '**a\\\\_b\\\\*.txt** names **5** areas.'
    >>> format_markdown("{n} rows", n=12345)
    '12,345 rows'
    """
    def fill(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}"
        return escape_markdown(value)

    return MarkdownText(_FIELD.sub(fill, template))


def markdown_if(condition: bool, template: str, **values: object) -> MarkdownText:
    """Return :func:`format_markdown` of ``template`` when ``condition`` holds, else "".

    For prose that is true of one input only (the seed article, the illustrative
    corpus): the notebook shows it for that input and nothing for any other.

    Examples
    --------
    >>> markdown_if(True, "The corpus has **{n}** articles.", n=8)
    'The corpus has **8** articles.'
    >>> markdown_if(False, "The corpus has **{n}** articles.", n=8)
    ''
    """
    return format_markdown(template, **values) if condition else MarkdownText("")


def read_markdown_section(
    path: str | os.PathLike[str], heading: str, *, missing_ok: bool = False
) -> MarkdownText:
    """Return the section of a Markdown file that starts with ``heading``, to its end.

    The section runs from the heading line (``## Target sentiment``, matched by its
    text, at any level) to the next heading of the same or a higher level.

    Parameters
    ----------
    path : path
        A Markdown file, e.g. ``docs/evaluation.md``.
    heading : str
        The heading's text without the ``#`` marks, e.g. "Target sentiment (NewsMTSC)";
        a heading that starts with it matches too ("Target sentiment").
    missing_ok : bool
        For a missing file, return a note saying so instead of raising (the docs are
        not installed with the package, only in a checkout).

    Raises
    ------
    AnalysisError
        When the file is missing (unless ``missing_ok``) or has no such heading (the
        message lists its headings).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> doc = pathlib.Path(tempfile.mkdtemp()) / "doc.md"
    >>> _ = doc.write_text("# Doc\\n## A\\none\\n### A.1\\ntwo\\n## B\\nthree\\n")
    >>> print(read_markdown_section(doc, "A"))
    ## A
    one
    ### A.1
    two
    >>> read_markdown_section(doc, "C")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: .../doc.md: no section 'C'; its headings: Doc, A, A.1, B
    """
    source = Path(path)
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        if missing_ok:
            return format_markdown("*{path} is not here (it ships with the project's "
                                   "repository, not with the package).*", path=str(source))
        raise AnalysisError("file not found", source) from None
    headings = [(i, len(m.group(1)), m.group(2).strip())
                for i, line in enumerate(lines) if (m := re.match(r"(#{1,6})\s+(.*)", line))]
    for position, (index, level, text) in enumerate(headings):
        if text == heading or text.startswith(heading):
            end = next((i for i, lv, _ in headings[position + 1:] if lv <= level), len(lines))
            return MarkdownText("\n".join(lines[index:end]).rstrip())
    names = ", ".join(text for _, _, text in headings)
    raise AnalysisError(f"no section {heading!r}; its headings: {names}", source)
