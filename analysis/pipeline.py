"""One pass per article: everything the package knows about a Document, found once.

:func:`annotate` takes a :class:`~analysis.text.document.Document` and a
:class:`Context` (actor registry, sector taxonomy, researcher corrections, settings) and
returns an :class:`Annotation`. Its parts are computed on first use, each once, in one
direction:

1. **actor mentions**: the registry searched once, dated by the article's ``published``
   date, then the corrections for ``what = actors`` applied;
2. **quotes**: speakers resolved against *those* mentions (so a speaker mention and the
   same span in the actors table name the same actor, and a corrected mention reaches the
   quote), then the corrections for ``what = quotes``;
3. **sector mentions** (corrections for ``what = sectors``) and **programme statements**,
   from one reading of the sentences;
4. **sentence tones**, names masked from *those* mentions;
5. **target tones** toward *those* mentions (or toward the context's ``targets``);
6. **quote tones** of the quote records, masked from *those* mentions.

Every table of the package (:data:`TABLES`) is a view of one annotation:
:meth:`Annotation.frame` turns the records into rows with the wing's row builder and
:func:`analysis.schemas.conform`. The corpus runner, the CLI subcommands, the figures
and the notebooks all go through :func:`annotate`, and the public ``*_frame`` functions
of every wing are views of it (:func:`frame`).

Examples
--------
>>> from analysis import Article
>>> from datetime import date
>>> article = Article(article_id="a1", published=date(2023, 7, 11),
...     text="“Korea is a valued partner,” NATO chief Jens Stoltenberg told Yoon.")
>>> annotation = annotate(article)
>>> [(m.text, m.actor) for m in annotation.mentions][:2]
[('Korea', 'South Korea'), ('NATO', 'NATO')]
>>> annotation.quotes[0].actor
'Jens Stoltenberg'
>>> annotation.frame("quotes")[["article_id", "kind", "actor", "addressee_actor"]].values.tolist()
[['a1', 'direct', 'Jens Stoltenberg', 'Yoon Suk Yeol']]
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import pandas as pd

from analysis.actors.overrides import Override, as_overrides, check_overrides
from analysis.actors.registry import ActorRegistry, default_registry
from analysis.schemas import conform
from analysis.sectors.taxonomy import Taxonomy, as_taxonomy, default_taxonomy, load_taxonomy
from analysis.sentiment.targets import check_targets
from analysis.text.document import Document, TextLike, Texts, as_document, as_documents

if TYPE_CHECKING:
    from analysis.actors.claims import ActorClaim
    from analysis.actors.records import ActorMention
    from analysis.quotes.records import Quote
    from analysis.sectors.matching import SectorMention
    from analysis.sectors.statements import ProgrammeStatement, SentenceReading
    from analysis.sentiment.quote_tone import QuoteTone
    from analysis.sentiment.sentences import SentenceSentiment
    from analysis.sentiment.targets import TargetMention

__all__ = ["TABLES", "Annotation", "Context", "annotate", "check_targets", "frame", "frames"]

#: Every table a corpus run writes, in order; an annotation also gives ``structure``
#: (one row per sentence: paragraph, offsets, length), which needs no extraction.
TABLES: tuple[str, ...] = (
    "articles",
    "sentences",
    "quotes",
    "actors",
    "sectors",
    "targets",
    "quote_sentiment",
    "programme_statements",
    "claims",
)

PathLike = str | os.PathLike[str]


def _correctable_fields() -> dict[str, tuple[str, ...]]:
    """Return the tables researchers' corrections apply to, with their records' fields."""
    from analysis.actors.records import ActorMention
    from analysis.quotes.records import Quote
    from analysis.sectors.matching import SectorMention

    return {
        "actors": tuple(f.name for f in dataclasses.fields(ActorMention)),
        "quotes": tuple(f.name for f in dataclasses.fields(Quote)),
        "sectors": tuple(f.name for f in dataclasses.fields(SectorMention)),
    }


@dataclass(frozen=True)
class Context:
    """What an annotation pass reads besides the article: the same for every article of a run.

    Parameters
    ----------
    registry : ActorRegistry
        Actors, with dated roles (default: the shipped registry).
    taxonomy : Taxonomy
        Sectors and their aliases (default: the shipped taxonomy).
    overrides : tuple of Override
        Researcher corrections, applied on every run to the tables they name (actors,
        quotes, sectors); one naming another table or a field its records lack is an
        :class:`~analysis.AnalysisError` here, before any article is read.
    targets : tuple of str, optional
        Settings: what the targets table scores (None: every registry actor mentioned);
        an empty string among them is an :class:`~analysis.AnalysisError` (it names no
        words to find).

    Examples
    --------
    >>> context = Context()
    >>> len(context.registry) > 100, "cyber-defence" in context.taxonomy.ids()
    (True, True)
    """

    registry: ActorRegistry = field(default_factory=default_registry)
    taxonomy: Taxonomy = field(default_factory=default_taxonomy)
    overrides: tuple[Override, ...] = ()
    targets: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        # A correction naming no table or no field would be ignored on every article:
        # stop the run before it starts instead, with the file and line.
        check_overrides(self.overrides, _correctable_fields())
        check_targets(self.targets)

    def fingerprint(self) -> str:
        """Return a digest of everything this context says (the same context, the same digest).

        A corpus run records it, so ``--resume`` refuses to go on with other actors, a
        taxonomy or corrections than the run began with.

        Examples
        --------
        >>> Context().fingerprint() == Context().fingerprint()
        True
        >>> Context().fingerprint() == Context(targets=("NATO",)).fingerprint()
        False
        """
        digest = hashlib.sha256()
        for part in (tuple(self.registry), self.taxonomy.sectors,
                     tuple((o.article_id, o.what, o.offset, o.field, o.value)
                           for o in self.overrides), self.targets):
            digest.update(repr(part).encode("utf-8"))
        return digest.hexdigest()

    @classmethod
    def load(
        cls,
        actors_csv: Sequence[PathLike] = (),
        taxonomy: Sequence[PathLike] = (),
        overrides: Sequence[PathLike] = (),
        targets: Sequence[str] | None = None,
    ) -> Context:
        """Return a context from user files: the options every subcommand takes.

        Parameters
        ----------
        actors_csv : paths
            User actor, role or organisation CSV files, in any order
            (:meth:`ActorRegistry.load`).
        taxonomy : paths
            User taxonomy CSV files (:func:`analysis.sectors.load_taxonomy`).
        overrides : paths
            Corrections CSV files (:func:`analysis.actors.load_overrides`), read in order.
        targets : list of str, optional
            What the targets table scores.

        Raises
        ------
        AnalysisError
            When a file is missing or malformed (the message names the file and the fix).

        Examples
        --------
        >>> Context.load().overrides
        ()
        """
        registry = ActorRegistry.load(list(actors_csv)) if actors_csv else default_registry()
        corrections: tuple[Override, ...] = ()
        for path in overrides:
            corrections += as_overrides(path)
        return cls(
            registry=registry,
            taxonomy=load_taxonomy(*taxonomy) if taxonomy else default_taxonomy(),
            overrides=corrections,
            targets=tuple(targets) if targets is not None else None,
        )

    @classmethod
    def of(
        cls,
        registry: ActorRegistry | None = None,
        taxonomy: Taxonomy | PathLike | None = None,
        overrides: PathLike | Iterable[Override] | None = None,
        targets: Sequence[str] | None = None,
        *,
        context: Context | None = None,
    ) -> Context:
        """Return a context from the arguments the public ``*_frame`` functions take.

        ``context``, when given, is returned as it is, and the other arguments must be
        left out (a context already says all of them).

        Examples
        --------
        >>> Context.of().registry is default_registry()
        True
        >>> context = Context()
        >>> Context.of(context=context) is context
        True
        """
        if context is not None:
            given = [name for name, value in (("registry", registry), ("taxonomy", taxonomy),
                     ("overrides", overrides), ("targets", targets)) if value is not None]
            if given:
                raise ValueError(f"give either a context or {', '.join(given)}, not both")
            return context
        return cls(
            registry=registry if registry is not None else default_registry(),
            taxonomy=as_taxonomy(taxonomy),
            overrides=as_overrides(overrides),
            targets=tuple(targets) if targets is not None else None,
        )


@dataclass(frozen=True)
class Annotation:
    """Everything the package knows about one Document; each part computed once, on use.

    Build it with :func:`annotate`. Records are in text order; :meth:`frame` gives a
    table of them.
    """

    document: Document
    context: Context = field(default_factory=Context)

    @property
    def article_id(self) -> str:
        """The article's identifier (the key of every table row)."""
        return self.document.article_id

    @cached_property
    def mentions(self) -> tuple[ActorMention, ...]:
        """Registry actors named in the article, dated, corrections applied."""
        from analysis.actors.mentions import extract_actors

        return tuple(
            extract_actors(self.document, self.context.registry, self.context.overrides)
        )

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        """Quotes and reported speech, speakers resolved against :attr:`mentions`."""
        from analysis.quotes.extract import correct_quotes, extract_quotes

        found = extract_quotes(self.document, self.context.registry, mentions=self.mentions)
        if self.context.overrides:
            found = correct_quotes(self.document, found, self.context.overrides,
                                   self.context.registry)
        return tuple(found)

    @cached_property
    def sector_readings(self) -> tuple[SentenceReading, ...]:
        """Every sentence read once for sectors: its mentions and its programme statement."""
        from analysis.sectors.statements import read_sentences

        return tuple(read_sentences(self.document, self.context.taxonomy))

    @cached_property
    def sector_mentions(self) -> tuple[SectorMention, ...]:
        """Mentions of taxonomy sectors (from :attr:`sector_readings`), corrections applied."""
        from analysis.sectors.finder import find_sector_mentions

        return tuple(
            find_sector_mentions(self.document, self.context.taxonomy, self.context.overrides,
                                 readings=self.sector_readings, registry=self.context.registry,
                                 actor_mentions=self.mentions)
        )

    @cached_property
    def programme_statements(self) -> tuple[ProgrammeStatement, ...]:
        """Sentences that state a partnership programme's list of areas."""
        from analysis.sectors.statements import parse_programme_statements

        return tuple(
            parse_programme_statements(self.document, self.context.taxonomy,
                                       readings=self.sector_readings,
                                       mentions=self.sector_mentions)
        )

    @cached_property
    def sentences(self) -> tuple[SentenceSentiment, ...]:
        """VADER tone of every sentence, names masked from :attr:`mentions`."""
        from analysis.sentiment.sentences import score_sentences

        return tuple(
            score_sentences(self.document, self.context.registry, mentions=self.mentions)
        )

    @cached_property
    def targets(self) -> tuple[TargetMention, ...]:
        """Tone toward every mention of :attr:`mentions` (or of the context's targets)."""
        from analysis.sentiment.targets import score_targets

        return tuple(
            score_targets(self.document, self.context.targets, self.context.registry,
                          mentions=self.mentions)
        )

    @cached_property
    def quote_tones(self) -> tuple[QuoteTone, ...]:
        """VADER tone of the quoted words of every quote in :attr:`quotes`."""
        from analysis.sentiment.quote_tone import score_quotes

        return tuple(
            score_quotes(self.document, self.quotes, self.context.registry,
                         mentions=self.mentions)
        )

    @cached_property
    def claims(self) -> tuple[ActorClaim, ...]:
        """What the article says about the persons in :attr:`mentions`, checked against the registry."""
        from analysis.actors.claims import find_claims

        return find_claims(self.document, self.mentions, self.context.registry,
                           quotes=self.quotes)

    def rows(self, table: str) -> list[dict]:
        """Return the rows of ``table`` (one of :data:`TABLES`, or ``structure``) for this article."""
        try:
            build = _ROW_BUILDERS[table]
        except KeyError:
            known = ", ".join(_ROW_BUILDERS)
            raise ValueError(f"unknown table {table!r}; choose from {known}") from None
        return build(self)

    def frame(self, table: str) -> pd.DataFrame:
        """Return ``table`` for this article: a conform over its records.

        Examples
        --------
        >>> annotate("NATO met Korea.").frame("actors")[["mention", "actor"]].values.tolist()
        [['NATO', 'NATO'], ['Korea', 'South Korea']]
        """
        return conform(self.rows(table), table)


