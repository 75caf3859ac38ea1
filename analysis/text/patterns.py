"""The one set of word, name and quote-mark patterns the wings share.

Every wing that reads words, names or quotation marks takes its pattern from here, so
"a capitalised name" or "a closing quote" means the same thing in every table. A wing
keeps a pattern of its own only where it needs a different one on purpose, and says why
next to it.

Character sets (strings, to use inside ``[...]`` or with ``in``)
------------------------------------------------------------------
:data:`APOSTROPHES`
    the typographic and the straight apostrophe (``’'``): "Korea’s", "O'Brien".
:data:`DOUBLE_OPENING`, :data:`DOUBLE_CLOSING`, :data:`DOUBLE_MARKS`, :data:`SINGLE_MARKS`, :data:`ALL_MARKS`
    quotation marks: curly and low double opening marks and guillemets, their closing
    twins, the straight ``"`` (which opens or closes), and the single marks.
:data:`HYPHENS`
    the hyphens written inside compounds ("cyber-defence", "counter‑terrorism"), the en
    dash included.
:data:`HANGUL`
    Hangul syllables, jamo and compatibility jamo (a character-class body).

Patterns (strings, to embed in larger expressions, and compiled twins)
----------------------------------------------------------------------
:data:`LETTERS` / :data:`LETTERS_RE`
    a run of letters in any script, no digits or underscores ("Korea", "한국").
:data:`WORD` / :data:`WORD_RE`
    a word: letters or digits, with inner apostrophes, hyphens or periods ("Korea’s",
    "Asia-Pacific", "U.S"); punctuation alone is not a word.
:data:`NAME_WORD`
    a capitalised word as names are written: a capital, then letters, digits,
    apostrophes, periods and hyphens ("Keon-hee", "O’Brien", "U.S.", "Jr.").
:data:`NAME_PARTICLES`
    lower-case particles inside a person's name ("Ursula von der Leyen", "Luiz Inácio
    Lula da Silva", "Mohammed bin Salman").
:data:`NAME_RUN` / :data:`NAME_RUN_RE`
    two or more name words, possibly joined by particles: a person's full name as
    written ("Jens Stoltenberg", "Ursula von der Leyen").

Examples
--------
>>> [m.group() for m in NAME_RUN_RE.finditer("Yoon met Ursula von der Leyen and Jens Stoltenberg on Tuesday.")]
['Ursula von der Leyen', 'Jens Stoltenberg']
>>> text = "Korea’s Asia-Pacific U.S. ties"
>>> [m.group() for m in WORD_RE.finditer(text)]
['Korea’s', 'Asia-Pacific', 'U.S', 'ties']
>>> LETTERS_RE.findall("NATO’s 2023 한국 summit")
['NATO', 's', '한국', 'summit']
>>> "”" in DOUBLE_CLOSING, "‘" in SINGLE_MARKS
(True, True)
"""

from __future__ import annotations

import re

from analysis._resources import read_lines

__all__ = [
    "ALL_MARKS",
    "APOSTROPHES",
    "DOUBLE_CLOSING",
    "DOUBLE_MARKS",
    "DOUBLE_OPENING",
    "HANGUL",
    "HYPHENS",
    "LETTERS",
    "LETTERS_RE",
    "NAME_PARTICLES",
    "NAME_RUN",
    "NAME_RUN_RE",
    "NAME_WORD",
    "SINGLE_MARKS",
    "WORD",
    "WORD_RE",
]

# --- characters ---------------------------------------------------------------------------

#: The typographic and the straight apostrophe.
APOSTROPHES = "’'"
#: Double opening marks: curly, low (German), guillemet, reversed.
DOUBLE_OPENING = "“„«‟"
#: Double closing marks: curly, guillemet.
DOUBLE_CLOSING = "”»"
#: Every double mark, the straight ``"`` (opening or closing) included.
DOUBLE_MARKS = DOUBLE_OPENING + DOUBLE_CLOSING + '"'
#: Every single mark: curly opening and closing, straight, low and reversed.
SINGLE_MARKS = "‘’'‚‛"
#: Every quotation mark.
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
#: Hyphens written inside compounds: hyphen-minus, hyphen, non-breaking hyphen, en dash.
HYPHENS = "-\u2010\u2011\u2013"
#: Hangul syllables, jamo and compatibility jamo, as the body of a character class.
HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f"

# --- words ----------------------------------------------------------------------------------

#: A run of letters in any script (no digits, no underscore).
LETTERS = r"[^\W\d_]+"
#: A word: letters or digits with inner apostrophes, hyphens or periods.
WORD = r"\w+(?:[’'\-.]\w+)*"

# --- names ----------------------------------------------------------------------------------

#: A capitalised word as names are written ("Keon-hee", "O’Brien", "U.S.", "Jr.").
NAME_WORD = r"[A-Z][\w’'.-]*"
#: Lower-case particles inside a person's name ("von der Leyen", "da Silva", "bin Salman").
NAME_PARTICLES: tuple[str, ...] = read_lines("text/name_particles.txt")
#: Two or more name words, possibly joined by particles, not glued to a word before.
NAME_RUN = (
    rf"(?<![\w’'-]){NAME_WORD}(?:\s+(?:(?:{'|'.join(NAME_PARTICLES)})\s+)*{NAME_WORD})+"
)

LETTERS_RE = re.compile(LETTERS)
WORD_RE = re.compile(WORD)
NAME_RUN_RE = re.compile(NAME_RUN)
