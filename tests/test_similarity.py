"""TF-IDF similarity: the tokenizer, the pairs table, the sparse top-k path, outlets, charts and CLI."""

from __future__ import annotations

import math
import random

import numpy as np
import pandas as pd
import pytest

from analysis import similarity
from analysis.charts.similarity import plot_similarity_heatmap, plot_similarity_map
from analysis.cli import main
from analysis.loading import as_documents, outlet_labels
from analysis.similarity import (
    PAIR_COLUMNS,
    nearest_neighbours,
    outlet_similarity,
    similarity_map,
    similarity_matrix,
    similarity_pairs,
    tfidf_matrix,
)
from analysis.text import STOPWORDS, tokenize


def corpus(*texts, outlets=None):
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(texts))],
        "outlet": outlets if outlets is not None else [f"O{i}" for i in range(len(texts))],
        "text": list(texts),
    })


def random_corpus(n: int, *, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    words = [f"word{k}" for k in range(300)]
    texts = [" ".join(rng.choices(words[: rng.randint(40, 300)], k=rng.randint(5, 60))) for _ in range(n)]
    return corpus(*texts, outlets=[rng.choice(["A", "B", "C", ""]) for _ in range(n)])


def test_terms_are_the_package_tokens_without_stopwords():
    text = "They don’t exist in Chechnya’s republic, said the LGBTI Network; 30 or 40 non-traditional men."
    _, terms = tfidf_matrix(corpus(text))
    assert terms == sorted(set(tokenize(text, stopwords=STOPWORDS)))
    assert {"chechnya's", "non-traditional", "30", "lgbti"} <= set(terms) and not {"the", "don't"} & set(terms)


def test_term_frequency_is_sublinear():
    matrix, terms = tfidf_matrix(corpus("camp " * 10 + "men", "camp men"))
    row = matrix[0].toarray().ravel()
    assert row[terms.index("camp")] / row[terms.index("men")] == pytest.approx(1 + math.log(10))


@pytest.mark.parametrize("texts, closest", [
    (["gay men detained in camps", "men detained in secret camps", "football cup final tonight"], ("d0", "d1")),
    (["football cup final", "gay men detained", "the cup final was played"], ("d0", "d2")),
    (["Don’t exist in the republic", "don't exist in the republic", "exist elsewhere"], ("d0", "d1")),
])
def test_most_similar_pair_comes_first(texts, closest):
    pairs = similarity_pairs(corpus(*texts))
    assert list(pairs.columns) == PAIR_COLUMNS
    assert tuple(pairs.loc[0, ["doc_a", "doc_b"]]) == closest


def test_pairs_are_each_pair_once_in_corpus_order_with_outlets_labelled(seed_docs):
    pairs = similarity_pairs(seed_docs)
    assert len(pairs) == 10
    order = {d: i for i, d in enumerate(seed_docs["doc_id"])}
    assert all(order[a] < order[b] for a, b in zip(pairs["doc_a"], pairs["doc_b"]))
    assert pairs["cosine"].is_monotonic_decreasing and pairs["cosine"].between(0, 1).all()
    unknown = seed_docs.loc[seed_docs["outlet"] == "", "doc_id"].tolist()
    assert set(pairs.loc[pairs["doc_b"].isin(unknown), "outlet_b"]) == {f"(unknown: {d})" for d in unknown}


def test_matrix_is_labelled_symmetric_and_matches_the_pairs(seed_docs):
    matrix = similarity_matrix(seed_docs)
    assert list(matrix.index) == list(matrix.columns) == seed_docs["doc_id"].tolist()
    assert np.allclose(matrix.to_numpy(), matrix.to_numpy().T) and np.allclose(np.diag(matrix), 1)
    for a, b, cosine in similarity_pairs(seed_docs)[["doc_a", "doc_b", "cosine"]].itertuples(index=False):
        assert matrix.loc[a, b] == pytest.approx(cosine)


def test_comments_are_left_out_unless_included():
    raw = ["Men detained in camps.\n1. Mike\nfootball football\n", "Football scores tonight.\n"]
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "raw_text": raw,
                         "spans": [(("body", 0, 23), ("comments", 23, len(raw[0]))), (("body", 0, len(raw[1])),)]})
    assert similarity_pairs(docs).empty
    assert len(similarity_pairs(docs, include="all")) == 1


