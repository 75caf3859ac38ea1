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
that distance the reporter from a word) are not speech and are left out of every count;
:func:`highlight_quotes_html` still marks them, in grey.

Speakers are grouped by their canonical ``actor``. A quote whose speaker did not resolve
to an actor (``actor`` is missing) is grouped by the speaker mention as written ("He",
"the official"), so two unresolved "He" quotes share a row even if they are different
people; such rows have ``actor`` <NA> and come after the resolved speakers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, is_dataclass
from functools import cache
from itertools import pairwise
from typing import Any

import pandas as pd

from analysis._resources import read_text
from analysis.errors import AnalysisError
from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.document import Document, as_document
from analysis.text.structure import count_words

__all__ = [
    "NON_SPEECH_KINDS",
    "SPEECH_KINDS",
    "UNRESOLVED_COLOUR",
    "addressees_frame",
    "highlight_quotes_html",
    "okabe_ito",
    "positions_frame",
    "speaker_colours",
    "speaker_label",
    "speakers_frame",
]

#: Quote kinds that are speech (the same tuple as ``analysis.quotes.extract.SPEECH_KINDS``;
#: repeated here so this module does not import the extractor).
SPEECH_KINDS: tuple[str, ...] = ("direct", "partial", "indirect")
#: Quote marks that are not speech: titles of works and scare quotes.
NON_SPEECH_KINDS: tuple[str, ...] = ("title", "scare")
#: Colour of quotes whose speaker is unknown or unresolved (Okabe-Ito grey).
UNRESOLVED_COLOUR = "#999999"

_CYCLE = re.compile(r"^axes\.prop_cycle:.*?\[(?P<colours>[^\]]*)\]", re.MULTILINE)


@cache
def okabe_ito() -> tuple[str, ...]:
    """Return the package palette (Okabe & Ito 2008) as ``#RRGGBB`` strings.

    Read from the package's figure style (``resources/figures/analysis.mplstyle``), so charts
    and HTML share one palette. The last colour is grey, kept for unresolved speakers.

    Examples
    --------
    >>> okabe_ito()[:3]
    ('#0072B2', '#E69F00', '#009E73')
    >>> okabe_ito()[-1] == UNRESOLVED_COLOUR
    True
    """
    match = _CYCLE.search(read_text("figures/analysis.mplstyle"))
    if match is None:  # pragma: no cover - the shipped style always has a cycle
        raise RuntimeError("figures/analysis.mplstyle has no axes.prop_cycle line")
    return tuple("#" + c.strip(" '\"") for c in match["colours"].split(","))


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _text_or_none(value: Any) -> str | None:
    if _missing(value):
        return None
    text = str(value).strip()
    return text or None


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
    actor_text = _text_or_none(actor)
    if actor_text:
        return actor_text
    speaker_text = _text_or_none(speaker)
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
        ("actor", _text_or_none(a)) if _text_or_none(a) else ("mention", _text_or_none(s))
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
        if not _missing(n_words):
            words.append(int(n_words))
        else:
            words.append(0 if _missing(text) else count_words(str(text)))
    return words


def _joined(values: Iterable[Any]) -> str | None:
    seen = list(dict.fromkeys(v for v in (_text_or_none(x) for x in values) if v))
    return "; ".join(seen) if seen else None


