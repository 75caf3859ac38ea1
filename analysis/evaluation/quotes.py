"""Score :func:`analysis.quotes.extract.extract_quotes` on BRAT-annotated attribution corpora.

The corpus folder holds ``text/NAME.txt`` and ``attributions/NAME*.ann`` (PolNeAR's
layout), or both kinds of file side by side. Definitions (documented in
docs/evaluation.md):

* **Gold quotes**: the Content of each attribution (all its fragments: BRAT
  discontinuous spans ``a b;c d`` and extra ``Content2`` arguments) whose text contains
  a double quote mark (``"`` ``“`` ``”`` ``„`` ``«`` ``»``). Single marks are not counted:
  in gold text they cannot be told from apostrophes (``don’t``).
* **One annotation file per article**: an article with several annotators' files
  (``NAME_4e07.ann``, ``NAME_ef2d.ann``) is scored on the first in sorted order.
* **Predicted quotes**: kinds direct and partial delimited by double marks (the same
  definition as gold). Indirect speech is counted apart.
* **Precision**: predictions that overlap (share a character with) a gold quote, over
  all predictions. **Recall**: gold quotes overlapped by a prediction, over all gold
  quotes. F1 is their harmonic mean.
* **Strict recall**: gold quotes whose letters and digits are matched with character
  Jaccard >= 0.8 by one prediction, or by the predictions that together overlap it
  (a gold Content "“A,” she said. “B.”" is one attribution and two predictions).
* **Speaker accuracy**: among predictions that overlap a gold quote which has a
  Source, those whose speaker mention overlaps that Source (a prediction overlapping
  several gold quotes is judged against the one it overlaps most). A prediction with
  no speaker counts as wrong.
* **End-to-end speaker recall**: gold quotes with a Source for which some prediction
  overlapping them has a speaker mention overlapping that Source, over all gold quotes
  (a missed quote and a wrong speaker both count against it, and so does a gold quote
  with no Source, which no prediction can recall: the summary says how many there are).
  The ``--errors`` rows "not recalled" list the found gold quotes none of whose
  predictions has the gold speaker, one row each (judged against the first of them).
* **Articles that raised**: articles on which extract_quotes raised any exception.
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import AnalysisError
from analysis.evaluation.error_rows import write_error_rows
from analysis.evaluation.scores import MatchScores, ratio
from analysis.text.articles import Article, parse_date
from analysis.text.language import detect_language
from analysis.text.patterns import DOUBLE_MARKS

__all__ = [
    "GoldAttribution",
    "QuoteEvaluation",
    "evaluate_brat",
    "read_brat",
    "read_brat_folder",
]

_Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: content fragments, source fragments and cue fragments."""

    content: tuple[_Span, ...]
    source: tuple[_Span, ...] = ()
    cue: tuple[_Span, ...] = ()

    def has_quote_mark(self, text: str) -> bool:
        """Tell whether any content fragment contains a double quote mark."""
        return any(ch in DOUBLE_MARKS for s, e in self.content for ch in text[s:e])


def _parse_spans(field_text: str) -> tuple[str, tuple[_Span, ...]]:
    kind, _, offsets = field_text.partition(" ")
    spans = []
    for part in offsets.split(";"):
        numbers = part.split()
        if len(numbers) == 2:
            spans.append((int(numbers[0]), int(numbers[1])))
    return kind, tuple(spans)


