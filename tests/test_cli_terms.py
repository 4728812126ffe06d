"""``analysis terms``, ``keyness`` and ``kwic`` on the command line."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

import pandas as pd
import pytest

from analysis.cli import main


@pytest.fixture
def folder(make_folder):
    return make_folder({
        "a.txt": "Camps in Chechnya\n\nGay men were allegedly held in camps. Camps camps camps camps.\n",
        "b.txt": "Officials deny it\n\nThe officials said the men were never held. Officials deny everything.\n",
        "metadata.csv": "doc_id,outlet,title\na,Post,Camps in Chechnya\nb,,Officials deny it\n",
    })


def run(*argv) -> tuple[int, pd.DataFrame]:
    out = io.StringIO()
    with redirect_stdout(out):
        status = main([str(a) for a in argv])
    out.seek(0)
    return status, (pd.read_csv(out, keep_default_na=False) if out.getvalue() else pd.DataFrame())


def test_terms_top_and_ngrams(folder, tmp_path):
    status, table = run("terms", folder, "--top", "1")
    assert status == 0
    assert table[["outlet", "term", "count"]].values.tolist() == [["Post", "camps", 6], ["(unknown: b)", "officials", 3]]
    target = tmp_path / "bigrams.csv"
    assert main(["terms", str(folder), "--ngram", "2", "--by", "doc_id", "--out", str(target)]) == 0
    assert "gay men" in set(pd.read_csv(target)["term"])


def test_keyness_each_outlet_and_pair(folder):
    status, table = run("keyness", folder, "--min-count", "2", "--max-p", "1")
    assert status == 0
    top = table[table["use"] == "over"].groupby("outlet", sort=False).head(1)
    assert top["term"].tolist() == ["camps", "officials"]
    assert table[table["outlet"] == "(unknown: b)"]["term"].iloc[0] == "camps"  # most under-used
    status, pair = run("keyness", folder, "--pair", "Post", "(unknown: b)", "--max-p", "1")
    assert status == 0 and set(pair["reference"]) == {"(unknown: b)"}
    assert run("keyness", folder, "--pair", "Post", "Nope")[0] == 2


def test_kwic_phrase_regex_and_window(folder):
    status, lines = run("kwic", folder, "allegedly held", "--window", "2")
    assert status == 0
    assert lines[["left", "match", "right"]].values.tolist() == [["men were", "allegedly held", "in camps."]]
    status, lines = run("kwic", folder, r"offici\w+", "--regex", "--sentence", "--window", "1")
    assert lines["match"].tolist() == ["Officials", "officials", "Officials"]
    assert lines["sentence"].tolist()[1] == "The officials said the men were never held."


def test_bad_grouping_column_is_an_error_not_a_traceback(folder, capsys):
    assert main(["terms", str(folder), "--by", "desk"]) == 2
    assert "no column 'desk'" in capsys.readouterr().err
