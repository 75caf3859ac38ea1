"""Head persons of speaker phrases: appositions, "of" phrases, and words that are no speaker.

A speaker phrase found next to a cue (:mod:`analysis.quotes.phrases`) is sometimes the
wrong part of a longer noun phrase. The functions here take that phrase and the text
around it and return the head person (the rest is role or affiliation), or None when
the words are not a speaker at all:

* an apposition naming the person after a description: "the minister's spokesman, Tomas
  Berg, told" -> "Tomas Berg"; "according to Chile's envoy, Ana Ruiz," -> "Ana Ruiz";
* an "of" phrase after a person's name: "Mia Hart of Castle Analytics said" -> "Mia
  Hart"; "Sen. Ray Dunn of Ohio, the committee's chairman, said" -> "Sen. Ray Dunn";
  "Lea Vogt, Minister of Trade, Industry and Energy, said" -> "Lea Vogt";
* a possessive before a title and a name: "said Chile's chief envoy Ana Ruiz" -> "Ana Ruiz";
* words that are no speaker: a time phrase ("earlier this week called": the subject is
  further back), a verb glued to a bare plural ("he heard protesters shout" ->
  "protesters"), a capitalised plural glued to the words before it when a sentence end
  was lost ("in March Analysts said" -> "Analysts"), and a section label in capitals
  ("EXPERT VIEW:").

A name is read as a person's ("person-like") when it holds two or more capitalised words
after any leading titles and none of them is an institution or office word
(``quote_words.csv`` lists ``institution`` and ``title_word``), so "Bank of America"
and "Minister of Trade" keep their "of".
"""

from __future__ import annotations

import re
from functools import cache

from analysis.quotes.phrases import Phrase, subject_before
from analysis.quotes.words import abbreviations, alternation, words

__all__ = [
    "apposed_name",
    "forward_head",
    "is_person_name",
    "is_section_label",
    "names_person",
    "subject_head",
]

#: Most characters between a description and the name apposed to it.
APPOSED_MAX_CHARS = 60
#: Most lower-case words of a title between a possessive and a name ("Chile's chief envoy").
POSSESSIVE_TITLE_MAX_WORDS = 5
#: Most words of a time phrase read as no speaker ("a few months").
TIME_PHRASE_MAX_WORDS = 3
#: Fewest capitalised words of a person's name (after its titles).
PERSON_MIN_WORDS = 2
#: Characters before a name searched for the office list it ends ("Ministry of Trade,
#: Industry and Energy"): a bound, so a long sentence is not searched again per cue.
LISTED_OFFICE_MAX_CHARS = 160

_PARTICLE = r"(?:de|van|von|der|den|da|di|du|la|le|bin|al|el)"


@cache
def _name() -> str:
    """A run of two or more capitalised words (initials and titles with their period)."""
    dotted = "|".join(sorted((re.escape(a.capitalize()) for a in abbreviations() if a.isalpha()),
                             key=len, reverse=True))
    word = rf"(?:(?:{dotted}|[A-Z])\.|[A-Z][\w’'\-]*(?<!’s)(?<!'s))"
    return rf"{word}(?:\s+(?:{_PARTICLE}\s+)*{word})+"


#: "of" with the spaces around it.
_OF_BEFORE = re.compile(r"\bof\s+$")
_WORD = re.compile(r"[\w’'\-.]+")
_POSSESSIVE = re.compile(r"[’']s?$")


def _name_words(name: str) -> list[str]:
    return _WORD.findall(name)


def is_person_name(name: str) -> bool:
    """Tell whether a capitalised name reads as a person's (two name words, no institution).

    Examples
    --------
    >>> is_person_name("Sen. Ray Dunn"), is_person_name("Mia Hart")
    (True, True)
    >>> is_person_name("Bank"), is_person_name("Federal Reserve Bank"), is_person_name("Minister")
    (False, False, False)
    """
    found = [w.rstrip(".") for w in _name_words(name)]
    if not found or any(w[:1].islower() and w.lower() not in _particles() for w in found):
        return False
    while found and (found[0].lower() in abbreviations() or found[0].lower() in words("title_word")):
        found = found[1:]
    core = [w for w in found if w.lower() not in _particles()]
    if len(core) < PERSON_MIN_WORDS:
        return False
    lowered = {w.lower() for w in core}
    return not (lowered & words("institution") or lowered & words("title_word")
                or any(_POSSESSIVE.search(w) for w in core) or any(w.isupper() and len(w) > 1 for w in core))


