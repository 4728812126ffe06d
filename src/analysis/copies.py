"""Which articles are copies of one wire story or press release: copy groups.

Two articles are linked when one of them shares at least ``min_share`` of its
words with the other, measured with the passages :func:`analysis.passages.shared_passages`
finds (verbatim or with a few words changed). A linked pair is a verbatim copy,
a truncated copy (the short one is all inside the long one), or a re-headlined
or lightly edited copy. A copy group is a set of articles joined by links
(connected components), so a chain of copies is one group.

Each member's ``share_reused`` is the share of its analysed words (headline and
body unless ``include`` says otherwise) that passages shared with the other
members cover. The group's ``origin`` is its earliest member when dates are
known (see :func:`analysis.coverage.publication_dates`; a tie goes to the longer
article, then to corpus order); without any dated member it is left blank.

:func:`keep_one_per_group` keeps one member per group (the origin, or the longest
member when no date is known) and every article outside a group: the analyses
that count words or similarity take ``one_per_group=True`` and call it, so one
wire story carried by 12 outlets is not counted 12 times.

Examples
--------
>>> import pandas as pd
>>> story = "Rescue teams worked through the night to reach the miners trapped below the surface."
>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["Wire", "Daily", "Post"],
...     "published": ["2017-04-02", "2017-04-03", ""],
...     "raw_text": [story, "Miners trapped. " + story, "Parliament voted on the budget on Tuesday evening."]})
>>> copy_groups(docs)[["group_id", "doc_id", "origin", "share_reused"]].values.tolist()
[['copy-1', 'a', 'a', 1.0], ['copy-1', 'b', 'a', 0.875]]
>>> keep_one_per_group(docs)["doc_id"].tolist()
['a', 'c']
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .coverage import publication_dates
from .labels import outlet_labels
from .loading import as_documents, segments
from .passages import shared_passages
from .segmenting import ANALYSED
from .text import token_spans

__all__ = ["COPY_COLUMNS", "MIN_SHARE", "copy_groups", "keep_one_per_group", "reused_words"]

#: Share of an article's words found in another that makes the two copies: more than half of
#: the text, so two stories that quote the same statement are not copies of each other.
MIN_SHARE = 0.6

#: Columns of the :func:`copy_groups` table.
COPY_COLUMNS = ["group_id", "n_members", "doc_id", "outlet", "date", "n_words", "share_reused", "origin",
                "is_origin", "kept"]


def reused_words(docs: pd.DataFrame, passages: pd.DataFrame, *, include=ANALYSED) -> pd.DataFrame:
    """For each ordered pair of documents in ``passages``: the share of the first's words found in the second.

    Parameters
    ----------
    docs : pandas.DataFrame
        The documents (``doc_id``, ``raw_text``, ``spans``).
    passages : pandas.DataFrame
        The output of :func:`analysis.passages.shared_passages` on ``docs``.
    include : tuple of str or "all"
        Segment labels whose words are counted.

    Returns
    -------
    pandas.DataFrame
        Columns ``doc_id, other, n_words, n_reused, share``: ``n_words`` is the
        words of ``doc_id``'s analysed text, ``n_reused`` those it shares with
        ``other`` (inside their passages, less the words that differ there;
        each word counted once).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "raw_text": ["one two three four", "two three"]})
    >>> passages = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "start_a": [4], "end_a": [13],
    ...                          "start_b": [0], "end_b": [9], "n_words": [2]})
    >>> reused_words(docs, passages).values.tolist()
    [['a', 'b', 4, 2, 0.5], ['b', 'a', 2, 2, 1.0]]
    """
    docs = as_documents(docs)
    starts = _word_starts(docs, include)
    halves = _word_ranges(passages, starts)
    covered = _covered(halves, ("doc_id", "other"))
    order = {d: i for i, d in enumerate(docs["doc_id"].astype(str))}
    keys = sorted(covered, key=lambda k: (order.get(k[0], len(order)), order.get(k[1], len(order))))
    rows = []
    for doc_id, other in keys:
        n_words, n_reused = len(starts.get(doc_id, ())), covered[doc_id, other]
        rows.append((doc_id, other, n_words, n_reused, round(n_reused / n_words, 4) if n_words else 0.0))
    table = pd.DataFrame(rows, columns=["doc_id", "other", "n_words", "n_reused", "share"])
    return table.astype({"n_words": "int64", "n_reused": "int64", "share": "float64"})


def _word_ranges(passages: pd.DataFrame, starts: dict[str, np.ndarray]) -> pd.DataFrame:
    """Each passage seen from both of its documents, as a range of word positions ``[lo, hi)`` in ``doc_id``."""
    halves = []
    for me, other, s, e in (("doc_a", "doc_b", "start_a", "end_a"), ("doc_b", "doc_a", "start_b", "end_b")):
        halves.append(pd.DataFrame({"doc_id": passages[me].astype(str).to_numpy(),
                                    "other": passages[other].astype(str).to_numpy(),
                                    "start": passages[s].to_numpy(dtype=np.int64),
                                    "end": passages[e].to_numpy(dtype=np.int64),
                                    "matched": passages["n_words"].to_numpy(dtype=np.int64)}))
    both = pd.concat(halves, ignore_index=True)
    lo = np.zeros(len(both), dtype=np.int64)
    hi = np.zeros(len(both), dtype=np.int64)
    for doc_id, index in both.groupby("doc_id", sort=False).indices.items():
        words = starts.get(doc_id, np.zeros(0, dtype=np.int64))
        lo[index] = np.searchsorted(words, both["start"].to_numpy()[index], side="left")
        hi[index] = np.searchsorted(words, both["end"].to_numpy()[index], side="left")
    return both.assign(lo=lo, hi=hi)


def _covered(halves: pd.DataFrame, keys: tuple[str, ...]) -> dict[tuple, int]:
    """Shared words of each key: the union of its ranges, less the words that differ inside them.

    A near passage's range holds words the other text does not have (the numbers of two stories written from
    one template, a changed word); only the ``matched`` words are shared. Ranges that overlap count once, and
    so do the words that differ in them: a run of overlapping ranges (an article aligned with each of its
    copies) shares the words of its best-matching range's share, not its length less every copy's changes
    (which took a wire story with twelve edited copies to 55 %, and 48 articles from one template to 0 %).
    """
    runs: dict[tuple, list[list]] = {}
    ordered = halves.sort_values([*keys, "lo"], kind="stable")
    for key, lo, hi, matched in zip(zip(*(ordered[k] for k in keys)), ordered["lo"], ordered["hi"],
                                    ordered["matched"]):
        if hi <= lo:
            continue
        differing = max(hi - lo - matched, 0) / (hi - lo)  # the share of the range's words that differ
        key_runs = runs.setdefault(key, [])
        if key_runs and lo < key_runs[-1][1]:  # overlaps the run before: one run, its best-matching share
            run = key_runs[-1]
            run[1], run[2] = max(run[1], hi), min(run[2], differing)
        else:
            key_runs.append([lo, hi, differing])
    return {key: round(sum((hi - lo) * (1 - differing) for lo, hi, differing in key_runs))
            for key, key_runs in runs.items()}


def _word_starts(docs: pd.DataFrame, include) -> dict[str, np.ndarray]:
    """Offsets into ``raw_text`` where each word of each document's analysed text starts."""
    starts: dict[str, list[int]] = {str(d): [] for d in docs["doc_id"]}
    segs = segments(docs, labels=include)
    for doc_id, offset, text in zip(segs["doc_id"].astype(str), segs["start"], segs["text"]):
        starts[doc_id].extend(offset + a for a, _ in token_spans(text))
    return {d: np.array(s, dtype=np.int64) for d, s in starts.items()}


