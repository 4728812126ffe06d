"""Every numbered notebook runs headless with papermill, and reruns write the same bytes."""

from __future__ import annotations

import hashlib
import json
import re

import nbformat
import pytest

from analysis import paths
from analysis.report import build_report, numbered_notebooks

NOTEBOOKS = numbered_notebooks()
#: The package's steps that take ``progress=`` and draw a bar on a large corpus.
PROGRESS_STEPS = ("load_corpus", "read_corpus", "extract_claims", "term_frequencies", "similarity_pairs",
                  "shared_passages", "keyness")


def test_notebooks_exist_in_reading_order():
    names = [p.name for p in NOTEBOOKS]
    assert names[0] == "01-corpus-overview.ipynb"
    assert names == sorted(names)


@pytest.mark.notebook
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_writes_its_charts(notebook, tmp_path):
    written = build_report(out_dir=tmp_path, notebooks=[notebook], log=None)
    kinds = written["kind"].tolist()
    assert kinds[:2] == ["notebook", "html"]
    nb = nbformat.read(tmp_path / notebook.name, as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    # the report runs without progress bars: nothing on stderr from tqdm, no widget state saved
    assert nb.metadata["papermill"]["parameters"]["PROGRESS"] is False
    streams = [o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if o.output_type == "stream" and o.name == "stderr"]
    assert not any("it/s" in text or "doc/s" in text for text in streams)
    bars = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
            and "%|" in "".join(o["data"].get("text/plain", ""))]
    assert bars == [], "a long step of the notebook was called without progress=PROGRESS"
    # the first cell states the question, the second holds the parameters
    assert nb.cells[0].cell_type == "markdown" and "Reads" in nb.cells[0].source and "Writes" in nb.cells[0].source
    assert "parameters" in nb.cells[1].metadata.get("tags", [])
    figures = [p for p in written["path"] if p.endswith(".png")]
    assert figures, "every notebook exports at least one chart"
    shown = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                if "image/png" in o.get("data", {}))
    assert shown == len(figures), "each exported chart is also drawn in the notebook (and so in its HTML)"
    for png in figures:
        stem = png[: -len(".png")]
        for twin in (".svg", ".csv"):
            assert (tmp_path / "figures" / (stem.rsplit("/", 1)[1] + twin)).exists()


def _digest(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.notebook
def test_rerunning_a_notebook_writes_identical_files(tmp_path):
    notebook = paths.NOTEBOOKS_DIR / "01-corpus-overview.ipynb"
    build_report(out_dir=tmp_path, notebooks=[notebook], log=None)
    first = _digest(tmp_path)
    build_report(out_dir=tmp_path, notebooks=[notebook], log=None)
    assert _digest(tmp_path) == first
    assert {"01-corpus-overview.ipynb", "01-corpus-overview.html", "figures/01-segment-lengths.png",
            "figures/01-segment-lengths.svg", "figures/01-segment-lengths.csv"} <= set(first)


@pytest.mark.notebook
def test_the_report_is_the_same_whether_notebooks_share_a_kernel_or_not(tmp_path):
    # every notebook in one kernel, one after another, against a new kernel for each: a notebook that leaves
    # state outside its namespace (a widget made at import, an option set) shows here as a difference
    build_report(out_dir=tmp_path / "report", log=None, n_jobs=1)
    shared = _digest(tmp_path / "report")
    build_report(out_dir=tmp_path / "report", log=None, fresh_kernels=True)
    assert _digest(tmp_path / "report") == shared
    assert len([name for name in shared if name.endswith(".ipynb")]) == len(NOTEBOOKS)


@pytest.mark.notebook
@pytest.mark.parametrize("name, said", [
    ("empty folder", ["0 documents loaded", "No terms: the analysed text holds no word outside the stopword list",
                      "No claimed figures in these documents", "UserWarning: 0 documents loaded"]),
    ("other languages", ["No passage of at least 7 shared words", "No key terms at p < 0.05"]),
])
def test_report_goes_on_when_there_is_nothing_to_show(name, said, tmp_path, capfd):
    from test_charts import TINY_CORPORA, write_tiny_corpus

    corpus = write_tiny_corpus(tmp_path / "my-articles", TINY_CORPORA[name])
    written = build_report(corpus=corpus, out_dir=tmp_path / "out", log=None)
    assert set(written["notebook"]) == {p.name for p in NOTEBOOKS}  # every notebook ran
    text = ""
    for notebook in NOTEBOOKS:
        nb = nbformat.read(tmp_path / "out" / notebook.name, as_version=4)
        assert [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"] == []
        text += json.dumps(nb.cells)
        page = (tmp_path / "out" / notebook.with_suffix(".html").name).read_text(encoding="utf-8")
        assert str(tmp_path) not in page and str(paths.PROJ_ROOT) not in page  # no path of this machine
    for sentence in said:
        assert sentence in text
    # a warning from a cell (the loader's "0 documents loaded") does not name the kernel's temporary file
    assert "ipykernel_" not in text
    assert "CORPUS = \\\"my-articles\\\"" in text or "CORPUS = 'my-articles'" in text
    for csv in (tmp_path / "out" / "figures").glob("*.csv"):
        assert csv.read_text(encoding="utf-8").strip(), f"{csv.name} has at least its header"
    assert "without encryption" not in capfd.readouterr().err


@pytest.mark.parametrize("notebook", numbered_notebooks(), ids=lambda p: p.name[:2])
def test_every_notebook_shows_progress_when_run_by_hand(notebook):
    nb = nbformat.read(notebook, as_version=4)
    parameters = next(c.source for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assert "PROGRESS = True" in parameters
    loading = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines()
               if "load_corpus(CORPUS" in line or "read_corpus(CORPUS" in line]
    assert loading and all("progress=PROGRESS" in line for line in loading)
    # every call of a step that draws a bar says whether it does (PROGRESS, or False for a small part)
    calls = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines()
             if re.search(rf"\b({'|'.join(PROGRESS_STEPS)})\(", line)]
    assert [line for line in calls if "progress=" not in line] == []
