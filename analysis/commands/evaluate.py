"""``python -m analysis evaluate``: score the extractors on annotated corpora."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis.errors import AnalysisError

HELP = ("score quotes (BRAT), speakers (gold JSON), target sentiment (NewsMTSC JSONL) or "
        "sectors (gold JSON) against gold")
DESCRIPTION = (
    "Score the package on annotated news. `evaluate quotes --brat DIR` reads BRAT "
    "standoff attributions (DIR/text/*.txt and DIR/attributions/*.ann, e.g. PolNeAR); "
    "`evaluate quotes --gold FILE.json` reads the quotes gold JSON of docs/evaluation.md "
    "(e.g. tests/fixtures/korean-quotes/gold.json); "
    "`evaluate speakers GOLD.json` reads the speakers gold format of docs/evaluation.md; "
    "`evaluate sentiment FILE.jsonl` reads NewsMTSC-style target sentiment; "
    "`evaluate sectors GOLD.json` reads the sectors gold format of docs/evaluation.md."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``quotes``, ``speakers``, ``sentiment`` and ``sectors`` evaluation modes."""
    modes = parser.add_subparsers(dest="mode", metavar="MODE", required=True,
                                  parser_class=type(parser))
    quotes = modes.add_parser("quotes", help="quote precision, recall, F1 and speaker accuracy")
    gold = quotes.add_mutually_exclusive_group(required=True)
    gold.add_argument("--brat", type=Path, metavar="DIR",
                      help="folder with text/*.txt and attributions/*.ann")
    gold.add_argument("--gold", type=Path, metavar="FILE.json",
                      help="quotes gold JSON (format: docs/evaluation.md, 'Korean quotes')")
    quotes.add_argument("--json", action="store_true", help="print the scores as JSON")
    quotes.add_argument("--errors", type=Path, metavar="CSV",
                        help="write every missed and spurious quote to this CSV for error analysis")
    speakers = modes.add_parser("speakers", help="quote F1, speaker, canonical actor and "
                                "speaker-kind accuracy on a speakers gold file")
    speakers.add_argument("file", type=Path, metavar="GOLD.json",
                          help="speakers gold file (format: docs/evaluation.md, 'Speakers gold set')")
    speakers.add_argument("--json", action="store_true", help="print the scores as JSON")
    speakers.add_argument("--errors", type=Path, metavar="CSV",
                          help="write every missed and spurious quote and every wrong speaker "
                               "or actor to this CSV")
    sentiment = modes.add_parser("sentiment", help="macro F1, accuracy and confusion matrix")
    sentiment.add_argument("file", type=Path, metavar="FILE.jsonl",
                           help="NewsMTSC-style JSONL (sentence_normalized, targets)")
    sentiment.add_argument("--json", action="store_true", help="print the scores as JSON")
    sentiment.add_argument("--baseline", action="store_true",
                           help="also score the sentence-level VADER baseline")
    sentiment.add_argument("--model", type=Path, metavar="MODEL.json",
                           help="score this model file (from train-sentiment --out) instead "
                                "of the shipped one")
    sectors = modes.add_parser("sectors", help="sector mention F1, list membership, exact lists")
    sectors.add_argument("file", type=Path, metavar="GOLD.json",
                         help="sectors gold file (format: docs/evaluation.md, 'Sectors')")
    sectors.add_argument("--json", action="store_true", help="print the scores as JSON")
    sectors.add_argument("--errors", type=Path, metavar="CSV",
                         help="write every missed and spurious mention and every list not "
                              "read exactly to this CSV")


def run(args: argparse.Namespace) -> int:
    """Run the chosen evaluation and print its report."""
    if args.mode == "quotes" and args.gold is not None:
        from analysis.evaluation.quotes_json import evaluate_json_gold

        if not args.gold.is_file():
            raise AnalysisError("file not found; pass a quotes gold .json file", args.gold)
        result = evaluate_json_gold(args.gold, errors_csv=args.errors)
    elif args.mode == "quotes":
        from analysis.evaluation.quotes import evaluate_brat

        if not args.brat.is_dir():
            raise AnalysisError("BRAT folder not found; pass --brat DIR", args.brat)
        result = evaluate_brat(args.brat, errors_csv=args.errors)
    elif args.mode == "speakers":
        from analysis.evaluation.speakers import evaluate_speakers

        if not args.file.is_file():
            raise AnalysisError("file not found; pass a speakers gold .json file", args.file)
        result = evaluate_speakers(args.file, errors_csv=args.errors)
    elif args.mode == "sectors":
        from analysis.evaluation.sectors import evaluate_gold

        if not args.file.is_file():
            raise AnalysisError("file not found; pass a sectors gold .json file", args.file)
        result = evaluate_gold(args.file, errors_csv=args.errors)
    else:
        from analysis.evaluation.sentiment import evaluate_jsonl

        if not args.file.is_file():
            raise AnalysisError("file not found; pass a NewsMTSC-style .jsonl file", args.file)
        if args.model is not None and not args.model.is_file():
            raise AnalysisError("model file not found; pass a file from train-sentiment --out",
                                args.model)
        result = evaluate_jsonl(args.file, baseline=args.baseline, model=args.model)
    if args.json:
        json.dump(result.as_dict(), sys.stdout, indent=2, sort_keys=True)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(result.summary() + "\n")
    return 0
