"""Punkt reads long blocks in bounded windows, with the same sentences as one whole read.

NLTK 3.10 runs Punkt's regular expressions under a wall-clock limit, so a paragraph of
a few megabytes could fail at random on a busy machine. ``_punkt_raw_spans`` reads it in
windows; these tests check that the windows change no sentence, whatever their size.
"""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import segmentation
from analysis.text.segmentation import Span, split_sentences

# Sentences written for these tests: abbreviations, titles, quotes, numbers, initials.
PIECES = (
    "The minister met U.S. Sen. Ada Kim in Seoul on Jan. 5.",
    "“We will not waver,” she said.",
    "Talks resumed at 9 a.m. on Tuesday.",
    "Mr. An Ho-young, the envoy, left early!",
    "Was it worth it?” asked Kim.",
    "J.D. Vance arrived… later than planned.",
    "The pact covers No. 2 and Vol. 3 of the plan.",
    "NATO and South Korea signed the partnership (the ITPP).",
    "Why now?",
    "It rained.",
)


def _whole_block(monkeypatch: pytest.MonkeyPatch, text: str) -> list[Span]:
    monkeypatch.setattr(segmentation, "PUNKT_WINDOW_CHARS", 10**9)
    return segmentation._punkt_spans(text, Span(0, len(text)))


def _windowed(monkeypatch: pytest.MonkeyPatch, text: str, window: int, margin: int) -> list[Span]:
    monkeypatch.setattr(segmentation, "PUNKT_WINDOW_CHARS", window)
    monkeypatch.setattr(segmentation, "PUNKT_WINDOW_MARGIN_CHARS", margin)
    return segmentation._punkt_spans(text, Span(0, len(text)))


@pytest.mark.parametrize(("window", "margin"), [(40, 10), (120, 30), (500, 100), (2_000, 400)])
def test_windows_give_the_sentences_of_one_whole_read(
    monkeypatch: pytest.MonkeyPatch, window: int, margin: int
) -> None:
    text = " ".join(PIECES * 30)
    assert _windowed(monkeypatch, text, window, margin) == _whole_block(monkeypatch, text)


@settings(max_examples=150, deadline=None)
@given(
    indexes=st.lists(st.integers(0, len(PIECES) - 1), min_size=1, max_size=40),
    separators=st.lists(st.sampled_from([" ", "  ", "\n", " \t "]), min_size=40, max_size=40),
    window=st.integers(20, 400),
    margin=st.integers(1, 60),
)
def test_any_window_size_gives_the_same_sentences(
    indexes: list[int], separators: list[str], window: int, margin: int
) -> None:
    text = "".join(PIECES[i] + separators[n] for n, i in enumerate(indexes)).strip()
    with pytest.MonkeyPatch.context() as patch:
        whole = _whole_block(patch, text)
        assert _windowed(patch, text, window, min(margin, window - 1)) == whole


def test_a_window_with_no_sentence_end_continues_the_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "word " * 200 + "end. Next one."
    spans = _windowed(monkeypatch, text, 50, 10)
    assert [text[s.start : s.end] for s in spans] == [("word " * 200 + "end."), "Next one."]


def test_a_block_without_whitespace_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "x" * 300 + ". Then he left. " + "y" * 300 + " went home."
    assert _windowed(monkeypatch, text, 50, 10) == _whole_block(monkeypatch, text)


def test_a_paragraph_of_megabytes_splits_within_a_tight_regex_time_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The user's case: one 1.6 MB paragraph; NLTK's limit tightened to one second."""
    try:
        redos = importlib.import_module("nltk.redos")
    except ImportError:  # NLTK before 3.10 has no time limit to exceed
        pytest.skip("this NLTK has no regular-expression time limit")
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 1.0)
    text = "The minister said the talks went well. " * 40_000
    sentences = split_sentences(text)
    assert len(sentences) == 40_000
    assert text[sentences[-1].start : sentences[-1].end] == "The minister said the talks went well."
