"""Which articles are alike: TF-IDF vectors and their cosine similarity.

Each document's headline and body (or the segments named by ``include``) are
tokenized with the package tokenizer (:func:`analysis.text.tokenize`, with
:data:`analysis.text.STOPWORDS` removed) and weighted by TF-IDF with sublinear
term frequency (scikit-learn). Two documents' cosine is 1 when they use the same
words in the same proportions and 0 when they share none.

A dense N x N matrix is only built while N is at most :data:`DENSE_LIMIT`.
For larger corpora :func:`similarity_pairs` keeps each document's ``top_k``
neighbours above ``min_cosine``, computed with sparse products in blocks of
rows (sparse_dot_topn), so memory is bounded by the block, never by N².

Outlets are never invented: a document with a blank outlet is labelled
``(unknown: <doc_id>)`` (see :mod:`analysis.labels`).

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", ""],
...                      "text": ["Gay men detained in camps", "Men detained in camps",
...                               "Football results"]})
>>> similarity_pairs(docs)[["doc_a", "doc_b"]].values.tolist()
[['a', 'b']]
"""

from __future__ import annotations


import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize
from sparse_dot_topn import sp_matmul_topn

from .copies import keep_one_per_group
from .labels import article_label, outlet_labels
from .loading import as_documents, select_text
from .parallel import count_ranges, progress_bar, resolve_jobs, without_huge_pages
from .segmenting import ANALYSED
from .text import STOPWORDS, tokenize

__all__ = [
    "BLOCK_ROWS",
    "block_top_k",
    "DENSE_LIMIT",
    "PAIR_COLUMNS",
    "nearest_neighbours",
    "outlet_similarity",
    "similarity_map",
    "similarity_matrix",
    "similarity_pairs",
    "tfidf_matrix",
]

#: Largest corpus for which a dense N x N similarity matrix is built.
DENSE_LIMIT = 3000
#: Rows of the TF-IDF matrix multiplied at a time on the sparse path.
BLOCK_ROWS = 4096
#: Threads of one neighbour search at most: sparse products stop gaining from more on one machine's memory bus.
MAX_THREADS = 8
#: Columns of the pairs table.
PAIR_COLUMNS = ["doc_a", "doc_b", "outlet_a", "outlet_b", "cosine"]


def _words(text: str) -> list[str]:
    return tokenize(text, stopwords=STOPWORDS)


def _words_chunk(texts, start: int, stop: int) -> list[tuple[list[str], None]]:
    return [(_words(texts[i]), None) for i in range(start, stop)]


def _texts(docs: pd.DataFrame, include) -> list[str]:
    """The analysed text of each document (a plain table's text is one body segment, see
    :func:`analysis.loading.as_documents`)."""
    return select_text(as_documents(docs), include=include).tolist()


@without_huge_pages()
def tfidf_matrix(docs: pd.DataFrame, *, include=ANALYSED, progress: bool | None = None,
                 n_jobs: int | None = None):
    """TF-IDF vectors of the documents, one L2-normalised row per document.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus` (or any table with ``doc_id``
        and ``text``).
    include : tuple of str or "all", default ("headline", "body")
        Segment labels whose text is analysed.
    progress : bool, optional
        Show a progress bar while tokenizing; by default only on a terminal.
    n_jobs : int, optional
        Processes that tokenize and count; default every core (a small corpus
        is counted in this process). The matrix is the same for any ``n_jobs``.

    Returns
    -------
    (scipy.sparse.csr_matrix, list of str)
        The matrix (documents x terms, float64) and the terms of its columns.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Men detained", "Men freed"]})
    >>> matrix, terms = tfidf_matrix(docs)
    >>> terms, matrix.shape
    (['detained', 'freed', 'men'], (2, 3))
    """
    texts = _texts(docs, include)
    counts, terms, _ = count_ranges(_words_chunk, len(texts), context=texts, n_jobs=n_jobs, progress=progress,
                                    desc="tf-idf")
    if not len(terms):  # no document has a single word
        return sparse.csr_matrix((len(texts), 0)), []
    doc_freq = np.bincount(counts.indices, minlength=len(terms))
    return tfidf_rows(counts, idf_weights(doc_freq, len(texts))), terms.tolist()


