"""Growth of every extractor's time with input size, on adversarial long inputs.

Each *family* builds a text of a requested size (characters) that stresses one way a
long input can make an extractor super-linear:

========== ==================================================================
family     what the text is
========== ==================================================================
news       news-like paragraphs (quotes, titles, names, sectors) repeated: a long article
noperiod   one paragraph of clauses joined by commas and "and": one huge sentence
abbrev     "U.S. Sen. " repeated: abbreviations Punkt never ends a sentence on
lowercase  sentences that start lower-case, which segmentation merges into one
names      a long run of titles and names ("NATO Secretary General Jens Stoltenberg, ...")
hugeword   one "word" of letters with no space, then a question mark and a sentence
quotes     one sentence of many short quotations, each with its marks, a cue and a speaker
speakers   short quotes whose speakers are names, pronouns and descriptions ("the senator")
unbalanced one sentence of opening quote marks that are never closed, and cues
========== ==================================================================

Each *extractor* is one stage of the one annotation pass
(:class:`analysis.pipeline.Annotation`): ``segmentation`` (building the Document:
paragraphs and sentences), ``actors`` (mentions), ``quotes``, ``sectors`` (sentence
readings, mentions, programme statements), ``sentence_tone``, ``target_tone``,
``quote_tone``, and ``pipeline`` (Document plus the rows of every table in
:data:`analysis.pipeline.TABLES`). A stage is timed alone: what it needs (the Document,
the mentions, the quotes) is computed before the clock starts.

For every family and extractor the text is doubled from ``--start`` characters
``--doublings`` times; each size is timed ``--repeats`` times (CPU time,
``time.process_time``, the minimum) with the per-text caches of the package cleared
before each run. The *growth exponent* of a doubling is ``log2(t(2n) / t(n))``: about
1.0 is linear, 2.0 quadratic. The table shows the exponent of the last doubling and the
least-squares slope of log time over log size; a size is skipped once one run of the
previous size took more than ``--budget`` seconds (the exponent is then over the sizes
measured).

Run from the project root::

    PYTHONPATH=$PWD .venv/bin/python benchmarks/bench_growth.py [--quick] [--json]
        [--families news noperiod] [--extractors quotes target_tone]

``--quick`` (about a minute) uses small sizes; the default sizes (news from 0.3 MB to
2.4 MB, the other families from 32 KB to 256 KB) take several minutes.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import Article  # noqa: E402
from analysis.pipeline import TABLES, Annotation, Context  # noqa: E402
from analysis.text.document import Document, as_document  # noqa: E402

# --------------------------------------------------------------------------- families

# Hand-written news-like paragraphs (no corpus text): quotes with speakers and cues,
# titles and names, abbreviations, sectors and a programme's list of areas.
_NEWS = (
    "President Yoon Suk Yeol and NATO Secretary General Jens Stoltenberg agreed on "
    "Tuesday to deepen the partnership between South Korea and the alliance.",
    "“Korea is a valued partner of NATO,” Stoltenberg told Yoon in Vilnius. “Security "
    "is not regional; it is global.”",
    "The two leaders adopted an Individually Tailored Partnership Programme covering "
    "cyber defence, counter-terrorism, climate change and security, and emerging "
    "technologies.",
    "U.S. Sen. Jeanne Shaheen, a Democrat of New Hampshire, said the allies must stand "
    "together, according to a statement from her office.",
    "Foreign Minister Park Jin told reporters that Seoul would expand information "
    "sharing with Washington and Tokyo, calling it “an integral part of our security.”",
    "Critics in Pyongyang condemned the meeting, but Prime Minister Fumio Kishida "
    "praised the “strong and unified” response of the partners.",
    "Mr. Stoltenberg, the alliance's chief, warned that North Korea's missile programme "
    "threatens all allies. He also thanked Yoon for his support of Ukraine.",
    "Kim Eun-hye, senior presidential secretary for public affairs, said in a briefing "
    "that cooperation with NATO begins with the recognition that Atlantic and "
    "Indo-Pacific security are linked.",
)
_CLAUSES = (
    "Yoon met Stoltenberg in Vilnius",
    "the senator praised the plan",
    "NATO leaders discussed cyber defence",
    "Kishida warned of North Korea's missiles",
    "the minister said talks would go on",
    "critics condemned the illegal invasion of Ukraine",
)
_NAMES = (
    "NATO Secretary General Jens Stoltenberg",
    "President Yoon Suk Yeol",
    "Prime Minister Fumio Kishida",
    "U.S. Sen. Jeanne Shaheen",
    "Foreign Minister Park Jin",
    "first lady Kim Keon-hee",
)


def _repeat(parts: Sequence[str], size: int, separator: str) -> str:
    """Return ``parts`` cycled and joined by ``separator`` until ``size`` characters."""
    pieces: list[str] = []
    total = 0
    index = 0
    while total < size:
        piece = parts[index % len(parts)]
        pieces.append(piece)
        total += len(piece) + len(separator)
        index += 1
    return separator.join(pieces)[:size]


def _news(size: int) -> str:
    return _repeat(_NEWS, size, "\n")


def _noperiod(size: int) -> str:
    return _repeat(_CLAUSES, size, ", and ")


def _abbrev(size: int) -> str:
    return _repeat(("U.S. Sen.",), size, " ")


def _lowercase(size: int) -> str:
    return _repeat(tuple(clause[0].lower() + clause[1:] + "." for clause in _CLAUSES),
                   size, " ")


def _names(size: int) -> str:
    return _repeat(_NAMES, size, ", ")


def _hugeword(size: int) -> str:
    head, tail = "Seoul said ", "? Yoon agreed."
    return head + "a" * max(0, size - len(head) - len(tail)) + tail


def _quotes(size: int) -> str:
    return _repeat(("“We agree,” Yoon said", "“no,” he told Kim", "“fine” and “good” were heard",
                    "the senator called it “a wonderful visit”"), size, ", and ")


def _speakers(size: int) -> str:
    return _repeat(("“We agree,” Yoon said.", "“Yes,” he said.", "“No,” the senator said.",
                    "“Fine,” the minister told reporters."), size, " ")


def _unbalanced(size: int) -> str:
    return _repeat(("“We agree, Yoon said", "he told Kim “no and", "“fine, “good",
                    "the senator said"), size, ", and ")


#: Every adversarial family: name -> text of (about) the given number of characters.
FAMILIES: dict[str, Callable[[int], str]] = {
    "news": _news,
    "noperiod": _noperiod,
    "abbrev": _abbrev,
    "lowercase": _lowercase,
    "names": _names,
    "hugeword": _hugeword,
    "quotes": _quotes,
    "speakers": _speakers,
    "unbalanced": _unbalanced,
}


def family_text(family: str, size: int) -> str:
    """Return the text of ``family`` with ``size`` characters (at most; a piece may be cut)."""
    return FAMILIES[family](size)


# --------------------------------------------------------------------------- extractors


def _annotation(doc: Document, *needed: str) -> Annotation:
    """Return a fresh annotation of ``doc`` with the parts ``needed`` already computed."""
    annotation = Annotation(doc, Context())
    for part in needed:
        getattr(annotation, part)
    return annotation


@dataclass(frozen=True)
class Extractor:
    """One timed stage: ``prepare(text)`` runs before the clock, ``run(prepared)`` is timed."""

    prepare: Callable[[str], object]
    run: Callable[[object], object]


def _document(text: str) -> Document:
    return as_document(Article(article_id="growth", text=text, language="en"))


def _stage(part: str, *needed: str) -> Extractor:
    return Extractor(lambda text: _annotation(_document(text), *needed),
                     lambda annotation: getattr(annotation, part))


def _sectors(annotation: object) -> object:
    assert isinstance(annotation, Annotation)
    return annotation.sector_mentions, annotation.programme_statements


def _pipeline(text: str) -> object:
    annotation = Annotation(_document(text), Context())
    return [annotation.rows(table) for table in TABLES]


#: Every extractor timed: name -> stage.
EXTRACTORS: dict[str, Extractor] = {
    "segmentation": Extractor(lambda text: text, lambda text: _document(text)),  # type: ignore[arg-type]
    "actors": _stage("mentions"),
    "quotes": _stage("quotes", "mentions"),
    "sectors": Extractor(lambda text: _annotation(_document(text)), _sectors),
    "sentence_tone": _stage("sentences", "mentions"),
    "target_tone": _stage("targets", "mentions"),
    "quote_tone": _stage("quote_tones", "mentions", "quotes"),
    "pipeline": Extractor(lambda text: text, _pipeline),  # type: ignore[arg-type]
}


def clear_text_caches() -> None:
    """Clear every bounded per-text cache of the package (so no run reuses the last).

    Unbounded caches (``functools.cache``) hold resources read once per process
    (lexicons, patterns, models) and are kept.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith("analysis"):
            continue
        for value in list(vars(module).values()):
            parameters = getattr(value, "cache_parameters", None)
            if (callable(parameters) and isinstance(value, functools._lru_cache_wrapper)
                    and parameters().get("maxsize") is not None):
                value.cache_clear()


