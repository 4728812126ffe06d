"""Benchmark: the report (``python -m analysis report``), notebooks sharing kernels against a new kernel each.

    python bench/bench_report.py                  # the shipped seeds, three rounds
    python bench/bench_report.py --corpus PATH --rounds 5

``make report`` runs this command. Each round runs it twice, in new processes, once as it is (the
notebooks one process runs share a kernel, reset between them) and once with ``--fresh-kernels`` (a
new kernel for every notebook), the two in alternating order, so that both see the same machine.
For each run: wall time, and CPU time (user + system, of the command and every process it started:
workers and kernels). At the end, the median of each and their ratio, and whether the two reports
are the same files, byte for byte (they should be). Time on a shared machine is noisy: compare the
two within one run, never against a figure from another day.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run_report(corpus: str, out: Path, *, fresh: bool) -> tuple[float, float]:
    """Wall and CPU seconds of one ``python -m analysis report`` run writing to ``out``."""
    command = [sys.executable, "-m", "analysis", "report", "--corpus", corpus, "--out", str(out)]
    if fresh:
        command.append("--fresh-kernels")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT / "data" / "raw"), help="what the notebooks read")
    parser.add_argument("--rounds", type=int, default=3, help="pairs of runs (default 3)")
    args = parser.parse_args(argv)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}, "
          f"{os.cpu_count()} cores, corpus {args.corpus}")
    times: dict[str, list[tuple[float, float]]] = {"shared": [], "fresh": []}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.rounds):
            order = ("shared", "fresh") if k % 2 == 0 else ("fresh", "shared")
            for mode in order:
                out = Path(tmp) / mode / "report"  # the same folder name: the reports name it alike
                wall, cpu = run_report(args.corpus, out, fresh=mode == "fresh")
                times[mode].append((wall, cpu))
                print(f"round {k + 1} {mode:>6}: {wall:5.1f} s wall, {cpu:5.1f} s CPU", flush=True)
        same = _digest(Path(tmp) / "shared" / "report") == _digest(Path(tmp) / "fresh" / "report")
    wall = {mode: statistics.median(w for w, _ in runs) for mode, runs in times.items()}
    cpu = {mode: statistics.median(c for _, c in runs) for mode, runs in times.items()}
    print(f"median: shared kernels {wall['shared']:.1f} s ({cpu['shared']:.1f} s CPU), a kernel per notebook "
          f"{wall['fresh']:.1f} s ({cpu['fresh']:.1f} s CPU): {wall['fresh'] / wall['shared']:.2f}x")
    print("the two reports are the same files" if same else "THE TWO REPORTS DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
