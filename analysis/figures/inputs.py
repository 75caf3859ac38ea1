"""What figure builders read: articles loaded once, their tables computed once.

:class:`FigureInputs` holds the research articles (the *primary* one drawn by the
per-article figures, chosen by article_id or position), the corpus of the corpus
figures (:attr:`FigureInputs.corpus_documents`), the annotation context, and every
table built from them, each article annotated once for all tables.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError
from analysis.figures.captions import FOLDER_LABEL, ILLUSTRATIVE_NAME
from analysis.pipeline import TABLES, Annotation, Context
from analysis.schemas import conform
from analysis.text.articles import Article
from analysis.text.document import Document, as_document, as_documents
from analysis.text.english import NotEnglishWarning
from analysis.text.loaders import load_corpus

__all__ = [
    "ARTICLES_SUBDIR",
    "FIGURE_TABLES",
    "ILLUSTRATIVE_SHA256",
    "ILLUSTRATIVE_SUBDIR",
    "FigureInputs",
    "Reader",
    "as_inputs",
    "corpus_digest",
    "is_project_illustrative",
    "primary_index",
]

#: Where research articles live below the raw-data folder, and the hand-written
#: illustrative corpus (labelled as such in every caption that uses it).
ARTICLES_SUBDIR = "articles"
ILLUSTRATIVE_SUBDIR = "illustrative"
#: :func:`corpus_digest` of the project's own hand-written corpus, data/raw/illustrative:
#: captions call a corpus "the hand-written illustrative corpus (not real news)" only
#: when it is that text, wherever it was read from (a test checks it against the folder;
#: change it with the folder).
ILLUSTRATIVE_SHA256 = "fc27b396ed325ca78cb620f7acd729f7e97058cbc3814b1dbded1b451fbf827a"


def corpus_digest(documents: Iterable[Article | Document | str]) -> str:
    """Return a SHA-256 of a corpus's texts: whitespace folded, in sorted order, ids ignored.

    Examples
    --------
    >>> corpus_digest(["B  text.", "A text."]) == corpus_digest(["A text.", "B text."])
    True
    """
    digest = hashlib.sha256()
    for text in sorted(" ".join(d.text.split()) for d in as_documents(list(documents))):
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    return digest.hexdigest()


def is_project_illustrative(documents: Sequence[Document]) -> bool:
    """Return whether ``documents`` is the project's own illustrative corpus (by its text).

    Examples
    --------
    >>> is_project_illustrative(tuple(as_documents(["NATO met in Vilnius."])))
    False
    >>> is_project_illustrative(())
    False
    """
    return bool(documents) and corpus_digest(documents) == ILLUSTRATIVE_SHA256


#: How a folder's articles are read: ``(folder, folders never read) -> articles``.
#: The default, :func:`analysis.load_corpus`, raises at the first bad input; the
#: ``figures`` command passes a reader that lists and skips each one instead.
Reader = Callable[[Path, Sequence[Path]], Iterable[Article]]


def _load_corpus(folder: Path, exclude: Sequence[Path]) -> list[Article]:
    return list(load_corpus(folder, exclude=exclude))


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
        small hand-written corpus in ``illustrative/``. A folder with no ``articles/``
        subfolder holds the research articles itself (every article file below it but
        those in ``illustrative/``): ``figures --raw my-articles/`` reads a folder of
        articles as it is (:attr:`articles_folder`).
    context : Context, optional
        Registry, taxonomy and corrections of the one annotation pass every table is a
        view of (:class:`analysis.pipeline.Context`; default: the shipped data).
    corpus_name : str, optional
        What captions call the corpus (``{corpus}``, ``{articles}``); default: described
        by its size, outlets and dates (:func:`describe_corpus`).
    primary_choice : str or int, optional
        The primary article: an article_id or a position in :attr:`documents`
        (default: the first).
    not_english_listed : bool
        Whether the articles not in English are already listed to the reader (a
        notebook's problems list, :func:`analysis.notebook.load_documents`): the tables
        are then built without the extractors' :class:`NotEnglishWarning`, which would
        say it again, once per table, as a traceback.
    reader : callable, optional
        How a folder's articles are read (:data:`Reader`; default
        :func:`analysis.load_corpus`, which raises at the first bad input).
    exclude : tuple of Path
        Folders never read as articles (the figures' output folder).
    """

    raw_dir: Path = field(default_factory=lambda: Path("data/raw"))
    context: Context = field(default_factory=Context)
    corpus_name: str | None = None
    primary_choice: str | int | None = None
    not_english_listed: bool = False
    reader: Reader = field(default=_load_corpus, repr=False, compare=False)
    exclude: tuple[Path, ...] = ()
    _tables: dict[tuple[str, str], pd.DataFrame] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _annotations: dict[int, Annotation] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def articles_folder(self) -> Path:
        """The folder of the research articles: ``raw_dir/articles``, else ``raw_dir`` itself.

        ``raw_dir`` itself when it is a folder with no ``articles/`` subfolder.

        Examples
        --------
        >>> import tempfile
        >>> flat = Path(tempfile.mkdtemp())
        >>> FigureInputs(flat).articles_folder == flat
        True
        >>> (flat / "articles").mkdir()
        >>> FigureInputs(flat).articles_folder.name
        'articles'
        """
        raw, nested = Path(self.raw_dir), Path(self.raw_dir) / ARTICLES_SUBDIR
        return raw if raw.is_dir() and not nested.is_dir() else nested

    @property
    def _flat(self) -> bool:
        return self.articles_folder == Path(self.raw_dir)

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        """Every research article as a Document, in sorted path order."""
        skipped = (Path(self.raw_dir) / ILLUSTRATIVE_SUBDIR,) if self._flat else ()
        return tuple(as_document(a) for a in self._load(self.articles_folder, skipped))

    @property
    def primary(self) -> Document:
        """The primary research article (``primary_choice``; default the first)."""
        if not self.documents:
            raise AnalysisError(
                f"no articles found; put at least one article in {self.raw_dir / ARTICLES_SUBDIR}"
                f" or in {self.raw_dir} itself (.txt, .json, .jsonl, .csv or .html files)",
                self.raw_dir,
            )
        return self.documents[primary_index(self.documents, self.primary_choice)]

    @cached_property
    def illustrative(self) -> tuple[Document, ...]:
        """The hand-written illustrative corpus as Documents (may be empty)."""
        return tuple(as_document(a) for a in self._load(Path(self.raw_dir) / ILLUSTRATIVE_SUBDIR))

    @property
    def corpus_is_illustrative(self) -> bool:
        """Whether the corpus figures read the illustrative corpus (one is given).

        Examples
        --------
        >>> FigureInputs.from_documents(["A."], illustrative=["B."]).corpus_is_illustrative
        True
        >>> FigureInputs.from_documents(["A."]).corpus_is_illustrative
        False
        """
        return bool(self.illustrative)

    @cached_property
    def corpus_folder(self) -> str | None:
        """The folder the corpus figures read, as captions name it: ``NAME/SUBDIR``, or None.

        The raw-data folder's own name (never an absolute path, so captions are the same
        on every machine) and the subfolder read (``illustrative`` or ``articles``; none
        for a folder holding its articles itself); None for inputs built from articles
        already loaded (:meth:`from_documents`).

        Examples
        --------
        >>> FigureInputs(Path("my-corpus")).corpus_folder
        'my-corpus/articles'
        >>> FigureInputs.from_documents(["A."]).corpus_folder is None
        True
        """
        name = Path(self.raw_dir).resolve().name
        if self.corpus_is_illustrative:
            return f"{name}/{ILLUSTRATIVE_SUBDIR}"
        return name if self._flat else f"{name}/{ARTICLES_SUBDIR}"

    @property
    def corpus_label(self) -> str | None:
        """What a caption calls the corpus of the corpus figures, before its size and dates.

        ``corpus_name`` when given; else "the hand-written illustrative corpus (not real
        news)" only when the corpus is the project's own (:func:`is_project_illustrative`,
        by its text); else the folder it was read from (:attr:`corpus_folder`), or None
        (the caption then gives the number of articles, outlets and dates alone).

        Examples
        --------
        >>> FigureInputs.from_documents(["A."], illustrative=["B."]).corpus_label is None
        True
        >>> FigureInputs(Path("my-corpus"), corpus_name="My wire").corpus_label
        'My wire'
        """
        if self.corpus_name:
            return self.corpus_name
        if is_project_illustrative(self.corpus_documents):
            return ILLUSTRATIVE_NAME
        return None if self.corpus_folder is None else FOLDER_LABEL.format(folder=self.corpus_folder)

    @property
    def corpus_documents(self) -> tuple[Document, ...]:
        """The corpus of the corpus figures: the illustrative one if given, else :attr:`documents`.

        Examples
        --------
        >>> inputs = FigureInputs.from_documents(["A.", "B."])
        >>> [d.text for d in inputs.corpus_documents]
        ['A.', 'B.']
        """
        return self.illustrative if self.corpus_is_illustrative else self.documents

    @classmethod
    def from_documents(
        cls,
        documents: Iterable[Article | Document | str],
        illustrative: Iterable[Article | Document | str] = (),
        context: Context | None = None,
        *,
        corpus_name: str | None = None,
        primary: str | int | None = None,
        not_english_listed: bool = False,
    ) -> FigureInputs:
        """Build inputs from articles already loaded, e.g. a notebook's own corpus.

        Every registered figure can then be drawn for a researcher's own articles
        instead of ``data/raw``.

        Parameters
        ----------
        documents : iterable of Article, Document or str
            The research articles.
        illustrative : iterable of Article, Document or str, optional
            A corpus for the corpus-level figures (default: none, so the corpus
            figures cover ``documents``).
        context : Context, optional
            Registry, taxonomy and corrections (default: the shipped data).
        corpus_name : str, optional
            What captions call the corpus (default: described by size, outlets, dates).
        primary : str or int, optional
            The primary article (per-article figures): an article_id or a position
            in ``documents``; default the first.
        not_english_listed : bool
            Whether the articles not in English are listed elsewhere (see the class).

        Raises
        ------
        AnalysisError
            When ``primary`` names no article (the message lists the ids).

        Examples
        --------
        >>> inputs = FigureInputs.from_documents(["NATO met in Vilnius. Korea joined.", "B."])
        >>> len(inputs.primary.sentences)
        2
        >>> FigureInputs.from_documents(["A.", "B."], primary=1).primary.text
        'B.'
        >>> FigureInputs.from_documents(["A."], primary="x.txt")
        Traceback (most recent call last):
        ...
        analysis.errors.AnalysisError: no article 'x.txt' among the 1 article(s): ...
        """
        inputs = cls(raw_dir=Path("."), context=context if context is not None else Context(),
                     corpus_name=corpus_name, primary_choice=primary,
                     not_english_listed=not_english_listed)
        # cached_property keeps its value in the instance dict: fill it in advance.
        inputs.__dict__["documents"] = tuple(as_documents(list(documents)))
        inputs.__dict__["illustrative"] = tuple(as_documents(list(illustrative)))
        inputs.__dict__["corpus_folder"] = None  # no folder: the articles were given
        if primary is not None:
            primary_index(inputs.documents, primary)  # an unknown article fails here, early
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
        """Return table ``name`` over :attr:`corpus_documents`, computed once and cached.

        Examples
        --------
        >>> inputs = FigureInputs.from_documents(["x"], illustrative=["Cyber defence."])
        >>> inputs.corpus_table("sectors")["sector"].tolist()
        ['cyber-defence']
        >>> FigureInputs.from_documents(["Cyber defence."]).corpus_table("sectors")["sector"].tolist()
        ['cyber-defence']
        """
        # over the research articles it is the very table all_articles_table gives
        scope = "illustrative" if self.corpus_is_illustrative else "documents"
        return self._cached(scope, name, self.corpus_documents).copy()

    def annotation(self, document: Document | None = None) -> Annotation:
        """Return the one annotation of ``document`` (default the primary), shared with the tables.

        For a builder that needs more than a table, e.g. the sentences as the sector
        extractors read them (``annotation().sector_readings``), without reading again.

        Examples
        --------
        >>> inputs = FigureInputs.from_documents(["Korea's ITPP covers 11 areas."])
        >>> inputs.annotation() is inputs.annotation()
        True
        """
        document = self.primary if document is None else document
        key = id(document)  # keyed by the Document itself, as in _build
        if key not in self._annotations:
            self._annotations[key] = Annotation(document, self.context)
        return self._annotations[key]

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
        with _not_english_quiet() if self.not_english_listed else nullcontext():
            for document in documents:
                # keyed by the Document itself, so the primary article is annotated once
                # whether a builder asks for its table or for every article's
                rows.extend(self.annotation(document).rows(name))
        return conform(rows, name)

    def _load(self, folder: Path, skipped: Sequence[Path] = ()) -> list[Article]:
        if not folder.is_dir():
            return []
        return list(self.reader(folder, (*skipped, *self.exclude)))


