"""Actor registry: date-dependent resolution, aliases, titles, user CSVs, mentions in text.

Gold is annotated by hand from the seed article and from short sentences written here.
"""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import AnalysisError
from analysis.actors.mentions import actor_rows, actors_frame, extract_actors
from analysis.actors.records import ActorMention
from analysis.actors.registry import ActorRegistry, default_registry
from analysis.actors.titles import strip_titles
from analysis.schemas import columns
from analysis.text.articles import Article
from analysis.text.document import as_document

VILNIUS = date(2023, 7, 11)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return default_registry()


def names(actors) -> list[str]:
    return [actor.name for actor in actors]


def found(registry: ActorRegistry, text: str, **kwargs) -> list[tuple[str, str]]:
    return [(m.text, m.actor) for m in registry.find_mentions(text, **kwargs)]


# --- the shipped data ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Yoon Suk Yeol", "Lee Jae-myung", "Jens Stoltenberg", "Mark Rutte", "Kim Eun-hye",
        "Lee Do-woon", "Kim Keon-hee", "Pete Ricketts", "Jeanne Shaheen", "Thom Tillis",
        "Dan Sullivan", "Fumio Kishida", "Joe Biden", "Donald Trump", "Charles Michel",
        "Ursula von der Leyen", "Hillary Clinton", "Barack Obama", "Mike Pence", "Kamala Harris",
        "NATO", "European Union", "European Council", "European Commission", "United Nations",
        "Office of the President (South Korea)", "United States Congress", "United States Senate",
        "Yonhap", "South Korea", "North Korea", "Japan", "Australia", "New Zealand",
        "United States", "Ukraine", "Russia", "Lithuania", "Poland", "Norway", "Netherlands",
        "Portugal", "Romania", "Sweden", "Hungary", "France", "China",
    ],
)  # fmt: skip
def test_registry_covers_the_seed_and_frequent_actors(registry, name):
    actor = registry.get(name)
    assert actor is not None and actor.name == name
    assert actor.source
    assert all(role.source for role in actor.roles)


def test_kinds_and_countries(registry):
    assert registry.get("Stoltenberg").kind == "person"
    assert registry.get("NATO").kind == "organisation"
    assert registry.get("South Korea").kind == "country"
    assert registry.get("Dan Sullivan").country == "United States"
    sullivan_senate = registry.get("Dan Sullivan").role_on(VILNIUS)
    assert sullivan_senate.title == "Senator"
    assert "senator from Alaska" in sullivan_senate.descriptions


def test_role_dates_from_public_record(registry):
    yoon = registry.get("Yoon Suk Yeol")
    president = yoon.role_on(VILNIUS)
    assert (president.title, president.affiliation) == ("President", "South Korea")
    assert (president.valid_from, president.valid_to) == (date(2022, 5, 10), date(2025, 4, 4))
    assert registry.get("Lee Jae-myung").role_on(date(2025, 6, 4)).valid_from == date(2025, 6, 4)
    assert (
        registry.get("Charles Michel").role_on(date(2024, 11, 30)).affiliation == "European Council"
    )
    assert registry.get("Charles Michel").role_on(date(2024, 12, 1)) is None
    biden = registry.get("Joe Biden")
    assert biden.role_on(date(2015, 1, 1)).title == "Vice President"
    assert biden.role_on(None).title == "President"  # latest role


# --- date-dependent resolution ------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "on", "expected"),
    [
        ("the NATO chief", date(2023, 7, 11), "Jens Stoltenberg"),
        ("the NATO chief", date(2025, 3, 1), "Mark Rutte"),
        ("NATO Secretary General", date(2024, 9, 30), "Jens Stoltenberg"),
        ("NATO Secretary General", date(2024, 10, 1), "Mark Rutte"),  # handover day: incoming
        ("NATO's secretary-general", date(2012, 1, 1), "Anders Fogh Rasmussen"),
        ("secretary general of NATO", date(2019, 2, 2), "Jens Stoltenberg"),
        ("the South Korean president", date(2023, 7, 11), "Yoon Suk Yeol"),
        ("the South Korean president", date(2025, 4, 4), "Yoon Suk Yeol"),  # last day inclusive
        ("the South Korean president", date(2025, 7, 1), "Lee Jae-myung"),
        ("President of South Korea", date(2020, 1, 1), "Moon Jae-in"),
        ("the Japanese prime minister", date(2023, 7, 11), "Fumio Kishida"),
        ("Japan’s prime minister", date(2024, 10, 1), "Shigeru Ishiba"),
        ("the U.S. president", date(2023, 7, 11), "Joe Biden"),
        ("the U.S. president", date(2025, 2, 1), "Donald Trump"),
        ("European Council President", date(2023, 7, 11), "Charles Michel"),
        ("European Council President", date(2024, 12, 1), "Antonio Costa"),
        ("the presidential office", None, "Office of the President (South Korea)"),
        ("the Atlantic alliance", None, "NATO"),
        ("senator from Alaska", VILNIUS, "Dan Sullivan"),
        ("first lady", VILNIUS, "Kim Keon-hee"),
    ],
)
def test_descriptions_resolve_by_date(registry, description, on, expected):
    assert registry.resolve(description, on).name == expected


