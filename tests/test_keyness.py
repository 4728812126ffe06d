"""Keyness: log-likelihood G2 against a hand computation, log ratio, N-way and pairs."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from scipy.stats import chi2_contingency

from analysis.keyness import keyness, log_likelihood, log_ratio, top_keywords
from inline_corpus import make_docs


def hand_g2(a, b, n1, n2):
    """The 2x2 log-likelihood written out cell by cell (Dunning 1993)."""
    n = n1 + n2
    table = [(a, n1 * (a + b) / n), (b, n2 * (a + b) / n),
             (n1 - a, n1 * (n - a - b) / n), (n2 - b, n2 * (n - a - b) / n)]
    return 2 * sum(o * math.log(o / e) for o, e in table if o > 0)


@pytest.mark.parametrize("a, b, n1, n2", [
    (10, 5, 1_000, 2_000),
    (13, 11, 562, 1_987),
    (0, 17, 302, 2_247),
    (3, 0, 457, 2_092),
    (500, 20, 100_000, 1_000_000),
    (1, 1, 50, 50),
])
def test_log_likelihood_matches_the_hand_computation(a, b, n1, n2):
    assert log_likelihood(a, b, n1, n2) == pytest.approx(hand_g2(a, b, n1, n2), rel=1e-12)
    g, *_ = chi2_contingency([[a, b], [n1 - a, n2 - b]], correction=False, lambda_="log-likelihood")
    assert log_likelihood(a, b, n1, n2) == pytest.approx(g, rel=1e-9)


def test_log_likelihood_known_values():
    # a = 10 in 1,000 words against b = 5 in 2,000: expected 5 and 10 per row one
    assert float(log_likelihood(10, 5, 1_000, 2_000)) == pytest.approx(6.969192, abs=1e-6)
    assert float(log_likelihood(5, 10, 1_000, 2_000)) == pytest.approx(0.0, abs=1e-12)  # same rate
    assert np.allclose(log_likelihood(np.array([10, 5]), np.array([5, 10]), 1_000, 2_000), [6.969192, 0.0])


@pytest.mark.parametrize("a, b, n1, n2, expected", [
    (10, 5, 1_000, 2_000, 2.0),
    (5, 10, 1_000, 2_000, 0.0),
    (0, 8, 1_000, 1_000, -4.0),   # zero taken as 0.5
    (4, 0, 1_000, 1_000, 3.0),
])
def test_log_ratio(a, b, n1, n2, expected):
    assert float(log_ratio(a, b, n1, n2)) == pytest.approx(expected)


# "camps" 6 times in A (20 words), once in B (20 words), never in the unknown outlet (10 words)
DOCS = make_docs([
    ("a", "A", "camps camps camps camps camps camps men men held held detained freed guards guards sent sent "
               "region region people people"),
    ("b", "B", "camps men men men held held detained freed people people people people region region region "
               "region rights rights rights rights"),
    ("c", "", "men men held region region people people rights rights freed"),
])


def test_each_outlet_against_the_rest_uses_the_formula():
    keys = keyness(DOCS, min_count=1, max_p=1.0)
    assert list(keys.columns) == ["outlet", "reference", "term", "count", "reference_count", "per_10k",
                                  "reference_per_10k", "g2", "p_value", "log_ratio", "use"]
    assert list(pd.unique(keys["outlet"])) == ["A", "B", "(unknown: c)"]
    camps = keys[(keys["outlet"] == "A") & (keys["term"] == "camps")].iloc[0]
    assert (camps["count"], camps["reference_count"], camps["reference"], camps["use"]) == (6, 1, "rest of corpus", "over")
    assert camps["g2"] == pytest.approx(hand_g2(6, 1, 20, 30))
    assert camps["log_ratio"] == pytest.approx(math.log2((6 / 20) / (1 / 30)))
    assert camps["per_10k"] == pytest.approx(3_000)
    # the first row of each outlet is its highest G2
    assert keys.groupby("outlet", sort=False)["g2"].apply(lambda g: g.is_monotonic_decreasing).all()
    rights = keys[(keys["outlet"] == "A") & (keys["term"] == "rights")].iloc[0]
    assert (rights["count"], rights["reference_count"], rights["use"]) == (0, 6, "under")


def test_a_chosen_pair():
    keys = keyness(DOCS, pair=("A", "B"), min_count=1, max_p=1.0)
    assert set(keys["outlet"]) == {"A"} and set(keys["reference"]) == {"B"}
    camps = keys[keys["term"] == "camps"].iloc[0]
    assert camps["g2"] == pytest.approx(hand_g2(6, 1, 20, 20))
    with pytest.raises(ValueError, match="no group 'Z'"):
        keyness(DOCS, pair=("A", "Z"))


def test_minimum_frequency_and_significance_cut_off():
    everything = keyness(DOCS, min_count=1, max_p=1.0)
    assert (everything["count"] + everything["reference_count"]).min() == 2  # "detained", "freed"
    frequent = keyness(DOCS, min_count=5, max_p=1.0)
    assert (frequent["count"] + frequent["reference_count"]).min() == 5
    assert "detained" not in set(frequent["term"]) and "camps" in set(frequent["term"])
    significant = keyness(DOCS, min_count=1, max_p=0.05)
    assert len(significant) < len(everything)
    assert (significant["g2"] >= 3.841).all() and (significant["p_value"] <= 0.05).all()
    assert "camps" in set(significant.loc[significant["outlet"] == "A", "term"])


def test_top_keywords_per_direction():
    top = top_keywords(keyness(DOCS, min_count=1, max_p=1.0), n=1)
    assert top.groupby(["outlet", "use"]).size().eq(1).all()
    assert top[(top["outlet"] == "A") & (top["use"] == "over")]["term"].tolist() == ["camps"]
    assert set(top_keywords(keyness(DOCS, min_count=1, max_p=1.0), n=2, use="over")["use"]) == {"over"}


@pytest.mark.parametrize("max_p", [0.05, 0.5, 1.0])
def test_every_term_of_every_outlet_is_considered(seed_docs, max_p):
    """keyness skips terms an outlet never uses only when they cannot be key: check against all terms."""
    from analysis.terms import term_frequencies

    freqs = term_frequencies(seed_docs)
    counts = freqs.pivot_table(index="term", columns="outlet", values="count", fill_value=0)
    words = freqs.drop_duplicates("outlet").set_index("outlet")["n_words"]
    expected = set()
    for outlet in words.index:
        a = counts[outlet].to_numpy()
        b = counts.to_numpy().sum(axis=1) - a
        g2 = log_likelihood(a, b, words[outlet], words.sum() - words[outlet])
        p = stats.chi2.sf(g2, 1)
        keep = ((a + b) >= 3) & (p <= max_p + 1e-12)
        expected |= {(outlet, t) for t in counts.index[keep]}
    got = keyness(seed_docs, max_p=max_p)
    assert set(zip(got["outlet"], got["term"])) == expected
