"""Per-document work on every core: one process pool, results in input order.

Segmenting, sentence splitting, claims, term counting and passage alignment
are independent across documents (or candidate pairs). :func:`map_ranges`
cuts ``range(n)`` into consecutive chunks, runs a function on each chunk in a
:class:`concurrent.futures.ProcessPoolExecutor` and joins the chunks' lists in
order, so the result is the same list a single process gives, whatever
``n_jobs`` is.

Every ``n_jobs=`` option of the package comes here: ``None`` (the default)
uses every core this process may run on, ``1`` runs in this process. Small
inputs run in this process too (see :data:`MIN_ITEMS_PER_JOB`), so the seeds
and the tests never start a pool, and so does work inside a daemonic process
(a worker of another pool), which may not start processes.

The data the chunks read (the documents, a gazetteer) is the ``context``,
handed to each worker once when it starts: on Linux the workers are forked, so
it is not even copied.

Examples
--------
>>> def squares(context, start, stop):
...     return [context[i] ** 2 for i in range(start, stop)]
>>> map_ranges(squares, 5, context=[1, 2, 3, 4, 5], n_jobs=1)
[1, 4, 9, 16, 25]
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

import numpy as np
from scipy import sparse
from tqdm.auto import tqdm

__all__ = ["MIN_ITEMS_PER_JOB", "CHUNKS_PER_JOB", "count_ranges", "default_jobs", "in_worker", "map_ranges",
           "progress_bar", "resolve_jobs", "without_huge_pages"]

#: Fewer items than this per worker run in this process: starting a pool (about 0.1 s a worker) and
#: sending results back would cost more than the second core saves on a few hundred short articles.
MIN_ITEMS_PER_JOB = 1000
#: Chunks per worker: enough to even out chunks of unequal cost and to move a progress bar, few
#: enough that sending each chunk's result back stays cheap.
CHUNKS_PER_JOB = 4

_CONTEXT = None  # what the chunks of the running map read, set once in each worker
_IN_WORKER = False  # True in the worker processes of map_ranges' pools


def default_jobs() -> int:
    """The cores this process may run on.

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def resolve_jobs(n_jobs: int | None) -> int:
    """Worker processes for ``n_jobs``: ``None`` or ``-1`` every core, else a positive count.

    >>> resolve_jobs(1), resolve_jobs(None) == default_jobs()
    (1, True)
    >>> resolve_jobs(0)
    Traceback (most recent call last):
    ...
    ValueError: n_jobs must be a positive number of processes, or None or -1 for every core; got 0
    """
    if n_jobs is None or n_jobs == -1:
        return default_jobs()
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive number of processes, or None or -1 for every core; got {n_jobs!r}")
    return n_jobs


def progress_bar(iterable=None, *, progress: bool | None, **options):
    """The package's progress bar (tqdm): ``progress=None`` shows it only on a terminal.

    ``True`` shows it anywhere: in a notebook as a widget (``tqdm.auto``), which is how the
    notebooks' ``PROGRESS`` parameter turns bars on; ``False`` never. Bars disappear when done.
    A Jupyter kernel's output is not a terminal, so there a bar shows only when asked for:
    tqdm's notebook bar would show for ``None`` too, and a report would keep it.

    >>> [x for x in progress_bar(range(3), progress=False, desc="words")]
    [0, 1, 2]
    """
    if progress is None:
        progress = _on_terminal(options.get("file") or sys.stderr)
    return tqdm(iterable, disable=not progress, leave=False, **options)


