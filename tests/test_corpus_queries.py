"""Corpus queries: the same tidy tables from DuckDB and pandas, only the manifest's parts.

Every corpus here is written in the test (tmp_path) and run through extract_corpus.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import warnings

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.corpus import extract_corpus, read_table
from analysis.corpus.dataset import choose_engine, connect, read_columns, table_parts
from analysis.corpus.queries import (
    period_of,
    quotes_per_actor_outlet,
    quotes_per_actor_outlet_from_tables,
    sector_mentions_over_time,
    sector_mentions_over_time_from_tables,
    target_tone_over_time,
    target_tone_over_time_from_tables,
)
from analysis.errors import AnalysisError
from analysis.pipeline import TABLES
from analysis.sentiment.tone_summary import PROBABILITY_COLUMNS, summarise_tone

pytest.importorskip("duckdb")

ARTICLES = {
    "a-wire-2023.txt": (
        "outlet: Wire\npublished: 2023-07-11\n\n"
        "“We agree on cyber defence,” Stoltenberg said.\n"
        "NATO welcomed Korea. “Cyber defence matters,” Stoltenberg said.\n"
    ),
    "b-wire-2024.txt": (
        "outlet: Wire\npublished: 2024-07-10\n\n"
        "“Climate change is a security threat,” Yoon said.\nNATO criticised Russia harshly.\n"
    ),
    "c-daily-2024.txt": (
        "outlet: Daily\npublished: 2024-07-22\n\n"
        "“Cyber defence comes first,” Stoltenberg said. “We are ready,” an official said.\n"
        "NATO praised Korea warmly.\n"
    ),
    "d-undated.txt": "outlet: Daily\n\nLeaders discussed climate change and cyber defence.\n",
}


def _write_corpus(folder, articles=ARTICLES):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract_corpus(_write_corpus(root / "in"), root / "out", batch_size=2)
    return root / "out"


def _both(query, out, **options):
    """Return a query's table from DuckDB, after checking pandas gives the same."""
    duck = query(out, engine="duckdb", **options)
    pandas_table = query(out, engine="pandas", **options)
    pd.testing.assert_frame_equal(duck, pandas_table)
    return duck


# --- reading: only the manifest's parts -------------------------------------------------