def time_once(extractor: Extractor, text: str) -> float:
    """Return the CPU seconds of one run of ``extractor`` on ``text`` (caches cleared)."""
    clear_text_caches()
    prepared = extractor.prepare(text)
    gc.collect()
    started = time.process_time()
    extractor.run(prepared)
    return time.process_time() - started


def time_extractor(extractor: Extractor, text: str, repeats: int) -> float:
    """Return the least CPU seconds of ``repeats`` runs of ``extractor`` on ``text``."""
    return min(time_once(extractor, text) for _ in range(repeats))


def slope(sizes: Sequence[int], seconds: Sequence[float]) -> float:
    """Return the least-squares slope of log time over log size (the growth exponent).

    Examples
    --------
    >>> round(slope([1, 2, 4], [1.0, 4.0, 16.0]), 3)
    2.0
    """
    points = [(math.log2(n), math.log2(max(t, 1e-6))) for n, t in zip(sizes, seconds, strict=True)]
    if len(points) < 2:
        return float("nan")
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return num / den


# --------------------------------------------------------------------------- report


#: Sizes (characters) of the first text, by family, for the default and ``--quick`` runs.
START = {"news": 300_000}
START_OTHER = 32_000
QUICK_START = {"news": 40_000}
QUICK_START_OTHER = 4_000


