"""Run the numbered notebooks headless and write the report.

:func:`build_report` executes every ``notebooks/NN-*.ipynb`` with papermill on
a corpus, then writes, for each, the executed notebook and an HTML rendering;
the notebooks themselves save their charts (PNG, SVG, CSV twin) under
``OUT/figures``. Timings and run-specific metadata are removed, so rerunning on
the same data writes the same bytes. The notebooks one process runs share a
kernel, reset between them to what a new kernel gives but for the modules
already imported (``fresh_kernels=True`` starts one for each).

What a reader sees carries nothing of the machine that ran it: paths are shown
relative to the repository (or by the corpus folder's name, for a corpus kept
elsewhere), the kernel's transport warnings are silenced, line breaks inside
table cells are shown as spaces, and a wide table scrolls inside its cell.
:func:`check_output_folder` refuses an output folder that would overwrite the
inputs.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import re
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .parallel import in_worker, map_ranges
from .paths import default_output_dir  # kept here too: it was defined here first

# nbformat (and papermill, nbconvert) are imported inside the functions that run or write notebooks: importing
# nbformat takes 1 to 3 s (jsonschema builds its IRI parsers), which `python -m analysis --help` need not pay.

__all__ = ["LOADER_PARAMETERS", "build_report", "check_output_folder", "default_output_dir", "numbered_notebooks",
           "scrub_notebook", "shown_paths"]

#: Each :func:`analysis.read_corpus` option and the papermill parameter every numbered notebook takes for it.
LOADER_PARAMETERS = {
    "metadata": "METADATA", "text_column": "TEXT_COLUMN", "id_column": "ID_COLUMN",
    "title_column": "TITLE_COLUMN", "outlet_column": "OUTLET_COLUMN", "date_column": "DATE_COLUMN",
    "url_column": "URL_COLUMN", "html_column": "HTML_COLUMN", "keep_duplicates": "KEEP_DUPLICATES",
    "strict": "STRICT",
}

NOTEBOOK_PATTERN = re.compile(r"^\d\d-.+\.ipynb$")
#: Arguments for the kernel: its log stops at errors, so the "running over TCP without encryption"
#: warning (about a loopback socket the user never sees) does not fill the terminal; its history stays in
#: memory (as nbclient asks for the kernels it starts), not in the user's IPython history file.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", "--HistoryManager.hist_file=:memory:"]
#: Longest path of a kernel's Unix socket files: the system's limit is 104 bytes (macOS) or 108 (Linux), and
#: jupyter_client adds "-" and a number to it. A longer temporary folder falls back to loopback TCP.
MAX_SOCKET_PATH = 90
#: Seconds a kernel may take to start, or to reset between notebooks: papermill's own start timeout.
KERNEL_START_TIMEOUT = 60
#: pandas writes a line break inside a table cell as the two characters ``\n``; shown as a space.
_CELL = re.compile(r"(<t[dh][^>]*>)(.*?)(</t[dh]>)", re.DOTALL)
#: Added to every HTML page: wide tables scroll inside their output cell instead of running off the page.
REPORT_CSS = """<style>
.jp-RenderedHTMLCommon table, .jp-OutputArea-output table { display: block; max-width: 100%; overflow-x: auto; }
.jp-OutputArea-output { overflow-x: auto; }
</style>
"""
#: Run in a new shared kernel before its first notebook: imports the package (whose libraries add warning filters when
#: imported, as numpy and SciPy do), then keeps the warning filters the kernel then has.
_KEEP_KERNEL_STATE = """\
import warnings
import analysis
get_ipython()._report_warning_filters = list(warnings.filters)
del warnings, analysis
"""
#: Run in a kernel before each later notebook, so that the notebook starts as it would in a new kernel: in its
#: own folder, with an empty namespace and execution count 1, the kernel's first warning filters (and every
#: warning shown again), no open figure, and pandas' and matplotlib's options at their start values. Only the
#: modules already imported stay, and that is the point: starting a kernel and importing the package cost about
#: 3 s a notebook, half the time of `make report` on the seeds. ``reset`` comes last: it empties the namespace
#: this code runs in.
_RESET_KERNEL = """\
import os, sys, warnings
os.chdir({cwd!r})
warnings.resetwarnings()
warnings.filters[:] = get_ipython()._report_warning_filters
warnings.onceregistry.clear()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # deprecated options warn when reset
    if "pandas" in sys.modules:
        sys.modules["pandas"].reset_option("all")
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
        sys.modules["matplotlib"].rc_file_defaults()  # all but the backend and interactive mode
