"""Score a sentence splitter against hand-annotated passages.

The fixture format (``tests/fixtures/segmentation/passages.txt``): passages separated
by blank lines, one gold sentence per line; ``#`` lines are comments and ``#: NAME``
names the next passage. The input text is the sentences joined by one space, or by a
newline where a line starts with ``|`` (list items, line breaks).

Scores: exact sentence-boundary precision, recall and F1 (a boundary is the offset
where a sentence other than a passage's first one starts, compared exactly), and the
share of passages split exactly as the gold.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Passage", "SegmentationScores", "read_passages", "score_splitter", "spans_from_texts"]

#: A splitter takes a passage's text and returns (start, end) spans of its sentences.
Splitter = Callable[[str], Sequence[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage: its name, the input text and the gold sentence spans."""

    name: str
    text: str
    sentences: tuple[tuple[int, int], ...]

    @property
    def boundaries(self) -> frozenset[int]:
        """Start offsets of every sentence but the first."""
        return frozenset(start for start, _ in self.sentences[1:])


def _passage(name: str, lines: list[str]) -> Passage:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for number, line in enumerate(lines):
        joiner = "\n" if line.startswith("|") else " "
        sentence = line[1:] if line.startswith("|") else line
        if number:
            parts.append(joiner)
            position += 1
        spans.append((position, position + len(sentence)))
        parts.append(sentence)
        position += len(sentence)
    return Passage(name, "".join(parts), tuple(spans))


def read_passages(path: str | os.PathLike[str]) -> list[Passage]:
    """Read a segmentation fixture (see the module docs for the format).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "gold.txt"
    >>> _ = p.write_text("# demo\\n#: two\\nHe met U.S. Senators.\\nThey spoke.\\n\\n#: list\\nGoals:\\n|1. Deter.\\n")
    >>> [(x.name, x.text, x.sentences) for x in read_passages(p)]
    [('two', 'He met U.S. Senators. They spoke.', ((0, 21), (22, 33))), ('list', 'Goals:\\n1. Deter.', ((0, 6), (7, 16)))]
    """
    passages: list[Passage] = []
    name: str | None = None
    lines: list[str] = []
    for raw in [*Path(path).read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.rstrip()
        if line.startswith("#"):
            if line.startswith("#:"):
                name = line[2:].strip()
            continue
        if line:
            lines.append(line)
            continue
        if lines:
            passages.append(_passage(name or f"passage-{len(passages) + 1}", lines))
        name, lines = None, []
    return passages


def spans_from_texts(text: str, sentences: Iterable[str]) -> list[tuple[int, int]]:
    """Locate sentence strings (as splitters like pysbd return them) in ``text``, in order.

    Examples
    --------
    >>> spans_from_texts("A b.  C d.", ["A b. ", "C d."])
    [(0, 4), (6, 10)]
    """
    spans = []
    position = 0
    for sentence in sentences:
        stripped = sentence.strip()
        if not stripped:
            continue
        start = text.find(stripped, position)
        if start < 0:  # the splitter changed the text; fall back to its length
            start = position
        spans.append((start, start + len(stripped)))
        position = start + len(stripped)
    return spans


@dataclass(frozen=True, slots=True)
class SegmentationScores:
    """Boundary precision/recall/F1 and passage exact match, with the failures."""

    precision: float
    recall: float
    f1: float
    exact: float
    n_passages: int
    n_gold_boundaries: int
    failures: tuple[str, ...]

    def summary(self) -> str:
        """Return a one-line report."""
        return (
            f"boundary P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}; "
            f"passages exact {self.exact:.3f} ({self.n_passages - len(self.failures)}"
            f"/{self.n_passages})"
        )


def score_splitter(splitter: Splitter, passages: Sequence[Passage]) -> SegmentationScores:
    """Score ``splitter`` on ``passages``.

    Examples
    --------
    >>> gold = [Passage("p", "A b. C d.", ((0, 4), (5, 9)))]
    >>> score_splitter(lambda text: [(0, len(text))], gold).summary()
    'boundary P 1.000 R 0.000 F1 0.000; passages exact 0.000 (0/1)'
    """
    true_positive = predicted_total = gold_total = 0
    failures = []
    for passage in passages:
        predicted = frozenset(start for start, _ in list(splitter(passage.text))[1:])
        gold = passage.boundaries
        true_positive += len(predicted & gold)
        predicted_total += len(predicted)
        gold_total += len(gold)
        if predicted != gold:
            failures.append(passage.name)
    precision = true_positive / predicted_total if predicted_total else 1.0
    recall = true_positive / gold_total if gold_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = 1 - len(failures) / len(passages) if passages else 1.0
    return SegmentationScores(
        precision, recall, f1, exact, len(passages), gold_total, tuple(failures)
    )
