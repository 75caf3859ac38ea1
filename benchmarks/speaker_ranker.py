"""Experiment (issue 12, item 3): can a small learned ranker of speaker candidates beat the rules?

For every predicted speech quote (direct/partial) that the quote evaluation judges for its
speaker (it overlaps a gold quote with a Source; see
:mod:`analysis.evaluation.quotes`), candidate speaker mentions are collected: the rule's
own speaker, capitalised names, pronouns and "the/a ... NOUN" descriptions next to a
speech cue, in the quote's sentence(s) and the two sentences before. A candidate is
positive when it overlaps the gold Source. Features are non-lexical only (distances,
position, punctuation between, cue adjacency, mention kind, size, capitalisation, gender
agreement, quote kind and length).

A logistic regression (plain numpy gradient descent, L2) is fitted on PolNeAR TRAIN; the
override rule (change the rule's speaker when the top candidate's probability exceeds
``t_change`` and beats the rule's candidate by ``margin``; add a speaker to a quote the
rules leave without one above ``t_add``) is chosen by 5-fold cross-validation on train
(folds by article). Dev is only reported, never tuned on. Run from the project root::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/speaker_ranker.py \\
        --train ../shared/corpora/polnear/train --dev ../shared/corpora/polnear/dev

Candidate features are cached in /tmp (``--rebuild`` recomputes them). Nothing of the
corpus's words is written anywhere but that cache.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # a shared 2-core machine: BLAS threads only fight
os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np
import pandas as pd

from analysis.actors.gender import ArticleGenders, first_name_gender, gender_words, pronoun_gender
from analysis.evaluation.quotes import read_brat_folder
from analysis.quotes.cues import cue_pattern, cues
from analysis.quotes.extract import extract_quotes
from analysis.text.articles import Article
from analysis.text.document import as_document
from analysis.text.language import detect_language
from analysis.text.patterns import DOUBLE_MARKS, NAME_RUN_RE, WORD_RE

PRONOUN_RE = re.compile(r"(?<![\w’'-])(?:he|she|they|it|I|we)(?![\w’'-])", re.IGNORECASE)
SINGLE_NAME_RE = re.compile(r"(?<![\w’'.-])[A-Z][a-z][\w’'-]*(?![\w’'-])")
DETERMINER_RE = re.compile(r"(?<![\w’'-])(?:the|a|an)\s", re.IGNORECASE)
DESCRIPTION_MAX_WORDS = 6
CUE_GAP = 12  # characters between a candidate and a cue that still count as "next to"
SENTENCES_BEFORE = 2
SEED = 12
FOLDS = 5
FEATURES = [
    "is_rule", "log_chars", "log_tokens", "before", "after", "same_sentence", "same_paragraph",
    "sentences_away", "comma_between", "colon_between", "sentence_end_between", "mark_between",
    "cue_after", "cue_before", "inverted", "kind_name", "kind_single", "kind_pronoun",
    "kind_description", "n_words", "cap_share", "previous_speaker", "title_before",
    "gender_agree", "gender_conflict", "direct", "log_quote_len", "nearest_before",
    "nearest_after", "sentence_initial", "rule_none",
]


def _overlap(a: tuple[int, int], fragments) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in fragments)


def _descriptions(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """ "the/a ... NOUN" ending right before a cue, or right after an inverted cue."""
    spans = []
    for cue in cue_pattern().finditer(text, lo, hi):
        window = text[max(lo, cue.start() - 80):cue.start()]
        base = cue.start() - len(window)
        found = [m for m in DETERMINER_RE.finditer(window)]
        if found:
            start = base + found[-1].start()
            body = text[start:cue.start()].rstrip(" ,")
            if 1 < len(body.split()) <= DESCRIPTION_MAX_WORDS and not re.search(r"[.;:!?\"“”]", body):
                spans.append((start, start + len(body)))
        after = DETERMINER_RE.match(text, cue.end() + 1) if cue.end() < hi else None
        if after:
            tail = re.match(r"[^,.;:!?\"“”\n]+", text[after.start():hi])
            if tail:
                words = tail.group().split()[:DESCRIPTION_MAX_WORDS]
                spans.append((after.start(), after.start() + len(" ".join(words))))
    return spans


def _candidates(text: str, lo: int, hi: int, quote: tuple[int, int]) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for m in NAME_RUN_RE.finditer(text, lo, hi):
        found.append((m.start(), m.end(), "name"))
    for m in SINGLE_NAME_RE.finditer(text, lo, hi):
        found.append((m.start(), m.end(), "single"))
    for m in PRONOUN_RE.finditer(text, lo, hi):
        found.append((m.start(), m.end(), "pronoun"))
    for s, e in _descriptions(text, lo, hi):
        found.append((s, e, "description"))
    kept: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(found, key=lambda c: (c[0], -(c[1] - c[0]))):
        if _overlap((s, e), [quote]) or any(_overlap((s, e), [(a, b)]) for a, b, _ in kept):
            continue
        kept.append((s, e, kind))
    return kept


def _features(doc, quote, cand, kind, is_rule, prev_speakers, genders, rule_gender) -> dict:
    text = doc.text
    s, e = cand
    qs, qe = quote.start, quote.end
    before = e <= qs
    gap = (e, qs) if before else (qe, s)
    between = text[gap[0]:gap[1]] if gap[0] < gap[1] else ""
    cand_sentence = doc.sentence_at(s)
    q_first, q_last = doc.sentence_at(qs), doc.sentence_at(max(qs, qe - 1))
    ci = cand_sentence.index if cand_sentence else -99
    qi = (q_first.index if q_first else 0, q_last.index if q_last else 0)
    words = text[s:e].split()
    cue_table = cues()
    after_text, before_text = text[e:e + CUE_GAP + 20], text[max(0, s - CUE_GAP - 20):s]
    cue_after = next((m for m in cue_pattern().finditer(after_text) if m.start() <= CUE_GAP), None)
    cue_before = [m for m in cue_pattern().finditer(before_text) if len(before_text) - m.end() <= CUE_GAP]
    inverted = bool(cue_before) and cue_table.get(re.sub(r"\s+", " ", cue_before[-1].group()),
                                                  None) is not None and cue_table[
        re.sub(r"\s+", " ", cue_before[-1].group())].inverts
    prev_word = WORD_RE.findall(text[max(0, s - 12):s])
    title = bool(prev_word) and prev_word[-1].lower() in gender_words("honorific")
    gender = None
    if kind == "pronoun":
        gender = pronoun_gender(text[s:e])
    elif kind in ("name", "single"):
        gender = genders.of(text[s:e]) or first_name_gender(text[s:e])
    last = words[-1] if words else ""
    return {
        "is_rule": float(is_rule),
        "log_chars": np.log1p(len(between)),
        "log_tokens": np.log1p(len(WORD_RE.findall(between))),
        "before": float(before), "after": float(not before),
        "same_sentence": float(qi[0] <= ci <= qi[1]),
        "same_paragraph": float(cand_sentence is not None and q_first is not None
                                and cand_sentence.paragraph in (q_first.paragraph, q_last.paragraph)),
        "sentences_away": float(min(abs(ci - qi[0]), abs(ci - qi[1]), 5)),
        "comma_between": float("," in between), "colon_between": float(":" in between),
        "sentence_end_between": float(bool(re.search(r"[.!?]\s", between))),
        "mark_between": float(any(ch in DOUBLE_MARKS for ch in between)),
        "cue_after": float(cue_after is not None), "cue_before": float(bool(cue_before)),
        "inverted": float(inverted),
        "kind_name": float(kind == "name"), "kind_single": float(kind == "single"),
        "kind_pronoun": float(kind == "pronoun"), "kind_description": float(kind == "description"),
        "n_words": float(min(len(words), 8)),
        "cap_share": float(np.mean([w[:1].isupper() for w in words])) if words else 0.0,
        "previous_speaker": float(bool(last) and last in prev_speakers),
        "title_before": float(title),
        "gender_agree": float(rule_gender is not None and gender == rule_gender),
        "gender_conflict": float(rule_gender is not None and gender is not None and gender != rule_gender),
        "direct": float(quote.kind == "direct"),
        "log_quote_len": np.log1p(qe - qs),
        "sentence_initial": float(cand_sentence is not None and not text[cand_sentence.start:s].strip(" \"“”")),
    }


def build(folder: str) -> pd.DataFrame:
    """One row per (judged quote, candidate); ``qid`` groups a quote's candidates."""
    rows = []
    qid = 0
    for item in read_brat_folder(folder):
        text = item.text
        article = Article(article_id=item.name, text=text, published=item.published,
                          language=detect_language(text))
        doc = as_document(article)
        try:
            quotes = extract_quotes(doc)
        except Exception:  # the evaluation counts these articles apart
            continue
        gold = [g for g in item.attributions if g.has_quote_mark(text)]
        genders = ArticleGenders(text)
        prev_speakers: set[str] = set()
        for quote in sorted(quotes, key=lambda q: q.start):
            speech = quote.kind in {"direct", "partial"} and text[quote.start:quote.start + 1] in DOUBLE_MARKS
            overlaps = [(_overlap((quote.start, quote.end), g.content), i) for i, g in enumerate(gold)]
            overlaps = [o for o in overlaps if o[0] > 0]
            rule = (quote.speaker_start, quote.speaker_end) if quote.speaker_start is not None else None
            if speech and overlaps and gold[max(overlaps)[1]].source:
                source = gold[max(overlaps)[1]].source
                first = doc.sentence_at(quote.start)
                last = doc.sentence_at(max(quote.start, quote.end - 1))
                lo_index = max(0, (first.index if first else 0) - SENTENCES_BEFORE)
                hi_index = min(len(doc.sentences) - 1, last.index if last else lo_index)
                lo, hi = doc.sentences[lo_index].start, doc.sentences[hi_index].end
                cands = _candidates(text, lo, hi, (quote.start, quote.end))
                if rule is not None:
                    cands = [c for c in cands if not _overlap(c[:2], [rule])]
                    cands.append((rule[0], rule[1], _kind_of(text[rule[0]:rule[1]])))
                rule_gender = pronoun_gender(text[rule[0]:rule[1]]) if rule else None
                for s, e, kind in cands:
                    is_rule = rule is not None and (s, e) == rule
                    feats = _features(doc, quote, (s, e), kind, is_rule, prev_speakers, genders, rule_gender)
                    feats.update(qid=qid, article=item.name, is_rule_flag=is_rule, label=float(
                        bool(_overlap((s, e), source))), rule_none=float(rule is None), start=s)
                    rows.append(feats)
                qid += 1
            if rule is not None:
                words = text[rule[0]:rule[1]].split()
                if words and words[-1][:1].isupper():
                    prev_speakers.add(words[-1])
    frame = pd.DataFrame(rows)
    frame.attrs["quotes"] = qid  # judged quotes, with those that have no candidate at all
    for column, index in (("nearest_before", "before"), ("nearest_after", "after")):
        frame[column] = 0.0
        subset = frame[frame[index] == 1.0]
        nearest = subset.loc[subset.groupby("qid")["log_chars"].idxmin()].index
        frame.loc[nearest, column] = 1.0
    return frame