def test_table_parts_are_the_manifest_parts_and_extra_files_are_ignored(run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(run, out)
    parts = table_parts(out, "quotes")
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet"]
    before = _both(quotes_per_actor_outlet, out)
    # a part another run left behind is not counted, by either engine
    shutil.copy(parts[0], out / "quotes" / "part-09999.parquet")
    assert table_parts(out, "quotes") == parts
    pd.testing.assert_frame_equal(_both(quotes_per_actor_outlet, out), before)
    with connect(out, ["quotes"]) as db:
        assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == len(read_table(out, "quotes"))


def test_a_part_that_differs_from_the_manifest_is_refused(run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(run, out)
    part = out / "quotes" / "part-00000.parquet"
    table = pq.read_table(part)
    pq.write_table(table.slice(0, 1), part)
    for engine in ("duckdb", "pandas"):
        with pytest.raises(AnalysisError, match="differs from the manifest"):
            quotes_per_actor_outlet(out, engine=engine)
    part.unlink()
    with pytest.raises(AnalysisError, match="is missing"):
        table_parts(out, "quotes")


def test_a_folder_without_a_manifest_is_refused(tmp_path):
    (tmp_path / "quotes").mkdir()
    for query in (quotes_per_actor_outlet, sector_mentions_over_time, target_tone_over_time):
        for engine in ("duckdb", "pandas"):
            with pytest.raises(AnalysisError, match=r"no _manifest\.json"):
                query(tmp_path, engine=engine)


def test_a_table_the_run_did_not_write_is_refused(tmp_path):
    _write_corpus(tmp_path / "in")
    extract_corpus(tmp_path / "in", tmp_path / "out", tables=["articles"])
    for engine in ("duckdb", "pandas"):
        with pytest.raises(AnalysisError, match="no 'quotes' table"):
            quotes_per_actor_outlet(tmp_path / "out", engine=engine)


def test_read_columns_gives_the_schema_dtypes_and_checks_names(run):
    frame = read_columns(run, "quotes", ["article_id", "n_words"])
    assert frame.dtypes.astype(str).tolist() == ["string", "Int64"]
    with pytest.raises(AnalysisError, match="no column"):
        read_columns(run, "quotes", ["nope"])


# --- engines -------------------------------------------------------------------------


def test_without_duckdb_queries_run_on_pandas(run, monkeypatch):
    expected = {query: query(run, engine="duckdb") for query in
                (quotes_per_actor_outlet, sector_mentions_over_time, target_tone_over_time)}
    monkeypatch.setitem(sys.modules, "duckdb", None)  # `import duckdb` now fails
    assert choose_engine() == "pandas"
    for query, table in expected.items():
        pd.testing.assert_frame_equal(query(run), table)
    with pytest.raises(AnalysisError, match="needs DuckDB"):
        quotes_per_actor_outlet(run, engine="duckdb")
    with pytest.raises(AnalysisError, match="needs DuckDB"):
        connect(run)


def test_unknown_engine_and_frequency_are_refused(run):
    with pytest.raises(AnalysisError, match="unknown engine"):
        quotes_per_actor_outlet(run, engine="spark")
    with pytest.raises(AnalysisError, match="unknown freq"):
        sector_mentions_over_time(run, freq="week")


# --- quotes per actor per outlet -----------------------------------------------------------


def test_quotes_per_actor_outlet(run):
    table = _both(quotes_per_actor_outlet, run)
    rows = table[["outlet", "actor", "n_quotes", "n_articles"]].astype(object).values.tolist()
    assert rows == [
        ["Daily", "Jens Stoltenberg", 1, 1],
        ["Daily", pd.NA, 1, 1],  # "an official": not resolved to an actor
        ["Wire", "Jens Stoltenberg", 2, 1],
        ["Wire", "Yoon Suk Yeol", 1, 1],
    ]
    assert table["share_of_outlet"].tolist() == [0.5, 0.5, 2 / 3, 1 / 3]
    quotes = read_table(run, "quotes")
    speech = quotes[quotes["kind"].isin(["direct", "partial", "indirect"])]
    assert table["n_quotes"].sum() == len(speech)
    assert table["n_words"].sum() == speech["n_words"].sum()


def test_quotes_per_actor_outlet_kinds_and_empty_tables(run):
    assert _both(quotes_per_actor_outlet, run, kinds=["title"]).empty
    table = quotes_per_actor_outlet_from_tables(read_table(run, "quotes").iloc[:0],
                                                read_table(run, "articles"))
    assert table.empty and list(table.columns) == ["outlet", "actor", "n_quotes", "n_words",
                                                   "n_articles", "share_of_outlet"]


def test_a_run_with_empty_tables_gives_empty_answers(tmp_path):
    _write_corpus(tmp_path / "in", {"x.txt": "published: 2024-01-02\n\nNothing to report.\n"})
    extract_corpus(tmp_path / "in", tmp_path / "out")
    for query in (quotes_per_actor_outlet, sector_mentions_over_time, target_tone_over_time):
        assert _both(query, tmp_path / "out").empty


# --- sectors over time ---------------------------------------------------------------------


def test_sector_mentions_by_year(run):
    table = _both(sector_mentions_over_time, run)
    cyber = table[table["sector"] == "cyber-defence"]
    assert cyber[["period", "n_mentions", "n_articles", "n_articles_in_period"]].astype(
        object).values.tolist() == [["2023", 2, 1, 1], ["2024", 1, 1, 2], [pd.NA, 1, 1, 1]]
    climate = table[table["sector"] == "climate-security"]
    assert climate["period"].astype(object).tolist() == ["2024", pd.NA]
    assert climate["share_of_articles"].tolist() == [0.5, 1.0]
    assert table["n_mentions"].sum() == len(read_table(run, "sectors"))


def test_sector_mentions_by_month_and_from_tables(run):
    table = _both(sector_mentions_over_time, run, freq="month")
    assert table["period"].dropna().unique().tolist() == ["2023-07", "2024-07"]
    in_memory = sector_mentions_over_time_from_tables(read_table(run, "sectors"),
                                                      read_table(run, "articles"), "month")
    pd.testing.assert_frame_equal(in_memory, table)


def test_published_as_text_gives_the_same_periods_as_a_date_column(run, tmp_path):
    # runs write a date; a table written by an earlier version held YYYY-MM-DD text
    assert pq.read_schema(table_parts(run, "articles")[0]).field("published").type == pa.date32()
    out = tmp_path / "out"
    shutil.copytree(run, out)
    for part in table_parts(out, "articles"):
        table = pq.read_table(part)
        index = table.schema.get_field_index("published")
        texts = [None if v is None else v.isoformat() for v in table.column(index).to_pylist()]
        pq.write_table(table.set_column(index, "published", pa.array(texts, pa.string())), part)
    assert pq.read_schema(table_parts(out, "articles")[0]).field("published").type == pa.string()
    for query in (sector_mentions_over_time, target_tone_over_time):
        pd.testing.assert_frame_equal(_both(query, out), query(run, engine="duckdb"))


def test_period_of_reads_text_dates_and_missing():
    published = pd.Series(["2024-07-10", " 2024-07-11", None, "unknown", "2024-02-30"],
                          dtype="string")
    assert period_of(published, "month").astype(object).tolist() == [
        "2024-07", "2024-07", pd.NA, pd.NA, pd.NA]
    dates = pd.Series([dt.date(2023, 1, 5), None], dtype=object)
    assert period_of(dates, "year").astype(object).tolist() == ["2023", pd.NA]
    stamps = pd.Series(pd.to_datetime(["2025-03-01", None]))
    assert period_of(stamps, "month").astype(object).tolist() == ["2025-03", pd.NA]


# --- tone toward a target over time ---------------------------------------------------------


def test_target_tone_by_month_is_summarise_tone_over_the_joined_mentions(run):
    table = _both(target_tone_over_time, run, targets="NATO", seed=3)
    targets = read_table(run, "targets")
    nato = targets[targets["target"] == "NATO"].merge(
        read_table(run, "articles")[["article_id", "published"]], on="article_id")
    nato = nato.assign(period=nato["published"].astype("string").str.slice(0, 7)).sort_values(
        ["period", "article_id", "start"])
    expected = summarise_tone(nato, ["target", "period"], "score",
                              probabilities=PROBABILITY_COLUMNS, seed=3)
    expected = expected.sort_values(["target", "period"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(table, expected)
    assert table["period"].tolist() == ["2023-07", "2024-07"]
    assert table["n"].tolist() == [1, 2] and (table["note"] == "small n").all()


def test_target_tone_every_target_by_year_and_from_tables(run):
    table = _both(target_tone_over_time, run, freq="year")
    assert {"NATO", "Russia"} <= set(table["target"])
    assert table.columns.tolist() == [
        "target", "period", "n", "n_unscored", "mean", "ci_low", "ci_high", "share_negative",
        "share_neutral", "share_positive", "p_negative", "p_neutral", "p_positive", "label",
        "method", "note"]
    in_memory = target_tone_over_time_from_tables(read_table(run, "targets"),
                                                  read_table(run, "articles"), freq="year")
    pd.testing.assert_frame_equal(in_memory, table)


def test_the_interval_does_not_depend_on_the_order_of_the_parts(run, tmp_path):
    _write_corpus(tmp_path / "in", dict(reversed(ARTICLES.items())))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract_corpus(tmp_path / "in", tmp_path / "out", batch_size=1)
    pd.testing.assert_frame_equal(target_tone_over_time(tmp_path / "out", freq="year"),
                                  target_tone_over_time(run, freq="year"))


def test_a_target_with_no_mentions_is_warned_about(run):
    with pytest.warns(UserWarning, match="no mentions of 'Atlantis'"):
        table = target_tone_over_time(run, ["NATO", "Atlantis"], engine="duckdb")
    assert set(table["target"]) == {"NATO"}
    with pytest.warns(UserWarning, match="no mentions of 'Atlantis'"):
        assert target_tone_over_time(run, "Atlantis", engine="pandas").empty


@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_the_warning_names_targets_the_run_has(run, engine):
    """The examples come from the run, not from the (empty) rows of the wanted target."""
    with pytest.warns(UserWarning) as caught:
        target_tone_over_time(run, "Atlantis", engine=engine)
    message = str(caught[0].message)
    assert "none in this run" not in message
    assert "NATO" in message


# --- the corpus figures draw what the queries count ------------------------------------------


def test_sectors_figure_draws_the_query_table(run):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from analysis.figures import style_context
    from analysis.figures.corpus import plot_sectors_by_period

    counts = sector_mentions_over_time(run)
    with style_context():
        figure, data = plot_sectors_by_period(counts)
        FigureCanvasAgg(figure).draw()
    pd.testing.assert_frame_equal(data, counts)
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == [
        "2023\n1 article", "2024\n2 articles", "undated\n1 article"]
    assert sorted(t.get_text() for t in axes.texts) == sorted(
        str(n) for n in counts["n_articles"])  # one number per named cell
    with style_context():
        _, empty = plot_sectors_by_period(counts.iloc[:0])
    assert empty.empty


def test_quotes_figure_counts_per_outlet_in_speaker_colours(run):
    from analysis.figures import style_context
    from analysis.figures.corpus import plot_quotes_by_outlet
    from analysis.figures.palette import UNRESOLVED
    from analysis.figures.speaker_colours import assign_speaker_colours

    quotes, articles = read_table(run, "quotes"), read_table(run, "articles")
    with style_context():
        figure, data = plot_quotes_by_outlet(quotes, articles)
    assert [a.get_title(loc="left") for a in figure.axes] == [
        "Wire: 3 quotes in 2 articles", "Daily: 2 quotes in 2 articles"]
    colours = assign_speaker_colours(quotes)
    assert data[["outlet", "label", "n_quotes", "members"]].values.tolist() == [
        ["Daily", "Jens Stoltenberg", 1, 1], ["Daily", "unattributed", 1, 1],  # never named
        ["Wire", "Jens Stoltenberg", 2, 1], ["Wire", "Yoon Suk Yeol", 1, 1]]
    assert data["colour"].tolist() == [colours.colour("Jens Stoltenberg"), UNRESOLVED,
                                       colours.colour("Jens Stoltenberg"),
                                       colours.colour("Yoon Suk Yeol")]
    assert data["drawn"].all()


def test_quotes_figure_groups_speakers_past_the_palette_and_notes_outlets_not_drawn():
    from analysis.figures import style_context
    from analysis.figures.corpus import MAX_OUTLETS, plot_quotes_by_outlet
    from analysis.figures.palette import OTHERS

    names = ["Ann Lane", "Bo Kim", "Cy Moss", "Di Park", "Ed Ruiz", "Flo Chen", "Gus Holt",
             "Hal Ito"]
    quotes = pd.DataFrame({
        "article_id": [f"a{i}" for i in range(8)] + ["b", "c"],
        "kind": ["direct"] * 10, "start": [0] * 10, "end": [5] * 10,
        "speaker": [*names, "an aide", "a diplomat"],
        "actor": [*names, None, None], "n_words": list(range(10, 0, -1))})
    outlets = ["Wire"] * 8 + [f"Outlet{i}" for i in range(MAX_OUTLETS + 1)]
    ids = [f"a{i}" for i in range(8)] + ["b", "c"] + [f"x{i}" for i in range(MAX_OUTLETS - 1)]
    articles = pd.DataFrame({"article_id": ids, "outlet": outlets[:len(ids)]})
    with style_context():
        figure, data = plot_quotes_by_outlet(quotes, articles)
    wire = data[data["outlet"] == "Wire"]
    assert wire["label"].tolist() == [*names[:6], "other speakers"]
    assert wire["members"].tolist() == [1] * 6 + [2]
    assert wire["colour"].tolist()[-1] == OTHERS
    assert len(figure.axes) == 3 and data["drawn"].all()  # Wire, Outlet0 and Outlet1 quote
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert "other speakers (2)" in labels
    note = " ".join(figure.axes[-1].get_xlabel().split())  # in the axis label: laid out
    assert "Not drawn: 3 more outlet(s)" in note, note


def test_manifest_summary_lists_every_table_the_run_wrote(run):
    from analysis.corpus.dataset import manifest_summary

    summary = manifest_summary(run)
    assert set(summary["table"]) == {*TABLES, "errors"}
    quotes = summary.set_index("table").loc["quotes"]
    assert quotes["rows"] == len(read_table(run, "quotes")) and quotes["parts"] == 2


def test_captioned_names_the_researchers_corpus_instead_of_the_illustrative_one():
    from analysis.figures import new_figure, style_context
    from analysis.figures.corpus import FIGURES, ILLUSTRATIVE_NOTE, captioned

    with style_context():
        figure, _ = new_figure()
        captioned("corpus-quotes-by-outlet", figure, corpus="Wire, 2024")
        illustrative, _ = new_figure()
        captioned("corpus-quotes-by-outlet", illustrative)
    caption = " ".join(figure.get_supxlabel().split())  # wrapped to the figure's width
    assert "Corpus: Wire, 2024." in caption and "illustrative" not in caption
    assert ILLUSTRATIVE_NOTE in " ".join(illustrative.get_supxlabel().split())
    assert illustrative.get_suptitle() == FIGURES[1].title


def test_quotes_with_no_outlet_are_drawn_last_and_apart_never_ranked():
    """'outlet unknown' is no outlet: last panel, grey ground, not one of the MAX_OUTLETS."""
    from matplotlib.colors import to_hex

    from analysis.figures import style_context
    from analysis.figures.corpus import (
        MAX_OUTLETS,
        UNKNOWN_OUTLET_FACE,
        UNKNOWN_OUTLET_TITLE,
        plot_quotes_by_outlet,
    )

    # the articles with no outlet hold the most quotes (9); MAX_OUTLETS named outlets too
    outlets = [f"Outlet{i}" for i in range(MAX_OUTLETS)]
    ids = [f"n{i}" for i in range(9)] + [f"o{i}" for i in range(MAX_OUTLETS)]
    quotes = pd.DataFrame({
        "article_id": ids, "kind": ["direct"] * len(ids), "start": [0] * len(ids),
        "end": [5] * len(ids), "speaker": ["Ann Lane"] * len(ids),
        "actor": ["Ann Lane"] * len(ids), "n_words": [3] * len(ids)})
    articles = pd.DataFrame({"article_id": ids, "outlet": [None] * 9 + outlets})
    with style_context():
        figure, data = plot_quotes_by_outlet(quotes, articles)
    titles = [" ".join(a.get_title(loc="left").split()) for a in figure.axes]
    assert titles == [*(f"{o}: 1 quote in 1 article" for o in outlets),
                      f"{UNKNOWN_OUTLET_TITLE}: 9 quotes in 9 articles"]
    assert to_hex(figure.axes[-1].get_facecolor()) == UNKNOWN_OUTLET_FACE.lower()
    assert {to_hex(a.get_facecolor()) for a in figure.axes[:-1]} == {"#ffffff"}
    assert data["drawn"].all()  # every named outlet drawn: the unknown one took no place
    assert data.loc[data["outlet"].isna(), "outlet_known"].tolist() == [False]
    assert "Not drawn" not in figure.axes[-1].get_xlabel()
