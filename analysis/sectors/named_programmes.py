"""The programmes an article names, each with its partner, as the statements extractor reads them.

Every sentence is read once by :func:`analysis.sectors.statements.read_sentences` (the
reading behind the ``programme_statements`` table); the programme a sentence names and
that of each statement carry the partner, year and programmes-table id that
:mod:`analysis.sectors.attribution` resolves ("NATO and New Zealand's ITPP": New Zealand,
no id; "Korea's ITPP, adopted in Vilnius": kor-itpp-2023). Which reference list a
notebook or figure compares an article with is chosen from these
(:func:`analysis.notebook.coverage.compared_programme`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analysis.sectors.attribution import acronym_of
from analysis.sectors.statements import SentenceReading, read_sentences
from analysis.sectors.taxonomy import TaxonomyLike, as_taxonomy
from analysis.text.document import TextLike, as_document

__all__ = ["ProgrammeNamed", "programmes_named"]


@dataclass(frozen=True, slots=True)
class ProgrammeNamed:
    """A programme an article names, as the programme-statements extractor reads it.

    ``partner`` and ``programme_id`` are None when the text does not tell (or the
    project has no list for that partner's programme).
    """

    partner: str | None
    programme_id: str | None
    acronym: str | None
    name: str | None


def programmes_named(
    source: TextLike,
    taxonomy: TaxonomyLike = None,
    *,
    readings: Sequence[SentenceReading] | None = None,
) -> tuple[ProgrammeNamed, ...]:
    """Return the programmes ``source`` names, in text order, each once, with its partner.

    Every sentence is read as the programme-statements extractor reads it
    (:func:`analysis.sectors.statements.read_sentences`): the programme a sentence
    names, and that of each statement, with the partner and the programmes table's id
    that :mod:`analysis.sectors.attribution` resolves. ``readings`` are the sentences
    already read (e.g. an annotation's ``sector_readings``, shared with the tables); read
    here when None.

    Examples
    --------
    >>> programmes_named("Korea's ITPP, adopted in Vilnius, covers 11 areas.")
    (ProgrammeNamed(partner='Republic of Korea', programme_id='kor-itpp-2023', acronym='ITPP', name='Individually Tailored Partnership Programme'),)
    >>> programmes_named("Japan and the Philippines signed a troop pact.")
    ()
    """
    doc = as_document(source)
    found: dict[tuple, ProgrammeNamed] = {}
    if readings is None:
        readings = list(read_sentences(doc, as_taxonomy(taxonomy)))
    for reading in readings:
        programmes = [] if reading.programme is None else [
            (reading.programme.name, reading.programme.acronym, reading.programme.partner,
             reading.programme.programme_id)]
        programmes += [(s.programme, s.acronym, s.partner, s.programme_id)
                       for s in reading.statements]
        for name, acronym, partner, programme_id in programmes:
            if name is None and acronym is None:
                continue
            named = ProgrammeNamed(partner, programme_id, acronym_of(acronym, name), name)
            found.setdefault((named.partner, named.programme_id, named.acronym), named)
    return tuple(found.values())
