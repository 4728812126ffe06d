"""Term frequency tables: counts, rates, document frequency, n-grams, grouping."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.terms import (
    count_terms,
    count_words,
    document_terms,
    group_labels,
    term_frequencies,
    top_terms,
)
from analysis.segmenting import include_labels
from inline_corpus import make_docs

DOCS = make_docs(published="2017-04", rows=[
    ("a1", "Post", [("headline", "Gay men detained\n"), ("body", "Gay men were detained in camps. Camps exist.\n"),
                    ("comments", "1. Mike\nCamps camps camps\n")]),
    ("a2", "Post", [("body", "Men freed from the camps.\n")]),
    ("b1", "", [("body", "The republic of Chechnya’s camps held men.\n")]),
    ("c1", "", [("body", "Chechnya denied it.\n")]),
])


def row(table, group, term):
    found = table[(table.iloc[:, 0] == group) & (table["term"] == term)]
    assert len(found) == 1, f"{group!r} {term!r}: {len(found)} rows"
    return found.iloc[0]


def test_counts_rates_and_document_frequency_per_outlet():
    freqs = term_frequencies(DOCS)
    assert list(freqs.columns) == ["outlet", "term", "count", "per_10k", "doc_freq", "n_docs", "n_words"]
    camps = row(freqs, "Post", "camps")
    # headline 3 words + body 8 words + second article 5 words; comments are left out
    assert (camps["count"], camps["doc_freq"], camps["n_docs"], camps["n_words"]) == (3, 2, 2, 16)
    assert camps["per_10k"] == pytest.approx(3 / 16 * 10_000)
    assert row(freqs, "Post", "men")["count"] == 3
    assert "were" not in set(freqs["term"]) and "the" not in set(freqs["term"])


def test_each_blank_outlet_is_its_own_labelled_group():
    freqs = term_frequencies(DOCS)
    assert list(pd.unique(freqs["outlet"])) == ["Post", "(unknown: b1)", "(unknown: c1)"]
    # the possessive counts with the name; two unknown outlets are never merged
    assert row(freqs, "(unknown: b1)", "chechnya")["count"] == 1
    assert row(freqs, "(unknown: c1)", "chechnya")["count"] == 1


def test_include_adds_the_comments():
    assert row(term_frequencies(DOCS, include="all"), "Post", "camps")["count"] == 6
    assert row(term_frequencies(DOCS, include=("comments",)), "Post", "camps")["count"] == 3
    with pytest.raises(ValueError, match="unknown segment label"):
        term_frequencies(DOCS, include=("sidebar",))


def test_per_document_and_any_column():
    per_doc = term_frequencies(DOCS, by="doc_id")
    assert row(per_doc, "a1", "camps")["count"] == 2 and row(per_doc, "a2", "camps")["count"] == 1
    by_month = term_frequencies(DOCS, by="published")
    assert row(by_month, "2017-04", "camps")["count"] == 4
    by_list = term_frequencies(DOCS, by=["x", "x", "y", "y"])
    assert row(by_list, "y", "chechnya")["count"] == 2 and by_list.columns[0] == "group"
    with pytest.raises(ValueError, match="no column 'desk'"):
        term_frequencies(DOCS, by="desk")


@pytest.mark.parametrize("text, ngram, terms", [
    ("Gay men were detained in camps.", 2, ["gay men"]),
    ("The Republic of Chechnya’s camps.", 3, ["republic of chechnya"]),
    ("The Republic of Chechnya’s camps.", 2, ["chechnya camps"]),
    ("“Around 30 or 40,” she added.", 3, ["30 or 40"]),
    ("Human rights groups, human rights.", 2, ["human rights", "rights groups", "human rights"]),
    ("Headline words\nBody text", 2, ["headline words", "body text"]),
])
def test_ngrams_stay_within_phrases_and_skip_stopword_edges(text, ngram, terms):
    assert document_terms(text, ngram=ngram) == terms


def test_ngram_table_stem_min_count_and_no_stopwords():
    bigrams = term_frequencies(DOCS, ngram=2)
    assert row(bigrams, "Post", "gay men")["count"] == 2
    stems = term_frequencies(DOCS, stem=True)
    assert row(stems, "Post", "detain")["count"] == 2
    assert term_frequencies(DOCS, min_count=2)["count"].min() == 2
    everything = term_frequencies(DOCS, stopwords=None)
    assert row(everything, "Post", "were")["count"] == 1
    with pytest.raises(ValueError, match="ngram"):
        term_frequencies(DOCS, ngram=4)


def test_count_terms_and_words():
    tc = count_terms(DOCS, by="outlet")
    assert tc.groups == ["Post", "(unknown: b1)", "(unknown: c1)"]
    assert tc.n_words.tolist() == [16, 7, 3] and tc.n_docs.tolist() == [2, 1, 1]
    assert tc.counts.shape == (3, len(tc.vocabulary))
    assert count_words(DOCS).tolist() == [11, 5, 7, 3]
    assert count_words(DOCS, include="all").tolist() == [16, 5, 7, 3]


def test_top_terms_keeps_n_per_group_in_group_order():
    top = top_terms(term_frequencies(DOCS), n=2)
    assert top.groupby("outlet", sort=False).size().tolist() == [2, 2, 2]
    assert top["term"].tolist()[:2] == ["camps", "men"]



def test_group_labels_and_include_labels():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Post", None, "  "]})
    assert group_labels(docs).tolist() == ["Post", "(unknown: b)", "(unknown: c)"]
    assert include_labels(("body",)) == ("body",)  # the one resolver, in analysis.segmenting


def test_seed_corpus_outlets(seed_docs):
    freqs = term_frequencies(seed_docs)
    outlets = list(pd.unique(freqs["outlet"]))
    assert len(outlets) == 5
    blank = seed_docs.loc[seed_docs["outlet"] == "", "doc_id"].tolist()
    assert [f"(unknown: {d})" for d in blank] == [o for o in outlets if o.startswith("(unknown")]
    # per document the words counted equal the loader's n_words (headline and body)
    per_doc = freqs.drop_duplicates("outlet")["n_words"].tolist()
    assert per_doc == seed_docs["n_words"].tolist()


def test_largest_groups_picks_the_groups_with_most_words():
    from analysis.terms import largest_groups

    freqs = term_frequencies(DOCS)
    assert largest_groups(freqs, n=2) == ["Post", "(unknown: b1)"]
    assert largest_groups(freqs, n=10) == ["Post", "(unknown: b1)", "(unknown: c1)"]
