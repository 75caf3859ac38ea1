"""Actors: the dated registry, titles, matching, user CSV files and corrections.

Modules: ``records`` (Role, Actor, ActorMention, the CSV columns), ``titles`` (titles and
descriptions, :func:`strip_titles`), ``trie`` (the one-pass alias pattern), ``tables``
(reading the shipped and user actors / roles CSV files), ``registry`` (ActorRegistry:
matching and resolution, :func:`default_registry`), ``mentions`` (:func:`extract_actors`,
:func:`actor_rows`, :func:`actors_frame`), ``overrides`` (researcher corrections) and
``claims`` (what an article says about a person beside the name, checked against the
registry: :func:`find_claims`, :func:`claims_frame`; its words in ``claim_words``, its
offices in ``claim_offices``).
"""

from __future__ import annotations

from analysis.actors.claims import ActorClaim, claims_frame, find_claims
from analysis.actors.mentions import actor_rows, actors_frame, complete_mentions, extract_actors
from analysis.actors.overrides import (
    OVERRIDE_COLUMNS,
    Override,
    apply_overrides,
    as_overrides,
    load_overrides,
)
from analysis.actors.records import (
    ACTOR_COLUMNS,
    KINDS,
    ROLE_COLUMNS,
    Actor,
    ActorMention,
    Role,
)
from analysis.actors.registry import ActorRegistry, default_registry
from analysis.actors.titles import strip_titles

__all__ = [
    "ACTOR_COLUMNS",
    "KINDS",
    "OVERRIDE_COLUMNS",
    "ROLE_COLUMNS",
    "Actor",
    "ActorClaim",
    "ActorMention",
    "ActorRegistry",
    "Override",
    "Role",
    "actor_rows",
    "actors_frame",
    "apply_overrides",
    "as_overrides",
    "claims_frame",
    "complete_mentions",
    "default_registry",
    "extract_actors",
    "find_claims",
    "load_overrides",
    "strip_titles",
]