def test_vacant_office_resolves_to_none(registry):
    # Between Yoon's removal (4 Apr 2025) and Lee's inauguration (4 Jun 2025).
    assert registry.resolve("the South Korean president", date(2025, 5, 1)) is None
    assert registry.candidates("the South Korean president", date(2025, 5, 1)) == ()


def test_the_president_alone_is_ambiguous_across_countries(registry):
    assert registry.resolve("the president", VILNIUS) is None
    candidates = names(registry.candidates("the president", VILNIUS))
    assert {"Yoon Suk Yeol", "Joe Biden", "Charles Michel", "Ursula von der Leyen"} <= set(
        candidates
    )
    assert "Lee Jae-myung" not in candidates and "Donald Trump" not in candidates
    # The caller disambiguates with the actors present in the article.
    context = ["Yoon Suk Yeol", "Jens Stoltenberg", "NATO"]
    assert registry.resolve("the president", VILNIUS, context=context).name == "Yoon Suk Yeol"


def test_the_senator_is_ambiguous_and_lists_the_senators(registry):
    assert registry.resolve("the senator", VILNIUS) is None
    senators = set(names(registry.candidates("the senator", VILNIUS)))
    assert {"Pete Ricketts", "Jeanne Shaheen", "Thom Tillis", "Dan Sullivan"} <= senators
    assert "Joe Biden" not in senators  # a senator until 2009, president in 2023
    in_article = ["Pete Ricketts", "Yoon Suk Yeol"]
    assert registry.resolve("the senator", VILNIUS, context=in_article).name == "Pete Ricketts"


def test_the_secretary_general_needs_context(registry):
    assert names(registry.candidates("the secretary general", VILNIUS)) == [
        "Jens Stoltenberg",
        "Antonio Guterres",
    ]
    assert registry.resolve("the secretary general", VILNIUS) is None
    assert registry.resolve("the secretary general", VILNIUS, context=["NATO"]).name == (
        "Jens Stoltenberg"
    )


# --- names, aliases and titles ------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Stoltenberg", "Jens Stoltenberg"),
        ("President Yoon", "Yoon Suk Yeol"),
        ("Yoon Suk-yeol", "Yoon Suk Yeol"),
        ("Sen. Shaheen", "Jeanne Shaheen"),
        ("U.S. Senator Pete Ricketts", "Pete Ricketts"),
        ("European Commission President Ursula von der Leyen", "Ursula von der Leyen"),
        ("Nato", "NATO"),
        ("ROK", "South Korea"),
        ("DPRK", "North Korea"),
        ("the Netherlands", "Netherlands"),
        ("Sen. Sullivan", "Dan Sullivan"),  # the title settles the shared surname
    ],
)
def test_names_and_aliases_resolve(registry, mention, expected):
    assert registry.resolve(mention).name == expected


def test_capitals_are_not_countries(registry):
    assert registry.resolve("Seoul") is None
    assert registry.resolve("Pyongyang") is None
    assert found(registry, "Michel met Yoon in Seoul; Pyongyang protested.") == [
        ("Michel", "Charles Michel"),
        ("Yoon", "Yoon Suk Yeol"),
    ]


def test_shared_surname_is_ambiguous_unless_disambiguated(registry):
    assert registry.get("Kim") is None
    assert registry.resolve("Kim") is None
    kims = names(registry.candidates("Kim"))
    assert {"Kim Keon-hee", "Kim Eun-hye", "Kim Jong Un"} <= set(kims)
    assert registry.resolve("Kim", context=["Kim Eun-hye", "NATO"]).name == "Kim Eun-hye"
    assert registry.resolve("first lady Kim", VILNIUS).name == "Kim Keon-hee"
    assert registry.resolve("first lady Kim", date(2019, 1, 1)).name == "Kim Jung-sook"


