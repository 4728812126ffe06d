"""Charts of term use return Figures that draw what their table says."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.charts.terms import plot_dispersion, plot_framing_rates, plot_keyness, plot_top_terms


def test_dispersion_rows_are_labelled_with_the_term_drawn_on_them():
    # "late" occurs only after "early" has stopped: if labels were reversed the test would see it
    disp = pd.DataFrame({
        "term": ["early", "early", "late", "late", "late", "middle"],
        "doc_id": ["a", "a", "b", "b", "b", "a"],
        "outlet": ["A", "A", "B", "B", "B", "A"],
        "word": [1, 2, 0, 5, 9, 4],
        "offset": [1, 2, 10, 15, 19, 4],
        "doc_start": [0, 0, 10, 10, 10, 0],
        "start": [0] * 6, "end": [1] * 6,
    })
    terms = ["early", "middle", "late", "absent"]
    fig = plot_dispersion(disp, terms=terms)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    ticks = {round(pos): label.get_text() for pos, label in zip(ax.get_yticks(), ax.get_yticklabels())}
    assert sorted(ticks.values()) == sorted(terms)
    drawn = {}
    for line in ax.get_lines():
        ys = set(line.get_ydata())
        if not ys:
            continue
        assert len(ys) == 1
        drawn[ticks[round(ys.pop())]] = sorted(line.get_xdata())
    assert drawn == {"early": [1, 2], "middle": [4], "late": [10, 15, 19]}
    # first term at the top
    assert ax.get_ylim()[0] > ax.get_ylim()[1]


def test_top_terms_small_multiples_one_panel_per_group():
    top = pd.DataFrame({"outlet": ["A", "A", "B"], "term": ["camps", "men", "gay"], "per_10k": [30.0, 10.0, 5.0]})
    fig = plot_top_terms(top)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title(loc="left") for ax in panels] == ["A", "B"]
    widths = {label.get_text(): patch.get_width()
              for patch, label in zip(panels[0].patches, panels[0].get_yticklabels())}
    assert widths == {"men": 10.0, "camps": 30.0}


def test_keyness_bars_diverge_by_use():
    keys = pd.DataFrame({"outlet": ["A", "A", "B"], "reference": ["rest of corpus"] * 3,
                         "term": ["camps", "people", "lgbti"], "use": ["over", "under", "over"],
                         "g2": [11.8, 6.2, 4.7], "log_ratio": [2.1, -2.7, 2.7]})
    fig = plot_keyness(keys)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 2
    bars = {label.get_text(): patch.get_width() for patch, label in zip(panels[0].patches, panels[0].get_yticklabels())}
    assert bars == {"people": -2.7, "camps": 2.1}
    signed = plot_keyness(keys, value="g2")
    assert sorted(p.get_width() for p in signed.axes[0].patches) == [-6.2, 11.8]


def test_framing_rates_one_bar_per_outlet_labelled_with_counts():
    rates = pd.DataFrame({"outlet": ["A", "B"], "category": ["hedges", "hedges"], "count": [3, 0],
                          "n_docs": [1, 1], "n_words": [18, 9], "per_1k": [166.7, 0.0]})
    fig = plot_framing_rates(rates)
    ax = fig.axes[0]
    assert sorted(p.get_width() for p in ax.patches) == pytest.approx([0.0, 166.7])
    assert sorted(t.get_text() for t in ax.texts) == ["0", "3"]