def _kind_of(mention: str) -> str:
    if PRONOUN_RE.fullmatch(mention):
        return "pronoun"
    if mention[:1].islower():
        return "description"
    return "name" if len(mention.split()) > 1 else "single"


def cached(folder: str, rebuild: bool) -> pd.DataFrame:
    key = hashlib.sha1(str(Path(folder).resolve()).encode()).hexdigest()[:10]
    path = Path(f"/tmp/speaker_ranker_{key}.pkl")
    if path.exists() and not rebuild:
        return pd.read_pickle(path)
    frame = build(folder)
    frame.to_pickle(path)
    return frame


INTERACT = ["log_tokens", "sentences_away", "kind_pronoun", "kind_description", "kind_single",
            "before", "mark_between", "cue_after", "cue_before", "same_sentence", "colon_between",
            "n_words", "direct"]
L2 = 1.0
NEWTON_STEPS = 25


def design(frame: pd.DataFrame) -> np.ndarray:
    """The features plus the rule's choice crossed with each of INTERACT."""
    x = frame[FEATURES].to_numpy(float)
    rule = frame["is_rule"].to_numpy(float)[:, None]
    return np.hstack([x, rule * frame[INTERACT].to_numpy(float)])


def fit(x: np.ndarray, y: np.ndarray, groups: np.ndarray, softmax: bool):
    """L2 logistic regression (pointwise) or conditional logit over each quote's candidates
    (``softmax``), fitted by Newton's method on standardised features (deterministic)."""
    mean, scale = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    if softmax:
        positives = pd.Series(y).groupby(groups).transform("sum").to_numpy()
        keep = positives > 0  # several candidates inside one Source share its mass
        z, y, groups = z[keep], y[keep] / positives[keep], groups[keep]
        starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    w = np.zeros(z.shape[1])
    penalty = L2 * np.diag(np.r_[np.ones(z.shape[1] - 1), 0.0])
    for _ in range(NEWTON_STEPS):
        if softmax:
            p = _group_softmax(z @ w, starts)
            pz = np.add.reduceat(p[:, None] * z, starts)
            grad = z.T @ (p - y) + penalty @ w
            hess = (z * p[:, None]).T @ z - pz.T @ pz + penalty
        else:
            p = 1.0 / (1.0 + np.exp(-z @ w))
            grad = z.T @ (p - y) + penalty @ w
            hess = (z * (p * (1 - p))[:, None]).T @ z + penalty
        w -= np.linalg.solve(hess, grad)
    return mean, scale, w, softmax


