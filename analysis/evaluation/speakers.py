"""Score quotes, speakers and canonical actors on a speakers gold file (``evaluate speakers``).

The gold format (``speakers-gold/1``, documented in ``docs/evaluation.md``, "Speakers
gold set", and in ``tests/fixtures/speakers-gold/README.md``) is a JSON object with an
``articles`` list, each::

    {"id": "...", "published": "YYYY-MM-DD", "title": "...", "text": "...",
     "quotes": [{"quote": "words between the marks", "occurrence": 1,
                 "kind": "direct" | "partial" | "title" | "scare",
                 "speaker": "the mention that names the speaker" or null,
                 "speaker_occurrence": 1, "actor": "canonical actor" or null,
                 "speaker_kind": "person" | ... or null, "categories": ["..."]}]}

``quote`` and ``speaker`` are exact substrings of ``text``; ``occurrence`` counts the
substring's occurrences, ``speaker_occurrence`` whole-word, case-sensitive matches.

Predictions are read through the one annotation pass (:func:`analysis.pipeline.frames`,
table ``quotes``), so what is scored is what a corpus run writes. Measures, over speech
quotes (kinds ``direct`` and ``partial``, gold and predicted):

- **quotes**: predicted and gold speech quotes are paired one to one by overlapping
  spans (largest overlap first); precision, recall, F1. A title or scare quote the
  package calls speech is spurious.
- **speaker accuracy**: of the paired quotes, those whose predicted speaker mention
  overlaps the gold one (a gold quote without speaker is right only without one).
- **canonical actor**: of the paired quotes whose gold ``actor`` is set, those whose
  predicted ``actor`` equals it (case and spacing aside).
- **no guesses**: of the paired quotes whose gold actor is null (anonymous sources,
  unnamed descriptions), those the package also leaves without actor.
- **speaker kind**: of the paired quotes, those whose ``speaker_kind`` equals the gold one.
- **misses by category**: for each gold category, the paired quotes with a wrong speaker
  or actor, and the gold quotes not found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import AnalysisError
from analysis.evaluation.error_rows import write_error_rows
from analysis.evaluation.gold_files import read_gold_articles
from analysis.evaluation.scores import f1_score, ratio
from analysis.pipeline import Context, frames
from analysis.text.articles import Article

__all__ = ["ERROR_FIELDS", "GoldQuote", "GoldSpeakerArticle", "SpeakerEvaluation",
           "evaluate_speakers", "read_speaker_gold"]

#: Quote kinds that are speech, in the gold and in the quotes table.
SPEECH = frozenset({"direct", "partial"})
#: Columns of the ``--errors`` CSV.
ERROR_FIELDS = ("article", "error", "kind", "quote", "speaker", "actor", "speaker_kind",
                "gold_speaker", "gold_actor", "gold_speaker_kind", "categories")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold quote: its span, kind, speaker mention span, actor, kind and categories."""

    start: int
    end: int
    kind: str
    speaker_span: tuple[int, int] | None
    actor: str | None
    speaker_kind: str | None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldSpeakerArticle:
    """One gold article with its quotes."""

    article_id: str
    published: dt.date | None
    title: str | None
    text: str
    quotes: tuple[GoldQuote, ...]

    def article(self) -> Article:
        """Return the article the package reads."""
        return Article(article_id=self.article_id, text=self.text, title=self.title,
                       published=self.published)


def _fail(path: Path, what: str) -> AnalysisError:
    return AnalysisError(f"gold file is not in the speakers gold format: {what} "
                         "(see docs/evaluation.md, 'Speakers gold set')", path)


def _nth(positions: list[int], occurrence: int) -> int | None:
    return positions[occurrence - 1] if 0 < occurrence <= len(positions) else None


def _substring_positions(text: str, part: str) -> list[int]:
    return [match.start() for match in re.finditer(re.escape(part), text)] if part else []


