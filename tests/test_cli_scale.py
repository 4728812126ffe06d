"""``analysis scale``: the Dask command writes the tables the pandas commands write."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("distributed", reason="the scale command needs the dask extra: pip install -e '.[dask]'")

from analysis import cli, paths  # noqa: E402


def test_scale_command_writes_the_pandas_tables(tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["scale", str(paths.RAW_DATA_DIR), "--out", str(out), "--workers", "2", "--top-k", "2",
                     "--analyses", "claims,similarity,overview"]) == 0
    err = capsys.readouterr().err
    assert "Dask dashboard: http" in err and "5 documents loaded from 5 inputs" in err
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "load-report.csv", "overview.csv", "pairs.csv"]
    assert cli.main(["claims", str(paths.RAW_DATA_DIR), "--out", str(tmp_path / "claims.csv")]) == 0
    pd.testing.assert_frame_equal(pd.read_csv(out / "claims.csv"), pd.read_csv(tmp_path / "claims.csv"))
    assert len(pd.read_csv(out / "pairs.csv")) > 0


def test_scale_command_keyness_and_the_search_without_common_terms(tmp_path):
    out = tmp_path / "out"
    assert cli.main(["scale", str(paths.RAW_DATA_DIR), "--out", str(out), "--workers", "2", "--top-k", "2",
                     "--analyses", "terms,keyness,similarity", "--max-doc-share", "0.5"]) == 0
    assert cli.main(["keyness", str(paths.RAW_DATA_DIR), "--out", str(tmp_path / "keyness.csv")]) == 0
    pd.testing.assert_frame_equal(pd.read_csv(out / "keyness.csv"), pd.read_csv(tmp_path / "keyness.csv"))
    assert cli.main(["terms", str(paths.RAW_DATA_DIR), "--out", str(tmp_path / "terms.csv")]) == 0
    pd.testing.assert_frame_equal(pd.read_csv(out / "terms.csv"), pd.read_csv(tmp_path / "terms.csv"))
    pairs = pd.read_csv(out / "pairs.csv")
    assert len(pairs) > 0 and pairs["cosine"].between(0, 1).all()


def test_unknown_analysis_is_refused(capsys):
    with pytest.raises(SystemExit):
        cli.main(["scale", str(paths.RAW_DATA_DIR), "--out", "x", "--analyses", "claims,sentiment"])
    assert "sentiment" in capsys.readouterr().err
