"""Every extractor stays linear on long, adversarial input (a return of quadratic time fails).

For each adversarial family of ``benchmarks/bench_growth.py`` (long news, a paragraph
with no full stop, repeated abbreviations, sentences merged by lower-case starts, runs
of titles and names, a huge word, many quotations, unbalanced quote marks) and each
extractor (segmentation, actors, quotes, sectors, sentence, target and quote tone, the
whole pipeline), the CPU time at 4x the size must stay under ``FACTOR`` times the time
at 1x: linear code takes about 4x, quadratic 16x. The bound is generous (a loaded
2-core machine, start-up costs), each time is the least of ``REPEATS`` runs, and a
pair whose larger time is still too small to measure is not judged.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_growth.py"

#: Characters of the small text, by family (the large one has 4x as many). Chosen so
#: that quadratic code would take well over a tenth of a second at 4x. The families
#: whose sentences grow with the text (no full stop, abbreviations, lower-case starts,
#: names, quotations, unbalanced marks) start above target tone's 1,500-token sentence
#: window, below which its cost rises faster than linearly by design (the window then
#: caps it: "noperiod" 0.02 s at 3,000 characters, 0.22 s at 12,000, 0.83 s at 48,000).
SMALL = {"news": 12_000, "hugeword": 12_000, "abbrev": 6_000, "noperiod": 12_000,
         "lowercase": 12_000, "names": 12_000, "quotes": 12_000, "unbalanced": 12_000}
SMALL_OTHER = 3_000
#: Largest allowed time(4n) / time(n): linear is about 4, quadratic about 16.
FACTOR = 10.0
#: Runs per size; the least time is kept.
REPEATS = 2
#: Below this many CPU seconds at 4x, timer noise decides the ratio: not judged.
MEASURABLE_SECONDS = 0.02


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("bench_growth", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_growth", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Read every resource (registry, taxonomy, lexicons, model) before any clock starts."""
    for extractor in bench.EXTRACTORS.values():
        extractor.run(extractor.prepare(bench.family_text("news", 2_000)))


@pytest.mark.parametrize("extractor", list(bench.EXTRACTORS))
@pytest.mark.parametrize("family", list(bench.FAMILIES))
def test_time_grows_linearly(family: str, extractor: str) -> None:
    size = SMALL.get(family, SMALL_OTHER)
    small = bench.time_extractor(bench.EXTRACTORS[extractor], bench.family_text(family, size),
                                 REPEATS)
    large = bench.time_extractor(bench.EXTRACTORS[extractor],
                                 bench.family_text(family, 4 * size), REPEATS)
    if large < MEASURABLE_SECONDS:
        return  # too fast to tell linear from quadratic: certainly not quadratic here
    assert large < FACTOR * max(small, MEASURABLE_SECONDS / FACTOR), (
        f"{extractor} on {family}: {small:.4f} s at {size:,} characters, "
        f"{large:.4f} s at {4 * size:,} (more than {FACTOR}x: quadratic again?)"
    )


def test_families_have_the_size_asked() -> None:
    for family in bench.FAMILIES:
        text = bench.family_text(family, 3_000)
        assert 2_900 <= len(text) <= 3_000, family


def test_growth_exponent_of_quadratic_times_is_two() -> None:
    assert bench.slope([1_000, 2_000, 4_000], [0.01, 0.04, 0.16]) == pytest.approx(2.0)
