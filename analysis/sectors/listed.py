"""The sectors a row of the ``programme_statements`` table lists, for readers of the table.

The table's ``sectors`` cell holds the listed sector ids, ``'; '``-joined. A table that
lacks the cell (an older run, a table built by hand) gives its items through the
``programme-list`` sector mentions inside the statement's span instead. The sectors gold
evaluation and the partner-coverage figure both read statements this one way.
"""

from __future__ import annotations

import pandas as pd

from analysis.sectors.matching import PROGRAMME_LIST

__all__ = ["statement_sector_ids"]


def statement_sector_ids(row: pd.Series, mentions: pd.DataFrame) -> tuple[str, ...]:
    """Return the distinct sector ids a programme statement lists, in order.

    Parameters
    ----------
    row : Series
        One row of the ``programme_statements`` table.
    mentions : DataFrame
        The ``sectors`` table of the statement's article (or of a corpus: rows of other
        articles are left out), read only when the row has no ``sectors`` cell.

    Examples
    --------
    >>> statement_sector_ids(pd.Series({"sectors": "space; cyber-defence"}), pd.DataFrame())
    ('space', 'cyber-defence')
    >>> row = pd.Series({"article_id": "a", "start": 0, "end": 40, "sectors": pd.NA})
    >>> mentions = pd.DataFrame({"article_id": ["a", "a", "b"], "start": [5, 50, 5],
    ...                          "end": [10, 55, 10], "sector": ["space"] * 3,
    ...                          "context": ["programme-list"] * 3})
    >>> statement_sector_ids(row, mentions)
    ('space',)
    """
    if "sectors" in row.index and not pd.isna(row["sectors"]):
        return tuple(dict.fromkeys(s.strip() for s in str(row["sectors"]).split(";")
                                   if s.strip()))
    if mentions.empty:
        return ()
    inside = mentions[(mentions["start"] >= row["start"]) & (mentions["end"] <= row["end"])]
    if "article_id" in inside.columns and "article_id" in row.index:
        inside = inside[inside["article_id"] == row["article_id"]]
    if "context" in inside.columns:
        inside = inside[inside["context"] == PROGRAMME_LIST]
    return tuple(dict.fromkeys(inside["sector"].astype(str)))
