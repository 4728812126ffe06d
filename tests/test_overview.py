"""The per-article overview table and its chart."""

from __future__ import annotations

import pytest

from analysis.charts.overview import plot_segment_lengths
from analysis.overview import corpus_overview, count_quotations, segment_lengths


@pytest.mark.parametrize("text, n", [
    ('He said: "We are working to evacuate people." Then left.', 1),
    ("He said: “We are working to evacuate people.” Then left.", 1),
    ("A so-called ‘gay purge’ and a 'purge'.", 0),  # scare quotes are too short
    ("They insisted ‘you can’t detain and harass someone who doesn’t exist’.", 1),
    ("“The first half of a quotation that continues\n\n“in the next paragraph of the article.”", 2),
    ("No quotations in this sentence, isn't it?", 0),
])
def test_count_quotations(text, n):
    assert count_quotations(text) == n


def test_overview_of_the_seeds(seed_docs):
    table = corpus_overview(seed_docs).set_index("doc_id")
    assert list(table.columns) == ["outlet", "published", "title", "n_words", "n_sentences",
                                   "n_quotations", "set_aside_share", "set_aside"]
    assert table.loc["003_73d65814a2393c9c", "set_aside"].startswith("comments")
    assert table.loc["003_73d65814a2393c9c", "set_aside_share"] > 0.6
    assert table.loc["001_c86dd7cb03905355", "set_aside"].startswith("off_topic")
    assert (table["n_sentences"] > 10).all() and (table["n_quotations"] > 0).all()
    assert table["n_words"].tolist() == seed_docs["n_words"].tolist()


def test_segment_lengths_add_up_to_all_words(seed_docs):
    lengths = segment_lengths(seed_docs)
    from analysis.text import token_spans

    totals = lengths.groupby("doc_id")["n_words"].sum()
    for doc in seed_docs.itertuples():
        assert totals[doc.doc_id] == len(token_spans(doc.raw_text))


def test_segment_chart_draws_one_bar_per_document_and_label(seed_docs):
    lengths = segment_lengths(seed_docs)
    fig = plot_segment_lengths(lengths)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Inquisitr · 000_aa049eff8b86ffac"
    assert labels[4] == "(unknown: 004_437f98d81bbefe43)"
    widths = sorted(round(p.get_width()) for p in ax.patches if p.get_width() > 0)
    assert widths == sorted(lengths["n_words"].tolist())
