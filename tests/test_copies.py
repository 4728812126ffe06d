"""Copy groups: verbatim, truncated and re-headlined copies are grouped exactly, and one is kept per group."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from inline_corpus import make_docs
from story_corpus import article, sentences, words

from analysis.copies import COPY_COLUMNS, MIN_SHARE, copy_groups, keep_one_per_group, reused_words
from analysis.passages import shared_passages
from analysis.similarity import outlet_similarity, similarity_pairs
from analysis.terms import term_frequencies


@pytest.fixture(scope="module")
def wire():
    """Eight distinct stories and four copies: verbatim, truncated, re-headlined, and a quoting story."""
    rng = random.Random(14)
    bodies = [sentences(rng, 8) for _ in range(8)]
    heads = [" ".join(words(rng, 6)).capitalize() for _ in range(9)]
    rows = [(f"story{i}", f"Outlet {i}", article(heads[i], bodies[i])) for i in range(8)]
    rows += [
        ("verbatim", "Copier A", article(heads[0], bodies[0])),
        ("truncated", "Copier B", article(heads[1], bodies[1][:5])),
        ("reheadlined", "Copier C", article(heads[8], bodies[2])),
        # quotes one sentence of story3 (an eighth of it) among its own: reuse, not a copy
        ("quoting", "Copier D", article(heads[3][:20], sentences(rng, 6) + bodies[3][:1])),
    ]
    published = ["2020-05-0%d" % (i % 5 + 1) for i in range(8)] + ["2020-04-30", "2020-05-09", "2020-05-09", ""]
    docs = make_docs(rows)
    docs["published"] = published
    return docs


def _groups(table):
    return sorted(sorted(members) for members in table.groupby("group_id")["doc_id"].apply(list))


def test_copies_are_grouped_exactly(wire):
    groups = copy_groups(wire)
    assert list(groups.columns) == COPY_COLUMNS
    assert _groups(groups) == [["reheadlined", "story2"], ["story0", "verbatim"], ["story1", "truncated"]]
    assert groups["group_id"].tolist() == ["copy-1", "copy-1", "copy-2", "copy-2", "copy-3", "copy-3"]
    assert set(groups["n_members"]) == {2}


def test_shares_origin_and_kept_member(wire):
    groups = copy_groups(wire).set_index("doc_id")
    # the verbatim copy and the truncated one reuse every word; the long original, 5 of its 8 sentences
    assert groups.loc["verbatim", "share_reused"] == 1.0 and groups.loc["truncated", "share_reused"] == 1.0
    story1 = groups.loc["story1"]
    assert story1["share_reused"] == pytest.approx((6 + 50) / story1["n_words"], abs=1e-4)
    # the re-headlined copy shares its body, not its six-word headline
    assert groups.loc["reheadlined", "share_reused"] == pytest.approx(80 / 86, abs=1e-4)
    # origin: the earliest member ("verbatim" ran a day before story0), whatever the corpus order
    assert groups.loc["story0", "origin"] == "verbatim" and groups.loc["verbatim", "is_origin"]
    assert groups.loc["story1", "origin"] == "story1" and groups.loc["story1", "kept"]
    assert not groups.loc["truncated", "kept"]


def test_a_quoted_sentence_is_not_a_copy(wire):
    shares = reused_words(wire, shared_passages(wire))
    quoting = shares[(shares["doc_id"] == "quoting") & (shares["other"] == "story3")]
    assert len(quoting) == 1 and 0 < quoting["share"].iloc[0] < MIN_SHARE
    assert "quoting" not in set(copy_groups(wire)["doc_id"])


def test_min_share_decides(wire):
    # at 0.1 the article quoting an eighth of story3 joins it; at 0.95 the re-headlined copy (80 of its 86
    # words reused) drops out, and the copies that reuse every word remain
    assert ["quoting", "story3"] in _groups(copy_groups(wire, min_share=0.1))
    assert _groups(copy_groups(wire, min_share=0.95)) == [["story0", "verbatim"], ["story1", "truncated"]]
    with pytest.raises(ValueError, match="min_share"):
        copy_groups(wire, min_share=0)
    with pytest.raises(ValueError, match=r"not in docs: \['story0'"):
        copy_groups(wire[wire["doc_id"] != "story0"], shared_passages(wire))


def test_without_dates_the_longest_member_is_kept(wire):
    undated = wire.drop(columns="published")
    groups = copy_groups(undated).set_index("doc_id")
    assert set(groups["origin"]) == {""} and not groups["is_origin"].any()
    assert groups.loc["story1", "kept"] and not groups.loc["truncated", "kept"]


def test_keep_one_per_group(wire):
    kept = keep_one_per_group(wire)["doc_id"].tolist()
    assert kept == ["story1", "story2", "story3", "story4", "story5", "story6", "story7", "verbatim", "quoting"]
    # a precomputed table gives the same, and False changes nothing
    assert keep_one_per_group(wire, copy_groups(wire))["doc_id"].tolist() == kept
    assert keep_one_per_group(wire, False) is wire
    with pytest.raises(ValueError, match="copy_groups"):
        keep_one_per_group(wire, pd.DataFrame({"doc_id": ["x"]}))


def test_one_per_group_in_the_counting_analyses(wire):
    freqs = term_frequencies(wire, by="doc_id")
    once = term_frequencies(wire, by="doc_id", one_per_group=True)
    assert {"story0", "truncated", "reheadlined"} <= set(freqs["doc_id"])
    assert not {"story0", "truncated", "reheadlined"} & set(once["doc_id"])
    pairs = similarity_pairs(wire)
    assert pairs.iloc[0]["cosine"] == pytest.approx(1.0)  # the verbatim copy and its original
    alone = similarity_pairs(wire, one_per_group=True)
    assert alone["cosine"].max() < 0.5
    assert not {"story0", "truncated", "reheadlined"} & (set(alone["doc_a"]) | set(alone["doc_b"]))
    outlets = set(outlet_similarity(wire, one_per_group=copy_groups(wire))["outlet_a"])
    assert len(outlets) == 9 and not {"Outlet 0", "Copier B", "Copier C"} & outlets


def test_no_copies_gives_an_empty_table():
    docs = make_docs([("a", "X", "Parliament voted on the budget on Tuesday evening after a long debate."),
                      ("b", "Y", "Rescue teams reached the trapped miners before dawn on the second day.")])
    groups = copy_groups(docs)
    assert groups.empty and list(groups.columns) == COPY_COLUMNS


@pytest.mark.parametrize("n_copies", [2, 12])
def test_a_story_copied_many_times_with_small_edits_keeps_its_share(n_copies):
    rng = random.Random(5)
    body = sentences(rng, 6)  # 60 words
    head = " ".join(words(rng, 6)).capitalize()
    rows = [("wire", "Wire", article(head, body))]
    for k in range(n_copies):  # each copy changes a different word of a different sentence
        edited = list(body)
        sentence = edited[k % 6].split()
        sentence[1 + k // 6] = "changed"
        edited[k % 6] = " ".join(sentence)
        rows.append((f"copy{k}", f"Paper {k}", article(head, edited)))
    groups = copy_groups(make_docs(rows))
    assert groups["n_members"].tolist() == [n_copies + 1] * (n_copies + 1)
    # every word of the wire is in some copy unchanged: its share stays whole however many copies changed a word
    assert groups.set_index("doc_id").loc["wire", "share_reused"] >= 0.95