def _on_terminal(stream) -> bool:
    """Whether ``stream``, where a bar is drawn, is a terminal (a Jupyter kernel's output is not)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


#: NumPy's switch for asking the kernel for transparent huge pages for each new array of 4 MB or more (NumPy
#: turns it on at import, on Linux 4.6 and later, unless ``NUMPY_MADVISE_HUGEPAGE`` says otherwise).
_NUMPY_CORE = getattr(np, "_core", None) or getattr(np, "core", None)  # NumPy 2, NumPy 1.26
_SET_HUGE_PAGES = getattr(getattr(_NUMPY_CORE, "multiarray", None), "_set_madvise_hugepage", None)


@contextmanager
def without_huge_pages():
    """NumPy's new arrays without transparent huge pages while the block (or decorated function) runs.

    Where the kernel compacts memory on the spot to serve a huge page (``defrag`` set to ``madvise``, the
    default of many distributions), first filling a fresh array of tens of MB can take several times
    longer than with ordinary pages: on the 2-core machine of the README's speed table, the serial part
    of :func:`analysis.shared_passages` (joining, hashing and numbering 2.7 million n-grams) took 2.8 s
    with them and 0.6 s without, and the five steps on Reuters-21578 about 11 % less time in all (36 s
    against 32 s). The package's arrays are filled once or twice and dropped, so the pages' own gain
    (fewer TLB misses) is small. The previous setting is restored afterwards; nothing changes when
    ``NUMPY_MADVISE_HUGEPAGE`` is set (the user's choice), or when NumPy has no such switch.

    >>> with without_huge_pages():
    ...     total = int(np.ones(2_000_000).sum())
    >>> total
    2000000
    """
    if _SET_HUGE_PAGES is None or "NUMPY_MADVISE_HUGEPAGE" in os.environ:
        yield
        return
    previous = _SET_HUGE_PAGES(False)
    try:
        yield
    finally:
        _SET_HUGE_PAGES(previous)


def _start(context) -> None:
    global _CONTEXT, _IN_WORKER
    _CONTEXT = context
    _IN_WORKER = True


def in_worker() -> bool:
    """Whether this process is a worker that :func:`map_ranges` started, and which ends with the map.

    >>> in_worker()
    False
    """
    return _IN_WORKER


def _run(func, start: int, stop: int) -> list:
    return func(_CONTEXT, start, stop)


def _bounds(n: int, chunks: int) -> list[tuple[int, int]]:
    size = -(-n // chunks)
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def map_ranges(func, n: int, *, context=None, n_jobs: int | None = None, progress: bool | None = False,
               desc: str | None = None, unit: str = "doc", min_items: int | None = None,
               chunks_per_job: int = CHUNKS_PER_JOB) -> list:
    """``func(context, start, stop)`` over consecutive chunks of ``range(n)``, joined in order.

    Parameters
    ----------
    func : callable
        A module-level function ``(context, start, stop) -> list`` (it is sent
        to the workers by name).
    n : int
        Number of items; the chunks cover ``range(n)`` exactly, in order.
    context : object, optional
        What ``func`` reads; given to each worker once.
    n_jobs : int, optional
        Worker processes; default every core (see :func:`resolve_jobs`).
    progress : bool, optional
        A tqdm bar over the items; ``None`` shows it on a terminal only.
    desc, unit : str
        The bar's label and unit.
    min_items : int, optional
        Items a worker must have for a pool to be started; default
        :data:`MIN_ITEMS_PER_JOB`.
    chunks_per_job : int, default CHUNKS_PER_JOB
        Chunks per worker; ``1`` gives each worker one run of consecutive
        items, for a ``func`` that pays a start-up cost once per call.

    Returns
    -------
    list
        The chunks' lists concatenated: the same as ``func(context, 0, n)``.

    Examples
    --------
    >>> def words(context, start, stop):
    ...     return [len(context[i].split()) for i in range(start, stop)]
    >>> map_ranges(words, 3, context=["a b", "c", "d e f"], n_jobs=1)
    [2, 1, 3]
    """
    least = MIN_ITEMS_PER_JOB if min_items is None else max(min_items, 1)
    jobs = min(resolve_jobs(n_jobs), max(1, n // least))
    if multiprocessing.current_process().daemon:
        jobs = 1  # a daemonic worker (another pool's, Dask's) may not start processes of its own
    bounds = _bounds(n, jobs * max(chunks_per_job, 1)) if n else []
    out: list = []
    with progress_bar(total=n, desc=desc, unit=unit, progress=progress) as bar:
        if jobs == 1:
            for a, b in bounds:
                out.extend(func(context, a, b))
                bar.update(b - a)
            return out
        fork = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
        mp_context = multiprocessing.get_context("fork") if fork else None
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context, initializer=_start,
                                 initargs=(context,)) as pool:
            futures = [pool.submit(_run, func, a, b) for a, b in bounds]
            for (a, b), future in zip(bounds, futures):
                out.extend(future.result())
                bar.update(b - a)
    return out


def _count_chunk(context, start: int, stop: int) -> list:
    """Sparse counts of the terms of items ``start:stop``, against this chunk's own vocabulary."""
    func, inner = context
    columns: dict[str, int] = {}
    indptr, indices, data, extras = [0], [], [], []
    for terms, extra in func(inner, start, stop):
        counted = Counter(terms)
        indices.extend(columns.setdefault(t, len(columns)) for t in counted)
        data.extend(counted.values())
        indptr.append(len(indices))
        extras.append(extra)
    return [(np.array(list(columns), dtype=object), np.array(indptr, dtype=np.int64),
             np.array(indices, dtype=np.int64), np.array(data, dtype=np.int64), extras)]


def count_ranges(func, n: int, *, context=None, n_jobs: int | None = None, progress: bool | None = False,
                 desc: str | None = None, unit: str = "doc", min_items: int | None = None):
    """Term counts of ``n`` items as one sparse matrix, counted on every core.

    ``func(context, start, stop)`` gives, for each item of the chunk, ``(terms, extra)``: the
    item's terms (strings, repeats counted) and anything else the caller wants back per item.
    Each chunk is counted where it was tokenized, against its own vocabulary; only the counts come
    back, and the vocabularies are merged here. The matrix is the one
    ``sklearn.feature_extraction.text.CountVectorizer(analyzer=...)`` gives, entry for entry, whatever
    ``n_jobs`` is: columns in sorted term order, and within a row the terms in the order the corpus
    first uses them, as CountVectorizer stores them (so that sums along a row, such as a TF-IDF
    row's norm, add up in the same order, to the same floats).

    Parameters
    ----------
    func : callable
        A module-level function ``(context, start, stop) -> list of (terms, extra)``.
    n, context, n_jobs, progress, desc, unit, min_items
        As in :func:`map_ranges`.

    Returns
    -------
    (scipy.sparse.csr_matrix, numpy.ndarray, list)
        Items x terms counts, the sorted terms (object array), and each item's ``extra``.

    Examples
    --------
    >>> def words(context, start, stop):
    ...     return [(context[i].split(), i) for i in range(start, stop)]
    >>> counts, terms, extras = count_ranges(words, 2, context=["b a b", "c"], n_jobs=1)
    >>> counts.toarray().tolist(), terms.tolist(), extras
    ([[1, 2, 0], [0, 0, 1]], ['a', 'b', 'c'], [0, 1])
    """
    chunks = map_ranges(_count_chunk, n, context=(func, context), n_jobs=n_jobs, progress=progress, desc=desc,
                        unit=unit, min_items=min_items)
    if not chunks:  # no items
        return sparse.csr_matrix((n, 0), dtype=np.int64), np.array([], dtype=object), []
    names = np.concatenate([chunk[0] for chunk in chunks])
    vocabulary, first = np.unique(names, return_index=True)  # first: where the corpus first uses each term
    position = np.searchsorted(vocabulary, names)
    indptr, indices, data, extras, offset, seen = [np.zeros(1, dtype=np.int64)], [], [], [], 0, 0
    for chunk_names, chunk_indptr, chunk_indices, chunk_data, chunk_extras in chunks:
        indices.append(position[seen:seen + len(chunk_names)][chunk_indices])
        seen += len(chunk_names)
        indptr.append(chunk_indptr[1:] + offset)
        data.append(chunk_data)
        offset += len(chunk_indices)
        extras.extend(chunk_extras)
    indptr, indices, data = np.concatenate(indptr), np.concatenate(indices), np.concatenate(data)
    rows = np.repeat(np.arange(len(extras)), np.diff(indptr))
    order = np.lexsort((first[indices], rows))
    counts = sparse.csr_matrix((data[order], indices[order], indptr), shape=(len(extras), len(vocabulary)))
    return counts, vocabulary, extras