def _group_softmax(scores: np.ndarray, starts: np.ndarray) -> np.ndarray:
    top = np.maximum.reduceat(scores, starts)
    sizes = np.diff(np.r_[starts, len(scores)])
    e = np.exp(scores - np.repeat(top, sizes))
    return e / np.repeat(np.add.reduceat(e, starts), sizes)


def predict(model, x: np.ndarray, groups: np.ndarray) -> np.ndarray:
    mean, scale, w, softmax = model
    scores = np.hstack([(x - mean) / scale, np.ones((len(x), 1))]) @ w
    if softmax:
        return _group_softmax(scores, np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]]))
    return 1.0 / (1.0 + np.exp(-scores))


def per_quote(frame: pd.DataFrame, prob: np.ndarray) -> pd.DataFrame:
    """One row per quote: rule right?, rule prob, top candidate, its prob and label."""
    frame = frame.assign(prob=prob)
    top = frame.loc[frame.groupby("qid")["prob"].idxmax()].set_index("qid")
    rule = frame[frame.is_rule_flag].set_index("qid")
    out = pd.DataFrame({"top_prob": top.prob, "top_label": top.label, "top_is_rule": top.is_rule_flag})
    out["has_rule"] = out.index.isin(rule.index)
    out["rule_prob"] = rule.prob.reindex(out.index).fillna(0.0)
    out["rule_label"] = rule.label.reindex(out.index).fillna(0.0)
    # a quote without any candidate (and no rule speaker) is a miss either way
    out = out.reindex(range(frame.attrs["quotes"]))
    out["has_rule"] = out.has_rule.fillna(False).astype(bool)
    out["top_is_rule"] = out.top_is_rule.fillna(False).astype(bool)
    return out.fillna(0.0)