def _article_rows(annotation: Annotation) -> list[dict]:
    from analysis.text.structure import article_rows

    return article_rows(annotation.document)


def _structure_rows(annotation: Annotation) -> list[dict]:
    from analysis.text.structure import structure_rows

    return structure_rows(annotation.document)


def _sentence_rows(annotation: Annotation) -> list[dict]:
    from analysis.sentiment.sentences import sentence_rows

    return sentence_rows(annotation.document, annotation.sentences)


def _quote_rows(annotation: Annotation) -> list[dict]:
    from analysis.quotes.rows import quote_rows

    return quote_rows(annotation.document, annotation.quotes)


def _actor_rows(annotation: Annotation) -> list[dict]:
    from analysis.actors.mentions import actor_rows

    return actor_rows(annotation.document, annotation.mentions)


def _sector_rows(annotation: Annotation) -> list[dict]:
    from analysis.sectors.finder import sector_rows

    return sector_rows(annotation.document, annotation.sector_mentions)


def _target_rows(annotation: Annotation) -> list[dict]:
    from analysis.sentiment.targets import target_rows

    return target_rows(annotation.document, annotation.targets)


def _quote_sentiment_rows(annotation: Annotation) -> list[dict]:
    from analysis.sentiment.quote_tone import quote_sentiment_rows

    quotes = _quote_rows(annotation)
    return quote_sentiment_rows(annotation.document, quotes, annotation.quote_tones)


