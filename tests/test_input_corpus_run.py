"""Done when: a corpus run over every bad kind of input lists each, keeps every good article once."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

from analysis.corpus import extract_corpus, read_table
from analysis.text.cleaning import InputWarning

PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Allies meet</title>"
    "</head><body><nav><a href='/'>Home</a></nav><article><p>&ldquo;We stand together,&rdquo; "
    "Stoltenberg said on Tuesday in Vilnius, where the allies met four partners from the "
    "Indo-Pacific region for a second year.</p></article></body></html>"
)

#: good input: file name -> content; GOOD_IDS: the article ids they hold
GOOD: dict[str, str] = {
    "good/a.txt": "published: 2023-07-11\n\nNATO met in Vilnius. Korea joined the talks.\n",
    "good/b.json": '{"id": "json-1", "text": "Japan and Australia were there."}',
    "good/c.jsonl": '{"id": "wire-1", "text": "The summit ended."}\n'
                    '{"id": "wire-2", "text": "“We agree,” Yoon said."}\n',
    "good/d.csv": 'id,text\ncsv-1,"Korea and NATO, again."\ncsv-2,New Zealand came too.\n',
    "good/e.html": PAGE,
    "good/f.txt": PAGE,  # an HTML page saved as .txt
    "good/g.txt": "Summit story one.\nEnd of Document\nSummit story two.\nEnd of Document\n",
}
GOOD_IDS = ["good/a.txt", "json-1", "wire-1", "wire-2", "csv-1", "csv-2", "good/e.html",
            "good/f.txt", "good/g.txt#1", "good/g.txt#2", "mixed-2", "cut-1", "nul-1"]


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "NATO met.")
    return buffer.getvalue()


def _bad() -> dict[str, bytes]:
    rng = random.Random(3)
    return {
        "bad/random.txt": bytes(rng.randrange(256) for _ in range(3000)),
        "bad/elf.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(64),
        "bad/nuls.txt": bytes(2048),
        "bad/png.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "bad/archive.zip": _zip(),
        "bad/paper.pdf": b"%PDF-1.7\n",
        "bad/paper-named.txt": b"%PDF-1.7\n",
        "bad/empty.txt": b"",
        "bad/blank.txt": b" \n\n\t\n",
        "bad/table.tsv": b"id\ttext\n1\tNATO met.\n",
        "bad/README.md": b"# Notes on this corpus\n",
        "bad/letter.docx": _zip(),
        "bad/deep.json": b"[" * 100_000,
        "bad/deep.jsonl": b"{\"a\": " * 50_000 + b"\n",
        "bad/quote.csv": b'id,text\n1,"unterminated\nmixed-2,The row after is read.\n',
        # after good/ in reading order, so the first wire-1 is the good one
        "zz/dupe.jsonl": b'{"id": "wire-1", "text": "A different text under a used id."}\n',
    }


#: good articles read from otherwise broken files (a UTF-8 tail cut, stray NULs)
SALVAGED: dict[str, bytes] = {
    "salvage/cut.jsonl": '{"id": "cut-1", "text": "“Yes,” he said. “No'.encode() + b'\xe2\x80"}\n',
    "salvage/nul.jsonl": b'{"id": "nul-1", "text": "NATO\\u0000 met."}\n',
}
BAD_NAMES = sorted(Path(name).name for name in _bad())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "in"
    for name, content in GOOD.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content, encoding="utf-8")
    for name, data in {**_bad(), **SALVAGED}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skip.txt").write_text("Hidden.", encoding="utf-8")
    return root


def _check(out: Path) -> None:
    articles = read_table(out, "articles")
    assert sorted(articles["article_id"]) == sorted(GOOD_IDS)  # each exactly once
    assert articles["n_sentences"].min() >= 1
    errors = read_table(out, "errors")
    listed = sorted(Path(str(path).split("#")[0]).name for path in errors["path"])
    assert listed == BAD_NAMES
    assert errors["message"].str.len().min() > 20
    by_file = {Path(str(path).split("#")[0]).name: message
               for path, message in zip(errors["path"], errors["message"], strict=True)}
    assert "pdftotext" in by_file["paper.pdf"] and "pdftotext" in by_file["paper-named.txt"]
    assert by_file["table.tsv"].startswith("unsupported file type .tsv")
    assert "never closed" in by_file["quote.csv"]
    assert "100 levels deep" in by_file["deep.json"]
    assert "an earlier article has this id" in by_file["dupe.jsonl"]
    quotes = read_table(out, "quotes")
    assert not quotes["text"].str.contains("\x00|\ufffd\ufffd|PNG|ELF", regex=True).any()


def test_extract_corpus_lists_every_bad_input_and_keeps_every_good_article(corpus, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = extract_corpus(corpus, tmp_path / "out", batch_size=4)
    assert {UnicodeWarning, InputWarning} <= {w.category for w in caught}
    assert result.n_articles == len(GOOD_IDS)
    assert result.n_errors == len(BAD_NAMES)
    _check(tmp_path / "out")


def test_the_cli_exits_0_and_1_under_strict(corpus, tmp_path):
    out = tmp_path / "cli"
    command = [sys.executable, "-m", "analysis", "extract", str(corpus), "--workers", "1",
               "--quiet"]
    done = subprocess.run([*command, "--out", str(out)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    _check(out)
    strict = subprocess.run([*command, "--out", str(tmp_path / "strict"), "--strict",
                             "--workers", "2"], capture_output=True, text=True, check=False)
    assert strict.returncode == 1, strict.stderr
    _check(tmp_path / "strict")  # worker processes: the same tables
