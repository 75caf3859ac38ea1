"""Notebook parameters as paths: one rule, wherever the notebook runs.

JupyterLab and nbconvert start a notebook's kernel in the notebook's folder, papermill
in the folder it is run from; a relative path in a parameter cell would mean a
different file in each. The rule here makes it mean one file:

* a relative path is read from the **project root**, the folder holding the project's
  ``pyproject.toml`` (:func:`project_root`), wherever the kernel runs;
* an absolute path (or one starting with ``~``) is used as given;
* where a list of paths is expected, one path may be given as a string, and a string
  holding a JSON list (``'["a", "b"]'``, what ``papermill -p`` passes) is that list.

A user's run writes to ``outputs/<corpus name>/`` below the root (git-ignored) unless
``out_dir`` says otherwise; the committed ``figures/`` folder is written by
``make figures`` only, and a notebook asked to write there refuses
(:func:`output_dir`).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

from analysis.errors import AnalysisError

__all__ = [
    "COMMITTED_FIGURES",
    "OUTPUTS_DIR",
    "PROJECT_NAME",
    "TEMPORARY_PREFIX",
    "corpus_slug",
    "output_dir",
    "project_root",
    "resolve_path",
    "resolve_paths",
    "tables_folder",
]

#: The ``[project] name`` of the pyproject.toml that marks the project root.
PROJECT_NAME = "analysis"
#: Where a user's notebook runs write by default, below the project root (git-ignored).
OUTPUTS_DIR = "outputs"
#: The committed figures folder, below the project root; written by ``make figures`` only.
COMMITTED_FIGURES = "figures"

PathLike = str | os.PathLike[str]


def _is_project(folder: Path) -> bool:
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return False
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return data.get("project", {}).get("name") == PROJECT_NAME


def project_root(start: PathLike | None = None) -> Path:
    """Return the project root: the nearest folder up with the project's pyproject.toml.

    Searched from ``start`` if given, else from where the ``analysis`` package is
    imported (a checkout or an editable install: the same root from any working
    directory), then from the current working directory. With no project found (the
    package installed from an index) the current working directory is the root.

    Examples
    --------
    >>> (project_root() / "pyproject.toml").is_file()
    True
    >>> import tempfile
    >>> project_root(tempfile.gettempdir()) == project_root()  # not a project: the package's
    True
    """
    starts = [Path(start)] if start is not None else []
    starts += [Path(__file__).resolve().parent, Path.cwd()]
    for origin in starts:
        origin = origin.expanduser().resolve()
        for folder in (origin, *origin.parents):
            if _is_project(folder):
                return folder
    return Path.cwd().resolve()


def resolve_path(path: PathLike, root: PathLike | None = None) -> Path:
    """Return ``path`` as an absolute path: relative ones below ``root`` (the project root).

    Examples
    --------
    >>> resolve_path("data/raw/articles") == project_root() / "data" / "raw" / "articles"
    True
    >>> str(resolve_path("/tmp/corpus"))
    '/tmp/corpus'
    """
    given = Path(os.fspath(path)).expanduser()
    if given.is_absolute():
        return given
    base = Path(root) if root is not None else project_root()
    return base / given


def _as_list(paths: PathLike | Iterable[PathLike] | None) -> list[PathLike]:
    if paths is None:
        return []
    if isinstance(paths, str):
        text = paths.strip()
        if text.startswith("["):
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError as error:
                raise AnalysisError(
                    f"{paths!r} looks like a list but is not valid JSON ({error.msg}); "
                    "write it as '[\"folder\", \"file.txt\"]' or give one path"
                ) from None
            if not isinstance(parsed, list) or not all(isinstance(p, str) for p in parsed):
                raise AnalysisError(f"{paths!r}: a list of paths must hold strings only")
            return list(parsed)
        return [paths] if text else []
    if isinstance(paths, os.PathLike):
        return [paths]
    return list(paths)


def resolve_paths(
    paths: PathLike | Iterable[PathLike] | None, root: PathLike | None = None
) -> list[Path]:
    """Return a parameter's paths as a list of absolute paths (see the module's rule).

    Parameters
    ----------
    paths : str, path, iterable of them, or None
        A list of paths; one path as a string; a JSON list in a string (``papermill -p``
        passes lists so); None or an empty string for none.
    root : path, optional
        What relative paths are read from (default: :func:`project_root`).

    Raises
    ------
    AnalysisError
        For a string that starts like a JSON list but is not one.

    Examples
    --------
    >>> [str(p) for p in resolve_paths("corpus", root="/r")]
    ['/r/corpus']
    >>> [str(p) for p in resolve_paths('["a", "/abs/b.txt"]', root="/r")]
    ['/r/a', '/abs/b.txt']
    >>> resolve_paths(None), resolve_paths([])
    ([], [])
    """
    return [resolve_path(p, root) for p in _as_list(paths)]


def corpus_slug(corpus_name: str | None, input_paths: Sequence[PathLike] = ()) -> str:
    """Return a folder name for a corpus: its name, else its first input's name.

    Examples
    --------
    >>> corpus_slug("Yonhap English, 2023-2025")
    'yonhap-english-2023-2025'
    >>> corpus_slug(None, ["data/raw/articles"])
    'articles'
    >>> corpus_slug(None, ["/x/wire.jsonl", "/y/more"])
    'wire-and-1-more'
    >>> corpus_slug(None)
    'corpus'
    """
    if corpus_name:
        base = corpus_name
    elif input_paths:
        first = Path(os.fspath(input_paths[0]))
        base = first.stem if first.suffix else first.name
        if len(input_paths) > 1:
            base = f"{base}-and-{len(input_paths) - 1}-more"
    else:
        base = "corpus"
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")
    return slug or "corpus"


def output_dir(
    out_dir: PathLike | None,
    corpus_name: str | None = None,
    input_paths: Sequence[PathLike] = (),
    root: PathLike | None = None,
) -> Path:
    """Return where a notebook writes: ``out_dir`` resolved, or ``outputs/<corpus>/``.

    Parameters
    ----------
    out_dir : path or None
        The notebook's ``out_dir`` parameter; None (or "") for the default,
        ``outputs/<corpus_slug(corpus_name, input_paths)>/`` below the root.
    corpus_name, input_paths
        What names the default folder (:func:`corpus_slug`).
    root : path, optional
        The project root (default: :func:`project_root`).

    Raises
    ------
    AnalysisError
        When the folder is the committed ``figures/`` folder (or inside it): only
        ``make figures`` writes there.

    Examples
    --------
    >>> str(output_dir(None, "My wire", root="/r"))
    '/r/outputs/my-wire'
    >>> str(output_dir("results", root="/r"))
    '/r/results'
    >>> output_dir("figures", root="/r")
    Traceback (most recent call last):
    ...
    analysis.errors.AnalysisError: /r/figures: the committed figures are written by `make figures` only; give another out_dir (default: outputs/<corpus name>/)
    """
    base = Path(root) if root is not None else project_root()
    if out_dir is None or (isinstance(out_dir, str) and not out_dir.strip()):
        target = base / OUTPUTS_DIR / corpus_slug(corpus_name, input_paths)
    else:
        target = resolve_path(out_dir, base)
    committed = (base / COMMITTED_FIGURES).resolve()
    resolved = target.resolve()
    if resolved == committed or committed in resolved.parents:
        raise AnalysisError(
            "the committed figures are written by `make figures` only; give another "
            "out_dir (default: outputs/<corpus name>/)",
            target,
        )
    return target


def tables_folder(tables_dir: PathLike | None, root: PathLike | None = None) -> Path:
    """Return where a notebook's corpus run writes its tables.

    ``tables_dir`` resolved by the module's rule (kept: nothing here ever deletes it),
    or, when None (or ""), a new temporary folder outside the repository (a corpus's
    tables can be large, and some corpora may not be shared) that is **removed when the
    Python process ends** (the notebook's kernel stops, or papermill's run ends), so no
    ``analysis-corpus-*`` folder is left behind. Give ``tables_dir`` to keep the tables.

    Examples
    --------
    >>> str(tables_folder("runs/wire", root="/r"))
    '/r/runs/wire'
    >>> temporary = tables_folder(None)
    >>> temporary.name, temporary.parent.name.startswith(TEMPORARY_PREFIX)
    ('tables', True)
    """
    if tables_dir is None or (isinstance(tables_dir, str) and not tables_dir.strip()):
        return _temporary_tables()
    return resolve_path(tables_dir, root)


#: Name prefix of the temporary folder of a notebook's corpus run (:func:`tables_folder`).
TEMPORARY_PREFIX = "analysis-corpus-"


def _temporary_tables() -> Path:
    """Make a temporary folder for a run's tables, removed when the process ends."""
    folder = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder / "tables"
