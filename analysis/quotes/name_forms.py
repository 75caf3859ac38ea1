"""How names are written in a speaker phrase: acronyms, names the registry lacks, name runs.

Helpers of :class:`analysis.quotes.resolve.Resolver` that read a name's written form
only, never the article's other mentions: the name an acronym spells out in the text
(:func:`spelled_out`), the canonical form of a name the registry lacks
(:func:`unregistered_name`), and the parts of a run of capitalised words that are no
name (a sentence end inside it, an opener before it).
"""

from __future__ import annotations

import re
from functools import cache

from analysis.actors.gender import first_name_gender
from analysis.actors.registry import strip_titles
from analysis.quotes.speaker_kinds import anonymous_words
from analysis.quotes.words import abbreviations, leading_stops, words
from analysis.text.patterns import NAME_RUN_RE

__all__ = ["ACRONYM", "GIVEN_NAME_STOPS", "name_part", "possessed_name", "run_openers",
           "spelled_out", "unregistered_name", "without_leading_stops"]

#: An acronym a speaker may be named by ("JCS", "IAEA").
ACRONYM = re.compile(r"[A-Z]{2,8}")
#: Characters before "(ACRONYM)" read for the name it spells out ("Joint Chiefs of Staff");
#: a name of eight words fits well inside.
SPELLED_OUT_LOOKBACK_CHARS = 120
#: Words an acronym's spelled-out name may hold without giving a letter ("Chiefs of Staff").
_ACRONYM_SKIPPED = frozenset({"of", "for", "and", "the", "on", "in", "&"})


def spelled_out(text: str, acronym: str) -> str | None:
    """Return the name an article spells ``acronym`` out as: "Full Name (ACRONYM)".

    Examples
    --------
    >>> spelled_out("The Joint Chiefs of Staff (JCS) said so. The JCS added more.", "JCS")
    'Joint Chiefs of Staff'
    >>> spelled_out("The JCS said so.", "JCS") is None
    True
    """
    for match in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", text):
        words_before = text[max(0, match.start() - SPELLED_OUT_LOOKBACK_CHARS) : match.start()].split()
        letters, taken = "", []
        for word in reversed(words_before):
            if word.lower() in _ACRONYM_SKIPPED and taken:
                taken.append(word)
                continue
            if not word[:1].isupper():
                break
            letters = word[0] + letters
            taken.append(word)
            if letters == acronym:
                return " ".join(reversed(taken))
            if not acronym.endswith(letters):
                break
    return None


def unregistered_name(name: str) -> str:
    """Return the actor name of a person or body the registry does not hold.

    Titles are stripped (:func:`analysis.actors.registry.strip_titles`), then a party
    member's noun ("Republican Anton Reyes"), anything before a listed first name
    ("County Auditor Gloria Fenn" -> "Gloria Fenn") and a leading "The" of a body ("The
    Russian Foreign Ministry").

    Examples
    --------
    >>> unregistered_name("County Auditor Gloria Fenn"), unregistered_name("Mr. Okafor")
    ('Gloria Fenn', 'Okafor')
    >>> unregistered_name("The Russian Foreign Ministry"), unregistered_name("The Hill")
    ('Russian Foreign Ministry', 'The Hill')
    >>> unregistered_name("Democrat Anton Reyes"), unregistered_name("Liberal Democrats")
    ('Anton Reyes', 'Liberal Democrats')
    """
    # "Endorses Ted Cruz. Morton Blackwell": a run across a sentence end
    resolved = after_sentence_end(strip_titles(name) or name)
    parts = resolved.split()
    while len(parts) > 2 and parts[0].lower() in anonymous_words("member"):
        parts = parts[1:]
        resolved = " ".join(parts)
    for index in range(1, len(parts) - 1):
        if first_name_gender(" ".join(parts[index:])) is not None and parts[index - 1][:1].isupper():
            return " ".join(parts[index:])
    if len(parts) > 2 and parts[0] == "The" and parts[1][:1].isupper():  # not "The Hill"
        return " ".join(parts[1:])
    return resolved


#: A full stop followed by a capitalised word inside a name run, and the word before it.
_STOP_IN_RUN = re.compile(r"([\w’'-]+)\.\s+(?=[A-Z])")


def after_sentence_end(run: str) -> str:
    """Return the part of a name run after a sentence end in it ("Jakarta. Ono" -> "Ono").

    A stop after an initial or an abbreviation ("John F. Kerry", "St. Louis") is no end.
    """
    cut = 0
    for match in _STOP_IN_RUN.finditer(run):
        word = match.group(1)
        if len(word) > 1 and word.lower() not in abbreviations() and not word.isupper():
            cut = match.end()
    return run[cut:]


#: Stop words that are also given names, kept when they open a name run ("Will Doyle").
GIVEN_NAME_STOPS = frozenset({"will", "may", "bill", "mark", "grant", "rich", "hope", "joy"})


@cache
def run_openers() -> frozenset[str]:
    """Sentence openers that are never a name's first word ("When", "Then"; not "Will")."""
    return leading_stops() - GIVEN_NAME_STOPS


def without_leading_stops(run: str) -> str:
    """Drop what opens a sentence before a name ("When Yoon Ha-eun", "Jakarta. Ono")."""
    run = after_sentence_end(run)
    parts = run.split()
    while len(parts) > 1 and parts[0].lower() in run_openers():
        parts = parts[1:]
    return " ".join(parts)


def name_part(text: str) -> str:
    """Return the capitalised name in a phrase ("presidential spokesperson Lee" -> "Lee").

    A possessive ending is not part of the name: "Auditor Ames's" -> "Ames".
    """
    text = _POSSESSIVE_END.sub("", text)
    runs = NAME_RUN_RE.findall(text)
    if runs:
        return runs[-1]
    words_ = text.split()
    capitalised = [w for w in words_ if w[:1].isupper()]
    return capitalised[-1] if capitalised else text


#: A possessive ending a phrase ("Ames's", "Ames’s", "the Saudis'").
_POSSESSIVE_END = re.compile(r"(?:[’']s|(?<=s)[’'])$")
#: A possessive right after a country's name, and the space before the name it owns
#: ("North Korea's ", "the United States' ").
_POSSESSIVE_AFTER = re.compile(r"(?:[’']s|(?<=s)[’'])\s+(?=[A-Z])")


def possessed_name(text: str, possessor_end: int) -> int | None:
    """Return where the name a country owns starts, if it is a name of its own.

    ``text`` opens with a country's name ending at ``possessor_end``. In "Britain's
    Halberd Marine" the firm's name is "Halberd Marine"; in "China's Foreign Ministry"
    the country is part of what names the body (its words are all institution words or
    body modifiers, lists ``institution`` and ``body_modifier``), so None.

    Examples
    --------
    >>> text = "Britain's Halberd Marine"
    >>> text[possessed_name(text, 7):]
    'Halberd Marine'
    >>> possessed_name("China's Foreign Ministry", 5) is None
    True
    >>> possessed_name("Japan's economy", 5) is None
    True
    """
    match = _POSSESSIVE_AFTER.match(text, possessor_end)
    if match is None:
        return None
    owned = text[match.end():].split()
    generic = words("institution") | words("body_modifier")
    if len(owned) < 2 or all(word.lower().strip(",.") in generic for word in owned):
        return None
    return match.end()
