"""One pass per article: every table is a view of one annotation, and they agree."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from analysis import Article
from analysis.actors import ActorRegistry, Override, actors_frame, default_registry
from analysis.corpus import extract_corpus, read_table
from analysis.pipeline import TABLES, Annotation, Context, annotate, frame, frames
from analysis.quotes import quotes_frame
from analysis.schemas import columns
from analysis.sentiment import sentences_frame, target_sentiment_frame

# Written for these tests. Two Kims are named; the title before the surname in the last
# sentence ("first lady Kim") says which one speaks. The code before the one-pass pipeline
# gave the quote the actor "Monday. Kim Eun-hye" while the actors table said Kim Keon-hee.
FIRST_LADY = Article(
    article_id="visit",
    published=date(2023, 7, 11),
    text=(
        "President Yoon Suk Yeol and first lady Kim Keon-hee arrived in Vilnius on Monday. "
        "Kim Eun-hye, the presidential spokesperson, briefed reporters.\n\n"
        "“We are deeply moved by the welcome,” first lady Kim said."
    ),
)


def _overlapping(table: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    return table[(table["start"] < end) & (table["end"] > start)]


def test_a_speaker_mention_has_the_same_actor_in_quotes_actors_and_targets():
    tables = frames(["quotes", "actors", "targets"], FIRST_LADY)
    quote = tables["quotes"].iloc[0]
    assert quote["speaker"] == "Kim"
    assert quote["actor"] == "Kim Keon-hee"
    span = (int(quote["speaker_start"]), int(quote["speaker_end"]))
    assert _overlapping(tables["actors"], *span)["actor"].tolist() == ["Kim Keon-hee"]
    assert _overlapping(tables["targets"], *span)["target"].tolist() == ["Kim Keon-hee"]


def test_every_mention_is_the_same_in_the_actors_and_targets_tables():
    tables = frames(["actors", "targets"], FIRST_LADY)
    actors = tables["actors"][["start", "end", "actor"]].values.tolist()
    targets = tables["targets"][["start", "end", "target"]].values.tolist()
    assert actors == targets


def test_the_public_frames_are_views_of_the_pipeline():
    assert quotes_frame(FIRST_LADY).equals(frame("quotes", FIRST_LADY))
    assert actors_frame(FIRST_LADY).equals(frame("actors", FIRST_LADY))
    assert target_sentiment_frame(FIRST_LADY).equals(frame("targets", FIRST_LADY))
    assert sentences_frame(FIRST_LADY).equals(frame("sentences", FIRST_LADY))


def test_a_corrected_mention_reaches_every_table():
    offset = FIRST_LADY.text.rindex("Kim")
    fix = Override("visit", "actors", offset, "actor", "Kim Eun-hye")
    context = Context(overrides=(fix,))
    tables = frames(["quotes", "actors", "targets"], FIRST_LADY, context)
    assert tables["quotes"].iloc[0]["actor"] == "Kim Eun-hye"
    mention = tables["actors"][tables["actors"]["start"] == offset]
    assert mention["actor"].tolist() == ["Kim Eun-hye"]
    target = tables["targets"][tables["targets"]["start"] == offset]
    assert target["target"].tolist() == ["Kim Eun-hye"]


def test_actor_mentions_are_searched_once_for_all_tables(monkeypatch):
    calls = []
    registry = ActorRegistry.load()
    original = type(registry).find_mentions

    def counting(self, *args, **kwargs):
        calls.append(args[0] if args else kwargs.get("text"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(registry), "find_mentions", counting)
    annotation = annotate(FIRST_LADY, Context(registry=registry))
    for table in TABLES:
        annotation.frame(table)
    assert len(calls) == 1


def test_each_part_is_computed_once_and_shared():
    annotation = annotate(FIRST_LADY)
    assert annotation.quotes is annotation.quotes
    assert annotation.mentions is annotation.mentions


@pytest.mark.parametrize("table", TABLES)
def test_every_table_has_its_schema_and_is_keyed_by_article(table):
    built = frame(table, [FIRST_LADY, replace(FIRST_LADY, article_id="again")])
    assert list(built.columns) == columns(table)
    assert set(built["article_id"]) <= {"visit", "again"}
    if table != "articles":
        assert {"start", "end"} <= set(built.columns)


def test_an_undated_article_gives_no_office_out_of_time():
    undated = replace(FIRST_LADY, published=None)
    actors = frame("actors", undated)
    assert actors["role"].isna().all()


def test_the_corpus_run_writes_the_pipeline_tables(tmp_path):
    source = tmp_path / "visit.txt"
    source.write_text("published: 2023-07-11\n\n" + FIRST_LADY.text, encoding="utf-8")
    extract_corpus(source, tmp_path / "out")
    article = next(iter(__import__("analysis").load_corpus(source)))
    for table in ("quotes", "actors", "targets", "sentences"):
        written = read_table(tmp_path / "out", table)
        assert written.equals(frame(table, article)), table


def test_context_load_reads_actor_and_role_files_in_any_order(tmp_path):
    roles = tmp_path / "roles.csv"
    roles.write_text(
        "actor,title,affiliation,valid_from,valid_to,descriptions,source\n"
        "Ann Cole,Minister of Defence,Testland,2023-01-01,,the Testland defence minister,"
        "test fixture\n",
        encoding="utf-8",
    )
    actors = tmp_path / "people.csv"
    actors.write_text(
        "name,kind,aliases,descriptions,demonyms,country,source\n"
        "Testland,country,Republic of Testland,,Testlander,,test fixture\n"
        "Ann Cole,person,Cole,,,Testland,test fixture\n",
        encoding="utf-8",
    )
    context = Context.load(actors_csv=[roles, actors])
    article = Article(article_id="t", text="Ann Cole met Yoon in Seoul.",
                      published=date(2024, 3, 5))
    found = annotate(article, context).frame("actors")
    assert found[["actor", "role"]].values.tolist()[0] == ["Ann Cole", "Minister of Defence"]
    assert default_registry().get("Ann Cole") is None  # the shipped registry is untouched


def test_unknown_tables_are_a_clear_error():
    with pytest.raises(ValueError, match="unknown table 'quote'"):
        Annotation(annotate("x").document).frame("quote")


def test_every_public_frame_takes_the_runs_context():
    from analysis.sectors import programme_statements_frame, sector_mentions_frame
    from analysis.sentiment import quote_sentiment_frame

    offset = FIRST_LADY.text.rindex("Kim")
    context = Context(overrides=(Override("visit", "actors", offset, "actor", "Kim Eun-hye"),))
    views = {
        "quotes": quotes_frame, "actors": actors_frame, "sentences": sentences_frame,
        "targets": target_sentiment_frame, "quote_sentiment": quote_sentiment_frame,
        "sectors": sector_mentions_frame, "programme_statements": programme_statements_frame,
    }
    for table, view in views.items():
        assert view(FIRST_LADY, context=context).equals(frame(table, FIRST_LADY, context)), table
    assert quotes_frame(FIRST_LADY, context=context)["actor"].tolist() == ["Kim Eun-hye"]
    with pytest.raises(ValueError, match="either a context or registry"):
        quotes_frame(FIRST_LADY, default_registry(), context=context)


@pytest.mark.parametrize(("published", "expected"), [(date(2023, 7, 11), "Kim Keon-hee"),
                                                     (None, "Kim")])
def test_a_title_that_fits_no_earlier_namesake_keeps_the_quote_from_borrowing_the_name(
        published, expected):
    # Undated, the registry cannot tell which first lady Kim is meant, so the actors table
    # has no mention there; the quote must not take the Kim named earlier, who holds no
    # such office (the old resolver said Kim Jong Un).
    article = Article(article_id="k", published=published, text=(
        "Kim Jong Un test-fired a missile on Monday. "
        "“We are grateful,” first lady Kim told reporters."))
    tables = frames(["quotes", "actors"], article)
    quote = tables["quotes"].iloc[0]
    assert quote["actor"] == expected
    span = _overlapping(tables["actors"], int(quote["speaker_start"]), int(quote["speaker_end"]))
    assert span["actor"].tolist() == ([expected] if published else [])


# Hand-written articles in which a speaker span holds a person's name that the registry
# also knows (a namesake behind titles, a surname shared by several actors).
AGREEMENT_CASES = [
    "“We trained hard,” said Lt. Col. Ji-ho Moon of the army. Moon Jae-in was not there.",
    "Moon Jae-in spoke first. “We agree,” Moon said later.",
    "“Korea matters,” NATO chief Jens Stoltenberg said. “So does Japan,” the NATO chief added.",
    "Dr. Ann Lee, a historian, spoke. “It is new,” Dr. Lee said. Lee Jae-myung did not comment.",
    "First lady Kim Keon-hee arrived. “Thank you,” Kim told the crowd, as Kim Eun-hye watched.",
]


@pytest.mark.parametrize("text", AGREEMENT_CASES)
@pytest.mark.parametrize("published", [date(2023, 9, 20), None])
def test_every_person_mention_inside_a_speaker_span_names_the_quotes_actor(text, published):
    tables = frames(["quotes", "actors"], Article(article_id="a", text=text, published=published))
    for quote in tables["quotes"].itertuples():
        if pd.isna(quote.speaker_start):
            continue
        inside = _overlapping(tables["actors"], int(quote.speaker_start), int(quote.speaker_end))
        persons = inside[inside["kind"] == "person"]
        assert set(persons["actor"]) <= {quote.actor}, (quote.speaker, quote.actor,
                                                        persons["actor"].tolist())
