"""What kind of speaker a quote has: a named person, an organisation, an anonymous source.

The kinds are :data:`analysis.quotes.records.SPEAKER_KINDS`:

* ``"person"``: a person named in the phrase, or a pronoun that resolved to one;
* ``"organisation"``: an organisation or country (registry kinds "organisation" and
  "country"; a name the registry lacks that ends in an organisation's head noun,
  ``resources/sentiment/organisation_heads.txt``: "Castle Analytics Institute");
* ``"description"``: a description ("the defence minister") resolved to a person by
  role: the one holder the registry lists on the article's date, or the person the
  article named with that title;
* ``"anonymous"``: a source the article withholds or a collective one (:func:`is_anonymous`:
  "a senior administration official", "two diplomats", "officials familiar with the
  talks"), and a pronoun that goes on from one; its actor is always None;
* ``"unresolved"``: a speaker phrase that resolved to no actor, or to words that are
  neither a registry actor nor a name.

A quote without a speaker (scare quotes, titles, speech no cue attributes) has kind None.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from analysis._resources import read_csv_rows, read_lines
from analysis.actors.gender import first_name_gender
from analysis.actors.registry import ActorRegistry
from analysis.quotes.cues import cues
from analysis.quotes.words import alternation, words

__all__ = ["anonymous_heads", "anonymous_words", "described_organisations", "is_anonymous",
           "looks_like_person", "named_after", "organisation_description",
           "self_referring_organisations", "speaker_kind", "withheld_after"]

#: Words that open a definite or possessed description: "the officials" are known ones.
DEFINITE_OPENERS = frozenset({"the", "this", "that", "these", "those", "his", "her", "its",
                              "their", "our", "my", "your"})
#: Generational suffixes written after a person's name ("Jr.", "III").
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
_WORD = re.compile(r"[\w’'.-]+")
#: A capitalised name word with a lower-case letter ("Berg", "Eun-hye"), not "U.S.".
_NAME_WORD = re.compile(r"[A-Z][\w’'-]*[a-z][\w’'-]*")
#: Most words between the article of an appositive and its organisation noun ("a
#: nonpartisan election watchdog").
DESCRIBED_MAX_WORDS = 4
#: Characters before an organisation noun searched for the name it describes.
DESCRIBED_WINDOW = 160
#: Words that make the noun after them the head of a phrase inside the description, not
#: the description's own head ("a partner at the law firm": a person).
_NOT_IN_HEAD = frozenset({"of", "at", "for", "in", "with", "on", "from", "by", "to", "and",
                          "or", "who", "which", "that", "whose", "former", "ex"})
#: Words that may follow the organisation noun ending a description ("a civic group in
#: Ohio", "a watchdog group that ..."); any other lower-case word makes the noun a
#: modifier ("a group leader": a person).
_AFTER_HEAD = frozenset({"in", "of", "that", "which", "whose", "based", "founded", "with",
                         "from", "at", "on", "for", "and", "or", "said", "says", "told",
                         "has", "had", "is", "was"})
#: Characters after an indefinite speaker phrase searched for words that withhold its
#: name (", who asked not to be named because ...").
WITHHELD_WINDOW = 120
# prepositions tying a role to the body it serves: "the head of one charity"
_OWNER_PREPOSITIONS = frozenset({"of", "for", "at", "from"})
#: Where the clause after a speaker phrase ends: a sentence end or a quote mark.
_CLAUSE_END = re.compile(r"[.!?;“”\"]")
#: Words after a member noun that leave it the phrase's head ("a Democrat on the panel").
_AFTER_MEMBER = frozenset({"of", "in", "on", "at", "from", "with", "close", "involved",
                           "familiar", "who", "briefed", "speaking", "and", "or"})
#: A name set off by a comma right after a description ("A Democrat, Senator Ray Dunn, ...").
_APPOSED_NAME = re.compile(r",\s+(?P<name>(?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w’'-]*[a-z])\b")
_LEADING_THE = re.compile(r"^The\s+")
_NEXT_WORD = re.compile(r"\s*([a-z][\w’'-]*)")
_NAME_RUN = r"(?:[A-Z][\w’'&.-]*\s){0,5}[A-Z][\w’'&.-]*[\w]"


@cache
def anonymous_words(kind: str) -> frozenset[str]:
    """Return the words of one ``kind`` of ``resources/actors/anonymous_speakers.csv``.

    Examples
    --------
    >>> "official" in anonymous_words("head"), "an" in anonymous_words("determiner")
    (True, True)
    """
    return frozenset(row["word"] for row in read_csv_rows("actors/anonymous_speakers.csv")
                     if row["kind"] == kind)


@cache
def _organisation_heads() -> frozenset[str]:
    return frozenset(read_lines("sentiment/organisation_heads.txt"))


def _is_head(word: str, plural_only: bool, next_word: str | None = None) -> bool:
    heads = anonymous_words("head")
    if next_word is None or next_word in _AFTER_MEMBER:
        heads = heads | anonymous_words("member")
    if word == "people":
        return True
    if word.endswith("s") and word[:-1] in heads:
        return True
    return not plural_only and word in heads


def _heads_in(tokens: list[str], plural_only: bool) -> bool:
    """Tell whether a person noun heads the phrase (a member noun only before no noun)."""
    return any(_is_head(word, plural_only, tokens[i + 1] if i + 1 < len(tokens) else None)
               for i, word in enumerate(tokens))


def is_anonymous(phrase: str) -> bool:
    """Tell whether a speaker phrase names nobody: an anonymous or collective source.

    An indefinite description of a person ("a senior official", "two diplomats"), a
    bare plural of such a noun ("officials", "U.S. sources"), or any phrase that says
    the name is withheld ("an official who spoke on condition of anonymity"). A
    definite or possessed description ("the official", "his aides") is not: it goes
    back to someone the article introduced.

    Examples
    --------
    >>> [is_anonymous(p) for p in ("a senior Interior Ministry official", "two diplomats",
    ...                            "officials", "people familiar with the plan")]
    [True, True, True, True]
    >>> [is_anonymous(p) for p in ("the official", "his aides", "Tomas Berg", "the minister")]
    [False, False, False, False]
    """
    lowered = phrase.lower()
    if any(marker in lowered for marker in anonymous_words("marker")):
        return True
    tokens = [w.strip("’'.,") for w in _WORD.findall(lowered)]
    tokens = [w for w in tokens if w]
    if not tokens or tokens[0] in DEFINITE_OPENERS:
        return False
    if tokens[0] in anonymous_words("determiner"):
        return _heads_in(tokens[1:], plural_only=False)
    return _heads_in(tokens, plural_only=True)


def withheld_after(phrase: str, text: str, end: int) -> bool:
    """Tell whether the clause after an indefinite speaker phrase withholds its name.

    "said one Democrat involved in the talks, who asked not to be named": the speaker
    phrase ends before "involved", and what makes it anonymous comes after it. Only an
    indefinite phrase counts (:func:`_indefinite`: opened by a determiner of
    ``anonymous_speakers.csv``, "a", "one", "two", or the role of such a body, "the head
    of one charity"); a name stays a name.

    Examples
    --------
    >>> text = "“No,” said one Democrat, who asked not to be named. Then Berg spoke."
    >>> withheld_after("one Democrat", text, text.index(", who"))
    True
    >>> withheld_after("Tomas Berg", text, text.index(", who"))
    False
    """
    if not _indefinite(_WORD.findall(phrase.lower())):
        return False
    window = text[end:end + WITHHELD_WINDOW]
    stop = _CLAUSE_END.search(window)
    clause = (window[:stop.start()] if stop else window).lower()
    return any(marker in clause for marker in anonymous_words("marker"))


def _indefinite(tokens: list[str]) -> bool:
    """Tell whether a phrase's words describe someone indefinitely.

    Either the phrase opens with an indefinite determiner ("one Democrat") or the
    body it belongs to is indefinite ("the head of one charity", "the spokesman for a
    rival firm"): the person is then one of many, as unnamed as "a charity head".

    Examples
    --------
    >>> _indefinite(["the", "head", "of", "one", "charity"]), _indefinite(["the", "mayor"])
    (True, False)
    """
    determiners = anonymous_words("determiner")
    if tokens and tokens[0] in determiners:
        return True
    return any(word in _OWNER_PREPOSITIONS and following in determiners
               for word, following in pairwise(tokens[1:]))


def named_after(text: str, end: int) -> bool:
    """Tell whether a person's name stands in apposition right after a description.

    "A Democrat, Senator Ray Dunn of Ohio, said ...": the description is no anonymous
    source, the article names him.

    Examples
    --------
    >>> text = "A Democrat, Senator Ray Dunn of Ohio, said no."
    >>> named_after(text, len("A Democrat")), named_after("A Democrat, who left, said no.", 10)
    (True, False)
    """
    match = _APPOSED_NAME.match(text, end)
    return match is not None and looks_like_person(match.group("name"))


def anonymous_heads(phrase: str) -> list[str]:
    """Return the person nouns of an anonymous speaker phrase, singular ("officials" -> "official").

    Examples
    --------
    >>> anonymous_heads("a senior European official involved in the talks")
    ['official']
    >>> anonymous_heads("two diplomats familiar with the plan")
    ['diplomat']
    """
    heads = anonymous_words("head")
    found = []
    for word in (w.strip("’'.,") for w in _WORD.findall(phrase.lower())):
        singular = word[:-1] if word.endswith("s") and word[:-1] in heads else word
        if singular in heads:
            found.append(singular)
    return found


def looks_like_person(name: str) -> bool:
    """Tell whether a name the registry lacks is written like a person's ("Tomas Berg").

    Two to four capitalised name words (a generational suffix such as "Jr." or "III"
    aside), the last not an organisation's head noun.

    Examples
    --------
    >>> looks_like_person("Tomas Berg"), looks_like_person("Castle Analytics Institute")
    (True, False)
    >>> looks_like_person("Brent Hale III")
    True
    >>> looks_like_person("Organisers"), looks_like_person("U.S."), looks_like_person("Bank of Valdor")
    (False, False, False)
    """
    parts = name.split()
    while len(parts) > 2 and parts[-1].rstrip(".") in NAME_SUFFIXES:
        parts.pop()
    if not 2 <= len(parts) <= 4 or parts[-1] in _organisation_heads() or _headed_of(name):
        return False
    return _NAME_WORD.fullmatch(parts[0]) is not None and _NAME_WORD.fullmatch(parts[-1]) is not None


@cache
def _organisation_noun() -> re.Pattern[str]:
    nouns = sorted(read_lines("quotes/organisation_nouns.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in nouns) + r")\b(?![’'-])")


#: Most words of a definite organisation description ("the Seoul-based robot maker").
ORGANISATION_DESCRIPTION_MAX_WORDS = 4


def organisation_description(phrase: str) -> bool:
    """Tell whether a speaker phrase is a definite description of an organisation.

    "the company", "the Seoul-based firm", "the group": "the" and at most
    :data:`ORGANISATION_DESCRIPTION_MAX_WORDS` words ending in a noun of
    ``resources/quotes/organisation_nouns.txt``.

    Examples
    --------
    >>> [organisation_description(p) for p in ("the company", "the Busan-based start-up",
    ...                                        "the company's founder", "a company")]
    [True, True, False, False]
    """
    parts = phrase.split()
    return (2 <= len(parts) <= ORGANISATION_DESCRIPTION_MAX_WORDS and parts[0].lower() == "the"
            and _organisation_noun().fullmatch(parts[-1]) is not None)


@cache
def _described_name() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-])(?P<name>{_NAME_RUN}),\s+(?:an?|the)\s+"
                      rf"(?P<words>(?:[\w’'-]+\s+){{0,{DESCRIBED_MAX_WORDS}}}?)$")


def described_organisations(text: str) -> frozenset[str]:
    """Return the names ``text`` describes as organisations in apposition.

    "Fair Harbor Trust, a nonpartisan watchdog group, said": a name, a comma, an
    article and a description whose head noun is one of
    ``resources/quotes/organisation_nouns.txt``. A noun inside a phrase of the
    description ("Lena Ford, a partner at the law firm") does not count. Read once per
    article, from each organisation noun back over :data:`DESCRIBED_WINDOW` characters.

    Examples
    --------
    >>> sorted(described_organisations(
    ...     "Fair Harbor Trust, a nonpartisan watchdog group, said so. "
    ...     "Lena Ford, a partner at the law firm, agreed. Nuvio, a Seoul start-up, hired. "
    ...     "Ann Berg, a group leader, left."))
    ['Fair Harbor Trust', 'Nuvio']
    """
    names = set()
    before = _described_name()
    for noun in _organisation_noun().finditer(text):
        match = before.search(text, max(0, noun.start() - DESCRIBED_WINDOW), noun.start())
        if match is None:
            continue
        following = _NEXT_WORD.match(text, noun.end())
        if following is not None and following.group(1) not in _AFTER_HEAD:
            continue
        words = match.group("words").lower().split()
        if not _NOT_IN_HEAD.intersection(words):
            names.add(_LEADING_THE.sub("", match.group("name")))
    return frozenset(names)


@cache
def _self_reference() -> re.Pattern[str]:
    """NAME, a ``self_reference_cue``, "in a statement" maybe, "that" maybe, "it" and a verb.

    After "in a statement" any "it" counts; else the verb after "it" is an "-ing" form
    after "was", an "-ed" form after "had" or a verb after "would" other than "be" ("it
    would cooperate", not "it would be hard").
    """
    lemmas = words("self_reference_cue")
    forms = sorted((form for form, cue in cues().items() if cue.lemma in lemmas), key=len, reverse=True)
    verb = (rf"(?:(?:{alternation('it_progressive')})\s+[a-z]+ing|(?:{alternation('it_perfect')})"
            rf"\s+[a-z]+ed|(?:{alternation('it_modal')})\s+(?!(?:{alternation('it_modal_not')})\b)[a-z]+)")
    statement = rf"(?:on\s+\w+\s+)?in\s+an?\s+(?:{alternation('statement_noun')})\s+(?:that\s+)?it\s+\w"
    return re.compile(
        rf"(?<![\w’'&.-])(?P<name>{_NAME_RUN})\s+(?:{'|'.join(map(re.escape, forms))})\s+"
        rf"(?:{statement}|(?:that\s+)?it\s+{verb}\b)"
    )


def self_referring_organisations(text: str) -> frozenset[str]:
    """Return the names ``text`` shows to be organisations by their speaking of themselves as "it".

    ``Halberd Marine said in a statement that it was “ready to hire”``: a name whose
    of two words or more whose first is no known first name
    (:func:`analysis.actors.gender.first_name_gender`) says "it" of itself right after
    the cue, in a written statement or with a verb that makes "it" no expletive ("said
    in a statement that it was", "said that it would hire"). "Helen Berg said it was
    hard" is left alone.

    Examples
    --------
    >>> sorted(self_referring_organisations(
    ...     "Nordvik Timber said in a statement that it was ready. "
    ...     "Helen Berg said it was a mistake. Tovik Freight said it would hire. "
    ...     "Odd Vale said it would be hard."))
    ['Nordvik Timber', 'Tovik Freight']
    """
    names = set()
    for match in _self_reference().finditer(text):
        name = _LEADING_THE.sub("", match.group("name"))
        if len(name.split()) > 1 and first_name_gender(name) is None:
            names.add(name)
    return frozenset(names)


def _headed_of(name: str) -> bool:
    """Tell whether ``name`` is "Head of ..." with an organisation's head ("Bank of Valdor")."""
    parts = name.split()
    return len(parts) > 2 and parts[1] == "of" and parts[0] in _organisation_heads()


def speaker_kind(
    registry: ActorRegistry, actor: str | None, phrase_kind: str | None,
    anonymous: bool = False, organisations: frozenset[str] = frozenset(),
) -> str | None:
    """Return the :data:`~analysis.quotes.records.SPEAKER_KINDS` value of one speaker.

    Parameters
    ----------
    registry : ActorRegistry
    actor : str or None
        What the speaker phrase resolved to.
    phrase_kind : str or None
        The phrase's kind ("name", "pronoun", "description"); None: no speaker.
    anonymous : bool
        The phrase is (or a pronoun goes on from) an anonymous source.
    organisations : frozenset of str
        Names the article describes as organisations (:func:`described_organisations`);
        the registry's word comes first.

    Examples
    --------
    >>> from analysis.actors.registry import default_registry
    >>> registry = default_registry()
    >>> speaker_kind(registry, "Jens Stoltenberg", "name"), speaker_kind(registry, "NATO", "name")
    ('person', 'organisation')
    >>> speaker_kind(registry, "Jens Stoltenberg", "description")
    'description'
    >>> speaker_kind(registry, None, "description", anonymous=True), speaker_kind(registry, None, None)
    ('anonymous', None)
    >>> speaker_kind(registry, "Organisers", "name"), speaker_kind(registry, "Tomas Berg", "pronoun")
    ('unresolved', 'person')
    >>> speaker_kind(registry, "Tomas Berg", "name", organisations=frozenset({"Tomas Berg"}))
    'organisation'
    """
    if phrase_kind is None:
        return None
    if anonymous:
        return "anonymous"
    if actor is None:
        return "unresolved"
    record = registry.get(actor)
    if record is not None:
        person = record.kind == "person"
    elif actor in organisations:
        person = False
    elif looks_like_person(actor):
        person = True
    elif (actor.split()[-1] in _organisation_heads() or _headed_of(actor)
          or (actor.isupper() and actor.isalpha())):
        person = False
    else:
        return "unresolved"
    if not person:
        return "organisation"
    return "description" if phrase_kind == "description" else "person"
