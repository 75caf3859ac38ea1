"""The one reader of a gold JSON file's article list (speakers, sectors, quotes gold)."""

from __future__ import annotations

import json
from os import PathLike
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError

__all__ = ["read_gold_articles"]


def read_gold_articles(path: str | PathLike[str], kind: str) -> list[Any]:
    """Return the articles of a gold file: a JSON list, or an object with an ``articles`` list.

    ``kind`` names the format in messages ("speakers", "sectors", "quotes").

    Raises
    ------
    AnalysisError
        When the file is missing, not UTF-8 JSON, or holds no list of articles, naming it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "gold.json"
    >>> _ = file.write_text('{"articles": [{"id": "a"}]}')
    >>> read_gold_articles(file, "speakers")
    [{'id': 'a'}]
    """
    path = Path(path)
    if not path.is_file():
        raise AnalysisError(f"gold file not found; pass a {kind} gold .json file", path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:  # JSONDecodeError and UnicodeDecodeError
        raise AnalysisError(f"gold file is not UTF-8 JSON ({error}); fix it", path) from None
    articles = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(articles, list):
        raise AnalysisError(f"gold file is not in the {kind} gold format: expected a list of "
                            "articles (see docs/evaluation.md)", path)
    return articles
