"""The claims chart: a panel for every category present, largest first; labels that stay in their panel."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.charts import text_overlaps
from analysis.charts.claims import (
    ARROW_FACTOR, LABEL_CHARS, MAX_OUTLETS, claims_chart, claims_chart_categories, claims_chart_data, provenance_chart,
)
from analysis.claims import CLAIM_COLUMNS, extract_claims, provenance


@pytest.fixture(scope="module")
def seed_claims(seed_docs):
    return extract_claims(seed_docs)


def _claims(rows):
    """``rows``: (doc_id, outlet, category, low, high, qualifier, hedged, attributed_to)."""
    table = pd.DataFrame(rows, columns=CLAIM_COLUMNS[:8])
    table["value_low"] = table["value_low"].astype("Int64")
    table["value_high"] = table["value_high"].astype("Int64")
    table["stated"] = table["value_low"].astype(str)
    table["sentence"] = "A sentence."
    table["start"], table["end"] = range(len(table)), range(1, len(table) + 1)
    table["rule"] = "category: written by hand"
    return table[CLAIM_COLUMNS]


LONG_SOURCE = "the Office of the United Nations High Commissioner for Human Rights in Geneva"
OTHER_EVENT = _claims([
    ("a", "Daily", "injured", 3000, None, "exact", False, "health officials"),
    ("a", "Daily", "injured", 5000, None, "lower_bound", True, LONG_SOURCE),
    ("a", "Daily", "killed", 135, None, "exact", False, "police"),
    ("b", "", "injured", 4000, None, "approximate", False, ""),
    ("b", "", "displaced", 300000, None, "vague", False, "the ministry"),
    ("c", "Wire", "missing", 12, 20, "range", False, "rescuers"),
    ("c", "Wire", "killed", 140, None, "exact", False, "police"),
])


def test_every_category_present_gets_a_panel_largest_first():
    assert claims_chart_categories(OTHER_EVENT) == ["injured", "killed", "displaced", "missing"]
    fig = claims_chart(OTHER_EVENT)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == ["Injured", "Killed", "Displaced", "Missing"]
    assert {ax.get_xlabel() for ax in fig.axes if ax.get_visible()} == {"people (log scale)"}


def test_labels_are_shortened_on_the_chart_and_whole_in_the_csv_twin():
    fig = claims_chart(OTHER_EVENT)
    drawn = {t.get_text() for ax in fig.axes for t in ax.texts}
    assert LONG_SOURCE not in drawn
    assert any(t.startswith("the Office of") and "…" in t and t.endswith("Geneva") and len(t) <= LABEL_CHARS
               for t in drawn)
    data = claims_chart_data(OTHER_EVENT)
    assert LONG_SOURCE in set(data["attributed_to"]) and len(data) == len(OTHER_EVENT)
    assert "(unknown: b)" in set(data["row"])
    assert text_overlaps(fig) == []


def test_log_ticks_fit_a_narrow_panel():
    wide = _claims([("a", "X", "detained", 3, None, "exact", False, ""),
                    ("b", "Y", "detained", 300, 10000, "range", False, "")])
    fig = claims_chart(wide)
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert 2 <= len(ticks) <= 5 and all(len(t) <= 4 for t in ticks)  # "3", "300", "10k"
    assert text_overlaps(fig) == []


def test_ticks_stop_at_the_figures_not_at_the_room_kept_for_labels():
    long = "the Office of the United Nations High Commissioner"
    claims = _claims([("a", "X", "killed", 1, 1, "exact", False, long),
                      ("b", "Y", "killed", 15000, None, "lower_bound", False, long)])
    fig = claims_chart(claims)
    ax = fig.axes[0]
    assert max(t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]) <= 15000 * ARROW_FACTOR
    assert ax.get_xlim()[1] > 15000 * ARROW_FACTOR  # the labels still have their room
    # a panel of one small figure still shows a scale: two ticks
    fig = claims_chart(_claims([("a", "X", "killed", 3, 3, "exact", False, long)]))
    ax = fig.axes[0]
    assert len([t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]) >= 2


def test_many_outlets_are_capped():
    many = _claims([(f"d{i}", f"Outlet {i:03d}", "killed", i + 1, None, "exact", False, "") for i in range(60)])
    fig = claims_chart(many)
    assert len(fig.axes[0].get_yticklabels()) == MAX_OUTLETS
    assert max(fig.get_size_inches()) <= 40


def test_no_claims_says_so():
    fig = claims_chart(OTHER_EVENT.iloc[:0])
    assert "no claimed figures found" in {t.get_text() for ax in fig.axes for t in ax.texts}
    assert list(claims_chart_data(OTHER_EVENT.iloc[:0]).columns[:3]) == ["category", "row", "mark"]


def test_seed_chart_has_its_panels_and_rows(seed_claims):
    fig = claims_chart(seed_claims)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert set(titles) >= {"Detained", "Killed", "Held together (per room)", "Camps and prisons"}
    counts = seed_claims["category"].value_counts()
    assert titles[0] == {"detained": "Detained", "killed": "Killed"}.get(counts.index[0], titles[0])
    rows = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "(unknown: 004_437f98d81bbefe43)" in rows and "Inquisitr" in rows and "" not in rows
    labels = {t.get_text() for ax in fig.axes for t in ax.texts}
    assert any(t.startswith("Tanya Lokshina (Hu") and len(t) <= LABEL_CHARS for t in labels)


def test_claims_chart_data_is_the_claims_plotted_with_sentences(seed_claims):
    data = claims_chart_data(seed_claims)
    assert len(data) == len(seed_claims)
    assert {"row", "mark", "sentence", "attributed_to"} <= set(data.columns)
    marks = dict(zip(data["stated"], data["mark"]))
    assert (marks["around 30 or 40"], marks["At least 100"], marks["Dozens"], marks["Around 100"]) == (
        "bar", "arrow", "hollow", "point")


def test_provenance_chart_draws_the_matrix_sized_to_its_labels(seed_claims):
    fig = provenance_chart(provenance(seed_claims))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "own voice"
    assert "3" in {t.get_text() for t in ax.texts}
    assert fig.texts[0].get_text() == "Whom each outlet cites for its figures"  # centred on the figure
    assert text_overlaps(fig) == []


def test_provenance_chart_of_nothing_says_so():
    fig = provenance_chart(pd.DataFrame(columns=["outlet", "originator", "n_claims"]))
    assert "no claimed figures, so no sources" in {t.get_text() for t in fig.axes[0].texts}


@pytest.mark.parametrize("which", ["seeds", "other event"])
def test_every_source_label_stays_inside_its_panel(which, seed_claims):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = claims_chart(seed_claims if which == "seeds" else OTHER_EVENT)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    for ax in fig.axes:
        panel = ax.get_window_extent(renderer)
        for label in ax.texts:
            box = label.get_window_extent(renderer)
            assert panel.x0 <= box.x0 and box.x1 <= panel.x1, label.get_text()
