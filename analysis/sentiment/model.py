"""Target-dependent sentiment: the tone of a sentence toward one mention in it.

:func:`classify_target` answers "how does this sentence speak of the person or
organisation at ``text[start:end]``?" with ``negative``, ``neutral`` or ``positive`` and
a score ``P(positive) - P(negative)`` in [-1, 1]. Sentence-level VADER cannot: a
sentence praising one actor and attacking another gets one score for both.

The model is a multinomial logistic regression (softmax) over the sparse features of
:mod:`analysis.sentiment.features` (words around the target with their side and distance,
the target's clause, VADER lexicon hits and hand-written news phrases with negation and
position, the target's role toward each of them (agent, patient, possessor, bystander),
whether the target is the speaker, agent or object of a cue verb, quotation, target
shape). Its probabilities are calibrated (a temperature, then a top-label confidence map,
:func:`recalibrate`; :mod:`analysis.sentiment.calibration`).
It is fitted by
:func:`analysis.sentiment.training.train` on NewsMTSC train (Hamborg and Donnay, EACL 2021; MIT licence, see
``analysis/resources/sentiment/NEWSMTSC-LICENSE``) with full-batch L-BFGS in numpy, and shipped as
plain JSON (``analysis/resources/sentiment/target_sentiment_model.json``). This module is
inference only: it reads that JSON once per process (cached) and scores in plain
Python (a dictionary lookup per feature): no pickle, no scikit-learn, no numpy; about
10,000 targets a second on one core. Training lives apart, in
:mod:`analysis.sentiment.training`; ``python -m analysis train-sentiment TRAIN.jsonl``
rebuilds the file byte for byte.

Scores on the NewsMTSC dev sets are in ``docs/evaluation.md``.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from os import PathLike
from pathlib import Path

from analysis._resources import read_text
from analysis.errors import AnalysisError
from analysis.sentiment.features import FeatureConfig, target_features
from analysis.sentiment.scope import scored_span, script_reason

__all__ = [
    "LABELS",
    "MODEL_FORMAT",
    "MODEL_RESOURCE",
    "TargetSentiment",
    "TargetSentimentModel",
    "classify_target",
    "default_model",
    "load_model",
    "recalibrate",
]

#: Class labels in the order of :attr:`TargetSentiment.probabilities`.
LABELS: tuple[str, str, str] = ("negative", "neutral", "positive")
#: The shipped model, below ``analysis/resources``.
MODEL_RESOURCE = "sentiment/target_sentiment_model.json"
#: The ``format`` every model file declares.
MODEL_FORMAT = "analysis.tsc/1"


@dataclass(frozen=True, slots=True)
class TargetSentiment:
    """The tone of a sentence toward a target mention.

    Attributes
    ----------
    label : str
        ``"negative"``, ``"neutral"`` or ``"positive"``.
    score : float
        ``P(positive) - P(negative)``, in [-1, 1].
    probabilities : tuple of float
        Probabilities of negative, neutral and positive (they sum to 1).
    """

    label: str
    score: float
    probabilities: tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class TargetSentimentModel:
    """A trained softmax model: feature settings, per-feature class weights and biases.

    Build it with :func:`load_model` or :func:`default_model`; it is read-only.
    """

    config: FeatureConfig
    weights: Mapping[str, tuple[float, float, float]]
    bias: tuple[float, float, float]
    labels: tuple[str, str, str] = LABELS
    #: Logits are divided by it before the softmax (temperature scaling, Guo et al.,
    #: ICML 2017): fitted on out-of-fold train predictions, 1.0 when not calibrated.
    temperature: float = 1.0
    #: Knots ``(confidence, accuracy)`` of the top-label recalibration applied after the
    #: temperature (:func:`recalibrate`); empty: none. Fitted on out-of-fold train
    #: predictions (:func:`analysis.sentiment.calibration.fit_confidence_map`).
    confidence_map: tuple[tuple[float, float], ...] = ()

    def probabilities(self, features: Mapping[str, float]) -> tuple[float, float, float]:
        """Return the class probabilities for a feature mapping (calibration applied)."""
        z0, z1, z2 = self.logits(features)
        top = max(z0, z1, z2)
        t = self.temperature
        e0, e1, e2 = math.exp((z0 - top) / t), math.exp((z1 - top) / t), math.exp((z2 - top) / t)
        total = e0 + e1 + e2
        probs = (e0 / total, e1 / total, e2 / total)
        return recalibrate(probs, self.confidence_map) if self.confidence_map else probs

    def logits(self, features: Mapping[str, float]) -> tuple[float, float, float]:
        """Return the three class scores (before temperature and softmax)."""
        z0, z1, z2 = self.bias
        weights = self.weights
        for name, value in features.items():
            row = weights.get(name)
            if row is not None:
                z0 += row[0] * value
                z1 += row[1] * value
                z2 += row[2] * value
        return (z0, z1, z2)

    def classify(self, text: str, start: int, end: int) -> TargetSentiment:
        """Return the tone of ``text`` toward ``text[start:end]`` (see :func:`classify_target`).

        The input contract of :mod:`analysis.sentiment.scope`: a passage of several
        sentences is cut to the sentence holding the target (with a warning); a
        sentence not in Latin script raises.
        """
        _check_span(text, start, end)
        lo, hi = scored_span(text, start, end)
        sentence = text[lo:hi] if (lo, hi) != (0, len(text)) else text
        reason = script_reason(sentence)
        if reason is not None:
            raise AnalysisError(f"{reason}: the target model reads English only; the "
                                "targets table lists such mentions unscored, with this reason")
        return self.classify_sentence(sentence, start - lo, end - lo)

    def classify_sentence(self, sentence: str, start: int, end: int) -> TargetSentiment:
        """Score ``sentence`` toward ``sentence[start:end]`` as it is: one English sentence.

        For callers that have already split and checked the sentence (the ``targets``
        table); anyone else calls :meth:`classify`.
        """
        probs = self.probabilities(target_features(sentence, start, end, self.config))
        best = max(range(3), key=probs.__getitem__)
        score = min(1.0, max(-1.0, probs[2] - probs[0]))
        return TargetSentiment(self.labels[best], score, probs)


#: How far above the runner-up the recalibrated top class is held at the least.
_TIE_MARGIN = 1e-9


@cache
def _map_points(knots: tuple[tuple[float, float], ...]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The x and y values of the map through ``knots``, from (1/3, 1/3) to (1, 1)."""
    points = ((1.0 / 3.0, 1.0 / 3.0), *knots, (1.0, 1.0))
    return tuple(x for x, _ in points), tuple(y for _, y in points)