@pytest.mark.parametrize("block_rows", [7, 4096])
def test_sparse_top_k_gives_the_dense_neighbours(block_rows):
    docs = random_corpus(60)
    exact = nearest_neighbours(similarity_pairs(docs), k=5)
    sparse = nearest_neighbours(similarity_pairs(docs, top_k=5, block_rows=block_rows, progress=False), k=5)
    assert sparse[["doc_id", "rank"]].equals(exact[["doc_id", "rank"]])
    assert np.allclose(sparse["cosine"], exact["cosine"])
    matched = sum(len(set(s) & set(e)) for s, e in zip(sparse.groupby("doc_id")["neighbour"].apply(set),
                                                      exact.groupby("doc_id")["neighbour"].apply(set)))
    assert matched >= 0.98 * len(exact)  # equal cosines may swap places at the cut


def test_top_k_keeps_each_pair_once_and_respects_min_cosine():
    docs = random_corpus(40, seed=1)
    pairs = similarity_pairs(docs, top_k=3, min_cosine=0.2)
    assert not pairs.duplicated(["doc_a", "doc_b"]).any()
    assert (pairs["cosine"] > 0.2).all()
    neighbours = nearest_neighbours(pairs, k=3)
    assert neighbours.groupby("doc_id").size().max() <= 3


def test_duplicates_find_each_other_first():
    docs = random_corpus(30, seed=2)
    docs.loc[30] = ["copy", "A", docs.loc[4, "text"]]
    neighbours = nearest_neighbours(similarity_pairs(docs, top_k=2), k=1)
    assert neighbours.set_index("doc_id").loc["copy", "neighbour"] == "d4"
    assert neighbours.set_index("doc_id").loc["copy", "cosine"] == pytest.approx(1.0)


def test_dense_matrix_refused_beyond_the_limit(monkeypatch):
    monkeypatch.setattr(similarity, "DENSE_LIMIT", 3)
    docs = random_corpus(4)
    with pytest.raises(ValueError, match="top_k"):
        similarity_pairs(docs)
    with pytest.raises(ValueError, match="dense"):
        similarity_matrix(docs)
    assert len(similarity_pairs(docs, top_k=1)) >= 2


def test_progress_bar_only_when_asked(capsys):
    docs = random_corpus(10)
    similarity_pairs(docs, top_k=2, progress=False)
    assert capsys.readouterr().err == ""
    similarity_pairs(docs, top_k=2, progress=True)
    assert "neighbours" in capsys.readouterr().err


def test_nearest_neighbours_ranks_both_directions():
    pairs = pd.DataFrame({"doc_a": ["a", "a", "b"], "doc_b": ["b", "c", "c"], "outlet_a": ["X", "X", "Y"],
                          "outlet_b": ["Y", "", ""], "cosine": [0.9, 0.2, 0.5]})
    table = nearest_neighbours(pairs, k=2)
    assert table.loc[table["doc_id"] == "c", "neighbour"].tolist() == ["b", "a"]
    assert table.loc[table["doc_id"] == "c", "rank"].tolist() == [1, 2]
    assert table.loc[table["doc_id"] == "c", "outlet"].tolist() == ["", ""]


def test_blank_outlet_is_labelled_by_doc_id_never_invented():
    docs = corpus("a", "b", "c", outlets=["BBC", "", None])
    assert outlet_labels(docs).tolist() == ["BBC", "(unknown: d1)", "(unknown: d2)"]


def test_outlet_mean_equals_the_mean_of_document_pairs():
    docs = random_corpus(25, seed=3)
    matrix = similarity_matrix(docs).to_numpy()
    labels = outlet_labels(docs).to_numpy()
    table = outlet_similarity(docs).set_index(["outlet_a", "outlet_b"])
    for a in dict.fromkeys(labels):
        for b in dict.fromkeys(labels):
            block = matrix[np.ix_(labels == a, labels == b)]
            if a == b:
                block = block[~np.eye(len(block), dtype=bool)]
            expected = block.mean() if block.size else np.nan
            assert table.loc[(a, b), "mean_cosine"] == pytest.approx(expected, nan_ok=True)
            assert table.loc[(a, b), "mean_cosine"] == pytest.approx(table.loc[(b, a), "mean_cosine"], nan_ok=True)


