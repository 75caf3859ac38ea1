"""Score quotes and speakers on a JSON gold file (``evaluate quotes --gold FILE.json``).

The format (documented in ``docs/evaluation.md``, "Korean quotes"; any language works)::

    {"articles": [
        {"file": "articles/ko-01.txt",          # path relative to the gold file
         "published": "2023-07-11",             # or null
         "quotes": [
            {"text": "…",                       # the quoted words (without marks), or
                                                # the reported clause, as in the file
             "kind": "direct" | "indirect",
             "speaker": "윤석열",               # the speaker as written, titles stripped
             "actor": "Yoon Suk Yeol" | null,   # canonical name in the actor registry
             "speaker_kind": "person" | "organisation" | "description"
                             | "anonymous" | "unresolved"}, ...]}, ...]}

Each gold ``text`` is looked up in the article in order (from the previous quote on). The
articles are read as a user's files are (:func:`analysis.load_article`: a cp949 file is
decoded as such) and quotes come from :func:`analysis.quotes.extract_quotes`. Measures:

- **quotes**: a predicted speech quote (direct, partial or indirect) matches a gold quote
  whose span overlaps its own; precision (matched predictions / predictions), recall
  (gold quotes overlapped by a prediction / gold quotes), F1;
- **speaker accuracy**: of the matched gold quotes, those whose best-overlapping
  prediction has the right speaker: the gold ``actor`` when it has one, else no actor,
  the gold ``speaker_kind`` and a speaker as written that contains the gold one or is
  contained in it;
- **kind agreement**: of the matched gold quotes, those predicted with the gold kind
  (partial counted as direct).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError
from analysis.evaluation.error_rows import write_error_rows
from analysis.evaluation.gold_files import read_gold_articles
from analysis.evaluation.scores import MatchScores, ratio

__all__ = ["GoldQuote", "JsonQuoteEvaluation", "evaluate_json_gold"]

_SPEECH = frozenset({"direct", "partial", "indirect"})
_ERROR_FIELDS = ["article", "error", "start", "end", "kind", "text", "speaker", "actor",
                 "speaker_kind", "gold_text", "gold_speaker", "gold_actor", "gold_speaker_kind"]


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold quote, located in its article."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str
    actor: str | None
    speaker_kind: str


@dataclass(slots=True)
class JsonQuoteEvaluation(MatchScores):
    """Counts and scores of one run (see the module docs for definitions)."""

    gold_file: str
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    gold_matched: int = 0
    speaker_correct: int = 0
    kind_correct: int = 0
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_correct, self.gold_matched)

    def as_dict(self) -> dict[str, Any]:
        """Return every count and score as plain JSON-able data."""
        return {
            "gold_file": self.gold_file, "articles": self.articles,
            "gold_quotes": self.gold, "predicted_quotes": self.predicted,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_correct": self.speaker_correct, "speaker_judged": self.gold_matched,
            "kind_correct": self.kind_correct, "seconds": round(self.seconds, 3),
        }

    def summary(self) -> str:
        """Return a short human-readable report."""
        return "\n".join([
            f"Quotes on {self.gold_file}: {self.articles} articles, {self.gold} gold quotes, "
            f"{self.predicted} predicted (direct + partial + indirect)",
            f"  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            f"  speaker accuracy {self.speaker_accuracy:.3f} "
            f"({self.speaker_correct}/{self.gold_matched})",
            f"  kind agreement {self.kind_correct}/{self.gold_matched}",
            f"  time: {self.seconds:.2f} s",
        ])


def evaluate_json_gold(path: str | os.PathLike[str],
                       errors_csv: str | os.PathLike[str] | None = None) -> JsonQuoteEvaluation:
    """Score quote extraction on a JSON gold file (see the module docs).

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text('외교부는 "협의가 끝났다"고 밝혔다.', encoding="utf-8")
    >>> gold = {"articles": [{"file": "a.txt", "published": None, "quotes": [
    ...     {"text": "협의가 끝났다", "kind": "direct", "speaker": "외교부",
    ...      "actor": "Ministry of Foreign Affairs (South Korea)",
    ...      "speaker_kind": "organisation"}]}]}
    >>> _ = (root / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    >>> result = evaluate_json_gold(root / "gold.json")
    >>> result.f1, result.speaker_accuracy
    (1.0, 1.0)
    """
    from analysis.quotes.extract import extract_quotes
    from analysis.text.document import as_document
    from analysis.text.loaders import load_article

    path = Path(path)
    result = JsonQuoteEvaluation(gold_file=str(path))
    for entry in _read_gold(path):
        article = load_article(path.parent / entry["file"])
        published = entry.get("published")
        article = _dated(article, dt.date.fromisoformat(published) if published else None)
        gold = _locate(article.text, entry)
        started = time.perf_counter()
        quotes = extract_quotes(as_document(article))
        result.seconds += time.perf_counter() - started
        result.articles += 1
        _score(result, entry["file"], article.text, gold,
               [q for q in quotes if q.kind in _SPEECH])
    if errors_csv is not None:
        write_error_rows(Path(errors_csv), result.errors, _ERROR_FIELDS)
    return result


def _read_gold(path: Path) -> list[dict[str, Any]]:
    return read_gold_articles(path, "quotes")


def _dated(article: Any, published: dt.date | None) -> Any:
    import dataclasses

    return dataclasses.replace(article, published=published)


def _locate(text: str, entry: dict[str, Any]) -> list[GoldQuote]:
    """Find each gold quote's text in the article, in order."""
    located = []
    cursor = 0
    for quote in entry["quotes"]:
        start = text.find(quote["text"], cursor)
        if start < 0:
            start = text.find(quote["text"])
        if start < 0:
            raise AnalysisError(f"gold quote {quote['text'][:40]!r} is not in the article; "
                                "copy the quoted words exactly", entry["file"])
        located.append(GoldQuote(start, start + len(quote["text"]), quote["text"],
                                 quote["kind"], quote["speaker"], quote.get("actor"),
                                 quote["speaker_kind"]))
        cursor = start + 1
    return located


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _score(result: JsonQuoteEvaluation, name: str, text: str, gold: list[GoldQuote],
           predicted: list[Any]) -> None:
    result.gold += len(gold)
    result.predicted += len(predicted)
    for quote in predicted:
        if any(_overlap((quote.start, quote.end), (g.start, g.end)) for g in gold):
            result.predicted_matched += 1
        else:
            result.errors.append(_row(name, "spurious", quote, None))
    for item in gold:
        overlaps = [(_overlap((q.start, q.end), (item.start, item.end)), n)
                    for n, q in enumerate(predicted)]
        overlaps = [pair for pair in overlaps if pair[0] > 0]
        if not overlaps:
            result.errors.append(_row(name, "missed", None, item))
            continue
        result.gold_matched += 1
        best = predicted[max(overlaps)[1]]
        if ("indirect" if best.kind == "indirect" else "direct") == item.kind:
            result.kind_correct += 1
        if _speaker_right(best, item):
            result.speaker_correct += 1
        else:
            result.errors.append(_row(name, "wrong speaker", best, item))


def _speaker_right(quote: Any, gold: GoldQuote) -> bool:
    """Tell whether ``quote`` has the gold speaker (module docs, "speaker accuracy")."""
    if quote.speaker is None:
        return False
    if gold.actor is not None:
        return quote.actor == gold.actor
    return (quote.actor is None and quote.speaker_kind == gold.speaker_kind
            and (gold.speaker in quote.speaker or quote.speaker in gold.speaker))


def _row(name: str, error: str, quote: Any, gold: GoldQuote | None) -> dict[str, Any]:
    row: dict[str, Any] = {"article": name, "error": error}
    if quote is not None:
        row.update(start=quote.start, end=quote.end, kind=quote.kind, text=quote.text,
                   speaker=quote.speaker, actor=quote.actor, speaker_kind=quote.speaker_kind)
    if gold is not None:
        row.update(gold_text=gold.text, gold_speaker=gold.speaker, gold_actor=gold.actor,
                   gold_speaker_kind=gold.speaker_kind)
    return row
