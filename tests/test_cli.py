"""The command line: overview and report, errors as messages, not tracebacks."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd

from analysis import paths
from analysis.cli import main


def test_overview_writes_the_table(tmp_path):
    out = tmp_path / "overview.csv"
    assert main(["overview", str(paths.RAW_DATA_DIR), "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert len(table) == 5 and "set_aside" in table.columns


def test_overview_lists_skips_on_stderr_and_strict_fails(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Headline\n\nThree men were detained.\n")
    (tmp_path / "empty.txt").write_text("")
    assert main(["overview", str(tmp_path), "--out", str(tmp_path / "o.csv")]) == 0
    assert "skipped: " in capsys.readouterr().err
    assert main(["overview", str(tmp_path), "--strict"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "empty.txt: empty file" in err and "Traceback" not in err


def test_console_entry_point_runs_as_a_module(tmp_path):
    result = subprocess.run([sys.executable, "-m", "analysis", "overview", str(tmp_path / "missing")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "missing: no such file or folder" in result.stderr and "Traceback" not in result.stderr


def test_every_include_option_rejects_a_misspelt_label(capsys):
    import pytest

    for command in (["claims"], ["terms"], ["keyness"], ["kwic", "PATTERN"], ["similarity"], ["passages"]):
        argv = [command[0], str(paths.RAW_DATA_DIR), *command[1:], "--include", "body,comment"]
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
        assert "unknown segment label(s) ['comment']" in capsys.readouterr().err
