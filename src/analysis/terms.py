"""Which words does each outlet use? Term frequency tables.

Only the ``headline`` and ``body`` segments are counted unless ``include=`` says
otherwise (a tuple of segment labels, or ``"all"``). A *term* is a lowercased
token (see :func:`analysis.text.tokenize`) with a possessive ``'s`` dropped
("Chechnya’s" counts as ``chechnya``); stopwords are left out. An n-gram is
``n`` consecutive tokens with nothing but spaces between them (no punctuation,
no line break) that neither starts nor ends with a stopword ("republic of
chechnya" counts, "of the" does not).

Documents are grouped by a metadata column (``by="outlet"`` by default). A
document whose value is blank is its own group, labelled ``(unknown: <doc_id>)``:
an outlet name is never guessed, and two unknown outlets are never merged.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Post", ""],
...     "raw_text": ["Gay men detained. Men freed.", "Men were detained"],
...     "spans": [(("body", 0, 28),), (("body", 0, 17),)]})
>>> freqs = term_frequencies(docs)
>>> freqs[["outlet", "term", "count"]].values.tolist()[:2]
[['Post', 'men', 2], ['Post', 'detained', 1]]
>>> freqs["outlet"].unique().tolist()
['Post', '(unknown: b)']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy import sparse

from .copies import keep_one_per_group
from .labels import source_label
from .loading import as_documents, segments
from .parallel import count_ranges, without_huge_pages
from .segmenting import ANALYSED, include_labels
from .text import STOPWORDS, strip_possessive, token_runs, token_spans
from .text import stem as stem_word

__all__ = [
    "TermCounts",
    "count_terms",
    "count_words",
    "document_terms",
    "group_labels",
    "largest_groups",
    "term_frequencies",
    "top_terms",
]


# ------------------------------------------------------------------ inputs


def group_labels(docs: pd.DataFrame, by="outlet") -> pd.Series:
    """The group of each document: a metadata value, or ``(unknown: <doc_id>)``.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    by : str or sequence
        A column of ``docs`` (``"outlet"``, ``"published"``, ``"doc_id"`` ...)
        or one label per document.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Post", "", " "]})
    >>> group_labels(docs).tolist()
    ['Post', '(unknown: b)', '(unknown: c)']
    """
    if isinstance(by, str) and by not in docs.columns:
        raise ValueError(f"no column {by!r} to group by; columns are {list(docs.columns)}")
    values = docs[by] if isinstance(by, str) else pd.Series(list(by), index=docs.index)
    if len(values) != len(docs):
        raise ValueError(f"by has {len(values)} labels for {len(docs)} documents")
    labels = [source_label(doc_id, value) for value, doc_id in zip(values, docs["doc_id"])]
    return pd.Series(labels, index=docs.index, name=by if isinstance(by, str) else "group", dtype=object)


def count_words(docs: pd.DataFrame, *, include=ANALYSED) -> pd.Series:
    """Running words (every token, stopwords included) in each document's analysed text.

    The denominator of every rate in this package; indexed like ``docs``.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "raw_text": ["Head\\nBody, of it."],
    ...     "spans": [(("headline", 0, 5), ("body", 5, 18))]})
    >>> count_words(docs).tolist(), count_words(docs, include=("body",)).tolist()
    ([4], [3])
    """
    words = dict.fromkeys(docs["doc_id"], 0)
    segs = segments(docs, labels=include)
    for doc_id, text in zip(segs["doc_id"], segs["text"]):
        words[doc_id] += len(token_spans(text))
    return pd.Series([words[d] for d in docs["doc_id"]], index=docs.index, name="n_words", dtype="int64")


# ------------------------------------------------------------------- terms


def document_terms(
    text: str,
    *,
    ngram: int = 1,
    stopwords: Iterable[str] | None = STOPWORDS,
    stem: bool = False,
) -> list[str]:
    """The terms of one text, in order.

    Parameters
    ----------
    text : str
        Any text.
    ngram : int, default 1
        1 for single words, 2 for two-word terms, 3 for three.
    stopwords : iterable of str or None
        Words that are not terms on their own and cannot start or end an n-gram.
    stem : bool, default False
        Reduce each word with the Snowball English stemmer.

    Examples
    --------
    >>> document_terms("The Republic of Chechnya’s camps. Camps exist.", ngram=2)
    ['chechnya camps', 'camps exist']
    >>> document_terms("“Around 30 or 40,” she added.", ngram=3)
    ['30 or 40']
    >>> document_terms("The Republic of Chechnya’s camps.", ngram=3)
    ['republic of chechnya']
    """
    return _terms_of_runs(token_runs(text), ngram, frozenset(stopwords or ()), stem)


def _terms_of_runs(runs, ngram: int, stop: frozenset, stem: bool, seen: dict | None = None) -> list[str]:
    """The terms of runs of tokens; ``seen`` keeps each token's ``(word, kept)`` across calls (kept: no stopword)."""
    seen = {} if seen is None else seen
    terms: list[str] = []
    for tokens in runs:
        read = []
        for t in tokens:
            if t not in seen:
                w = strip_possessive(t)
                kept = t not in stop and w not in stop
                seen[t] = (stem_word(w) if stem and kept else w, kept)
            read.append(seen[t])
        if ngram == 1:
            terms.extend(w for w, kept in read if kept)
            continue
        words = [w for w, _ in read]
        terms.extend(
            " ".join(words[i:i + ngram])
            for i in range(len(words) - ngram + 1)
            if read[i][1] and read[i + ngram - 1][1]
        )
    return terms


