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


def test_a_warning_from_a_cell_does_not_name_the_kernels_temporary_file():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("docs = analysis.load_corpus(CORPUS)", id="c1")
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text=[
        "/tmp/ipykernel_22953/4049166175.py:23: UserWarning: 1 input(s) set aside: a.txt: only white space\n",
        "  docs = analysis.load_corpus(CORPUS)\n"])]
    nb.cells = [cell]
    scrub_notebook(nb)
    assert nb.cells[0].outputs[0]["text"] == ("UserWarning: 1 input(s) set aside: a.txt: only white space\n"
                                              "  docs = analysis.load_corpus(CORPUS)\n")


def test_numbered_notebooks_only(tmp_path):
    for name in ("01-a.ipynb", "02-b.ipynb", "scratch.ipynb", "1-c.ipynb"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in numbered_notebooks(tmp_path)] == ["01-a.ipynb", "02-b.ipynb"]


# ------------------------------------------------------------- --out checks

import pytest  # noqa: E402

from analysis import paths  # noqa: E402
from analysis.cli import main  # noqa: E402
from analysis.report import (  # noqa: E402
    REPORT_CSS, _spaces_in_cells, _to_html, check_output_folder, shown_paths,
)


@pytest.mark.parametrize("out, message", [
    (paths.NOTEBOOKS_DIR, "this folder holds the notebooks the report runs"),
    (paths.PROJ_ROOT, "this folder holds the notebooks the report runs"),
    (paths.RAW_DATA_DIR, "this folder holds the corpus"),
    (paths.RAW_DATA_DIR / "report", "this folder is inside the corpus"),
])
def test_an_output_folder_holding_the_inputs_is_refused(out, message):
    with pytest.raises(ValueError, match=message):
        check_output_folder(out, corpus=paths.RAW_DATA_DIR)


def test_an_ordinary_output_folder_is_accepted(tmp_path):
    assert check_output_folder(tmp_path / "new", corpus=paths.RAW_DATA_DIR) == tmp_path / "new"


@pytest.mark.parametrize("target, message", [
    ("notebooks", "error: --out notebooks: this folder holds the notebooks the report runs"),
    ("file", "is an existing file, not a folder"),
])
def test_cli_refuses_a_bad_out_with_a_message_not_a_traceback(target, message, tmp_path, capsys):
    if target == "file":
        out = tmp_path / "report.txt"
        out.write_text("keep me")
    else:
        out = paths.NOTEBOOKS_DIR
    before = sorted(p.stat().st_mtime_ns for p in paths.NOTEBOOKS_DIR.iterdir())
    assert main(["report", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert sorted(p.stat().st_mtime_ns for p in paths.NOTEBOOKS_DIR.iterdir()) == before
    if target == "file":
        assert out.read_text() == "keep me"


def test_paths_are_shown_relative_to_the_repository_or_by_folder_name(tmp_path):
    assert shown_paths(paths.RAW_DATA_DIR) == "data/raw"
    assert shown_paths(tmp_path / "my-articles") == "my-articles"
    nb = _executed(["a" * 32, "b" * 32, "c" * 32], ["a" * 32, "b" * 32, "c" * 32])
    nb.cells[0].source = f"CORPUS = '{tmp_path}/my-articles'\nOUTPUT_DIR = '{paths.PROJ_ROOT}/reports'"
    nb.cells[1].outputs.append(nbformat.v4.new_output("stream", name="stderr", text=f"skipped: {tmp_path}/my-articles/x.txt"))
    scrub_notebook(nb, replacements={f"{tmp_path}/my-articles": "my-articles", str(paths.PROJ_ROOT) + "/": ""})
    text = json.dumps(nb)
    assert str(tmp_path) not in text and str(paths.PROJ_ROOT) not in text
    assert "CORPUS = 'my-articles'" in nb.cells[0].source and "OUTPUT_DIR = 'reports'" in nb.cells[0].source
    assert nb.cells[1].outputs[-1]["text"] == "skipped: my-articles/x.txt"


@pytest.mark.parametrize("html_in, html_out", [
    ("<td>at least\\n4,000</td>", "<td>at least 4,000</td>"),
    ("<th>a\\tb</th><td>c\\r\\nd</td>", "<th>a b</th><td>c  d</td>"),
    ("<p>keep\\n here</p>", "<p>keep\\n here</p>"),  # only inside table cells
    ('<table border="1" class="dataframe"><td>$5 or $6</td>',
     '<table border="1" class="tex2jax_ignore dataframe"><td>$5 or $6</td>'),  # MathJax leaves it alone
])
def test_line_breaks_in_table_cells_are_shown_as_spaces(html_in, html_out):
    assert _spaces_in_cells(html_in) == html_out


def test_html_pages_let_wide_tables_scroll():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# hi")]
    page = _to_html(nb)
    assert REPORT_CSS in page and "overflow-x: auto" in page


def test_html_pages_fetch_nothing_and_say_where_an_explorer_works():
    """A page opened offline loads no script from a CDN; a widget's place points to JupyterLab."""
    import re

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("explorer")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "text/plain": "VBox(...)",
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0}})]
    nb.cells = [cell, nbformat.v4.new_markdown_cell("$x^2$")]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "state": {"abc": {"model_name": "VBoxModel", "model_module": "@jupyter-widgets/controls",
                          "model_module_version": "2.0.0", "state": {}}},
        "version_major": 2, "version_minor": 0}}
    page = _to_html(nb)
    assert re.findall(r"<script[^>]*\bsrc=", page) == []
    assert not re.search(r"cdnjs|unpkg|jsdelivr", page)
    assert "open this notebook in JupyterLab" in page


