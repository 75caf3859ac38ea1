"""Score sector mentions and programme lists on a gold JSON file (``evaluate sectors``).

The gold format (documented in ``docs/evaluation.md``, "Sectors") is a JSON list of
articles (or an object with an ``articles`` list), each::

    {"id": "...", "published": "YYYY-MM-DD" or null, "text": "...",
     "mentions": [{"start": 0, "end": 13, "sector": "cyber-defence"}, ...],
     "lists": [{"programme": "ITPP", "partner": "Japan", "year": 2023,
                "stated_count": 16 or null, "items": ["cyber-defence", ...]}, ...]}

Predictions are read through the one annotation pass (:func:`analysis.pipeline.frames`,
tables ``sectors`` and ``programme_statements``), so what is scored is what a corpus run
writes. Measures:

- **mentions**: a predicted mention matches a gold one of the same sector whose span
  overlaps it (one to one, in text order); precision, recall, F1. Predicted rows whose
  ``context`` says they are not a sector (an organisation or title name) are not counted;
  only :data:`COUNTED_CONTEXTS` (and an empty context) are.
- **list membership**: each gold list is paired with at most one predicted statement of
  the same programme in the same article that lists items (the pairs sharing most items
  first; when the predicted table has a ``partner`` column, a known predicted partner
  must be the gold one); a gold item is found when it is an item of its paired list. A
  gold list without items pairs with a statement of its programme that lists none (one
  stating the same count first).
- **exact lists**: gold lists whose paired predicted item set equals the gold set (a gold
  list without items is exact when no predicted list of it has items).
- **stated counts**: gold lists with a stated count for which some predicted statement
  of the same programme in the article states the same count.
- **partner / year** (when the predicted table has those columns): of the paired lists,
  those whose partner (case-insensitive) / year equals the gold one; an unknown gold year
  (null) is right only when the predicted year is unknown too.

Item ids of a predicted statement come from its ``sectors`` column; when that is absent,
from the ``programme-list`` sector mentions lying inside the statement's span.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.errors import AnalysisError
from analysis.evaluation.error_rows import write_error_rows
from analysis.evaluation.gold_files import read_gold_articles
from analysis.evaluation.scores import f1_score, ratio
from analysis.pipeline import Context, frames
from analysis.sectors.listed import statement_sector_ids
from analysis.sectors.matching import PROGRAMME_LIST
from analysis.text.articles import Article

__all__ = [
    "COUNTED_CONTEXTS",
    "ERROR_FIELDS",
    "GoldArticle",
    "GoldList",
    "GoldMention",
    "SectorEvaluation",
    "evaluate_gold",
    "match_mentions",
    "read_gold",
]

#: Contexts of predicted sector rows that count as sector mentions.
COUNTED_CONTEXTS = (PROGRAMME_LIST, "mention")


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold sector mention: ``text[start:end]`` names ``sector``."""

    start: int
    end: int
    sector: str


