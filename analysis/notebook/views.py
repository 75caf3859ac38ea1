"""Small views of the tables that notebooks show: evidence text, counts, comparisons.

Each takes tables of :mod:`analysis.schemas` (and the documents they were built from)
and returns a DataFrame, so every number a notebook shows comes from a tested
function; nothing here extracts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from analysis.errors import AnalysisError
from analysis.notebook.coverage import ITPP_PROGRAMME
from analysis.notebook.markdown import MarkdownText, format_markdown
from analysis.sectors import programmes_frame
from analysis.text.document import Document

__all__ = [
    "claims_markdown",
    "masking_changes",
    "programme_areas",
    "sector_mention_counts",
    "stated_vs_listed",
    "stated_vs_listed_markdown",
    "tone_quoted_vs_narration",
    "with_evidence",
]

def with_evidence(
    table: pd.DataFrame,
    documents: Iterable[Document],
    start: str = "start",
    end: str = "end",
    column: str = "evidence",
) -> pd.DataFrame:
    """Return ``table`` with ``column``: each row's text ``[start:end]`` from its article.

    The words behind a row (a quote's reported clause, a target's sentence), cut from
    the article text by the row's offsets, so a reader checks the row against them.
    Rows with no offsets get ``<NA>``.

    Parameters
    ----------
    table : DataFrame
        A table with ``article_id`` and the two offset columns.
    documents : iterable of Document
        The articles the table was built from.
    start, end : str
        The offset columns (e.g. ``content_start``/``content_end`` of the quotes,
        ``sentence_start``/``sentence_end`` of the targets).
    column : str
        The new column's name.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> doc = as_document("NATO met. Korea joined.")
    >>> rows = pd.DataFrame({"article_id": ["text", "text"], "start": [0, 10],
    ...                      "end": [9, pd.NA]})
    >>> with_evidence(rows, [doc])["evidence"].tolist()
    ['NATO met.', <NA>]
    """
    texts = {document.article_id: document.text for document in documents}
    values = []
    for article_id, begin, finish in zip(table["article_id"], table[start], table[end],
                                         strict=True):
        known = article_id in texts and not (pd.isna(begin) or pd.isna(finish))
        values.append(texts[article_id][int(begin):int(finish)] if known else pd.NA)
    return table.assign(**{column: pd.array(values, dtype="string")})


def sector_mention_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Count a ``sectors`` table's mentions per sector, as list items and as mentions.

    Returns one row per sector label with ``programme-list`` and ``mention`` counts and
    their total, most named first.

    Examples
    --------
    >>> mentions = pd.DataFrame({"label": ["Cyber", "Cyber", "Space"],
    ...                          "context": ["programme-list", "mention", "mention"]})
    >>> sector_mention_counts(mentions).to_dict("index")
    {'Cyber': {'programme-list': 1, 'mention': 1, 'total': 2}, 'Space': {'programme-list': 0, 'mention': 1, 'total': 1}}
    """
    contexts = ["programme-list", "mention"]
    counts = (mentions.groupby(["label", "context"]).size().unstack(fill_value=0)
              .reindex(columns=contexts, fill_value=0))
    counts["total"] = counts.sum(axis=1)
    counts = counts.sort_values(["total", "programme-list"], ascending=False, kind="stable")
    counts.columns.name = None
    return counts.astype("int64")


def programme_areas(programme: str = ITPP_PROGRAMME) -> pd.DataFrame:
    """Return a programme's areas as its source words them, one row each, with the source.

    From the curated table (:func:`analysis.sectors.programmes_frame`); an area no
    source names is a row with ``status`` unknown.

    Examples
    --------
    >>> areas = programme_areas()
    >>> len(areas), areas["area"].iloc[0]
    (11, 'dialogue and consultation')
    """
    frame = programmes_frame()
    rows = frame[frame["programme_id"] == programme]
    if rows.empty:
        known = ", ".join(sorted(frame["programme_id"].unique()))
        raise AnalysisError(f"no programme {programme!r}; known: {known}")
    return rows[["area", "sector", "status", "source", "note"]].reset_index(drop=True)


