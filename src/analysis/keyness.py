"""Which words set one outlet apart? Keyness by log-likelihood and log ratio.

Each group of documents (an outlet by default) is compared with the rest of the
corpus, or one group with another (``pair=``). For a term used ``a`` times in
the target (``N1`` running words) and ``b`` times in the reference (``N2``
words), the 2x2 table is

============  ==========  ==========
..            target      reference
============  ==========  ==========
term          a           b
other words   N1 - a      N2 - b
============  ==========  ==========

and the log-likelihood is ``G2 = 2 * sum(O * ln(O / E))`` over its four cells,
with ``E = row total * column total / (N1 + N2)`` and ``0 * ln 0 = 0``
(Dunning 1993; Rayson & Garside 2000 sum the first row only, which differs by
well under 1% for terms that are a small share of the text). ``G2`` follows a
chi-squared distribution with one degree of freedom: 3.84 is p < 0.05, 6.63 is
p < 0.01, 10.83 is p < 0.001. The *log ratio* (Hardie 2014) is the binary log of
the ratio of the two relative frequencies, a zero count taken as 0.5: 1 means
twice as frequent in the target, -1 half as frequent.

Examples
--------
>>> round(float(log_likelihood(10, 5, 1_000, 2_000)), 3)
6.969
>>> float(log_ratio(10, 5, 1_000, 2_000))
2.0
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
from scipy import stats

from .segmenting import ANALYSED
from .terms import STOPWORDS, count_terms

__all__ = ["keyness", "keyness_of_counts", "log_likelihood", "log_ratio", "top_keywords"]


def _o_ln_o_over_e(observed, expected):
    observed = np.asarray(observed, dtype=float)
    expected = np.asarray(expected, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def log_likelihood(a, b, n1, n2):
    """Dunning's log-likelihood G2 of the 2x2 table (a, b / n1 - a, n2 - b).

    Works element-wise on arrays.

    >>> float(log_likelihood(0, 0, 100, 100))
    0.0
    """
    a, b, n1, n2 = (np.asarray(x, dtype=float) for x in (a, b, n1, n2))
    total = n1 + n2
    term, other = a + b, total - a - b
    cells = (
        (a, n1 * term / total), (b, n2 * term / total),
        (n1 - a, n1 * other / total), (n2 - b, n2 * other / total),
    )
    return 2 * sum(_o_ln_o_over_e(o, e) for o, e in cells)


def log_ratio(a, b, n1, n2):
    """Binary log of (a / n1) / (b / n2), a zero count taken as 0.5.

    >>> float(log_ratio(0, 8, 1_000, 1_000))
    -4.0
    """
    a, b = (np.maximum(np.asarray(x, dtype=float), 0.5) for x in (a, b))
    return np.log2((a / np.asarray(n1, dtype=float)) / (b / np.asarray(n2, dtype=float)))


def keyness(
    docs: pd.DataFrame,
    *,
    by="outlet",
    pair: tuple[str, str] | None = None,
    ngram: int = 1,
    include=ANALYSED,
    stopwords: Iterable[str] | None = STOPWORDS,
    stem: bool = False,
    min_count: int = 3,
    max_p: float = 0.05,
    n_jobs: int | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Terms that one group uses more (or less) than the others.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus`.
    by : str or sequence, default "outlet"
        How to group documents; see :func:`analysis.terms.group_labels`.
    pair : (str, str), optional
        Compare the first group with the second only. By default every group
        is compared with all the other documents together.
    ngram, include, stopwords, stem
        As for :func:`analysis.terms.term_frequencies`.
    min_count : int, default 3
        Leave out terms used fewer times in target and reference together.
    max_p : float, default 0.05
        Keep terms whose G2 has a p-value at most this (1 keeps all).
    n_jobs, progress
        As for :func:`analysis.terms.term_frequencies`: counting the terms
        is the long part on a large corpus.

    Returns
    -------
    pandas.DataFrame
        One row per group and key term: ``<by>`` (the target group),
        ``reference`` (``"rest of corpus"`` or the other group of ``pair``),
        ``term``, ``count``, ``reference_count``, ``per_10k``,
        ``reference_per_10k``, ``g2``, ``p_value``, ``log_ratio`` and ``use``
        (``"over"`` if relatively more frequent in the target, else
        ``"under"``). Sorted by group, then ``g2`` from the highest.
    """
    tc = count_terms(docs, by=by, ngram=ngram, include=include, stopwords=stopwords, stem=stem, n_jobs=n_jobs,
                     progress=progress)
    return keyness_of_counts(tc, pair=pair, min_count=min_count, max_p=max_p)