def decide(q: pd.DataFrame, t_change: float, margin: float, t_add: float) -> dict:
    change = q.has_rule & ~q.top_is_rule & (q.top_prob > t_change) & (q.top_prob - q.rule_prob > margin)
    add = ~q.has_rule & (q.top_prob > t_add)
    final = np.where(change | add, q.top_label, q.rule_label)
    return {
        "judged": len(q), "rules": int(q.rule_label.sum()), "ranker": int(final.sum()),
        "changed": int(change.sum()), "changed_right": int((change & (q.top_label == 1)).sum()),
        "changed_wrong_was_right": int((change & (q.rule_label == 1)).sum()),
        "added": int(add.sum()), "added_right": int((add & (q.top_label == 1)).sum()),
    }


GRID_CHANGE = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
GRID_MARGIN = [0.0, 0.1, 0.2, 0.3, 0.5]
GRID_ADD = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01]
MIN_ADD_PRECISION = 0.8


def choose(q: pd.DataFrame) -> tuple[float, float, float]:
    """Thresholds with the most right speakers on out-of-fold train; additions kept >= 0.8 precise."""
    best_change = max(((t, m) for t in GRID_CHANGE for m in GRID_MARGIN),
                      key=lambda tm: (decide(q, tm[0], tm[1], 1.01)["ranker"], tm[0], tm[1]))
    def add_score(t: float) -> tuple:
        r = decide(q, 1.01, 1.0, t)
        ok = r["added"] == 0 or r["added_right"] / r["added"] >= MIN_ADD_PRECISION
        return (ok, r["ranker"] if ok else -1, t)
    return best_change[0], best_change[1], max(GRID_ADD, key=add_score)