def names_person(name: str, before: str) -> bool:
    """Tell whether ``name`` names a person: a full name, a title and surname, or a lone
    surname that ends a person's full name in ``before`` (the article up to it).

    Examples
    --------
    >>> names_person("Quist", "Ada Quist spoke first."), names_person("Quist", "It rained.")
    (True, False)
    >>> names_person("Prices", "Prices fell."), names_person("Mr. Morgan", "")
    (False, True)
    """
    if is_person_name(name) or is_titled_surname(name):
        return True
    if " " in name or not name[:1].isupper():
        return False
    return any(is_person_name(found.group(0)) for found in _surname_ending(name).finditer(before))


@cache
def _surname_ending(surname: str) -> re.Pattern[str]:
    """One to three capitalised words and then ``surname``, as a whole word."""
    return re.compile(rf"\b[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){{0,2}}\s+{re.escape(surname)}\b")


def is_titled_surname(name: str) -> bool:
    """Tell whether a name is a title and one surname ("Mr. Morgan", "Sen. Lund").

    Examples
    --------
    >>> is_titled_surname("Mr. Morgan"), is_titled_surname("Dr. Okafor")
    (True, True)
    >>> is_titled_surname("Morgan"), is_titled_surname("Mr. Bank"), is_titled_surname("The Club")
    (False, False, False)
    """
    found = [w.rstrip(".") for w in _name_words(name)]
    if len(found) != PERSON_MIN_WORDS:
        return False
    title, surname = found
    return (title.lower() in words("person_title") and surname[:1].isupper() and not surname.isupper()
            and surname.lower() not in words("institution") | words("title_word"))


@cache
def _particles() -> frozenset[str]:
    return frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el"})


def apposed_name(text: str, start: int, end: int) -> Phrase | None:
    """Return the person named in an apposition filling ``text[start:end]`` (", Tomas Berg,").

    Examples
    --------
    >>> text = "the minister's spokesman, Tomas Berg, told"
    >>> apposed_name(text, 24, text.index("told"))
    Phrase(start=26, end=36, text='Tomas Berg', kind='name')
    >>> apposed_name("Kim, senior secretary, said", 3, 22) is None
    True
    """
    if end - start > APPOSED_MAX_CHARS:
        return None
    match = _apposed().match(text, start, end)
    if match is None or not is_person_name(match.group("name")):
        return None
    name = match.group("name")
    return Phrase(match.start("name"), match.start("name") + len(name), name, "name")


@cache
def _apposed() -> re.Pattern[str]:
    """", Name Surname," (or ", Name Surname" ending the stretch)."""
    return re.compile(rf"\s*,\s*(?P<name>{_name()})\s*(?:,\s*)?$")


def _is_descriptive(phrase: Phrase) -> bool:
    """Tell whether a phrase describes rather than names: "the chief of X", "Chile's envoy"."""
    first = phrase.text.split(maxsplit=1)[0] if phrase.text else ""
    return (phrase.kind == "description" or first.lower() in words("determiner")
            or bool(_POSSESSIVE.search(first)))


def _ends_in_place(phrase: Phrase) -> bool:
    """Tell whether a description ends "from Sumter": a name after it is the rest of a place."""
    parts = phrase.text.split()
    return (len(parts) >= PERSON_MIN_WORDS and parts[-1][:1].isupper()
            and parts[-2].lower() in words("place_preposition"))


def _person_before_of(text: str, phrase: Phrase, region_start: int) -> Phrase | None:
    """Return the person's name before "of" when ``phrase`` is the "of" complement."""
    before = text[region_start : phrase.start]
    of = _OF_BEFORE.search(before)
    if of is None:
        return None
    head_end = region_start + of.start()
    head_text = text[region_start:head_end].rstrip()
    match = _name_at_end().search(head_text)
    if match is None:
        return None
    name = _drop_leading_stops(match.group("name"))
    if not (is_person_name(name) or is_titled_surname(name)):
        return None
    name_start = region_start + len(head_text) - len(name)
    return Phrase(name_start, name_start + len(name), name, "name")


