"""Filling mentions from the registry once per actor gives what filling each one gives."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from analysis.actors.mentions import complete_mentions
from analysis.actors.registry import default_registry

TEXT = ("Stoltenberg met Yoon in Vilnius. NATO said Stoltenberg and Yoon agreed; "
        "Korea and NATO will meet again, Yoon said.")


def _one_by_one(mentions, registry, on):
    done = []
    for mention in mentions:
        actor = registry.get(mention.actor)
        role = actor.role_on(on) if actor is not None and on else None
        done.append(dataclasses.replace(
            mention, role=role.title if role else None,
            affiliation=role.affiliation if role else None,
            country=actor.country if actor else None))
    return done


@pytest.mark.parametrize("on", [date(2023, 7, 11), date(2026, 1, 1), None])
def test_complete_mentions_equals_filling_each_mention(on):
    registry = default_registry()
    found = registry.find_mentions(TEXT, on=on)
    assert len({m.actor for m in found}) < len(found)  # actors named more than once
    completed = complete_mentions(found, registry, on)
    assert completed == _one_by_one(found, registry, on)
    assert any(m.role for m in completed) == (on is not None)
