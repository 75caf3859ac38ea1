"""HTML input: a saved web page turned into an article record with trafilatura.

A page saved from a news site holds the article among navigation, scripts, share
buttons and footers. :func:`html_record` hands the decoded page to trafilatura
(Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
Discovery and Extraction", ACL demos), which keeps the main text, decodes HTML entities
(``&ldquo;`` becomes “, so the quote rules see real quote marks) and reads the title,
author, date and address from the page's metadata when it has them. Paragraphs of the
extracted text are separated by newlines; a first line that repeats the title is
dropped, as a ``.txt`` header keeps the title out of the body.

trafilatura is imported only when a page is read, so a corpus without HTML never pays
for it. A page in which it finds no main text is refused with what to do.
"""

from __future__ import annotations

import os
from typing import Any

from analysis.errors import AnalysisError

__all__ = ["html_record"]

#: Metadata trafilatura gives and the record field each fills.
_FIELDS = {"title": "title", "author": "author", "date": "published", "url": "url",
           "sitename": "outlet"}


def html_record(page: str, path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Return the article record (``text`` and what the page says of it) of an HTML page.

    Parameters
    ----------
    page : str
        The decoded page.
    path : path, optional
        The file, named in the error.

    Raises
    ------
    AnalysisError
        If no main text is found in the page.

    Examples
    --------
    >>> page = ("<html><head><title>Summit</title><meta name='author' content='Sarah Kim'>"
    ...         "</head><body><nav><a href='/'>Home</a></nav><article><h1>Summit</h1>"
    ...         "<p>&ldquo;Korea is a valued partner,&rdquo; Stoltenberg said in Vilnius on "
    ...         "Tuesday, after the allies met the leaders of four partner countries.</p>"
    ...         "</article></body></html>")
    >>> record = html_record(page)
    >>> record["title"], record["author"]
    ('Summit', 'Sarah Kim')
    >>> record["text"][:38]
    '“Korea is a valued partner,” Stoltenbe'
    """
    import trafilatura

    extracted = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        favor_recall=True,
    )
    found = _as_dict(extracted)
    text = (found.get("text") or "").strip()
    if not text:
        raise AnalysisError(
            "an HTML page in which no article text was found; save the article's text as "
            ".txt, or check that the page holds the article and not only a menu or a script",
            path,
        )
    record: dict[str, Any] = {field: found[key] for key, field in _FIELDS.items()
                              if isinstance(found.get(key), str) and found[key].strip()}
    title = record.get("title")
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and rest.strip():
        text = rest.lstrip("\n")
    record["text"] = text
    return record


def _as_dict(extracted: Any) -> dict[str, Any]:
    """Return trafilatura's result as a dict (a Document in trafilatura 2, a dict before)."""
    if extracted is None:
        return {}
    if isinstance(extracted, dict):
        return extracted
    return dict(extracted.as_dict())
