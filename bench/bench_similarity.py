"""Benchmark: top-k TF-IDF neighbours with the package against plain scikit-learn.

    python bench/bench_similarity.py /work/shared/corpora/reuters21578/reuters21578.jsonl.gz

Loads the corpus once (all 19,779 Reuters bodies, see ``reuters.py``), then runs
each side in its own Python process, one after the other, on the same documents:

- project: ``similarity_pairs(docs, top_k=K)`` then ``nearest_neighbours`` (the
  package tokenizer, sparse products in row blocks with sparse_dot_topn);
- baseline: ``TfidfVectorizer`` (set up to give the same words: the package's
  token pattern, lowercasing, quote folding and stopwords; sublinear tf) +
  dense ``cosine_similarity`` (N x N) + ``np.argpartition`` top-k.

Both sides read the same ``doc_id, outlet, text`` table (``text`` is headline and
body). Time is wall-clock inside each process, from the documents in memory to
the top-k table. Peak memory is that process's ``ru_maxrss`` (peak resident set
size, which includes Python, the libraries and the loaded documents); the
resident size after loading the documents (``VmRSS``) is printed too, so the
growth due to the work itself can be read off. The top-K lists are compared.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def current_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def run_project(docs, k: int) -> tuple[np.ndarray, dict]:
    from analysis.similarity import nearest_neighbours, similarity_pairs, tfidf_matrix

    start = time.perf_counter()
    pairs = similarity_pairs(docs, top_k=k)
    table = nearest_neighbours(pairs, k=k)
    seconds = time.perf_counter() - start
    position = {doc_id: i for i, doc_id in enumerate(docs["doc_id"])}
    top = np.full((len(docs), k), -1, dtype=np.int64)
    for doc_id, rank, neighbour in zip(table["doc_id"], table["rank"], table["neighbour"]):
        top[position[doc_id], rank - 1] = position[neighbour]
    peak = peak_mb()
    start = time.perf_counter()
    tfidf_matrix(docs, progress=False)
    stages = {"vectorize_s": time.perf_counter() - start}
    stages["neighbours_s"] = seconds - stages["vectorize_s"]
    return top, {"seconds": seconds, "peak_mb": peak, **stages}


def run_baseline(docs, k: int) -> tuple[np.ndarray, dict]:
    import warnings

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from analysis.text import STOPWORDS, TOKEN_PATTERN, normalize_for_matching

    start = time.perf_counter()
    vectorizer = TfidfVectorizer(sublinear_tf=True, token_pattern=TOKEN_PATTERN, stop_words=sorted(STOPWORDS),
                                 preprocessor=lambda text: normalize_for_matching(text).lower())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matrix = vectorizer.fit_transform(docs["text"])
    vectorized = time.perf_counter()
    similarity = cosine_similarity(matrix)  # dense N x N, float64
    np.fill_diagonal(similarity, -np.inf)
    top = np.empty((len(docs), k), dtype=np.int64)
    for row in range(0, len(docs), 1000):  # argpartition by blocks: no N x N index array
        block = similarity[row:row + 1000]
        part = np.argpartition(block, -k, axis=1)[:, -k:]
        order = np.argsort(-np.take_along_axis(block, part, axis=1), axis=1, kind="stable")
        top[row:row + 1000] = np.take_along_axis(part, order, axis=1)
    seconds = time.perf_counter() - start
    return top, {"seconds": seconds, "peak_mb": peak_mb(), "vectorize_s": vectorized - start,
                 "neighbours_s": seconds - (vectorized - start)}


def child(side: str, docs_file: str, out_file: str, k: int) -> None:
    with open(docs_file, "rb") as handle:
        docs = pickle.load(handle)
    loaded = current_mb()
    top, stats = (run_project if side == "project" else run_baseline)(docs, k)
    np.save(out_file, top)
    print(json.dumps({"loaded_mb": loaded, **stats}))


def overlap(project: np.ndarray, baseline: np.ndarray) -> tuple[float, float]:
    """Mean share of the baseline's top-k found by the project, and share of documents with identical sets."""
    shared = [len(set(p[p >= 0]) & set(b)) / len(b) for p, b in zip(project, baseline)]
    return float(np.mean(shared)), float(np.mean([s == 1.0 for s in shared]))


def tie_aware_overlap(project: np.ndarray, baseline: np.ndarray, matrix) -> float:
    """Share of the project's neighbours at least as similar as the baseline's k-th (ties count as agreement)."""
    agree = []
    for row, (p, b) in enumerate(zip(project, baseline)):
        vector = matrix[row]
        kth = (matrix[b] @ vector.T).toarray().ravel().min()
        mine = (matrix[p[p >= 0]] @ vector.T).toarray().ravel()
        agree.append(np.sum(mine >= kth - 1e-9) / len(b))
    return float(np.mean(agree))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="Reuters-21578 reuters21578.jsonl.gz")
    parser.add_argument("--top-k", type=int, default=10)
    parser.add_argument("--child", nargs=3, metavar=("SIDE", "DOCS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, k=args.top_k)
        return

    sys.path.insert(0, str(Path(__file__).parent))
    from reuters import load_reuters

    docs, load_seconds = load_reuters(args.path)
    print(f"documents: {len(docs):,} bodies (read_corpus took {load_seconds:.1f} s, measured apart)")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        docs_file = os.path.join(folder, "docs.pkl")
        with open(docs_file, "wb") as handle:
            pickle.dump(docs[["doc_id", "outlet", "text"]], handle)  # text: headline and body
        for side in ("project", "baseline"):
            out = os.path.join(folder, f"{side}.npy")
            done = subprocess.run([sys.executable, __file__, args.path, "--top-k", str(args.top_k),
                                   "--child", side, docs_file, out], capture_output=True, text=True, check=True)
            results[side] = json.loads(done.stdout.strip().splitlines()[-1])
            results[side]["top"] = np.load(out)

    project, baseline = results["project"], results["baseline"]
    header = f"{'time s':>8} {'vectorize s':>12} {'neighbours s':>13} {'peak RSS MB':>12} {'RSS after load MB':>18}"
    print(f"\n{'':10} {header}")
    for side in ("project", "baseline"):
        r = results[side]
        print(f"{side:10} {r['seconds']:8.1f} {r['vectorize_s']:12.1f} {r['neighbours_s']:13.1f} "
              f"{r['peak_mb']:12.0f} {r['loaded_mb']:18.0f}")
    growth = (baseline["peak_mb"] - baseline["loaded_mb"]) / (project["peak_mb"] - project["loaded_mb"])
    print(f"\nspeed-up (baseline time / project time): {baseline['seconds'] / project['seconds']:.1f}x"
          f"  (neighbour search alone: {baseline['neighbours_s'] / project['neighbours_s']:.1f}x)")
    print(f"memory: peak RSS {baseline['peak_mb'] / project['peak_mb']:.1f}x less;"
          f" growth over the loaded documents {growth:.1f}x less")

    from analysis.similarity import tfidf_matrix

    matrix, _ = tfidf_matrix(docs, progress=False)
    mean_shared, identical = overlap(project["top"], baseline["top"])
    print(f"top-{args.top_k} neighbours: {mean_shared:.2%} of the baseline's found by the project;"
          f" identical sets for {identical:.2%} of documents;"
          f" counting ties at the k-th cosine as agreement:"
          f" {tie_aware_overlap(project['top'], baseline['top'], matrix):.2%}")


if __name__ == "__main__":
    main()
