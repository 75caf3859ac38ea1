"""The records of the actors wing: roles, actors and their mentions in a text.

:class:`Actor` and :class:`Role` are what the registry holds (read from
``resources/actors/actors.csv`` and ``resources/actors/actor_roles.csv``, whose columns are
:data:`ACTOR_COLUMNS` and :data:`ROLE_COLUMNS`); :class:`ActorMention` is one actor named
in one text, with what the ``actors`` table shows about it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = [
    "ACTOR_COLUMNS",
    "GENDERS",
    "KINDS",
    "ROLE_COLUMNS",
    "Actor",
    "ActorMention",
    "Kind",
    "Role",
    "start_key",
]

Kind = Literal["person", "organisation", "country"]
#: The kinds of actor, in display order.
KINDS: tuple[str, ...] = ("person", "organisation", "country")
#: Columns of an actors CSV file (shipped and user files alike).
ACTOR_COLUMNS: tuple[str, ...] = (
    "name",
    "kind",
    "aliases",
    "descriptions",
    "demonyms",
    "country",
    "source",
    "gender",
)
#: Values of an actor's optional ``gender`` column (persons whose source states it).
GENDERS: tuple[str, ...] = ("female", "male")
#: Columns of a roles CSV file (shipped and user files alike).
ROLE_COLUMNS: tuple[str, ...] = (
    "actor",
    "title",
    "affiliation",
    "valid_from",
    "valid_to",
    "descriptions",
    "source",
    "constituency",
    "party",
)


@dataclass(frozen=True, slots=True)
class Role:
    """An office held by an actor between two dates (both inclusive; None = open).

    ``constituency`` (the U.S. state a senator, representative or governor serves) and
    ``party`` (the party the holder belonged to in that office, as a registry canonical
    name) are optional facts that :mod:`analysis.actors.claims` checks articles against.

    Examples
    --------
    >>> role = Role("Secretary General", "NATO", date(2014, 10, 1), date(2024, 10, 1), "nato.int")
    >>> role.valid_on(date(2023, 7, 11)), role.valid_on(date(2025, 1, 1))
    (True, False)
    """

    title: str
    affiliation: str | None
    valid_from: date | None
    valid_to: date | None
    source: str
    descriptions: tuple[str, ...] = ()
    constituency: str | None = None
    party: str | None = None

    def valid_on(self, on: date) -> bool:
        """Tell whether the role was held on ``on`` (bounds inclusive)."""
        started = self.valid_from is None or self.valid_from <= on
        not_ended = self.valid_to is None or on <= self.valid_to
        return started and not_ended


def start_key(role: Role) -> date:
    """Sort key of a role: its start date (open starts first)."""
    return role.valid_from or date.min


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation or country with its aliases and dated roles.

    Examples
    --------
    >>> from analysis.actors.registry import default_registry
    >>> yoon = default_registry().get("Yoon Suk Yeol")
    >>> yoon.kind, yoon.country
    ('person', 'South Korea')
    >>> yoon.role_on(date(2023, 7, 11)).title
    'President'
    >>> yoon.role_on(date(2025, 5, 1)) is None
    True
    """

    name: str
    kind: Kind
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    country: str | None
    source: str
    descriptions: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    gender: str | None = None

    def roles_on(self, on: date | None) -> tuple[Role, ...]:
        """Return every role held on ``on`` (all roles when ``on`` is None)."""
        if on is None:
            return self.roles
        return tuple(role for role in self.roles if role.valid_on(on))

    def role_on(self, on: date | None = None) -> Role | None:
        """Return the role held on ``on``, or the latest role when ``on`` is None.

        Of several roles held that day, the one that started last is returned (on a
        handover day that is the incoming office). None when no role was held.
        """
        roles = self.roles_on(on)
        if not roles:
            return None
        return max(roles, key=start_key)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A registry actor named in a text: the span, the words as written and the actor.

    ``role`` and ``affiliation`` are those of the role the actor held on the article's
    date (None for an undated article, so no office is attributed out of time, and for
    a mention found in a bare text); ``country`` is the actor's country. The registry's
    :meth:`~analysis.actors.registry.ActorRegistry.find_mentions` leaves them None;
    :func:`~analysis.actors.mentions.extract_actors` fills them.

    Examples
    --------
    >>> ActorMention(0, 4, "Yoon", "Yoon Suk Yeol", "person", "President", "South Korea")
    ActorMention(start=0, end=4, text='Yoon', actor='Yoon Suk Yeol', kind='person', role='President', affiliation='South Korea', country=None)
    """

    start: int
    end: int
    text: str
    actor: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