def _first(values: Iterable[Any]) -> Any:
    return next((v for v in values if not _missing(v)), None)


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
    named = pd.Series([_text_or_none(a) is not None for a in speech["addressee"]],
                      index=speech.index, dtype=bool)
    speech = speech[named].copy()
    speech["_addressee_key"] = [
        ("actor", _text_or_none(a)) if _text_or_none(a) else ("mention", _text_or_none(m))
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


def _documents_by_id(
    documents: str | Article | Document | Iterable[str | Article | Document],
) -> dict[str, Document]:
    if isinstance(documents, str | Article | Document):
        documents = [documents]
    return {doc.article_id: doc for doc in (as_document(d) for d in documents)}


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


# --- HTML ------------------------------------------------------------------------


def speaker_colours(quotes: pd.DataFrame) -> dict[str, str]:
    """Return a colour per speaker label, in order of the speakers' first quote.

    Speakers take the Okabe-Ito colours in turn (blue, orange, green, ...; the cycle
    repeats after seven); unresolved and unknown speakers are grey. Labels are those of
    :func:`speaker_label`, so charts and the highlighted article agree.

    Examples
    --------
    >>> quotes = pd.DataFrame({"article_id": ["a"] * 3, "kind": ["direct", "indirect", "direct"],
    ...     "start": [0, 10, 20], "end": [5, 15, 25], "speaker": ["Yoon", "He", "Stoltenberg"],
    ...     "actor": ["Yoon Suk Yeol", None, "Jens Stoltenberg"]})
    >>> speaker_colours(quotes)
    {'Yoon Suk Yeol': '#0072B2', 'He (unresolved)': '#999999', 'Jens Stoltenberg': '#E69F00'}
    """
    speech = _speech_rows(quotes)
    palette = okabe_ito()[:-1]
    colours: dict[str, str] = {}
    n_resolved = 0
    for actor, speaker in zip(speech["actor"], speech["speaker"], strict=True):
        label = speaker_label(actor, speaker)
        if label in colours:
            continue
        if _text_or_none(actor) is None:
            colours[label] = UNRESOLVED_COLOUR
        else:
            colours[label] = palette[n_resolved % len(palette)]
            n_resolved += 1
    return colours


def _tint(colour: str, share: float = 0.35) -> str:
    """Mix ``colour`` with white: ``share`` of the colour, the rest white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(255 - (255 - c) * share) for c in (red, green, blue))
    return "#" + "".join(f"{c:02X}" for c in mixed)


def _quote_records(quotes: pd.DataFrame | Sequence[Any], article_id: str) -> pd.DataFrame:
    """Return the quotes of one article as a DataFrame (records or a quotes table)."""
    if not isinstance(quotes, pd.DataFrame):
        rows = [asdict(q) if is_dataclass(q) else dict(q) for q in quotes]  # type: ignore[arg-type]
        quotes = pd.DataFrame(rows, columns=None if rows else ["kind", "start", "end"])
        quotes["article_id"] = article_id
    _require(quotes, ("kind", "start", "end"))
    if "article_id" not in quotes.columns:
        quotes = quotes.assign(article_id=article_id)
    # An article with no rows has no quotes (a corpus table need not list every article).
    return quotes[quotes["article_id"] == article_id]


# Inline styles (not classes alone) so the marks survive Jupyter's HTML sanitiser,
# exported notebooks and e-mail; the classes are kept for anyone restyling the page.
_ARTICLE_STYLE = "font-family: Georgia, serif; line-height: 1.6; max-width: 48em"
_SMALL_STYLE = "font-family: sans-serif; font-size: 0.85em; color: #444444"
_NON_SPEECH_STYLE = "outline: 1px dotted #555555; font-style: italic"
_SWATCH_STYLE = (
    "display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; "
    "margin-right: 0.3em; border: 1px solid #555555"
)


def _speech_style(kind: str, colour: str) -> str:
    if kind == "indirect":
        return f"border-bottom: 2px dashed {colour}"
    return f"border-bottom: 2px solid {colour}; background-color: {_tint(colour)}"


def _speaker_style(colour: str) -> str:
    return f"font-weight: bold; border-bottom: 2px solid {colour}"


def _esc(value: Any) -> str:
    return html.escape("" if _missing(value) else str(value), quote=True)


def _quote_title(record: Mapping[str, Any], label: str) -> str:
    parts = [f"{record['kind']} quote" if record["kind"] in SPEECH_KINDS else record["kind"]]
    if record["kind"] in SPEECH_KINDS:
        parts.insert(0, label)
        affiliation = _text_or_none(record.get("affiliation"))
        if affiliation:
            parts[0] += f" ({affiliation})"
        cue = _text_or_none(record.get("cue"))
        if cue:
            parts.append(f"cue: {cue}")
        addressee = _text_or_none(record.get("addressee_actor")) or _text_or_none(
            record.get("addressee")
        )
        if addressee:
            parts.append(f"to: {addressee}")
    parts.append(f"offsets {int(record['start'])}-{int(record['end'])}")
    return " · ".join(parts)


def _layers(records: pd.DataFrame, colours: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Return ``(start, end, opening tag)`` for every quote and speaker mention."""
    layers = []
    marked_speakers: set[tuple[int, int]] = set()
    for record in records.to_dict("records"):
        kind = str(record["kind"])
        start, end = int(record["start"]), int(record["end"])
        if kind in SPEECH_KINDS:
            label = speaker_label(record.get("actor"), record.get("speaker"))
            colour = colours.get(label, UNRESOLVED_COLOUR)
            layers.append(
                (start, end, f'<span class="aq-q aq-{kind}" style="{_speech_style(kind, colour)}" '
                 f'data-kind="{_esc(kind)}" data-speaker="{_esc(label)}" '
                 f'title="{_esc(_quote_title(record, label))}">')
            )
            speaker_start, speaker_end = record.get("speaker_start"), record.get("speaker_end")
            if _missing(speaker_start) or _missing(speaker_end):
                continue
            mention = (int(speaker_start), int(speaker_end))
            if mention not in marked_speakers:  # one mention may introduce several quotes
                marked_speakers.add(mention)
                layers.append(
                    (int(speaker_start), int(speaker_end),
                     f'<span class="aq-speaker" style="{_speaker_style(colour)}" '
                     f'title="speaker: {_esc(label)}">')
                )
        else:
            layers.append(
                (start, end, f'<span class="aq-q aq-{_esc(kind)}" style="{_NON_SPEECH_STYLE}" '
                 f'data-kind="{_esc(kind)}" '
                 f'title="{_esc(_quote_title(record, ""))}">')
            )
    return layers


def _render_paragraph(text: str, start: int, end: int, layers: list[tuple[int, int, str]]) -> str:
    """Render ``text[start:end]`` with every layer that overlaps it, tags well nested.

    The paragraph is cut at every layer boundary; each piece is wrapped in the layers
    covering it, longest outermost, so crossing or nested spans still give valid HTML.
    """
    inside = [layer for layer in layers if layer[0] < end and layer[1] > start and layer[0] < layer[1]]
    cuts = sorted({start, end} | {max(start, min(end, b)) for s, e, _ in inside for b in (s, e)})
    pieces = []
    for left, right in pairwise(cuts):
        covering = sorted(
            (layer for layer in inside if layer[0] <= left and layer[1] >= right),
            key=lambda layer: (-(layer[1] - layer[0]), layer[0]),
        )
        body = html.escape(text[left:right], quote=False).replace("\n", "<br>\n")
        pieces.append("".join(tag for _, _, tag in covering) + body + "</span>" * len(covering))
    return "".join(pieces)


def _legend(records: pd.DataFrame, colours: Mapping[str, str]) -> str:
    speech = records[records["kind"].isin(SPEECH_KINDS)]
    counts: dict[str, int] = {}
    for actor, speaker in zip(speech["actor"], speech["speaker"], strict=True):
        label = speaker_label(actor, speaker)
        counts[label] = counts.get(label, 0) + 1
    gap = '<span style="display: inline-block; width: 1em"></span>'
    items = [
        f'<span class="aq-swatch" style="{_SWATCH_STYLE}; background-color: {colours[label]}">'
        f"</span>{_esc(label)} ({n})"
        for label, n in counts.items()
    ]
    grey = "#555555"
    kinds = [
        f'<span style="{_speech_style("direct", grey)}">shaded</span> direct or partial quote',
        f'<span style="{_speech_style("indirect", grey)}">dashed</span> indirect (reported) speech',
        f'<span style="{_NON_SPEECH_STYLE}">dotted box</span> title or scare quotes (not speech)',
        f'<span style="{_speaker_style(grey)}">bold</span> speaker as named',
    ]
    speakers = gap.join(items) if items else "no speech quotes found"
    return (
        f'<div class="aq-legend" style="{_SMALL_STYLE}; margin: 0.5em 0 1em 0">'
        f"<div><b>Speakers</b> (number of quotes): {speakers}</div>"
        f"<div><b>Marks</b>: {gap.join(kinds)}</div></div>"
    )


def _meta_line(article: Article) -> str:
    fields = [article.outlet, article.author,
              article.published.isoformat() if article.published else None]
    known = [f for f in fields if f and f != "unknown"]
    title = article.title if article.title and article.title != "unknown" else None
    heading = f"<h3>{_esc(title)}</h3>" if title else ""
    meta = ""
    if known:
        meta = f'<div class="aq-meta" style="{_SMALL_STYLE}">{_esc(" · ".join(known))}</div>'
    return heading + meta


def highlight_quotes_html(
    document: str | Article | Document,
    quotes: pd.DataFrame | Sequence[Any],
) -> str:
    """Return the article as HTML with every quote highlighted in its speaker's colour.

    Direct and partial quotes are shaded, indirect speech is underlined with a dashed
    line, both in the speaker's Okabe-Ito colour (see :func:`speaker_colours`); the
    speaker mention is bold; title and scare quotes get a dotted grey box. Hovering a
    quote shows its speaker, kind, cue, addressee and offsets. A legend lists the
    speakers with their number of quotes. All article text is HTML-escaped.

    Parameters
    ----------
    document : str, Article or Document
        The article.
    quotes : DataFrame or sequence of Quote
        Its quotes: the ``quotes`` table, matched on ``article_id`` (rows of other
        articles are ignored; an article without rows is shown without marks), or the
        records :func:`analysis.quotes.extract.extract_quotes` returns.

    Returns
    -------
    str
        A self-contained HTML fragment (show it in Jupyter with
        ``IPython.display.HTML``).

    Raises
    ------
    AnalysisError
        When a quote's offsets fall outside the article's text (quotes of another
        article given under this article's id).

    Examples
    --------
    >>> doc = as_document("“Ties <matter>,” Yoon said.")
    >>> quotes = pd.DataFrame({"article_id": ["text"], "kind": ["direct"], "start": [0],
    ...     "end": [16], "speaker": ["Yoon"], "speaker_start": [17], "speaker_end": [21],
    ...     "actor": ["Yoon Suk Yeol"]})
    >>> page = highlight_quotes_html(doc, quotes)
    >>> "“Ties &lt;matter&gt;,”</span>" in page
    True
    >>> 'data-speaker="Yoon Suk Yeol"' in page and "<matter>" not in page
    True
    """
    doc = as_document(document)
    records = _quote_records(quotes, doc.article_id)
    for name in ("actor", "speaker"):
        if name not in records.columns:
            records = records.assign(**{name: pd.NA})
    for start, end in zip(records["start"], records["end"], strict=True):
        if not 0 <= int(start) <= int(end) <= len(doc.text):
            raise AnalysisError(
                f"quote offsets {start}-{end} fall outside article {doc.article_id!r} "
                f"({len(doc.text)} characters); pass the quotes extracted from this article"
            )
    records = records.sort_values(["start", "end"], kind="stable")
    colours = speaker_colours(records)
    layers = _layers(records, colours)
    paragraphs = "\n".join(
        f'<p style="margin: 0 0 0.8em 0">{_render_paragraph(doc.text, p.start, p.end, layers)}</p>'
        for p in doc.paragraphs
    )
    return (
        f'<div class="aq-article" style="{_ARTICLE_STYLE}" '
        f'data-article-id="{_esc(doc.article_id)}">\n'
        f"{_meta_line(doc.article)}\n{_legend(records, colours)}\n{paragraphs}\n</div>\n"
    )
