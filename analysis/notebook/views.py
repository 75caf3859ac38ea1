"""Small views of the tables that notebooks show: evidence text, counts, comparisons.

Each takes tables of :mod:`analysis.schemas` (and the documents they were built from)
and returns a DataFrame, so every number a notebook shows comes from a tested
function; nothing here extracts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.errors import AnalysisError
from analysis.notebook.markdown import MarkdownText, format_markdown
from analysis.sectors import programme_sectors, programmes_frame
from analysis.sectors.taxonomy import Taxonomy, default_taxonomy
from analysis.text.document import Document

__all__ = [
    "ITPP_PROGRAMME",
    "Coverage",
    "claims_markdown",
    "coverage_counts",
    "coverage_markdown",
    "itpp_coverage",
    "masking_changes",
    "names_programme",
    "programme_areas",
    "sector_mention_counts",
    "stated_vs_listed",
    "stated_vs_listed_markdown",
    "tone_quoted_vs_narration",
    "with_evidence",
]

#: The programme the sector notebooks compare articles with: the 2023 Korea-NATO ITPP.
ITPP_PROGRAMME = "kor-itpp-2023"


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


def itpp_coverage(
    mentions: pd.DataFrame, taxonomy: Taxonomy | None = None, programme: str = ITPP_PROGRAMME
) -> pd.DataFrame:
    """Return which areas of ``programme`` (default the ITPP's 11) a ``sectors`` table names.

    One row per area in the programme's order: ``sector``, ``label``, ``named``,
    ``n_mentions`` and ``as_written`` (the article's wordings, ``; ``-joined).

    Examples
    --------
    >>> mentions = pd.DataFrame({"sector": ["cyber-defence"], "matched": ["cybersecurity"]})
    >>> coverage = itpp_coverage(mentions)
    >>> len(coverage), int(coverage["named"].sum())
    (11, 1)
    >>> coverage.loc[coverage["named"], "as_written"].tolist()
    ['cybersecurity']
    """
    taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
    rows = []
    for sector in programme_sectors(programme):
        found = mentions[mentions["sector"] == sector]
        rows.append({
            "sector": sector,
            "label": taxonomy.label(sector),
            "named": not found.empty,
            "n_mentions": len(found),
            "as_written": "; ".join(dict.fromkeys(found["matched"].astype(str))),
        })
    return pd.DataFrame(rows).astype({"sector": "string", "label": "string",
                                      "named": "boolean", "n_mentions": "Int64",
                                      "as_written": "string"})


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many of a programme's areas an article names, and which (from :func:`itpp_coverage`)."""

    named: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def n_named(self) -> int:
        """Number of areas named."""
        return len(self.named)

    @property
    def n_areas(self) -> int:
        """Number of areas of the programme."""
        return len(self.named) + len(self.missing)


def coverage_counts(coverage: pd.DataFrame) -> Coverage:
    """Return the labels of the areas an :func:`itpp_coverage` table names and misses.

    Examples
    --------
    >>> counts = coverage_counts(itpp_coverage(pd.DataFrame({"sector": ["cyber-defence"],
    ...                                                      "matched": ["cyber defence"]})))
    >>> counts.n_named, counts.n_areas, counts.named
    (1, 11, ('Cyber defence',))
    """
    named = coverage["named"].astype(bool)
    return Coverage(tuple(coverage.loc[named, "label"].astype(str)),
                    tuple(coverage.loc[~named, "label"].astype(str)))


def names_programme(document: Document, programme: str = ITPP_PROGRAMME) -> bool:
    """Return whether ``document`` names ``programme`` (its acronym or its name).

    The name is the curated table's (:func:`analysis.sectors.programmes_frame`), matched
    without regard to case and with the US spelling "Program" too; the acronym
    ("ITPP") as a whole word. An article that names neither is not about the programme,
    so the areas of it that the article leaves out are no omission of the article's.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> names_programme(as_document("Korea and NATO adopted the ITPP in Vilnius."))
    True
    >>> names_programme(as_document("An individually tailored partnership program was signed."))
    True
    >>> names_programme(as_document("Japan and the Philippines signed a troop pact."))
    False
    """
    frame = programmes_frame()
    rows = frame[frame["programme_id"] == programme]
    if rows.empty:
        known = ", ".join(sorted(frame["programme_id"].unique()))
        raise AnalysisError(f"no programme {programme!r}; known: {known}")
    row = rows.iloc[0]
    patterns = []
    if not pd.isna(row["acronym"]) and str(row["acronym"]).strip():
        patterns.append(r"\b" + re.escape(str(row["acronym"]).strip()) + r"\b")
    name = str(row["programme"]).split(" (")[0]
    name = re.sub(r"\s+\d{4}(-\d{4})?$", "", name).strip()
    if name:
        words = [re.escape(word) for word in name.split()]
        words[-1] = re.sub(r"Programme$", "Program(?:me)?", words[-1])
        patterns.append(r"\s+".join(words))
    return any(re.search(pattern, document.text, flags=re.IGNORECASE if i else 0)
               for i, pattern in enumerate(patterns))


def coverage_markdown(document: Document, counts: Coverage, *, missing: bool = False,
                      programme: str = "ITPP") -> MarkdownText:
    """Say how many of the programme's areas ``document`` names, or which it leaves out.

    For an article that does not name the programme (:func:`names_programme`), the
    sentence says so: the areas such an article happens to mention are a comparison,
    and those it does not are no omission.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> counts = Coverage(named=("Cyber defence",), missing=("Public diplomacy",))
    >>> doc = as_document("The ITPP covers cyber defence.")
    >>> print(coverage_markdown(doc, counts))
    **text** names **1** of the ITPP's **2** areas.
    >>> print(coverage_markdown(doc, counts, missing=True))
    **text** leaves out **1** of the ITPP's **2** areas: Public diplomacy.
    >>> print(coverage_markdown(as_document("A troop pact on cyber defence."), counts, missing=True))
    **text** does not name the ITPP, so leaving out its areas is no omission; of its **2** areas it does not mention **1**: Public diplomacy.
    """
    values = {"article": document.article_id, "programme": programme, "n": counts.n_named,
              "total": counts.n_areas, "n_missing": len(counts.missing),
              "missing": "; ".join(counts.missing) or "none"}
    about = names_programme(document) if programme == "ITPP" else True
    if missing and about:
        template = ("**{article}** leaves out **{n_missing}** of the {programme}'s **{total}** "
                    "areas: {missing}.")
    elif missing:
        template = ("**{article}** does not name the {programme}, so leaving out its areas is "
                    "no omission; of its **{total}** areas it does not mention **{n_missing}**: "
                    "{missing}.")
    elif about:
        template = "**{article}** names **{n}** of the {programme}'s **{total}** areas."
    else:
        template = ("**{article}** does not name the {programme}; of the {programme}'s "
                    "**{total}** areas it mentions **{n}**, shown for comparison only.")
    return format_markdown(template, **values)


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