@dataclass(frozen=True, slots=True)
class GoldList:
    """One gold programme list: its items (sector ids) and what the text says of it."""

    programme: str
    partner: str | None
    year: int | None
    stated_count: int | None
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article with its mentions and lists."""

    article_id: str
    published: dt.date | None
    text: str
    mentions: tuple[GoldMention, ...]
    lists: tuple[GoldList, ...]

    def article(self) -> Article:
        """Return the article the package reads."""
        return Article(article_id=self.article_id, text=self.text, published=self.published)


def _fail(path: Path, what: str) -> AnalysisError:
    return AnalysisError(f"gold file is not in the sectors gold format: {what} "
                         "(see docs/evaluation.md, 'Sectors')", path)


def _gold_article(raw: Any, path: Path) -> GoldArticle:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or "id" not in raw:
        raise _fail(path, "each article needs 'id' and 'text'")
    text = raw["text"]
    try:
        published = dt.date.fromisoformat(raw["published"]) if raw.get("published") else None
        mentions = tuple(GoldMention(int(m["start"]), int(m["end"]), str(m["sector"]))
                         for m in raw.get("mentions", []))
        lists = tuple(
            GoldList(str(g["programme"]), g.get("partner"),
                     None if g.get("year") is None else int(g["year"]),
                     None if g.get("stated_count") is None else int(g["stated_count"]),
                     tuple(str(i) for i in g.get("items", [])))
            for g in raw.get("lists", [])
        )
    except (KeyError, TypeError, ValueError) as error:
        raise _fail(path, f"article {raw['id']!r}: {error}") from None
    for mention in mentions:
        if not 0 <= mention.start < mention.end <= len(text):
            raise _fail(path, f"article {raw['id']!r}: span {mention.start}-{mention.end} "
                              "is not inside its text")
    return GoldArticle(str(raw["id"]), published, text, mentions, lists)


def read_gold(path: str | PathLike[str]) -> list[GoldArticle]:
    """Read a sectors gold file.

    Raises
    ------
    AnalysisError
        When the file is missing, not JSON, or not in the gold format.
    """
    path = Path(path)
    data = read_gold_articles(path, "sectors")
    return [_gold_article(raw, path) for raw in data]


def match_mentions(gold: Sequence[GoldMention], predicted: Sequence[GoldMention]) -> int:
    """Count one-to-one matches: same sector, overlapping spans (first gold first).

    Examples
    --------
    >>> match_mentions([GoldMention(0, 5, "space")],
    ...                [GoldMention(2, 9, "space"), GoldMention(0, 5, "cyber-defence")])
    1
    """
    return len(_pair_mentions(gold, predicted))


def _pair_mentions(gold: Sequence[GoldMention],
                   predicted: Sequence[GoldMention]) -> dict[int, int]:
    """Return gold index -> predicted index of the one-to-one matches."""
    pairs: dict[int, int] = {}
    for k, g in enumerate(gold):
        for i, p in enumerate(predicted):
            if (i not in pairs.values() and p.sector == g.sector
                    and p.start < g.end and g.start < p.end):
                pairs[k] = i
                break
    return pairs


def _norm(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip().casefold()


def _same_programme(gold: GoldList, row: pd.Series) -> bool:
    """Same programme name or acronym; and same partner when both are known."""
    names = {_norm(row.get("acronym")), _norm(row.get("programme"))}
    partner = _norm(row.get("partner"))
    return _norm(gold.programme) in names and (
        not partner or not gold.partner or partner == _norm(gold.partner))


@dataclass(frozen=True, slots=True)
class _ListScore:
    items: int = 0
    found: int = 0
    exact: int = 0
    stated: int = 0
    stated_found: int = 0
    partner_right: int = 0
    year_right: int = 0


def _stated(row: pd.Series) -> int | None:
    value = row.get("stated_count")
    return None if value is None or pd.isna(value) else int(value)


def _pairs(gold: Sequence[GoldList], rows: list[pd.Series],
           items: list[tuple[str, ...]]) -> dict[int, int]:
    """Pair gold lists with predicted statements, the pairs sharing most items first.

    A gold list with items pairs only with a statement that lists items. A gold list
    without items (a count stated, no areas listed) then pairs with a statement of the
    programme that lists none, one stating the same count first, so that its partner and
    year are scored too.
    """
    candidates = sorted(
        ((len(set(g.items) & set(items[j])), i, j)
         for i, g in enumerate(gold) for j, row in enumerate(rows)
         if items[j] and g.items and _same_programme(g, row)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    candidates += sorted(
        ((int(_stated(row) == g.stated_count), i, j)
         for i, g in enumerate(gold) for j, row in enumerate(rows)
         if not items[j] and not g.items and _same_programme(g, row)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    paired: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in paired and j not in paired.values():
            paired[i] = j
    return paired


def _list_outcomes(gold: Sequence[GoldList], statements: pd.DataFrame,
                   mentions: pd.DataFrame) -> list[_ListScore]:
    """Score each gold list of one article against the article's statements."""
    rows = [row for _, row in statements.iterrows()]
    items = [statement_sector_ids(row, mentions) for row in rows]
    paired = _pairs(gold, rows, items)
    outcomes = []
    for i, g in enumerate(gold):
        got = set(items[paired[i]]) if i in paired else set()
        stated_found = g.stated_count is not None and any(
            _same_programme(g, row) and not pd.isna(row.get("stated_count"))
            and int(row["stated_count"]) == g.stated_count for row in rows)
        partner_right = year_right = False
        if i in paired:
            row = rows[paired[i]]
            partner_right = "partner" in row.index and _norm(row["partner"]) == _norm(g.partner)
            year = row.get("year")
            year_right = (None if year is None or pd.isna(year) else int(year)) == g.year
        outcomes.append(_ListScore(
            items=len(g.items), found=len(set(g.items) & got), exact=int(got == set(g.items)),
            stated=int(g.stated_count is not None), stated_found=int(stated_found),
            partner_right=int(partner_right), year_right=int(year_right)))
    return outcomes