get_ipython().reset(new_session=True)
"""
#: Where a warning raised in a cell says it came from: the file ipykernel writes the cell to, in a folder named
#: after the kernel's process id ("/tmp/ipykernel_4242/3018.py:23: UserWarning: ..."); removed, so that the
#: warning reads "UserWarning: ..." and the same on every run.
_CELL_FILE = re.compile(r"[^\s\"']*ipykernel_\d+[/\\][-\w]+\.py:\d+: ")
#: Modules that importing nbformat loads to no use, kept out of the report's own worker processes (see
#: :func:`_execute`): jsonschema, nbformat's validator, builds rfc3987_syntax's grammar of IRIs when that is
#: installed (jupyter_events asks for it), 0.9 s a process here, for a string format that no notebook schema has.
#: A caller's own process, where a notebook runs with ``n_jobs=1``, keeps jsonschema as it is.
UNUSED_BY_NBFORMAT = ("rfc3987_syntax",)
_VOLATILE_CELL_KEYS = ("start_time", "end_time", "duration")
_WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def numbered_notebooks(folder=None) -> list[Path]:
    """The ``NN-topic.ipynb`` notebooks of ``folder`` in reading order.

    >>> [p.name for p in numbered_notebooks()][0]
    '01-corpus-overview.ipynb'
    """
    folder = Path(folder) if folder is not None else paths.NOTEBOOKS_DIR
    return sorted(p for p in folder.iterdir() if NOTEBOOK_PATTERN.match(p.name))


def check_output_folder(out, *, corpus=None, notebooks=None) -> Path:
    """``out`` if a report may be written there; a ValueError that says why not otherwise.

    Refused: an existing file; a folder that is, or holds, the notebooks or a
    corpus folder (the report would overwrite its own inputs); a folder inside
    a corpus folder (the next run would read the report as input). A folder
    beside a corpus that is one file or table is fine.

    >>> check_output_folder(paths.NOTEBOOKS_DIR)
    Traceback (most recent call last):
    ...
    ValueError: --out notebooks: this folder holds the notebooks the report runs; choose another folder, e.g. reports/
    """
    out = Path(out)
    resolved = out.resolve()
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out}: this is an existing file, not a folder; choose a folder, e.g. reports/")
    sources = {Path(p).resolve().parent for p in notebooks} if notebooks else {paths.NOTEBOOKS_DIR.resolve()}
    inputs = [("the notebooks the report runs", s) for s in sources]
    if corpus is not None and Path(corpus).is_dir():  # a table or one file is never overwritten by a folder
        inputs.append(("the corpus", Path(corpus).resolve()))
    for what, folder in inputs:
        if resolved == folder or resolved in folder.parents:
            raise ValueError(f"--out {shown_paths(out)}: this folder holds {what}; choose another folder, "
                             "e.g. reports/")
        if what == "the corpus" and folder in resolved.parents:
            raise ValueError(f"--out {shown_paths(out)}: this folder is inside the corpus, so the next run would "
                             "read the report as articles; choose a folder outside it")
    return out


def shown_paths(path) -> str:
    """How a path is shown in a report: relative to the repository, else the name of the last folder.

    >>> shown_paths(paths.RAW_DATA_DIR), shown_paths("/home/someone/articles")
    ('data/raw', 'articles')
    """
    path = Path(path).resolve()
    root = paths.PROJ_ROOT.resolve()
    if path == root:
        return "."
    if root in path.parents:
        return path.relative_to(root).as_posix()
    return path.name


def _replace_paths(obj, replacements: dict[str, str]):
    """``obj`` (JSON-like) with every absolute path of ``replacements`` written as shown to readers."""
    if not replacements:
        return obj
    pattern = re.compile("|".join(re.escape(k) for k in sorted(replacements, key=len, reverse=True)))
    return json.loads(pattern.sub(lambda m: replacements[m.group()], json.dumps(obj, ensure_ascii=False)))


def _spaces_in_cells(html_text: str) -> str:
    """Inside table cells, pandas' escaped ``\\n``, ``\\r`` and ``\\t`` become spaces.

    pandas tables are also marked ``tex2jax_ignore``, so that MathJax never reads
    ``$5 ... $6`` in a cell as mathematics.
    """
    html_text = html_text.replace('<table border="1" class="dataframe', '<table border="1" class="tex2jax_ignore dataframe')
    return _CELL.sub(lambda m: m.group(1) + re.sub(r"\\[nrt]", " ", m.group(2)) + m.group(3), html_text)


def scrub_notebook(nb, *, replacements: dict[str, str] | None = None) -> None:
    """Remove timings, paths and random widget ids that differ between runs (in place).

    Widget model ids (random UUIDs) are renumbered in order of first appearance,
    everywhere they occur: in the stored widget state and in the outputs.
    ``replacements`` maps absolute paths to how they are shown (see
    :func:`shown_paths`); they are rewritten in every cell, output and in the
    papermill parameters. Line breaks pandas escaped inside table cells are
    shown as spaces. A warning raised in a cell no longer names the temporary
    file the kernel ran the cell from (it holds the kernel's process id).
    """
    import nbformat

    if replacements:
        nb.cells = [nbformat.from_dict(c) for c in _replace_paths(nb.cells, replacements)]
        if "papermill" in nb.metadata:
            nb.metadata["papermill"] = nbformat.from_dict(_replace_paths(nb.metadata["papermill"], replacements))
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                text = output.get("text", "")
                output["text"] = _CELL_FILE.sub("", "".join(text) if isinstance(text, list) else text)
            data = output.get("data", {})
            if "text/html" in data:
                html_text = data["text/html"]
                html_text = "".join(html_text) if isinstance(html_text, list) else html_text
                data["text/html"] = _spaces_in_cells(html_text)
    meta = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables"):
        meta.pop(key, None)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id
        cell.metadata.pop("execution", None)
        for key in _VOLATILE_CELL_KEYS:
            cell.metadata.get("papermill", {}).pop(key, None)
    store = nb.metadata.get("widgets", {}).get(_WIDGET_STATE, {})
    if store.get("state"):
        _renumber_widgets(nb, store)


def _renumber_widgets(nb, store) -> None:
    """Give widget models ids by a walk from the displayed widgets, in cell order."""
    import nbformat

    state = store["state"]
    text = json.dumps(nb.cells)
    roots = [m for m in re.findall(r'"model_id": "([0-9a-f]{32})"', text) if m in state]
    order: list[str] = []

    def visit(model_id):
        if model_id in order or model_id not in state:
            return
        order.append(model_id)
        for ref in re.findall(r"IPY_MODEL_([0-9a-f]{32})", json.dumps(state[model_id], sort_keys=True)):
            visit(ref)

    for root in roots:
        visit(root)
    rest = [m for m in state if m not in order]
    order += sorted(rest, key=lambda m: json.dumps(state[m], sort_keys=True))
    new_id = {old: f"{i + 1:032x}" for i, old in enumerate(order)}
    pattern = re.compile("|".join(map(re.escape, new_id)))

    def rename(obj):
        return json.loads(pattern.sub(lambda m: new_id[m.group()], json.dumps(obj, sort_keys=True)))

    store["state"] = {new_id[m]: rename(state[m]) for m in order}
    for cell in nb.cells:
        if cell.get("outputs"):
            cell["outputs"] = nbformat.from_dict(rename(cell["outputs"]))


@lru_cache(maxsize=1)
def _html_exporter():
    """The exporter of the report's HTML pages: made once a process, as loading its templates takes a while."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="report", extra_template_basedirs=[str(paths.TEMPLATES_DIR)])


def _to_html(nb) -> str:
    body, _ = _html_exporter().from_notebook_node(nb)
    body = body.replace("</head>", REPORT_CSS + "</head>", 1)
    # nbconvert gives some outputs (javascript) a random element id: number them instead
    ids = dict.fromkeys(re.findall(r'id="([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"', body))
    for i, element_id in enumerate(ids):
        body = body.replace(element_id, f"widget-view-{i + 1}")
    return body


def build_report(*, corpus=None, out_dir=None, notebooks=None, parameters=None, load_options=None,
                 log=print, n_jobs: int | None = None, fresh_kernels: bool = False) -> pd.DataFrame:
    """Execute notebooks on a corpus and write them, as notebooks and HTML, to ``out_dir``.

    Parameters
    ----------
    corpus : path-like, optional
        What the notebooks read (``CORPUS``); default the shipped seeds.
    out_dir : path-like, optional
        Where everything is written (``OUTPUT_DIR``); default
        :func:`default_output_dir` (``reports/`` for the seeds,
        ``reports/<corpus name>/`` for any other corpus). Refused (ValueError)
        when it is a file or would overwrite the inputs; see
        :func:`check_output_folder`.
    notebooks : list of path-like, optional
        Default every numbered notebook in ``notebooks/``.
    parameters : dict, optional
        Extra papermill parameters passed to every notebook.
    load_options : dict, optional
        :func:`analysis.read_corpus` keywords (``text_column="content"`` ...),
        passed to every notebook as its :data:`LOADER_PARAMETERS`.
    log : callable, default print
        Called with one line per file written; ``None`` for silence.
    n_jobs : int, optional
        Notebooks run at once, each process with its own kernel; default every core.
        The files written are the same for any ``n_jobs``.
    fresh_kernels : bool, default False
        Start a new kernel for every notebook. By default the notebooks one
        process runs share a kernel, reset between them to an empty namespace
        with the modules still imported, which saves a kernel start and the
        package's import per notebook; the files written are the same either
        way for notebooks that leave no state outside their namespace (that
        change no module's globals). Ask for fresh kernels for notebooks that do.

    Returns
    -------
    pandas.DataFrame
        One row per file written: ``notebook, kind, path``.
    """
    unknown = sorted(set(load_options or {}) - set(LOADER_PARAMETERS))
    if unknown:
        raise ValueError(f"unknown loader option(s) {unknown}; options are {', '.join(LOADER_PARAMETERS)}")
    out = Path(out_dir) if out_dir is not None else default_output_dir(corpus)
    corpus = str(Path(corpus).resolve()) if corpus is not None else str(paths.RAW_DATA_DIR)
    check_output_folder(out, corpus=corpus, notebooks=notebooks)
    out.mkdir(parents=True, exist_ok=True)
    loader = {LOADER_PARAMETERS[k]: (str(Path(v).resolve()) if k == "metadata" and v else v)
              for k, v in (load_options or {}).items()}
    # no progress bars in the executed copies: they would only record widget state
    params = {"CORPUS": corpus, "OUTPUT_DIR": str(out.resolve()), "PROGRESS": False, **loader, **(parameters or {})}
    replacements = {str(Path(corpus).resolve()): shown_paths(corpus), str(out.resolve()): shown_paths(out)}
    if loader.get("METADATA"):
        replacements[loader["METADATA"]] = shown_paths(loader["METADATA"])
    root = str(paths.PROJ_ROOT.resolve())
    replacements[root + "/"] = ""
    replacements[root] = "."
    sources = [Path(s) for s in (notebooks if notebooks is not None else numbered_notebooks())]
    figures = out / "figures"
    before = {p: p.stat().st_mtime_ns for p in figures.glob("*")} if figures.exists() else {}
    prefixes = [source.name[:3] for source in sources]
    # notebooks run side by side when each one's charts can be told apart by its "NN-" prefix
    together = all(NOTEBOOK_PATTERN.match(s.name) for s in sources) and len(set(prefixes)) == len(prefixes)
    context = (sources, out, params, replacements, fresh_kernels)
    if together:
        # one run of consecutive notebooks per process, so that a kernel serves several
        map_ranges(_execute, len(sources), context=context, n_jobs=n_jobs, min_items=1, desc="notebooks",
                   unit="notebook", chunks_per_job=1)
    rows = []
    for k, source in enumerate(sources):
        if not together:
            _execute(context, k, k + 1)
        target = out / source.name
        written = [("notebook", target), ("html", target.with_suffix(".html"))]
        if figures.exists():
            changed = [p for p in sorted(figures.glob("*")) if before.get(p) != p.stat().st_mtime_ns]
            if together:
                changed = [p for p in changed if p.name.startswith(prefixes[k])]
            else:
                before.update((p, p.stat().st_mtime_ns) for p in changed)
            written += [("figure", p) for p in changed]
        for kind, path in written:
            rows.append({"notebook": source.name, "kind": kind, "path": str(path)})
            if log:
                log(f"wrote {path}")
    return pd.DataFrame(rows, columns=["notebook", "kind", "path"])


def _execute(context, start: int, stop: int) -> list:
    """Run notebooks ``start:stop`` with papermill, then scrub them and write their HTML.

    The notebooks share one kernel, reset between them (see :data:`_RESET_KERNEL`), unless
    ``fresh_kernels`` asks for a new kernel each. A kernel is stopped at once when its last notebook is
    written: there is nothing left in it to save.
    """
    _leave_out_unused_imports()
    import nbformat
    import papermill
    from jupyter_core.utils import run_sync

    sources, out, params, replacements, fresh_kernels = context
    logging.getLogger("papermill").setLevel(logging.WARNING)
    km = None
    with tempfile.TemporaryDirectory(prefix="analysis-kernels-") as sockets:
        try:
            for source in sources[start:stop]:
                km = _kernel_for(km, source.parent.resolve(), sockets=sockets, fresh=fresh_kernels)
                target = out / source.name
                try:
                    papermill.execute_notebook(str(source), str(target), parameters=params, kernel_name="python3",
                                               km=km, progress_bar=False, log_output=False)
                finally:
                    km.stop_clients()
                nb = nbformat.read(target, as_version=4)
                scrub_notebook(nb, replacements=replacements)
                nbformat.write(nb, target)
                target.with_suffix(".html").write_text(_to_html(nb), encoding="utf-8")
        finally:
            if km is not None and km.has_kernel:
                try:
                    run_sync(km.shutdown_kernel)(now=True)
                except Exception as exc:  # noqa: BLE001 - a notebook's own error, if any, is the one to raise
                    logging.getLogger(__name__).warning("could not shut down a notebook's kernel: %s", exc)
    return []


def _leave_out_unused_imports() -> None:
    """In a worker of the report's own pool, make :data:`UNUSED_BY_NBFORMAT` fail to import (before nbformat is)."""
    if in_worker():
        for name in UNUSED_BY_NBFORMAT:
            sys.modules.setdefault(name, None)  # an import of it then fails, and jsonschema goes on without it


def _kernel_for(km, folder: Path, *, sockets: str, fresh: bool = False):
    """A kernel for the next notebook, in ``folder``: ``km``'s, reset, or a new one (the first, or when ``fresh``).

    Kernels talk over Unix sockets in the folder ``sockets`` where the system has them: TCP ports,
    picked free by each process, can be taken by the kernel another process starts at the same moment.
    """
    from jupyter_core.utils import run_sync

    if km is not None and not fresh:
        _run_in_kernel(km, _RESET_KERNEL.format(cwd=str(folder)))
        return km
    if km is not None:
        run_sync(km.shutdown_kernel)(now=True)  # its notebook is written
    ip = os.path.join(sockets, "kernel")
    transport = {"transport": "ipc", "ip": ip} if sys.platform != "win32" and len(ip) <= MAX_SOCKET_PATH else {}
    km = _kernel_manager_class()(kernel_name="python3", **transport)
    run_sync(km.start_kernel)(extra_arguments=KERNEL_ARGUMENTS, cwd=str(folder))
    if not fresh:  # what the resets restore; a kernel for one notebook is never reset
        _run_in_kernel(km, _KEEP_KERNEL_STATE)
    return km


@lru_cache(maxsize=1)
def _kernel_manager_class():
    """The kernel manager of the report (a class made on first use: jupyter_client is imported only then).

    The asynchronous manager, as nbclient makes its own: the synchronous one, called from inside nbclient's
    event loop, runs each call on a helper thread, which a process forked later inherits without the
    thread, and hangs. It remembers the clients it makes, one for each notebook papermill runs, so that
    each is stopped after its notebook: nbclient leaves a client open when the kernel is not its own.
    """
    from jupyter_client.manager import AsyncKernelManager

    class ReportKernelManager(AsyncKernelManager):
        def client(self, **kwargs):
            client = super().client(**kwargs)
            self.__dict__.setdefault("_report_clients", []).append(client)
            return client

        def stop_clients(self) -> None:
            for client in self.__dict__.pop("_report_clients", []):
                client.stop_channels()

    return ReportKernelManager


def _run_in_kernel(km, code: str) -> None:
    """Run ``code`` in ``km``'s kernel, out of its history and execution count; raise if it fails."""
    client = km.blocking_client()
    # the shell channel alone: its requests wait in line until the kernel reads them, so there is no need to wait for
    # the kernel to be ready and to drain the output channel first (wait_for_ready, about 0.25 s a call)
    client.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
    try:
        msg_id = client.execute(code, store_history=False, allow_stdin=False)
        while True:
            try:
                reply = client.get_shell_msg(timeout=KERNEL_START_TIMEOUT)
            except queue.Empty:
                raise RuntimeError(f"the notebooks' kernel did not answer in {KERNEL_START_TIMEOUT} s") from None
            if reply["parent_header"].get("msg_id") == msg_id:
                break
    finally:
        client.stop_channels()
    if reply["content"]["status"] != "ok":
        content = reply["content"]
        raise RuntimeError(f"could not reset the kernel between notebooks: {content.get('ename')}: "
                           f"{content.get('evalue')}")
