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
:meth:`FigureInputs.corpus_table` those of the corpus (:attr:`FigureInputs.corpus_documents`:
the illustrative corpus when one is given, else the research articles). Captions and
titles may hold the placeholders ``{source}``, ``{corpus}``, ``{articles}`` and, for tone
figures, ``{tone_articles}`` and ``{target_articles}`` (the articles scored, and those left
out and why: :func:`describe_scored`), filled by
:meth:`FigureSpec.caption_for` (:func:`fill_placeholders`). Colours come from
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
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.cells import write_csv
from analysis.errors import AnalysisError
from analysis.figures.captions import (
    ILLUSTRATIVE_NAME,
    PLACEHOLDER_PATTERN,
    PLACEHOLDERS,
    SCORED_PLACEHOLDERS,
    SOURCE_PLACEHOLDER,
    article_source,
    describe_corpus,
    describe_scored,
    fill_placeholders,
)
from analysis.figures.fonts import hangul_font_family, quiet_fallback_font
from analysis.figures.inputs import (
    ARTICLES_SUBDIR,
    FIGURE_TABLES,
    FIGURES_INDEX_MARKER,
    ILLUSTRATIVE_SUBDIR,
    FigureInputs,
    as_inputs,
    primary_index,
)
from analysis.figures.layout import add_caption

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "ARTICLES_SUBDIR",
    "FIGURE_MODULES",
    "FIGURE_TABLES",
    "ILLUSTRATIVE_NAME",
    "ILLUSTRATIVE_SUBDIR",
    "PLACEHOLDERS",
    "SOURCE_PLACEHOLDER",
    "FigureInputs",
    "FigureSpec",
    "add_caption",
    "article_source",
    "as_inputs",
    "build_figures",
    "describe_corpus",
    "fill_placeholders",
    "new_figure",
    "primary_index",
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

Builder = Callable[[FigureInputs], "tuple[Figure, pd.DataFrame]"]


@dataclass(frozen=True, slots=True)
class FigureSpec:
    """A registered figure: file stem, title, caption with its source, and builder.

    Title and caption may hold the placeholders of :data:`PLACEHOLDERS`: ``{source}``
    (the primary article cited, :func:`article_source`), ``{corpus}`` (the corpus of
    the corpus figures described, :func:`describe_corpus`) and ``{articles}`` (the
    research articles described the same way), so a figure drawn for a researcher's
    own articles names them, not the seed; a tone figure's ``{tone_articles}`` and
    ``{target_articles}`` count only the articles it draws, and say which are left out
    (:func:`describe_scored`).
    """

    name: str
    title: str
    caption: str
    builder: Builder

    def caption_for(self, inputs: FigureInputs) -> str:
        """Return the caption with its placeholders filled in from ``inputs``.

        Examples
        --------
        >>> spec = FigureSpec("demo", "Demo", "Drawn from {articles}. {source}", print)
        >>> spec.caption_for(FigureInputs.from_documents(["A.", "B."], corpus_name="My wire"))
        'Drawn from My wire, 2 articles. Source: text#0 (outlet, author and date not given).'
        """
        return _fill_for(self.caption, inputs)

    def title_for(self, inputs: FigureInputs) -> str:
        """Return the title with its placeholders (if any) filled in from ``inputs``."""
        return _fill_for(self.title, inputs)


def _fill_for(text: str, inputs: FigureInputs) -> str:
    """Fill the placeholders ``text`` holds, computing only those it holds."""
    present = set(PLACEHOLDER_PATTERN.findall(text))
    values: dict[str, str] = {}
    if "source" in present:
        values["source"] = article_source(inputs.primary.article)
    if "corpus" in present:
        values["corpus"] = describe_corpus(inputs.corpus_documents, name=inputs.corpus_label)
    if "articles" in present:
        values["articles"] = describe_corpus(inputs.documents, name=inputs.corpus_name)
    for placeholder, (table, score, rows) in SCORED_PLACEHOLDERS.items():
        if placeholder in present:
            values[placeholder] = describe_scored(
                inputs.documents, inputs.all_articles_table(table), score, rows=rows,
                name=inputs.corpus_name)
    return fill_placeholders(text, **values)


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
        hangul = hangul_font_family()  # Korean text falls back to it (analysis.figures.fonts)
        if hangul is not None:
            matplotlib.rcParams["font.family"] = [*matplotlib.rcParams["font.family"], hangul]
        with quiet_fallback_font(hangul):  # no "findfont:" line about the intended fallback
            yield


def new_figure(nrows: int = 1, ncols: int = 1, **kwargs: object) -> tuple[Figure, object]:
    """Return a Figure (not attached to pyplot) and its axes, in the package style.

    Call it inside :func:`style_context` (builders run inside it).
    """
    from matplotlib.figure import Figure

    figure = Figure(layout="constrained", **kwargs)  # type: ignore[arg-type]
    axes = figure.subplots(nrows, ncols)
    return figure, axes




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
        with _written_as(target) as temporary, style_context():  # the style's SVG salt, dpi
            figure.savefig(temporary, format=suffix[1:], metadata=metadata)
        written.append(target)
    target = out / f"{name}.csv"
    with _written_as(target) as temporary:
        write_csv(data, temporary)  # spreadsheet-safe: formulas escaped, no control characters
    written.append(target)
    return written


@contextmanager
def _written_as(target: Path) -> Iterator[Path]:
    """Yield a temporary name for ``target``, renamed to it when the block completes.

    The name is hidden and its own to this process and call: two notebooks (or a
    notebook and ``make figures``) writing the same figure into one folder at once each
    rename their own file, the last complete one wins, and neither fails on a temporary
    file the other already renamed. A failed write leaves no temporary file behind.
    """
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


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
        add_caption(figure, spec.title_for(inputs), spec.caption_for(inputs))
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
        f"{FIGURES_INDEX_MARKER} (`make figures`); do not edit by hand.",
        "Each figure comes as PNG and SVG with the data it plots as CSV beside it.",
        "",
    ]
    for spec in specs:
        lines += [f"## {spec.name}", "", f"**{spec.title_for(inputs)}**", "", spec.caption_for(inputs), ""]
        lines += [f"Files: `{spec.name}.png`, `{spec.name}.svg`, `{spec.name}.csv`", ""]
    target = Path(out_dir) / "README.md"
    temporary = target.with_name(".README.md.tmp")
    temporary.write_text("\n".join(lines), encoding="utf-8")
    os.replace(temporary, target)
    return target


#: The former private name of :func:`add_caption` (figure modules still import it).
_add_caption = add_caption