@dataclass(frozen=True, slots=True)
class SectorEvaluation:
    """Counts and scores of one gold file (see the module docstring for the measures)."""

    gold_file: str
    articles: int
    gold_mentions: int
    predicted_mentions: int
    matched_mentions: int
    gold_lists: int
    gold_items: int
    items_found: int
    exact_lists: int
    stated_counts: int
    stated_counts_found: int
    has_partner: bool
    partner_right: int
    year_right: int

    @property
    def precision(self) -> float:
        """Share of predicted mentions that match a gold one."""
        return ratio(self.matched_mentions, self.predicted_mentions)

    @property
    def recall(self) -> float:
        """Share of gold mentions matched."""
        return ratio(self.matched_mentions, self.gold_mentions)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f1_score(self.precision, self.recall)

    @property
    def membership(self) -> float:
        """Share of gold list items found in their paired predicted list."""
        return ratio(self.items_found, self.gold_items)

    @property
    def exact(self) -> float:
        """Share of gold lists whose predicted item set is exactly right."""
        return ratio(self.exact_lists, self.gold_lists)

    @property
    def stated(self) -> float:
        """Share of gold stated counts found."""
        return ratio(self.stated_counts_found, self.stated_counts)

    def as_dict(self) -> dict[str, Any]:
        """Return every count and score as plain JSON-able data."""
        counts = {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]
        scores = {name: round(getattr(self, name), 4)
                  for name in ("precision", "recall", "f1", "membership", "exact", "stated")}
        return {**counts, **scores}

    def summary(self) -> str:
        """Return a short human-readable report."""
        partner = (f"partner right {self.partner_right}/{self.gold_lists}"
                   if self.has_partner else "partner: no column")
        return "\n".join([
            f"Sectors on {self.gold_file}: {self.articles} articles, {self.gold_mentions} gold "
            f"mentions, {self.predicted_mentions} predicted, {self.gold_lists} gold lists",
            f"  mentions: precision {self.precision:.3f}  recall {self.recall:.3f}  "
            f"F1 {self.f1:.3f}",
            f"  list membership {self.membership:.3f} ({self.items_found}/{self.gold_items})  "
            f"exact lists {self.exact:.3f} ({self.exact_lists}/{self.gold_lists})",
            f"  stated counts found {self.stated_counts_found}/{self.stated_counts}  "
            f"year right {self.year_right}/{self.gold_lists}  {partner}",
        ])


def _predicted_mentions(sectors: pd.DataFrame, article_id: str) -> list[GoldMention]:
    rows = sectors[sectors["article_id"] == article_id]
    if "context" in rows.columns:
        rows = rows[rows["context"].isna() | rows["context"].isin(COUNTED_CONTEXTS)]
    return [GoldMention(int(r.start), int(r.end), str(r.sector)) for r in rows.itertuples()]


#: Columns of the ``--errors`` CSV.
ERROR_FIELDS = ("article_id", "what", "error", "sector", "start", "end", "words", "detail")


