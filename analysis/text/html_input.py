"""HTML input: a saved web page turned into an article record with trafilatura.

A page saved from a news site holds the article among navigation, scripts, share
buttons and footers. :func:`html_record` hands the decoded page to trafilatura
(Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
Discovery and Extraction", ACL demos), which keeps the main text, decodes HTML entities
(``&ldquo;`` becomes “, so the quote rules see real quote marks) and reads the title,
author, date and address from the page's metadata when it has them. Paragraphs of the
extracted text are separated by newlines; a first line that repeats the title is
dropped, as a ``.txt`` header keeps the title out of the body.

The outlet is the site's own name when the page gives one: trafilatura reads
``og:site_name``, a publisher meta tag and the ``publisher`` of JSON-LD; when it finds
none it falls back on the address's host (``southern-courier.example``), and then the
page's ``application-name`` meta tag, or else the part of its ``<title>`` beside the
headline (``Headline | The Southern Courier``), is taken instead (:func:`site_name`).
The host stays the outlet only when the page names no site.

trafilatura is imported only when a page is read, so a corpus without HTML never pays
for it. A page in which it finds no main text is refused with what to do.
"""

from __future__ import annotations

import os
import re
from typing import Any

from analysis.errors import AnalysisError

__all__ = ["SITE_NAME_META", "TITLE_SEPARATORS", "html_record", "site_name"]

#: Metadata trafilatura gives and the record field each fills.
_FIELDS = {"title": "title", "author": "author", "date": "published", "url": "url",
           "sitename": "outlet"}
#: Meta tags (``name`` attribute) naming the site that trafilatura does not read.
SITE_NAME_META: tuple[str, ...] = ("application-name", "apple-mobile-web-app-title")
#: What separates a headline from the site's name in a page's ``<title>``.
TITLE_SEPARATORS: tuple[str, ...] = ("|", "-", "–", "—", "·", "•", "::", ":")
#: The longest site name taken from a ``<title>``, in words (a longer part is a headline).
SITE_NAME_MAX_WORDS = 8
_TITLE_SPLIT = re.compile(
    r"\s+(?:" + "|".join(re.escape(sep) for sep in TITLE_SEPARATORS) + r")\s+")


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
    outlet = site_name(page, found)
    if outlet:
        record["outlet"] = outlet
    return record


def _looks_like_host(name: str) -> bool:
    """Return whether ``name`` is an address's host (``www.example.com``), not a site's name."""
    return "." in name and not any(char.isspace() for char in name)


def site_name(page: str, found: dict[str, Any] | None = None) -> str | None:
    """Return the name of the site a page is from, or None when the page names none.

    ``found`` is trafilatura's metadata of the page: its ``sitename`` is kept unless it is
    only a host name; then the first :data:`SITE_NAME_META` tag, else the part of the
    ``<title>`` beside the headline (at most :data:`SITE_NAME_MAX_WORDS` words), names
    the site; else the host is returned as trafilatura gave it.

    Examples
    --------
    >>> site_name("<html><head><title>Allies meet | The Southern Courier</title></head>"
    ...           "<body><h1>Allies meet</h1></body></html>",
    ...           {"title": "Allies meet", "sitename": "southern-courier.example"})
    'The Southern Courier'
    >>> site_name("<html><head><meta name='application-name' content='Daily Wire NZ'>"
    ...           "</head><body></body></html>", {"sitename": "wire.example"})
    'Daily Wire NZ'
    >>> site_name("<html><head><title>Allies meet</title></head></html>",
    ...           {"title": "Allies meet", "sitename": "wire.example"})
    'wire.example'
    """
    found = found or {}
    given = found.get("sitename")
    if isinstance(given, str) and given.strip() and not _looks_like_host(given.strip()):
        return given.strip()
    from trafilatura import load_html

    tree = load_html(page)
    named = _meta_site_name(tree) or _title_site_name(tree, found.get("title"))
    if named:
        return named
    return given.strip() if isinstance(given, str) and given.strip() else None


def _meta_site_name(tree: Any) -> str | None:
    if tree is None:
        return None
    for name in SITE_NAME_META:
        for element in tree.iterfind(".//meta[@name][@content]"):
            if element.get("name", "").strip().lower() == name:
                content = " ".join(element.get("content", "").split())
                if content and not _looks_like_host(content):
                    return content
    return None


def _title_site_name(tree: Any, headline: object) -> str | None:
    """Return the part of the ``<title>`` beside the headline (before or after it).

    Every separator is tried, so a headline holding one (``Seoul - NATO talks``) still
    matches.
    """
    if tree is None or not isinstance(headline, str) or not headline.strip():
        return None
    title = " ".join((tree.findtext(".//title") or "").split())
    wanted = " ".join(headline.split()).casefold()
    for match in _TITLE_SPLIT.finditer(title):
        before, after = title[:match.start()].strip(), title[match.end():].strip()
        for this, other in ((before, after), (after, before)):
            if this.casefold() == wanted and 0 < len(other.split()) <= SITE_NAME_MAX_WORDS:
                return other
    return None


def _as_dict(extracted: Any) -> dict[str, Any]:
    """Return trafilatura's result as a dict (a Document in trafilatura 2, a dict before)."""
    if extracted is None:
        return {}
    if isinstance(extracted, dict):
        return extracted
    return dict(extracted.as_dict())
