"""Coverage over time: articles and words per outlet and period; undated articles are counted, not dropped."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.coverage import COVERAGE_COLUMNS, UNDATED, coverage, publication_dates


@pytest.mark.parametrize("value, day, precision", [
    ("2017-04-13", "2017-04-13", "day"),
    ("2017-04-13T23:30:00+05:00", "2017-04-13", "day"),  # the date as printed, not shifted to UTC
    ("April 13, 2017", "2017-04-13", "day"),
    ("13 Apr 2017", "2017-04-13", "day"),
    (pd.Timestamp("2017-04-13 18:00"), "2017-04-13", "day"),
    ("2017-04", "2017-04-01", "month"),
    ("2017", "2017-01-01", "year"),
    ("2017-13", None, ""),
    ("", None, ""),
    (None, None, ""),
    (float("nan"), None, ""),
    ("last Tuesday", None, ""),
])
def test_publication_dates(value, day, precision):
    dates = publication_dates(pd.DataFrame({"doc_id": ["a"], "published": [value]}))
    got = dates["date"].iloc[0]
    assert (None if pd.isna(got) else got.strftime("%Y-%m-%d")) == day
    assert dates["precision"].iloc[0] == precision


def test_publication_dates_without_the_column():
    dates = publication_dates(pd.DataFrame({"doc_id": ["a", "b"]}))
    assert dates["date"].isna().all() and dates["precision"].tolist() == ["", ""]


@pytest.fixture
def docs():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e", "f"],
        "outlet": ["Wire", "Wire", "Daily", "Wire", "", "Daily"],
        "published": ["2020-03-02", "2020-03-02", "2020-03-02", "2020-03-05", "2020-03-05", "2020-03"],
        "n_words": [100, 200, 100, 50, 150, 80],
    })


def test_coverage_by_day(docs):
    table = coverage(docs)
    assert list(table.columns) == COVERAGE_COLUMNS
    # every day from the first to the last for each outlet, zeros included; the article without an outlet is its
    # own group, listed on its own day only
    assert table[["period", "outlet"]].values.tolist()[:9] == [
        ["2020-03-02", "Wire"], ["2020-03-02", "Daily"], ["2020-03-03", "Wire"], ["2020-03-03", "Daily"],
        ["2020-03-04", "Wire"], ["2020-03-04", "Daily"], ["2020-03-05", "Wire"], ["2020-03-05", "Daily"],
        ["2020-03-05", "(unknown: e)"]]
    day = table[table["period"] == "2020-03-02"].set_index("outlet")
    assert day["n_articles"].to_dict() == {"Wire": 2, "Daily": 1}
    assert day["share_articles"].to_dict() == {"Wire": 0.6667, "Daily": 0.3333}
    assert day["share_words"].to_dict() == {"Wire": 0.75, "Daily": 0.25}
    assert table.loc[table["period"] == "2020-03-05", "share_words"].tolist() == [0.25, 0.0, 0.75]
    empty = table[table["period"] == "2020-03-03"]
    assert empty["n_articles"].sum() == 0 and empty["share_articles"].sum() == 0
    # the month-only date cannot be put on a day: it is counted as undated, never dropped
    undated = table[table["period"] == UNDATED]
    assert undated[["outlet", "n_articles", "n_words", "start"]].values.tolist() == [["Daily", 1, 80, ""]]
    assert table["n_articles"].sum() == len(docs)


def test_coverage_by_week_and_month(docs):
    weeks = coverage(docs, freq="W")
    assert weeks["period"].unique().tolist() == ["2020-03-02", UNDATED]  # the week of Monday 2 March
    assert weeks.loc[weeks["period"] == "2020-03-02", "n_articles"].tolist() == [3, 1, 1]
    months = coverage(docs, freq="M")
    assert months[["period", "start", "outlet", "n_articles", "n_words"]].values.tolist() == [
        ["2020-03", "2020-03-01", "Wire", 3, 350], ["2020-03", "2020-03-01", "Daily", 2, 180],
        ["2020-03", "2020-03-01", "(unknown: e)", 1, 150]]


def test_coverage_by_another_column_and_errors(docs):
    docs["section"] = ["news", "news", "", "sport", "news", "news"]
    table = coverage(docs, by="section", freq="M")
    assert "section" in table.columns and set(table["section"]) == {"news", "sport", "c"}
    with pytest.raises(ValueError, match="freq"):
        coverage(docs, freq="H")
    with pytest.raises(ValueError, match="no column 'desk'"):
        coverage(docs, by="desk")


def test_a_corpus_without_outlets_lists_each_article_once():
    docs = pd.DataFrame({"doc_id": [f"n{i}" for i in range(200)], "outlet": [""] * 200, "n_words": [10] * 200,
                         "published": [f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(200)]})
    table = coverage(docs)
    assert len(table) == 200 and table["n_articles"].tolist() == [1] * 200
    assert table["period"].tolist() == sorted(table["period"])


def test_all_undated_and_empty():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"], "published": ["", None], "n_words": [5, 7]})
    assert coverage(docs).values.tolist() == [[UNDATED, "", "X", 2, 12, 1.0, 1.0]]
    empty = coverage(docs.iloc[:0])
    assert empty.empty and list(empty.columns) == COVERAGE_COLUMNS


def test_seed_coverage(seed_docs):
    table = coverage(seed_docs)
    assert table["n_articles"].sum() == len(seed_docs)
    # one seed is dated to the day; the month-only one and three blank ones are undated
    assert table.loc[table["period"] != UNDATED, "n_articles"].sum() == 1
    assert table.loc[table["period"] == UNDATED, "n_articles"].sum() == 4