def _interpolate(x: float, knots: Sequence[tuple[float, float]]) -> float:
    """Piecewise-linear map through ``knots``, from (1/3, 1/3) below to (1, 1) above."""
    try:
        xs, ys = _map_points(knots)  # the model's knots: a tuple of pairs, mapped once
    except TypeError:  # knots given as lists
        xs, ys = _map_points(tuple((float(x), float(y)) for x, y in knots))
    index = bisect_left(xs, x, 1)  # the first segment whose right end is at or past x
    if index >= len(xs):
        return 1.0
    x0, x1, y0, y1 = xs[index - 1], xs[index], ys[index - 1], ys[index]
    return y0 if x1 <= x0 else y0 + (y1 - y0) * (max(x, x0) - x0) / (x1 - x0)


def recalibrate(probabilities: Sequence[float],
                knots: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """Map the top probability through the confidence map; keep the label and the others' ratio.

    The top class gets the value of the piecewise-linear map through ``knots`` (from
    (1/3, 1/3) to the first knot, to (1, 1) after the last); the other two share the rest
    in their old ratio. The mapped value is kept high enough that the top class stays on
    top, so the label never changes.

    Examples
    --------
    >>> recalibrate((0.2, 0.7, 0.1), [(0.6, 0.65), (0.8, 0.85)])
    (0.166666666667, 0.75, 0.083333333333)
    >>> recalibrate((0.2, 0.7, 0.1), [])  # no knots: the identity
    (0.2, 0.7, 0.1)
    """
    p0, p1, p2 = (float(p) for p in probabilities)
    # the first of the largest, as max(range(3), key=...) picks it
    best = 0 if p0 >= p1 and p0 >= p2 else (1 if p1 >= p2 else 2)
    top = (p0, p1, p2)[best]
    rest = 1.0 - top
    if rest <= 0.0:
        return (p0, p1, p2)
    second = max(p for i, p in enumerate((p0, p1, p2)) if i != best)
    mapped = min(1.0, max(_interpolate(top, knots), second / (rest + second) + _TIE_MARGIN))
    scale = (1.0 - mapped) / rest
    return (round(mapped if best == 0 else p0 * scale, 12),
            round(mapped if best == 1 else p1 * scale, 12),
            round(mapped if best == 2 else p2 * scale, 12))


def _check_span(text: str, start: int, end: int) -> None:
    if not isinstance(text, str):
        raise AnalysisError(f"text must be a str, got {type(text).__name__}")
    if not (0 <= start < end <= len(text)):
        raise AnalysisError(
            f"target span [{start}, {end}) is not inside the text of length {len(text)}; "
            "pass offsets with 0 <= start < end <= len(text)"
        )


def load_model(source: str | PathLike[str] | Mapping[str, object]) -> TargetSentimentModel:
    """Load a model from a JSON file, or from its dict.

    Parameters
    ----------
    source : str, os.PathLike or mapping
        Path of a model JSON file (written by
        :func:`analysis.sentiment.training.model_to_json`), or the dict
        :func:`analysis.sentiment.training.train` returned.

    Raises
    ------
    AnalysisError
        If the file is missing or is not a model of this format.

    Examples
    --------
    >>> model = load_model({"format": "analysis.tsc/1", "labels": ["negative", "neutral",
    ...     "positive"], "features": {}, "bias": [0, 0, 0], "weights": {"bow:great": [-1, 0, 1]}})
    >>> model.classify("A great day for Seoul.", 16, 21).label
    'positive'
    """
    path = None
    if isinstance(source, Mapping):
        data = source
    else:
        path = Path(source)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise AnalysisError("model file not found; train one with "
                                "`python -m analysis train-sentiment TRAIN.jsonl`", path) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise AnalysisError(f"not a JSON model file ({exc})", path) from None
    return _model_from_data(data, path)


def _model_from_data(data: Mapping[str, object], path: Path | None) -> TargetSentimentModel:
    if not isinstance(data, Mapping) or data.get("format") != MODEL_FORMAT:
        raise AnalysisError(f"not a target sentiment model (expected format {MODEL_FORMAT!r})",
                            path)
    try:
        labels = tuple(data["labels"])  # type: ignore[arg-type]
        if labels != LABELS:
            raise ValueError(f"labels must be {list(LABELS)}")
        config = FeatureConfig.from_dict(data["features"])  # type: ignore[arg-type]
        bias = tuple(float(b) for b in data["bias"])  # type: ignore[union-attr]
        weights = {str(name): tuple(float(w) for w in row)
                   for name, row in data["weights"].items()}  # type: ignore[union-attr]
        if len(bias) != 3 or any(len(row) != 3 for row in weights.values()):
            raise ValueError("bias and every weight row need 3 values")
        calibration = data.get("calibration") or {}
        temperature = float(calibration.get("temperature", 1.0))  # type: ignore[union-attr]
        if not temperature > 0:
            raise ValueError("the calibration temperature must be positive")
        knots = tuple((float(x), float(y)) for x, y in calibration.get(  # type: ignore[union-attr]
            "confidence_map", ()))
        if any(not (0.0 <= x <= 1.0 and 0.0 <= y <= 1.0) for x, y in knots) or list(
                knots) != sorted(knots):
            raise ValueError("the confidence map needs sorted knots inside [0, 1]")
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise AnalysisError(f"malformed target sentiment model: {exc}", path) from None
    return TargetSentimentModel(config, weights, bias, LABELS,  # type: ignore[arg-type]
                                temperature, knots)


@cache
def default_model() -> TargetSentimentModel:
    """Return the shipped model (read once per process).

    Examples
    --------
    >>> default_model().labels
    ('negative', 'neutral', 'positive')
    """
    return _model_from_data(json.loads(read_text(MODEL_RESOURCE)), Path(MODEL_RESOURCE))


def classify_target(text: str, start: int, end: int) -> TargetSentiment:
    """Return the tone of ``text`` toward the mention ``text[start:end]``.

    Parameters
    ----------
    text : str
        The sentence holding the mention. A passage of several sentences is not read
        whole: only the sentence holding the target is scored (sentences split as in
        :func:`analysis.text.segmentation.split_sentences`), with a
        :class:`~analysis.sentiment.scope.MultiSentenceWarning`, so words far from the
        target cannot lend it a confident label.
    start, end : int
        Character offsets of the target mention, ``0 <= start < end <= len(text)``
        (offsets into ``text``, whatever part of it is scored).

    Returns
    -------
    TargetSentiment
        ``label`` (negative / neutral / positive), ``score`` = P(positive) - P(negative)
        in [-1, 1] and the three ``probabilities`` (calibrated: temperature and confidence map).

    Raises
    ------
    AnalysisError
        If the offsets do not lie inside ``text``, or the sentence scored is not in
        Latin script (a Hangul sentence, say): the model reads English only. The
        ``targets`` table lists such mentions with NA scores and an ``unscored`` reason.

    Examples
    --------
    >>> text = "Critics blasted Trump for the failed plan, but praised Biden."
    >>> classify_target(text, 16, 21).label
    'negative'
    >>> -1.0 <= classify_target(text, 55, 60).score <= 1.0
    True
    """
    return default_model().classify(text, start, end)