def _mention_errors(article: GoldArticle, gold: Sequence[GoldMention],
                    found: Sequence[GoldMention]) -> list[dict[str, Any]]:
    pairs = _pair_mentions(gold, found)
    rows = [(m, "missed") for k, m in enumerate(gold) if k not in pairs]
    rows += [(m, "spurious") for i, m in enumerate(found) if i not in pairs.values()]
    return [{"article_id": article.article_id, "what": "mention", "error": error,
             "sector": m.sector, "start": m.start, "end": m.end,
             "words": article.text[m.start:m.end], "detail": ""}
            for m, error in sorted(rows, key=lambda r: (r[0].start, r[1]))]


def _list_errors(article: GoldArticle, outcomes: Sequence[_ListScore]) -> list[dict[str, Any]]:
    rows = []
    for gold, score in zip(article.lists, outcomes, strict=True):
        if score.exact and score.stated_found == score.stated:
            continue
        detail = f"{score.found}/{score.items} items found"
        if gold.stated_count is not None:
            detail += f"; stated {gold.stated_count} " + (
                "found" if score.stated_found else "missed")
        rows.append({"article_id": article.article_id, "what": "list",
                     "error": "not exact" if not score.exact else "stated count missed",
                     "sector": "; ".join(gold.items), "start": "", "end": "",
                     "words": gold.programme, "detail": detail})
    return rows




def evaluate_gold(path: str | PathLike[str], context: Context | None = None,
                  errors_csv: str | PathLike[str] | None = None) -> SectorEvaluation:
    """Score the sector finder and list reader on a gold file.

    Parameters
    ----------
    path : path
        The gold JSON file (format: module docstring).
    context : Context, optional
        Taxonomy and settings of the annotation pass (default: the shipped data).
    errors_csv : path, optional
        Write every missed and spurious mention, and every gold list not read exactly
        (or whose stated count is missed), to this CSV (columns :data:`ERROR_FIELDS`).

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> text = "The ITPP covers cyber defence and maritime security."
    >>> gold = [{"id": "a", "published": None, "text": text,
    ...          "mentions": [{"start": 16, "end": 29, "sector": "cyber-defence"},
    ...                       {"start": 34, "end": 51, "sector": "maritime-security"}],
    ...          "lists": [{"programme": "ITPP", "partner": None, "year": None,
    ...                     "stated_count": None,
    ...                     "items": ["cyber-defence", "maritime-security"]}]}]
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "gold.json"
    >>> _ = file.write_text(json.dumps(gold))
    >>> evaluate_gold(file).recall
    1.0
    """
    gold = read_gold(path)
    tables = frames(["sectors", "programme_statements"], [g.article() for g in gold], context)
    sectors, statements = tables["sectors"], tables["programme_statements"]
    matched = predicted = 0
    lists: list[_ListScore] = []
    errors: list[dict[str, Any]] = []
    for article in gold:
        found = _predicted_mentions(sectors, article.article_id)
        ordered = sorted(article.mentions, key=lambda m: m.start)
        predicted += len(found)
        matched += match_mentions(ordered, found)
        mine = statements[statements["article_id"] == article.article_id]
        its_sectors = sectors[sectors["article_id"] == article.article_id]
        outcomes = _list_outcomes(article.lists, mine, its_sectors)
        lists.extend(outcomes)
        if errors_csv is not None:
            errors += _mention_errors(article, ordered, found)
            errors += _list_errors(article, outcomes)
    if errors_csv is not None:
        write_error_rows(Path(errors_csv), errors, ERROR_FIELDS)
    total = {field: sum(getattr(s, field) for s in lists) for field in _ListScore.__slots__}
    return SectorEvaluation(
        gold_file=str(path), articles=len(gold),
        gold_mentions=sum(len(a.mentions) for a in gold), predicted_mentions=predicted,
        matched_mentions=matched, gold_lists=sum(len(a.lists) for a in gold),
        gold_items=total["items"], items_found=total["found"], exact_lists=total["exact"],
        stated_counts=total["stated"], stated_counts_found=total["stated_found"],
        has_partner="partner" in statements.columns, partner_right=total["partner_right"],
        year_right=total["year_right"],
    )
