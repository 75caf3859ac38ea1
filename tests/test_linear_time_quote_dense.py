"""Probe of issue 10: helpers called once per quote or cue stay cheap on long articles."""

from __future__ import annotations

import time

from analysis.quotes.context import Context, marked_in
from analysis.quotes.marks import Marked
from analysis.text.document import as_document

#: Quote spans of a long article (about 30 MB of quote-dense news holds 280,000).
N_MARKED = 200_000
#: Lookups near the start of the article: with a copy of the spans after the first
#: one per lookup (the quadratic habit fixed) they took over 10 s; now milliseconds.
N_LOOKUPS = 20_000
#: Generous bound for every lookup together (CPU seconds).
BOUND_SECONDS = 2.0


def test_marked_in_does_not_copy_the_spans_after_its_start():
    marked = [Marked(10 * i, 10 * i + 5, True, "double") for i in range(N_MARKED)]
    context = Context(as_document("NATO met."), marked, [m.start for m in marked])
    begin = time.process_time()
    found = [marked_in(context, 10 * i, 10 * i + 12) for i in range(N_LOOKUPS)]
    assert time.process_time() - begin < BOUND_SECONDS
    assert found[0] == marked[:2]
    assert found[7] == marked[7:9]


def test_marked_in_finds_the_spans_that_overlap_the_range():
    marked = [Marked(start, start + 4, True, "double") for start in (0, 6, 20, 30)]
    context = Context(as_document("NATO met."), marked, [m.start for m in marked])
    for start in range(0, 36, 3):
        for end in range(start + 1, 40, 5):
            expected = [m for m in marked if m.start < end and m.end > start]
            assert marked_in(context, start, end) == expected, (start, end)