def test_names_are_case_sensitive(registry):
    assert registry.resolve("nato") is None
    assert found(registry, "the nato summit and the NATO summit") == [("NATO", "NATO")]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("U.S. Senator Pete Ricketts", "Pete Ricketts"),
        ("Sen. Jeanne Shaheen", "Jeanne Shaheen"),
        ("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg"),
        ("Japanese Prime Minister Fumio Kishida", "Fumio Kishida"),
        ("first lady Kim Keon-hee", "Kim Keon-hee"),
        ("presidential spokesperson Lee Do-woon", "Lee Do-woon"),
        ("senior presidential secretary for public affairs Kim Eun-hye", "Kim Eun-hye"),
        ("former President Barack Obama", "Barack Obama"),
        ("Mr.  Smith", "Smith"),
        ("Kim Eun-hye, senior presidential secretary for public affairs", "Kim Eun-hye"),
        ("Jens Stoltenberg, NATO Secretary General", "Jens Stoltenberg"),
        ("Don McLean", "Don McLean"),
        ("the senator", "the senator"),
    ],
)
def test_strip_titles(written, name):
    assert strip_titles(written) == name


# --- mentions in text ---------------------------------------------------------------------


def test_longest_match_and_word_boundaries(registry):
    text = (
        "South Korea, North Korea’s missiles, Korea-NATO ties, Koreans abroad, UNESCO and the UN."
    )
    assert found(registry, text) == [
        ("South Korea", "South Korea"),
        ("North Korea", "North Korea"),
        ("Korea", "South Korea"),
        ("NATO", "NATO"),
        ("UN", "United Nations"),
    ]


def test_offsets_index_the_text(registry):
    text = "On Tuesday, Yoon met U.S. Senators Pete Ricketts and Jeanne Shaheen."
    mentions = registry.find_mentions(text)
    assert mentions == [
        ActorMention(12, 16, "Yoon", "Yoon Suk Yeol", "person"),
        ActorMention(21, 25, "U.S.", "United States", "country"),
        ActorMention(35, 48, "Pete Ricketts", "Pete Ricketts", "person"),
        ActorMention(53, 67, "Jeanne Shaheen", "Jeanne Shaheen", "person"),
    ]
    # start/end restrict the search
    assert [m.actor for m in registry.find_mentions(text, 30, 50)] == ["Pete Ricketts"]


def test_non_actor_phrases_and_other_peoples_names(registry):
    text = "Latin America and America; Michel Barnier spoke; Kim Jong Un fired; Robert E. Lee."
    assert found(registry, text) == [("America", "United States"), ("Kim Jong Un", "Kim Jong Un")]


def test_demonyms_only_on_request(registry):
    text = "Japanese Prime Minister Fumio Kishida met Ukrainian officials."
    assert found(registry, text) == [("Fumio Kishida", "Fumio Kishida")]
    assert found(registry, text, demonyms=True) == [
        ("Japanese", "Japan"),
        ("Fumio Kishida", "Fumio Kishida"),
        ("Ukrainian", "Ukraine"),
    ]


def test_surnames_settled_by_title_or_single_full_mention(registry):
    text = (
        "Yoon and first lady Kim Keon-hee arrived. Kim Eun-hye briefed reporters. "
        "Kim added that Yoon and first lady Kim walked, said Lee Do-woon. Lee said more."
    )
    mentions = [(m.start, m.actor) for m in registry.find_mentions(text, on=VILNIUS)]
    kims = [(start, actor) for start, actor in mentions if text[start:].startswith("Kim")]
    # "Kim added": two Kims named in the text, no title: left out.
    assert kims == [
        (text.index("Kim Keon-hee"), "Kim Keon-hee"),
        (text.index("Kim Eun-hye"), "Kim Eun-hye"),
        (text.index("Kim walked"), "Kim Keon-hee"),
    ]
    assert (text.index("Lee said"), "Lee Do-woon") in mentions


SEED_PERSONS = {
    "Yoon Suk Yeol", "Jens Stoltenberg", "Kim Keon-hee", "Pete Ricketts", "Jeanne Shaheen",
    "Thom Tillis", "Dan Sullivan", "Kim Eun-hye", "Fumio Kishida", "Joe Biden", "Lee Do-woon",
    "Charles Michel", "Ursula von der Leyen",
}  # fmt: skip
SEED_COUNTRIES = {
    "South Korea", "North Korea", "Lithuania", "Ukraine", "Japan", "Australia", "New Zealand",
    "Poland", "United States", "Norway", "Netherlands", "Portugal", "Romania", "Sweden",
    "Hungary",
}  # fmt: skip


