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
from analysis.sectors.statements import CARRY_SENTENCES
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
                            "year", "stated_count", "n_listed", "items", "n_listed_after",
                            "n_sentences_after")


def _programme_key(row: dict) -> tuple[str, ...]:
    """Which programme a statement row is about: its id, else its partner and name."""
    def text(value: object) -> str:
        return "" if pd.isna(value) else str(value)

    if text(row["programme_id"]):
        return (text(row["programme_id"]),)
    return (text(row["partner"]), text(row["acronym"]), text(row["programme"]))


def _split(value: object) -> list[str]:
    return [] if pd.isna(value) or not str(value) else str(value).split("; ")


def _with_following_lists(rows: list[dict], at: int) -> dict:
    """Row ``at`` (a stated count) with the areas its programme's next sentences list.

    A list in the :data:`~analysis.sectors.statements.CARRY_SENTENCES` sentences after a
    count ("... its 11 areas. The programme covers counterterrorism, cyber defence ...")
    is the list of that count, as long as it names the same programme and states no
    count of its own.
    """
    row = dict(rows[at])
    sectors, items = _split(row["sectors"]), _split(row["items"])
    n_here = len(dict.fromkeys(sectors))
    contributing = set()
    for later in rows[at + 1:]:
        if (later["article_id"] != row["article_id"]
                or int(later["sentence"]) - int(row["sentence"]) > CARRY_SENTENCES):
            break
        if _programme_key(later) != _programme_key(row):
            continue
        if not pd.isna(later["stated_count"]):
            break  # a count of its own: the lists after it are its own
        sectors += _split(later["sectors"])
        items += _split(later["items"])
        if _split(later["sectors"]):
            contributing.add(int(later["sentence"]))
    row["n_listed"] = len(dict.fromkeys(sectors))
    row["n_listed_after"] = row["n_listed"] - n_here
    row["n_sentences_after"] = len(contributing)
    row["items"] = "; ".join(items)
    return row


def stated_vs_listed(statements: pd.DataFrame) -> pd.DataFrame:
    """Return the programme statements whose stated count of areas exceeds the list given.

    ``statements`` is a ``programme_statements`` table. A row that states a number of
    areas is kept when fewer are listed, in its sentence and in the lists of the same
    programme in the sentences that follow (:func:`_with_following_lists`, as far as the
    statements extractor carries a programme): "11 areas. The programme covers"
    six of them is 11 stated, 6 listed, never none. ``n_listed`` counts the distinct
    areas listed in all, ``n_listed_after`` those of the ``n_sentences_after`` sentences
    that follow.

    Examples
    --------
    >>> from analysis.sectors import programme_statements_frame
    >>> text = "The ITPP covers 11 areas, including cyber defence and public diplomacy."
    >>> stated_vs_listed(programme_statements_frame(text))[["stated_count", "n_listed"]].values.tolist()
    [[11, 2]]
    >>> text = ("Korea and NATO will review the 11 areas of their ITPP. The programme "
    ...         "covers areas including counterterrorism, cyber defence and public diplomacy.")
    >>> stated_vs_listed(programme_statements_frame(text))[
    ...     ["stated_count", "n_listed", "n_listed_after"]].values.tolist()
    [[11, 3, 3]]
    """
    ordered = statements.sort_values(["article_id", "sentence", "start"], kind="stable")
    rows = ordered.to_dict("records")
    kept = [_with_following_lists(rows, at) for at, row in enumerate(rows)
            if not pd.isna(row["stated_count"])]
    kept = [row for row in kept if row["n_listed"] < int(row["stated_count"])]
    frame = pd.DataFrame(kept, columns=[*statements.columns, "n_listed_after",
                                              "n_sentences_after"])
    frame = frame[list(STATED_VS_LISTED_COLUMNS)].reset_index(drop=True)
    return frame.astype({"n_listed": "Int64", "n_listed_after": "Int64",
                         "n_sentences_after": "Int64"})


def _listed_words(n_listed: int, n_after: int, n_sentences: int) -> str:
    """How many areas are named, and where, for :func:`stated_vs_listed_markdown`."""
    if n_listed == 0:
        return "none is listed."
    verb = "is" if n_listed == 1 else "are"
    if n_after == 0:
        return f"**{n_listed}** {verb} named."
    where = "the sentence that follows" if n_sentences <= 1 else "the sentences that follow"
    if n_after == n_listed:
        return f"**{n_listed}** {verb} named in {where}."
    return f"**{n_listed}** {verb} named (**{n_after}** of them in {where})."


def stated_vs_listed_markdown(rows: pd.DataFrame) -> MarkdownText:
    """Say each count that differs from its list as a Markdown bullet (values escaped).

    ``rows`` are :func:`stated_vs_listed`'s; an area listed in a sentence after the
    count is counted, and said to be (``n_listed_after`` in ``n_sentences_after``
    sentences; taken as 0 when absent).

    Examples
    --------
    >>> rows = pd.DataFrame({"article_id": ["a.txt"], "programme": ["ITPP"],
    ...     "acronym": ["ITPP"], "year": [2023], "stated_count": [11], "n_listed": [5],
    ...     "start": [591]})
    >>> print(stated_vs_listed_markdown(rows))
    - a.txt (offset 591): the ITPP (2023) is said to cover **11** areas; **5** are named.
    >>> print(stated_vs_listed_markdown(rows.assign(acronym=[""], programme=[""])))
    - a.txt (offset 591): a programme (2023) is said to cover **11** areas; **5** are named.
    >>> print(stated_vs_listed_markdown(rows.assign(n_listed=[6], n_listed_after=[6],
    ...                                                n_sentences_after=[1])))
    - a.txt (offset 591): the ITPP (2023) is said to cover **11** areas; **6** are named in the sentence that follows.
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
        after, sentences = (row.get(key, 0) for key in ("n_listed_after", "n_sentences_after"))
        listed = _listed_words(int(row["n_listed"]), 0 if pd.isna(after) else int(after),
                               0 if pd.isna(sentences) else int(sentences))
        lines.append(format_markdown(
            "- {article} (offset {start}): " + ("the {name}" if name else "a programme") + year
            + " is said to cover **{stated}** areas; " + listed,
            article=row["article_id"], start=str(int(row["start"])), name=name or "",
            stated=int(row["stated_count"])))
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