def read_brat(ann_text: str) -> list[GoldAttribution]:
    """Parse a BRAT standoff ``.ann`` text into attributions.

    ``T`` lines give typed spans (Source, Cue, Content; ``;`` separates the fragments
    of a discontinuous span); ``E`` lines tie them into one attribution. A Content
    span no event uses becomes an attribution without source.

    Examples
    --------
    >>> ann = ("T1\\tSource 0 3\\tKim\\nT2\\tCue 4 8\\tsaid\\n"
    ...        "T3\\tContent 9 14;20 25\\t“A” “B”\\nT4\\tAttribution 4 8\\tsaid\\n"
    ...        "E1\\tAttribution:T4 Content:T3 Cue:T2 Source:T1\\n")
    >>> read_brat(ann)
    [GoldAttribution(content=((9, 14), (20, 25)), source=((0, 3),), cue=((4, 8),))]
    """
    spans: dict[str, tuple[str, tuple[_Span, ...]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann_text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if line.startswith("T"):
            try:
                spans[fields[0]] = _parse_spans(fields[1])
            except ValueError:
                continue
        elif line.startswith("E"):
            roles: dict[str, list[str]] = {}
            for argument in fields[1].split():
                role, _, target = argument.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(target)
            events.append(roles)
    result: list[GoldAttribution] = []
    used: set[str] = set()
    for roles in events:
        content = _collect(spans, roles.get("Content", []), used)
        if not content:
            continue
        result.append(
            GoldAttribution(
                content,
                _collect(spans, roles.get("Source", []), used),
                _collect(spans, roles.get("Cue", []), used),
            )
        )
    for key, (kind, fragments) in spans.items():
        if kind == "Content" and key not in used and fragments:
            result.append(GoldAttribution(fragments))
    return result


def _collect(spans: dict, keys: list[str], used: set[str]) -> tuple[_Span, ...]:
    fragments: list[_Span] = []
    for key in keys:
        if key in spans:
            used.add(key)
            fragments.extend(spans[key][1])
    return tuple(sorted(fragments))


@dataclass(frozen=True, slots=True)
class BratArticle:
    """One article of a BRAT folder: its name, text, annotation file and attributions."""

    name: str
    text: str
    ann_path: Path | None
    attributions: tuple[GoldAttribution, ...]
    published: Any = None


def read_brat_folder(folder: str | os.PathLike[str]) -> Iterator[BratArticle]:
    """Yield the articles of a BRAT folder in name order (one annotation file each).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("“Hi,” Kim said.", encoding="utf-8")
    >>> _ = (root / "a_02.ann").write_text("T1\\tContent 0 5\\t“Hi,”\\n", encoding="utf-8")
    >>> _ = (root / "a_01.ann").write_text("T1\\tSource 6 9\\tKim\\n", encoding="utf-8")
    >>> [(a.name, a.ann_path.name, len(a.attributions)) for a in read_brat_folder(root)]
    [('a', 'a_01.ann', 0)]
    """
    root = Path(folder)
    text_dir = root / "text" if (root / "text").is_dir() else root
    ann_dir = root / "attributions" if (root / "attributions").is_dir() else root
    texts = sorted(text_dir.glob("*.txt"))
    if not texts:
        raise AnalysisError("no .txt files found; pass a BRAT folder with text/*.txt", root)
    annotations = _annotations_by_article(ann_dir, {p.stem for p in texts})
    dates = _publication_dates(root)
    for path in texts:
        text = path.read_text(encoding="utf-8")
        ann_path = annotations.get(path.stem)
        gold = read_brat(ann_path.read_text(encoding="utf-8")) if ann_path else []
        yield BratArticle(path.stem, text, ann_path, tuple(gold), dates.get(path.stem))


def _annotations_by_article(ann_dir: Path, names: set[str]) -> dict[str, Path]:
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        stem = path.stem
        name = stem if stem in names else stem.rsplit("_", 1)[0]
        if name in names and name not in chosen:
            chosen[name] = path
    return chosen


def _publication_dates(root: Path) -> dict[str, Any]:
    """Read ``metadata.tsv`` (filename, publication_date) beside or above the folder."""
    for candidate in (root / "metadata.tsv", root.parent / "metadata.tsv"):
        if candidate.is_file():
            dates = {}
            with candidate.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    try:
                        dates[row["filename"]] = parse_date(row.get("publication_date"))
                    except (AnalysisError, KeyError):
                        continue
            return dates
    return {}


# ---------------------------------------------------------------------------
# scoring


@dataclass(slots=True)
class QuoteEvaluation(MatchScores):
    """Counts and scores of one evaluation run (see the module docs for definitions)."""

    folder: str
    articles: int = 0
    articles_raised: int = 0
    raised: list[str] = field(default_factory=list)
    gold: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    gold_matched: int = 0
    gold_strict: int = 0
    gold_strict_content: int = 0
    speaker_judged: int = 0
    speaker_correct: int = 0
    speaker_missing: int = 0
    gold_speaker_recalled: int = 0
    gold_without_source: int = 0
    indirect_predicted: int = 0
    indirect_matched: int = 0
    seconds: float = 0.0

    @property
    def strict_recall(self) -> float:
        return ratio(self.gold_strict, self.gold)

    @property
    def strict_recall_content(self) -> float:
        return ratio(self.gold_strict_content, self.gold)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_correct, self.speaker_judged)

    @property
    def speaker_recall(self) -> float:
        """End-to-end: gold quotes some matched prediction gives the gold speaker, over all gold."""
        return ratio(self.gold_speaker_recalled, self.gold)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return every count and score as plain JSON-able data."""
        return {
            "folder": self.folder,
            "articles": self.articles,
            "articles_raised": self.articles_raised,
            "raised": list(self.raised),
            "gold_quotes": self.gold,
            "predicted_quotes": self.predicted,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "strict_recall": round(self.strict_recall, 4),
            "strict_recall_content": round(self.strict_recall_content, 4),
            "speaker_accuracy": round(self.speaker_accuracy, 4),
            "speaker_judged": self.speaker_judged,
            "speaker_correct": self.speaker_correct,
            "speaker_missing": self.speaker_missing,
            "speaker_recall": round(self.speaker_recall, 4),
            "gold_speaker_recalled": self.gold_speaker_recalled,
            "gold_without_source": self.gold_without_source,
            "indirect_predicted": self.indirect_predicted,
            "indirect_overlapping_gold_content": self.indirect_matched,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 1),
        }

    def summary(self) -> str:
        """Return a short human-readable report."""
        lines = [
            f"Quotes on {self.folder}: {self.articles} articles, "
            f"{self.gold} gold quotes (content with a double quote mark), "
            f"{self.predicted} predicted (direct + partial)",
            f"  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}",
            f"  strict recall (Jaccard >= 0.8) {self.strict_recall:.4f} on the quote marks "
            f"({self.gold_strict}/{self.gold}), {self.strict_recall_content:.4f} on the "
            f"attributed content ({self.gold_strict_content}/{self.gold})",
            f"  speaker accuracy {self.speaker_accuracy:.3f} "
            f"({self.speaker_correct}/{self.speaker_judged}; {self.speaker_missing} without speaker)",
            f"  end-to-end speaker recall {self.speaker_recall:.3f} "
            f"({self.gold_speaker_recalled}/{self.gold} gold quotes found with their speaker; "
            f"{self.gold_without_source} gold quotes name no source)",
            f"  indirect: {self.indirect_predicted} predicted, "
            f"{self.indirect_matched} overlap a gold Content",
            f"  articles that raised: {self.articles_raised}",
            f"  time: {self.seconds:.2f} s ({self.articles_per_second:.1f} articles/s)",
        ]
        return "\n".join(lines)


_ERROR_FIELDS = ["article", "error", "start", "end", "kind", "text", "speaker",
                 "gold_start", "gold_end", "gold_text", "gold_source"]


def evaluate_brat(
    folder: str | os.PathLike[str], errors_csv: str | os.PathLike[str] | None = None
) -> QuoteEvaluation:
    """Score quote extraction on a BRAT folder (see the module docs for definitions).

    Parameters
    ----------
    folder : path
        Folder with ``text/*.txt`` and ``attributions/*.ann`` (or both side by side).
    errors_csv : path, optional
        Write every missed gold quote, spurious prediction and wrong speaker here.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> text = "“We agree,” Kim said."
    >>> _ = (root / "a.txt").write_text(text, encoding="utf-8")
    >>> ann = "T1\\tContent 0 11\\t“We agree,”\\nT2\\tSource 12 15\\tKim\\nE1\\tContent:T1 Source:T2\\n"
    >>> _ = (root / "a.ann").write_text(ann, encoding="utf-8")
    >>> result = evaluate_brat(root)
    >>> result.f1, result.strict_recall, result.speaker_accuracy
    (1.0, 1.0, 1.0)
    """
    from analysis.quotes.extract import extract_quotes
    from analysis.text.document import as_document

    result = QuoteEvaluation(folder=str(folder))
    errors: list[dict[str, Any]] = []
    for item in read_brat_folder(folder):
        result.articles += 1
        article = Article(article_id=item.name, text=item.text, published=item.published,
                          language=detect_language(item.text))
        started = time.perf_counter()
        try:
            quotes = extract_quotes(as_document(article))
        except Exception as error:  # every exception counts as an article that raised
            result.seconds += time.perf_counter() - started
            result.articles_raised += 1
            result.raised.append(f"{item.name}: {type(error).__name__}: {error}")
            quotes = []
        else:
            result.seconds += time.perf_counter() - started
        _score_article(result, item, quotes, errors)
    if errors_csv is not None:
        write_error_rows(Path(errors_csv), errors, _ERROR_FIELDS)
    return result


def _overlap(a: _Span, fragments: tuple[_Span, ...]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in fragments)


def _alnum_positions(text: str, fragments: Any) -> set[int]:
    return {i for s, e in fragments for i in range(s, e) if text[i].isalnum()}


def _score_article(result: QuoteEvaluation, item: BratArticle, quotes: list[Any],
                   errors: list[dict[str, Any]]) -> None:
    text = item.text
    gold = [g for g in item.attributions if g.has_quote_mark(text)]
    predictions = [q for q in quotes if q.kind in {"direct", "partial"}
                   and text[q.start : q.start + 1] in DOUBLE_MARKS]
    indirect = [q for q in quotes if q.kind == "indirect"]
    result.gold += len(gold)
    result.predicted += len(predictions)
    result.indirect_predicted += len(indirect)
    all_content = [g.content for g in item.attributions]
    result.indirect_matched += sum(
        1 for q in indirect if any(_overlap((q.start, q.end), c) for c in all_content)
    )
    matched_by: dict[int, list[Any]] = {index: [] for index in range(len(gold))}
    for quote in predictions:
        span = (quote.start, quote.end)
        overlaps = [(_overlap(span, g.content), index) for index, g in enumerate(gold)]
        overlaps = [(size, index) for size, index in overlaps if size > 0]
        if not overlaps:
            errors.append(_error_row(item, "spurious", quote, None))
            continue
        result.predicted_matched += 1
        for _, index in overlaps:
            matched_by[index].append(quote)
        best = gold[max(overlaps)[1]]
        if best.source:
            result.speaker_judged += 1
            if quote.speaker_start is None:
                result.speaker_missing += 1
                errors.append(_error_row(item, "no speaker", quote, best))
            elif _overlap((quote.speaker_start, quote.speaker_end), best.source):
                result.speaker_correct += 1
            else:
                errors.append(_error_row(item, "wrong speaker", quote, best))
    for index, g in enumerate(gold):
        found = matched_by[index]
        result.gold_without_source += not g.source
        if not found:
            errors.append(_error_row(item, "missed", None, g))
            continue
        result.gold_matched += 1
        recalled = any(q.speaker_start is not None and _overlap(
            (q.speaker_start, q.speaker_end), g.source) for q in found)
        if recalled:
            result.gold_speaker_recalled += 1
        elif g.source:
            errors.append(_error_row(item, "not recalled", found[0], g))
        if _strict(text, g, [(q.start, q.end) for q in found]):
            result.gold_strict += 1
        else:
            errors.append(_error_row(item, "loose", found[0], g))
        if _strict(text, g, [_content(q) for q in found]):
            result.gold_strict_content += 1


def _content(quote: Any) -> _Span:
    """Return the attributed content of a quote: ``content_start/end`` when set."""
    start = getattr(quote, "content_start", None)
    end = getattr(quote, "content_end", None)
    return (quote.start, quote.end) if start is None or end is None else (start, end)


def _strict(text: str, gold: GoldAttribution, found: list[_Span]) -> bool:
    gold_chars = _alnum_positions(text, gold.content)
    if not gold_chars:
        return True
    candidates = [[span] for span in found]
    candidates.append(list(found))
    for spans in candidates:
        predicted = _alnum_positions(text, spans)
        union = gold_chars | predicted
        if union and len(gold_chars & predicted) / len(union) >= 0.8:
            return True
    return False


def _error_row(item: BratArticle, error: str, quote: Any, gold: GoldAttribution | None) -> dict:
    text = item.text
    row: dict[str, Any] = {"article": item.name, "error": error}
    if quote is not None:
        row.update(start=quote.start, end=quote.end, kind=quote.kind,
                   text=text[quote.start : quote.end], speaker=quote.speaker)
    if gold is not None:
        row.update(
            gold_start=gold.content[0][0],
            gold_end=gold.content[-1][1],
            gold_text=" … ".join(text[s:e] for s, e in gold.content),
            gold_source=" … ".join(text[s:e] for s, e in gold.source),
        )
    return row