def test_seed_mentions(registry, seed_article):
    text = seed_article.text
    mentions = registry.find_mentions(text, on=seed_article.published)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert {m.actor for m in mentions if m.kind == "person"} == SEED_PERSONS
    assert {m.actor for m in mentions if m.kind == "country"} == SEED_COUNTRIES
    first = mentions[:3]
    assert [(m.start, m.end, m.actor) for m in first] == [
        (10, 23, "Yoon Suk Yeol"),
        (28, 32, "NATO"),
        (51, 67, "Jens Stoltenberg"),
    ]
    yoons = [m for m in mentions if m.actor == "Yoon Suk Yeol"]
    assert len(yoons) == len(re.findall(r"\bYoon\b", text))
    by_text = {m.text: m.actor for m in mentions}
    assert by_text["Senate"] == "United States Senate"
    assert by_text["U.S. Congress"] == "United States Congress"
    assert by_text["Lee"] == "Lee Do-woon"  # "said Lee": only Lee named in the article
    assert by_text["Michel"] == "Charles Michel"
    # "Kim added" (two Kims named, no title) is left out; "first lady Kim" is settled.
    assert text.index("Kim added") not in {m.start for m in mentions}
    assert text.index("Kim bumped") in {m.start for m in mentions if m.actor == "Kim Keon-hee"}


def test_mentions_are_fast(registry, seed_article):
    corpus = seed_article.text * 100
    began = time.perf_counter()
    mentions = registry.find_mentions(corpus, on=seed_article.published)
    elapsed = time.perf_counter() - began
    assert len(mentions) > 10_000
    assert elapsed < 3.0  # measured about 0.07 s


# --- frames -------------------------------------------------------------------------------


def test_actors_frame_on_the_seed(seed_document):
    frame = actors_frame(seed_document)
    assert frame.columns.tolist() == columns("actors")
    assert set(frame["article_id"]) == {seed_document.article_id}
    stoltenberg = frame[frame["actor"] == "Jens Stoltenberg"].iloc[0]
    assert (stoltenberg["role"], stoltenberg["affiliation"]) == ("Secretary General", "NATO")
    assert stoltenberg["country"] == "Norway"
    assert frame["start"].dtype == "Int64"


def test_actors_frame_undated_article_has_no_role():
    frame = actors_frame(Article(article_id="x", text="Stoltenberg spoke."))
    assert frame["actor"].tolist() == ["Jens Stoltenberg"]
    assert frame["role"].isna().all()


def test_actors_frame_many_and_empty():
    articles = [
        Article(article_id="a", text="Rutte met Lee Jae-myung.", published=date(2025, 7, 1)),
        Article(article_id="b", text="No one here.", published=date(2025, 7, 1)),
    ]
    frame = actors_frame(articles)
    assert frame[["article_id", "actor", "role"]].values.tolist() == [
        ["a", "Mark Rutte", "Secretary General"],
        ["a", "Lee Jae-myung", "President"],
    ]
    assert actors_frame([]).columns.tolist() == columns("actors")
    assert [m.actor for m in extract_actors(articles[0])] == ["Mark Rutte", "Lee Jae-myung"]
    assert extract_actors(articles[1]) == []


def test_extract_actors_records_carry_the_table():
    article = Article(
        article_id="a", text="NATO chief Stoltenberg met first lady Kim.", published=VILNIUS
    )
    mentions = extract_actors(article)
    assert [(m.actor, m.role, m.affiliation, m.country) for m in mentions] == [
        ("NATO", None, None, None),
        ("Jens Stoltenberg", "Secretary General", "NATO", "Norway"),
        ("Kim Keon-hee", "First Lady", "South Korea", "South Korea"),
    ]
    frame = actors_frame(article)
    rows = actor_rows(as_document(article), mentions)
    assert [list(row.values()) for row in rows] == (
        frame.astype(object).where(frame.notna(), None).values.tolist()
    )
    assert list(rows[0]) == columns("actors")


def test_extract_actors_undated_has_no_office_but_a_country():
    [yoon] = extract_actors("Yoon spoke.")
    assert (yoon.role, yoon.affiliation, yoon.country) == (None, None, "South Korea")


