"""Benchmark: loading one long file of many paragraphs, to show that the time grows linearly with its size.

    python bench/bench_loading.py [--sizes 1 2 4 8] [--old-segmenting PATH]

Writes a file of random 15-40-word paragraphs from a 5,000-word vocabulary (seed 1) of each size in MB into a
temporary folder and times ``read_corpus`` on it, wall-clock, one run each; peak memory is this process's
``ru_maxrss``. ``--old-segmenting`` times ``segment_text`` with the off-topic pass of another copy of
``segmenting.py`` instead (issue 11.10: the pass that took one set union per paragraph).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import resource
import tempfile
import time
from pathlib import Path

from analysis import read_corpus, segmenting


def _article(megabytes: float) -> str:
    rng = random.Random(1)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9))) for _ in range(5000)]
    paragraphs, size = ["Headline of a long file\n\n"], 0
    while size < megabytes * 1e6:
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(15, 40))).capitalize() + ".\n\n"
        paragraphs.append(paragraph)
        size += len(paragraph)
    return "".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--old-segmenting", type=Path, help="time segment_text with this file's off-topic pass")
    args = parser.parse_args()
    if args.old_segmenting:
        spec = importlib.util.spec_from_file_location("analysis._old_segmenting", args.old_segmenting)
        old = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(old)
        segmenting._mark_off_topic = old._mark_off_topic
    for megabytes in args.sizes:
        text = _article(megabytes)
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "long.txt").write_text(text, encoding="utf-8")
            start = time.perf_counter()
            if args.old_segmenting:
                segmenting.segment_text(text)
            else:
                read_corpus(folder)
            seconds = time.perf_counter() - start
        paragraphs = text.count("\n\n")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{megabytes:6.1f} MB  {paragraphs:8,} paragraphs  {seconds:7.1f} s  peak {peak:,.0f} MB", flush=True)


if __name__ == "__main__":
    main()
