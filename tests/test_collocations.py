"""Collocates of a node word and corpus collocations (NLTK finders, our stopwords)."""

from __future__ import annotations

import math

import pytest

from analysis.collocations import _window_offsets, collocates, collocations
from inline_corpus import make_docs


DOCS = make_docs([(str(i), "X", text) for i, text in enumerate((
    "Gay men were detained. Human rights groups said gay men were held.",
    "Human rights matter. Gay men fled, the groups said. Men of the Republic of Chechnya.",
    "The Republic of Chechnya denied it. Officials in the Republic of Chechnya said so.",
))])


def test_corpus_bigrams_skip_stopwords_and_punctuation():
    table = collocations(DOCS, min_count=2)
    assert list(table.columns) == ["collocation", "count", "pmi", "log_likelihood"]
    assert table["collocation"].tolist()[:2] == ["gay men", "human rights"]
    assert dict(zip(table["collocation"], table["count"]))["gay men"] == 3
    assert not any(w in {"the", "of", "were"} for c in table["collocation"] for w in c.split())
    assert "fled groups" not in set(table["collocation"])  # ", the" breaks the run
    assert table["log_likelihood"].is_monotonic_decreasing


def test_corpus_trigrams_may_have_a_stopword_inside():
    table = collocations(DOCS, n=3, min_count=2)
    assert "republic of chechnya" in set(table["collocation"])
    with pytest.raises(ValueError):
        collocations(DOCS, n=4)


def test_node_collocates_scores_follow_the_window_table():
    table = collocates(DOCS, "men", window=1, min_count=1)
    assert list(table.columns) == ["node", "collocate", "count", "left", "right", "collocate_count",
                                   "pmi", "log_likelihood"]
    gay = table[table["collocate"] == "gay"].iloc[0]
    assert (gay["count"], gay["left"], gay["right"], gay["collocate_count"]) == (3, 3, 0, 3)
    # PMI = log2(O * N / (R * C)): N running words, R positions in the node's windows
    n_words = sum(len(t.replace(",", "").replace(".", "").split()) for t in DOCS["raw_text"])
    positions = 7  # gay|men|were x2 (4), gay|men|fled (2), men|of (1)
    assert gay["pmi"] == pytest.approx(math.log2(3 * n_words / (positions * 3)))
    assert "were" not in set(table["collocate"])  # stopwords are never collocates


def test_node_collocates_minimum_and_stemming():
    assert collocates(DOCS, "men", window=1, min_count=3)["collocate"].tolist() == ["gay"]
    assert "detain" in set(collocates(DOCS, "gay", window=3, min_count=1, stem=True)["collocate"])
    with pytest.raises(ValueError, match="one word"):
        collocates(DOCS, "gay men")


def test_overlapping_windows_count_each_position_once():
    assert _window_offsets(["a", "x", "b", "x", "c"], "x", 2) == {0: -1, 2: 1, 4: 1}
