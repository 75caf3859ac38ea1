"""The evidence page: articles with every quote, sector and tone marked, and tables that link to them.

:func:`evidence_page` annotates each article once (:func:`analysis.pipeline.annotate`)
and returns an :class:`EvidencePage`: one section per article with its metadata, a
legend, the text with quotes coloured by speaker (the colours of the figures,
:func:`~analysis.figures.speaker_colours.assign_speaker_colours` over the page's quotes),
sector mentions and programme lists marked, each sentence's tone on hover and in the
margin (:mod:`analysis.figures.evidence_text`), then the tables of quotes, sectors,
sentences' tone and programme statements, each row linking to its place in the text
(:mod:`analysis.figures.evidence_tables`).

The page is standalone and accessible: one HTML file with its CSS inline, no script,
no font, image or link to load (a Content-Security-Policy forbids any); ``lang``
attribute, a skip link, semantic headings, table headers with ``scope``, a legend that
names every colour in words, dark text on pale tints (WCAG AA), and anchors that work
without JavaScript. Everything taken from an article (id, title, outlet, author,
metadata, text, speaker names) is HTML-escaped, so an article holding
``<script>`` shows it as text.

``python -m analysis show FILE --html --out PAGE.html`` writes it; in a notebook the
page object shows itself (``_repr_html_``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis._resources import read_text
from analysis.errors import AnalysisError
from analysis.figures.evidence_tables import evidence_tables_html
from analysis.figures.evidence_text import Anchors, article_text_html, esc
from analysis.figures.marking import speech_style
from analysis.figures.palette import NEUTRAL_MARK
from analysis.figures.speaker_colours import (
    OTHERS_LABEL,
    UNRESOLVED_LABEL,
    SpeakerColours,
    assign_speaker_colours,
)
from analysis.pipeline import Annotation, Context, annotate
from analysis.quotes.speakers import SPEECH_KINDS, speaker_label
from analysis.text.articles import Article
from analysis.text.document import Document, TextLike, as_documents

__all__ = ["EVIDENCE_TABLES", "EvidencePage", "evidence_page", "write_evidence_page"]

#: The tables the page shows for each article, in order.
EVIDENCE_TABLES: tuple[str, ...] = ("quotes", "sectors", "sentences", "programme_statements")
#: No network: the page may load nothing but its own inline styles.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"
#: Words for the colour a group of speakers shares, in the legend.
_GROUP_WORDS = {OTHERS_LABEL: "the other speakers (more than the palette holds)",
                UNRESOLVED_LABEL: "\u201cunattributed\u201d in the figures: speakers not "
                                  "resolved to a named person or organisation, and anonymous "
                                  "sources"}

Articles = TextLike | Annotation | Iterable[TextLike | Annotation]


@dataclass(frozen=True, slots=True)
class EvidencePage:
    """An evidence page: its title, its body and its style.

    Attributes
    ----------
    title : str
        The page title (plain text).
    body : str
        The page's content: a ``<div class="ev-page">`` (escaped HTML).
    css : str
        The style sheet, every rule scoped to ``.ev-page``.
    """

    title: str
    body: str
    css: str

    @property
    def html(self) -> str:
        """The standalone HTML document."""
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(self.title)}</title>\n<style>\n{self.css}</style>\n</head>\n"
            f"<body>\n{self.body}\n</body>\n</html>\n"
        )

    def fragment(self) -> str:
        """Return the page as one element to embed (a notebook cell's output)."""
        return f"<style>\n{self.css}</style>\n{self.body}"

    def _repr_html_(self) -> str:
        return self.fragment()

    def __str__(self) -> str:
        return self.html

    def write(self, path: str | os.PathLike[str]) -> Path:
        """Write the standalone page to ``path`` (UTF-8) and return the path.

        Raises
        ------
        AnalysisError
            When the folder does not exist or the file cannot be written.
        """
        target = Path(path)
        if not target.parent.is_dir():
            raise AnalysisError("the folder of the page does not exist; create it first",
                                target)
        try:
            target.write_text(self.html, encoding="utf-8")
        except OSError as error:
            raise AnalysisError(f"cannot write the page ({error.strerror})", target) from None
        return target


def _annotations(articles: Articles, context: Context | None) -> list[Annotation]:
    if isinstance(articles, Annotation):
        return [articles]
    if isinstance(articles, str | Article | Document):
        articles = [articles]
    found = []
    for item in articles:
        if isinstance(item, Annotation):
            found.append(item)
        else:
            found.extend(annotate(doc, context) for doc in as_documents(item))
    return found


def _known(value: Any) -> str | None:
    text = None if value is None else str(value).strip()
    return text if text and text.lower() != "unknown" else None


def _heading(article: Article) -> str:
    """Return what names an article: its title, else its outlet, author and date, else its id."""
    if _known(article.title):
        return str(_known(article.title))
    cited = [_known(article.outlet), _known(article.author),
             article.published.isoformat() if article.published else None]
    return ", ".join(part for part in cited if part) or article.article_id


def _meta(article: Article) -> str:
    fields = [("Article id", article.article_id), ("Outlet", _known(article.outlet)),
              ("Author", _known(article.author)),
              ("Published", article.published.isoformat() if article.published else None),
              ("Address", _known(article.url)), ("Language", _known(article.language))]
    fields += [(str(key), _known(value)) for key, value in article.metadata.items()]
    items = "".join(f"<dt>{esc(name)}</dt><dd>{esc(value)}</dd>"
                    for name, value in fields if value)
    return f'<dl class="ev-meta">{items}</dl>'


def _speaker_legend(quotes: pd.DataFrame, colours: SpeakerColours) -> str:
    speech = quotes[quotes["kind"].isin(SPEECH_KINDS)]
    counts: dict[str, int] = {}
    for actor, speaker in zip(speech["actor"], speech["speaker"], strict=True):
        label = speaker_label(actor, speaker)
        counts[label] = counts.get(label, 0) + 1
    if not counts:
        return "<p>No speech quotes found.</p>"
    ordered = [label for label in colours if label in counts]
    ordered += [label for label in counts if label not in ordered]
    items = []
    for label in ordered:
        group = colours.group(label)
        shared = "" if group == label else (
            f" (colour of {_GROUP_WORDS.get(group, f'the group {esc(group)}')})")
        swatch = (f'<span class="ev-swatch" style="background-color: {colours.colour(label)}" '
                  'aria-hidden="true"></span>')
        number = counts[label]
        items.append(f'<li data-speaker="{esc(label)}">{swatch}{esc(label)}: {number} '
                     f"quote{'s' if number != 1 else ''}{shared}</li>")
    return f'<ul aria-label="speakers">{"".join(items)}</ul>'


def _marks_legend() -> str:
    grey = NEUTRAL_MARK
    samples = [
        f'<span class="ev-q" style="{speech_style("direct", grey)}">shaded</span> '
        "direct or partial quote, in its speaker's colour",
        f'<span class="ev-q" style="{speech_style("indirect", grey)}">dashed</span> '
        "indirect (reported) speech",
        '<span class="ev-speaker">bold</span> the speaker as named',
        '<span class="ev-nonspeech">dotted box</span> title or scare quotes (not speech)',
        '<mark class="ev-sector">boxed</mark> sector mention',
        '<mark class="ev-sector ev-listed">bold box</mark> item of a programme\'s list of areas',
        '<span class="ev-programme">dotted overline</span> programme statement',
    ]
    items = "".join(f"<li>{sample}</li>" for sample in samples)
    return (f'<ul aria-label="marks">{items}</ul><p>Hover a sentence for its tone. The '
            "margin gives each sentence's tone (▲ positive, ● neutral, ▼ negative: VADER "
            "compound score) and links to its row in the tables; each row links back to "
            "its place in the text.</p>")


def _section(annotation: Annotation, position: int, colours: SpeakerColours) -> str:
    doc = annotation.document
    anchors = Anchors.of(position, doc.article_id)
    tables = {name: annotation.frame(name) for name in EVIDENCE_TABLES}
    # one article: its speakers keep the page's colours and take the free ones
    colours = colours.within(tables["quotes"], registry=annotation.context.registry)
    heading = _heading(doc.article)
    language = _known(doc.article.language)
    lang = f' lang="{esc(language)}"' if language else ""
    text = (article_text_html(doc, tables, colours, anchors) if doc.paragraphs
            else "<p>The article holds no text.</p>")
    links = " · ".join(
        f'<a href="#{anchors.part(name)}">{name.replace("_", " ")} ({len(tables[name])})</a>'
        for name in EVIDENCE_TABLES)
    return (
        f'<section class="ev-section" id="{anchors.prefix}" '
        f'aria-labelledby="{anchors.part("title")}" data-article-id="{esc(doc.article_id)}">\n'
        f'<h2 id="{anchors.part("title")}">{esc(heading)}</h2>\n{_meta(doc.article)}\n'
        f'<p class="ev-intro">Tables: {links}</p>\n'
        f'<h3 id="{anchors.part("legend")}">Legend</h3>\n<div class="ev-legend">{_speaker_legend(tables["quotes"], colours)}'
        f"{_marks_legend()}</div>\n"
        f'<h3 id="{anchors.part("text")}">Article text</h3>\n<div{lang}>{text}</div>\n'
        f"<h3>Tables</h3>\n{evidence_tables_html(tables, colours, anchors)}\n</section>"
    )


def _page_title(annotations: list[Annotation]) -> str:
    if len(annotations) == 1:
        return f"Evidence: {_heading(annotations[0].document.article)}"
    return f"Evidence: {len(annotations)} articles"


def _contents(annotations: list[Annotation]) -> str:
    if len(annotations) < 2:
        return ""
    items = "".join(
        f'<li><a href="#{Anchors.of(n, a.article_id).prefix}">'
        f"{esc(_heading(a.document.article))}</a></li>"
        for n, a in enumerate(annotations, start=1))
    return f'<nav aria-label="articles"><h2>Articles</h2><ol>{items}</ol></nav>'


def evidence_page(
    articles: Articles,
    *,
    context: Context | None = None,
    title: str | None = None,
    colours: SpeakerColours | None = None,
) -> EvidencePage:
    """Return the evidence page of one article or many.

    Parameters
    ----------
    articles : str, Article, Document or Annotation, or many of them
        The articles, one section each, in order (an annotation is used as it is).
    context : Context, optional
        Registry, taxonomy and corrections for the articles not yet annotated (the
        ``--actors-csv``, ``--taxonomy`` and ``--overrides`` of the CLI).
    title : str, optional
        The page title (default: "Evidence: " and the article's title, else its outlet,
        author and date, else its id; or the number of articles).
    colours : SpeakerColours, optional
        The speakers' colours (default: assigned over the quotes of every article of
        the page). Each article's section narrows them to its speakers
        (:meth:`~analysis.figures.speaker_colours.SpeakerColours.within`): a speaker
        keeps its colour, and the article's other speakers take the colours left free,
        so an article with a few speakers shows them all in colours.

    Returns
    -------
    EvidencePage
        ``.html`` is the standalone document (:meth:`EvidencePage.write` saves it); in a
        notebook the object shows itself.

    Raises
    ------
    AnalysisError
        When there is no article to show.

    Examples
    --------
    >>> page = evidence_page(Article(article_id="x<1>", title="<b>Ties</b>",
    ...     text="“We agree,” Yoon said. NATO named cyber defence."))
    >>> "<title>Evidence: &lt;b&gt;Ties&lt;/b&gt;</title>" in page.html
    True
    >>> 'id="a1_x-1_q0"' in page.html and 'href="#a1_x-1_q0"' in page.html
    True
    >>> "<script" in page.html or "://" in page.html
    False
    """
    annotations = _annotations(articles, context)
    if not annotations:
        raise AnalysisError("no articles to show; give an article file or a folder holding some")
    if colours is None:
        colours = assign_speaker_colours(
            pd.concat([a.frame("quotes") for a in annotations], ignore_index=True))
    title = title or _page_title(annotations)
    sections = "\n".join(_section(a, n, colours) for n, a in enumerate(annotations, start=1))
    count = len(annotations)
    body = (
        '<div class="ev-page" lang="en">\n<a class="ev-skip" href="#ev-main">Skip to the articles</a>\n'
        f'<header><h1>{esc(title)}</h1>\n<p class="ev-intro">{count} article'
        f"{'s' if count != 1 else ''}, read by the <code>analysis</code> package: every mark "
        "in the text is a row of the tables below, found in one pass over the article. "
        "Offsets are character positions in the article text.</p>\n"
        f"{_contents(annotations)}</header>\n"
        f'<main id="ev-main" tabindex="-1">\n{sections}\n</main>\n</div>'
    )
    return EvidencePage(title=title, body=body, css=read_text("html/evidence.css"))


def write_evidence_page(
    articles: Articles,
    path: str | os.PathLike[str],
    *,
    context: Context | None = None,
    title: str | None = None,
    colours: SpeakerColours | None = None,
) -> Path:
    """Write the evidence page of ``articles`` to ``path``; see :func:`evidence_page`.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> path = write_evidence_page("“We agree,” Yoon said.", Path(folder) / "page.html")
    >>> path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    return evidence_page(articles, context=context, title=title, colours=colours).write(path)

