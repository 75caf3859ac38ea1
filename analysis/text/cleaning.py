"""Cleaning on read: control characters out of an article's text, with a count.

NUL and the other C0 and C1 control characters (U+0000-U+001F, U+007F-U+009F) are not
text a reader sees; copied into the tables they break spreadsheets and terminals, and
left in the text they would shift offsets away from what the user sees. When an article
is read (:func:`analysis.text.articles.make_article`), :func:`remove_controls` removes
them, except tab and newline; vertical tab, form feed and NEL (U+0085), which mark line
or page breaks, become newlines (same length, so no offset moves). The loader warns
with an :class:`InputWarning` naming the file and the count, and the count is kept on
:attr:`analysis.text.articles.Article.n_control_chars`.
"""

from __future__ import annotations

import re

__all__ = ["InputWarning", "remove_controls", "replace_surrogates"]

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Lone UTF-16 surrogates: a Python string can hold them (a JSON "\\ud800" escape), but
#: no file can be written with them, so they become U+FFFD (same length, no offset moves).
_SURROGATES = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n"})


class InputWarning(UserWarning):
    """An input was read, but not quite as it stood (cleaned, split, or very long)."""


def remove_controls(text: str) -> tuple[str, int]:
    """Return ``text`` without control characters, and how many were removed.

    Tab and newline stay; vertical tab, form feed and NEL become newlines (not counted).

    Examples
    --------
    >>> remove_controls("NATO\\x00 met\\x1b.\\fPage 2")
    ('NATO met.\\nPage 2', 2)
    >>> remove_controls("Clean text.\\n")
    ('Clean text.\\n', 0)
    """
    if _CONTROLS.search(text) is None:
        return text, 0
    text = text.translate(_LINE_BREAKS)
    cleaned, count = _CONTROLS.subn("", text)
    return cleaned, count


def replace_surrogates(text: str) -> str:
    """Return ``text`` with lone surrogates (from JSON ``\\ud800`` escapes) as U+FFFD.

    Examples
    --------
    >>> replace_surrogates("NATO\\ud800 met.") == "NATO\\ufffd met."
    True
    >>> replace_surrogates("Clean.")
    'Clean.'
    """
    if _SURROGATES.search(text) is None:
        return text
    return _SURROGATES.sub("\ufffd", text)
