"""One label for an article's source, used by every table and chart."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.labels import article_label, is_unknown, outlet_labels, source_label


@pytest.mark.parametrize("doc_id, outlet, source, article", [
    ("a", "BBC", "BBC", "BBC · a"),
    ("a", "  BBC ", "BBC", "BBC · a"),
    ("004_437f", "", "(unknown: 004_437f)", "(unknown: 004_437f)"),
    ("004_437f", "   ", "(unknown: 004_437f)", "(unknown: 004_437f)"),
    ("004_437f", None, "(unknown: 004_437f)", "(unknown: 004_437f)"),
    ("004_437f", float("nan"), "(unknown: 004_437f)", "(unknown: 004_437f)"),
    ("x", "cost $5 {or $6", "cost $5 {or $6", "cost $5 {or $6 · x"),  # kept as written; charts escape it
])
def test_source_and_article_labels(doc_id, outlet, source, article):
    assert source_label(doc_id, outlet) == source
    assert article_label(doc_id, outlet) == article
    assert article_label(doc_id, source) == article  # a label already made is not labelled twice
    assert is_unknown(source, doc_id) == (source.startswith("(unknown"))


def test_outlet_labels_never_merge_two_unknown_outlets():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Post", "", None]}, index=[10, 11, 12])
    labels = outlet_labels(docs)
    assert labels.tolist() == ["Post", "(unknown: b)", "(unknown: c)"]
    assert labels.index.tolist() == [10, 11, 12]
    assert outlet_labels(pd.DataFrame({"doc_id": ["a"]})).tolist() == ["(unknown: a)"]


def test_every_table_labels_an_unknown_outlet_the_same_way(seed_docs):
    from analysis.kwic import kwic
    from analysis.overview import corpus_overview, segment_lengths
    from analysis.similarity import similarity_map, similarity_pairs
    from analysis.terms import term_frequencies

    unknown = "(unknown: 004_437f98d81bbefe43)"
    tables = {
        "overview": corpus_overview(seed_docs)["outlet"],
        "lengths": segment_lengths(seed_docs)["outlet"],
        "terms": term_frequencies(seed_docs)["outlet"],
        "kwic": kwic(seed_docs, "men")["outlet"],
        "pairs": similarity_pairs(seed_docs)["outlet_b"],
        "map": similarity_map(seed_docs)["outlet"],
    }
    for name, column in tables.items():
        assert unknown in set(column), name
        assert "" not in set(column) and "004_437f98d81bbefe43" not in set(column), name
