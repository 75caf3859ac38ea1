"""Questions a researcher asks of a corpus run, each answered as one tidy DataFrame.

Each question comes twice, with the same columns and rows:

* over the output folder of :func:`analysis.corpus.extract_corpus`
  (:func:`quotes_per_actor_outlet`, :func:`sector_mentions_over_time`,
  :func:`target_tone_over_time`), read as :mod:`analysis.corpus.dataset` says: only
  the parts the manifest lists. With ``engine="duckdb"`` (the default when DuckDB is
  installed) the joins and counts run as SQL over the Parquet parts, reading only the
  columns needed, so the tables never have to fit in memory; with ``engine="pandas"``
  the columns needed are read and the tables below are called;
* over tables already in memory (``*_from_tables``), e.g. those of
  :meth:`analysis.figures.FigureInputs.corpus_table`, for figures and small corpora.

Dates: a period is the year (``"2024"``) or month (``"2024-07"``) of the article's
``published`` date, a ``YYYY-MM-DD`` string or a date; an article without a readable
date has the period <NA>. Rows come sorted the same way from both engines.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from analysis.corpus.dataset import PathLike, choose_engine, connect, read_columns
from analysis.errors import AnalysisError
from analysis.quotes.records import SPEECH_KINDS
from analysis.sentiment.tone_summary import PROBABILITY_COLUMNS, summarise_tone

__all__ = [
    "FREQUENCIES",
    "ISO_DATE",
    "TARGET_NOT_FOUND",
    "period_of",
    "quotes_per_actor_outlet",
    "quotes_per_actor_outlet_from_tables",
    "sector_mentions_over_time",
    "sector_mentions_over_time_from_tables",
    "target_tone_over_time",
    "target_tone_over_time_from_tables",
]

#: Periods a date can be grouped by, with the strftime format of the period's name.
FREQUENCIES: dict[str, str] = {"year": "%Y", "month": "%Y-%m"}

#: How ``published`` is written in the articles table.
ISO_DATE = "%Y-%m-%d"

#: Warned when a target asked for has no mention in the targets table.
TARGET_NOT_FOUND = "no mentions of {names} in the targets table (targets are canonical names, e.g. {examples})"

_QUOTE_COLUMNS = {"outlet": "string", "actor": "string", "n_quotes": "Int64",
                  "n_words": "Int64", "n_articles": "Int64", "share_of_outlet": "Float64"}
_SECTOR_COLUMNS = {"period": "string", "sector": "string", "label": "string",
                   "n_mentions": "Int64", "n_articles": "Int64",
                   "n_articles_in_period": "Int64", "share_of_articles": "Float64"}
_TONE_ROW_COLUMNS = {"target": "string", "period": "string", "article_id": "string",
                     "start": "Int64", "score": "Float64", "label": "string",
                     "p_negative": "Float64", "p_neutral": "Float64", "p_positive": "Float64"}
#: What the tone aggregate reads of each mention (table ``targets``).
_TONE_INPUTS = ["article_id", "target", "start", "score", "label", *PROBABILITY_COLUMNS]


def _format(freq: str) -> str:
    try:
        return FREQUENCIES[freq]
    except KeyError:
        raise AnalysisError(
            f"unknown freq {freq!r}; choose from {', '.join(FREQUENCIES)}") from None


def _iso_date(value: object) -> str | None:
    """Return a date held as text or as a date object as ``YYYY-MM-DD`` text."""
    if isinstance(value, str):
        return value
    strftime = getattr(value, "strftime", None)
    return strftime(ISO_DATE) if callable(strftime) else None


def period_of(published: pd.Series, freq: str = "month") -> pd.Series:
    """Return the year or month of each date (strings ``YYYY-MM-DD`` or dates) as a string.

    A missing or unreadable date gives <NA>.

    Examples
    --------
    >>> import datetime as dt
    >>> period_of(pd.Series(["2024-07-10", None, "unknown"]), "month").tolist()
    ['2024-07', <NA>, <NA>]
    >>> period_of(pd.Series([dt.date(2023, 1, 5)]), "year").tolist()
    ['2023']
    """
    format_ = _format(freq)
    if pd.api.types.is_datetime64_any_dtype(published):
        dates = published
    elif str(published.dtype).startswith("date32"):  # the articles table's date column
        dates = pd.to_datetime(published.astype("string"), format=ISO_DATE, errors="coerce")
    else:
        text = published.map(_iso_date, na_action="ignore").astype("string").str.strip()
        dates = pd.to_datetime(text, format=ISO_DATE, errors="coerce")
    periods = dates.dt.strftime(format_)
    return periods.astype("string").where(dates.notna(), pd.NA)


def _published_sql(db: Any, alias: str = "") -> str:
    """Return the SQL date of ``published`` in the articles view (text or a date column)."""
    column = f"{alias}.published" if alias else "published"
    kind = str(db.sql("SELECT published FROM articles LIMIT 0").types[0])
    if kind == "VARCHAR":  # the schema's YYYY-MM-DD text, read as period_of reads it
        return f"TRY_STRPTIME(trim({column}), '{ISO_DATE}')"
    return f"TRY_CAST({column} AS DATE)"


def _tidy(frame: pd.DataFrame, columns: dict[str, str], by: list[str],
          ascending: list[bool]) -> pd.DataFrame:
    """Return ``frame`` with ``columns`` in their dtypes, sorted (missing keys last)."""
    if frame.empty:
        return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in columns.items()})
    frame = frame[list(columns)].astype(columns)
    frame = frame.sort_values(by, ascending=ascending, na_position="last", kind="stable")
    return frame.reset_index(drop=True)


# --- quotes per actor per outlet ---------------------------------------------------------


def quotes_per_actor_outlet_from_tables(
    quotes: pd.DataFrame, articles: pd.DataFrame, kinds: Sequence[str] = SPEECH_KINDS,
) -> pd.DataFrame:
    """Count the quotes of each actor in each outlet, from ``quotes`` and ``articles`` tables.

    Parameters
    ----------
    quotes, articles : DataFrame
        The tables (columns ``article_id``, ``kind``, ``actor``, ``n_words``; and
        ``article_id``, ``outlet``).
    kinds : sequence of str
        Quote kinds counted (default: speech, i.e. direct, partial and indirect).

    Returns
    -------
    DataFrame
        ``outlet`` (<NA>: unknown), ``actor`` (<NA>: speakers not resolved to an actor),
        ``n_quotes``, ``n_words`` (quoted or reported), ``n_articles`` (articles of the
        outlet quoting the actor), ``share_of_outlet`` (of the outlet's counted quotes);
        by outlet, then most quotes first.

    Examples
    --------
    >>> quotes = pd.DataFrame({"article_id": ["a", "a", "b"], "kind": ["direct"] * 3,
    ...                        "actor": ["Yoon", None, "Yoon"], "n_words": [5, 3, 4]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Wire", "Wire"]})
    >>> table = quotes_per_actor_outlet_from_tables(quotes, articles)
    >>> table[["outlet", "actor", "n_quotes", "n_words"]].astype(object).values.tolist()
    [['Wire', 'Yoon', 2, 9], ['Wire', <NA>, 1, 3]]
    """
    speech = quotes.loc[quotes["kind"].isin(list(kinds)), ["article_id", "actor", "n_words"]]
    joined = speech.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    counts = joined.groupby(["outlet", "actor"], dropna=False, sort=False).agg(
        n_quotes=("article_id", "size"), n_words=("n_words", "sum"),
        n_articles=("article_id", "nunique")).reset_index()
    return _finish_quotes(counts)


def _finish_quotes(counts: pd.DataFrame) -> pd.DataFrame:
    if not counts.empty:
        outlet = counts["outlet"].astype("string").fillna("\0")  # group missing outlets too
        totals = counts["n_quotes"].groupby(outlet).transform("sum")
        counts = counts.assign(share_of_outlet=counts["n_quotes"].astype(float) / totals)
    return _tidy(counts, _QUOTE_COLUMNS, ["outlet", "n_quotes", "actor"], [True, False, True])


_QUOTES_SQL = """
SELECT a.outlet AS outlet, q.actor AS actor, count(*) AS n_quotes,
       coalesce(sum(q.n_words), 0) AS n_words, count(DISTINCT q.article_id) AS n_articles
FROM quotes AS q LEFT JOIN articles AS a ON a.article_id = q.article_id
WHERE list_contains(?, q.kind)
GROUP BY a.outlet, q.actor
"""


def quotes_per_actor_outlet(
    out_dir: PathLike, *, kinds: Sequence[str] = SPEECH_KINDS, engine: str | None = None,
) -> pd.DataFrame:
    """Count the quotes of each actor in each outlet of a corpus run.

    The ``quotes`` table joined with ``articles`` on ``article_id``; columns as
    :func:`quotes_per_actor_outlet_from_tables` returns.

    Parameters
    ----------
    out_dir : path
        The output folder of a complete run (with quotes and articles).
    kinds : sequence of str
        Quote kinds counted (default: direct, partial and indirect speech).
    engine : {"duckdb", "pandas"}, optional
        Default: DuckDB when installed.

    Raises
    ------
    AnalysisError
        When ``out_dir`` holds no complete run, or lacks one of the tables.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analysis.corpus import extract_corpus
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("outlet: Wire\\n\\n“We agree,” Stoltenberg said.")
    >>> _ = extract_corpus(root / "a.txt", root / "out")
    >>> table = quotes_per_actor_outlet(root / "out", engine="pandas")
    >>> table[["outlet", "actor", "n_quotes"]].values.tolist()
    [['Wire', 'Jens Stoltenberg', 1]]
    """
    if choose_engine(engine) == "duckdb":
        with connect(out_dir, ("quotes", "articles")) as db:
            counts = db.execute(_QUOTES_SQL, [list(kinds)]).df()
        return _finish_quotes(counts)
    quotes = read_columns(out_dir, "quotes", ["article_id", "kind", "actor", "n_words"])
    articles = read_columns(out_dir, "articles", ["article_id", "outlet"])
    return quotes_per_actor_outlet_from_tables(quotes, articles, kinds)


# --- sector mentions over time ------------------------------------------------------------


def sector_mentions_over_time_from_tables(
    sectors: pd.DataFrame, articles: pd.DataFrame, freq: str = "year",
) -> pd.DataFrame:
    """Count each sector's mentions and articles per year or month, from in-memory tables.

    Parameters
    ----------
    sectors, articles : DataFrame
        The tables (columns ``article_id``, ``sector``, ``label``; and ``article_id``,
        ``published``).
    freq : {"year", "month"}
        The period of the article's ``published`` date to count by.

    Returns
    -------
    DataFrame
        ``period`` (<NA>: undated articles), ``sector``, ``label``, ``n_mentions``,
        ``n_articles`` (naming the sector), ``n_articles_in_period`` (every article of
        the period, naming a sector or not), ``share_of_articles``
        (``n_articles / n_articles_in_period``); by period, then most articles first.

    Examples
    --------
    >>> sectors = pd.DataFrame({"article_id": ["a", "a", "b"], "sector": ["cyber"] * 3,
    ...                         "label": ["Cyber"] * 3})
    >>> articles = pd.DataFrame({"article_id": ["a", "b", "c"],
    ...                          "published": ["2023-07-11", "2024-01-02", "2024-05-06"]})
    >>> table = sector_mentions_over_time_from_tables(sectors, articles)
    >>> table[["period", "n_mentions", "n_articles", "n_articles_in_period"]].values.tolist()
    [['2023', 2, 1, 1], ['2024', 1, 1, 2]]
    """
    dated = pd.DataFrame({"article_id": articles["article_id"],
                          "period": period_of(articles["published"], freq)})
    totals = dated.groupby("period", dropna=False).size().rename("n_articles_in_period")
    joined = sectors[["article_id", "sector", "label"]].merge(dated, on="article_id", how="left")
    counts = joined.groupby(["period", "sector"], dropna=False, sort=False).agg(
        label=("label", "min"), n_mentions=("article_id", "size"),
        n_articles=("article_id", "nunique")).reset_index()
    counts = counts.merge(totals.reset_index(), on="period", how="left")
    return _finish_sectors(counts)


def _finish_sectors(counts: pd.DataFrame) -> pd.DataFrame:
    if not counts.empty:
        counts = counts.assign(share_of_articles=counts["n_articles"].astype(float)
                               / counts["n_articles_in_period"].astype(float))
    return _tidy(counts, _SECTOR_COLUMNS, ["period", "n_articles", "n_mentions", "sector"],
                 [True, False, False, True])


_SECTORS_SQL = """
WITH dated AS (
    SELECT article_id, strftime({published}, ?) AS period FROM articles
), totals AS (
    SELECT period, count(*) AS n_articles_in_period FROM dated GROUP BY period
), counts AS (
    SELECT d.period AS period, s.sector AS sector, min(s.label) AS label,
           count(*) AS n_mentions, count(DISTINCT s.article_id) AS n_articles
    FROM sectors AS s LEFT JOIN dated AS d ON d.article_id = s.article_id
    GROUP BY d.period, s.sector
)
SELECT c.*, t.n_articles_in_period
FROM counts AS c LEFT JOIN totals AS t ON t.period IS NOT DISTINCT FROM c.period
"""


def sector_mentions_over_time(
    out_dir: PathLike, *, freq: str = "year", engine: str | None = None,
) -> pd.DataFrame:
    """Count each sector's mentions and articles per year or month of a corpus run.

    The ``sectors`` table joined with ``articles`` on ``article_id``; columns as
    :func:`sector_mentions_over_time_from_tables` returns.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analysis.corpus import extract_corpus
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("published: 2024-07-10\\n\\nThey discussed cyber defence.")
    >>> _ = extract_corpus(root / "a.txt", root / "out")
    >>> table = sector_mentions_over_time(root / "out", engine="pandas")
    >>> table[["period", "sector", "n_articles", "share_of_articles"]].values.tolist()
    [['2024', 'cyber-defence', 1, 1.0]]
    """
    format_ = _format(freq)
    if choose_engine(engine) == "duckdb":
        with connect(out_dir, ("sectors", "articles")) as db:
            sql = _SECTORS_SQL.format(published=_published_sql(db))
            counts = db.execute(sql, [format_]).df()
        return _finish_sectors(counts)
    sectors = read_columns(out_dir, "sectors", ["article_id", "sector", "label"])
    articles = read_columns(out_dir, "articles", ["article_id", "published"])
    return sector_mentions_over_time_from_tables(sectors, articles, freq)


# --- tone toward a target over time -------------------------------------------------------


def _as_targets(targets: str | Sequence[str] | None) -> list[str] | None:
    return [targets] if isinstance(targets, str) else (None if targets is None else list(targets))


def target_tone_over_time_from_tables(
    targets_table: pd.DataFrame, articles: pd.DataFrame,
    targets: str | Sequence[str] | None = None, *, freq: str = "month", min_n: int = 5,
    n_resamples: int = 2000, seed: int = 0, level: float = 0.95,
) -> pd.DataFrame:
    """Return the mean tone toward each target per month (or year), with n and an interval.

    Parameters
    ----------
    targets_table, articles : DataFrame
        The ``targets`` table (``article_id``, ``target``, ``start``, ``score``,
        ``label``, ``p_negative``, ``p_neutral``, ``p_positive``) and the ``articles``
        table (``article_id``, ``published``).
    targets : str or list of str, optional
        Canonical names of the targets (the ``target`` column, e.g. ``"North Korea"``);
        None: every target. A target with no mention is warned about.
    freq : {"month", "year"}
    min_n, n_resamples, seed, level
        As :func:`analysis.sentiment.uncertainty.aggregate_tone`: the mean of ``score``
        (P(positive) - P(negative)) with a seeded percentile bootstrap interval; groups
        under ``min_n`` mentions are noted "small n". Mentions are resampled in
        article and text order, so the interval is the same however the parts were
        written.

    Returns
    -------
    DataFrame
        The columns of :func:`analysis.sentiment.tone_summary.summarise_tone` (``n``,
        ``n_unscored``, ``mean`` with its interval, the share of each label, the averaged
        class probabilities, their most probable ``label``, ``method``, ``note``) for
        each ``target`` and ``period``; by target, then period. Mentions in undated
        articles are left out (no period).

    Examples
    --------
    >>> targets_table = pd.DataFrame({"article_id": ["a", "a", "b"], "target": ["NATO"] * 3,
    ...     "start": [0, 9, 0], "score": [0.2, 0.4, -0.1],
    ...     "label": ["positive", "positive", "neutral"], "p_negative": [0.2, 0.1, 0.3],
    ...     "p_neutral": [0.2, 0.4, 0.5], "p_positive": [0.6, 0.5, 0.2]})
    >>> articles = pd.DataFrame({"article_id": ["a", "b"],
    ...                          "published": ["2024-07-10", "2024-08-01"]})
    >>> table = target_tone_over_time_from_tables(targets_table, articles, "NATO")
    >>> table[["period", "n", "note"]].values.tolist()
    [['2024-07', 2, 'small n'], ['2024-08', 1, 'small n']]
    >>> round(float(table.loc[0, "mean"]), 2)
    0.3
    """
    wanted = _as_targets(targets)
    rows = targets_table[_TONE_INPUTS]
    if wanted is not None:
        rows = rows[rows["target"].isin(wanted)]
    dated = pd.DataFrame({"article_id": articles["article_id"],
                          "period": period_of(articles["published"], freq)})
    available = targets_table["target"]
    return _aggregate(rows.merge(dated, on="article_id", how="left"), wanted,
                      lambda: set(available.dropna()), min_n=min_n,
                      n_resamples=n_resamples, seed=seed, level=level)


def _aggregate(rows: pd.DataFrame, wanted: list[str] | None,
               available: Callable[[], set[str]], **options: float) -> pd.DataFrame:
    """Return the tone table of the target rows (target, period, article_id, start, score).

    ``available`` gives every target of the run, for the warning about a wanted one that
    has no mentions (called only then).
    """
    rows = _tidy(rows, _TONE_ROW_COLUMNS, ["target", "period", "article_id", "start"],
                 [True] * 4)
    if wanted is not None:
        _warn_missing(wanted, set(rows["target"].dropna()), available)
    table = summarise_tone(rows, ["target", "period"], "score",
                           probabilities=PROBABILITY_COLUMNS, min_n=int(options["min_n"]),
                           n_resamples=int(options["n_resamples"]), seed=int(options["seed"]),
                           level=float(options["level"]))
    return table.sort_values(["target", "period"], kind="stable").reset_index(drop=True)


def _warn_missing(wanted: list[str], found: set[str],
                  available: Callable[[], set[str]]) -> None:
    missing = [name for name in wanted if name not in found]
    if missing:
        examples = ", ".join(sorted(available())[:5]) or "none in this run"
        warnings.warn(TARGET_NOT_FOUND.format(names=", ".join(map(repr, missing)),
                                              examples=examples), UserWarning, stacklevel=3)


#: A few targets of a run, named when a wanted target has no mentions.
_TARGETS_SQL = "SELECT DISTINCT target FROM targets ORDER BY target LIMIT 5"

_TONE_SQL = """
SELECT t.target AS target, strftime({published}, ?) AS period,
       t.article_id AS article_id, t.start AS start, t.score AS score, t.label AS label,
       t.p_negative AS p_negative, t.p_neutral AS p_neutral, t.p_positive AS p_positive
FROM targets AS t LEFT JOIN articles AS a ON a.article_id = t.article_id
WHERE ? OR list_contains(CAST(? AS VARCHAR[]), t.target)
"""


def target_tone_over_time(
    out_dir: PathLike, targets: str | Sequence[str] | None = None, *, freq: str = "month",
    min_n: int = 5, n_resamples: int = 2000, seed: int = 0, level: float = 0.95,
    engine: str | None = None,
) -> pd.DataFrame:
    """Return the mean tone toward each target per month (or year) of a corpus run.

    The ``targets`` table joined with ``articles`` on ``article_id``; DuckDB selects
    the mentions, the bootstrap runs in pandas. Parameters and columns as
    :func:`target_tone_over_time_from_tables`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from analysis.corpus import extract_corpus
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("published: 2024-07-10\\n\\nNATO praised Korea.")
    >>> _ = extract_corpus(root / "a.txt", root / "out")
    >>> table = target_tone_over_time(root / "out", "NATO", engine="pandas")
    >>> table[["target", "period", "n", "note"]].values.tolist()
    [['NATO', '2024-07', 1, 'small n']]
    """
    wanted = _as_targets(targets)
    options = {"min_n": min_n, "n_resamples": n_resamples, "seed": seed, "level": level}
    if choose_engine(engine) == "duckdb":
        format_ = _format(freq)
        with connect(out_dir, ("targets", "articles")) as db:
            sql = _TONE_SQL.format(published=_published_sql(db, "a"))
            rows = db.execute(sql, [format_, wanted is None, wanted or []]).df()
            available = set(db.execute(_TARGETS_SQL).df()["target"].dropna()) if (
                wanted is not None and not set(wanted) <= set(rows["target"].dropna())) else set()
        return _aggregate(rows, wanted, lambda: available, **options)
    targets_table = read_columns(out_dir, "targets", _TONE_INPUTS)
    articles = read_columns(out_dir, "articles", ["article_id", "published"])
    return target_tone_over_time_from_tables(targets_table, articles, targets, freq=freq,
                                             **options)