# ------------------------------------------------------------------ your own corpus through `report`

import importlib.util  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis import load_corpus, paths  # noqa: E402
from analysis.cli import main  # noqa: E402
from analysis.report import LOADER_PARAMETERS, UNUSED_BY_NBFORMAT, build_report, default_output_dir  # noqa: E402


def _charts_promised() -> set[str]:
    """Every chart name a numbered notebook saves (``save_chart(fig, "02-keyness", ...)``)."""
    names = set()
    for notebook in numbered_notebooks():
        names |= set(re.findall(r'save_chart\(\w+, \\"([\w-]+)\\"', notebook.read_text()))
    return names


def _stories_csv(path):
    """The seeds as a user's CSV: columns named unlike ours, dates as a wire service writes them."""
    docs = load_corpus(paths.RAW_DATA_DIR)
    dates = {"2017-04-13": "13-APR-2017 09:30:00.00", "2017-04": "April 2017", "": ""}
    rows = []
    for doc in docs.itertuples():
        head = next(((a, b) for label, a, b in doc.spans if label == "headline"), (0, 0))
        content = doc.raw_text[: head[0]] + doc.raw_text[head[1]:]
        rows.append({"story_id": doc.doc_id, "headline": doc.title, "content": content, "source": doc.outlet,
                     "date": dates.get(doc.published, doc.published)})
    pd.DataFrame(rows).to_csv(path, index=False)


def test_every_notebook_takes_every_loader_option_as_a_parameter():
    for notebook in numbered_notebooks():
        nb = nbformat.read(notebook, as_version=4)
        params = nb.cells[1].source
        for name in LOADER_PARAMETERS.values():
            assert re.search(rf"^{name} = ", params, re.M), (notebook.name, name)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        loads = re.findall(r"analysis\.(?:load|read)_corpus\(CORPUS[^)]*\)", code)
        assert loads and all("**LOAD_OPTIONS" in call for call in loads), notebook.name


def test_default_output_never_the_shipped_report(monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "REPORTS_DIR", tmp_path / "reports")
    assert default_output_dir(paths.RAW_DATA_DIR) == tmp_path / "reports"
    assert default_output_dir(tmp_path / "quake" / "stories.csv") == tmp_path / "reports" / "stories"
    assert default_output_dir(tmp_path / "my corpus!") == tmp_path / "reports" / "my_corpus"
    assert default_output_dir(tmp_path / "tables") == tmp_path / "reports" / "tables-corpus"


