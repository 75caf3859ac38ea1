"""Figure machinery: one style, deterministic files, a registry of every figure.

A figure is a :class:`FigureSpec`: a name (the file stem), a title and a caption a
researcher can paste into a paper (the caption names the source), and a builder
``(FigureInputs) -> (Figure, DataFrame)`` that draws on a fresh Figure and returns the
data it plotted. :func:`save_figure` writes ``NAME.png``, ``NAME.svg`` and the data as
``NAME.csv`` side by side; the same input with the same library versions gives the
same bytes (fixed SVG hash salt, no dates in metadata, matplotlib pinned to a minor
version in ``pyproject.toml``).

Every module listed in :data:`FIGURE_MODULES` exposes a ``FIGURES`` tuple of specs;
:func:`registered_figures` collects them and :func:`build_figures` (``python -m
analysis figures``) rebuilds them all.

Builders read tables, never extract: :meth:`FigureInputs.table` gives the primary
article's tables (computed once per :class:`FigureInputs`) and
:meth:`FigureInputs.corpus_table` those of the illustrative corpus. Colours come from
:mod:`analysis.figures.palette`; speakers are coloured by
:func:`analysis.figures.speaker_colours.assign_speaker_colours` over the one quotes
table, so a speaker has the same colour in every figure of a set and in the
highlighted article (:mod:`analysis.figures.html`).

matplotlib is imported only when a figure is drawn, so the palette and the HTML view
load without it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.cells import write_csv
from analysis.errors import AnalysisError
from analysis.pipeline import TABLES, Annotation, Context
from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.document import Document, as_document, as_documents
from analysis.text.loaders import load_corpus

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "FIGURE_MODULES",
    "FIGURE_TABLES",
    "FigureInputs",
    "FigureSpec",
    "article_source",
    "as_inputs",
    "build_figures",
    "new_figure",
    "registered_figures",
    "save_figure",
    "style_context",
]

#: Modules whose ``FIGURES`` tuples make up the registry, in build order.
FIGURE_MODULES: tuple[str, ...] = (
    "analysis.figures.structure",
    "analysis.figures.quotes",
    "analysis.figures.sectors",
    "analysis.figures.sentiment",
    "analysis.figures.corpus",
)

#: Where research articles live below the raw-data folder, and the hand-written
#: illustrative corpus (labelled as such in every caption that uses it).
ARTICLES_SUBDIR = "articles"
ILLUSTRATIVE_SUBDIR = "illustrative"


#: Tables a builder may ask for: every table of the one annotation pass
#: (:data:`analysis.pipeline.TABLES`, names as in :mod:`analysis.schemas`) plus
#: ``structure`` (sentences and paragraphs, from the Document alone).
FIGURE_TABLES: tuple[str, ...] = (*TABLES, "structure")


@dataclass(frozen=True)
class FigureInputs:
    """What figure builders read: the raw-data folder, loaded lazily and once.

    Parameters
    ----------
    raw_dir : path
        The project's ``data/raw`` folder: research articles in ``articles/`` (the
        first in sorted order is the *primary* article, the seed by default) and a
        small hand-written corpus in ``illustrative/``.
    context : Context, optional
        Registry, taxonomy and corrections of the one annotation pass every table is a
        view of (:class:`analysis.pipeline.Context`; default: the shipped data).
    """

    raw_dir: Path = field(default_factory=lambda: Path("data/raw"))
    context: Context = field(default_factory=Context)
    _tables: dict[tuple[str, str], pd.DataFrame] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _annotations: dict[int, Annotation] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        """Every research article as a Document, in sorted path order."""
        return tuple(as_document(a) for a in self._load(ARTICLES_SUBDIR))

    @property
    def primary(self) -> Document:
        """The primary research article (the first in ``articles/``)."""
        if not self.documents:
            raise AnalysisError(
                f"no articles found; put at least one article in {self.raw_dir / ARTICLES_SUBDIR}",
                self.raw_dir,
            )
        return self.documents[0]

    @cached_property
    def illustrative(self) -> tuple[Document, ...]:
        """The hand-written illustrative corpus as Documents (may be empty)."""
        return tuple(as_document(a) for a in self._load(ILLUSTRATIVE_SUBDIR))

    @classmethod
    def from_documents(
        cls,
        documents: Iterable[Article | Document | str],
        illustrative: Iterable[Article | Document | str] = (),
        context: Context | None = None,
    ) -> FigureInputs:
        """Build inputs from articles already loaded, e.g. a notebook's own corpus.

        The first of ``documents`` becomes the primary article, so every registered
        figure can be drawn for a researcher's own articles instead of ``data/raw``.

        Parameters
        ----------
        documents : iterable of Article, Document or str
            The research articles, primary first.
        illustrative : iterable of Article, Document or str, optional
            A corpus for the corpus-level figures (default: none).
        context : Context, optional
            Registry, taxonomy and corrections (default: the shipped data).

        Examples
        --------
        >>> inputs = FigureInputs.from_documents(["NATO met in Vilnius. Korea joined."])
        >>> len(inputs.primary.sentences)
        2
        """
        inputs = cls(raw_dir=Path("."), context=context if context is not None else Context())
        # cached_property keeps its value in the instance dict: fill it in advance.
        inputs.__dict__["documents"] = tuple(as_documents(list(documents)))
        inputs.__dict__["illustrative"] = tuple(as_documents(list(illustrative)))
        return inputs

    def table(self, name: str) -> pd.DataFrame:
        """Return table ``name`` of the primary article, computed once and cached.

        Parameters
        ----------
        name : str
            A table of :mod:`analysis.schemas`: ``quotes``, ``sentences``, ``targets``,
            ``quote_sentiment``, ``sectors``, ``programme_statements``, ``actors``,
            ``articles`` or ``structure``.

        Returns
        -------
        DataFrame
            A copy of the cached table (a builder may change it freely).

        Raises
        ------
        AnalysisError
            For an unknown table name, or when there is no article.

        Examples
        --------
        >>> inputs = FigureInputs.from_documents(["“We agree,” Stoltenberg said."])
        >>> inputs.table("quotes")[["kind", "actor"]].values.tolist()
        [['direct', 'Jens Stoltenberg']]
        >>> inputs.table("quotes") is inputs.table("quotes")  # copies of one cached table
        False
        """
        return self._cached("primary", name, (self.primary,)).copy()

    def all_articles_table(self, name: str) -> pd.DataFrame:
        """Return table ``name`` over every research article (:attr:`documents`), cached.

        A notebook's tables: each article is annotated once, shared with the figures.

        Examples
        --------
        >>> inputs = FigureInputs.from_documents(["“We agree,” Yoon said.", "NATO met."])
        >>> inputs.all_articles_table("actors")["actor"].tolist()
        ['Yoon Suk Yeol', 'NATO']
        """
        return self._cached("documents", name, self.documents).copy()

    def corpus_table(self, name: str) -> pd.DataFrame:
        """Return table ``name`` over the illustrative corpus, computed once and cached.

        Examples
        --------
        >>> inputs = FigureInputs.from_documents(["x"], illustrative=["Cyber defence."])
        >>> inputs.corpus_table("sectors")["sector"].tolist()
        ['cyber-defence']
        """
        return self._cached("illustrative", name, self.illustrative).copy()

    def _cached(self, scope: str, name: str, documents: Sequence[Document]) -> pd.DataFrame:
        key = (scope, name)
        if key not in self._tables:
            self._tables[key] = self._build(scope, name, list(documents))
        return self._tables[key]

    def _build(self, scope: str, name: str, documents: list[Document]) -> pd.DataFrame:
        """Build one table as a view of each document's one annotation (shared by tables)."""
        if name not in FIGURE_TABLES:
            raise AnalysisError(
                f"unknown table {name!r} for a figure; known: {', '.join(sorted(FIGURE_TABLES))}"
            )
        rows: list[dict] = []
        for document in documents:
            # keyed by the Document itself, so the primary article is annotated once
            # whether a builder asks for its table or for every article's
            key = id(document)
            if key not in self._annotations:
                self._annotations[key] = Annotation(document, self.context)
            rows.extend(self._annotations[key].rows(name))
        return conform(rows, name)

    def _load(self, subdir: str) -> list[Article]:
        folder = Path(self.raw_dir) / subdir
        if not folder.is_dir():
            return []
        return list(load_corpus(folder))