def _programme_statement_rows(annotation: Annotation) -> list[dict]:
    from analysis.sectors.statements import programme_statement_rows

    return programme_statement_rows(annotation.document, annotation.programme_statements)


def _claim_rows(annotation: Annotation) -> list[dict]:
    from analysis.actors.claims import claim_rows

    return claim_rows(annotation.document, annotation.claims)


_ROW_BUILDERS: dict[str, Callable[[Annotation], list[dict]]] = {
    "articles": _article_rows,
    "sentences": _sentence_rows,
    "quotes": _quote_rows,
    "actors": _actor_rows,
    "sectors": _sector_rows,
    "targets": _target_rows,
    "quote_sentiment": _quote_sentiment_rows,
    "programme_statements": _programme_statement_rows,
    "claims": _claim_rows,
    "structure": _structure_rows,
}


def annotate(source: TextLike, context: Context | None = None) -> Annotation:
    """Return the one annotation of an article (its parts are computed when first used).

    Parameters
    ----------
    source : str, Article or Document
    context : Context, optional
        Registry, taxonomy, corrections and settings (default: shipped data, none).

    Examples
    --------
    >>> annotate("Stoltenberg met Yoon.").mentions[0].actor
    'Jens Stoltenberg'
    """
    return Annotation(as_document(source), context if context is not None else Context())


def frame(table: str, articles: Texts, context: Context | None = None) -> pd.DataFrame:
    """Return ``table`` for one article or many: a view of each article's annotation.

    Examples
    --------
    >>> frame("actors", ["Yoon spoke.", "NATO met."])[["article_id", "actor"]].values.tolist()
    [['text#0', 'Yoon Suk Yeol'], ['text#1', 'NATO']]
    """
    return frames([table], articles, context)[table]


def frames(
    tables: Sequence[str], articles: Texts, context: Context | None = None
) -> dict[str, pd.DataFrame]:
    """Return several tables of the same articles, each article annotated once.

    Examples
    --------
    >>> built = frames(["quotes", "actors"], "“We agree,” Yoon said.")
    >>> built["quotes"]["actor"].tolist() == built["actors"]["actor"].tolist()
    True
    """
    context = context if context is not None else Context()
    rows: dict[str, list[dict]] = {table: [] for table in tables}
    for doc in as_documents(articles):
        annotation = Annotation(doc, context)
        for table in tables:
            rows[table].extend(annotation.rows(table))
    return {table: conform(found, table) for table, found in rows.items()}