def idf_weights(doc_freq, n_docs: int) -> np.ndarray:
    """scikit-learn's smoothed IDF, ``ln((1 + n) / (1 + df)) + 1``, in its order of operations.

    >>> idf_weights(np.array([1, 2]), 2).round(4).tolist()
    [1.4055, 1.0]
    """
    idf = np.full(len(doc_freq), 1.0 + n_docs)
    idf /= np.asarray(doc_freq, dtype=np.float64) + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def tfidf_rows(counts, idf: np.ndarray):
    """TF-IDF rows from term counts: ``(1 + ln tf) * idf``, each row L2-normalised.

    What ``TfidfVectorizer(sublinear_tf=True)`` computes, to the same floats when ``counts`` keeps
    CountVectorizer's layout (see :func:`analysis.parallel.count_ranges`): every sum runs along a
    row in the order of its entries. :mod:`analysis.scale` weights each partition with it.

    >>> rows = tfidf_rows(sparse.csr_matrix([[1, 0], [3, 1]]), np.array([1.0, 2.0]))
    >>> rows.toarray().round(3).tolist()
    [[1.0, 0.0], [0.724, 0.69]]
    """
    matrix = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    np.log(matrix.data, out=matrix.data)
    matrix.data += 1.0
    matrix.data *= idf[matrix.indices]
    return normalize(matrix, norm="l2", copy=False).tocsr()


def similarity_matrix(docs: pd.DataFrame, *, include=ANALYSED) -> pd.DataFrame:
    """Cosine similarity of every pair of documents, labelled by ``doc_id``.

    Only for corpora of at most :data:`DENSE_LIMIT` documents; use
    :func:`similarity_pairs` with ``top_k`` beyond.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Men detained", "Men detained"]})
    >>> similarity_matrix(docs).round(3).values.tolist()
    [[1.0, 1.0], [1.0, 1.0]]
    """
    _check_dense(len(docs))
    matrix, _ = tfidf_matrix(docs, include=include, progress=False)
    dense = (matrix @ matrix.T).toarray()
    ids = docs["doc_id"].tolist()
    return pd.DataFrame(dense, index=pd.Index(ids, name="doc_id"), columns=pd.Index(ids, name="doc_id"))


