"""reuse_of: a statement planted in 3 of 10 articles is found there, with the right shares and spans."""

from __future__ import annotations

import random

import pytest
from inline_corpus import make_docs
from story_corpus import article, sentences, words

from analysis.charts.similarity import passage_html
from analysis.reuse import REUSE_COLUMNS, SOURCE_ID, reuse_of


@pytest.fixture(scope="module")
def planted():
    """Ten articles; the 4-sentence statement in full in two (one with a word changed), half of it in a third."""
    rng = random.Random(3)
    statement = sentences(rng, 4)  # 40 words
    changed = statement[2].split(" ")
    changed[4] = "zzyzx"  # one word of the third sentence differs: a near copy
    near = statement[:2] + [" ".join(changed)] + statement[3:]
    bodies = [sentences(rng, 6) for _ in range(10)]
    bodies[2] = bodies[2][:3] + statement + bodies[2][3:]
    bodies[5] = near + bodies[5]
    bodies[8] = bodies[8] + statement[:2]
    rows = [(f"art{i}", f"Outlet {i}", article(" ".join(words(rng, 5)), body)) for i, body in enumerate(bodies)]
    return " ".join(statement), make_docs(rows)


def test_the_statement_is_found_in_three_articles_with_their_shares(planted):
    statement, docs = planted
    found = reuse_of(statement, docs)
    table = found.articles.set_index("doc_id")
    assert list(found.articles.columns) == REUSE_COLUMNS and len(table) == 10
    assert found.articles["doc_id"].tolist()[:3] == ["art2", "art5", "art8"]
    # in full; in full but one word changed (39 of 40 words reused); half
    assert table.loc[["art2", "art5", "art8"], "share_of_source"].tolist() == [1.0, 0.975, 0.5]
    assert (table.drop(index=["art2", "art5", "art8"])["n_reused"] == 0).all()
    assert set(table["n_source_words"]) == {40}
    # art2: 5 headline words + 100 body words, 40 of them the statement
    assert table.loc["art2", "n_words"] == 105 and table.loc["art2", "share_of_article"] == pytest.approx(40 / 105, abs=1e-4)
    assert table.loc["art8", "n_reused"] == 20


def test_the_spans_point_into_both_texts(planted):
    statement, docs = planted
    spans = reuse_of(statement, docs).passages
    assert set(spans["doc_a"]) == {SOURCE_ID}
    kinds = dict(zip(spans["doc_b"], spans["kind"]))
    assert kinds["art2"] == "verbatim" and kinds["art8"] == "verbatim"
    assert "near" in set(spans.loc[spans["doc_b"] == "art5", "kind"])
    raw = dict(zip(docs["doc_id"], docs["raw_text"]))
    for span in spans.itertuples():
        assert statement[span.start_a:span.end_a] == span.text_a
        assert raw[span.doc_b][span.start_b:span.end_b] == span.text_b
    html = passage_html(spans)
    assert "<mark>zzyzx</mark>" in html


def test_short_overlap_and_bad_input():
    docs = make_docs([("a", "X", "The committee will meet again next week to decide.")])
    assert reuse_of("The committee will meet again.", docs).articles["n_reused"].tolist() == [0]
    with pytest.raises(ValueError, match="non-empty"):
        reuse_of("  ", docs)


def test_reuse_text_is_escaped():
    source = "The <b>ministry</b> said that all detainees would be released before the end of the month."
    docs = make_docs([("a", "X", "Officials: the <b>ministry</b> said that all detainees would be released "
                                 "before the end of the month.")])
    html = passage_html(reuse_of(source, docs).passages)
    assert "&lt;b&gt;ministry&lt;/b&gt;" in html and "<b>" not in html