@cache
def _name_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?:(?<=\s)|^)(?P<name>{_name()})$")


#: A dotted abbreviation written before an office ("U.S.", "U.K.").
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


def _title_before_of(text: str, phrase: Phrase, region_start: int) -> Phrase | None:
    """Return "Secretary of State Ann Kerr" for "State Ann Kerr": an office and its "of".

    A dotted abbreviation before the office is kept ("U.S. Secretary of State Ann Kerr").

    A body named with its "of" counts too ("Ministry of Defence" for "Defence")."""
    before = text[region_start : phrase.start]
    match = re.search(r"((?:[A-Z][\w’'\-.]*\s+)+)of\s+$", before)
    if match is None:
        return None
    office = match.group(1).split()
    # "U.S. Secretary of State": a dotted abbreviation before the office stays with it
    lead = next((n for n, word in enumerate(office) if not _DOTTED.fullmatch(word)), len(office))
    office = office[lead:]
    if not office or not (all(word.lower() in words("title_word") for word in office)
                          or office[-1].lower() in words("institution")):  # "the Ministry of Defence"
        return None
    start = region_start + match.start(1)
    return Phrase(start, phrase.end, text[start : phrase.end], "name")


def _drop_leading_stops(name: str) -> str:
    """Drop sentence-opening function words from a capitalised run ("But Mia Hart")."""
    parts = name.split()
    while parts and parts[0].lower() in words("leading") | words("breaker") | words("determiner"):
        parts = parts[1:]
    return " ".join(parts)


@cache
def _clause_start_person() -> re.Pattern[str]:
    """A person's name opening a clause, then a comma: "Lea Vogt, Minister of ..."."""
    stops = alternation("leading", capitalised=True)
    return re.compile(rf"(?:^|(?<=[.;:—\n])\s*|(?<=\band\s)|(?<=\bbut\s))(?:(?:{stops})\s+)?"
                      rf"(?P<name>{_name()})\s*,")


def _person_opening_apposition(text: str, phrase: Phrase, region_start: int) -> Phrase | None:
    """Return "Lea Vogt" in "Lea Vogt, Minister of Trade, Industry and Energy, [said]"."""
    stretch = text[region_start : phrase.start]
    found = None
    for match in _clause_start_person().finditer(stretch):
        if is_person_name(match.group("name")):
            found = match
    if found is None:
        return None
    between = stretch[found.end() :]
    if any(mark in between for mark in ".;:“”\""):
        return None
    name = found.group("name")
    start = region_start + found.start("name")
    return Phrase(start, start + len(name), name, "name")


def subject_head(text: str, phrase: Phrase | None, region_start: int, cue_start: int) -> Phrase | None:
    """Return the head person of a speaker phrase read back from a cue (see the module docs).

    Examples
    --------
    >>> text = "Mia Hart of Castle Analytics said"
    >>> subject_head(text, subject_before(text, 0, 29), 0, 29).text
    'Mia Hart'
    >>> text = "the minister's spokesman, Tomas Berg, told"
    >>> subject_head(text, subject_before(text, 0, 38), 0, 38).text
    'Tomas Berg'
    >>> text = "Lea Vogt, Minister of Trade, Industry and Energy, said"
    >>> subject_head(text, subject_before(text, 0, 50), 0, 50).text
    'Lea Vogt'
    """
    if phrase is None:
        return None
    if phrase.kind == "name" and is_section_label(text, phrase):
        return None
    if phrase.kind == "description" and _is_time_phrase(phrase):
        return _subject_before_time(text, phrase, region_start)
    glued = _glued_plural(text, phrase) or _after_glued_verb(text, phrase, region_start)
    if glued is not None:
        return glued
    if _is_descriptive(phrase) and not _ends_in_place(phrase):
        apposed = apposed_name(text, phrase.end, cue_start)
        if apposed is not None:
            return apposed
    if phrase.kind == "name" and _is_office(phrase) and text[region_start : phrase.start].rstrip().endswith(","):
        return _apposition_of(text, phrase, region_start, cue_start) or phrase
    listed = _listed_office(text, phrase, region_start) if phrase.kind == "name" else None
    if listed is not None:
        return listed
    if phrase.kind == "name" and _OF_BEFORE.search(text[region_start : phrase.start]):
        return (_person_before_of(text, phrase, region_start)
                or _apposition_of(text, phrase, region_start, cue_start)
                or _title_before_of(text, phrase, region_start) or phrase)
    return phrase


