"""Benchmark: every analysis of a large corpus, step by step, and the similarity command against scikit-learn.

    python bench/bench_pipeline.py /work/shared/corpora/reuters21578/reuters21578.jsonl.gz

Part 1, the pipeline, in this process, one step after the other on the same documents
(Reuters-21578 read as in ``reuters.py``, but with duplicates skipped, the loader's default:
19,495 articles):

- ``load_corpus``: the table read, segmented and dated (``read_corpus``);
- similarity top-10: ``similarity_pairs(docs, top_k=10)``;
- claims: ``extract_claims(docs)``;
- term frequencies: ``term_frequencies(docs)`` (by outlet: here one group per article);
- shared passages: ``shared_passages(docs)``.

Each step's wall time, and its peak memory: the largest memory in use, sampled every
:data:`SAMPLE_SECONDS`, by this process plus its worker processes (a process pool's workers count
too), and never less than this process's own high-water mark over the step (``VmHWM``, reset
before each step through ``/proc/self/clear_refs``). A forked worker shares most of its pages
with this process, so each process is counted by its proportional set size (``Pss`` in
``/proc/PID/smaps_rollup``: a page shared by two processes counts half in each), which adds up to
the memory the machine gives the step; without ``smaps_rollup`` the resident sizes are summed,
an upper bound. Reading ``Pss`` walks a process's page tables (about 2.5 ms per GB here), and with two
workers running each sample reads it for three processes. Sampled every 50 ms, the meter slowed the steps it
measured (2026-12-02, the same code with and without it: loading 5.05 and 4.95 s against 4.56 and 4.55 s, claims
6.09 and 5.98 s against 5.23 and 4.95 s), so a sample is taken every :data:`SAMPLE_SECONDS`, the workers are found
from the kernel's ``children`` files instead of every process's ``stat``, and ``Pss`` is read only when the
resident sizes, cheap to read and never below it, add up to more than the peak so far (which saves little while
workers run: their resident sizes count the pages they share twice). Claims, in one process one after the other:
6.09 and 6.08 s sampled every 0.05 s, 5.57 s every 0.1 s, 5.24 s every 0.2 s, 5.28 s every 0.5 s; the peak varied
from run to run (414 to 506 MB) whatever the interval.

Part 2, the similarity command, loading included, against plain scikit-learn, side by side in this
one run, each side in its own Python process started fresh (interpreter start and imports counted):

- project: ``python -m analysis similarity PATH --top-k 10 ...`` (the CLI: read, segment, TF-IDF,
  sparse top-k, the pairs written as CSV);
- baseline: the file read with ``pandas.read_json``, title and body joined as the loader does, exact
  repeats dropped, then :func:`bench_similarity.run_baseline` (``TfidfVectorizer`` with the package's
  token pattern and stopwords + dense ``cosine_similarity`` + ``argpartition`` top-k).

Wall time is measured here around each process; peak memory is that process's ``ru_maxrss`` (and its
workers'). Repeat when the load average (``uptime``, printed) is high: the machine may be shared.
The first line also says how the machine serves huge pages (:func:`huge_pages`): the baseline's
dense matrix is several GB, and its time depends on it more than on anything else.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_similarity import run_baseline  # noqa: E402 - one baseline, shared with bench_similarity.py
from reuters import COLUMNS  # noqa: E402

#: Seconds between two samples of memory while a step runs: a step lasts seconds, and with workers running
#: a sample walks the page tables of three processes, which slows the step when done more often (see above).
SAMPLE_SECONDS = 0.2
#: Neighbours per article, as the similarity command keeps beyond its dense limit.
TOP_K = 10


def _status_mb(pid, field: str) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(field + ":")) / 1024
    except (OSError, StopIteration):
        return 0.0


def _descendants(pid: int) -> list[int]:
    """Every process started by ``pid``, and by those: from each thread's ``children`` file (a few reads),
    or, where the kernel has no such file, from the parent named in every process's ``stat``."""
    if not os.path.exists(f"/proc/{pid}/task/{pid}/children"):
        return _descendants_from_stat(pid)
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:  # it has just ended
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children") as handle:
                    children = [int(child) for child in handle.read().split()]
            except OSError:
                continue
            found += children
            todo += children
    return found


