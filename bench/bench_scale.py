"""Benchmark: load + claims + term counts + top-10 similarity on Dask, up to a million articles.

    python bench/bench_scale.py /work/shared/corpora/reuters21578/reuters21578.jsonl.gz \\
        --copies 51 --sizes 20000,100000,1000000 --pandas-up-to 100000 --workers 2 \\
        --max-doc-share 0.02 --exact-up-to 100000

Builds the corpus from Reuters-21578 (19,779 bodies): copy 0 is the corpus as it is,
every further copy gets new ids (``<newid>-c<copy>``) and its text perturbed: each
alphabetic word is replaced, with probability :data:`REPLACE_SHARE`, by a random
word of the same frequency band (``floor(log2(corpus frequency))``), seeded per
copy. So copies are not duplicates of each other, and share passages only by
chance runs of untouched words. Each copy's outlet is ``copy <n>`` (term counts by
outlet have one group per copy). The corpus is written as JSONL.gz shards of
:data:`SHARD_ROWS` rows under ``--work`` (default a temporary folder); a size
reads the first shards that hold it.

For each size, in a fresh ``LocalCluster`` (``--workers`` processes, one thread
each, ``memory_limit`` 4 GB): :func:`analysis.scale.read_corpus`, then
:func:`analysis.scale.extract_claims` (counted on the workers),
:func:`analysis.scale.count_terms` by outlet and
:func:`analysis.scale.similarity_pairs` with ``top_k=10``. Wall time is measured
around each stage by the client; peak memory per worker is each worker
process's ``ru_maxrss``, asked at the end; the client's is printed too (it holds
the pairs table). The exact top 10 costs the sum over terms of their document
frequency squared, which grows with the square of the corpus; ``--max-doc-share S``
also runs :func:`analysis.scale.similarity_pairs` with ``max_doc_share=S`` (the
terms in more than that share of documents left out of the search, cosines
exact) and, where the exact top 10 ran too, the share of its pairs found
(``pruned_recall``); above ``--exact-up-to`` only that search runs and the total
counts it. The pandas path (``analysis.read_corpus`` of the same rows as
one DataFrame, then the pandas functions) runs in its own process for sizes up to
``--pandas-up-to``. The growth exponent between two sizes is
``log(t2 / t1) / log(n2 / n1)``. Results are appended, one JSON line per run, to
``--log``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

#: Share of words replaced in a copy: a 5-word run survives with probability 0.7**5 = 17%, so copies
#: are near neighbours (as rewrites of a wire story are) but are not duplicates and not all passages.
REPLACE_SHARE = 0.3
#: Rows per JSONL.gz shard: one partition each, a few MB of text.
SHARD_ROWS = 5_000
#: Base of the random seed of copy n (seed + n).
SEED = 16
COLUMNS = dict(text_column="body", id_column="newid", title_column="title", date_column="datetime",
               outlet_column="outlet")
_WORD = re.compile(r"([A-Za-z]+)")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def reuters_rows(path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if (r.get("body") or "").strip()]


class Perturber:
    """Replace words by random words of the same frequency band, seeded."""

    def __init__(self, texts):
        self.pieces = [_WORD.split(t) for t in texts]  # odd positions are words
        freq = Counter(p.lower() for pieces in self.pieces for p in pieces[1::2])
        words = sorted(freq)
        band = {w: int(math.log2(freq[w])) for w in words}
        self.bands: dict[int, list[str]] = {}
        for w in words:
            self.bands.setdefault(band[w], []).append(w)
        self.band = band

    def copy(self, n: int) -> list[str]:
        rng = np.random.default_rng(SEED + n)
        out = []
        for pieces in self.pieces:
            pieces = list(pieces)
            draws = rng.random(len(pieces) // 2)
            for k in np.flatnonzero(draws < REPLACE_SHARE):
                i = 2 * k + 1
                word = pieces[i]
                choices = self.bands[self.band[word.lower()]]
                new = choices[int(rng.integers(len(choices)))]
                pieces[i] = new.capitalize() if word[:1].isupper() else new
            out.append("".join(pieces))
        return out


def build(path, work: Path, size: int) -> list[Path]:
    """Shards holding the first ``size`` articles of the copied corpus (written once, reused)."""
    rows = reuters_rows(path)
    per_copy = len(rows)
    shards_per_copy = math.ceil(per_copy / SHARD_ROWS)
    copies = math.ceil(size / per_copy)
    perturber = None
    shards = []
    for c in range(copies):
        names = [work / f"copy{c:03d}-{s:02d}.jsonl.gz" for s in range(shards_per_copy)]
        if not all(p.exists() for p in names):
            if c and perturber is None:
                perturber = Perturber([r["body"] for r in rows])
            bodies = perturber.copy(c) if c else [r["body"] for r in rows]
            for s, name in enumerate(names):
                part = range(s * SHARD_ROWS, min((s + 1) * SHARD_ROWS, per_copy))
                tmp = name.with_suffix(".tmp")
                with gzip.open(tmp, "wt", encoding="utf-8") as f:
                    for i in part:
                        r = rows[i]
                        f.write(json.dumps({"newid": f"{r['newid']}-c{c}" if c else str(r["newid"]),
                                            "title": r.get("title") or "", "datetime": r.get("datetime") or "",
                                            "outlet": f"copy {c}", "body": bodies[i]}) + "\n")
                tmp.rename(name)
        shards += names
    # the shards that hold `size` rows; the last shard is cut to size
    out, total = [], 0
    for name in shards:
        if total >= size:
            break
        rows_here = min(SHARD_ROWS, size - total)
        if rows_here < SHARD_ROWS:
            cut = work / f"cut-{size}.jsonl.gz"
            if not cut.exists():
                with gzip.open(name, "rt", encoding="utf-8") as f, gzip.open(cut, "wt", encoding="utf-8") as g:
                    for _, line in zip(range(rows_here), f):
                        g.write(line)
            name = cut
        out.append(name)
        total += rows_here
    return out


def _stage(stages, result: dict, name: str) -> None:
    """Append what is measured so far (a long run shows its stages before it ends)."""
    if stages:
        with open(stages, "a") as f:
            f.write(json.dumps({"stage": name, **result}) + "\n")


def _pair_set(pairs) -> set:
    return set(zip(pairs["doc_a"], pairs["doc_b"]))


def run_dask(shards, workers: int, stages=None, max_doc_share=None, exact=True) -> dict:
    import shutil

    from distributed import Client, LocalCluster

    from analysis import scale

    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    for s in shards:
        (folder / s.name).symlink_to(s)
    result: dict = {}
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit="4GB",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        t = time.perf_counter()
        corpus = scale.read_corpus(folder, **COLUMNS)
        result["n_docs"] = int(corpus.documents.map_partitions(len).compute().sum())
        result["load_s"] = time.perf_counter() - t
        _stage(stages, result, "load")
        t = time.perf_counter()
        claims = scale.extract_claims(corpus)
        result["n_claims"] = int(claims.map_partitions(len).compute().sum())
        result["claims_s"] = time.perf_counter() - t
        _stage(stages, result, "claims")
        t = time.perf_counter()
        tc = scale.count_terms(corpus, by="outlet")
        result["n_terms"] = len(tc.vocabulary)
        result["terms_s"] = time.perf_counter() - t
        _stage(stages, result, "terms")
        pairs = None
        if exact:
            t = time.perf_counter()
            pairs = scale.similarity_pairs(corpus, top_k=10)
            result["n_pairs"] = len(pairs)
            result["similarity_s"] = time.perf_counter() - t
            _stage(stages, result, "similarity")
        if max_doc_share is not None:
            t = time.perf_counter()
            quick = scale.similarity_pairs(corpus, top_k=10, max_doc_share=max_doc_share)
            result["max_doc_share"] = max_doc_share
            result["n_pairs_pruned"] = len(quick)
            result["similarity_pruned_s"] = time.perf_counter() - t
            if pairs is not None:  # how much of the exact top 10 the search without common terms finds
                found = _pair_set(pairs) & _pair_set(quick)
                result["pruned_recall"] = len(found) / max(len(pairs), 1)
                both = pairs.merge(quick, on=["doc_a", "doc_b"])
                result["pruned_max_cosine_diff"] = float((both["cosine_x"] - both["cosine_y"]).abs().max())
            _stage(stages, result, "similarity_pruned")
        similarity = result["similarity_s"] if exact else result["similarity_pruned_s"]
        result["total_s"] = result["load_s"] + result["claims_s"] + result["terms_s"] + similarity
        result["worker_peak_mb"] = sorted(client.run(peak_mb).values())
        result["client_peak_mb"] = peak_mb()
    shutil.rmtree(folder)
    return result


def run_pandas(shards) -> dict:
    import pandas as pd

    import analysis
    from analysis.terms import count_terms

    frame = pd.concat([pd.read_json(s, lines=True, dtype=False) for s in shards], ignore_index=True)
    frame["newid"] = frame["newid"].astype(str)
    result: dict = {}
    t = time.perf_counter()
    docs = analysis.read_corpus(frame, **COLUMNS).documents
    result["n_docs"], result["load_s"] = len(docs), time.perf_counter() - t
    t = time.perf_counter()
    result["n_claims"], result["claims_s"] = len(analysis.extract_claims(docs)), time.perf_counter() - t
    t = time.perf_counter()
    result["n_terms"], result["terms_s"] = len(count_terms(docs, by="outlet").vocabulary), time.perf_counter() - t
    t = time.perf_counter()
    result["n_pairs"] = len(analysis.similarity_pairs(docs, top_k=10, progress=False))
    result["similarity_s"] = time.perf_counter() - t
    result["total_s"] = sum(result[k] for k in ("load_s", "claims_s", "terms_s", "similarity_s"))
    result["peak_mb"] = peak_mb()
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="reuters21578.jsonl.gz")
    parser.add_argument("--copies", type=int, default=51, help="copies of Reuters to build (51 hold 1,000,000)")
    parser.add_argument("--sizes", default="20000,100000", help="comma-separated article counts")
    parser.add_argument("--pandas-up-to", type=int, default=100_000, help="run the pandas path up to this size")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work", default=None, help="folder for the shards (kept, reused)")
    parser.add_argument("--log", default="bench-scale.jsonl", help="append one JSON line per run here")
    parser.add_argument("--stages", default=None, help="append each Dask stage's times here as it ends")
    parser.add_argument("--max-doc-share", type=float, default=None,
                        help="also run the Dask top-10 leaving out of the search the terms in more than this "
                             "share of the documents (analysis.scale.similarity_pairs(max_doc_share=...))")
    parser.add_argument("--exact-up-to", type=int, default=None,
                        help="run the exact Dask top-10 only up to this size (default: every size); above it the "
                             "total counts the top-10 with --max-doc-share")
    parser.add_argument("--engines", default="dask,pandas", help="comma-separated: dask, pandas")
    parser.add_argument("--one", nargs=3, metavar=("ENGINE", "SIZE", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:  # a child process: one engine at one size
        engine, size, work = args.one[0], int(args.one[1]), Path(args.one[2])
        shards = build(args.path, work, size)
        exact = args.exact_up_to is None or size <= args.exact_up_to
        if not exact and args.max_doc_share is None:
            parser.error("--exact-up-to needs --max-doc-share for the sizes above it")
        result = run_dask(shards, args.workers, args.stages, args.max_doc_share, exact) if engine == "dask" \
            else run_pandas(shards)
        print(json.dumps(result))
        return
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-scale-shards-"))
    work.mkdir(parents=True, exist_ok=True)
    per_copy = len(reuters_rows(args.path))
    sizes = [min(int(s), args.copies * per_copy) for s in args.sizes.split(",")]
    build(args.path, work, max(sizes))
    previous: dict = {}
    for size in sizes:
        for engine in args.engines.split(","):
            if engine == "pandas" and size > args.pandas_up_to:
                continue
            out = subprocess.run([sys.executable, __file__, args.path, "--workers", str(args.workers),
                                  *(["--stages", args.stages] if args.stages else []),
                                  *([] if args.max_doc_share is None else ["--max-doc-share", str(args.max_doc_share)]),
                                  *([] if args.exact_up_to is None else ["--exact-up-to", str(args.exact_up_to)]),
                                  "--one", engine, str(size), str(work)], capture_output=True, text=True)
            if out.returncode:
                result = {"error": out.stderr.strip().splitlines()[-1:] or ["failed"]}
            else:
                result = json.loads(out.stdout.strip().splitlines()[-1])
            result.update(engine=engine, size=size, workers=args.workers)
            if engine in previous and "total_s" in result and "total_s" in previous[engine]:
                n1, t1 = previous[engine]["size"], previous[engine]["total_s"]
                result["growth_exponent"] = round(math.log(result["total_s"] / t1) / math.log(size / n1), 2)
            if "total_s" in result:
                previous[engine] = result
            print(json.dumps(result), flush=True)
            with open(args.log, "a") as f:
                f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
