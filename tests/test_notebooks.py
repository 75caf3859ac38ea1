"""Every notebook runs top to bottom, and committed notebooks carry no outputs.

Each notebook is executed with nbclient (kernel ``python3``, working directory
``notebooks/``) after a cell is injected right after its ``parameters`` cell, as
papermill does, pointing ``out_dir`` at a temporary folder so the run never touches
the committed figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def _parameters_index(notebook: nbformat.NotebookNode) -> int:
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return index
    raise AssertionError("no code cell tagged 'parameters'")


def test_overview_notebook_exists():
    assert NOTEBOOK_DIR / "00-overview.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_stripped_and_parameterised(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: outputs committed"
            assert cell.execution_count is None, f"{path.name}: execution count committed"
    index = _parameters_index(notebook)
    first_code = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    assert index == first_code, "the parameters cell must be the first code cell"
    source = notebook.cells[index].source
    assert "input_paths" in source and "out_dir" in source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, tmp_path):
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    index = _parameters_index(notebook)
    injected = nbformat.v4.new_code_cell(
        f"# Parameters injected by tests/test_notebooks.py\nout_dir = {json.dumps(str(tmp_path))}",
        metadata={"tags": ["injected-parameters"]},
    )
    notebook.cells.insert(index + 1, injected)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    client.execute()  # raises CellExecutionError with the failing cell on any error
    errors = [
        output for cell in notebook.cells if cell.cell_type == "code"
        for output in cell.outputs if output.output_type == "error"
    ]
    assert errors == []
    if path.name == "00-overview.ipynb":
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "article-structure.csv", "article-structure.png", "article-structure.svg",
        ]
