"""Passages that two documents share: quotations and sentences that travel.

The method follows passim (Smith et al.): every document's words are cut into
overlapping word n-grams (:data:`NGRAM` words); n-grams found in more than
:data:`MAX_DOC_FREQ` documents are boilerplate and are not used to pick
candidates; two documents become a candidate pair when they share at least
:data:`MIN_SHARED_NGRAMS` of the rest. Only candidate pairs are aligned: the
n-grams they share are chained into regions, and each region is aligned word
by word (difflib's ``SequenceMatcher``, compiled: :mod:`cydifflib`), joining matches separated by at
most :data:`MAX_GAP` differing words and no sentence end.

Words are compared after lowercasing and mapping curly quotes and apostrophes
to straight ones, and punctuation and line breaks are ignored, so a quotation
printed with other quotation marks, or split into two paragraphs, still matches;
a word or two changed ("risky"/"dangerous", "can not"/"cannot", a misspelt
name) makes a ``near`` passage instead of a ``verbatim`` one.

A passage must share at least ``min_words`` words, not counting names (words
capitalised in both texts): titles and names such as "the head of the Chechen
Republic, Ramzan Kadyrov" travel between articles without being a copied
passage. Only headline and body are read unless ``include`` asks for more.

All offsets are offsets into ``raw_text``.

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "raw_text": [
...     "He said: “You can not arrest people who just don’t exist in the republic,” and left.",
...     "A spokesman said 'You cannot arrest people who just don't exist in the republic'."]})
>>> found = shared_passages(docs)
>>> print(found.loc[0, "text_b"], "|", found.loc[0, "kind"])
You cannot arrest people who just don't exist in the republic | near
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass

import numpy as np
import pandas as pd
from cydifflib import SequenceMatcher
from scipy import sparse

from .labels import outlet_labels
from .loading import as_documents
from .parallel import map_ranges, progress_bar, without_huge_pages
from .segmenting import ANALYSED, include_labels
from .text import normalize_for_matching, token_spans

__all__ = [
    "overlaps",
    "MAX_DOC_FREQ",
    "MAX_GAP",
    "MIN_SHARED_NGRAMS",
    "MIN_WORDS",
    "NGRAM",
    "PASSAGE_COLUMNS",
    "shared_passages",
    "shared_words_by_outlet",
]

#: Words per n-gram used to find candidate pairs and anchor the alignment.
NGRAM = 5
#: Shared words a passage needs, not counting names (``min_words``).
MIN_WORDS = 7
#: Differing words (in each text) that may separate two matching runs of one passage.
MAX_GAP = 3
#: An n-gram found in more documents than this is boilerplate (passim's rule).
MAX_DOC_FREQ = 100
#: Non-boilerplate n-grams two documents must share to be aligned.
MIN_SHARED_NGRAMS = 2
#: Rows of the n-gram index multiplied at a time when counting shared n-grams.
BLOCK_ROWS = 2048

#: Columns of the passages table.
PASSAGE_COLUMNS = ["doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b",
                   "text_a", "text_b", "n_words", "score", "kind"]


@dataclass
class _Tokens:
    """The words of one document, with their offsets into ``raw_text``."""

    ids: list[int]  # word ids: lowercased, curly quotes and apostrophes made straight
    starts: list[int] | np.ndarray  # read only for a passage's ends (:func:`_row`)
    ends: list[int] | np.ndarray
    names: int  # bit k: word k is capitalised like a name ("Kadyrov", "Republic"), unlike "LGBTI" or "men"
    ended: list[int]  # sentence ends (.!? or a line break) before each word, and one more item: the total
    runs: list[int]  # the stretch of contiguous included text each word belongs to


@dataclass
class _Words:
    """The words of every document, end to end in flat arrays: document ``d`` is ``offsets[d]:offsets[d + 1]``.

    Fields as in :class:`_Tokens`, as numpy arrays (``names`` one bool a word); ``ended`` counts
    sentence ends before each word from the corpus start (one more item than words), and
    ``stretches`` numbers each stretch of contiguous included text across the corpus, so an n-gram
    inside one stretch has a single number.
    """

    ids: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    names: np.ndarray
    ended: np.ndarray
    runs: np.ndarray
    stretches: np.ndarray
    offsets: np.ndarray

    @classmethod
    def join(cls, chunks: list[tuple], n_docs: int) -> "_Words":
        """The corpus from :func:`_words_chunk`'s chunks, in order; word ids in order of first use.

        Each chunk numbers its words in its own vocabulary (words in order of first use); mapping
        the chunks' vocabularies in chunk order numbers every word as one pass over the corpus would.
        """
        vocabulary: dict[str, int] = {}
        fields: list[list[np.ndarray]] = [[] for _ in range(7)]
        for chunk_vocabulary, chunk_ids, *chunk_fields in chunks:
            ids = np.array([vocabulary.setdefault(w, len(vocabulary)) for w in chunk_vocabulary], dtype=np.int32)
            for field, values in zip(fields, (ids[chunk_ids], *chunk_fields)):
                field.append(values)
        ids, starts, ends, names, breaks, runs, lengths = (np.concatenate(f) if f else np.zeros(0, dtype=t)
                                                           for f, t in zip(fields, (*_CHUNK_DTYPES, np.int64)))
        offsets = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        new_stretch = np.ones(len(runs), dtype=bool)  # a stretch starts where the run or the document changes
        new_stretch[1:] = runs[1:] != runs[:-1]
        new_stretch[offsets[:-1][offsets[:-1] < len(runs)]] = True
        ended = np.zeros(len(breaks) + 1, dtype=np.int32)
        np.cumsum(breaks, dtype=np.int32, out=ended[1:])  # (a sum of bools without dtype is 15 times slower)
        return cls(ids=ids, starts=starts, ends=ends, names=names, ended=ended, runs=runs,
                   stretches=np.cumsum(new_stretch, dtype=np.int32), offsets=offsets)

    def doc_of(self, positions: np.ndarray) -> np.ndarray:
        """The document of each word position."""
        return np.searchsorted(self.offsets, positions, side="right") - 1

    def tokens(self, d: int) -> _Tokens:
        """Document ``d`` as :class:`_Tokens`."""
        lo, hi = self.offsets[d], self.offsets[d + 1]
        return _Tokens(ids=self.ids[lo:hi].tolist(), starts=self.starts[lo:hi], ends=self.ends[lo:hi],
                       names=_bits(self.names[lo:hi]), ended=(self.ended[lo:hi + 1] - self.ended[lo]).tolist(),
                       runs=self.runs[lo:hi].tolist())


@without_huge_pages()
def shared_passages(
    docs: pd.DataFrame,
    *,
    min_words: int = MIN_WORDS,
    include=ANALYSED,
    max_gap: int = MAX_GAP,
    max_doc_freq: int = MAX_DOC_FREQ,
    progress: bool | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """One row per passage that two documents share.

    Parameters
    ----------
    docs : pandas.DataFrame
        The output of :func:`analysis.load_corpus` (``doc_id``, ``raw_text``
        and ``spans``; without ``spans`` the whole ``raw_text`` is read).
    min_words : int, default :data:`MIN_WORDS`
        Shared words a passage needs, not counting names (words capitalised in
        both texts).
    include : tuple of str or "all", default ("headline", "body")
        Segment labels to read; e.g. add ``"comments"`` to search reader comments.
    max_gap : int, default :data:`MAX_GAP`
        Differing words tolerated between two matching runs of one passage.
    max_doc_freq : int, default :data:`MAX_DOC_FREQ`
        N-grams found in more documents than this do not make two documents a
        candidate pair (they still count once a pair is aligned).
    progress : bool, optional
        Show progress bars; by default only on a terminal.
    n_jobs : int, optional
        Processes that align the candidate pairs; default every core (few
        pairs are aligned in this process). The result is the same for any
        ``n_jobs``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PASSAGE_COLUMNS`. ``doc_a`` comes before ``doc_b`` in
        ``docs``; ``start_*``/``end_*`` are offsets into each ``raw_text`` and
        ``text_*`` the slices; ``n_words`` counts the words the two share;
        ``score`` is ``2 * n_words / (words in text_a + words in text_b)`` (1.0
        when verbatim); ``kind`` is ``verbatim`` (the same words, whatever the
        quotation marks, case and line breaks) or ``near`` (a few words differ).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "raw_text": [
    ...     "Filing a complaint is extremely risky, as retaliation is practically inevitable.",
    ...     "Filing a complaint is extremely dangerous, as retaliation is practically inevitable.",
    ...     "the head of the Chechen Republic, Ramzan Kadyrov, said"]})
    >>> shared_passages(docs)[["doc_a", "doc_b", "n_words", "kind"]].values.tolist()
    [['a', 'b', 10, 'near']]
    """
    docs = as_documents(docs)
    labels = set(include_labels(include))
    ids = docs["doc_id"].astype(str).tolist()
    raws = docs["raw_text"].tolist()
    spans = docs["spans"].tolist() if "spans" in docs.columns else [None] * len(docs)
    chunks = map_ranges(_words_chunk, len(raws), context=(raws, spans, labels), n_jobs=n_jobs, progress=progress,
                        desc="words")
    words = _Words.join(chunks, len(raws))
    keys, where = _ngram_keys_of(words.ids, words.stretches)
    gram_docs = words.doc_of(where)
    # n-grams numbered 0, 1, ... (the same hash, the same number): small ints are cheaper to hash in Python
    grams = np.unique(keys, return_inverse=True)[1].ravel().astype(np.int32) if len(keys) else keys.astype(np.int32)
    doc, gram, freq = _document_frequency(gram_docs, grams)
    pairs = _candidate_pairs(doc, gram, freq, len(raws), max_doc_freq=max_doc_freq, progress=progress)
    anchor = freq[grams] >= 2  # an n-gram of one document only anchors no pair: the align workers skip it
    starts = where - words.offsets[gram_docs]  # word positions in their documents
    grams = (grams[anchor], starts[anchor], np.searchsorted(gram_docs[anchor], np.arange(len(raws) + 1)))
    context = (pairs, words, grams, ids, raws, min_words, max_gap, {})
    rows = map_ranges(_align_chunk, len(pairs), context=context, n_jobs=n_jobs, progress=progress,
                      desc="align", unit="pair")
    table = pd.DataFrame(rows, columns=PASSAGE_COLUMNS)
    for column in ("doc_a", "doc_b", "text_a", "text_b", "kind"):
        table[column] = table[column].astype(object)
    return table


def _align_chunk(context, start: int, stop: int) -> list[tuple]:
    """The passage rows of candidate pairs ``start:stop`` (run in a worker).

    A document's words become :class:`_Tokens` (Python lists, which ``_align`` indexes
    fast) the first time a pair needs them, and are kept in ``cache`` for the worker's
    other chunks.
    """
    pairs, words, (keys, starts, gram_offsets), ids, raws, min_words, max_gap, cache = context

    def document(d: int) -> tuple[_Tokens, dict]:
        if d not in cache:
            lo, hi = gram_offsets[d], gram_offsets[d + 1]
            cache[d] = words.tokens(d), _positions(keys[lo:hi], starts[lo:hi])
        return cache[d]

    rows = []
    for a, b in pairs[start:stop]:
        (ta, positions_a), (tb, positions_b) = document(a), document(b)
        for p in _align(ta, tb, _pair_anchors(positions_a, positions_b), max_gap=max_gap):
            if p["counted"] >= min_words:
                rows.append(_row(p, ids[a], ids[b], raws[a], raws[b], ta, tb))
    return rows


def _positions(keys: np.ndarray, starts: np.ndarray) -> dict[int, tuple[int, ...]]:
    """Where each n-gram of one document starts (a tuple, in word order): the index pairs look up."""
    positions = dict(zip(keys.tolist(), zip(starts.tolist())))  # built without a Python loop; a repeated
    if len(positions) < len(keys):  # n-gram kept its last start: give it all of them, in word order
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        repeated = np.flatnonzero(counts[inverse] > 1)
        found: dict[int, tuple[int, ...]] = {}
        for key, start in zip(keys[repeated].tolist(), starts[repeated].tolist()):
            found[key] = found.get(key, ()) + (start,)
        positions.update(found)
    return positions


def _anchors(positions: dict[int, tuple[int, ...]], keys_b: np.ndarray, starts_b: np.ndarray) -> list[tuple[int, int]]:
    """``(i, j)`` for every n-gram at word ``i`` of document a and word ``j`` of b, sorted."""
    return _pair_anchors(positions, _positions(keys_b, starts_b))


def _pair_anchors(positions_a: dict[int, tuple[int, ...]], positions_b: dict[int, tuple[int, ...]]) -> list[tuple[int, int]]:
    """:func:`_anchors` from both documents' :func:`_positions`: only the n-grams they share are visited."""
    found = [(i, j) for key in positions_a.keys() & positions_b.keys() for i in positions_a[key]
             for j in positions_b[key]]
    found.sort()
    return found


def _row(p: dict, id_a: str, id_b: str, raw_a: str, raw_b: str, ta: "_Tokens", tb: "_Tokens") -> tuple:
    """One row of the passages table from an aligned passage (word positions)."""
    start_a, end_a = int(ta.starts[p["a0"]]), int(ta.ends[p["a1"] - 1])
    start_b, end_b = int(tb.starts[p["b0"]]), int(tb.ends[p["b1"] - 1])
    size_a, size_b = p["a1"] - p["a0"], p["b1"] - p["b0"]
    kind = "verbatim" if p["matched"] == size_a == size_b else "near"
    return (id_a, id_b, start_a, end_a, start_b, end_b, raw_a[start_a:end_a], raw_b[start_b:end_b],
            p["matched"], round(2 * p["matched"] / (size_a + size_b), 4), kind)


_SENTENCE_END = re.compile(r"[.!?\n]")


def _doc_tokens(raw: str, spans, labels: set[str], vocabulary: dict[str, int]) -> _Tokens:
    """The words of the included segments of one document; offsets into ``raw``."""
    return _with_ids(_doc_words(raw, spans, labels), vocabulary)


def _with_ids(words: tuple, vocabulary: dict[str, int]) -> _Tokens:
    """:class:`_Tokens` from :func:`_doc_words`, each word numbered in ``vocabulary`` (new words added)."""
    lowered, starts, ends, names, breaks, runs = words
    return _Tokens(ids=[vocabulary.setdefault(w, len(vocabulary)) for w in lowered], starts=starts, ends=ends,
                   names=_bits(names), ended=list(accumulate(breaks, initial=0)), runs=runs)


def _bits(flags) -> int:
    """An integer whose bit ``k`` is ``flags[k]``.

    >>> bin(_bits([True, False, True, True]))
    '0b1101'
    """
    return int.from_bytes(np.packbits(np.asarray(flags, dtype=bool), bitorder="little").tobytes(), "little")


def _words_chunk(context, start: int, stop: int) -> list[tuple]:
    """:func:`_doc_words` of documents ``start:stop`` as compact arrays (run in a worker).

    One item: ``(vocabulary, ids, starts, ends, names, breaks, runs, lengths)``, the chunk's
    words in order of first use and each word's number among them, the other fields of
    :class:`_Tokens` for the chunk's words end to end, and each document's word count.
    """
    raws, spans, labels = context
    vocabulary: dict[str, int] = {}
    fields = [[np.zeros(0, dtype=dtype)] for dtype in _CHUNK_DTYPES]  # (an empty chunk too)
    for i in range(start, stop):  # each document's lists made arrays at once: holding them all costs more
        words, *rest = _doc_words(raws[i], spans[i], labels)
        ids = [vocabulary.setdefault(w, len(vocabulary)) for w in words]
        for field, values, dtype in zip(fields, (ids, *rest), _CHUNK_DTYPES):
            field.append(np.array(values, dtype=dtype))
    lengths = np.array([len(ids) for ids in fields[0][1:]], dtype=np.int64)
    return [(list(vocabulary), *(np.concatenate(f) for f in fields), lengths)]


#: Types of the arrays of :func:`_words_chunk`: ids, starts, ends, names, breaks, runs (32 bits: half the
#: memory to fill and send; a text of 2**31 characters or words would fail loudly, not wrap).
_CHUNK_DTYPES = (np.int32, np.int32, np.int32, bool, bool, np.int32)


def _doc_words(raw: str, spans, labels: set[str]) -> tuple:
    """The words of the included segments of one document, and what :class:`_Tokens` keeps of each.

    ``(words, starts, ends, names, breaks, runs)``: the words lowercased, with curly quotes and
    apostrophes made straight, and the other fields of :class:`_Tokens` (offsets into ``raw``).
    """
    plain = normalize_for_matching(raw)
    starts, ends, runs = [], [], []
    for run, (start, end) in enumerate(_stretches(spans, labels, len(raw))):
        found = token_spans(plain[start:end])
        starts += [start + a for a, _ in found]
        ends += [start + b for _, b in found]
        runs += [run] * len(found)
    words = [plain[a:b] for a, b in zip(starts, ends)]
    # a sentence ends between two words when a stop or line break lies in the gap [end of one, start of next)
    stops = np.array([m.start() for m in _SENTENCE_END.finditer(plain)], dtype=np.int64)
    gaps = np.searchsorted(stops, starts[1:]) - np.searchsorted(stops, ends[:-1])
    breaks = (gaps > 0).tolist() + [True] if starts else []
    names = [w[0].isupper() and not w.isupper() for w in words]
    return [w.lower() for w in words], starts, ends, names, breaks, runs


def _stretches(spans, labels: set[str], length: int) -> list[tuple[int, int]]:
    """Contiguous stretches of text made of included segments."""
    stretches: list[list[int]] = []
    for label, start, end in spans if spans is not None else [("body", 0, length)]:
        if label not in labels:
            continue
        if stretches and stretches[-1][1] == start:
            stretches[-1][1] = end
        else:
            stretches.append([start, end])
    return [tuple(s) for s in stretches]


def _ngram_keys(tokens: _Tokens, n: int = NGRAM) -> tuple[np.ndarray, np.ndarray]:
    """A hash of every word n-gram inside one stretch of text, and where it starts."""
    return _ngram_keys_of(np.array(tokens.ids, dtype=np.uint64), np.array(tokens.runs, dtype=np.int64), n)


def _ngram_keys_of(ids: np.ndarray, stretches: np.ndarray, n: int = NGRAM) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_ngram_keys` of words given by id, each with the number of its stretch of text.

    One document (its ``runs``), or the whole corpus at once (:attr:`_Words.stretches`).
    """
    count = len(ids) - n + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    ids = ids.astype(np.uint64, copy=False)
    keys = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):  # polynomial hash, wrapping around 2**64 (in place: no new array each time)
            keys *= np.uint64(1_000_003)
            keys += ids[k:k + count]
    inside = stretches[:count] == stretches[n - 1:]
    return keys[inside], np.flatnonzero(inside)


def _document_frequency(docs: np.ndarray, grams: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which document has which n-gram, and how many documents have each.

    ``grams[k]`` numbers an n-gram (0, 1, ...; equal n-grams, equal numbers) found in document
    ``docs[k]``. Returns ``(doc, gram, freq)``: each n-gram of each document once, by document,
    and ``freq[g]``, the documents that have n-gram ``g``.
    """
    n_grams = int(grams.max()) + 1 if len(grams) else 0
    cells = np.sort(docs * n_grams + grams)
    cells = cells[np.diff(cells, prepend=-1) != 0]  # (np.unique's hash is far slower here)
    doc, gram = np.divmod(cells, max(n_grams, 1))
    return doc, gram, np.bincount(gram, minlength=n_grams)


