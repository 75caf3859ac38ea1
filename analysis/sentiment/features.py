"""Features of a sentence around one target mention, for the target sentiment model.

A target (``text[start:end]``) gets sparse named features, each a string mapped to a
value (1.0 for indicator features):

- ``bow:`` every word of the sentence outside the target (the sentence's overall tone);
- ``w:L:``/``w:R:`` words left/right of the target within ``window`` tokens, ``d:`` the same
  at distance 2 and 3, ``b:`` bigrams in that window;
- ``p1:``/``p2:``/``n1:``/``n2:`` the one or two words just before and after the target;
- ``c:`` words of the target's clause (split at commas, semicolons, colons, dashes,
  brackets, quote marks and contrastive conjunctions such as *but*, *while*);
- ``lex:`` VADER lexicon hits by polarity (flipped after a negation, as VADER does),
  region (the target's clause, or left/right outside it) and distance, plus ``lexsum:``
  summed valences per region (real-valued) and ``tlex:`` lexicon words inside the target;
  speech verbs VADER scores ("stressed", "warned", "argued") are reporting, not tone,
  and are not counted as lexicon hits;
- ``cue:`` whether the target is the speaker of reported speech (``X said``, ``said X``,
  ``according to X``), the agent of an evaluative verb (``X criticized``), or its object
  (``criticized X``, ``X was criticized by``); cue words are in
  ``analysis/resources/sentiment/tsc_cue_words.txt``;
- ``r:``/``rsum:`` the target's role (agent, patient, possessor, bystander) toward each
  lexicon hit, from clause structure (:mod:`analysis.sentiment.roles`);
- with ``phrases``, the news phrases of ``analysis/resources/sentiment/news_phrases.tsv``
  ("takes the lead", "fades", "string of") count as lexicon hits of their valence;
- ``q:`` whether the target is inside a quotation, or the sentence holds one;
- ``t:`` the shape of the target (pronoun, capitalised name, sentence-initial); the target's
  own words are left out unless ``target_words`` is set, so the model does not learn
  who is liked, only how the sentence speaks of them.

Only the standard library is used here: prediction must stay light.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from functools import cache, lru_cache

from analysis._resources import read_lines
from analysis.sentiment.roles import role_features

__all__ = ["FeatureConfig", "Token", "target_features", "tokenize"]

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_QUOTE_CHARS = frozenset('"“”‘’«»')
_QUOTE_MARKS = '"“”«»'
_OPEN_QUOTES = frozenset("“«")
_CLOSE_QUOTES = frozenset("”»")
_CLAUSE_PUNCT = frozenset(",;:()[]—–-") | _QUOTE_CHARS
_BUCKETS = ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (10, "7-10"))
#: Tokens on either side of a target that its features read. Longer sentences (a
#: paragraph with no full stop) are read this far around each target, so scoring all
#: the targets of a sentence stays linear in its length; no sentence of NewsMTSC or
#: PolNeAR is that long (the longest, in NewsMTSC, has 1,043 tokens), so no feature of
#: theirs changes.
SENTENCE_WINDOW_TOKENS = 1_500


#: Feature groups added after the first model files: off when a file does not name them.
_ADDED_SINCE: Mapping[str, object] = {"roles": False, "phrases": False, "role_weight": 1.0}


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which feature groups to compute (stored with the model so prediction matches training).

    Examples
    --------
    >>> FeatureConfig(window=6).window
    6
    >>> FeatureConfig.from_dict({"window": 4}).as_dict()["clause"]
    True
    >>> FeatureConfig().roles, FeatureConfig().phrases  # the shipped model's settings
    (True, True)
    """

    window: int = 4
    bigrams: bool = True
    clause: bool = True
    lexicon: bool = True
    cues: bool = True
    sentence_words: bool = True
    target_words: bool = False
    roles: bool = True
    phrases: bool = True
    #: Value of the role features (above 1: a weaker L2 penalty on them than on words).
    role_weight: float = 1.0

    def as_dict(self) -> dict[str, int | bool]:
        """Return the settings as plain JSON-able data."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> FeatureConfig:
        """Build a config from :meth:`as_dict` output (unknown keys are an error).

        Groups added since a model file was written are off for it, as when it was trained.

        Examples
        --------
        >>> FeatureConfig.from_dict({"window": 4}).roles
        False
        """
        return cls(**{**_ADDED_SINCE, **data})  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation token: its normalised form and character offsets."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=1 << 16)
def _normalise(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s") and len(word) > 2:
        word = word[:-2]
    return "0" if word.isdigit() else word


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into lowercased word and punctuation tokens with offsets.

    Possessive ``'s`` is dropped and numbers become ``0``.

    Examples
    --------
    >>> [t.norm for t in tokenize("Obama’s 2 “good” plans")]
    ['obama', '0', '“', 'good', '”', 'plans']
    """
    return list(_sentence_tokens(text))


