"""A notebook's run: its parameters resolved, its articles read, its figures saved.

Every notebook starts the same way: :func:`open_run` takes the parameter cell's values
(paths by the rule of :mod:`analysis.notebook.paths`), reads the articles listing and
skipping each file that cannot be read (:func:`load_documents`, the one place that
does it), builds the one annotation context and the
:class:`~analysis.figures.FigureInputs` every table and figure of the notebook shares,
with the article the per-article figures show. :func:`show_figure` draws a registered
figure for that run, saves it to the run's ``out_dir`` and returns it for display.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.overrides import warn_unknown_articles
from analysis.errors import AnalysisError
from analysis.figures import (
    FigureInputs,
    add_caption,
    fill_placeholders,
    registered_figures,
    render,
    save_figure,
    style_context,
)
from analysis.notebook.caveats import ReadWarning, listing_warnings, not_english_warnings
from analysis.notebook.markdown import MarkdownText, escape_markdown, format_markdown
from analysis.notebook.paths import PathLike, output_dir, project_root, resolve_paths
from analysis.pipeline import Context
from analysis.text.document import Document, as_document
from analysis.text.loaders import load_corpus

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "ILLUSTRATIVE_INPUT",
    "SEED_SHA256",
    "LoadedArticles",
    "NotebookRun",
    "ShownFigure",
    "code_span",
    "finish_figure",
    "is_illustrative_input",
    "is_seed_corpus",
    "load_documents",
    "open_run",
    "problems_markdown",
    "seed_markdown",
    "show_figure",
]

#: SHA-256 of the seed article's text with its whitespace folded to single spaces
#: (Korea JoongAng Daily, Sarah Kim, 11 July 2023, in data/raw/articles/): prose written
#: for the seed shows only when a notebook reads exactly that text.
SEED_SHA256 = "0ff2c49a255ce457af85d5109da10a7bad66b94bff27dec338dbec0850359092"
#: The hand-written illustrative corpus, below the project root.
ILLUSTRATIVE_INPUT = Path("data") / "raw" / "illustrative"
#: How many problems :func:`problems_markdown` lists before counting the rest.
MAX_PROBLEMS_LISTED = 50


def code_span(text: object) -> str:
    """Return ``text`` as a Markdown code span: shown literally (backticks dropped).

    Examples
    --------
    >>> code_span("in/<b>*.txt")
    '`in/<b>*.txt`'
    """
    return "`" + str(text).replace("`", "'").replace("\n", " ") + "`"


def _text_digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def is_seed_corpus(documents: Sequence[Document]) -> bool:
    """Return whether ``documents`` is the seed article alone (by its text, not its name).

    Seed-specific prose in the notebooks ("the article names 5 of the 11 areas") is
    shown only then (:func:`seed_markdown`).

    Examples
    --------
    >>> is_seed_corpus([as_document("NATO met in Vilnius.")])
    False
    >>> is_seed_corpus([])
    False
    """
    return len(documents) == 1 and _text_digest(documents[0].text) == SEED_SHA256


def seed_markdown(documents: Sequence[Document], template: str, **values: object) -> MarkdownText:
    """Return Markdown written for the seed article, or nothing for any other input.

    ``template`` is filled by :func:`~analysis.notebook.markdown.format_markdown`
    (values escaped), so numbers in seed prose can still come from the tables.

    Examples
    --------
    >>> seed_markdown([as_document("Other news.")], "The seed names **{n}** areas.", n=5)
    ''
    """
    if not is_seed_corpus(documents):
        return MarkdownText("")
    return format_markdown(template, **values)


def is_illustrative_input(paths: Sequence[PathLike], root: PathLike | None = None) -> bool:
    """Return whether the inputs are exactly the hand-written illustrative corpus.

    Examples
    --------
    >>> is_illustrative_input(resolve_paths(["data/raw/illustrative"]))
    True
    >>> is_illustrative_input(resolve_paths(["data/raw/articles"]))
    False
    """
    base = Path(root) if root is not None else project_root()
    wanted = (base / ILLUSTRATIVE_INPUT).resolve()
    return len(paths) == 1 and Path(paths[0]).resolve() == wanted


@dataclass(frozen=True, slots=True)
class LoadedArticles:
    """What :func:`load_documents` read: the documents, each problem, each caveat."""

    documents: tuple[Document, ...]
    problems: tuple[AnalysisError, ...]
    warnings: tuple[ReadWarning, ...] = ()

    def _repr_markdown_(self) -> str:
        return problems_markdown(self.problems, n_documents=len(self.documents),
                                 warnings=self.warnings)


def load_documents(paths: Iterable[PathLike]) -> LoadedArticles:
    """Read every article of ``paths``; list and skip every file or record that fails.

    The one loading step of every notebook: a bad file never stops a notebook, and is
    never skipped unseen (:func:`problems_markdown` lists them).

    Raises
    ------
    AnalysisError
        When no article at all could be read (the message names the inputs).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("NATO met in Vilnius.")
    >>> _ = (root / "bad.json").write_text("{oops")
    >>> loaded = load_documents([root])
    >>> [d.article_id for d in loaded.documents], len(loaded.problems)
    (['a.txt'], 1)

    A file read with a caveat (bytes that are not UTF-8) and an article not in English
    are read, and each is a row of :attr:`LoadedArticles.warnings`, not a warning:

    >>> _ = (root / "b.txt").write_bytes("Caf\xe9 talks in Vilnius.".encode("cp1252"))
    >>> [row.message.endswith("if accented letters look wrong.")
    ...  for row in load_documents([root / "b.txt"]).warnings]
    [True]
    """
    paths = list(paths)
    problems: list[AnalysisError] = []
    with listing_warnings() as notes:
        documents = tuple(as_document(a) for a in load_corpus(paths, on_error=problems.append))
    notes += not_english_warnings(documents)
    if not documents:
        listed = ", ".join(str(p) for p in paths) or "no input given"
        detail = f"; problems: {'; '.join(str(p) for p in problems)}" if problems else ""
        raise AnalysisError(f"no article could be read from {listed}{detail}; "
                            "check input_paths (files or folders of .txt, .json, .jsonl, .csv)")
    return LoadedArticles(documents, tuple(problems), tuple(notes))


def problems_markdown(
    problems: Sequence[AnalysisError] | pd.DataFrame, n_documents: int | None = None,
    warnings: Sequence[ReadWarning] = (),
) -> MarkdownText:
    """List the files and records that could not be read, and caveats, as Markdown (escaped).

    Parameters
    ----------
    problems : sequence of AnalysisError, or DataFrame
        From :func:`load_documents`, or a corpus run's ``errors`` table (columns
        ``path``, ``article_id``, ``error``, ``message``).
    n_documents : int, optional
        How many articles were read, for the opening line.
    warnings : sequence of ReadWarning
        Caveats about articles that were read (:attr:`LoadedArticles.warnings`: text
        decoding, a language other than English), listed after the problems.

    Examples
    --------
    >>> print(problems_markdown([AnalysisError("not JSON; fix it", "in/bad*.json")], 2))
    2 articles read; 1 file or record could not be read and is left out:
    <BLANKLINE>
    - `in/bad*.json`: not JSON; fix it
    >>> print(problems_markdown([], 1))
    1 article read; every file could be read.
    >>> print(problems_markdown([], 1, [ReadWarning("k", "language 'ko' is not English")]))
    1 article read; every file could be read.
    <BLANKLINE>
    1 article or file was read with a caveat:
    <BLANKLINE>
    - `k`: language 'ko' is not English
    """
    if isinstance(problems, pd.DataFrame):
        rows = [(None if pd.isna(r.get("path")) else str(r.get("path")),
                 f"{r.get('error')}: {r.get('message')}") for r in problems.to_dict("records")]
    else:
        rows = [(p.path, getattr(p, "reason", str(p))) for p in problems]
    opening = "" if n_documents is None else (
        f"{n_documents:,} article{'s' if n_documents != 1 else ''} read; ")
    if not rows:
        lines = [f"{opening}every file could be read."]
    else:
        noun = "file or record" if len(rows) == 1 else "files or records"
        verb = "is" if len(rows) == 1 else "are"
        lines = [f"{opening}{len(rows):,} {noun} could not be read and {verb} left out:", ""]
        lines += _bullets(rows)
    if warnings:
        noun = "article or file was" if len(warnings) == 1 else "articles or files were"
        lines += ["", f"{len(warnings):,} {noun} read with a caveat:", ""]
        lines += _bullets([(w.where, w.message) for w in warnings])
    return MarkdownText("\n".join(lines))


def _bullets(rows: Sequence[tuple[str | None, str]]) -> list[str]:
    lines = []
    for path, message in rows[:MAX_PROBLEMS_LISTED]:
        where = f"{code_span(path)}: " if path else ""
        lines.append(f"- {where}{escape_markdown(message)}")
    if len(rows) > MAX_PROBLEMS_LISTED:
        lines.append(f"- ... and {len(rows) - MAX_PROBLEMS_LISTED:,} more")
    return lines


@dataclass(frozen=True, slots=True)
class NotebookRun:
    """One notebook's inputs, resolved and read; see :func:`open_run`."""

    input_paths: tuple[Path, ...]
    out_dir: Path
    corpus_name: str | None
    loaded: LoadedArticles
    context: Context
    inputs: FigureInputs

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every article read, in input order."""
        return self.loaded.documents

    @property
    def problems(self) -> tuple[AnalysisError, ...]:
        """Every file or record that could not be read."""
        return self.loaded.problems

    @property
    def article(self) -> Document:
        """The article the per-article figures and views show (the ``article`` parameter)."""
        return self.inputs.primary

    @property
    def is_seed(self) -> bool:
        """Whether the input is the seed article alone (:func:`is_seed_corpus`)."""
        return is_seed_corpus(self.documents)

    def summary(self) -> MarkdownText:
        """Say what was read, what was left out, which article the figures show, where to."""
        lines = [problems_markdown(self.problems, len(self.documents), self.loaded.warnings), ""]
        lines.append(format_markdown("Per-article figures and views show **{article}**.",
                                     article=self.article.article_id))
        lines.append(f"Figures are written to {code_span(self.out_dir)}.")
        return MarkdownText("\n".join(lines))

    def _repr_markdown_(self) -> str:
        return self.summary()


def open_run(
    input_paths: PathLike | Iterable[PathLike],
    out_dir: PathLike | None = None,
    *,
    actors_csv: PathLike | Iterable[PathLike] | None = (),
    taxonomy_csv: PathLike | Iterable[PathLike] | None = (),
    overrides_csv: PathLike | Iterable[PathLike] | None = (),
    corpus_name: str | None = None,
    article: str | int | None = None,
    targets: Sequence[str] | None = None,
    illustrative_paths: PathLike | Iterable[PathLike] | None = (),
) -> NotebookRun:
    """Resolve a notebook's parameters, read its articles and build what it shows.

    Parameters
    ----------
    input_paths : path or paths
        Article files or folders (paths by the rule of :mod:`analysis.notebook.paths`).
    out_dir : path, optional
        Where figures go; default ``outputs/<corpus name>/`` (never ``figures/``).
    actors_csv, taxonomy_csv, overrides_csv : path or paths, optional
        The researcher's own data, as ``--actors-csv``, ``--taxonomy``, ``--overrides``;
        corrections naming no article read give a warning, as on the command line.
    corpus_name : str, optional
        The corpus's name in captions and in the default ``out_dir``.
    article : str or int, optional
        The article per-article figures show: an article_id or a position (default 0).
    targets : list of str, optional
        What the targets table scores (default: every registry actor).
    illustrative_paths : path or paths, optional
        A separate corpus for the corpus figures (default: the articles read).

    Raises
    ------
    AnalysisError
        When no article can be read, a user file is malformed, ``article`` names no
        article, or ``out_dir`` is the committed ``figures/``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("NATO met in Vilnius.")
    >>> _ = (root / "b.txt").write_text("Korea joined the talks.")
    >>> run = open_run(str(root), root / "out", article="b.txt")
    >>> len(run.documents), run.article.text, run.out_dir.name
    (2, 'Korea joined the talks.', 'out')
    """
    paths = resolve_paths(input_paths)
    target = output_dir(out_dir, corpus_name, paths)
    loaded = load_documents(paths)
    context = Context.load(
        actors_csv=resolve_paths(actors_csv), taxonomy=resolve_paths(taxonomy_csv),
        overrides=resolve_paths(overrides_csv), targets=targets,
    )
    extra = resolve_paths(illustrative_paths)
    illustrative = load_documents(extra).documents if extra else ()
    warn_unknown_articles(context.overrides, (
        document.article_id for document in (*loaded.documents, *illustrative)))
    inputs = FigureInputs.from_documents(loaded.documents, illustrative=illustrative,
                                         context=context, corpus_name=corpus_name,
                                         primary=article, not_english_listed=True)
    return NotebookRun(tuple(paths), target, corpus_name, loaded, context, inputs)


@dataclass(frozen=True, slots=True, eq=False)
class ShownFigure:
    """A figure drawn and saved: name, title, caption, files and data; shows as its PNG."""

    name: str
    title: str
    caption: str
    paths: tuple[Path, ...]
    data: pd.DataFrame

    @property
    def png(self) -> Path:
        """The PNG file written."""
        return next(p for p in self.paths if p.suffix == ".png")

    @property
    def caption_markdown(self) -> MarkdownText:
        """Title and caption as Markdown, to print under the figure (escaped)."""
        return format_markdown("**{title}** {caption}", title=self.title, caption=self.caption)

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict:
        png = base64.b64encode(self.png.read_bytes()).decode("ascii")
        return {"image/png": png, "text/plain": f"{self.title}\n{self.caption}"}


def show_figure(
    name: str, source: NotebookRun | FigureInputs, out_dir: PathLike | None = None
) -> ShownFigure:
    """Draw the registered figure ``name`` for a run, save PNG, SVG and CSV, return it.

    Parameters
    ----------
    name : str
        A registered figure (``python -m analysis figures --list``).
    source : NotebookRun or FigureInputs
        What to draw from; a run also gives the folder to write to.
    out_dir : path, optional
        Where to write (default: the run's ``out_dir``; required with FigureInputs).

    Examples
    --------
    >>> import tempfile
    >>> inputs = FigureInputs.from_documents(["NATO met. Korea joined."])
    >>> shown = show_figure("article-structure", inputs, tempfile.mkdtemp())
    >>> [p.suffix for p in shown.paths], "{" in shown.caption
    (['.png', '.svg', '.csv'], False)
    """
    specs = {spec.name: spec for spec in registered_figures()}
    if name not in specs:
        raise AnalysisError(f"no figure {name!r}; registered: {', '.join(sorted(specs))}")
    inputs = source.inputs if isinstance(source, NotebookRun) else source
    if out_dir is None:
        if not isinstance(source, NotebookRun):
            raise ValueError("give out_dir, or a NotebookRun that has one")
        out_dir = source.out_dir
    spec = specs[name]
    figure, data = render(spec, inputs)
    paths = save_figure(figure, data, os.fspath(out_dir), spec.name)
    return ShownFigure(spec.name, spec.title_for(inputs), spec.caption_for(inputs), tuple(paths),
                       data)


def finish_figure(
    name: str, figure: Figure, data: pd.DataFrame, out_dir: PathLike, **values: str
) -> ShownFigure:
    """Caption a figure drawn outside its builder (e.g. from a corpus run's tables), save it.

    The registered title and caption of ``name`` are filled with ``values`` for their
    placeholders (``corpus=describe_corpus(articles_table, name)``, ``source=...``;
    :func:`~analysis.figures.fill_placeholders`), drawn on the figure as ``render``
    does, and the figure is saved like :func:`show_figure`.

    Raises
    ------
    ValueError
        When the caption holds a placeholder no value was given for.
    """
    specs = {spec.name: spec for spec in registered_figures()}
    if name not in specs:
        raise AnalysisError(f"no figure {name!r}; registered: {', '.join(sorted(specs))}")
    spec = specs[name]
    title, caption = fill_placeholders(spec.title, **values), fill_placeholders(spec.caption, **values)
    with style_context():
        add_caption(figure, title, caption)
    paths = save_figure(figure, data, os.fspath(out_dir), spec.name)
    return ShownFigure(spec.name, title, caption, tuple(paths), data)
