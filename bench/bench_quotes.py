"""Benchmark: quotations and their variants on a large corpus, timed.

    python bench/bench_quotes.py /work/shared/corpora/reuters21578/reuters21578.jsonl.gz [--limit N]

Prints the seconds :func:`quotations` and :func:`quote_variants` take, how many
quotations of each kind were found, the share with a speaker, and the groups of
renderings found (wire stories sent twice are the expected verbatim groups).
"""

from __future__ import annotations

import argparse
import time

from reuters import load_reuters

from analysis.quotes import quotations, quote_variants


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="Reuters-21578 .jsonl.gz")
    parser.add_argument("--limit", type=int, help="only the first N bodies")
    args = parser.parse_args()
    docs, seconds = load_reuters(args.path)
    if args.limit:
        docs = docs.head(args.limit)
    print(f"loaded {len(docs)} bodies in {seconds:.1f} s")
    start = time.perf_counter()
    quotes = quotations(docs)
    found = time.perf_counter() - start
    kinds = quotes["kind"].value_counts().to_dict()
    named = (quotes["speaker"] != "unknown").mean() if len(quotes) else float("nan")
    print(f"quotations: {len(quotes)} in {found:.1f} s ({kinds}); with a speaker: {named:.2f}")
    start = time.perf_counter()
    groups = quote_variants(quotes, docs)
    print(f"quote_variants: {groups['group'].nunique()} groups, {len(groups)} quotations, "
          f"links {groups['links'].value_counts().to_dict()}, in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
