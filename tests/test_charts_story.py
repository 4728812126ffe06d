"""Charts of the story over time: every article and claim drawn, undated ones in their own slot, the rule printed."""

from __future__ import annotations

import pandas as pd

from analysis.charts.story import (
    coverage_chart, figures_over_time_chart, figures_over_time_data, reconcile_chart,
)
from analysis.coverage import coverage
from analysis.reconcile import BEST_RULE, dated_claims, reconcile

DOCS = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "outlet": ["Wire", "Daily", "Wire", ""],
                     "published": ["2021-06-01", "2021-06-03", "2021-06-05", ""], "n_words": [10, 20, 30, 40]})
CLAIMS = pd.DataFrame({
    "doc_id": ["a", "b", "b", "c", "d"], "outlet": ["Wire", "Daily", "Daily", "Wire", ""],
    "category": ["killed", "killed", "killed", "killed", "detained"],
    "value_low": pd.array([5, 10, 8, 7, 30], dtype="Int64"), "value_high": pd.array([5, None, 12, 7, 40], dtype="Int64"),
    "qualifier": ["exact", "lower_bound", "range", "approximate", "range"],
    "hedged": [False, True, False, False, False], "attributed_to": ["Police", "", "Army", "Police", ""],
    "start": [0, 0, 10, 0, 0]})


def test_figures_over_time_data_and_chart():
    data = figures_over_time_data(dated_claims(CLAIMS, DOCS))
    killed = data[data["category"] == "killed"]
    assert killed["date"].tolist() == ["2021-06-01", "2021-06-03", "2021-06-03", "2021-06-05"]
    assert killed["mark"].tolist() == ["point", "arrow", "bar", "point"]
    assert killed["highest_so_far"].tolist() == [5.0, 12.0, 12.0, 12.0]  # 7 on 06-05 does not lower it
    detained = data[data["category"] == "detained"]
    assert detained["date"].tolist() == ["undated"] and detained["highest_so_far"].isna().all()
    fig = figures_over_time_chart(data)
    panels = {ax.get_title(): ax for ax in fig.axes if ax.get_visible()}
    assert list(panels) == ["Killed", "Detained"]  # most claims first, as in the claims chart
    # one mark per claim, plus the step line in a panel with dated claims
    assert len(panels["Killed"].lines) == 4 + 1 and len(panels["Detained"].lines) == 1
    assert "undated" in [t.get_text() for t in panels["Detained"].get_xticklabels()]
    arrows = [a for a in panels["Killed"].texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == 1  # the open bound "at least 10" is an upward arrow


def test_coverage_chart_has_a_panel_per_outlet_and_an_undated_bar():
    fig = coverage_chart(coverage(DOCS))
    panels = {ax.get_title(): ax for ax in fig.axes if ax.get_visible()}
    assert list(panels) == ["Daily", "Wire", "(unknown: d)"]  # the one order of every chart, not the largest first
    assert [p.get_height() for p in panels["Wire"].patches] == [1, 0, 0, 0, 1]  # 06-01 to 06-05, none undated
    assert [t.get_text() for t in panels["(unknown: d)"].get_xticklabels()][-1] == "undated"
    assert [p.get_height() for p in panels["(unknown: d)"].patches][-1] == 1


def test_reconcile_chart_prints_its_rule():
    table = reconcile(CLAIMS, docs=DOCS)
    fig = reconcile_chart(table)
    printed = " ".join(t.get_text() for t in fig.texts).replace("\n", " ")
    assert printed == "Rule: " + BEST_RULE
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels[0] == "low 5 · best 7 (1 src) · high 12"