def _word_positions(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def _gold_quote(raw: dict, text: str, where: str, path: Path) -> GoldQuote:
    start = _nth(_substring_positions(text, str(raw["quote"])), int(raw.get("occurrence", 1)))
    if start is None:
        raise _fail(path, f"{where}: quote {raw['quote'][:40]!r} not in the text that often")
    speaker_span = None
    if raw.get("speaker"):
        speaker = str(raw["speaker"])
        at = _nth(_word_positions(text, speaker), int(raw.get("speaker_occurrence", 1)))
        if at is None:
            raise _fail(path, f"{where}: speaker {speaker!r} not in the text that often")
        speaker_span = (at, at + len(speaker))
    return GoldQuote(start, start + len(raw["quote"]), str(raw["kind"]), speaker_span,
                     raw.get("actor"), raw.get("speaker_kind"),
                     tuple(str(c) for c in raw.get("categories", [])))


def _gold_article(raw: Any, path: Path) -> GoldSpeakerArticle:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or "id" not in raw:
        raise _fail(path, "each article needs 'id' and 'text'")
    text = raw["text"]
    try:
        published = dt.date.fromisoformat(raw["published"]) if raw.get("published") else None
        quotes = tuple(_gold_quote(q, text, f"article {raw['id']!r}", path)
                       for q in raw.get("quotes", []))
    except (KeyError, TypeError, ValueError) as error:
        raise _fail(path, f"article {raw['id']!r}: {error}") from None
    return GoldSpeakerArticle(str(raw["id"]), published, raw.get("title"), text, quotes)


def read_speaker_gold(path: str | PathLike[str]) -> list[GoldSpeakerArticle]:
    """Read a speakers gold file (format: module docstring).

    Raises
    ------
    AnalysisError
        When the file is missing, not JSON, or not in the gold format.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> gold = {"articles": [{"id": "a", "published": "2024-07-11", "text": "“Go,” Ann Lee said.",
    ...          "quotes": [{"quote": "Go,", "kind": "direct", "speaker": "Ann Lee",
    ...                      "actor": "Ann Lee", "speaker_kind": "person"}]}]}
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "gold.json"
    >>> _ = file.write_text(json.dumps(gold))
    >>> read_speaker_gold(file)[0].quotes[0].speaker_span
    (6, 13)
    """
    path = Path(path)
    return [_gold_article(raw, path) for raw in read_gold_articles(path, "speakers")]


@dataclass(slots=True)
class SpeakerEvaluation:
    """Counts and scores of one gold file (see the module docstring for the measures)."""

    gold_file: str
    articles: int = 0
    gold_quotes: int = 0
    predicted_quotes: int = 0
    matched: int = 0
    speaker_right: int = 0
    with_actor: int = 0
    actor_right: int = 0
    without_actor: int = 0
    no_guess: int = 0
    kind_right: int = 0
    misses_by_category: Counter = field(default_factory=Counter)
    gold_by_category: Counter = field(default_factory=Counter)
    #: ``num / den``, 0.0 when ``den`` is 0 (:func:`analysis.evaluation.scores.ratio`).
    ratio = staticmethod(ratio)

    @property
    def f1(self) -> float:
        """Harmonic mean of quote precision and recall."""
        return f1_score(ratio(self.matched, self.predicted_quotes),
                        ratio(self.matched, self.gold_quotes))

    def as_dict(self) -> dict[str, Any]:
        """Return every count and score as plain JSON-able data."""
        counts = {name: getattr(self, name) for name in self.__slots__  # type: ignore[attr-defined]
                  if not name.endswith("category")}
        return {
            **counts,
            "precision": round(ratio(self.matched, self.predicted_quotes), 4),
            "recall": round(ratio(self.matched, self.gold_quotes), 4),
            "f1": round(self.f1, 4),
            "speaker_accuracy": round(ratio(self.speaker_right, self.matched), 4),
            "actor_accuracy": round(ratio(self.actor_right, self.with_actor), 4),
            "no_guess_rate": round(ratio(self.no_guess, self.without_actor), 4),
            "speaker_kind_accuracy": round(ratio(self.kind_right, self.matched), 4),
            "misses_by_category": dict(sorted(self.misses_by_category.items())),
            "gold_by_category": dict(sorted(self.gold_by_category.items())),
        }

    def summary(self) -> str:
        """Return a short human-readable report."""
        scores = self.as_dict()
        lines = [
            f"Speakers on {self.gold_file}: {self.articles} articles, {self.gold_quotes} gold "
            f"speech quotes, {self.predicted_quotes} predicted",
            f"  precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  "
            f"F1 {scores['f1']:.3f}",
            f"  speaker accuracy {scores['speaker_accuracy']:.3f} "
            f"({self.speaker_right}/{self.matched})",
            f"  canonical actor {scores['actor_accuracy']:.3f} "
            f"({self.actor_right}/{self.with_actor} found quotes with a named speaker)",
            f"  no guesses {scores['no_guess_rate']:.3f} "
            f"({self.no_guess}/{self.without_actor} found quotes whose speaker has no actor)",
            f"  speaker kind {scores['speaker_kind_accuracy']:.3f} ({self.kind_right}/{self.matched})",
        ]
        missed = [f"{name} {self.misses_by_category[name]}/{count}"
                  for name, count in sorted(self.gold_by_category.items())
                  if self.misses_by_category[name]]
        if missed:
            lines.append("  misses by category: " + ", ".join(missed))
        return "\n".join(lines)


def _norm(value: object) -> str:
    return " ".join(str(value).split()).casefold() if isinstance(value, str) and value else ""


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair_quotes(gold: list[GoldQuote], predicted: list[dict]) -> list[tuple[GoldQuote, dict]]:
    """Pair gold and predicted quotes one to one by overlapping spans, largest overlap first.

    Examples
    --------
    >>> g = [GoldQuote(0, 10, "direct", None, None, None)]
    >>> [p["start"] for _, p in pair_quotes(g, [{"start": 5, "end": 20}, {"start": 1, "end": 9}])]
    [1]
    """
    options = sorted(
        ((_overlaps((g.start, g.end), (p["start"], p["end"])), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for overlap, gi, pi in options:
        if overlap <= 0:
            break
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return sorted(pairs, key=lambda pair: pair[0].start)


def _speaker_right(gold: GoldQuote, row: dict) -> bool:
    if gold.speaker_span is None:
        return pd.isna(row.get("speaker_start"))
    if pd.isna(row.get("speaker_start")):
        return False
    return _overlaps(gold.speaker_span, (int(row["speaker_start"]), int(row["speaker_end"]))) > 0


def _value(row: dict, name: str) -> str | None:
    value = row.get(name)
    return None if value is None or pd.isna(value) else str(value)


def _error(article: GoldSpeakerArticle, error: str, gold: GoldQuote | None,
           row: dict | None) -> dict[str, Any]:
    text = article.text
    span = (gold.start, gold.end) if gold is not None else (row["start"], row["end"])
    return {
        "article": article.article_id, "error": error,
        "kind": gold.kind if gold is not None else row["kind"], "quote": text[span[0]:span[1]],
        "speaker": _value(row, "speaker") if row else None,
        "actor": _value(row, "actor") if row else None,
        "speaker_kind": _value(row, "speaker_kind") if row else None,
        "gold_speaker": (text[gold.speaker_span[0]:gold.speaker_span[1]]
                         if gold is not None and gold.speaker_span else None),
        "gold_actor": gold.actor if gold is not None else None,
        "gold_speaker_kind": gold.speaker_kind if gold is not None else None,
        "categories": " ".join(gold.categories) if gold is not None else None,
    }


def _score_article(result: SpeakerEvaluation, article: GoldSpeakerArticle,
                   rows: list[dict], errors: list[dict[str, Any]]) -> None:
    gold = [q for q in article.quotes if q.kind in SPEECH]
    result.gold_quotes += len(gold)
    result.predicted_quotes += len(rows)
    for quote in gold:
        result.gold_by_category.update(quote.categories)
    pairs = pair_quotes(gold, rows)
    paired = {id(g) for g, _ in pairs}
    for quote in gold:
        if id(quote) not in paired:
            result.misses_by_category.update(quote.categories)
            errors.append(_error(article, "missed", quote, None))
    paired_rows = {id(r) for _, r in pairs}
    errors += [_error(article, "spurious", None, r) for r in rows if id(r) not in paired_rows]
    for quote, row in pairs:
        _score_pair(result, article, quote, row, errors)


def _score_pair(result: SpeakerEvaluation, article: GoldSpeakerArticle, quote: GoldQuote,
                row: dict, errors: list[dict[str, Any]]) -> None:
    result.matched += 1
    speaker_ok = _speaker_right(quote, row)
    result.speaker_right += speaker_ok
    actor_ok = True
    if quote.actor:
        result.with_actor += 1
        actor_ok = _norm(row.get("actor")) == _norm(quote.actor)
        result.actor_right += actor_ok
    else:
        result.without_actor += 1
        actor_ok = _value(row, "actor") is None
        result.no_guess += actor_ok
    kind_ok = _value(row, "speaker_kind") == quote.speaker_kind
    result.kind_right += kind_ok
    if not (speaker_ok and actor_ok):
        result.misses_by_category.update(quote.categories)
        errors.append(_error(article, "wrong speaker" if not speaker_ok else "wrong actor",
                             quote, row))
    elif not kind_ok:
        errors.append(_error(article, "wrong kind", quote, row))


def evaluate_speakers(path: str | PathLike[str], context: Context | None = None,
                      errors_csv: str | PathLike[str] | None = None) -> SpeakerEvaluation:
    """Score quotes, speakers and canonical actors on a speakers gold file.

    Parameters
    ----------
    path : path
        The gold JSON file (format: module docstring).
    context : Context, optional
        Registry and settings of the annotation pass (default: the shipped data).
    errors_csv : path, optional
        Write every missed and spurious quote and every wrong speaker or actor to this
        CSV (columns :data:`ERROR_FIELDS`).

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> text = "“We will sign,” Ann Lee said. “A trap,” said a senior official."
    >>> gold = {"articles": [{"id": "a", "published": "2024-07-11", "text": text, "quotes": [
    ...     {"quote": "We will sign,", "kind": "direct", "speaker": "Ann Lee",
    ...      "actor": "Ann Lee", "speaker_kind": "person"},
    ...     {"quote": "A trap,", "kind": "direct", "speaker": "a senior official",
    ...      "actor": None, "speaker_kind": "anonymous"}]}]}
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "gold.json"
    >>> _ = file.write_text(json.dumps(gold))
    >>> result = evaluate_speakers(file)
    >>> result.matched, result.speaker_right, result.actor_right, result.no_guess
    (2, 2, 1, 1)
    """
    gold = read_speaker_gold(path)
    quotes = frames(["quotes"], [g.article() for g in gold], context)["quotes"]
    speech = quotes[quotes["kind"].isin(SPEECH)]
    by_article = {key: group.to_dict("records") for key, group in speech.groupby("article_id")}
    result = SpeakerEvaluation(gold_file=str(path), articles=len(gold))
    errors: list[dict[str, Any]] = []
    for article in gold:
        _score_article(result, article, by_article.get(article.article_id, []), errors)
    if errors_csv is not None:
        write_error_rows(Path(errors_csv), errors, ERROR_FIELDS)
    return result