@cache
def _office_list_before() -> re.Pattern[str]:
    """"Ministry of Trade, Industry and " right before the last name of the list."""
    capitalised = r"[A-Z][\w’'\-]*"
    return re.compile(rf"(?:(?<=\s)|^)(?P<head>(?:{capitalised}\s+)*?(?P<noun>{capitalised})\s+of\s+"
                      rf"(?:{capitalised},?\s+)+and\s+)$")


def _listed_office(text: str, phrase: Phrase, region_start: int) -> Phrase | None:
    """Return "Ministry of Trade, Industry and Energy" for the phrase "Energy" after its list."""
    window = max(region_start, phrase.start - LISTED_OFFICE_MAX_CHARS)
    match = _office_list_before().search(text[window : phrase.start])
    if match is None:
        return None
    noun = match.group("noun").lower()
    if noun not in words("institution") and noun not in words("title_word"):
        return None
    start = window + match.start("head")
    return Phrase(start, phrase.end, text[start : phrase.end], "name")


def _is_office(phrase: Phrase) -> bool:
    """Tell whether a name is an office with its "of" ("Minister of Fisheries")."""
    head, of, _ = phrase.text.partition(" of ")
    return bool(of) and all(word.lower() in words("title_word") for word in head.split())


def _apposition_of(text: str, phrase: Phrase, region_start: int, cue_start: int) -> Phrase | None:
    """The person before an apposition holding an "of" title ("X, Minister of Trade, said")."""
    if not text[phrase.end : cue_start].rstrip().endswith(","):
        return None
    return _person_opening_apposition(text, phrase, region_start)


def forward_head(text: str, phrase: Phrase | None, region_end: int) -> Phrase | None:
    """Return the head person of a phrase read forwards (after "according to" or "said").

    Examples
    --------
    >>> text = "According to Chile's envoy, Ana Ruiz, the deal is close."
    >>> forward_head(text, Phrase(13, 20, "Chile's", "name"), len(text)).text
    'Ana Ruiz'
    >>> text = "said Peter Olm of the Harbour Workers Union."
    >>> forward_head(text, Phrase(5, 43, text[5:43], "name"), len(text)).text
    'Peter Olm'
    """
    if phrase is None or phrase.kind == "pronoun":
        return phrase
    of = re.search(r"\s+of\s", phrase.text)
    if of is not None and phrase.kind == "name":
        head = phrase.text[: of.start()]
        if is_person_name(head):
            return Phrase(phrase.start, phrase.start + len(head), head, "name")
    if _POSSESSIVE.search(phrase.text.split()[-1]):
        return _after_possessive(text, phrase, region_end) or phrase
    if _is_descriptive(phrase):
        return _name_apposed_after(text, phrase, region_end) or phrase
    return phrase


@cache
def _apposed_after() -> re.Pattern[str]:
    """", engineer Lara Boyd" after a description: an optional lower-case title, a name."""
    lower = r"[a-z][\w’'\-]*"
    return re.compile(
        rf"\s*,\s*(?P<title>(?:{lower}\s+){{0,{POSSESSIVE_TITLE_MAX_WORDS - 1}}})"
        rf"(?P<name>{_name()})(?P<after>\s*[,.;:!?)]|\s*$)"
    )


def _name_apposed_after(text: str, phrase: Phrase, region_end: int) -> Phrase | None:
    """Return "Lara Boyd" in "said the mayor's deputy, engineer Lara Boyd."."""
    return _titled_name_after(_apposed_after(), text, phrase, region_end)


