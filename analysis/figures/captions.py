"""Captions that name their sources: an article cited, a corpus described, placeholders filled.

A registered figure's title and caption (:class:`analysis.figures.FigureSpec`) may hold
the placeholders of :data:`PLACEHOLDERS`; :meth:`~analysis.figures.FigureSpec.caption_for`
fills them from the figure's inputs with the functions here, and
:func:`fill_placeholders` makes sure no literal ``{...}`` reaches a caption. A notebook
that draws a figure from a corpus run's tables fills them the same way
(:func:`describe_corpus` reads an ``articles`` table too).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import pandas as pd

from analysis.text.articles import Article
from analysis.text.document import Document

__all__ = [
    "ARTICLES_PLACEHOLDER",
    "CORPUS_PLACEHOLDER",
    "FOLDER_LABEL",
    "ILLUSTRATIVE_NAME",
    "PLACEHOLDERS",
    "PLACEHOLDER_PATTERN",
    "SOURCE_PLACEHOLDER",
    "article_source",
    "describe_corpus",
    "fill_placeholders",
]

#: Placeholders a caption or title may hold, and what fills each.
PLACEHOLDERS: dict[str, str] = {
    "source": "the primary article cited (article_source)",
    "corpus": "the corpus of the corpus figures described (describe_corpus)",
    "articles": "the research articles described (describe_corpus)",
}
#: Placeholder in captions for the citation of the primary article.
SOURCE_PLACEHOLDER = "{source}"
CORPUS_PLACEHOLDER = "{corpus}"
ARTICLES_PLACEHOLDER = "{articles}"
PLACEHOLDER_PATTERN = re.compile(r"\{([A-Za-z_]+)\}")


def fill_placeholders(text: str, **values: str) -> str:
    """Replace every ``{name}`` of ``text`` by ``values[name]``; none may stay.

    Unlike :meth:`str.format`, other braces are never touched and a value is never
    read as a template.

    Raises
    ------
    ValueError
        When ``text`` holds a placeholder with no value (unknown ones included): a
        literal ``{...}`` never reaches a caption.

    Examples
    --------
    >>> fill_placeholders("Counted in {corpus}.", corpus="3 articles")
    'Counted in 3 articles.'
    >>> fill_placeholders("No placeholder.")
    'No placeholder.'
    >>> fill_placeholders("From {source}")
    Traceback (most recent call last):
    ...
    ValueError: no value for the placeholder {source} in 'From {source}'
    """
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ValueError(f"no value for the placeholder {{{name}}} in {text!r}")
        return values[name]

    return PLACEHOLDER_PATTERN.sub(replace, text)


#: How ``{corpus}`` names the project's own hand-written illustrative corpus
#: (data/raw/illustrative, recognised by its text:
#: :func:`analysis.figures.inputs.is_project_illustrative`), and any other folder read.
ILLUSTRATIVE_NAME = "the hand-written illustrative corpus (not real news)"
FOLDER_LABEL = "the folder {folder}"
#: Outlets named in a corpus description at most (then "and N more").
MAX_OUTLETS_NAMED = 3


def describe_corpus(
    articles: Iterable[Article | Document] | pd.DataFrame,
    name: str | None = None,
    *,
    illustrative: bool = False,
) -> str:
    """Describe a corpus for a caption: name, article count, outlets and date range.

    Parameters
    ----------
    articles : iterable of Article or Document, or DataFrame
        The corpus, or its ``articles`` table (columns ``outlet`` and ``published``),
        e.g. of a corpus run.
    name : str, optional
        The corpus's name; default :data:`ILLUSTRATIVE_NAME` when ``illustrative``,
        else none (the description starts with the count).
    illustrative : bool
        Whether this is the hand-written illustrative corpus.

    Returns
    -------
    str
        A noun phrase without a final period; unknown outlets and dates are left out.

    Examples
    --------
    >>> import datetime as dt
    >>> docs = [Article("a", "A.", outlet="Wire", published=dt.date(2024, 3, 1)),
    ...         Article("b", "B.", outlet="Herald", published=dt.date(2025, 6, 2)),
    ...         Article("c", "C.")]
    >>> describe_corpus(docs)
    '3 articles from Herald and Wire, 1 March 2024 to 2 June 2025'
    >>> describe_corpus(docs[:1], name="My wire")
    'My wire, 1 article from Wire, 1 March 2024'
    >>> describe_corpus([Article("x", "X.")], illustrative=True)
    'the hand-written illustrative corpus (not real news), 1 article'
    """
    outlets, dates = _outlets_and_dates(articles)
    count = len(dates)
    parts = [f"{count} article{'s' if count != 1 else ''}"]
    named = sorted({o for o in outlets if o})
    if named:
        shown = named[:MAX_OUTLETS_NAMED]
        if len(named) > MAX_OUTLETS_NAMED:
            parts.append(f"from {', '.join(shown)} and {len(named) - len(shown)} more outlets")
        else:
            parts.append("from " + (" and ".join(shown) if len(shown) <= 2
                                    else f"{', '.join(shown[:-1])} and {shown[-1]}"))
    known = sorted(d for d in dates if d is not None)
    description = " ".join(parts)
    if known:
        span = _long_date(known[0]) if known[0] == known[-1] else (
            f"{_long_date(known[0])} to {_long_date(known[-1])}")
        description = f"{description}, {span}"
    label = name if name else (ILLUSTRATIVE_NAME if illustrative else None)
    return f"{label}, {description}" if label else description


def _outlets_and_dates(
    articles: Iterable[Article | Document] | pd.DataFrame,
) -> tuple[list[str | None], list[dt.date | None]]:
    if isinstance(articles, pd.DataFrame):
        outlets = [None if pd.isna(o) else str(o) for o in articles.get("outlet", [])]
        published = articles.get("published", pd.Series([None] * len(articles)))
        dates = [None if pd.isna(p) else pd.Timestamp(p).date() for p in published]
        if "outlet" not in articles:
            outlets = [None] * len(articles)
        return outlets, dates
    records = [a.article if isinstance(a, Document) else a for a in articles]
    return [a.outlet for a in records], [a.published for a in records]


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def article_source(article: Article) -> str:
    """Cite an article for a caption: outlet, author, date and title.

    Unknown fields are left out, never guessed; the article_id (often a file name) is
    cited only when none of them is known.

    Examples
    --------
    >>> a = Article("seed.txt", "Yoon met.", outlet="Korea JoongAng Daily",
    ...             author="Sarah Kim", published=dt.date(2023, 7, 11))
    >>> article_source(a)
    'Source: Korea JoongAng Daily (Sarah Kim), 11 July 2023.'
    >>> article_source(Article("notes.txt", "Yoon met.", title="Yoon in Vilnius"))
    'Source: “Yoon in Vilnius”.'
    >>> article_source(Article("notes.txt", "Yoon met."))
    'Source: notes.txt (outlet, author and date not given).'
    """
    who = article.outlet or ""
    if article.author:
        who = f"{who} ({article.author})" if who else article.author
    parts = [who] if who else []
    if article.published:
        parts.append(_long_date(article.published))
    if article.title:
        parts.append(f"\u201c{article.title}\u201d")
    if not parts:
        return f"Source: {article.article_id} (outlet, author and date not given)."
    return f"Source: {', '.join(parts)}."