def test_build_report_refuses_an_unknown_loader_option(tmp_path):
    with pytest.raises(ValueError, match=r"unknown loader option\(s\) \['text'\]"):
        build_report(out_dir=tmp_path, load_options={"text": "body"}, log=None)


@pytest.mark.notebook
@pytest.mark.slow
def test_a_csv_with_its_own_column_names_through_report_gives_every_chart(tmp_path, capsys):
    stories = tmp_path / "stories.csv"
    _stories_csv(stories)
    out = tmp_path / "out"
    status = main(["report", "--corpus", str(stories), "--out", str(out), "--text-column", "content",
                   "--id-column", "story_id", "--title-column", "headline", "--outlet-column", "source",
                   "--date-column", "date"])
    assert status == 0, capsys.readouterr().err
    drawn = {p.stem for p in (out / "figures").glob("*.png")}
    assert drawn == _charts_promised() and len(drawn) >= 10
    for notebook in numbered_notebooks():
        nb = nbformat.read(out / notebook.name, as_version=4)
        assert nb.metadata["papermill"]["parameters"]["TEXT_COLUMN"] == "content"
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert errors == [], notebook.name
    overview = pd.read_csv(out / "tables" / "01-corpus-overview.csv", keep_default_na=False)
    assert "2017-04-13" in set(overview["published"]) and "2017-04" in set(overview["published"])
    assert "Inquisitr" in set(overview["outlet"])