def test_find_mentions_leaves_the_table_fields_empty(registry):
    [found] = registry.find_mentions("Yoon spoke.", on=VILNIUS)
    assert (found.role, found.affiliation, found.country) == (None, None, None)
    assert found == ActorMention(0, 4, "Yoon", "Yoon Suk Yeol", "person")


# --- user CSV files -----------------------------------------------------------------------

USER_ACTORS = """\
# my additions
name,kind,aliases,country,source
Han Duck-soo,person,Han Duck-soo|Han,South Korea,https://en.wikipedia.org/wiki/Han_Duck-soo
Korea Institute for Defense Analyses,organization,KIDA,South Korea,https://www.kida.re.kr/
"""
USER_ROLES = """\
actor,title,affiliation,valid_from,valid_to,descriptions,source
Han Duck-soo,Acting President,South Korea,2024-12-14,2024-12-27,,https://en.wikipedia.org/wiki/Han_Duck-soo
Han Duck-soo,Acting President,South Korea,2025-03-24,2025-05-01,,https://en.wikipedia.org/wiki/Han_Duck-soo
"""


def test_user_csv_extends_the_registry(tmp_path):
    (tmp_path / "actors.csv").write_text(USER_ACTORS, encoding="utf-8")
    (tmp_path / "roles.csv").write_text(USER_ROLES, encoding="utf-8")
    # Role files may be given before actor files.
    registry = ActorRegistry.load([tmp_path / "roles.csv", tmp_path / "actors.csv"])
    assert len(registry) == len(default_registry()) + 2
    assert registry.get("KIDA").kind == "organisation"
    assert registry.resolve("acting president", date(2025, 4, 10)).name == "Han Duck-soo"
    assert registry.resolve("the South Korean acting president", date(2025, 5, 20)) is None
    assert [m.actor for m in registry.find_mentions("Han met KIDA analysts.")] == [
        "Han Duck-soo",
        "Korea Institute for Defense Analyses",
    ]
    # The shipped registry is untouched.
    assert default_registry().get("Han Duck-soo") is None


def test_user_csv_single_path_as_string(tmp_path):
    path = tmp_path / "more.csv"
    path.write_text(USER_ACTORS, encoding="utf-8")
    assert ActorRegistry.load(str(path)).get("Han Duck-soo").country == "South Korea"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "name,kind,source\nFoo,persn,somewhere\n",
            "line 2: kind 'persn' is not one of person, organisation, country; fix the kind column",
        ),
        (
            "name,kind,alias,source\nFoo,person,F,somewhere\n",
            "unknown column(s) alias",
        ),
        ("name,kind,source\nFoo,person,\n", "line 2: source is empty"),
        (
            "name,kind,country,source\nFoo,person,Kroea,x\n",
            "line 2: country 'Kroea' is not a country in the registry",
        ),
        (
            "actor,title,valid_from,source\nJens Stoltenberg,Envoy,2023/07/01,x\n",
            "line 2: valid_from '2023/07/01' is not a date; write it as YYYY-MM-DD",
        ),
        (
            "actor,title,source\n# comment\nNobody Known,Envoy,x\n",
            "line 3: actor 'Nobody Known' is not in the registry",
        ),
        (
            "actor,title,valid_from,valid_to,source\nMark Rutte,Envoy,2024-01-02,2023-01-01,x\n",
            "line 2: valid_to 2023-01-01 is before valid_from 2024-01-02",
        ),
        ("who,what\nx,y\n", "is neither an actors file"),
    ],
)
def test_malformed_user_csv_names_file_line_and_fix(tmp_path, content, message):
    path = tmp_path / "mine.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnalysisError) as error:
        ActorRegistry.load(path)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)


def test_missing_user_csv(tmp_path):
    with pytest.raises(AnalysisError, match="no such actors file"):
        ActorRegistry.load(tmp_path / "absent.csv")


# --- custom registries and invariants ------------------------------------------------------


def test_registry_from_records():
    from analysis.actors.records import Actor, Role

    chair = Role("Chair", "Club", date(2020, 1, 1), date(2021, 12, 31), "minutes")
    successor = Role("Chair", "Club", date(2022, 1, 1), None, "minutes")
    registry = ActorRegistry(
        [
            Actor("Club", "organisation", ("The Club",), (), None, "minutes"),
            Actor("Ann Park", "person", ("Park",), (chair,), None, "minutes"),
            Actor("Bo Park", "person", ("Park",), (successor,), None, "minutes"),
        ]
    )
    assert registry.resolve("the club chair", date(2020, 6, 1)).name == "Ann Park"
    assert registry.resolve("Chair Park", date(2023, 1, 1)).name == "Bo Park"
    assert registry.resolve("former chair Park", date(2023, 1, 1)).name == "Ann Park"
    assert registry.resolve("Park") is None
    assert [(m.text, m.actor) for m in registry.find_mentions("Ann Park met Park.")] == [
        ("Ann Park", "Ann Park"),
        ("Park", "Ann Park"),
    ]
    with pytest.raises(ValueError, match="two actors are named 'Club'"):
        ActorRegistry([registry.get("Club"), registry.get("Club")])