#: Columns of :func:`stated_vs_listed`.
STATED_VS_LISTED_COLUMNS = ("article_id", "sentence", "start", "end", "programme", "acronym",
                            "year", "stated_count", "n_listed", "items")


def stated_vs_listed(statements: pd.DataFrame) -> pd.DataFrame:
    """Return the programme statements whose stated count of areas exceeds the list given.

    ``statements`` is a ``programme_statements`` table; a row is kept when the text
    states a number of areas and lists fewer (``fewer_listed``), e.g. "11 sectors
    including" five of them.

    Examples
    --------
    >>> from analysis.sectors import programme_statements_frame
    >>> text = "The ITPP covers 11 areas, including cyber defence and public diplomacy."
    >>> stated_vs_listed(programme_statements_frame(text))[["stated_count", "n_listed"]].values.tolist()
    [[11, 2]]
    """
    rows = statements[statements["fewer_listed"].fillna(False).astype(bool)]
    return rows[list(STATED_VS_LISTED_COLUMNS)].reset_index(drop=True)


def stated_vs_listed_markdown(rows: pd.DataFrame) -> MarkdownText:
    """Say each count that differs from its list as a Markdown bullet (values escaped).

    Examples
    --------
    >>> rows = pd.DataFrame({"article_id": ["a.txt"], "programme": ["ITPP"],
    ...     "acronym": ["ITPP"], "year": [2023], "stated_count": [11], "n_listed": [5],
    ...     "start": [591]})
    >>> print(stated_vs_listed_markdown(rows))
    - a.txt (offset 591): the ITPP (2023) is said to cover **11** areas; **5** are named.
    >>> print(stated_vs_listed_markdown(rows.assign(acronym=[""], programme=[""])))
    - a.txt (offset 591): a programme (2023) is said to cover **11** areas; **5** are named.
    >>> print(stated_vs_listed_markdown(rows.assign(n_listed=[0])))
    - a.txt (offset 591): the ITPP (2023) is said to cover **11** areas; none is listed.
    """
    if rows.empty:
        return MarkdownText("No article states a number of areas that differs from its list.")
    lines = []
    for row in rows.to_dict("records"):
        names = [str(v) for v in (row["acronym"], row["programme"]) if not pd.isna(v)]
        name = next((n for n in names if n.strip()), None)
        year = "" if pd.isna(row["year"]) else f" ({int(row['year'])})"
        lines.append(format_markdown(
            "- {article} (offset {start}): " + ("the {name}" if name else "a programme") + year
            + " is said to cover **{stated}** areas; "
            + ("**{listed}** are named." if int(row["n_listed"]) else "none is listed."),
            article=row["article_id"], start=str(int(row["start"])), name=name or "",
            stated=int(row["stated_count"]), listed=int(row["n_listed"])))
    return MarkdownText("\n".join(lines))


