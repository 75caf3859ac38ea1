"""Who the evaluation is about: the target's role toward each evaluative word of its sentence.

A negative word in a sentence is not negative toward every name in it. In "Russia's
brutal invasion was condemned by Japan, which praised Ukraine's courage", *brutal* is
about Russia, *condemned* is done by Japan to the invasion, and *praised* is Japan's
act toward Ukraine. The target model's word and lexicon features see only "a negative
word to the left"; these features say, for every VADER lexicon hit (negation applied),
which role the target plays in it, read from the clause structure alone:

* ``agent``: the target is the nearest name before the word in the word's clause ("X
  criticized ...", "X praised ..."), the name after *by* of a passive ("... was condemned
  by X"), or the name a relative clause holding the word is attached to ("X, which
  praised ...");
* ``patient``: the nearest name after an active word in its clause ("... criticized X"),
  or the name before a passive ("X was criticized");
* ``possessor``: the word lies in a noun phrase the target owns ("X's string of
  misstatements");
* ``bystander``: the word is about someone else (another name holds the role), or lies
  in another clause.

Names are runs of capitalised words and pronouns (the target's shape features use the
same pronoun list); clauses are those of :mod:`analysis.sentiment.features`; names and
words farther than :data:`ROLE_WINDOW` tokens from the target are not read. Features:
``r:ROLE:POLARITY`` (indicator), ``rsum:ROLE`` (summed valence / 4), ``r:coord`` (the
target is coordinated with another name, "X and Y") and ``r:names:N`` (how many other
names the sentence holds). No word of any corpus is a feature: only roles, polarities
and counts.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache

from analysis._resources import read_lines

__all__ = ["ROLES", "role_features"]

#: The roles a target can play toward an evaluative word.
ROLES = ("agent", "patient", "possessor", "bystander")
#: Tokens after a possessive target that may still be its noun phrase ("X's long string of").
_POSSESSED_SPAN = 5
#: Names and evaluative words are read this many tokens either side of the target, so
#: the cost per target is bounded and scoring every target of a sentence stays linear.
ROLE_WINDOW = 40

_Span = tuple[int, int]


@cache
def _words(kind: str) -> frozenset[str]:
    words = set()
    for line in read_lines("sentiment/tsc_feature_words.txt"):
        word_kind, word = line.split("\t")
        if word_kind == kind:
            words.add(word)
    if not words:
        raise KeyError(f"no words of class {kind!r} in tsc_feature_words.txt")
    return frozenset(words)


@lru_cache(maxsize=256)
def _names(text: str) -> tuple[tuple[_Span, ...], tuple[int, ...]]:
    """Return the token spans of the names of a sentence, and their first tokens.

    Names are runs of capitalised words, and pronouns. Cached by the sentence (whose
    hash Python keeps), so every target of a sentence shares one pass.
    """
    from analysis.sentiment.features import _sentence_index

    index = _sentence_index(text)
    spans = _name_spans(text, index.starts, index.norms)
    return spans, tuple(span[0] for span in spans)


def _name_spans(text: str, starts: Sequence[int], norms: Sequence[str]) -> tuple[_Span, ...]:
    pronouns = _words("pronoun")
    spans: list[_Span] = []
    index = 0
    while index < len(norms):
        word = norms[index]
        if word in pronouns:
            spans.append((index, index + 1))
            index += 1
            continue
        run = index
        while run < len(norms) and norms[run][:1].isalpha() and text[starts[run]].isupper() and (
                norms[run] not in pronouns):
            run += 1
        if run > index:
            spans.append((index, run))
            index = run
        else:
            index += 1
    return tuple(spans)


def _possessive(text: str, end: int) -> bool:
    """Tell whether the word ending at ``end`` is possessive ("Kim's", "Kim’s", "Jones'")."""
    tail = text[max(0, end - 2) : end].replace("’", "'")
    return tail == "'s" or tail.endswith("'")


def _passive(norms: Sequence[str], hit: int) -> bool:
    """Tell whether the lexicon word at ``hit`` is a participle after a passive auxiliary."""
    aux = _words("passive_aux")
    return (hit >= 1 and norms[hit - 1] in aux) or (
        hit >= 2 and norms[hit - 2] in aux and norms[hit - 1].endswith("ly"))


def _owner(names: Sequence[_Span], owners: Sequence[_Span], hit: int,
           norms: Sequence[str]) -> _Span | None:
    """Return the possessive name whose noun phrase holds ``hit`` ("X's brutal war"), if any.

    The noun phrase ends at the next name or auxiliary ("X's war was condemned": not
    *condemned*).
    """
    aux = _words("passive_aux")
    for owner in reversed(owners):
        if owner[1] <= hit < owner[1] + _POSSESSED_SPAN and not any(
                owner[1] <= n[0] < hit for n in names) and not any(
                norms[i] in aux for i in range(owner[1], hit)):
            return owner
    return None


def _grouped(names: Sequence[_Span], norms: Sequence[str]) -> list[_Span]:
    """Merge names joined by a coordinator ("X and Y") into one span: they share a role."""
    coordinators = _words("coordinator")
    merged: list[_Span] = []
    for name in names:
        if merged and name[0] == merged[-1][1] + 1 and norms[merged[-1][1]] in coordinators:
            merged[-1] = (merged[-1][0], name[1])
        else:
            merged.append(name)
    return merged


def _role(
    norms: Sequence[str], names: Sequence[_Span], target: _Span, hit: int,
    clause: _Span, owners: Sequence[_Span],
) -> str:
    """Return the role toward the lexicon word at ``hit`` of ``target`` (a span of ``names``)."""
    lo, hi = clause
    inside = [n for n in names if lo <= n[0] and n[1] <= hi]
    left = [n for n in inside if n[1] <= hit]
    right = [n for n in inside if n[0] > hit]
    owner = _owner(names, owners, hit, norms)
    if owner is not None:
        return "possessor" if target[0] <= owner[0] and owner[1] <= target[1] else "bystander"
    if lo > 0 and norms[lo] in _words("relative") and not left:
        before = [n for n in names if n[1] <= lo]
        return "agent" if before and before[-1] == target else "bystander"
    if _passive(norms, hit):
        by = hit + 1 < len(norms) and norms[hit + 1] == "by"
        agent = [n for n in right if n[0] <= hit + 3] if by else []
        if agent and agent[0] == target:
            return "agent"
        if left and left[-1] == target:
            return "patient"
        return "bystander"
    if left and left[-1] == target:
        return "agent"
    if right and right[0] == target:
        return "patient"
    return "bystander"


def role_features(index: object, text: str, target: _Span, window: _Span,
                  out: dict[str, float], weight: float = 1.0) -> None:
    """Add the ``r:`` and ``rsum:`` features of the target at token span ``target``.

    Parameters
    ----------
    index : analysis.sentiment.features._SentenceIndex
        The sentence's tokens, lexicon hits and clause boundaries.
    text : str
        The sentence.
    target, window : (first, last)
        The target's token span, and the tokens read around it.
    out : dict
        Where the features go.
    weight : float
        The value of an indicator feature (and the factor of the sums).

    Examples
    --------
    >>> from analysis.sentiment.features import target_features, FeatureConfig
    >>> text = "Critics condemned the plan, which Kim praised warmly."
    >>> sorted(k for k in target_features(text, 34, 37, FeatureConfig(roles=True))
    ...        if k.startswith("r:"))
    ['r:agent:pos', 'r:bystander:neg', 'r:names:1']
    """
    norms, ends = index.norms, index.ends  # type: ignore[attr-defined]
    before, after = index.boundary_before, index.boundary_from  # type: ignore[attr-defined]
    first, last = target
    if last <= first:  # a target of no word (blank): no role to read
        return
    low, high = max(window[0], first - ROLE_WINDOW), min(window[1], last + ROLE_WINDOW)
    every_name, name_starts = _names(text)
    nearby = every_name[bisect_left(name_starts, low) : bisect_left(name_starts, high)]
    names = [n for n in nearby if n[1] <= first or n[0] >= last]
    names = sorted([*names, target])
    owners = [n for n in names if _possessive(text, ends[n[1] - 1])]
    groups = _grouped(names, norms)
    group = next(g for g in groups if g[0] <= first and last <= g[1])
    hit_indexes = index.hit_indexes  # type: ignore[attr-defined]
    hits = index.hits[bisect_left(hit_indexes, low) : bisect_left(hit_indexes, high)]  # type: ignore[attr-defined]
    for token, valence, negated in hits:
        if first <= token < last:
            continue
        if negated:
            valence *= -0.74
        clause = (before[token] + 1, after[token])
        role = _role(norms, groups, group, token, clause, owners)
        out[f"r:{role}:{'pos' if valence > 0 else 'neg'}"] = weight
        out[f"rsum:{role}"] = out.get(f"rsum:{role}", 0.0) + weight * valence / 4.0
    coordinators = _words("coordinator")
    neighbours = {n for n in names if n != target}
    if (last < len(norms) - 1 and norms[last] in coordinators
            and any(n[0] == last + 1 for n in neighbours)) or (
            first >= 2 and norms[first - 1] in coordinators
            and any(n[1] == first - 1 for n in neighbours)):
        out["r:coord"] = weight
    others = len(neighbours)
    out["r:names:" + (str(others) if others < 3 else "3+")] = weight