def _candidate_pairs(doc: np.ndarray, gram: np.ndarray, freq: np.ndarray, n_docs: int, *, max_doc_freq: int,
                     min_shared: int = MIN_SHARED_NGRAMS, progress: bool | None = None) -> list[tuple[int, int]]:
    """Pairs of documents (by position) sharing ``min_shared`` n-grams that are not boilerplate.

    ``doc``, ``gram``, ``freq``: as :func:`_document_frequency` gives them.
    """
    if not len(gram):
        return []
    keep = (freq[gram] >= 2) & (freq[gram] <= max_doc_freq)
    index = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int32), (doc[keep], gram[keep])),
                              shape=(n_docs, len(freq)))
    transposed = index.T.tocsr()
    pairs: list[tuple[int, int]] = []
    for start in progress_bar(range(0, n_docs, BLOCK_ROWS), desc="candidates", unit="block", progress=progress):
        shared = (index[start:start + BLOCK_ROWS] @ transposed).tocoo()
        rows = shared.row + start
        ok = (shared.col > rows) & (shared.data >= min_shared)
        pairs.extend(zip(rows[ok].tolist(), shared.col[ok].tolist()))
    return sorted(pairs)


def _align(ta: _Tokens, tb: _Tokens, anchors: list[tuple[int, int]], *, max_gap: int, n: int = NGRAM) -> list[dict]:
    """Passages of two documents: chains of shared n-grams, each aligned word by word."""
    chains: list[list[int]] = []  # [first i, first j, last i, last j]
    for i, j in anchors:
        for chain in reversed(chains):
            di, dj = i - chain[2], j - chain[3]
            if (0 < di <= n + max_gap and 0 < dj <= n + max_gap and abs(di - dj) <= max_gap
                    and ta.runs[i] == ta.runs[chain[2]] and tb.runs[j] == tb.runs[chain[3]]):
                chain[2], chain[3] = i, j
                break
        else:
            chains.append([i, j, i, j])
    found: list[dict] = []
    for i0, j0, i1, j1 in chains:
        a0, a1 = _window(ta, i0, i1 + n, max_gap)
        b0, b1 = _window(tb, j0, j1 + n, max_gap)
        found.extend(_matched_runs(ta, tb, a0, a1, b0, b1, max_gap))
    return _drop_overlaps(found)