def _descendants_from_stat(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _memory_mb(pid) -> float:
    """Proportional set size of one process, or its resident size where the kernel does not tell."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next(int(line.split()[1]) for line in rollup if line.startswith("Pss:")) / 1024
    except (OSError, StopIteration):
        return _status_mb(pid, "VmRSS")


class Meter:
    """Wall time and peak resident memory (this process and its workers) of the block it wraps."""

    def __enter__(self):
        try:
            with open("/proc/self/clear_refs", "w") as handle:
                handle.write("5")  # reset VmHWM, this process's high-water mark
        except OSError:
            pass
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        self._start = time.perf_counter()
        return self

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            processes = [me, *_descendants(me)]
            # a process's Pss is never above its resident size: only a resident total above the peak can
            # hold a new peak, and only then are the page tables walked
            if sum(_status_mb(p, "VmRSS") for p in processes) > self.peak_mb:
                self.peak_mb = max(self.peak_mb, sum(_memory_mb(p) for p in processes))
            self._stop.wait(SAMPLE_SECONDS)

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._start
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, _status_mb(os.getpid(), "VmHWM"))
        return False


def pipeline(path: str, n_jobs=None) -> list[tuple[str, float, float]]:
    from analysis import extract_claims, read_corpus, shared_passages, similarity_pairs, term_frequencies

    results = []
    with Meter() as m:
        docs = read_corpus(path, n_jobs=n_jobs, **COLUMNS).documents
    results.append(("load_corpus", m.seconds, m.peak_mb))
    print(f"documents: {len(docs):,} ({len(docs) / m.seconds:,.0f} articles/s loaded)")
    steps = [
        (f"similarity top-{TOP_K}", lambda: similarity_pairs(docs, top_k=TOP_K, n_jobs=n_jobs)),
        ("claims", lambda: extract_claims(docs, n_jobs=n_jobs)),
        ("term frequencies", lambda: term_frequencies(docs, n_jobs=n_jobs)),
        ("shared passages", lambda: shared_passages(docs, n_jobs=n_jobs)),
    ]
    for name, step in steps:
        with Meter() as m:
            out = step()
        results.append((name, m.seconds, m.peak_mb))
        print(f"  {name}: {len(out):,} rows", flush=True)
        del out
    return results


def child_baseline(path: str, k: int) -> None:
    import pandas as pd

    frame = pd.read_json(path, lines=True, dtype=False)
    titles = frame[COLUMNS["title_column"]].fillna("").astype(str)
    bodies = frame[COLUMNS["text_column"]].fillna("").astype(str)
    texts = (titles + "\n\n" + bodies).str.strip()
    docs = pd.DataFrame({"doc_id": frame[COLUMNS["id_column"]].astype(str), "outlet": "", "text": texts})
    docs = docs[bodies.str.strip() != ""].drop_duplicates("text").reset_index(drop=True)
    top, _ = run_baseline(docs, k)
    print(json.dumps({"documents": len(docs), "neighbours": int((top >= 0).sum()), "peak_mb": _own_peak_mb()}))


def child_cli(argv: list[str]) -> None:
    from analysis.cli import main

    status = main(argv)
    print(json.dumps({"status": status, "peak_mb": _own_peak_mb()}), file=sys.stderr)


def _own_peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own + workers


def side_by_side(path: str, k: int) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "pairs.csv")
        cli = ["similarity", path, "--text-column", COLUMNS["text_column"], "--id-column", COLUMNS["id_column"],
               "--title-column", COLUMNS["title_column"], "--date-column", COLUMNS["date_column"],
               "--top-k", str(k), "--out", out]
        commands = {
            "project": [sys.executable, __file__, "--child-cli", *cli],
            "baseline": [sys.executable, __file__, path, "--child", "baseline"],
        }
        for side, command in commands.items():
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            seconds = time.perf_counter() - start
            stream = done.stderr if side == "project" else done.stdout
            stats = json.loads(stream.strip().splitlines()[-1])
            results[side] = {"seconds": seconds, **stats}
    return results


def huge_pages() -> str:
    """The machine's transparent huge pages and NumPy's use of them: the baseline's dense matrix is several GB,
    and where first touching huge pages is slow (THP ``madvise`` with ``defrag`` on ``madvise``) it can take
    three times as long as with ``NUMPY_MADVISE_HUGEPAGE=0``, so every run says which it had."""
    found = []
    for name in ("enabled", "defrag"):
        try:
            text = Path(f"/sys/kernel/mm/transparent_hugepage/{name}").read_text()
            found.append(f"THP {name} {text[text.index('[') + 1:text.index(']')]}")
        except (OSError, ValueError):
            pass
    found.append(f"NUMPY_MADVISE_HUGEPAGE={os.environ.get('NUMPY_MADVISE_HUGEPAGE', 'unset')}")
    return ", ".join(found)


def main() -> None:
    if sys.argv[1:2] == ["--child-cli"]:  # the similarity command's own arguments follow
        child_cli(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="Reuters-21578 reuters21578.jsonl.gz")
    parser.add_argument("--child", choices=["baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--skip-pipeline", action="store_true", help="only the similarity command against the baseline")
    parser.add_argument("--skip-baseline", action="store_true", help="only the pipeline")
    parser.add_argument("--n-jobs", type=int, help="processes for the pipeline's steps (default: every core)")
    args = parser.parse_args()
    if args.child == "baseline":
        child_baseline(args.path, TOP_K)
        return

    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.2f} at start; {huge_pages()}")
    if not args.skip_pipeline:
        results = pipeline(args.path, args.n_jobs)
        print(f"n_jobs={args.n_jobs or 'every core'}")
        print(f"\n{'step':22} {'time s':>8} {'peak mem MB':>12}")
        for name, seconds, peak in results:
            print(f"{name:22} {seconds:8.1f} {peak:12.0f}")
        print(f"{'all five':22} {sum(r[1] for r in results):8.1f} {max(r[2] for r in results):12.0f}")
    if not args.skip_baseline:
        sides = side_by_side(args.path, TOP_K)
        print(f"\nsimilarity command, top-{TOP_K}, loading included (each side its own process):")
        for side in ("project", "baseline"):
            r = sides[side]
            print(f"  {side:9} {r['seconds']:6.1f} s  peak RSS {r['peak_mb']:6.0f} MB")
        p, b = sides["project"], sides["baseline"]
        print(f"  speed-up (baseline time / project time): {b['seconds'] / p['seconds']:.1f}x; "
              f"peak memory {b['peak_mb'] / p['peak_mb']:.1f}x less")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
