"""Sector matching, enumerations, traps, Korean, user taxonomies, programme statements, CLI.

Every text here is hand-written for these tests; the expected sectors are annotated by
hand from the taxonomy rules (analysis/resources/sectors/sectors.csv).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import AnalysisError, as_document, load_article, load_corpus
from analysis._resources import read_csv_rows
from analysis.cli import main
from analysis.sectors import (
    FIND_SECTORS_COLUMNS,
    ProgrammeStatement,
    SectorMention,
    classify_area,
    default_taxonomy,
    find_sector_mentions,
    find_sectors,
    load_taxonomy,
    parse_programme_statements,
    programme_statements_frame,
    sector_mentions_frame,
    taxonomy_frame,
)

ILLUSTRATIVE = Path(__file__).resolve().parents[1] / "data" / "raw" / "illustrative"
ITPP_11 = [
    "dialogue-consultation",
    "counter-terrorism",
    "disarmament-nonproliferation",
    "emerging-technologies",
    "cyber-defence",
    "capacity-interoperability",
    "practical-interoperability",
    "science-technology",
    "climate-security",
    "women-peace-security",
    "public-diplomacy",
]
SEED_FIVE = [
    "disarmament-nonproliferation",
    "cyber-defence",
    "emerging-technologies",
    "science-technology",
    "climate-security",
]


def sectors_of(text: str, **kwargs) -> list[str]:
    return find_sectors(text, **kwargs)["sector"].tolist()


# ---------------------------------------------------------------------------
# taxonomy


def test_taxonomy_has_the_itpp_areas_and_the_partner_sectors():
    ids = default_taxonomy().ids()
    assert list(ids[:11]) == ITPP_11
    for extra in [
        "cbrn-defence", "maritime-security", "space", "resilience-civil-preparedness",
        "disaster-relief", "strategic-communications", "energy-security",
        "peace-support-operations", "political-military-connectivity",
    ]:
        assert extra in ids


def test_every_taxonomy_row_has_a_label_aliases_and_a_source():
    for sector in default_taxonomy().sectors:
        assert sector.label and sector.source, sector.id
        assert sector.aliases_en or sector.aliases_ko, sector.id


def test_no_alias_belongs_to_two_sectors():
    seen: dict[str, str] = {}
    for sector in default_taxonomy().sectors:
        for alias in sector.aliases:
            key = re.sub(r"[\s\-,·]+", "", alias.casefold())
            assert seen.setdefault(key, sector.id) == sector.id, alias


def test_taxonomy_frame_has_one_row_per_sector():
    frame = taxonomy_frame()
    assert frame["id"].tolist() == list(default_taxonomy().ids())
    assert "사이버방위" in frame.set_index("id").loc["cyber-defence", "aliases_ko"]


def _regular_aliases():
    for row in read_csv_rows("sectors/sectors.csv"):
        for column in ("aliases_en", "aliases_ko"):
            for alias in filter(None, row[column].split("|")):
                yield pytest.param(row["id"], alias, id=f"{row['id']}:{alias}")


def _list_only_aliases():
    for row in read_csv_rows("sectors/sectors.csv"):
        for alias in filter(None, row["list_only"].split("|")):
            yield pytest.param(row["id"], alias, id=f"{row['id']}:{alias}")


@pytest.mark.parametrize(("sector", "alias"), list(_regular_aliases()))
def test_every_shipped_alias_matches_alone(sector, alias):
    text = f"Officials discussed {alias}. Nothing else."
    frame = find_sectors(text)
    assert frame["sector"].tolist() == [sector]
    assert frame.loc[0, "matched"] == alias


@pytest.mark.parametrize(("sector", "alias"), list(_list_only_aliases()))
def test_list_only_aliases_count_in_a_list_but_not_alone(sector, alias):
    assert sectors_of(f"Officials discussed {alias}.") == []
    other = "public diplomacy" if sector != "public-diplomacy" else "energy security"
    assert sector in sectors_of(f"Officials discussed {other}, {alias}.")


# ---------------------------------------------------------------------------
# alias families named in the issue


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("cybersecurity", "cyber-defence"),
        ("cyber security", "cyber-defence"),
        ("cyber-security", "cyber-defence"),
        ("cyber defense", "cyber-defence"),
        ("cyber defence", "cyber-defence"),
        ("Cyber-Defence", "cyber-defence"),
        ("arms control and nonproliferation", "disarmament-nonproliferation"),
        ("disarmament and non-proliferation", "disarmament-nonproliferation"),
        ("nonproliferation", "disarmament-nonproliferation"),
        ("non-proliferation", "disarmament-nonproliferation"),
        ("new technologies", "emerging-technologies"),
        ("emerging and disruptive technologies", "emerging-technologies"),
        ("anti-terrorism", "counter-terrorism"),
        ("antiterrorism", "counter-terrorism"),
        ("counterterrorism", "counter-terrorism"),
        ("counter-terrorism", "counter-terrorism"),
        ("counter terrorism", "counter-terrorism"),
        ("climate change", "climate-security"),
        ("climate change and security", "climate-security"),
        ("science and technology", "science-technology"),
        ("science & technology", "science-technology"),
        ("women, peace and security", "women-peace-security"),
        ("women peace and security", "women-peace-security"),
        ("humanitarian assistance and disaster relief", "disaster-relief"),
        ("multinational peace-support operations", "peace-support-operations"),
    ],
)
def test_alias_families(text, sector):
    assert sectors_of(f"Seoul stressed {text} in Vilnius.") == [sector]


def test_science_and_technology_is_not_emerging_technologies():
    assert sectors_of("They praised science and technology links.") == ["science-technology"]


# ---------------------------------------------------------------------------
# enumerations and coordinations


def test_semicolon_enumeration_with_final_and():
    text = "The ITPP covers cyber defence; space; and public diplomacy."
    frame = find_sectors(text)
    assert frame["sector"].tolist() == ["cyber-defence", "space", "public-diplomacy"]
    assert set(frame["context"]) == {"programme-list"}


def test_from_a_to_b_enumeration():
    text = (
        "The programme covers 11 areas, ranging from antiterrorism and nonproliferation "
        "to emerging technologies and cyber defense."
    )
    frame = find_sectors(text)
    assert frame["sector"].tolist() == [
        "counter-terrorism", "disarmament-nonproliferation", "emerging-technologies",
        "cyber-defence",
    ]
    assert frame["matched"].tolist() == [
        "antiterrorism", "nonproliferation", "emerging technologies", "cyber defense",
    ]
    assert set(frame["context"]) == {"programme-list"}


def test_comma_enumeration():
    text = "NATO's release names cyber defence, counter-terrorism, arms control, and new technologies."
    assert sectors_of(text) == [
        "cyber-defence", "counter-terrorism", "disarmament-nonproliferation",
        "emerging-technologies",
    ]


def test_a_coordination_that_is_one_area_is_kept_as_one():
    frame = find_sectors("They agreed on disarmament and nonproliferation.")
    assert frame["matched"].tolist() == ["disarmament and nonproliferation"]
    frame = find_sectors("Dialogue and consultation will continue.")
    assert frame["matched"].tolist() == ["Dialogue and consultation"]
    frame = find_sectors("The agenda: women, peace and security.")
    assert frame["sector"].tolist() == ["women-peace-security"]


def test_offsets_index_the_text():
    text = "Korea and NATO agreed on cybersecurity and climate change, said officials."
    for row in find_sectors(text).itertuples():
        assert text[row.start : row.end] == row.matched


def test_list_only_alias_needs_an_unambiguous_neighbour():
    assert sectors_of("Cyber attacks on space assets are growing.") == []
    assert sectors_of("Officials discussed cyber, space and maritime security.") == [
        "cyber-defence", "space", "maritime-security",
    ]


# ---------------------------------------------------------------------------
# traps


@pytest.mark.parametrize(
    "text",
    [
        "Leaders discussed emerging security threats.",
        "We value the partnership because security is not regional, security is global.",
        "Yoon will discuss expanding information sharing with allies.",
        "They called to enhance cooperation in sharing military information.",
        "The Ministry of Science and ICT sent observers.",
        "The campaign made headlines in April.",
        "There is space for more dialogue.",
        "The two leaders discussed their partnership.",
    ],
)
def test_look_alikes_are_not_sectors(text):
    assert sectors_of(text) == []


def test_information_sharing_counts_when_a_user_taxonomy_says_so(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,label,aliases_en,source\n"
        "information-sharing,Information sharing,information sharing,my codebook\n",
        encoding="utf-8",
    )
    text = "Yoon will discuss expanding information sharing with allies."
    assert sectors_of(text, taxonomy=path) == ["information-sharing"]
    assert find_sectors(text, taxonomy=load_taxonomy(path))["label"].tolist() == [
        "Information sharing"
    ]


# ---------------------------------------------------------------------------
# Korean


NEWSIS_11 = (
    "대화와 협의, 대테러 협력, 군축·비확산, 신흥기술, 사이버방위, 역량개발 및 상호운용성, "
    "상호운용성을 위한 실질협력, 과학기술, 기후변화와 안보, 여성평화안보, 공공외교"
)


def test_korean_itpp_list_gives_the_eleven_areas_in_order():
    text = f"한국과 나토는 {NEWSIS_11} 등 11개 분야에서 협력하기로 했다."
    frame = find_sectors(text)
    assert frame["sector"].tolist() == ITPP_11
    assert set(frame["context"]) == {"programme-list"}
    [statement] = parse_programme_statements(text)
    assert statement.stated_count == 11 and statement.fewer_listed is False


@pytest.mark.parametrize(
    "text",
    [
        "양국은 사이버방위와 관련해 논의했다.",
        "양국은 사이버방위를 강조했다.",
        "사이버방위의 중요성이 커졌다.",
        "사이버방위에서도 협력한다.",
        "양국은 사이버 방위 분야에서 협력한다.",
        "사이버안보, 그리고 공공외교가 거론됐다.",
        "나토 사이버방위센터를 방문했다.",  # a closed-up compound head (센터) + particle
    ],
)
def test_korean_alias_followed_by_a_particle_matches(text):
    assert sectors_of(text)[0] == "cyber-defence"


@pytest.mark.parametrize(
    "text",
    [
        "과학기술정보통신부 관계자가 참석했다.",  # a ministry, not the sector
        "남북 대화와 협력이 중요하다.",  # stock phrase; list-only alias
        "비사이버방위 분야",  # preceded by Hangul
        "우주 여행이 인기다.",  # bare 우주 (space) is list-only
    ],
)
def test_korean_look_alikes_do_not_match(text):
    assert sectors_of(text) == []


def test_korean_compound_heads_but_not_other_compounds():
    assert sectors_of("대테러작전이 진행됐다.") == ["counter-terrorism"]
    assert sectors_of("공공외교관이 말했다.") == []  # 외교관: a diplomat, not the sector


def test_korean_middle_dot_and_spacing_variants():
    assert sectors_of("군축ㆍ비확산 협력") == ["disarmament-nonproliferation"]
    assert sectors_of("군축 비확산 협력") == ["disarmament-nonproliferation"]
    assert sectors_of("여성·평화·안보 의제") == ["women-peace-security"]
    assert sectors_of("대화와 협력, 공공외교를 논의했다.") == [
        "dialogue-consultation", "public-diplomacy",
    ]


# ---------------------------------------------------------------------------
# the seed article


def test_seed_names_exactly_its_five_sectors(seed_article):
    frame = find_sectors(seed_article)
    assert list(dict.fromkeys(frame["sector"])) == SEED_FIVE
    listed = frame[frame["context"] == "programme-list"]
    assert listed["sector"].tolist() == SEED_FIVE
    assert listed["matched"].tolist() == [
        "disarmament and nonproliferation", "cybersecurity", "emerging technologies",
        "science and technology", "climate change",
    ]
    # Yoon's later call for cooperation "in cybersecurity matters" is a plain mention
    assert frame[frame["context"] == "mention"]["matched"].tolist() == ["cybersecurity"]
    for row in frame.itertuples():
        assert seed_article.text[row.start : row.end] == row.matched


def test_seed_programme_statements(seed_article):
    itpp, ipcp = parse_programme_statements(seed_article)
    assert (itpp.programme, itpp.acronym) == ("Individually Tailored Partnership Programme", "ITPP")
    assert itpp.stated_count == 11 and itpp.n_listed == 5 and itpp.fewer_listed is True
    assert itpp.sectors == tuple(SEED_FIVE)
    # issue 15: the year comes from the programmes dataset (Korea's ITPP), never from
    # the publication date; the partner from "between Korea and NATO"
    assert (itpp.year, itpp.year_source) == (2023, "dataset")
    assert (itpp.partner, itpp.programme_id) == ("Republic of Korea", "kor-itpp-2023")
    assert (itpp.stated_count, itpp.listed_count, itpp.item_ids) == (11, 5, tuple(SEED_FIVE))
    assert (ipcp.acronym, ipcp.stated_count, ipcp.n_listed) == ("IPCP", 7, 0)
    assert (ipcp.year, ipcp.year_source) == (2012, "text")
    assert (ipcp.partner, ipcp.programme_id) == ("Republic of Korea", "kor-ipcp-2012")
    assert isinstance(itpp, ProgrammeStatement)
    assert all(isinstance(item, SectorMention) for item in itpp.items)


def test_seed_statements_frame(seed_document):
    frame = programme_statements_frame(seed_document)
    assert frame[["acronym", "stated_count", "n_listed", "fewer_listed"]].values.tolist() == [
        ["ITPP", 11, 5, True],
        ["IPCP", 7, 0, True],
    ]
    assert frame.loc[0, "sectors"] == "; ".join(SEED_FIVE)
    assert frame["article_id"].unique().tolist() == [seed_document.article_id]


# ---------------------------------------------------------------------------
# programme statements


def test_statement_carries_the_programme_from_the_sentence_before():
    text = (
        "Japan and NATO adopted an ITPP on Wednesday. It covers 16 areas, up from nine, "
        "including cyber, space and maritime security."
    )
    [statement] = parse_programme_statements(text)
    assert statement.acronym == "ITPP" and statement.stated_count == 16
    assert statement.sectors == ("cyber-defence", "space", "maritime-security")


def test_statement_with_a_written_count_and_a_year():
    text = "The 2017 revision of the IPCP named six areas: cyber security and disaster relief."
    [statement] = parse_programme_statements(text)
    assert (statement.stated_count, statement.year, statement.year_source) == (6, 2017, "text")
    assert statement.sectors == ("cyber-defence", "disaster-relief")


def test_more_listed_than_stated_is_not_flagged_fewer():
    text = (
        "The ITPP covers seven areas: cyber defence, space, public diplomacy, "
        "counter-terrorism, climate change, women, peace and security, energy security "
        "and maritime security."
    )
    [statement] = parse_programme_statements(text)
    assert statement.n_listed == 8 and statement.fewer_listed is False


def test_no_statement_without_a_programme_or_list():
    assert parse_programme_statements("Some of these sixteen areas are only headings.") == []
    assert parse_programme_statements("Cyber defence matters to NATO.") == []
    frame = programme_statements_frame("Nothing to see.")
    assert frame.empty and list(frame.columns)[:3] == ["article_id", "sentence", "start"]


def test_a_mention_outside_a_statement_is_a_mention():
    text = "Under the ITPP, Korea will join NATO's cyber defence exercises next year."
    assert find_sectors(text)["context"].tolist() == ["mention"]


# ---------------------------------------------------------------------------
# frames and inputs


def test_find_sectors_columns_and_dtypes():
    frame = find_sectors("Cyber defence.")
    assert tuple(frame.columns) == FIND_SECTORS_COLUMNS
    empty = find_sectors("No sectors here.")
    assert tuple(empty.columns) == FIND_SECTORS_COLUMNS and empty.empty
    assert str(empty["start"].dtype) == "Int64" and str(empty["sector"].dtype) == "string"


def test_find_sectors_accepts_str_article_and_document(seed_path):
    article = load_article(seed_path)
    by_article = find_sectors(article)
    assert by_article.equals(find_sectors(as_document(article)))
    assert by_article.equals(find_sectors(article.text))


def test_records_and_frame_agree(seed_document):
    records = find_sector_mentions(seed_document)
    frame = sector_mentions_frame(seed_document)
    assert [(m.sector, m.start, m.end, m.context, m.sentence) for m in records] == list(
        frame[["sector", "start", "end", "context", "sentence"]].itertuples(index=False, name=None)
    )


def test_sector_mentions_frame_over_a_corpus():
    documents = [as_document(a) for a in load_corpus(ILLUSTRATIVE)]
    frame = sector_mentions_frame(documents)
    assert list(frame.columns[:2]) == ["article_id", "sentence"]
    assert frame["article_id"].nunique() == len(documents)
    for doc in documents:
        part = frame[frame["article_id"] == doc.article_id]
        for row in part.itertuples():
            assert doc.text[row.start : row.end] == row.matched
            assert doc.sentences[row.sentence].contains(row.start)


def test_illustrative_corpus_is_labelled_and_dated():
    articles = list(load_corpus(ILLUSTRATIVE))
    assert 6 <= len(articles) <= 10
    for article in articles:
        assert article.metadata["note"] == (
            "illustrative, hand-written for the package; not real news"
        )
        assert 2023 <= article.published.year <= 2025
    assert {a.language for a in articles} == {"en", "ko"}


def test_classify_area():
    assert classify_area("cyber") == "cyber-defence"
    assert classify_area("Science for Peace and Security programme") == "science-technology"
    assert classify_area("arms control, disarmament and non-proliferation") == (
        "disarmament-nonproliferation"
    )
    assert classify_area("cyber defence and space") is None  # two sectors
    assert classify_area("") is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["cyber defence", "space", "and", ";", "security is global", "Korea", "사이버방위와",
             "science and technology", "emerging security threats", ",", "11 areas", "ITPP"]
        ),
        max_size=12,
    )
)
def test_offsets_always_slice_the_matched_words(words):
    text = " ".join(words)
    frame = find_sectors(text)
    for row in frame.itertuples():
        assert text[row.start : row.end] == row.matched
    assert "security is global" not in frame["matched"].tolist()


# ---------------------------------------------------------------------------
# user taxonomy


def test_user_row_for_a_known_sector_adds_aliases(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text(
        "# my additions\nid,label,aliases_en,aliases_ko\n"
        "cyber-defence,,cyber resilience,사이버 회복력\n",
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(path)
    assert taxonomy.label("cyber-defence") == "Cyber defence"
    assert sectors_of("They discussed cyber resilience.", taxonomy=taxonomy) == ["cyber-defence"]
    assert sectors_of("사이버 회복력을 논의했다.", taxonomy=taxonomy) == ["cyber-defence"]
    assert sectors_of("They discussed cybersecurity.", taxonomy=taxonomy) == ["cyber-defence"]


def test_user_alias_moves_from_a_shipped_sector(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text(
        "id,label,aliases_en\npractical-interoperability,,interoperability\n", encoding="utf-8"
    )
    assert sectors_of("They stressed interoperability.") == ["capacity-interoperability"]
    assert sectors_of("They stressed interoperability.", taxonomy=path) == [
        "practical-interoperability"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("id,alias\nx,y\n", r"missing column\(s\) label"),
        ("id,label,alias_en\nx,X,y\n", r"unknown column\(s\) alias_en"),
        ("id,label,aliases_en\n,Label,thing\n", r"line 2: empty id"),
        ("id,label,aliases_en\nMy Sector,Label,thing\n", r"line 2: id 'My Sector' is not valid"),
        ("id,label,aliases_en\nnew-one,,thing\n", r"line 2: new sector 'new-one' has no label"),
        ("id,label,aliases_en\nnew-one,New,\n", r"line 2: new sector 'new-one' has no aliases"),
        ("id,label,aliases_en\na-one,A,thing\nb-two,B,Thing\n", r"line 3: alias 'Thing' is also"),
        ("id,label,aliases_en\na-one,A,thing\na-one,A,other\n", r"line 3: sector 'a-one' appears twice"),
        ("id,label,aliases_en\na-one,A,---\n", r"line 2: alias '---' has no letters"),
        ("# only a comment\n", r"taxonomy file is empty"),
    ],
)
def test_malformed_user_taxonomy_names_file_line_and_fix(tmp_path, content, expected):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AnalysisError, match=expected) as info:
        load_taxonomy(path)
    assert info.value.path == str(path)


def test_missing_user_taxonomy(tmp_path):
    with pytest.raises(AnalysisError, match="no such taxonomy file"):
        find_sectors("cyber defence", taxonomy=tmp_path / "nope.csv")


# ---------------------------------------------------------------------------
# command line


def test_cli_prints_sectors_and_statements(seed_path, capsys):
    assert main(["sectors", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "# sectors (6 rows)" in out
    assert "# programme statements (2 rows)" in out
    assert "disarmament and nonproliferation" in out and "programme-list" in out
    assert "ITPP: 11 areas stated, 5 listed (fewer listed than stated)" in out


def test_cli_csv_output_is_the_sectors_table(seed_path, capsys):
    assert main(["sectors", str(seed_path), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "article_id,sentence,sector,label,start,end,matched,context,confidence"
    rows = pd.read_csv(io.StringIO(out))
    assert rows["sector"].drop_duplicates().tolist() == SEED_FIVE
    assert len(rows) == 6


def test_cli_statements_table_as_csv(seed_path, capsys):
    assert main(["sectors", str(seed_path), "--format", "csv", "--table", "statements"]) == 0
    rows = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert rows[["acronym", "stated_count", "n_listed"]].values.tolist() == [
        ["ITPP", 11, 5], ["IPCP", 7, 0],
    ]


def test_cli_programmes_table(capsys):
    assert main(["sectors", "--programmes"]) == 0
    out = capsys.readouterr().out
    assert "kor-itpp-2023" in out and "not included" in out and "unknown" in out


def test_cli_with_user_taxonomy(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Yoon will discuss expanding information sharing.\n", encoding="utf-8")
    extra = tmp_path / "mine.csv"
    extra.write_text("id,label,aliases_en\ninfo-sharing,Information sharing,information sharing\n",
                     encoding="utf-8")
    assert main(["sectors", str(article), "--taxonomy", str(extra), "--format", "json"]) == 0
    assert '"sector":"info-sharing"' in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["sectors", "no/such/file.txt"], ["sectors"], ["sectors", "x.txt", "--taxonomy", "nope.csv"]],
)
def test_cli_usage_errors_exit_2_with_one_line(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("Cyber defence.\n", encoding="utf-8")
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


# ---------------------------------------------------------------------------
# researcher corrections


def test_overrides_remap_and_drop_mentions(tmp_path, seed_path, capsys):
    article = load_article(seed_path)
    frame = find_sectors(article)
    listed_cyber = int(frame.loc[frame["matched"] == "cybersecurity", "start"].iloc[0])
    later_cyber = int(frame.loc[frame["context"] == "mention", "start"].iloc[0])
    overrides = tmp_path / "fixes.csv"
    overrides.write_text(
        "article_id,what,offset,field,value\n"
        f"{article.article_id},sectors,{later_cyber},drop,true\n"
        f"{article.article_id},sectors,{listed_cyber},sector,information-sharing\n",
        encoding="utf-8",
    )
    fixed = find_sectors(article, overrides=overrides)
    assert len(fixed) == 5
    row = fixed[fixed["start"] == listed_cyber].iloc[0]
    assert row["sector"] == "information-sharing" and row["label"] == "information-sharing"
    assert main(["sectors", str(seed_path), "--overrides", str(overrides), "--format", "csv"]) == 0
    assert len(pd.read_csv(io.StringIO(capsys.readouterr().out))) == 5


# --------------------------------------------------------------------------- records and rows


def test_row_builders_are_the_frames():
    from analysis.sectors.finder import sector_rows
    from analysis.sectors.statements import programme_statement_rows

    doc = as_document(
        "They adopted an Individually Tailored Partnership Programme (ITPP), expanding "
        "cooperation in 11 sectors including cybersecurity; emerging technologies; and "
        "climate change. Space matters too."
    )
    frame = sector_mentions_frame(doc)
    rows = sector_rows(doc, find_sector_mentions(doc))
    assert pd.DataFrame(rows).astype(frame.dtypes.to_dict()).equals(frame)
    statements = programme_statements_frame(doc)
    rows = programme_statement_rows(doc, parse_programme_statements(doc))
    assert [row["sectors"] for row in rows] == statements["sectors"].tolist()
    assert list(rows[0]) == statements.columns.tolist()


def test_the_wing_exports_its_names_and_the_symmetric_pair():
    import analysis.sectors as sectors
    from analysis.sectors import finder, statements, taxonomy

    assert sectors.load_taxonomy is taxonomy.load_taxonomy
    assert sectors.programme_statements_frame is statements.programme_statements_frame
    assert sectors.extract_sectors is finder.find_sector_mentions
    assert sectors.sectors_frame is finder.sector_mentions_frame
    assert sectors.sectors_frame("Cyber defence.")["sector"].tolist() == ["cyber-defence"]
