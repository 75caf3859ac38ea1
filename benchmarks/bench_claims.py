"""Count and time the claims table on PolNeAR's news texts, and list every contradiction.

Precision is the question here: every contradiction the rules report on real news is
printed with its context so a reader can judge it. Dates come from the file names
(``publisher_YYYY-MM-DD_slug.txt``). The texts are read from the path given with
``--polnear`` and never enter the repository.

Usage::

    PYTHONPATH=$PWD python benchmarks/bench_claims.py --polnear /path/to/polnear

Measured (see docs/claims.md): 924 articles, 1,226 claims, 4 contradictions.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path

from analysis.pipeline import annotate
from analysis.text.articles import Article

_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
_CONTEXT = 80


def main() -> None:
    """Run the count over ``--polnear``'s dev and train texts and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, required=True,
                        help="the PolNeAR folder holding dev/text and train/text")
    args = parser.parse_args()
    files = sorted(args.polnear.glob("*/text/*.txt"))
    counts: Counter[tuple[str, bool]] = Counter()
    seconds, wrong = 0.0, []
    for path in files:
        found = _DATE.search(path.name)
        published = date.fromisoformat(found.group(1)) if found else None
        text = path.read_text(encoding="utf-8")
        annotation = annotate(Article(article_id=path.name, text=text, published=published))
        _ = (annotation.mentions, annotation.quotes)  # the parts claims read, timed apart
        started = time.perf_counter()
        claims = annotation.claims
        seconds += time.perf_counter() - started
        for claim in claims:
            counts[(claim.claim_kind, claim.contradicts)] += 1
            if claim.contradicts:
                context = text[max(0, claim.start - _CONTEXT) : claim.mention_end + _CONTEXT]
                wrong.append((path.name, claim, " ".join(context.split())))
    print(f"{len(files)} articles, {sum(counts.values())} claims in {seconds:.2f} s "
          f"(claims alone); by kind and contradicts: {dict(sorted(counts.items()))}")
    for name, claim, context in wrong:
        print(f"--- {name}: {claim.actor} {claim.claim_kind} {claim.claimed!r} "
              f"-> {claim.registry_value}\n    {context}")


if __name__ == "__main__":
    main()
