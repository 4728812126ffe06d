"""``analysis coverage``, ``copies``, ``reuse`` and ``reconcile`` write their tables as CSV."""

from __future__ import annotations

import pandas as pd

from analysis import paths
from analysis.cli import main
from analysis.copies import COPY_COLUMNS
from analysis.coverage import COVERAGE_COLUMNS
from analysis.reconcile import RECONCILE_COLUMNS
from analysis.reuse import REUSE_COLUMNS

STORY = ("Rescue teams worked through the night to reach the forty miners trapped below the surface "
         "after the fire broke out in the lower galleries of the copper mine on Thursday.")


def _folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Miners trapped\n\n" + STORY + "\n")
    (folder / "b.txt").write_text("Fire in copper mine\n\n" + STORY + "\n")
    (folder / "c.txt").write_text("Budget vote\n\nParliament voted on the budget on Tuesday after a long debate.\n")
    (folder / "metadata.csv").write_text("doc_id,outlet,published\na,Wire,2020-05-01\nb,Daily,2020-05-02\nc,Post,\n")
    return folder


def test_coverage_command(tmp_path):
    out = tmp_path / "coverage.csv"
    assert main(["coverage", str(_folder(tmp_path)), "--freq", "D", "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == COVERAGE_COLUMNS
    assert table["period"].tolist() == ["2020-05-01"] * 3 + ["2020-05-02"] * 3 + ["undated"]
    assert table["n_articles"].sum() == 3


def test_copies_command(tmp_path):
    out = tmp_path / "copies.csv"
    assert main(["copies", str(_folder(tmp_path)), "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == COPY_COLUMNS
    assert table[["doc_id", "origin"]].values.tolist() == [["a", "a"], ["b", "a"]]


def test_reuse_command(tmp_path):
    source = tmp_path / "release.txt"
    source.write_text(STORY)
    out, spans = tmp_path / "reuse.csv", tmp_path / "spans.csv"
    assert main(["reuse", str(source), str(_folder(tmp_path)), "--out", str(out), "--spans", str(spans)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == REUSE_COLUMNS
    assert dict(zip(table["doc_id"], table["share_of_source"])) == {"a": 1.0, "b": 1.0, "c": 0.0}
    assert pd.read_csv(spans)["doc_b"].tolist() == ["a", "b"]


def test_reuse_command_errors(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("  ")
    assert main(["reuse", str(tmp_path / "empty.txt"), str(paths.RAW_DATA_DIR)]) == 2
    assert "empty.txt: only white space" in capsys.readouterr().err
    assert main(["reuse", str(tmp_path / "missing.txt"), str(paths.RAW_DATA_DIR)]) == 2
    assert "missing.txt: cannot read: No such file or directory" in capsys.readouterr().err


def test_reuse_reads_its_source_as_the_loader_reads_an_article(tmp_path):
    """A press release saved as a web page is its article text, not its markup; other encodings are read."""
    folder = _folder(tmp_path)
    plain = tmp_path / "release.txt"
    plain.write_text(STORY, encoding="utf-8")
    page = tmp_path / "release.html"
    page.write_text("<html><head><script>var tracking = 'x y z';</script></head><body><nav>Home News Sport</nav>"
                    f"<article><p>{STORY}</p></article><footer>Copyright</footer></body></html>", encoding="utf-8")
    accented = STORY + " The café owners said so."
    (tmp_path / "utf8.txt").write_text(accented, encoding="utf-8")
    (tmp_path / "cp1252.txt").write_bytes(accented.encode("cp1252"))
    tables = []
    for source in (plain, page, tmp_path / "utf8.txt", tmp_path / "cp1252.txt"):
        out = tmp_path / f"{source.stem}{source.suffix}.csv"
        assert main(["reuse", str(source), str(folder), "--out", str(out)]) == 0
        tables.append(pd.read_csv(out, keep_default_na=False)[["doc_id", "n_source_words", "share_of_source"]])
    assert tables[1].equals(tables[0]) and tables[3].equals(tables[2])
    assert tables[0]["n_source_words"].iloc[0] < tables[2]["n_source_words"].iloc[0]


def test_reconcile_command(tmp_path):
    out = tmp_path / "reconcile.csv"
    assert main(["reconcile", str(paths.RAW_DATA_DIR), "--out", str(out)]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == RECONCILE_COLUMNS
    assert {"detained", "killed"} <= set(table["category"])
    assert table["best_rule"].str.startswith("best = median").all()