def _terms_chunk(context, start: int, stop: int) -> list[tuple[list[str], int]]:
    """The terms and the running words of documents ``start:stop``, segment by segment (run in a worker)."""
    raws, all_spans, keep, ngram, stopwords, stem = context
    out = []
    seen: dict = {}
    for raw, spans in zip(raws[start:stop], all_spans[start:stop]):
        terms: list[str] = []
        n_words = 0
        for label, a, b in spans:
            if label in keep:
                runs = token_runs(raw[a:b])
                terms.extend(_terms_of_runs(runs, ngram, stopwords, stem, seen))
                n_words += sum(map(len, runs))
        out.append((terms, n_words))
    return out


class TermCounts(NamedTuple):
    """What :func:`count_terms` returns: sparse counts with their labels."""

    #: Groups x terms, sparse.
    counts: sparse.csr_matrix
    #: Groups x terms: documents of the group that use the term.
    doc_freq: sparse.csr_matrix
    #: The term of each column, sorted.
    vocabulary: np.ndarray
    #: The label of each row (see :func:`group_labels`), in order of first appearance.
    groups: list
    #: Documents in each group.
    n_docs: np.ndarray
    #: Running words (every token, stopwords included) in each group's analysed text.
    n_words: np.ndarray
    #: Name of the grouping (``"outlet"``, ``"doc_id"`` ...).
    name: str


@without_huge_pages()
def count_terms(
    docs: pd.DataFrame,
    *,
    by="doc_id",
    ngram: int = 1,
    include=ANALYSED,
    stopwords: Iterable[str] | None = STOPWORDS,
    stem: bool = False,
    one_per_group=False,
    n_jobs: int | None = None,
    progress: bool | None = None,
) -> TermCounts:
    """Count the terms of every document, summed by group, as sparse matrices.

    The vectorised core of :func:`term_frequencies` and
    :func:`analysis.keyness.keyness`; parameters as there (``one_per_group``,
    ``n_jobs`` and ``progress`` as in :func:`term_frequencies`).

    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "X"],
    ...     "raw_text": ["Men held", "men freed"], "spans": [(("body", 0, 8),), (("body", 0, 9),)]})
    >>> tc = count_terms(docs, by="outlet")
    >>> tc.groups, list(tc.vocabulary), tc.counts.toarray().tolist(), tc.n_words.tolist()
    (['X'], ['freed', 'held', 'men'], [[1, 1, 2]], [4])
    """
    if ngram not in (1, 2, 3):
        raise ValueError(f"ngram must be 1, 2 or 3, not {ngram!r}")
    docs = keep_one_per_group(as_documents(docs), one_per_group, include=include)
    stop = frozenset(stopwords or ())
    keep = set(include_labels(include))
    context = (docs["raw_text"].tolist(), docs["spans"].tolist(), keep, ngram, stop, stem)
    per_item, vocabulary, n_words = count_ranges(_terms_chunk, len(docs), context=context, n_jobs=n_jobs,
                                                 progress=progress, desc="terms")
    # a doc_id given twice counts as one document made of both (as it always has)
    ids, id_codes = np.unique(docs["doc_id"].to_numpy(dtype=object), return_inverse=True)
    if len(ids) < len(docs):
        by_id = sparse.csr_matrix((np.ones(len(docs), dtype=np.int64), (id_codes, np.arange(len(docs)))),
                                  shape=(len(ids), len(docs)))
        per_doc = (by_id @ per_item)[id_codes].tocsr()
        n_words = (by_id @ np.array(n_words, dtype=np.int64))[id_codes].tolist()
    else:
        per_doc = per_item
    vocabulary = vocabulary.astype(object)
    labels = group_labels(docs, by)
    codes, groups = pd.factorize(labels, sort=False)
    indicator = sparse.csr_matrix(
        (np.ones(len(codes), dtype=np.int64), (codes, np.arange(len(codes)))), shape=(len(groups), len(codes))
    )
    return TermCounts(
        counts=(indicator @ per_doc).tocsr(),
        doc_freq=(indicator @ (per_doc > 0).astype(np.int64)).tocsr(),
        vocabulary=vocabulary,
        groups=list(groups),
        n_docs=np.asarray(indicator.sum(axis=1)).ravel().astype(np.int64),
        n_words=indicator @ np.array(n_words, dtype=np.int64),
        name=str(labels.name),
    )