def measure(family: str, extractor: str, start: int, doublings: int, repeats: int,
            budget: float) -> dict:
    """Return the timings of one family and extractor over ``doublings + 1`` sizes."""
    sizes: list[int] = []
    seconds: list[float] = []
    size = start
    for _ in range(doublings + 1):
        if seconds and seconds[-1] > budget:
            break
        sizes.append(size)
        seconds.append(time_extractor(EXTRACTORS[extractor], family_text(family, size), repeats))
        size *= 2
    last = (math.log2(max(seconds[-1], 1e-6) / max(seconds[-2], 1e-6))
            if len(seconds) >= 2 else float("nan"))
    return {"family": family, "extractor": extractor, "sizes": sizes, "seconds": seconds,
            "last_exponent": last, "slope": slope(sizes, seconds)}


def _table(results: Sequence[dict]) -> str:
    lines = ["| family | extractor | sizes (chars) | CPU s | last doubling | slope |",
             "|---|---|---|---|---:|---:|"]
    for r in results:
        sizes = " / ".join(f"{n:,}" for n in r["sizes"])
        times = " / ".join(f"{t:.3f}" for t in r["seconds"])
        lines.append(f"| {r['family']} | {r['extractor']} | {sizes} | {times} | "
                     f"{r['last_exponent']:.2f} | {r['slope']:.2f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print a Markdown table (or JSON with ``--json``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, 3 sizes, 2 repeats")
    parser.add_argument("--families", nargs="+", choices=list(FAMILIES), default=list(FAMILIES))
    parser.add_argument("--extractors", nargs="+", choices=list(EXTRACTORS),
                        default=list(EXTRACTORS))
    parser.add_argument("--start", type=int, help="characters of the first text (all families)")
    parser.add_argument("--doublings", type=int, help="how many times the size doubles")
    parser.add_argument("--repeats", type=int, help="runs per size (the minimum is kept)")
    parser.add_argument("--budget", type=float, default=30.0,
                        help="stop doubling once a run takes longer (seconds)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    doublings = args.doublings if args.doublings is not None else (2 if args.quick else 3)
    repeats = args.repeats if args.repeats is not None else (2 if args.quick else 3)
    starts, other = (QUICK_START, QUICK_START_OTHER) if args.quick else (START, START_OTHER)
    for extractor in EXTRACTORS.values():  # read every resource before any clock starts
        extractor.run(extractor.prepare(family_text("news", 2_000)))
    results = []
    for family in args.families:
        start = args.start if args.start is not None else starts.get(family, other)
        for extractor in args.extractors:
            result = measure(family, extractor, start, doublings, repeats, args.budget)
            results.append(result)
            print(f"{family:>10} {extractor:>13} exponent {result['slope']:.2f}",
                  file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps({"doublings": doublings, "repeats": repeats, "results": results},
                         indent=2))
    else:
        print(_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