def as_inputs(
    source: FigureInputs | Document | Article | str, context: Context | None = None
) -> FigureInputs:
    """Return the :class:`FigureInputs` a notebook helper draws from.

    ``source`` is inputs already built (their tables, annotated once, are reused; then
    ``context`` must be None) or one article, annotated with ``context``.

    Examples
    --------
    >>> inputs = FigureInputs.from_documents(["NATO met."])
    >>> as_inputs(inputs) is inputs, as_inputs("NATO met.").primary.text
    (True, 'NATO met.')
    """
    if isinstance(source, FigureInputs):
        if context is not None:
            raise ValueError("give the context to FigureInputs.from_documents, not here")
        return source
    return FigureInputs.from_documents([source], context=context)


Builder = Callable[[FigureInputs], "tuple[Figure, pd.DataFrame]"]


@dataclass(frozen=True, slots=True)
class FigureSpec:
    """A registered figure: file stem, title, caption with its source, and builder.

    A caption may hold the placeholder ``{source}``: it is replaced by the citation
    of the primary article (:func:`article_source`), so a figure drawn for a
    researcher's own article names that article, not the seed.
    """

    name: str
    title: str
    caption: str
    builder: Builder

    def caption_for(self, inputs: FigureInputs) -> str:
        """Return the caption with ``{source}``, ``{corpus}`` and ``{articles}`` filled in."""
        caption = self.caption
        if SOURCE_PLACEHOLDER in caption:
            caption = caption.replace(SOURCE_PLACEHOLDER, article_source(inputs.primary.article))
        # fig's stand-in for the contract until nb's FigureInputs lands (take nb's at merge)
        if "{corpus}" in caption:
            illustrative = bool(inputs.illustrative)
            corpus = inputs.illustrative if illustrative else inputs.documents
            caption = caption.replace("{corpus}", _describe(corpus, illustrative))
        if "{articles}" in caption:
            caption = caption.replace("{articles}", _describe(inputs.documents, False))
        return caption