def test_former_titles(registry):
    july_2025 = date(2025, 7, 1)
    assert registry.resolve("first lady Kim", july_2025).name == "Kim Hye-kyung"
    assert set(names(registry.candidates("former first lady Kim", july_2025))) == {
        "Kim Keon-hee",
        "Kim Jung-sook",
    }
    assert registry.resolve("former President Moon", july_2025).name == "Moon Jae-in"
    text = "Lee Jae-myung met former first lady Kim."
    assert found(registry, text, on=july_2025) == [("Lee Jae-myung", "Lee Jae-myung")]


ALPHABET = "KoreaNATOSouthNrKimLe ’s-.,\n“”"


@given(st.text(alphabet=ALPHABET, max_size=80))
@settings(max_examples=200, deadline=None)
def test_mentions_are_ordered_whole_word_aliases(text):
    registry = default_registry()
    mentions = registry.find_mentions(text)
    previous_end = 0
    for mention in mentions:
        assert mention.start >= previous_end
        assert text[mention.start : mention.end] == mention.text
        actor = registry.get(mention.actor)
        assert mention.text in (actor.name, *actor.aliases)
        assert not text[mention.start - 1 : mention.start].isalnum() or mention.start == 0
        assert not text[mention.end : mention.end + 1].isalnum()
        previous_end = mention.end


def test_either_apostrophe_matches(registry):
    text = "The People’s Republic of China and the People's Republic of China."
    assert [m.actor for m in registry.find_mentions(text)] == ["China", "China"]


# --- what a user sees on the command line ---------------------------------------------------


def test_cli_rejects_a_malformed_actors_csv(tmp_path, seed_path, capsys):
    from analysis.cli import main

    bad = tmp_path / "my_actors.csv"
    bad.write_text("name,kind,source\nDon McLean,singer,x\n", encoding="utf-8")
    assert main(["quotes", str(seed_path), "--actors-csv", str(bad)]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert str(bad) in error and "line 2: kind 'singer'" in error


def test_cli_extract_writes_the_actors_table(tmp_path, seed_path):
    import pandas as pd

    from analysis.cli import main

    assert main(["extract", str(seed_path), "--out", str(tmp_path / "out"), "--csv"]) == 0
    parts = sorted((tmp_path / "out" / "csv" / "actors").glob("part-*.csv"))
    table = pd.concat(pd.read_csv(part) for part in parts)
    assert table.columns.tolist() == columns("actors")
    assert set(table["actor"]) >= SEED_PERSONS


def test_office_title_must_fit_the_surname(registry):
    assert found(registry, "Admiral Harris warned; Sen. Harris agreed; Mr. Kerry left.") == [
        ("Harris", "Kamala Harris"),
        ("Kerry", "John Kerry"),
    ]
    assert registry.resolve("Admiral Harris") is None
    assert registry.resolve("Secretary Kerry").name == "John Kerry"


def test_actors_frame_overrides(tmp_path):
    article = Article(
        article_id="a", text="Costa reported that Kim met Rutte.", published=date(2025, 3, 1)
    )
    assert actors_frame(article)["mention"].tolist() == ["Costa", "Rutte"]
    path = tmp_path / "overrides.csv"
    path.write_text(
        "article_id,what,offset,field,value\n"
        "a,actors,0,drop,true\n"  # a reporter named Costa, not António Costa
        "a,actors,28,actor,Jens Stoltenberg\n",
        encoding="utf-8",
    )
    frame = actors_frame(article, overrides=path)
    assert frame[["mention", "actor", "role"]].values.tolist() == [
        ["Rutte", "Jens Stoltenberg", "Minister of Finance"]
    ]
    [fixed] = extract_actors(article, overrides=path)  # the record follows the corrected actor
    assert (fixed.actor, fixed.role, fixed.affiliation, fixed.country) == (
        "Jens Stoltenberg", "Minister of Finance", "Norway", "Norway"
    )