def test_report_with_a_missing_column_fails_before_any_notebook(tmp_path, capsys):
    stories = tmp_path / "stories.csv"
    stories.write_text("story_id,content\n1,Three men were detained.\n")
    assert main(["report", "--corpus", str(stories), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "no text column 'text'" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


HELPER = 'import warnings\n\n\ndef warn():\n    warnings.warn("a warning from a module", UserWarning)\n'
LEAVE_STATE = ("import os, warnings\nimport matplotlib\nimport pandas as pd\nimport helper\nleft_behind = 1\n"
               "pd.set_option('display.max_rows', 3)\nmatplotlib.rcParams['lines.linewidth'] = 7\n"
               "warnings.filterwarnings('ignore', message='never shown')\nhelper.warn()\nos.chdir('/')\n"
               "import matplotlib.pyplot as plt\nplt.plot([3, 1]);")
CHECK_STATE = ("import os, warnings\nimport matplotlib\nimport matplotlib.pyplot as plt\nimport pandas as pd\n"
               "import helper\n"
               "print('left_behind' in globals(), pd.get_option('display.max_rows'), os.path.basename(os.getcwd()),\n"
               "      any(f[1] is not None and f[1].pattern == 'never shown' for f in warnings.filters),\n"
               "      matplotlib.rcParams['lines.linewidth'])\n"
               "helper.warn()\nplt.plot([1, 2]);")


def _write_notebook(path, *cells):
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell("CORPUS = ''\nOUTPUT_DIR = ''\nPROGRESS = True")
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [parameters, *(nbformat.v4.new_code_cell(cell) for cell in cells)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def _code_outputs(path):
    nb = nbformat.read(path, as_version=4)
    return [(c.execution_count, c.outputs) for c in nb.cells if c.cell_type == "code"]


def _client_threads():
    """Threads of open kernel clients (jupyter_client's heartbeat channel, one per client)."""
    return [t for t in threading.enumerate() if "Channel" in type(t).__name__]


def _own_kernels():
    import psutil

    return [p for p in psutil.Process().children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]


@pytest.mark.notebook
def test_a_notebook_after_another_in_the_same_kernel_starts_as_in_a_new_kernel(tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "helper.py").write_text(HELPER, encoding="utf-8")
    _write_notebook(folder / "01-leave.ipynb", LEAVE_STATE)
    _write_notebook(folder / "02-check.ipynb", CHECK_STATE)
    monkeypatch.chdir(tmp_path)
    notebooks = [Path("mine/01-leave.ipynb"), Path("mine/02-check.ipynb")]  # relative, as --notebook takes them
    build_report(out_dir=tmp_path / "shared", notebooks=notebooks, log=None, n_jobs=1)
    assert _client_threads() == [], "every kernel client the run opened is stopped"
    assert _own_kernels() == []
    build_report(out_dir=tmp_path / "fresh", notebooks=notebooks, log=None, n_jobs=1, fresh_kernels=True)
    shared = _code_outputs(tmp_path / "shared" / "02-check.ipynb")
    assert shared == _code_outputs(tmp_path / "fresh" / "02-check.ipynb")
    # what a new kernel gives: no name left behind, pandas' and matplotlib's defaults, the notebook's folder,
    # no filter added by the notebook before, the warning shown again, a figure shown (matplotlib's backend was
    # loaded by the notebook before), the count starting at 1
    texts = [o.get("text", "") for _, outputs in shared for o in outputs]
    assert "False 60 mine False 1.5\n" in texts
    assert any("a warning from a module" in text for text in texts)
    assert any("image/png" in o.get("data", {}) for _, outputs in shared for o in outputs)
    assert shared[0][0] == 1


@pytest.mark.notebook
def test_a_failing_notebook_stops_the_report_with_its_error_and_leaves_no_kernel(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    _write_notebook(tmp_path / "01-fails.ipynb", "raise ValueError('no such column: body')")
    _write_notebook(tmp_path / "02-never.ipynb", "print('ran')")
    with pytest.raises(PapermillExecutionError, match="no such column: body"):
        build_report(out_dir=tmp_path / "out", notebooks=[tmp_path / "01-fails.ipynb", tmp_path / "02-never.ipynb"],
                     log=None, n_jobs=1)
    assert _client_threads() == []
    assert _own_kernels() == []
    assert not (tmp_path / "out" / "02-never.ipynb").exists()


@pytest.mark.notebook
def test_a_kernel_that_cannot_be_reset_stops_the_report_with_the_reason_and_leaves_no_kernel(tmp_path):
    # the reset between notebooks restores the warning filters kept when the kernel started: gone, it fails
    _write_notebook(tmp_path / "01-breaks.ipynb", "del get_ipython()._report_warning_filters")
    _write_notebook(tmp_path / "02-next.ipynb", "print('ran')")
    with pytest.raises(RuntimeError, match="could not reset the kernel between notebooks: AttributeError"):
        build_report(out_dir=tmp_path / "out", notebooks=[tmp_path / "01-breaks.ipynb", tmp_path / "02-next.ipynb"],
                     log=None, n_jobs=1)
    assert _client_threads() == []
    assert _own_kernels() == []
    assert not (tmp_path / "out" / "02-next.ipynb").exists()


_VALIDATE = """
import sys
from analysis import parallel, report
parallel._IN_WORKER = {worker}
report._leave_out_unused_imports()
import nbformat
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
nbformat.validate(nb)
nb.cells[0]["outputs"] = [{{"output_type": "no such output"}}]
try:
    nbformat.validate(nb)
except nbformat.ValidationError:
    print("refused")
print(sorted(name for name in report.UNUSED_BY_NBFORMAT if sys.modules.get(name) is not None))
"""


@pytest.mark.parametrize("worker", [True, False])
def test_a_report_worker_leaves_out_what_nbformat_does_not_use_and_still_validates(worker):
    run = subprocess.run([sys.executable, "-c", _VALIDATE.format(worker=worker)], capture_output=True, text=True,
                         check=True)
    installed = [name for name in UNUSED_BY_NBFORMAT if importlib.util.find_spec(name) is not None]
    # in a worker of the report's own pool nothing of it is imported; in the caller's process jsonschema is whole
    assert run.stdout.splitlines() == ["refused", str([] if worker else installed)]


@pytest.mark.parametrize("flags, fresh", [([], False), (["--fresh-kernels"], True)])
def test_cli_report_shares_kernels_unless_asked_for_fresh_ones(flags, fresh, monkeypatch, tmp_path, capsys):
    import analysis.cli.report as cli_report

    asked = {}
    monkeypatch.setattr(cli_report, "build_report", lambda **kwargs: asked.update(kwargs) or pd.DataFrame())
    assert main(["report", "--out", str(tmp_path / "out"), *flags]) == 0
    assert asked["fresh_kernels"] is fresh
