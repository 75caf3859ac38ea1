"""Actors: the dated registry, titles, matching, user CSV files and corrections."""

from __future__ import annotations

from analysis.actors.overrides import (
    OVERRIDE_COLUMNS,
    Override,
    apply_overrides,
    load_overrides,
)
from analysis.actors.registry import (
    ACTOR_COLUMNS,
    KINDS,
    ROLE_COLUMNS,
    Actor,
    ActorMention,
    ActorRegistry,
    Role,
    actor_mentions,
    actors_frame,
    default_registry,
    strip_titles,
)

__all__ = [
    "ACTOR_COLUMNS",
    "KINDS",
    "OVERRIDE_COLUMNS",
    "ROLE_COLUMNS",
    "Actor",
    "ActorMention",
    "ActorRegistry",
    "Override",
    "Role",
    "actor_mentions",
    "actors_frame",
    "apply_overrides",
    "default_registry",
    "load_overrides",
    "strip_titles",
]
