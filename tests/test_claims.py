"""analysis.actors.claims: what an article says about a person, checked against the registry.

Sentences are written for these tests; the seed article is the project's own input.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from analysis.actors.claims import ActorClaim, claims_frame, find_claims
from analysis.actors.registry import ActorRegistry
from analysis.pipeline import TABLES, Context, annotate, frame
from analysis.schemas import columns
from analysis.text.articles import Article

JULY_2023 = date(2023, 7, 11)
NOTEBOOK_COLUMNS = ["article_id", "actor", "claim_kind", "claimed", "registry_value", "source",
                    "start", "end", "contradicts"]


def _article(text: str, published: date | None = JULY_2023, article_id: str = "t") -> Article:
    return Article(article_id=article_id, text=text, published=published)


def _claims(text: str, published: date | None = JULY_2023, kinds=("state", "party")):
    found = find_claims(_article(text, published))
    return [(c.actor, c.claim_kind, c.claimed, c.contradicts) for c in found
            if c.claim_kind in kinds]


# -- the Sullivan category: state and party beside a senator's name ----------------------

def test_a_wrong_state_in_an_apposition_contradicts_the_registry():
    assert _claims("Yoon met Dan Sullivan, a Republican of Arkansas, on Tuesday.") == [
        ("Dan Sullivan", "party", "Republican", False),
        ("Dan Sullivan", "state", "Arkansas", True),
    ]


def test_a_wrong_party_contradicts_and_the_right_state_agrees():
    assert _claims("Thom Tillis, a Democrat of North Carolina, spoke.") == [
        ("Thom Tillis", "party", "Democrat", True),
        ("Thom Tillis", "state", "North Carolina", False),
    ]


def test_state_and_party_both_right_contradict_nothing():
    [party, state] = find_claims(_article("Jeanne Shaheen, a Democrat of New Hampshire, spoke."))
    assert (party.contradicts, state.contradicts) == (False, False)
    assert party.registry_value == "Democratic Party (United States)"
    assert state.registry_value == "New Hampshire"
    assert "Jeanne_Shaheen" in state.source


@pytest.mark.parametrize(("text", "expected"), [
    ("Sen. Dan Sullivan (R-Alaska) spoke.", [("party", "R", False), ("state", "Alaska", False)]),
    ("Sen. Dan Sullivan (R-AK) spoke.", [("party", "R", False), ("state", "AK", False)]),
    ("Sen. Jeanne Shaheen (D-N.H.) spoke.", [("party", "D", False), ("state", "N.H.", False)]),
    ("Sen. Dan Sullivan (D-Ark.) spoke.", [("party", "D", True), ("state", "Ark.", True)]),
    ("Jeanne Shaheen, D-N.H., spoke.", [("party", "D", False), ("state", "N.H.", False)]),
    ("Dan Sullivan, the senator from Alaska, spoke.", [("state", "Alaska", False)]),
    ("Dan Sullivan, the junior senator from Arkansas, spoke.", [("state", "Arkansas", True)]),
    ("The senator from Arkansas, Dan Sullivan, spoke.", [("state", "Arkansas", True)]),
    ("Yoon met Alaska Sen. Dan Sullivan.", [("state", "Alaska", False)]),
    ("Yoon met Arkansas Sen. Dan Sullivan.", [("state", "Arkansas", True)]),
    ("Yoon met Democratic Sen. Dan Sullivan.", [("party", "Democratic", True)]),
    ("Yoon met Sen. Dan Sullivan of Alaska.", [("state", "Alaska", False)]),
    ("Dan Sullivan, a Republican, spoke.", [("party", "Republican", False)]),
    ("Sen. Sullivan (R-Alaska) spoke.", [("party", "R", False), ("state", "Alaska", False)]),
])
def test_the_forms_of_a_state_and_party_claim(text, expected):
    assert [(kind, claimed, contradicts) for _, kind, claimed, contradicts in _claims(text)] == (
        expected)


@pytest.mark.parametrize("text", [
    "Jeanne Shaheen, a Democrat of New Hampshire, met Dan Sullivan in Arkansas.",
    "Dan Sullivan said Arkansas and Alaska agree.",
    "Dan Sullivan met voters from Arkansas.",
    "Dan Sullivan of Arkansas spoke.",  # no seat title: "of STATE" alone is no claim
    "In Washington Sen. Dan Sullivan spoke.",  # a place, not a state claim
    "“Dan Sullivan, a Republican of Arkansas, is here,” Yoon said.",  # the speaker's words
])
def test_a_state_not_tied_to_the_name_is_no_claim(text):
    article = _article(text)
    sullivan = [c for c in annotate(article).claims if c.actor == "Dan Sullivan"]
    assert [c for c in sullivan if c.claim_kind == "state"] == []


def test_an_apposition_belongs_to_the_name_before_it():
    found = _claims("Pete Ricketts, the senator from Nebraska, Jeanne Shaheen and others came.")
    assert found == [("Pete Ricketts", "state", "Nebraska", False)]


def test_a_person_without_facts_gives_no_claim():
    assert _claims("Jens Stoltenberg, a Republican of Alaska, spoke.") == []


# -- offices: dated by the article ------------------------------------------------------

def _roles(text: str, published: date | None = JULY_2023):
    return [(c.claimed, c.contradicts, c.registry_value)
            for c in find_claims(_article(text, published)) if c.claim_kind == "role"]


def test_an_office_held_on_the_date_agrees():
    assert _roles("NATO Secretary General Jens Stoltenberg spoke.") == [
        ("NATO Secretary General", False, "Secretary General, NATO (2014-10-01 to 2024-10-01)")]


def test_an_office_no_longer_held_on_the_date_contradicts():
    [(claimed, contradicts, value)] = _roles("NATO Secretary General Jens Stoltenberg spoke.",
                                             date(2025, 3, 1))
    assert (claimed, contradicts) == ("NATO Secretary General", True)
    assert value == "Secretary General, NATO (2014-10-01 to 2024-10-01)"


def test_an_office_of_another_country_contradicts_and_names_the_holder():
    [(claimed, contradicts, value)] = _roles("South Korean President Fumio Kishida spoke.")
    assert (claimed, contradicts) == ("South Korean President", True)
    assert value.startswith("Yoon Suk Yeol: President, South Korea")


@pytest.mark.parametrize("text", [
    "He served under President Joe Biden.",           # a reference to that time
    "In 2010, Vice President Joe Biden visited Seoul.",  # a year of the term
    "President Joe Biden's policy was debated.",      # possessive: his time in office
    "acting President Joe Biden spoke.",              # hedged
    "House Minority Leader Jens Stoltenberg spoke.",  # an office the registry does not track
    "opposition leader Jens Stoltenberg spoke.",      # "leader" alone names no office
])
def test_retrospective_hedged_or_unknown_offices_are_not_contradictions(text):
    assert all(not contradicts for _, contradicts, _ in _roles(text, date(2025, 3, 1)))


def test_a_title_that_resolved_the_name_is_not_checked_against_itself():
    assert _roles("Yoon and first lady Kim arrived.") == []


# -- the seed, the table, the pipeline -------------------------------------------------

def test_the_seed_article_gives_exactly_the_sullivan_contradiction(seed_article):
    claims = find_claims(seed_article)
    wrong = [c for c in claims if c.contradicts]
    assert [(c.actor, c.claim_kind, c.claimed, c.registry_value) for c in wrong] == [
        ("Dan Sullivan", "state", "Arkansas", "Alaska")]
    assert seed_article.text[wrong[0].start:wrong[0].end] == "Arkansas"
    assert seed_article.text[wrong[0].mention_start:wrong[0].mention_end] == "Dan Sullivan"
    assert {("Pete Ricketts", "Nebraska"), ("Jeanne Shaheen", "New Hampshire"),
            ("Thom Tillis", "North Carolina")} <= {
        (c.actor, c.claimed) for c in claims if c.claim_kind == "state"}


def test_the_frame_has_the_schema_and_offsets_point_at_the_claim(seed_article):
    table = claims_frame(seed_article)
    assert list(table.columns) == columns("claims")
    assert list(table.columns[:9]) == NOTEBOOK_COLUMNS
    assert str(table["contradicts"].dtype) == "boolean"
    for row in table.itertuples():
        assert seed_article.text[row.start:row.end] == row.claimed
        assert seed_article.text[row.mention_start:row.mention_end] == row.mention
    assert table["contradicts"].sum() == 1


def test_the_claims_table_is_a_view_of_the_pipeline(seed_article):
    assert "claims" in TABLES
    annotation = annotate(seed_article)
    assert annotation.claims is annotation.claims
    assert annotation.frame("claims").equals(frame("claims", seed_article))
    assert claims_frame(seed_article, context=Context()).equals(frame("claims", seed_article))


def test_claims_use_the_pipelines_mentions_and_keep_corrections(seed_article):
    from analysis.actors.overrides import Override

    offset = seed_article.text.index("Dan Sullivan, a Republican")
    fix = Override(seed_article.article_id, "actors", offset, "drop", "true")
    annotation = annotate(seed_article, Context(overrides=(fix,)))
    assert not any(c.contradicts for c in annotation.claims)


def test_an_undated_article_is_checked_against_every_role():
    [(claimed, contradicts, _)] = _roles("NATO Secretary General Jens Stoltenberg spoke.", None)
    assert (claimed, contradicts) == ("NATO Secretary General", False)


def test_a_user_roles_file_may_carry_state_and_party(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("name,kind,aliases,country,source\n"
                      "Ann Cole,person,Cole,United States,test fixture\n", encoding="utf-8")
    roles = tmp_path / "roles.csv"
    roles.write_text("actor,title,affiliation,valid_from,valid_to,source,constituency,party\n"
                     "Ann Cole,Senator,United States Senate,2021-01-03,,test fixture,Ohio,"
                     "Democratic Party (United States)\n", encoding="utf-8")
    old_style = tmp_path / "old.csv"  # the columns are optional: an older file stays valid
    old_style.write_text("actor,title,affiliation,valid_from,valid_to,descriptions,source\n"
                         "Ann Cole,Chair,Testing Committee,2022-01-01,,,test fixture\n",
                         encoding="utf-8")
    registry = ActorRegistry.load([people, roles, old_style])
    found = find_claims(_article("Sen. Ann Cole (R-Ohio) spoke."), registry=registry)
    assert [(c.claim_kind, c.claimed, c.contradicts) for c in found] == [
        ("role", "Sen.", False), ("party", "R", True), ("state", "Ohio", False)]


def test_records_are_frozen():
    [claim, *_] = find_claims(_article("Dan Sullivan, a Republican of Arkansas, spoke."))
    assert isinstance(claim, ActorClaim)
    with pytest.raises(AttributeError):
        claim.contradicts = False  # type: ignore[misc]


def test_finding_claims_is_not_quadratic():
    sentence = "Yoon met Dan Sullivan, a Republican of Arkansas, and NATO chief Stoltenberg. "
    text = sentence * 400
    started = time.perf_counter()
    found = find_claims(_article(text))
    assert len([c for c in found if c.contradicts]) == 400
    assert time.perf_counter() - started < 5
