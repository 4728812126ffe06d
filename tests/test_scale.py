"""analysis.scale: the Dask path gives the pandas results, on a LocalCluster of 2 worker processes."""

from __future__ import annotations

import gzip
import json

import numpy as np
import pandas as pd
import pytest

distributed = pytest.importorskip("distributed", reason="analysis.scale needs the dask extra: pip install -e '.[dask]'")
pytest.importorskip("dask.dataframe", reason="analysis.scale needs the dask extra: pip install -e '.[dask]'")

import analysis  # noqa: E402
from analysis import paths, scale  # noqa: E402
from analysis.attribution import Gazetteer  # noqa: E402
from analysis.keyness import keyness  # noqa: E402
from analysis.loading import CorpusError  # noqa: E402
from analysis.similarity import similarity_matrix, tfidf_matrix  # noqa: E402
from analysis.terms import count_terms as pandas_count_terms  # noqa: E402

from inline_corpus import write_generated_corpus  # noqa: E402

REUTERS = paths.PROJ_ROOT.parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl.gz"
#: Articles of the Reuters sample (the issue's size: enough for shared vocabulary and ties across partitions).
REUTERS_SAMPLE = 2_000
#: Cosines from the reduced IDF and sklearn's differ only by float rounding.
COSINE_TOLERANCE = 1e-9
REUTERS_COLUMNS = dict(text_column="body", id_column="newid", title_column="title", date_column="datetime")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  memory_limit="2GB") as cluster, distributed.Client(cluster) as c:
        yield c


def plain(table: pd.DataFrame) -> pd.DataFrame:
    return table.reset_index(drop=True)


def assert_same_analyses(corpus, docs, *, top_k=3):
    """Every analysis of the Dask corpus equals the pandas one on ``docs``."""
    pd.testing.assert_frame_equal(plain(corpus.documents.compute()), docs)
    pd.testing.assert_frame_equal(plain(scale.extract_claims(corpus).compute()), analysis.extract_claims(docs))
    pd.testing.assert_frame_equal(scale.term_frequencies(corpus), analysis.term_frequencies(docs))
    pd.testing.assert_frame_equal(scale.keyness(corpus, min_count=1, max_p=1.0), keyness(docs, min_count=1, max_p=1.0))
    pd.testing.assert_frame_equal(plain(scale.corpus_overview(corpus).compute()), analysis.corpus_overview(docs))
    pd.testing.assert_frame_equal(plain(scale.segments(corpus).compute()), analysis.segments(docs))
    pd.testing.assert_frame_equal(plain(scale.framing_counts(corpus).compute()),
                                  analysis.framing_rates(docs, by="doc_id"), check_like=False)
    pd.testing.assert_frame_equal(scale.shared_passages(corpus), analysis.shared_passages(docs, progress=False))
    got = scale.similarity_pairs(corpus, top_k=top_k)
    want = analysis.similarity_pairs(docs, top_k=top_k, progress=False)
    assert_same_pairs(got, want)