@contextmanager
def _not_english_quiet() -> Iterator[None]:
    """Build tables without NotEnglishWarning: a notebook's problems list said it once."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotEnglishWarning)
        yield


#: How many article ids an error about an unknown article lists at most.
MAX_IDS_LISTED = 20


def primary_index(documents: Sequence[Document], choice: str | int | None) -> int:
    """Return the position in ``documents`` of the article ``choice`` names.

    Parameters
    ----------
    documents : sequence of Document
    choice : str, int or None
        An article_id, a position from 0 (an int, or a str of digits that is no
        article's id), or None for the first.

    Raises
    ------
    AnalysisError
        When no article matches; the message lists the ids (the first
        :data:`MAX_IDS_LISTED`) so the researcher can pick one.

    Examples
    --------
    >>> docs = tuple(as_documents([Article("a.txt", "A."), Article("b.txt", "B.")]))
    >>> primary_index(docs, "b.txt"), primary_index(docs, 0), primary_index(docs, None)
    (1, 0, 0)
    >>> primary_index(docs, "1")
    1
    >>> primary_index(docs, 5)
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: no article 5 among the 2 article(s): give an article_id (a.txt, b.txt) or a position from 0 to 1
    """
    if choice is None:
        return 0
    if isinstance(choice, str):
        for index, document in enumerate(documents):
            if document.article_id == choice:
                return index
        if choice.isdigit() and int(choice) < len(documents):
            return int(choice)  # "--article 3" on the command line: no such id, a position
    elif isinstance(choice, int) and not isinstance(choice, bool) and 0 <= choice < len(documents):
        return choice
    ids = [d.article_id for d in documents[:MAX_IDS_LISTED]]
    more = f", ... ({len(documents) - MAX_IDS_LISTED} more)" if len(documents) > MAX_IDS_LISTED else ""
    positions = f"a position from 0 to {len(documents) - 1}" if documents else "more articles"
    raise AnalysisError(
        f"no article {choice!r} among the {len(documents)} article(s): give an article_id "
        f"({', '.join(ids)}{more}) or {positions}"
    )


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
