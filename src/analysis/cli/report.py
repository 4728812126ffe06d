"""``analysis report``: run every numbered notebook on a corpus and write the report."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import paths
from ..report import build_report, check_output_folder, default_output_dir
from . import add_jobs_argument, add_loader_arguments, loader_options, printable


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "report", help="execute every numbered notebook on a corpus; write notebooks, HTML and charts",
        description="Execute notebooks/NN-*.ipynb with papermill and write executed notebooks, HTML and "
                    "every chart (PNG, SVG, CSV twin) to --out. The loader options are passed to every notebook.",
    )
    parser.add_argument("--corpus", default=str(paths.RAW_DATA_DIR),
                        help="folder, file or table to analyse (default: the shipped seeds in data/raw)")
    parser.add_argument("--out", help="output folder (default: reports/ for the seeds, reports/<corpus name>/ "
                                      "for any other corpus)")
    parser.add_argument("--notebook", action="append", dest="notebooks", metavar="NOTEBOOK",
                        help="run only this notebook (repeatable)")
    add_loader_arguments(parser)
    add_jobs_argument(parser, what="notebooks run at once, each process with its own kernel")
    parser.add_argument("--fresh-kernels", action="store_true",
                        help="start a new kernel for every notebook (slower), for notebooks that change a module's "
                             "state; by default the notebooks one process runs share a kernel, reset between them")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..loading import CorpusError, read_corpus

    corpus = Path(args.corpus)
    if not corpus.exists():
        raise CorpusError(f"{corpus}: no such file or folder")
    out = Path(args.out) if args.out else default_output_dir(corpus)
    try:  # refused before any notebook runs: an existing file, or a folder holding the inputs
        check_output_folder(out, corpus=corpus, notebooks=args.notebooks)
    except ValueError as exc:
        print(printable(f"error: {exc}"), file=sys.stderr)
        return 2
    options = loader_options(args)
    read_corpus(corpus, **options)  # bad input fails here, with the loader's message, before any notebook runs
    written = build_report(corpus=corpus, out_dir=out, notebooks=args.notebooks, load_options=options,
                           n_jobs=args.jobs, fresh_kernels=args.fresh_kernels)
    print(printable(f"report: {len(written)} files in {out.resolve()}"))
    return 0
