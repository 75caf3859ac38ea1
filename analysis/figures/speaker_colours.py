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
    "UNRESOLVED_LABEL",
    "SpeakerColours",
    "assign_speaker_colours",
]

#: Group name of the speakers past the palette's size.
OTHERS_LABEL = "others"
#: Group name of the speakers not resolved to an actor.
UNRESOLVED_LABEL = "unresolved"


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
        return self.colours.get(label, UNRESOLVED)

    def group(self, label: str) -> str:
        """Return what the colour of ``label`` stands for (the label, others, unresolved)."""
        return self.groups.get(label, UNRESOLVED_LABEL)

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

