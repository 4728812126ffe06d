"""JupyterLab itself, driven in headless Chromium: every numbered notebook runs from the menu.

The test starts ``jupyter lab`` on 127.0.0.1 on a free port with a random token
and a temporary copy of the notebooks, opens each notebook in Chromium through
Playwright (Debian's ``/usr/bin/chromium``; Playwright's own browser download is
not needed), runs all cells from the Run menu, waits for the kernel to go idle,
saves, and checks: no error outputs, every chart rendered as an image, and the
KWIC explorer answers when a term is typed. Screenshots land in
``tests/artifacts/`` (git-ignored) for people to look at.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from analysis import paths
from analysis.report import numbered_notebooks

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = paths.PROJ_ROOT / "tests" / "artifacts"
NOTEBOOKS = numbered_notebooks()
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]

if not Path(CHROMIUM).exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install it with `sudo apt-get install chromium` (Debian/Ubuntu) "
        "or point the CHROMIUM environment variable at a Chromium/Chrome executable",
        allow_module_level=True,
    )
playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright (in the dev extra)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return json.loads(response.read())


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a temporary copy of the notebooks; stopped whatever happens."""
    root = tmp_path_factory.mktemp("lab")
    for nb in NOTEBOOKS:
        shutil.copy(nb, root / nb.name)
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "ANALYSIS_REPORTS": str(root / "reports"), "JUPYTER_CONFIG_DIR": str(root / ".jupyter"),
           "JUPYTERLAB_SETTINGS_DIR": str(root / ".settings"), "JUPYTERLAB_WORKSPACES_DIR": str(root / ".ws"),
           "JUPYTER_RUNTIME_DIR": str(root / ".runtime")}
    # no news pop-up over the notebook
    settings = root / ".settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    log = open(root / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--ServerApp.port_retries=0",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.news_url=",
         "--ServerApp.open_browser=False", "--LabApp.extension_manager=readonly",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                _get(f"{base}/api/status?token={token}")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"jupyter lab did not start: {(root / 'server.log').read_text()[-2000:]}")
                time.sleep(0.5)
        yield {"base": base, "token": token, "root": root}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    with socket.socket() as s:  # the port is released (TIME_WAIT connections aside)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _kernel_idle(lab, name) -> bool:
    """Whether the kernel of notebook ``name`` exists and is idle (asked of the server, not the page)."""
    sessions = _get(f"{lab['base']}/api/sessions?token={lab['token']}")
    states = [s["kernel"]["execution_state"] for s in sessions if s["path"] == name and s.get("kernel")]
    return states == ["idle"]


def _run_all_from_menu(page, lab, name, timeout_s=300):
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_timeout(1000)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        pending = page.locator(".jp-CodeCell .jp-InputPrompt", has_text="[*]").count()
        if pending == 0 and _kernel_idle(lab, name):
            return
        page.wait_for_timeout(500)
    raise AssertionError("cells were still running after the timeout")


def _open(page, lab, name):
    page.goto(f"{lab['base']}/lab/tree/{name}?token={lab['token']}&reset")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=90_000)
    deadline = time.monotonic() + 90
    while not _kernel_idle(lab, name):
        # JupyterLab asks for a kernel when its kernel list arrives after the notebook
        select = page.locator(".jp-Dialog").get_by_role("button", name="Select", exact=True)
        if select.count():
            select.click()
        if time.monotonic() > deadline:
            raise AssertionError("the notebook's kernel did not start")
        page.wait_for_timeout(500)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(lab, browser, notebook):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        _open(page, lab, notebook.name)
        _run_all_from_menu(page, lab, notebook.name)
        page.keyboard.press("Control+s")
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / f"{notebook.stem}.png"), full_page=False)

        executed = nbformat.read(lab["root"] / notebook.name, as_version=4)
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), "every code cell ran"
        errors = [o for c in code for o in c.outputs if o.output_type == "error"]
        assert errors == [], [f"{e.ename}: {e.evalue}" for e in errors]
        saved_images = sum(1 for c in code for o in c.outputs if "image/png" in o.get("data", {}))
        assert saved_images >= 1
        rendered = page.locator(".jp-RenderedImage img").count()
        assert rendered == saved_images, "every chart in the outputs is drawn on the page"
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
                            has_text="Traceback").count() == 0
        if "kwic_explorer(" in notebook.read_text(encoding="utf-8"):
            _type_into_kwic_explorer(page, notebook)
    finally:
        page.close()


def _type_into_kwic_explorer(page, notebook):
    """A person types a phrase into the KWIC explorer; the lines change to show it."""
    explorer = page.locator(".analysis-kwic-explorer").first
    explorer.scroll_into_view_if_needed()
    summary = explorer.locator(".analysis-kwic-summary")
    table = explorer.locator("table.analysis-kwic")
    before = table.inner_text()
    assert "detained" in summary.inner_text()
    box = explorer.locator(".widget-text input").first
    box.fill("Novaya Gazeta")
    box.press("Enter")
    # the summary and the table are two outputs: wait for both (on a busy machine the table comes later)
    page.wait_for_function(
        "() => /Novaya Gazeta/.test(document.querySelector('.analysis-kwic-explorer .analysis-kwic-summary')?.textContent)"
        " && /Novaya Gazeta/.test(document.querySelector('.analysis-kwic-explorer table.analysis-kwic')?.textContent)",
        timeout=30_000,
    )
    after = table.inner_text()
    assert after != before
    marked = explorer.locator("table.analysis-kwic mark").all_inner_texts()
    assert marked and set(marked) == {"Novaya Gazeta"}
    explorer.screenshot(path=str(ARTIFACTS / f"{notebook.stem}-kwic-explorer.png"))
