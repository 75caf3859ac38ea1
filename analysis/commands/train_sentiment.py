"""``python -m analysis train-sentiment TRAIN.jsonl``: rebuild the target sentiment model."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from analysis.errors import AnalysisError

HELP = "fit the target sentiment model on NewsMTSC-style train JSONL and write it as JSON"
DESCRIPTION = (
    "Fit the target sentiment model (softmax regression over the features of "
    "analysis.sentiment.features) on a NewsMTSC-style JSONL training file and write its "
    "parameters as plain JSON. With the default settings and NewsMTSC train.jsonl this "
    "rebuilds the shipped analysis/resources/sentiment/target_sentiment_model.json byte for byte. "
    "Train only on a train split: the dev files choose settings and judge the result."
)


def _shipped_model_path() -> Path:
    from analysis._resources import resource
    from analysis.sentiment.model import MODEL_RESOURCE

    return Path(str(resource(MODEL_RESOURCE)))


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``train-sentiment``."""
    parser.add_argument("train", type=Path, metavar="TRAIN.jsonl",
                        help="NewsMTSC-style JSONL (sentence_normalized, targets)")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="where to write the model JSON (default: the package's shipped "
                             "analysis/resources/sentiment/target_sentiment_model.json)")


def run(args: argparse.Namespace) -> int:
    """Train, write the JSON, and print where it went."""
    from analysis.sentiment.training import model_to_json, train

    if not args.train.is_file():
        raise AnalysisError("training file not found; pass NewsMTSC train.jsonl", args.train)
    out = args.out if args.out is not None else _shipped_model_path()
    if not out.parent.is_dir():
        raise AnalysisError("output folder does not exist; create it or pass another --out", out)
    model = train(args.train)
    payload = model_to_json(model).encode("utf-8")
    out.write_bytes(payload)
    digest = hashlib.sha256(payload).hexdigest()
    sys.stdout.write(f"wrote {out} ({len(model['weights'])} features, "  # type: ignore[arg-type]
                     f"{len(payload):,} bytes, sha256 {digest[:16]})\n")
    return 0