def assert_same_pairs(got: pd.DataFrame, want: pd.DataFrame):
    assert len(got) == len(want) > 0
    merged = want.merge(got, on=["doc_a", "doc_b", "outlet_a", "outlet_b"], how="outer", indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"].head()
    np.testing.assert_allclose(merged["cosine_x"], merged["cosine_y"], atol=COSINE_TOLERANCE)


@pytest.mark.parametrize("partition_files", [1, 2, 10])
def test_seeds_equal_pandas_whatever_the_partitions(client, seed_corpus, partition_files):
    corpus = scale.read_corpus(paths.RAW_DATA_DIR, partition_files=partition_files)
    assert corpus.documents.npartitions == -(-5 // partition_files)
    pd.testing.assert_frame_equal(corpus.report, seed_corpus.report)
    assert_same_analyses(corpus, seed_corpus.documents)


def test_generated_corpus_with_metadata_and_off_topic_vocabulary(client, tmp_path):
    folder = write_generated_corpus(tmp_path / "gen", n_outlets=12, per_outlet=2)
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    want = analysis.read_corpus(folder)
    corpus = scale.read_corpus(folder, partition_files=5)
    assert corpus.documents.npartitions == 5
    pd.testing.assert_frame_equal(corpus.report, want.report)
    assert_same_analyses(corpus, want.documents)


@pytest.mark.parametrize("keep, status, reason", [
    (False, "skipped", "duplicate: same text as a"),
    (True, "loaded", "duplicate of a, kept"),
])
def test_duplicates_across_partitions_are_found_by_the_shuffle(client, make_folder, keep, status, reason):
    folder = make_folder({"a.txt": "Men held\n\nDozens of men were detained.", "m.txt": "Other news\n\nRain fell.",
                          "z.txt": "Men held\n\nDozens  of men   were detained."})
    corpus = scale.read_corpus(folder, partition_files=1, keep_duplicates=keep)
    want = analysis.read_corpus(folder, keep_duplicates=keep)
    assert corpus.documents.npartitions == 3
    pd.testing.assert_frame_equal(corpus.report, want.report)
    row = corpus.report.set_index("doc_id").loc["z"]
    assert (row["status"], row["reason"]) == (status, reason)
    pd.testing.assert_frame_equal(plain(corpus.documents.compute()), want.documents)


def write_shards(folder, rows, per_shard, kind):
    folder.mkdir(parents=True, exist_ok=True)
    for s in range(0, len(rows), per_shard):
        part = pd.DataFrame(rows[s:s + per_shard])
        if kind == "parquet":
            part.to_parquet(folder / f"part-{s // per_shard:03d}.parquet")
        else:
            with gzip.open(folder / f"part-{s // per_shard:03d}.jsonl.gz", "wt", encoding="utf-8") as f:
                f.writelines(json.dumps(r) + "\n" for r in rows[s:s + per_shard])
    return folder


SHARD_ROWS = [{"doc_id": f"d{i}", "outlet": "Wire" if i % 2 else "Daily", "title": f"Story {i}",
               "text": f"Police said {i + 2} people were detained in the port. Crews worked all night {i}."}
              for i in range(7)]


@pytest.mark.parametrize("kind", ["jsonl", "parquet"])
def test_table_shards_are_partitions(client, tmp_path, kind):
    folder = write_shards(tmp_path / kind, SHARD_ROWS, 3, kind)
    corpus = scale.read_corpus(folder)
    want = analysis.read_corpus(pd.DataFrame(SHARD_ROWS)).documents
    assert corpus.documents.npartitions == 3
    got = plain(corpus.documents.compute())
    assert got["source"].str.startswith(str(folder)).all()
    pd.testing.assert_frame_equal(got.drop(columns="source"), want.drop(columns="source"))
    assert corpus.report["status"].tolist() == ["loaded"] * 7
    assert corpus.report["path"].iloc[3].endswith("part-001." + ("parquet" if kind == "parquet" else "jsonl.gz")
                                                  + "#row1")
    pd.testing.assert_frame_equal(plain(scale.extract_claims(corpus).compute()), analysis.extract_claims(want))


def test_the_same_id_in_two_shards_is_an_error_naming_both(client, tmp_path):
    rows = SHARD_ROWS[:3] + [dict(SHARD_ROWS[3], doc_id="d1")]
    folder = write_shards(tmp_path / "twice", rows, 2, "jsonl")
    with pytest.raises(CorpusError, match=r"part-001\.jsonl\.gz#row2: doc_id 'd1' is also the id of .*part-000"):
        scale.read_corpus(folder)


def test_strict_raises_for_an_input_set_aside(client, make_folder):
    folder = make_folder({"a.txt": "Men held\n\nDozens of men were detained.", "b.txt": "   \n"})
    with pytest.raises(CorpusError, match=r"b\.txt: only white space"):
        scale.read_corpus(folder, strict=True, partition_files=1)


def test_a_corpus_without_a_word_outside_the_stopwords_has_no_pairs_not_an_error(client, make_folder):
    folder = make_folder({"a.txt": "!!! ... ??? ,,,\n", "b.txt": "the and of\n\nit is a the\n"})
    corpus = scale.read_corpus(folder, partition_files=1)
    pairs = scale.similarity_pairs(corpus, top_k=3)
    assert pairs.empty and list(pairs.columns) == list(analysis.similarity_pairs(corpus.documents.compute()).columns)


def test_gazetteer_merged_in_order_is_the_gazetteer_of_all_texts():
    texts = ["Anna Petrova, a spokeswoman for the Red Cross, said.", "Anna Petrova of Amnesty said.",
             "Ivan Petrova, a doctor, said. The Kremlin denied it."]
    whole = Gazetteer.from_texts(texts)
    merged = Gazetteer.merged([Gazetteer.from_texts(texts[:1]), Gazetteer.from_texts(texts[1:])])
    assert merged == whole
    assert merged.people["Anna Petrova"] == whole.people["Anna Petrova"]


@pytest.fixture(scope="module")
def reuters_shards(tmp_path_factory):
    if not REUTERS.exists():
        pytest.skip(f"Reuters-21578 is not here ({REUTERS}); it lives in the shared folder beside the repository")
    with gzip.open(REUTERS, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(REUTERS_SAMPLE * 2), f)]
    rows = [{k: (str(r[k]) if r.get(k) is not None else "") for k in ("newid", "title", "datetime", "body")}
            for r in rows if (r.get("body") or "").strip()][:REUTERS_SAMPLE]
    return write_shards(tmp_path_factory.mktemp("reuters"), rows, 500, "jsonl"), pd.DataFrame(rows)


@pytest.mark.slow
def test_reuters_sample_equals_pandas(client, reuters_shards, monkeypatch):
    folder, frame = reuters_shards
    corpus = scale.read_corpus(folder, keep_duplicates=True, **REUTERS_COLUMNS)
    docs = analysis.read_corpus(frame, keep_duplicates=True, **REUTERS_COLUMNS).documents
    assert corpus.documents.npartitions == 4
    got = plain(corpus.documents.compute())
    assert len(got) == REUTERS_SAMPLE
    pd.testing.assert_frame_equal(got.drop(columns="source"), docs.drop(columns="source"))
    pd.testing.assert_frame_equal(plain(scale.extract_claims(corpus).compute()), analysis.extract_claims(docs))
    tc, want = scale.count_terms(corpus, by="doc_id"), pandas_count_terms(docs, by="doc_id")
    assert tc.groups == want.groups and list(tc.vocabulary) == list(want.vocabulary)
    assert (tc.counts != want.counts).nnz == 0 and (tc.doc_freq != want.doc_freq).nnz == 0
    assert docs["published"].nunique() > 1  # no outlets in the sample: keyness by day of publication (6 days)
    got = scale.keyness(corpus, by="published")
    assert len(got) > 100
    pd.testing.assert_frame_equal(got, keyness(docs, by="published"))
    passages = scale.shared_passages(corpus)
    assert len(passages) > 0
    pd.testing.assert_frame_equal(passages, analysis.shared_passages(docs, progress=False))
    want = analysis.similarity_pairs(docs, top_k=10, progress=False)
    assert_same_pairs(scale.similarity_pairs(corpus, top_k=10), want)
    monkeypatch.setattr(scale, "COLUMN_BLOCK_DOCS", 700)  # 3 column blocks: the same neighbours but for ties
    got = scale.similarity_pairs(corpus, top_k=10)
    assert len(got) == len(want)
    np.testing.assert_allclose(got["cosine"], want["cosine"], atol=COSINE_TOLERANCE)  # rank by rank
    same = want.merge(got, on=["doc_a", "doc_b"])
    assert len(same) >= 0.999 * len(want)  # the rest: a tie for the 10th place fell to the other document


@pytest.mark.slow
def test_reuters_sample_search_without_common_terms_lists_exact_cosines(client, reuters_shards, monkeypatch):
    folder, frame = reuters_shards
    monkeypatch.setattr(scale, "COLUMN_BLOCK_DOCS", 700)  # 3 column blocks
    corpus = scale.read_corpus(folder, keep_duplicates=True, **REUTERS_COLUMNS)
    docs = analysis.read_corpus(frame, keep_duplicates=True, **REUTERS_COLUMNS).documents
    quick = scale.similarity_pairs(corpus, top_k=10, max_doc_share=0.05)
    matrix, _ = tfidf_matrix(docs, progress=False)
    row = {d: i for i, d in enumerate(docs["doc_id"])}
    a, b = quick["doc_a"].map(row).to_numpy(), quick["doc_b"].map(row).to_numpy()
    exact = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    np.testing.assert_allclose(quick["cosine"], exact, atol=COSINE_TOLERANCE)
    assert (a < b).all() and len(quick) > 5 * REUTERS_SAMPLE


# ------------------------------------------------------------ common terms left out of the search

COMMON_WORD_FILES = {"a.txt": "Police harbour", "b.txt": "Police tunnel", "c.txt": "Police flood river",
                     "d.txt": "Police flood bridge"}


@pytest.mark.parametrize("column_block", [scale.COLUMN_BLOCK_DOCS, 1, 3])
def test_a_neighbour_sharing_only_a_common_term_is_missed_and_the_rest_is_exact(client, make_folder, monkeypatch,
                                                                              column_block):
    monkeypatch.setattr(scale, "COLUMN_BLOCK_DOCS", column_block)
    folder = make_folder(COMMON_WORD_FILES)
    corpus = scale.read_corpus(folder, partition_files=2)
    exact = scale.similarity_pairs(corpus, top_k=1)
    assert ("a", "b") in set(zip(exact["doc_a"], exact["doc_b"]))  # they share "police" and nothing else
    quick = scale.similarity_pairs(corpus, top_k=1, max_doc_share=0.5)  # "police" is in all 4, "flood" in 2
    assert quick[["doc_a", "doc_b"]].values.tolist() == [["c", "d"]]
    want = similarity_matrix(analysis.read_corpus(folder).documents).loc["c", "d"]
    assert quick["cosine"].iloc[0] == pytest.approx(want, abs=COSINE_TOLERANCE)


@pytest.mark.parametrize("share", [None, 1.0])
@pytest.mark.parametrize("column_block", [scale.COLUMN_BLOCK_DOCS, 2, 1])
def test_no_term_left_out_is_the_exact_search(client, seed_corpus, monkeypatch, column_block, share):
    """The exact search runs column block by column block too: whatever the blocks, the pandas pairs."""
    monkeypatch.setattr(scale, "COLUMN_BLOCK_DOCS", column_block)
    corpus = scale.read_corpus(paths.RAW_DATA_DIR, partition_files=2)
    want = analysis.similarity_pairs(seed_corpus.documents, top_k=3, progress=False)
    assert_same_pairs(scale.similarity_pairs(corpus, top_k=3, max_doc_share=share), want)


@pytest.mark.parametrize("share", [0.0, -0.1, 1.5])
def test_max_doc_share_is_a_share(client, make_folder, share):
    corpus = scale.read_corpus(make_folder(COMMON_WORD_FILES))
    with pytest.raises(ValueError, match="max_doc_share is a share of the documents"):
        scale.similarity_pairs(corpus, top_k=1, max_doc_share=share)


# ------------------------------------------------------------------- one table split into row ranges

TABLE_ROWS = [{"doc_id": f"d{i}", "outlet": "Wire" if i % 2 else "Daily", "title": f"Story {i}",
               "text": f"Police said {i + 2} people were detained in the port. Crews worked all night {i}."}
              for i in range(8)]
TABLE_ROWS[4]["doc_id"] = ""  # a blank id: the loader names it by its row number
TABLE_ROWS[6]["text"] = "   "  # set aside in the report, in the third row range


@pytest.mark.parametrize("kind, with_ids", [("jsonl", True), ("jsonl", False), ("parquet", True)])
def test_one_table_is_split_into_row_ranges_numbered_as_the_loader(client, tmp_path, kind, with_ids):
    rows = TABLE_ROWS if with_ids else [{k: v for k, v in r.items() if k != "doc_id"} for r in TABLE_ROWS]
    suffix = "parquet" if kind == "parquet" else "jsonl.gz"
    path = write_shards(tmp_path / kind, rows, len(rows), kind) / f"part-000.{suffix}"
    corpus = scale.read_corpus(path, partition_rows=3)
    want = analysis.read_corpus(path)
    assert corpus.documents.npartitions == 3
    pd.testing.assert_frame_equal(corpus.report, want.report)
    assert corpus.report["path"].iloc[6].endswith("#row7") and corpus.report["status"].iloc[6] == "skipped"
    pd.testing.assert_frame_equal(plain(corpus.documents.compute()), want.documents)
    pd.testing.assert_frame_equal(plain(scale.extract_claims(corpus).compute()),
                                  analysis.extract_claims(want.documents))


def test_an_id_twice_in_one_row_range_is_named_by_its_rows_in_the_table(client, tmp_path):
    rows = TABLE_ROWS[:4] + [dict(TABLE_ROWS[5], doc_id="d3")]
    path = write_shards(tmp_path / "twice", rows, len(rows), "jsonl") / "part-000.jsonl.gz"
    with pytest.raises(CorpusError, match=r"doc_id 'd3' appears twice \(.*#row4 and .*#row5\)"):
        scale.read_corpus(path, partition_rows=3)
