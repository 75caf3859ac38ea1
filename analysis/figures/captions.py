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
    "SCORED_PLACEHOLDERS",
    "SOURCE_PLACEHOLDER",
    "article_source",
    "describe_corpus",
    "describe_scored",
    "fill_placeholders",
]

#: Placeholders a caption or title may hold, and what fills each.
PLACEHOLDERS: dict[str, str] = {
    "source": "the primary article cited (article_source)",
    "corpus": "the corpus of the corpus figures described (describe_corpus)",
    "articles": "the research articles described (describe_corpus)",
    "tone_articles": "the articles whose quotes have a tone, and those left out (describe_scored)",
    "target_articles": "the articles whose target mentions have a tone, and those left out "
                       "(describe_scored)",
}
#: The placeholders that count a tone figure's articles (:func:`describe_scored`): the
#: table read over every research article, its score column, and what its rows are.
SCORED_PLACEHOLDERS: dict[str, tuple[str, str, str]] = {
    "tone_articles": ("quote_sentiment", "compound_masked", "quotes"),
    "target_articles": ("targets", "score", "target mentions"),
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
    kind: str = "",
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
    kind : str
        A word before "articles" ("English"), or none.

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
    parts = [f"{count} {kind + ' ' if kind else ''}article{'s' if count != 1 else ''}"]
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


#: Names of the languages :func:`analysis.text.language.detect_language` returns, for
#: captions ("2 Korean articles"); another code is written as "in language 'xx'".
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "ko": "Korean", "ja": "Japanese", "zh": "Chinese", "fr": "French",
    "de": "German", "es": "Spanish", "it": "Italian", "nl": "Dutch", "pt": "Portuguese",
}
#: Why an article in another language has no tone, as a caption says it.
NOT_ENGLISH_REASON = "tone is measured in English only"


def _articles_phrase(count: int, language: str | None = None) -> str:
    noun = "article" if count == 1 else "articles"
    if language is None:
        return f"{count} {noun}"
    if language in LANGUAGE_NAMES:
        return f"{count} {LANGUAGE_NAMES[language]} {noun}"
    return f"{count} {noun} in language '{language}'"


def describe_scored(
    documents: Iterable[Document],
    table: pd.DataFrame,
    score: str,
    *,
    rows: str = "rows",
    name: str | None = None,
) -> str:
    """Describe the articles a tone figure shows, and those it leaves out and why.

    An article is shown when ``table`` (e.g. ``quote_sentiment``, ``targets``) has a row
    of it with a ``score``; the others of ``documents`` are counted apart: not in
    English (by language: their tone is not measured), with no ``rows`` at all, or
    with rows that have no tone. So a caption never counts an article the figure does
    not draw.

    Parameters
    ----------
    documents : iterable of Document
        The articles the figure's table was built from.
    table : DataFrame
        The figure's table, with ``article_id`` and ``score``.
    score : str
        The column whose value makes a row scored.
    rows : str
        What a row is, for "N articles with no {rows}" ("quotes", "target mentions").
    name : str, optional
        The corpus's name, as :func:`describe_corpus` takes it.

    Returns
    -------
    str
        A noun phrase without a final period.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> docs = [as_document(Article("a", "A.", outlet="Wire", language="en")),
    ...         as_document(Article("b", "B.", outlet="Wire", language="en")),
    ...         as_document(Article("k", "가.", language="ko"))]
    >>> table = pd.DataFrame({"article_id": ["a", "k"], "compound": [0.5, None]})
    >>> describe_scored(docs, table, "compound", rows="quotes")
    '1 English article from Wire; left out: 1 Korean article (tone is measured in English only), 1 article with no quotes'
    >>> describe_scored(docs[:1], table, "compound")
    '1 English article from Wire'
    """
    documents = list(documents)
    scored_ids = set(table.loc[table[score].notna(), "article_id"].astype(str))
    with_rows = set(table["article_id"].astype(str))
    shown = [d for d in documents if d.article_id in scored_ids]
    english = bool(shown) and all(d.article.language == "en" for d in shown)
    description = describe_corpus(shown, name=name, kind="English" if english else "")
    other_languages: dict[str, int] = {}
    no_rows = no_tone = 0
    for doc in documents:
        if doc.article_id in scored_ids:
            continue
        language = doc.article.language
        if language and language != "en":
            other_languages[language] = other_languages.get(language, 0) + 1
        elif doc.article_id not in with_rows:
            no_rows += 1
        else:
            no_tone += 1
    left_out = [f"{_articles_phrase(n, language)} ({NOT_ENGLISH_REASON})"
                for language, n in sorted(other_languages.items())]
    if no_rows:
        left_out.append(f"{_articles_phrase(no_rows)} with no {rows}")
    if no_tone:
        left_out.append(f"{_articles_phrase(no_tone)} whose {rows} have no tone")
    return f"{description}; left out: {', '.join(left_out)}" if left_out else description


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
