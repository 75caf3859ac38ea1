"""One speaker-to-colour assignment for a figure set and the HTML view.

Every quote figure of a set (quotes-per-speaker, quote-positions, quote-addressees,
sentiment-speakers) and the highlighted article colour a speaker by
:func:`assign_speaker_colours` over the same quotes table, so a speaker has one colour
throughout. The assignment is deterministic:

1. resolved speakers in the order of the ``speakers`` table
   (:func:`analysis.quotes.speakers.speakers_frame`: most quotes, then most words, then
   first appearance) take the categorical colours of :mod:`analysis.figures.palette` in
   turn, so no two speakers shown share a colour;
2. past the palette's size, the remaining resolved speakers are grouped as
   ``"others"``, in :data:`~analysis.figures.palette.OTHERS` (near black);
3. speakers not resolved to an actor (labelled "... (unresolved)" or "unknown
   speaker") are grouped as ``"unresolved"``, in
   :data:`~analysis.figures.palette.UNRESOLVED` (mid grey), distinct from "others".

No two speakers a figure shows share a colour: when a group holds two speakers or more,
the figures draw it as one row, :data:`OTHERS_SHOWN` or :data:`UNRESOLVED_SHOWN`
(:meth:`SpeakerColours.group_quotes`); a group of one keeps its own label.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd

from analysis.figures.palette import CATEGORICAL, OTHERS, UNRESOLVED
from analysis.quotes.speakers import speaker_label, speakers_frame

__all__ = [
    "OTHERS_LABEL",
    "OTHERS_SHOWN",
    "UNRESOLVED_LABEL",
    "UNRESOLVED_SHOWN",
    "SpeakerColours",
    "assign_speaker_colours",
]

#: Group name of the speakers past the palette's size.
OTHERS_LABEL = "others"
#: Group name of the speakers not resolved to an actor.
UNRESOLVED_LABEL = "unresolved"
#: The one row a figure draws for two or more speakers past the palette's size.
OTHERS_SHOWN = "other speakers"
#: The one row a figure draws for two or more speakers not resolved to an actor.
UNRESOLVED_SHOWN = "unresolved speakers"
_GROUP_ROWS = {OTHERS_LABEL: OTHERS_SHOWN, UNRESOLVED_LABEL: UNRESOLVED_SHOWN}
_GROUP_COLOURS = {OTHERS_SHOWN: OTHERS, UNRESOLVED_SHOWN: UNRESOLVED}
_SHOWN_GROUPS = {OTHERS_SHOWN: OTHERS_LABEL, UNRESOLVED_SHOWN: UNRESOLVED_LABEL}


@dataclass(frozen=True, slots=True)
class SpeakerColours:
    """The colour and colour group of every speaker label of a figure set.

    Attributes
    ----------
    colours : Mapping[str, str]
        Speaker label (:func:`analysis.quotes.speakers.speaker_label`) -> ``#RRGGBB``,
        in assignment order.
    groups : Mapping[str, str]
        Speaker label -> what its colour stands for: the label itself (a colour of its
        own), :data:`OTHERS_LABEL` or :data:`UNRESOLVED_LABEL`.
    """

    colours: Mapping[str, str]
    groups: Mapping[str, str]

    def __iter__(self) -> Iterator[str]:
        return iter(self.colours)

    def __len__(self) -> int:
        return len(self.colours)

    def colour(self, label: str) -> str:
        """Return the colour of ``label``; a speaker not in the set is drawn unresolved."""
        return self.colours.get(label, _GROUP_COLOURS.get(label, UNRESOLVED))

    def group(self, label: str) -> str:
        """Return what the colour of ``label`` stands for (the label, others, unresolved)."""
        return self.groups.get(label, _SHOWN_GROUPS.get(label, UNRESOLVED_LABEL))

    def shown(self, label: str) -> str:
        """Return the row a figure draws ``label`` on: its own, or its group's when shared.

        Examples
        --------
        >>> colours = SpeakerColours({"A": "#0072B2", "B": "#333333", "C": "#333333"},
        ...                          {"A": "A", "B": "others", "C": "others"})
        >>> colours.shown("A"), colours.shown("B")
        ('A', 'other speakers')
        """
        group = self.group(label)
        if group == label or group not in _GROUP_ROWS:
            return label
        members = sum(1 for other in self.groups.values() if other == group)
        return _GROUP_ROWS[group] if members > 1 else label

    def members(self, shown: str) -> list[str]:
        """Return the speaker labels drawn on row ``shown`` (one, or a group's members)."""
        return [label for label in self.colours if self.shown(label) == shown]

    def group_quotes(self, quotes: pd.DataFrame) -> pd.DataFrame:
        """Return ``quotes`` with every speaker drawn as the row :meth:`shown` gives.

        The speakers of a shared colour become one speaker (``actor`` and ``speaker``
        :data:`OTHERS_SHOWN` or :data:`UNRESOLVED_SHOWN`, no role or affiliation), so
        tables built from the result (speakers, positions, addressees, tone by speaker)
        show no two speakers in one colour. Works on ``quotes`` and ``quote_sentiment``.
        """
        grouped = quotes.copy()
        labels = [speaker_label(a, s) for a, s in zip(quotes["actor"], quotes["speaker"],
                                                       strict=True)]
        rows = [label != self.shown(label) for label in labels]
        if not any(rows):
            return grouped
        shown = pd.Series([self.shown(label) for label in labels], index=grouped.index)
        mask = pd.Series(rows, index=grouped.index)
        for column in ("actor", "speaker"):
            grouped[column] = grouped[column].astype("object").where(~mask, shown)
        for column in ("role", "affiliation"):
            if column in grouped:
                grouped[column] = grouped[column].astype("object").where(~mask, None)
        return grouped

    def legend(self) -> list[tuple[str, str]]:
        """Return ``(group, colour)`` once per colour in use: speakers, others, unresolved."""
        seen: dict[str, str] = {}
        for label, colour in self.colours.items():
            seen.setdefault(self.groups[label], colour)
        order = {OTHERS_LABEL: 1, UNRESOLVED_LABEL: 2}
        return sorted(seen.items(), key=lambda item: order.get(item[0], 0))

    @classmethod
    def from_speakers(
        cls, speakers: pd.DataFrame, palette: Sequence[str] = CATEGORICAL
    ) -> SpeakerColours:
        """Assign colours from a ``speakers`` table (see the module docstring).

        A speaker listed in several articles is ranked by its total quotes and words,
        then by its first row.

        Examples
        --------
        >>> speakers = pd.DataFrame({"actor": ["Jens Stoltenberg", None, "Yoon Suk Yeol"],
        ...     "speaker": ["Stoltenberg", "He", "Yoon"], "n_quotes": [1, 3, 2],
        ...     "n_words": [9, 30, 4]})
        >>> colours = SpeakerColours.from_speakers(speakers, palette=["#0072B2"])
        >>> dict(colours.colours)
        {'Yoon Suk Yeol': '#0072B2', 'Jens Stoltenberg': '#333333', 'He (unresolved)': '#767676'}
        >>> colours.group("Jens Stoltenberg"), colours.group("He (unresolved)")
        ('others', 'unresolved')
        """
        totals: dict[str, list[int]] = {}  # label -> [-quotes, -words, first row]
        unresolved: list[str] = []
        for row, (actor, speaker, n_quotes, n_words) in enumerate(zip(
                speakers["actor"], speakers["speaker"], speakers["n_quotes"],
                speakers["n_words"], strict=True)):
            label = speaker_label(actor, speaker)
            if pd.isna(actor):
                if label not in unresolved:
                    unresolved.append(label)
                continue
            total = totals.setdefault(label, [0, 0, row])
            total[0] -= int(n_quotes)
            total[1] -= int(n_words)
        ranked = sorted(totals, key=lambda label: totals[label])
        colours: dict[str, str] = {}
        groups: dict[str, str] = {}
        for rank, label in enumerate(ranked):
            if rank < len(palette):
                colours[label], groups[label] = palette[rank], label
            else:
                colours[label], groups[label] = OTHERS, OTHERS_LABEL
        for label in unresolved:
            colours[label], groups[label] = UNRESOLVED, UNRESOLVED_LABEL
        return cls(MappingProxyType(colours), MappingProxyType(groups))


def assign_speaker_colours(
    quotes: pd.DataFrame, palette: Sequence[str] = CATEGORICAL
) -> SpeakerColours:
    """Return the colour of every speaker of a quotes table, the same for every figure.

    Parameters
    ----------
    quotes : DataFrame
        The ``quotes`` table (or ``quote_sentiment``, which has the same speaker
        columns); ``title`` and ``scare`` rows are ignored.
    palette : sequence of str, optional
        The colours to hand out (default: :data:`analysis.figures.palette.CATEGORICAL`).

    Examples
    --------
    >>> quotes = pd.DataFrame({"article_id": ["a"] * 4,
    ...     "kind": ["direct", "indirect", "direct", "direct"], "start": [0, 10, 20, 30],
    ...     "end": [5, 15, 25, 35], "speaker": ["Yoon", "He", "Stoltenberg", "Stoltenberg"],
    ...     "actor": ["Yoon Suk Yeol", None, "Jens Stoltenberg", "Jens Stoltenberg"]})
    >>> dict(assign_speaker_colours(quotes).colours)
    {'Jens Stoltenberg': '#0072B2', 'Yoon Suk Yeol': '#D55E00', 'He (unresolved)': '#767676'}
    """
    return SpeakerColours.from_speakers(speakers_frame(quotes), palette)

