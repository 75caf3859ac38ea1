"""VADER works offline, from a group-writable install, with NLTK_DATA empty.

The package is copied into a folder whose directories and files are group-writable
(what umask 002 gives on shared servers; nltk 3.10's ``nltk.data`` refuses to read
such folders) and imported from there in a fresh interpreter where NLTK_DATA and HOME
point at empty folders, sockets cannot connect and ``nltk.download`` raises. Its scores
must equal those of NLTK's own analyzer loaded the ordinary way (from a safe folder).
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "analysis"

SENTENCES = [
    "VADER is smart, handsome, and funny.",
    "VADER is not smart, handsome, nor funny.",
    "The book was kind of good.",
    "At least it isn't a horrible book.",
    "“Korea is a very highly valued partner of NATO,” Stoltenberg told Yoon.",
    "The war in Ukraine has global ramifications, and I thank you for your strong position "
    "condemning the illegal invasion of Ukraine.",
    "We are also very concerned about the nuclear missile programs of North Korea.",
    "NATO leaders were expected to show resolve to support Ukraine and deter future "
    "Russian aggression.",
    "The summit was GREAT!!! :)",
    "",
]

OFFLINE_SCRIPT = textwrap.dedent(
    """
    import json, socket, sys

    def _no_network(*args, **kwargs):
        raise OSError("network disabled by test_vader_offline")

    socket.socket.connect = _no_network
    socket.create_connection = _no_network
    socket.getaddrinfo = _no_network

    import nltk
    import nltk.downloader

    def _no_download(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    nltk.download = _no_download
    nltk.downloader.download = _no_download
    nltk.downloader.Downloader.download = _no_download

    # The environment really has no NLTK data: NLTK's own lookup fails here.
    try:
        nltk.data.find("sentiment/vader_lexicon.zip")
    except LookupError:
        pass
    else:
        raise AssertionError("NLTK found a VADER lexicon outside the package")

    import analysis
    from analysis.sentiment.vader import analyzer, polarity_scores

    sentences = json.loads(sys.stdin.read())
    print(json.dumps({
        "package": analysis.__file__,
        "scores": [polarity_scores(s) for s in sentences],
        "same_object": analyzer() is analyzer(),
    }))
    """
)

REFERENCE_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    print(json.dumps([sia.polarity_scores(s) for s in json.loads(sys.stdin.read())]))
    """
)


def _run(script: str, env: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(SENTENCES),
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _group_writable_copy(target: Path) -> Path:
    """Copy the package below ``target`` with the modes umask 002 gives (775 / 664)."""
    site = target / "site"
    shutil.copytree(PACKAGE, site / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    for folder, _dirs, files in os.walk(site):
        os.chmod(folder, 0o775)
        for name in files:
            os.chmod(Path(folder) / name, 0o664)
    lexicon = site / "analysis" / "resources" / "sentiment/vader_lexicon.zip"
    assert stat.S_IMODE(lexicon.stat().st_mode) & stat.S_IWGRP
    assert stat.S_IMODE(lexicon.parent.stat().st_mode) & stat.S_IWGRP
    return site


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK", "PYTHON"))}
    env.update(extra)
    return env


def _nltk_reference(tmp_path: Path) -> list[dict[str, float]]:
    """NLTK's own analyzer, loading the same zip from an ordinary (755/644) NLTK_DATA."""
    data = tmp_path / "nltk_data_safe"
    (data / "sentiment").mkdir(parents=True)
    shutil.copyfile(PACKAGE / "resources" / "sentiment/vader_lexicon.zip", data / "sentiment" / "vader_lexicon.zip")
    for path in (data, data / "sentiment"):
        os.chmod(path, 0o755)
    os.chmod(data / "sentiment" / "vader_lexicon.zip", 0o644)
    out = _run(REFERENCE_SCRIPT, _clean_env(NLTK_DATA=str(data), HOME=str(tmp_path)), tmp_path)
    return json.loads(out)


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX notions")
def test_offline_group_writable_install_scores_equal_nltk(tmp_path):
    site = _group_writable_copy(tmp_path / "install")
    empty_data = tmp_path / "nltk_data_empty"
    home = tmp_path / "home"
    workdir = tmp_path / "work"
    for folder in (empty_data, home, workdir):
        folder.mkdir()
    env = _clean_env(PYTHONPATH=str(site), NLTK_DATA=str(empty_data), HOME=str(home))
    result = json.loads(_run(OFFLINE_SCRIPT, env, workdir))
    assert result["package"].startswith(str(site))
    assert result["same_object"] is True
    assert result["scores"] == _nltk_reference(tmp_path)
    assert result["scores"][0]["compound"] == 0.8316  # VADER's own documented example


def test_shipped_zip_is_nltks_vader_lexicon():
    with zipfile.ZipFile(PACKAGE / "resources" / "sentiment/vader_lexicon.zip") as archive:
        lines = archive.read("vader_lexicon/vader_lexicon.txt").decode("utf-8").splitlines()
    assert len(lines) > 7000
    assert any(line.startswith("good\t1.9\t") for line in lines)


def _download_uses(source: str) -> list[int]:
    """Line numbers where code (not prose) touches nltk.download or nltk.downloader."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in {"download", "downloader"}:
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("nltk"):
            if (node.module or "").startswith("nltk.downloader") or any(
                alias.name in {"download", "downloader"} for alias in node.names
            ):
                lines.append(node.lineno)
        elif isinstance(node, ast.Import) and any(
            alias.name.startswith("nltk.downloader") for alias in node.names
        ):
            lines.append(node.lineno)
    return lines


def test_download_detector_detects():
    assert _download_uses("import nltk\nnltk.download('vader_lexicon')") == [2]
    assert _download_uses("from nltk import download") == [1]
    assert _download_uses("import nltk.downloader") == [1]
    assert _download_uses('"""nltk.download is never called."""') == []


def test_nltk_download_is_called_nowhere():
    offenders = {
        str(path.relative_to(ROOT)): _download_uses(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    assert {name: lines for name, lines in offenders.items() if lines} == {}


def test_vader_module_does_not_use_nltk_data():
    tree = ast.parse((PACKAGE / "sentiment" / "vader.py").read_text(encoding="utf-8"))
    names = {
        node.attr for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
        and node.value.id == "nltk"
    }
    imports = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    assert "data" not in names and "nltk.data" not in imports