def _window(tokens: _Tokens, start: int, end: int, margin: int) -> tuple[int, int]:
    """Widen ``[start, end)`` by ``margin`` words without leaving its stretch of text."""
    run = tokens.runs[start]  # runs never decrease: the stretch is runs[first:past]
    first, past = bisect_left(tokens.runs, run), bisect_right(tokens.runs, run)
    return max(start - margin, first), max(end, min(end + margin, past))


def _matched_runs(ta: _Tokens, tb: _Tokens, a0, a1, b0, b1, max_gap: int) -> list[dict]:
    """Align two windows; join matching blocks separated by at most ``max_gap`` words."""
    x, y = ta.ids[a0:a1], tb.ids[b0:b1]
    # the same words: SequenceMatcher would give this one block, after far more work
    blocks = [(0, 0, len(x))] if x == y else SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks()
    groups: list[list[tuple[int, int, int]]] = []  # runs of matched words: (word in a, word in b, length)
    for block_a, block_b, size in blocks:
        if not size:
            continue
        run = (a0 + block_a, b0 + block_b, size)
        if groups and _joinable(ta, tb, _last_pair(groups[-1]), run[:2], max_gap):
            groups[-1].append(run)
        else:
            groups.append([run])
    passages = []
    for runs in groups:
        runs = _trim_stray_words(ta, tb, runs)
        (i0, j0, _), (i1, j1, last) = runs[0], runs[-1]
        matched = sum(size for _, _, size in runs)
        # names: words capitalised like a name in both texts (a bit for each word)
        named = sum((ta.names >> i & tb.names >> j & (1 << size) - 1).bit_count() for i, j, size in runs)
        passages.append({"a0": i0, "a1": i1 + last, "b0": j0, "b1": j1 + last, "matched": matched,
                         "counted": matched - named})
    return passages


