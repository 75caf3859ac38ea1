"""The ``programme_statements`` table: one row per programme statement, keyed by article_id.

Views of the one annotation pass (:mod:`analysis.pipeline`); the statements themselves
are read by :mod:`analysis.sectors.statements`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from analysis.sectors.taxonomy import TaxonomyLike
from analysis.text.document import Document, Texts

if TYPE_CHECKING:
    from analysis.pipeline import Context
    from analysis.sectors.statements import ProgrammeStatement

__all__ = ["programme_statement_rows", "programme_statements_frame"]


def programme_statements_frame(
    articles: Texts, taxonomy: TaxonomyLike = None, *, context: Context | None = None
) -> pd.DataFrame:
    """Return the ``programme_statements`` table: one row per statement.

    Parameters
    ----------
    articles : str, Article, Document, or an iterable of them
    taxonomy : Taxonomy or path(s) to user CSV files, optional
        The sectors (default: the shipped taxonomy).
    context : Context, optional
        The run's :class:`analysis.pipeline.Context` (registry, taxonomy, corrections,
        settings), instead of the arguments above; this table is then a view of the same
        annotation pass as every other table of that context.

    Examples
    --------
    >>> frame = programme_statements_frame("The IPCP covered seven sectors in 2012.")
    >>> frame[["acronym", "stated_count", "listed_count", "year", "fewer_listed"]].values.tolist()
    [['IPCP', 7, 0, 2012, True]]
    >>> frame.loc[0, "partner"], frame.loc[0, "programme_id"]
    ('Republic of Korea', 'kor-ipcp-2012')
    """
    from analysis.pipeline import Context, frame

    return frame("programme_statements", articles, Context.of(taxonomy=taxonomy, context=context))

def programme_statement_rows(
    doc: Document, statements: Iterable[ProgrammeStatement]
) -> list[dict[str, object]]:
    """Return the rows of the ``programme_statements`` table for ``statements`` of ``doc``.

    Pure: nothing is extracted, one dict per statement.

    Examples
    --------
    >>> from analysis.sectors.statements import parse_programme_statements
    >>> from analysis.text.document import as_document
    >>> doc = as_document("The IPCP covered seven sectors in 2012.")
    >>> [row] = programme_statement_rows(doc, parse_programme_statements(doc))
    >>> row["acronym"], row["stated_count"], row["sectors"]
    ('IPCP', 7, '')
    """
    return [
        {
            "article_id": doc.article_id,
            "sentence": statement.sentence,
            "start": statement.start,
            "end": statement.end,
            "partner": statement.partner,
            "programme": statement.programme,
            "acronym": statement.acronym,
            "programme_id": statement.programme_id,
            "year": statement.year,
            "year_source": statement.year_source,
            "stated_count": statement.stated_count,
            "listed_count": statement.listed_count,
            "n_listed": statement.n_listed,
            "sectors": "; ".join(statement.sectors),
            "item_ids": "; ".join(statement.item_ids),
            "items": "; ".join(item.matched for item in statement.items),
            "fewer_listed": statement.fewer_listed,
        }
        for statement in statements
    ]