@cache
def _possessive_tail() -> re.Pattern[str]:
    lower = r"[a-z][\w’'\-]*"
    return re.compile(
        rf"\s+(?P<title>(?:{lower}\s+){{0,{POSSESSIVE_TITLE_MAX_WORDS - 1}}}{lower})"
        rf"(?:\s*,\s*|\s+)(?P<name>{_name()})(?P<after>\s*[,.;:!?)]|\s*$)"
    )


def _after_possessive(text: str, phrase: Phrase, region_end: int) -> Phrase | None:
    """Return "Ana Ruiz" after "Chile's envoy, Ana Ruiz," or "Chile's chief envoy Ana Ruiz"."""
    return _titled_name_after(_possessive_tail(), text, phrase, region_end)


def _titled_name_after(pattern: re.Pattern[str], text: str, phrase: Phrase,
                       region_end: int) -> Phrase | None:
    """The person ``pattern`` (a ``title`` then a ``name`` group) finds right after ``phrase``."""
    match = pattern.match(text, phrase.end, region_end)
    if match is None or not is_person_name(match.group("name")):
        return None
    if set(match.group("title").split()) & (words("breaker") | words("forward_stop")):
        return None
    name = match.group("name")
    return Phrase(match.start("name"), match.start("name") + len(name), name, "name")


def is_section_label(text: str, phrase: Phrase) -> bool:
    """Tell whether a phrase is a section label in capitals opening a paragraph ("ANALYSIS:").

    Examples
    --------
    >>> text = "Intro.\\nEXPERT VIEW: “Prices will fall.”"
    >>> is_section_label(text, Phrase(7, 18, "EXPERT VIEW", "name"))
    True
    >>> is_section_label("NATO: “We agree.”", Phrase(0, 4, "NATO", "name"))
    False
    """
    found = _name_words(phrase.text)
    if not found or not all(w.isupper() for w in found):
        return False
    line_start = text.rfind("\n", 0, phrase.start) + 1
    if text[line_start : phrase.start].strip():
        return False
    if not text[phrase.end :].lstrip().startswith(":"):
        return False
    return len(found) >= PERSON_MIN_WORDS or found[-1].lower() in words("section_label")


def _is_time_phrase(phrase: Phrase) -> bool:
    """Tell whether a description is only a time phrase ("this week", "a few months")."""
    parts = phrase.text.split()
    return len(parts) <= TIME_PHRASE_MAX_WORDS and parts[-1].lower() in words("time_noun")


def _subject_before_time(text: str, phrase: Phrase, region_start: int) -> Phrase | None:
    """The subject before a time phrase: "Stone earlier this week called" -> "Stone"."""
    end = phrase.start
    while True:
        match = re.search(r"([\w’'\-]+)\s*$", text[region_start:end])
        if match is None or match.group(1).lower() not in words("time_adverb"):
            break
        end = region_start + match.start(1)
    found = subject_before(text, region_start, end)
    if found is None or (found.kind == "description" and _is_time_phrase(found)):
        return None
    return found


def _glued_plural(text: str, phrase: Phrase) -> Phrase | None:
    """Return "Analysts" from "the region in March Analysts": a sentence end was lost."""
    parts = list(re.finditer(r"\S+", phrase.text))
    if len(parts) < PERSON_MIN_WORDS:
        return None
    last = parts[-1].group()
    previous = parts[-2].group().lower()
    if not last[:1].isupper() or last.lower() not in words("common_plural"):
        return None
    if previous in words("determiner") | words("preposition") | words("coordinator"):
        return None  # "the Analysts", "Federation of Teachers", "Students and Teachers"
    start = phrase.start + parts[-1].start()
    return Phrase(start, phrase.end, last, "description")


def _after_glued_verb(text: str, phrase: Phrase, region_start: int) -> Phrase | None:
    """Return "protesters" from "he heard protesters [shout]": the verb is not the speaker."""
    if phrase.kind != "description":
        return None
    parts = list(re.finditer(r"\S+", phrase.text))
    if len(parts) < PERSON_MIN_WORDS or parts[0].group().lower() not in words("glued_verb"):
        return None
    start = phrase.start + parts[1].start()
    return Phrase(start, phrase.end, text[start : phrase.end], "description")
