"""The project's own promises: stripped notebooks, one dependency list, documented targets."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib

import yaml

from analysis import paths

ROOT = paths.PROJ_ROOT


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_committed_notebooks_carry_no_outputs():
    notebooks = sorted(str(p) for p in paths.NOTEBOOKS_DIR.glob("*.ipynb"))
    assert notebooks
    result = subprocess.run([sys.executable, "-m", "nbstripout", "--verify", *notebooks],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_environment_yml_defers_to_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    conda = [d for d in deps if isinstance(d, str)]
    pip = [d for d in deps if isinstance(d, dict)]
    assert sorted(re.split(r"[<>=]", d)[0] for d in conda) == ["pip", "python"]
    assert pip == [{"pip": ["-e .[dev]"]}]
    python = next(d for d in conda if d.startswith("python"))
    assert python.removeprefix("python") == _pyproject()["project"]["requires-python"]
    assert "dev" in _pyproject()["project"]["optional-dependencies"]


def _name(requirement: str) -> str:
    return re.split(r"[<>=\[;! ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_dependency_is_pinned_in_constraints():
    project = _pyproject()["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    pinned = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[name.lower().replace("_", "-")] = version
    assert wanted - set(pinned) == set()


def test_make_help_lists_every_documented_target():
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for target in ("install", "report", "test", "lab"):
        assert re.search(rf"make {target}\s+\S", out), out


def test_readme_leads_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    head = readme[: readme.index("\n## ", readme.index("make test"))]
    assert "make report" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_public_name_resolves():
    import analysis

    for name in analysis.__all__:
        assert callable(getattr(analysis, name)) or name in ("ANALYSED", "LABELS"), name


def test_make_lab_allows_root_only_as_root_and_prints_the_url():
    dry = subprocess.run(["make", "--no-print-directory", "-n", "lab", "LAB_PORT=18888"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    command = next(line for line in dry.splitlines() if "jupyter lab" in line)
    assert ("--allow-root" in command) == (os.geteuid() == 0)
    assert "--ServerApp.port=18888" in command and "--ServerApp.port_retries=0" in command
    assert "http://localhost:18888/lab" in dry


def test_make_report_on_another_corpus_does_not_name_the_shipped_report():
    def dry(*args):
        # --no-print-directory: run from `make test`, a nested make would add "Leaving directory" lines
        return subprocess.run(["make", "--no-print-directory", "-n", "report", *args], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.splitlines()[-1]

    assert "--out" not in dry("CORPUS=/data/quake")  # the command picks reports/quake/
    assert dry("OUT=/tmp/quake-report").endswith("--out /tmp/quake-report")