def _last_pair(runs: list[tuple[int, int, int]]) -> tuple[int, int]:
    i, j, size = runs[-1]
    return i + size - 1, j + size - 1


def _joinable(ta: _Tokens, tb: _Tokens, last: tuple[int, int], first: tuple[int, int], max_gap: int) -> bool:
    """Two matching runs are one passage if few words, and no sentence end, stand between them."""
    (i0, j0), (i1, j1) = last, first
    return (i1 - i0 <= max_gap + 1 and j1 - j0 <= max_gap + 1
            and ta.ended[i1] == ta.ended[i0] and tb.ended[j1] == tb.ended[j0])


def _trim_stray_words(ta: _Tokens, tb: _Tokens, runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop fewer than three matched words cut off from the passage by a sentence end.

    "detain. They insisted 'you can't detain ..." against "detain: 'you can't
    detain ..." shares "detain" by chance; the passage starts at "you". ``runs``
    are runs of matched words ``(word in a, word in b, length)``; so is the result.
    """
    (i0, j0, _), (i1, j1, size) = runs[0], runs[-1]
    if ta.ended[i0] == ta.ended[i1 + size - 1] and tb.ended[j0] == tb.ended[j1 + size - 1]:
        return runs  # no sentence ends inside the passage
    pieces: list[list[tuple[int, int, int]]] = [[]]  # the passage cut at every sentence end in a or b
    previous = None
    for i, j, size in runs:
        if previous is not None and (ta.ended[i] != ta.ended[previous[0]] or tb.ended[j] != tb.ended[previous[1]]):
            pieces.append([])
        start = 0
        if ta.ended[i + size - 1] != ta.ended[i] or tb.ended[j + size - 1] != tb.ended[j]:  # a sentence ends inside
            for k in range(size - 1):
                if ta.ended[i + k + 1] != ta.ended[i + k] or tb.ended[j + k + 1] != tb.ended[j + k]:  # ends after k
                    pieces[-1].append((i + start, j + start, k + 1 - start))
                    pieces.append([])
                    start = k + 1
        pieces[-1].append((i + start, j + start, size - start))
        previous = (i + size - 1, j + size - 1)
    sizes = [sum(size for _, _, size in piece) for piece in pieces]
    lo, hi = 0, len(pieces)
    while hi - lo > 1 and sizes[lo] < 3:
        lo += 1
    while hi - lo > 1 and sizes[hi - 1] < 3:
        hi -= 1
    return [run for piece in pieces[lo:hi] for run in piece]


def _drop_overlaps(passages: list[dict]) -> list[dict]:
    """Keep the longest of passages that overlap in both documents; order by position."""
    if len(passages) < 2:
        return passages
    kept: list[dict] = []
    for p in sorted(passages, key=lambda p: (-p["matched"], p["a0"], p["b0"])):
        if not any(p["a0"] < q["a1"] and q["a0"] < p["a1"] and p["b0"] < q["b1"] and q["b0"] < p["b1"]
                   for q in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: (p["a0"], p["b0"]))


def shared_words_by_outlet(passages: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """Words shared between each pair of outlets, summed over their passages.

    Outlets are labelled as in :func:`analysis.labels.outlet_labels` (a
    blank outlet becomes ``(unknown: <doc_id>)``). Every label of ``docs`` appears, with
    zeros where nothing is shared.

    Returns
    -------
    pandas.DataFrame
        Columns ``outlet_a, outlet_b, n_words, n_passages``, one row per ordered
        pair of labels (symmetric), labels in corpus order.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", ""]})
    >>> passages = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "n_words": [12]})
    >>> shared_words_by_outlet(passages, docs).values.tolist()
    [['X', 'X', 0, 0], ['X', '(unknown: b)', 12, 1], ['(unknown: b)', 'X', 12, 1], ['(unknown: b)', '(unknown: b)', 0, 0]]
    """

    labels = dict(zip(docs["doc_id"].astype(str), outlet_labels(docs)))
    names = list(dict.fromkeys(labels.values()))
    a = passages["doc_a"].astype(str).map(labels)
    b = passages["doc_b"].astype(str).map(labels)
    words = passages["n_words"]
    cross = a != b  # a passage within one outlet is counted once, on the diagonal
    both = pd.DataFrame({"outlet_a": pd.concat([a, b[cross]]), "outlet_b": pd.concat([b, a[cross]]),
                         "n_words": pd.concat([words, words[cross]])})
    summed = both.groupby(["outlet_a", "outlet_b"]).agg(n_words=("n_words", "sum"), n_passages=("n_words", "size"))
    grid = pd.MultiIndex.from_product([names, names], names=["outlet_a", "outlet_b"])
    table = summed.reindex(grid, fill_value=0).reset_index()
    for column in ("outlet_a", "outlet_b"):
        table[column] = table[column].astype(object)
    return table.astype({"n_words": "int64", "n_passages": "int64"})


def overlaps(reference, found) -> bool:
    """Whether a found passage overlaps a reference passage in both documents.

    Either may list the pair the other way round; both need ``doc_a, doc_b,
    start_a, end_a, start_b, end_b`` (e.g. rows of :func:`shared_passages` and
    of ``data/annotations/seed_passages.csv``). This is how the tests and the
    benchmark score the detector against hand annotations.

    >>> from types import SimpleNamespace as Row
    >>> gold = Row(doc_a="a", doc_b="b", start_a=10, end_a=50, start_b=0, end_b=40)
    >>> overlaps(gold, Row(doc_a="b", doc_b="a", start_a=30, end_a=35, start_b=45, end_b=60))
    True
    >>> overlaps(gold, Row(doc_a="a", doc_b="b", start_a=50, end_a=60, start_b=0, end_b=40))
    False
    """
    if (reference.doc_a, reference.doc_b) == (found.doc_a, found.doc_b):
        a0, a1, b0, b1 = found.start_a, found.end_a, found.start_b, found.end_b
    elif (reference.doc_a, reference.doc_b) == (found.doc_b, found.doc_a):
        a0, a1, b0, b1 = found.start_b, found.end_b, found.start_a, found.end_a
    else:
        return False
    return reference.start_a < a1 and a0 < reference.end_a and reference.start_b < b1 and b0 < reference.end_b