def keyness_of_counts(tc, *, pair: tuple[str, str] | None = None, min_count: int = 3,
                      max_p: float = 0.05) -> pd.DataFrame:
    """:func:`keyness` from term counts already made (:func:`analysis.terms.count_terms`).

    For counts summed elsewhere, e.g. over the partitions of a Dask corpus
    (:func:`analysis.scale.keyness`). ``pair``, ``min_count``, ``max_p`` and
    the table returned are those of :func:`keyness`.

    Examples
    --------
    >>> from analysis import load_corpus
    >>> docs = load_corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                    "text": ["camps camps camps camps camps", "detained detained detained"]}))
    >>> keyness_of_counts(count_terms(docs, by="outlet"), min_count=1)[["outlet", "term", "use"]].values.tolist()
    [['X', 'camps', 'over'], ['X', 'detained', 'under'], ['Y', 'camps', 'under'], ['Y', 'detained', 'over']]
    """
    index = {g: i for i, g in enumerate(tc.groups)}
    if pair is not None:
        missing = [g for g in pair if g not in index]
        if missing:
            raise ValueError(f"no group {missing[0]!r}; groups are {tc.groups}")
        comparisons = [(pair[0], pair[1])]
    else:
        comparisons = [(g, None) for g in tc.groups]
    # keep G2 >= critical (p <= max_p); a hair lower so that rounding never loses a row
    critical = float(stats.chi2.isf(max_p, 1)) * (1 - 1e-9) if max_p < 1 else -np.inf
    total = np.asarray(tc.counts.sum(axis=0)).ravel()
    by_total = np.argsort(-total, kind="stable")
    parts = []
    for target, reference in comparisons:
        row = tc.counts[index[target]]
        n1 = int(tc.n_words[index[target]])
        if reference is None:
            other, order, n2 = total, by_total, int(tc.n_words.sum()) - n1
        else:
            other = tc.counts[index[reference]].toarray().ravel()
            order, n2 = np.argsort(-other, kind="stable"), int(tc.n_words[index[reference]])
        # terms the target uses, and terms it never uses that the reference uses often enough to be key
        k = _absent_but_key(other[order], n1, n2, critical)
        terms = np.union1d(row.indices, order[:k]).astype(np.int64)
        a = np.asarray(row[:, terms].todense()).ravel()
        b = other[terms] - (a if reference is None else 0)
        keep = (a + b) >= max(min_count, 1)
        parts.append((target, "rest of corpus" if reference is None else reference, terms[keep], a[keep], b[keep], n1, n2))
    return _table(parts, tc, critical)


def _absent_but_key(counts_desc, n1, n2, critical) -> int:
    """How many terms, most frequent in the reference first, would be key with a zero count in the target.

    With a zero count, G2 grows with the reference count, so a binary search finds the cut.
    """
    lo, hi = 0, len(counts_desc)
    while lo < hi:
        mid = (lo + hi) // 2
        if counts_desc[mid] > 0 and log_likelihood(0, counts_desc[mid], n1, n2) >= critical:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _table(parts, tc, critical) -> pd.DataFrame:
    sizes = [len(p[2]) for p in parts]
    comparison = np.repeat(np.arange(len(parts)), sizes)
    a = np.concatenate([p[3] for p in parts]).astype(np.int64) if parts else np.array([], dtype=np.int64)
    b = np.concatenate([p[4] for p in parts]).astype(np.int64) if parts else np.array([], dtype=np.int64)
    n1 = np.repeat([max(p[5], 1) for p in parts], sizes).astype(float)
    n2 = np.repeat([max(p[6], 1) for p in parts], sizes).astype(float)
    terms = np.concatenate([p[2] for p in parts]) if parts else np.array([], dtype=np.int64)
    g2 = log_likelihood(a, b, n1, n2)
    table = pd.DataFrame({
        tc.name: pd.Series(np.repeat([p[0] for p in parts], sizes), dtype=object),
        "reference": pd.Series(np.repeat([p[1] for p in parts], sizes), dtype=object),
        "term": pd.Series(tc.vocabulary[terms], dtype=object),
        "count": a,
        "reference_count": b,
        "per_10k": a / n1 * 10_000,
        "reference_per_10k": b / n2 * 10_000,
        "g2": g2,
        "p_value": stats.chi2.sf(g2, 1),
        "log_ratio": log_ratio(a, b, n1, n2),
        "use": pd.Series(np.where(a / n1 >= b / n2, "over", "under"), dtype=object),
    })
    keep = g2 >= critical
    order = np.lexsort((table["term"].to_numpy()[keep], -g2[keep], comparison[keep]))
    return table[keep].iloc[order].reset_index(drop=True)


def top_keywords(keys: pd.DataFrame, *, n: int = 10, use: str | None = None) -> pd.DataFrame:
    """The ``n`` highest-G2 terms of each group of a :func:`keyness` table.

    ``use="over"`` or ``"under"`` keeps one direction; by default ``n`` of each.
    """
    group = keys.columns[0]
    directions = [use] if use else ["over", "under"]
    picked = keys[keys["use"].isin(directions)]
    order = {g: i for i, g in enumerate(pd.unique(keys[group]))}
    picked = picked.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    picked = picked.groupby([group, "use"], sort=False).head(n)
    picked = picked.sort_values([group, "use", "g2"], key=lambda s: s.map(order) if s.name == group else s,
                                ascending=[True, True, False], kind="stable")
    return picked.reset_index(drop=True)
