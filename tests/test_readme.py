"""The README's Python works as written: its code blocks run, and every ``analysis.`` name it mentions resolves."""

from __future__ import annotations

import re
import subprocess
import sys

from analysis import paths

README = (paths.PROJ_ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)
# `analysis.kwic.kwic(docs, ...)`, `analysis.provenance`, `analysis.CorpusError` ... in the prose and the blocks
NAMES = sorted(set(re.findall(r"\b(analysis(?:\.\w+)+)", README)) - {"analysis.py"})


def _fresh_python(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a new interpreter in the repository root, as a reader would."""
    return subprocess.run([sys.executable, "-c", code], cwd=paths.PROJ_ROOT, capture_output=True, text=True,
                          timeout=300)


def test_the_readme_has_python_to_run():
    assert len(BLOCKS) >= 1 and "load_corpus" in BLOCKS[0]
    assert {"analysis.kwic.kwic", "analysis.keyness.keyness", "analysis.provenance"} <= set(NAMES)


def test_every_python_block_runs_on_the_seeds():
    result = _fresh_python("\n".join(BLOCKS))
    assert result.returncode == 0, result.stderr
    assert "5 documents loaded from 5 inputs" in result.stdout
    assert "1987-03-04" in result.stdout and "2019-01-14" in result.stdout
    assert re.search(r"q1\s+killed\s+30\s+At least 30", result.stdout), result.stdout


def test_every_analysis_name_in_the_readme_resolves_after_import_analysis():
    code = "import analysis\n" + "\n".join(f"{name}" for name in NAMES)
    result = _fresh_python(code)
    assert result.returncode == 0, result.stderr
