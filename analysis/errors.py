"""The one exception type every user-facing failure raises."""

from __future__ import annotations

from os import PathLike

__all__ = ["AnalysisError", "DuplicateArticleId"]


class AnalysisError(ValueError):
    """Raise when input cannot be used; the message names the file and what to do.

    Parameters
    ----------
    message : str
        What went wrong and what the user can do about it.
    path : str or os.PathLike, optional
        The file the problem is in. It is prefixed to the message.
    article_id : str, optional
        The id of the article the problem is in, when it is known though the article
        could not be read (a record whose ``id`` field is readable); a corpus run puts it
        in the ``article_id`` column of its errors table.

    Examples
    --------
    >>> err = AnalysisError("no text column; add one named 'text'", path="a.csv")
    >>> str(err)
    "a.csv: no text column; add one named 'text'"
    >>> err.path
    'a.csv'
    >>> isinstance(err, ValueError)
    True
    >>> AnalysisError("the article text is empty", "wire.jsonl#2", article_id="ap-2").article_id
    'ap-2'
    """

    def __init__(self, message: str, path: str | PathLike[str] | None = None, *,
                 article_id: str | None = None) -> None:
        self.path = None if path is None else str(path)
        self.reason = message
        self.article_id = article_id
        super().__init__(message if self.path is None else f"{self.path}: {message}")


class DuplicateArticleId(AnalysisError):
    """Raise for an article whose id an earlier article of the same inputs has.

    :func:`analysis.load_corpus` gives it to ``on_error`` (the article is then left out,
    as in every command and a corpus run's errors table) or raises it. ``path`` is the
    later article's source, ``article_id`` the shared id.

    Examples
    --------
    >>> err = DuplicateArticleId("an earlier article has this id", "wire.jsonl#5",
    ...                          article_id="g7")
    >>> isinstance(err, AnalysisError), err.article_id
    (True, 'g7')
    """