def _describe(documents: Sequence[Document], illustrative: bool) -> str:
    """Describe a corpus for a caption: name, article count, outlets and date range."""
    n = len(documents)
    count = f"{n} article" + ("" if n == 1 else "s")
    head = f"the hand-written illustrative corpus (not real news), {count}" if illustrative \
        else count
    outlets = sorted({d.article.outlet for d in documents if d.article.outlet})
    dates = sorted(d.article.published for d in documents if d.article.published)
    parts = [head]
    if outlets:
        parts.append("from " + ", ".join(outlets))
    if dates:
        first, last = (f"{d.day} {d:%B %Y}" for d in (dates[0], dates[-1]))
        parts.append(first if first == last else f"{first} to {last}")
    return ", ".join(parts) + "."


#: Placeholder in captions for the citation of the primary article.
SOURCE_PLACEHOLDER = "{source}"


def article_source(article: Article) -> str:
    """Cite an article for a caption: outlet, author, date, title and article_id.

    Unknown fields are left out, never guessed.

    Examples
    --------
    >>> import datetime as dt
    >>> a = Article("seed.txt", "Yoon met.", outlet="Korea JoongAng Daily",
    ...             author="Sarah Kim", published=dt.date(2023, 7, 11))
    >>> article_source(a)
    'Source: Korea JoongAng Daily (Sarah Kim), 11 July 2023 [article seed.txt].'
    >>> article_source(Article("notes.txt", "Yoon met."))
    'Source: notes.txt (outlet, author and date not given).'
    """
    who = article.outlet or ""
    if article.author:
        who = f"{who} ({article.author})" if who else article.author
    parts = [who] if who else []
    if article.published:
        parts.append(f"{article.published.day} {article.published:%B %Y}")
    if article.title:
        parts.append(f"\u201c{article.title}\u201d")
    if not parts:
        return f"Source: {article.article_id} (outlet, author and date not given)."
    return f"Source: {', '.join(parts)} [article {article.article_id}]."


@contextmanager
def style_context() -> Iterator[None]:
    """Apply the package's figure style (``resources/figures/analysis.mplstyle``) in a block.

    Its colour cycle is :data:`analysis.figures.palette.CATEGORICAL` (a test checks).

    Examples
    --------
    >>> with style_context():
    ...     import matplotlib
    ...     matplotlib.rcParams["svg.hashsalt"]
    'analysis'
    """
    import matplotlib
    import matplotlib.style

    style = resources.files("analysis").joinpath("resources", "figures/analysis.mplstyle")
    with resources.as_file(style) as style_path, matplotlib.rc_context():
        matplotlib.style.use(str(style_path))
        yield


def new_figure(nrows: int = 1, ncols: int = 1, **kwargs: object) -> tuple[Figure, object]:
    """Return a Figure (not attached to pyplot) and its axes, in the package style.

    Call it inside :func:`style_context` (builders run inside it).
    """
    from matplotlib.figure import Figure

    figure = Figure(layout="constrained", **kwargs)  # type: ignore[arg-type]
    axes = figure.subplots(nrows, ncols)
    return figure, axes


