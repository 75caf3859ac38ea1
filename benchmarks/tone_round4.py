"""Experiment (issue 14, round four): features that tell a target's words from others'.

dev-mt holds sentences with several targets; every target of a sentence shares the
sentence-word features (``bow:``), so a bystander reads the tone of the sentence. Each
variant here adds features to the shipped ones and is scored with the shipped learner
(NBSVM-scaled regression + 0.07 x binary naive Bayes), the round-three harness:
5-fold CV on train grouped by article, then fitted on all of train and scored on dev.

- ``near``: each sentence word also as ``bn:WORD`` when the nearest name (runs of
  capitalised words, pronouns: :mod:`analysis.sentiment.roles`) is the target and
  ``bo:WORD`` when it is another name;
- ``nearonly``: the same, replacing ``bow:``;
- ``lexnear``: the lexicon hits counted by whose they are by that nearest-name rule
  (``ln:own:neg`` ...), and summed;
- ``rolebow``: each sentence word also under the target's coarse role (agent of an
  evaluative word, patient/possessor, bystander only, no evaluative word).

Run from the project root::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/tone_round4.py ../shared/corpora/newsmtsc near
"""

from __future__ import annotations

import argparse
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import tone_round3 as R3

from analysis.sentiment import training as T
from analysis.sentiment.features import _sentence_index
from analysis.sentiment.roles import _names
from analysis.sentiment.scope import scored_span

Extra = Callable[[T.LabelledTarget, dict[str, float]], None]


def _target_view(example: T.LabelledTarget,
                 ) -> tuple[str, object, tuple[int, int], list[tuple[int, int]]]:
    """Return the scored sentence, its index, the target's token span and the other names."""
    lo, hi = scored_span(example.text, example.start, example.end, warn=False)
    text = example.text[lo:hi]
    start, end = example.start - lo, example.end - lo
    index = _sentence_index(text)
    first = bisect_left(index.ends, start + 1)
    last = bisect_left(index.starts, end)
    spans, _ = _names(text)
    others = [s for s in spans if s[1] <= first or s[0] >= last]
    return text, index, (first, last), others


def _owner_of(token: int, target: tuple[int, int], others: Sequence[tuple[int, int]]) -> str:
    """Return 'own' if the target is the nearest name to ``token``, else 'oth' (ties: own)."""
    def gap(span: tuple[int, int]) -> int:
        return span[0] - token if token < span[0] else max(0, token - span[1] + 1)
    mine = gap(target)
    return "own" if all(gap(s) >= mine for s in others) else "oth"


def near_words(replace: bool) -> Extra:
    """Return the ``near`` feature view (``replace``: without the ``bow:`` words)."""
    def extra(example: T.LabelledTarget, out: dict[str, float]) -> None:
        _, index, target, others = _target_view(example)
        for i, norm in enumerate(index.norms):
            if target[0] <= i < target[1] or not norm[:1].isalnum():
                continue
            key = "bn:" if _owner_of(i, target, others) == "own" else "bo:"
            out[key + norm] = 1.0
        if replace:
            for key in [k for k in out if k.startswith("bow:")]:
                del out[key]
    return extra


def lex_near(example: T.LabelledTarget, out: dict[str, float]) -> None:
    """Add ``ln:WHOSE:POL`` and ``lnsum:WHOSE`` for the lexicon hits by their nearest name."""
    _, index, target, others = _target_view(example)
    for token, valence, negated in index.hits:
        if target[0] <= token < target[1]:
            continue
        if negated:
            valence *= -0.74
        whose = _owner_of(token, target, others)
        out[f"ln:{whose}:{'pos' if valence > 0 else 'neg'}"] = 1.0
        out[f"lnsum:{whose}"] = out.get(f"lnsum:{whose}", 0.0) + valence / 4.0


def _coarse_role(out: dict[str, float]) -> str:
    roles = {k.split(":")[1] for k in out if k.startswith("r:") and k.count(":") == 2
             and not k.startswith(("r:names", "r:coord"))}
    if not roles:
        return "none"
    if "agent" in roles:
        return "agent"
    if roles & {"patient", "possessor"}:
        return "patient"
    return "by"


def role_words(example: T.LabelledTarget, out: dict[str, float]) -> None:
    """Copy every ``bow:`` word under the target's coarse role (``bow@agent:WORD``)."""
    role = _coarse_role(out)
    for key in [k for k in out if k.startswith("bow:")]:
        out[f"bow@{role}:{key[4:]}"] = out[key]


