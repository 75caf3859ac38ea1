"""One speaker-to-colour assignment for a figure set and the HTML view.

Every quote figure of a set (quotes-per-speaker, quote-positions, quote-addressees,
sentiment-speakers) and the highlighted article colour a speaker by
:func:`assign_speaker_colours` over the same quotes table, so a speaker has one colour
throughout. The assignment is deterministic:

1. attributed speakers (:func:`is_attributed`: a person or organisation) in the order
   of the ``speakers`` table (:func:`analysis.quotes.speakers.speakers_frame`: most
   quotes, then most words, then first appearance) take the categorical colours of
   :mod:`analysis.figures.palette` in turn, so no two speakers shown share a colour;
2. past the palette's size, the remaining attributed speakers are grouped as
   ``"others"``, in :data:`~analysis.figures.palette.OTHERS` (near black);
3. every other speaker is grouped as ``"unattributed"``, in
   :data:`~analysis.figures.palette.UNATTRIBUTED` (mid grey), distinct from "others":
   a mention not resolved to an actor ("the pair", "a joint statement released",
   "an official") or resolved to something that is neither a registry actor nor a
   name ("Organisers"). The figures never draw such a mention as a speaker: all of
   them are one row, :data:`UNATTRIBUTED_SHOWN`, and the captions say so.

Anonymous sources stay with the unattributed (decided for issue 12): a quote whose
``speaker_kind`` is ``"anonymous"`` ("a senior official said", and a "he said" going on
from it) has no actor, so it is grouped as "unattributed" like an unresolved speaker
(:data:`UNATTRIBUTED_KINDS`); a separate group would split one grey row into two that
both mean "no named speaker", and a corpus figure would need a fourth legend entry per
panel. The kinds that keep their own colour are named persons, organisations and
descriptions resolved to a person by role. When the quotes table has a
``speaker_kind`` column, a speaker of an unattributed kind is drawn unattributed even
if its mention resolved to some words.

Who counts as attributed (:func:`is_attributed`): the quote has an actor, and that
actor is in the registry (a person, organisation or country with a source), or its
name looks like a name (:func:`looks_like_name`: two to six capitalised words, name
particles such as "de" or "van" allowed, or one acronym such as "KIDA"). So a speaker
a user's article names in full ("Hana Seo") keeps their own colour although the
registry does not know them, and a description never does.

No two speakers a figure shows share a colour: the figures draw "others" as one row,
:data:`OTHERS_SHOWN`, when it holds two speakers or more (a group of one keeps its own
label), and "unattributed" always as one row (:meth:`SpeakerColours.group_quotes`).

**One article's figure or page** (quote-positions, the highlighted article of notebook 02,
each article of the ``show --html`` evidence page) shows only that article's speakers, so
it does not need the set's "others": :meth:`SpeakerColours.within` (and
:func:`article_colours`) gives them colours whenever they fit in the palette. The rule:

1. a speaker with a colour of its own in the set keeps it (a speaker has the same colour
   in every figure where it has one);
2. the article's other attributed speakers, in the article's own order (most quotes,
   then most words, then first appearance), take the palette's colours that no speaker
   of rule 1 in this article uses, in palette order;
3. only when those run out are the rest "others" (near black); the unattributed stay grey.

So in a one-article figure a free colour may stand for a speaker who, in the set's
figures, is one of the "others" (never for a speaker who has a colour of its own there
and is in this article); no two speakers of the article share a colour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

import pandas as pd

from analysis.figures.palette import CATEGORICAL, OTHERS, UNATTRIBUTED
from analysis.quotes.speakers import speaker_label, speakers_frame

if TYPE_CHECKING:
    from analysis.actors.registry import ActorRegistry
    from analysis.figures import FigureInputs

__all__ = [
    "NAME_PARTICLES",
    "OTHERS_LABEL",
    "OTHERS_SHOWN",
    "UNATTRIBUTED_KINDS",
    "UNATTRIBUTED_LABEL",
    "UNATTRIBUTED_SHOWN",
    "UNRESOLVED_LABEL",
    "UNRESOLVED_SHOWN",
    "SpeakerColours",
    "article_colours",
    "assign_speaker_colours",
    "colours_for",
    "is_attributed",
    "looks_like_name",
]

#: Group name of the speakers past the palette's size.
OTHERS_LABEL = "others"
#: Group name of the speakers that are not a person or organisation (:func:`is_attributed`).
UNATTRIBUTED_LABEL = "unattributed"
#: The one row a figure draws for two or more speakers past the palette's size.
OTHERS_SHOWN = "other speakers"
#: The one row a figure draws for every unattributed speaker (even one).
UNATTRIBUTED_SHOWN = "unattributed"
#: Speaker kinds (:data:`analysis.quotes.records.SPEAKER_KINDS`) drawn as "unattributed":
#: anonymous sources are grouped with unresolved speakers, apart from named ones.
UNATTRIBUTED_KINDS: tuple[str, ...] = ("anonymous", "unresolved")
#: Former names of the unattributed group (kept for code that imports them).
UNRESOLVED_LABEL = UNATTRIBUTED_LABEL
UNRESOLVED_SHOWN = UNATTRIBUTED_SHOWN
#: Lower-case words a name may hold between its capitalised words ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"al", "bin", "da", "das", "de", "del", "della", "der", "des",
                            "di", "do", "dos", "du", "ibn", "la", "le", "van", "von", "y"})
#: Words in a name, at least and at most (a one-word name must be an acronym).
NAME_WORDS = (2, 6)
_GROUP_ROWS = {OTHERS_LABEL: OTHERS_SHOWN, UNATTRIBUTED_LABEL: UNATTRIBUTED_SHOWN}
_GROUP_COLOURS = {OTHERS_SHOWN: OTHERS, UNATTRIBUTED_SHOWN: UNATTRIBUTED}
_SHOWN_GROUPS = {OTHERS_SHOWN: OTHERS_LABEL, UNATTRIBUTED_SHOWN: UNATTRIBUTED_LABEL}


def _capitalised(word: str) -> bool:
    """Return True for a word of a name: "Kim", "Eun-hye", "O'Brien", "McCain"."""
    return word[:1].isupper() and not any(ch.isdigit() for ch in word)


_HANGUL_WORD = re.compile("[\uac00-\ud7a3]+")


def _hangul_name(words: list[str]) -> bool:
    from analysis.quotes.korean.words import korean_words

    if len(words) == 1:
        word = words[0]
        return 2 <= len(word) <= 4 and word[0] in korean_words().surnames
    return len(words) <= 3


def looks_like_name(text: str) -> bool:
    """Return True when ``text`` is written as a name, not a description.

    Two to six words (:data:`NAME_WORDS`), the first and last capitalised and every one
    between capitalised or a name particle (:data:`NAME_PARTICLES`); or a single acronym
    of two to six capitals ("KIDA").

    Examples
    --------
    >>> [looks_like_name(t) for t in ("Hana Seo", "Ursula von der Leyen", "KIDA")]
    [True, True, True]
    >>> [looks_like_name(t) for t in ("Organisers", "the pair", "a joint statement released")]
    [False, False, False]

    A name in Hangul, as the Korean rules give a person the registry lacks: one word of
    two to four syllables opening with a common family name ("이서연"), or two or three
    words (a foreign name, "빅터 차"); not a role ("외교부 당국자" is two words, but the
    rules never give it as an actor).

    >>> [looks_like_name(t) for t in ("이서연", "빅터 차", "외교부", "관계자")]
    [True, True, False, False]
    """
    words = str(text).split()
    if words and all(_HANGUL_WORD.fullmatch(word) for word in words):
        return _hangul_name(words)
    if len(words) == 1:
        word = words[0]
        return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()
    if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]:
        return False
    if not (_capitalised(words[0]) and _capitalised(words[-1])):
        return False
    return all(_capitalised(w) or w in NAME_PARTICLES for w in words[1:-1])


def is_attributed(actor: object, registry: ActorRegistry | None = None) -> bool:
    """Return True when a quote's ``actor`` is a person or organisation to draw as a speaker.

    ``actor`` is the quote's resolved actor (``<NA>`` when the mention was not resolved).
    It counts when the registry (default: the shipped one) knows it, or when it looks
    like a name (:func:`looks_like_name`): a full name the article gives for someone the
    registry does not list. Everything else is drawn as "unattributed".

    Examples
    --------
    >>> is_attributed("Jens Stoltenberg"), is_attributed("Hana Seo"), is_attributed("NATO")
    (True, True, True)
    >>> is_attributed(None), is_attributed("Organisers")
    (False, False)
    """
    if actor is None or (not isinstance(actor, str) and pd.isna(actor)):
        return False
    name = str(actor).strip()
    if not name:
        return False
    if looks_like_name(name):
        return True
    if registry is None:
        from analysis.actors.registry import default_registry

        registry = default_registry()
    return name in registry or registry.get(name) is not None


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
    #: How many labels each group holds, counted once (``shown`` is asked per quote row).
    _group_sizes: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sizes: dict[str, int] = {}
        for group in self.groups.values():
            sizes[group] = sizes.get(group, 0) + 1
        object.__setattr__(self, "_group_sizes", MappingProxyType(sizes))

    def __iter__(self) -> Iterator[str]:
        return iter(self.colours)

    def __len__(self) -> int:
        return len(self.colours)

    def colour(self, label: str) -> str:
        """Return the colour of ``label``; a speaker not in the set is drawn unattributed."""
        return self.colours.get(label, _GROUP_COLOURS.get(label, UNATTRIBUTED))

    def group(self, label: str) -> str:
        """Return what the colour of ``label`` stands for (the label, others, unattributed)."""
        return self.groups.get(label, _SHOWN_GROUPS.get(label, UNATTRIBUTED_LABEL))

    def shown(self, label: str) -> str:
        """Return the row a figure draws ``label`` on: its own, or its group's.

        "others" is one row when it holds two speakers or more; "unattributed" always.

        Examples
        --------
        >>> colours = SpeakerColours({"A": "#0072B2", "B": "#333333", "C": "#333333",
        ...                           "the pair (unresolved)": "#767676"},
        ...                          {"A": "A", "B": "others", "C": "others",
        ...                           "the pair (unresolved)": "unattributed"})
        >>> colours.shown("A"), colours.shown("B"), colours.shown("the pair (unresolved)")
        ('A', 'other speakers', 'unattributed')
        """
        group = self.group(label)
        if group == label or group not in _GROUP_ROWS:
            return label
        if group == UNATTRIBUTED_LABEL:
            return UNATTRIBUTED_SHOWN
        return _GROUP_ROWS[group] if self._group_sizes.get(group, 0) > 1 else label

    def members(self, shown: str) -> list[str]:
        """Return the speaker labels drawn on row ``shown`` (one, or a group's members)."""
        return [label for label in self.colours if self.shown(label) == shown]

    def group_quotes(self, quotes: pd.DataFrame) -> pd.DataFrame:
        """Return ``quotes`` with every speaker drawn as the row :meth:`shown` gives.

        The speakers of a shared colour become one speaker (``actor`` and ``speaker``
        :data:`OTHERS_SHOWN` or :data:`UNATTRIBUTED_SHOWN`, no role or affiliation), so
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

    def within(
        self, quotes: pd.DataFrame, palette: Sequence[str] = CATEGORICAL,
        registry: ActorRegistry | None = None,
    ) -> SpeakerColours:
        """Return the colours of a figure that shows only ``quotes`` (e.g. one article).

        The rule of the module docstring: a speaker with its own colour here keeps it;
        the other attributed speakers of ``quotes``, in their order there, take the
        palette's colours left free, then "others"; the unattributed stay grey.

        Examples
        --------
        >>> article = pd.DataFrame({"article_id": ["x"] * 3, "kind": ["direct"] * 3,
        ...     "start": [0, 10, 20], "end": [5, 15, 25], "speaker": ["Bo Kim", "Ann Lee", "he"],
        ...     "actor": ["Bo Kim", "Ann Lee", None]})
        >>> corpus = SpeakerColours({"Ann Lee": "#0072B2", "Bo Kim": "#333333"},
        ...                         {"Ann Lee": "Ann Lee", "Bo Kim": "others"})
        >>> dict(corpus.within(article, palette=["#0072B2", "#D55E00"]).colours)
        {'Bo Kim': '#D55E00', 'Ann Lee': '#0072B2', 'he (unresolved)': '#767676'}
        """
        local = assign_speaker_colours(quotes, palette, registry)
        own = {label: self.colours[label] for label in local.colours
               if self.groups.get(label) == label}
        free = [colour for colour in palette if colour not in own.values()]
        colours: dict[str, str] = {}
        groups: dict[str, str] = {}
        for label in local.colours:
            if local.groups[label] == UNATTRIBUTED_LABEL:
                colours[label], groups[label] = UNATTRIBUTED, UNATTRIBUTED_LABEL
            elif label in own:
                colours[label], groups[label] = own[label], label
            elif free:
                colours[label], groups[label] = free.pop(0), label
            else:
                colours[label], groups[label] = OTHERS, OTHERS_LABEL
        return SpeakerColours(MappingProxyType(colours), MappingProxyType(groups))

    def legend(self) -> list[tuple[str, str]]:
        """Return ``(group, colour)`` once per colour in use: speakers, others, unattributed."""
        seen: dict[str, str] = {}
        for label, colour in self.colours.items():
            seen.setdefault(self.groups[label], colour)
        order = {OTHERS_LABEL: 1, UNATTRIBUTED_LABEL: 2}
        return sorted(seen.items(), key=lambda item: order.get(item[0], 0))

    @classmethod
    def from_speakers(
        cls, speakers: pd.DataFrame, palette: Sequence[str] = CATEGORICAL,
        registry: ActorRegistry | None = None,
    ) -> SpeakerColours:
        """Assign colours from a ``speakers`` table (see the module docstring).

        A speaker listed in several articles is ranked by its total quotes and words,
        then by its first row. ``registry`` decides who is attributed
        (:func:`is_attributed`; default: the shipped registry).

        Examples
        --------
        >>> speakers = pd.DataFrame({"actor": ["Jens Stoltenberg", None, "Yoon Suk Yeol"],
        ...     "speaker": ["Stoltenberg", "He", "Yoon"], "n_quotes": [1, 3, 2],
        ...     "n_words": [9, 30, 4]})
        >>> colours = SpeakerColours.from_speakers(speakers, palette=["#0072B2"])
        >>> dict(colours.colours)
        {'Yoon Suk Yeol': '#0072B2', 'Jens Stoltenberg': '#333333', 'He (unresolved)': '#767676'}
        >>> colours.group("Jens Stoltenberg"), colours.group("He (unresolved)")
        ('others', 'unattributed')
        """
        totals: dict[str, list[int]] = {}  # label -> [-quotes, -words, first row]
        unattributed: list[str] = []
        known: dict[str, bool] = {}
        for row, (actor, speaker, n_quotes, n_words) in enumerate(zip(
                speakers["actor"], speakers["speaker"], speakers["n_quotes"],
                speakers["n_words"], strict=True)):
            label = speaker_label(actor, speaker)
            if label not in known:
                known[label] = is_attributed(actor, registry)
            if not known[label]:
                if label not in unattributed:
                    unattributed.append(label)
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
        for label in unattributed:
            colours[label], groups[label] = UNATTRIBUTED, UNATTRIBUTED_LABEL
        return cls(MappingProxyType(colours), MappingProxyType(groups))


def assign_speaker_colours(
    quotes: pd.DataFrame, palette: Sequence[str] = CATEGORICAL,
    registry: ActorRegistry | None = None,
) -> SpeakerColours:
    """Return the colour of every speaker of a quotes table, the same for every figure.

    Parameters
    ----------
    quotes : DataFrame
        The ``quotes`` table (or ``quote_sentiment``, which has the same speaker
        columns), of one article or many; ``title`` and ``scare`` rows are ignored.
    palette : sequence of str, optional
        The colours to hand out (default: :data:`analysis.figures.palette.CATEGORICAL`).
    registry : ActorRegistry, optional
        Decides who is attributed (:func:`is_attributed`; default: the shipped registry;
        figures pass their context's, so a researcher's actors file counts).

    Examples
    --------
    >>> quotes = pd.DataFrame({"article_id": ["a"] * 4,
    ...     "kind": ["direct", "indirect", "direct", "direct"], "start": [0, 10, 20, 30],
    ...     "end": [5, 15, 25, 35], "speaker": ["Yoon", "He", "Stoltenberg", "Stoltenberg"],
    ...     "actor": ["Yoon Suk Yeol", None, "Jens Stoltenberg", "Jens Stoltenberg"]})
    >>> dict(assign_speaker_colours(quotes).colours)
    {'Jens Stoltenberg': '#0072B2', 'Yoon Suk Yeol': '#D55E00', 'He (unresolved)': '#767676'}
    """
    return SpeakerColours.from_speakers(speakers_frame(_without_unattributed(quotes)),
                                        palette, registry)


def _without_unattributed(quotes: pd.DataFrame) -> pd.DataFrame:
    """Return ``quotes`` with the actor of every unattributed speaker kind removed."""
    if "speaker_kind" not in quotes.columns or "actor" not in quotes.columns:
        return quotes
    mask = quotes["speaker_kind"].isin(UNATTRIBUTED_KINDS).fillna(False).astype(bool)
    if not mask.any():
        return quotes
    cleared = quotes.copy()
    cleared["actor"] = cleared["actor"].astype("object").where(~mask, None)
    return cleared


def colours_for(inputs: FigureInputs) -> SpeakerColours:
    """Return the speaker colours of a figure set: over every research article's quotes.

    Every speaker figure and the highlighted article of one :class:`FigureInputs` use
    this, so a speaker keeps one colour whether a figure shows one article or all of
    them; attribution follows the inputs' registry (a researcher's actors file counts).

    Examples
    --------
    >>> from analysis.figures import FigureInputs
    >>> inputs = FigureInputs.from_documents(["“We agree,” Stoltenberg said.",
    ...                                       "“Agreed,” the pair said."])
    >>> colours_for(inputs).legend()
    [('Jens Stoltenberg', '#0072B2'), ('unattributed', '#767676')]
    """
    return assign_speaker_colours(inputs.all_articles_table("quotes"),
                                  registry=inputs.context.registry)


def article_colours(inputs: FigureInputs) -> SpeakerColours:
    """Return the speaker colours of the primary article's own figures and highlighted text.

    :func:`colours_for` narrowed to the primary article's quotes
    (:meth:`SpeakerColours.within`): its speakers keep the set's colours where they have
    one, and the others take the colours left free, so a one-article figure shows an
    article's few speakers in colours, not as "others".

    Examples
    --------
    >>> from analysis.figures import FigureInputs
    >>> inputs = FigureInputs.from_documents(["“We agree,” Stoltenberg said."])
    >>> article_colours(inputs).legend()
    [('Jens Stoltenberg', '#0072B2')]
    """
    return colours_for(inputs).within(inputs.table("quotes"), registry=inputs.context.registry)
