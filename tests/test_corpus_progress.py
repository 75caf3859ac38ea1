"""The progress bar of a corpus run: a total known up front, moving within long articles."""

from __future__ import annotations

import json

import pytest

from analysis.corpus import extract_corpus, runner


class _Bar:
    """A stand-in for tqdm that records every update."""

    def __init__(self, total: int) -> None:
        self.total, self.n, self.updates, self.closed = total, 0, [], False

    def update(self, n: int) -> None:
        self.updates.append(n)
        self.n += n

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def bars(monkeypatch):
    made = []

    def make(enabled, total):
        made.append(_Bar(total))
        return made[-1]

    monkeypatch.setattr(runner, "_progress_bar", make)
    return made


@pytest.mark.parametrize("workers", [1, 2])
def test_the_bar_counts_input_bytes_and_moves_within_one_long_article(tmp_path, bars, workers):
    sentence = "“Korea is a valued partner of NATO,” Stoltenberg said in Vilnius on Tuesday. "
    text = sentence * 3000  # one article of about 230 KB
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({"id": "long", "text": text}) + "\n", encoding="utf-8")
    extract_corpus(source, tmp_path / "out", tables=["articles", "quotes", "sentences"],
                   workers=workers, progress=True)
    [bar] = bars
    assert bar.total == source.stat().st_size
    size = len(text.encode("utf-8"))
    assert len([n for n in bar.updates if n]) > 2  # moved before the article was done
    assert sum(bar.updates[:-1]) <= size
    assert bar.n == bar.total and bar.closed  # file overhead added at the end