@without_huge_pages()
def similarity_pairs(
    docs: pd.DataFrame,
    *,
    top_k: int | None = None,
    min_cosine: float = 0.0,
    include=ANALYSED,
    block_rows: int = BLOCK_ROWS,
    progress: bool | None = None,
    one_per_group=False,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Pairs of documents and their cosine similarity, most similar first.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    top_k : int, optional
        Keep, for each document, its ``top_k`` most similar documents (a pair
        is listed once, if either document is among the other's ``top_k``).
        By default every pair is kept, which needs a corpus of at most
        :data:`DENSE_LIMIT` documents.
    min_cosine : float, default 0.0
        Keep pairs whose cosine is above this (documents sharing no word are
        never listed).
    include : tuple of str or "all", default ("headline", "body")
        Segment labels whose text is analysed.
    block_rows : int, default :data:`BLOCK_ROWS`
        Rows multiplied at a time when ``top_k`` is given; memory grows with it.
    progress : bool, optional
        Show a progress bar; by default only on a terminal.
    one_per_group : bool or pandas.DataFrame, default False
        Compare one article per copy group (see :func:`analysis.copies.keep_one_per_group`;
        a table from :func:`analysis.copies.copy_groups` avoids aligning again).
    n_jobs : int, optional
        Processes that tokenize (see :func:`tfidf_matrix`); the neighbour search
        uses as many threads. The pairs are the same for any ``n_jobs``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PAIR_COLUMNS`: ``doc_a`` comes before ``doc_b`` in
        ``docs``; ``outlet_a``/``outlet_b`` are the outlets as labelled by
        :func:`analysis.labels.outlet_labels` (``(unknown: <doc_id>)`` when blank); sorted by ``cosine`` descending, ties in corpus order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
    ...                      "text": ["men detained", "men detained freed", "men freed"]})
    >>> similarity_pairs(docs, top_k=1)[["doc_a", "doc_b"]].values.tolist()
    [['a', 'b'], ['b', 'c']]
    """
    docs = keep_one_per_group(docs, one_per_group, include=include)
    n = len(docs)
    if top_k is None:
        _check_dense(n, hint="pass top_k= to keep each document's nearest neighbours")
    matrix, _ = tfidf_matrix(docs, include=include, progress=progress, n_jobs=n_jobs)
    if top_k is None:
        rows, cols, values = _all_pairs(matrix, min_cosine)
    else:
        rows, cols, values = _top_pairs(matrix, top_k=top_k, min_cosine=min_cosine, block_rows=block_rows,
                                        progress=progress, n_threads=resolve_jobs(n_jobs))
    return _pairs_table(docs, rows, cols, values)


def _all_pairs(matrix, min_cosine: float):
    dense = (matrix @ matrix.T).toarray()
    rows, cols = np.triu_indices(dense.shape[0], k=1)
    values = dense[rows, cols]
    keep = values > min_cosine
    return rows[keep], cols[keep], values[keep]


def _top_pairs(matrix, *, top_k: int, min_cosine: float, block_rows: int, progress, n_threads: int):
    """Each row's ``top_k`` other rows by cosine, from sparse products in row blocks."""
    n = matrix.shape[0]
    transposed = matrix.T.tocsr()
    threads = min(n_threads, MAX_THREADS)
    found = []
    starts = range(0, n, block_rows)
    for start in progress_bar(starts, desc="neighbours", unit="block", progress=progress):
        found.append(block_top_k(matrix[start:start + block_rows], transposed, start, top_k, min_cosine,
                                 n_threads=threads))
    table = pd.concat(found, ignore_index=True) if found else pd.DataFrame(columns=["row", "col", "cosine"])
    rows = np.minimum(table["row"].to_numpy(), table["col"].to_numpy())
    cols = np.maximum(table["row"].to_numpy(), table["col"].to_numpy())
    unique = pd.DataFrame({"row": rows, "col": cols, "cosine": table["cosine"].to_numpy()})
    unique = unique.sort_values("cosine", ascending=False, kind="stable").drop_duplicates(["row", "col"])
    return unique["row"].to_numpy(), unique["col"].to_numpy(), unique["cosine"].to_numpy()


def _pairs_table(docs: pd.DataFrame, rows, cols, values) -> pd.DataFrame:
    ids = docs["doc_id"].to_numpy(dtype=object)
    outlets = outlet_labels(docs).to_numpy(dtype=object)
    rows, cols = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    order = np.lexsort((cols, rows, -np.asarray(values, dtype=np.float64)))
    rows, cols, values = rows[order], cols[order], np.asarray(values, dtype=np.float64)[order]
    return pd.DataFrame({"doc_a": pd.Series(ids[rows], dtype=object),
                         "doc_b": pd.Series(ids[cols], dtype=object),
                         "outlet_a": pd.Series(outlets[rows], dtype=object),
                         "outlet_b": pd.Series(outlets[cols], dtype=object),
                         "cosine": values}, columns=PAIR_COLUMNS)


def nearest_neighbours(pairs: pd.DataFrame, *, k: int = 3) -> pd.DataFrame:
    """Each document's ``k`` most similar documents, from a pairs table.

    Parameters
    ----------
    pairs : pandas.DataFrame
        The output of :func:`similarity_pairs` (with ``top_k >= k`` for an
        exact answer on a large corpus).
    k : int, default 3
        Neighbours per document.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, outlet, rank, neighbour, neighbour_outlet, cosine``;
        rank 1 is the most similar.

    Examples
    --------
    >>> pairs = pd.DataFrame({"doc_a": ["a", "a"], "doc_b": ["b", "c"], "outlet_a": ["X", "X"],
    ...                       "outlet_b": ["Y", ""], "cosine": [0.9, 0.2]})
    >>> nearest_neighbours(pairs, k=1)[["doc_id", "neighbour"]].values.tolist()
    [['a', 'b'], ['b', 'a'], ['c', 'a']]
    """
    forward = pairs.rename(columns={"doc_a": "doc_id", "doc_b": "neighbour",
                                    "outlet_a": "outlet", "outlet_b": "neighbour_outlet"})
    backward = pairs.rename(columns={"doc_b": "doc_id", "doc_a": "neighbour",
                                     "outlet_b": "outlet", "outlet_a": "neighbour_outlet"})
    both = pd.concat([forward, backward], ignore_index=True)
    both = both.sort_values(["doc_id", "cosine", "neighbour"], ascending=[True, False, True], kind="stable")
    top = both.groupby("doc_id", sort=False).head(k).copy()
    top["rank"] = top.groupby("doc_id").cumcount() + 1
    columns = ["doc_id", "outlet", "rank", "neighbour", "neighbour_outlet", "cosine"]
    return top[columns].reset_index(drop=True)


def outlet_similarity(docs: pd.DataFrame, *, include=ANALYSED, one_per_group=False) -> pd.DataFrame:
    """Mean cosine between the documents of each pair of outlets.

    Exact for any corpus size: the mean of the cosines between the documents
    of outlets A and B is the dot product of their summed TF-IDF vectors over
    ``|A| * |B|``. Within one outlet, a document is not paired with itself, so an
    outlet with one document has no within-outlet mean (NaN). Documents with a
    blank outlet are each their own group, ``(unknown: <doc_id>)``.
    ``one_per_group`` as in :func:`similarity_pairs`.

    Returns
    -------
    pandas.DataFrame
        Columns ``outlet_a, outlet_b, mean_cosine, n_pairs``, one row per
        ordered pair of labels (the table is symmetric), labels in corpus order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
    ...                      "text": ["men detained", "men detained", "men freed"]})
    >>> print(outlet_similarity(docs).round(2).to_string(index=False))
    outlet_a outlet_b  mean_cosine  n_pairs
           X        X         1.00        1
           X        Y         0.31        2
           Y        X         0.31        2
           Y        Y          NaN        0
    """
    docs = keep_one_per_group(docs, one_per_group, include=include)
    labels = outlet_labels(docs)
    names = list(dict.fromkeys(labels))
    matrix, _ = tfidf_matrix(docs, include=include, progress=False)
    groups = sparse.csr_matrix((np.ones(len(docs)), (labels.map({n: i for i, n in enumerate(names)}),
                                                     np.arange(len(docs)))), shape=(len(names), len(docs)))
    sums = groups @ matrix
    dots = (sums @ sums.T).toarray()
    self_dots = np.asarray(groups @ np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    sizes = np.asarray(groups.sum(axis=1)).ravel()
    n_pairs = np.outer(sizes, sizes)
    np.fill_diagonal(n_pairs, sizes * (sizes - 1))
    np.fill_diagonal(dots, np.diag(dots) - self_dots)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(n_pairs > 0, dots / n_pairs, np.nan)
    a, b = np.meshgrid(np.arange(len(names)), np.arange(len(names)), indexing="ij")
    diagonal = a.ravel() == b.ravel()
    return pd.DataFrame({
        "outlet_a": pd.Series(np.array(names, dtype=object)[a.ravel()], dtype=object),
        "outlet_b": pd.Series(np.array(names, dtype=object)[b.ravel()], dtype=object),
        "mean_cosine": means.ravel(),
        "n_pairs": np.where(diagonal, n_pairs.ravel() // 2, n_pairs.ravel()).astype("int64"),
    })


def similarity_map(docs: pd.DataFrame, *, include=ANALYSED, random_state: int = 0) -> pd.DataFrame:
    """Two-dimensional coordinates of the documents (TruncatedSVD of TF-IDF).

    Documents near each other use similar words. The axes have no unit; only
    distances matter.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, outlet, label, x, y``: ``outlet`` from
        :func:`analysis.labels.outlet_labels`, ``label`` from
        :func:`analysis.labels.article_label`. An empty corpus gives an empty table.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", ""],
    ...                      "text": ["men detained", "men freed", "football results"]})
    >>> similarity_map(docs).columns.tolist()
    ['doc_id', 'outlet', 'label', 'x', 'y']
    """
    matrix, _ = tfidf_matrix(docs, include=include, progress=False)
    outlets = docs["outlet"] if "outlet" in docs.columns else [""] * len(docs)
    coordinates = np.zeros((len(docs), 2))
    components = min(2, matrix.shape[1] - 1, len(docs) - 1)
    if components >= 1:
        svd = TruncatedSVD(n_components=components, random_state=random_state)
        coordinates[:, :components] = svd.fit_transform(matrix)
    return pd.DataFrame({
        "doc_id": docs["doc_id"].astype(object).to_numpy(),
        "outlet": outlet_labels(docs).to_numpy(dtype=object),
        "label": pd.Series([article_label(d, o) for d, o in zip(docs["doc_id"], outlets)], dtype=object),
        "x": coordinates[:, 0],
        "y": coordinates[:, 1],
    })


def _check_dense(n: int, *, hint: str = "use similarity_pairs(docs, top_k=...)") -> None:
    if n > DENSE_LIMIT:
        raise ValueError(f"{n} documents: a dense {n} x {n} matrix is only built up to "
                         f"{DENSE_LIMIT} documents; {hint}")


def block_top_k(block, transposed, start: int, top_k: int, min_cosine: float, *, n_threads: int = 1) -> pd.DataFrame:
    """Each row's ``top_k`` other rows for one block of rows (``row`` counted from ``start``), best first.

    The one top-k selection, used here block by block and by :mod:`analysis.scale` on its workers.
    """
    found = sp_matmul_topn(block, transposed, top_n=top_k + 1, threshold=min_cosine, sort=True,
                           n_threads=n_threads).tocoo()
    table = pd.DataFrame({"row": found.row.astype(np.int64) + start, "col": found.col.astype(np.int64),
                          "cosine": found.data})
    table = table[table["row"] != table["col"]]
    table = table.sort_values(["row", "cosine", "col"], ascending=[True, False, True], kind="stable")
    return table.groupby("row", sort=False).head(top_k)