def out_of_fold(frame: pd.DataFrame, softmax: bool) -> np.ndarray:
    articles = np.array(sorted(frame.article.unique()))
    np.random.default_rng(SEED).shuffle(articles)
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    folds = frame.article.map(fold_of).to_numpy()
    prob = np.zeros(len(frame))
    x, y, g = design(frame), frame.label.to_numpy(float), frame.qid.to_numpy()
    for k in range(FOLDS):
        model = fit(x[folds != k], y[folds != k], g[folds != k], softmax)
        prob[folds == k] = predict(model, x[folds == k], g[folds == k])
    return prob


def row(name: str, r: dict) -> str:
    add_p = f"{r['added_right'] / r['added']:.2f}" if r["added"] else "-"
    ch_p = f"{r['changed_right'] / r['changed']:.2f}" if r["changed"] else "-"
    return (f"{name:<16}{r['judged']:>7}{r['rules'] / r['judged']:>8.3f}{r['ranker'] / r['judged']:>8.3f}"
            f"{r['changed']:>8}{r['changed_right']:>6}{r['changed_wrong_was_right']:>9}{ch_p:>7}"
            f"{r['added']:>7}{r['added_right']:>6}{add_p:>7}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default="../shared/corpora/polnear/train")
    parser.add_argument("--dev", default="../shared/corpora/polnear/dev")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    train, dev = cached(args.train, args.rebuild), cached(args.dev, args.rebuild)
    results = {}
    for softmax in (False, True):  # the model form is chosen by train CV too
        q_cv = per_quote(train, out_of_fold(train, softmax))
        chosen = choose(q_cv)
        results[softmax] = (decide(q_cv, *chosen)["ranker"], q_cv, chosen)
        print(f"{'softmax' if softmax else 'pointwise'}: train CV right {results[softmax][0]}, thresholds {chosen}")
    softmax = max(results, key=lambda k: results[k][0])
    _, q_cv, (t_change, margin, t_add) = results[softmax]
    model = fit(design(train), train.label.to_numpy(float), train.qid.to_numpy(), softmax)
    q_dev = per_quote(dev, predict(model, design(dev), dev.qid.to_numpy()))
    reach = {n: f"{frame.groupby('qid').label.max().mean():.3f}" for n, frame in (("train", train), ("dev", dev))}
    print(f"chosen on train 5-fold CV: {'softmax' if softmax else 'pointwise'}, t_change={t_change} margin={margin} t_add={t_add}")
    print(f"candidates: train {len(train)} ({train.qid.nunique()} quotes), dev {len(dev)} "
          f"({dev.qid.nunique()} quotes); gold among candidates: train {reach['train']}, dev {reach['dev']}")
    print(f"{'split':<16}{'judged':>7}{'rules':>8}{'+ranker':>8}{'changed':>8}{'right':>6}"
          f"{'was_right':>9}{'ch_prec':>7}{'added':>7}{'right':>6}{'add_prec':>7}")
    print(row("train (5-fold)", decide(q_cv, t_change, margin, t_add)))
    print(row("dev", decide(q_dev, t_change, margin, t_add)))
    curve = [(t, decide(q_cv, 1.01, 1.0, t)) for t in GRID_ADD[:-1]]
    print("train CV additions by t_add (added/right):",
          ", ".join(f"{t}: {r['added']}/{r['added_right']}" for t, r in curve))
    names = [*FEATURES, *(f"rule*{n}" for n in INTERACT), "bias"]
    weights = dict(zip(names, np.round(model[2], 3), strict=True))
    print("weights (standardised):", ", ".join(f"{k}={v}" for k, v in weights.items()))


if __name__ == "__main__":
    main()
