"""Benchmark: coverage, copy groups and one_per_group on all Reuters-21578 bodies.

    python bench/bench_story.py /work/shared/corpora/reuters21578/reuters21578.jsonl.gz

The bodies that repeat an earlier body word for word are the known copies: each
should land in the same copy group as the body it repeats. Times are wall-clock
for each call alone (loading and ``shared_passages`` are timed apart, the
passages are given to ``copy_groups``); peak memory is this process's
``ru_maxrss``, loaded corpus included. ``one_per_group`` is measured by the
documents and running words kept and by the top-10 neighbour pairs with a cosine
of at least 0.9, with and without it.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from analysis.copies import copy_groups, keep_one_per_group
from analysis.coverage import UNDATED, coverage
from analysis.passages import shared_passages
from analysis.similarity import similarity_pairs

#: Cosine above which two neighbours are near-identical texts.
NEAR_IDENTICAL = 0.9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="Reuters-21578 reuters21578.jsonl.gz")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from reuters import duplicate_pairs, load_reuters

    docs, load_seconds = load_reuters(args.path)
    positives = duplicate_pairs(docs)
    print(f"Reuters: {len(docs):,} documents (read_corpus {load_seconds:.1f} s), {len(positives)} repeated bodies")
    start = time.perf_counter()
    table = coverage(docs, freq="D")
    print(f"coverage by day: {time.perf_counter() - start:.1f} s, {len(table):,} rows, "
          f"{table.loc[table['period'] == UNDATED, 'n_articles'].sum()} undated articles")
    start = time.perf_counter()
    passages = shared_passages(docs, progress=False)
    print(f"shared_passages: {time.perf_counter() - start:.1f} s (given to copy_groups)")
    start = time.perf_counter()
    groups = copy_groups(docs, passages)
    seconds = time.perf_counter() - start
    sizes = groups.groupby("group_id").size()
    print(f"copy_groups: {seconds:.1f} s, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB;"
          f" {len(sizes):,} groups holding {len(groups):,} articles; sizes {sizes.value_counts().sort_index().to_dict()}")
    group_of = dict(zip(groups["doc_id"], groups["group_id"]))
    together = sum(a in group_of and group_of.get(a) == group_of.get(b) for a, b in positives)
    print(f"repeated bodies in the group of the body they repeat: {together}/{len(positives)}")
    titles = dict(zip(docs["doc_id"], docs["title"]))
    for group_id in sizes.sort_values(ascending=False, kind="stable").index[:3]:
        members = groups.loc[groups["group_id"] == group_id, "doc_id"]
        print(f"  {group_id}: {len(members)} members, e.g. {[titles[d][:40] for d in members[:3]]}")
    single = keep_one_per_group(docs, groups)
    for name, frame in (("every article", docs), ("one per copy group", single)):
        pairs = similarity_pairs(frame, top_k=10)
        print(f"{name}: {len(frame):,} documents, {int(frame['n_words'].sum()):,} words, "
              f"{int((pairs['cosine'] >= NEAR_IDENTICAL).sum()):,} top-10 pairs with cosine >= {NEAR_IDENTICAL}")


if __name__ == "__main__":
    main()
