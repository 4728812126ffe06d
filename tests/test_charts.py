"""save_chart writes PNG, SVG and the CSV twin, identically on every run."""

from __future__ import annotations

import pandas as pd

from analysis.charts import new_figure, save_chart


def _chart():
    data = pd.DataFrame({"outlet": ["A", "B"], "n": [3, 5]})
    fig, ax = new_figure(figsize=(3, 2))
    ax.bar(data["outlet"], data["n"])
    ax.set_title("demo")
    return fig, data


def test_save_chart_writes_three_files_with_the_data_twin(tmp_path):
    fig, data = _chart()
    written = save_chart(fig, "demo", data=data, out_dir=tmp_path / "figs")
    assert [p.name for p in written] == ["demo.png", "demo.svg", "demo.csv"]
    assert pd.read_csv(written[2]).equals(data)
    assert written[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in written[1].read_bytes()


def test_save_chart_is_byte_identical_on_rerun(tmp_path):
    first = [p.read_bytes() for p in save_chart(*_chart()[:1], "a", data=_chart()[1], out_dir=tmp_path)]
    second = [p.read_bytes() for p in save_chart(*_chart()[:1], "a", data=_chart()[1], out_dir=tmp_path)]
    assert first == second
    assert b"Date" not in first[1] and b"matplotlib.org" not in first[0]