@without_huge_pages()
def term_frequencies(
    docs: pd.DataFrame,
    *,
    by="outlet",
    ngram: int = 1,
    include=ANALYSED,
    stopwords: Iterable[str] | None = STOPWORDS,
    stem: bool = False,
    min_count: int = 1,
    one_per_group=False,
    n_jobs: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """How often each group of documents uses each term.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    by : str or sequence, default "outlet"
        Group by this column (``"doc_id"`` gives one group per document) or by
        one label per document; see :func:`group_labels`.
    ngram : {1, 2, 3}
        Single words, or two- or three-word terms.
    include : tuple of str or "all"
        Segment labels to count (default headline and body).
    stopwords : iterable of str or None
        Default :data:`analysis.text.STOPWORDS`; ``None`` keeps every word.
    stem : bool
        Count Snowball stems instead of words.
    min_count : int
        Leave out rows with a smaller count.
    one_per_group : bool or pandas.DataFrame, default False
        Count one article per copy group (see :func:`analysis.copies.keep_one_per_group`;
        a table from :func:`analysis.copies.copy_groups` avoids aligning again).
    n_jobs : int, optional
        Processes that count the documents' terms; default every core (a
        small corpus is counted in this process). The result is the same for
        any ``n_jobs``.
    progress : bool, optional
        Show a progress bar; by default only on a terminal.

    Returns
    -------
    pandas.DataFrame
        One row per group and term it uses, most frequent first: ``<by>``
        (the group label), ``term``, ``count``, ``per_10k`` (count per 10,000
        running words of the group), ``doc_freq`` (documents of the group that
        use the term), ``n_docs`` and ``n_words`` (documents and running
        words in the group, stopwords included).
    """
    tc = count_terms(docs, by=by, ngram=ngram, include=include, stopwords=stopwords, stem=stem,
                     one_per_group=one_per_group, n_jobs=n_jobs, progress=progress)
    return frequency_table(tc, min_count=min_count)


def frequency_table(tc: TermCounts, *, min_count: int = 1) -> pd.DataFrame:
    """The table of :func:`term_frequencies` from counts already made (:func:`count_terms`).

    Counts summed over parts of a corpus (:mod:`analysis.scale`) give the same table.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "raw_text": ["men held men"],
    ...                      "spans": [(("body", 0, 12),)]})
    >>> frequency_table(count_terms(docs, by="outlet"))[["term", "count"]].values.tolist()
    [['men', 2], ['held', 1]]
    """
    counts_csr, docs_csr = tc.counts.copy(), tc.doc_freq.copy()
    for matrix in (counts_csr, docs_csr):  # same non-zero cells, in the same order
        matrix.sum_duplicates()
        matrix.eliminate_zeros()
    coo = counts_csr.tocoo()
    keep = coo.data >= min_count
    rows, cols, counts = coo.row[keep], coo.col[keep], coo.data[keep]
    doc_freq = docs_csr.tocoo().data[keep]
    # most frequent first within each group, ties by term: the vocabulary's alphabetical ranks stand in
    # for its strings (each term once), which sort far faster and in the same order
    rank = np.empty(len(tc.vocabulary), dtype=np.int64)
    rank[np.argsort(tc.vocabulary, kind="stable")] = np.arange(len(tc.vocabulary))
    order = np.lexsort((rank[cols], -counts, rows))
    rows, cols, counts, doc_freq = rows[order], cols[order], counts[order], doc_freq[order]
    return pd.DataFrame({
        tc.name: pd.Series(np.array(tc.groups, dtype=object)[rows], dtype=object),
        "term": pd.Series(tc.vocabulary[cols], dtype=object),
        "count": counts.astype(np.int64),
        "per_10k": counts / np.maximum(tc.n_words[rows], 1) * 10_000,
        "doc_freq": doc_freq.astype(np.int64),
        "n_docs": tc.n_docs[rows],
        "n_words": tc.n_words[rows].astype(np.int64),
    })


def top_terms(freqs: pd.DataFrame, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent terms of each group of a :func:`term_frequencies` table.

    Ties are broken alphabetically; the group column is the first column.

    >>> freqs = pd.DataFrame({"outlet": ["A", "A", "B"], "term": ["x", "y", "x"], "count": [3, 1, 2]})
    >>> top_terms(freqs, n=1)["term"].tolist()
    ['x', 'x']
    """
    group = freqs.columns[0]
    ranked = freqs.sort_values([group, "count", "term"], ascending=[True, False, True], kind="stable")
    order = {g: i for i, g in enumerate(pd.unique(freqs[group]))}
    ranked = ranked.groupby(group, sort=False).head(n)
    ranked = ranked.sort_values(group, key=lambda s: s.map(order), kind="stable")
    return ranked.reset_index(drop=True)


def largest_groups(freqs: pd.DataFrame, *, n: int = 12) -> list:
    """The ``n`` groups of a :func:`term_frequencies` table with the most running words.

    For charts of a corpus with many outlets: draw these, keep every group in
    the tables. Ties keep table order.

    >>> freqs = pd.DataFrame({"outlet": ["A", "B", "B", "C"], "n_words": [10, 50, 50, 30]})
    >>> largest_groups(freqs, n=2)
    ['B', 'C']
    """
    group = freqs.columns[0]
    sizes = freqs.drop_duplicates(group).set_index(group)["n_words"]
    return sizes.sort_values(ascending=False, kind="stable").index[:n].tolist()
