"""Robustness checks of the target model for ``evaluate sentiment``: groups and name swaps.

One macro F1 over a dev file hides where a model fails. These checks split it:

* :func:`scores_by_group`: macro F1 and accuracy per group of targets, e.g. per source
  collection (NewsMTSC draws from AllSides and POLUSA: the ``primary_gid`` prefix) or
  per number of targets in the sentence (:func:`targets_per_sentence`);
* :func:`name_swap_check`: every target whose mention is a name is scored again with
  that name replaced (everywhere in the sentence) by other names of the same kind from
  ``analysis/resources/sentiment/swap_names.csv``: a full name by a full name, a
  surname by a surname, an acronym by an acronym; a title before it stays ("President
  X"). The flip rate is the share of swaps that change the label: a model that answers
  differently when "Biden" becomes "Macron" has learned names, not tone.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from analysis._resources import read_csv_rows, read_lines
from analysis.sentiment.training import LabelledTarget

__all__ = [
    "SWAPS_PER_TARGET",
    "NameSwap",
    "name_kind",
    "name_swap_check",
    "role_category",
    "scores_by_group",
    "swap_name",
    "targets_per_sentence",
]

#: How many other names each eligible target is scored with.
SWAPS_PER_TARGET = 3
#: Name kinds of ``swap_names.csv``.
NAME_KINDS = ("full", "surname", "acronym")

Classify = Callable[[str, int, int], object]


@cache
def _swap_names() -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {kind: [] for kind in NAME_KINDS}
    for row in read_csv_rows("sentiment/swap_names.csv"):
        names[row["kind"]].append(row["name"])
    return {kind: tuple(sorted(values)) for kind, values in names.items()}


@cache
def _titles() -> tuple[str, ...]:
    """Titles before a name ("President", "Sen."), longest first (the actors' list)."""
    titles = {line.split(" = ")[0].strip() for line in read_lines("actors/titles.txt")}
    return tuple(sorted(titles, key=lambda t: (-len(t), t)))


_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")


def name_kind(mention: str) -> tuple[int, str] | None:
    """Return where the name starts in ``mention`` and its kind, or None if it is no name.

    A leading title is skipped ("President Trump" is the surname "Trump" at 10).

    Examples
    --------
    >>> name_kind("President Trump"), name_kind("Hillary Clinton"), name_kind("FBI")
    ((10, 'surname'), (0, 'full'), (0, 'acronym'))
    >>> name_kind("the senator") is None, name_kind("She") is None
    (True, True)
    """
    skip = 0
    for title in _titles():
        if mention.startswith(title + " ") and len(mention) > len(title) + 1:
            skip = len(title) + 1
            break
    words = mention[skip:].split()
    if not words or not all(_CAPITALISED.fullmatch(w) for w in words):
        return None
    if len(words) == 1:
        word = words[0]
        if len(word) >= 2 and word.isupper() and word.isalpha():
            return skip, "acronym"
        if word.lower() in _PRONOUNS or not word[1:].islower():
            return None
        return skip, "surname"
    if len(words) == 2 and all(w[1:].islower() for w in words):
        return skip, "full"
    return None


_PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "we", "i", "you", "his",
                       "their", "its", "them", "us"})


def swap_name(text: str, start: int, end: int, replacement: str) -> tuple[str, int, int]:
    """Return ``text`` with the target's name replaced everywhere, and the new target span.

    The name is ``text[start:end]`` without a leading title. Every word-bounded occurrence
    is replaced; for a full name, also its surname alone (a later "Clinton" after
    "Hillary Clinton") by the replacement's surname.

    Examples
    --------
    >>> text = "Critics said Hillary Clinton erred; Clinton denied it."
    >>> swap_name(text, 13, 28, "Angela Merkel")
    ('Critics said Angela Merkel erred; Merkel denied it.', 13, 26)
    """
    found = name_kind(text[start:end])
    if found is None:
        raise ValueError(f"not a name: {text[start:end]!r}")
    skip, kind = found
    name = text[start + skip : end]
    swaps = {name: replacement}
    if kind == "full":
        swaps[name.split()[-1]] = replacement.split()[-1]
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(
        swaps, key=len, reverse=True)) + r")(?!\w)")
    pieces: list[str] = []
    position = 0
    new_start, new_end = start, end
    for match in pattern.finditer(text):
        pieces.append(text[position : match.start()])
        before = sum(len(p) for p in pieces)
        if match.start() == start + skip:
            new_start = before - skip
        pieces.append(swaps[match.group(1)])
        if match.end() == end:
            new_end = before + len(swaps[match.group(1)])
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), new_start, new_end


def _choices(key: str, pool: Sequence[str], exclude: str, count: int) -> list[str]:
    """Pick ``count`` names of ``pool`` (not ``exclude``) by a stable hash of ``key``."""
    others = [name for name in pool if name != exclude]
    digest = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16)
    first = digest % len(others)
    return [others[(first + step * 7) % len(others)] for step in range(min(count, len(others)))]


