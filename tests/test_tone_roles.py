"""Role features: whose is each evaluative word? Sentences written for this test."""

from __future__ import annotations

import pytest

from analysis.sentiment.features import FeatureConfig, target_features

ROLES = FeatureConfig(roles=True, phrases=True)


def _roles(text: str, mention: str, occurrence: int = 0) -> set[str]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    features = target_features(text, start, start + len(mention), ROLES)
    return {name for name in features if name.startswith("r:") and not name.startswith(
        "r:names")}


def test_the_agent_of_a_passive_is_not_its_patient() -> None:
    text = "The raid on the village was attacked by Norway, which praised Chile's generous offer."
    assert "r:agent:neg" in _roles(text, "Norway")  # Norway attacked; it was not attacked
    assert "r:agent:pos" in _roles(text, "Norway")  # the relative clause is Norway's
    assert _roles(text, "Chile") == {"r:bystander:neg", "r:bystander:pos", "r:possessor:pos"}


def test_the_patient_of_an_active_verb_and_of_a_passive() -> None:
    assert "r:patient:neg" in _roles("Auditors criticized Dana Reyes.", "Dana Reyes")
    assert "r:agent:neg" in _roles("Auditors criticized Dana Reyes.", "Auditors")
    assert "r:patient:neg" in _roles("Dana Reyes was criticized by auditors.", "Dana Reyes")


def test_possessive_noun_phrases_belong_to_the_possessor() -> None:
    text = "The mayor's string of misstatements worried Lena Park."
    assert "r:possessor:neg" in _roles(text, "mayor")
    assert "r:possessor:neg" not in _roles(text, "Lena Park")


def test_coordinated_names_share_a_role() -> None:
    text = "Hale and Moreno were blamed for the delay."
    assert "r:patient:neg" in _roles(text, "Hale")
    assert "r:patient:neg" in _roles(text, "Moreno")
    assert "r:coord" in _roles(text, "Moreno")


def test_a_bystander_in_another_clause() -> None:
    text = "Wade Lin attended the hearing, where the governor was condemned for corruption."
    roles = _roles(text, "Wade Lin")
    assert roles and all(role.startswith("r:bystander") for role in roles)


@pytest.mark.parametrize(("text", "mention", "role"), [
    ("Ortega takes the lead in the new poll.", "Ortega", "r:agent:pos"),
    ("Support for Ortega fades as the vote nears.", "Ortega", "r:agent:neg"),
    ("Baker won the primary, where Soto came second.", "Soto", "r:agent:neg"),
])
def test_horse_race_phrases_count_as_evidence(text: str, mention: str, role: str) -> None:
    assert role in _roles(text, mention)


def test_roles_can_be_switched_off() -> None:
    features = target_features("Auditors criticized Dana Reyes.", 20, 30,
                               FeatureConfig(roles=False, phrases=False))
    assert not [name for name in features if name.startswith(("r:", "rsum:"))]


def test_a_blank_target_has_no_roles() -> None:
    text = "Critics attacked the plan ."
    features = target_features(text, 25, 26, ROLES)
    assert not [name for name in features if name.startswith(("r:", "rsum:"))]
    assert target_features(" ", 0, 1, ROLES) is not None
