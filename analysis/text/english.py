"""The one check of whether an article is English, and the one warning when it is not.

VADER and the target model read English only; the quote rules read English and, through
:mod:`analysis.quotes.korean`, Korean. Every extractor asks :func:`is_english` and, for
an article it cannot read, warns with :class:`NotEnglishWarning` through
:func:`warn_not_english` instead of guessing.
"""

from __future__ import annotations

import warnings

from analysis.text.document import Document

__all__ = ["UNDETERMINED", "NotEnglishWarning", "is_english", "warn_not_english"]

#: Language codes that mean "not known": such an article is read as English.
UNDETERMINED = frozenset({"", "und"})


class NotEnglishWarning(UserWarning):
    """Warned when an article is skipped (or left unscored) because it is not in English."""


def is_english(doc: Document) -> bool:
    """Tell whether ``doc`` is English or of unknown language (read as English).

    Examples
    --------
    >>> from analysis.text.articles import Article
    >>> from analysis.text.document import as_document
    >>> is_english(as_document(Article(article_id="a", text="Hi.", language="en-GB")))
    True
    >>> is_english(as_document(Article(article_id="b", text="안녕.", language="ko")))
    False
    """
    language = (doc.article.language or "").lower()
    return language.startswith("en") or language in UNDETERMINED


def warn_not_english(doc: Document, what: str, stacklevel: int = 3) -> None:
    """Warn that ``doc`` is not English and say what was done instead (``what``).

    Examples
    --------
    >>> import warnings
    >>> from analysis.text.articles import Article
    >>> from analysis.text.document import as_document
    >>> doc = as_document(Article(article_id="b", text="안녕.", language="ko"))
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_not_english(doc, "no quotes extracted")
    >>> str(caught[0].message)
    "b: language 'ko' is not English; no quotes extracted"
    """
    warnings.warn(
        f"{doc.article_id}: language {doc.article.language!r} is not English; {what}",
        NotEnglishWarning,
        stacklevel=stacklevel,
    )