@dataclass(frozen=True, slots=True)
class NameSwap:
    """The name-swap check: how many targets were names, swaps made, labels changed."""

    eligible: int
    swaps: int
    flips: int
    targets_flipped: int
    by_kind: dict[str, tuple[int, int]]

    @property
    def flip_rate(self) -> float:
        """Share of swaps that changed the label."""
        return self.flips / self.swaps if self.swaps else float("nan")

    def as_dict(self) -> dict[str, object]:
        """Return the check as plain JSON-able data."""
        return {"targets_with_a_name": self.eligible, "swaps": self.swaps, "flips": self.flips,
                "flip_rate": round(self.flip_rate, 4), "targets_flipped": self.targets_flipped,
                "by_kind": {k: {"swaps": s, "flips": f} for k, (s, f) in self.by_kind.items()}}


def name_swap_check(
    targets: Sequence[LabelledTarget], labels: Sequence[str], classify: Classify,
    per_target: int = SWAPS_PER_TARGET,
) -> NameSwap:
    """Score every named target again with other names; count the labels that change.

    Parameters
    ----------
    targets : sequence of LabelledTarget
    labels : sequence of str
        The model's labels of ``targets`` as written.
    classify : callable
        ``(text, start, end) -> object with .label``.
    per_target : int
        Other names per target.
    """
    pools = _swap_names()
    eligible = swaps = flips = flipped = 0
    by_kind: Counter[tuple[str, str]] = Counter()
    for target, label in zip(targets, labels, strict=True):
        found = name_kind(target.text[target.start : target.end])
        if found is None:
            continue
        skip, kind = found
        name = target.text[target.start + skip : target.end]
        eligible += 1
        changed = 0
        key = f"{target.gid}|{target.start}|{name}"
        for replacement in _choices(key, pools[kind], name, per_target):
            text, start, end = swap_name(target.text, target.start, target.end, replacement)
            new_label = classify(text, start, end).label  # type: ignore[attr-defined]
            changed += new_label != label
            by_kind[(kind, "swaps")] += 1
            by_kind[(kind, "flips")] += new_label != label
            swaps += 1
        flips += changed
        flipped += changed > 0
    return NameSwap(eligible, swaps, flips, flipped,
                    {k: (by_kind[(k, "swaps")], by_kind[(k, "flips")]) for k in NAME_KINDS})


#: Role categories of :func:`role_category`, for the error analysis by category.
ROLE_CATEGORIES = ("no evaluative word", "bystander only", "agent", "patient or possessor")


def role_category(text: str, start: int, end: int) -> str:
    """Return the target's role toward the evaluative words of its sentence, as a category.

    From the role features of :mod:`analysis.sentiment.roles` (computed here whatever
    the model uses): no lexicon or phrase hit in the sentence; only words about others
    ("bystander only"); else whether the target does the evaluating ("agent") or
    receives or owns it ("patient or possessor"; both present: the latter).

    Examples
    --------
    >>> role_category("Auditors criticized Dana Reyes.", 20, 30)
    'patient or possessor'
    >>> role_category("Dana Reyes attended; the governor was criticized.", 0, 10)
    'bystander only'
    """
    from analysis.sentiment.features import FeatureConfig, target_features
    from analysis.sentiment.scope import scored_span

    lo, hi = scored_span(text, start, end, warn=False)
    features = target_features(text[lo:hi], start - lo, end - lo,
                               FeatureConfig(roles=True, phrases=True))
    roles = {name.split(":")[1] for name in features
             if name.startswith("r:") and name.count(":") == 2 and not name.startswith("r:names")}
    if not roles:
        return ROLE_CATEGORIES[0]
    if roles & {"patient", "possessor"}:
        return ROLE_CATEGORIES[3]
    if "agent" in roles:
        return ROLE_CATEGORIES[2]
    return ROLE_CATEGORIES[1]


def targets_per_sentence(groups: Sequence[int]) -> list[str]:
    """Return, per target, how many targets its sentence has: "1", "2" or "3+".

    Examples
    --------
    >>> targets_per_sentence([0, 1, 1, 2, 2, 2])
    ['1', '2', '2', '3+', '3+', '3+']
    """
    counts = Counter(groups)
    return [str(counts[g]) if counts[g] < 3 else "3+" for g in groups]


def scores_by_group(
    gold: Sequence[str], predicted: Sequence[str], keys: Sequence[str],
    sentence_groups: Sequence[int],
) -> dict[str, dict[str, object]]:
    """Return macro F1 (with a sentence bootstrap interval), accuracy and n per group key.

    Examples
    --------
    >>> table = scores_by_group(["negative", "neutral"], ["negative", "positive"],
    ...                         ["a", "b"], [0, 1])
    >>> table["a"]["accuracy"], table["b"]["n"]
    (1.0, 1)
    """
    from analysis.evaluation.sentiment import score_labels

    table: dict[str, dict[str, object]] = {}
    for key in sorted(set(keys)):
        chosen = [i for i, k in enumerate(keys) if k == key]
        scores = score_labels([gold[i] for i in chosen], [predicted[i] for i in chosen],
                              key, [sentence_groups[i] for i in chosen])
        table[key] = {"n": scores.n, "macro_f1": scores.macro_f1,
                      "macro_f1_ci95": list(scores.macro_f1_ci), "accuracy": scores.accuracy}
    return table