def copy_groups(
    docs: pd.DataFrame,
    passages: pd.DataFrame | None = None,
    *,
    min_share: float = MIN_SHARE,
    include=ANALYSED,
) -> pd.DataFrame:
    """Groups of articles that are copies or near-copies of one another.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus` (load with
        ``keep_duplicates=True`` to keep exact duplicates, which the loader
        otherwise sets aside).
    passages : pandas.DataFrame, optional
        The output of :func:`analysis.passages.shared_passages` on ``docs``
        (computed when not given).
    min_share : float, default :data:`MIN_SHARE`
        Two articles are linked when one shares at least this share of its
        words with the other.
    include : tuple of str or "all"
        Segment labels read.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COPY_COLUMNS`, one row per member of a group of two or
        more: ``group_id`` (``copy-1``, ``copy-2`` ... in corpus order of the
        groups' first members), ``n_members``, ``doc_id``, ``outlet`` (as in
        :func:`analysis.labels.outlet_labels`), ``date`` (ISO day, blank when
        unknown or less precise than a day), ``n_words``, ``share_reused``
        (share of its words found in the other members), ``origin`` (the
        earliest member, blank without dates), ``is_origin`` and ``kept`` (the
        member :func:`keep_one_per_group` keeps). Articles that copy nobody are
        not listed.
    """
    if not 0 < min_share <= 1:
        raise ValueError(f"min_share must be in (0, 1], not {min_share!r}")
    docs = as_documents(docs)
    if passages is None:
        passages = shared_passages(docs, include=include, progress=False)
    ids = docs["doc_id"].astype(str).tolist()
    position = {d: i for i, d in enumerate(ids)}
    unknown = sorted((set(passages["doc_a"].astype(str)) | set(passages["doc_b"].astype(str))) - set(position))
    if unknown:
        raise ValueError(f"passages name documents not in docs: {unknown[:5]}; pass shared_passages(docs)")
    starts = _word_starts(docs, include)
    n_words = {d: len(s) for d, s in starts.items()}
    halves = _word_ranges(passages, starts)
    linked = [(a, b) for (a, b), n in _covered(halves, ("doc_id", "other")).items()
              if n_words[a] and n / n_words[a] >= min_share]
    if not linked:
        return pd.DataFrame(columns=COPY_COLUMNS)
    rows, cols = (np.array([position[d] for d in side]) for side in zip(*linked))
    graph = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), len(ids)))
    _, component = connected_components(graph, directed=False)
    members: dict[int, list[int]] = {}
    for i, c in enumerate(component):
        members.setdefault(int(c), []).append(i)
    groups = [inside for inside in members.values() if len(inside) > 1]  # in corpus order of first members
    # share of each member's words inside passages shared with any other member of its group
    same = (halves["doc_id"].map(position).map(component.__getitem__).to_numpy()
            == halves["other"].map(position).map(component.__getitem__).to_numpy())
    reused = {doc_id: round(n / n_words[doc_id], 4) if n_words[doc_id] else 0.0
              for (doc_id,), n in _covered(halves[same], ("doc_id",)).items()}
    dates = publication_dates(docs)
    day = [d.strftime("%Y-%m-%d") if p == "day" else "" for d, p in zip(dates["date"], dates["precision"])]
    outlets = outlet_labels(docs).tolist()
    table = []
    for k, inside in enumerate(groups):
        dated = [i for i in inside if day[i]]
        origin = min(dated, key=lambda i: (day[i], -n_words[ids[i]], i)) if dated else None
        kept = origin if origin is not None else min(inside, key=lambda i: (-n_words[ids[i]], i))
        for i in inside:
            table.append({
                "group_id": f"copy-{k + 1}", "n_members": len(inside), "doc_id": ids[i], "outlet": outlets[i],
                "date": day[i], "n_words": n_words[ids[i]], "share_reused": reused.get(ids[i], 0.0),
                "origin": ids[origin] if origin is not None else "", "is_origin": i == origin, "kept": i == kept,
            })
    return pd.DataFrame(table, columns=COPY_COLUMNS).astype({"n_members": "int64", "n_words": "int64"})


def keep_one_per_group(docs: pd.DataFrame, groups=True, *, include=ANALYSED) -> pd.DataFrame:
    """``docs`` with one article per copy group: what ``one_per_group=`` does in the analyses.

    Parameters
    ----------
    docs : pandas.DataFrame
        The documents.
    groups : bool or pandas.DataFrame, default True
        ``True`` computes :func:`copy_groups` on ``docs``; a table from
        :func:`copy_groups` is used as given (so a large corpus is aligned
        once); ``False`` returns ``docs`` unchanged.
    include : tuple of str or "all"
        Segment labels read when the groups are computed.

    Returns
    -------
    pandas.DataFrame
        The rows of ``docs`` that are in no group or are their group's
        ``kept`` member, in corpus order, index kept.
    """
    if groups is False or groups is None:
        return docs
    if groups is True:
        groups = copy_groups(docs, include=include)
    elif not isinstance(groups, pd.DataFrame) or not {"doc_id", "kept"} <= set(groups.columns):
        raise ValueError("one_per_group must be True, False or a table from analysis.copies.copy_groups")
    dropped = set(groups.loc[~groups["kept"].astype(bool), "doc_id"].astype(str))
    return docs[~docs["doc_id"].astype(str).isin(dropped)]
