"""Benchmark: shared passages on the seed gold pairs and on all Reuters-21578 bodies.

    python bench/bench_passages.py /work/shared/corpora/reuters21578/reuters21578.jsonl.gz

Seeds: how many gold ``verbatim``/``near`` pairs (data/annotations/seed_passages.csv)
are found (span overlap), how many passages found overlap no gold pair, and the
recall on ``paraphrase`` pairs.

Reuters: the bodies that repeat an earlier body word for word are the known
positives. A positive is found when ``shared_passages`` reports a passage between
the two documents, and covered when that passage holds at least 90% of the
body's words. Time is wall-clock for ``shared_passages`` alone (loading is timed
apart); peak memory is this process's ``ru_maxrss``, loaded corpus included.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd

from analysis import load_corpus, paths, select_text
from analysis.passages import overlaps, shared_passages
from analysis.text import token_spans


def seeds() -> None:
    found = shared_passages(load_corpus(paths.RAW_DATA_DIR))
    gold = pd.read_csv(paths.SEED_PASSAGES_CSV)
    for kind in ("verbatim", "near", "paraphrase"):
        rows = gold[gold["kind"] == kind]
        hits = sum(any(overlaps(g, f) for f in found.itertuples()) for g in rows.itertuples())
        print(f"seeds: {kind:10} {hits}/{len(rows)} gold pairs found")
    spurious = sum(not any(overlaps(g, f) for g in gold.itertuples()) for f in found.itertuples())
    print(f"seeds: {len(found)} passages found, {spurious} overlapping no gold pair")


def reuters(path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from reuters import duplicate_pairs, load_reuters

    docs, load_seconds = load_reuters(path)
    positives = duplicate_pairs(docs)
    print(f"\nReuters: {len(docs):,} documents (read_corpus {load_seconds:.1f} s, measured apart), "
          f"{len(positives)} repeated bodies")
    start = time.perf_counter()
    found = shared_passages(docs)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"shared_passages: {seconds:.1f} s, peak RSS {peak:.0f} MB; {len(found):,} passages "
          f"({(found['kind'] == 'verbatim').sum():,} verbatim, {(found['kind'] == 'near').sum():,} near) "
          f"between {len(found.groupby(['doc_a', 'doc_b'])):,} pairs of documents")
    longest = {}
    for a, b, n in zip(found["doc_a"], found["doc_b"], found["n_words"]):
        key = frozenset((a, b))
        longest[key] = max(longest.get(key, 0), n)
    bodies = select_text(docs, include=("body",))  # the title, now the first line of text, is not body
    words = dict(zip(docs["doc_id"], (len(token_spans(t)) for t in bodies)))
    hits = [longest.get(frozenset(p), 0) for p in positives]
    covered = sum(n > 0 and n >= 0.9 * words[b] for n, (_, b) in zip(hits, positives))
    print(f"repeated bodies: {sum(n > 0 for n in hits)}/{len(positives)} found "
          f"({sum(n > 0 for n in hits) / len(positives):.1%}), "
          f"{covered}/{len(positives)} with one passage holding >= 90% of the body's words")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="Reuters-21578 reuters21578.jsonl.gz")
    args = parser.parse_args()
    seeds()
    reuters(args.path)


if __name__ == "__main__":
    main()
