"""Sector words inside organisation names and titles the actor registry knows are not
mentions, in every table. The registry here is built in the test (a user's registry);
the sentences are written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.actors.records import Actor, Role
from analysis.actors.registry import ActorRegistry, default_registry
from analysis.pipeline import Context, frames
from analysis.sectors import find_sector_mentions, parse_programme_statements
from analysis.sectors.names import name_context, registry_name_spans, registry_phrases
from analysis.text.articles import Article


def _registry() -> ActorRegistry:
    return ActorRegistry([
        Actor("Hybrid Threats Hub", "organisation", ("Hybrid Threats Hub",), (), "Finland",
              "a user file"),
        Actor("Maritime Security Forum", "organisation", ("Maritime Security Forum",), (),
              None, "a user file", descriptions=("the space security agency",)),
        Actor("Ana Ruiz", "person", ("Ana Ruiz",),
              (Role("Cyber Security Ambassador", "Spain", dt.date(2020, 1, 1), None,
                    "a user file",
                    descriptions=("the counter-terrorism coordinator",)),),
              "Spain", "a user file"),
    ])


def _kept(text: str, registry: ActorRegistry) -> list[tuple[str, str]]:
    return [(m.matched, m.context)
            for m in find_sector_mentions(text, registry=registry, keep_excluded=True)]


def test_phrases_are_read_from_descriptions_and_roles():
    phrases = dict(registry_phrases(_registry()))
    assert phrases == {"space security agency": "organisation",
                       "Cyber Security Ambassador": "title",
                       "counter-terrorism coordinator": "title"}


@pytest.mark.parametrize(("text", "expected"), [
    # names no head-word rule knows ("Hub", "Forum")
    ("Experts at the Hybrid Threats Hub studied hybrid threats.",
     [("Hybrid Threats", "organisation"), ("hybrid threats", "mention")]),
    ("The Maritime Security Forum met; maritime security was on the agenda.",
     [("Maritime Security", "organisation"), ("maritime security", "mention")]),
    # a role title and descriptions, whatever their case
    ("Spain's cyber security ambassador praised cyber defence work.",
     [("cyber security", "title"), ("cyber defence", "mention")]),
    ("The Counter-Terrorism Coordinator spoke on counter-terrorism.",
     [("Counter-Terrorism", "title"), ("counter-terrorism", "mention")]),
    ("The Space Security Agency and NATO discussed space cooperation.",
     [("Space Security", "organisation"), ("space cooperation", "mention")]),
])
def test_registry_names_are_excluded_with_their_context(text, expected):
    assert _kept(text, _registry()) == expected


def test_excluded_names_are_dropped_by_default():
    text = ("The Hybrid Threats Hub and the Maritime Security Forum both named "
            "disinformation.")
    found = find_sector_mentions(text, registry=_registry())
    assert [m.sector for m in found] == ["hybrid-threats"]


def test_the_same_words_count_without_the_registry_entry():
    text = "The Maritime Security Forum met."
    assert [m.sector for m in find_sector_mentions(text, registry=default_registry())] == [
        "maritime-security"]


def test_an_item_inside_a_registry_name_is_not_a_programme_item():
    text = ("The ITPP covers logistics, space and the Maritime Security Forum's "
            "work on undersea cables.")
    [statement] = parse_programme_statements(
        text, mentions=find_sector_mentions(text, registry=_registry()))
    assert statement.item_ids == ("logistics", "space")


def test_the_pipeline_uses_the_context_registry_for_every_table():
    article = Article(article_id="r1", text=(
        "Japan's ITPP covers three areas: cyber defence, space and the Hybrid Threats Hub."))
    tables = frames(["sectors", "programme_statements"], [article],
                    Context.of(registry=_registry()))
    assert tables["sectors"]["sector"].tolist() == ["cyber-defence", "space"]
    assert tables["programme_statements"]["item_ids"].tolist() == ["cyber-defence; space"]


def test_spans_come_from_given_actor_mentions_when_the_pipeline_has_them():
    registry = _registry()
    text = "The Hybrid Threats Hub met."
    mentions = registry.find_mentions(text)
    assert registry_name_spans(text, registry, mentions) == registry_name_spans(text, registry)
    assert registry_name_spans(text, registry, []) == []  # only what it is given


def test_name_context_needs_an_overlap():
    spans = [(4, 14, "organisation")]
    assert name_context(0, 4, spans) is None and name_context(13, 20, spans) == "organisation"


def test_a_registry_name_that_only_modifies_a_sector_phrase_does_not_exclude_it():
    # "NATO" is a registry organisation; "NATO standards" is still the standards sector
    found = find_sector_mentions("Both armies follow NATO standards.")
    assert [(m.sector, m.matched) for m in found] == [
        ("standards-interoperability", "NATO standards")]