def _add_caption(figure: Figure, title: str, caption: str) -> None:
    from analysis.figures.layout import add_caption  # wrapped to the figure's width

    add_caption(figure, title, caption)


def save_figure(
    figure: Figure,
    data: pd.DataFrame,
    out_dir: str | os.PathLike[str],
    name: str,
) -> list[Path]:
    """Write ``NAME.png``, ``NAME.svg`` and ``NAME.csv`` deterministically.

    Each file is written to a temporary name and renamed, so a crash never leaves a
    half-written figure. The CSV is spreadsheet-safe (:func:`analysis.cells.write_csv`:
    control characters replaced by U+FFFD, text cells that start like a formula get a
    leading ``'``; numbers are written as they are).

    Returns
    -------
    list of Path
        The three files written.

    Examples
    --------
    >>> import tempfile
    >>> with style_context():
    ...     fig, ax = new_figure()
    ...     _ = ax.bar(["a", "b"], [1, 2])
    ...     paths = save_figure(fig, pd.DataFrame({"x": ["a", "b"], "y": [1, 2]}),
    ...                         tempfile.mkdtemp(), "demo")
    >>> [p.name for p in paths]
    ['demo.png', 'demo.svg', 'demo.csv']
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, metadata in ((".png", {"Software": None}), (".svg", {"Date": None, "Creator": None})):
        target = out / f"{name}{suffix}"
        temporary = target.with_name(f".{target.name}.tmp")
        with style_context():  # the style's SVG hash salt and dpi apply when saving
            figure.savefig(temporary, format=suffix[1:], metadata=metadata)
        os.replace(temporary, target)
        written.append(target)
    target = out / f"{name}.csv"
    temporary = target.with_name(f".{target.name}.tmp")
    write_csv(data, temporary)  # spreadsheet-safe: formulas escaped, no control characters
    os.replace(temporary, target)
    written.append(target)
    return written


def registered_figures() -> tuple[FigureSpec, ...]:
    """Return every registered figure, in build order.

    Examples
    --------
    >>> "article-structure" in [spec.name for spec in registered_figures()]
    True
    """
    specs: list[FigureSpec] = []
    for module_name in FIGURE_MODULES:
        specs.extend(importlib.import_module(module_name).FIGURES)
    names = [spec.name for spec in specs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise RuntimeError(f"figure names registered twice: {', '.join(duplicates)}")
    return tuple(specs)


def render(spec: FigureSpec, inputs: FigureInputs) -> tuple[Figure, pd.DataFrame]:
    """Build one figure in the package style, with its title and caption."""
    with style_context():
        figure, data = spec.builder(inputs)
        _add_caption(figure, spec.title, spec.caption_for(inputs))
    return figure, data


def build_figures(
    inputs: FigureInputs,
    out_dir: str | os.PathLike[str],
    names: Sequence[str] | None = None,
) -> list[Path]:
    """Rebuild the registered figures (all, or those named) into ``out_dir``.

    Also writes ``out_dir/README.md``, an index of every figure with its caption.
    """
    specs = registered_figures()
    if names:
        unknown = sorted(set(names) - {s.name for s in specs})
        if unknown:
            raise AnalysisError(
                f"unknown figure(s) {', '.join(unknown)}; see `python -m analysis figures --list`"
            )
        specs = tuple(s for s in specs if s.name in names)
    written: list[Path] = []
    for spec in specs:
        figure, data = render(spec, inputs)
        written.extend(save_figure(figure, data, out_dir, spec.name))
    if not names:
        written.append(_write_index(registered_figures(), inputs, out_dir))
    return written


def _write_index(
    specs: Iterable[FigureSpec], inputs: FigureInputs, out_dir: str | os.PathLike[str]
) -> Path:
    lines = [
        "# Figures",
        "",
        "Generated by `python -m analysis figures` (`make figures`); do not edit by hand.",
        "Each figure comes as PNG and SVG with the data it plots as CSV beside it.",
        "",
    ]
    for spec in specs:
        lines += [f"## {spec.name}", "", f"**{spec.title}**", "", spec.caption_for(inputs), ""]
        lines += [f"Files: `{spec.name}.png`, `{spec.name}.svg`, `{spec.name}.csv`", ""]
    target = Path(out_dir) / "README.md"
    temporary = target.with_name(".README.md.tmp")
    temporary.write_text("\n".join(lines), encoding="utf-8")
    os.replace(temporary, target)
    return target