def claims_markdown(claims: pd.DataFrame) -> MarkdownText:
    """Say each claim about a person that contradicts the registry, with the registry's source.

    ``claims`` is a ``claims`` table (:func:`analysis.actors.claims.claims_frame`); the
    other rows (claims the registry confirms, or cannot check) are counted, not listed.
    Values are escaped.

    Examples
    --------
    >>> claims = pd.DataFrame({"article_id": ["a.txt", "a.txt"], "actor": ["Dan Sullivan"] * 2,
    ...     "claim_kind": ["state", "party"], "claimed": ["Arkansas", "Republican"],
    ...     "registry_value": ["Alaska", "Republican Party (United States)"],
    ...     "source": ["https://example.org/sullivan"] * 2, "start": [3223, 3210],
    ...     "contradicts": [True, False]})
    >>> print(claims_markdown(claims))
    1 of 2 claims about a person contradicts the registry:
    <BLANKLINE>
    - a.txt (offset 3223): the article gives **Dan Sullivan**'s state as **Arkansas**; the registry: **Alaska** (source: https://example.org/sullivan).
    >>> print(claims_markdown(claims[~claims["contradicts"]]))
    No claim about a person contradicts the registry (1 claim checked).
    """
    wrong = claims[claims["contradicts"].fillna(False).astype(bool)]
    total = len(claims)
    noun = "claim" if total == 1 else "claims"
    if wrong.empty:
        return MarkdownText(f"No claim about a person contradicts the registry ({total} {noun} "
                            "checked)." if total else
                            "No claim about a person (party, state, office) was found.")
    verb = "contradicts" if len(wrong) == 1 else "contradict"
    lines = [f"{len(wrong)} of {total} {noun} about a person {verb} the registry:", ""]
    for row in wrong.to_dict("records"):
        lines.append(format_markdown(
            "- {article} (offset {start}): the article gives **{actor}**'s {kind} as "
            "**{claimed}**; the registry: **{value}** (source: {source}).",
            article=row["article_id"], start=str(int(row["start"])), actor=row["actor"],
            kind=row["claim_kind"], claimed=row["claimed"], value=row["registry_value"],
            source=row["source"]))
    return MarkdownText("\n".join(lines))


def masking_changes(sentences: pd.DataFrame, columns: Sequence[str] = ()) -> pd.DataFrame:
    """Return the sentences whose VADER score changes when actor names are masked.

    Examples
    --------
    >>> rows = pd.DataFrame({"compound": [0.5, 0.0], "compound_masked": [0.0, 0.0]})
    >>> len(masking_changes(rows))
    1
    """
    changed = sentences[sentences["compound"] != sentences["compound_masked"]]
    return changed[list(columns)] if columns else changed


def tone_quoted_vs_narration(arc: pd.DataFrame) -> pd.DataFrame:
    """Compare the tone of sentences with quoted speech and of the reporter's narration.

    ``arc`` is the tone arc's data (``quoted``, ``compound``, ``compound_masked``; the
    ``sentiment-arc`` figure's CSV). Returns one row per kind of sentence with its
    count, how many of them are unscored (not English), the mean scores, and the shares
    of each sentence's own VADER label (``compound_masked`` read with VADER's cut-offs
    per sentence, :func:`analysis.sentiment.tone_summary.label_shares`; a mean is never
    read that way).

    Examples
    --------
    >>> arc = pd.DataFrame({"quoted": [True, False, False],
    ...                     "compound": [0.5, 0.0, -0.2], "compound_masked": [0.4, 0.0, -0.2]})
    >>> table = tone_quoted_vs_narration(arc).round(2)
    >>> table[["n_sentences", "n_unscored", "mean_compound_masked", "share_neutral"]
    ...       ].to_dict("index")
    {'narration': {'n_sentences': 2, 'n_unscored': 0, 'mean_compound_masked': -0.1, 'share_neutral': 0.5}, 'quoted speech': {'n_sentences': 1, 'n_unscored': 0, 'mean_compound_masked': 0.4, 'share_neutral': 0.0}}
    """
    from analysis.sentiment.sentences import tone_label
    from analysis.sentiment.tone_summary import SHARE_COLUMNS, label_shares

    kind = arc["quoted"].astype("boolean").map({True: "quoted speech", False: "narration"})
    grouped = arc.assign(sentences=kind).groupby("sentences")
    table = pd.DataFrame({
        "n_sentences": grouped.size(),
        "n_unscored": grouped["compound_masked"].apply(lambda s: int(s.isna().sum())),
        "mean_compound": grouped["compound"].mean().astype("float64"),
        "mean_compound_masked": grouped["compound_masked"].mean().astype("float64"),
    })
    shares = grouped["compound_masked"].apply(
        lambda s: label_shares([tone_label(v) for v in s]))
    for position, column in enumerate(SHARE_COLUMNS):
        table[column] = shares.map(lambda row, p=position: row[p]).astype("float64")
    table.index.name = None
    return table