def test_map_has_one_point_per_document_and_is_repeatable(seed_docs):
    first, second = similarity_map(seed_docs), similarity_map(seed_docs)
    assert first.equals(second)
    assert first["doc_id"].tolist() == seed_docs["doc_id"].tolist()
    assert first.loc[seed_docs["outlet"].eq("").to_numpy(), "outlet"].tolist() == \
        [f"(unknown: {d})" for d in seed_docs.loc[seed_docs["outlet"].eq(""), "doc_id"]]
    assert first["label"].iloc[0] == "Inquisitr · 000_aa049eff8b86ffac"
    assert first[["x", "y"]].abs().sum().gt(0).all()


def test_heatmap_is_ordered_by_clustering_with_a_dendrogram():
    docs = corpus("men detained camps", "football cup final", "men detained camps torture", "cup final football score")
    fig = plot_similarity_heatmap(similarity_pairs(docs))
    dendrogram_axis, heatmap_axis = fig.axes[0], fig.axes[2]
    assert dendrogram_axis.collections or dendrogram_axis.lines  # the tree is drawn
    order = [t.get_text().split(" · ")[1] for t in heatmap_axis.get_yticklabels()]
    assert {order[0], order[1]} in ({"d0", "d2"}, {"d1", "d3"})  # similar documents side by side


def test_map_chart_colours_by_outlet_and_names_unknown_outlets(seed_docs):
    fig = plot_similarity_map(similarity_map(seed_docs))
    ax = fig.axes[0]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Inquisitr" in legend and "(unknown: 004_437f98d81bbefe43)" in legend
    styles = {(tuple(c.get_facecolor()[0]), c.get_paths()[0].vertices.tobytes()) for c in ax.collections}
    assert len(styles) == len(legend) == 5  # colour and marker differ for every outlet
    assert ax.get_xticks().size == 0 and ax.get_yticks().size == 0  # no meaningless tick values
    assert "no units" in ax.get_xlabel()
    assert {t.get_text() for t in ax.texts} >= {"Inquisitr", "Gay Star News"}  # points labelled by outlet


def test_map_chart_labels_points_directly_beyond_twenty_outlets():
    points = pd.DataFrame({"doc_id": [f"d{i}" for i in range(30)], "outlet": [f"Outlet {i}" for i in range(30)],
                           "label": "", "x": np.cos(np.arange(30)), "y": np.sin(np.arange(30))})
    fig = plot_similarity_map(points)
    ax = fig.axes[0]
    assert ax.get_legend() is None and len(ax.texts) >= 20
    assert len(ax.collections) == 30


def test_cli_similarity_reads_a_table(tmp_path):
    table = tmp_path / "articles.csv"
    pd.DataFrame({"id": ["a", "b", "c"], "body": ["Men detained in camps", "Men detained in secret camps",
                                                 "Football tonight"]}).to_csv(table, index=False)
    out = tmp_path / "pairs.csv"
    assert main(["similarity", str(table), "--text-column", "body", "--id-column", "id", "--out", str(out)]) == 0
    pairs = pd.read_csv(out, keep_default_na=False, dtype={"doc_a": str, "doc_b": str})
    assert list(pairs.columns) == PAIR_COLUMNS and pairs.loc[0, ["doc_a", "doc_b"]].tolist() == ["a", "b"]
    assert main(["similarity", str(table), "--text-column", "body", "--top-k", "1", "--min-cosine", "0.5",
                 "--out", str(out)]) == 0
    assert len(pd.read_csv(out)) == 1


def test_a_plain_tables_text_is_read_as_its_body():
    """A table of doc_id and text is read as the loader's plain tables are: one body segment each."""
    plain = pd.DataFrame({"doc_id": ["a", "b"], "text": ["men detained in camps", "men detained"]})
    assert similarity_pairs(plain).equals(similarity_pairs(as_documents(plain)))
    assert similarity_pairs(plain, include=("headline",)).empty  # no headline: no words to compare
