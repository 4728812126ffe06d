"""``python -m analysis scale PATH --out DIR [--workers N | --scheduler ADDRESS]``: the analyses on Dask.

Reads a partitioned corpus (a folder of article files, of JSONL/Parquet shards,
or one table) with :func:`analysis.scale.read_corpus` on a local cluster of
``--workers`` processes or on the cluster at ``--scheduler``, prints the Dask
dashboard link and a progress bar for each stage, and writes to ``--out``:
``load-report.csv``, ``claims.csv``, ``terms.csv`` (by outlet), ``keyness.csv``
(by outlet), ``pairs.csv`` (``--top-k`` neighbours; ``--max-doc-share`` leaves
the commonest terms out of the search), ``passages.csv`` and ``overview.csv``,
the tables of the pandas commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import add_corpus_arguments, add_include_argument, at_least, loader_options, printable, write_table

#: What ``--analyses`` can name, in the order they run.
ANALYSES = ("claims", "terms", "keyness", "similarity", "passages", "overview")


def _analyses(value: str) -> tuple[str, ...]:
    names = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [n for n in names if n not in ANALYSES]
    if unknown:
        raise ValueError(f"unknown analyses {unknown}; choose from {', '.join(ANALYSES)}")
    return names


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "scale", help="the same analyses on Dask, for corpora in many files or shards (needs the dask extra)",
        description="Read a partitioned corpus on a Dask cluster and write the load report, claims, term "
                    "frequencies by outlet, top-k similar pairs, shared passages and the overview as CSV.")
    # --workers or --scheduler say where the work runs; the load report is written to --out
    add_corpus_arguments(parser, jobs=False, load_report=False)
    parser.add_argument("--out", required=True, help="folder to write the CSV tables into")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    where.add_argument("--workers", type=at_least(1), default=2,
                       help="worker processes of a local cluster (default: 2)")
    parser.add_argument("--memory-limit", default="4GB", help="memory per local worker (default: 4GB)")
    parser.add_argument("--top-k", type=at_least(1), default=10,
                        help="neighbours per document for pairs.csv (default: 10)")
    parser.add_argument("--max-doc-share", type=float, default=None,
                        help="for pairs.csv, leave the terms in more than this share of the documents out of the "
                             "search (the cosines stay exact; default: the exact search, which grows with the "
                             "square of the corpus)")
    parser.add_argument("--analyses", type=_analyses, default=ANALYSES,
                        help=f"comma-separated subset of {','.join(ANALYSES)} (default: all)")
    add_include_argument(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from distributed import progress

    from .. import scale
    from ..keyness import keyness_of_counts
    from ..terms import frequency_table

    out = Path(args.out)
    client = scale.client(scheduler=args.scheduler, workers=args.workers, memory_limit=args.memory_limit)
    try:
        corpus = scale.read_corpus(args.path, **loader_options(args))
        write_table(corpus.report, str(out / "load-report.csv"), safe=args.safe_csv)
        print(printable(corpus.summary()), file=sys.stderr)

        def done(frame):  # a Dask table: computed with a progress bar
            frame = client.persist(frame)
            progress(frame)
            print(file=sys.stderr)
            return frame.compute().reset_index(drop=True)

        counts = {}  # term counts by outlet, reduced once for both terms.csv and keyness.csv

        def term_counts():
            if not counts:
                counts["outlet"] = scale.count_terms(corpus, include=args.include)
            return counts["outlet"]

        for name in args.analyses:
            print(f"{name} ...", file=sys.stderr)
            if name == "claims":
                table = done(scale.extract_claims(corpus, include=args.include))
            elif name == "terms":
                table = frequency_table(term_counts())  # as scale.term_frequencies
            elif name == "keyness":
                table = keyness_of_counts(term_counts())  # as scale.keyness
            elif name == "similarity":
                table = scale.similarity_pairs(corpus, top_k=args.top_k, include=args.include,
                                               max_doc_share=args.max_doc_share)
                name = "pairs"
            elif name == "passages":
                table = scale.shared_passages(corpus, include=args.include)
            else:
                table = done(scale.corpus_overview(corpus))
            write_table(table, str(out / f"{name}.csv"), safe=args.safe_csv)
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and not args.scheduler:
            cluster.close()
    return 0
