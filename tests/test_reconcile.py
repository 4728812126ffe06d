"""Claims in date order, and low / best / high per category on hand-written claims and the dev set's events."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.reconcile import BEST_RULE, RECONCILE_COLUMNS, dated_claims, reconcile

DEV = paths.PROJ_ROOT.parent / "shared" / "gold" / "dev"


def claims_table(rows) -> pd.DataFrame:
    """Hand-written claims: ``(doc_id, outlet, category, low, high, qualifier, hedged, attributed_to)``."""
    table = pd.DataFrame(rows, columns=["doc_id", "outlet", "category", "value_low", "value_high", "qualifier",
                                        "hedged", "attributed_to"])
    for column in ("value_low", "value_high"):
        table[column] = pd.array(table[column], dtype="Int64")
    table["start"] = range(len(table))
    return table


DOCS = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4", "d5"],
                     "published": ["2021-06-01", "2021-06-02", "2021-06-03", "2021-06-03", ""]})


@pytest.mark.parametrize("rows, low, best, high, basis", [
    # the median of the attributed, unhedged exact/approximate figures of the latest day (12 and 16 on 06-03)
    ([("d1", "A", "killed", 5, 5, "exact", False, "Police"),
      ("d3", "B", "killed", 12, 12, "exact", False, "Police"),
      ("d4", "C", "killed", 16, 16, "approximate", False, "Red Cross"),
      ("d2", "D", "killed", 20, None, "lower_bound", False, "Mayor")],
     5, 14.0, 20, "latest day 2021-06-03; neither hedged nor unattributed"),
    # a hedged figure is neither low, best nor high; an unattributed one is not best while an attributed one exists
    ([("d1", "A", "killed", 5, 5, "exact", False, "Police"),
      ("d3", "B", "killed", 400, 400, "exact", True, "Police"),
      ("d4", "C", "killed", 9, 9, "exact", False, "")],
     5, 5.0, 9, "latest day 2021-06-01; neither hedged nor unattributed"),
    # only unattributed figures: they are admitted, and the basis says so
    ([("d1", "A", "killed", 5, 5, "exact", False, ""), ("d2", "B", "killed", 7, 7, "exact", False, "")],
     5, 7.0, 7, "latest day 2021-06-02; unattributed figures admitted (none attributed)"),
    # only hedged figures: low and high come from them, and both are said
    ([("d1", "A", "killed", 5, 5, "exact", True, "Police"), ("d2", "B", "killed", 8, 8, "exact", True, "")],
     5, 8.0, 8, "low/high from hedged figures only; latest day 2021-06-02; hedged figures admitted (none unhedged)"),
    # no dated article: every qualifying figure is used
    ([("d5", "A", "killed", 3, 3, "exact", False, "Police"), ("d5", "A", "killed", 4, 4, "exact", False, "Army")],
     3, 3.5, 4, "no dated figure, all used; neither hedged nor unattributed"),
    # open bounds and ranges count by the figures they state; no exact figure means no best
    ([("d1", "A", "detained", 30, 40, "range", False, "NGO"), ("d2", "B", "detained", None, 50, "upper_bound",
                                                                False, "NGO"),
      ("d3", "C", "detained", 24, None, "vague", False, "")],
     24, None, 50, "no exact or approximate figure"),
])
def test_low_best_high(rows, low, best, high, basis):
    table = reconcile(claims_table(rows), docs=DOCS)
    assert list(table.columns) == RECONCILE_COLUMNS and len(table) == 1
    row = table.iloc[0]
    assert (row["low"], row["high"], row["basis"]) == (low, high, basis)
    assert (pd.isna(row["best"]) and best is None) or row["best"] == best
    assert row["best_rule"] == BEST_RULE


def test_sources_marks_and_outliers():
    claims = claims_table([
        ("d1", "A", "killed", 10, 10, "exact", False, "Police"),
        ("d2", "B", "killed", 10, 10, "exact", False, "Army"),
        ("d3", "C", "killed", 14, 14, "exact", False, "Police"),
        ("d3", "C", "killed", 20, 20, "exact", False, ""),
        ("d4", "E", "killed", 300, 300, "approximate", True, ""),
        ("d4", "E", "detained", 7, 7, "exact", False, "Police"),
    ])
    table = reconcile(claims, docs=DOCS).set_index("category")
    assert table.index.tolist() == ["killed", "detained"]  # most claims first
    killed = table.loc["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (10, 14.0, 20)
    assert (killed["n_sources_low"], killed["n_sources_best"], killed["n_sources_high"]) == (2, 1, 1)
    assert (killed["n_claims"], killed["n_hedged"], killed["n_unattributed"]) == (5, 1, 2)
    assert killed["hedged_range"] == "300-300"
    assert killed["outside_range"] == "E"  # 300 is above every other outlet's figures
    marked = dated_claims(claims, DOCS)
    assert marked["marked"].tolist() == ["", "", "", "unattributed", "hedged, unattributed", ""]
    assert marked.loc[marked["in_best"], ["doc_id", "category"]].values.tolist() == [["d3", "killed"],
                                                                                     ["d4", "detained"]]


def test_dated_claims_are_in_date_order_undated_last():
    claims = claims_table([
        ("d5", "A", "killed", 1, 1, "exact", False, ""),
        ("d3", "B", "killed", 3, 3, "exact", False, ""),
        ("d1", "C", "killed", 5, 5, "exact", False, ""),
        ("zz", "", "killed", 6, 6, "exact", False, ""),  # a claim whose article is not in docs: undated
    ])
    dated = dated_claims(claims, DOCS)
    assert dated[["doc_id", "date", "label"]].values.tolist() == [
        ["d1", "2021-06-01", "C"], ["d3", "2021-06-03", "B"], ["d5", "undated", "A"], ["zz", "undated", "(unknown: zz)"]]
    # without docs every claim is undated, and reconcile still answers
    alone = reconcile(claims)
    assert alone["basis"].tolist() == ["no dated figure, all used; unattributed figures admitted (none attributed)"]


def test_seed_reconcile(seed_docs):
    import analysis

    table = reconcile(analysis.extract_claims(seed_docs), docs=seed_docs).set_index("category")
    assert {"detained", "killed"} <= set(table.index)
    assert table.loc["detained", "low"] <= table.loc["detained", "best"] <= table.loc["detained", "high"]


# ------------------------------------------------------------- the dev set's evolving events

EVENTS = {  # gold/dev/README.md: the stories of one event, and the category whose figure moved
    "ferry": (["2853", "2944", "2955", "2958", "2959", "17318"], "killed"),
    "earthquake": (["2957", "3332", "3940", "4037", "5137", "17190"], "killed"),
    "mine fire": (["12489", "12633", "12683", "12926"], "other"),
}


@pytest.fixture(scope="module")
def dev():
    if not (DEV / "claims.csv").exists():
        pytest.skip(f"no dev set at {DEV} (../shared/gold/dev): the evolving-event checks need it")
    metadata = pd.read_csv(DEV / "articles" / "metadata.csv", dtype=str, keep_default_na=False)
    gold = pd.read_csv(DEV / "claims.csv", dtype={"attributed_to": str}, keep_default_na=False)
    claims = pd.DataFrame({
        "doc_id": gold["file"].str.removesuffix(".txt"),
        "category": gold["category"],
        "value_low": pd.array(pd.to_numeric(gold["value_low"]).astype("Int64")),
        "value_high": pd.array(pd.to_numeric(gold["value_high"]).astype("Int64")),
        "qualifier": gold["qualifier"], "hedged": gold["hedged"] == "true", "attributed_to": gold["attributed_to"],
    })
    claims = claims.merge(metadata[["doc_id", "outlet"]], on="doc_id", how="left")
    claims["start"] = claims.groupby("doc_id").cumcount()
    return claims, metadata


@pytest.mark.parametrize("event", EVENTS)
def test_dev_events_show_their_figures_in_date_order(dev, event):
    from analysis.charts.story import figures_over_time_data

    claims, metadata = dev
    ids, category = EVENTS[event]
    ids = [f"reuters_{i}" for i in ids]
    docs = metadata[metadata["doc_id"].isin(ids)]
    dated = dated_claims(claims[claims["doc_id"].isin(ids)], docs)
    assert (dated["date"] != "undated").all()
    assert dated["date"].tolist() == sorted(dated["date"])
    mine = figures_over_time_data(dated)
    mine = mine[mine["category"] == category]
    assert mine["date"].nunique() >= 2
    figures = mine["figure_high"].astype(float).tolist()
    steps = [b - a for a, b in zip(figures, figures[1:])]
    assert any(s > 0 for s in steps) and any(s < 0 for s in steps), "the figure goes up and down as updates arrive"
    highest = mine["highest_so_far"].tolist()
    assert highest == sorted(highest) and highest[-1] == max(figures)
    first_day = mine[mine["date"] == mine["date"].min()]["figure_high"].max()
    assert first_day < max(figures), "a later update claims a higher figure than the first day"
