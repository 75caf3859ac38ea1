"""The one place that names every table's columns and dtypes.

Every ``*_frame`` function returns ``conform(frame, TABLE)``, and ``python -m analysis
extract`` writes the same columns to Parquet and CSV, so a table looks the same
whichever way it was made. Offsets (``start``/``end`` and friends) index
``Article.text``; an empty table still has every column with its dtype.

dtypes are pandas' nullable ones: ``string`` (text, missing = <NA>), ``Int64``
(integers, missing = <NA>), ``Float64`` and ``boolean``; dates are ISO strings
(``YYYY-MM-DD``) so CSV and Parquet agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = [
    "TABLES",
    "Column",
    "columns",
    "conform",
    "empty_frame",
    "is_missing",
    "text_or_none",
]


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its name, pandas dtype and meaning."""

    name: str
    dtype: str
    description: str


def _table(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


_ID = ("article_id", "string", "the article's identifier (see analysis.text.articles)")
_START = ("start", "Int64", "start offset of the evidence in Article.text")
_END = ("end", "Int64", "end offset (exclusive) of the evidence in Article.text")

TABLES: Mapping[str, tuple[Column, ...]] = {
    # --- foundation -------------------------------------------------------------
    "articles": _table(
        _ID,
        ("title", "string", "headline, <NA> when unknown"),
        ("outlet", "string", "publication"),
        ("author", "string", "byline"),
        ("published", "date32[day][pyarrow]", "publication date (a date; YYYY-MM-DD in CSV)"),
        ("url", "string", "address of the article"),
        ("language", "string", "ISO 639-1 code or 'und'"),
        ("n_chars", "Int64", "length of the text in characters"),
        ("n_paragraphs", "Int64", "number of paragraphs"),
        ("n_sentences", "Int64", "number of sentences"),
        ("source_path", "string", "the file it was read from (path#N for record N of a JSONL, "
         "CSV or JSON-list file or article N of an export), <NA> for a text given in code"),
    ),
    "sentences": _table(
        _ID,
        ("sentence", "Int64", "sentence index in the article, from 0"),
        ("paragraph", "Int64", "paragraph index in the article, from 0"),
        _START,
        _END,
        ("n_words", "Int64", "number of word tokens"),
        ("text", "string", "the sentence"),
        ("compound", "Float64", "NLTK VADER compound score, exactly as NLTK computes it"),
        ("compound_masked", "Float64", "VADER compound with actor and organisation names masked"),
        ("pos", "Float64", "VADER positive share"),
        ("neu", "Float64", "VADER neutral share"),
        ("neg", "Float64", "VADER negative share"),
        ("unscored", "string", "why the scores are <NA> (article or sentence not English: "
         "analysis.sentiment.scope), else <NA>"),
    ),
    "structure": _table(
        _ID,
        ("paragraph", "Int64", "paragraph index in the article, from 0"),
        ("sentence", "Int64", "sentence index in the article, from 0"),
        _START,
        _END,
        ("n_words", "Int64", "number of words in the sentence"),
        ("n_chars", "Int64", "number of characters in the sentence"),
    ),
    "errors": _table(
        ("path", "string", "file the problem is in"),
        ("article_id", "string", "article; for a file or record not read, the record's own "
                                 "id field if readable, else <NA>"),
        ("error", "string", "exception class name"),
        ("message", "string", "what went wrong and what to do"),
    ),
    # --- quotes (issue: quotes and speakers) -------------------------------------
    "quotes": _table(
        _ID,
        ("quote", "Int64", "quote index in the article, from 0, in text order"),
        ("kind", "string", "direct, partial, indirect (speech), title or scare (not speech)"),
        ("start", "Int64", "start of the quotation (opening mark; clause for indirect)"),
        ("end", "Int64", "end (exclusive) of the quotation, closing mark included"),
        ("text", "string", "the quoted words, without the outer marks"),
        ("speaker", "string", "speaker mention as written, <NA> when none was found"),
        ("speaker_start", "Int64", "start offset of the speaker mention"),
        ("speaker_end", "Int64", "end offset of the speaker mention"),
        ("actor", "string", "canonical actor the speaker resolves to"),
        ("role", "string", "the actor's role on the article's date (actor registry)"),
        ("affiliation", "string", "the actor's affiliation on that date"),
        ("cue", "string", "speech verb as written (said, told, according to, ...)"),
        ("addressee", "string", "whom the words were addressed to, as written"),
        ("addressee_actor", "string", "canonical actor of the addressee"),
        ("sentence", "Int64", "index of the sentence the quotation starts in"),
        ("paragraph", "Int64", "index of the paragraph the quotation starts in"),
        ("n_words", "Int64", "number of words quoted"),
        ("content_start", "Int64", "start of all that is attributed: a partial quote's reported clause"),
        ("content_end", "Int64", "end (exclusive) of that content; <NA> for title and scare"),
        ("speaker_kind", "string", "person, organisation, description (resolved by role), "
         "anonymous or unresolved; <NA> when no speaker"),
    ),
    # --- speakers (analysis.quotes.speakers: views over the quotes table) ---------------
    "speakers": _table(
        _ID,
        ("actor", "string", "canonical name of the speaker, <NA> when unresolved"),
        ("speaker", "string", "the speaker mentions as written, '; '-joined in order of first use"),
        ("role", "string", "the actor's role on the article date, <NA> when unknown"),
        ("affiliation", "string", "organisation or country the role belongs to"),
        ("n_quotes", "Int64", "quotes of speech kinds (direct, partial, indirect)"),
        ("n_direct", "Int64", "direct (whole-sentence) quotes"),
        ("n_partial", "Int64", "partial (quoted fragment) quotes"),
        ("n_indirect", "Int64", "indirect (reported) speech"),
        ("n_words", "Int64", "words quoted or reported, summed over the quotes"),
        ("first_start", "Int64", "start offset of the speaker's first quote"),
        ("last_start", "Int64", "start offset of the speaker's last quote"),
        ("first_paragraph", "Int64", "paragraph index of the first quote, from 0"),
        ("last_paragraph", "Int64", "paragraph index of the last quote, from 0"),
    ),
    "addressees": _table(
        _ID,
        ("actor", "string", "canonical name of the speaker, <NA> when unresolved"),
        ("speaker", "string", "the speaker mentions as written, '; '-joined"),
        ("addressee_actor", "string", "canonical name of the addressee, <NA> when unresolved"),
        ("addressee", "string", "the addressee mentions as written, '; '-joined"),
        ("n", "Int64", "quotes of speech kinds from this speaker to this addressee"),
        ("n_words", "Int64", "words quoted or reported in them"),
        ("first_start", "Int64", "start offset of the first such quote"),
    ),
    "quote_positions": _table(
        _ID,
        ("quote", "Int64", "index of the quote in the article's quotes table"),
        ("actor", "string", "canonical name of the speaker, <NA> when unresolved"),
        ("speaker", "string", "the speaker mention as written"),
        ("kind", "string", "direct, partial or indirect"),
        _START,
        _END,
        ("position", "Float64", "start / length of the article text: 0 = first character"),
        ("paragraph", "Int64", "paragraph index of the quote's start, from 0"),
        ("n_paragraphs", "Int64", "paragraphs in the article"),
        ("sentence", "Int64", "sentence index of the quote's start, from 0"),
    ),
    # --- actors (analysis.actors.registry: registry mentions) ----------------------------
    "actors": _table(
        _ID,
        _START,
        _END,
        ("mention", "string", "the words as written in the article"),
        ("actor", "string", "canonical name in the actor registry"),
        ("kind", "string", "person, organisation or country"),
        ("role", "string", "title of the role held on the article's date, <NA> if none/undated"),
        ("affiliation", "string", "body or country of that role"),
        ("country", "string", "the actor's country (a country names itself)"),
    ),
    # --- claims (analysis.actors.claims: what an article says about a person) ----------
    "claims": _table(
        _ID,
        ("actor", "string", "canonical name of the person the claim is about"),
        ("claim_kind", "string", "role, state or party"),
        ("claimed", "string", "the claim as written: Article.text[start:end]"),
        ("registry_value", "string", "what the registry holds on the article's date"),
        ("source", "string", "source of the registry's fact (URL, or outlet, date and title)"),
        ("start", "Int64", "start offset of the claimed words in Article.text"),
        ("end", "Int64", "end offset (exclusive) of the claimed words in Article.text"),
        ("contradicts", "boolean", "True when the claim and the registry disagree"),
        ("mention", "string", "the mention of the person as written"),
        ("mention_start", "Int64", "start offset of the mention in Article.text"),
        ("mention_end", "Int64", "end offset (exclusive) of the mention in Article.text"),
        ("sentence", "Int64", "sentence index of the claim, from 0"),
        ("rule", "string", "the pattern that read it (claim_patterns.txt, or title / title-after)"),
    ),
    # --- sectors (issue: sectors and programmes) ---------------------------------
    "sectors": _table(
        _ID,
        ("sentence", "Int64", "sentence index of the mention, from 0"),
        ("sector", "string", "canonical sector id (analysis/resources/sectors/sectors.csv)"),
        ("label", "string", "the sector's label"),
        _START,
        _END,
        ("matched", "string", "the words as written in the text"),
        ("context", "string", "'programme-list' (item of a programme's list of areas) or 'mention'"),
        ("confidence", "Float64",
         "0-1, from named rules (analysis.sectors.mentions): alias exactness, list, weak alias"),
    ),
    "programme_statements": _table(
        _ID,
        ("sentence", "Int64", "sentence index of the statement, from 0"),
        _START,
        _END,
        ("partner", "string", "whose programme (as in the programmes table), <NA> if unknown"),
        ("programme", "string", "programme name as written (or expanded from its acronym)"),
        ("acronym", "string", "programme acronym, e.g. ITPP"),
        ("programme_id", "string", "the programmes table's id (kor-itpp-2023), <NA> if none fits"),
        ("year", "Int64", "the programme's year from the text or the programmes table, <NA> if"
                          " unknown (never the publication year)"),
        ("year_source", "string", "'text', 'summit', 'relative', 'dataset' or <NA>"),
        ("stated_count", "Int64", "number of areas the text says the programme has"),
        ("listed_count", "Int64", "distinct sectors listed as the programme's"),
        ("n_listed", "Int64", "the same as listed_count (kept for earlier readers)"),
        ("sectors", "string", "the listed sector ids, distinct, '; '-joined in order"),
        ("item_ids", "string", "the sector id of each listed item, '; '-joined (repeats kept)"),
        ("items", "string", "the listed items as written, '; '-joined"),
        ("fewer_listed", "boolean", "True when fewer sectors are listed than stated"),
    ),
    "programmes": _table(
        ("programme_id", "string", "e.g. kor-itpp-2023"),
        ("partner", "string", "the NATO partner country"),
        ("programme", "string", "programme name"),
        ("acronym", "string", "programme acronym"),
        ("year", "Int64", "year adopted (or described, for a description)"),
        ("area", "string", "the area's wording as published, <NA> for an unknown area"),
        ("sector", "string", "canonical sector id, or 'unknown'"),
        ("stated_total", "Int64", "number of areas a source states, <NA> when none does"),
        ("status", "string", "'known' or 'unknown'"),
        ("source", "string", "URL, or outlet, date and title where no URL is known"),
        ("note", "string", "caveats: translation, mapping, what the source does not say"),
    ),
    "sector_taxonomy": _table(
        ("id", "string", "canonical sector id"),
        ("label", "string", "label"),
        ("aliases_en", "string", "English aliases, |-separated"),
        ("aliases_ko", "string", "Korean aliases, |-separated"),
        ("list_only", "string", "aliases counted only inside an enumeration, |-separated"),
        ("source", "string", "where the wordings were seen"),
        ("notes", "string", "notes"),
    ),
    # --- sentiment (issue: sentiment) -------------------------------------------
    "targets": _table(
        _ID,
        ("target", "string", "canonical actor name, or the target string asked for"),
        ("kind", "string", "person, organisation, country, or 'target' for a given string"),
        ("mention", "string", "the mention as written"),
        ("start", "Int64", "start offset of the mention in Article.text"),
        ("end", "Int64", "end offset (exclusive) of the mention in Article.text"),
        ("sentence", "Int64", "sentence index of the mention, from 0"),
        ("sentence_start", "Int64", "start offset of the sentence scored"),
        ("sentence_end", "Int64", "end offset of the sentence scored"),
        ("label", "string", "negative, neutral or positive (analysis.sentiment.model.classify_target)"),
        ("score", "Float64", "P(positive) - P(negative), in [-1, 1]"),
        ("p_negative", "Float64", "probability of negative"),
        ("p_neutral", "Float64", "probability of neutral"),
        ("p_positive", "Float64", "probability of positive"),
        ("unscored", "string", "why label and scores are <NA> (not English, crosses a sentence "
         "boundary: analysis.sentiment.scope), else <NA>"),
    ),
    "quote_sentiment": _table(
        _ID,
        ("quote", "Int64", "index of the quote in the article's quotes table"),
        ("kind", "string", "direct, partial, indirect, title or scare"),
        _START,
        _END,
        ("speaker", "string", "the speaker mention as written"),
        ("actor", "string", "canonical name of the speaker, <NA> when unresolved"),
        ("role", "string", "the speaker's role on the article date"),
        ("affiliation", "string", "organisation or country of the role"),
        ("n_words", "Int64", "words in the quoted text"),
        ("text", "string", "the quoted words"),
        ("compound", "Float64", "NLTK VADER compound of the quoted words"),
        ("compound_masked", "Float64", "VADER compound with names masked (analysis.sentiment.masking)"),
        ("pos", "Float64", "VADER positive share"),
        ("neu", "Float64", "VADER neutral share"),
        ("neg", "Float64", "VADER negative share"),
        ("tone", "string", "target-free tone of this quote: compound_masked >= 0.05 positive, "
         "<= -0.05 negative (per quote, never of a mean)"),
        ("unscored", "string", "why the scores are <NA> (quoted words not English: "
         "analysis.sentiment.scope), else <NA>"),
    ),
}


def columns(table: str) -> list[str]:
    """Return the column names of ``table`` in order.

    Examples
    --------
    >>> columns("errors")
    ['path', 'article_id', 'error', 'message']
    """
    return [column.name for column in _schema(table)]


def _schema(table: str) -> tuple[Column, ...]:
    try:
        return TABLES[table]
    except KeyError:
        raise KeyError(f"unknown table {table!r}; known: {', '.join(sorted(TABLES))}") from None


def empty_frame(table: str) -> pd.DataFrame:
    """Return an empty DataFrame with the columns and dtypes of ``table``.

    Examples
    --------
    >>> empty_frame("errors").dtypes.astype(str).tolist()
    ['string', 'string', 'string', 'string']
    """
    return pd.DataFrame({c.name: pd.Series([], dtype=c.dtype) for c in _schema(table)})


def conform(frame: pd.DataFrame | list[dict] | None, table: str) -> pd.DataFrame:
    """Return ``frame`` with exactly the columns of ``table``, in order, with their dtypes.

    Missing columns are added empty; columns the schema does not name are dropped; the
    index is reset.

    Examples
    --------
    >>> frame = conform([{"path": "a.txt", "error": "AnalysisError", "extra": 1}], "errors")
    >>> frame.columns.tolist()
    ['path', 'article_id', 'error', 'message']
    >>> frame["article_id"].isna().all()
    np.True_
    """
    if frame is None:
        return empty_frame(table)
    if not isinstance(frame, pd.DataFrame):
        frame = pd.DataFrame(list(frame))
    if frame.empty and len(frame.columns) == 0:
        return empty_frame(table)
    data = {}
    for column in _schema(table):
        if column.name in frame.columns:
            data[column.name] = frame[column.name].astype(column.dtype)
        else:
            data[column.name] = pd.Series(pd.NA, index=frame.index, dtype=column.dtype)
    return pd.DataFrame(data).reset_index(drop=True)


def is_missing(value: Any) -> bool:
    """Tell whether a table cell holds no value (None, ``pd.NA`` or NaN).

    Examples
    --------
    >>> [is_missing(v) for v in (None, pd.NA, float("nan"), "", 0)]
    [True, True, True, False, False]
    """
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def text_or_none(value: Any) -> str | None:
    """Return a table cell as stripped text, or None when it is missing or blank.

    Examples
    --------
    >>> text_or_none("  Yoon "), text_or_none(pd.NA), text_or_none("  ")
    ('Yoon', None, None)
    """
    if is_missing(value):
        return None
    text = str(value).strip()
    return text or None
