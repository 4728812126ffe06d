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
    last = err.splitlines()[-1]  # what was set aside is listed, then the command fails
    assert last.startswith("error: ") and "empty.txt: empty file" in last and "Traceback" not in err


def test_many_set_aside_inputs_are_counted_after_the_first_and_all_written_to_the_load_report(tmp_path, capsys):
    from analysis.cli import LISTED_PROBLEMS

    rows = [{"doc_id": f"d{i}", "text": ""} for i in range(LISTED_PROBLEMS + 5)]
    rows += [{"doc_id": "ok", "text": "Three men were detained."}, {"doc_id": "again", "text": "Three men were detained."}]
    pd.DataFrame(rows).to_csv(tmp_path / "t.csv", index=False)
    report = tmp_path / "load.csv"
    assert main(["overview", str(tmp_path / "t.csv"), "--out", str(tmp_path / "o.csv"),
                 "--load-report", str(report)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert sum(line.startswith("skipped: ") for line in err) == LISTED_PROBLEMS
    assert ("... and 6 more: 5 skipped (no text in column 'text'), 1 skipped (duplicate); "
            "--load-report FILE.csv lists every input") in err
    assert "1 documents loaded from 27 inputs (26 skipped)" in err and f"wrote 27 rows to {report}" in err
    written = pd.read_csv(report, keep_default_na=False)
    assert written.columns.tolist() == ["path", "doc_id", "status", "reason"] and len(written) == 27
    assert written["status"].value_counts().to_dict() == {"skipped": 26, "loaded": 1}


def test_a_few_set_aside_inputs_are_each_listed(tmp_path, capsys):
    pd.DataFrame({"text": ["", "Three men were detained."]}).to_csv(tmp_path / "t.csv", index=False)
    assert main(["overview", str(tmp_path / "t.csv"), "--out", str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err
    assert "skipped: " in err and " more: " not in err and "--load-report" not in err


def test_inputs_set_aside_are_listed_before_notes_on_loaded_ones(tmp_path, capsys):
    from analysis.cli import LISTED_PROBLEMS

    for i in range(LISTED_PROBLEMS + 3):  # each loaded with a note ("front matter read")
        (tmp_path / f"a{i:02}.md").write_text(f"---\ntitle: Men held {i}\n---\nThree men were detained.\n")
    (tmp_path / "z.txt").write_text("")
    (tmp_path / "z.jpg").write_bytes(b"\xff\xd8")
    assert main(["overview", str(tmp_path), "--out", str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("ignored: ") and "z.jpg: not an article file" in err[0]  # set aside, in path order
    assert err[1].startswith("skipped: ") and "z.txt: empty file" in err[1]
    assert all(line.startswith("loaded: ") for line in err[2:LISTED_PROBLEMS])
    assert err[LISTED_PROBLEMS].startswith("... and 5 more: 5 loaded (front matter read); ")


def test_strict_still_writes_the_load_report_before_failing(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Men held\n\nThree men were detained.\n")
    (tmp_path / "empty.txt").write_text("")
    report = tmp_path / "load.csv"
    assert main(["overview", str(tmp_path), "--strict", "--load-report", str(report)]) == 2
    assert "empty.txt: empty file" in capsys.readouterr().err
    assert pd.read_csv(report, keep_default_na=False)["status"].tolist() == ["loaded", "skipped"]


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


def test_names_from_the_corpus_are_printed_escaped(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Headline\n\nThree men were detained.\n")
    (tmp_path / "evil\nskipped: forged.txt").write_text("")
    (tmp_path / "\x1b[31mred.txt").write_text("")
    assert main(["overview", str(tmp_path), "--out", str(tmp_path / "o.csv")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[31mred.txt" in err
    assert "evil\\nskipped: forged.txt" in err
    assert not any(line.startswith("skipped: forged") for line in err.splitlines())


def test_safe_csv_escapes_formulas_and_the_default_writes_cells_as_they_are(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\n\nThree men were detained.\n")
    (folder / "metadata.csv").write_text('doc_id,outlet\na,"=HYPERLINK(""http://x.test"")"\n')
    for flag, expected in (([], '=HYPERLINK("http://x.test")'), (["--safe-csv"], '\'=HYPERLINK("http://x.test")')):
        out = tmp_path / f"o{len(flag)}.csv"
        assert main(["overview", str(folder), "--out", str(out), *flag]) == 0
        table = pd.read_csv(out, keep_default_na=False)
        assert table.loc[0, "outlet"] == expected
        assert (table["n_words"] > 0).all()  # numbers are never escaped


def test_an_empty_corpus_says_so_and_strict_fails(tmp_path, capsys):
    (tmp_path / "t.csv").write_text("doc_id,text\n")
    assert main(["overview", str(tmp_path / "t.csv"), "--out", str(tmp_path / "o.csv")]) == 0
    assert "0 documents loaded from 0 inputs" in capsys.readouterr().err
    assert main(["overview", str(tmp_path / "t.csv"), "--strict"]) == 2
    assert "0 documents loaded" in capsys.readouterr().err


def test_the_loader_options_reach_the_metadata_of_a_folder(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline\n\nThree men were detained.\n")
    (folder / "metadata.csv").write_text("filename,source,date\na.txt,The Daily,13 April 2017\n")
    out = tmp_path / "o.csv"
    assert main(["overview", str(folder), "--outlet-column", "source", "--date-column", "date", "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert table.loc[0, ["outlet", "published"]].tolist() == ["The Daily", "2017-04-13"]


def test_commands_are_listed_not_discovered():
    from analysis import cli

    modules = sorted(p.stem for p in paths.PROJ_ROOT.joinpath("src/analysis/cli").glob("*.py") if p.stem != "__init__")
    assert sorted(cli.COMMANDS) == modules


def test_jobs_option_gives_the_same_table_and_refuses_nonsense(tmp_path, capsys):
    import pytest

    out1, out2 = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main(["claims", str(paths.RAW_DATA_DIR), "--jobs", "1", "--out", str(out1)]) == 0
    assert main(["claims", str(paths.RAW_DATA_DIR), "--jobs", "-1", "--out", str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes() and len(pd.read_csv(out1)) > 5
    with pytest.raises(SystemExit):
        main(["terms", str(paths.RAW_DATA_DIR), "--jobs", "zero"])
    assert "--jobs: expected a positive number of processes" in capsys.readouterr().err


def test_ordinary_mistakes_are_messages_not_tracebacks(tmp_path, capsys):
    import pytest

    (tmp_path / "folder").mkdir()
    (tmp_path / "bad.csv").write_text("category,role,term\ndetained,verb,held\n", encoding="utf-8")
    seeds = str(paths.RAW_DATA_DIR)
    for argv, said in [
        (["overview", seeds, "--out", str(tmp_path / "folder")], f"error: {tmp_path / 'folder'}: Is a directory"),
        (["claims", seeds, "--lexicon", str(tmp_path / "none.csv")], "none.csv: No such file or directory"),
        (["claims", seeds, "--lexicon", str(tmp_path / "bad.csv")], "line 2: unknown role 'verb'"),
        (["kwic", seeds, "detain(ed|ing", "--regex"], "not a regular expression: 'detain(ed|ing': missing )"),
        (["kwic", seeds, "(?i)detained", "--regex"], "works here only inline, as (?i:...)"),
    ]:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err, (argv, err)
    for argv, said in [(["terms", seeds, "--top", "-1"], "--top: expected at least 1, not -1"),
                       (["kwic", seeds, "men", "--window", "-3"], "--window: expected at least 0, not -3"),
                       (["terms", seeds, "--min-count", "-2"], "--min-count: expected at least 0, not -2"),
                       (["keyness", seeds, "--min-count", "-1"], "--min-count: expected at least 0, not -1"),
                       (["scale", seeds, "--out", str(tmp_path / "s"), "--top-k", "0"],
                        "--top-k: expected at least 1")]:
        with pytest.raises(SystemExit):
            main(argv)
        assert said in capsys.readouterr().err, argv


def test_an_empty_table_on_standard_output_says_so(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Men held\n\nDozens of men were detained, officials said.\n", encoding="utf-8")
    assert main(["similarity", str(tmp_path)]) == 0  # one article: no pair
    out, err = capsys.readouterr()
    assert out.strip() == "doc_a,doc_b,outlet_a,outlet_b,cosine" and "0 rows: nothing to show" in err


def test_a_reader_that_stops_early_is_not_an_error():
    """``analysis terms ... | head -1``: the closed pipe ends the command quietly, with status 0."""
    script = ("import sys; from analysis.cli import main; sys.exit(main(['terms', sys.argv[1]]))")
    reader = subprocess.Popen([sys.executable, "-c", script, str(paths.RAW_DATA_DIR)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    reader.stdout.readline()
    reader.stdout.close()  # as head does after its line
    err = reader.stderr.read().decode()
    assert reader.wait() == 0 and "error" not in err, err