def role_lexwords(example: T.LabelledTarget, out: dict[str, float]) -> None:
    """Add ``rw:ROLE:WORD`` for each lexicon word the target is agent, patient or possessor of."""
    from analysis.sentiment import roles as RL

    text, index, target, _ = _target_view(example)
    first, last = target
    if last <= first:
        return
    norms, ends = index.norms, index.ends
    low, high = max(0, first - RL.ROLE_WINDOW), min(len(norms), last + RL.ROLE_WINDOW)
    every_name, name_starts = RL._names(text)
    nearby = every_name[bisect_left(name_starts, low): bisect_left(name_starts, high)]
    names = sorted([*(n for n in nearby if n[1] <= first or n[0] >= last), target])
    owners = [n for n in names if RL._possessive(text, ends[n[1] - 1])]
    groups = RL._grouped(names, norms)
    group = next(g for g in groups if g[0] <= first and last <= g[1])
    for token, _valence, _negated in index.hits:
        if first <= token < last or not low <= token < high:
            continue
        clause = (index.boundary_before[token] + 1, index.boundary_from[token])
        role = RL._role(norms, groups, group, token, clause, owners)
        if role != "bystander":
            out[f"rw:{role}:{norms[token]}"] = 1.0


#: AFINN-en-165 word list (Nielsen 2011; ODbL, in the GPL-licensed ``afinn`` sdist from
#: PyPI): measured only, from the path in ``$AFINN`` (``afinn/data/AFINN-en-165.txt``).
_AFINN: dict[str, int] = {}


def afinn_hits(example: T.LabelledTarget, out: dict[str, float]) -> None:
    """Add ``afn:POL:REGION`` and ``afnsum:REGION`` for the AFINN words of the sentence."""
    if not _AFINN:
        import os

        for line in Path(os.environ["AFINN"]).read_text(encoding="utf-8").splitlines():
            word, value = line.rsplit("\t", 1)
            if " " not in word:
                _AFINN[word] = int(value)
    _, index, (first, last), _ = _target_view(example)
    for i, norm in enumerate(index.norms):
        value = _AFINN.get(norm)
        if value is None or first <= i < last:
            continue
        if index.boundary_before[i] < first and index.boundary_from[i] >= last:
            region = "c"
        else:
            region = "L" if i < first else "R"
        out[f"afn:{'pos' if value > 0 else 'neg'}:{region}"] = 1.0
        out[f"afnsum:{region}"] = out.get(f"afnsum:{region}", 0.0) + value / 5.0


EXTRAS: dict[str, Extra] = {
    "afinn": afinn_hits,
    "roleword": role_lexwords,
    "near": near_words(False),
    "nearonly": near_words(True),
    "lexnear": lex_near,
    "rolebow": role_words,
}


def combined(names: Sequence[str]) -> Extra:
    """Return the extra features of several named views, one after the other."""
    def extra(example: T.LabelledTarget, out: dict[str, float]) -> None:
        for name in names:
            EXTRAS[name](example, out)
    return extra


def shipped_learner(gamma: float = 0.07) -> R3.Learner:
    """NBSVM-scaled regression plus gamma x binary MNB, as ``train()`` ships it."""
    def learn(rows: R3.Rows, y: np.ndarray, others: Sequence[R3.Rows]) -> list[np.ndarray]:
        scaled = R3.nblr_learner(0.5)(rows, y, others)
        nb = R3.mnb_learner(1.0, True)(rows, y, others)
        return [s + gamma * n for s, n in zip(scaled, nb, strict=True)]
    return learn


def main(argv: Sequence[str] | None = None) -> None:
    """Score the named variants and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("variants", nargs="+", help="EXTRA[+EXTRA...] or 'base'")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tone_round4"))
    args = parser.parse_args(argv)
    corpus = R3.Corpus(args.corpus)
    texts = Counter(e.text for e in corpus.examples["train"])
    multi = np.asarray([texts[e.text] > 1 for e in corpus.examples["train"]])
    for name in args.variants:
        extra = None if name == "base" else combined(name.split("+"))
        logits = R3._cached(args.cache, name, lambda extra=extra: R3.cross_fit(
            corpus, corpus.rows(R3.SHIPPED, extra), shipped_learner()))
        scores = R3.score(corpus, logits)
        scores["cv-multi"] = R3.macro_f1(corpus.gold["train"][multi],
                                         logits["train"][multi].argmax(1))
        print(name, ", ".join(f"{k} {v:.3f}" for k, v in scores.items()), flush=True)


if __name__ == "__main__":
    main()
