"""The shipped programmes table, the sector x programme matrix and the sector figures.

Expected values are read by hand from the project's reference notes on partnership
programmes (Korea Herald 2023-07-11 for the 11 ITPP areas, etc.).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.figures import FigureInputs, registered_figures, render
from analysis.schemas import columns
from analysis.sectors import classify_area, default_taxonomy
from analysis.sectors.programmes import (
    INCLUDED,
    NOT_INCLUDED,
    STATUSES,
    UNKNOWN,
    load_programmes,
    programme_sectors,
    programme_summary,
    programme_table,
    programmes_frame,
)

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
KOREA_HERALD_11 = [
    "dialogue and consultation",
    "counterterrorism cooperation",
    "disarmament and non-proliferation",
    "emerging technologies",
    "cyber defense",
    "capacity development and interoperability",
    "substantive cooperation for interoperability",
    "science and technology",
    "climate change and security",
    "women, peace and security",
    "public diplomacy",
]


def areas_of(programme_id: str):
    return [a for a in load_programmes() if a.programme_id == programme_id]


# ---------------------------------------------------------------------------
# the shipped table


def test_frame_follows_the_schema():
    frame = programmes_frame()
    assert list(frame.columns) == columns("programmes")
    assert len(frame) == len(load_programmes())


def test_every_row_has_a_source_and_a_valid_sector_and_status():
    ids = set(default_taxonomy().ids())
    for area in load_programmes():
        assert area.source, area
        assert area.status in {"known", "unknown"}
        if area.known:
            assert area.sector in ids and area.area, area
        else:
            assert area.sector == "unknown" and area.area is None, area


def test_sources_are_urls_or_name_an_outlet():
    for area in load_programmes():
        has_url = re.search(r"https?://", area.source)
        has_outlet = re.search(r"Yonhap|NATO|JoongAng|Mediapen|Yomiuri|Korea Herald", area.source)
        assert has_url or has_outlet, area.source


@pytest.mark.parametrize(
    "area",
    [a for a in load_programmes() if a.known],
    ids=lambda a: f"{a.programme_id}:{a.area}",
)
def test_published_wording_maps_to_its_sector_through_the_taxonomy(area):
    assert classify_area(area.area) == area.sector


def test_stated_totals_add_up_to_known_plus_unknown():
    for programme_id in dict.fromkeys(a.programme_id for a in load_programmes()):
        areas = areas_of(programme_id)
        totals = {a.stated_total for a in areas}
        assert len(totals) == 1, programme_id  # one stated total per programme
        total = totals.pop()
        if total is not None:
            n_unknown = sum(not a.known for a in areas)
            assert len(programme_sectors(programme_id)) + n_unknown == total, programme_id


def test_korea_itpp_2023_has_the_eleven_areas_in_korea_herald_order():
    areas = areas_of("kor-itpp-2023")
    assert [a.area for a in areas] == KOREA_HERALD_11
    assert list(programme_sectors("kor-itpp-2023")) == list(default_taxonomy().ids()[:11])
    assert all("koreaherald.com" in a.source for a in areas)
    assert all(a.stated_total == 11 and a.year == 2023 for a in areas)


def test_ipcp_2012_keeps_what_is_not_known_as_unknown():
    areas = areas_of("kor-ipcp-2012")
    assert {a.stated_total for a in areas} == {7}
    assert set(programme_sectors("kor-ipcp-2012")) == {
        "political-military-connectivity", "cyber-defence", "disarmament-nonproliferation",
        "counter-terrorism", "energy-security",
    }
    assert sum(not a.known for a in areas) == 2


def test_revisions_japan_and_australia():
    assert len(programme_sectors("kor-ipcp-2017")) == 6
    assert all(a.known for a in areas_of("kor-ipcp-2017"))
    assert programme_sectors("kor-ipcp-2019") == (
        "cyber-defence", "disarmament-nonproliferation", "science-technology",
    )
    japan = areas_of("jpn-itpp-2023")
    assert {a.stated_total for a in japan} == {16}
    assert len(programme_sectors("jpn-itpp-2023")) == 11
    assert {"hybrid-threats", "capacity-interoperability"} <= set(programme_sectors("jpn-itpp-2023"))
    assert sum(not a.known for a in japan) == 5
    australia = areas_of("aus-itpp-2023")
    assert {a.stated_total for a in australia} == {None}
    assert "space" in programme_sectors("aus-itpp-2023")


def test_summary():
    summary = programme_summary().set_index("programme_id")
    assert bool(summary.loc["kor-itpp-2023", "complete"]) is True
    assert bool(summary.loc["kor-ipcp-2017", "complete"]) is True
    for programme_id in ["kor-ipcp-2012", "kor-ipcp-2016", "kor-ipcp-2019", "jpn-itpp-2023",
                         "aus-itpp-2023"]:
        assert bool(summary.loc[programme_id, "complete"]) is False
    assert int(summary.loc["jpn-itpp-2023", "n_unknown"]) == 5


# ---------------------------------------------------------------------------
# the matrix


def test_table_keeps_included_not_included_and_unknown_apart():
    table = programme_table(["kor-itpp-2023", "kor-ipcp-2012", "kor-ipcp-2017"]).set_index("sector")
    assert table.loc["climate-security"].tolist()[1:] == [INCLUDED, UNKNOWN, NOT_INCLUDED]
    assert table.loc["energy-security"].tolist()[1:] == [NOT_INCLUDED, INCLUDED, NOT_INCLUDED]
    assert table.loc["disaster-relief"].tolist()[1:] == [NOT_INCLUDED, UNKNOWN, INCLUDED]
    assert table.loc["cyber-defence"].tolist()[1:] == [INCLUDED, INCLUDED, INCLUDED]


def test_not_included_only_for_programmes_whose_full_list_is_known():
    table = programme_table(all_sectors=True)
    complete = set(programme_summary().query("complete")["programme_id"])
    for programme_id in table.columns[2:]:
        values = set(table[programme_id])
        assert values <= set(STATUSES)
        if programme_id in complete:
            assert UNKNOWN not in values
        else:
            assert NOT_INCLUDED not in values


def test_table_rows_follow_the_taxonomy_and_default_to_included_somewhere():
    table = programme_table(["jpn-itpp-2023"])
    assert set(table["sector"]) == set(programme_sectors("jpn-itpp-2023"))
    order = list(default_taxonomy().ids())
    positions = [order.index(s) for s in table["sector"]]
    assert positions == sorted(positions)
    assert (table["jpn-itpp-2023"] == INCLUDED).all()
    everything = programme_table(["jpn-itpp-2023"], all_sectors=True)
    assert len(everything) == len(order)


def test_unknown_programme_id_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown programme"):
        programme_table(["kor-itpp-2099"])


# ---------------------------------------------------------------------------
# figures


SECTOR_FIGURES = ["sectors-itpp-vs-ipcp", "sectors-seed-vs-itpp", "sectors-asia-pacific",
                  "sectors-corpus-mentions"]


@pytest.fixture(scope="module")
def specs():
    return {spec.name: spec for spec in registered_figures()}


@pytest.fixture(scope="module")
def inputs():
    return FigureInputs(RAW)


def test_sector_figures_are_registered_with_sourced_captions(specs, inputs):
    for name in SECTOR_FIGURES:
        assert name in specs
    assert "Korea Herald, 11 July 2023" in specs["sectors-itpp-vs-ipcp"].caption
    assert "JoongAng Daily" in specs["sectors-seed-vs-itpp"].caption_for(inputs)
    assert "Yomiuri" in specs["sectors-asia-pacific"].caption
    assert "{corpus}" in specs["sectors-corpus-mentions"].caption


def test_itpp_vs_ipcp_figure_shows_unknown_as_unknown(specs, inputs):
    _, data = render(specs["sectors-itpp-vs-ipcp"], inputs)
    status = data.set_index(["sector", "programme_id"])["status"]
    assert status[("climate-security", "kor-ipcp-2012")] == UNKNOWN
    assert status[("climate-security", "kor-itpp-2023")] == INCLUDED
    assert status[("energy-security", "kor-itpp-2023")] == NOT_INCLUDED


def test_seed_figure_names_five_of_eleven(specs, inputs):
    _, data = render(specs["sectors-seed-vs-itpp"], inputs)
    assert len(data) == 11
    assert int(data["named_in_article"].sum()) == 5
    assert data.loc[data["sector"] == "cyber-defence", "as_written"].item() == "cybersecurity"


def test_asia_pacific_figure(specs, inputs):
    _, data = render(specs["sectors-asia-pacific"], inputs)
    assert set(data["programme_id"]) == {"kor-itpp-2023", "jpn-itpp-2023", "aus-itpp-2023"}
    status = data.set_index(["sector", "programme_id"])["status"]
    assert status[("maritime-security", "jpn-itpp-2023")] == INCLUDED
    assert status[("maritime-security", "aus-itpp-2023")] == UNKNOWN
    assert status[("maritime-security", "kor-itpp-2023")] == NOT_INCLUDED


def test_corpus_figure_counts_articles(specs, inputs):
    _, data = render(specs["sectors-corpus-mentions"], inputs)
    assert not data.empty
    assert (data["n_articles"] == data["n_articles_programme_list"]
            + data["n_articles_mention_only"]).all()
    assert int(data["n_articles"].max()) <= len(inputs.illustrative)


def test_corpus_figure_without_articles(specs, tmp_path):
    (tmp_path / "articles").mkdir()
    _, data = render(specs["sectors-corpus-mentions"], FigureInputs(tmp_path))
    assert data.empty and isinstance(data, pd.DataFrame)
