"""Quotes: marks, cues, speakers, resolution to actors, content spans and tables.

Module map (one concern each; the steps run in this order for every article):

=========================  =======================================================================
``records``                :class:`Quote`, ``KINDS``, ``SPEECH_KINDS`` (defined once, here)
``words``                  the rules' English word lists (``resources/quotes/quote_words.csv``)
``cues``                   the one speech-verb list (``resources/quotes/speech_verbs.csv``)
``marks``                  quote-mark pairing into spans, across multi-paragraph quotes
``phrase_tokens``          the phrase record, its tokeniser and word tests
``phrases``                speaker noun phrases read back from a cue
``phrase_forward``         speaker noun phrases after a cue, and a sentence's subject
``speaker_phrase``         whether a phrase found next to a cue can be a speaker at all
``heads``                  the person heading a speaker phrase: appositions, "of" phrases
``aside_subject``          a subject across an aside with quote marks or dashes before its cue
``coordinated_titles``     one person under two joined titles: "the senator and former governor"
``opener_subject``         a cue in a sentence-opening phrase: the subject after its comma
``contracted_subject``     a pronoun fused with its auxiliary before a cue: "he’s predicting"
``quantified_subjects``    a share of a group as a cue's subject: "About four in 10 voters say"
``postmodified_subject``   a bare noun with a postmodifier as subject: "Officials close to X say"
``time_between``           a time phrase ending in "ago" between subject and cue
``group_numerals``         a number standing for the people just named: "the two write"
``clause_openers``         participles, adverb and time openers, absolute "with" around a subject
``main_clause``            the main clause's subject read back from its verb, for a participle cue
``context``                the extractor's working records for one article and span helpers
``attributions``           the speech cues of a sentence with their speakers and addressees
``addressees``             the addressee after "told"/"urged": clause articles, groups, venues
``cue_forms``              cues that report speech only at their clause's end: "“...,” X started."
``cue_objects``            a quoted phrase as a weak cue's object: "the “loopholes” he cited"
``elliptic_speaker``       a lone quantifier after an inverted cue: "“...,” tweeted another."
``classify``               the kind of a quote-mark span: direct, partial, title, scare
``attribution``            which cue (so which speaker) each marked quote takes
``neighbour_sentences``    a bare cue sentence after a quote, reported speech or a reaction before
``gap_dots``               abbreviation dots between a quote and its speaker: no sentence end
``block_intro``            a partial quote in a block quotation a colon-ended paragraph introduces
``conjunct_tail``          a direct quote joined by "and" to words a sentence-final cue closes
``inner_cues``             a cue inside another cue's reported clause: the outer cue keeps it
``sentence_final_cue``     a cue closing its sentence after a comma takes the sentence's quotes
``poll_frames``            a named poll framing its respondents' words is the source
``possessive_speech``      the owner of a noun of saying: "her remark that “...”" is hers
``owned_wording``          reads "owner + noun of saying"; words a possessor owns: "in her words"
``produced_titles``        the title of an ad or memo the subject puts out: its words
``clause_agent``           a short quote after a stance verb with a subject: "who he dubbed “...”"
``paragraph_continuity``   the speaker a quote paragraph goes on with, from the paragraph before
``pronoun_lead``           a quote paragraph after a sentence about "he" or "she": theirs
``comma_intro``            a direct quote after a person's clause ending in a comma: theirs
``signoffs``               speakers beside a quote without a verb: dash sign-offs, labels
``passive_agent``          the speaker of a passive cue: the agent after "by"
``experiencer``            a colon introduction naming who is moved: "... doesn't surprise X:"
``digest_labels``          speakers of excerpts in a news digest: "HEADLINE - Author: “...”"
``paragraph_lead``         a quote after a paragraph (or sentence) about one person: theirs
``scare``                  whether a short partial quote no cue takes is speech or a scare quote
``indirect``               reported speech without marks ("X said that ...")
``verb_led_clauses``       a clause without "that" opened by a quantifier: "said several allies"
``participle_tails``       ", adding that ...": the clause after a participle cue and the one before
``content``                the content span a sentence attributes to a partial quote's speaker
``content_ends``           words after a partial quote that end its content: medium, main clause
``subject_content``        a partial quote's content after its subject's verb when no cue takes it
``resolve``                speakers and addressees to actors, against the article's mentions
``pronouns``               gender and person-hood of what a pronoun may stand for
``speaker_index``          the article's speakers, titled names and appositives, indexed
``speaker_kinds``          named person, organisation, description, anonymous, unresolved
``organisation_speakers``  organisations as speakers: "they"/"it", a text's issuer
``described_speakers``     descriptions as speakers: "the senator", an office's holder
``head_mentions``          the registry mention heading a speaker phrase (its actor)
``antecedents``            a pronoun speaker in an embedded clause named by its sentence's subject
``name_forms``             a name's written form: acronyms spelled out, names the registry lacks
``rows``                   :func:`quote_rows`: the ``quotes`` table's rows from records (pure)
``extract``                the doors: :func:`extract_quotes` and :func:`quotes_frame`
``speakers``               views over the quotes table: speakers, addressees, positions
``korean``                 the Korean twin of these rules (its own module map)
=========================  =======================================================================
"""

from __future__ import annotations

from analysis.quotes.extract import correct_quotes, extract_quotes, quotes_frame
from analysis.quotes.records import KINDS, SPEECH_KINDS, Quote
from analysis.quotes.rows import quote_rows
from analysis.quotes.speakers import (
    NON_SPEECH_KINDS,
    addressees_frame,
    positions_frame,
    speaker_label,
    speakers_frame,
)
from analysis.text.english import NotEnglishWarning

__all__ = [
    "KINDS",
    "NON_SPEECH_KINDS",
    "SPEECH_KINDS",
    "NotEnglishWarning",
    "Quote",
    "addressees_frame",
    "correct_quotes",
    "extract_quotes",
    "positions_frame",
    "quote_rows",
    "quotes_frame",
    "speaker_label",
    "speakers_frame",
]
