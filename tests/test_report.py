"""The report builder's scrubbing: reruns give identical notebooks, widgets included."""

from __future__ import annotations

import copy
import json

import nbformat

from analysis.report import numbered_notebooks, scrub_notebook

STATE = "application/vnd.jupyter.widget-state+json"


def _executed(ids, state_order):
    """A notebook as nbclient leaves it: a displayed VBox holding a Text, random ids, timings."""
    box, text, layout = ids
    state = {
        box: {"model_name": "VBoxModel", "state": {"children": [f"IPY_MODEL_{text}"], "layout": f"IPY_MODEL_{layout}"}},
        text: {"model_name": "TextModel", "state": {"value": "camps"}},
        layout: {"model_name": "LayoutModel", "state": {}},
    }
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("explorer", id="c1")
    cell.outputs = [nbformat.v4.new_output("execute_result", execution_count=1, data={
        "application/vnd.jupyter.widget-view+json": {"model_id": box, "version_major": 2, "version_minor": 0},
        "text/plain": "VBox()"})]
    cell.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00", "duration": 1.5, "status": "completed"}
    cell.metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:00"}
    injected = nbformat.v4.new_code_cell("CORPUS = 'x'", id="random-id-123")
    injected.metadata["tags"] = ["injected-parameters"]
    nb.cells = [injected, cell]
    nb.metadata["papermill"] = {"start_time": "t", "end_time": "t", "duration": 3.0, "parameters": {"CORPUS": "x"},
                                "input_path": "/a", "output_path": "/b"}
    nb.metadata["widgets"] = {STATE: {"state": {k: state[k] for k in state_order}, "version_major": 2}}
    return nb


def test_two_runs_with_different_random_ids_scrub_to_the_same_notebook():
    first = _executed(["a" * 32, "b" * 32, "c" * 32], ["a" * 32, "b" * 32, "c" * 32])
    second = _executed(["d" * 32, "e" * 32, "f" * 32], ["f" * 32, "e" * 32, "d" * 32])
    for nb in (first, second):
        scrub_notebook(nb)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first.cells[0]["id"] == "injected-parameters"
    assert first.metadata["papermill"] == {"parameters": {"CORPUS": "x"}}
    assert "start_time" not in first.cells[1].metadata["papermill"] and "execution" not in first.cells[1].metadata
    state = first.metadata["widgets"][STATE]["state"]
    assert list(state) == [f"{i:032x}" for i in (1, 2, 3)]
    assert state[f"{1:032x}"]["model_name"] == "VBoxModel"  # the displayed widget comes first
    view = first.cells[1].outputs[0]["data"]["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == f"{1:032x}"


def test_scrub_leaves_a_notebook_without_widgets_alone_but_for_timings():
    nb = _executed(["a" * 32, "b" * 32, "c" * 32], ["a" * 32, "b" * 32, "c" * 32])
    del nb.metadata["widgets"]
    before = copy.deepcopy(nb.cells[1].outputs)
    scrub_notebook(nb)
    assert nb.cells[1].outputs == before


def test_numbered_notebooks_only(tmp_path):
    for name in ("01-a.ipynb", "02-b.ipynb", "scratch.ipynb", "1-c.ipynb"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in numbered_notebooks(tmp_path)] == ["01-a.ipynb", "02-b.ipynb"]