#: Sentences whose tokens and lexicon hits are kept: a sentence is scored once per
#: target it mentions, in a row, so a small bounded cache is enough.
_SENTENCE_CACHE = 256


@lru_cache(maxsize=_SENTENCE_CACHE)
def _sentence_tokens(text: str) -> tuple[Token, ...]:
    return tuple(Token(_normalise(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text))


@lru_cache(maxsize=_SENTENCE_CACHE)
def _lexicon_hits(text: str) -> tuple[tuple[int, float, bool], ...]:
    """Return ``(token index, valence, negated)`` for every lexicon word of ``text``.

    Reporting verbs ("stressed", "warned") are left out; ``negated`` is true when one
    of the three tokens before is a negation.
    """
    tokens = _sentence_tokens(text)
    lexicon, negations, cues = _lexicon(), _negations(), _cue_words()
    hits = []
    for index, token in enumerate(tokens):
        valence = lexicon.get(token.norm)
        if valence is None or cues.get(token.norm) == "speech":
            continue
        negated = any(tokens[j].norm in negations for j in range(max(0, index - 3), index))
        hits.append((index, valence, negated))
    return tuple(hits)


@cache
def _lexicon() -> dict[str, float]:
    from analysis.sentiment.vader import lexicon_text

    lexicon: dict[str, float] = {}
    for line in lexicon_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            lexicon[parts[0]] = float(parts[1])
    return lexicon


@cache
def _negations() -> frozenset[str]:
    from nltk.sentiment.vader import VaderConstants

    return frozenset(w.replace("’", "'") for w in VaderConstants.NEGATE) | {"no", "n't"}


@cache
def _feature_words(kind: str) -> frozenset[str]:
    """Return the words of one class of ``resources/sentiment/tsc_feature_words.txt``.

    Classes: ``clause`` (words that open another clause), ``pronoun`` (a target that is
    a pronoun), ``passive_aux`` (auxiliaries of the passive after an evaluative verb).
    """
    words = set()
    for line in read_lines("sentiment/tsc_feature_words.txt"):
        word_kind, word = line.split("\t")
        if word_kind == kind:
            words.add(word)
    if not words:
        raise KeyError(f"no words of class {kind!r} in tsc_feature_words.txt")
    return frozenset(words)


@cache
def _cue_words() -> dict[str, str]:
    cues: dict[str, str] = {}
    for line in read_lines("sentiment/tsc_cue_words.txt"):
        kind, word = line.split("\t")
        cues[word] = kind
    return cues


def _bucket(distance: int) -> str:
    for limit, name in _BUCKETS:
        if distance <= limit:
            return name
    return "11+"


@dataclass(frozen=True, slots=True)
class _SentenceIndex:
    """What every target of one sentence reads, built once per sentence (linear time).

    Token offsets for a bisect to the target, the feature names of every token, the
    nearest clause boundaries on either side of every token, the lexicon hits with
    their token indexes, and the offsets of the quote marks (for "inside a quote").
    """

    tokens: tuple[Token, ...]
    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    bow_keys: tuple[str, ...]
    clause_keys: tuple[str, ...]
    #: index of the last boundary token before token i (-1: none), for i in 0..n
    boundary_before: tuple[int, ...]
    #: index of the first boundary token at or after token i (n: none), for i in 0..n
    boundary_from: tuple[int, ...]
    hits: tuple[tuple[int, float, bool], ...]
    hit_indexes: tuple[int, ...]
    opening_quotes: tuple[int, ...]
    closing_quotes: tuple[int, ...]
    straight_quotes: tuple[int, ...]
    has_quote: bool


def _boundaries(norms: Sequence[str]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    clause_words = _feature_words("clause")
    is_boundary = [norm in _CLAUSE_PUNCT or norm in clause_words for norm in norms]
    before = [-1] * (len(norms) + 1)
    for index in range(1, len(norms) + 1):
        before[index] = index - 1 if is_boundary[index - 1] else before[index - 1]
    after = [len(norms)] * (len(norms) + 1)
    for index in range(len(norms) - 1, -1, -1):
        after[index] = index if is_boundary[index] else after[index + 1]
    return tuple(before), tuple(after)


@lru_cache(maxsize=_SENTENCE_CACHE)
def _sentence_index(text: str) -> _SentenceIndex:
    tokens = _sentence_tokens(text)
    norms = tuple(t.norm for t in tokens)
    before, after = _boundaries(norms)
    hits = _lexicon_hits(text)
    return _SentenceIndex(
        tokens=tokens,
        norms=norms,
        starts=tuple(t.start for t in tokens),
        ends=tuple(t.end for t in tokens),
        bow_keys=tuple("bow:" + norm for norm in norms),
        clause_keys=tuple("c:" + norm for norm in norms),
        boundary_before=before,
        boundary_from=after,
        hits=hits,
        hit_indexes=tuple(hit[0] for hit in hits),
        opening_quotes=tuple(i for i, c in enumerate(text) if c in _OPEN_QUOTES),
        closing_quotes=tuple(i for i, c in enumerate(text) if c in _CLOSE_QUOTES),
        straight_quotes=tuple(i for i, c in enumerate(text) if c == '"'),
        has_quote=any(c in text for c in _QUOTE_MARKS),
    )


@cache
def _phrases() -> dict[str, tuple[tuple[tuple[str, ...], float], ...]]:
    """The news phrases of ``resources/sentiment/news_phrases.tsv``, (words, valence),
    by the first three letters of their first word (every first word has three)."""
    phrases: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for line in read_lines("sentiment/news_phrases.tsv"):
        valence, phrase = line.split("\t")
        words = tuple(_normalise(w) if not w.endswith("*") else w.lower() for w in phrase.split())
        phrases.setdefault(words[0][:3], []).append((words, float(valence)))
    return {key: tuple(group) for key, group in phrases.items()}


def _word_matches(pattern: str, norm: str) -> bool:
    return norm.startswith(pattern[:-1]) if pattern.endswith("*") else norm == pattern


@lru_cache(maxsize=_SENTENCE_CACHE)
def _with_phrases(text: str) -> _SentenceIndex:
    """The sentence index with the news phrases added to its lexicon hits (at their first word)."""
    index = _sentence_index(text)
    norms, negations = index.norms, _negations()
    found = []
    phrases = _phrases()
    for position in range(len(norms)):
        for words, valence in phrases.get(norms[position][:3], ()):
            if position + len(words) <= len(norms) and all(
                    _word_matches(w, norms[position + k]) for k, w in enumerate(words)):
                negated = any(norms[j] in negations for j in range(max(0, position - 3), position))
                found.append((position, valence, negated))
                break
    if not found:
        return index
    hits = tuple(sorted({*index.hits, *found}))
    return replace(index, hits=hits, hit_indexes=tuple(hit[0] for hit in hits))


def _target_range(index: _SentenceIndex, start: int, end: int) -> tuple[int, int]:
    """Return the token index range [first, last) overlapping the character span.

    Tokens do not overlap and are in order, so both ends are a bisect away.
    """
    first = bisect_right(index.ends, start)  # the first token ending after ``start``
    last = bisect_left(index.starts, end)  # past the last token starting before ``end``
    if first < last:
        return first, last
    return first, first


def _clause_range(index: _SentenceIndex, first: int, last: int, lo: int, hi: int) -> tuple[int, int]:
    """Return the token range of the clause holding the target, inside ``[lo, hi)``.

    The clause runs from the token after the last boundary before the target to the
    first boundary after it (the target's own tokens never split it).
    """
    return max(lo, index.boundary_before[first] + 1), min(hi, index.boundary_from[last])


def _inside_quote(index: _SentenceIndex, start: int) -> bool:
    opened = bisect_left(index.opening_quotes, start)
    closed = bisect_left(index.closing_quotes, start)
    return opened > closed or bisect_left(index.straight_quotes, start) % 2 == 1


def _lexicon_features(
    index: _SentenceIndex, first: int, last: int, clause: tuple[int, int],
    window: tuple[int, int], out: dict[str, float],
) -> None:
    low = bisect_left(index.hit_indexes, window[0])
    high = bisect_left(index.hit_indexes, window[1])
    for position in range(low, high):
        token, valence, negated = index.hits[position]
        if first <= token < last:
            out["tlex:" + ("pos" if valence > 0 else "neg")] = 1.0
            continue
        if negated:
            valence *= -0.74
        polarity = "pos" if valence > 0 else "neg"
        region = "clause" if clause[0] <= token < clause[1] else ("L" if token < first else "R")
        distance = first - token if token < first else token - last + 1
        out[f"lex:{polarity}:{region}"] = 1.0
        out[f"lex:{polarity}:{region}:{_bucket(distance)}"] = 1.0
        if negated:
            out[f"lex:negated:{polarity}"] = 1.0
        key = f"lexsum:{region}"
        out[key] = out.get(key, 0.0) + valence / 4.0
        out["lexsum:all"] = out.get("lexsum:all", 0.0) + valence / 4.0


def _cue_features(tokens: Sequence[Token], first: int, last: int, out: dict[str, float]) -> None:
    cues = _cue_words()
    after = [t.norm for t in tokens[last : last + 4]]
    before = [t.norm for t in tokens[max(0, first - 3) : first]]
    for offset, word in enumerate(after[:3]):
        kind = cues.get(word)
        if kind is None:
            continue
        passive = any(w in _feature_words("passive_aux") for w in after[:offset])
        if kind == "speech" and not passive:
            out["cue:speaker"] = 1.0
        elif kind == "evaluate":
            role = "object" if passive else "agent"
            out[f"cue:{role}"] = 1.0
            out[f"cue:{role}:{word}"] = 1.0
        break
    if before:
        kind = cues.get(before[-1])
        according_to = before[-1] == "to" and len(before) >= 2 and before[-2] == "according"
        ends_clause = last >= len(tokens) or tokens[last].norm in _CLAUSE_PUNCT or (
            tokens[last].norm == ".")
        if according_to or (kind == "speech" and ends_clause):
            out["cue:speaker"] = 1.0
        elif before[-1] == "by" and len(before) >= 2 and cues.get(before[-2]) == "evaluate":
            out["cue:agent"] = 1.0
            out[f"cue:agent:{before[-2]}"] = 1.0
    for word in before:
        if cues.get(word) == "evaluate" and "cue:agent" not in out:
            out["cue:object"] = 1.0
            out[f"cue:object:{word}"] = 1.0


def _target_shape(text: str, tokens: Sequence[Token], first: int, last: int,
                  out: dict[str, float]) -> None:
    words = [t.norm for t in tokens[first:last]]
    if len(words) == 1 and words[0] in _feature_words("pronoun"):
        out["t:pronoun"] = 1.0
    elif any(text[t.start].isupper() for t in tokens[first:last]):
        out["t:name"] = 1.0
    if first == 0:
        out["t:initial"] = 1.0
    out["t:len:" + _bucket(max(1, last - first))] = 1.0


def target_features(
    text: str, start: int, end: int, config: FeatureConfig | None = None
) -> dict[str, float]:
    """Return the named features of ``text`` around the target ``text[start:end]``.

    Examples
    --------
    >>> features = target_features("Critics said Obama failed badly.", 13, 18)
    >>> features["n1:failed"], features["p1:said"], features["lex:neg:clause"]
    (1.0, 1.0, 1.0)
    >>> "cue:speaker" in target_features("Obama said the plan failed.", 0, 5)
    True
    """
    config = config or FeatureConfig()
    index = _with_phrases(text) if config.phrases else _sentence_index(text)
    tokens, norms = index.tokens, index.norms
    first, last = _target_range(index, start, end)
    # the words read: the whole sentence, up to SENTENCE_WINDOW_TOKENS on either side
    lo, hi = max(0, first - SENTENCE_WINDOW_TOKENS), min(len(norms), last + SENTENCE_WINDOW_TOKENS)
    out: dict[str, float] = {}
    _word_features(index, first, last, (lo, hi), config, out)
    if config.bigrams:
        b_lo, b_hi = max(0, first - config.window), min(len(norms), last + config.window)
        for position in range(b_lo, b_hi - 1):
            if first <= position < last or first <= position + 1 < last:
                continue
            side = "L" if position < first else "R"
            out[f"b:{side}:{norms[position]}_{norms[position + 1]}"] = 1.0
    before = norms[max(0, first - 2) : first]
    after = norms[last : last + 2]
    out["p1:" + (before[-1] if before else "<s>")] = 1.0
    out["n1:" + (after[0] if after else "</s>")] = 1.0
    out["p2:" + "_".join(["<s>"] * (2 - len(before)) + list(before))] = 1.0
    out["n2:" + "_".join(list(after) + ["</s>"] * (2 - len(after)))] = 1.0
    clause = _clause_range(index, first, last, lo, hi)
    if config.clause:
        out.update(dict.fromkeys(index.clause_keys[clause[0] : first], 1.0))
        out.update(dict.fromkeys(index.clause_keys[last : clause[1]], 1.0))
    if config.lexicon:
        _lexicon_features(index, first, last, clause, (lo, hi), out)
    if config.cues:
        _cue_features(tokens, first, last, out)
    if config.roles:
        role_features(index, text, (first, last), (lo, hi), out, config.role_weight)
    if _inside_quote(index, start):
        out["q:inside"] = 1.0
    if index.has_quote:
        out["q:sentence"] = 1.0
    _target_shape(text, tokens, first, last, out)
    return out


def _word_features(
    index: _SentenceIndex, first: int, last: int, span: tuple[int, int],
    config: FeatureConfig, out: dict[str, float],
) -> None:
    """Add ``bow:``, ``w:`` and ``d:`` features (and ``t:`` words) of the tokens in ``span``.

    Tokens farther than ``config.window`` from the target only give ``bow:`` features:
    they are added from the sentence's precomputed names in one step each side.
    """
    norms = index.norms
    lo, hi = span
    near_lo = min(first, max(lo, first - config.window))
    near_hi = max(last, min(hi, last + config.window))
    if config.sentence_words:
        out.update(dict.fromkeys(index.bow_keys[lo:near_lo], 1.0))
    for position in range(near_lo, near_hi):
        word = norms[position]
        if first <= position < last:
            if config.target_words:
                out["t:" + word] = 1.0
            continue
        if config.sentence_words:
            out["bow:" + word] = 1.0
        side = "L" if position < first else "R"
        distance = first - position if position < first else position - last + 1
        if distance <= config.window:
            out[f"w:{side}:{word}"] = 1.0
            if 2 <= distance <= 3:  # distance 1 is p1/n1
                out[f"d:{side}{distance}:{word}"] = 1.0
    if config.sentence_words:
        out.update(dict.fromkeys(index.bow_keys[near_hi:hi], 1.0))
