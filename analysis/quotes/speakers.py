"""Who is quoted, how much, where, and to whom: views over the quotes table.

The functions here read the ``quotes`` table that :func:`analysis.quotes.extract.quotes_frame`
returns (one row per quote, with ``article_id``, ``kind``, ``start``, ``end``,
``speaker``, ``actor``, ``role``, ``affiliation``, ``addressee``, ``addressee_actor``,
``paragraph``, ``sentence``, ``n_words`` ...) and summarise it; they never extract
anything themselves, so a corrected quotes table (see ``analysis.actors.overrides``) gives
corrected summaries.

Only speech counts: the kinds ``direct`` (a whole quoted sentence), ``partial`` (a
quoted fragment inside a reporter's sentence) and ``indirect`` (reported speech without
quote marks). ``title`` (names of songs, books, programmes) and ``scare`` quotes (marks
that distance the reporter from a word) are not speech and are left out of every count.
The kinds are those of :mod:`analysis.quotes.records` (``KINDS``, ``SPEECH_KINDS``).

Display (colours, the highlighted article) lives in :mod:`analysis.figures`:
:mod:`analysis.figures.palette`, :mod:`analysis.figures.speaker_colours` and
:mod:`analysis.figures.html`.

Speakers are grouped by their canonical ``actor``. A quote whose speaker did not resolve
to an actor (``actor`` is missing) is grouped by the speaker mention as written ("He",
"the official"), so two unresolved "He" quotes share a row even if they are different
people; such rows have ``actor`` <NA> and come after the resolved speakers.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import pandas as pd

from analysis.errors import AnalysisError
from analysis.quotes.records import KINDS, SPEECH_KINDS
from analysis.schemas import conform, is_missing, text_or_none
from analysis.text.articles import Article
from analysis.text.document import Document, Texts, as_documents
from analysis.text.structure import count_words

__all__ = [
    "NON_SPEECH_KINDS",
    "SPEECH_KINDS",
    "addressees_frame",
    "positions_frame",
    "speaker_label",
    "speakers_frame",
]

#: Kinds of quote marks that are not speech (titles, scare quotes): in no count.
NON_SPEECH_KINDS: tuple[str, ...] = tuple(kind for kind in KINDS if kind not in SPEECH_KINDS)


def speaker_label(actor: Any, speaker: Any = None) -> str:
    """Return the name to show for a speaker: the actor, else the mention, else unknown.

    Examples
    --------
    >>> speaker_label("Jens Stoltenberg", "He")
    'Jens Stoltenberg'
    >>> speaker_label(None, "the official")
    'the official (unresolved)'
    >>> speaker_label(pd.NA, pd.NA)
    'unknown speaker'
    """
    actor_text = text_or_none(actor)
    if actor_text:
        return actor_text
    speaker_text = text_or_none(speaker)
    if speaker_text:
        return f"{speaker_text} (unresolved)"
    return "unknown speaker"


def _speech_rows(quotes: pd.DataFrame) -> pd.DataFrame:
    """Return the speech quotes in article and text order, with a grouping key."""
    _require(quotes, ("article_id", "kind", "start", "end"))
    speech = quotes[quotes["kind"].isin(SPEECH_KINDS)].copy()
    for name in ("actor", "speaker", "role", "affiliation", "addressee", "addressee_actor"):
        if name not in speech.columns:
            speech[name] = pd.NA
    speech["_words"] = _word_counts(speech)
    speech["_article_order"] = speech["article_id"].map(_first_seen(quotes["article_id"]))
    speech = speech.sort_values(["_article_order", "start", "end"], kind="stable")
    speech["_key"] = [
        ("actor", text_or_none(a)) if text_or_none(a) else ("mention", text_or_none(s))
        for a, s in zip(speech["actor"], speech["speaker"], strict=True)
    ]
    return speech


def _require(quotes: pd.DataFrame, names: Sequence[str]) -> None:
    missing = [name for name in names if name not in quotes.columns]
    if missing:
        raise AnalysisError(
            f"the quotes table lacks column(s) {', '.join(missing)}; "
            "pass the frame analysis.quotes.extract.quotes_frame returns"
        )


def _first_seen(values: Iterable[Hashable]) -> dict[Hashable, int]:
    order: dict[Hashable, int] = {}
    for value in values:
        order.setdefault(value, len(order))
    return order


def _word_counts(quotes: pd.DataFrame) -> list[int]:
    """Return ``n_words`` per quote, counted from ``text`` where it is missing."""
    counts = quotes["n_words"] if "n_words" in quotes.columns else [pd.NA] * len(quotes)
    texts = quotes["text"] if "text" in quotes.columns else [None] * len(quotes)
    words = []
    for n_words, text in zip(counts, texts, strict=True):
        if not is_missing(n_words):
            words.append(int(n_words))
        else:
            words.append(0 if is_missing(text) else count_words(str(text)))
    return words


def _joined(values: Iterable[Any]) -> str | None:
    seen = list(dict.fromkeys(v for v in (text_or_none(x) for x in values) if v))
    return "; ".join(seen) if seen else None


def _first(values: Iterable[Any]) -> Any:
    return next((v for v in values if not is_missing(v)), None)


def speakers_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """Return one row per speaker per article: how often, how much and where quoted.

    Parameters
    ----------
    quotes : DataFrame
        The ``quotes`` table (:func:`analysis.quotes.extract.quotes_frame`); ``title`` and
        ``scare`` rows are ignored.

    Returns
    -------
    DataFrame
        Table ``speakers`` (see :mod:`analysis.schemas`): per article, resolved
        speakers by number of quotes, then words, then first appearance; unresolved
        speakers (``actor`` <NA>, grouped by the mention as written) last.

    Examples
    --------
    >>> quotes = pd.DataFrame({
    ...     "article_id": ["a", "a", "a", "a"],
    ...     "kind": ["direct", "partial", "scare", "indirect"],
    ...     "start": [0, 50, 80, 120], "end": [40, 70, 90, 160],
    ...     "speaker": ["Stoltenberg", "He", None, "Yoon"],
    ...     "actor": ["Jens Stoltenberg", "Jens Stoltenberg", None, "Yoon Suk Yeol"],
    ...     "n_words": [8, 3, 1, 6], "paragraph": [0, 1, 1, 2]})
    >>> speakers_frame(quotes)[["actor", "speaker", "n_quotes", "n_words", "first_start",
    ...                         "last_start"]].values.tolist()
    [['Jens Stoltenberg', 'Stoltenberg; He', 2, 11, 0, 50], ['Yoon Suk Yeol', 'Yoon', 1, 6, 120, 120]]
    """
    speech = _speech_rows(quotes)
    paragraphs = speech["paragraph"] if "paragraph" in speech.columns else [pd.NA] * len(speech)
    speech["_paragraph"] = list(paragraphs)
    rows = []
    for (article_order, key), group in speech.groupby(["_article_order", "_key"], sort=False):
        kinds = group["kind"].value_counts()
        rows.append(
            {
                "_article_order": article_order,
                "_unresolved": key[0] != "actor",
                "article_id": group["article_id"].iloc[0],
                "actor": key[1] if key[0] == "actor" else None,
                "speaker": _joined(group["speaker"]),
                "role": _first(group["role"]),
                "affiliation": _first(group["affiliation"]),
                "n_quotes": len(group),
                "n_direct": int(kinds.get("direct", 0)),
                "n_partial": int(kinds.get("partial", 0)),
                "n_indirect": int(kinds.get("indirect", 0)),
                "n_words": int(group["_words"].sum()),
                "first_start": int(group["start"].iloc[0]),
                "last_start": int(group["start"].iloc[-1]),
                "first_paragraph": group["_paragraph"].iloc[0],
                "last_paragraph": group["_paragraph"].iloc[-1],
            }
        )
    if not rows:
        return conform(None, "speakers")
    frame = pd.DataFrame(rows)
    frame["_n_quotes"] = -frame["n_quotes"]
    frame["_n_words"] = -frame["n_words"]
    frame = frame.sort_values(
        ["_article_order", "_unresolved", "_n_quotes", "_n_words", "first_start"], kind="stable"
    )
    return conform(frame, "speakers")


def addressees_frame(quotes: pd.DataFrame) -> pd.DataFrame:
    """Return who addressed whom: one row per speaker and addressee pair per article.

    Only speech quotes with an addressee count ("Stoltenberg told Yoon"). Addressees
    group like speakers: by ``addressee_actor``, else by the mention as written.

    Returns
    -------
    DataFrame
        Table ``addressees``, per article by number of quotes (most first), then by
        first appearance.

    Examples
    --------
    >>> quotes = pd.DataFrame({
    ...     "article_id": ["a", "a", "a"], "kind": ["direct", "direct", "indirect"],
    ...     "start": [0, 50, 90], "end": [40, 80, 120],
    ...     "speaker": ["Stoltenberg", "Stoltenberg", "Yoon"],
    ...     "actor": ["Jens Stoltenberg", "Jens Stoltenberg", "Yoon Suk Yeol"],
    ...     "addressee": ["Yoon", "Yoon", None],
    ...     "addressee_actor": ["Yoon Suk Yeol", "Yoon Suk Yeol", None],
    ...     "n_words": [8, 5, 4]})
    >>> addressees_frame(quotes)[["actor", "addressee_actor", "n", "n_words"]].values.tolist()
    [['Jens Stoltenberg', 'Yoon Suk Yeol', 2, 13]]
    """
    speech = _speech_rows(quotes)
    named = pd.Series([text_or_none(a) is not None for a in speech["addressee"]],
                      index=speech.index, dtype=bool)
    speech = speech[named].copy()
    speech["_addressee_key"] = [
        ("actor", text_or_none(a)) if text_or_none(a) else ("mention", text_or_none(m))
        for a, m in zip(speech["addressee_actor"], speech["addressee"], strict=True)
    ]
    rows = []
    groups = speech.groupby(["_article_order", "_key", "_addressee_key"], sort=False)
    for (article_order, key, addressee_key), group in groups:
        rows.append(
            {
                "_article_order": article_order,
                "article_id": group["article_id"].iloc[0],
                "actor": key[1] if key[0] == "actor" else None,
                "speaker": _joined(group["speaker"]),
                "addressee_actor": addressee_key[1] if addressee_key[0] == "actor" else None,
                "addressee": _joined(group["addressee"]),
                "n": len(group),
                "n_words": int(group["_words"].sum()),
                "first_start": int(group["start"].iloc[0]),
            }
        )
    if not rows:
        return conform(None, "addressees")
    frame = pd.DataFrame(rows)
    frame["_n"] = -frame["n"]
    frame = frame.sort_values(["_article_order", "_n", "first_start"], kind="stable")
    return conform(frame, "addressees")


def _documents_by_id(documents: Texts) -> dict[str, Document]:
    return {doc.article_id: doc for doc in as_documents(documents)}


def _paragraph_at(doc: Document, offset: int) -> int | None:
    index = None
    for number, paragraph in enumerate(doc.paragraphs):
        if paragraph.start > offset:
            break
        index = number
    return index


def positions_frame(
    quotes: pd.DataFrame,
    documents: str | Article | Document | Iterable[str | Article | Document],
) -> pd.DataFrame:
    """Return where in its article each speech quote starts.

    Parameters
    ----------
    quotes : DataFrame
        The ``quotes`` table; ``title`` and ``scare`` rows are ignored.
    documents : str, Article, Document, or an iterable of them
        The articles the quotes come from (matched by ``article_id``).

    Returns
    -------
    DataFrame
        Table ``quote_positions``: one row per speech quote, in article and text order,
        with ``position`` = start offset / length of the text (0 = the first character,
        near 1 = the end) and the paragraph and sentence the quote starts in.

    Raises
    ------
    AnalysisError
        When a quote's article is not among ``documents`` or its offsets fall outside
        the article's text.

    Examples
    --------
    >>> from analysis.text.document import as_document
    >>> doc = as_document("NATO met.\\n“We agree,” Yoon said.\\nStoltenberg said ties matter.")
    >>> quotes = pd.DataFrame({"article_id": ["text", "text"], "quote": [0, 1],
    ...     "kind": ["direct", "indirect"], "start": [10, 50], "end": [21, 61],
    ...     "speaker": ["Yoon", "Stoltenberg"], "actor": ["Yoon Suk Yeol", "Jens Stoltenberg"]})
    >>> frame = positions_frame(quotes, doc)
    >>> frame[["actor", "paragraph", "sentence"]].values.tolist()
    [['Yoon Suk Yeol', 1, 1], ['Jens Stoltenberg', 2, 2]]
    >>> frame["position"].round(3).tolist()
    [0.161, 0.806]
    """
    docs = _documents_by_id(documents)
    speech = _speech_rows(quotes)
    rows = []
    for record in speech.to_dict("records"):
        doc = docs.get(record["article_id"])
        if doc is None:
            known = ", ".join(sorted(docs)) or "none"
            raise AnalysisError(
                f"no document for article_id {record['article_id']!r} (documents given: "
                f"{known}); pass the articles the quotes were extracted from"
            )
        start, end = int(record["start"]), int(record["end"])
        if not 0 <= start <= end <= len(doc.text):
            raise AnalysisError(
                f"quote offsets {start}-{end} fall outside article {doc.article_id!r} "
                f"({len(doc.text)} characters); pass the article the quotes came from"
            )
        sentence = doc.sentence_at(start)
        rows.append(
            {
                "article_id": doc.article_id,
                "quote": record.get("quote"),
                "actor": record["actor"],
                "speaker": record["speaker"],
                "kind": record["kind"],
                "start": start,
                "end": end,
                "position": start / len(doc.text) if doc.text else 0.0,
                "paragraph": _paragraph_at(doc, start),
                "n_paragraphs": len(doc.paragraphs),
                "sentence": None if sentence is None else sentence.index,
            }
        )
    return conform(rows, "quote_positions")
