"""Framing dictionary: hedge rates per outlet per 1,000 words, and the KWIC lines behind them."""

from __future__ import annotations

import pytest

from analysis.framing import HEDGES_FILE, default_dictionary, framing_kwic, framing_rates, load_lexicon
from inline_corpus import make_docs


# A: 18 words, 3 hedges; B: 9 words, none; two documents without an outlet
DOCS = make_docs([
    ("a1", "A", "Men were allegedly held. They are said to be safe, reportedly. Guards beat them daily in the camp."),
    ("b1", "B", "The ministry confirmed that the men were held there."),
    ("u1", "", "Officials allegedly lied."),
    ("u2", "", "Officials lied."),
])


def test_rates_per_outlet_per_thousand_words_with_zeros():
    rates = framing_rates(DOCS)
    assert list(rates.columns) == ["outlet", "category", "count", "n_docs", "n_words", "per_1k"]
    assert rates["outlet"].tolist() == ["A", "B", "(unknown: u1)", "(unknown: u2)"]
    assert rates["count"].tolist() == [3, 0, 1, 0]
    assert rates["n_words"].tolist() == [18, 9, 3, 2]
    assert rates["per_1k"].tolist() == pytest.approx([3 / 18 * 1000, 0, 1 / 3 * 1000, 0])


def test_every_count_has_its_kwic_lines():
    rates = framing_rates(DOCS, by="doc_id")
    lines = framing_kwic(DOCS)
    assert list(lines.columns[:3]) == ["category", "doc_id", "outlet"]
    assert lines.groupby("doc_id").size().to_dict() == {d: c for d, c in zip(rates["doc_id"], rates["count"]) if c}
    assert lines["match"].tolist() == ["allegedly", "are said to", "reportedly", "allegedly"]


def test_own_dictionary_per_term_and_category_filter():
    mine = {"certainty": ["confirmed", "daily"], "hedges": ["alleg*"]}
    rates = framing_rates(DOCS, mine, per_term=True)
    assert set(zip(rates["outlet"], rates["category"], rates["term"], rates["count"])) == {
        ("A", "certainty", "daily", 1), ("B", "certainty", "confirmed", 1),
        ("A", "hedges", "alleg*", 1), ("(unknown: u1)", "hedges", "alleg*", 1),
    }
    assert set(framing_kwic(DOCS, mine, category="certainty")["category"]) == {"certainty"}
    with pytest.raises(ValueError, match="no category"):
        framing_kwic(DOCS, mine, category="spin")


def test_shipped_hedges_list():
    hedges = load_lexicon(HEDGES_FILE)
    assert {"allegedly", "reportedly", "is said to"} <= set(hedges)
    assert not any(h.startswith("#") for h in hedges)
    assert default_dictionary() == {"hedges": hedges}


def test_lexicon_file_format(tmp_path):
    path = tmp_path / "spin.txt"
    path.write_text("# spin words\nSlammed\n\n  blasted*  \n", encoding="utf-8")
    assert load_lexicon(path) == ["slammed", "blasted*"]
